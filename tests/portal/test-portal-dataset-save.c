/* test-portal-dataset-save.c: package_create/update's validation (CKAN's
 * schema and messages, plus the scheming schema's fields) and storage
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-portal-private.h"

#include <string.h>

static const char *const text_fields[] = {
  "title", "notes", "url", "version", "author", "author_email",
  "maintainer", "maintainer_email", "license_id", NULL,
};

/* Keys CKAN computes or manages itself: never taken from a client. */
static const char *const managed_fields[] = {
  "id", "name", "owner_org", "private", "state", "type", "tags", "tag_string",
  "extras", "resources", "groups", "creator_user_id", "metadata_created",
  "metadata_modified", "organization", "num_resources", "num_tags",
  "license_title", "license_url", "isopen", "relationships_as_subject",
  "relationships_as_object", NULL,
};

/* ckan/logic/validators.py name_validator, package_name_validator and
 * the length validator scheming's slug preset adds (observed: a short name
 * gets both messages). */
static void
check_name (PubTestPortal *self,
            PortalCall    *call,
            const char    *name,
            JsonObject    *existing)
{
  static const char *const reserved[] = { "new", "edit", "search", NULL };
  JsonObject *other;

  if (!name || !*name)
    {
      portal_call_field_error (call, "name", "Missing value");
      return;
    }
  if (g_strv_contains (reserved, name))
    {
      portal_call_field_error (call, "name", "That name cannot be used");
      return;
    }
  if (strlen (name) < 2 || strlen (name) > 100)
    {
      g_autofree char *second = g_strdup_printf (strlen (name) < 2 ? "Name \"%s\" length is less than minimum 2"
                                                                   : "Name \"%s\" length is more than maximum 100",
                                                 name);

      portal_call_field_error (call, "name", strlen (name) < 2 ? "Must be at least 2 characters long"
                                                               : "Name must be a maximum of 100 characters long");
      portal_call_field_error (call, "name", second);
      return;
    }
  for (const char *p = name; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-' || *p == '_'))
      {
        portal_call_field_error (call, "name",
                                 "Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_");
        return;
      }
  other = portal_find_dataset (self, name);
  if (other && other != existing &&
      g_strcmp0 (portal_object_string (other, "name"), name) == 0 &&
      g_strcmp0 (portal_object_string (other, "state"), "deleted") != 0)
    portal_call_field_error (call, "name", "That URL is already in use.");
}

static gboolean
email_valid (const char *email)
{
  g_autoptr(GRegex) regex = g_regex_new ("^[\\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                                         "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$",
                                         0, 0, NULL);

  return g_regex_match (regex, email, 0, NULL);
}

/* tag_length_validator + tag_name_validator. */
static char *
check_tag (const char *name)
{
  glong len = g_utf8_strlen (name, -1);

  if (len < 2)
    return g_strdup_printf ("Tag \"%s\" length is less than minimum 2", name);
  if (len > 100)
    return g_strdup_printf ("Tag \"%s\" length is more than maximum 100", name);
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!(g_unichar_isalnum (c) || c == '_' || c == ' ' || c == '-' || c == '.'))
        return g_strdup_printf ("Tag \"%s\" must be alphanumeric characters or symbols: -_.", name);
    }
  return NULL;
}

static JsonObject *
tag_dict (const char *name)
{
  JsonObject *tag = json_object_new ();
  g_autofree char *id = g_compute_checksum_for_string (G_CHECKSUM_MD5, name, -1);
  g_autofree char *uuid = g_strdup_printf ("%.8s-%.4s-4%.3s-a%.3s-%.12s", id, id + 8, id + 13, id + 17, id + 20);

  json_object_set_string_member (tag, "id", uuid);
  json_object_set_string_member (tag, "name", name);
  json_object_set_string_member (tag, "display_name", name);
  json_object_set_string_member (tag, "state", "active");
  json_object_set_null_member (tag, "vocabulary_id");
  return tag;
}

