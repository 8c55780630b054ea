/* test-dataset-resources.c: the dataset page's resources, activity and
 * deletion against the test portal: adding, editing, reordering from the
 * keyboard, replacing (column changes, resuming), a backup before deleting
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dataset-window-test-utils.h"
#include "pub-activity-row.h"
#include "pub-add-resources-window.h"
#include "pub-dataset-activity-page.h"
#include "pub-dataset-backup.h"
#include "pub-dataset-delete-dialog.h"

static gboolean
portal_order_swapped (gpointer data)
{
  Fixture *f = data;
  g_autoptr(JsonObject) dataset = stored (f);
  JsonArray *resources = json_object_get_array_member (dataset, "resources");

  return g_strcmp0 (json_object_get_string_member (json_array_get_object_element (resources, 0), "id"),
                    f->resource_ids[1]) == 0;
}

static gboolean
list_refreshed (gpointer data)
{
  Fixture *f = data;
  CkanDataset *dataset = pub_dataset_window_get_dataset (f->window);

  return g_strcmp0 (ckan_resource_get_id (g_ptr_array_index (ckan_dataset_get_resources (dataset), 0)),
                    f->resource_ids[1]) == 0;
}

static gboolean
second_validated (gpointer data)
{
  Fixture *f = data;
  g_autoptr(JsonObject) dataset = stored (f);
  JsonObject *second = json_array_get_object_element (json_object_get_array_member (dataset, "resources"), 1);

  return g_strcmp0 (json_object_get_string_member_with_default (second, "validation_status", NULL), "success") == 0;
}

static void
test_keyboard_reorder (Fixture       *f,
                       gconstpointer  data)
{
  GtkListBox *list = resource_list (f);
  GtkListBoxRow *first;
  g_autofree char *badges = NULL;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (WINDOW_CHILD (f, "view_stack")), "resources");
  flush_events ();
  g_assert_cmpstr (row_id (list, 0), ==, f->resource_ids[0]);
  first = gtk_list_box_get_row_at_index (list, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "regiones.csv");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)), "CSV"));
  save_screenshot (GTK_WIDGET (f->window), "dataset-resources.png");

  /* The portal validates the second file meanwhile. */
  {
    g_autofree char *json = g_strdup_printf ("{\"resource_id\": \"%s\"}", f->resource_ids[1]);
    g_autoptr(JsonNode) run = call (f->client, "resource_validation_run", json);
  }
  iterate_until (second_validated, f);

  /* Alt+Down on the focused row. */
  gtk_widget_grab_focus (GTK_WIDGET (first));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "row.move-down", NULL));
  flush_events ();
  /* At once on screen, with the focus staying on the moved row. */
  g_assert_cmpstr (row_id (list, 1), ==, f->resource_ids[0]);
  iterate_until (portal_order_swapped, f);
  iterate_until (list_refreshed, f);
  g_assert_cmpstr (row_id (list, 0), ==, f->resource_ids[1]);
  g_assert_cmpstr (row_id (list, 1), ==, f->resource_ids[0]);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1))));

  /* The first row can't go further up: nothing is sent. */
  {
    guint reorders = pub_test_portal_get_call_count (f->portal, "package_resource_reorder");

    gtk_widget_activate_action (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)), "row.move-up", NULL);
    flush_events ();
    g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_resource_reorder"), ==, reorders);
  }
  /* Read again after the reorder: the badge says what the portal found. */
  badges = pub_dataset_resource_row_dup_badges (PUB_DATASET_RESOURCE_ROW (gtk_list_box_get_row_at_index (list, 0)));
  g_assert_cmpstr (badges, ==, "Valid");
  save_screenshot (GTK_WIDGET (f->window), "dataset-resources-reordered.png");
}

/* What dropping one row on another delivers to the target row. */
static gboolean
drop_on (GtkWidget  *row,
         const char *dragged_id)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, dragged_id);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &accepted);
    }
  g_value_unset (&value);
  return accepted;
}

