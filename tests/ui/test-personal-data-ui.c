/* test-personal-data.c: publishing a file with personal data as public
 * asks first, through the wizard's buttons; the answer is kept, so a
 * retry does not ask again
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "drafts-test-utils.h"
#include "pub-anonymize-window.h"
#include "pub-drafts-view.h"
#include "pub-new-dataset-window.h"
#include "pub-personal-data-dialog.h"
#include "test-portal.h"
#include "../fake-network-monitor.h"

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
  GString *csv = g_string_new ("comuna,correo_contacto,poblacion\n");

  f->dir = g_dir_make_tmp ("personal-ui-XXXXXX", NULL);
  f->store = pub_draft_store_new (f->dir);
  pub_draft_store_set_save_delay (f->store, 10);
  f->portal = pub_test_portal_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pub_test_portal_listen (f->portal, 0, &error));
  f->client = ckan_client_new (pub_test_portal_get_url (f->portal), FALSE, &error);
  g_assert_no_error (error);
  ckan_client_set_token (f->client, pub_test_portal_get_token (f->portal, "editor"));

  /* A complete dataset, public, with one file of 200 e-mail addresses. */
  f->draft = g_object_ref (pub_draft_store_create (f->store));
  pub_draft_set_field (f->draft, "title", "Contactos comunales");
  pub_draft_set_field (f->draft, "name", "contactos-comunales");
  pub_draft_set_field (f->draft, "notes", "Quién atiende en cada comuna.");
  pub_draft_set_field (f->draft, "author", "Unidad de Estudios");
  pub_draft_set_field (f->draft, "author_email", "estudios@example.cl");
  pub_draft_set_field (f->draft, "owner_org", "ministerio-de-prueba");
  pub_draft_set_field (f->draft, "visibility", "public");
  pub_draft_set_field (f->draft, "license_id", "cc-by");
  pub_draft_add_tag (f->draft, "contactos");
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (csv, "Comuna %u,persona%u@example.cl,%u\n", i, i, 1000 + i);
  path = g_build_filename (f->dir, "contactos.csv", NULL);
  g_assert_true (g_file_set_contents (path, csv->str, (gssize) csv->len, NULL));
  g_string_free (csv, TRUE);
  file = g_file_new_for_path (path);
  resource = pub_draft_resource_new_for_file (file);
  pub_draft_add_resource (f->draft, resource);

  f->window = pub_new_dataset_window_new (NULL, f->store, f->draft, f->client);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 720);
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

static gboolean
personal_data_found (gpointer data)
{
  g_autoptr(PubDraftResource) resource = g_list_model_get_item (pub_draft_get_resources (data), 0);

  return pub_draft_resource_get_personal_data (resource) != NULL;
}

static GtkWidget *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (PUB_IS_PERSONAL_DATA_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  GtkWidget *dialog = find_dialog ();

  return dialog != NULL && gtk_widget_get_mapped (dialog);
}

static gboolean
draft_published (gpointer data)
{
  return pub_draft_get_state (data) == PUB_DRAFT_STATE_PUBLISHED;
}

static gboolean
draft_failed (gpointer data)
{
  return pub_draft_get_state (data) == PUB_DRAFT_STATE_FAILED;
}

/* A message dialog keeps its buttons twice (side by side, and stacked
 * for narrow windows): the one on screen, or the first when none is yet. */
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

/* Presses a button on screen, found by its label, as a click does. */
static void
click (GtkWidget  *root,
       const char *label)
{
  gpointer args[] = { root, (gpointer) label };
  GtkWidget *button;

  g_test_message ("Pressing %s", label);
  iterate_until (button_shown, args);
  button = find_shown_button (root, label);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  flush_events ();
}

/* To step 2, the file checked, then Publish: the question comes up,
 * naming the file, what was found and where, and where to turn it off. */
static GtkWidget *
publish_until_asked (Fixture *f)
{
  GtkWidget *dialog;

  click (GTK_WIDGET (f->window), "_Next");
  g_assert_cmpstr (pub_new_dataset_window_get_step (f->window), ==, "resources");
  g_test_message ("Waiting for the checks");
  iterate_until (personal_data_found, f->draft);
  click (GTK_WIDGET (f->window), "_Publish");
  iterate_until (dialog_shown, NULL);
  dialog = find_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  g_assert_true (has_label (dialog, "contactos.csv"));
  g_assert_true (has_label (dialog, "200 e-mail addresses in “correo_contacto”"));
  g_assert_true (has_label (dialog, "This check can be turned off in Preferences, under “Checks Before Publishing”."));
  /* Nothing left for the portal before the answer. */
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 0);
  return dialog;
}

