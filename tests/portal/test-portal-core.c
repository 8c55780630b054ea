/* test-portal-core.c: site, user, organization, licence and token actions
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-portal-private.h"

#include <string.h>

static JsonNode *
status_show (PubTestPortal *self,
             PortalCall    *call)
{
  JsonObject *result = json_object_new ();
  JsonArray *extensions = json_array_new ();

  for (guint i = 0; i < self->extensions->len; i++)
    json_array_add_string_element (extensions, self->extensions->pdata[i]);
  json_object_set_string_member (result, "site_title", self->site_title);
  json_object_set_string_member (result, "site_description", "");
  json_object_set_string_member (result, "site_url", portal_site_url (self));
  json_object_set_string_member (result, "error_emails_to", "");
  json_object_set_string_member (result, "locale_default", self->locale);
  json_object_set_array_member (result, "extensions", extensions);
  json_object_set_string_member (result, "ckan_version", self->ckan_version);
  return portal_node_object (result);
}

static JsonNode *
user_show (PubTestPortal *self,
           PortalCall    *call)
{
  const char *id = portal_param_string (call, "id");
  PortalUser *user;

  /* No id: the token's owner (CKAN 2.10+); anonymous: not found. */
  user = id && *id ? portal_find_user (self, id) : call->user;
  if (!user)
    {
      portal_call_not_found (call, id && *id ? "User not found" : NULL);
      return NULL;
    }
  return portal_node_object (portal_dictize_user (self, user,
                                                  call->user && (call->user == user || call->user->sysadmin)));
}

static guint
org_dataset_count (PubTestPortal *self,
                   PortalOrg     *org)
{
  guint count = 0;

  for (guint i = 0; i < self->datasets->len; i++)
    {
      JsonObject *dataset = self->datasets->pdata[i];

      if (g_strcmp0 (portal_object_string (dataset, "owner_org"), org->id) == 0 &&
          g_strcmp0 (portal_object_string (dataset, "state"), "active") == 0)
        count++;
    }
  return count;
}

static gint
compare_org_names (gconstpointer a,
                   gconstpointer b)
{
  const PortalOrg *x = *(PortalOrg * const *) a;
  const PortalOrg *y = *(PortalOrg * const *) b;

  return g_strcmp0 (x->name, y->name);
}

static JsonNode *
organization_list_for_user (PubTestPortal *self,
                            PortalCall    *call)
{
  const char *id = portal_param_string (call, "id");
  const char *permission = portal_param_string (call, "permission");
  gboolean with_count = portal_param_bool (call, "include_dataset_count", FALSE);
  PortalUser *user = id && *id ? portal_find_user (self, id) : call->user;
  JsonArray *result = json_array_new ();
  g_autoptr(GPtrArray) orgs = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer org_ptr;

  if (id && *id && !user)
    {
      json_array_unref (result);
      portal_call_not_found (call, "User not found");
      return NULL;
    }
  if (!permission || !*permission)
    permission = "manage_group";
  g_hash_table_iter_init (&iter, self->orgs);
  while (g_hash_table_iter_next (&iter, NULL, &org_ptr))
    g_ptr_array_add (orgs, org_ptr);
  g_ptr_array_sort (orgs, compare_org_names);
  for (guint i = 0; user && i < orgs->len; i++)
    {
      PortalOrg *org = orgs->pdata[i];
      const char *capacity = user->sysadmin ? "admin" : portal_capacity (self, user, org->id);
      JsonObject *dict;

      if (!portal_has_permission (self, user, org->id, permission))
        continue;
      dict = portal_dictize_org (self, org);
      json_object_set_string_member (dict, "capacity", capacity);
      if (with_count)
        json_object_set_int_member (dict, "package_count", org_dataset_count (self, org));
      json_array_add_object_element (result, dict);
    }
  return json_node_init_array (json_node_alloc (), result);
}

static JsonNode *
organization_show (PubTestPortal *self,
                   PortalCall    *call)
{
  PortalOrg *org = portal_find_org (self, portal_param_string (call, "id"));
  JsonObject *dict;

  if (!org)
    {
      portal_call_not_found (call, "Organization was not found.");
      return NULL;
    }
  dict = portal_dictize_org (self, org);
  json_object_set_int_member (dict, "package_count", org_dataset_count (self, org));
  return portal_node_object (dict);
}

