/* ckan-upload-stream.h: a multipart body read from disk as it is sent
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The most file data the stream holds at once. */
#define CKAN_UPLOAD_STREAM_CHUNK (256 * 1024)

#define CKAN_TYPE_UPLOAD_STREAM (ckan_upload_stream_get_type ())

G_DECLARE_FINAL_TYPE (CkanUploadStream, ckan_upload_stream, CKAN, UPLOAD_STREAM, GInputStream)

/* head, then the file's bytes, then tail. The file's size, modification
 * time and identity are taken when it is opened; if any of them changes
 * before the last byte is read, reading fails with CKAN_ERROR_FILE_CHANGED
 * and the tail is never produced. */
void              ckan_upload_stream_open_async   (GFile               *file,
                                                   GBytes              *head,
                                                   GBytes              *tail,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
CkanUploadStream *ckan_upload_stream_open_finish  (GAsyncResult        *result,
                                                   GError             **error);

goffset           ckan_upload_stream_get_length    (CkanUploadStream    *self);
goffset           ckan_upload_stream_get_file_size (CkanUploadStream    *self);
gsize             ckan_upload_stream_get_head_size (CkanUploadStream    *self);
/* The FILE_CHANGED error reading stopped on, if any. */
const GError     *ckan_upload_stream_get_failure   (CkanUploadStream    *self);

/* For tests: the largest amount of file data any upload stream of this
 * process has held at once. */
gsize             ckan_upload_stream_get_peak_buffered (void);
/* For tests: file bytes read from disk by all upload streams so far. */
guint64           ckan_upload_stream_get_total_read    (void);

G_END_DECLS
