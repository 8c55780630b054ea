/* ckan-client-upload.c: the multipart POST of a file (resource_create,
 * resource_patch), streamed from disk
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-client-private.h"
#include "ckan-multipart.h"
#include "ckan-response-private.h"
#include "ckan-upload-stream.h"

/* At most this many progress reports a second, plus the last one. */
#define PROGRESS_INTERVAL (G_USEC_PER_SEC / 10)
/* How often the watchdog looks at the upload. */
#define WATCHDOG_PERIOD_MS 200

/* The body is sent by libsoup's blocking API in a worker thread, with a
 * session of its own: libsoup writes a request body in 8 KiB pieces, and
 * doing that with the async API costs two main loop iterations per piece,
 * on the thread that draws the window. */

/* The caller's progress function, shared with the sending thread; reports
 * are delivered on the caller's context until the upload is over. */
typedef struct {
  CkanProgressFunc  func;
  gpointer          data;
  GDestroyNotify    destroy;
  GMainContext     *context;
  int               closed;      /* atomic */
  goffset           delivered;   /* caller's context only */
} Progress;

typedef struct {
  Progress *progress;
  goffset   sent;
  goffset   total;
} Report;

static void
progress_clear (Progress *progress)
{
  if (progress->destroy)
    progress->destroy (progress->data);
  g_main_context_unref (progress->context);
}

static void
report_free (Report *report)
{
  g_atomic_rc_box_release_full (report->progress, (GDestroyNotify) progress_clear);
  g_free (report);
}

static gboolean
deliver_report_cb (gpointer user_data)
{
  Report *report = user_data;
  Progress *progress = report->progress;

  if (!g_atomic_int_get (&progress->closed) && report->sent >= progress->delivered)
    {
      progress->delivered = report->sent;
      progress->func (report->sent, report->total, progress->data);
    }
  return G_SOURCE_REMOVE;
}

typedef struct {
  char             *action;
  const CkanActionInfo *parser;  /* NULL: the JsonNode is the result */
  char             *boundary;
  Progress         *progress;    /* NULL without a progress function */
  CkanUploadStream *stream;
  SoupMessage      *msg;
  gulong            wrote_id;
  gulong            wrote_body_id;

  /* The sending thread's own. */
  goffset           body_sent;
  goffset           reported;
  gint64            last_report;

  /* libsoup's socket timeout cannot tell a stalled upload from a slow one
   * whose bytes sit in socket buffers while the portal works, so the upload
   * session has none and this watchdog cancels `internal` instead: after
   * `idle_timeout_ms` without a byte sent, or `answer_timeout_ms` after the
   * last byte without an answer. Times are ms since `start`. */
  GCancellable     *caller;
  GCancellable     *internal;
  gulong            caller_cancel_id;
  GSource          *watchdog;
  gint64            start;
  int               idle_timeout_ms;
  int               answer_timeout_ms;
  int               activity_ms;   /* atomic */
  int               body_done_ms;  /* atomic, 0 until the last byte */
  gboolean          timed_out;
} UploadData;

static int
elapsed_ms (UploadData *data)
{
  return (int) MIN ((g_get_monotonic_time () - data->start) / 1000, G_MAXINT);
}

static void
upload_stop_watchdog (UploadData *data)
{
  if (data->watchdog)
    g_source_destroy (data->watchdog);
  g_clear_pointer (&data->watchdog, g_source_unref);
}

static void
upload_close_progress (UploadData *data)
{
  if (data->progress)
    g_atomic_int_set (&data->progress->closed, TRUE);
}

static void
upload_data_free (UploadData *data)
{
  upload_stop_watchdog (data);
  upload_close_progress (data);
  if (data->caller_cancel_id)
    g_cancellable_disconnect (data->caller, data->caller_cancel_id);
  g_clear_object (&data->caller);
  g_clear_object (&data->internal);
  if (data->wrote_id)
    g_signal_handler_disconnect (data->msg, data->wrote_id);
  if (data->wrote_body_id)
    g_signal_handler_disconnect (data->msg, data->wrote_body_id);
  g_clear_object (&data->msg);
  g_clear_object (&data->stream);
  if (data->progress)
    g_atomic_rc_box_release_full (data->progress, (GDestroyNotify) progress_clear);
  g_free (data->boundary);
  g_free (data->action);
  g_free (data);
}