static void
test_drag_reorder (Fixture       *f,
                   gconstpointer  data)
{
  GtkListBox *list = resource_list (f);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (WINDOW_CHILD (f, "view_stack")), "resources");
  flush_events ();
  /* The second row dragged onto the first takes its place. */
  g_assert_true (drop_on (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)), f->resource_ids[1]));
  iterate_until (portal_order_swapped, f);
  iterate_until (list_refreshed, f);
  g_assert_cmpstr (row_id (list, 0), ==, f->resource_ids[1]);
  /* Dropped on itself, or something that is not a resource: nothing. */
  g_assert_false (drop_on (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)), f->resource_ids[1]));
  g_assert_false (drop_on (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)), "texto arrastrado"));
}

static gboolean
backup_done (gpointer data)
{
  return pub_dataset_delete_dialog_get_backup (data) != NULL;
}

static gboolean
window_gone (gpointer data)
{
  return find_toplevel (PUB_TYPE_DATASET_WINDOW) == NULL;
}

static void
assert_same_file (GFile  *file,
                  GBytes *expected)
{
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);

  g_assert_nonnull (bytes);
  g_assert_true (g_bytes_equal (bytes, expected));
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_delete_with_backup (Fixture       *f,
                         gconstpointer  data)
{
  PubDatasetDeleteDialog *dialog;
  g_autoptr(GFile) where = g_file_new_for_path (f->dir);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) readme = NULL;
  g_autoptr(GFile) files = NULL;
  g_autofree char *readme_text = NULL;
  g_autoptr(JsonObject) gone = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(PubDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "dataset.delete", NULL);
  flush_events ();
  dialog = PUB_DATASET_DELETE_DIALOG (find_toplevel (PUB_TYPE_DATASET_DELETE_DIALOG));
  g_assert_nonnull (dialog);
  /* It names the dataset, and offers the backup first. */
  g_assert_true (has_label (GTK_WIDGET (dialog), "Delete “Matrícula 2025”?"));
  g_assert_nonnull (find_button (GTK_WIDGET (dialog), "_Download Backup…"));
  save_screenshot (GTK_WIDGET (dialog), "dataset-delete.png");

  /* The folder chooser is the desktop's; what it ends in: */
  pub_dataset_delete_dialog_backup_to (dialog, where);
  iterate_until (backup_done, dialog);
  save_screenshot (GTK_WIDGET (dialog), "dataset-delete-backed-up.png");

  folder = g_object_ref (pub_dataset_delete_dialog_get_backup (dialog));
  files = g_file_get_child (folder, "archivos");
  {
    g_autoptr(GFile) a = g_file_get_child (files, "1-regiones.csv");
    g_autoptr(GFile) b = g_file_get_child (files, "2-valores.csv");
    g_autoptr(GBytes) stored_a = pub_test_portal_dup_upload (f->portal, f->resource_ids[0]);
    g_autoptr(GBytes) stored_b = pub_test_portal_dup_upload (f->portal, f->resource_ids[1]);

    /* Byte for byte what the portal holds. */
    assert_same_file (a, stored_a);
    assert_same_file (b, stored_b);
  }
  readme = g_file_get_child (folder, "README.txt");
  g_assert_true (g_file_load_contents (readme, NULL, &readme_text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (readme_text, "Matrícula 2025"));
  g_assert_nonnull (strstr (readme_text, pub_test_portal_get_url (f->portal)));

  click (find_button (GTK_WIDGET (dialog), "_Delete Dataset"));
  /* Gone from the portal, the page closes. */
  iterate_until (window_gone, NULL);
  f->window = NULL;
  gone = stored (f);
  g_assert_cmpstr (json_object_get_string_member (gone, "state"), ==, "deleted");

  /* The backup is the undo: a new draft with the same metadata and files. */
  pub_dataset_backup_restore_async (folder, NULL, restored_cb, &result);
  draft = pub_dataset_backup_restore_finish (wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pub_draft_get_field (draft, "title"), ==, "Matrícula 2025");
  g_assert_cmpstr (pub_draft_get_field (draft, "owner_org"), ==, "ministerio-de-prueba");
  g_assert_null (pub_draft_get_remote_id (draft));
  g_assert_cmpuint (g_list_model_get_n_items (pub_draft_get_resources (draft)), ==, 2);
  {
    g_autoptr(PubDraftResource) first = g_list_model_get_item (pub_draft_get_resources (draft), 0);

    g_assert_cmpint (pub_draft_resource_get_kind (first), ==, PUB_DRAFT_RESOURCE_FILE);
    g_assert_cmpstr (pub_draft_resource_get_name (first), ==, "regiones.csv");
    g_assert_true (g_str_has_suffix (pub_draft_resource_get_path (first), "1-regiones.csv"));
  }
  g_assert_true (pub_draft_get_state (draft) == PUB_DRAFT_STATE_READY ||
                 pub_draft_get_state (draft) == PUB_DRAFT_STATE_EDITING);
}

