/* test-portal-state.c: the fixture, lookups, permissions and dictization
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-portal-private.h"

#include <string.h>

/* ---- Lookups ---- */

PortalUser *
portal_find_user (PubTestPortal *self,
                  const char    *id_or_name)
{
  GHashTableIter iter;
  PortalUser *user;

  if (!id_or_name)
    return NULL;
  user = g_hash_table_lookup (self->users, id_or_name);
  if (user)
    return user;
  g_hash_table_iter_init (&iter, self->users);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &user))
    if (g_str_equal (user->name, id_or_name))
      return user;
  return NULL;
}

PortalOrg *
portal_find_org (PubTestPortal *self,
                 const char    *id_or_name)
{
  GHashTableIter iter;
  PortalOrg *org;

  if (!id_or_name)
    return NULL;
  org = g_hash_table_lookup (self->orgs, id_or_name);
  if (org)
    return org;
  g_hash_table_iter_init (&iter, self->orgs);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &org))
    if (g_str_equal (org->name, id_or_name))
      return org;
  return NULL;
}

/* By id, else by name: a live dataset first, since a deleted one does not
 * hold on to its name. */
JsonObject *
portal_find_dataset (PubTestPortal *self,
                     const char    *id_or_name)
{
  JsonObject *deleted = NULL;

  if (!id_or_name)
    return NULL;
  for (guint i = 0; i < self->datasets->len; i++)
    if (g_strcmp0 (portal_object_string (self->datasets->pdata[i], "id"), id_or_name) == 0)
      return self->datasets->pdata[i];
  for (guint i = 0; i < self->datasets->len; i++)
    {
      JsonObject *dataset = self->datasets->pdata[i];

      if (g_strcmp0 (portal_object_string (dataset, "name"), id_or_name) != 0)
        continue;
      if (g_strcmp0 (portal_object_string (dataset, "state"), "deleted") != 0)
        return dataset;
      deleted = dataset;
    }
  return deleted;
}

JsonObject *
portal_find_resource (PubTestPortal *self,
                      const char    *id,
                      JsonObject   **dataset)
{
  if (!id)
    return NULL;
  for (guint i = 0; i < self->datasets->len; i++)
    {
      JsonArray *resources = portal_object_array (self->datasets->pdata[i], "resources");

      for (guint j = 0; resources && j < json_array_get_length (resources); j++)
        {
          JsonObject *resource = json_array_get_object_element (resources, j);

          if (g_strcmp0 (portal_object_string (resource, "id"), id) == 0)
            {
              if (dataset)
                *dataset = self->datasets->pdata[i];
              return resource;
            }
        }
    }
  return NULL;
}

gboolean
portal_has_extension (PubTestPortal *self,
                      const char    *name)
{
  return g_ptr_array_find_with_equal_func (self->extensions, name, g_str_equal, NULL);
}

/* ---- Permissions (ckan/authz.py, default roles) ---- */

const char *
portal_capacity (PubTestPortal *self,
                 PortalUser    *user,
                 const char    *org_id)
{
  PortalOrg *org = portal_find_org (self, org_id);

  if (!user || !org)
    return NULL;
  return g_hash_table_lookup (org->members, user->id);
}

gboolean
portal_has_permission (PubTestPortal *self,
                       PortalUser    *user,
                       const char    *org_id,
                       const char    *permission)
{
  static const char *const editor[] = { "read", "delete_dataset", "create_dataset",
                                        "update_dataset", "manage_group", NULL };
  static const char *const member[] = { "read", "manage_group", NULL };
  const char *capacity;

  if (!user)
    return FALSE;
  if (user->sysadmin)
    return TRUE;
  capacity = portal_capacity (self, user, org_id);
  if (!capacity)
    return FALSE;
  if (g_str_equal (capacity, "admin"))
    return TRUE;
  if (g_str_equal (capacity, "editor"))
    return g_strv_contains (editor, permission);
  if (g_str_equal (capacity, "member"))
    return g_strv_contains (member, permission);
  return FALSE;
}

