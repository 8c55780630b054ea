/* test-portal-comments.c: ckanext-comments threads and comments
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-portal-private.h"

#include <string.h>

static const char *const subject_types[] = { "package", "resource", "user", "group", NULL };

static JsonObject *
find_thread (PubTestPortal *self,
             const char    *subject_id,
             const char    *subject_type)
{
  for (guint i = 0; i < self->threads->len; i++)
    {
      JsonObject *thread = self->threads->pdata[i];

      if (g_strcmp0 (portal_object_string (thread, "subject_id"), subject_id) == 0 &&
          g_strcmp0 (portal_object_string (thread, "subject_type"), subject_type) == 0)
        return thread;
    }
  return NULL;
}

static JsonObject *
find_comment (PubTestPortal *self,
              const char    *id)
{
  for (guint i = 0; id && i < self->comments->len; i++)
    if (g_strcmp0 (portal_object_string (self->comments->pdata[i], "id"), id) == 0)
      return self->comments->pdata[i];
  return NULL;
}

static gboolean
is_moderator (PortalUser *user)
{
  return user && user->sysadmin;
}

static gboolean
can_see_comment (PortalCall *call,
                 JsonObject *comment)
{
  if (g_strcmp0 (portal_object_string (comment, "state"), "approved") == 0)
    return TRUE;
  if (is_moderator (call->user))
    return TRUE;
  return call->user && g_strcmp0 (portal_object_string (comment, "author_id"), call->user->id) == 0;
}

static JsonObject *
new_thread (PubTestPortal *self,
            const char    *subject_id,
            const char    *subject_type)
{
  JsonObject *thread = json_object_new ();
  g_autofree char *now = portal_now ();

  portal_set_uuid (thread, "id");
  json_object_set_string_member (thread, "subject_id", subject_id);
  json_object_set_string_member (thread, "subject_type", subject_type);
  json_object_set_string_member (thread, "created_at", now);
  g_ptr_array_add (self->threads, thread);
  return thread;
}

/* Both subject keys present and the subject type known. */
static gboolean
read_subject (PortalCall  *call,
              const char **subject_id,
              const char **subject_type)
{
  *subject_id = portal_param_string (call, "subject_id");
  *subject_type = portal_param_string (call, "subject_type");
  if (!*subject_id || !**subject_id)
    portal_call_field_error (call, "subject_id", "Missing value");
  if (!*subject_type || !**subject_type)
    portal_call_field_error (call, "subject_type", "Missing value");
  else if (!g_strv_contains (subject_types, *subject_type))
    portal_call_field_error (call, "subject_type", "Value must be one of: package, resource, user, group");
  return !portal_call_failed (call);
}

/* A dataset subject must be readable by the caller. */
static gboolean
may_see_subject (PubTestPortal *self,
                 PortalCall    *call,
                 const char    *subject_id,
                 const char    *subject_type)
{
  JsonObject *dataset = NULL;

  if (g_str_equal (subject_type, "package"))
    dataset = portal_find_dataset (self, subject_id);
  else if (g_str_equal (subject_type, "resource"))
    portal_find_resource (self, subject_id, &dataset);
  if (!dataset || portal_can_read_dataset (self, call->user, dataset))
    return TRUE;
  portal_call_deny (call, NULL);
  return FALSE;
}

static JsonObject *
dictize_comment (PubTestPortal *self,
                 JsonObject    *comment,
                 gboolean       include_author)
{
  JsonObject *out = portal_json_object_copy (comment);

  json_object_set_boolean_member (out, "approved",
                                  g_strcmp0 (portal_object_string (comment, "state"), "approved") == 0);
  if (include_author)
    {
      PortalUser *author = portal_find_user (self, portal_object_string (comment, "author_id"));

      if (author)
        json_object_set_object_member (out, "author", portal_dictize_user (self, author, FALSE));
      else
        json_object_set_null_member (out, "author");
    }
  return out;
}

static gint
compare_created (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (portal_object_string (*(JsonObject * const *) a, "created_at"),
                    portal_object_string (*(JsonObject * const *) b, "created_at"));
}

