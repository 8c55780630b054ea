/* ckan-comment.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-comment.h"

struct _CkanComment
{
  CkanRecord  parent_instance;

  CkanUser   *author;
  GPtrArray  *replies;
};

G_DEFINE_FINAL_TYPE (CkanComment, ckan_comment, CKAN_TYPE_RECORD)

static void
ckan_comment_parse (CkanRecord *record)
{
  CkanComment *self = CKAN_COMMENT (record);
  JsonObject *author = ckan_record_get_member_object (record, "author");

  g_clear_pointer (&self->replies, g_ptr_array_unref);
  self->replies = ckan_record_list_from_array (CKAN_TYPE_COMMENT,
                                               ckan_record_get_member_array (record, "replies"));
  g_clear_object (&self->author);
  if (author != NULL)
    self->author = ckan_user_new_from_json (author, NULL);
}

static void
ckan_comment_dispose (GObject *object)
{
  CkanComment *self = CKAN_COMMENT (object);

  g_clear_object (&self->author);
  g_clear_pointer (&self->replies, g_ptr_array_unref);

  G_OBJECT_CLASS (ckan_comment_parent_class)->dispose (object);
}

static void
ckan_comment_class_init (CkanCommentClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ckan_comment_dispose;
  CKAN_RECORD_CLASS (klass)->parse = ckan_comment_parse;
}

static void
ckan_comment_init (CkanComment *self)
{
  self->replies = g_ptr_array_new_with_free_func (g_object_unref);
}

CkanComment *
ckan_comment_new_from_json (JsonObject  *object,
                            GError     **error)
{
  return ckan_record_new_from_json (CKAN_TYPE_COMMENT, object, error);
}

const char *
ckan_comment_get_id (CkanComment *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "id");
}

const char *
ckan_comment_get_thread_id (CkanComment *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "thread_id");
}

const char *
ckan_comment_get_content (CkanComment *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "content");
}

const char *
ckan_comment_get_author_id (CkanComment *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "author_id");
}

const char *
ckan_comment_get_author_type (CkanComment *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "author_type");
}

const char *
ckan_comment_get_state (CkanComment *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "state");
}

const char *
ckan_comment_get_reply_to_id (CkanComment *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "reply_to_id");
}

/* Forks send only one of the two. */
gboolean
ckan_comment_is_approved (CkanComment *self)
{
  const char *state = ckan_comment_get_state (self);

  if (state != NULL)
    return g_strcmp0 (state, "approved") == 0;
  return ckan_record_get_boolean (CKAN_RECORD (self), "approved", FALSE);
}

JsonObject *
ckan_comment_get_extras (CkanComment *self)
{
  return ckan_record_get_member_object (CKAN_RECORD (self), "extras");
}

CkanUser *
ckan_comment_get_author (CkanComment *self)
{
  g_return_val_if_fail (CKAN_IS_COMMENT (self), NULL);
  return self->author;
}

GPtrArray *
ckan_comment_get_replies (CkanComment *self)
{
  g_return_val_if_fail (CKAN_IS_COMMENT (self), NULL);
  return self->replies;
}

GDateTime *
ckan_comment_get_created_at (CkanComment *self)
{
  return ckan_record_get_datetime (CKAN_RECORD (self), "created_at");
}

GDateTime *
ckan_comment_get_modified_at (CkanComment *self)
{
  return ckan_record_get_datetime (CKAN_RECORD (self), "modified_at");
}
