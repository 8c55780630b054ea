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

#include "ckan-client-private.h"
#include "ckan-test-stub.h"
#include "ckan-upload-stream.h"

#define TOKEN "upload-test-token"

typedef enum {
  CHANGE_NONE,
  CHANGE_TRUNCATE,
  CHANGE_EDIT,
  CHANGE_DELETE,
  CHANGE_REPLACE,
} Change;

typedef struct {
  SoupServer *server;
  CkanClient *client;
  char       *dir;
  GHashTable *counts;          /* action -> completed requests */

  /* The request as the server saw it. */
  gboolean    streaming;       /* don't keep the body; hash the file part */
  goffset     content_length;
  goffset     received;
  gboolean    finished;
  char       *authorization;
  char       *api_key;
  GHashTable *parts;           /* name -> text value */
  char       *file_name;
  char       *file_type;
  char       *file_sha256;
  /* Streaming state. */
  GString    *preamble;
  gboolean    in_file;
  GByteArray *holdback;
  gsize       tail_len;
  char       *tail;
  GChecksum  *checksum;
  guint64     max_ahead;       /* file read by the client minus received */
  double      rate;            /* bytes a second the server reads, 0: all */
  gint64      start;
  guint64     read_at_start;
  /* The server stops reading at the first chunk until the client's first
   * progress report has been handled: whatever that report does (cancel,
   * change the file) then happens while the body is on its way, however
   * the two sides are scheduled. */
  gboolean    hold;
  gboolean    released;
  SoupServerMessage *held;

  /* The client side. */
  goffset     last_sent;
  goffset     last_total;
  guint       reports;
  gboolean    monotonic;
  Change      change;
  char       *path;
  GCancellable *cancel_on_progress;
  GCancellable *cancel_on_arrival;
} Fixture;

static void
hash_file_bytes (Fixture      *f,
                 const guint8 *data,
                 gsize         len)
{
  /* The last tail_len bytes may be the closing boundary: hold them back. */
  g_byte_array_append (f->holdback, data, len);
  if (f->holdback->len > f->tail_len)
    {
      gsize n = f->holdback->len - f->tail_len;

      g_checksum_update (f->checksum, f->holdback->data, n);
      g_byte_array_remove_range (f->holdback, 0, n);
    }
}

static gboolean
resume_cb (gpointer user_data)
{
  soup_server_message_unpause (user_data);
  g_object_unref (user_data);
  return G_SOURCE_REMOVE;
}

/* A slow link: stop reading whenever ahead of the rate. */
static void
throttle (Fixture           *f,
          SoupServerMessage *msg)
{
  gint64 due = f->start + (gint64) (f->received / f->rate * G_USEC_PER_SEC);
  gint64 now = g_get_monotonic_time ();

  if (due <= now + 1000)
    return;
  soup_server_message_pause (msg);
  g_timeout_add ((guint) ((due - now) / 1000), resume_cb, g_object_ref (msg));
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  Fixture *f = user_data;
  gsize len;
  const guint8 *data = g_bytes_get_data (chunk, &len);
  guint64 ahead;

  f->received += len;
  ahead = ckan_upload_stream_get_total_read () - f->read_at_start;
  ahead = ahead > (guint64) f->received ? ahead - f->received : 0;
  f->max_ahead = MAX (f->max_ahead, ahead);
  if (f->hold && !f->released && !f->held)
    {
      f->held = g_object_ref (msg);
      soup_server_message_pause (msg);
    }
  else if (f->rate > 0)
    throttle (f, msg);

  if (!f->streaming)
    return;
  if (f->in_file)
    {
      hash_file_bytes (f, data, len);
      return;
    }

  g_string_append_len (f->preamble, (const char *) data, len);
  {
    const char *upload = strstr (f->preamble->str, "name=\"upload\"");
    const char *start = upload ? strstr (upload, "\r\n\r\n") : NULL;
    gsize offset;

    if (!start)
      return;
    f->in_file = TRUE;
    offset = start + 4 - f->preamble->str;
    hash_file_bytes (f, (const guint8 *) f->preamble->str + offset, f->preamble->len - offset);
  }
}

static void
finished_cb (SoupServerMessage *msg,
             gpointer           user_data)
{
  Fixture *f = user_data;

  f->finished = TRUE;
}