static JsonArray *
thread_comments (PubTestPortal *self,
                 PortalCall    *call,
                 JsonObject    *thread)
{
  gboolean include_author = portal_param_bool (call, "include_author", FALSE);
  gboolean combine = portal_param_bool (call, "combine_comments", FALSE);
  gboolean newest_first = portal_param_bool (call, "newest_first", FALSE);
  const char *after = portal_param_string (call, "after_date");
  g_autoptr(GPtrArray) visible = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *result = json_array_new ();

  for (guint i = 0; i < self->comments->len; i++)
    {
      JsonObject *comment = self->comments->pdata[i];

      if (g_strcmp0 (portal_object_string (comment, "thread_id"), portal_object_string (thread, "id")) != 0 ||
          !can_see_comment (call, comment))
        continue;
      if (after && g_strcmp0 (portal_object_string (comment, "created_at"), after) <= 0)
        continue;
      g_ptr_array_add (visible, dictize_comment (self, comment, include_author));
    }
  g_ptr_array_sort (visible, compare_created);
  if (newest_first)
    for (guint i = 0; i < visible->len / 2; i++)
      {
        gpointer tmp = visible->pdata[i];

        visible->pdata[i] = visible->pdata[visible->len - 1 - i];
        visible->pdata[visible->len - 1 - i] = tmp;
      }
  for (guint i = 0; i < visible->len; i++)
    {
      JsonObject *comment = visible->pdata[i];

      g_hash_table_insert (by_id, (gpointer) portal_object_string (comment, "id"), comment);
      if (combine)
        json_object_set_array_member (comment, "replies", json_array_new ());
    }
  for (guint i = 0; i < visible->len; i++)
    {
      JsonObject *comment = visible->pdata[i];
      JsonObject *parent = combine ? g_hash_table_lookup (by_id, portal_object_string (comment, "reply_to_id") ?
                                                                 portal_object_string (comment, "reply_to_id") : "")
                                   : NULL;

      if (parent)
        json_array_add_object_element (portal_object_array (parent, "replies"), json_object_ref (comment));
      else
        json_array_add_object_element (result, json_object_ref (comment));
    }
  return result;
}

static JsonNode *
comments_thread_show (PubTestPortal *self,
                      PortalCall    *call)
{
  const char *subject_id, *subject_type;
  JsonObject *thread;
  JsonObject *out;

  if (!read_subject (call, &subject_id, &subject_type))
    return NULL;
  if (!may_see_subject (self, call, subject_id, subject_type))
    return NULL;
  thread = find_thread (self, subject_id, subject_type);
  if (!thread && !portal_param_bool (call, "init_missing", FALSE))
    {
      portal_call_not_found (call, "Thread not found");
      return NULL;
    }
  if (!thread)
    {
      /* init_missing: a thread that is not saved until someone comments. */
      out = json_object_new ();
      json_object_set_null_member (out, "id");
      json_object_set_string_member (out, "subject_id", subject_id);
      json_object_set_string_member (out, "subject_type", subject_type);
      json_object_set_null_member (out, "created_at");
      if (portal_param_bool (call, "include_comments", FALSE))
        json_object_set_array_member (out, "comments", json_array_new ());
      return portal_node_object (out);
    }
  out = portal_json_object_copy (thread);
  if (portal_param_bool (call, "include_comments", FALSE))
    json_object_set_array_member (out, "comments", thread_comments (self, call, thread));
  return portal_node_object (out);
}

static JsonNode *
comments_thread_create (PubTestPortal *self,
                        PortalCall    *call)
{
  const char *subject_id, *subject_type;

  if (!read_subject (call, &subject_id, &subject_type))
    return NULL;
  if (!portal_call_require_user (call) || !may_see_subject (self, call, subject_id, subject_type))
    return NULL;
  if (find_thread (self, subject_id, subject_type))
    {
      portal_call_field_error (call, "subject_id", "Thread for the subject already exists");
      return NULL;
    }
  return portal_node_object (portal_json_object_copy (new_thread (self, subject_id, subject_type)));
}

