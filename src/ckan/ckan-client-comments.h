/* ckan-client-comments.h: ckanext-comments threads and comments
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-client.h"
#include "ckan-comment.h"
#include "ckan-comment-thread.h"

G_BEGIN_DECLS

/* comments_thread_show with comments, authors and replies as a tree.
 * subject_type: "package", "resource", "user" or "group". A subject nobody
 * commented on yet: CKAN_ERROR_NOT_FOUND. */
void               ckan_client_comments_thread_show_async     (CkanClient          *self,
                                                               const char          *subject_id,
                                                               const char          *subject_type,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
CkanCommentThread *ckan_client_comments_thread_show_finish    (CkanClient          *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

/* comments_comment_create, opening the thread if needed; reply_to_id NULL
 * for a new conversation. New comments may wait for moderation (draft). */
void               ckan_client_comments_comment_create_async  (CkanClient          *self,
                                                               const char          *subject_id,
                                                               const char          *subject_type,
                                                               const char          *content,
                                                               const char          *reply_to_id,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
CkanComment       *ckan_client_comments_comment_create_finish (CkanClient          *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

/* comments_comment_update: new content. */
void               ckan_client_comments_comment_update_async  (CkanClient          *self,
                                                               const char          *id,
                                                               const char          *content,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
CkanComment       *ckan_client_comments_comment_update_finish (CkanClient          *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

/* comments_comment_approve; by default only sysadmins may (else
 * CKAN_ERROR_AUTHORIZATION). */
void               ckan_client_comments_comment_approve_async  (CkanClient          *self,
                                                                const char          *id,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
gboolean           ckan_client_comments_comment_approve_finish (CkanClient          *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);

/* comments_comment_delete. */
void               ckan_client_comments_comment_delete_async  (CkanClient          *self,
                                                               const char          *id,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
gboolean           ckan_client_comments_comment_delete_finish (CkanClient          *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

G_END_DECLS
