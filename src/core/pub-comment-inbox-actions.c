/* pub-comment-inbox-actions.c: replying, editing and approving, kept in
 * the inbox at once
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-client-comments.h"
#include "pub-comment-inbox-private.h"

typedef struct
{
  PubCommentInboxItem *item;
  char                *comment_id;   /* the one replied to, edited or approved */
} Change;

static void
change_free (Change *change)
{
  g_clear_object (&change->item);
  g_free (change->comment_id);
  g_free (change);
}

static GTask *
change_task_new (PubCommentInbox     *self,
                 PubCommentInboxItem *item,
                 const char          *comment_id,
                 gpointer             source_tag,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Change *change = g_new0 (Change, 1);

  change->item = g_object_ref (item);
  change->comment_id = g_strdup (comment_id);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, change, (GDestroyNotify) change_free);
  return task;
}

static JsonObject *
find_in_tree (JsonArray  *comments,
              const char *id)
{
  for (guint i = 0; comments != NULL && i < json_array_get_length (comments); i++)
    {
      JsonNode *node = json_array_get_element (comments, i);
      JsonObject *comment = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *replies;
      JsonObject *found;

      if (comment == NULL)
        continue;
      if (g_strcmp0 (ckan_json_object_get_string_lenient (comment, "id"), id) == 0)
        return comment;
      replies = json_object_get_member (comment, "replies");
      found = replies && JSON_NODE_HOLDS_ARRAY (replies) ? find_in_tree (json_node_get_array (replies), id) : NULL;
      if (found != NULL)
        return found;
    }
  return NULL;
}

static JsonArray *
tree_of (JsonObject *thread)
{
  JsonNode *comments = json_object_get_member (thread, "comments");

  if (comments == NULL || !JSON_NODE_HOLDS_ARRAY (comments))
    {
      json_object_set_array_member (thread, "comments", json_array_new ());
      comments = json_object_get_member (thread, "comments");
    }
  return json_node_get_array (comments);
}

/* The item takes the changed copy of its thread, judged anew. */
static void
apply (PubCommentInbox     *self,
       PubCommentInboxItem *item,
       JsonObject          *thread_json)
{
  g_autoptr(CkanCommentThread) thread = ckan_comment_thread_new_from_json (thread_json, NULL);

  if (thread == NULL)
    return;
  pub_comment_inbox_item_set_thread (item, thread,
                                     pub_comment_inbox_compute_unanswered (self,
                                                                           pub_comment_inbox_item_get_organization_id (item),
                                                                           thread));
  if (pub_comment_inbox_find (self, pub_comment_inbox_item_get_dataset_id (item)) == item)
    pub_comment_inbox_place_item (self, item);
  pub_comment_inbox_update_counts (self);
  pub_comment_inbox_save_cache (self);
}

static JsonObject *
thread_json_for (PubCommentInboxItem *item)
{
  CkanCommentThread *thread = pub_comment_inbox_item_get_thread (item);

  if (thread != NULL)
    return ckan_record_to_json (CKAN_RECORD (thread));
  return json_object_new ();
}

static void
create_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PubCommentInbox *self = g_task_get_source_object (task);
  Change *change = g_task_get_task_data (task);
  PubAccount *account = self->account;
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanComment) comment = NULL;
  g_autoptr(JsonObject) thread_json = NULL;
  JsonObject *comment_json;
  JsonObject *author;
  JsonObject *parent;

  g_assert (G_IS_TASK (task));
  comment = ckan_client_comments_comment_create_finish (CKAN_CLIENT (source), result, &error);
  if (comment == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* comments_comment_create answers without the author; the user is. */
  comment_json = ckan_record_to_json (CKAN_RECORD (comment));
  author = json_object_new ();
  json_object_set_string_member (author, "id", pub_account_get_user_id (account));
  json_object_set_string_member (author, "name", pub_account_get_user_name (account));
  json_object_set_string_member (author, "fullname", pub_account_get_display_name (account));
  json_object_set_object_member (comment_json, "author", author);
  if (!json_object_has_member (comment_json, "replies"))
    json_object_set_array_member (comment_json, "replies", json_array_new ());

  thread_json = thread_json_for (change->item);
  parent = change->comment_id ? find_in_tree (tree_of (thread_json), change->comment_id) : NULL;
  if (parent != NULL)
    {
      if (!json_object_has_member (parent, "replies") ||
          !JSON_NODE_HOLDS_ARRAY (json_object_get_member (parent, "replies")))
        json_object_set_array_member (parent, "replies", json_array_new ());
      json_array_add_object_element (json_object_get_array_member (parent, "replies"), comment_json);
    }
  else
    {
      json_array_add_object_element (tree_of (thread_json), comment_json);
    }
  if (self->known_comments != NULL && ckan_comment_get_id (comment) != NULL)
    g_hash_table_add (self->known_comments, g_strdup (ckan_comment_get_id (comment)));
  apply (self, change->item, thread_json);
  g_task_return_pointer (task, g_steal_pointer (&comment), g_object_unref);
}

