/* ckan-client-download.c: a stored file streamed to disk (or its first
 * bytes to memory)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ckan-client-download.h"
#include "ckan-client-private.h"
#include "ckan-response-private.h"

#define CHUNK_SIZE (256 * 1024)
#define MAX_REDIRECTS 5
#define PROGRESS_INTERVAL (G_USEC_PER_SEC / 10)

typedef struct {
  char             *url;
  guint             redirects;
  SoupMessage      *msg;
  GInputStream     *input;
  /* To a file: written under a hidden name, then moved. */
  GFile            *destination;
  GFile            *partial;
  GOutputStream    *output;
  /* To memory: at most max_bytes. */
  gsize             max_bytes;
  GByteArray       *head;
  GBytes           *chunk;       /* being written */
  goffset           received;
  goffset           total;
  gint64            last_report;
  CkanProgressFunc  progress;
  gpointer          progress_data;
  GDestroyNotify    progress_destroy;
} Download;

static void
download_free (Download *data)
{
  if (data->progress_destroy != NULL)
    data->progress_destroy (data->progress_data);
  g_clear_object (&data->msg);
  g_clear_object (&data->input);
  g_clear_object (&data->output);
  g_clear_object (&data->destination);
  g_clear_object (&data->partial);
  g_clear_pointer (&data->head, g_byte_array_unref);
  g_clear_pointer (&data->chunk, g_bytes_unref);
  g_free (data->url);
  g_free (data);
}

static void send_request (GTask *task);

static void
partial_deleted_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_file_delete_finish (G_FILE (object), result, NULL);
}

/* Every failure ends here: what was written so far goes away. */
static void
download_fail (GTask  *task,
               GError *error)
{
  Download *data = g_task_get_task_data (task);

  if (data->output != NULL)
    g_output_stream_close (data->output, NULL, NULL);
  if (data->partial != NULL)
    g_file_delete_async (data->partial, G_PRIORITY_DEFAULT, NULL, partial_deleted_cb, NULL);
  g_task_return_error (task, error);
}

/* Reading failed, or a write was cancelled: the portal's side of it. */
static void
fail_transport (GTask        *task,
                const GError *error)
{
  Download *data = g_task_get_task_data (task);

  download_fail (task, ckan_response_error_from_transport (error, data->msg));
}

static void
report_progress (Download *data,
                 gboolean  last)
{
  gint64 now = g_get_monotonic_time ();

  if (data->progress == NULL || (!last && now - data->last_report < PROGRESS_INTERVAL))
    return;
  data->last_report = now;
  data->progress (data->received, data->total, data->progress_data);
}

static void
moved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *data = g_task_get_task_data (task);
  GError *error = NULL;

  g_assert (G_IS_TASK (task));

  if (!g_file_move_finish (G_FILE (object), result, &error))
    {
      download_fail (task, error);
      return;
    }
  g_clear_object (&data->partial);
  g_task_return_int (task, data->received);
}

static void
closed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *data = g_task_get_task_data (task);
  GError *error = NULL;

  g_assert (G_IS_TASK (task));

  if (!g_output_stream_close_finish (G_OUTPUT_STREAM (object), result, &error))
    {
      g_clear_object (&data->output);
      download_fail (task, error);
      return;
    }
  g_clear_object (&data->output);
  {
    /* Read before the task is handed on. */
    GCancellable *cancellable = g_task_get_cancellable (task);

    g_file_move_async (data->partial, data->destination, G_FILE_COPY_OVERWRITE, G_PRIORITY_DEFAULT,
                       cancellable, NULL, NULL, moved_cb, g_steal_pointer (&task));
  }
}

static void read_next (GTask *task);

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *data = g_task_get_task_data (task);
  GError *error = NULL;

  g_assert (G_IS_TASK (task));

  g_clear_pointer (&data->chunk, g_bytes_unref);
  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          fail_transport (task, error);
          g_error_free (error);
        }
      else
        download_fail (task, error);
      return;
    }
  read_next (g_steal_pointer (&task));
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *data = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;

  g_assert (G_IS_TASK (task));

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (bytes == NULL)
    {
      fail_transport (task, error);
      return;
    }
  size = g_bytes_get_size (bytes);

  if (data->head != NULL)
    {
      gsize take = MIN (size, data->max_bytes - data->head->len);

      g_byte_array_append (data->head, g_bytes_get_data (bytes, NULL), take);
      if (size == 0 || data->head->len >= data->max_bytes)
        {
          /* Enough: the rest of the file is never asked for. */
          g_input_stream_close_async (data->input, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
          g_task_return_pointer (task, g_byte_array_free_to_bytes (g_steal_pointer (&data->head)),
                                 (GDestroyNotify) g_bytes_unref);
          return;
        }
      read_next (g_steal_pointer (&task));
      return;
    }

  if (size == 0)
    {
      report_progress (data, TRUE);
      {
        /* Read before the task is handed on. */
        GCancellable *cancellable = g_task_get_cancellable (task);

        g_output_stream_close_async (data->output, G_PRIORITY_DEFAULT, cancellable,
                                     closed_cb, g_steal_pointer (&task));
      }
      return;
    }
  data->received += size;
  report_progress (data, FALSE);
  /* write_all copies nothing: the bytes stay with the task until written. */
  data->chunk = g_steal_pointer (&bytes);
  {
    /* Read before the task is handed on. */
    GCancellable *cancellable = g_task_get_cancellable (task);

    g_output_stream_write_all_async (data->output, g_bytes_get_data (data->chunk, NULL), size, G_PRIORITY_DEFAULT,
                                     cancellable, written_cb, g_steal_pointer (&task));
  }
}

