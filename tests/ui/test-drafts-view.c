/* test-drafts-view.c: the Drafts section lists every draft with its state,
 * and duplicates and deletes them
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "drafts-test-utils.h"
#include "pub-drafts-view.h"
#include "pub-new-dataset-window.h"

typedef struct
{
  char          *dir;
  PubDraftStore *store;
  GtkWindow     *window;
  PubDraftsView *view;
  PubDraft      *editing, *ready, *failed, *published;
} Fixture;

static void
fill_required (PubDraft *draft)
{
  pub_draft_set_field (draft, "name", "datos-de-prueba");
  pub_draft_set_field (draft, "notes", "Notas");
  pub_draft_set_field (draft, "author", "Autora");
  pub_draft_set_field (draft, "author_email", "autora@example.cl");
  pub_draft_set_field (draft, "owner_org", "ine");
  pub_draft_set_field (draft, "visibility", "private");
  pub_draft_set_field (draft, "license_id", "cc-by");
  pub_draft_add_tag (draft, "censo");
}

static PubDraft *
add_draft (PubDraftStore *store,
           const char    *title,
           gboolean       complete)
{
  g_autoptr(PubDraft) draft = pub_draft_new ();
  g_autoptr(PubDraftResource) link = pub_draft_resource_new_link ("https://example.cl/datos.csv");

  pub_draft_set_field (draft, "title", title);
  if (complete)
    {
      fill_required (draft);
      pub_draft_add_resource (draft, link);
    }
  pub_draft_store_add (store, draft);
  return draft;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *damaged = NULL;

  fixture->dir = g_dir_make_tmp ("drafts-view-XXXXXX", NULL);
  damaged = g_build_filename (fixture->dir, "roto.json", NULL);
  g_assert_true (g_file_set_contents (damaged, "{\"schema\": 1, \"id\": \"ro", -1, NULL));

  fixture->store = pub_draft_store_new (fixture->dir);
  fixture->editing = add_draft (fixture->store, "Censo 2024 (borrador)", FALSE);
  fixture->ready = add_draft (fixture->store, "Matrícula escolar", TRUE);
  fixture->failed = add_draft (fixture->store, "Listas de espera", TRUE);
  pub_draft_set_publish_step (fixture->failed, PUB_PUBLISH_STEP_UPLOAD_RESOURCES);
  pub_draft_set_last_error (fixture->failed, "Se cortó la conexión al subir «espera.csv».");
  fixture->published = add_draft (fixture->store, "Calidad del aire", TRUE);
  pub_draft_set_publish_step (fixture->published, PUB_PUBLISH_STEP_DONE);
  pub_draft_set_remote_url (fixture->published, "https://datos.gob.cl/dataset/calidad-del-aire");

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 700, 560);
  fixture->view = PUB_DRAFTS_VIEW (pub_drafts_view_new (fixture->store));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  iterate_until (widget_is_mapped, fixture->window);
  iterate_until (store_loaded, fixture->store);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GtkListBox *
get_list (Fixture *fixture)
{
  return GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (fixture->view), PUB_TYPE_DRAFTS_VIEW, "list"));
}

static AdwActionRow *
find_row (Fixture    *fixture,
          const char *id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (get_list (fixture))); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (gtk_widget_get_name (row), id) == 0)
        return ADW_ACTION_ROW (row);
    }
  return NULL;
}

static guint
count_rows (Fixture *fixture)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (get_list (fixture))); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static const char *
subtitle_of (Fixture  *fixture,
             PubDraft *draft)
{
  AdwActionRow *row = find_row (fixture, pub_draft_get_id (draft));

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (row);
}

static void
test_drafts_view_states (Fixture       *fixture,
                         gconstpointer  data)
{
  AdwActionRow *damaged_row;

  /* Four drafts and the damaged file: nothing is silently left out. */
  g_assert_cmpuint (count_rows (fixture), ==, 5);
  damaged_row = find_row (fixture, "roto");
  g_assert_nonnull (damaged_row);
  /* A plain sentence; the parser's words only in the tooltip. */
  g_assert_cmpstr (adw_action_row_get_subtitle (damaged_row), ==,
                   "Can’t be opened: The draft file is damaged; its contents could not be recovered.");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (damaged_row)), "unterminated string"));
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (find_row (fixture, pub_draft_get_id (fixture->ready)))));
  /* Besides Delete, it can be shown in its folder. */
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (find_descendant (GTK_WIDGET (damaged_row), GTK_TYPE_MENU_BUTTON));
    GMenuModel *menu = gtk_menu_button_get_menu_model (button);
    g_autofree char *first_action = NULL;
    g_autoptr(GVariant) target = NULL;

    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
    g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_ACTION, "s", &first_action));
    g_assert_cmpstr (first_action, ==, "drafts.show-file");
    target = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
    g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "roto");
  }

  g_assert_true (g_str_has_prefix (subtitle_of (fixture, fixture->editing), "Being written: "));
  g_assert_cmpstr (subtitle_of (fixture, fixture->ready), ==, "Ready to publish, with 1 file or link");
  g_assert_nonnull (strstr (subtitle_of (fixture, fixture->failed), "Se cortó la conexión"));
  /* The core says what happened; the list says what Retry does from there. */
  g_assert_true (g_str_has_suffix (subtitle_of (fixture, fixture->failed), "». Retry to go on from there."));
  g_assert_cmpstr (subtitle_of (fixture, fixture->published), ==, "Published");

  /* A publication in progress shows its percentage, live. */
  pub_draft_set_publishing (fixture->ready, TRUE);
  pub_draft_set_progress (fixture->ready, 0.42);
  g_assert_cmpstr (subtitle_of (fixture, fixture->ready), ==, "Publishing… 42 %");
  save_screenshot (GTK_WIDGET (fixture->window), "drafts-view.png");
  pub_draft_set_publishing (fixture->ready, FALSE);
  g_assert_cmpstr (subtitle_of (fixture, fixture->ready), ==, "Ready to publish, with 1 file or link");

  /* Titles follow the draft as it is edited elsewhere. */
  pub_draft_set_field (fixture->editing, "title", "Censo 2024");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find_row (fixture, pub_draft_get_id (fixture->editing)))),
                   ==, "Censo 2024");
}

