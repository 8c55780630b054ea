/* test-dataset-window.c: the dataset page against the test portal, driven
 * through its widgets: header, saving only what changed, conflicts,
 * visibility, keyboard reordering, delete with a backup, unsaved edits
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ckan-client-datasets.h"
#include "ckan-client-resources.h"
#include "drafts-test-utils.h"
#include "pub-activity-row.h"
#include "pub-dataset-activity-page.h"
#include "pub-dataset-backup.h"
#include "pub-dataset-delete-dialog.h"
#include "pub-dataset-edit.h"
#include "pub-dataset-metadata-editor.h"
#include "pub-dataset-resource-row.h"
#include "pub-dataset-resources-page.h"
#include "pub-dataset-window.h"
#include "test-portal.h"

#define FILE_A "region,casos\nArica,10\nTarapacá,12\n"
#define FILE_B "fecha,valor\n2025-01-01,3.5\n2025-02-01,4.25\n"

typedef struct
{
  char             *dir;
  PubDraftStore    *edits;
  PubTestPortal    *portal;
  CkanClient       *client;      /* the editor */
  CkanClient       *other;       /* the admin, changing things meanwhile */
  char             *dataset_id;
  char             *resource_ids[2];
  PubDatasetWindow *window;
} Fixture;

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  return *slot;
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static JsonNode *
call (CkanClient *client,
      const char *action,
      const char *json)
{
  g_autoptr(JsonNode) params = json != NULL ? json_from_string (json, NULL) : NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  ckan_client_call_async (client, action, params != NULL ? json_node_get_object (params) : NULL,
                          g_str_has_suffix (action, "_show") ? CKAN_CALL_READ : CKAN_CALL_WRITE,
                          NULL, result_cb, &result);
  node = ckan_client_call_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  return node;
}

static char *
upload (Fixture    *f,
        const char *name,
        const char *contents)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkanResource) resource = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  json_object_set_string_member (fields, "package_id", f->dataset_id);
  json_object_set_string_member (fields, "name", name);
  ckan_client_resource_create_upload_async (f->client, fields, file, NULL, NULL, NULL, NULL, NULL,
                                            result_cb, &result);
  resource = ckan_client_resource_create_upload_finish (f->client, wait_result (&result), &error);
  g_assert_no_error (error);
  return g_strdup (ckan_resource_get_id (resource));
}

static gboolean
window_ready (gpointer data)
{
  return g_strcmp0 (pub_dataset_window_get_status (data), "loading") != 0;
}

static void
open_window (Fixture *f)
{
  g_autofree char *records = g_build_filename (f->dir, "replacements", NULL);

  f->window = pub_dataset_window_new (NULL, f->client, f->dataset_id, f->edits);
  pub_dataset_resources_page_set_records_dir (PUB_DATASET_RESOURCES_PAGE (gtk_widget_get_template_child (
                                                GTK_WIDGET (f->window), PUB_TYPE_DATASET_WINDOW, "resources_page")),
                                              records);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate_until (window_ready, f->window);
  iterate_until (widget_is_mapped, f->window);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autofree char *edits_dir = NULL;

  f->dir = g_dir_make_tmp ("dataset-window-XXXXXX", NULL);
  edits_dir = g_build_filename (f->dir, "edits", NULL);
  f->edits = pub_draft_store_new (edits_dir);
  pub_draft_store_set_save_delay (f->edits, 20);

  f->portal = pub_test_portal_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pub_test_portal_listen (f->portal, 0, &error));
  f->client = ckan_client_new (pub_test_portal_get_url (f->portal), FALSE, &error);
  ckan_client_set_token (f->client, pub_test_portal_get_token (f->portal, "editor"));
  f->other = ckan_client_new (pub_test_portal_get_url (f->portal), FALSE, &error);
  ckan_client_set_token (f->other, pub_test_portal_get_token (f->portal, "admin"));

  created = call (f->client, "package_create",
                  "{\"name\": \"matricula-2025\", \"title\": \"Matrícula 2025\","
                  " \"notes\": \"Estudiantes por región.\", \"author\": \"Unidad de Estudios\","
                  " \"author_email\": \"estudios@example.cl\", \"license_id\": \"cc-by\","
                  " \"owner_org\": \"ministerio-de-prueba\", \"frequency\": \"1y\","
                  " \"tags\": [{\"name\": \"educación\"}], \"private\": false}");
  f->dataset_id = g_strdup (json_object_get_string_member (json_node_get_object (created), "id"));
  f->resource_ids[0] = upload (f, "regiones.csv", FILE_A);
  f->resource_ids[1] = upload (f, "valores.csv", FILE_B);

  if (data != NULL)
    open_window (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  flush_events ();
  g_clear_object (&f->edits);
  g_clear_object (&f->client);
  g_clear_object (&f->other);
  g_clear_object (&f->portal);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->dataset_id);
  g_free (f->resource_ids[0]);
  g_free (f->resource_ids[1]);
}

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (found);
  return GTK_WIDGET (found);
}

