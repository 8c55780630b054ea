/* test-publish-queue-ui.c: a draft queued offline, as the Drafts list and
 * the wizard show it, cancelled, and published when the network returns
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "drafts-test-utils.h"
#include "pub-application.h"
#include "pub-drafts-view.h"
#include "pub-new-dataset-window.h"
#include "test-portal.h"
#include "../fake-network-monitor.h"

typedef struct
{
  PubTestPortal *portal;
  CkanClient    *client;
  guint          datasets_before;
} Portal;

static void
portal_start (Portal *p)
{
  g_autoptr(GError) error = NULL;

  p->portal = pub_test_portal_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pub_test_portal_listen (p->portal, 0, &error));
  p->client = ckan_client_new (pub_test_portal_get_url (p->portal), FALSE, &error);
  g_assert_no_error (error);
  ckan_client_set_token (p->client, pub_test_portal_get_token (p->portal, "editor"));
  p->datasets_before = pub_test_portal_count_datasets (p->portal);
}

static void
portal_stop (Portal *p)
{
  g_clear_object (&p->client);
  g_clear_object (&p->portal);
}

/* Complete, with one link: ready to publish. */
static PubDraft *
add_ready_draft (PubDraftStore *store,
                 const char    *title,
                 const char    *name)
{
  g_autoptr(PubDraft) draft = pub_draft_new ();
  g_autoptr(PubDraftResource) link = pub_draft_resource_new_link ("https://example.cl/api/datos.json");

  pub_draft_set_field (draft, "title", title);
  pub_draft_set_field (draft, "name", name);
  pub_draft_set_field (draft, "notes", "Notas.");
  pub_draft_set_field (draft, "author", "Autora");
  pub_draft_set_field (draft, "author_email", "autora@example.cl");
  pub_draft_set_field (draft, "owner_org", "ministerio-de-prueba");
  pub_draft_set_field (draft, "visibility", "public");
  pub_draft_set_field (draft, "license_id", "cc-by");
  pub_draft_add_tag (draft, "prueba");
  pub_draft_add_resource (draft, link);
  pub_draft_store_add (store, draft);
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_READY);
  return draft;
}

static AdwActionRow *
find_row (PubDraftsView *view,
          PubDraft      *draft)
{
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), PUB_TYPE_DRAFTS_VIEW, "list"));

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (gtk_widget_get_name (row), pub_draft_get_id (draft)) == 0)
        return ADW_ACTION_ROW (row);
    }
  g_assert_not_reached ();
}

static gboolean
is_published (gpointer data)
{
  return pub_draft_get_state (data) == PUB_DRAFT_STATE_PUBLISHED;
}

static gboolean
job_runs (gpointer data)
{
  return pub_publish_queue_get_job (data, NULL) != NULL;
}

static gboolean
job_waits (gpointer data)
{
  PubPublishJob *job = pub_publish_queue_get_job (data, NULL);

  return job != NULL && pub_publish_job_get_waiting_for_network (job);
}

/* The Drafts list: "Waiting for a connection" and Cancel; without an
 * account it says so; Cancel makes it ready again; queued again, it is
 * published when the network comes back, and the row follows. */
static void
test_drafts_view_queued (void)
{
  g_autofree char *dir = g_dir_make_tmp ("queue-ui-XXXXXX", NULL);
  g_autoptr(PubDraftStore) store = pub_draft_store_new (dir);
  g_autoptr(PubPublishQueue) queue = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  PubDraftsView *view;
  PubDraft *draft;
  GtkWidget *row, *cancel;
  Portal p = { 0 };

  portal_start (&p);
  set_network (FALSE);
  draft = add_ready_draft (store, "Censo en espera", "censo-en-espera");
  queue = pub_publish_queue_new (store, g_network_monitor_get_default ());
  view = PUB_DRAFTS_VIEW (pub_drafts_view_new (store));
  pub_drafts_view_set_queue (view, queue);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  iterate_until (widget_is_mapped, window);
  iterate_until (store_loaded, store);

  pub_publish_queue_publish (queue, draft, NULL);
  row = GTK_WIDGET (find_row (view, draft));
  cancel = find_button (row, "_Cancel");
  g_assert_nonnull (cancel);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Waiting for a connection");
  g_assert_true (gtk_widget_get_visible (cancel));
  g_assert_false (gtk_widget_get_visible (find_button (row, "_Retry")));
  save_screenshot (GTK_WIDGET (window), "drafts-queued");

  /* Online, but nobody signed in. */
  set_network (TRUE);
  flush_events ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Waiting for a portal account: sign in to publish it");
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_QUEUED);

  g_signal_emit_by_name (cancel, "clicked");
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_READY);
  g_assert_false (pub_publish_queue_is_waiting (queue, draft));
  g_assert_false (gtk_widget_get_visible (cancel));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Ready to publish, with 1 file or link");

  /* Queued again offline; signed in and back online, it goes. */
  set_network (FALSE);
  pub_publish_queue_publish (queue, draft, NULL);
  pub_publish_queue_set_client (queue, p.client);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Waiting for a connection");
  /* The network goes again while the file is being sent: the row says
   * the running job waits, and how far it got. */
  pub_test_portal_inject_fault (p.portal, "resource_create", PUB_TEST_FAULT_DELAY, 800, 1);
  set_network (TRUE);
  iterate_until (job_runs, queue);
  set_network (FALSE);
  iterate_until (job_waits, queue);
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_PUBLISHING);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   "Waiting for a connection; "));
  set_network (TRUE);
  iterate_until (is_published, draft);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Published");
  g_assert_cmpuint (pub_test_portal_count_datasets (p.portal), ==, p.datasets_before + 1);
  g_assert_nonnull (pub_test_portal_dup_dataset (p.portal, "censo-en-espera"));

  gtk_window_destroy (window);
  g_clear_object (&queue);
  portal_stop (&p);
}

