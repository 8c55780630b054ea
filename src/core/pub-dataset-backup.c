/* pub-dataset-backup.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ckan-client-download.h"
#include "pub-core-error.h"
#include "pub-dataset-backup.h"
#include "pub-dataset-edit.h"

#define MANIFEST_VERSION 1

struct _PubDatasetBackup
{
  GObject      parent_instance;

  CkanClient  *client;
  CkanDataset *dataset;

  /* While writing. */
  GFile       *folder;
  JsonArray   *files;       /* manifest entries */
  guint        index;       /* resource being copied */
  guint        n_files;
  goffset      total;
  goffset      done;
  double       fraction;
  char        *current_file;
};

G_DEFINE_FINAL_TYPE (PubDatasetBackup, pub_dataset_backup, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRACTION,
  PROP_CURRENT_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_progress (PubDatasetBackup *self,
              goffset           current)
{
  double fraction = self->total > 0 ? (double) (self->done + current) / self->total : 0.0;

  if (fraction == self->fraction)
    return;
  self->fraction = CLAMP (fraction, 0.0, 1.0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static void
set_current_file (PubDatasetBackup *self,
                  const char       *name)
{
  g_free (self->current_file);
  self->current_file = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_FILE]);
}

/* A file name from the resource's download address, safe to create. */
static char *
local_name (CkanResource *resource,
            guint         position)
{
  const char *url = ckan_resource_get_url (resource);
  const char *slash = url != NULL ? strrchr (url, '/') : NULL;
  g_autofree char *unescaped = slash != NULL ? g_uri_unescape_string (slash + 1, "/") : NULL;
  g_autofree char *name = NULL;

  if (unescaped == NULL || unescaped[0] == '\0' || unescaped[0] == '.' || !g_utf8_validate (unescaped, -1, NULL))
    name = g_strdup_printf ("recurso-%u", position + 1);
  else
    name = g_strdup (unescaped);
  g_strdelimit (name, "\\:*?\"<>|", '_');
  /* The position keeps two resources of the same file name apart. */
  return g_strdup_printf ("%u-%s", position + 1, name);
}

static gboolean
is_backed_up (CkanResource *resource)
{
  return ckan_resource_is_upload (resource) && ckan_resource_get_url (resource) != NULL;
}

/* Writing */

static void write_next_file (GTask *task);

static void
manifest_written_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PubDatasetBackup *self = g_task_get_source_object (task);
  GError *error = NULL;

  g_assert (G_IS_TASK (task));

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  self->fraction = 1.0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  set_current_file (self, NULL);
  g_task_return_pointer (task, g_object_ref (self->folder), g_object_unref);
}

static void
readme_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PubDatasetBackup *self = g_task_get_source_object (task);
  g_autoptr(JsonObject) manifest = json_object_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  g_autoptr(GFile) file = g_file_get_child (self->folder, PUB_BACKUP_MANIFEST_FILE);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  char *text;

  g_assert (G_IS_TASK (task));

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  json_object_set_int_member (manifest, "publicador_backup", MANIFEST_VERSION);
  json_object_set_string_member (manifest, "portal", ckan_client_get_base_url (self->client));
  json_object_set_string_member (manifest, "dataset_id", ckan_dataset_get_id (self->dataset));
  json_object_set_string_member (manifest, "dataset_name", ckan_dataset_get_name (self->dataset));
  json_object_set_string_member (manifest, "created", created);
  json_object_set_array_member (manifest, "files", json_array_ref (self->files));
  root = json_node_init_object (json_node_alloc (), manifest);
  text = json_to_string (root, TRUE);
  bytes = g_bytes_new_take (text, strlen (text));
  {
    /* Read before the task is handed on. */
    GCancellable *cancellable = g_task_get_cancellable (task);

    g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                         cancellable, manifest_written_cb, g_steal_pointer (&task));
  }
}