void
pub_comment_inbox_reply_async (PubCommentInbox     *self,
                               PubCommentInboxItem *item,
                               const char          *reply_to_id,
                               const char          *content,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PUB_IS_COMMENT_INBOX (self));
  g_return_if_fail (PUB_IS_COMMENT_INBOX_ITEM (item));
  g_return_if_fail (content != NULL);

  task = change_task_new (self, item, reply_to_id, pub_comment_inbox_reply_async, cancellable, callback, user_data);
  ckan_client_comments_comment_create_async (pub_account_get_client (self->account),
                                             pub_comment_inbox_item_get_dataset_id (item), "package",
                                             content, reply_to_id, cancellable, create_cb, task);
}

CkanComment *
pub_comment_inbox_reply_finish (PubCommentInbox  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
update_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PubCommentInbox *self = g_task_get_source_object (task);
  Change *change = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanComment) comment = NULL;
  g_autoptr(JsonObject) thread_json = NULL;
  JsonObject *target;

  g_assert (G_IS_TASK (task));
  comment = ckan_client_comments_comment_update_finish (CKAN_CLIENT (source), result, &error);
  if (comment == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  thread_json = thread_json_for (change->item);
  target = find_in_tree (tree_of (thread_json), change->comment_id);
  if (target != NULL)
    {
      g_autoptr(JsonObject) fresh = ckan_record_to_json (CKAN_RECORD (comment));

      json_object_set_string_member (target, "content", ckan_comment_get_content (comment));
      if (json_object_has_member (fresh, "modified_at"))
        json_object_set_member (target, "modified_at", json_node_copy (json_object_get_member (fresh, "modified_at")));
      if (json_object_has_member (fresh, "state"))
        json_object_set_member (target, "state", json_node_copy (json_object_get_member (fresh, "state")));
      apply (self, change->item, thread_json);
    }
  g_task_return_pointer (task, g_steal_pointer (&comment), g_object_unref);
}

void
pub_comment_inbox_edit_async (PubCommentInbox     *self,
                              PubCommentInboxItem *item,
                              const char          *comment_id,
                              const char          *content,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PUB_IS_COMMENT_INBOX (self));
  g_return_if_fail (PUB_IS_COMMENT_INBOX_ITEM (item));
  g_return_if_fail (comment_id != NULL && content != NULL);

  task = change_task_new (self, item, comment_id, pub_comment_inbox_edit_async, cancellable, callback, user_data);
  ckan_client_comments_comment_update_async (pub_account_get_client (self->account), comment_id, content,
                                             cancellable, update_cb, task);
}

CkanComment *
pub_comment_inbox_edit_finish (PubCommentInbox  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
approve_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PubCommentInbox *self = g_task_get_source_object (task);
  Change *change = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) thread_json = NULL;
  JsonObject *target;

  g_assert (G_IS_TASK (task));
  if (!ckan_client_comments_comment_approve_finish (CKAN_CLIENT (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  thread_json = thread_json_for (change->item);
  target = find_in_tree (tree_of (thread_json), change->comment_id);
  if (target != NULL)
    {
      json_object_set_string_member (target, "state", "approved");
      json_object_set_boolean_member (target, "approved", TRUE);
      apply (self, change->item, thread_json);
    }
  g_task_return_boolean (task, TRUE);
}

void
pub_comment_inbox_approve_async (PubCommentInbox     *self,
                                 PubCommentInboxItem *item,
                                 const char          *comment_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PUB_IS_COMMENT_INBOX (self));
  g_return_if_fail (PUB_IS_COMMENT_INBOX_ITEM (item));
  g_return_if_fail (comment_id != NULL);

  task = change_task_new (self, item, comment_id, pub_comment_inbox_approve_async, cancellable, callback, user_data);
  ckan_client_comments_comment_approve_async (pub_account_get_client (self->account), comment_id,
                                              cancellable, approve_cb, task);
}

gboolean
pub_comment_inbox_approve_finish (PubCommentInbox  *self,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
