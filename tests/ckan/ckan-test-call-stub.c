/* ckan-test-call-stub.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-test-call-stub.h"

static void
respond_error (SoupServerMessage *msg,
               guint              status,
               const char        *error_json)
{
  g_autofree char *json = g_strdup_printf ("{\"help\": \"http://x/api/3/action/help_show\", "
                                           "\"success\": false, \"error\": %s}", error_json);
  ckan_test_respond_json (msg, status, json);
}

static gboolean
unpause_cb (gpointer user_data)
{
  SoupServerMessage *msg = user_data;

  g_object_set_data (G_OBJECT (msg), "timeout", NULL);
  ckan_test_respond_json (msg, 200, "{\"success\": true, \"result\": \"late\"}");
  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

static void
remove_timeout (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

/* The client went away before the late answer: forget it. */
static void
slow_disconnected_cb (SoupServerMessage *msg)
{
  g_object_set_data (G_OBJECT (msg), "timeout", NULL);
}

static void
answer_late (SoupServerMessage *msg,
             guint              seconds)
{
  guint id;

  soup_server_message_pause (msg);
  id = g_timeout_add_seconds (seconds, unpause_cb, msg);
  g_object_set_data_full (G_OBJECT (msg), "timeout", GUINT_TO_POINTER (id), remove_timeout);
  g_signal_connect (msg, "disconnected", G_CALLBACK (slow_disconnected_cb), NULL);
}

static void
action_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  CkanTestCallFixture *f = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  const char *action = strrchr (path, '/') + 1;
  guint count;

  count = GPOINTER_TO_UINT (g_hash_table_lookup (f->counts, action)) + 1;
  g_hash_table_insert (f->counts, g_strdup (action), GUINT_TO_POINTER (count));

  g_free (f->method);
  f->method = g_strdup (soup_server_message_get_method (msg));
  g_free (f->query);
  f->query = g_strdup (g_uri_get_query (soup_server_message_get_uri (msg)));
  g_free (f->authorization);
  f->authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));
  g_free (f->api_key);
  f->api_key = g_strdup (soup_message_headers_get_one (headers, "X-CKAN-API-Key"));
  g_free (f->cookie);
  f->cookie = g_strdup (soup_message_headers_get_one (headers, "Cookie"));
  g_free (f->content_type);
  f->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  g_free (f->user_agent);
  f->user_agent = g_strdup (soup_message_headers_get_one (headers, "User-Agent"));
  g_free (f->body);
  f->body = g_strndup (body->data, body->length);
  g_clear_pointer (&f->params, g_hash_table_unref);
  if (query)
    f->params = g_hash_table_ref (query);

  if (g_str_equal (action, "echo") || g_str_equal (action, "status_show"))
    ckan_test_respond_json (msg, 200, "{\"help\": \"h\", \"success\": true, \"result\": {\"ok\": 1}}");
  else if (g_str_equal (action, "null_result"))
    ckan_test_respond_json (msg, 200, "{\"help\": \"h\", \"success\": true, \"result\": null}");
  else if (g_str_equal (action, "set_cookie"))
    {
      soup_message_headers_append (soup_server_message_get_response_headers (msg),
                                   "Set-Cookie", "ckan=session-cookie; Path=/");
      ckan_test_respond_json (msg, 200, "{\"success\": true, \"result\": true}");
    }
  else if (g_str_equal (action, "redirect"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Location", "/data/api/3/action/echo");
      ckan_test_respond_html (msg, 302, "<a href=\"/data/api/3/action/echo\">moved</a>");
    }
  else if (g_str_equal (action, "validation"))
    respond_error (msg, 409, "{\"__type\": \"Validation Error\", "
                             "\"name\": [\"That URL is already in use.\"], "
                             "\"resources\": [{}, {\"url\": [\"Missing value\"]}]}");
  else if (g_str_equal (action, "validation_string"))
    respond_error (msg, 409, "{\"__type\": \"Validation Error\", \"order\": \"Must be a list of resource\"}");
  else if (g_str_equal (action, "validation_message"))
    respond_error (msg, 409, "{\"__type\": \"Validation Error\", \"message\": \"Debe indicar una organización\"}");
  else if (g_str_equal (action, "upload_too_large"))
    respond_error (msg, 409, "{\"__type\": \"Validation Error\", \"upload\": [\"File upload too large\"]}");
  else if (g_str_equal (action, "authorization"))
    respond_error (msg, 403, "{\"__type\": \"Authorization Error\", \"message\": "
                             "\"Access denied: Action resource_create requires an authenticated user\"}");
  else if (g_str_equal (action, "not_found"))
    respond_error (msg, 404, "{\"__type\": \"Not Found Error\", \"message\": \"Not found\"}");
  else if (g_str_equal (action, "search_query"))
    respond_error (msg, 400, "{\"__type\": \"Search Query Error\", \"message\": \"Search Query is invalid\"}");
  else if (g_str_equal (action, "search"))
    respond_error (msg, 409, "{\"__type\": \"Search Error\", \"message\": \"Search error\"}");
  else if (g_str_equal (action, "integrity"))
    respond_error (msg, 400, "{\"__type\": \"Integrity Error\", \"message\": \"Integrity error\", \"data\": \"x\"}");
  else if (g_str_equal (action, "search_index"))
    respond_error (msg, 500, "{\"__type\": \"Search Index Error\", \"message\": \"Solr down\"}");
  else if (g_str_equal (action, "internal"))
    respond_error (msg, 500, "{\"__type\": \"Internal Server Error\", \"message\": \"Internal Server Error\"}");
  else if (g_str_equal (action, "bare_string"))
    ckan_test_respond_json (msg, 400, "\"Bad request - Action name not known: bare_string\"");
  else if (g_str_equal (action, "html200"))
    ckan_test_respond_html (msg, 200, "<html><head><title>Portal cautivo</title><style>p{color:red}</style>"
                            "<script>var x = '<b>';</script></head><body>\n\n<h1>Inicie   sesi&oacute;n</h1>"
                            "<p>Red &amp; WiFi &#191;s&#xED;? &iquest;&reg;?</p></body></html>");
  else if (g_str_equal (action, "html413"))
    ckan_test_respond_html (msg, 413, "<html><body><h1>413 Request Entity Too Large</h1><hr>nginx</body></html>");
  else if (g_str_equal (action, "html500"))
    ckan_test_respond_html (msg, 500, "<html><body><h1>Internal Server Error</h1></body></html>");
  else if (g_str_equal (action, "html502"))
    ckan_test_respond_html (msg, 502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
  else if (g_str_equal (action, "html503_retry"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "120");
      ckan_test_respond_html (msg, 503, "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
    }
  else if (g_str_equal (action, "html503"))
    ckan_test_respond_html (msg, 503, "<html><body><h1>Maintenance</h1></body></html>");
  else if (g_str_equal (action, "html504"))
    ckan_test_respond_html (msg, 504, "<html><body><h1>504 Gateway Time-out</h1></body></html>");
  else if (g_str_equal (action, "rate_limited_once"))
    {
      if (count == 1)
        {
          soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "1");
          ckan_test_respond_html (msg, 429, "<html><body>Too Many Requests</body></html>");
        }
      else
        ckan_test_respond_json (msg, 200, "{\"success\": true, \"result\": \"second\"}");
    }
  else if (g_str_equal (action, "bad_gateway_twice"))
    {
      if (count <= 2)
        ckan_test_respond_html (msg, 502, "<html><body>502 Bad Gateway</body></html>");
      else
        ckan_test_respond_json (msg, 200, "{\"success\": true, \"result\": \"third\"}");
    }
  else if (g_str_equal (action, "rate_limited_30"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "30");
      ckan_test_respond_html (msg, 429, "<html><body>Too Many Requests</body></html>");
    }
  else if (g_str_equal (action, "slow"))
    {
      answer_late (msg, 3);
    }
  else if (g_str_equal (action, "json_garbage"))
    ckan_test_respond_json (msg, 200, "{\"success\": tru");
  else if (g_str_equal (action, "not_envelope"))
    ckan_test_respond_json (msg, 200, "[1, 2, 3]");
  else
    ckan_test_respond_json (msg, 400, "\"Bad request - Action name not known\"");
}

static void
fallback_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  ckan_test_respond_html (msg, 404, "<html><body>Not Found</body></html>");
}

