/* pub-comments-view.h: the "Comments" section, an inbox of the threads on
 * the organization's datasets
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pub-account-manager.h"
#include "pub-comment-inbox.h"

G_BEGIN_DECLS

#define PUB_TYPE_COMMENTS_VIEW (pub_comments_view_get_type ())

G_DECLARE_FINAL_TYPE (PubCommentsView, pub_comments_view, PUB, COMMENTS_VIEW, AdwBin)

GtkWidget       *pub_comments_view_new             (void);
/* With the application's account manager, as the window wants it. */
GtkWidget       *pub_comments_view_new_for_window  (void);
/* Follows the manager's current account: an inbox each. */
void             pub_comments_view_set_account_manager (PubCommentsView   *self,
                                                    PubAccountManager *manager);
/* Shows `inbox` (loads its cache, refreshes it, then every few minutes). */
void             pub_comments_view_set_inbox       (PubCommentsView   *self,
                                                    PubCommentInbox   *inbox);
PubCommentInbox *pub_comments_view_get_inbox       (PubCommentsView   *self);
/* Opens the thread of a dataset, as a notification asks. */
void             pub_comments_view_open_thread     (PubCommentsView   *self,
                                                    const char        *dataset_id);
/* Unanswered threads ("count"), for the sidebar. */
guint            pub_comments_view_get_count       (PubCommentsView   *self);

G_END_DECLS
