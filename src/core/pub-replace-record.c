/* pub-replace-record.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "pub-replace-record.h"

PubReplaceRecord *
pub_replace_record_new (const char   *portal,
                        CkanResource *resource,
                        GFile        *file,
                        gint64        size)
{
  PubReplaceRecord *record = g_new0 (PubReplaceRecord, 1);
  GDateTime *modified = ckan_resource_get_last_modified (resource);

  record->portal = g_strdup (portal);
  record->dataset_id = g_strdup (ckan_resource_get_package_id (resource));
  record->resource_id = g_strdup (ckan_resource_get_id (resource));
  record->path = g_file_get_path (file);
  record->size = size;
  record->old_last_modified = modified != NULL ? g_date_time_format_iso8601 (modified) : NULL;
  return record;
}

void
pub_replace_record_free (PubReplaceRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->portal);
  g_free (record->dataset_id);
  g_free (record->resource_id);
  g_free (record->path);
  g_free (record->old_last_modified);
  g_free (record);
}

const char *
pub_replace_record_default_dir (void)
{
  static char *dir;

  if (dir == NULL)
    dir = g_build_filename (g_get_user_data_dir (), "publicador", "replacements", NULL);
  return dir;
}

/* One file per resource: a resource has at most one replace going. */
static char *
record_path (const char *dir,
             const char *resource_id)
{
  g_autofree char *safe = g_compute_checksum_for_string (G_CHECKSUM_SHA256, resource_id, -1);
  g_autofree char *name = g_strconcat (safe, ".json", NULL);

  return g_build_filename (dir != NULL ? dir : pub_replace_record_default_dir (), name, NULL);
}

static JsonNode *
record_to_json (PubReplaceRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "portal");
  json_builder_add_string_value (builder, record->portal);
  json_builder_set_member_name (builder, "dataset_id");
  json_builder_add_string_value (builder, record->dataset_id);
  json_builder_set_member_name (builder, "resource_id");
  json_builder_add_string_value (builder, record->resource_id);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, record->path);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, record->size);
  json_builder_set_member_name (builder, "old_last_modified");
  json_builder_add_string_value (builder, record->old_last_modified);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static PubReplaceRecord *
record_from_file (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  PubReplaceRecord *record;

  if (!json_parser_load_from_mapped_file (parser, path, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  object = json_node_get_object (json_parser_get_root (parser));
  if (json_object_get_string_member_with_default (object, "resource_id", NULL) == NULL ||
      json_object_get_string_member_with_default (object, "path", NULL) == NULL)
    return NULL;
  record = g_new0 (PubReplaceRecord, 1);
  record->portal = g_strdup (json_object_get_string_member_with_default (object, "portal", NULL));
  record->dataset_id = g_strdup (json_object_get_string_member_with_default (object, "dataset_id", NULL));
  record->resource_id = g_strdup (json_object_get_string_member (object, "resource_id"));
  record->path = g_strdup (json_object_get_string_member (object, "path"));
  record->size = json_object_get_int_member_with_default (object, "size", -1);
  record->old_last_modified = g_strdup (json_object_get_string_member_with_default (object, "old_last_modified", NULL));
  return record;
}

typedef struct {
  char     *dir;
  char     *portal;
  char     *dataset_id;
  char     *path;
  char     *text;
} Job;

static void
job_free (Job *job)
{
  g_free (job->dir);
  g_free (job->portal);
  g_free (job->dataset_id);
  g_free (job->path);
  g_free (job->text);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autofree char *dir = g_path_get_dirname (job->path);
  GError *error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (job->path, job->text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      if (error == NULL)
        error = g_error_new (G_IO_ERROR, g_io_error_from_errno (errno), "%s", g_strerror (errno));
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
pub_replace_record_save_async (PubReplaceRecord    *record,
                               const char          *dir,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(JsonNode) node = record_to_json (record);
  Job *job = g_new0 (Job, 1);

  job->path = record_path (dir, record->resource_id);
  job->text = json_to_string (node, TRUE);
  g_task_set_source_tag (task, pub_replace_record_save_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
pub_replace_record_save_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
remove_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;

  g_unlink (job->path);
  g_task_return_boolean (task, TRUE);
}

void
pub_replace_record_remove (const char *dir,
                           const char *resource_id)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
  Job *job = g_new0 (Job, 1);

  job->path = record_path (dir, resource_id);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, remove_thread);
}

static void
list_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GDir) dir = g_dir_open (job->dir, 0, NULL);
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) pub_replace_record_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      PubReplaceRecord *record;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (job->dir, name, NULL);
      record = record_from_file (path);
      if (record == NULL)
        continue;
      if (g_strcmp0 (record->portal, job->portal) == 0 && g_strcmp0 (record->dataset_id, job->dataset_id) == 0)
        g_ptr_array_add (records, record);
      else
        pub_replace_record_free (record);
    }
  g_task_return_pointer (task, records, (GDestroyNotify) g_ptr_array_unref);
}

void
pub_replace_record_list_async (const char          *dir,
                               const char          *portal,
                               const char          *dataset_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->dir = g_strdup (dir != NULL ? dir : pub_replace_record_default_dir ());
  job->portal = g_strdup (portal);
  job->dataset_id = g_strdup (dataset_id);
  g_task_set_source_tag (task, pub_replace_record_list_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, list_thread);
}

GPtrArray *
pub_replace_record_list_finish (GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

PubReplaceOutcome
pub_replace_record_check (PubReplaceRecord *record,
                          CkanResource     *current)
{
  GDateTime *modified;
  g_autofree char *now = NULL;

  g_return_val_if_fail (record != NULL, PUB_REPLACE_PENDING);

  if (current == NULL)
    return PUB_REPLACE_RESOURCE_GONE;
  /* The portal marks each new file with last_modified and its size: both
   * must say the new one is there. */
  modified = ckan_resource_get_last_modified (current);
  now = modified != NULL ? g_date_time_format_iso8601 (modified) : NULL;
  if (now != NULL && g_strcmp0 (now, record->old_last_modified) != 0 &&
      ckan_resource_get_size (current) == record->size)
    return PUB_REPLACE_DONE;
  return PUB_REPLACE_PENDING;
}