#define WINDOW_CHILD(f, name) child ((f)->window, PUB_TYPE_DATASET_WINDOW, name)
#define EDITOR_CHILD(f, name) \
  child (WINDOW_CHILD (f, "metadata_editor"), PUB_TYPE_DATASET_METADATA_EDITOR, name)

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  flush_events ();
}

static const char *
label_text (Fixture    *f,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (WINDOW_CHILD (f, name)));
}

static JsonObject *
stored (Fixture *f)
{
  return pub_test_portal_dup_dataset (f->portal, f->dataset_id);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* Presses a message dialog's response by its label. */
static void
respond (const char *label)
{
  GtkWindow *dialog;

  iterate_until (message_dialog_shown, NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  click (find_button (GTK_WIDGET (dialog), label));
}

static gboolean
has_last_change_author (gpointer data)
{
  Fixture *f = data;

  return strstr (label_text (f, "last_change_label"), "by") != NULL;
}

static void
test_header (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *status = WINDOW_CHILD (f, "update_status_label");

  g_assert_cmpstr (pub_dataset_window_get_status (f->window), ==, "dataset");
  g_assert_cmpstr (label_text (f, "title_label"), ==, "Matrícula 2025");
  g_assert_cmpstr (label_text (f, "organization_label"), ==, "Ministerio de Prueba");
  g_assert_false (gtk_widget_get_visible (WINDOW_CHILD (f, "state_label")));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (WINDOW_CHILD (f, "visibility_switch"))));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Matrícula 2025");
  /* Who made the last change comes from the activity. */
  iterate_until (has_last_change_author, f);
  g_assert_true (g_str_has_prefix (label_text (f, "last_change_label"), "Changed by "));
  /* Yearly, just published: up to date. */
  g_assert_true (gtk_widget_get_visible (status));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "Up to date");
  g_assert_true (gtk_widget_has_css_class (status, "success"));
  /* Nothing edited: no Save button. */
  g_assert_false (gtk_widget_get_visible (WINDOW_CHILD (f, "save_button")));
  /* A published dataset's address does not follow its title. */
  gtk_editable_set_text (GTK_EDITABLE (EDITOR_CHILD (f, "title_row")), "Matrícula escolar 2025");
  flush_events ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (EDITOR_CHILD (f, "name_row"))), ==, "matricula-2025");
  g_assert_false (gtk_widget_get_visible (EDITOR_CHILD (f, "visibility_row")));
  g_assert_true (gtk_widget_get_visible (WINDOW_CHILD (f, "save_button")));
  save_screenshot (GTK_WIDGET (f->window), "dataset-metadata.png");
}

static gboolean
saved (gpointer data)
{
  Fixture *f = data;
  g_auto(GStrv) changed = pub_dataset_edit_changed_fields (pub_dataset_window_get_edit_draft (f->window));

  return changed[0] == NULL;
}

static void
test_save_changed_fields (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JsonObject) after = NULL;
  guint patches = pub_test_portal_get_call_count (f->portal, "package_patch");

  gtk_editable_set_text (GTK_EDITABLE (EDITOR_CHILD (f, "author_row")), "Departamento de Estadística");
  flush_events ();
  click (WINDOW_CHILD (f, "save_button"));
  iterate_until (saved, f);

  after = stored (f);
  g_assert_cmpstr (json_object_get_string_member (after, "author"), ==, "Departamento de Estadística");
  g_assert_cmpstr (json_object_get_string_member (after, "title"), ==, "Matrícula 2025");
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_patch"), ==, patches + 1);
  g_assert_false (gtk_widget_get_visible (WINDOW_CHILD (f, "save_button")));
  g_assert_true (has_label (GTK_WIDGET (f->window), "Changes saved"));
}

