/* pub-comment-inbox-cache.c: the last inbox of an account, on disk
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "pub-comment-inbox-private.h"

#define CACHE_VERSION 1

/* ---- Writing ---- */

/* include_author sends the whole user dictionary with every comment; the
 * inbox shows a name, and a smaller cache opens faster. */
static void
trim_authors (JsonArray *comments)
{
  static const char * const kept[] = { "id", "name", "fullname", "display_name" };

  for (guint i = 0; comments != NULL && i < json_array_get_length (comments); i++)
    {
      JsonNode *node = json_array_get_element (comments, i);
      JsonObject *comment = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *author = comment ? json_object_get_member (comment, "author") : NULL;
      JsonNode *replies = comment ? json_object_get_member (comment, "replies") : NULL;

      if (author != NULL && JSON_NODE_HOLDS_OBJECT (author))
        {
          JsonObject *full = json_node_get_object (author);
          JsonObject *slim = json_object_new ();

          for (guint k = 0; k < G_N_ELEMENTS (kept); k++)
            if (json_object_has_member (full, kept[k]))
              json_object_set_member (slim, kept[k], json_node_copy (json_object_get_member (full, kept[k])));
          json_object_set_object_member (comment, "author", slim);
        }
      if (replies != NULL && JSON_NODE_HOLDS_ARRAY (replies))
        trim_authors (json_node_get_array (replies));
    }
}

static JsonNode *
inbox_to_json (PubCommentInbox *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *saved_at = NULL;
  GHashTableIter iter;
  gpointer key, value;

  saved_at = self->updated_at ? g_date_time_format_iso8601 (self->updated_at) : NULL;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, CACHE_VERSION);
  json_builder_set_member_name (builder, "saved_at");
  json_builder_add_string_value (builder, saved_at);
  json_builder_set_member_name (builder, "unsupported");
  json_builder_add_boolean_value (builder, self->support == PUB_COMMENT_INBOX_SUPPORT_UNSUPPORTED);

  json_builder_set_member_name (builder, "members");
  json_builder_begin_object (builder);
  g_hash_table_iter_init (&iter, self->members);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GHashTableIter ids;
      gpointer id;

      json_builder_set_member_name (builder, key);
      json_builder_begin_array (builder);
      g_hash_table_iter_init (&ids, value);
      while (g_hash_table_iter_next (&ids, &id, NULL))
        json_builder_add_string_value (builder, id);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->items->len; i++)
    {
      PubCommentInboxItem *item = g_ptr_array_index (self->items, i);
      JsonObject *cached_json = pub_comment_inbox_item_peek_thread_json (item);
      CkanCommentThread *thread = cached_json ? NULL : pub_comment_inbox_item_get_thread (item);
      JsonObject *thread_json;

      if (thread == NULL && cached_json == NULL)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "dataset_id");
      json_builder_add_string_value (builder, pub_comment_inbox_item_get_dataset_id (item));
      json_builder_set_member_name (builder, "dataset_name");
      json_builder_add_string_value (builder, pub_comment_inbox_item_get_dataset_name (item));
      json_builder_set_member_name (builder, "dataset_title");
      json_builder_add_string_value (builder, pub_comment_inbox_item_get_dataset_title (item));
      json_builder_set_member_name (builder, "organization_id");
      json_builder_add_string_value (builder, pub_comment_inbox_item_get_organization_id (item));
      json_builder_set_member_name (builder, "unanswered");
      json_builder_add_boolean_value (builder, pub_comment_inbox_item_get_unanswered (item));
      json_builder_set_member_name (builder, "thread");
      if (cached_json != NULL)
        {
          /* Read from the cache and never opened: trimmed already. */
          json_builder_add_value (builder, json_node_init_object (json_node_alloc (), cached_json));
          json_builder_end_object (builder);
          continue;
        }
      thread_json = ckan_record_to_json (CKAN_RECORD (thread));
      if (json_object_has_member (thread_json, "comments") &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (thread_json, "comments")))
        trim_authors (json_object_get_array_member (thread_json, "comments"));
      json_builder_add_value (builder, json_node_init_object (json_node_alloc (), thread_json));
      json_object_unref (thread_json);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  PubCommentInbox *self = source;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *dir = g_path_get_dirname (self->cache_path);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  json_generator_set_root (generator, task_data);
  text = json_generator_to_data (generator, &length);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (self->cache_path, text, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      /* A cache that can't be written costs speed, not data. */
      g_debug ("Comments cache not written: %s", error ? error->message : g_strerror (errno));
    }
  g_task_return_boolean (task, TRUE);
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  PubCommentInbox *self = PUB_COMMENT_INBOX (source);

  g_assert (PUB_IS_COMMENT_INBOX (self));
  self->saving = FALSE;
  if (self->save_again)
    {
      self->save_again = FALSE;
      pub_comment_inbox_save_cache (self);
    }
}

