/* test-client-errors.c: the call primitive's failures against an
 * in-process SoupServer: CKAN's error envelopes, HTML answers, retries,
 * cancelling, timeouts, no answer at all
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>
#include <locale.h>

#include "ckan-response-private.h"
#include "ckan-test-call-stub.h"

typedef CkanTestCallFixture Fixture;

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

      result = ckan_test_call_sync (f->client, cases[i].action, NULL, CKAN_CALL_WRITE, NULL, &error);
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

  result = ckan_test_call_sync (f->client, "validation", NULL, CKAN_CALL_WRITE, NULL, &error);
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
  result = ckan_test_call_sync (f->client, "validation_string", NULL, CKAN_CALL_WRITE, NULL, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_VALIDATION);
  g_assert_cmpstr (json_object_get_string_member (ckan_error_get_fields (error), "order"), ==, "Must be a list of resource");
  g_clear_error (&error);

  /* {"message": ...}: the portal's own words. */
  result = ckan_test_call_sync (f->client, "validation_message", NULL, CKAN_CALL_WRITE, NULL, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_VALIDATION);
  g_assert_cmpstr (error->message, ==, "Debe indicar una organización");
  g_assert_cmpstr (json_object_get_string_member (ckan_error_get_fields (error), "message"), ==, "Debe indicar una organización");
  g_clear_error (&error);

  result = ckan_test_call_sync (f->client, "upload_too_large", NULL, CKAN_CALL_WRITE, NULL, &error);
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

      result = ckan_test_call_sync (f->client, cases[i].action, NULL, CKAN_CALL_WRITE, NULL, &error);
      g_assert_null (result);
      g_assert_error (error, CKAN_ERROR, cases[i].code);
      g_assert_cmpuint (ckan_error_get_status (error), ==, cases[i].status);
      g_assert_cmpuint (ckan_error_get_retry_after (error), ==, cases[i].retry_after);
      g_assert_cmpstr (ckan_error_get_detail (error), ==, cases[i].excerpt);
      g_assert_cmpstr (error->message, ==, ckan_error_code_to_message (cases[i].code));
      /* Writes are never retried. */
      g_assert_cmpuint (ckan_test_call_count (f, cases[i].action), ==, 1);
    }
}

static void
test_unknown_path_is_not_json (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(CkanClient) client = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/elsewhere", f->port);

  client = ckan_client_new (url, FALSE, &error);
  g_assert_no_error (error);
  result = ckan_test_call_sync (client, "echo", NULL, CKAN_CALL_READ, NULL, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_NOT_JSON);
  g_assert_cmpuint (ckan_error_get_status (error), ==, 404);
  g_assert_cmpstr (ckan_error_get_detail (error), ==, "Not Found");
  g_assert_cmpuint (ckan_test_call_count (f, "echo"), ==, 0);
}

/* --- retries --- */

static void
test_read_retried_after_rate_limit (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  result = ckan_test_call_sync (f->client, "rate_limited_once", NULL, CKAN_CALL_READ, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (result), ==, "second");
  g_assert_cmpuint (ckan_test_call_count (f, "rate_limited_once"), ==, 2);
  /* Retry-After: 1 was honoured (the base delay is 10 ms here). */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 900 * G_TIME_SPAN_MILLISECOND);
}

static void
test_write_not_retried (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;

  result = ckan_test_call_sync (f->client, "rate_limited_once", NULL, CKAN_CALL_WRITE, NULL, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_RATE_LIMITED);
  g_assert_cmpuint (ckan_error_get_retry_after (error), ==, 1);
  g_assert_cmpuint (ckan_test_call_count (f, "rate_limited_once"), ==, 1);
  g_clear_error (&error);

  result = ckan_test_call_sync (f->client, "bad_gateway_twice", NULL, CKAN_CALL_WRITE, NULL, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_SERVER);
  g_assert_cmpuint (ckan_test_call_count (f, "bad_gateway_twice"), ==, 1);
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
  result = ckan_test_call_sync (f->client, "bad_gateway_twice", params, CKAN_CALL_POST, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (result), ==, "third");
  g_assert_cmpuint (ckan_test_call_count (f, "bad_gateway_twice"), ==, 3);
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

  result = ckan_test_call_sync (f->client, "bad_gateway_twice", NULL, CKAN_CALL_READ, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (result), ==, "third");
  g_assert_cmpuint (ckan_test_call_count (f, "bad_gateway_twice"), ==, 3);
}

