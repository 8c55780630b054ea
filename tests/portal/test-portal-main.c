/* test-portal-main.c: the test portal as a program, to try the app without
 * a portal account
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib-unix.h>
#include <locale.h>

#include "test-portal.h"

static const struct {
  const char *name;
  PubTestFault fault;
} fault_names[] = {
  { "500", PUB_TEST_FAULT_HTTP_500_JSON },
  { "502", PUB_TEST_FAULT_HTML_502 },
  { "413", PUB_TEST_FAULT_HTML_413 },
  { "html-200", PUB_TEST_FAULT_HTML_200 },
  { "429", PUB_TEST_FAULT_RATE_LIMIT_429 },
  { "503", PUB_TEST_FAULT_UNAVAILABLE_503 },
  { "delay", PUB_TEST_FAULT_DELAY },
  { "close", PUB_TEST_FAULT_CLOSE_AFTER_BYTES },
  { "drop-answer", PUB_TEST_FAULT_DROP_ANSWER },
};

/* ACTION:KIND[:VALUE[:TIMES]], ACTION "*" for any. */
static gboolean
add_fault (PubTestPortal *portal,
           const char    *spec)
{
  g_auto(GStrv) parts = g_strsplit (spec, ":", 4);
  guint64 value = 0;
  guint64 times = 1;

  if (g_strv_length (parts) < 2)
    return FALSE;
  if (parts[2] && !g_ascii_string_to_unsigned (parts[2], 10, 0, G_MAXUINT, &value, NULL))
    return FALSE;
  if (parts[2] && parts[3] && !g_ascii_string_to_unsigned (parts[3], 10, 1, G_MAXUINT, &times, NULL))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (fault_names); i++)
    if (g_str_equal (parts[1], fault_names[i].name))
      {
        pub_test_portal_inject_fault (portal, g_str_equal (parts[0], "*") ? NULL : parts[0],
                                      fault_names[i].fault, (guint) value, (guint) times);
        return TRUE;
      }
  return FALSE;
}

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
  g_auto(GStrv) faults = NULL;
  gint64 max_upload = 0;
  gboolean strict = FALSE;
  g_autofree char *locale = NULL;
  int job_delay = 2000;
  int seed_datasets = 0;
  int port = 8080;
  GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, "Port on 127.0.0.1 (0: any free one)", "N" },
    { "fixture", 'f', 0, G_OPTION_ARG_FILENAME, &fixture, "Fixture JSON file", "FILE" },
    { "prefix", 0, 0, G_OPTION_ARG_STRING, &prefix, "Path the portal lives under, e.g. /data", "PATH" },
    { "max-upload", 0, 0, G_OPTION_ARG_INT64, &max_upload, "Largest upload in bytes (default 10 MB)", "BYTES" },
    { "locale", 0, 0, G_OPTION_ARG_STRING, &locale, "Language of error messages: en or es", "LANG" },
    { "strict-schema", 0, 0, G_OPTION_ARG_NONE, &strict, "Require the schema's required fields, like datos.gob.cl", NULL },
    { "job-delay", 0, 0, G_OPTION_ARG_INT, &job_delay, "Milliseconds validation and DataStore jobs take (default 2000)", "MS" },
    { "seed-datasets", 0, 0, G_OPTION_ARG_INT, &seed_datasets,
      "Add N datasets to ministerio-de-prueba, spread like a real organization's", "N" },
    { "fault", 0, 0, G_OPTION_ARG_STRING_ARRAY, &faults,
      "Make calls fail: ACTION:KIND[:VALUE[:TIMES]], ACTION * for any, KIND one of 500, 502, 413, html-200, "
      "429, 503 (VALUE: Retry-After seconds), delay (VALUE: ms), close (VALUE: body bytes), "
      "drop-answer (the call is done, its answer never sent)", "SPEC" },
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
  pub_test_portal_set_strict_schema (portal, strict);
  if (locale)
    pub_test_portal_set_locale (portal, locale);
  pub_test_portal_set_job_delay (portal, (guint) MAX (job_delay, 0));
  if (seed_datasets > 0)
    pub_test_portal_seed_datasets (portal, "ministerio-de-prueba", (guint) seed_datasets, 12);
  for (guint i = 0; faults && faults[i]; i++)
    if (!add_fault (portal, faults[i]))
      {
        g_printerr ("Invalid --fault %s\n", faults[i]);
        return 2;
      }
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
