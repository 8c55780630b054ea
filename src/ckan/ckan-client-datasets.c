/* ckan-client-datasets.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-client-action-private.h"
#include "ckan-client-datasets.h"

#define RECORD(type)      ckan_parse_record, type, g_object_unref
#define RECORD_LIST(type) ckan_parse_record_list, type, (GDestroyNotify) g_ptr_array_unref
#define SUCCESS_ONLY      NULL, NULL, NULL

static const CkanActionInfo status_show = { "status_show", CKAN_CALL_READ, RECORD (ckan_capabilities_get_type) };
static const CkanActionInfo user_show = { "user_show", CKAN_CALL_READ, RECORD (ckan_user_get_type) };
static const CkanActionInfo organization_list_for_user = { "organization_list_for_user", CKAN_CALL_READ, RECORD_LIST (ckan_organization_get_type) };
static const CkanActionInfo license_list = { "license_list", CKAN_CALL_READ, RECORD_LIST (ckan_license_get_type) };
static const CkanActionInfo tag_autocomplete = { "tag_autocomplete", CKAN_CALL_READ, ckan_parse_strv, NULL, (GDestroyNotify) g_strfreev };
static const CkanActionInfo package_show = { "package_show", CKAN_CALL_READ, RECORD (ckan_dataset_get_type) };
static const CkanActionInfo package_create = { "package_create", CKAN_CALL_WRITE, RECORD (ckan_dataset_get_type) };
static const CkanActionInfo package_update = { "package_update", CKAN_CALL_WRITE, RECORD (ckan_dataset_get_type) };
static const CkanActionInfo package_patch = { "package_patch", CKAN_CALL_WRITE, RECORD (ckan_dataset_get_type) };
static const CkanActionInfo package_delete = { "package_delete", CKAN_CALL_WRITE, SUCCESS_ONLY };
static const CkanActionInfo package_resource_reorder = { "package_resource_reorder", CKAN_CALL_WRITE, SUCCESS_ONLY };
static const CkanActionInfo package_activity_list = { "package_activity_list", CKAN_CALL_READ, RECORD_LIST (ckan_activity_get_type) };
static const CkanActionInfo dashboard_activity_list = { "dashboard_activity_list", CKAN_CALL_READ, RECORD_LIST (ckan_activity_get_type) };
static const CkanActionInfo scheming_dataset_schema_show = { "scheming_dataset_schema_show", CKAN_CALL_READ, RECORD (ckan_scheming_schema_get_type) };
/* Indexed by CkanBulkAction; one info each so the action name is the
 * task's too. */
static const CkanActionInfo bulk_update[] = {
  [CKAN_BULK_MAKE_PRIVATE] = { "bulk_update_private", CKAN_CALL_WRITE, SUCCESS_ONLY },
  [CKAN_BULK_MAKE_PUBLIC] = { "bulk_update_public", CKAN_CALL_WRITE, SUCCESS_ONLY },
  [CKAN_BULK_DELETE] = { "bulk_update_delete", CKAN_CALL_WRITE, SUCCESS_ONLY },
};

void
ckan_client_status_show_async (CkanClient          *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  ckan_client_action_async (self, &status_show, NULL, cancellable, callback, user_data);
}

CkanCapabilities *
ckan_client_status_show_finish (CkanClient    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return ckan_client_action_finish (self, result, &status_show, error);
}

void
ckan_client_user_show_async (CkanClient          *self,
                             const char          *id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("id", id, NULL);

  ckan_client_action_async (self, &user_show, params, cancellable, callback, user_data);
}

CkanUser *
ckan_client_user_show_finish (CkanClient    *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return ckan_client_action_finish (self, result, &user_show, error);
}

void
ckan_client_organization_list_for_user_async (CkanClient          *self,
                                              const char          *user_id,
                                              const char          *permission,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("id", user_id, "permission", permission, NULL);

  ckan_client_action_async (self, &organization_list_for_user, params, cancellable, callback, user_data);
}

GPtrArray *
ckan_client_organization_list_for_user_finish (CkanClient    *self,
                                               GAsyncResult  *result,
                                               GError       **error)
{
  return ckan_client_action_finish (self, result, &organization_list_for_user, error);
}

void
ckan_client_license_list_async (CkanClient          *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ckan_client_action_async (self, &license_list, NULL, cancellable, callback, user_data);
}

GPtrArray *
ckan_client_license_list_finish (CkanClient    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return ckan_client_action_finish (self, result, &license_list, error);
}

void
ckan_client_tag_autocomplete_async (CkanClient          *self,
                                    const char          *q,
                                    guint                limit,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("q", q, NULL);

  if (limit > 0)
    json_object_set_int_member (params, "limit", limit);
  ckan_client_action_async (self, &tag_autocomplete, params, cancellable, callback, user_data);
}

GStrv
ckan_client_tag_autocomplete_finish (CkanClient    *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return ckan_client_action_finish (self, result, &tag_autocomplete, error);
}

void
ckan_client_package_show_async (CkanClient          *self,
                                const char          *id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("id", id, NULL);

  g_return_if_fail (id != NULL);
  ckan_client_action_async (self, &package_show, params, cancellable, callback, user_data);
}

CkanDataset *
ckan_client_package_show_finish (CkanClient    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return ckan_client_action_finish (self, result, &package_show, error);
}

/* CKAN answers a list of plain tag strings with an Integrity Error: send
 * each as {"name": tag}. The caller's object is left as it was. */
