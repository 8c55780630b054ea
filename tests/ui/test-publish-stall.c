/* test-publish-stall.c: the wizard says when the portal stops answering
 * mid-upload, Cancel is there, and the failure says what was kept
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "drafts-test-utils.h"
#include "pub-new-dataset-window.h"
#include "pub-publish-job.h"
#include "test-portal.h"

typedef struct
{
  char                *dir;
  PubDraftStore       *store;
  PubDraft            *draft;
  PubNewDatasetWindow *window;
  PubTestPortal       *portal;
  CkanClient          *client;
} Fixture;

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(gboolean *) user_data = pub_draft_store_flush_finish (PUB_DRAFT_STORE (object), result, NULL);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PubDraftResource) resource = NULL;

  f->dir = g_dir_make_tmp ("stall-ui-XXXXXX", NULL);
  f->store = pub_draft_store_new (f->dir);
  pub_draft_store_set_save_delay (f->store, 10);
  f->portal = pub_test_portal_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pub_test_portal_listen (f->portal, 0, &error));
  f->client = ckan_client_new (pub_test_portal_get_url (f->portal), FALSE, &error);
  g_assert_no_error (error);
  ckan_client_set_token (f->client, pub_test_portal_get_token (f->portal, "editor"));

  f->draft = g_object_ref (pub_draft_store_create (f->store));
  pub_draft_set_field (f->draft, "title", "Matrícula 2025");
  pub_draft_set_field (f->draft, "name", "matricula-2025");
  pub_draft_set_field (f->draft, "notes", "Matrícula por establecimiento.");
  pub_draft_set_field (f->draft, "author", "Unidad de Estadísticas");
  pub_draft_set_field (f->draft, "author_email", "estadisticas@example.cl");
  pub_draft_set_field (f->draft, "owner_org", "ministerio-de-prueba");
  pub_draft_set_field (f->draft, "visibility", "public");
  pub_draft_set_field (f->draft, "license_id", "cc-by");
  pub_draft_add_tag (f->draft, "educación");
  path = g_build_filename (f->dir, "matricula.csv", NULL);
  g_assert_true (g_file_set_contents (path, "rbd,matricula\n101,340\n102,512\n", -1, NULL));
  file = g_file_new_for_path (path);
  resource = pub_draft_resource_new_for_file (file);
  pub_draft_add_resource (f->draft, resource);

  f->window = pub_new_dataset_window_new (NULL, f->store, f->draft, f->client);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 600);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate_until (widget_is_mapped, f->window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gboolean flushed = FALSE;

  gtk_window_destroy (GTK_WINDOW (f->window));
  pub_draft_store_flush_async (f->store, NULL, flushed_cb, &flushed);
  iterate_until (is_true, &flushed);
  g_clear_object (&f->draft);
  g_clear_object (&f->store);
  g_clear_object (&f->client);
  g_clear_object (&f->portal);
  remove_tree (f->dir);
  g_free (f->dir);
}

/* The button of that label that is on screen. */
static GtkWidget *
find_shown_button (GtkWidget  *widget,
                   const char *label)
{
  GtkWidget *first = NULL;

  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_shown_button (c, label);

      if (found != NULL && gtk_widget_get_mapped (found))
        return found;
      if (first == NULL)
        first = found;
    }
  return first;
}

static gboolean
button_shown (gpointer data)
{
  gpointer *args = data;
  GtkWidget *button = find_shown_button (args[0], args[1]);

  return button != NULL && gtk_widget_get_mapped (button);
}

static void
click (GtkWidget  *root,
       const char *label)
{
  gpointer args[] = { root, (gpointer) label };
  GtkWidget *button;

  iterate_until (button_shown, args);
  button = find_shown_button (root, label);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  flush_events ();
}

static gboolean
file_hashed (gpointer data)
{
  g_autoptr(PubDraftResource) resource = g_list_model_get_item (pub_draft_get_resources (data), 0);

  return pub_draft_resource_get_sha256 (resource) != NULL;
}

static gboolean
job_running (gpointer data)
{
  return pub_publish_job_get_running (data) != NULL;
}

/* A label on screen whose text starts with the given words. */
static GtkWidget *
find_label_starting (GtkWidget  *widget,
                     const char *start)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), start))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label_starting (c, start);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
says_silent_for_a_second (gpointer data)
{
  return find_label_starting (data, "The portal has not answered for 1 s…") != NULL;
}

static gboolean
draft_failed (gpointer data)
{
  return pub_draft_get_state (data) == PUB_DRAFT_STATE_FAILED;
}

/* The portal holds the upload's answer; with the silence allowed cut to
 * 0.3 s (10 s in the app) the page says so, with Cancel; cancelled, it
 * says what is on the portal already. */
static void
test_stalled_upload (Fixture       *f,
                     gconstpointer  data)
{
  PubPublishJob *job;

  click (GTK_WIDGET (f->window), "_Next");
  iterate_until (file_hashed, f->draft);
  pub_test_portal_inject_fault (f->portal, "resource_create", PUB_TEST_FAULT_DELAY, 8000, 1);
  click (GTK_WIDGET (f->window), "_Publish");
  iterate_until (job_running, f->draft);
  job = pub_publish_job_get_running (f->draft);
  pub_publish_job_set_stall_timeout (job, 300);

  iterate_until (says_silent_for_a_second, f->window);
  save_screenshot (GTK_WIDGET (f->window), "publish-stalled.png");
  g_assert_cmpstr (pub_new_dataset_window_get_step (f->window), ==, "progress");

  click (GTK_WIDGET (f->window), "_Cancel");
  iterate_until (draft_failed, f->draft);
  flush_events ();
  g_assert_cmpstr (pub_draft_get_last_error (f->draft), ==,
                   "Publishing was cancelled before it finished; the dataset and its file are already on the portal.");
  /* On the page, with what to do next. */
  g_assert_true (has_label (GTK_WIDGET (f->window),
                            "Publishing was cancelled before it finished; the dataset and its file are already "
                            "on the portal. Retry to go on from there."));
  save_screenshot (GTK_WIDGET (f->window), "publish-stalled-cancelled.png");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/publish-stall/stalled-upload", Fixture, NULL, fixture_setup, test_stalled_upload, fixture_teardown);

  return g_test_run ();
}