/* [[user id, "user", capacity], …] as CKAN answers for object_type=user. */
static JsonNode *
member_list (PubTestPortal *self,
             PortalCall    *call)
{
  PortalOrg *org = portal_find_org (self, portal_param_string (call, "id"));
  const char *object_type = portal_param_string (call, "object_type");
  JsonArray *result;
  GHashTableIter iter;
  gpointer user_id, capacity;

  if (!org)
    {
      portal_call_not_found (call, "Group not found");
      return NULL;
    }
  result = json_array_new ();
  if (object_type && g_strcmp0 (object_type, "user") != 0)
    return json_node_init_array (json_node_alloc (), result);
  g_hash_table_iter_init (&iter, org->members);
  while (g_hash_table_iter_next (&iter, &user_id, &capacity))
    {
      JsonArray *tuple = json_array_new ();

      if (portal_param_string (call, "capacity") && g_strcmp0 (portal_param_string (call, "capacity"), capacity) != 0)
        {
          json_array_unref (tuple);
          continue;
        }
      json_array_add_string_element (tuple, user_id);
      json_array_add_string_element (tuple, "user");
      json_array_add_string_element (tuple, capacity);
      json_array_add_array_element (result, tuple);
    }
  return json_node_init_array (json_node_alloc (), result);
}

static JsonNode *
license_list (PubTestPortal *self,
              PortalCall    *call)
{
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), self->licenses);

  return portal_json_copy (node);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static JsonNode *
tag_autocomplete (PubTestPortal *self,
                  PortalCall    *call)
{
  const char *q = portal_param_string (call, "q");
  g_autofree char *needle = g_utf8_casefold (q ? q : "", -1);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  JsonArray *result = json_array_new ();
  gint64 limit;

  if (!portal_param_int (call, "limit", 10, &limit))
    {
      json_array_unref (result);
      portal_call_field_error (call, "limit", "Invalid integer");
      return NULL;
    }
  for (guint i = 0; i < self->datasets->len; i++)
    {
      JsonObject *dataset = self->datasets->pdata[i];
      JsonArray *tags = portal_object_array (dataset, "tags");

      if (!portal_can_read_dataset (self, NULL, dataset))
        continue;
      for (guint j = 0; tags && j < json_array_get_length (tags); j++)
        {
          const char *name = portal_object_string (json_array_get_object_element (tags, j), "name");
          g_autofree char *folded = g_utf8_casefold (name, -1);

          if (*needle && strstr (folded, needle) && !g_hash_table_contains (seen, name))
            {
              g_hash_table_add (seen, (gpointer) name);
              g_ptr_array_add (names, (gpointer) name);
            }
        }
    }
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len && i < (guint) MAX (limit, 0); i++)
    json_array_add_string_element (result, names->pdata[i]);
  return json_node_init_array (json_node_alloc (), result);
}

static JsonNode *
help_show (PubTestPortal *self,
           PortalCall    *call)
{
  const char *name = portal_param_string (call, "name");
  g_autofree char *doc = NULL;
  const PortalAction *action;

  if (!name || !portal_lookup_action (self, name, &action))
    {
      portal_call_not_found (call, "Action function not found");
      return NULL;
    }
  doc = g_strdup_printf ("%s: an action of the Publicador test portal.", name);
  return portal_node_string (doc);
}

static JsonNode *
scheming_dataset_schema_show (PubTestPortal *self,
                              PortalCall    *call)
{
  const char *type = portal_param_string (call, "type");
  g_autoptr(JsonNode) node = NULL;

  if (!type)
    {
      portal_call_field_error (call, "type", "Missing value");
      return NULL;
    }
  if (!self->dataset_schema || g_strcmp0 (type, "dataset") != 0)
    {
      portal_call_not_found (call, NULL);
      return NULL;
    }
  node = json_node_init_object (json_node_alloc (), self->dataset_schema);
  return portal_json_copy (node);
}

/* ---- API tokens ---- */

static gboolean
may_manage_tokens (PortalCall *call,
                   PortalUser *owner)
{
  g_autofree char *label = portal_call_user_label (call);
  g_autofree char *message = NULL;

  if (!portal_call_require_user (call))
    return FALSE;
  if (call->user->sysadmin || call->user == owner)
    return TRUE;
  message = g_strdup_printf ("User %s not authorized to manage the tokens of %s", label,
                             owner ? owner->name : "");
  portal_call_deny (call, message);
  return FALSE;
}

