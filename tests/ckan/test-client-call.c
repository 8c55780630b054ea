/* test-client-call.c: the call primitive against an in-process SoupServer
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>
#include <locale.h>

#include "ckan-client-action-private.h"
#include "ckan-client-private.h"
#include "ckan-response-private.h"

#define TOKEN "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.secret-token-for-tests"

typedef struct {
  SoupServer *server;
  GUri       *uri;           /* http://127.0.0.1:port/ */
  char       *base_url;      /* ...:port/data */
  CkanClient *client;
  GHashTable *counts;        /* action -> number of requests */
  /* What the last request carried. */
  char       *method;
  char       *query;
  char       *authorization;
  char       *api_key;
  char       *cookie;
  char       *content_type;
  char       *user_agent;
  char       *body;
  GHashTable *params;
} Fixture;

static void
respond_json (SoupServerMessage *msg,
              guint              status,
              const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json;charset=utf-8", SOUP_MEMORY_COPY,
                                    json, strlen (json));
}

static void
respond_html (SoupServerMessage *msg,
              guint              status,
              const char        *html)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_COPY,
                                    html, strlen (html));
}

static void
respond_error (SoupServerMessage *msg,
               guint              status,
               const char        *error_json)
{
  g_autofree char *json = g_strdup_printf ("{\"help\": \"http://x/api/3/action/help_show\", "
                                           "\"success\": false, \"error\": %s}", error_json);
  respond_json (msg, status, json);
}