static void
test_publish_anyway (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *dialog = publish_until_asked (f);
  g_autoptr(JsonObject) dataset = NULL;
  g_autoptr(PubDraftResource) resource = g_list_model_get_item (pub_draft_get_resources (f->draft), 0);

  save_screenshot (dialog, "personal-data-dialog.png");
  /* The last step (making it public) fails once: the retry goes on
   * without asking again. */
  pub_test_portal_inject_fault (f->portal, "package_patch", PUB_TEST_FAULT_HTTP_500_JSON, 0, 1);
  click (dialog, "Publish _Anyway");
  g_assert_null (find_dialog ());
  g_assert_true (pub_draft_resource_get_personal_data_accepted (resource));
  iterate_until (draft_failed, f->draft);

  click (GTK_WIDGET (f->window), "_Retry");
  g_assert_null (find_dialog ());
  iterate_until (draft_published, f->draft);
  dataset = pub_test_portal_dup_dataset (f->portal, "contactos-comunales");
  g_assert_nonnull (dataset);
  g_assert_false (json_object_get_boolean_member (dataset, "private"));
}

static void
test_publish_private (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *dialog = publish_until_asked (f);
  g_autoptr(JsonObject) dataset = NULL;

  click (dialog, "Publish as _Private");
  g_assert_null (find_dialog ());
  g_assert_cmpstr (pub_draft_get_field (f->draft, "visibility"), ==, "private");
  iterate_until (draft_published, f->draft);
  dataset = pub_test_portal_dup_dataset (f->portal, "contactos-comunales");
  g_assert_nonnull (dataset);
  g_assert_true (json_object_get_boolean_member (dataset, "private"));
}

static void
test_review (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *dialog = publish_until_asked (f);

  click (dialog, "_Review");
  g_assert_null (find_dialog ());
  g_assert_cmpstr (pub_new_dataset_window_get_step (f->window), ==, "resources");
  g_assert_cmpint (pub_draft_get_state (f->draft), ==, PUB_DRAFT_STATE_READY);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 0);

  /* Asked again next time: nothing was answered. */
  click (GTK_WIDGET (f->window), "_Publish");
  iterate_until (dialog_shown, NULL);
  click (find_dialog (), "_Review");
}

static gboolean
anonymize_window_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (PUB_IS_ANONYMIZE_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          *(GtkWindow **) data = window;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
uses_anonymised_copy (gpointer data)
{
  g_autoptr(PubDraftResource) resource = g_list_model_get_item (pub_draft_get_resources (data), 0);
  PubResourceCheckStatus status = pub_draft_resource_get_check_status (resource);

  return g_str_has_suffix (pub_draft_resource_get_path (resource), "contactos-anonimizado.csv") &&
         status != PUB_RESOURCE_CHECK_NONE && status != PUB_RESOURCE_CHECK_RUNNING;
}

/* "Create Anonymised Copy…" in the question: nothing is sent; the page
 * opens on the flagged file, and its copy takes the file's place. */
static void
test_anonymize (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *dialog = publish_until_asked (f);
  GtkWindow *page = NULL;
  g_autoptr(PubDraftResource) resource = g_list_model_get_item (pub_draft_get_resources (f->draft), 0);
  g_autofree char *copy = NULL;

  click (dialog, "Create _Anonymised Copy…");
  g_assert_null (find_dialog ());
  g_assert_cmpstr (pub_new_dataset_window_get_step (f->window), ==, "resources");
  iterate_until (anonymize_window_shown, &page);
  g_assert_true (has_label (GTK_WIDGET (page), "correo_contacto"));
  click (GTK_WIDGET (page), "C_reate Copy");
  iterate_until (uses_anonymised_copy, f->draft);
  g_assert_true (g_file_get_contents (pub_draft_resource_get_path (resource), &copy, NULL, NULL));
  g_assert_null (strstr (copy, "persona1@"));
  g_assert_nonnull (strstr (copy, "@example.cl"));
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 0);

  /* The copy has nothing left to ask about: Publish goes straight on. */
  g_assert_null (pub_draft_resource_get_personal_data (resource));
  click (GTK_WIDGET (f->window), "_Publish");
  g_assert_null (find_dialog ());
  iterate_until (draft_published, f->draft);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 1);
}

