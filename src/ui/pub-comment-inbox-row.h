/* pub-comment-inbox-row.h: a dataset's thread in the inbox list (the
 * item widget of a GtkListView, so hundreds of threads cost a screenful)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pub-comment-inbox-item.h"

G_BEGIN_DECLS

#define PUB_TYPE_COMMENT_INBOX_ROW (pub_comment_inbox_row_get_type ())

G_DECLARE_FINAL_TYPE (PubCommentInboxRow, pub_comment_inbox_row, PUB, COMMENT_INBOX_ROW, AdwBin)

GtkWidget           *pub_comment_inbox_row_new      (void);
/* Follows the item as it changes; NULL when the list recycles the row. */
void                 pub_comment_inbox_row_set_item (PubCommentInboxRow  *self,
                                                     PubCommentInboxItem *item);
PubCommentInboxItem *pub_comment_inbox_row_get_item (PubCommentInboxRow  *self);

G_END_DECLS
