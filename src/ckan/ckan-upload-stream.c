/* ckan-upload-stream.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ckan-error-private.h"
#include "ckan-upload-stream.h"

#define FILE_ATTRIBUTES G_FILE_ATTRIBUTE_STANDARD_SIZE "," \
                        G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
                        G_FILE_ATTRIBUTE_TIME_MODIFIED "," \
                        G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC "," \
                        G_FILE_ATTRIBUTE_ID_FILE

typedef enum {
  PHASE_HEAD,
  PHASE_FILE,
  PHASE_TAIL,
  PHASE_DONE,
} Phase;

struct _CkanUploadStream
{
  GInputStream      parent_instance;

  GFile            *file;
  GFileInputStream *input;
  GBytes           *head;
  GBytes           *tail;

  /* What the file was when opened. */
  goffset           file_size;
  guint64           mtime;
  guint32           mtime_usec;
  char             *file_id;

  Phase             phase;
  gsize             part_offset;   /* in head or tail */
  goffset           file_read;     /* file bytes taken from disk */

  /* Read-ahead: the network side asks for 8 KiB pieces; the disk is read
   * in CKAN_UPLOAD_STREAM_CHUNK blocks. */
  guint8           *buffer;
  gsize             buffer_len;
  gsize             buffer_pos;

  GError           *failure;
};

G_DEFINE_FINAL_TYPE (CkanUploadStream, ckan_upload_stream, G_TYPE_INPUT_STREAM)

static gsize peak_buffered;
static guint64 total_read;
G_LOCK_DEFINE_STATIC (peak_buffered);

static GError *
file_changed_error (const char *detail)
{
  return ckan_error_new_full (CKAN_ERROR_FILE_CHANGED, NULL, 0, detail, NULL, 0);
}

/* Compares a fresh look at the file with what it was when opened. */
static gboolean
info_matches (CkanUploadStream *self,
              GFileInfo        *info)
{
  const char *id;

  if (g_file_info_get_size (info) != self->file_size)
    return FALSE;
  if (g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) != self->mtime ||
      g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC) != self->mtime_usec)
    return FALSE;
  id = g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE);
  /* Where the platform gives no identity, size and time have to do. */
  if (id != NULL && self->file_id != NULL && strcmp (id, self->file_id) != 0)
    return FALSE;
  return TRUE;
}

static gboolean
fail (CkanUploadStream  *self,
      const char        *detail,
      GError           **error)
{
  if (self->failure == NULL)
    self->failure = file_changed_error (detail);
  g_propagate_error (error, g_error_copy (self->failure));
  return FALSE;
}

/* A cancelled read is not a changed file. Takes local_error. */
static gboolean
fail_or_cancel (CkanUploadStream  *self,
                GError            *local_error,
                GError           **error)
{
  g_autoptr(GError) owned = local_error;

  if (g_error_matches (owned, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&owned));
      return FALSE;
    }
  return fail (self, owned->message, error);
}

/* Runs in a worker thread (or the caller's, for a sync read). */
static gboolean
fill_buffer (CkanUploadStream  *self,
             GCancellable      *cancellable,
             GError           **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  goffset remaining = self->file_size - self->file_read;
  gsize want = (gsize) MIN (remaining, (goffset) CKAN_UPLOAD_STREAM_CHUNK);
  gsize got = 0;

  while (got < want)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (self->input), self->buffer + got, want - got,
                                      cancellable, &local_error);
      if (n < 0)
        return fail_or_cancel (self, g_steal_pointer (&local_error), error);
      if (n == 0)
        return fail (self, "the file became shorter", error);
      got += n;
    }

  self->buffer_len = got;
  self->buffer_pos = 0;
  self->file_read += got;
  G_LOCK (peak_buffered);
  peak_buffered = MAX (peak_buffered, got);
  total_read += got;
  G_UNLOCK (peak_buffered);

  /* After every chunk, and so after the last byte: the path must still
   * lead to the same file (not removed, not replaced), with the same size
   * and time (not truncated, not edited in place). */
  info = g_file_query_info (self->file, FILE_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL)
    return fail_or_cancel (self, g_steal_pointer (&local_error), error);
  if (!info_matches (self, info))
    return fail (self, "the file was removed, replaced or modified", error);
  return TRUE;
}

static gsize
copy_part (GBytes *part,
           gsize  *offset,
           void   *buffer,
           gsize   count)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (part, &size);
  gsize n = MIN (count, size - *offset);

  memcpy (buffer, data + *offset, n);
  *offset += n;
  return n;
}

/* Serves what needs no disk access; -2 when the buffer must be filled. */
static gssize
read_ready (CkanUploadStream *self,
            void             *buffer,
            gsize             count)
{
  gsize n;

  for (;;)
    switch (self->phase)
      {
      case PHASE_HEAD:
        if (self->part_offset < g_bytes_get_size (self->head))
          return copy_part (self->head, &self->part_offset, buffer, count);
        self->phase = PHASE_FILE;
        self->part_offset = 0;
        break;

      case PHASE_FILE:
        if (self->buffer_pos < self->buffer_len)
          {
            n = MIN (count, self->buffer_len - self->buffer_pos);
            memcpy (buffer, self->buffer + self->buffer_pos, n);
            self->buffer_pos += n;
            return n;
          }
        if (self->file_read < self->file_size)
          return -2;
        self->phase = PHASE_TAIL;
        break;

      case PHASE_TAIL:
        if (self->part_offset < g_bytes_get_size (self->tail))
          return copy_part (self->tail, &self->part_offset, buffer, count);
        self->phase = PHASE_DONE;
        break;

      case PHASE_DONE:
      default:
        return 0;
      }
}

