/* ckan-client-comments.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-client-action-private.h"
#include "ckan-client-comments.h"

#define COMMENT ckan_parse_record, ckan_comment_get_type, g_object_unref

/* ckanext-comments does not mark its show actions side-effect free: a GET
 * is refused with "Please use POST", so they go as a POST, yet are reads
 * that may be asked again. */
static const CkanActionInfo thread_show = { "comments_thread_show", CKAN_CALL_POST, ckan_parse_record, ckan_comment_thread_get_type, g_object_unref };
static const CkanActionInfo comment_create = { "comments_comment_create", CKAN_CALL_WRITE, COMMENT };
static const CkanActionInfo comment_update = { "comments_comment_update", CKAN_CALL_WRITE, COMMENT };
static const CkanActionInfo comment_approve = { "comments_comment_approve", CKAN_CALL_WRITE, NULL, NULL, NULL };
static const CkanActionInfo comment_delete = { "comments_comment_delete", CKAN_CALL_WRITE, NULL, NULL, NULL };

void
ckan_client_comments_thread_show_async (CkanClient          *self,
                                        const char          *subject_id,
                                        const char          *subject_type,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("subject_id", subject_id,
                                                  "subject_type", subject_type, NULL);

  g_return_if_fail (subject_id != NULL && subject_type != NULL);
  json_object_set_boolean_member (params, "include_comments", TRUE);
  json_object_set_boolean_member (params, "include_author", TRUE);
  json_object_set_boolean_member (params, "combine_comments", TRUE);
  ckan_client_action_async (self, &thread_show, params, cancellable, callback, user_data);
}

CkanCommentThread *
ckan_client_comments_thread_show_finish (CkanClient    *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return ckan_client_action_finish (self, result, &thread_show, error);
}

void
ckan_client_comments_comment_create_async (CkanClient          *self,
                                           const char          *subject_id,
                                           const char          *subject_type,
                                           const char          *content,
                                           const char          *reply_to_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("subject_id", subject_id,
                                                  "subject_type", subject_type,
                                                  "content", content,
                                                  "reply_to_id", reply_to_id, NULL);

  g_return_if_fail (subject_id != NULL && subject_type != NULL && content != NULL);
  json_object_set_boolean_member (params, "create_thread", TRUE);
  ckan_client_action_async (self, &comment_create, params, cancellable, callback, user_data);
}

CkanComment *
ckan_client_comments_comment_create_finish (CkanClient    *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  return ckan_client_action_finish (self, result, &comment_create, error);
}

void
ckan_client_comments_comment_update_async (CkanClient          *self,
                                           const char          *id,
                                           const char          *content,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("id", id, "content", content, NULL);

  g_return_if_fail (id != NULL && content != NULL);
  ckan_client_action_async (self, &comment_update, params, cancellable, callback, user_data);
}

CkanComment *
ckan_client_comments_comment_update_finish (CkanClient    *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  return ckan_client_action_finish (self, result, &comment_update, error);
}

void
ckan_client_comments_comment_approve_async (CkanClient          *self,
                                            const char          *id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("id", id, NULL);

  g_return_if_fail (id != NULL);
  ckan_client_action_async (self, &comment_approve, params, cancellable, callback, user_data);
}

gboolean
ckan_client_comments_comment_approve_finish (CkanClient    *self,
                                             GAsyncResult  *result,
                                             GError       **error)
{
  return ckan_client_action_finish_boolean (self, result, &comment_approve, error);
}

void
ckan_client_comments_comment_delete_async (CkanClient          *self,
                                           const char          *id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("id", id, NULL);

  g_return_if_fail (id != NULL);
  ckan_client_action_async (self, &comment_delete, params, cancellable, callback, user_data);
}

gboolean
ckan_client_comments_comment_delete_finish (CkanClient    *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  return ckan_client_action_finish_boolean (self, result, &comment_delete, error);
}
