/* test-portal-datasets.c: package_create/show/update/patch/delete and friends
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-portal-private.h"

#include <string.h>

static gboolean
can_create_somewhere (PubTestPortal *self,
                      PortalUser    *user)
{
  GHashTableIter iter;
  PortalOrg *org;
  gboolean in_some_org = FALSE;

  g_hash_table_iter_init (&iter, self->orgs);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &org))
    {
      if (portal_has_permission (self, user, org->id, "create_dataset"))
        return TRUE;
      in_some_org = in_some_org || portal_capacity (self, user, org->id);
    }
  return !in_some_org;
}

static JsonNode *
package_create (PubTestPortal *self,
                PortalCall    *call)
{
  g_autofree char *label = portal_call_user_label (call);
  const char *owner_org = portal_param_string (call, "owner_org");
  g_autoptr(JsonObject) saved = NULL;

  /* Anonymous users, and members of organizations where they can't
   * publish (ckan.auth.create_dataset_if_not_in_organization only helps
   * users in no organization). */
  if (!call->user || (!call->user->sysadmin && !can_create_somewhere (self, call->user)))
    {
      g_autofree char *message = g_strdup_printf ("User %s not authorized to create packages", label);

      portal_call_deny (call, message);
      return NULL;
    }
  if (owner_org && *owner_org && !call->user->sysadmin &&
      !portal_has_permission (self, call->user, owner_org, "create_dataset"))
    {
      g_autofree char *message = g_strdup_printf ("User %s not authorized to add dataset to this organization",
                                                  label);

      portal_call_deny (call, message);
      return NULL;
    }
  saved = portal_dataset_save (self, call, call->params, NULL);
  if (!saved)
    return NULL;
  portal_record_activity (self, call->user, saved, "new package");
  return portal_node_object (portal_dictize_dataset (self, saved));
}

static JsonNode *
package_show (PubTestPortal *self,
              PortalCall    *call)
{
  const char *id = portal_param_string (call, "id");
  JsonObject *dataset;

  if (!id || !*id)
    id = portal_param_string (call, "name_or_id");
  if (!id || !*id)
    {
      portal_call_field_string (call, "name_or_id", "Missing value");
      return NULL;
    }
  dataset = portal_find_dataset (self, id);
  if (!dataset)
    {
      portal_call_not_found (call, NULL);
      return NULL;
    }
  if (!portal_can_read_dataset (self, call->user, dataset))
    {
      g_autofree char *label = portal_call_user_label (call);
      g_autofree char *message = g_strdup_printf ("User %s not authorized to read package %s", label,
                                                  portal_object_string (dataset, "id"));

      portal_call_deny (call, message);
      return NULL;
    }
  return portal_node_object (portal_dictize_dataset (self, dataset));
}

static gboolean
may_edit (PubTestPortal *self,
          PortalCall    *call,
          JsonObject    *dataset,
          const char    *verb)
{
  g_autofree char *label = portal_call_user_label (call);
  g_autofree char *message = NULL;
  gboolean allowed;

  if (!portal_call_require_user (call))
    return FALSE;
  if (g_str_equal (verb, "delete"))
    allowed = call->user->sysadmin ||
              portal_has_permission (self, call->user, portal_object_string (dataset, "owner_org"), "delete_dataset");
  else
    allowed = portal_can_edit_dataset (self, call->user, dataset);
  if (allowed)
    return TRUE;
  message = g_strdup_printf ("User %s not authorized to %s package %s", label, verb,
                             portal_object_string (dataset, "id"));
  portal_call_deny (call, message);
  return FALSE;
}

static JsonNode *
save_update (PubTestPortal *self,
             PortalCall    *call,
             JsonObject    *dataset,
             JsonObject    *input)
{
  const char *old_state = portal_object_string (dataset, "state");
  gboolean was_deleted = g_strcmp0 (old_state, "deleted") == 0;
  g_autoptr(JsonObject) saved = portal_dataset_save (self, call, input, dataset);
  gboolean deleted;

  if (!saved)
    return NULL;
  deleted = g_strcmp0 (portal_object_string (saved, "state"), "deleted") == 0;
  portal_record_activity (self, call->user, saved, deleted && !was_deleted ? "deleted package" : "changed package");
  return portal_node_object (portal_dictize_dataset (self, saved));
}