/* ckan/logic/auth/get.py package_show. */
gboolean
portal_can_read_dataset (PubTestPortal *self,
                         PortalUser    *user,
                         JsonObject    *dataset)
{
  const char *state = portal_object_string (dataset, "state");
  const char *owner_org = portal_object_string (dataset, "owner_org");
  gboolean private = json_object_get_boolean_member_with_default (dataset, "private", FALSE);

  if (user && user->sysadmin)
    return TRUE;
  if (g_str_has_prefix (state ? state : "", "draft"))
    return portal_can_edit_dataset (self, user, dataset) ||
           (user && g_strcmp0 (portal_object_string (dataset, "creator_user_id"), user->id) == 0 && !owner_org);
  if (g_strcmp0 (state, "active") == 0 && (!private || !owner_org))
    return TRUE;
  if (!owner_org)
    return FALSE;
  return portal_has_permission (self, user, owner_org, private ? "read" : "update_dataset");
}

gboolean
portal_can_edit_dataset (PubTestPortal *self,
                         PortalUser    *user,
                         JsonObject    *dataset)
{
  const char *owner_org = portal_object_string (dataset, "owner_org");

  if (!user)
    return FALSE;
  if (user->sysadmin)
    return TRUE;
  if (!owner_org)
    return g_strcmp0 (portal_object_string (dataset, "creator_user_id"), user->id) == 0;
  return portal_has_permission (self, user, owner_org, "update_dataset");
}

/* ---- Dictization ---- */

char *
portal_download_url (PubTestPortal *self,
                     const char    *package_id,
                     const char    *resource_id,
                     const char    *filename)
{
  return g_strdup_printf ("%s/dataset/%s/resource/%s/download/%s",
                          portal_site_url (self), package_id, resource_id, filename);
}

JsonObject *
portal_dictize_resource (PubTestPortal *self,
                         JsonObject    *resource)
{
  JsonObject *out = portal_json_object_copy (resource);
  const char *url = portal_object_string (resource, "url");

  if (g_strcmp0 (portal_object_string (resource, "url_type"), "upload") == 0 && url && !strchr (url, '/'))
    {
      g_autofree char *full = portal_download_url (self, portal_object_string (resource, "package_id"),
                                                   portal_object_string (resource, "id"), url);

      json_object_set_string_member (out, "url", full);
    }
  return out;
}

JsonObject *
portal_dictize_org (PubTestPortal *self,
                    PortalOrg     *org)
{
  JsonObject *out = json_object_new ();

  json_object_set_string_member (out, "id", org->id);
  json_object_set_string_member (out, "name", org->name);
  json_object_set_string_member (out, "title", org->title);
  json_object_set_string_member (out, "display_name", org->title);
  json_object_set_string_member (out, "type", "organization");
  json_object_set_string_member (out, "description", org->description ? org->description : "");
  json_object_set_string_member (out, "image_url", "");
  json_object_set_string_member (out, "image_display_url", "");
  json_object_set_string_member (out, "created", org->created);
  json_object_set_boolean_member (out, "is_organization", TRUE);
  json_object_set_string_member (out, "approval_status", "approved");
  json_object_set_string_member (out, "state", "active");
  return out;
}

static JsonObject *
find_license (PubTestPortal *self,
              const char    *id)
{
  for (guint i = 0; id && self->licenses && i < json_array_get_length (self->licenses); i++)
    {
      JsonObject *license = json_array_get_object_element (self->licenses, i);

      if (g_strcmp0 (portal_object_string (license, "id"), id) == 0)
        return license;
    }
  return NULL;
}

JsonObject *
portal_dictize_dataset (PubTestPortal *self,
                        JsonObject    *dataset)
{
  JsonObject *out = portal_json_object_copy (dataset);
  JsonArray *resources = portal_object_array (dataset, "resources");
  JsonArray *out_resources = json_array_new ();
  PortalOrg *org = portal_find_org (self, portal_object_string (dataset, "owner_org"));
  JsonObject *license = find_license (self, portal_object_string (dataset, "license_id"));

  for (guint i = 0; i < json_array_get_length (resources); i++)
    json_array_add_object_element (out_resources,
                                   portal_dictize_resource (self, json_array_get_object_element (resources, i)));
  json_object_set_array_member (out, "resources", out_resources);
  json_object_set_int_member (out, "num_resources", json_array_get_length (resources));
  json_object_set_int_member (out, "num_tags",
                              json_array_get_length (portal_object_array (dataset, "tags")));
  if (org)
    json_object_set_object_member (out, "organization", portal_dictize_org (self, org));
  else
    json_object_set_null_member (out, "organization");
  if (license)
    {
      const char *od = portal_object_string (license, "od_conformance");

      json_object_set_string_member (out, "license_title", portal_object_string (license, "title"));
      if (portal_object_string (license, "url") && *portal_object_string (license, "url"))
        json_object_set_string_member (out, "license_url", portal_object_string (license, "url"));
      json_object_set_boolean_member (out, "isopen", g_strcmp0 (od, "approved") == 0);
    }
  else
    {
      json_object_set_boolean_member (out, "isopen", FALSE);
    }
  return out;
}