static JsonNode *
api_token_list (PubTestPortal *self,
                PortalCall    *call)
{
  const char *user_id = portal_param_string (call, "user_id");
  PortalUser *owner;
  JsonArray *result;
  GHashTableIter iter;
  PortalToken *token;

  if (!user_id || !*user_id)
    user_id = portal_param_string (call, "user");
  if (!user_id || !*user_id)
    {
      portal_call_field_error (call, "user_id", "Missing value");
      return NULL;
    }
  owner = portal_find_user (self, user_id);
  if (!may_manage_tokens (call, owner))
    return NULL;
  if (!owner)
    {
      portal_call_not_found (call, "User not found");
      return NULL;
    }
  result = json_array_new ();
  g_hash_table_iter_init (&iter, self->tokens);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &token))
    {
      JsonObject *dict;

      if (!g_str_equal (token->user_id, owner->id))
        continue;
      dict = json_object_new ();
      json_object_set_string_member (dict, "id", token->jti);
      json_object_set_string_member (dict, "name", token->name);
      json_object_set_string_member (dict, "user_id", token->user_id);
      json_object_set_string_member (dict, "created_at", token->created_at);
      json_object_set_string_member (dict, "last_access", token->last_access);
      json_array_add_object_element (result, dict);
    }
  return json_node_init_array (json_node_alloc (), result);
}

static JsonNode *
api_token_create (PubTestPortal *self,
                  PortalCall    *call)
{
  const char *user_name = portal_param_string (call, "user");
  const char *name = portal_param_string (call, "name");
  PortalUser *owner;
  PortalToken *token;
  JsonObject *result;

  if (!name || !*name)
    portal_call_field_error (call, "name", "Missing value");
  if (!user_name || !*user_name)
    portal_call_field_error (call, "user", "Missing value");
  if (portal_call_failed (call))
    return NULL;
  owner = portal_find_user (self, user_name);
  if (!may_manage_tokens (call, owner))
    return NULL;
  if (!owner)
    {
      portal_call_field_error (call, "user", "Not found: User");
      return NULL;
    }
  token = portal_add_token (self, owner->id, name, NULL);
  result = json_object_new ();
  json_object_set_string_member (result, "token", token->token);
  return portal_node_object (result);
}

static JsonNode *
api_token_revoke (PubTestPortal *self,
                  PortalCall    *call)
{
  const char *jti = portal_param_string (call, "jti");
  const char *token_string = portal_param_string (call, "token");
  PortalToken *token = NULL;
  GHashTableIter iter;
  PortalToken *candidate;

  if (token_string && *token_string)
    token = g_hash_table_lookup (self->tokens, token_string);
  else if (jti && *jti)
    {
      g_hash_table_iter_init (&iter, self->tokens);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &candidate))
        if (g_str_equal (candidate->jti, jti))
          token = candidate;
    }
  else
    {
      portal_call_validation (call, json_object_new ());
      portal_call_field_string (call, "message", "Either token or jti must be provided");
      return NULL;
    }
  if (!portal_call_require_user (call))
    return NULL;
  if (!token)
    return json_node_new (JSON_NODE_NULL);
  if (!may_manage_tokens (call, portal_find_user (self, token->user_id)))
    return NULL;
  g_hash_table_remove (self->tokens, token->token);
  return json_node_new (JSON_NODE_NULL);
}

const PortalAction portal_core_actions[] = {
  { "status_show", status_show, TRUE, NULL },
  { "user_show", user_show, TRUE, NULL },
  { "organization_list_for_user", organization_list_for_user, TRUE, NULL },
  { "organization_show", organization_show, TRUE, NULL },
  { "member_list", member_list, TRUE, NULL },
  { "license_list", license_list, TRUE, NULL },
  { "tag_autocomplete", tag_autocomplete, TRUE, NULL },
  { "help_show", help_show, TRUE, NULL },
  { "scheming_dataset_schema_show", scheming_dataset_schema_show, TRUE, "scheming_datasets" },
  { "api_token_list", api_token_list, TRUE, NULL },
  { "api_token_create", api_token_create, FALSE, NULL },
  { "api_token_revoke", api_token_revoke, FALSE, NULL },
  { NULL, NULL, FALSE, NULL },
};
