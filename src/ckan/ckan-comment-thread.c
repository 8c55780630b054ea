/* ckan-comment-thread.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-comment.h"
#include "ckan-comment-thread.h"

struct _CkanCommentThread
{
  CkanRecord  parent_instance;

  GPtrArray  *comments;
};

G_DEFINE_FINAL_TYPE (CkanCommentThread, ckan_comment_thread, CKAN_TYPE_RECORD)

static void
ckan_comment_thread_parse (CkanRecord *record)
{
  CkanCommentThread *self = CKAN_COMMENT_THREAD (record);

  g_clear_pointer (&self->comments, g_ptr_array_unref);
  self->comments = ckan_record_list_from_array (CKAN_TYPE_COMMENT,
                                                ckan_record_get_member_array (record, "comments"));
}

static void
ckan_comment_thread_dispose (GObject *object)
{
  CkanCommentThread *self = CKAN_COMMENT_THREAD (object);

  g_clear_pointer (&self->comments, g_ptr_array_unref);

  G_OBJECT_CLASS (ckan_comment_thread_parent_class)->dispose (object);
}

static void
ckan_comment_thread_class_init (CkanCommentThreadClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ckan_comment_thread_dispose;
  CKAN_RECORD_CLASS (klass)->parse = ckan_comment_thread_parse;
}

static void
ckan_comment_thread_init (CkanCommentThread *self)
{
  self->comments = g_ptr_array_new_with_free_func (g_object_unref);
}

CkanCommentThread *
ckan_comment_thread_new_from_json (JsonObject  *object,
                                   GError     **error)
{
  return ckan_record_new_from_json (CKAN_TYPE_COMMENT_THREAD, object, error);
}

GPtrArray *
ckan_comment_thread_get_comments (CkanCommentThread *self)
{
  g_return_val_if_fail (CKAN_IS_COMMENT_THREAD (self), NULL);
  return self->comments;
}

static guint
count_tree (GPtrArray *comments)
{
  guint count = comments->len;

  for (guint i = 0; i < comments->len; i++)
    count += count_tree (ckan_comment_get_replies (g_ptr_array_index (comments, i)));
  return count;
}

guint
ckan_comment_thread_count_comments (CkanCommentThread *self)
{
  g_return_val_if_fail (CKAN_IS_COMMENT_THREAD (self), 0);
  return count_tree (self->comments);
}

const char *
ckan_comment_thread_get_id (CkanCommentThread *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "id");
}

const char *
ckan_comment_thread_get_subject_id (CkanCommentThread *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "subject_id");
}

const char *
ckan_comment_thread_get_subject_type (CkanCommentThread *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "subject_type");
}

GDateTime *
ckan_comment_thread_get_created_at (CkanCommentThread *self)
{
  return ckan_record_get_datetime (CKAN_RECORD (self), "created_at");
}