/* The creation, two files and the rename. */
static gboolean
activity_loaded (gpointer data)
{
  PubDatasetActivityPage *page = data;

  return !pub_dataset_activity_page_get_loading (page) && pub_dataset_activity_page_get_count (page) == 4;
}

static void
test_activity (Fixture       *f,
               gconstpointer  data)
{
  PubDatasetActivityPage *page = PUB_DATASET_ACTIVITY_PAGE (WINDOW_CHILD (f, "activity_page"));
  GtkListBox *list = pub_dataset_activity_page_get_list (page);
  g_autoptr(JsonNode) renamed = NULL;
  g_autofree char *rename = g_strdup_printf ("{\"id\": \"%s\", \"name\": \"Regiones 2025.csv\"}",
                                             f->resource_ids[0]);
  const char *newest, *oldest;
  guint n;

  renamed = call (f->client, "resource_patch", rename);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "dataset.reload", NULL);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (WINDOW_CHILD (f, "view_stack")), "activity");
  flush_events ();
  iterate_until (activity_loaded, page);
  save_screenshot (GTK_WIDGET (f->window), "dataset-activity.png");

  n = pub_dataset_activity_page_get_count (page);
  newest = pub_activity_row_get_text (PUB_ACTIVITY_ROW (gtk_list_box_get_row_at_index (list, 0)));
  oldest = pub_activity_row_get_text (PUB_ACTIVITY_ROW (gtk_list_box_get_row_at_index (list, n - 1)));
  g_assert_true (g_str_has_suffix (oldest, "created the dataset · just now") ||
                 strstr (oldest, "created the dataset · ") != NULL);
  g_assert_nonnull (strstr (newest, "updated the resource “Regiones 2025.csv”"));
}

static gboolean
portal_has_three (gpointer data)
{
  Fixture *f = data;
  g_autoptr(JsonObject) dataset = stored (f);

  return json_array_get_length (json_object_get_array_member (dataset, "resources")) == 3;
}

static gboolean
nothing_pending (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (pub_draft_get_resources (pub_dataset_window_get_edit_draft (f->window))) == 0 &&
         !gtk_widget_get_visible (child (WINDOW_CHILD (f, "resources_page"), PUB_TYPE_DATASET_RESOURCES_PAGE,
                                         "progress_box"));
}