/* In the sending thread. Reports file bytes (not multipart framing), so the
 * figures match the file's size as the person sees it. */
static void
wrote_body_data_cb (SoupMessage *msg,
                    guint        chunk_size,
                    gpointer     user_data)
{
  UploadData *data = user_data;
  goffset file_size = ckan_upload_stream_get_file_size (data->stream);
  goffset file_sent;
  Report *report;
  gint64 now;

  data->body_sent += chunk_size;
  g_atomic_int_set (&data->activity_ms, elapsed_ms (data));
  if (!data->progress)
    return;

  file_sent = CLAMP (data->body_sent - (goffset) ckan_upload_stream_get_head_size (data->stream), 0, file_size);
  if (file_sent == data->reported && data->last_report != 0)
    return;
  now = g_get_monotonic_time ();
  if (file_sent < file_size && data->last_report != 0 && now - data->last_report < PROGRESS_INTERVAL)
    return;

  data->last_report = now;
  data->reported = file_sent;
  report = g_new (Report, 1);
  report->progress = g_atomic_rc_box_acquire (data->progress);
  report->sent = file_sent;
  report->total = file_size;
  g_main_context_invoke_full (data->progress->context, G_PRIORITY_DEFAULT, deliver_report_cb,
                              report, (GDestroyNotify) report_free);
}

/* In the sending thread. */
static void
wrote_body_cb (SoupMessage *msg,
               gpointer     user_data)
{
  UploadData *data = user_data;

  g_atomic_int_set (&data->body_done_ms, MAX (elapsed_ms (data), 1));
}

static gboolean
watchdog_cb (gpointer user_data)
{
  UploadData *data = user_data;
  int now = elapsed_ms (data);
  int body_done = g_atomic_int_get (&data->body_done_ms);
  gboolean late;

  if (body_done)
    late = now - body_done > data->answer_timeout_ms;
  else
    late = now - g_atomic_int_get (&data->activity_ms) > data->idle_timeout_ms;
  if (!late)
    return G_SOURCE_CONTINUE;

  g_debug ("%s upload: timed out", data->action);
  data->timed_out = TRUE;
  g_cancellable_cancel (data->internal);
  g_clear_pointer (&data->watchdog, g_source_unref);
  return G_SOURCE_REMOVE;
}

/* May run in the thread that cancelled the caller's cancellable. Once the
 * whole body is sent the portal may already be creating the resource: the
 * answer is then waited for (the watchdog still bounds it), so the caller
 * learns the new resource instead of a cancel that hides it. */
static void
caller_cancelled_cb (GCancellable *caller,
                     gpointer      user_data)
{
  UploadData *data = user_data;

  if (g_atomic_int_get (&data->body_done_ms))
    {
      g_debug ("%s upload: cancelled after the last byte, waiting for the answer", data->action);
      return;
    }
  g_cancellable_cancel (data->internal);
}

static void
upload_return_error (GTask  *task,
                     GError *error)
{
  UploadData *data = g_task_get_task_data (task);
  const GError *failure = data->stream ? ckan_upload_stream_get_failure (data->stream) : NULL;

  upload_stop_watchdog (data);
  upload_close_progress (data);
  /* The file changing wins over how libsoup reported the aborted body. */
  if (failure)
    {
      g_error_free (error);
      error = g_error_copy (failure);
    }
  else if (data->timed_out)
    {
      g_error_free (error);
      error = ckan_error_new_full (CKAN_ERROR_TIMEOUT, NULL, 0, NULL, NULL, 0);
    }
  else if (data->internal ? g_cancellable_is_cancelled (data->internal)
                          : g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_error_free (error);
      error = ckan_error_new_full (CKAN_ERROR_CANCELLED, NULL, 0, NULL, NULL, 0);
    }
  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION))
    ckan_client_emit_authorization_failed (g_task_get_source_object (task));
  g_task_return_error (task, error);
}