static JsonNode *
comments_comment_create (PubTestPortal *self,
                         PortalCall    *call)
{
  const char *content = portal_param_string (call, "content");
  const char *reply_to = portal_param_string (call, "reply_to_id");
  JsonNode *extras = portal_param_json (call, "extras");
  const char *subject_id, *subject_type;
  JsonObject *thread;
  JsonObject *comment;
  g_autofree char *now = portal_now ();

  if (!content || !*content)
    portal_call_field_error (call, "content", "Missing value");
  if (!read_subject (call, &subject_id, &subject_type))
    return NULL;
  if (!call->user)
    {
      /* ckanext-comments 0.3.1 crashes on an anonymous author (observed). */
      portal_call_fail (call, 500, "Internal Server Error", "Internal Server Error");
      return NULL;
    }
  if (!may_see_subject (self, call, subject_id, subject_type))
    return NULL;
  thread = find_thread (self, subject_id, subject_type);
  if (!thread && !portal_param_bool (call, "create_thread", FALSE))
    {
      portal_call_not_found (call, "Thread not found");
      return NULL;
    }
  if (reply_to && *reply_to)
    {
      JsonObject *parent = find_comment (self, reply_to);

      if (!parent)
        {
          portal_call_not_found (call, "Reply parent not found");
          return NULL;
        }
      if (!can_see_comment (call, parent))
        {
          portal_call_deny (call, NULL);
          return NULL;
        }
      if (!thread || g_strcmp0 (portal_object_string (parent, "thread_id"), portal_object_string (thread, "id")) != 0)
        {
          portal_call_field_error (call, "reply_to_id", "Reply parent must belong to the same thread");
          return NULL;
        }
    }
  if (!thread)
    thread = new_thread (self, subject_id, subject_type);

  comment = json_object_new ();
  portal_set_uuid (comment, "id");
  json_object_set_string_member (comment, "thread_id", portal_object_string (thread, "id"));
  json_object_set_string_member (comment, "content", content);
  json_object_set_string_member (comment, "author_id", call->user->id);
  json_object_set_string_member (comment, "author_type",
                                 portal_param_string (call, "author_type") ? portal_param_string (call, "author_type")
                                                                           : "user");
  json_object_set_string_member (comment, "state", self->require_approval ? "draft" : "approved");
  json_object_set_string_member (comment, "reply_to_id", reply_to && *reply_to ? reply_to : NULL);
  json_object_set_string_member (comment, "created_at", now);
  json_object_set_null_member (comment, "modified_at");
  json_object_set_member (comment, "extras", extras && JSON_NODE_HOLDS_OBJECT (extras)
                                             ? portal_json_copy (extras)
                                             : json_node_init_object (json_node_alloc (), json_object_new ()));
  g_ptr_array_add (self->comments, comment);
  return portal_node_object (dictize_comment (self, comment, FALSE));
}

/* The comment of "id", visible to the caller; NULL with the call failed. */
static JsonObject *
comment_for (PubTestPortal *self,
             PortalCall    *call)
{
  const char *id = portal_param_string (call, "id");
  JsonObject *comment;

  if (!id || !*id)
    {
      portal_call_field_error (call, "id", "Missing value");
      return NULL;
    }
  comment = find_comment (self, id);
  if (!comment)
    {
      portal_call_not_found (call, "Comment not found");
      return NULL;
    }
  if (!can_see_comment (call, comment))
    {
      portal_call_deny (call, NULL);
      return NULL;
    }
  return comment;
}

static JsonNode *
comments_comment_show (PubTestPortal *self,
                       PortalCall    *call)
{
  JsonObject *comment = comment_for (self, call);

  if (!comment)
    return NULL;
  return portal_node_object (dictize_comment (self, comment, portal_param_bool (call, "include_author", FALSE)));
}

static gboolean
is_author_or_moderator (PortalCall *call,
                        JsonObject *comment)
{
  if (!portal_call_require_user (call))
    return FALSE;
  if (is_moderator (call->user) ||
      g_strcmp0 (portal_object_string (comment, "author_id"), call->user->id) == 0)
    return TRUE;
  portal_call_deny (call, NULL);
  return FALSE;
}

static JsonNode *
comments_comment_update (PubTestPortal *self,
                         PortalCall    *call)
{
  JsonObject *comment = comment_for (self, call);
  const char *content = portal_param_string (call, "content");
  g_autofree char *now = portal_now ();

  if (!comment || !is_author_or_moderator (call, comment))
    return NULL;
  /* Authors edit their comments only while they await approval. */
  if (!is_moderator (call->user) && g_strcmp0 (portal_object_string (comment, "state"), "approved") == 0)
    {
      portal_call_deny (call, NULL);
      return NULL;
    }
  if (!content || !*content)
    {
      portal_call_field_error (call, "content", "Missing value");
      return NULL;
    }
  json_object_set_string_member (comment, "content", content);
  json_object_set_string_member (comment, "modified_at", now);
  return portal_node_object (dictize_comment (self, comment, FALSE));
}

