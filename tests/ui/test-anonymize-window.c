/* test-anonymize-window.c: "Crear copia anonimizada…" from the check
 * report, through the buttons a person presses
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "drafts-test-utils.h"
#include "pub-anonymize-column-row.h"
#include "pub-anonymize-window.h"
#include "pub-pseudonym.h"
#include "pub-resource-list-editor.h"
#include "pub-validation-report-view.h"

static char *
personal_copy (const char *dir)
{
  g_autofree char *src = g_build_filename (TEST_DATA_DIR, "checks", "personal.csv", NULL);
  g_autofree char *contents = NULL;
  char *path = g_build_filename (dir, "personal.csv", NULL);

  g_assert_true (g_file_get_contents (src, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
count_cb (GtkWidget *widget,
          guint     *count)
{
  (*count)++;
}

static void
test_report_offers_the_copy (void)
{
  g_autofree char *dir = g_dir_make_tmp ("anonymize-ui-XXXXXX", NULL);
  g_autofree char *path = personal_copy (dir);
  g_autofree char *clean_path = g_build_filename (TEST_DATA_DIR, "checks", "clean.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) clean_file = g_file_new_for_path (clean_path);
  g_autoptr(PubCheckResult) result = pub_check_file_sync (file, NULL, NULL, NULL, NULL, NULL);
  g_autoptr(PubCheckResult) clean = pub_check_file_sync (clean_file, NULL, NULL, NULL, NULL, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = pub_validation_report_view_new ();
  GtkWidget *button;
  guint requested = 0;

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (view, "anonymize", G_CALLBACK (count_cb), &requested);

  pub_validation_report_view_set_result (PUB_VALIDATION_REPORT_VIEW (view), clean);
  button = find_button (view, "Create _Anonymised Copy…");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_visible (button));

  pub_validation_report_view_set_result (PUB_VALIDATION_REPORT_VIEW (view), result);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (requested, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

static void
copy_created_cb (PubAnonymizeWindow *window,
                 GFile              *copy,
                 GFile             **out)
{
  *out = g_object_ref (copy);
}

static gboolean
has_copy (gpointer data)
{
  return *(GFile **) data != NULL;
}

static PubAnonymizeColumnRow *
row_for (GPtrArray  *rows,
         const char *column)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (pub_anonymize_column_row_get_column (g_ptr_array_index (rows, i)), column))
      return g_ptr_array_index (rows, i);
  return NULL;
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (PUB_IS_ANONYMIZE_COLUMN_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_rows (c, rows);
}

static void
test_copy_from_the_page (void)
{
  g_autofree char *dir = g_dir_make_tmp ("anonymize-ui-XXXXXX", NULL);
  g_autofree char *path = personal_copy (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PubCheckResult) result = pub_check_file_sync (file, NULL, NULL, NULL, NULL, NULL);
  g_autoptr(PubDraft) draft = pub_draft_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GFile) copy = NULL;
  g_autofree char *text = NULL;
  g_autofree char *copy_name = NULL;
  GtkWidget *window, *create;
  PubAnonymizeColumnRow *phone;

  pub_draft_set_field (draft, PUB_DRAFT_FIELD_OWNER_ORG, "muni-prueba");
  pub_draft_set_portal (draft, "https://datos.example.cl");
  /* Last month the person kept the e-mails (an institutional contact). */
  pub_draft_set_anonymize_action (draft, "correo", PUB_ANONYMIZE_KEEP);

  window = pub_anonymize_window_new (NULL, draft, result);
  g_signal_connect (window, "copy-created", G_CALLBACK (copy_created_cb), &copy);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (widget_is_mapped, window);

  collect_rows (window, rows);
  g_assert_cmpuint (rows->len, ==, 4);
  /* Defaults by what was found, except what the draft remembers. */
  g_assert_cmpint (pub_anonymize_column_row_get_action (row_for (rows, "rut")), ==, PUB_ANONYMIZE_PSEUDONYMIZE);
  g_assert_cmpint (pub_anonymize_column_row_get_action (row_for (rows, "nombre")), ==, PUB_ANONYMIZE_DROP);
  g_assert_cmpint (pub_anonymize_column_row_get_action (row_for (rows, "correo")), ==, PUB_ANONYMIZE_KEEP);
  phone = row_for (rows, "telefono");
  g_assert_nonnull (phone);
  save_screenshot (window, "anonymize-window.png");

  /* The person picks "Generalise" for the phone in its drop-down. */
  pub_anonymize_column_row_set_action (phone, PUB_ANONYMIZE_GENERALIZE);
  create = find_button (window, "C_reate Copy");
  g_assert_nonnull (create);
  g_assert_true (gtk_widget_is_sensitive (create));
  g_signal_emit_by_name (create, "clicked");
  iterate_until (has_copy, &copy);

  copy_name = g_file_get_basename (copy);
  g_assert_cmpstr (copy_name, ==, "personal-anonimizado.csv");
  g_assert_true (g_file_load_contents (copy, NULL, &text, NULL, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "rut,correo,telefono,monto\nP-"));
  g_assert_nonnull (strstr (text, "juan.perez@example.cl,+56 9,100"));
  g_assert_null (strstr (text, "Juan Pérez"));
  g_assert_null (strstr (text, "12.345.678-5"));
  /* The choices are remembered in the draft for next month. */
  g_assert_cmpint (pub_draft_get_anonymize_action (draft, "telefono", NULL), ==, PUB_ANONYMIZE_GENERALIZE);
  g_assert_cmpint (pub_draft_get_anonymize_action (draft, "rut", NULL), ==, PUB_ANONYMIZE_PSEUDONYMIZE);
  remove_tree (dir);
}