static JsonNode *
package_update (PubTestPortal *self,
                PortalCall    *call)
{
  const char *id = portal_param_string (call, "id");
  JsonObject *dataset;

  if (!id || !*id)
    id = portal_param_string (call, "name");
  if (!id || !*id)
    {
      portal_call_field_string (call, "id", "Missing value");
      return NULL;
    }
  dataset = portal_find_dataset (self, id);
  if (!dataset)
    {
      portal_call_not_found (call, "Package was not found.");
      return NULL;
    }
  if (!may_edit (self, call, dataset, "edit"))
    return NULL;
  return save_update (self, call, dataset, call->params);
}

static JsonNode *
package_patch (PubTestPortal *self,
               PortalCall    *call)
{
  const char *id = portal_param_string (call, "id");
  JsonObject *dataset;
  g_autoptr(JsonObject) merged = NULL;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (!id || !*id)
    {
      portal_call_field_string (call, "message", "Missing id, can not get Package object");
      return NULL;
    }
  dataset = portal_find_dataset (self, id);
  if (!dataset)
    {
      portal_call_not_found (call, NULL);
      return NULL;
    }
  if (!may_edit (self, call, dataset, "edit"))
    return NULL;
  merged = portal_dictize_dataset (self, dataset);
  json_object_iter_init (&iter, call->params);
  while (json_object_iter_next (&iter, &key, &value))
    if (!g_str_equal (key, "id"))
      json_object_set_member (merged, key, portal_json_copy (value));
  /* The shown dataset's tags are dicts; tag_string would add them twice. */
  if (!json_object_has_member (call->params, "tag_string") && json_object_has_member (merged, "tag_string"))
    json_object_remove_member (merged, "tag_string");
  return save_update (self, call, dataset, merged);
}

static JsonNode *
package_delete (PubTestPortal *self,
                PortalCall    *call)
{
  const char *id = portal_param_string (call, "id");
  JsonObject *dataset;
  g_autofree char *now = portal_now ();

  if (!id || !*id)
    {
      portal_call_field_error (call, "id", "Missing value");
      return NULL;
    }
  dataset = portal_find_dataset (self, id);
  if (!dataset)
    {
      portal_call_not_found (call, "Package was not found.");
      return NULL;
    }
  if (!may_edit (self, call, dataset, "delete"))
    return NULL;
  json_object_set_string_member (dataset, "state", "deleted");
  json_object_set_string_member (dataset, "metadata_modified", now);
  portal_record_activity (self, call->user, dataset, "deleted package");
  return json_node_new (JSON_NODE_NULL);
}

static JsonNode *
package_resource_reorder (PubTestPortal *self,
                          PortalCall    *call)
{
  const char *id = portal_param_string (call, "id");
  JsonNode *order_node = portal_param_json (call, "order");
  JsonObject *dataset;
  JsonArray *order;
  JsonArray *resources;
  g_autoptr(JsonArray) reordered = json_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *result;

  if (!id || !*id)
    {
      portal_call_field_error (call, "id", "Missing value");
      return NULL;
    }
  dataset = portal_find_dataset (self, id);
  if (!dataset)
    {
      portal_call_not_found (call, NULL);
      return NULL;
    }
  if (!may_edit (self, call, dataset, "edit"))
    return NULL;
  if (!order_node || !JSON_NODE_HOLDS_ARRAY (order_node))
    {
      portal_call_field_string (call, "order", "Must be a list of resource");
      return NULL;
    }
  order = json_node_get_array (order_node);
  resources = portal_object_array (dataset, "resources");
  for (guint i = 0; i < json_array_get_length (order); i++)
    {
      const char *rid = json_node_get_string (json_array_get_element (order, i));

      if (!rid || g_hash_table_contains (seen, rid))
        {
          portal_call_field_string (call, "order", "Must supply unique resource_ids");
          return NULL;
        }
      g_hash_table_add (seen, (gpointer) rid);
    }
  for (guint i = 0; i < json_array_get_length (order); i++)
    {
      const char *rid = json_array_get_string_element (order, i);
      JsonObject *found = NULL;

      for (guint j = 0; j < json_array_get_length (resources); j++)
        if (g_strcmp0 (portal_object_string (json_array_get_object_element (resources, j), "id"), rid) == 0)
          found = json_array_get_object_element (resources, j);
      if (!found)
        {
          g_autofree char *message = g_strdup_printf ("resource_id %s can not be found", rid);

          portal_call_field_string (call, "order", message);
          return NULL;
        }
      json_array_add_object_element (reordered, json_object_ref (found));
    }
  for (guint j = 0; j < json_array_get_length (resources); j++)
    {
      JsonObject *resource = json_array_get_object_element (resources, j);

      if (!g_hash_table_contains (seen, portal_object_string (resource, "id")))
        json_array_add_object_element (reordered, json_object_ref (resource));
    }
  for (guint i = 0; i < json_array_get_length (reordered); i++)
    json_object_set_int_member (json_array_get_object_element (reordered, i), "position", i);
  json_object_set_array_member (dataset, "resources", json_array_ref (reordered));
  portal_record_activity (self, call->user, dataset, "changed package");

  result = json_object_new ();
  json_object_set_string_member (result, "id", portal_object_string (dataset, "id"));
  json_object_set_member (result, "order", portal_json_copy (order_node));
  return portal_node_object (result);
}

