/* test-dataset-window.c: the dataset page against the test portal, driven
 * through its widgets: the header, saving only what changed, conflicts,
 * visibility, faults, unsaved edits brought back
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "dataset-window-test-utils.h"
#include "pub-dataset-open.h"
#include "pub-sign-in.h"

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

static gboolean
said_private (gpointer data)
{
  return has_label (GTK_WIDGET (data), "The dataset is now private");
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
  /* The portal's answer, once it arrives. */
  iterate_until (said_private, f->window);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (sw)));
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
  /* Lists this member may not choose from leave the dataset's values alone. */
  flush_events ();
  g_assert_false (gtk_widget_get_visible (WINDOW_CHILD (f, "save_button")));
  gtk_editable_set_text (GTK_EDITABLE (EDITOR_CHILD (f, "author_row")), "No puedo");
  flush_events ();
  click (WINDOW_CHILD (f, "save_button"));
  iterate_until (toast_says_role, f);
  /* Kept, to hand to someone who may. */
  g_assert_true (gtk_widget_get_visible (WINDOW_CHILD (f, "save_button")));
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
dataset_page_shown (gpointer data)
{
  GtkWindow *window = find_toplevel (PUB_TYPE_DATASET_WINDOW);

  return window != NULL && g_strcmp0 (pub_dataset_window_get_status (PUB_DATASET_WINDOW (window)), "dataset") == 0;
}

/* "Open from the Portal…": a dataset's address, pasted, opens its page
 * with the account of that portal. */
static void
test_open_from_portal (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (BASE_APPLICATION_ID, backend);
  g_autoptr(PubAccountManager) accounts = pub_account_manager_new (settings);
  g_autoptr(GAsyncResult) signed_in = NULL;
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(PubAccount) candidate = NULL;
  g_autoptr(PubAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_strdup_printf ("%s/dataset/matricula-2025?tab=resources",
                                              pub_test_portal_get_url (f->portal));
  const char *token = pub_test_portal_get_token (f->portal, "editor");
  GtkWindow *dialog;
  GtkWindow *page;

  pub_sign_in_async (pub_test_portal_get_url (f->portal), token, FALSE, 0, NULL, result_cb, &signed_in);
  candidate = pub_sign_in_finish (wait_result (&signed_in), &error);
  g_assert_no_error (error);
  pub_account_manager_add_async (accounts, candidate, token, FALSE, NULL, result_cb, &added);
  account = pub_account_manager_add_finish (accounts, wait_result (&added), &error);
  g_assert_no_error (error);

  pub_dataset_open_dialog (NULL, accounts);
  iterate_until (message_dialog_shown, NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW)), address);
  click (find_button (GTK_WIDGET (dialog), "_Open"));
  iterate_until (dataset_page_shown, NULL);
  page = find_toplevel (PUB_TYPE_DATASET_WINDOW);
  g_assert_cmpstr (gtk_window_get_title (page), ==, "Matrícula 2025");
  gtk_window_destroy (page);
  flush_events ();
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
  ADD ("unsaved-edits-restored", test_unsaved_edits_restored, TRUE);
  ADD ("deleted-meanwhile", test_deleted_meanwhile, TRUE);
  ADD ("member-is-told-the-role", test_member_is_told_the_role, FALSE);
  ADD ("network-loss-keeps-edits", test_network_loss_keeps_edits, TRUE);
  ADD ("409-inline", test_409_inline, TRUE);
  ADD ("open-from-portal", test_open_from_portal, FALSE);
#undef ADD

  return g_test_run ();
}