static gboolean
unpause_cb (gpointer user_data)
{
  SoupServerMessage *msg = user_data;

  g_object_set_data (G_OBJECT (msg), "timeout", NULL);
  respond_json (msg, 200, "{\"success\": true, \"result\": \"late\"}");
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
  Fixture *f = user_data;
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
    respond_json (msg, 200, "{\"help\": \"h\", \"success\": true, \"result\": {\"ok\": 1}}");
  else if (g_str_equal (action, "null_result"))
    respond_json (msg, 200, "{\"help\": \"h\", \"success\": true, \"result\": null}");
  else if (g_str_equal (action, "set_cookie"))
    {
      soup_message_headers_append (soup_server_message_get_response_headers (msg),
                                   "Set-Cookie", "ckan=session-cookie; Path=/");
      respond_json (msg, 200, "{\"success\": true, \"result\": true}");
    }
  else if (g_str_equal (action, "redirect"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Location", "/data/api/3/action/echo");
      respond_html (msg, 302, "<a href=\"/data/api/3/action/echo\">moved</a>");
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
    respond_json (msg, 400, "\"Bad request - Action name not known: bare_string\"");
  else if (g_str_equal (action, "html200"))
    respond_html (msg, 200, "<html><head><title>Portal cautivo</title><style>p{color:red}</style>"
                            "<script>var x = '<b>';</script></head><body>\n\n<h1>Inicie   sesi&oacute;n</h1>"
                            "<p>Red &amp; WiFi &#191;s&#xED;? &iquest;&reg;?</p></body></html>");
  else if (g_str_equal (action, "html413"))
    respond_html (msg, 413, "<html><body><h1>413 Request Entity Too Large</h1><hr>nginx</body></html>");
  else if (g_str_equal (action, "html500"))
    respond_html (msg, 500, "<html><body><h1>Internal Server Error</h1></body></html>");
  else if (g_str_equal (action, "html502"))
    respond_html (msg, 502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
  else if (g_str_equal (action, "html503_retry"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "120");
      respond_html (msg, 503, "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
    }
  else if (g_str_equal (action, "html503"))
    respond_html (msg, 503, "<html><body><h1>Maintenance</h1></body></html>");
  else if (g_str_equal (action, "html504"))
    respond_html (msg, 504, "<html><body><h1>504 Gateway Time-out</h1></body></html>");
  else if (g_str_equal (action, "rate_limited_once"))
    {
      if (count == 1)
        {
          soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "1");
          respond_html (msg, 429, "<html><body>Too Many Requests</body></html>");
        }
      else
        respond_json (msg, 200, "{\"success\": true, \"result\": \"second\"}");
    }
  else if (g_str_equal (action, "bad_gateway_twice"))
    {
      if (count <= 2)
        respond_html (msg, 502, "<html><body>502 Bad Gateway</body></html>");
      else
        respond_json (msg, 200, "{\"success\": true, \"result\": \"third\"}");
    }
  else if (g_str_equal (action, "rate_limited_30"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "30");
      respond_html (msg, 429, "<html><body>Too Many Requests</body></html>");
    }
  else if (g_str_equal (action, "slow"))
    {
      answer_late (msg, 3);
    }
  else if (g_str_equal (action, "json_garbage"))
    respond_json (msg, 200, "{\"success\": tru");
  else if (g_str_equal (action, "not_envelope"))
    respond_json (msg, 200, "[1, 2, 3]");
  else
    respond_json (msg, 400, "\"Bad request - Action name not known\"");
}

static void
fallback_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  respond_html (msg, 404, "<html><body>Not Found</body></html>");
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  f->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, "/data/api/3/action", action_cb, f, NULL);
  soup_server_add_handler (f->server, NULL, fallback_cb, f, NULL);
  soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->uri = g_uri_ref (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  f->base_url = g_strdup_printf ("http://127.0.0.1:%d/data/", g_uri_get_port (f->uri));

  f->client = ckan_client_new (f->base_url, FALSE, &error);
  g_assert_no_error (error);
  ckan_client_set_retry_base_delay_ms (f->client, 10);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->client);
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_clear_pointer (&f->uri, g_uri_unref);
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

static guint
count_of (Fixture    *f,
          const char *action)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (f->counts, action));
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static JsonNode *
call_sync (CkanClient    *client,
           const char    *action,
           JsonObject    *params,
           CkanCallFlags  flags,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ckan_client_call_async (client, action, params, flags, cancellable, store_result_cb, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  return ckan_client_call_finish (client, result, error);
}

/* --- addresses --- */

static void
test_base_url_rules (void)
{
  static const struct { const char *url; gboolean insecure_ok; int code; const char *normalized; } cases[] = {
    { "https://datos.gob.cl", FALSE, -1, "https://datos.gob.cl" },
    { "  https://portal.example/data/  ", FALSE, -1, "https://portal.example/data" },
    { "HTTPS://Portal.Example:8443/a/b", FALSE, -1, NULL },
    { "http://datos.gob.cl", FALSE, CKAN_ERROR_INSECURE, NULL },
    { "http://datos.gob.cl", TRUE, -1, "http://datos.gob.cl" },
    { "http://localhost:5000", FALSE, -1, "http://localhost:5000" },
    { "http://127.0.0.5:5000/ckan", FALSE, -1, "http://127.0.0.5:5000/ckan" },
    { "http://[::1]:5000", FALSE, -1, "http://[::1]:5000" },
    { "http://10.0.0.1", FALSE, CKAN_ERROR_INSECURE, NULL },
    { "datos.gob.cl", FALSE, CKAN_ERROR_INVALID_URL, NULL },
    { "ftp://datos.gob.cl", FALSE, CKAN_ERROR_INVALID_URL, NULL },
    { "https://user:pw@datos.gob.cl", FALSE, CKAN_ERROR_INVALID_URL, NULL },
    { "https://datos.gob.cl/?q=1", FALSE, CKAN_ERROR_INVALID_URL, NULL },
    { "https://", FALSE, CKAN_ERROR_INVALID_URL, NULL },
    { "", FALSE, CKAN_ERROR_INVALID_URL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CkanClient) client = ckan_client_new (cases[i].url, cases[i].insecure_ok, &error);

      if (cases[i].code >= 0)
        {
          g_assert_error (error, CKAN_ERROR, cases[i].code);
          g_assert_null (client);
          continue;
        }
      g_assert_no_error (error);
      g_assert_nonnull (client);
      if (cases[i].normalized)
        g_assert_cmpstr (ckan_client_get_base_url (client), ==, cases[i].normalized);
    }
}

static void
test_action_url (void)
{
  g_autoptr(CkanClient) client = ckan_client_new ("https://portal.example/data/", FALSE, NULL);
  g_autofree char *url = ckan_client_build_action_url (client, "package_show");

  g_assert_cmpstr (url, ==, "https://portal.example/data/api/3/action/package_show");
}

static void
test_token_is_kept_and_replaced (void)
{
  g_autoptr(CkanClient) client = ckan_client_new ("https://portal.example", FALSE, NULL);

  g_assert_false (ckan_client_has_token (client));
  ckan_client_set_token (client, TOKEN);
  g_assert_true (ckan_client_has_token (client));
  ckan_client_set_token (client, "other");
  g_assert_true (ckan_client_has_token (client));
  ckan_client_set_token (client, NULL);
  g_assert_false (ckan_client_has_token (client));
}

/* --- requests --- */

static void
test_read_is_get_with_query (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *facets = json_array_new ();

  json_object_set_string_member (params, "q", "agua potable & riego=sí+no");
  json_object_set_int_member (params, "rows", 5);
  json_object_set_boolean_member (params, "include_private", TRUE);
  json_object_set_boolean_member (params, "include_drafts", FALSE);
  json_object_set_double_member (params, "ratio", 0.5);
  json_object_set_null_member (params, "nothing");
  json_object_set_string_member (params, "callback", "jsonp_cb");
  json_array_add_string_element (facets, "tags");
  json_array_add_string_element (facets, "res_format");
  json_object_set_array_member (params, "facet.field", facets);

  result = call_sync (f->client, "echo", params, CKAN_CALL_READ, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (result));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (result), "ok"), ==, 1);

  g_assert_cmpstr (f->method, ==, "GET");
  g_assert_cmpstr (f->user_agent, ==, "Publicador/" PACKAGE_VERSION);
  g_assert_cmpstr (f->body, ==, "");
  g_assert_nonnull (f->params);
  g_assert_cmpstr (g_hash_table_lookup (f->params, "q"), ==, "agua potable & riego=sí+no");
  g_assert_cmpstr (g_hash_table_lookup (f->params, "rows"), ==, "5");
  g_assert_cmpstr (g_hash_table_lookup (f->params, "include_private"), ==, "true");
  g_assert_cmpstr (g_hash_table_lookup (f->params, "include_drafts"), ==, "false");
  g_assert_cmpstr (g_hash_table_lookup (f->params, "ratio"), ==, "0.5");
  g_assert_cmpstr (g_hash_table_lookup (f->params, "facet.field"), ==, "[\"tags\",\"res_format\"]");
  g_assert_false (g_hash_table_contains (f->params, "nothing"));
  g_assert_false (g_hash_table_contains (f->params, "callback"));
  g_assert_cmpuint (g_hash_table_size (f->params), ==, 6);
}