static void
upload_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gpointer value;
  UploadData *data = g_task_get_task_data (task);
  goffset file_size;

  g_assert (G_IS_TASK (task));

  value = ckan_response_read_finish (result, &error);
  if (!value)
    {
      upload_return_error (task, error);
      return;
    }

  /* The last report, if the throttled ones have not said it yet. */
  file_size = ckan_upload_stream_get_file_size (data->stream);
  if (data->progress && data->body_sent == ckan_upload_stream_get_length (data->stream) &&
      data->progress->delivered < file_size)
    {
      data->progress->delivered = file_size;
      data->progress->func (file_size, file_size, data->progress->data);
    }
  upload_close_progress (data);
  g_task_return_pointer (task, value, ckan_response_result_free_func (data->parser));
}

/* A thread of its own, not one of GTask's pool: an upload can take hours,
 * and the pool is what every async file operation of the app runs on. */
static gpointer
send_thread (gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  UploadData *data = g_task_get_task_data (task);
  g_autoptr(GMainContext) context = g_main_context_new ();
  SoupSession *session;
  GError *error = NULL;
  GBytes *body;

  g_assert (G_IS_TASK (task));

  /* A session for this thread alone: never shared, never kept. */
  g_main_context_push_thread_default (context);
  session = soup_session_new_with_options ("user-agent", CKAN_CLIENT_USER_AGENT,
                                           "timeout", 0,
                                           NULL);
  body = soup_session_send_and_read (session, data->msg, g_task_get_cancellable (task), &error);
  g_object_unref (session);
  g_main_context_pop_thread_default (context);

  /* GTask hands the result to the caller's context. */
  if (body)
    g_task_return_pointer (task, body, (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (task, error);
  return NULL;
}

static void
upload_sent_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  UploadData *data = g_task_get_task_data (task);
  GCancellable *cancellable;

  g_assert (G_IS_TASK (task));

  body = g_task_propagate_pointer (G_TASK (result), &error);
  upload_stop_watchdog (data);
  if (!body)
    {
      g_debug ("%s upload: no answer", data->action);
      upload_return_error (task, ckan_response_error_from_transport (error, data->msg));
      return;
    }
  if (ckan_upload_stream_get_failure (data->stream))
    {
      /* The portal answered before the body was complete (an early 413,
       * say): the file's change still has to be reported. */
      upload_return_error (task, g_error_copy (ckan_upload_stream_get_failure (data->stream)));
      return;
    }

  g_debug ("%s upload: HTTP %u", data->action, soup_message_get_status (data->msg));
  cancellable = g_task_get_cancellable (task);
  ckan_response_read_async (data->msg, body, FALSE, data->parser, cancellable, upload_read_cb,
                            g_steal_pointer (&task));
}

static void
upload_opened_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GTask) send_task = NULL;
  g_autofree char *content_type = NULL;
  GError *error = NULL;
  GThread *thread;
  CkanClient *self = g_task_get_source_object (task);
  UploadData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  g_assert (G_IS_TASK (task));

  data->stream = ckan_upload_stream_open_finish (result, &error);
  if (!data->stream)
    {
      upload_return_error (task, error);
      return;
    }
  if (g_cancellable_is_cancelled (cancellable))
    {
      upload_return_error (task, ckan_error_new_full (CKAN_ERROR_CANCELLED, NULL, 0, NULL, NULL, 0));
      return;
    }

  data->msg = ckan_client_new_message (self, SOUP_METHOD_POST, data->action, NULL);
  content_type = ckan_multipart_content_type (data->boundary);
  /* A known length: sent as Content-Length, never chunked. */
  soup_message_set_request_body (data->msg, content_type, G_INPUT_STREAM (data->stream),
                                 ckan_upload_stream_get_length (data->stream));
  data->wrote_id = g_signal_connect (data->msg, "wrote-body-data", G_CALLBACK (wrote_body_data_cb), data);
  data->wrote_body_id = g_signal_connect (data->msg, "wrote-body", G_CALLBACK (wrote_body_cb), data);

  data->internal = g_cancellable_new ();
  if (cancellable)
    {
      data->caller = g_object_ref (cancellable);
      /* Disconnected in upload_data_free () before data goes. */
      data->caller_cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                      data, NULL);
    }
  data->idle_timeout_ms = (int) ckan_client_get_timeout (self) * 1000;
  data->answer_timeout_ms = (int) MAX (ckan_client_get_timeout (self), CKAN_CLIENT_UPLOAD_ANSWER_TIMEOUT) * 1000;
  data->start = g_get_monotonic_time ();
  data->watchdog = g_timeout_source_new (WATCHDOG_PERIOD_MS);
  g_source_set_callback (data->watchdog, watchdog_cb, data, NULL);
  g_source_attach (data->watchdog, g_task_get_context (task));

  /* Never retried: a second upload could create a second resource. From
   * here until upload_sent_cb the message belongs to the sending thread. */
  send_task = g_task_new (NULL, data->internal, upload_sent_cb, g_steal_pointer (&task));
  g_task_set_source_tag (send_task, send_thread);
  g_task_set_check_cancellable (send_task, FALSE);
  g_task_set_task_data (send_task, data, NULL);
  thread = g_thread_try_new ("ckan-upload", send_thread, g_object_ref (send_task), &error);
  if (!thread)
    {
      g_object_unref (send_task);
      g_task_return_error (send_task, error);
      return;
    }
  g_thread_unref (thread);
}

