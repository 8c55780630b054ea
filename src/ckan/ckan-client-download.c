/* ckan-client-download.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-client-download.h"
#include "ckan-client-private.h"
#include "ckan-error-private.h"

typedef struct {
  SoupMessage  *msg;
  GFile        *dest;
  GInputStream *body;
} Download;

static void
download_free (gpointer data)
{
  Download *download = data;

  g_clear_object (&download->msg);
  g_clear_object (&download->dest);
  g_clear_object (&download->body);
  g_free (download);
}

static GError *
status_error (guint status)
{
  CkanErrorCode code;

  if (status == 404)
    code = CKAN_ERROR_NOT_FOUND;
  else if (status == 401 || status == 403)
    code = CKAN_ERROR_AUTHORIZATION;
  else if (status >= 500)
    code = CKAN_ERROR_SERVER;
  else
    code = CKAN_ERROR_BAD_REQUEST;
  return ckan_error_new_full (code, NULL, status, NULL, NULL, 0);
}

static GError *
as_ckan_error (GError *error)
{
  GError *out;

  if (error->domain == CKAN_ERROR)
    return error;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    out = ckan_error_new_full (CKAN_ERROR_CANCELLED, NULL, 0, NULL, NULL, 0);
  else if (error->domain == G_IO_ERROR && error->code != G_IO_ERROR_NOT_FOUND &&
           error->code != G_IO_ERROR_PERMISSION_DENIED && error->code != G_IO_ERROR_NO_SPACE)
    out = ckan_error_new_full (CKAN_ERROR_NETWORK, NULL, 0, error->message, NULL, 0);
  else
    /* The disk's own trouble (full, unwritable) keeps its message. */
    return error;
  g_error_free (error);
  return out;
}

static void
spliced_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* Closing the target (CLOSE_TARGET) is what puts the file in place. */
  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) < 0)
    g_task_return_error (task, as_ckan_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
replaced_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *download = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GFileOutputStream) out = g_file_replace_finish (G_FILE (source), result, &error);
  GCancellable *cancellable;

  if (!out)
    {
      g_task_return_error (task, as_ckan_error (error));
      return;
    }
  cancellable = g_task_get_cancellable (task);
  g_output_stream_splice_async (G_OUTPUT_STREAM (out), download->body,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, cancellable, spliced_cb, g_steal_pointer (&task));
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *download = g_task_get_task_data (task);
  GError *error = NULL;
  GCancellable *cancellable;
  guint status;

  download->body = ckan_client_send_finish (CKAN_CLIENT (g_task_get_source_object (task)), result, &error);
  if (!download->body)
    {
      g_task_return_error (task, as_ckan_error (error));
      return;
    }
  status = soup_message_get_status (download->msg);
  if (status != SOUP_STATUS_OK)
    {
      g_input_stream_close (download->body, NULL, NULL);
      g_task_return_error (task, status_error (status));
      return;
    }
  cancellable = g_task_get_cancellable (task);
  g_file_replace_async (download->dest, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, G_PRIORITY_DEFAULT,
                        cancellable, replaced_cb, g_steal_pointer (&task));
}

void
ckan_client_download_async (CkanClient          *self,
                            const char          *url,
                            GFile               *dest,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Download *download;

  g_return_if_fail (CKAN_IS_CLIENT (self));
  g_return_if_fail (G_IS_FILE (dest));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ckan_client_download_async);
  g_task_set_check_cancellable (task, FALSE);
  download = g_new0 (Download, 1);
  download->dest = g_object_ref (dest);
  download->msg = ckan_client_new_download_message (self, url);
  g_task_set_task_data (task, download, download_free);
  if (!download->msg)
    {
      g_task_return_error (task, ckan_error_new_full (CKAN_ERROR_INVALID_URL, NULL, 0, url, NULL, 0));
      return;
    }
  ckan_client_send_async (self, download->msg, cancellable, sent_cb, g_steal_pointer (&task));
}

gboolean
ckan_client_download_finish (CkanClient    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ckan_client_download_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