JsonObject *
portal_dictize_user (PubTestPortal *self,
                     PortalUser    *user,
                     gboolean       with_email)
{
  JsonObject *out = json_object_new ();
  guint created = 0;

  for (guint i = 0; i < self->datasets->len; i++)
    {
      JsonObject *dataset = self->datasets->pdata[i];

      if (g_strcmp0 (portal_object_string (dataset, "creator_user_id"), user->id) == 0 &&
          g_strcmp0 (portal_object_string (dataset, "state"), "active") == 0)
        created++;
    }
  json_object_set_string_member (out, "id", user->id);
  json_object_set_string_member (out, "name", user->name);
  json_object_set_string_member (out, "fullname", user->fullname);
  json_object_set_string_member (out, "display_name", user->fullname && *user->fullname ? user->fullname : user->name);
  json_object_set_string_member (out, "about", "");
  json_object_set_string_member (out, "created", user->created);
  json_object_set_string_member (out, "state", "active");
  json_object_set_boolean_member (out, "sysadmin", user->sysadmin);
  json_object_set_null_member (out, "image_url");
  json_object_set_null_member (out, "image_display_url");
  json_object_set_null_member (out, "last_active");
  json_object_set_boolean_member (out, "activity_streams_email_notifications", FALSE);
  json_object_set_null_member (out, "apikey");
  json_object_set_int_member (out, "number_created_packages", created);
  {
    g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_MD5, user->email ? user->email : "", -1);

    json_object_set_string_member (out, "email_hash", hash);
  }
  if (with_email)
    json_object_set_string_member (out, "email", user->email);
  return out;
}

void
portal_record_activity (PubTestPortal *self,
                        PortalUser    *user,
                        JsonObject    *dataset,
                        const char    *activity_type)
{
  JsonObject *activity = json_object_new ();
  JsonObject *data = json_object_new ();
  g_autofree char *now = portal_now ();

  portal_set_uuid (activity, "id");
  json_object_set_string_member (activity, "timestamp", now);
  json_object_set_string_member (activity, "user_id", user ? user->id : NULL);
  json_object_set_string_member (activity, "object_id", portal_object_string (dataset, "id"));
  json_object_set_string_member (activity, "activity_type", activity_type);
  json_object_set_object_member (data, "package", portal_dictize_dataset (self, dataset));
  json_object_set_string_member (data, "actor", user ? user->name : "");
  json_object_set_object_member (activity, "data", data);
  {
    JsonArray *labels = json_array_new ();

    json_array_add_string_element (labels, "public");
    json_object_set_array_member (activity, "permission_labels", labels);
  }
  g_ptr_array_add (self->activities, activity);
}

PortalToken *
portal_add_token (PubTestPortal *self,
                  const char    *user_id,
                  const char    *name,
                  const char    *token_string)
{
  PortalToken *token = g_new0 (PortalToken, 1);

  if (token_string)
    {
      token->token = g_strdup (token_string);
      token->jti = portal_token_jti (token_string);
    }
  else
    {
      token->token = portal_new_token_string (&token->jti);
    }
  token->user_id = g_strdup (user_id);
  token->name = g_strdup (name);
  token->created_at = portal_now ();
  g_hash_table_replace (self->tokens, token->token, token);
  return token;
}

/* ---- The fixture ---- */

static const char *
member_string (JsonObject *object,
               const char *key,
               const char *fallback)
{
  const char *value = portal_object_string (object, key);

  return value ? value : fallback;
}

static void
load_users (PubTestPortal *self,
            JsonArray     *users)
{
  for (guint i = 0; users && i < json_array_get_length (users); i++)
    {
      JsonObject *object = json_array_get_object_element (users, i);
      PortalUser *user = g_new0 (PortalUser, 1);
      const char *token = portal_object_string (object, "token");

      user->id = g_strdup (portal_object_string (object, "id"));
      if (!user->id)
        user->id = g_uuid_string_random ();
      user->name = g_strdup (member_string (object, "name", user->id));
      user->fullname = g_strdup (member_string (object, "fullname", ""));
      user->email = g_strdup (member_string (object, "email", ""));
      user->sysadmin = json_object_get_boolean_member_with_default (object, "sysadmin", FALSE);
      user->created = portal_now ();
      g_hash_table_replace (self->users, user->id, user);
      if (token)
        portal_add_token (self, user->id, "fixture", token);
    }
}