static void
test_add_link (Fixture       *f,
               gconstpointer  data)
{
  PubDraft *draft = pub_dataset_window_get_edit_draft (f->window);
  g_autoptr(PubDraftResource) link = pub_draft_resource_new_link ("https://example.cl/api/matricula.json");
  GtkWidget *page = WINDOW_CHILD (f, "resources_page");
  g_autoptr(JsonObject) dataset = NULL;
  JsonObject *added;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (WINDOW_CHILD (f, "view_stack")), "resources");
  pub_draft_resource_set_name (link, "API de matrícula");
  /* What the add window leaves in the edit draft. */
  pub_draft_add_resource (draft, link);
  flush_events ();
  g_assert_true (gtk_widget_get_visible (child (page, PUB_TYPE_DATASET_RESOURCES_PAGE, "pending_box")));

  /* Reviewed in the wizard's own editor, then sent from there. */
  click (find_button (page, "_Review…"));
  {
    GtkWindow *add = find_toplevel (PUB_TYPE_ADD_RESOURCES_WINDOW);

    g_assert_nonnull (add);
    iterate_until (widget_is_mapped, add);
    save_screenshot (GTK_WIDGET (add), "dataset-add-resources.png");
    gtk_window_close (add);
    flush_events ();
  }
  click (find_button (page, "_Upload"));
  iterate_until (portal_has_three, f);
  iterate_until (nothing_pending, f);
  dataset = stored (f);
  added = json_array_get_object_element (json_object_get_array_member (dataset, "resources"), 2);
  g_assert_cmpstr (json_object_get_string_member (added, "name"), ==, "API de matrícula");
  g_assert_cmpstr (json_object_get_string_member (added, "url"), ==, "https://example.cl/api/matricula.json");
}

static guint portal_resource_count (Fixture *f);

/* A file the checks found personal data in, going into a public dataset:
 * asked first, as before a publication; "Review" sends nothing. */
static void
test_personal_data_asked (Fixture       *f,
                          gconstpointer  data)
{
  PubDraft *draft = pub_dataset_window_get_edit_draft (f->window);
  g_autofree char *path = g_build_filename (f->dir, "contactos.csv", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(PubDraftResource) resource = NULL;
  g_autoptr(JsonNode) findings = json_from_string ("[{\"column\": \"correo\", \"kind\": \"email\", \"count\": 2}]",
                                                   NULL);
  GtkWidget *page = WINDOW_CHILD (f, "resources_page");
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (path, "nombre,correo\nAna,ana@example.cl\nLuis,luis@example.cl\n", -1, NULL));
  file = g_file_new_for_path (path);
  resource = pub_draft_resource_new_for_file (file);
  {
    /* Read as the add window reads a file (size, hash). */
    g_autoptr(GAsyncResult) refreshed = NULL;

    pub_draft_resource_refresh_async (resource, NULL, result_cb, &refreshed);
    g_assert_true (pub_draft_resource_refresh_finish (resource, wait_result (&refreshed), NULL));
  }
  g_assert_null (pub_draft_resource_get_problem (resource));
  pub_draft_resource_set_personal_data (resource, findings);
  pub_draft_add_resource (draft, resource);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (WINDOW_CHILD (f, "view_stack")), "resources");
  flush_events ();

  click (find_button (page, "_Upload"));
  iterate_until (message_dialog_shown, NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Publish Personal Data?");
  save_screenshot (GTK_WIDGET (dialog), "dataset-personal-data.png");
  click (find_button (GTK_WIDGET (dialog), "_Review"));
  iterate_until (conflict_resolved, NULL);
  flush_events ();
  g_assert_cmpuint (portal_resource_count (f), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (pub_draft_get_resources (draft)), ==, 1);

  /* Asked again; this time yes. */
  click (find_button (page, "_Upload"));
  iterate_until (message_dialog_shown, NULL);
  respond ("Publish _Anyway");
  iterate_until (portal_has_three, f);
  iterate_until (nothing_pending, f);
}

static gboolean
renamed_on_portal (gpointer data)
{
  Fixture *f = data;
  g_autoptr(JsonObject) dataset = stored (f);
  JsonObject *first = json_array_get_object_element (json_object_get_array_member (dataset, "resources"), 0);

  return g_strcmp0 (json_object_get_string_member (first, "name"), "Regiones.csv") == 0;
}

static gboolean
one_left (gpointer data)
{
  Fixture *f = data;
  g_autoptr(JsonObject) dataset = stored (f);

  return json_array_get_length (json_object_get_array_member (dataset, "resources")) == 1;
}

