/* pub-dataset-cache.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "pub-dataset-cache.h"

#define CACHE_VERSION 1

/* json-glib 1.6 has no json_object_get_array_member_with_default. */
static JsonArray *
array_member (JsonObject *object,
              const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

char *
pub_dataset_cache_path (const char *portal_url,
                        const char *user_id,
                        const char *list_key)
{
  g_autofree char *account = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *file = NULL;

  g_return_val_if_fail (portal_url != NULL, NULL);
  g_return_val_if_fail (list_key != NULL, NULL);

  /* A digest names the folder: portal addresses carry slashes and ports,
   * and nothing about the account needs to be readable from the path. */
  account = g_strdup_printf ("%s\n%s", portal_url, user_id ? user_id : "");
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, account, -1);
  digest[24] = '\0';
  file = g_strdup_printf ("%s.json", list_key);
  g_strdelimit (file, "/\\", '_');
  return g_build_filename (g_get_user_cache_dir (), "publicador", "lists", digest, file, NULL);
}

static void
copy_member (JsonObject *from,
             JsonObject *to,
             const char *key)
{
  JsonNode *node = json_object_get_member (from, key);

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    json_object_set_member (to, key, json_node_copy (node));
}

JsonObject *
pub_dataset_cache_trim (JsonObject *dataset)
{
  static const char * const keys[] = {
    "id", "name", "title", "private", "state", "owner_org", "creator_user_id", "type",
    "metadata_created", "metadata_modified", "frequency", "num_resources",
  };
  JsonObject *trimmed = json_object_new ();
  JsonArray *resources;
  JsonArray *extras;

  g_return_val_if_fail (dataset != NULL, trimmed);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    copy_member (dataset, trimmed, keys[i]);

  resources = array_member (dataset, "resources");
  if (resources != NULL)
    {
      JsonArray *kept = json_array_new ();

      for (guint i = 0; i < json_array_get_length (resources); i++)
        {
          JsonNode *node = json_array_get_element (resources, i);
          JsonObject *resource;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          resource = json_object_new ();
          copy_member (json_node_get_object (node), resource, "id");
          copy_member (json_node_get_object (node), resource, "format");
          copy_member (json_node_get_object (node), resource, "last_modified");
          json_array_add_object_element (kept, resource);
        }
      json_object_set_array_member (trimmed, "resources", kept);
    }

  /* Portals without ckanext-scheming keep the frequency as an extra. */
  extras = array_member (dataset, "extras");
  for (guint i = 0; extras != NULL && i < json_array_get_length (extras); i++)
    {
      JsonNode *node = json_array_get_element (extras, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (node), "key", NULL),
                     "frequency") == 0)
        {
          JsonArray *kept = json_array_new ();

          json_array_add_element (kept, json_node_copy (node));
          json_object_set_array_member (trimmed, "extras", kept);
          break;
        }
    }
  return trimmed;
}

typedef struct {
  GPtrArray *datasets;
  GDateTime *saved_at;
  gint64     count;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->datasets, g_ptr_array_unref);
  g_clear_pointer (&loaded->saved_at, g_date_time_unref);
  g_free (loaded);
}

static Loaded *
parse_cache (const char *contents,
             gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) datasets = NULL;
  JsonObject *root;
  JsonArray *array;
  const char *saved_at;
  Loaded *loaded;

  if (!json_parser_load_from_data (parser, contents, length, NULL))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  root = json_node_get_object (json_parser_get_root (parser));
  if (json_object_get_int_member_with_default (root, "version", 0) != CACHE_VERSION)
    return NULL;
  saved_at = json_object_get_string_member_with_default (root, "saved_at", NULL);
  array = array_member (root, "datasets");
  if (saved_at == NULL || array == NULL)
    return NULL;

  datasets = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      CkanDataset *dataset;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      dataset = ckan_dataset_new_from_json (json_node_get_object (node), NULL);
      if (dataset == NULL)
        return NULL;
      g_ptr_array_add (datasets, dataset);
    }

  loaded = g_new0 (Loaded, 1);
  loaded->saved_at = g_date_time_new_from_iso8601 (saved_at, NULL);
  if (loaded->saved_at == NULL)
    {
      loaded_free (loaded);
      return NULL;
    }
  loaded->count = json_object_get_int_member_with_default (root, "count", datasets->len);
  loaded->datasets = g_steal_pointer (&datasets);
  return loaded;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autofree char *contents = NULL;
  gsize length = 0;
  Loaded *loaded;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  loaded = parse_cache (contents, length);
  if (loaded == NULL)
    {
      g_debug ("Discarding the damaged list cache %s", path);
      g_unlink (path);
    }
  if (g_task_return_error_if_cancelled (task))
    {
      g_clear_pointer (&loaded, loaded_free);
      return;
    }
  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