static gssize
ckan_upload_stream_read (GInputStream  *stream,
                         void          *buffer,
                         gsize          count,
                         GCancellable  *cancellable,
                         GError       **error)
{
  CkanUploadStream *self = CKAN_UPLOAD_STREAM (stream);
  gssize n;

  if (self->failure != NULL)
    {
      fail (self, NULL, error);
      return -1;
    }
  if (count == 0)
    return 0;

  n = read_ready (self, buffer, count);
  if (n != -2)
    return n;
  if (!fill_buffer (self, cancellable, error))
    return -1;
  return read_ready (self, buffer, count);
}

static gboolean
ckan_upload_stream_close (GInputStream  *stream,
                          GCancellable  *cancellable,
                          GError       **error)
{
  CkanUploadStream *self = CKAN_UPLOAD_STREAM (stream);

  g_clear_pointer (&self->buffer, g_free);
  self->buffer_len = self->buffer_pos = 0;
  if (self->input == NULL)
    return TRUE;
  return g_input_stream_close (G_INPUT_STREAM (self->input), cancellable, error);
}

static void
ckan_upload_stream_finalize (GObject *object)
{
  CkanUploadStream *self = CKAN_UPLOAD_STREAM (object);

  g_clear_object (&self->input);
  g_clear_object (&self->file);
  g_clear_pointer (&self->head, g_bytes_unref);
  g_clear_pointer (&self->tail, g_bytes_unref);
  g_clear_pointer (&self->buffer, g_free);
  g_clear_pointer (&self->file_id, g_free);
  g_clear_error (&self->failure);

  G_OBJECT_CLASS (ckan_upload_stream_parent_class)->finalize (object);
}

static void
ckan_upload_stream_class_init (CkanUploadStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = ckan_upload_stream_finalize;
  /* Uploads read synchronously in their own thread; GInputStream's
   * default read_async (read_fn in a worker) serves anyone else. */
  stream_class->read_fn = ckan_upload_stream_read;
  stream_class->close_fn = ckan_upload_stream_close;
}

static void
ckan_upload_stream_init (CkanUploadStream *self)
{
}

typedef struct
{
  GFile  *file;
  GBytes *head;
  GBytes *tail;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->head, g_bytes_unref);
  g_clear_pointer (&data->tail, g_bytes_unref);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(GFileInputStream) input = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  CkanUploadStream *self;

  input = g_file_read (data->file, cancellable, &error);
  if (input != NULL)
    info = g_file_input_stream_query_info (input, FILE_ATTRIBUTES, cancellable, &error);
  if (info == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, ckan_error_new_full (CKAN_ERROR_CANCELLED, NULL, 0, NULL, NULL, 0));
      else
        g_task_return_error (task, file_changed_error (error->message));
      return;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_task_return_error (task, file_changed_error ("not a regular file"));
      return;
    }

  self = g_object_new (CKAN_TYPE_UPLOAD_STREAM, NULL);
  self->file = g_object_ref (data->file);
  self->input = g_steal_pointer (&input);
  self->head = g_bytes_ref (data->head);
  self->tail = g_bytes_ref (data->tail);
  self->file_size = g_file_info_get_size (info);
  self->mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  self->mtime_usec = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  self->file_id = g_strdup (g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ID_FILE));
  self->buffer = g_malloc (CKAN_UPLOAD_STREAM_CHUNK);
  g_task_return_pointer (task, self, g_object_unref);
}

void
ckan_upload_stream_open_async (GFile               *file,
                               GBytes              *head,
                               GBytes              *tail,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (head != NULL && tail != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ckan_upload_stream_open_async);
  g_task_set_check_cancellable (task, FALSE);
  data = g_new0 (OpenData, 1);
  data->file = g_object_ref (file);
  data->head = g_bytes_ref (head);
  data->tail = g_bytes_ref (tail);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

CkanUploadStream *
ckan_upload_stream_open_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

goffset
ckan_upload_stream_get_length (CkanUploadStream *self)
{
  g_return_val_if_fail (CKAN_IS_UPLOAD_STREAM (self), 0);

  return g_bytes_get_size (self->head) + self->file_size + g_bytes_get_size (self->tail);
}

goffset
ckan_upload_stream_get_file_size (CkanUploadStream *self)
{
  g_return_val_if_fail (CKAN_IS_UPLOAD_STREAM (self), 0);

  return self->file_size;
}

gsize
ckan_upload_stream_get_head_size (CkanUploadStream *self)
{
  g_return_val_if_fail (CKAN_IS_UPLOAD_STREAM (self), 0);

  return g_bytes_get_size (self->head);
}

const GError *
ckan_upload_stream_get_failure (CkanUploadStream *self)
{
  g_return_val_if_fail (CKAN_IS_UPLOAD_STREAM (self), NULL);

  return self->failure;
}

gsize
ckan_upload_stream_get_peak_buffered (void)
{
  gsize peak;

  G_LOCK (peak_buffered);
  peak = peak_buffered;
  G_UNLOCK (peak_buffered);
  return peak;
}

guint64
ckan_upload_stream_get_total_read (void)
{
  guint64 total;

  G_LOCK (peak_buffered);
  total = total_read;
  G_UNLOCK (peak_buffered);
  return total;
}