static void
early_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  Fixture *f = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GHashTable) params = NULL;

  f->content_length = soup_message_headers_get_content_length (headers);
  f->received = 0;
  f->finished = FALSE;
  f->read_at_start = ckan_upload_stream_get_total_read ();
  f->start = g_get_monotonic_time ();
  g_free (f->authorization);
  f->authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));
  g_free (f->api_key);
  f->api_key = g_strdup (soup_message_headers_get_one (headers, "X-CKAN-API-Key"));

  if (soup_message_headers_get_content_type (headers, &params) && params)
    {
      g_free (f->tail);
      f->tail = g_strdup_printf ("\r\n--%s--\r\n", (char *) g_hash_table_lookup (params, "boundary"));
      f->tail_len = strlen (f->tail);
    }
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), f);
  g_signal_connect (msg, "finished", G_CALLBACK (finished_cb), f);
  if (f->streaming)
    soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
}

static void
parse_multipart (Fixture           *f,
                 SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  SoupMultipart *multipart;

  g_assert_cmpint ((goffset) g_bytes_get_size (bytes), ==, f->content_length);
  multipart = soup_multipart_new_from_message (soup_server_message_get_request_headers (msg), bytes);
  g_assert_nonnull (multipart);

  for (int i = 0; i < soup_multipart_get_length (multipart); i++)
    {
      SoupMessageHeaders *headers;
      GBytes *part;
      g_autofree char *disposition = NULL;
      g_autoptr(GHashTable) params = NULL;
      const char *name;
      const char *filename;

      g_assert_true (soup_multipart_get_part (multipart, i, &headers, &part));
      g_assert_true (soup_message_headers_get_content_disposition (headers, &disposition, &params));
      g_assert_cmpstr (disposition, ==, "form-data");
      name = g_hash_table_lookup (params, "name");
      filename = g_hash_table_lookup (params, "filename");
      if (filename)
        {
          g_assert_cmpstr (name, ==, "upload");
          g_free (f->file_name);
          f->file_name = g_strdup (filename);
          g_free (f->file_type);
          f->file_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
          g_free (f->file_sha256);
          f->file_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, part);
        }
      else
        {
          g_hash_table_insert (f->parts, g_strdup (name),
                               g_strndup (g_bytes_get_data (part, NULL), g_bytes_get_size (part)));
        }
    }
  soup_multipart_free (multipart);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
answer_created_cb (gpointer user_data)
{
  SoupServerMessage *msg = user_data;

  ckan_test_respond_json (msg, 200, "{\"success\": true, \"result\": {\"id\": \"res-late\", \"url_type\": \"upload\"}}");
  soup_server_message_unpause (msg);
  g_object_unref (msg);
  return G_SOURCE_REMOVE;
}