typedef struct {
  char  *path;
  char  *contents;
  gsize  length;
} Save;

static void
save_free (Save *save)
{
  g_free (save->path);
  g_free (save->contents);
  g_free (save);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Save *save = task_data;
  g_autofree char *dir = g_path_get_dirname (save->path);
  GError *error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               "%s: %s", dir, g_strerror (saved_errno));
      return;
    }
  if (!g_file_set_contents_full (save->path, save->contents, save->length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
run_in_pool (gpointer data,
             gpointer user_data)
{
  g_autoptr(GTask) task = data;

  if (g_task_get_source_tag (task) == pub_dataset_cache_load_async)
    load_thread (task, NULL, g_task_get_task_data (task), g_task_get_cancellable (task));
  else
    save_thread (task, NULL, g_task_get_task_data (task), g_task_get_cancellable (task));
}

/* Loads and saves run one at a time, in the order asked: a list saved twice
 * in quick succession ends with its newer rows on disk, and a list opened
 * just after another closed reads what that one saved on its way out. */
static GThreadPool *
cache_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (run_in_pool, NULL, 1, FALSE, NULL));
  return pool;
}

void
pub_dataset_cache_load_async (const char          *path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_dataset_cache_load_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_thread_pool_push (cache_pool (), g_steal_pointer (&task), NULL);
}

GPtrArray *
pub_dataset_cache_load_finish (GAsyncResult  *result,
                               GDateTime    **saved_at,
                               gint64        *count,
                               GError       **error)
{
  Loaded *loaded;
  GPtrArray *datasets;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return NULL;
  if (saved_at != NULL)
    *saved_at = g_date_time_ref (loaded->saved_at);
  if (count != NULL)
    *count = loaded->count;
  datasets = g_steal_pointer (&loaded->datasets);
  loaded_free (loaded);
  return datasets;
}

void
pub_dataset_cache_save_async (const char          *path,
                              GPtrArray           *datasets,
                              gint64               count,
                              GDateTime           *saved_at,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *time = NULL;
  Save *save;

  g_return_if_fail (path != NULL);
  g_return_if_fail (datasets != NULL);
  g_return_if_fail (saved_at != NULL);

  /* Built here, where the records live; only the writing goes to a thread. */
  time = g_date_time_format_iso8601 (saved_at);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, CACHE_VERSION);
  json_builder_set_member_name (builder, "saved_at");
  json_builder_add_string_value (builder, time);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, count);
  json_builder_set_member_name (builder, "datasets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < datasets->len; i++)
    {
      JsonNode *node = json_node_alloc ();

      json_node_init_object (node, pub_dataset_cache_trim (ckan_record_get_object (datasets->pdata[i])));
      json_object_unref (json_node_get_object (node));
      json_builder_add_value (builder, node);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  save = g_new0 (Save, 1);
  save->path = g_strdup (path);
  save->contents = json_generator_to_data (generator, &save->length);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_dataset_cache_save_async);
  g_task_set_task_data (task, save, (GDestroyNotify) save_free);
  g_thread_pool_push (cache_pool (), g_steal_pointer (&task), NULL);
}

gboolean
pub_dataset_cache_save_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
