/* test-portal-resources.c: resource actions, link and upload
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-portal-private.h"

#include <glib/gstdio.h>
#include <string.h>

/* Keys a client can't set: the rest are kept, unknown ones as extras. */
static const char *const managed_keys[] = {
  "id", "package_id", "position", "created", "metadata_modified", "state",
  "datastore_active", "upload", "clear_upload", "url_type", "size",
  "last_modified", "url", "validation_status", "validation_timestamp", NULL,
};

static const struct {
  const char *ext;
  const char *mimetype;
} mimetypes[] = {
  { "csv", "text/csv" },
  { "tsv", "text/tab-separated-values" },
  { "txt", "text/plain" },
  { "json", "application/json" },
  { "geojson", "application/geo+json" },
  { "xml", "application/xml" },
  { "pdf", "application/pdf" },
  { "zip", "application/zip" },
  { "xls", "application/vnd.ms-excel" },
  { "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { "ods", "application/vnd.oasis.opendocument.spreadsheet" },
};

static const char *
guess_mimetype (const char *filename)
{
  g_autofree char *format = portal_guess_format (filename);
  g_autofree char *lower = g_ascii_strdown (format, -1);

  for (guint i = 0; i < G_N_ELEMENTS (mimetypes); i++)
    if (g_str_equal (lower, mimetypes[i].ext))
      return mimetypes[i].mimetype;
  return NULL;
}

static void
drop_upload (PubTestPortal *self,
             const char    *resource_id)
{
  const char *path = g_hash_table_lookup (self->uploads, resource_id);

  if (path)
    g_unlink (path);
  g_hash_table_remove (self->uploads, resource_id);
}

JsonObject *
portal_resource_build (PubTestPortal *self,
                       JsonObject    *input,
                       JsonObject    *existing,
                       const char    *package_id)
{
  JsonObject *out = json_object_new ();
  g_autofree char *now = portal_now ();
  const char *url = portal_object_string (input, "url");
  const char *format = portal_object_string (input, "format");
  gboolean was_upload = existing && g_strcmp0 (portal_object_string (existing, "url_type"), "upload") == 0;
  gboolean clear = portal_param_bool (&(PortalCall) { .params = input }, "clear_upload", FALSE);
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  const char *id;

  if (existing)
    json_object_set_string_member (out, "id", portal_object_string (existing, "id"));
  else
    portal_set_uuid (out, "id");
  id = portal_object_string (out, "id");
  json_object_set_string_member (out, "package_id", package_id);

  json_object_iter_init (&iter, input);
  while (json_object_iter_next (&iter, &key, &value))
    if (!g_strv_contains (managed_keys, key))
      json_object_set_member (out, key, portal_json_copy (value));
  for (guint i = 0; i < 2; i++)
    {
      const char *field = i == 0 ? "name" : "description";

      if (!json_object_has_member (out, field))
        json_object_set_null_member (out, field);
    }

  if (was_upload && !clear)
    {
      const char *filename = portal_object_string (existing, "url");
      g_autofree char *download = portal_download_url (self, package_id, id, filename);

      if (g_strcmp0 (portal_object_string (input, "url_type"), "upload") == 0 ||
          g_strcmp0 (url, filename) == 0 || g_strcmp0 (url, download) == 0)
        {
          json_object_set_string_member (out, "url", filename);
          json_object_set_string_member (out, "url_type", "upload");
          json_object_set_member (out, "size", portal_json_copy (json_object_get_member (existing, "size")));
          if (!portal_object_string (input, "mimetype"))
            json_object_set_string_member (out, "mimetype", portal_object_string (existing, "mimetype"));
          url = NULL;
          was_upload = FALSE;
        }
    }
  if (was_upload)
    drop_upload (self, id);
  if (!json_object_has_member (out, "url_type"))
    {
      json_object_set_string_member (out, "url", url ? url : "");
      json_object_set_null_member (out, "url_type");
      json_object_set_null_member (out, "size");
    }
  if (!format || !*format)
    {
      g_autofree char *guessed = portal_guess_format (portal_object_string (out, "url"));

      json_object_set_string_member (out, "format", guessed);
    }
  if (!json_object_has_member (out, "mimetype"))
    json_object_set_string_member (out, "mimetype", guess_mimetype (portal_object_string (out, "url")));
  if (!json_object_has_member (out, "hash"))
    json_object_set_string_member (out, "hash", "");
  json_object_set_string_member (out, "created", existing ? portal_object_string (existing, "created") : now);
  json_object_set_string_member (out, "metadata_modified", now);
  json_object_set_string_member (out, "last_modified",
                                 existing ? portal_object_string (existing, "last_modified") : NULL);
  json_object_set_string_member (out, "state", "active");
  json_object_set_null_member (out, "cache_url");
  json_object_set_null_member (out, "cache_last_updated");
  json_object_set_null_member (out, "mimetype_inner");
  json_object_set_null_member (out, "resource_type");
  json_object_set_boolean_member (out, "datastore_contains_all_records_of_source_file", FALSE);
  json_object_set_boolean_member (out, "datastore_active",
                                  existing && json_object_get_boolean_member_with_default (existing, "datastore_active", FALSE));
  for (guint i = 0; existing && i < 2; i++)
    {
      const char *field = i == 0 ? "validation_status" : "validation_timestamp";

      if (json_object_has_member (existing, field))
        json_object_set_member (out, field, portal_json_copy (json_object_get_member (existing, field)));
    }
  return out;
}

/* The uploaded file becomes the resource's: url is its munged name. */
static void
attach_upload (PubTestPortal *self,
               PortalCall    *call,
               JsonObject    *resource)
{
  g_autofree char *filename = portal_munge_filename (call->upload_filename);
  g_autofree char *now = portal_now ();
  const char *id = portal_object_string (resource, "id");
  const char *format = portal_object_string (resource, "format");
  const char *mimetype = guess_mimetype (filename);

  drop_upload (self, id);
  g_hash_table_replace (self->uploads, g_strdup (id), g_steal_pointer (&call->upload_path));
  json_object_set_string_member (resource, "url", filename);
  json_object_set_string_member (resource, "url_type", "upload");
  json_object_set_int_member (resource, "size", call->upload_size);
  json_object_set_string_member (resource, "last_modified", now);
  if (!portal_param_string (call, "mimetype"))
    json_object_set_string_member (resource, "mimetype",
                                   mimetype ? mimetype : call->upload_content_type);
  if (!format || !*format || !portal_param_string (call, "format"))
    {
      g_autofree char *guessed = portal_guess_format (filename);

      json_object_set_string_member (resource, "format", guessed);
    }
}

static gboolean
upload_fits (PubTestPortal *self,
             PortalCall    *call)
{
  if (!call->upload_path || call->upload_size <= self->max_upload)
    return TRUE;
  portal_call_field_error (call, "upload", "File upload too large");
  return FALSE;
}

static JsonNode *
save_resource (PubTestPortal *self,
               PortalCall    *call,
               JsonObject    *dataset,
               JsonObject    *existing,
               JsonObject    *input)
{
  JsonArray *resources = portal_object_array (dataset, "resources");
  JsonObject *resource;
  g_autofree char *now = portal_now ();

  if (!upload_fits (self, call))
    return NULL;
  resource = portal_resource_build (self, input, existing, portal_object_string (dataset, "id"));
  if (call->upload_path)
    attach_upload (self, call, resource);
  if (existing)
    {
      JsonArray *replaced = json_array_new ();

      for (guint i = 0; i < json_array_get_length (resources); i++)
        {
          JsonObject *r = json_array_get_object_element (resources, i);

          if (r == existing)
            {
              json_object_set_int_member (resource, "position", i);
              json_array_add_object_element (replaced, json_object_ref (resource));
            }
          else
            {
              json_array_add_object_element (replaced, json_object_ref (r));
            }
        }
      json_object_set_array_member (dataset, "resources", replaced);
      json_object_unref (resource);
    }
  else
    {
      json_object_set_int_member (resource, "position", json_array_get_length (resources));
      json_array_add_object_element (resources, resource);
    }
  json_object_set_string_member (dataset, "metadata_modified", now);
  portal_record_activity (self, call->user, dataset, "changed package");
  return portal_node_object (portal_dictize_resource (self, resource));
}

static JsonNode *
resource_create (PubTestPortal *self,
                 PortalCall    *call)
{
  const char *package_id = portal_param_string (call, "package_id");
  JsonObject *dataset;

  if (!package_id || !*package_id)
    {
      portal_call_field_error (call, "package_id", "Missing value");
      return NULL;
    }
  dataset = portal_find_dataset (self, package_id);
  if (!dataset)
    {
      portal_call_not_found (call, "No package found for this resource, cannot check auth.");
      return NULL;
    }
  if (!portal_call_require_user (call))
    return NULL;
  if (!portal_can_edit_dataset (self, call->user, dataset))
    {
      g_autofree char *label = portal_call_user_label (call);
      g_autofree char *message = g_strdup_printf ("User %s not authorized to create resources on dataset %s",
                                                  label, portal_object_string (dataset, "id"));

      portal_call_deny (call, message);
      return NULL;
    }
  return save_resource (self, call, dataset, NULL, call->params);
}

/* The resource named by `id`, checked for `verb` rights; NULL on failure. */
static JsonObject *
lookup_resource (PubTestPortal *self,
                 PortalCall    *call,
                 const char    *verb,
                 JsonObject   **dataset)
{
  const char *id = portal_param_string (call, "id");
  JsonObject *resource;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  if (!id || !*id)
    {
      portal_call_field_string (call, "id", "Missing value");
      return NULL;
    }
  resource = portal_find_resource (self, id, dataset);
  if (!resource)
    {
      portal_call_not_found (call, "Resource was not found.");
      return NULL;
    }
  if (g_str_equal (verb, "read"))
    {
      if (portal_can_read_dataset (self, call->user, *dataset))
        return resource;
    }
  else
    {
      if (!portal_call_require_user (call))
        return NULL;
      if (portal_can_edit_dataset (self, call->user, *dataset))
        return resource;
    }
  label = portal_call_user_label (call);
  message = g_strdup_printf ("User %s not authorized to %s resource %s", label, verb, id);
  portal_call_deny (call, message);
  return NULL;
}

static JsonNode *
resource_show (PubTestPortal *self,
               PortalCall    *call)
{
  JsonObject *dataset = NULL;
  JsonObject *resource = lookup_resource (self, call, "read", &dataset);

  if (!resource)
    return NULL;
  return portal_node_object (portal_dictize_resource (self, resource));
}

static JsonNode *
resource_patch (PubTestPortal *self,
                PortalCall    *call)
{
  JsonObject *dataset = NULL;
  JsonObject *resource = lookup_resource (self, call, "edit", &dataset);
  g_autoptr(JsonObject) merged = NULL;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (!resource)
    return NULL;
  merged = portal_dictize_resource (self, resource);
  json_object_iter_init (&iter, call->params);
  while (json_object_iter_next (&iter, &key, &value))
    json_object_set_member (merged, key, portal_json_copy (value));
  return save_resource (self, call, dataset, resource, merged);
}

static JsonNode *
resource_update (PubTestPortal *self,
                 PortalCall    *call)
{
  JsonObject *dataset = NULL;
  JsonObject *resource = lookup_resource (self, call, "edit", &dataset);

  if (!resource)
    return NULL;
  return save_resource (self, call, dataset, resource, call->params);
}

static JsonNode *
resource_delete (PubTestPortal *self,
                 PortalCall    *call)
{
  JsonObject *dataset = NULL;
  JsonObject *resource = lookup_resource (self, call, "delete", &dataset);
  JsonArray *resources;
  g_autofree char *id = NULL;
  g_autofree char *now = portal_now ();

  if (!resource)
    return NULL;
  id = g_strdup (portal_object_string (resource, "id"));
  resources = portal_object_array (dataset, "resources");
  for (guint i = 0; i < json_array_get_length (resources); i++)
    if (json_array_get_object_element (resources, i) == resource)
      {
        json_array_remove_element (resources, i);
        break;
      }
  for (guint i = 0; i < json_array_get_length (resources); i++)
    json_object_set_int_member (json_array_get_object_element (resources, i), "position", i);
  portal_forget_resource (self, id);
  json_object_set_string_member (dataset, "metadata_modified", now);
  portal_record_activity (self, call->user, dataset, "changed package");
  return json_node_new (JSON_NODE_NULL);
}

/* Called when a resource goes away: its file and extension state too. */
void
portal_forget_resource (PubTestPortal *self,
                        const char    *resource_id)
{
  drop_upload (self, resource_id);
  g_hash_table_remove (self->validations, resource_id);
  g_hash_table_remove (self->load_status, resource_id);
  g_hash_table_remove (self->datastore, resource_id);
}

const PortalAction portal_resource_actions[] = {
  { "resource_create", resource_create, FALSE, NULL },
  { "resource_show", resource_show, TRUE, NULL },
  { "resource_patch", resource_patch, FALSE, NULL },
  { "resource_update", resource_update, FALSE, NULL },
  { "resource_delete", resource_delete, FALSE, NULL },
  { NULL, NULL, FALSE, NULL },
};