static JsonNode *
bulk_update (PubTestPortal *self,
             PortalCall    *call,
             const char    *field,
             gboolean       value)
{
  const char *org_id = portal_param_string (call, "org_id");
  JsonNode *datasets_node = portal_param_json (call, "datasets");
  PortalOrg *org = portal_find_org (self, org_id);
  JsonArray *datasets;
  g_autofree char *now = portal_now ();

  /* Organization admins only (the "update" permission of the group). */
  if (!org || !portal_has_permission (self, call->user, org->id, "update"))
    {
      portal_call_deny (call, NULL);
      return NULL;
    }
  if (!datasets_node || !JSON_NODE_HOLDS_ARRAY (datasets_node))
    {
      portal_call_field_error (call, "datasets", "Missing value");
      return NULL;
    }
  datasets = json_node_get_array (datasets_node);
  for (guint i = 0; i < json_array_get_length (datasets); i++)
    {
      JsonObject *dataset = portal_find_dataset (self, json_node_get_string (json_array_get_element (datasets, i)));

      /* Datasets of other organizations are skipped without a word, and
       * so are drafts (observed on CKAN 2.11.6: their visibility and state
       * stay as they were). */
      if (!dataset || g_strcmp0 (portal_object_string (dataset, "owner_org"), org->id) != 0 ||
          g_strcmp0 (portal_object_string (dataset, "state"), "active") != 0)
        continue;
      if (g_str_equal (field, "state"))
        json_object_set_string_member (dataset, "state", "deleted");
      else
        json_object_set_boolean_member (dataset, "private", value);
      json_object_set_string_member (dataset, "metadata_modified", now);
    }
  return json_node_new (JSON_NODE_NULL);
}

static JsonNode *
bulk_update_private (PubTestPortal *self,
                     PortalCall    *call)
{
  return bulk_update (self, call, "private", TRUE);
}

static JsonNode *
bulk_update_public (PubTestPortal *self,
                    PortalCall    *call)
{
  return bulk_update (self, call, "private", FALSE);
}

static JsonNode *
bulk_update_delete (PubTestPortal *self,
                    PortalCall    *call)
{
  return bulk_update (self, call, "state", TRUE);
}

const PortalAction portal_dataset_actions[] = {
  { "package_create", package_create, FALSE, NULL },
  { "package_show", package_show, TRUE, NULL },
  { "package_update", package_update, FALSE, NULL },
  { "package_patch", package_patch, FALSE, NULL },
  { "package_delete", package_delete, FALSE, NULL },
  { "package_search", portal_package_search, TRUE, NULL },
  { "package_resource_reorder", package_resource_reorder, FALSE, NULL },
  { "bulk_update_private", bulk_update_private, FALSE, NULL },
  { "bulk_update_public", bulk_update_public, FALSE, NULL },
  { "bulk_update_delete", bulk_update_delete, FALSE, NULL },
  { "package_activity_list", portal_package_activity_list, TRUE, "activity" },
  { "dashboard_activity_list", portal_dashboard_activity_list, TRUE, "activity" },
  { NULL, NULL, FALSE, NULL },
};