static void
action_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *f = user_data;
  const char *action = strrchr (path, '/') + 1;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (f->counts, action)) + 1;

  g_hash_table_insert (f->counts, g_strdup (action), GUINT_TO_POINTER (count));

  if (f->streaming)
    {
      g_test_message ("received %" G_GOFFSET_FORMAT " of %" G_GOFFSET_FORMAT ", in file %d, preamble %zu",
                      f->received, f->content_length, f->in_file, f->preamble->len);
      g_assert_cmpuint (f->holdback->len, ==, f->tail_len);
      g_assert_true (memcmp (f->holdback->data, f->tail, f->tail_len) == 0);
      g_free (f->file_sha256);
      f->file_sha256 = g_strdup (g_checksum_get_string (f->checksum));
    }
  else
    parse_multipart (f, msg);

  if (g_str_equal (action, "slow_create"))
    {
      /* The whole body is here; the caller cancels while the portal is
       * still saving it. */
      g_timeout_add (100, cancel_cb, f->cancel_on_arrival);
      soup_server_message_pause (msg);
      g_timeout_add (600, answer_created_cb, g_object_ref (msg));
    }
  else if (g_str_equal (action, "resource_create"))
    ckan_test_respond_json (msg, 200, "{\"success\": true, \"result\": {\"id\": \"res-1\", \"url_type\": \"upload\"}}");
  else if (g_str_equal (action, "too_large"))
    ckan_test_respond_json (msg, 409, "{\"success\": false, \"error\": {\"__type\": \"Validation Error\", "
                            "\"upload\": [\"File upload too large\"]}}");
  else if (g_str_equal (action, "forbidden"))
    ckan_test_respond_json (msg, 403, "{\"success\": false, \"error\": {\"__type\": \"Authorization Error\", "
                            "\"message\": \"Access denied\"}}");
  else if (g_str_equal (action, "proxy413"))
    {
      soup_server_message_set_status (msg, 413, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<h1>413</h1>", 12);
    }
  else
    {
      soup_server_message_set_status (msg, 502, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<h1>502</h1>", 12);
    }
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  guint port;

  f->dir = g_dir_make_tmp ("publicador-upload-XXXXXX", &error);
  g_assert_no_error (error);
  f->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->preamble = g_string_new (NULL);
  f->holdback = g_byte_array_new ();
  f->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  f->monotonic = TRUE;

  f->server = ckan_test_stub_new (&port);
  soup_server_add_early_handler (f->server, "/data/api/3/action", early_cb, f, NULL);
  soup_server_add_handler (f->server, "/data/api/3/action", action_cb, f, NULL);
  url = g_strdup_printf ("http://127.0.0.1:%u/data", port);

  f->client = ckan_client_new (url, FALSE, &error);
  g_assert_no_error (error);
  ckan_client_set_token (f->client, TOKEN);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_assert_finalize_object (f->client);
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_hash_table_unref (f->counts);
  g_hash_table_unref (f->parts);
  g_string_free (f->preamble, TRUE);
  g_byte_array_unref (f->holdback);
  g_checksum_free (f->checksum);
  g_free (f->tail);
  g_free (f->authorization);
  g_free (f->api_key);
  g_free (f->file_name);
  g_free (f->file_type);
  g_free (f->file_sha256);
  g_free (f->path);
  g_clear_object (&f->cancel_on_progress);
  g_clear_object (&f->held);
}

/* Writes `size` pseudo-random bytes; returns the file's SHA-256. */
static char *
write_file (Fixture    *f,
            const char *name,
            goffset     size)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree guint32 *block = g_new (guint32, 256 * 1024);
  FILE *out;

  g_free (f->path);
  f->path = g_build_filename (f->dir, name, NULL);
  out = g_fopen (f->path, "wb");
  g_assert_nonnull (out);
  while (size > 0)
    {
      gsize n = MIN ((goffset) (256 * 1024 * sizeof (guint32)), size);

      for (gsize i = 0; i < 256 * 1024; i++)
        block[i] = g_rand_int (rand);
      g_assert_cmpuint (fwrite (block, 1, n, out), ==, n);
      g_checksum_update (checksum, (const guint8 *) block, n);
      size -= n;
    }
  g_assert_cmpint (fclose (out), ==, 0);
  return g_strdup (g_checksum_get_string (checksum));
}

static void
change_file (Fixture *f)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GError) error = NULL;

  switch (f->change)
    {
    case CHANGE_TRUNCATE:
      g_assert_cmpint (truncate (f->path, 1000), ==, 0);
      break;
    case CHANGE_EDIT:
      {
        g_autoptr(GFileIOStream) io = g_file_open_readwrite (file, NULL, &error);
        g_autoptr(GFileInfo) info = NULL;
        GOutputStream *out;

        g_assert_no_error (error);
        g_seekable_seek (G_SEEKABLE (io), -4, G_SEEK_END, NULL, &error);
        g_assert_no_error (error);
        out = g_io_stream_get_output_stream (G_IO_STREAM (io));
        g_output_stream_write_all (out, "edit", 4, NULL, NULL, &error);
        g_assert_no_error (error);
        g_io_stream_close (G_IO_STREAM (io), NULL, &error);
        g_assert_no_error (error);
        /* Same size; make the new time unmistakable. */
        info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 0, NULL, &error);
        g_assert_no_error (error);
        g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                     g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) + 100,
                                     0, NULL, &error);
        g_assert_no_error (error);
      }
      break;
    case CHANGE_DELETE:
      g_file_delete (file, NULL, &error);
      g_assert_no_error (error);
      break;
    case CHANGE_REPLACE:
      {
        /* Same bytes, size and time: only the identity tells. */
        g_autofree char *other_path = g_strconcat (f->path, ".new", NULL);
        g_autoptr(GFile) other = g_file_new_for_path (other_path);

        g_file_copy (file, other, G_FILE_COPY_ALL_METADATA, NULL, NULL, NULL, &error);
        g_assert_no_error (error);
        g_file_move (other, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
        g_assert_no_error (error);
      }
      break;
    case CHANGE_NONE:
    default:
      break;
    }
  f->change = CHANGE_NONE;
}

static void
progress_cb (goffset  sent,
             goffset  total,
             gpointer user_data)
{
  Fixture *f = user_data;

  if (sent < f->last_sent || sent > total)
    f->monotonic = FALSE;
  f->last_sent = sent;
  f->last_total = total;
  f->reports++;
  if (f->change != CHANGE_NONE)
    change_file (f);
  if (f->cancel_on_progress)
    g_cancellable_cancel (f->cancel_on_progress);
  f->released = TRUE;
  if (f->held)
    {
      soup_server_message_unpause (f->held);
      g_clear_object (&f->held);
    }
}

