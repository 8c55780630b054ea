/* pub-comment-inbox-item.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-comment.h"
#include "pub-comment-inbox-item.h"

struct _PubCommentInboxItem
{
  GObject                    parent_instance;

  char                      *dataset_id;
  char                      *dataset_name;
  char                      *dataset_title;
  char                      *organization_id;
  CkanCommentThread         *thread;
  CkanComment               *last_comment;  /* inside thread */
  /* Until the thread is asked for: its JSON, and the newest comment. */
  JsonObject                *thread_json;
  GDateTime                 *json_last_time;
  char                      *json_last_author;
  char                      *json_last_author_id;
  char                      *json_last_content;
  guint                      json_count;
  PubCommentInboxItemStatus  status;
  gboolean                   unanswered;
};

G_DEFINE_ENUM_TYPE (PubCommentInboxItemStatus, pub_comment_inbox_item_status,
                    G_DEFINE_ENUM_VALUE (PUB_COMMENT_INBOX_ITEM_LOADED, "loaded"),
                    G_DEFINE_ENUM_VALUE (PUB_COMMENT_INBOX_ITEM_LOADING, "loading"),
                    G_DEFINE_ENUM_VALUE (PUB_COMMENT_INBOX_ITEM_FAILED, "failed"))

G_DEFINE_FINAL_TYPE (PubCommentInboxItem, pub_comment_inbox_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATASET_ID,
  PROP_DATASET_NAME,
  PROP_DATASET_TITLE,
  PROP_THREAD,
  PROP_STATUS,
  PROP_UNANSWERED,
  PROP_LAST_ACTIVITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pub_comment_inbox_item_finalize (GObject *object)
{
  PubCommentInboxItem *self = PUB_COMMENT_INBOX_ITEM (object);

  g_free (self->dataset_id);
  g_free (self->dataset_name);
  g_free (self->dataset_title);
  g_free (self->organization_id);
  g_clear_object (&self->thread);
  g_clear_pointer (&self->thread_json, json_object_unref);
  g_clear_pointer (&self->json_last_time, g_date_time_unref);
  g_free (self->json_last_author);
  g_free (self->json_last_author_id);
  g_free (self->json_last_content);

  G_OBJECT_CLASS (pub_comment_inbox_item_parent_class)->finalize (object);
}

static void
pub_comment_inbox_item_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PubCommentInboxItem *self = PUB_COMMENT_INBOX_ITEM (object);

  switch (prop_id)
    {
    case PROP_DATASET_ID: g_value_set_string (value, self->dataset_id); break;
    case PROP_DATASET_NAME: g_value_set_string (value, self->dataset_name); break;
    case PROP_DATASET_TITLE: g_value_set_string (value, pub_comment_inbox_item_get_dataset_title (self)); break;
    case PROP_THREAD: g_value_set_object (value, pub_comment_inbox_item_get_thread (self)); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_UNANSWERED: g_value_set_boolean (value, self->unanswered); break;
    case PROP_LAST_ACTIVITY: g_value_set_boxed (value, pub_comment_inbox_item_get_last_activity (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_comment_inbox_item_class_init (PubCommentInboxItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pub_comment_inbox_item_finalize;
  object_class->get_property = pub_comment_inbox_item_get_property;

  properties[PROP_DATASET_ID] =
    g_param_spec_string ("dataset-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASET_NAME] =
    g_param_spec_string ("dataset-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASET_TITLE] =
    g_param_spec_string ("dataset-title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_THREAD] =
    g_param_spec_object ("thread", NULL, NULL, CKAN_TYPE_COMMENT_THREAD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, PUB_TYPE_COMMENT_INBOX_ITEM_STATUS,
                       PUB_COMMENT_INBOX_ITEM_LOADED, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNANSWERED] =
    g_param_spec_boolean ("unanswered", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ACTIVITY] =
    g_param_spec_boxed ("last-activity", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pub_comment_inbox_item_init (PubCommentInboxItem *self)
{
}

PubCommentInboxItem *
pub_comment_inbox_item_new (const char *dataset_id,
                            const char *dataset_name,
                            const char *dataset_title,
                            const char *organization_id)
{
  PubCommentInboxItem *self;

  g_return_val_if_fail (dataset_id != NULL, NULL);

  self = g_object_new (PUB_TYPE_COMMENT_INBOX_ITEM, NULL);
  self->dataset_id = g_strdup (dataset_id);
  self->dataset_name = g_strdup (dataset_name);
  self->dataset_title = g_strdup (dataset_title);
  self->organization_id = g_strdup (organization_id);
  return self;
}

const char *
pub_comment_inbox_item_get_dataset_id (PubCommentInboxItem *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX_ITEM (self), NULL);
  return self->dataset_id;
}

const char *
pub_comment_inbox_item_get_dataset_name (PubCommentInboxItem *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX_ITEM (self), NULL);
  return self->dataset_name;
}

/* A dataset may have no title: its name is what the portal shows then. */
const char *
pub_comment_inbox_item_get_dataset_title (PubCommentInboxItem *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX_ITEM (self), NULL);
  if (self->dataset_title != NULL && *self->dataset_title != '\0')
    return self->dataset_title;
  return self->dataset_name != NULL ? self->dataset_name : self->dataset_id;
}

const char *
pub_comment_inbox_item_get_organization_id (PubCommentInboxItem *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX_ITEM (self), NULL);
  return self->organization_id;
}

void
pub_comment_inbox_item_set_dataset (PubCommentInboxItem *self,
                                    const char          *dataset_name,
                                    const char          *dataset_title,
                                    const char          *organization_id)
{
  g_return_if_fail (PUB_IS_COMMENT_INBOX_ITEM (self));

  g_free (self->organization_id);
  self->organization_id = g_strdup (organization_id);
  if (g_strcmp0 (self->dataset_name, dataset_name) != 0)
    {
      g_free (self->dataset_name);
      self->dataset_name = g_strdup (dataset_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET_NAME]);
    }
  if (g_strcmp0 (self->dataset_title, dataset_title) != 0)
    {
      g_free (self->dataset_title);
      self->dataset_title = g_strdup (dataset_title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET_TITLE]);
    }
}

static void find_newest (GPtrArray    *comments,
                         CkanComment **newest);

static void
clear_json (PubCommentInboxItem *self)
{
  g_clear_pointer (&self->thread_json, json_object_unref);
  g_clear_pointer (&self->json_last_time, g_date_time_unref);
  g_clear_pointer (&self->json_last_author, g_free);
  g_clear_pointer (&self->json_last_author_id, g_free);
  g_clear_pointer (&self->json_last_content, g_free);
  self->json_count = 0;
}

CkanCommentThread *
pub_comment_inbox_item_get_thread (PubCommentInboxItem *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX_ITEM (self), NULL);

  if (self->thread == NULL && self->thread_json != NULL)
    {
      self->thread = ckan_comment_thread_new_from_json (self->thread_json, NULL);
      clear_json (self);
      if (self->thread != NULL)
        find_newest (ckan_comment_thread_get_comments (self->thread), &self->last_comment);
    }
  return self->thread;
}

JsonObject *
pub_comment_inbox_item_peek_thread_json (PubCommentInboxItem *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX_ITEM (self), NULL);
  return self->thread_json;
}

/* The newest comment of a JSON tree, without making records of it. */
static void
scan_json (PubCommentInboxItem *self,
           JsonArray           *comments,
           JsonObject         **newest,
           GDateTime          **newest_time)
{
  for (guint i = 0; comments != NULL && i < json_array_get_length (comments); i++)
    {
      JsonNode *node = json_array_get_element (comments, i);
      JsonObject *comment = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *replies;
      GDateTime *created;

      if (comment == NULL)
        continue;
      self->json_count++;
      created = ckan_parse_timestamp (ckan_json_object_get_string_lenient (comment, "created_at"));
      if (*newest == NULL || (created != NULL && (*newest_time == NULL || g_date_time_compare (created, *newest_time) >= 0)))
        {
          *newest = comment;
          g_clear_pointer (newest_time, g_date_time_unref);
          *newest_time = g_steal_pointer (&created);
        }
      g_clear_pointer (&created, g_date_time_unref);
      replies = json_object_get_member (comment, "replies");
      if (replies != NULL && JSON_NODE_HOLDS_ARRAY (replies))
        scan_json (self, json_node_get_array (replies), newest, newest_time);
    }
}

void
pub_comment_inbox_item_set_thread_json (PubCommentInboxItem *self,
                                        JsonObject          *thread,
                                        gboolean             unanswered)
{
  JsonNode *comments;
  JsonObject *newest = NULL;
  JsonNode *author;

  g_return_if_fail (PUB_IS_COMMENT_INBOX_ITEM (self));
  g_return_if_fail (thread != NULL);

  g_clear_object (&self->thread);
  self->last_comment = NULL;
  clear_json (self);
  self->thread_json = json_object_ref (thread);
  comments = json_object_get_member (thread, "comments");
  scan_json (self, comments && JSON_NODE_HOLDS_ARRAY (comments) ? json_node_get_array (comments) : NULL,
             &newest, &self->json_last_time);
  if (newest != NULL)
    {
      author = json_object_get_member (newest, "author");
      self->json_last_content = g_strdup (ckan_json_object_get_string_lenient (newest, "content"));
      self->json_last_author_id = g_strdup (ckan_json_object_get_string_lenient (newest, "author_id"));
      if (author != NULL && JSON_NODE_HOLDS_OBJECT (author))
        {
          JsonObject *a = json_node_get_object (author);
          const char *name = ckan_json_object_get_string_lenient (a, "display_name");

          if (name == NULL || *name == '\0')
            name = ckan_json_object_get_string_lenient (a, "fullname");
          if (name == NULL || *name == '\0')
            name = ckan_json_object_get_string_lenient (a, "name");
          self->json_last_author = g_strdup (name);
        }
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THREAD]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ACTIVITY]);
  if (self->unanswered != unanswered)
    {
      self->unanswered = unanswered;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNANSWERED]);
    }
}

