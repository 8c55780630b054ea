/* test-client-upload.c: the streamed multipart upload against an
 * in-process SoupServer
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <unistd.h>

#include "ckan-test-upload-stub.h"
#include "ckan-upload-stream.h"

typedef CkanTestUploadFixture Fixture;

static void
test_upload_fields_and_bytes (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = ckan_test_upload_write_file (f, "datos.csv", 700 * 1024 + 13);

  json_object_set_string_member (fields, "package_id", "mi-conjunto");
  json_object_set_string_member (fields, "name", "Informe \"final\" de año");
  json_object_set_int_member (fields, "position", 2);
  json_object_set_boolean_member (fields, "datastore_active", FALSE);
  json_object_set_null_member (fields, "nothing");
  /* A field named like the file part would confuse CKAN: left out. */
  json_object_set_string_member (fields, "upload", "ignored");
  json_object_set_string_member (fields, "callback", "jsonp");

  result = ckan_test_upload_sync (f, "resource_create", fields, "informe \"final\" año.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (result), "id"), ==, "res-1");

  g_assert_cmpstr (f->file_sha256, ==, sha);
  g_assert_cmpstr (f->file_name, ==, "informe \"final\" año.csv");
  g_assert_cmpstr (f->file_type, ==, "text/csv");
  g_assert_cmpuint (g_hash_table_size (f->parts), ==, 4);
  g_assert_cmpstr (g_hash_table_lookup (f->parts, "package_id"), ==, "mi-conjunto");
  g_assert_cmpstr (g_hash_table_lookup (f->parts, "name"), ==, "Informe \"final\" de año");
  g_assert_cmpstr (g_hash_table_lookup (f->parts, "position"), ==, "2");
  g_assert_cmpstr (g_hash_table_lookup (f->parts, "datastore_active"), ==, "false");
  g_assert_cmpint (f->content_length, >, 700 * 1024 + 13);
  g_assert_cmpint (f->received, ==, f->content_length);
  g_assert_cmpstr (f->authorization, ==, TOKEN);
  g_assert_cmpstr (f->api_key, ==, TOKEN);

  g_assert_true (f->monotonic);
  g_assert_cmpuint (f->reports, >=, 1);
  g_assert_cmpint (f->last_sent, ==, 700 * 1024 + 13);
  g_assert_cmpint (f->last_total, ==, 700 * 1024 + 13);
}