static void
load_orgs (PubTestPortal *self,
           JsonArray     *orgs)
{
  for (guint i = 0; orgs && i < json_array_get_length (orgs); i++)
    {
      JsonObject *object = json_array_get_object_element (orgs, i);
      JsonObject *members = portal_object_object (object, "members");
      PortalOrg *org = g_new0 (PortalOrg, 1);
      JsonObjectIter iter;
      const char *user_name;
      JsonNode *capacity;

      org->id = g_strdup (portal_object_string (object, "id"));
      if (!org->id)
        org->id = g_uuid_string_random ();
      org->name = g_strdup (member_string (object, "name", org->id));
      org->title = g_strdup (member_string (object, "title", org->name));
      org->description = g_strdup (member_string (object, "description", ""));
      org->created = portal_now ();
      org->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      if (members)
        {
          json_object_iter_init (&iter, members);
          while (json_object_iter_next (&iter, &user_name, &capacity))
            {
              PortalUser *user = portal_find_user (self, user_name);

              if (user && JSON_NODE_HOLDS_VALUE (capacity))
                g_hash_table_replace (org->members, g_strdup (user->id),
                                      g_strdup (json_node_get_string (capacity)));
            }
        }
      g_hash_table_replace (self->orgs, org->id, org);
    }
}

static gboolean
load_datasets (PubTestPortal  *self,
               JsonArray      *datasets,
               GError        **error)
{
  for (guint i = 0; datasets && i < json_array_get_length (datasets); i++)
    {
      g_autoptr(JsonObject) input = portal_json_object_copy (json_array_get_object_element (datasets, i));
      PortalCall call = { 0 };
      g_autoptr(JsonObject) saved = NULL;

      call.portal = self;
      call.action = "package_create";
      call.user = portal_find_user (self, portal_object_string (input, "creator"));
      call.params = input;
      json_object_remove_member (input, "creator");
      saved = portal_dataset_save (self, &call, input, NULL);
      if (call.error)
        {
          g_autoptr(JsonNode) node = portal_node_object (call.error);
          g_autofree char *text = portal_json_to_string (node);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "fixture dataset %u is invalid: %s", i, text);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
portal_load_fixture (PubTestPortal  *self,
                     const char     *path,
                     GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *extensions;
  JsonNode *node;

  if (!json_parser_load_from_file (parser, path ? path : PORTAL_DEFAULT_FIXTURE, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the fixture is not a JSON object");
      return FALSE;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  self->site_title = g_strdup (member_string (root, "site_title", "Portal de prueba"));
  self->ckan_version = g_strdup (member_string (root, "ckan_version", "2.11.6"));
  extensions = portal_object_array (root, "extensions");
  for (guint i = 0; extensions && i < json_array_get_length (extensions); i++)
    g_ptr_array_add (self->extensions, g_strdup (json_array_get_string_element (extensions, i)));
  if (json_object_has_member (root, "max_resource_size"))
    self->max_upload = json_object_get_int_member (root, "max_resource_size");
  self->require_approval = json_object_get_boolean_member_with_default (root, "comments_require_approval", TRUE);
  self->strict_schema = json_object_get_boolean_member_with_default (root, "scheming_required", FALSE);
  self->locale = g_strdup (g_strcmp0 (portal_object_string (root, "locale_default"), "es") == 0 ? "es" : "en");
  node = json_object_get_member (root, "licenses");
  if (node && JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autoptr(JsonNode) copy = portal_json_copy (node);

      self->licenses = json_array_ref (json_node_get_array (copy));
    }
  else
    {
      self->licenses = json_array_new ();
    }
  node = json_object_get_member (root, "dataset_schema");
  if (node && JSON_NODE_HOLDS_OBJECT (node))
    self->dataset_schema = portal_json_object_copy (json_node_get_object (node));

  load_users (self, portal_object_array (root, "users"));
  load_orgs (self, portal_object_array (root, "organizations"));
  return load_datasets (self, portal_object_array (root, "datasets"), error) &&
         portal_load_fixture_comments (self, portal_object_array (root, "comments"), error);
}