void
ckan_test_call_setup (CkanTestCallFixture *f,
                      gconstpointer        data)
{
  g_autoptr(GError) error = NULL;

  f->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->server = ckan_test_stub_new (&f->port);
  soup_server_add_handler (f->server, "/data/api/3/action", action_cb, f, NULL);
  soup_server_add_handler (f->server, NULL, fallback_cb, f, NULL);
  f->base_url = g_strdup_printf ("http://127.0.0.1:%u/data/", f->port);

  f->client = ckan_client_new (f->base_url, FALSE, &error);
  g_assert_no_error (error);
  ckan_client_set_retry_base_delay_ms (f->client, 10);
}

void
ckan_test_call_teardown (CkanTestCallFixture *f,
                         gconstpointer        data)
{
  g_assert_finalize_object (f->client);
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_clear_pointer (&f->counts, g_hash_table_unref);
  g_clear_pointer (&f->params, g_hash_table_unref);
  g_free (f->base_url);
  g_free (f->method);
  g_free (f->query);
  g_free (f->authorization);
  g_free (f->api_key);
  g_free (f->cookie);
  g_free (f->content_type);
  g_free (f->user_agent);
  g_free (f->body);
}

guint
ckan_test_call_count (CkanTestCallFixture *f,
                      const char          *action)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (f->counts, action));
}

JsonNode *
ckan_test_call_sync (CkanClient    *client,
                     const char    *action,
                     JsonObject    *params,
                     CkanCallFlags  flags,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ckan_client_call_async (client, action, params, flags, cancellable, ckan_test_store_result_cb, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  return ckan_client_call_finish (client, result, error);
}