static void
test_no_organization_no_pseudonyms (void)
{
  g_autofree char *dir = g_dir_make_tmp ("anonymize-ui-XXXXXX", NULL);
  g_autofree char *path = personal_copy (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PubCheckResult) result = pub_check_file_sync (file, NULL, NULL, NULL, NULL, NULL);
  g_autoptr(PubDraft) draft = pub_draft_new ();
  g_autoptr(GFile) copy = NULL;
  GtkWidget *window, *create;

  window = pub_anonymize_window_new (NULL, draft, result);
  g_signal_connect (window, "copy-created", G_CALLBACK (copy_created_cb), &copy);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (widget_is_mapped, window);
  create = find_button (window, "C_reate Copy");
  g_signal_emit_by_name (create, "clicked");
  for (guint i = 0; i < 20; i++)
    flush_events ();
  /* Said plainly; nothing written, the window stays for another choice. */
  g_assert_true (has_label (window, "Pseudonyms belong to an organization: choose the dataset's organization "
                                    "in the first step, or choose another action for those columns."));
  g_assert_null (copy);
  g_assert_true (gtk_widget_get_visible (window));
  g_assert_true (gtk_widget_is_sensitive (create));
  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

static AdwMessageDialog *
find_message_dialog (void)
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
has_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

/* No keyring: the page asks for the organization's passphrase and makes
 * the key from it; it never falls back to an unkeyed hash. */
static void
test_no_keyring_asks_passphrase (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_dir_make_tmp ("anonymize-ui-XXXXXX", NULL);
      g_autofree char *path = personal_copy (dir);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(PubCheckResult) result = pub_check_file_sync (file, NULL, NULL, NULL, NULL, NULL);
      g_autoptr(PubDraft) draft = pub_draft_new ();
      g_autoptr(GFile) copy = NULL;
      g_autofree char *salt = pub_pseudonym_passphrase_salt ("muni-prueba");
      g_autoptr(GBytes) key = pub_pseudonym_key_derive ("una frase bastante larga", salt,
                                                        PUB_PSEUDONYM_PASSPHRASE_ROUNDS);
      g_autofree char *expected = pub_pseudonym_make (key, "12.345.678-5", strlen ("12.345.678-5"));
      g_autofree char *text = NULL;
      AdwMessageDialog *dialog;
      GtkWidget *window, *entry;

      pub_draft_set_field (draft, PUB_DRAFT_FIELD_OWNER_ORG, "muni-prueba");
      window = pub_anonymize_window_new (NULL, draft, result);
      g_signal_connect (window, "copy-created", G_CALLBACK (copy_created_cb), &copy);
      gtk_window_present (GTK_WINDOW (window));
      iterate_until (widget_is_mapped, window);
      g_signal_emit_by_name (find_button (window, "C_reate Copy"), "clicked");
      iterate_until (has_dialog, NULL);
      dialog = find_message_dialog ();
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "No Keyring on This Computer");
      entry = adw_message_dialog_get_extra_child (dialog);
      /* Too short a passphrase can't be used. */
      gtk_editable_set_text (GTK_EDITABLE (entry), "corta");
      g_assert_false (adw_message_dialog_get_response_enabled (dialog, "use"));
      gtk_editable_set_text (GTK_EDITABLE (entry), "una frase bastante larga");
      g_assert_true (adw_message_dialog_get_response_enabled (dialog, "use"));
      adw_message_dialog_response (dialog, "use");
      iterate_until (has_copy, &copy);
      g_assert_true (g_file_load_contents (copy, NULL, &text, NULL, NULL, NULL));
      g_assert_nonnull (strstr (text, expected));
      remove_tree (dir);
      return;
    }
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static gboolean
resource_checked (gpointer data)
{
  PubResourceCheckStatus status = pub_draft_resource_get_check_status (data);

  return status != PUB_RESOURCE_CHECK_NONE && status != PUB_RESOURCE_CHECK_RUNNING;
}