static void
test_write_is_json_post (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *sent;
  JsonArray *tags = json_array_new ();
  JsonObject *tag = json_object_new ();

  json_object_set_string_member (tag, "name", "agua");
  json_array_add_object_element (tags, tag);
  json_object_set_string_member (params, "name", "mi-conjunto");
  json_object_set_boolean_member (params, "private", TRUE);
  json_object_set_array_member (params, "tags", tags);
  json_object_set_string_member (params, "callback", "jsonp_cb");

  result = call_sync (f->client, "echo", params, CKAN_CALL_WRITE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  g_assert_cmpstr (f->method, ==, "POST");
  g_assert_null (f->query);
  g_assert_cmpstr (f->content_type, ==, "application/json");
  g_assert_true (json_parser_load_from_data (parser, f->body, -1, NULL));
  sent = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (sent, "name"), ==, "mi-conjunto");
  g_assert_true (json_object_get_boolean_member (sent, "private"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (sent, "tags"), 0), "name"),
                   ==, "agua");
  g_assert_false (json_object_has_member (sent, "callback"));
  g_assert_cmpuint (json_object_get_size (sent), ==, 3);
  /* The caller's object is left as it was. */
  g_assert_true (json_object_has_member (params, "callback"));
  g_assert_cmpstr (f->user_agent, ==, "Publicador/" PACKAGE_VERSION);
}

static void
test_write_without_params_sends_empty_object (Fixture       *f,
                                              gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;

  result = call_sync (f->client, "null_result", NULL, CKAN_CALL_WRITE, NULL, &error);
  g_assert_no_error (error);
  /* A JSON null result is a result, not a failure. */
  g_assert_true (JSON_NODE_HOLDS_NULL (result));
  g_assert_cmpstr (f->body, ==, "{}");
}

