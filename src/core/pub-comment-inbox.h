/* pub-comment-inbox.h: the comments on the datasets of the user's
 * organizations, one thread per dataset, newest first
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ckan-comment.h"
#include "pub-account.h"
#include "pub-comment-inbox-item.h"

G_BEGIN_DECLS

typedef enum {
  PUB_COMMENT_INBOX_SUPPORT_UNKNOWN,      /* the portal was not asked yet */
  PUB_COMMENT_INBOX_SUPPORT_AVAILABLE,    /* status_show lists "comments" */
  PUB_COMMENT_INBOX_SUPPORT_UNSUPPORTED,  /* the portal has no comments plugin */
} PubCommentInboxSupport;

#define PUB_TYPE_COMMENT_INBOX_SUPPORT (pub_comment_inbox_support_get_type ())
GType pub_comment_inbox_support_get_type (void);

#define PUB_TYPE_COMMENT_INBOX (pub_comment_inbox_get_type ())

/* A GListModel of PubCommentInboxItem, one per dataset that has a thread,
 * sorted by pub_comment_inbox_item_compare (newest activity first).
 * ckanext-comments has no organization-wide listing, so a refresh lists
 * the organizations' datasets (package_search, paged) and asks each for
 * its thread (comments_thread_show), a few at a time; threads appear as
 * they arrive. Who counts as an answer: a comment by anyone in the
 * dataset's organization (member_list), the user included. */
G_DECLARE_FINAL_TYPE (PubCommentInbox, pub_comment_inbox, PUB, COMMENT_INBOX, GObject)

/* cache_dir: where the per-account cache lives; NULL for
 * $XDG_CACHE_HOME/publicador/comments. */
PubCommentInbox        *pub_comment_inbox_new                 (PubAccount       *account,
                                                               const char       *cache_dir);
PubAccount             *pub_comment_inbox_get_account         (PubCommentInbox  *self);
PubCommentInboxSupport  pub_comment_inbox_get_support         (PubCommentInbox  *self);
/* Threads whose last word is not the organization's ("unanswered-count"). */
guint                   pub_comment_inbox_get_unanswered_count (PubCommentInbox *self);
/* When what is shown was fetched ("updated-at"); NULL before anything was. */
GDateTime              *pub_comment_inbox_get_updated_at      (PubCommentInbox  *self);
/* Whether a refresh runs ("refreshing"). */
gboolean                pub_comment_inbox_get_refreshing      (PubCommentInbox  *self);
/* How many threads are fetched at once (default 6). */
void                    pub_comment_inbox_set_concurrency     (PubCommentInbox  *self,
                                                               guint             n);
PubCommentInboxItem    *pub_comment_inbox_find                (PubCommentInbox  *self,
                                                               const char       *dataset_id);

/* Shows the last inbox saved for this account. FALSE (no error) when there
 * is none; a damaged cache is deleted and counts as none. */
void                    pub_comment_inbox_load_cache_async    (PubCommentInbox  *self,
                                                               GCancellable     *cancellable,
                                                               GAsyncReadyCallback callback,
                                                               gpointer          user_data);
gboolean                pub_comment_inbox_load_cache_finish   (PubCommentInbox  *self,
                                                               GAsyncResult     *result,
                                                               GError          **error);

/* Asks the portal again. Threads that fail are marked
 * PUB_COMMENT_INBOX_ITEM_FAILED (after one more try) while the rest shows;
 * the call still succeeds. It fails when the portal can't be reached at
 * all, leaving what was shown. Comments that were not there before and are
 * not the user's raise "new-comments" (PubCommentInboxItem *item, guint n)
 * once the refresh ends (never on the very first load). A refresh asked
 * while one runs joins it. Saves the cache at the end. */
void                    pub_comment_inbox_refresh_async       (PubCommentInbox  *self,
                                                               GCancellable     *cancellable,
                                                               GAsyncReadyCallback callback,
                                                               gpointer          user_data);
gboolean                pub_comment_inbox_refresh_finish      (PubCommentInbox  *self,
                                                               GAsyncResult     *result,
                                                               GError          **error);

/* Refreshes every `interval` seconds while `monitor` (NULL: the default)
 * says the network is up and not metered; 0 stops. These refreshes ask a
 * dataset that had no thread again only after half an hour, so an
 * organization of thousands of datasets does not cost the portal
 * thousands of requests every few minutes; a first comment on such a
 * dataset shows at the latest then, or at once with
 * pub_comment_inbox_refresh_async(). */
void                    pub_comment_inbox_set_auto_refresh    (PubCommentInbox  *self,
                                                               GNetworkMonitor  *monitor,
                                                               guint             interval);
/* Whether the automatic refresh waits for an unmetered network ("paused"). */
gboolean                pub_comment_inbox_get_paused          (PubCommentInbox  *self);

/* comments_comment_create under `reply_to_id` in the item's thread. The
 * reply is put in place at once (without asking for the thread again) and
 * the thread is answered. */
void                    pub_comment_inbox_reply_async         (PubCommentInbox  *self,
                                                               PubCommentInboxItem *item,
                                                               const char       *reply_to_id,
                                                               const char       *content,
                                                               GCancellable     *cancellable,
                                                               GAsyncReadyCallback callback,
                                                               gpointer          user_data);
CkanComment            *pub_comment_inbox_reply_finish        (PubCommentInbox  *self,
                                                               GAsyncResult     *result,
                                                               GError          **error);
/* comments_comment_update of the user's own comment. */
void                    pub_comment_inbox_edit_async          (PubCommentInbox  *self,
                                                               PubCommentInboxItem *item,
                                                               const char       *comment_id,
                                                               const char       *content,
                                                               GCancellable     *cancellable,
                                                               GAsyncReadyCallback callback,
                                                               gpointer          user_data);
CkanComment            *pub_comment_inbox_edit_finish         (PubCommentInbox  *self,
                                                               GAsyncResult     *result,
                                                               GError          **error);
/* comments_comment_approve. By default only the portal's sysadmins may:
 * an organization admin gets CKAN_ERROR_AUTHORIZATION. */
void                    pub_comment_inbox_approve_async       (PubCommentInbox  *self,
                                                               PubCommentInboxItem *item,
                                                               const char       *comment_id,
                                                               GCancellable     *cancellable,
                                                               GAsyncReadyCallback callback,
                                                               gpointer          user_data);
gboolean                pub_comment_inbox_approve_finish      (PubCommentInbox  *self,
                                                               GAsyncResult     *result,
                                                               GError          **error);

G_END_DECLS
