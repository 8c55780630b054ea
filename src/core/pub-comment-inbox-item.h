/* pub-comment-inbox-item.h: one dataset's comment thread in the inbox
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ckan-comment.h"
#include "ckan-comment-thread.h"

G_BEGIN_DECLS

typedef enum {
  PUB_COMMENT_INBOX_ITEM_LOADED,   /* the thread is as the portal last sent it */
  PUB_COMMENT_INBOX_ITEM_LOADING,  /* being fetched; what shows may be the cached one */
  PUB_COMMENT_INBOX_ITEM_FAILED,   /* the last fetch failed; it is retried */
} PubCommentInboxItemStatus;

#define PUB_TYPE_COMMENT_INBOX_ITEM_STATUS (pub_comment_inbox_item_status_get_type ())
GType pub_comment_inbox_item_status_get_type (void);

#define PUB_TYPE_COMMENT_INBOX_ITEM (pub_comment_inbox_item_get_type ())

G_DECLARE_FINAL_TYPE (PubCommentInboxItem, pub_comment_inbox_item, PUB, COMMENT_INBOX_ITEM, GObject)

PubCommentInboxItem       *pub_comment_inbox_item_new                (const char          *dataset_id,
                                                                      const char          *dataset_name,
                                                                      const char          *dataset_title,
                                                                      const char          *organization_id);

const char                *pub_comment_inbox_item_get_dataset_id     (PubCommentInboxItem *self);
const char                *pub_comment_inbox_item_get_dataset_name   (PubCommentInboxItem *self);
const char                *pub_comment_inbox_item_get_dataset_title  (PubCommentInboxItem *self);
const char                *pub_comment_inbox_item_get_organization_id (PubCommentInboxItem *self);
void                       pub_comment_inbox_item_set_dataset        (PubCommentInboxItem *self,
                                                                      const char          *dataset_name,
                                                                      const char          *dataset_title,
                                                                      const char          *organization_id);

/* NULL until a thread was loaded (a first fetch that failed). */
CkanCommentThread         *pub_comment_inbox_item_get_thread         (PubCommentInboxItem *self);
PubCommentInboxItemStatus  pub_comment_inbox_item_get_status         (PubCommentInboxItem *self);
void                       pub_comment_inbox_item_set_status         (PubCommentInboxItem *self,
                                                                      PubCommentInboxItemStatus status);
/* The thread, and whether its last word is still a citizen's: the last
 * comment (by time, anywhere in the tree) is not from a member of the
 * dataset's organization. Notifies "thread", "unanswered",
 * "last-activity". */
void                       pub_comment_inbox_item_set_thread         (PubCommentInboxItem *self,
                                                                      CkanCommentThread   *thread,
                                                                      gboolean             unanswered);
/* The thread as the cache keeps it: only what the list shows is read now;
 * the records are made when something asks for the thread. */
void                       pub_comment_inbox_item_set_thread_json    (PubCommentInboxItem *self,
                                                                      JsonObject          *thread,
                                                                      gboolean             unanswered);
/* The thread's JSON while it was not needed as records, else NULL. */
JsonObject                *pub_comment_inbox_item_peek_thread_json   (PubCommentInboxItem *self);
gboolean                   pub_comment_inbox_item_get_unanswered     (PubCommentInboxItem *self);
/* When who counts as the organization changed. */
void                       pub_comment_inbox_item_set_unanswered     (PubCommentInboxItem *self,
                                                                      gboolean             unanswered);
/* The newest comment's author (user id; display name, NULL if unknown)
 * and text. */
const char                *pub_comment_inbox_item_get_last_author_id (PubCommentInboxItem *self);
const char                *pub_comment_inbox_item_get_last_author_name (PubCommentInboxItem *self);
const char                *pub_comment_inbox_item_get_last_content  (PubCommentInboxItem *self);
/* The newest comment's time; NULL for an empty thread. */
GDateTime                 *pub_comment_inbox_item_get_last_activity  (PubCommentInboxItem *self);
/* The newest comment, or NULL. */
CkanComment               *pub_comment_inbox_item_get_last_comment   (PubCommentInboxItem *self);
guint                      pub_comment_inbox_item_get_n_comments     (PubCommentInboxItem *self);

/* Newest activity first; a thread never loaded goes last. */
int                        pub_comment_inbox_item_compare            (PubCommentInboxItem *a,
                                                                      PubCommentInboxItem *b);

G_END_DECLS