static void
test_token_headers_not_in_url (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  json_object_set_string_member (params, "id", "x");
  ckan_client_set_token (f->client, TOKEN);
  result = call_sync (f->client, "echo", params, CKAN_CALL_READ, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (f->authorization, ==, TOKEN);
  g_assert_cmpstr (f->api_key, ==, TOKEN);
  g_assert_null (strstr (f->query, "secret"));
  url = ckan_client_build_action_url (f->client, "echo");
  g_assert_null (strstr (url, "secret"));

  /* Signed out: no header at all. */
  ckan_client_set_token (f->client, NULL);
  g_clear_pointer (&result, json_node_unref);
  result = call_sync (f->client, "echo", NULL, CKAN_CALL_WRITE, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (f->authorization);
  g_assert_null (f->api_key);
  g_assert_null (strstr (f->body, "secret"));
}

static void
test_no_cookie_kept (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(GError) error = NULL;

  first = call_sync (f->client, "set_cookie", NULL, CKAN_CALL_WRITE, NULL, &error);
  g_assert_no_error (error);
  second = call_sync (f->client, "echo", NULL, CKAN_CALL_WRITE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_of (f, "echo"), ==, 1);
  g_assert_null (f->cookie);
}

static void
test_redirect_not_followed (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;

  result = call_sync (f->client, "redirect", NULL, CKAN_CALL_WRITE, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_NOT_JSON);
  g_assert_cmpuint (ckan_error_get_status (error), ==, 302);
  g_assert_cmpstr (ckan_error_get_detail (error), ==, "/data/api/3/action/echo");
  g_assert_nonnull (strstr (error->message, "/data/api/3/action/echo"));
  g_assert_cmpuint (count_of (f, "echo"), ==, 0);
}

/* --- envelope errors --- */

typedef struct {
  const char *action;
  int         code;
  guint       status;
  const char *message;   /* NULL: the message for people */
} ErrorCase;

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_envelope_errors (Fixture       *f,
                      gconstpointer  data)
{
  static const ErrorCase cases[] = {
    { "authorization", CKAN_ERROR_AUTHORIZATION, 403, "Access denied: Action resource_create requires an authenticated user" },
    { "not_found", CKAN_ERROR_NOT_FOUND, 404, "Not found" },
    { "search_query", CKAN_ERROR_SEARCH, 400, "Search Query is invalid" },
    { "search", CKAN_ERROR_SEARCH, 409, "Search error" },
    { "integrity", CKAN_ERROR_BAD_REQUEST, 400, "Integrity error" },
    { "search_index", CKAN_ERROR_SERVER, 500, "Solr down" },
    { "internal", CKAN_ERROR_SERVER, 500, "Internal Server Error" },
    { "bare_string", CKAN_ERROR_BAD_REQUEST, 400, "Bad request - Action name not known: bare_string" },
    { "json_garbage", CKAN_ERROR_NOT_JSON, 200, NULL },
    { "not_envelope", CKAN_ERROR_NOT_JSON, 200, NULL },
  };

  guint denied = 0;

  g_signal_connect_swapped (f->client, "authorization-failed", G_CALLBACK (count_cb), &denied);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) result = NULL;
      g_autoptr(GError) error = NULL;

      result = call_sync (f->client, cases[i].action, NULL, CKAN_CALL_WRITE, NULL, &error);
      g_assert_null (result);
      g_assert_error (error, CKAN_ERROR, cases[i].code);
      g_assert_cmpuint (denied, ==, cases[i].code == CKAN_ERROR_AUTHORIZATION ? 1 : 0);
      denied = 0;
      g_assert_cmpuint (ckan_error_get_status (error), ==, cases[i].status);
      g_assert_cmpstr (error->message, ==, cases[i].message ? cases[i].message : ckan_error_code_to_message (cases[i].code));
      g_assert_null (ckan_error_get_fields (error));
      if (cases[i].message)
        g_assert_cmpstr (ckan_error_get_detail (error), ==, cases[i].message);
    }
}

