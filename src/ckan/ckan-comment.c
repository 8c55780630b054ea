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

enum {
  PROP_0,
  PROP_ID,
  PROP_THREAD_ID,
  PROP_CONTENT,
  PROP_AUTHOR_ID,
  PROP_STATE,
  PROP_REPLY_TO_ID,
  PROP_CREATED_AT,
  PROP_MODIFIED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

  G_OBJECT_CLASS (klass)->get_property = ckan_record_get_member_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_THREAD_ID] =
    g_param_spec_string ("thread-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTENT] =
    g_param_spec_string ("content", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR_ID] =
    g_param_spec_string ("author-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPLY_TO_ID] =
    g_param_spec_string ("reply-to-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED_AT] =
    g_param_spec_boxed ("modified-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
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
