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

#include "pub-application.h"
#include "pub-window.h"

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

  return g_test_run ();
}