static void
test_validation_fields_kept (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *fields;
  JsonArray *resources;

  result = call_sync (f->client, "validation", NULL, CKAN_CALL_WRITE, NULL, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_VALIDATION);
  g_assert_cmpuint (ckan_error_get_status (error), ==, 409);
  g_assert_cmpstr (error->message, ==, ckan_error_code_to_message (CKAN_ERROR_VALIDATION));
  fields = ckan_error_get_fields (error);
  g_assert_nonnull (fields);
  g_assert_false (json_object_has_member (fields, "__type"));
  g_assert_cmpuint (json_object_get_size (fields), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (fields, "name"), 0),
                   ==, "That URL is already in use.");
  resources = json_object_get_array_member (fields, "resources");
  g_assert_cmpuint (json_array_get_length (resources), ==, 2);
  g_assert_cmpuint (json_object_get_size (json_array_get_object_element (resources, 0)), ==, 0);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_array_get_object_element (resources, 1), "url"), 0),
                   ==, "Missing value");
  g_clear_error (&error);

  /* A plain string instead of a list. */
  result = call_sync (f->client, "validation_string", NULL, CKAN_CALL_WRITE, NULL, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_VALIDATION);
  g_assert_cmpstr (json_object_get_string_member (ckan_error_get_fields (error), "order"), ==, "Must be a list of resource");
  g_clear_error (&error);

  /* {"message": ...}: the portal's own words. */
  result = call_sync (f->client, "validation_message", NULL, CKAN_CALL_WRITE, NULL, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_VALIDATION);
  g_assert_cmpstr (error->message, ==, "Debe indicar una organización");
  g_assert_cmpstr (json_object_get_string_member (ckan_error_get_fields (error), "message"), ==, "Debe indicar una organización");
  g_clear_error (&error);

  result = call_sync (f->client, "upload_too_large", NULL, CKAN_CALL_WRITE, NULL, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_TOO_LARGE);
  g_assert_cmpuint (ckan_error_get_status (error), ==, 409);
  g_assert_cmpstr (error->message, ==, ckan_error_code_to_message (CKAN_ERROR_TOO_LARGE));
  g_assert_true (json_object_has_member (ckan_error_get_fields (error), "upload"));
}

static void
test_html_answers (Fixture       *f,
                   gconstpointer  data)
{
  static const struct { const char *action; int code; guint status; guint retry_after; const char *excerpt; } cases[] = {
    { "html200", CKAN_ERROR_NOT_JSON, 200, 0, "Portal cautivo Inicie sesión Red & WiFi ¿sí? ¿&reg;?" },
    { "html413", CKAN_ERROR_TOO_LARGE, 413, 0, "413 Request Entity Too Large nginx" },
    { "html500", CKAN_ERROR_SERVER, 500, 0, "Internal Server Error" },
    { "html502", CKAN_ERROR_SERVER, 502, 0, "502 Bad Gateway" },
    { "html503", CKAN_ERROR_SERVER, 503, 0, "Maintenance" },
    { "html503_retry", CKAN_ERROR_RATE_LIMITED, 503, 120, "503 Service Temporarily Unavailable" },
    { "html504", CKAN_ERROR_TIMEOUT, 504, 0, "504 Gateway Time-out" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) result = NULL;
      g_autoptr(GError) error = NULL;

      result = call_sync (f->client, cases[i].action, NULL, CKAN_CALL_WRITE, NULL, &error);
      g_assert_null (result);
      g_assert_error (error, CKAN_ERROR, cases[i].code);
      g_assert_cmpuint (ckan_error_get_status (error), ==, cases[i].status);
      g_assert_cmpuint (ckan_error_get_retry_after (error), ==, cases[i].retry_after);
      g_assert_cmpstr (ckan_error_get_detail (error), ==, cases[i].excerpt);
      g_assert_cmpstr (error->message, ==, ckan_error_code_to_message (cases[i].code));
      /* Writes are never retried. */
      g_assert_cmpuint (count_of (f, cases[i].action), ==, 1);
    }
}

static void
test_unknown_path_is_not_json (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(CkanClient) client = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%d/elsewhere", g_uri_get_port (f->uri));

  client = ckan_client_new (url, FALSE, &error);
  g_assert_no_error (error);
  result = call_sync (client, "echo", NULL, CKAN_CALL_READ, NULL, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_NOT_JSON);
  g_assert_cmpuint (ckan_error_get_status (error), ==, 404);
  g_assert_cmpstr (ckan_error_get_detail (error), ==, "Not Found");
  g_assert_cmpuint (count_of (f, "echo"), ==, 0);
}