static JsonObject *
dataset_params (JsonObject *fields,
                const char *id)
{
  JsonObject *params = ckan_json_object_deep_copy (fields);
  JsonNode *tags = json_object_get_member (params, "tags");

  if (id != NULL)
    json_object_set_string_member (params, "id", id);

  if (tags != NULL && JSON_NODE_HOLDS_ARRAY (tags))
    {
      JsonArray *old = json_node_get_array (tags);
      JsonArray *fixed = json_array_new ();

      for (guint i = 0; i < json_array_get_length (old); i++)
        {
          JsonNode *element = json_array_get_element (old, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            {
              JsonObject *tag = json_object_new ();

              json_object_set_string_member (tag, "name", json_node_get_string (element));
              json_array_add_object_element (fixed, tag);
            }
          else
            json_array_add_element (fixed, json_node_copy (element));
        }
      json_object_set_array_member (params, "tags", fixed);
    }
  return params;
}

void
ckan_client_package_create_async (CkanClient          *self,
                                  JsonObject          *fields,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(JsonObject) params = dataset_params (fields, NULL);

  ckan_client_action_async (self, &package_create, params, cancellable, callback, user_data);
}

CkanDataset *
ckan_client_package_create_finish (CkanClient    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return ckan_client_action_finish (self, result, &package_create, error);
}

void
ckan_client_package_update_async (CkanClient          *self,
                                  JsonObject          *fields,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(JsonObject) params = dataset_params (fields, NULL);

  ckan_client_action_async (self, &package_update, params, cancellable, callback, user_data);
}

CkanDataset *
ckan_client_package_update_finish (CkanClient    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return ckan_client_action_finish (self, result, &package_update, error);
}

void
ckan_client_package_patch_async (CkanClient          *self,
                                 const char          *id,
                                 JsonObject          *changes,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(JsonObject) params = dataset_params (changes, id);

  g_return_if_fail (id != NULL);
  ckan_client_action_async (self, &package_patch, params, cancellable, callback, user_data);
}

CkanDataset *
ckan_client_package_patch_finish (CkanClient    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return ckan_client_action_finish (self, result, &package_patch, error);
}

void
ckan_client_package_delete_async (CkanClient          *self,
                                  const char          *id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("id", id, NULL);

  g_return_if_fail (id != NULL);
  ckan_client_action_async (self, &package_delete, params, cancellable, callback, user_data);
}

gboolean
ckan_client_package_delete_finish (CkanClient    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return ckan_client_action_finish_boolean (self, result, &package_delete, error);
}

void
ckan_client_package_resource_reorder_async (CkanClient          *self,
                                            const char          *id,
                                            const char * const  *order,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("id", id, NULL);

  g_return_if_fail (id != NULL);
  ckan_params_set_strv (params, "order", order);
  ckan_client_action_async (self, &package_resource_reorder, params, cancellable, callback, user_data);
}

gboolean
ckan_client_package_resource_reorder_finish (CkanClient    *self,
                                             GAsyncResult  *result,
                                             GError       **error)
{
  return ckan_client_action_finish_boolean (self, result, &package_resource_reorder, error);
}

void
ckan_client_bulk_update_async (CkanClient          *self,
                               CkanBulkAction       action,
                               const char          *org_id,
                               const char * const  *dataset_ids,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("org_id", org_id, NULL);

  g_return_if_fail (action <= CKAN_BULK_DELETE);
  g_return_if_fail (org_id != NULL);
  ckan_params_set_strv (params, "datasets", dataset_ids);
  ckan_client_action_async (self, &bulk_update[action], params, cancellable, callback, user_data);
}

gboolean
ckan_client_bulk_update_finish (CkanClient    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  const CkanActionInfo *action = g_task_get_source_tag (G_TASK (result));

  g_return_val_if_fail (action >= bulk_update && action < bulk_update + G_N_ELEMENTS (bulk_update), FALSE);
  return ckan_client_action_finish_boolean (self, result, action, error);
}

static void
set_page (JsonObject *params,
          guint       offset,
          guint       limit)
{
  if (offset > 0)
    json_object_set_int_member (params, "offset", offset);
  if (limit > 0)
    json_object_set_int_member (params, "limit", limit);
}

void
ckan_client_package_activity_list_async (CkanClient          *self,
                                         const char          *id,
                                         guint                offset,
                                         guint                limit,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("id", id, NULL);

  g_return_if_fail (id != NULL);
  set_page (params, offset, limit);
  ckan_client_action_async (self, &package_activity_list, params, cancellable, callback, user_data);
}

GPtrArray *
ckan_client_package_activity_list_finish (CkanClient    *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return ckan_client_action_finish (self, result, &package_activity_list, error);
}

void
ckan_client_dashboard_activity_list_async (CkanClient          *self,
                                           guint                offset,
                                           guint                limit,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(JsonObject) params = json_object_new ();

  set_page (params, offset, limit);
  ckan_client_action_async (self, &dashboard_activity_list, params, cancellable, callback, user_data);
}

GPtrArray *
ckan_client_dashboard_activity_list_finish (CkanClient    *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  return ckan_client_action_finish (self, result, &dashboard_activity_list, error);
}

void
ckan_client_scheming_dataset_schema_show_async (CkanClient          *self,
                                                const char          *type,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("type", type != NULL ? type : "dataset", NULL);

  ckan_client_action_async (self, &scheming_dataset_schema_show, params, cancellable, callback, user_data);
}

CkanSchemingSchema *
ckan_client_scheming_dataset_schema_show_finish (CkanClient    *self,
                                                 GAsyncResult  *result,
                                                 GError       **error)
{
  return ckan_client_action_finish (self, result, &scheming_dataset_schema_show, error);
}
