/* ckan-comment-thread.h: the comments on one dataset, resource, user or group
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-record.h"

G_BEGIN_DECLS

#define CKAN_TYPE_COMMENT_THREAD (ckan_comment_thread_get_type ())

G_DECLARE_FINAL_TYPE (CkanCommentThread, ckan_comment_thread, CKAN, COMMENT_THREAD, CkanRecord)

CkanCommentThread *ckan_comment_thread_new_from_json (JsonObject  *object,
                                                      GError     **error);

const char *ckan_comment_thread_get_id           (CkanCommentThread *self);
const char *ckan_comment_thread_get_subject_id   (CkanCommentThread *self);
/* "package", "resource", "user" or "group". */
const char *ckan_comment_thread_get_subject_type (CkanCommentThread *self);
GDateTime  *ckan_comment_thread_get_created_at   (CkanCommentThread *self);
/* Top-level CkanComment; with combine_comments, replies hang below them. */
GPtrArray  *ckan_comment_thread_get_comments     (CkanCommentThread *self);
/* Every comment of the tree, depth first. */
guint       ckan_comment_thread_count_comments   (CkanCommentThread *self);

G_END_DECLS