static void
upload_start (CkanClient           *self,
              const char           *action,
              const CkanActionInfo *parser,
              JsonObject           *fields,
              GFile                *file,
              const char           *filename,
              CkanProgressFunc      progress,
              gpointer              progress_data,
              GDestroyNotify        progress_destroy,
              GCancellable         *cancellable,
              GAsyncReadyCallback   callback,
              gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) head = NULL;
  g_autoptr(GBytes) tail = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *mime = NULL;
  UploadData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ckan_client_upload_async);
  g_task_set_name (task, "ckan_client_upload_async");
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (UploadData, 1);
  data->action = g_strdup (action);
  data->parser = parser;
  data->boundary = ckan_multipart_new_boundary ();
  if (progress)
    {
      data->progress = g_atomic_rc_box_new0 (Progress);
      data->progress->func = progress;
      data->progress->data = progress_data;
      data->progress->destroy = progress_destroy;
      data->progress->context = g_main_context_ref_thread_default ();
    }
  else if (progress_destroy)
    {
      progress_destroy (progress_data);
    }
  g_task_set_task_data (task, data, (GDestroyNotify) upload_data_free);

  /* CKAN needs a non-empty file name to see an upload at all. */
  if (filename && *filename)
    basename = g_path_get_basename (filename);
  else
    basename = g_file_get_basename (file);
  if (!basename || !*basename || g_str_equal (basename, "/") || g_str_equal (basename, "."))
    {
      g_free (basename);
      basename = g_strdup ("upload");
    }
  mime = ckan_multipart_guess_type (basename);
  head = ckan_multipart_build_head (data->boundary, fields, "upload", basename, mime);
  tail = ckan_multipart_build_tail (data->boundary);

  if (g_cancellable_is_cancelled (cancellable))
    {
      upload_return_error (task, ckan_error_new_full (CKAN_ERROR_CANCELLED, NULL, 0, NULL, NULL, 0));
      return;
    }
  ckan_upload_stream_open_async (file, head, tail, cancellable, upload_opened_cb, g_steal_pointer (&task));
}

void
ckan_client_upload_async (CkanClient          *self,
                          const char          *action,
                          JsonObject          *fields,
                          GFile               *file,
                          const char          *filename,
                          CkanProgressFunc     progress,
                          gpointer             progress_data,
                          GDestroyNotify       progress_destroy,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (CKAN_IS_CLIENT (self));
  g_return_if_fail (action && *action);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  upload_start (self, action, NULL, fields, file, filename, progress, progress_data,
                progress_destroy, cancellable, callback, user_data);
}

void
ckan_client_upload_full_async (CkanClient           *self,
                               const CkanActionInfo *action,
                               JsonObject           *fields,
                               GFile                *file,
                               const char           *filename,
                               CkanProgressFunc      progress,
                               gpointer              progress_data,
                               GDestroyNotify        progress_destroy,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  g_return_if_fail (CKAN_IS_CLIENT (self));
  g_return_if_fail (action != NULL && action->name != NULL && *action->name);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  upload_start (self, action->name, action, fields, file, filename, progress, progress_data,
                progress_destroy, cancellable, callback, user_data);
}

gpointer
ckan_client_upload_full_finish (CkanClient    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (CKAN_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ckan_client_upload_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

JsonNode *
ckan_client_upload_finish (CkanClient    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (CKAN_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ckan_client_upload_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
