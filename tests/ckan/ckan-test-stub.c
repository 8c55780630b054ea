/* ckan-test-stub.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-test-stub.h"

SoupServer *
ckan_test_stub_new (guint *port)
{
  g_autoptr(GError) error = NULL;
  SoupServer *server = soup_server_new (NULL, NULL);
  GSList *uris;

  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  *port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return server;
}

void
ckan_test_respond_json (SoupServerMessage *msg,
                        guint              status,
                        const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json;charset=utf-8", SOUP_MEMORY_COPY,
                                    json, strlen (json));
}

void
ckan_test_respond_html (SoupServerMessage *msg,
                        guint              status,
                        const char        *html)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_COPY,
                                    html, strlen (html));
}

void
ckan_test_store_result_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}