static void
test_edit_and_delete_resource (Fixture       *f,
                               gconstpointer  data)
{
  GtkListBox *list = resource_list (f);
  GtkWindow *dialog;
  GtkWidget *name;
  g_autoptr(JsonObject) dataset = NULL;
  JsonObject *first;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (WINDOW_CHILD (f, "view_stack")), "resources");
  flush_events ();
  gtk_widget_activate_action (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)), "row.edit", NULL);
  iterate_until (message_dialog_shown, NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  name = find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "regiones.csv");
  gtk_editable_set_text (GTK_EDITABLE (name), "Regiones.csv");
  click (find_button (GTK_WIDGET (dialog), "_Save"));
  iterate_until (renamed_on_portal, f);
  /* Only the name was sent: the file is the same. */
  dataset = stored (f);
  first = json_array_get_object_element (json_object_get_array_member (dataset, "resources"), 0);
  g_assert_cmpint (json_object_get_int_member (first, "size"), ==, strlen (FILE_A));
  iterate_until (conflict_resolved, NULL);

  gtk_widget_activate_action (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)), "row.delete", NULL);
  iterate_until (message_dialog_shown, NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG))), ==,
                   "Delete the Resource?");
  respond ("_Delete");
  iterate_until (one_left, f);
}

#define NEW_VERSION "región,casos,comuna\nArica,10,Arica\nTarapacá,12,Iquique\n"

static GFile *
new_version (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "regiones-v2.csv", NULL);

  g_assert_true (g_file_set_contents (path, NEW_VERSION, -1, NULL));
  return g_file_new_for_path (path);
}

static gboolean
portal_has_new_version (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GBytes) bytes = pub_test_portal_dup_upload (f->portal, f->resource_ids[0]);

  return bytes != NULL && g_bytes_get_size (bytes) == strlen (NEW_VERSION) &&
         memcmp (g_bytes_get_data (bytes, NULL), NEW_VERSION, strlen (NEW_VERSION)) == 0;
}

static guint
portal_resource_count (Fixture *f)
{
  g_autoptr(JsonObject) dataset = stored (f);

  return json_array_get_length (json_object_get_array_member (dataset, "resources"));
}

static PubDatasetResourcesPage *
resources_page (Fixture *f)
{
  return PUB_DATASET_RESOURCES_PAGE (WINDOW_CHILD (f, "resources_page"));
}

static void
test_replace_lists_column_changes (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GFile) file = new_version (f);
  GtkWindow *dialog;
  const char *body;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (WINDOW_CHILD (f, "view_stack")), "resources");
  pub_dataset_resources_page_replace_with (resources_page (f), f->resource_ids[0], file);
  iterate_until (message_dialog_shown, NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  /* Before anything is sent: what changes, column by column. */
  g_assert_nonnull (strstr (body, "Column “region” renamed to “región”"));
  g_assert_nonnull (strstr (body, "Column “comuna” added"));
  g_assert_null (strstr (body, "casos"));
  g_assert_false (portal_has_new_version (f));
  save_screenshot (GTK_WIDGET (dialog), "dataset-replace.png");

  click (find_button (GTK_WIDGET (dialog), "_Upload"));
  iterate_until (portal_has_new_version, f);
  /* In place: the same resource, no second one. */
  g_assert_cmpuint (portal_resource_count (f), ==, 2);
}

static gboolean
interrupted_shown (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_visible (child (resources_page (f), PUB_TYPE_DATASET_RESOURCES_PAGE, "interrupted_box"));
}