/* FALSE: an Integrity Error was set (wrong structure, not a value). */
static gboolean
build_tags (PortalCall *call,
            JsonObject *input,
            JsonObject *out)
{
  JsonNode *node = json_object_get_member (input, "tags");
  const char *tag_string = portal_object_string (input, "tag_string");
  JsonArray *tags = json_array_new ();
  JsonArray *errors = json_array_new ();
  gboolean failed = FALSE;

  json_object_set_array_member (out, "tags", tags);
  if (node && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *given = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (given); i++)
        {
          JsonNode *element = json_array_get_element (given, i);
          const char *name;
          g_autofree char *message = NULL;
          JsonObject *error = json_object_new ();

          if (!JSON_NODE_HOLDS_OBJECT (element))
            {
              g_autoptr(JsonNode) data = json_node_init_object (json_node_alloc (), call->params);

              json_object_unref (error);
              json_array_unref (errors);
              portal_call_fail (call, 400, "Integrity Error",
                                "Only lists of dicts can be placed against subschema ('tags',), not <class 'list'>");
              json_object_set_member (call->error, "data", portal_json_copy (data));
              return FALSE;
            }
          name = portal_object_string (json_node_get_object (element), "name");
          message = name ? check_tag (name) : g_strdup ("Missing value");
          if (message)
            {
              JsonArray *list = json_array_new ();

              json_array_add_string_element (list, message);
              json_object_set_array_member (error, "name", list);
              failed = TRUE;
            }
          else
            {
              json_array_add_object_element (tags, tag_dict (name));
            }
          json_array_add_object_element (errors, error);
        }
    }
  if (tag_string && *tag_string)
    {
      g_auto(GStrv) names = g_strsplit (tag_string, ",", -1);

      for (guint i = 0; names[i]; i++)
        {
          g_autofree char *message = NULL;

          g_strstrip (names[i]);
          if (!*names[i])
            continue;
          message = check_tag (names[i]);
          if (message)
            portal_call_field_error (call, "tag_string", message);
          else
            json_array_add_object_element (tags, tag_dict (names[i]));
        }
    }
  if (failed)
    {
      JsonObject *nested = json_object_new ();

      json_object_set_array_member (nested, "tags", errors);
      portal_call_validation (call, nested);
    }
  else
    {
      json_array_unref (errors);
    }
  return TRUE;
}

static void
build_extras (PortalCall *call,
              JsonObject *input,
              JsonObject *out)
{
  JsonArray *given = portal_object_array (input, "extras");
  JsonArray *extras = json_array_new ();
  JsonArray *errors = json_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean failed = FALSE;

  json_object_set_array_member (out, "extras", extras);
  for (guint i = 0; given && i < json_array_get_length (given); i++)
    {
      JsonNode *element = json_array_get_element (given, i);
      JsonObject *error = json_object_new ();
      const char *key = JSON_NODE_HOLDS_OBJECT (element)
                        ? portal_object_string (json_node_get_object (element), "key") : NULL;
      JsonNode *value = key ? json_object_get_member (json_node_get_object (element), "value") : NULL;
      JsonObject *extra;

      json_array_add_object_element (errors, error);
      if (!key || !*key)
        {
          JsonArray *list = json_array_new ();

          json_array_add_string_element (list, "Missing value");
          json_object_set_array_member (error, "key", list);
          failed = TRUE;
          continue;
        }
      if (g_strv_contains (text_fields, key) || g_strv_contains (managed_fields, key))
        {
          JsonArray *list = json_array_new ();

          json_array_add_string_element (list, "There is a schema field with the same name");
          json_object_set_array_member (error, "key", list);
          failed = TRUE;
          continue;
        }
      if (g_hash_table_contains (seen, key))
        {
          g_autofree char *message = g_strdup_printf ("Duplicate key \"%s\"", key);

          portal_call_field_error (call, "extras", message);
          continue;
        }
      g_hash_table_add (seen, (gpointer) key);
      extra = json_object_new ();
      json_object_set_string_member (extra, "key", key);
      json_object_set_member (extra, "value", value ? portal_json_copy (value) : json_node_new (JSON_NODE_NULL));
      json_array_add_object_element (extras, extra);
    }
  if (failed)
    {
      JsonObject *nested = json_object_new ();

      json_object_set_array_member (nested, "extras", errors);
      portal_call_validation (call, nested);
    }
  else
    {
      json_array_unref (errors);
    }
}

/* Fields the scheming schema declares beyond CKAN's own, with their
 * choices checked. */