/* --- retries --- */

static void
test_read_retried_after_rate_limit (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  result = call_sync (f->client, "rate_limited_once", NULL, CKAN_CALL_READ, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (result), ==, "second");
  g_assert_cmpuint (count_of (f, "rate_limited_once"), ==, 2);
  /* Retry-After: 1 was honoured (the base delay is 10 ms here). */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 900 * G_TIME_SPAN_MILLISECOND);
}

static void
test_write_not_retried (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;

  result = call_sync (f->client, "rate_limited_once", NULL, CKAN_CALL_WRITE, NULL, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_RATE_LIMITED);
  g_assert_cmpuint (ckan_error_get_retry_after (error), ==, 1);
  g_assert_cmpuint (count_of (f, "rate_limited_once"), ==, 1);
  g_clear_error (&error);

  result = call_sync (f->client, "bad_gateway_twice", NULL, CKAN_CALL_WRITE, NULL, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_SERVER);
  g_assert_cmpuint (count_of (f, "bad_gateway_twice"), ==, 1);
}

/* A read the portal takes only as a POST: a JSON body, retried. */
static void
test_post_read_retried (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (params, "subject_id", "d-1");
  result = call_sync (f->client, "bad_gateway_twice", params, CKAN_CALL_POST, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (result), ==, "third");
  g_assert_cmpuint (count_of (f, "bad_gateway_twice"), ==, 3);
  g_assert_cmpstr (f->method, ==, "POST");
  g_assert_cmpstr (f->content_type, ==, "application/json");
  g_assert_cmpstr (f->body, ==, "{\"subject_id\":\"d-1\"}");
  g_assert_null (f->query);
}

static void
test_read_retried_on_bad_gateway (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;

  result = call_sync (f->client, "bad_gateway_twice", NULL, CKAN_CALL_READ, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (result), ==, "third");
  g_assert_cmpuint (count_of (f, "bad_gateway_twice"), ==, 3);
}

static void
test_read_gives_up_after_attempts (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;

  result = call_sync (f->client, "html502", NULL, CKAN_CALL_READ, NULL, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_SERVER);
  g_assert_cmpuint (count_of (f, "html502"), ==, CKAN_CLIENT_DEFAULT_ATTEMPTS);
  g_clear_error (&error);

  /* Not retried: a 500 is the portal's own failure, a 404 an answer. */
  result = call_sync (f->client, "html500", NULL, CKAN_CALL_READ, NULL, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_SERVER);
  g_assert_cmpuint (count_of (f, "html500"), ==, 1);
  g_clear_error (&error);
  result = call_sync (f->client, "not_found", NULL, CKAN_CALL_READ, NULL, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_of (f, "not_found"), ==, 1);
  g_clear_error (&error);

  /* A Retry-After beyond the cap goes back to the caller at once. */
  result = call_sync (f->client, "html503_retry", NULL, CKAN_CALL_READ, NULL, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_RATE_LIMITED);
  g_assert_cmpuint (ckan_error_get_retry_after (error), ==, 120);
  g_assert_cmpuint (count_of (f, "html503_retry"), ==, 1);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel_during_backoff (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_timeout_add (300, cancel_cb, cancellable);
  result = call_sync (f->client, "rate_limited_30", NULL, CKAN_CALL_READ, cancellable, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_CANCELLED);
  g_assert_cmpuint (count_of (f, "rate_limited_30"), ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_TIME_SPAN_SECOND);
}

static void
test_cancel_mid_request (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;

  g_timeout_add (200, cancel_cb, cancellable);
  result = call_sync (f->client, "slow", NULL, CKAN_CALL_READ, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_CANCELLED);
  g_assert_cmpuint (count_of (f, "slow"), ==, 1);

  /* Already cancelled: nothing is sent. */
  g_clear_error (&error);
  result = call_sync (f->client, "echo", NULL, CKAN_CALL_READ, cancellable, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_CANCELLED);
  g_assert_cmpuint (count_of (f, "echo"), ==, 0);
}

static void
test_timeout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;

  ckan_client_set_timeout (f->client, 1);
  result = call_sync (f->client, "slow", NULL, CKAN_CALL_WRITE, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_TIMEOUT);
  g_assert_cmpuint (count_of (f, "slow"), ==, 1);
}