const char *
pub_comment_inbox_item_get_last_author_name (PubCommentInboxItem *self)
{
  CkanUser *author;

  g_return_val_if_fail (PUB_IS_COMMENT_INBOX_ITEM (self), NULL);
  if (self->thread_json != NULL)
    return self->json_last_author;
  author = self->last_comment ? ckan_comment_get_author (self->last_comment) : NULL;
  return author ? ckan_user_get_display_name (author) : NULL;
}

const char *
pub_comment_inbox_item_get_last_author_id (PubCommentInboxItem *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX_ITEM (self), NULL);
  if (self->thread_json != NULL)
    return self->json_last_author_id;
  return self->last_comment ? ckan_comment_get_author_id (self->last_comment) : NULL;
}

const char *
pub_comment_inbox_item_get_last_content (PubCommentInboxItem *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX_ITEM (self), NULL);
  if (self->thread_json != NULL)
    return self->json_last_content;
  return self->last_comment ? ckan_comment_get_content (self->last_comment) : NULL;
}

PubCommentInboxItemStatus
pub_comment_inbox_item_get_status (PubCommentInboxItem *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX_ITEM (self), PUB_COMMENT_INBOX_ITEM_LOADED);
  return self->status;
}

void
pub_comment_inbox_item_set_status (PubCommentInboxItem       *self,
                                   PubCommentInboxItemStatus  status)
{
  g_return_if_fail (PUB_IS_COMMENT_INBOX_ITEM (self));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
find_newest (GPtrArray    *comments,
             CkanComment **newest)
{
  for (guint i = 0; i < comments->len; i++)
    {
      CkanComment *comment = g_ptr_array_index (comments, i);
      GDateTime *created = ckan_comment_get_created_at (comment);
      GDateTime *best = *newest ? ckan_comment_get_created_at (*newest) : NULL;

      if (*newest == NULL || (created != NULL && (best == NULL || g_date_time_compare (created, best) >= 0)))
        *newest = comment;
      find_newest (ckan_comment_get_replies (comment), newest);
    }
}

void
pub_comment_inbox_item_set_unanswered (PubCommentInboxItem *self,
                                       gboolean             unanswered)
{
  g_return_if_fail (PUB_IS_COMMENT_INBOX_ITEM (self));

  if (self->unanswered == unanswered)
    return;
  self->unanswered = unanswered;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNANSWERED]);
}