static void
build_schema_fields (PubTestPortal *self,
                     PortalCall    *call,
                     JsonObject    *input,
                     JsonObject    *out)
{
  JsonArray *fields = portal_object_array (self->dataset_schema, "dataset_fields");

  if (!portal_has_extension (self, "scheming_datasets"))
    return;
  for (guint i = 0; fields && i < json_array_get_length (fields); i++)
    {
      JsonObject *field = json_array_get_object_element (fields, i);
      const char *name = portal_object_string (field, "field_name");
      JsonArray *choices = portal_object_array (field, "choices");
      JsonNode *value;

      if (!name || g_strv_contains (text_fields, name) || g_strv_contains (managed_fields, name))
        continue;
      value = json_object_get_member (input, name);
      if (!value || JSON_NODE_HOLDS_NULL (value))
        {
          json_object_set_null_member (out, name);
          continue;
        }
      if (choices && portal_object_string (input, name) && *portal_object_string (input, name))
        {
          const char *given = portal_object_string (input, name);
          gboolean found = FALSE;

          for (guint j = 0; j < json_array_get_length (choices); j++)
            if (g_strcmp0 (portal_object_string (json_array_get_object_element (choices, j), "value"), given) == 0)
              found = TRUE;
          if (!found)
            {
              g_autoptr(GString) message = g_string_new ("Value must be one of [");

              for (guint j = 0; j < json_array_get_length (choices); j++)
                g_string_append_printf (message, "%s'%s'", j ? ", " : "",
                                        portal_object_string (json_array_get_object_element (choices, j), "value"));
              g_string_append_c (message, ']');
              portal_call_field_error (call, name, message->str);
            }
        }
      json_object_set_member (out, name, portal_json_copy (value));
    }
}

/* The scheming schema's required fields, when the portal enforces them
 * (pub_test_portal_set_strict_schema ()). */
static void
check_required (PubTestPortal *self,
                PortalCall    *call,
                JsonObject    *input,
                JsonObject    *out)
{
  JsonArray *fields = portal_object_array (self->dataset_schema, "dataset_fields");

  if (!self->strict_schema || !portal_has_extension (self, "scheming_datasets"))
    return;
  for (guint i = 0; fields && i < json_array_get_length (fields); i++)
    {
      JsonObject *field = json_array_get_object_element (fields, i);
      const char *name = portal_object_string (field, "field_name");
      JsonNode *value;
      gboolean missing;

      if (!name || !json_object_get_boolean_member_with_default (field, "required", FALSE) ||
          g_str_equal (name, "name") || g_str_equal (name, "owner_org"))
        continue;
      if (g_str_equal (name, "tag_string"))
        {
          missing = json_array_get_length (portal_object_array (out, "tags")) == 0;
        }
      else
        {
          value = json_object_get_member (input, name);
          missing = !value || JSON_NODE_HOLDS_NULL (value) ||
                    (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING &&
                     !*json_node_get_string (value));
        }
      if (missing)
        portal_call_field_error (call, name, "Missing value");
    }
}

static gboolean
valid_state (const char *state)
{
  return g_strcmp0 (state, "active") == 0 || g_strcmp0 (state, "draft") == 0 ||
         g_strcmp0 (state, "deleted") == 0;
}

static void
replace_dataset (PubTestPortal *self,
                 JsonObject    *existing,
                 JsonObject    *saved)
{
  JsonArray *old_resources = portal_object_array (existing, "resources");
  JsonArray *new_resources = portal_object_array (saved, "resources");

  /* Resources left out of an update are gone. */
  for (guint i = 0; old_resources && i < json_array_get_length (old_resources); i++)
    {
      const char *id = portal_object_string (json_array_get_object_element (old_resources, i), "id");
      gboolean kept = FALSE;

      for (guint j = 0; j < json_array_get_length (new_resources); j++)
        if (g_strcmp0 (portal_object_string (json_array_get_object_element (new_resources, j), "id"), id) == 0)
          kept = TRUE;
      if (!kept)
        portal_forget_resource (self, id);
    }
  for (guint i = 0; i < self->datasets->len; i++)
    if (self->datasets->pdata[i] == existing)
      {
        json_object_unref (existing);
        self->datasets->pdata[i] = json_object_ref (saved);
        return;
      }
}

/* Validates `input` like package_create (existing == NULL) or
 * package_update, and stores it. Returns the stored dataset (a new ref),
 * or NULL with the call failed. */
