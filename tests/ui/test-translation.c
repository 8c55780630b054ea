/* test-translation.c: the window speaks Spanish when the locale is Spanish
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "ckan-client-datasets.h"
#include "drafts-test-utils.h"
#include "pub-application.h"
#include "pub-dataset-row.h"
#include "pub-dataset-window.h"
#include "pub-sign-in.h"
#include "pub-personal-data-dialog.h"
#include "pub-window.h"
#include "test-portal.h"

/* One application for the whole process: a second one could not register. */
static PubApplication *app;

static gboolean
label_in_tree (GtkWidget  *widget,
               const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  if (ADW_IS_STATUS_PAGE (widget) && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (label_in_tree (child, text))
        return TRUE;
    }
  return FALSE;
}

static void
test_window_in_spanish (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (BASE_APPLICATION_ID, backend);
  PubWindow *window;

  window = pub_window_new (ADW_APPLICATION (app), settings);

  g_assert_true (label_in_tree (GTK_WIDGET (window), "Borradores"));
  g_assert_true (label_in_tree (GTK_WIDGET (window), "Mis conjuntos de datos"));
  g_assert_true (label_in_tree (GTK_WIDGET (window), "Organización"));
  g_assert_true (label_in_tree (GTK_WIDGET (window), "Comentarios"));
  g_assert_false (label_in_tree (GTK_WIDGET (window), "Drafts"));

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static gboolean
shows_label (gpointer data)
{
  gpointer *pair = data;

  return label_in_tree (pair[0], pair[1]);
}

static gboolean
counted (gpointer monitor)
{
  return pub_overdue_monitor_get_count (monitor) >= 0;
}

/* The dataset lists and the sidebar's overdue count, in Spanish. */
static void
test_dataset_lists_in_spanish (void)
{
  g_autoptr(PubTestPortal) portal = NULL;
  g_autoptr(GAsyncResult) signed_in = NULL;
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(PubAccount) candidate = NULL;
  g_autoptr(PubAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GtkWindow *window;
  gpointer pair[2];
  const char *token;

  portal = pub_test_portal_new (NULL, &error);
  g_assert_no_error (error);
  pub_test_portal_seed_datasets (portal, "ministerio-de-prueba", 300, 3);
  g_assert_true (pub_test_portal_listen (portal, 0, &error));
  token = pub_test_portal_get_token (portal, "admin");

  /* Reminded today already: no notification service in the test session. */
  g_settings_set_string (pub_application_get_settings (app), "overdue-notified-on", today);
  g_settings_set_string (pub_application_get_settings (app), "last-section", "organization");
  pub_sign_in_async (pub_test_portal_get_url (portal), token, FALSE, 0, NULL, result_cb, &signed_in);
  iterate_until (result_arrived, &signed_in);
  candidate = pub_sign_in_finish (signed_in, &error);
  g_assert_no_error (error);
  pub_account_manager_add_async (pub_application_get_account_manager (app), candidate, token, TRUE, NULL,
                                 result_cb, &added);
  iterate_until (result_arrived, &added);
  account = pub_account_manager_add_finish (pub_application_get_account_manager (app), added, &error);
  g_assert_no_error (error);

  gtk_css_provider_load_from_resource (css, "/io/github/publicador/Publicador/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  gtk_window_set_default_size (window, 1100, 720);
  iterate_until (widget_is_mapped, window);

  pair[0] = window;
  pair[1] = (gpointer) "302 conjuntos de datos";
  iterate_until (shows_label, pair);
  g_assert_true (label_in_tree (GTK_WIDGET (window), "Atrasados"));
  g_assert_true (label_in_tree (GTK_WIDGET (window), "Públicos y privados"));
  g_assert_true (label_in_tree (GTK_WIDGET (window), "Público"));
  g_assert_false (label_in_tree (GTK_WIDGET (window), "Overdue"));
  save_screenshot (GTK_WIDGET (window), "window-organization-es");

  pub_window_show_section (PUB_WINDOW (window), "datasets");
  pair[1] = (gpointer) "150 conjuntos de datos";
  iterate_until (shows_label, pair);
  /* The overdue count of the admin's own datasets, on its sidebar row. */
  iterate_until (counted, pub_application_get_overdue_monitor (app));
  {
    g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              pub_overdue_monitor_get_count (pub_application_get_overdue_monitor (app)));

    g_assert_cmpint (pub_overdue_monitor_get_count (pub_application_get_overdue_monitor (app)), >, 0);
    pair[1] = count;
    iterate_until (shows_label, pair);
  }
  save_screenshot (GTK_WIDGET (window), "window-mine-es");

  g_object_ref (window);
  gtk_window_destroy (window);
  g_assert_finalize_object (window);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
page_ready (gpointer data)
{
  return g_strcmp0 (pub_dataset_window_get_status (data), "dataset") == 0;
}

/* The dataset page speaks Spanish too, down to the portal's own states. */
static void
test_dataset_page_in_spanish (void)
{
  g_autoptr(PubTestPortal) portal = pub_test_portal_new (NULL, NULL);
  g_autoptr(CkanClient) client = NULL;
  g_autoptr(JsonNode) params = json_from_string ("{\"name\": \"matricula-2025\", \"title\": \"Matrícula 2025\","
                                                 " \"owner_org\": \"ministerio-de-prueba\", \"frequency\": \"1y\"}",
                                                 NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autofree char *dir = g_dir_make_tmp ("translation-XXXXXX", NULL);
  g_autoptr(PubDraftStore) edits = pub_draft_store_new (dir);
  PubDatasetWindow *window;

  g_assert_true (pub_test_portal_listen (portal, 0, NULL));
  client = ckan_client_new (pub_test_portal_get_url (portal), FALSE, NULL);
  ckan_client_set_token (client, pub_test_portal_get_token (portal, "editor"));
  ckan_client_call_async (client, "package_create", json_node_get_object (params), CKAN_CALL_WRITE, NULL,
                          created_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  created = ckan_client_call_finish (client, result, NULL);
  g_assert_nonnull (created);

  window = pub_dataset_window_new (NULL, client, "matricula-2025", edits);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (page_ready, window);
  iterate_until (widget_is_mapped, window);
  g_assert_true (label_in_tree (GTK_WIDGET (window), "Abrir en el _portal"));
  g_assert_true (label_in_tree (GTK_WIDGET (window), "Al día"));
  g_assert_true (label_in_tree (GTK_WIDGET (window), "Público"));
  g_assert_true (label_in_tree (GTK_WIDGET (window), "Información general"));
  g_assert_false (label_in_tree (GTK_WIDGET (window), "Up to date"));
  save_screenshot (GTK_WIDGET (window), "dataset-page-es.png");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                                        PUB_TYPE_DATASET_WINDOW,
                                                                                        "view_stack")),
                                         "activity");
  save_screenshot (GTK_WIDGET (window), "dataset-activity-es.png");
  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  remove_tree (dir);
}

/* The question before personal data goes public, as a Chilean reads it. */
static void
test_personal_data_dialog_in_spanish (void)
{
  g_autoptr(JsonNode) findings = json_from_string ("[{\"column\": \"correo_contacto\", \"kind\": \"email\", \"count\": 200},"
                                                   " {\"column\": \"rut\", \"kind\": \"rut\", \"count\": 1}]", NULL);
  g_auto(GStrv) lines = pub_personal_data_describe (findings);
  PubPersonalDataDialog *dialog = pub_personal_data_dialog_new (NULL);

  g_assert_cmpstr (lines[0], ==, "200 direcciones de correo en «correo_contacto»");
  g_assert_cmpstr (lines[1], ==, "1 RUT en «rut»");
  pub_personal_data_dialog_add_file (dialog, "contactos.csv", (const char * const *) lines);
  gtk_window_present (GTK_WINDOW (dialog));
  iterate_until (widget_is_mapped, dialog);

  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "¿Publicar datos personales?");
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "review"), ==, "_Revisar");
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "private"), ==,
                   "Publicar como _privado");
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "publish"), ==,
                   "Publicar _de todos modos");
  g_assert_true (label_in_tree (GTK_WIDGET (dialog),
                                "Esta revisión se puede desactivar en Preferencias, en «Revisiones antes de publicar»."));
  save_screenshot (GTK_WIDGET (dialog), "personal-data-dialog-es.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  /* gtk_test_init forces en_US, so the Spanish locale comes after it. The
   * test session generates es_CL.UTF-8 (build-aux/install-deps.sh); without
   * it this test must fail, not pass in English. */
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  if (setlocale (LC_ALL, "es_CL.UTF-8") == NULL)
    {
      g_printerr ("The es_CL.UTF-8 locale is missing: run build-aux/install-deps.sh --tests\n");
      return 1;
    }
  g_setenv ("LANGUAGE", "es", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = pub_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/ui/translation/personal-data-dialog", test_personal_data_dialog_in_spanish);

  g_test_add_func ("/ui/translation/window", test_window_in_spanish);
  g_test_add_func ("/ui/translation/dataset-page", test_dataset_page_in_spanish);
  g_test_add_func ("/ui/translation/dataset-lists", test_dataset_lists_in_spanish);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