static gboolean
conflict_resolved (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

/* Someone else changes the description while the title is edited here. */
static void
edit_against_a_change (Fixture *f)
{
  g_autoptr(JsonNode) theirs = NULL;

  gtk_editable_set_text (GTK_EDITABLE (EDITOR_CHILD (f, "title_row")), "Matrícula escolar 2025");
  flush_events ();
  /* metadata_modified has a microsecond clock: the change is newer. */
  g_usleep (2000);
  theirs = call (f->other, "package_patch",
                 "{\"id\": \"matricula-2025\", \"notes\": \"Cambiado en el portal\", \"author\": \"Otra unidad\"}");
  click (WINDOW_CHILD (f, "save_button"));
  iterate_until (message_dialog_shown, NULL);
}

static void
test_conflict_save_anyway (Fixture       *f,
                           gconstpointer  data)
{
  GtkWindow *dialog;
  g_autoptr(JsonObject) after = NULL;

  edit_against_a_change (f);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Changed on the Portal Meanwhile");
  /* Field by field: what they changed, with its new value. */
  g_assert_true (has_label (GTK_WIDGET (dialog), "Description"));
  g_assert_true (has_label (GTK_WIDGET (dialog), "Cambiado en el portal"));
  g_assert_true (has_label (GTK_WIDGET (dialog), "Author"));
  g_assert_true (has_label (GTK_WIDGET (dialog), "Otra unidad"));
  g_assert_false (has_label (GTK_WIDGET (dialog), "Title"));
  save_screenshot (GTK_WIDGET (dialog), "dataset-conflict.png");

  click (find_button (GTK_WIDGET (dialog), "Save _Anyway"));
  iterate_until (saved, f);

  /* Only the title went: their description and author stay. */
  after = stored (f);
  g_assert_cmpstr (json_object_get_string_member (after, "title"), ==, "Matrícula escolar 2025");
  g_assert_cmpstr (json_object_get_string_member (after, "notes"), ==, "Cambiado en el portal");
  g_assert_cmpstr (json_object_get_string_member (after, "author"), ==, "Otra unidad");
}

static void
test_conflict_reload (Fixture       *f,
                      gconstpointer  data)
{
  PubDraft *draft;
  g_auto(GStrv) changed = NULL;
  g_autoptr(JsonObject) after = NULL;
  guint patches;

  edit_against_a_change (f);
  patches = pub_test_portal_get_call_count (f->portal, "package_patch");
  respond ("_Reload");
  iterate_until (conflict_resolved, NULL);

  /* Their values in the form; the title edit still waits to be saved. */
  draft = pub_dataset_window_get_edit_draft (f->window);
  g_assert_cmpstr (pub_draft_get_field (draft, "notes"), ==, "Cambiado en el portal");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (EDITOR_CHILD (f, "author_row"))), ==, "Otra unidad");
  changed = pub_dataset_edit_changed_fields (draft);
  g_assert_cmpuint (g_strv_length (changed), ==, 1);
  g_assert_cmpstr (changed[0], ==, "title");
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_patch"), ==, patches);
  after = stored (f);
  g_assert_cmpstr (json_object_get_string_member (after, "title"), ==, "Matrícula 2025");
}

static gboolean
is_private_on_portal (gpointer data)
{
  g_autoptr(JsonObject) dataset = stored (data);

  return json_object_get_boolean_member (dataset, "private");
}

static void
test_visibility_asks (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *sw = WINDOW_CHILD (f, "visibility_switch");
  GtkWindow *dialog;

  gtk_switch_set_active (GTK_SWITCH (sw), FALSE);
  iterate_until (message_dialog_shown, NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Make the Dataset Private?");
  /* Not yet: only once confirmed. */
  g_assert_false (is_private_on_portal (f));
  click (find_button (GTK_WIDGET (dialog), "_Cancel"));
  flush_events ();
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (sw)));
  g_assert_false (is_private_on_portal (f));

  gtk_switch_set_active (GTK_SWITCH (sw), FALSE);
  respond ("_Make Private");
  iterate_until (is_private_on_portal, f);
  iterate_until (conflict_resolved, NULL);
  flush_events ();
  g_assert_cmpstr (label_text (f, "visibility_label"), ==, "Private");
}

static GtkListBox *
resource_list (Fixture *f)
{
  return pub_dataset_resources_page_get_list (PUB_DATASET_RESOURCES_PAGE (WINDOW_CHILD (f, "resources_page")));
}

static const char *
row_id (GtkListBox *list,
        int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  return ckan_resource_get_id (pub_dataset_resource_row_get_resource (PUB_DATASET_RESOURCE_ROW (row)));
}

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
  badges = pub_dataset_resource_row_dup_badges (PUB_DATASET_RESOURCE_ROW (gtk_list_box_get_row_at_index (list, 0)));
  g_assert_nonnull (badges);
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