static void
open_cb (PubDraftsView *view,
         PubDraft      *draft,
         PubDraft     **out)
{
  *out = draft;
}

static void
test_drafts_view_open_and_duplicate (Fixture       *fixture,
                                     gconstpointer  data)
{
  PubDraft *opened = NULL;
  PubDraft *retried = NULL;
  AdwActionRow *row = find_row (fixture, pub_draft_get_id (fixture->ready));
  AdwActionRow *failed_row = find_row (fixture, pub_draft_get_id (fixture->failed));
  GtkWidget *retry = NULL;

  g_signal_connect (fixture->view, "open-draft", G_CALLBACK (open_cb), &opened);
  g_signal_connect (fixture->view, "retry-draft", G_CALLBACK (open_cb), &retried);

  g_signal_emit_by_name (row, "activate");
  flush_events ();
  g_assert_true (opened == fixture->ready);

  /* The failed draft offers Retry right in its row. */
  retry = find_button (GTK_WIDGET (failed_row), "_Retry");
  g_assert_nonnull (retry);
  g_assert_true (gtk_widget_get_visible (retry));
  g_signal_emit_by_name (retry, "clicked");
  g_assert_true (retried == fixture->failed);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "drafts.duplicate", "s",
                              pub_draft_get_id (fixture->ready));
  flush_events ();
  g_assert_cmpuint (count_rows (fixture), ==, 6);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (get_list (fixture), 0))),
                   ==, "Matrícula escolar (copy)");
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
file_exists (gpointer data)
{
  flush_events ();
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
file_gone (gpointer data)
{
  flush_events ();
  return !g_file_test (data, G_FILE_TEST_EXISTS);
}

static void
test_drafts_view_delete (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.json", fixture->dir, pub_draft_get_id (fixture->ready));
  g_autofree char *damaged = g_build_filename (fixture->dir, "roto.json", NULL);
  g_autofree char *id = g_strdup (pub_draft_get_id (fixture->ready));
  AdwMessageDialog *dialog;

  iterate_until (file_exists, path);

  /* Not while it is being published. */
  pub_draft_set_publishing (fixture->ready, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "drafts.delete", "s", id);
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Publishing in Progress");
  g_assert_false (adw_message_dialog_has_response (dialog, "delete"));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  pub_draft_set_publishing (fixture->ready, FALSE);

  /* Cancelling keeps it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "drafts.delete", "s", id);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “Matrícula escolar”?");
  save_screenshot (GTK_WIDGET (dialog), "drafts-delete-dialog.png");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush_events ();
  g_assert_nonnull (find_row (fixture, id));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Confirming removes the row and the file. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "drafts.delete", "s", id);
  dialog = find_dialog ();
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_until (file_gone, path);
  g_assert_null (find_row (fixture, id));

  /* A damaged file can be deleted too, once confirmed. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "drafts.delete", "s", "roto");
  dialog = find_dialog ();
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_until (file_gone, damaged);
  g_assert_cmpuint (count_rows (fixture), ==, 3);
}

/* A draft open in a wizard: the dialog says its window closes, and after
 * Delete it does (its edits would have nowhere to go), with a toast. */
static void
test_drafts_view_delete_open_draft (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.json", fixture->dir, pub_draft_get_id (fixture->editing));
  g_autofree char *id = g_strdup (pub_draft_get_id (fixture->editing));
  PubNewDatasetWindow *wizard = pub_new_dataset_window_new (fixture->window, fixture->store, fixture->editing, NULL);
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (wizard), (gpointer *) &wizard);
  gtk_window_present (GTK_WINDOW (wizard));
  iterate_until (widget_is_mapped, wizard);
  iterate_until (file_exists, path);
  g_assert_true (pub_new_dataset_window_find (fixture->editing) == wizard);

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "drafts.delete", "s", id);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Its window, open now, is closed."));
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_until (file_gone, path);
  g_assert_null (wizard);
  g_assert_null (find_row (fixture, id));
  g_assert_true (has_label (GTK_WIDGET (fixture->view), "“Censo 2024 (borrador)” deleted, and its window closed"));
  save_screenshot (GTK_WIDGET (fixture->window), "drafts-deleted-open-draft.png");
}

