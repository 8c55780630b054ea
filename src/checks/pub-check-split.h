/* pub-check-split.h: one large CSV file checked by several threads
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pub-check-table.h"

G_BEGIN_DECLS

/* The bytes to check: in memory, or a file each thread opens for itself.
 * Offsets count after the BOM. */
typedef struct {
  const char *data;      /* NULL for a file */
  GFile      *file;
  guint64     bom;       /* bytes before offset 0 */
  guint64     size;      /* bytes after the BOM, as far as known */
} PubCheckSource;

typedef void (*PubCheckSplitProgress) (guint64  done,
                                       gpointer user_data);

/* Feeds `whole` everything from `from` to the end of the source, in
 * pieces of about `piece_size` bytes checked on `threads` threads. `whole`
 * must have read the header and be between two records at `from`; the
 * caller finishes it. Progress (bytes done since `from`) is called in the
 * calling thread. FALSE when reading failed or was cancelled. */
gboolean pub_check_split (PubTableChecker       *whole,
                          const PubCheckSource  *source,
                          guint64                from,
                          guint                  threads,
                          gsize                  piece_size,
                          PubCheckSplitProgress  progress,
                          gpointer               progress_data,
                          GCancellable          *cancellable,
                          GError               **error);

G_END_DECLS