/* One write at a time, so an older inbox never lands over a newer one. */
void
pub_comment_inbox_save_cache (PubCommentInbox *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->saving)
    {
      self->save_again = TRUE;
      return;
    }
  self->saving = TRUE;
  task = g_task_new (self, NULL, write_done_cb, NULL);
  g_task_set_source_tag (task, pub_comment_inbox_save_cache);
  g_task_set_task_data (task, inbox_to_json (self), (GDestroyNotify) json_node_unref);
  g_task_run_in_thread (task, write_in_thread);
}

/* ---- Reading ---- */

typedef struct
{
  GPtrArray  *items;     /* PubCommentInboxItem without a place yet, sorted */
  GHashTable *ids;       /* every comment id in them */
  GHashTable *members;   /* organization id → set of user ids */
  GDateTime  *saved_at;
  gboolean    unsupported;
} Cached;

static void
cached_free (Cached *cached)
{
  g_ptr_array_unref (cached->items);
  g_hash_table_unref (cached->ids);
  g_hash_table_unref (cached->members);
  g_clear_pointer (&cached->saved_at, g_date_time_unref);
  g_free (cached);
}

static void
collect_json_ids (JsonArray  *comments,
                  GHashTable *set)
{
  for (guint i = 0; comments != NULL && i < json_array_get_length (comments); i++)
    {
      JsonNode *node = json_array_get_element (comments, i);
      JsonObject *comment = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *replies = comment ? json_object_get_member (comment, "replies") : NULL;
      const char *id = comment ? ckan_json_object_get_string_lenient (comment, "id") : NULL;

      if (id != NULL)
        g_hash_table_add (set, g_strdup (id));
      if (replies != NULL && JSON_NODE_HOLDS_ARRAY (replies))
        collect_json_ids (json_node_get_array (replies), set);
    }
}

static gint
compare_items (gconstpointer a,
               gconstpointer b)
{
  return pub_comment_inbox_item_compare (*(PubCommentInboxItem * const *) a,
                                         *(PubCommentInboxItem * const *) b);
}

