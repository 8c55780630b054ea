/* test-client-call.c: the call primitive against an in-process SoupServer:
 * addresses, how requests are sent, secrets, the action wrappers' path
 * (errors, retries and cancelling: test-client-errors.c)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>
#include <locale.h>

#include "ckan-client-action-private.h"
#include "ckan-response-private.h"
#include "ckan-test-call-stub.h"

typedef CkanTestCallFixture Fixture;

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

  result = ckan_test_call_sync (f->client, "echo", params, CKAN_CALL_READ, NULL, &error);
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

  result = ckan_test_call_sync (f->client, "echo", params, CKAN_CALL_WRITE, NULL, &error);
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

  result = ckan_test_call_sync (f->client, "null_result", NULL, CKAN_CALL_WRITE, NULL, &error);
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
  result = ckan_test_call_sync (f->client, "echo", params, CKAN_CALL_READ, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (f->authorization, ==, TOKEN);
  g_assert_cmpstr (f->api_key, ==, TOKEN);
  g_assert_null (strstr (f->query, "secret"));
  url = ckan_client_build_action_url (f->client, "echo");
  g_assert_null (strstr (url, "secret"));

  /* Signed out: no header at all. */
  ckan_client_set_token (f->client, NULL);
  g_clear_pointer (&result, json_node_unref);
  result = ckan_test_call_sync (f->client, "echo", NULL, CKAN_CALL_WRITE, NULL, &error);
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

  first = ckan_test_call_sync (f->client, "set_cookie", NULL, CKAN_CALL_WRITE, NULL, &error);
  g_assert_no_error (error);
  second = ckan_test_call_sync (f->client, "echo", NULL, CKAN_CALL_WRITE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ckan_test_call_count (f, "echo"), ==, 1);
  g_assert_null (f->cookie);
}

static void
test_redirect_not_followed (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;

  result = ckan_test_call_sync (f->client, "redirect", NULL, CKAN_CALL_WRITE, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_NOT_JSON);
  g_assert_cmpuint (ckan_error_get_status (error), ==, 302);
  g_assert_cmpstr (ckan_error_get_detail (error), ==, "/data/api/3/action/echo");
  g_assert_nonnull (strstr (error->message, "/data/api/3/action/echo"));
  g_assert_cmpuint (ckan_test_call_count (f, "echo"), ==, 0);
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
      ckan_response_read_async (msg, body, wipe, NULL, NULL, ckan_test_store_result_cb, &read);
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
  ckan_client_action_async (f->client, &echo, NULL, NULL, ckan_test_store_result_cb, &result);
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
  g_test_add ("/ckan/client/" path, Fixture, NULL, ckan_test_call_setup, func, ckan_test_call_teardown)

  g_test_add_func ("/ckan/client/base-url", test_base_url_rules);
  g_test_add_func ("/ckan/client/action-url", test_action_url);
  g_test_add_func ("/ckan/client/token", test_token_is_kept_and_replaced);
  g_test_add_func ("/ckan/client/secret-body-wiped", test_secret_body_wiped);
  ADD ("read-get", test_read_is_get_with_query);
  ADD ("write-post", test_write_is_json_post);
  ADD ("write-empty", test_write_without_params_sends_empty_object);
  ADD ("token-headers", test_token_headers_not_in_url);
  ADD ("no-cookies", test_no_cookie_kept);
  ADD ("no-redirect", test_redirect_not_followed);
  ADD ("action-parsed-off-main-thread", test_action_parsed_off_main_thread);

  return g_test_run ();
}
