/* ckan-comment.h: a comment of ckanext-comments, with its replies as a tree
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-record.h"
#include "ckan-user.h"

G_BEGIN_DECLS

#define CKAN_TYPE_COMMENT (ckan_comment_get_type ())

G_DECLARE_FINAL_TYPE (CkanComment, ckan_comment, CKAN, COMMENT, CkanRecord)

CkanComment *ckan_comment_new_from_json (JsonObject  *object,
                                         GError     **error);

const char *ckan_comment_get_id          (CkanComment *self);
const char *ckan_comment_get_thread_id   (CkanComment *self);
const char *ckan_comment_get_content     (CkanComment *self);
const char *ckan_comment_get_author_id   (CkanComment *self);
/* "user" for accounts; plugins may add others. */
const char *ckan_comment_get_author_type (CkanComment *self);
/* "draft" (awaiting moderation) or "approved". */
const char *ckan_comment_get_state       (CkanComment *self);
gboolean    ckan_comment_is_approved     (CkanComment *self);
/* NULL for a comment that opens a conversation. */
const char *ckan_comment_get_reply_to_id (CkanComment *self);
GDateTime  *ckan_comment_get_created_at  (CkanComment *self);
GDateTime  *ckan_comment_get_modified_at (CkanComment *self);
/* The "extras" object, or NULL. */
JsonObject *ckan_comment_get_extras      (CkanComment *self);
/* Present when asked with include_author. */
CkanUser   *ckan_comment_get_author      (CkanComment *self);
/* CkanComment replies (combine_comments); never NULL. */
GPtrArray  *ckan_comment_get_replies     (CkanComment *self);

G_END_DECLS