static void
write_readme (GTask *task)
{
  PubDatasetBackup *self = g_task_get_source_object (task);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autoptr(GFile) file = g_file_get_child (self->folder, PUB_BACKUP_README_FILE);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;

  g_string_append_printf (text, _("Backup of the dataset “%s”"), ckan_dataset_get_display_title (self->dataset));
  g_string_append (text, "\n\n");
  g_string_append_printf (text, _("Portal: %s"), ckan_client_get_base_url (self->client));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Address: %s/dataset/%s"), ckan_client_get_base_url (self->client),
                          ckan_dataset_get_name (self->dataset));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Made on: %s, by Publicador"), when);
  g_string_append (text, "\n\n");
  g_string_append (text, _("This folder holds:"));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("- %s: the dataset’s metadata as the portal gave it (package_show)."),
                          PUB_BACKUP_METADATA_FILE);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "- %s/: the %u file uploaded to the portal, byte for byte.",
                                             "- %s/: the %u files uploaded to the portal, byte for byte.",
                                             self->n_files),
                          PUB_BACKUP_FILES_DIR, self->n_files);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("- %s: which file belongs to which resource."), PUB_BACKUP_MANIFEST_FILE);
  g_string_append (text, "\n\n");
  g_string_append (text, _("Links to other websites are in the metadata; their content is not copied."));
  g_string_append_c (text, '\n');
  g_string_append (text, _("To publish it again, open Publicador and choose “Restore as Draft” with this folder."));
  g_string_append_c (text, '\n');

  set_current_file (self, PUB_BACKUP_README_FILE);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       g_task_get_cancellable (task), readme_written_cb, task);
}

static void
download_progress_cb (goffset  received,
                      goffset  total,
                      gpointer user_data)
{
  set_progress (PUB_DATASET_BACKUP (user_data), received);
}

static void
downloaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PubDatasetBackup *self = g_task_get_source_object (task);
  CkanResource *resource = g_ptr_array_index (ckan_dataset_get_resources (self->dataset), self->index);
  gint64 expected = ckan_resource_get_size (resource);
  GError *error = NULL;
  goffset written;

  g_assert (G_IS_TASK (task));

  written = ckan_client_download_finish (CKAN_CLIENT (object), result, &error);
  if (written < 0)
    {
      g_prefix_error (&error, _("“%s” could not be downloaded: "), self->current_file);
      g_task_return_error (task, error);
      return;
    }
  /* What the portal says it holds is what must have arrived. */
  if (expected >= 0 && written != expected)
    {
      g_autofree char *got = g_format_size (written);
      g_autofree char *want = g_format_size (expected);

      g_task_return_new_error (task, PUB_CORE_ERROR, PUB_CORE_ERROR_FAILED,
                               _("“%s” arrived incomplete (%s of %s). Try the backup again."),
                               self->current_file, got, want);
      return;
    }
  {
    JsonObject *entry = json_object_new ();
    g_autofree char *name = local_name (resource, self->index);
    g_autofree char *path = g_build_filename (PUB_BACKUP_FILES_DIR, name, NULL);

    json_object_set_string_member (entry, "resource_id", ckan_resource_get_id (resource));
    json_object_set_string_member (entry, "file", path);
    json_object_set_int_member (entry, "size", written);
    json_array_add_object_element (self->files, entry);
  }
  self->done += MAX (expected, written);
  self->index++;
  write_next_file (g_steal_pointer (&task));
}

static void
write_next_file (GTask *task)
{
  PubDatasetBackup *self = g_task_get_source_object (task);
  GPtrArray *resources = ckan_dataset_get_resources (self->dataset);
  CkanResource *resource;
  g_autofree char *name = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) file = NULL;

  while (self->index < resources->len && !is_backed_up (g_ptr_array_index (resources, self->index)))
    self->index++;
  if (self->index >= resources->len)
    {
      write_readme (task);
      return;
    }
  resource = g_ptr_array_index (resources, self->index);
  name = local_name (resource, self->index);
  dir = g_file_get_child (self->folder, PUB_BACKUP_FILES_DIR);
  file = g_file_get_child (dir, name);
  set_current_file (self, name);
  ckan_client_download_async (self->client, ckan_resource_get_url (resource), file,
                              download_progress_cb, self, NULL,
                              g_task_get_cancellable (task), downloaded_cb, task);
}