static Cached *
parse_cache (JsonNode *root)
{
  Cached *cached;
  JsonObject *object;
  JsonObject *members;
  JsonArray *items;
  const char *saved_at;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  if (ckan_json_object_get_int_lenient (object, "version", 0) != CACHE_VERSION)
    return NULL;
  saved_at = ckan_json_object_get_string_lenient (object, "saved_at");
  items = json_object_get_member (object, "items") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "items"))
          ? json_object_get_array_member (object, "items") : NULL;
  if (items == NULL)
    return NULL;

  cached = g_new0 (Cached, 1);
  cached->items = g_ptr_array_new_with_free_func (g_object_unref);
  cached->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cached->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  cached->saved_at = saved_at ? g_date_time_new_from_iso8601 (saved_at, NULL) : NULL;
  cached->unsupported = ckan_json_object_get_boolean_lenient (object, "unsupported", FALSE);

  members = json_object_get_member (object, "members") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "members"))
            ? json_object_get_object_member (object, "members") : NULL;
  if (members != NULL)
    {
      JsonObjectIter iter;
      const char *organization_id;
      JsonNode *node;

      json_object_iter_init (&iter, members);
      while (json_object_iter_next (&iter, &organization_id, &node))
        {
          GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          JsonArray *ids = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

          for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
            {
              JsonNode *id = json_array_get_element (ids, i);

              if (JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING)
                g_hash_table_add (set, g_strdup (json_node_get_string (id)));
            }
          g_hash_table_insert (cached->members, g_strdup (organization_id), set);
        }
    }

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *thread_node = entry ? json_object_get_member (entry, "thread") : NULL;
      const char *dataset_id = entry ? ckan_json_object_get_string_lenient (entry, "dataset_id") : NULL;
      JsonNode *comments;
      PubCommentInboxItem *item;

      if (dataset_id == NULL || thread_node == NULL || !JSON_NODE_HOLDS_OBJECT (thread_node))
        continue;
      comments = json_object_get_member (json_node_get_object (thread_node), "comments");
      if (comments == NULL || !JSON_NODE_HOLDS_ARRAY (comments) || json_array_get_length (json_node_get_array (comments)) == 0)
        continue;
      /* Records are made only for the threads that get opened. */
      item = pub_comment_inbox_item_new (dataset_id,
                                         ckan_json_object_get_string_lenient (entry, "dataset_name"),
                                         ckan_json_object_get_string_lenient (entry, "dataset_title"),
                                         ckan_json_object_get_string_lenient (entry, "organization_id"));
      pub_comment_inbox_item_set_thread_json (item, json_node_get_object (thread_node),
                                              ckan_json_object_get_boolean_lenient (entry, "unanswered", FALSE));
      collect_json_ids (json_node_get_array (comments), cached->ids);
      g_ptr_array_add (cached->items, item);
    }
  g_ptr_array_sort (cached->items, compare_items);
  return cached;
}

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PubCommentInbox *self = source;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;
  Cached *cached = NULL;

  if (!g_file_get_contents (self->cache_path, &text, &length, &error))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  if (json_parser_load_from_data (parser, text, (gssize) length, NULL))
    cached = parse_cache (json_parser_get_root (parser));
  if (cached == NULL)
    {
      /* Damaged or from another version: it would only mislead. */
      g_debug ("Discarding a damaged comments cache");
      g_unlink (self->cache_path);
    }
  g_task_return_pointer (task, cached, (GDestroyNotify) cached_free);
}

void
pub_comment_inbox_cache_load_async (PubCommentInbox     *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, pub_comment_inbox_cache_load_async);
  g_task_run_in_thread (task, read_in_thread);
}

gboolean
pub_comment_inbox_cache_load_finish (PubCommentInbox  *self,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  Cached *cached;
  guint added = 0;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  cached = g_task_propagate_pointer (G_TASK (result), error);
  if (cached == NULL)
    return FALSE;
  /* A refresh that finished first knows better. */
  if (self->updated_at != NULL)
    {
      cached_free (cached);
      return TRUE;
    }
  if (cached->unsupported)
    pub_comment_inbox_set_support (self, PUB_COMMENT_INBOX_SUPPORT_UNSUPPORTED);
  if (g_hash_table_size (self->members) == 0)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, cached->members);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (self->members, g_strdup (key), g_hash_table_ref (value));
    }
  if (self->known_comments == NULL)
    self->known_comments = g_hash_table_ref (cached->ids);
  /* All at once, sorted in the worker: one change for the list to show. */
  for (guint i = 0; i < cached->items->len; i++)
    {
      PubCommentInboxItem *item = g_ptr_array_index (cached->items, i);

      if (pub_comment_inbox_find (self, pub_comment_inbox_item_get_dataset_id (item)) != NULL)
        continue;
      if (self->items->len == 0 || added > 0)
        {
          g_ptr_array_add (self->items, g_object_ref (item));
          g_hash_table_insert (self->by_dataset, (gpointer) pub_comment_inbox_item_get_dataset_id (item), item);
          added++;
        }
      else
        {
          pub_comment_inbox_place_item (self, item);
        }
    }
  if (added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - added, 0, added);
  pub_comment_inbox_update_counts (self);
  pub_comment_inbox_set_updated_at (self, cached->saved_at);
  cached_free (cached);
  return TRUE;
}