JsonObject *
portal_dataset_save (PubTestPortal *self,
                     PortalCall    *call,
                     JsonObject    *input,
                     JsonObject    *existing)
{
  g_autoptr(JsonObject) out = json_object_new ();
  const char *name = portal_object_string (input, "name");
  const char *owner_org = portal_object_string (input, "owner_org");
  const char *state = portal_object_string (input, "state");
  JsonArray *given_resources = portal_object_array (input, "resources");
  JsonArray *old_resources = existing ? portal_object_array (existing, "resources") : NULL;
  JsonArray *resources;
  PortalOrg *org = NULL;
  g_autofree char *now = portal_now ();
  const char *id;

  if (existing)
    json_object_set_string_member (out, "id", portal_object_string (existing, "id"));
  else
    portal_set_uuid (out, "id");
  id = portal_object_string (out, "id");

  check_name (self, call, name, existing);
  json_object_set_string_member (out, "name", name);

  for (guint i = 0; text_fields[i]; i++)
    {
      const char *value = portal_object_string (input, text_fields[i]);

      json_object_set_string_member (out, text_fields[i], value);
    }
  if (!portal_object_string (out, "title") || !*portal_object_string (out, "title"))
    json_object_set_string_member (out, "title", name);
  for (guint i = 0; i < 2; i++)
    {
      const char *field = i == 0 ? "author_email" : "maintainer_email";
      const char *email = portal_object_string (input, field);

      if (email && *email && !email_valid (email))
        {
          g_autofree char *text = g_strdup_printf ("Email %s is not a valid format", email);

          portal_call_field_error (call, field, text);
        }
    }
  if (portal_object_string (input, "version") && strlen (portal_object_string (input, "version")) > 100)
    portal_call_field_error (call, "version", "Version must be a maximum of 100 characters long");

  /* owner_org_validator */
  if (!owner_org || !*owner_org)
    portal_call_field_error (call, "owner_org", "An organization must be provided");
  else if (!(org = portal_find_org (self, owner_org)))
    portal_call_field_error (call, "owner_org", "Organization does not exist");
  else if (call->user && !portal_has_permission (self, call->user, org->id, "create_dataset") &&
           g_strcmp0 (portal_object_string (existing, "owner_org"), org->id) != 0)
    portal_call_field_error (call, "owner_org", "You cannot add a dataset to this organization");
  json_object_set_string_member (out, "owner_org", org ? org->id : NULL);

  json_object_set_boolean_member (out, "private", portal_param_bool (&(PortalCall) { .params = input },
                                                                     "private", FALSE));
  if (state && !valid_state (state))
    state = NULL;
  if (existing)
    json_object_set_string_member (out, "state", state ? state : portal_object_string (existing, "state"));
  else
    json_object_set_string_member (out, "state", state && call->user && call->user->sysadmin ? state : "active");
  json_object_set_string_member (out, "type", "dataset");
  json_object_set_string_member (out, "creator_user_id",
                                 existing ? portal_object_string (existing, "creator_user_id")
                                          : call->user ? call->user->id : NULL);
  json_object_set_string_member (out, "metadata_created",
                                 existing ? portal_object_string (existing, "metadata_created") : now);
  json_object_set_string_member (out, "metadata_modified", now);

  if (!build_tags (call, input, out))
    return NULL;
  build_extras (call, input, out);
  build_schema_fields (self, call, input, out);
  check_required (self, call, input, out);

  resources = json_array_new ();
  json_object_set_array_member (out, "resources", resources);
  for (guint i = 0; given_resources && i < json_array_get_length (given_resources); i++)
    {
      JsonNode *element = json_array_get_element (given_resources, i);
      JsonObject *given;
      JsonObject *match = NULL;
      JsonObject *resource;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          portal_call_fail (call, 400, "Integrity Error",
                            "Only lists of dicts can be placed against subschema ('resources',)");
          return NULL;
        }
      given = json_node_get_object (element);
      for (guint j = 0; old_resources && j < json_array_get_length (old_resources); j++)
        {
          JsonObject *old = json_array_get_object_element (old_resources, j);

          if (g_strcmp0 (portal_object_string (old, "id"), portal_object_string (given, "id")) == 0)
            match = old;
        }
      resource = portal_resource_build (self, given, match, id);
      json_object_set_int_member (resource, "position", json_array_get_length (resources));
      json_array_add_object_element (resources, resource);
    }
  json_object_set_array_member (out, "groups", json_array_new ());
  json_object_set_array_member (out, "relationships_as_subject", json_array_new ());
  json_object_set_array_member (out, "relationships_as_object", json_array_new ());

  if (portal_call_failed (call))
    return NULL;

  if (existing)
    replace_dataset (self, existing, out);
  else
    g_ptr_array_add (self->datasets, json_object_ref (out));
  return g_steal_pointer (&out);
}
