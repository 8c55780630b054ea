/* pub-file-scan.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pub-file-scan.h"

void
pub_file_scan_free (PubFileScan *scan)
{
  g_free (scan->path);
  g_free (scan->content_type);
  g_free (scan->sha256);
  g_free (scan->known_sha256);
  g_free (scan);
}

void
pub_file_scan_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  PubFileScan *scan = task_data;
  g_autoptr(GFile) file = g_file_new_for_path (scan->path);
  g_autoptr(GFileInfo) file_info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (64 * 1024);
  GError *error = NULL;
  gssize n_read;

  file_info = g_file_query_info (file,
                                 G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                 G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                 G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                 G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC ","
                                 G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                                 G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (file_info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* A folder or a device dropped on the list can't be uploaded as it is;
   * checked here, off the main thread, like everything else on disk. */
  if (g_file_info_get_file_type (file_info) == G_FILE_TYPE_DIRECTORY)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "is a folder");
      return;
    }
  if (g_file_info_get_file_type (file_info) != G_FILE_TYPE_REGULAR)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "not a regular file");
      return;
    }
  scan->size = g_file_info_get_size (file_info);
  scan->mtime = (gint64) g_file_info_get_attribute_uint64 (file_info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  scan->mtime_usec = g_file_info_get_attribute_uint32 (file_info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
  scan->content_type = g_strdup (g_file_info_get_content_type (file_info));

  /* Unchanged since it was hashed (same size, same modification time to
   * the microsecond): a file of gigabytes is not read again each time the
   * wizard opens. */
  if (scan->known_sha256 != NULL && scan->size == scan->known_size &&
      scan->mtime == scan->known_mtime && scan->mtime_usec == scan->known_mtime_usec)
    {
      scan->sha256 = g_strdup (scan->known_sha256);
      g_task_return_boolean (task, TRUE);
      return;
    }

  stream = g_file_read (file, cancellable, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  while ((n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 64 * 1024,
                                        cancellable, &error)) > 0)
    g_checksum_update (checksum, buffer, n_read);
  if (n_read < 0)
    {
      g_task_return_error (task, error);
      return;
    }
  scan->sha256 = g_strdup (g_checksum_get_string (checksum));
  g_task_return_boolean (task, TRUE);
}
