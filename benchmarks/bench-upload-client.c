/* bench-upload-client.c: one streamed upload through CkanClient, with its
 * throughput and the growth of the process's peak RSS.
 *
 *   bench-upload-client BASE_URL FILE
 *
 * Prints: "bytes=<n> seconds=<s> mb_per_s=<x> rss_growth_kb=<k>".
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "ckan-client.h"

static guint64
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, field);
  return line ? g_ascii_strtoull (line + strlen (field), NULL, 10) : 0;
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CkanClient) client = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  guint64 rss_before;
  gint64 start;
  double seconds;
  goffset size;

  if (argc != 3)
    {
      g_printerr ("usage: %s BASE_URL FILE\n", argv[0]);
      return 2;
    }

  client = ckan_client_new (argv[1], FALSE, &error);
  if (!client)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  ckan_client_set_token (client, "benchmark-token");
  file = g_file_new_for_commandline_arg (argv[2]);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, &error);
  if (!info)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  size = g_file_info_get_size (info);
  json_object_set_string_member (fields, "package_id", "bench");
  json_object_set_string_member (fields, "name", "bench");

  /* Reset the peak RSS to the current RSS (Linux "clear_refs" 5), so the
   * growth measured is the upload's alone. */
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
  rss_before = status_kb ("VmRSS:");
  start = g_get_monotonic_time ();

  ckan_client_upload_async (client, "resource_create", fields, file, NULL, NULL, NULL, NULL,
                            NULL, done_cb, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  node = ckan_client_upload_finish (client, result, &error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  if (!node)
    {
      g_printerr ("upload failed: %s (%s)\n", error->message, ckan_error_get_detail (error));
      return 1;
    }

  printf ("bytes=%" G_GOFFSET_FORMAT " seconds=%.3f mb_per_s=%.1f rss_growth_kb=%" G_GUINT64_FORMAT "\n",
          size, seconds, size / seconds / (1024 * 1024),
          status_kb ("VmHWM:") - MIN (rss_before, status_kb ("VmHWM:")));
  return 0;
}