static gboolean
path_is_anonymised (gpointer data)
{
  return g_str_has_suffix (pub_draft_resource_get_path (data), "personal-anonimizado.csv");
}

static GtkWindow *
find_window_with (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) || find_descendant (GTK_WIDGET (window), type) != NULL)
        return window;
    }
  return NULL;
}

static GtkWidget *
find_checks_row (GtkWidget *widget)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "Checks") == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_checks_row (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The whole path a person takes: the file's Checks row, the report's
 * button, the page's Create Copy; the draft then publishes the copy,
 * checked again, and the report about the original has gone. */
static void
test_from_the_file_list (void)
{
  g_autofree char *dir = g_dir_make_tmp ("anonymize-ui-XXXXXX", NULL);
  g_autofree char *path = personal_copy (dir);
  g_autoptr(PubDraft) draft = pub_draft_new ();
  g_autoptr(PubDraftResource) resource = NULL;
  g_autoslist(GFile) files = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *editor = pub_resource_list_editor_new ();
  GtkWindow *report, *page;
  GtkWidget *button;

  pub_draft_set_field (draft, PUB_DRAFT_FIELD_OWNER_ORG, "muni-prueba");
  pub_resource_list_editor_set_draft (PUB_RESOURCE_LIST_EDITOR (editor), draft);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), editor);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  files = g_slist_append (files, g_file_new_for_path (path));
  g_assert_cmpuint (pub_resource_list_editor_add_files (PUB_RESOURCE_LIST_EDITOR (editor), files), ==, 1);
  resource = g_list_model_get_item (pub_draft_get_resources (draft), 0);
  iterate_until (resource_checked, resource);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_descendant (editor, ADW_TYPE_EXPANDER_ROW)), TRUE);
  flush_events ();
  g_signal_emit_by_name (find_checks_row (editor), "activated");
  report = find_window_with (PUB_TYPE_VALIDATION_REPORT_VIEW);
  g_assert_nonnull (report);
  g_object_add_weak_pointer (G_OBJECT (report), (gpointer *) &report);
  button = find_button (GTK_WIDGET (report), "Create _Anonymised Copy…");
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");

  page = find_window_with (PUB_TYPE_ANONYMIZE_WINDOW);
  g_assert_nonnull (page);
  g_assert_true (gtk_window_get_transient_for (page) == report);
  g_signal_emit_by_name (find_button (GTK_WIDGET (page), "C_reate Copy"), "clicked");
  iterate_until (path_is_anonymised, resource);
  g_assert_null (report);
  g_assert_true (has_label (window, "Now using “personal-anonimizado.csv”, the anonymised copy; checking it again"));
  /* The copy is checked again: no personal value is found in it. */
  iterate_until (resource_checked, resource);
  {
    const PubCsvStats *stats = pub_check_result_get_stats (pub_draft_resource_get_last_check (resource));

    g_assert_cmpuint (stats->n_columns, ==, 3);
    for (guint i = 0; i < stats->n_columns; i++)
      for (guint k = PUB_PERSONAL_NONE + 1; k < PUB_N_PERSONAL_KINDS; k++)
        g_assert_cmpuint (stats->columns[i].n_personal[k], ==, 0);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  remove_tree (dir);
}

/* GTK warns once that it has no session bus: that is the point here. */
static gboolean
ignore_missing_bus (const char     *log_domain,
                    GLogLevelFlags  log_level,
                    const char     *message,
                    gpointer        user_data)
{
  return strstr (message, "session bus") == NULL;
}

int
main (int   argc,
      char *argv[])
{
  /* The no-keyring test's child: no session bus at all, set before GTK
   * could connect to the real one (libsecret would share that
   * connection, and its keyring). */
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--GTestSubprocess"))
      {
        g_setenv ("SECRET_BACKEND", "service", TRUE);
        g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/publicador-test-bus", TRUE);
        g_test_log_set_fatal_handler (ignore_missing_bus, NULL);
      }
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/ui/anonymize/report-offers-copy", test_report_offers_the_copy);
  g_test_add_func ("/ui/anonymize/copy-from-page", test_copy_from_the_page);
  g_test_add_func ("/ui/anonymize/no-organization", test_no_organization_no_pseudonyms);
  g_test_add_func ("/ui/anonymize/from-the-file-list", test_from_the_file_list);
  g_test_add_func ("/ui/anonymize/no-keyring", test_no_keyring_asks_passphrase);

  return g_test_run ();
}
