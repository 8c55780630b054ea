/* pub-comment-thread-view.h: one dataset's conversation, with a box to
 * reply; the inbox shows it, and so will the dataset page
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pub-comment-inbox.h"

G_BEGIN_DECLS

#define PUB_TYPE_COMMENT_THREAD_VIEW (pub_comment_thread_view_get_type ())

G_DECLARE_FINAL_TYPE (PubCommentThreadView, pub_comment_thread_view, PUB, COMMENT_THREAD_VIEW, AdwBin)

GtkWidget           *pub_comment_thread_view_new      (void);
/* Shows `item` of `inbox` (both NULL: nothing); replies, edits and
 * approvals go through the inbox, which keeps the item up to date. */
void                 pub_comment_thread_view_set_item (PubCommentThreadView *self,
                                                       PubCommentInbox      *inbox,
                                                       PubCommentInboxItem  *item);
PubCommentInboxItem *pub_comment_thread_view_get_item (PubCommentThreadView *self);

G_END_DECLS
