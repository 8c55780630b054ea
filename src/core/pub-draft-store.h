/* pub-draft-store.h: the drafts kept on this computer, one file each
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pub-draft.h"

G_BEGIN_DECLS

#define PUB_TYPE_DRAFT_STORE (pub_draft_store_get_type ())

G_DECLARE_FINAL_TYPE (PubDraftStore, pub_draft_store, PUB, DRAFT_STORE, GObject)

/* directory: NULL for $XDG_DATA_HOME/publicador/drafts. */
PubDraftStore *pub_draft_store_new             (const char     *directory);
/* The store the application's windows share (default directory). */
PubDraftStore *pub_draft_store_get_default     (void);
const char    *pub_draft_store_get_directory   (PubDraftStore  *self);
/* Milliseconds between a change and its write (default 400). */
void           pub_draft_store_set_save_delay  (PubDraftStore  *self,
                                                guint           msec);

/* The drafts, a GListModel of PubDraft, most recently changed first.
 * Damaged files are listed too (pub_draft_is_damaged()). */
GListModel    *pub_draft_store_get_drafts      (PubDraftStore  *self);
PubDraft      *pub_draft_store_find            (PubDraftStore  *self,
                                                const char     *id);

/* Reads the directory in a worker thread and fills the list. */
void           pub_draft_store_load_async      (PubDraftStore  *self,
                                                GCancellable   *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer        user_data);
gboolean       pub_draft_store_load_finish     (PubDraftStore  *self,
                                                GAsyncResult   *result,
                                                GError        **error);
gboolean       pub_draft_store_is_loaded       (PubDraftStore  *self);

/* Adds a draft (new, or from pub_draft_duplicate()) and saves it; from then
 * on every change is written after the save delay. */
void           pub_draft_store_add             (PubDraftStore  *self,
                                                PubDraft       *draft);
PubDraft      *pub_draft_store_create          (PubDraftStore  *self);
PubDraft      *pub_draft_store_duplicate       (PubDraftStore  *self,
                                                PubDraft       *draft);
void           pub_draft_store_delete_async    (PubDraftStore  *self,
                                                PubDraft       *draft,
                                                GCancellable   *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer        user_data);
gboolean       pub_draft_store_delete_finish   (PubDraftStore  *self,
                                                GAsyncResult   *result,
                                                GError        **error);

/* Writes every pending change now and completes when all are on disk.
 * Fails with the first write error since the last flush. */
void           pub_draft_store_flush_async     (PubDraftStore  *self,
                                                GCancellable   *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer        user_data);
gboolean       pub_draft_store_flush_finish    (PubDraftStore  *self,
                                                GAsyncResult   *result,
                                                GError        **error);

/* Reads one draft file (blocking: worker threads and tests). */
PubDraft      *pub_draft_store_read_file       (const char     *path,
                                                GError        **error);

G_END_DECLS