/* Publish pressed while the checks still read the file: nothing is sent
 * until they are done, and then the question comes. */
static void
test_waits_for_checks (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(PubDraftResource) resource = g_list_model_get_item (pub_draft_get_resources (f->draft), 0);
  g_autoptr(JsonNode) findings = NULL;

  click (GTK_WIDGET (f->window), "_Next");
  iterate_until (personal_data_found, f->draft);
  /* As just after the file was added: read, not yet checked. */
  findings = json_node_copy (pub_draft_resource_get_personal_data (resource));
  pub_draft_resource_set_personal_data (resource, NULL);
  pub_draft_resource_set_check_result (resource, PUB_RESOURCE_CHECK_RUNNING, "Checking the file…");

  click (GTK_WIDGET (f->window), "_Publish");
  g_assert_null (find_dialog ());
  g_assert_null (pub_publish_job_get_running (f->draft));
  g_assert_cmpint (pub_draft_get_state (f->draft), ==, PUB_DRAFT_STATE_READY);
  g_assert_cmpstr (pub_new_dataset_window_get_step (f->window), ==, "progress");
  g_assert_true (has_label (GTK_WIDGET (f->window), "Checking the Files"));
  save_screenshot (GTK_WIDGET (f->window), "publish-waits-for-checks.png");

  pub_draft_resource_set_personal_data (resource, findings);
  pub_draft_resource_set_check_result (resource, PUB_RESOURCE_CHECK_ERRORS, "Personal data");
  iterate_until (dialog_shown, NULL);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 0);
  click (find_dialog (), "_Review");
}

static GtkWidget *
find_row_with_title (GtkWidget  *widget,
                     const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row_with_title (c, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Queued from elsewhere with nobody there to answer: online, signed in,
 * the queue still does not send it, and the Drafts list says why. */
static void
test_queue_says_why (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PubPublishQueue) queue = pub_publish_queue_new (f->store, g_network_monitor_get_default ());
  g_autoptr(JsonNode) findings = json_from_string ("[{\"column\": \"correo_contacto\", \"kind\": \"email\", \"count\": 200}]", NULL);
  g_autoptr(PubDraftResource) resource = g_list_model_get_item (pub_draft_get_resources (f->draft), 0);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *view = pub_drafts_view_new (f->store);
  GtkWidget *row;

  set_network (TRUE);
  pub_draft_resource_set_personal_data (resource, findings);
  pub_publish_queue_set_client (queue, f->client);
  pub_drafts_view_set_queue (PUB_DRAFTS_VIEW (view), queue);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  iterate_until (widget_is_mapped, window);
  iterate_until (store_loaded, f->store);

  pub_publish_queue_publish (queue, f->draft, NULL);
  flush_events ();
  g_assert_null (pub_publish_queue_get_job (queue, f->draft));
  g_assert_cmpint (pub_draft_get_state (f->draft), ==, PUB_DRAFT_STATE_QUEUED);
  row = find_row_with_title (view, "Contactos comunales");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Waiting: it has personal data. Open it and press Publish Now to decide");
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 0);

  pub_publish_queue_cancel (queue, f->draft);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Before anything asks for the default monitor. */
  install_fake_network_monitor ();

  g_test_add ("/personal-data/publish-anyway", Fixture, NULL, fixture_setup, test_publish_anyway, fixture_teardown);
  g_test_add ("/personal-data/publish-private", Fixture, NULL, fixture_setup, test_publish_private, fixture_teardown);
  g_test_add ("/personal-data/waits-for-checks", Fixture, NULL, fixture_setup, test_waits_for_checks, fixture_teardown);
  g_test_add ("/personal-data/queue-says-why", Fixture, NULL, fixture_setup, test_queue_says_why, fixture_teardown);
  g_test_add ("/personal-data/review", Fixture, NULL, fixture_setup, test_review, fixture_teardown);
  g_test_add ("/personal-data/anonymize", Fixture, NULL, fixture_setup, test_anonymize, fixture_teardown);

  return g_test_run ();
}