/* --- no answer at all --- */

static guint16
closed_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  guint16 port;

  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  return port;
}

static void
test_connection_refused (void)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", closed_port ());
  g_autoptr(CkanClient) client = ckan_client_new (url, FALSE, NULL);
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;

  ckan_client_set_retry_base_delay_ms (client, 1);
  result = call_sync (client, "status_show", NULL, CKAN_CALL_READ, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_NETWORK);
  g_assert_cmpuint (ckan_error_get_status (error), ==, 0);
  g_assert_nonnull (ckan_error_get_detail (error));
  g_assert_cmpstr (error->message, ==, ckan_error_code_to_message (CKAN_ERROR_NETWORK));
}

static void
test_dns_failure (void)
{
  g_autoptr(CkanClient) client = ckan_client_new ("https://portal.publicador-test.invalid", FALSE, NULL);
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;

  ckan_client_set_retry_base_delay_ms (client, 1);
  ckan_client_set_max_attempts (client, 1);
  result = call_sync (client, "status_show", NULL, CKAN_CALL_READ, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_NETWORK);
}

/* A server that answers plain text to anything, as an HTTP server on an
 * https address would. */
static gboolean
plain_incoming_cb (GSocketService    *service,
                   GSocketConnection *connection,
                   GObject           *source,
                   gpointer           user_data)
{
  static const char answer[] = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  guint *count = user_data;

  (*count)++;
  g_output_stream_write_all (out, answer, sizeof answer - 1, NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static void
test_tls_failure (void)
{
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(CkanClient) client = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *url = NULL;
  guint count = 0;

  g_socket_listener_add_address (G_SOCKET_LISTENER (service), any, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (plain_incoming_cb), &count);
  g_socket_service_start (service);
  url = g_strdup_printf ("https://127.0.0.1:%u/data",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  client = ckan_client_new (url, FALSE, &error);
  g_assert_no_error (error);
  ckan_client_set_timeout (client, 5);

  result = call_sync (client, "status_show", NULL, CKAN_CALL_READ, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_TLS);
  g_assert_cmpstr (error->message, ==, ckan_error_code_to_message (CKAN_ERROR_TLS));
  /* A TLS failure is not retried: it will not fix itself. */
  g_assert_cmpuint (count, ==, 1);
  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
}

/* --- pieces --- */

static void
test_retry_after_parsing (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 90);
  g_autofree char *date = soup_date_time_to_string (later, SOUP_DATE_HTTP);
  guint parsed;

  g_assert_cmpuint (ckan_response_parse_retry_after ("120"), ==, 120);
  g_assert_cmpuint (ckan_response_parse_retry_after (" 7 "), ==, 7);
  g_assert_cmpuint (ckan_response_parse_retry_after ("soon"), ==, 0);
  g_assert_cmpuint (ckan_response_parse_retry_after ("12abc"), ==, 0);
  g_assert_cmpuint (ckan_response_parse_retry_after (NULL), ==, 0);
  g_assert_cmpuint (ckan_response_parse_retry_after ("Wed, 21 Oct 2015 07:28:00 GMT"), ==, 0);
  parsed = ckan_response_parse_retry_after (date);
  g_assert_cmpuint (parsed, >=, 85);
  g_assert_cmpuint (parsed, <=, 91);
}

static void
test_excerpt_is_short_text (void)
{
  g_autoptr(GString) html = g_string_new ("<html><body>");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *excerpt = NULL;

  for (int i = 0; i < 500; i++)
    g_string_append (html, "<p>ñandú</p>\n");
  bytes = g_bytes_new (html->str, html->len);
  excerpt = ckan_response_excerpt (bytes);
  g_assert_true (g_utf8_validate (excerpt, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (excerpt, -1), ==, 301);
  g_assert_true (g_str_has_prefix (excerpt, "ñandú ñandú"));
  g_assert_true (g_str_has_suffix (excerpt, "…"));
  g_assert_null (strchr (excerpt, '<'));
}

/* --- secrets --- */

static gboolean
all_zero (GBytes *bytes)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  for (gsize i = 0; i < size; i++)
    if (data[i] != 0)
      return FALSE;
  return TRUE;
}

/* An answer carrying a new API token is zeroed once read, and only then. */
static void
test_secret_body_wiped (void)
{
  static const char json[] = "{\"success\": true, \"result\": {\"token\": \"nuevo-token-secreto\"}}";

  for (guint wipe = 0; wipe < 2; wipe++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new ("POST", "http://127.0.0.1/api/3/action/api_token_create");
      g_autoptr(GBytes) body = g_bytes_new (json, sizeof json - 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) result = NULL;
      GAsyncResult *read = NULL;
      gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

      soup_message_headers_replace (soup_message_get_response_headers (msg), "Content-Type", "application/json");
      ckan_response_read_async (msg, body, wipe, NULL, NULL, store_result_cb, &read);
      while (!read)
        g_main_context_iteration (NULL, TRUE);
      result = ckan_response_read_finish (read, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (result), "token"), ==, "nuevo-token-secreto");

      /* The read lets go of the body when its task goes (the worker may
       * hold it a moment longer). */
      g_object_add_weak_pointer (G_OBJECT (read), (gpointer *) &read);
      g_object_unref (read);
      while (read && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, FALSE);
      g_assert_null (read);
      if (wipe)
        g_assert_true (all_zero (body));
      else
        g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body), json, sizeof json - 1);
    }
}