static gboolean
stack_shows_error (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (data), "error") == 0;
}

static gboolean
stack_shows_list (gpointer data)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (data), "list") == 0;
}

/* The drafts folder can't be read: not "No Drafts" (that would look like
 * lost work) but what happened, and Try Again. */
static void
test_drafts_view_load_failed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("drafts-view-XXXXXX", NULL);
  g_autofree char *drafts_dir = g_build_filename (dir, "drafts", NULL);
  g_autoptr(PubDraftStore) store = pub_draft_store_new (drafts_dir);
  g_autoptr(PubDraft) draft = pub_draft_new ();
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *view;
  GtkStack *stack;
  AdwStatusPage *page;

  /* A file where the folder should be. */
  g_assert_true (g_file_set_contents (drafts_dir, "", -1, NULL));
  view = pub_drafts_view_new (store);
  gtk_window_set_default_size (window, 700, 560);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  iterate_until (widget_is_mapped, window);
  stack = GTK_STACK (gtk_widget_get_template_child (view, PUB_TYPE_DRAFTS_VIEW, "stack"));
  iterate_until (stack_shows_error, stack);
  page = ADW_STATUS_PAGE (gtk_widget_get_template_child (view, PUB_TYPE_DRAFTS_VIEW, "error_page"));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "Drafts Could Not Be Read");
  g_assert_nonnull (strstr (adw_status_page_get_description (page), drafts_dir));
  save_screenshot (GTK_WIDGET (window), "drafts-view-load-failed.png");

  /* Fixed: Try Again lists them. */
  g_assert_cmpint (g_unlink (drafts_dir), ==, 0);
  g_assert_cmpint (g_mkdir (drafts_dir, 0700), ==, 0);
  pub_draft_set_field (draft, "title", "Recuperado");
  json = pub_draft_to_json (draft);
  text = json_to_string (json, FALSE);
  {
    g_autofree char *path = g_strdup_printf ("%s/%s.json", drafts_dir, pub_draft_get_id (draft));

    g_assert_true (g_file_set_contents (path, text, -1, NULL));
  }
  g_assert_true (gtk_widget_activate_action (view, "drafts.reload", NULL));
  iterate_until (stack_shows_list, stack);
  g_assert_nonnull (pub_draft_store_find (store, pub_draft_get_id (draft)));

  gtk_window_destroy (window);
  g_clear_object (&store);
  remove_tree (dir);
}

