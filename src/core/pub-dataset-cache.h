/* pub-dataset-cache.h: the last dataset list seen, kept for offline and for a quick start
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ckan-dataset.h"

G_BEGIN_DECLS

/* Where the list `list_key` ("mine", "org-<id>") of one person on one
 * portal is kept: a file under the user's cache folder. */
char        *pub_dataset_cache_path         (const char    *portal_url,
                                             const char    *user_id,
                                             const char    *list_key);

/* Only what a row shows: the file stays small and holds no more than the
 * list needs (a new object). */
JsonObject  *pub_dataset_cache_trim         (JsonObject    *dataset);

/* Reads the file in a worker thread, after every save asked before it has
 * written (loads and saves take turns in one queue). A missing file and a damaged one
 * both give NULL without an error (a damaged file is deleted): the cache is
 * a convenience, never a reason to show an error. Only cancelling fails.
 * The finish gives CkanDataset, the time the list was saved and the count
 * the portal gave then. */
void         pub_dataset_cache_load_async   (const char    *path,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
GPtrArray   *pub_dataset_cache_load_finish  (GAsyncResult  *result,
                                             GDateTime    **saved_at,
                                             gint64        *count,
                                             GError       **error);

/* Writes `datasets` (CkanDataset) atomically: a crash leaves the old file
 * or the new one, never half of one. */
void         pub_dataset_cache_save_async   (const char    *path,
                                             GPtrArray     *datasets,
                                             gint64         count,
                                             GDateTime     *saved_at,
                                             GCancellable  *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer       user_data);
gboolean     pub_dataset_cache_save_finish  (GAsyncResult  *result,
                                             GError       **error);

G_END_DECLS
