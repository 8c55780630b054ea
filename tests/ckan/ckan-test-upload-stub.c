/* ckan-test-upload-stub.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "ckan-test-upload-stub.h"
#include "ckan-upload-stream.h"

static void
hash_file_bytes (CkanTestUploadFixture *f,
                 const guint8          *data,
                 gsize                  len)
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
throttle (CkanTestUploadFixture *f,
          SoupServerMessage     *msg)
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
  CkanTestUploadFixture *f = user_data;
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
  CkanTestUploadFixture *f = user_data;

  f->finished = TRUE;
}

static void
early_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  CkanTestUploadFixture *f = user_data;
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
parse_multipart (CkanTestUploadFixture *f,
                 SoupServerMessage     *msg)
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
  CkanTestUploadFixture *f = user_data;
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

void
ckan_test_upload_setup (CkanTestUploadFixture *f,
                        gconstpointer          data)
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

void
ckan_test_upload_teardown (CkanTestUploadFixture *f,
                           gconstpointer          data)
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
char *
ckan_test_upload_write_file (CkanTestUploadFixture *f,
                             const char            *name,
                             goffset                size)
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
change_file (CkanTestUploadFixture *f)
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
  CkanTestUploadFixture *f = user_data;

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

JsonNode *
ckan_test_upload_sync (CkanTestUploadFixture  *f,
                       const char             *action,
                       JsonObject             *fields,
                       const char             *filename,
                       GCancellable           *cancellable,
                       GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (f->path);

  ckan_client_upload_async (f->client, action, fields, file, filename, progress_cb, f, NULL,
                            cancellable, ckan_test_store_result_cb, &result);
  while (!result)
    g_main_context_iteration (NULL, TRUE);
  return ckan_client_upload_finish (f->client, result, error);
}

void
ckan_test_upload_wait_server_finished (CkanTestUploadFixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  while (!f->finished && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (f->finished);
}
