/* ckan-client-resources.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-client-action-private.h"
#include "ckan-client-resources.h"
#include "ckan-record.h"

#define RESOURCE ckan_parse_record, ckan_resource_get_type, g_object_unref

static const CkanActionInfo resource_show = { "resource_show", CKAN_CALL_READ, RESOURCE };
static const CkanActionInfo resource_create = { "resource_create", CKAN_CALL_WRITE, RESOURCE };
/* Separate infos for the uploads: their tasks finish through the upload
 * primitive, and a finish of the wrong kind is caught by the source tag. */
static const CkanActionInfo resource_create_upload = { "resource_create", CKAN_CALL_WRITE, RESOURCE };
static const CkanActionInfo resource_patch = { "resource_patch", CKAN_CALL_WRITE, RESOURCE };
static const CkanActionInfo resource_patch_upload = { "resource_patch", CKAN_CALL_WRITE, RESOURCE };
static const CkanActionInfo resource_delete = { "resource_delete", CKAN_CALL_WRITE, NULL, NULL, NULL };

static JsonObject *
copy_with_id (JsonObject *fields,
              const char *id)
{
  JsonObject *params = ckan_json_object_deep_copy (fields);

  if (id != NULL)
    json_object_set_string_member (params, "id", id);
  return params;
}

void
ckan_client_resource_show_async (CkanClient          *self,
                                 const char          *id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("id", id, NULL);

  g_return_if_fail (id != NULL);
  ckan_client_action_async (self, &resource_show, params, cancellable, callback, user_data);
}

CkanResource *
ckan_client_resource_show_finish (CkanClient    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return ckan_client_action_finish (self, result, &resource_show, error);
}

void
ckan_client_resource_create_async (CkanClient          *self,
                                   JsonObject          *fields,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (fields != NULL);
  ckan_client_action_async (self, &resource_create, fields, cancellable, callback, user_data);
}

CkanResource *
ckan_client_resource_create_finish (CkanClient    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return ckan_client_action_finish (self, result, &resource_create, error);
}

void
ckan_client_resource_create_upload_async (CkanClient          *self,
                                          JsonObject          *fields,
                                          GFile               *file,
                                          const char          *filename,
                                          CkanProgressFunc     progress,
                                          gpointer             progress_data,
                                          GDestroyNotify       progress_destroy,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(JsonObject) params = copy_with_id (fields, NULL);
  g_autofree char *basename = filename == NULL ? g_file_get_basename (file) : NULL;

  /* A url beside the file would make CKAN keep the link, not the upload. */
  json_object_remove_member (params, "url");
  ckan_client_action_upload_async (self, &resource_create_upload, params, file,
                                   filename != NULL ? filename : basename,
                                   progress, progress_data, progress_destroy,
                                   cancellable, callback, user_data);
}

CkanResource *
ckan_client_resource_create_upload_finish (CkanClient    *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return ckan_client_action_finish (self, result, &resource_create_upload, error);
}

void
ckan_client_resource_patch_async (CkanClient          *self,
                                  const char          *id,
                                  JsonObject          *changes,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(JsonObject) params = copy_with_id (changes, id);

  g_return_if_fail (id != NULL);
  ckan_client_action_async (self, &resource_patch, params, cancellable, callback, user_data);
}

CkanResource *
ckan_client_resource_patch_finish (CkanClient    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return ckan_client_action_finish (self, result, &resource_patch, error);
}

void
ckan_client_resource_patch_upload_async (CkanClient          *self,
                                         const char          *id,
                                         JsonObject          *changes,
                                         GFile               *file,
                                         const char          *filename,
                                         CkanProgressFunc     progress,
                                         gpointer             progress_data,
                                         GDestroyNotify       progress_destroy,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(JsonObject) params = copy_with_id (changes, id);
  g_autofree char *basename = filename == NULL ? g_file_get_basename (file) : NULL;

  g_return_if_fail (id != NULL);
  json_object_remove_member (params, "url");
  ckan_client_action_upload_async (self, &resource_patch_upload, params, file,
                                   filename != NULL ? filename : basename,
                                   progress, progress_data, progress_destroy,
                                   cancellable, callback, user_data);
}

CkanResource *
ckan_client_resource_patch_upload_finish (CkanClient    *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return ckan_client_action_finish (self, result, &resource_patch_upload, error);
}

void
ckan_client_resource_delete_async (CkanClient          *self,
                                   const char          *id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("id", id, NULL);

  g_return_if_fail (id != NULL);
  ckan_client_action_async (self, &resource_delete, params, cancellable, callback, user_data);
}

gboolean
ckan_client_resource_delete_finish (CkanClient    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return ckan_client_action_finish_boolean (self, result, &resource_delete, error);
}