static JsonNode *
comments_comment_approve (PubTestPortal *self,
                          PortalCall    *call)
{
  JsonObject *comment = comment_for (self, call);

  if (!comment)
    return NULL;
  if (!portal_call_require_user (call))
    return NULL;
  /* By default only sysadmins moderate, organization admins included. */
  if (!is_moderator (call->user))
    {
      portal_call_deny (call, NULL);
      return NULL;
    }
  json_object_set_string_member (comment, "state", "approved");
  return portal_node_object (dictize_comment (self, comment, FALSE));
}

static JsonNode *
comments_comment_delete (PubTestPortal *self,
                         PortalCall    *call)
{
  JsonObject *comment = comment_for (self, call);
  JsonObject *out;

  if (!comment || !is_author_or_moderator (call, comment))
    return NULL;
  out = dictize_comment (self, comment, FALSE);
  g_ptr_array_remove (self->comments, comment);
  return portal_node_object (out);
}

/* Each {dataset, author (user name), content, reply_to (index of an
 * earlier entry), state (default approved), created_at}. */
gboolean
portal_load_fixture_comments (PubTestPortal  *self,
                              JsonArray      *comments,
                              GError        **error)
{
  g_autoptr(GPtrArray) loaded = g_ptr_array_new ();

  for (guint i = 0; comments && i < json_array_get_length (comments); i++)
    {
      JsonObject *entry = json_array_get_object_element (comments, i);
      JsonObject *dataset = entry ? portal_find_dataset (self, portal_object_string (entry, "dataset")) : NULL;
      PortalUser *author = entry ? portal_find_user (self, portal_object_string (entry, "author")) : NULL;
      const char *dataset_id = dataset ? portal_object_string (dataset, "id") : NULL;
      gint64 reply_to = entry ? json_object_get_int_member_with_default (entry, "reply_to", -1) : -1;
      g_autofree char *now = portal_now ();
      JsonObject *thread;
      JsonObject *comment;

      if (!dataset || !author || reply_to >= (gint64) loaded->len)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "fixture comment %u is invalid", i);
          return FALSE;
        }
      thread = find_thread (self, dataset_id, "package");
      if (!thread)
        thread = new_thread (self, dataset_id, "package");
      comment = json_object_new ();
      portal_set_uuid (comment, "id");
      json_object_set_string_member (comment, "thread_id", portal_object_string (thread, "id"));
      json_object_set_string_member (comment, "content", portal_object_string (entry, "content"));
      json_object_set_string_member (comment, "author_id", author->id);
      json_object_set_string_member (comment, "author_type", "user");
      json_object_set_string_member (comment, "state", portal_object_string (entry, "state")
                                                       ? portal_object_string (entry, "state") : "approved");
      json_object_set_string_member (comment, "reply_to_id",
                                     reply_to >= 0 ? portal_object_string (loaded->pdata[reply_to], "id") : NULL);
      json_object_set_string_member (comment, "created_at", portal_object_string (entry, "created_at")
                                                            ? portal_object_string (entry, "created_at") : now);
      json_object_set_null_member (comment, "modified_at");
      json_object_set_object_member (comment, "extras", json_object_new ());
      g_ptr_array_add (self->comments, comment);
      g_ptr_array_add (loaded, comment);
    }
  return TRUE;
}

/* ckanext-comments' actions are not side-effect free: POST only. */
const PortalAction portal_comment_actions[] = {
  { "comments_thread_show", comments_thread_show, FALSE, "comments" },
  { "comments_thread_create", comments_thread_create, FALSE, "comments" },
  { "comments_comment_create", comments_comment_create, FALSE, "comments" },
  { "comments_comment_show", comments_comment_show, FALSE, "comments" },
  { "comments_comment_update", comments_comment_update, FALSE, "comments" },
  { "comments_comment_approve", comments_comment_approve, FALSE, "comments" },
  { "comments_comment_delete", comments_comment_delete, FALSE, "comments" },
  { NULL, NULL, FALSE, NULL },
};