static JsonNode *
upload_sync (Fixture       *f,
             const char    *action,
             JsonObject    *fields,
             const char    *filename,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (f->path);

  ckan_client_upload_async (f->client, action, fields, file, filename, progress_cb, f, NULL,
                            cancellable, ckan_test_store_result_cb, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  return ckan_client_upload_finish (f->client, result, error);
}

static void
wait_server_finished (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  while (!f->finished && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (f->finished);
}

static void
test_upload_fields_and_bytes (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = write_file (f, "datos.csv", 700 * 1024 + 13);

  json_object_set_string_member (fields, "package_id", "mi-conjunto");
  json_object_set_string_member (fields, "name", "Informe \"final\" de año");
  json_object_set_int_member (fields, "position", 2);
  json_object_set_boolean_member (fields, "datastore_active", FALSE);
  json_object_set_null_member (fields, "nothing");
  /* A field named like the file part would confuse CKAN: left out. */
  json_object_set_string_member (fields, "upload", "ignored");
  json_object_set_string_member (fields, "callback", "jsonp");

  result = upload_sync (f, "resource_create", fields, "informe \"final\" año.csv", NULL, &error);
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
  g_autofree char *sha = write_file (f, "vacío.json", 0);

  result = upload_sync (f, "resource_create", NULL, NULL, NULL, &error);
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
  sha = write_file (f, "grande.bin", size);
  rss_before = peak_rss_kb ();
  start = g_get_monotonic_time ();

  result = upload_sync (f, "resource_create", NULL, NULL, NULL, &error);
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
  g_autofree char *sha = write_file (f, "lento.csv", 3 * 1024 * 1024);
  gint64 start = g_get_monotonic_time ();

  /* 3 MB at 1 MB/s with a 1 s timeout: the timeout is for silence, not
   * for the whole upload. */
  f->streaming = TRUE;
  f->rate = 1024 * 1024;
  ckan_client_set_timeout (f->client, 1);
  result = upload_sync (f, "resource_create", NULL, NULL, NULL, &error);
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
  g_autofree char *sha = write_file (f, "atascado.csv", 64 * 1024 * 1024);
  gint64 start = g_get_monotonic_time ();

  /* The server stops reading for good: once the socket buffers are full
   * nothing moves, and after the 1 s timeout the upload gives up. */
  f->streaming = TRUE;
  f->rate = 1;
  ckan_client_set_timeout (f->client, 1);
  result = upload_sync (f, "resource_create", NULL, NULL, NULL, &error);
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
  g_autofree char *sha = write_file (f, "cancelado.csv", 32 * 1024 * 1024);

  /* Not a slow link: when the server falls behind a throttle, libsoup's
   * server reads on without returning to the main loop, the progress
   * report (and the cancel) waits, and the whole body arrives. Holding
   * the request until the report is handled makes the cancel land while
   * the body is on its way, however loaded the machine. */
  f->streaming = TRUE;
  f->hold = TRUE;
  f->cancel_on_progress = g_object_ref (cancellable);
  result = upload_sync (f, "resource_create", NULL, NULL, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_CANCELLED);

  wait_server_finished (f);
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
  g_autofree char *sha = write_file (f, "guardado.csv", 256 * 1024);

  f->cancel_on_arrival = cancellable;
  result = upload_sync (f, "slow_create", NULL, NULL, cancellable, &error);
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
  g_autofree char *sha = write_file (f, "cambia.csv", 32 * 1024 * 1024);

  /* Held, as for a cancel: the change lands while the body is on its way. */
  f->streaming = TRUE;
  f->hold = TRUE;
  f->change = change;
  result = upload_sync (f, "resource_create", NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_FILE_CHANGED);
  g_assert_cmpstr (error->message, ==, ckan_error_code_to_message (CKAN_ERROR_FILE_CHANGED));

  /* The body was never completed: no resource can come of it. */
  wait_server_finished (f);
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
  result = upload_sync (f, "resource_create", NULL, NULL, NULL, &error);
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
  g_autofree char *sha = write_file (f, "datos.csv", 4096);
  guint denied = 0;

  g_signal_connect_swapped (f->client, "authorization-failed", G_CALLBACK (count_cb), &denied);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) result = NULL;
      g_autoptr(GError) error = NULL;

      result = upload_sync (f, cases[i].action, NULL, NULL, NULL, &error);
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
  g_test_add ("/ckan/upload/" path, Fixture, data, fixture_setup, func, fixture_teardown)

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