static void
test_read_gives_up_after_attempts (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;

  result = ckan_test_call_sync (f->client, "html502", NULL, CKAN_CALL_READ, NULL, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_SERVER);
  g_assert_cmpuint (ckan_test_call_count (f, "html502"), ==, CKAN_CLIENT_DEFAULT_ATTEMPTS);
  g_clear_error (&error);

  /* Not retried: a 500 is the portal's own failure, a 404 an answer. */
  result = ckan_test_call_sync (f->client, "html500", NULL, CKAN_CALL_READ, NULL, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_SERVER);
  g_assert_cmpuint (ckan_test_call_count (f, "html500"), ==, 1);
  g_clear_error (&error);
  result = ckan_test_call_sync (f->client, "not_found", NULL, CKAN_CALL_READ, NULL, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND);
  g_assert_cmpuint (ckan_test_call_count (f, "not_found"), ==, 1);
  g_clear_error (&error);

  /* A Retry-After beyond the cap goes back to the caller at once. */
  result = ckan_test_call_sync (f->client, "html503_retry", NULL, CKAN_CALL_READ, NULL, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_RATE_LIMITED);
  g_assert_cmpuint (ckan_error_get_retry_after (error), ==, 120);
  g_assert_cmpuint (ckan_test_call_count (f, "html503_retry"), ==, 1);
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
  result = ckan_test_call_sync (f->client, "rate_limited_30", NULL, CKAN_CALL_READ, cancellable, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_CANCELLED);
  g_assert_cmpuint (ckan_test_call_count (f, "rate_limited_30"), ==, 1);
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
  result = ckan_test_call_sync (f->client, "slow", NULL, CKAN_CALL_READ, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_CANCELLED);
  g_assert_cmpuint (ckan_test_call_count (f, "slow"), ==, 1);

  /* Already cancelled: nothing is sent. */
  g_clear_error (&error);
  result = ckan_test_call_sync (f->client, "echo", NULL, CKAN_CALL_READ, cancellable, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_CANCELLED);
  g_assert_cmpuint (ckan_test_call_count (f, "echo"), ==, 0);
}

static void
test_timeout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;

  ckan_client_set_timeout (f->client, 1);
  result = ckan_test_call_sync (f->client, "slow", NULL, CKAN_CALL_WRITE, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_TIMEOUT);
  g_assert_cmpuint (ckan_test_call_count (f, "slow"), ==, 1);
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
  result = ckan_test_call_sync (client, "status_show", NULL, CKAN_CALL_READ, NULL, &error);
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
  result = ckan_test_call_sync (client, "status_show", NULL, CKAN_CALL_READ, NULL, &error);
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

  result = ckan_test_call_sync (client, "status_show", NULL, CKAN_CALL_READ, NULL, &error);
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

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ckan/client/" path, Fixture, NULL, ckan_test_call_setup, func, ckan_test_call_teardown)

  g_test_add_func ("/ckan/client/retry-after", test_retry_after_parsing);
  g_test_add_func ("/ckan/client/excerpt", test_excerpt_is_short_text);
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
  g_test_add_func ("/ckan/client/tls", test_tls_failure);
  g_test_add_func ("/ckan/client/refused", test_connection_refused);
  g_test_add_func ("/ckan/client/dns", test_dns_failure);

  return g_test_run ();
}