static gboolean
row_is_back (gpointer data)
{
  Fixture *fixture = data;

  return find_row (fixture, "carpeta") != NULL;
}

/* The file could not be removed: the draft stays listed, and a toast says
 * why. */
static void
test_drafts_view_delete_failed (void)
{
  Fixture fixture_data = { 0 };
  Fixture *fixture = &fixture_data;
  g_autofree char *odd = NULL;
  AdwMessageDialog *dialog;

  fixture->dir = g_dir_make_tmp ("drafts-view-XXXXXX", NULL);
  /* A folder named like a draft: listed as damaged, and unlink refuses it. */
  odd = g_build_filename (fixture->dir, "carpeta.json", NULL);
  g_assert_cmpint (g_mkdir (odd, 0700), ==, 0);
  fixture->store = pub_draft_store_new (fixture->dir);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 700, 560);
  fixture->view = PUB_DRAFTS_VIEW (pub_drafts_view_new (fixture->store));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  iterate_until (widget_is_mapped, fixture->window);
  iterate_until (store_loaded, fixture->store);
  g_assert_nonnull (find_row (fixture, "carpeta"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "drafts.delete", "s", "carpeta");
  dialog = find_dialog ();
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (find_row (fixture, "carpeta"));
  iterate_until (row_is_back, fixture);
  g_assert_true (g_file_test (odd, G_FILE_TEST_IS_DIR));
  g_assert_true (has_label (GTK_WIDGET (fixture->view), "The draft could not be deleted: Is a directory"));
  save_screenshot (GTK_WIDGET (fixture->window), "drafts-view-delete-failed.png");

  g_rmdir (odd);
  fixture_teardown (fixture, NULL);
}

static void
test_drafts_view_empty (void)
{
  g_autofree char *dir = g_dir_make_tmp ("drafts-view-XXXXXX", NULL);
  g_autoptr(PubDraftStore) store = pub_draft_store_new (dir);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *view = pub_drafts_view_new (store);
  GtkStack *stack;

  gtk_window_set_default_size (window, 700, 560);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  iterate_until (widget_is_mapped, window);
  iterate_until (store_loaded, store);
  stack = GTK_STACK (gtk_widget_get_template_child (view, PUB_TYPE_DRAFTS_VIEW, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  save_screenshot (GTK_WIDGET (window), "drafts-view-empty.png");

  pub_draft_store_create (store);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  gtk_window_destroy (window);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/drafts-view/states", test_drafts_view_states);
  ADD ("/drafts-view/open-and-duplicate", test_drafts_view_open_and_duplicate);
  ADD ("/drafts-view/delete", test_drafts_view_delete);
  ADD ("/drafts-view/delete-open-draft", test_drafts_view_delete_open_draft);
#undef ADD
  g_test_add_func ("/drafts-view/empty", test_drafts_view_empty);
  g_test_add_func ("/drafts-view/load-failed", test_drafts_view_load_failed);
  g_test_add_func ("/drafts-view/delete-failed", test_drafts_view_delete_failed);

  return g_test_run ();
}
