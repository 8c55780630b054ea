/* a11y-tour.c: opens the app's screens one after another for
 * test-a11y.py, which reads each through the accessibility bus.
 *
 * Prints "SCREEN <name>" once a screen is on display and waits for a line
 * on stdin before the next; the main loop runs meanwhile, so the screen
 * answers the accessibility bus. Prints "END" after the last.
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <gio/gunixinputstream.h>
#include <adwaita.h>

#include "drafts-test-utils.h"
#include "pub-anonymize-window.h"
#include "pub-application.h"
#include "pub-dataset-metadata-editor.h"
#include "pub-new-dataset-window.h"
#include "pub-personal-data-dialog.h"
#include "pub-preferences-window.h"
#include "pub-resource-list-editor.h"
#include "pub-sign-in-page.h"
#include "pub-tag-editor.h"
#include "pub-window.h"
#include "test-portal.h"

static GDataInputStream *input;

static void
line_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autofree char *line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (object), result, NULL, NULL);

  *(gboolean *) user_data = TRUE;
}

/* Runs the main loop until the reader says it is done with the screen. */
static void
show (const char *name,
      GtkWidget  *widget)
{
  gboolean read = FALSE;

  iterate_until (widget_is_mapped, widget);
  for (guint i = 0; i < 20; i++)
    {
      flush_events ();
      g_usleep (10000);
    }
  {
    g_autofree char *file = g_strdup_printf ("a11y-%s.png", name);

    save_screenshot (widget, file);
  }
  g_print ("SCREEN %s\n", name);
  fflush (stdout);
  g_data_input_stream_read_line_async (input, G_PRIORITY_DEFAULT, NULL, line_read_cb, &read);
  while (!read)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWindow *
find_toplevel_with (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (GTK_WIDGET (window)) && find_descendant (GTK_WIDGET (window), type) != NULL)
        return window;
    }
  return NULL;
}

static gboolean
resources_checked (gpointer data)
{
  GListModel *resources = pub_draft_get_resources (data);

  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(PubDraftResource) resource = g_list_model_get_item (resources, i);
      PubResourceCheckStatus status = pub_draft_resource_get_check_status (resource);

      if (status == PUB_RESOURCE_CHECK_NONE || status == PUB_RESOURCE_CHECK_RUNNING)
        return FALSE;
    }
  return TRUE;
}

