/* bench-upload-server.c: a receiver for the upload benchmark that counts
 * and discards request bodies, answering every action with a CKAN
 * envelope. Prints "PORT <n>" once listening. With RATE_MB (MiB/s), reading
 * is paused whenever it gets ahead of that rate, like a slower link would.
 *
 *   bench-upload-server [PORT [RATE_MB]]
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>
#include <stdio.h>

static double rate_bytes_per_us;

typedef struct {
  guint64 received;
  gint64  start;
} Count;

static gboolean
resume_cb (gpointer user_data)
{
  soup_server_message_unpause (user_data);
  g_object_unref (user_data);
  return G_SOURCE_REMOVE;
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  Count *count = g_object_get_data (G_OBJECT (msg), "received");
  gint64 due;

  count->received += g_bytes_get_size (chunk);
  if (rate_bytes_per_us <= 0)
    return;
  due = count->start + (gint64) (count->received / rate_bytes_per_us);
  if (due > g_get_monotonic_time () + 1000)
    {
      soup_server_message_pause (msg);
      g_timeout_add ((guint) ((due - g_get_monotonic_time ()) / 1000), resume_cb, g_object_ref (msg));
    }
}

static void
early_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  /* Keep nothing: the benchmark measures the client, not this server. */
  Count *count;

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  count = g_new0 (Count, 1);
  count->start = g_get_monotonic_time ();
  g_object_set_data_full (G_OBJECT (msg), "received", count, g_free);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), NULL);
}

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  Count *count = g_object_get_data (G_OBJECT (msg), "received");
  g_autofree char *json = g_strdup_printf ("{\"help\": \"bench\", \"success\": true, "
                                           "\"result\": {\"id\": \"bench\", \"received\": %" G_GUINT64_FORMAT "}}",
                                           count ? count->received : 0);

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json;charset=utf-8", SOUP_MEMORY_COPY,
                                    json, strlen (json));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  guint port = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 0;
  GSList *uris;

  if (argc > 2)
    rate_bytes_per_us = g_ascii_strtod (argv[2], NULL) * 1024 * 1024 / G_USEC_PER_SEC;
  soup_server_add_early_handler (server, NULL, early_cb, NULL, NULL);
  soup_server_add_handler (server, NULL, handler_cb, NULL, NULL);
  if (!soup_server_listen_local (server, port, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      g_printerr ("bench-upload-server: %s\n", error->message);
      return 1;
    }
  uris = soup_server_get_uris (server);
  printf ("PORT %d\n", g_uri_get_port (uris->data));
  fflush (stdout);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (loop);
  return 0;
}