static gboolean
wizard_on_published (gpointer data)
{
  GtkWidget *portal_button = GTK_WIDGET (gtk_widget_get_template_child (data, PUB_TYPE_NEW_DATASET_WINDOW,
                                                                        "portal_button"));

  return gtk_widget_get_visible (portal_button);
}

/* In the application, the wizard publishes through its queue: offline it
 * shows the wait with Cancel and Publish Now; the network returning
 * publishes, and a wizard opened meanwhile shows that job to its end. */
static void
test_wizard_queued (void)
{
  g_autoptr(PubApplication) app = pub_application_new ();
  PubPublishQueue *queue;
  PubNewDatasetWindow *wizard;
  AdwStatusPage *page;
  PubDraft *draft;
  Portal p = { 0 };

  portal_start (&p);
  set_network (FALSE);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));
  queue = pub_application_get_publish_queue (app);
  g_assert_true (pub_publish_queue_get_store (queue) == pub_draft_store_get_default ());
  iterate_until (store_loaded, pub_draft_store_get_default ());

  draft = add_ready_draft (pub_draft_store_get_default (), "Aire en espera", "aire-en-espera");
  wizard = pub_new_dataset_window_new (NULL, NULL, draft, p.client);
  gtk_window_set_application (GTK_WINDOW (wizard), GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (wizard));
  iterate_until (widget_is_mapped, wizard);

  pub_new_dataset_window_publish (wizard);
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_QUEUED);
  g_assert_true (pub_publish_queue_is_waiting (queue, draft));
  g_assert_cmpstr (pub_new_dataset_window_get_step (wizard), ==, "progress");
  page = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (wizard), PUB_TYPE_NEW_DATASET_WINDOW,
                                                         "progress_page"));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "Waiting for a Connection");
  g_assert_nonnull (find_button (GTK_WIDGET (wizard), "_Publish Now"));
  g_assert_true (gtk_widget_get_visible (find_button (GTK_WIDGET (wizard), "_Publish Now")));
  save_screenshot (GTK_WIDGET (wizard), "wizard-queued");

  /* Publish Now while still offline changes nothing. */
  pub_new_dataset_window_publish (wizard);
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_QUEUED);
  g_assert_cmpuint (pub_test_portal_get_call_count (p.portal, "package_create"), ==, 0);

  /* Cancel takes it out of the queue and back to the files; Publish
   * queues it again. */
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.cancel-publish", NULL);
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_READY);
  g_assert_false (pub_publish_queue_is_waiting (queue, draft));
  g_assert_cmpstr (pub_new_dataset_window_get_step (wizard), ==, "resources");
  pub_new_dataset_window_publish (wizard);
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_QUEUED);

  /* Closed and opened again while it waits: the new window, which did
   * not start anything, shows the wait, then the job the queue starts. */
  gtk_window_destroy (GTK_WINDOW (wizard));
  wizard = pub_new_dataset_window_new (NULL, NULL, draft, p.client);
  gtk_window_set_application (GTK_WINDOW (wizard), GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (wizard));
  iterate_until (widget_is_mapped, wizard);
  g_assert_cmpstr (pub_new_dataset_window_get_step (wizard), ==, "progress");
  page = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (wizard), PUB_TYPE_NEW_DATASET_WINDOW,
                                                         "progress_page"));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "Waiting for a Connection");

  set_network (TRUE);
  iterate_until (job_runs, queue);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "Publishing");
  iterate_until (wizard_on_published, wizard);
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_PUBLISHED);
  g_assert_false (pub_draft_get_queued (draft));
  g_assert_cmpuint (pub_test_portal_get_call_count (p.portal, "package_create"), ==, 1);
  g_assert_cmpuint (pub_test_portal_count_datasets (p.portal), ==, p.datasets_before + 1);

  gtk_window_destroy (GTK_WINDOW (wizard));
  g_application_release (G_APPLICATION (app));
  portal_stop (&p);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  install_fake_network_monitor ();

  g_test_add_func ("/publish-queue-ui/drafts-view", test_drafts_view_queued);
  /* Last: it leaves a default application behind. */
  g_test_add_func ("/publish-queue-ui/wizard", test_wizard_queued);

  return g_test_run ();
}
