/* test-portal-main.c: the test portal as a program, to try the app without
 * a portal account
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib-unix.h>
#include <locale.h>

#include "test-portal.h"

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  static const char *const users[] = { "sysadmin", "admin", "editor", "member", "outsider" };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PubTestPortal) portal = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = NULL;
  g_autofree char *prefix = NULL;
  gint64 max_upload = 0;
  int port = 8080;
  GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, "Port on 127.0.0.1 (0: any free one)", "N" },
    { "fixture", 'f', 0, G_OPTION_ARG_FILENAME, &fixture, "Fixture JSON file", "FILE" },
    { "prefix", 0, 0, G_OPTION_ARG_STRING, &prefix, "Path the portal lives under, e.g. /data", "PATH" },
    { "max-upload", 0, 0, G_OPTION_ARG_INT64, &max_upload, "Largest upload in bytes (default 10 MB)", "BYTES" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("- a CKAN-compatible portal in memory, for trying Publicador");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (port < 0 || port > 65535)
    {
      g_printerr ("Invalid port %d\n", port);
      return 2;
    }

  portal = pub_test_portal_new (fixture, &error);
  if (!portal)
    {
      g_printerr ("Could not load the fixture: %s\n", error->message);
      return 1;
    }
  if (prefix)
    pub_test_portal_set_prefix (portal, prefix);
  if (max_upload > 0)
    pub_test_portal_set_max_upload (portal, max_upload);
  if (!pub_test_portal_listen (portal, (guint) port, &error))
    {
      g_printerr ("Could not listen on port %d: %s\n", port, error->message);
      return 1;
    }

  /* The fixture's tokens are throwaway test data: printing them is the
   * point of this program. */
  g_print ("Test portal at %s\n", pub_test_portal_get_url (portal));
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      const char *token = pub_test_portal_get_token (portal, users[i]);

      if (token)
        g_print ("  %-9s %s\n", users[i], token);
    }
  g_print ("Press Ctrl+C to stop.\n");

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);
  return 0;
}