static void
test_upload_empty_file_and_default_name (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = ckan_test_upload_write_file (f, "vacío.json", 0);

  result = ckan_test_upload_sync (f, "resource_create", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (f->file_sha256, ==, sha);
  g_assert_cmpstr (f->file_name, ==, "vacío.json");
  g_assert_cmpstr (f->file_type, ==, "application/json");
  g_assert_cmpuint (g_hash_table_size (f->parts), ==, 0);
}

static guint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line ? g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

static void
test_upload_large_is_streamed (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;
  const goffset size = 64 * 1024 * 1024;
  guint64 rss_before;
  gint64 start;
  double seconds;

  f->streaming = TRUE;
  sha = ckan_test_upload_write_file (f, "grande.bin", size);
  rss_before = peak_rss_kb ();
  start = g_get_monotonic_time ();

  result = ckan_test_upload_sync (f, "resource_create", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_assert_cmpstr (f->file_sha256, ==, sha);
  g_assert_cmpint (f->received, ==, f->content_length);

  /* Streamed: the stream never holds more than a chunk of the file, and
   * never reads the file much ahead of what the server has received
   * (socket buffers in between). */
  g_assert_cmpuint (ckan_upload_stream_get_peak_buffered (), <=, CKAN_UPLOAD_STREAM_CHUNK);
  g_test_message ("read ahead of the server at most %" G_GUINT64_FORMAT " bytes", f->max_ahead);
  g_assert_cmpuint (f->max_ahead, <, 16 * 1024 * 1024);
#if !defined(__SANITIZE_ADDRESS__)
  g_test_message ("peak RSS growth %" G_GUINT64_FORMAT " kB", peak_rss_kb () - rss_before);
  g_assert_cmpuint (peak_rss_kb () - rss_before, <, 16 * 1024);
#else
  (void) rss_before;
#endif

  g_assert_true (f->monotonic);
  g_assert_cmpint (f->last_sent, ==, size);
  /* Throttled: about ten a second, plus the first and the last. */
  g_assert_cmpuint (f->reports, <=, (guint) (seconds * 10) + 3);
}

static void
test_upload_slow_but_moving (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = ckan_test_upload_write_file (f, "lento.csv", 3 * 1024 * 1024);
  gint64 start = g_get_monotonic_time ();

  /* 3 MB at 1 MB/s with a 1 s timeout: the timeout is for silence, not
   * for the whole upload. */
  f->streaming = TRUE;
  f->rate = 1024 * 1024;
  ckan_client_set_timeout (f->client, 1);
  result = ckan_test_upload_sync (f, "resource_create", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (f->file_sha256, ==, sha);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 2 * G_USEC_PER_SEC);
  g_assert_true (f->monotonic);
  g_assert_cmpint (f->last_sent, ==, 3 * 1024 * 1024);
}

static void
test_upload_stalled (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = ckan_test_upload_write_file (f, "atascado.csv", 64 * 1024 * 1024);
  gint64 start = g_get_monotonic_time ();

  /* The server stops reading for good: once the socket buffers are full
   * nothing moves, and after the 1 s timeout the upload gives up. */
  f->streaming = TRUE;
  f->rate = 1;
  ckan_client_set_timeout (f->client, 1);
  result = ckan_test_upload_sync (f, "resource_create", NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_TIMEOUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpint (f->received, <, f->content_length);
  g_assert_cmpuint (g_hash_table_size (f->counts), ==, 0);
}

static void
test_upload_cancelled (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *sha = ckan_test_upload_write_file (f, "cancelado.csv", 32 * 1024 * 1024);

  /* Not a slow link: when the server falls behind a throttle, libsoup's
   * server reads on without returning to the main loop, the progress
   * report (and the cancel) waits, and the whole body arrives. Holding
   * the request until the report is handled makes the cancel land while
   * the body is on its way, however loaded the machine. */
  f->streaming = TRUE;
  f->hold = TRUE;
  f->cancel_on_progress = g_object_ref (cancellable);
  result = ckan_test_upload_sync (f, "resource_create", NULL, NULL, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_CANCELLED);

  ckan_test_upload_wait_server_finished (f);
  g_assert_cmpint (f->received, <, f->content_length);
  g_assert_cmpuint (g_hash_table_size (f->counts), ==, 0);
}

/* A cancel after the last byte must not hide a resource the portal made:
 * the answer is waited for and returned. */
static void
test_upload_cancelled_after_body (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *sha = ckan_test_upload_write_file (f, "guardado.csv", 256 * 1024);

  f->cancel_on_arrival = cancellable;
  result = ckan_test_upload_sync (f, "slow_create", NULL, NULL, cancellable, &error);
  g_assert_no_error (error);
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_assert_nonnull (result);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (result), "id"), ==, "res-late");
  g_assert_cmpstr (f->file_sha256, ==, sha);
  f->cancel_on_arrival = NULL;
}

static void
test_upload_file_changed (Fixture       *f,
                          gconstpointer  data)
{
  Change change = GPOINTER_TO_INT (data);
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = ckan_test_upload_write_file (f, "cambia.csv", 32 * 1024 * 1024);

  /* Held, as for a cancel: the change lands while the body is on its way. */
  f->streaming = TRUE;
  f->hold = TRUE;
  f->change = change;
  result = ckan_test_upload_sync (f, "resource_create", NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_FILE_CHANGED);
  g_assert_cmpstr (error->message, ==, ckan_error_code_to_message (CKAN_ERROR_FILE_CHANGED));

  /* The body was never completed: no resource can come of it. */
  ckan_test_upload_wait_server_finished (f);
  g_assert_cmpint (f->received, <, f->content_length);
  g_assert_cmpuint (g_hash_table_size (f->counts), ==, 0);
}

static void
test_upload_missing_file (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;

  f->path = g_build_filename (f->dir, "no-existe.csv", NULL);
  result = ckan_test_upload_sync (f, "resource_create", NULL, NULL, NULL, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_FILE_CHANGED);
  g_assert_nonnull (ckan_error_get_detail (error));
  g_assert_cmpuint (g_hash_table_size (f->counts), ==, 0);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_upload_errors_not_retried (Fixture       *f,
                                gconstpointer  data)
{
  static const struct { const char *action; int code; guint status; } cases[] = {
    { "forbidden", CKAN_ERROR_AUTHORIZATION, 403 },
    { "too_large", CKAN_ERROR_TOO_LARGE, 409 },
    { "proxy413", CKAN_ERROR_TOO_LARGE, 413 },
    { "gateway", CKAN_ERROR_SERVER, 502 },
  };
  g_autofree char *sha = ckan_test_upload_write_file (f, "datos.csv", 4096);
  guint denied = 0;

  g_signal_connect_swapped (f->client, "authorization-failed", G_CALLBACK (count_cb), &denied);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) result = NULL;
      g_autoptr(GError) error = NULL;

      result = ckan_test_upload_sync (f, cases[i].action, NULL, NULL, NULL, &error);
      g_assert_null (result);
      g_assert_error (error, CKAN_ERROR, cases[i].code);
      g_assert_cmpuint (ckan_error_get_status (error), ==, cases[i].status);
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (f->counts, cases[i].action)), ==, 1);
      g_assert_cmpstr (f->file_sha256, ==, sha);
      /* A 403 is what a revoked token looks like: the account is told. */
      g_assert_cmpuint (denied, ==, cases[i].code == CKAN_ERROR_AUTHORIZATION ? 1 : 0);
      denied = 0;
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/ckan/upload/" path, Fixture, data, ckan_test_upload_setup, func, ckan_test_upload_teardown)

  ADD ("fields-and-bytes", test_upload_fields_and_bytes, NULL);
  ADD ("empty-file", test_upload_empty_file_and_default_name, NULL);
  ADD ("large-streamed", test_upload_large_is_streamed, NULL);
  ADD ("slow-but-moving", test_upload_slow_but_moving, NULL);
  ADD ("stalled", test_upload_stalled, NULL);
  ADD ("cancelled", test_upload_cancelled, NULL);
  ADD ("cancelled-after-body", test_upload_cancelled_after_body, NULL);
  ADD ("truncated", test_upload_file_changed, GINT_TO_POINTER (CHANGE_TRUNCATE));
  ADD ("edited", test_upload_file_changed, GINT_TO_POINTER (CHANGE_EDIT));
  ADD ("deleted", test_upload_file_changed, GINT_TO_POINTER (CHANGE_DELETE));
  ADD ("replaced", test_upload_file_changed, GINT_TO_POINTER (CHANGE_REPLACE));
  ADD ("missing", test_upload_missing_file, NULL);
  ADD ("errors", test_upload_errors_not_retried, NULL);

  return g_test_run ();
}