static GtkWidget *
find_row_titled (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row_titled (c, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (BASE_APPLICATION_ID, backend);
  g_autoptr(PubApplication) app = NULL;
  g_autoptr(PubTestPortal) portal = NULL;
  g_autoptr(CkanClient) client = NULL;
  g_autoptr(PubAccountManager) manager = NULL;
  g_autoptr(PubDraftStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("a11y-tour-XXXXXX", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *tsv = NULL;
  g_autoptr(GInputStream) stdin_stream = g_unix_input_stream_new (0, FALSE);
  g_autoslist(GFile) files = NULL;
  PubNewDatasetWindow *wizard;
  PubDraft *draft;
  PubWindow *window;
  GtkWindow *sign_in, *report;
  GtkWidget *check_row, *expander;

  gtk_init ();
  adw_init ();
  input = g_data_input_stream_new (stdin_stream);

  app = pub_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  portal = pub_test_portal_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pub_test_portal_listen (portal, 0, &error));
  client = ckan_client_new (pub_test_portal_get_url (portal), FALSE, &error);
  g_assert_no_error (error);
  ckan_client_set_token (client, pub_test_portal_get_token (portal, "editor"));

  /* The main window, as at first start. */
  window = pub_window_new (ADW_APPLICATION (app), settings);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  show ("main-window", GTK_WIDGET (window));

  /* Sign-in. */
  manager = pub_account_manager_new (settings);
  sign_in = pub_sign_in_page_present (GTK_WINDOW (window), manager, NULL, FALSE);
  show ("sign-in", GTK_WIDGET (sign_in));
  gtk_window_destroy (sign_in);

  /* The wizard's first step, empty, then complete. */
  store = pub_draft_store_new (dir);
  pub_draft_store_set_save_delay (store, 10);
  draft = pub_draft_store_create (store);
  wizard = pub_new_dataset_window_new (GTK_WINDOW (window), store, draft, client);
  gtk_window_set_default_size (GTK_WINDOW (wizard), 640, 760);
  gtk_window_present (GTK_WINDOW (wizard));
  /* A tag being typed: its apply button shows. */
  {
    GObject *tags = gtk_widget_get_template_child (GTK_WIDGET (pub_new_dataset_window_get_metadata_editor (wizard)),
                                                   PUB_TYPE_DATASET_METADATA_EDITOR, "tag_editor");

    GtkWidget *entry = GTK_WIDGET (pub_tag_editor_get_entry (PUB_TAG_EDITOR (tags)));

    iterate_until (widget_is_mapped, wizard);
    gtk_widget_grab_focus (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), "salud");
  }
  show ("wizard-step-1", GTK_WIDGET (wizard));

  /* The second, with two files, one of them opened. */
  pub_draft_set_field (draft, "title", "Matrícula 2025");
  pub_draft_set_field (draft, "name", "matricula-2025");
  pub_draft_set_field (draft, "notes", "Matrícula por establecimiento.");
  pub_draft_set_field (draft, "author", "Unidad de Estadísticas");
  pub_draft_set_field (draft, "author_email", "estadisticas@example.cl");
  pub_draft_set_field (draft, "owner_org", "ministerio-de-prueba");
  pub_draft_set_field (draft, "visibility", "private");
  pub_draft_set_field (draft, "license_id", "cc-by");
  pub_draft_add_tag (draft, "educación");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.next", NULL));
  g_assert_cmpstr (pub_new_dataset_window_get_step (wizard), ==, "resources");
  csv = write_file (dir, "matricula.csv", "rbd,matricula\n101,340\n102,512\n");
  tsv = write_file (dir, "docentes.tsv", "rbd\tdocentes\n101\t21\n");
  files = g_slist_append (files, g_file_new_for_path (csv));
  files = g_slist_append (files, g_file_new_for_path (tsv));
  pub_resource_list_editor_add_files (pub_new_dataset_window_get_resource_editor (wizard), files);
  iterate_until (resources_checked, draft);
  expander = find_descendant (GTK_WIDGET (wizard), ADW_TYPE_EXPANDER_ROW);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  show ("wizard-step-2", GTK_WIDGET (wizard));

  /* The first file's check report. */
  check_row = find_row_titled (expander, "Checks");
  g_assert_nonnull (check_row);
  g_signal_emit_by_name (check_row, "activated");
  report = find_toplevel_with (g_type_from_name ("PubValidationReportView"));
  g_assert_nonnull (report);
  show ("check-report", GTK_WIDGET (report));
  gtk_window_destroy (report);

  /* The copy without personal data, from a file that has some. */
  {
    g_autofree char *contacts = write_file (dir, "contactos.csv",
                                            "comuna,correo_contacto\nArica,ana@example.cl\nIquique,luis@example.cl\n");
    g_autoptr(GFile) contacts_file = g_file_new_for_path (contacts);
    g_autoptr(PubCheckResult) result = pub_check_file_sync (contacts_file, NULL, NULL, NULL, NULL, &error);
    GtkWidget *anonymize;

    g_assert_no_error (error);
    anonymize = pub_anonymize_window_new (GTK_WINDOW (wizard), draft, result);

    gtk_window_present (GTK_WINDOW (anonymize));
    show ("anonymize", anonymize);
    gtk_window_destroy (GTK_WINDOW (anonymize));
  }

  /* Preferences. */
  {
    PubPreferencesWindow *prefs = pub_preferences_window_new (settings);

    gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (window));
    gtk_window_present (GTK_WINDOW (prefs));
    show ("preferences", GTK_WIDGET (prefs));
    gtk_window_destroy (GTK_WINDOW (prefs));
  }

  /* The question before personal data goes public. */
  {
    const char *findings[] = { "200 e-mail addresses in “correo_contacto”", NULL };
    PubPersonalDataDialog *dialog = pub_personal_data_dialog_new (GTK_WINDOW (wizard));

    pub_personal_data_dialog_add_file (dialog, "contactos.csv", findings);
    gtk_window_present (GTK_WINDOW (dialog));
    show ("personal-data-dialog", GTK_WIDGET (dialog));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* The publish page while it runs: the portal takes its time. */
  pub_test_portal_inject_fault (portal, "resource_create", PUB_TEST_FAULT_DELAY, 60000, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.publish", NULL));
  g_assert_cmpstr (pub_new_dataset_window_get_step (wizard), ==, "progress");
  show ("publish", GTK_WIDGET (wizard));

  g_print ("END\n");
  fflush (stdout);
  gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.cancel-publish", NULL);
  gtk_window_destroy (GTK_WINDOW (wizard));
  gtk_window_destroy (GTK_WINDOW (window));
  g_application_release (G_APPLICATION (app));
  remove_tree (dir);
  return 0;
}