static void
read_next (GTask *task)
{
  Download *data = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (data->input, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), read_cb, task);
}

static void
replaced_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *data = g_task_get_task_data (task);
  GError *error = NULL;

  g_assert (G_IS_TASK (task));

  data->output = G_OUTPUT_STREAM (g_file_replace_finish (G_FILE (object), result, &error));
  if (data->output == NULL)
    {
      g_clear_object (&data->partial);
      g_task_return_error (task, error);
      return;
    }
  read_next (g_steal_pointer (&task));
}

static GError *
status_error (SoupMessage *msg)
{
  guint status = soup_message_get_status (msg);
  CkanErrorCode code = CKAN_ERROR_SERVER;

  if (status == 404 || status == 410)
    code = CKAN_ERROR_NOT_FOUND;
  else if (status == 401 || status == 403)
    code = CKAN_ERROR_AUTHORIZATION;
  else if (status == 429)
    code = CKAN_ERROR_RATE_LIMITED;
  return ckan_error_new_full (code, NULL, status, soup_message_get_reason_phrase (msg), NULL, 0);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GInputStream *input;
  guint status;

  g_assert (G_IS_TASK (task));

  input = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (input == NULL)
    {
      download_fail (task, ckan_response_error_from_transport (error, data->msg));
      return;
    }
  status = soup_message_get_status (data->msg);

  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      const char *location = soup_message_headers_get_one (soup_message_get_response_headers (data->msg), "Location");
      g_autofree char *next = location != NULL
                              ? g_uri_resolve_relative (data->url, location, G_URI_FLAGS_ENCODED, NULL) : NULL;

      g_input_stream_close (input, NULL, NULL);
      g_object_unref (input);
      if (next == NULL || ++data->redirects > MAX_REDIRECTS)
        {
          download_fail (task, status_error (data->msg));
          return;
        }
      g_free (data->url);
      data->url = g_steal_pointer (&next);
      send_request (g_steal_pointer (&task));
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_input_stream_close (input, NULL, NULL);
      g_object_unref (input);
      download_fail (task, status_error (data->msg));
      return;
    }

  data->input = input;
  if (soup_message_headers_get_encoding (soup_message_get_response_headers (data->msg)) == SOUP_ENCODING_CONTENT_LENGTH)
    data->total = soup_message_headers_get_content_length (soup_message_get_response_headers (data->msg));
  if (data->head != NULL)
    {
      read_next (g_steal_pointer (&task));
      return;
    }
  {
    g_autoptr(GFile) parent = g_file_get_parent (data->destination);
    g_autofree char *base = g_file_get_basename (data->destination);
    g_autofree char *hidden = g_strdup_printf (".%s.part", base);

    data->partial = g_file_get_child (parent, hidden);
    {
      /* Read before the task is handed on. */
      GCancellable *cancellable = g_task_get_cancellable (task);

      g_file_replace_async (data->partial, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, G_PRIORITY_DEFAULT,
                            cancellable, replaced_cb, g_steal_pointer (&task));
    }
  }
}

static void
send_request (GTask *task)
{
  CkanClient *self = g_task_get_source_object (task);
  Download *data = g_task_get_task_data (task);

  g_clear_object (&data->msg);
  data->msg = ckan_client_new_request (self, "GET", data->url);
  if (data->msg == NULL)
    {
      download_fail (task, ckan_error_new_full (CKAN_ERROR_INVALID_URL, NULL, 0, NULL, NULL, 0));
      return;
    }
  soup_session_send_async (ckan_client_get_session (self), data->msg, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), sent_cb, task);
}

static void
start (CkanClient   *self,
       Download     *data,
       gpointer      source_tag,
       GCancellable *cancellable,
       GAsyncReadyCallback callback,
       gpointer      user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  data->total = -1;
  g_task_set_task_data (task, data, (GDestroyNotify) download_free);
  send_request (task);
}

void
ckan_client_download_async (CkanClient          *self,
                            const char          *url,
                            GFile               *destination,
                            CkanProgressFunc     progress,
                            gpointer             progress_data,
                            GDestroyNotify       progress_destroy,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Download *data;

  g_return_if_fail (CKAN_IS_CLIENT (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (G_IS_FILE (destination));

  data = g_new0 (Download, 1);
  data->url = g_strdup (url);
  data->destination = g_object_ref (destination);
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_destroy = progress_destroy;
  start (self, data, ckan_client_download_async, cancellable, callback, user_data);
}

goffset
ckan_client_download_finish (CkanClient    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ckan_client_download_async, -1);

  return g_task_propagate_int (G_TASK (result), error);
}

void
ckan_client_download_head_async (CkanClient          *self,
                                 const char          *url,
                                 gsize                max_bytes,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Download *data;

  g_return_if_fail (CKAN_IS_CLIENT (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (max_bytes > 0);

  data = g_new0 (Download, 1);
  data->url = g_strdup (url);
  data->max_bytes = max_bytes;
  data->head = g_byte_array_new ();
  start (self, data, ckan_client_download_head_async, cancellable, callback, user_data);
}

GBytes *
ckan_client_download_head_finish (CkanClient    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ckan_client_download_head_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