static gboolean
not_done (gpointer data)
{
  return *(gboolean *) data == FALSE;
}

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_assert_true (pub_draft_store_flush_finish (PUB_DRAFT_STORE (object), result, NULL));
  *(gboolean *) user_data = FALSE;
}

static void
test_unsaved_edits_restored (Fixture       *f,
                             gconstpointer  data)
{
  gboolean pending = TRUE;
  g_autofree char *edits_dir = g_strdup (pub_draft_store_get_directory (f->edits));

  gtk_editable_set_text (GTK_EDITABLE (EDITOR_CHILD (f, "author_row")), "Sin guardar");
  flush_events ();
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  pub_draft_store_flush_async (f->edits, NULL, flushed_cb, &pending);
  iterate_until (not_done, &pending);

  /* A new store, as at the next start. */
  g_clear_object (&f->edits);
  f->edits = pub_draft_store_new (edits_dir);
  open_window (f);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (EDITOR_CHILD (f, "author_row"))), ==, "Sin guardar");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (WINDOW_CHILD (f, "restored_revealer"))));
  g_assert_true (gtk_widget_get_visible (WINDOW_CHILD (f, "save_button")));

  /* Discarding brings the portal's value back. */
  click (find_button (WINDOW_CHILD (f, "restored_revealer"), "_Discard Changes"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (EDITOR_CHILD (f, "author_row"))), ==, "Unidad de Estudios");
  g_assert_false (gtk_widget_get_visible (WINDOW_CHILD (f, "save_button")));
}

static gboolean
shows_gone (gpointer data)
{
  return g_strcmp0 (pub_dataset_window_get_status (data), "error") == 0;
}

static void
test_deleted_meanwhile (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JsonNode) deleted = NULL;

  gtk_editable_set_text (GTK_EDITABLE (EDITOR_CHILD (f, "author_row")), "Otra persona");
  flush_events ();
  deleted = call (f->other, "package_delete", "{\"id\": \"matricula-2025\"}");
  click (WINDOW_CHILD (f, "save_button"));
  iterate_until (shows_gone, f->window);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (WINDOW_CHILD (f, "error_page"))), ==,
                   "Dataset Deleted");
  /* The edit is still kept. */
  g_assert_cmpstr (pub_draft_get_field (pub_dataset_window_get_edit_draft (f->window), "author"), ==, "Otra persona");
}

static gboolean
toast_says_role (gpointer data)
{
  Fixture *f = data;

  return has_label (GTK_WIDGET (f->window),
                    "The portal did not allow it: you need to be an editor or an administrator of "
                    "“Ministerio de Prueba” to change this dataset. Ask one of its administrators.");
}

static void
test_member_is_told_the_role (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(CkanClient) member = ckan_client_new (pub_test_portal_get_url (f->portal), FALSE, NULL);

  ckan_client_set_token (member, pub_test_portal_get_token (f->portal, "member"));
  g_set_object (&f->client, member);
  open_window (f);
  gtk_editable_set_text (GTK_EDITABLE (EDITOR_CHILD (f, "author_row")), "No puedo");
  flush_events ();
  click (WINDOW_CHILD (f, "save_button"));
  iterate_until (toast_says_role, f);
  /* Kept, to hand to someone who may. */
  g_assert_true (gtk_widget_get_visible (WINDOW_CHILD (f, "save_button")));
}

static gboolean
activity_loaded (gpointer data)
{
  PubDatasetActivityPage *page = data;

  return !pub_dataset_activity_page_get_loading (page) && pub_dataset_activity_page_get_count (page) > 0;
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
  g_assert_cmpuint (n, >=, 3);
  newest = pub_activity_row_get_text (PUB_ACTIVITY_ROW (gtk_list_box_get_row_at_index (list, 0)));
  oldest = pub_activity_row_get_text (PUB_ACTIVITY_ROW (gtk_list_box_get_row_at_index (list, n - 1)));
  g_assert_true (g_str_has_suffix (oldest, "created the dataset · just now") ||
                 strstr (oldest, "created the dataset · ") != NULL);
  g_assert_nonnull (strstr (newest, "updated the resource “Regiones 2025.csv”"));
}

static gboolean
retry_offered (gpointer data)
{
  return find_button (GTK_WIDGET (data), "_Retry") != NULL;
}