/* In a worker: the folder, its files/ folder and the metadata. */
static void
prepare_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PubDatasetBackup *self = source;
  GFile *parent = task_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H%M");
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) files = NULL;
  g_autoptr(GFile) metadata = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  GError *error = NULL;

  /* A new folder each time: an earlier backup is never overwritten. */
  for (guint n = 1; folder == NULL; n++)
    {
      g_autofree char *base = n == 1
        ? g_strdup_printf (_("%s - backup %s"), ckan_dataset_get_name (self->dataset), stamp)
        : g_strdup_printf (_("%s - backup %s (%u)"), ckan_dataset_get_name (self->dataset), stamp, n);
      g_autoptr(GFile) candidate = g_file_get_child (parent, base);

      if (g_file_make_directory (candidate, cancellable, &error))
        folder = g_steal_pointer (&candidate);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS) && n < 100)
        g_clear_error (&error);
      else
        {
          g_task_return_error (task, error);
          return;
        }
    }
  files = g_file_get_child (folder, PUB_BACKUP_FILES_DIR);
  if (!g_file_make_directory (files, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  root = json_node_init_object (json_node_alloc (), ckan_record_get_object (CKAN_RECORD (self->dataset)));
  json = json_to_string (root, TRUE);
  metadata = g_file_get_child (folder, PUB_BACKUP_METADATA_FILE);
  if (!g_file_replace_contents (metadata, json, strlen (json), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&folder), g_object_unref);
}

static void
prepared_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PubDatasetBackup *self = PUB_DATASET_BACKUP (object);
  GError *error = NULL;

  g_assert (G_IS_TASK (task));

  self->folder = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->folder == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  write_next_file (g_steal_pointer (&task));
}

void
pub_dataset_backup_write_async (PubDatasetBackup    *self,
                                GFile               *parent,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) prepare = NULL;
  GPtrArray *resources;

  g_return_if_fail (PUB_IS_DATASET_BACKUP (self));
  g_return_if_fail (G_IS_FILE (parent));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_dataset_backup_write_async);

  g_clear_object (&self->folder);
  g_clear_pointer (&self->files, json_array_unref);
  self->files = json_array_new ();
  self->index = 0;
  self->n_files = 0;
  self->total = 0;
  self->done = 0;
  self->fraction = 0;
  resources = ckan_dataset_get_resources (self->dataset);
  for (guint i = 0; i < resources->len; i++)
    {
      CkanResource *resource = g_ptr_array_index (resources, i);

      if (!is_backed_up (resource))
        continue;
      self->n_files++;
      self->total += MAX (ckan_resource_get_size (resource), 0);
    }

  prepare = g_task_new (self, cancellable, prepared_cb, g_steal_pointer (&task));
  g_task_set_task_data (prepare, g_object_ref (parent), g_object_unref);
  g_task_run_in_thread (prepare, prepare_thread);
}

GFile *
pub_dataset_backup_write_finish (PubDatasetBackup  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

double
pub_dataset_backup_get_fraction (PubDatasetBackup *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_BACKUP (self), 0);
  return self->fraction;
}

const char *
pub_dataset_backup_get_current_file (PubDatasetBackup *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_BACKUP (self), NULL);
  return self->current_file;
}

/* Restoring */