/* --- action wrappers --- */

static GThread *parse_thread_seen;

static gpointer
record_thread_parse (JsonNode  *result,
                     GType      type,
                     GError   **error)
{
  parse_thread_seen = g_thread_self ();
  return ckan_parse_object (result, type, error);
}

/* Building the records of a big result must not hold up the main loop. */
static void
test_action_parsed_off_main_thread (Fixture       *f,
                                    gconstpointer  data)
{
  static const CkanActionInfo echo = { "echo", CKAN_CALL_READ, record_thread_parse, NULL, (GDestroyNotify) json_object_unref };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;

  parse_thread_seen = NULL;
  ckan_client_action_async (f->client, &echo, NULL, NULL, store_result_cb, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  object = ckan_client_action_finish (f->client, result, &echo, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (object, "ok"), ==, 1);
  g_assert_nonnull (parse_thread_seen);
  g_assert_true (parse_thread_seen != g_thread_self ());
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ckan/client/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/ckan/client/base-url", test_base_url_rules);
  g_test_add_func ("/ckan/client/action-url", test_action_url);
  g_test_add_func ("/ckan/client/token", test_token_is_kept_and_replaced);
  g_test_add_func ("/ckan/client/retry-after", test_retry_after_parsing);
  g_test_add_func ("/ckan/client/excerpt", test_excerpt_is_short_text);
  g_test_add_func ("/ckan/client/secret-body-wiped", test_secret_body_wiped);
  ADD ("read-get", test_read_is_get_with_query);
  ADD ("write-post", test_write_is_json_post);
  ADD ("write-empty", test_write_without_params_sends_empty_object);
  ADD ("token-headers", test_token_headers_not_in_url);
  ADD ("no-cookies", test_no_cookie_kept);
  ADD ("no-redirect", test_redirect_not_followed);
  ADD ("envelope-errors", test_envelope_errors);
  ADD ("validation-fields", test_validation_fields_kept);
  ADD ("html", test_html_answers);
  ADD ("unknown-path", test_unknown_path_is_not_json);
  ADD ("retry-rate-limited", test_read_retried_after_rate_limit);
  ADD ("retry-bad-gateway", test_read_retried_on_bad_gateway);
  ADD ("retry-gives-up", test_read_gives_up_after_attempts);
  ADD ("no-retry-writes", test_write_not_retried);
  ADD ("post-read-retried", test_post_read_retried);
  ADD ("cancel-backoff", test_cancel_during_backoff);
  ADD ("cancel-request", test_cancel_mid_request);
  ADD ("timeout", test_timeout);
  ADD ("action-parsed-off-main-thread", test_action_parsed_off_main_thread);
  g_test_add_func ("/ckan/client/tls", test_tls_failure);
  g_test_add_func ("/ckan/client/refused", test_connection_refused);
  g_test_add_func ("/ckan/client/dns", test_dns_failure);

  return g_test_run ();
}