static void
test_network_loss_keeps_edits (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(JsonObject) after = NULL;

  gtk_editable_set_text (GTK_EDITABLE (EDITOR_CHILD (f, "author_row")), "Departamento de Estadística");
  flush_events ();
  /* The connection drops while the change is sent. */
  pub_test_portal_inject_fault (f->portal, "package_patch", PUB_TEST_FAULT_CLOSE_AFTER_BYTES, 1, 1);
  click (WINDOW_CHILD (f, "save_button"));
  iterate_until (retry_offered, f->window);
  g_assert_true (has_label (GTK_WIDGET (f->window),
                            "The portal could not be reached. Nothing was lost: try again when the connection is back."));
  /* The edit is still there, still to be saved. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (EDITOR_CHILD (f, "author_row"))), ==,
                   "Departamento de Estadística");
  g_assert_true (gtk_widget_get_visible (WINDOW_CHILD (f, "save_button")));
  after = stored (f);
  g_assert_cmpstr (json_object_get_string_member (after, "author"), ==, "Unidad de Estudios");

  click (find_button (GTK_WIDGET (f->window), "_Retry"));
  iterate_until (saved, f);
  g_clear_pointer (&after, json_object_unref);
  after = stored (f);
  g_assert_cmpstr (json_object_get_string_member (after, "author"), ==, "Departamento de Estadística");
}

static gboolean
name_error_shown (gpointer data)
{
  Fixture *f = data;

  return pub_dataset_metadata_editor_get_field_error (PUB_DATASET_METADATA_EDITOR (WINDOW_CHILD (f, "metadata_editor")),
                                                      "name") != NULL;
}

static void
test_409_inline (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) other = call (f->client, "package_create",
                                    "{\"name\": \"otro-conjunto\", \"title\": \"Otro\","
                                    " \"owner_org\": \"ministerio-de-prueba\"}");
  PubDatasetMetadataEditor *editor = PUB_DATASET_METADATA_EDITOR (WINDOW_CHILD (f, "metadata_editor"));

  gtk_editable_set_text (GTK_EDITABLE (EDITOR_CHILD (f, "name_row")), "otro-conjunto");
  flush_events ();
  click (WINDOW_CHILD (f, "save_button"));
  iterate_until (name_error_shown, f);
  /* The portal's own words, under the field. */
  g_assert_cmpstr (pub_dataset_metadata_editor_get_field_error (editor, "name"), ==, "That URL is already in use.");
  g_assert_true (has_label (GTK_WIDGET (f->window), "That URL is already in use."));
  g_assert_true (gtk_widget_get_visible (WINDOW_CHILD (f, "save_button")));
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
  click (find_button (page, "_Upload"));
  iterate_until (portal_has_three, f);
  iterate_until (nothing_pending, f);
  dataset = stored (f);
  added = json_array_get_object_element (json_object_get_array_member (dataset, "resources"), 2);
  g_assert_cmpstr (json_object_get_string_member (added, "name"), ==, "API de matrícula");
  g_assert_cmpstr (json_object_get_string_member (added, "url"), ==, "https://example.cl/api/matricula.json");
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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func, open) \
  g_test_add ("/dataset-window/" path, Fixture, (open) ? GINT_TO_POINTER (1) : NULL, \
              fixture_setup, func, fixture_teardown)
  ADD ("header", test_header, TRUE);
  ADD ("save-changed-fields", test_save_changed_fields, TRUE);
  ADD ("conflict-save-anyway", test_conflict_save_anyway, TRUE);
  ADD ("conflict-reload", test_conflict_reload, TRUE);
  ADD ("visibility-asks", test_visibility_asks, TRUE);
  ADD ("keyboard-reorder", test_keyboard_reorder, TRUE);
  ADD ("delete-with-backup", test_delete_with_backup, TRUE);
  ADD ("unsaved-edits-restored", test_unsaved_edits_restored, TRUE);
  ADD ("deleted-meanwhile", test_deleted_meanwhile, TRUE);
  ADD ("member-is-told-the-role", test_member_is_told_the_role, FALSE);
  ADD ("activity", test_activity, TRUE);
  ADD ("network-loss-keeps-edits", test_network_loss_keeps_edits, TRUE);
  ADD ("409-inline", test_409_inline, TRUE);
  ADD ("add-link", test_add_link, TRUE);
  ADD ("edit-and-delete-resource", test_edit_and_delete_resource, TRUE);
  ADD ("replace-lists-column-changes", test_replace_lists_column_changes, TRUE);
  ADD ("replace-interrupted-resumes", test_replace_interrupted_resumes, TRUE);
#undef ADD

  return g_test_run ();
}