void
pub_comment_inbox_item_set_thread (PubCommentInboxItem *self,
                                   CkanCommentThread   *thread,
                                   gboolean             unanswered)
{
  g_return_if_fail (PUB_IS_COMMENT_INBOX_ITEM (self));
  g_return_if_fail (thread == NULL || CKAN_IS_COMMENT_THREAD (thread));

  g_set_object (&self->thread, thread);
  clear_json (self);
  self->last_comment = NULL;
  if (thread != NULL)
    find_newest (ckan_comment_thread_get_comments (thread), &self->last_comment);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THREAD]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ACTIVITY]);
  if (self->unanswered != unanswered)
    {
      self->unanswered = unanswered;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNANSWERED]);
    }
}

gboolean
pub_comment_inbox_item_get_unanswered (PubCommentInboxItem *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX_ITEM (self), FALSE);
  return self->unanswered;
}

CkanComment *
pub_comment_inbox_item_get_last_comment (PubCommentInboxItem *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX_ITEM (self), NULL);
  pub_comment_inbox_item_get_thread (self);
  return self->last_comment;
}

GDateTime *
pub_comment_inbox_item_get_last_activity (PubCommentInboxItem *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX_ITEM (self), NULL);
  if (self->thread_json != NULL)
    return self->json_last_time;
  return self->last_comment ? ckan_comment_get_created_at (self->last_comment) : NULL;
}

guint
pub_comment_inbox_item_get_n_comments (PubCommentInboxItem *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX_ITEM (self), 0);
  if (self->thread_json != NULL)
    return self->json_count;
  return self->thread ? ckan_comment_thread_count_comments (self->thread) : 0;
}

int
pub_comment_inbox_item_compare (PubCommentInboxItem *a,
                                PubCommentInboxItem *b)
{
  GDateTime *ta = pub_comment_inbox_item_get_last_activity (a);
  GDateTime *tb = pub_comment_inbox_item_get_last_activity (b);

  if (ta != NULL && tb != NULL && !g_date_time_equal (ta, tb))
    return g_date_time_compare (tb, ta);
  if ((ta == NULL) != (tb == NULL))
    return ta == NULL ? 1 : -1;
  return g_strcmp0 (a->dataset_id, b->dataset_id);
}
