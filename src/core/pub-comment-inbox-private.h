/* pub-comment-inbox-private.h: what the inbox's files share
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pub-comment-inbox.h"

G_BEGIN_DECLS

struct _PubCommentInbox
{
  GObject                 parent_instance;

  PubAccount             *account;
  char                   *cache_path;

  GPtrArray              *items;           /* sorted, owned */
  GHashTable             *by_dataset;      /* dataset id → item in items */
  /* Comment ids already shown, to tell new ones; NULL until a first inbox
   * (cache or portal) gives a baseline. */
  GHashTable             *known_comments;
  /* organization id → set of member user ids, from the last refresh. */
  GHashTable             *members;
  /* dataset id → when (monotonic µs) it last had no thread: background
   * refreshes ask those again only now and then. */
  GHashTable             *no_thread_at;

  PubCommentInboxSupport  support;
  GDateTime              *updated_at;
  guint                   unanswered_count;
  guint                   concurrency;

  GTask                  *refresh;         /* the running refresh */
  GPtrArray              *joined;          /* GTasks waiting for it */

  GNetworkMonitor        *monitor;
  guint                   interval;
  guint                   timeout_id;
  gboolean                paused;

  gboolean                saving;          /* a cache write runs… */
  gboolean                save_again;      /* …and the inbox changed since */

  GCancellable           *cancellable;     /* cancelled on dispose */
};

/* pub-comment-inbox.c */
gboolean             pub_comment_inbox_is_member          (PubCommentInbox     *self,
                                                          const char          *organization_id,
                                                          const char          *user_id);
gboolean             pub_comment_inbox_compute_unanswered (PubCommentInbox     *self,
                                                          const char          *organization_id,
                                                          CkanCommentThread   *thread);
/* Adds the item, or moves it to its place after its thread changed. */
void                 pub_comment_inbox_place_item         (PubCommentInbox     *self,
                                                          PubCommentInboxItem *item);
void                 pub_comment_inbox_remove_item        (PubCommentInbox     *self,
                                                          const char          *dataset_id);
void                 pub_comment_inbox_update_counts      (PubCommentInbox     *self);
void                 pub_comment_inbox_set_support        (PubCommentInbox     *self,
                                                          PubCommentInboxSupport support);
void                 pub_comment_inbox_set_updated_at     (PubCommentInbox     *self,
                                                          GDateTime           *updated_at);
void                 pub_comment_inbox_set_refreshing     (PubCommentInbox     *self,
                                                          GTask               *refresh);
/* Every comment id of the tree into `set`. */
void                 pub_comment_inbox_collect_ids        (GPtrArray           *comments,
                                                          GHashTable          *set);
void                 pub_comment_inbox_emit_new_comments  (PubCommentInbox     *self,
                                                          PubCommentInboxItem *item,
                                                          guint                n);

/* pub-comment-inbox-cache.c: writes in a worker thread, atomically. */
void                 pub_comment_inbox_save_cache         (PubCommentInbox     *self);
void                 pub_comment_inbox_cache_load_async   (PubCommentInbox     *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean             pub_comment_inbox_cache_load_finish  (PubCommentInbox     *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

/* pub-comment-inbox-refresh.c */
/* background: from the timer, which skips datasets that had no thread a
 * short while ago. */
void                 pub_comment_inbox_start_refresh      (PubCommentInbox     *self,
                                                          GTask               *task,
                                                          gboolean             background);

G_END_DECLS
