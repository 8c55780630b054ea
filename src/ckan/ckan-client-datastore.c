/* ckan-client-datastore.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-client-action-private.h"
#include "ckan-client-datastore.h"

static const CkanActionInfo datastore_info = { "datastore_info", CKAN_CALL_READ, ckan_parse_record, ckan_datastore_info_get_type, g_object_unref };
static const CkanActionInfo datastore_create = { "datastore_create", CKAN_CALL_WRITE, NULL, NULL, NULL };
static const CkanActionInfo datastore_search = { "datastore_search", CKAN_CALL_READ, ckan_parse_object, NULL, (GDestroyNotify) json_object_unref };
/* Indexed by CkanLoader (none has no actions). */
static const CkanActionInfo load_status[] = {
  [CKAN_LOADER_XLOADER] = { "xloader_status", CKAN_CALL_READ, ckan_parse_record, ckan_load_status_get_type, g_object_unref },
  [CKAN_LOADER_DATAPUSHER] = { "datapusher_status", CKAN_CALL_READ, ckan_parse_record, ckan_load_status_get_type, g_object_unref },
};
static const CkanActionInfo load_submit[] = {
  [CKAN_LOADER_XLOADER] = { "xloader_submit", CKAN_CALL_WRITE, NULL, NULL, NULL },
  [CKAN_LOADER_DATAPUSHER] = { "datapusher_submit", CKAN_CALL_WRITE, NULL, NULL, NULL },
};

void
ckan_client_datastore_info_async (CkanClient          *self,
                                  const char          *resource_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  /* 2.10 knows only "id"; 2.11 takes it too. */
  g_autoptr(JsonObject) params = ckan_params_new ("id", resource_id, NULL);

  g_return_if_fail (resource_id != NULL);
  ckan_client_action_async (self, &datastore_info, params, cancellable, callback, user_data);
}

CkanDatastoreInfo *
ckan_client_datastore_info_finish (CkanClient    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return ckan_client_action_finish (self, result, &datastore_info, error);
}

void
ckan_client_datastore_set_dictionary_async (CkanClient          *self,
                                            const char          *resource_id,
                                            GPtrArray           *fields,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("resource_id", resource_id, NULL);
  JsonArray *array = json_array_new ();

  g_return_if_fail (resource_id != NULL && fields != NULL);

  for (guint i = 0; i < fields->len; i++)
    json_array_add_object_element (array, ckan_datastore_field_to_dictionary (g_ptr_array_index (fields, i)));
  /* force: resources loaded by xloader are read-only without it. */
  json_object_set_boolean_member (params, "force", TRUE);
  json_object_set_array_member (params, "fields", array);
  ckan_client_action_async (self, &datastore_create, params, cancellable, callback, user_data);
}

gboolean
ckan_client_datastore_set_dictionary_finish (CkanClient    *self,
                                             GAsyncResult  *result,
                                             GError       **error)
{
  return ckan_client_action_finish_boolean (self, result, &datastore_create, error);
}

void
ckan_client_datastore_search_async (CkanClient          *self,
                                    const char          *resource_id,
                                    const char          *q,
                                    const char          *sort,
                                    guint                offset,
                                    guint                limit,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("resource_id", resource_id, "q", q, "sort", sort, NULL);

  g_return_if_fail (resource_id != NULL);
  if (offset > 0)
    json_object_set_int_member (params, "offset", offset);
  if (limit > 0)
    json_object_set_int_member (params, "limit", limit);
  ckan_client_action_async (self, &datastore_search, params, cancellable, callback, user_data);
}

JsonObject *
ckan_client_datastore_search_finish (CkanClient    *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return ckan_client_action_finish (self, result, &datastore_search, error);
}

/* The DataStore takes a clause's field in double quotes (the quotes in it
 * doubled), as PostgreSQL writes identifiers. */
char *
ckan_datastore_sort_clause (const char *column,
                            gboolean    descending)
{
  g_autoptr(GString) clause = g_string_new ("\"");

  g_return_val_if_fail (column != NULL, NULL);

  for (const char *p = column; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (clause, '"');
      g_string_append_c (clause, *p);
    }
  g_string_append (clause, descending ? "\" desc" : "\" asc");
  return g_string_free (g_steal_pointer (&clause), FALSE);
}

static gboolean
loader_is_valid (CkanLoader loader)
{
  return loader == CKAN_LOADER_XLOADER || loader == CKAN_LOADER_DATAPUSHER;
}

void
ckan_client_load_status_async (CkanClient          *self,
                               CkanLoader           loader,
                               const char          *resource_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("resource_id", resource_id, NULL);

  g_return_if_fail (loader_is_valid (loader));
  g_return_if_fail (resource_id != NULL);
  ckan_client_action_async (self, &load_status[loader], params, cancellable, callback, user_data);
}

CkanLoadStatus *
ckan_client_load_status_finish (CkanClient    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  const CkanActionInfo *action = g_task_get_source_tag (G_TASK (result));

  g_return_val_if_fail (action == &load_status[CKAN_LOADER_XLOADER] ||
                        action == &load_status[CKAN_LOADER_DATAPUSHER], NULL);
  return ckan_client_action_finish (self, result, action, error);
}

void
ckan_client_load_submit_async (CkanClient          *self,
                               CkanLoader           loader,
                               const char          *resource_id,
                               gboolean             ignore_hash,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("resource_id", resource_id, NULL);

  g_return_if_fail (loader_is_valid (loader));
  g_return_if_fail (resource_id != NULL);
  if (ignore_hash)
    json_object_set_boolean_member (params, "ignore_hash", TRUE);
  ckan_client_action_async (self, &load_submit[loader], params, cancellable, callback, user_data);
}

gboolean
ckan_client_load_submit_finish (CkanClient    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  const CkanActionInfo *action = g_task_get_source_tag (G_TASK (result));

  g_return_val_if_fail (action == &load_submit[CKAN_LOADER_XLOADER] ||
                        action == &load_submit[CKAN_LOADER_DATAPUSHER], FALSE);
  return ckan_client_action_finish_boolean (self, result, action, error);
}