static guint
count_records (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "replacements", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static gboolean
no_records (gpointer data)
{
  return count_records (data) == 0;
}

static void
test_replace_interrupted_resumes (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GFile) file = new_version (f);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (WINDOW_CHILD (f, "view_stack")), "resources");
  /* The connection drops halfway through the file. */
  pub_test_portal_inject_fault (f->portal, "resource_patch", PUB_TEST_FAULT_CLOSE_AFTER_BYTES, 40, 1);
  pub_dataset_resources_page_replace_with (resources_page (f), f->resource_ids[0], file);
  respond ("_Upload");
  iterate_until (interrupted_shown, f);
  g_assert_false (portal_has_new_version (f));
  g_assert_cmpuint (count_records (f), ==, 1);

  /* As after a restart: a new page finds it, and resumes it in place. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  open_window (f);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (WINDOW_CHILD (f, "view_stack")), "resources");
  iterate_until (interrupted_shown, f);
  save_screenshot (GTK_WIDGET (f->window), "dataset-replace-interrupted.png");
  click (find_button (WINDOW_CHILD (f, "resources_page"), "_Resume"));
  iterate_until (portal_has_new_version, f);
  iterate_until (no_records, f);
  g_assert_cmpuint (portal_resource_count (f), ==, 2);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_create"), ==, 2);
}

static gboolean
first_page_loaded (gpointer data)
{
  PubDatasetActivityPage *page = data;

  return !pub_dataset_activity_page_get_loading (page) && pub_dataset_activity_page_get_count (page) == 20;
}

static gboolean
all_activity_loaded (gpointer data)
{
  PubDatasetActivityPage *page = data;

  return !pub_dataset_activity_page_get_loading (page) && pub_dataset_activity_page_get_count (page) == 27;
}

static void
test_activity_pages (Fixture       *f,
                     gconstpointer  data)
{
  PubDatasetActivityPage *page = PUB_DATASET_ACTIVITY_PAGE (WINDOW_CHILD (f, "activity_page"));
  GtkListBox *list = pub_dataset_activity_page_get_list (page);
  const char *oldest;

  /* The creation, two files, and 24 changes: more than a page. */
  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"id\": \"matricula-2025\", \"version\": \"1.%u\"}", i);
      g_autoptr(JsonNode) changed = call (f->client, "package_patch", json);
    }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "dataset.reload", NULL);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (WINDOW_CHILD (f, "view_stack")), "activity");
  /* A page at a time. */
  iterate_until (first_page_loaded, page);
  g_assert_nonnull (strstr (pub_activity_row_get_text (PUB_ACTIVITY_ROW (gtk_list_box_get_row_at_index (list, 0))),
                            "changed the metadata"));
  click (find_button (WINDOW_CHILD (f, "activity_page"), "Show _Older Activity"));
  iterate_until (all_activity_loaded, page);
  oldest = pub_activity_row_get_text (PUB_ACTIVITY_ROW (gtk_list_box_get_row_at_index (list, 26)));
  g_assert_nonnull (strstr (oldest, "created the dataset"));
  /* The end: no more to ask for. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_button (WINDOW_CHILD (f, "activity_page"),
                                                                   "Show _Older Activity"))));
}

static gboolean
list_has_one (gpointer data)
{
  Fixture *f = data;
  GtkListBox *list = resource_list (f);

  return gtk_list_box_get_row_at_index (list, 0) != NULL && gtk_list_box_get_row_at_index (list, 1) == NULL;
}

static void
test_resource_deleted_meanwhile (Fixture       *f,
                                 gconstpointer  data)
{
  GtkListBox *list = resource_list (f);
  g_autofree char *json = g_strdup_printf ("{\"id\": \"%s\"}", f->resource_ids[0]);
  g_autoptr(JsonNode) deleted = NULL;
  GtkWindow *dialog;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (WINDOW_CHILD (f, "view_stack")), "resources");
  flush_events ();
  deleted = call (f->other, "resource_delete", json);
  gtk_widget_activate_action (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)), "row.edit", NULL);
  iterate_until (message_dialog_shown, NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW)), "Otro nombre");
  click (find_button (GTK_WIDGET (dialog), "_Save"));
  /* Not "the dataset was deleted": the page reads it again. */
  iterate_until (list_has_one, f);
  g_assert_cmpstr (pub_dataset_window_get_status (f->window), ==, "dataset");
  g_assert_true (has_label (GTK_WIDGET (f->window),
                            "Someone changed this resource meanwhile; here is what the portal has now"));
}

