/* test-application.c: the application as a whole: a session that ends
 * (SIGTERM, SIGINT) does not lose what was typed in the last moments
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <signal.h>

#include "pub-application.h"

typedef struct
{
  int   signal;
  char *id;
} Edit;

/* Typed just now: still inside the store's save delay when the signal
 * comes. */
static gboolean
edit_then_signal_cb (gpointer user_data)
{
  Edit *edit = user_data;
  PubDraft *draft = pub_draft_store_create (pub_draft_store_get_default ());

  pub_draft_set_field (draft, "title", "Escrito justo antes de cerrar la sesión");
  edit->id = g_strdup (pub_draft_get_id (draft));
  raise (edit->signal);
  return G_SOURCE_REMOVE;
}

static void
test_signal_saves_and_quits (gconstpointer data)
{
  g_autoptr(PubApplication) app = pub_application_new ();
  g_autoptr(PubDraft) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  Edit edit = { GPOINTER_TO_INT (data), NULL };

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_idle_add (edit_then_signal_cb, &edit);
  /* Without a handler the signal ends the test process right here. */
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);

  name = g_strconcat (edit.id, ".json", NULL);
  path = g_build_filename (pub_draft_store_get_directory (pub_draft_store_get_default ()), name, NULL);
  on_disk = pub_draft_store_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pub_draft_get_field (on_disk, "title"), ==, "Escrito justo antes de cerrar la sesión");
  g_free (edit.id);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_data_func ("/application/sigterm-saves-and-quits", GINT_TO_POINTER (SIGTERM),
                        test_signal_saves_and_quits);
  g_test_add_data_func ("/application/sigint-saves-and-quits", GINT_TO_POINTER (SIGINT),
                        test_signal_saves_and_quits);

  return g_test_run ();
}
