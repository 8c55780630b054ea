/* pub-comment-row.h: one comment of a thread, indented under the one it
 * answers
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ckan-comment.h"

G_BEGIN_DECLS

#define PUB_TYPE_COMMENT_ROW (pub_comment_row_get_type ())

G_DECLARE_FINAL_TYPE (PubCommentRow, pub_comment_row, PUB, COMMENT_ROW, GtkListBoxRow)

/* own: the user wrote it (may edit it while it awaits moderation).
 * can_approve: offer to approve it if it awaits moderation.
 * now: the moment times are told from. Signals "reply", "edit" and
 * "approve" (no arguments) ask the thread to act on the row's comment. */
GtkWidget   *pub_comment_row_new         (CkanComment *comment,
                                          guint        depth,
                                          gboolean     own,
                                          gboolean     can_approve,
                                          GDateTime   *now);
CkanComment *pub_comment_row_get_comment (PubCommentRow *self);

G_END_DECLS
