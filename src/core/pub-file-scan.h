/* pub-file-scan.h: what a worker thread learns about a file on disk for
 * a draft resource: size, modification time, type and SHA-256
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Filled in by the caller (path and the known_ fields), then by the
 * worker; handed back to the main context as the task's data. */
typedef struct
{
  char   *path;
  gint64  size;
  gint64  mtime;
  guint32 mtime_usec;
  char   *content_type;
  char   *sha256;
  /* What the resource recorded with its last hash. */
  gint64  known_size;
  gint64  known_mtime;
  guint32 known_mtime_usec;
  char   *known_sha256;
} PubFileScan;

void pub_file_scan_free   (PubFileScan  *scan);

/* A GTaskThreadFunc: the task's data is the PubFileScan to fill. Returns
 * a boolean, or G_IO_ERROR_IS_DIRECTORY / _NOT_REGULAR_FILE / the error
 * reading it. A file unchanged since known_sha256 was computed (same
 * size and modification time to the microsecond) is not read again. */
void pub_file_scan_thread (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable);

G_END_DECLS
