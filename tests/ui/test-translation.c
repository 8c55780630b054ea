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
#include "pub-dataset-window.h"
#include "pub-personal-data-dialog.h"
#include "pub-window.h"
#include "test-portal.h"

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
  g_autoptr(PubApplication) app = pub_application_new ();
  PubWindow *window;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
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

  g_test_add_func ("/ui/translation/window", test_window_in_spanish);
  g_test_add_func ("/ui/translation/dataset-page", test_dataset_page_in_spanish);
  g_test_add_func ("/ui/translation/personal-data-dialog", test_personal_data_dialog_in_spanish);

  return g_test_run ();
}