static gboolean
retry_offered (gpointer data)
{
  return find_button (GTK_WIDGET (data), "_Retry") != NULL;
}

/* A resource's new name, sent while the connection drops: kept, and sent
 * again from the toast's Retry. */
static void
test_edit_retried (Fixture       *f,
                   gconstpointer  data)
{
  GtkListBox *list = resource_list (f);
  GtkWindow *dialog;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (WINDOW_CHILD (f, "view_stack")), "resources");
  flush_events ();
  pub_test_portal_inject_fault (f->portal, "resource_patch", PUB_TEST_FAULT_CLOSE_AFTER_BYTES, 1, 1);
  gtk_widget_activate_action (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)), "row.edit", NULL);
  iterate_until (message_dialog_shown, NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW)), "Regiones.csv");
  click (find_button (GTK_WIDGET (dialog), "_Save"));
  iterate_until (retry_offered, f->window);
  g_assert_false (renamed_on_portal (f));
  click (find_button (GTK_WIDGET (f->window), "_Retry"));
  iterate_until (renamed_on_portal, f);
}

static gboolean
progress_hidden (gpointer data)
{
  Fixture *f = data;

  return !gtk_widget_get_visible (child (resources_page (f), PUB_TYPE_DATASET_RESOURCES_PAGE, "progress_box"));
}

/* Cancel while the new file is being looked at: nothing asked, nothing
 * sent, nothing said as if it had failed. */
static void
test_replace_cancelled (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = new_version (f);
  guint patches = pub_test_portal_get_call_count (f->portal, "resource_patch");

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (WINDOW_CHILD (f, "view_stack")), "resources");
  pub_dataset_resources_page_replace_with (resources_page (f), f->resource_ids[0], file);
  g_assert_false (progress_hidden (f));
  {
    GtkWidget *cancel = find_button (WINDOW_CHILD (f, "resources_page"), "_Cancel");

    /* The button's own action, at once: activating it animates the press
     * for a quarter second, and the small file is compared by then. */
    g_assert_true (gtk_widget_is_visible (cancel) && gtk_widget_is_sensitive (cancel));
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (cancel)), ==, "resources.cancel");
    g_assert_true (gtk_widget_activate_action (cancel, "resources.cancel", NULL));
  }
  iterate_until (progress_hidden, f);
  flush_events ();
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (has_label (GTK_WIDGET (f->window), "Operation was cancelled"));
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_patch"), ==, patches);
  g_assert_false (portal_has_new_version (f));
  g_assert_cmpuint (count_records (f), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func, open) \
  g_test_add ("/dataset-window/" path, Fixture, (open) ? GINT_TO_POINTER (1) : NULL, \
              fixture_setup, func, fixture_teardown)
  ADD ("keyboard-reorder", test_keyboard_reorder, TRUE);
  ADD ("delete-with-backup", test_delete_with_backup, TRUE);
  ADD ("activity", test_activity, TRUE);
  ADD ("activity-pages", test_activity_pages, TRUE);
  ADD ("resource-deleted-meanwhile", test_resource_deleted_meanwhile, TRUE);
  ADD ("add-link", test_add_link, TRUE);
  ADD ("edit-and-delete-resource", test_edit_and_delete_resource, TRUE);
  ADD ("replace-lists-column-changes", test_replace_lists_column_changes, TRUE);
  ADD ("replace-interrupted-resumes", test_replace_interrupted_resumes, TRUE);
  ADD ("replace-cancelled", test_replace_cancelled, TRUE);
  ADD ("edit-retried", test_edit_retried, TRUE);
  ADD ("drag-reorder", test_drag_reorder, TRUE);
  ADD ("personal-data-asked", test_personal_data_asked, TRUE);
#undef ADD

  return g_test_run ();
}