static JsonObject *
read_object (GFile         *folder,
             const char    *name,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFile) file = g_file_get_child (folder, name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  if (!json_parser_load_from_data (parser, contents, length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, PUB_CORE_ERROR, PUB_CORE_ERROR_CORRUPT, _("“%s” in the backup is damaged."), name);
      return NULL;
    }
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
restore_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *folder = task_data;
  g_autoptr(JsonObject) manifest = NULL;
  g_autoptr(JsonObject) metadata = NULL;
  g_autoptr(CkanDataset) dataset = NULL;
  g_autoptr(PubDraft) draft = NULL;
  g_autoptr(GHashTable) files = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *entries;
  GPtrArray *resources;
  GError *error = NULL;

  manifest = read_object (folder, PUB_BACKUP_MANIFEST_FILE, cancellable, &error);
  if (manifest == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_clear_error (&error);
          g_set_error_literal (&error, PUB_CORE_ERROR, PUB_CORE_ERROR_CORRUPT,
                               _("This folder is not a complete Publicador backup."));
        }
      g_task_return_error (task, error);
      return;
    }
  metadata = read_object (folder, PUB_BACKUP_METADATA_FILE, cancellable, &error);
  dataset = metadata != NULL ? ckan_dataset_new_from_json (metadata, &error) : NULL;
  if (dataset == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  entries = json_object_get_array_member (manifest, "files");
  for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *id = entry != NULL ? json_object_get_string_member_with_default (entry, "resource_id", NULL) : NULL;
      const char *path = entry != NULL ? json_object_get_string_member_with_default (entry, "file", NULL) : NULL;

      /* Only a name inside the folder: a manifest can't point elsewhere. */
      if (id != NULL && path != NULL && !g_path_is_absolute (path) && strstr (path, "..") == NULL)
        g_hash_table_insert (files, (gpointer) id, (gpointer) path);
    }

  /* A new dataset: nothing links it to the deleted one but its metadata. */
  draft = pub_draft_new ();
  pub_dataset_edit_fill_draft (draft, dataset);
  pub_draft_set_portal (draft, json_object_get_string_member_with_default (manifest, "portal", NULL));

  resources = ckan_dataset_get_resources (dataset);
  for (guint i = 0; i < resources->len; i++)
    {
      CkanResource *resource = g_ptr_array_index (resources, i);
      const char *path = g_hash_table_lookup (files, ckan_resource_get_id (resource));
      g_autoptr(PubDraftResource) item = NULL;

      if (path != NULL)
        {
          g_autoptr(GFile) file = g_file_resolve_relative_path (folder, path);

          if (!g_file_query_exists (file, cancellable))
            {
              g_task_return_new_error (task, PUB_CORE_ERROR, PUB_CORE_ERROR_CORRUPT,
                                       _("The backup lacks the file “%s”."), path);
              return;
            }
          item = pub_draft_resource_new_for_file (file);
        }
      else if (!ckan_resource_is_upload (resource) && ckan_resource_get_url (resource) != NULL &&
               ckan_resource_get_url (resource)[0] != '\0')
        item = pub_draft_resource_new_link (ckan_resource_get_url (resource));
      else
        continue;
      if (ckan_resource_get_name (resource) != NULL)
        pub_draft_resource_set_name (item, ckan_resource_get_name (resource));
      if (ckan_resource_get_description (resource) != NULL)
        pub_draft_resource_set_description (item, ckan_resource_get_description (resource));
      if (ckan_resource_get_format (resource) != NULL && ckan_resource_get_format (resource)[0] != '\0')
        pub_draft_resource_set_format (item, ckan_resource_get_format (resource));
      pub_draft_add_resource (draft, item);
    }
  g_task_return_pointer (task, g_steal_pointer (&draft), g_object_unref);
}

void
pub_dataset_backup_restore_async (GFile               *folder,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (folder));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_dataset_backup_restore_async);
  g_task_set_task_data (task, g_object_ref (folder), g_object_unref);
  g_task_run_in_thread (task, restore_thread);
}

PubDraft *
pub_dataset_backup_restore_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
pub_dataset_backup_dispose (GObject *object)
{
  PubDatasetBackup *self = PUB_DATASET_BACKUP (object);

  g_clear_object (&self->client);
  g_clear_object (&self->dataset);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (pub_dataset_backup_parent_class)->dispose (object);
}

static void
pub_dataset_backup_finalize (GObject *object)
{
  PubDatasetBackup *self = PUB_DATASET_BACKUP (object);

  g_clear_pointer (&self->files, json_array_unref);
  g_free (self->current_file);

  G_OBJECT_CLASS (pub_dataset_backup_parent_class)->finalize (object);
}

static void
pub_dataset_backup_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PubDatasetBackup *self = PUB_DATASET_BACKUP (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_CURRENT_FILE:
      g_value_set_string (value, self->current_file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_dataset_backup_class_init (PubDatasetBackupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pub_dataset_backup_dispose;
  object_class->finalize = pub_dataset_backup_finalize;
  object_class->get_property = pub_dataset_backup_get_property;

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT_FILE] =
    g_param_spec_string ("current-file", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pub_dataset_backup_init (PubDatasetBackup *self)
{
}

PubDatasetBackup *
pub_dataset_backup_new (CkanClient  *client,
                        CkanDataset *dataset)
{
  PubDatasetBackup *self;

  g_return_val_if_fail (CKAN_IS_CLIENT (client), NULL);
  g_return_val_if_fail (CKAN_IS_DATASET (dataset), NULL);

  self = g_object_new (PUB_TYPE_DATASET_BACKUP, NULL);
  self->client = g_object_ref (client);
  self->dataset = g_object_ref (dataset);
  return self;
}
