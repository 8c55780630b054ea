/* pub-draft-json.c: a draft to and from its file's JSON, with migrations
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pub-core-error.h"
#include "pub-draft-private.h"

static const char * const step_names[] = {
  [PUB_PUBLISH_STEP_NONE] = "none",
  [PUB_PUBLISH_STEP_CREATE_DATASET] = "create-dataset",
  [PUB_PUBLISH_STEP_UPLOAD_RESOURCES] = "upload-resources",
  [PUB_PUBLISH_STEP_SET_VISIBILITY] = "set-visibility",
  [PUB_PUBLISH_STEP_DONE] = "done",
};

gboolean
_pub_draft_is_field_name (const char *field)
{
  if (field == NULL || field[0] == '\0')
    return FALSE;
  for (const char *p = field; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
        return FALSE;
    }
  return TRUE;
}


static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
member_object (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Migrations: migrations[n] turns a schema-n object into schema n+1, in
 * place. Version 1 is the first; add entries here when the format grows. */
typedef gboolean (*MigrateFunc) (JsonObject *root, GError **error);

static const MigrateFunc migrations[PUB_DRAFT_SCHEMA_VERSION + 1] = { NULL };

static gboolean
migrate (JsonObject *root,
         GError    **error)
{
  gint64 version = json_object_get_int_member_with_default (root, "schema", 0);

  if (version < 1)
    {
      g_set_error_literal (error, PUB_CORE_ERROR, PUB_CORE_ERROR_CORRUPT,
                           _("The file is not a Publicador draft."));
      return FALSE;
    }
  if (version > PUB_DRAFT_SCHEMA_VERSION)
    {
      g_set_error_literal (error, PUB_CORE_ERROR, PUB_CORE_ERROR_CORRUPT,
                           _("The draft was saved by a newer version of Publicador. "
                             "Update the application to open it."));
      return FALSE;
    }
  for (; version < PUB_DRAFT_SCHEMA_VERSION; version++)
    {
      if (migrations[version] != NULL && !migrations[version] (root, error))
        return FALSE;
      json_object_set_int_member (root, "schema", version + 1);
    }
  return TRUE;
}

static PubPublishStep
step_from_string (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (step_names); i++)
    {
      if (g_strcmp0 (step_names[i], name) == 0)
        return i;
    }
  return PUB_PUBLISH_STEP_NONE;
}

PubDraft *
pub_draft_new_from_json (JsonNode *node,
                         GError  **error)
{
  g_autoptr(PubDraft) self = NULL;
  JsonObject *root, *dataset, *publish, *cache, *record, *anonymize;
  JsonArray *tags, *resources;
  g_autoptr(GList) dataset_members = NULL;
  const char *id;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, PUB_CORE_ERROR, PUB_CORE_ERROR_CORRUPT,
                           _("The file is not a Publicador draft."));
      return NULL;
    }
  root = json_node_get_object (node);
  if (!migrate (root, error))
    return NULL;

  id = member_string (root, "id");
  dataset = member_object (root, "dataset");
  if (id == NULL || dataset == NULL)
    {
      g_set_error_literal (error, PUB_CORE_ERROR, PUB_CORE_ERROR_CORRUPT,
                           _("The draft is incomplete: it has no identifier or no dataset."));
      return NULL;
    }

  self = g_object_new (PUB_TYPE_DRAFT, NULL);
  self->id = g_strdup (id);
  self->created = json_object_get_int_member_with_default (root, "created", 0);
  self->modified = json_object_get_int_member_with_default (root, "modified", 0);
  self->portal = g_strdup (member_string (root, "portal"));

  dataset_members = json_object_get_members (dataset);
  for (GList *l = dataset_members; l != NULL; l = l->next)
    {
      const char *value = member_string (dataset, l->data);

      if (value != NULL && _pub_draft_is_field_name (l->data))
        g_hash_table_insert (self->fields, g_strdup (l->data), g_strdup (value));
    }

  tags = member_array (root, "tags");
  for (guint i = 0; tags != NULL && i < json_array_get_length (tags); i++)
    {
      const char *tag = json_array_get_string_element (tags, i);

      if (tag != NULL)
        g_ptr_array_add (self->tags, g_strdup (tag));
    }

  resources = member_array (root, "resources");
  for (guint i = 0; resources != NULL && i < json_array_get_length (resources); i++)
    {
      JsonNode *element = json_array_get_element (resources, i);
      g_autoptr(PubDraftResource) resource = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error_literal (error, PUB_CORE_ERROR, PUB_CORE_ERROR_CORRUPT,
                               _("One of the draft’s files is unreadable."));
          return NULL;
        }
      resource = pub_draft_resource_new_from_json (json_node_get_object (element), error);
      if (resource == NULL)
        return NULL;
      g_list_store_append (self->resources, resource);
    }

  publish = member_object (root, "publish");
  if (publish != NULL)
    {
      JsonNode *queued = json_object_get_member (publish, "queued");

      self->step = step_from_string (member_string (publish, "step"));
      self->remote_id = g_strdup (member_string (publish, "dataset_id"));
      self->remote_url = g_strdup (member_string (publish, "dataset_url"));
      self->last_error = g_strdup (member_string (publish, "error"));
      /* Optional too: older files simply have no record. */
      record = member_object (publish, "record");
      if (record != NULL)
        {
          g_autoptr(GList) keys = json_object_get_members (record);

          for (GList *l = keys; l != NULL; l = l->next)
            g_hash_table_insert (self->record, g_strdup (l->data),
                                 json_node_copy (json_object_get_member (record, l->data)));
        }
      /* Optional, so older files read as not queued: no schema change. */
      self->queued = queued != NULL && JSON_NODE_HOLDS_VALUE (queued) &&
                     json_node_get_value_type (queued) == G_TYPE_BOOLEAN &&
                     json_node_get_boolean (queued);
    }

  anonymize = member_object (root, "anonymize");
  if (anonymize != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (anonymize);

      /* Optional and forgiving: an unknown word is a choice not made. */
      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *choice = json_object_get_member (anonymize, l->data);
          PubAnonymizeAction action;

          if (JSON_NODE_HOLDS_VALUE (choice) && json_node_get_value_type (choice) == G_TYPE_STRING &&
              pub_anonymize_action_from_string (json_node_get_string (choice), &action))
            g_hash_table_insert (self->anonymize, g_strdup (l->data), GUINT_TO_POINTER (action));
        }
    }

  cache = member_object (root, "cache");
  if (cache != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (cache);

      for (GList *l = members; l != NULL; l = l->next)
        g_hash_table_insert (self->cache, g_strdup (l->data),
                             json_node_copy (json_object_get_member (cache, l->data)));
    }

  /* Set last: loading the resources counted as changes. */
  self->revision = json_object_get_int_member_with_default (root, "revision", 0);
  self->modified = json_object_get_int_member_with_default (root, "modified", 0);
  self->state = pub_draft_get_state (self);
  return g_steal_pointer (&self);
}

static void
add_member_string (JsonBuilder *builder,
                   const char  *member,
                   const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

JsonNode *
pub_draft_to_json (PubDraft *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autoptr(GList) cache_keys = NULL;

  g_return_val_if_fail (PUB_IS_DRAFT (self), NULL);
  g_return_val_if_fail (self->damage == NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schema");
  json_builder_add_int_value (builder, PUB_DRAFT_SCHEMA_VERSION);
  add_member_string (builder, "id", self->id);
  json_builder_set_member_name (builder, "revision");
  json_builder_add_int_value (builder, (gint64) self->revision);
  json_builder_set_member_name (builder, "created");
  json_builder_add_int_value (builder, self->created);
  json_builder_set_member_name (builder, "modified");
  json_builder_add_int_value (builder, self->modified);
  add_member_string (builder, "portal", self->portal);

  json_builder_set_member_name (builder, "dataset");
  json_builder_begin_object (builder);
  names = pub_draft_dup_field_names (self);
  for (guint i = 0; names[i] != NULL; i++)
    add_member_string (builder, names[i], pub_draft_get_field (self, names[i]));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->tags->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->tags, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "resources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->resources)); i++)
    {
      g_autoptr(PubDraftResource) resource = g_list_model_get_item (G_LIST_MODEL (self->resources), i);

      json_builder_add_value (builder, pub_draft_resource_to_json (resource));
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "publish");
  json_builder_begin_object (builder);
  add_member_string (builder, "step", step_names[self->step]);
  add_member_string (builder, "dataset_id", self->remote_id);
  add_member_string (builder, "dataset_url", self->remote_url);
  add_member_string (builder, "error", self->last_error);
  if (self->queued)
    {
      json_builder_set_member_name (builder, "queued");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (g_hash_table_size (self->record) > 0)
    {
      g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (self->record), (GCompareFunc) g_strcmp0);

      json_builder_set_member_name (builder, "record");
      json_builder_begin_object (builder);
      for (GList *l = keys; l != NULL; l = l->next)
        {
          json_builder_set_member_name (builder, l->data);
          json_builder_add_value (builder, json_node_copy (g_hash_table_lookup (self->record, l->data)));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  if (g_hash_table_size (self->anonymize) > 0)
    {
      g_autoptr(GList) columns = g_list_sort (g_hash_table_get_keys (self->anonymize),
                                              (GCompareFunc) g_strcmp0);

      json_builder_set_member_name (builder, "anonymize");
      json_builder_begin_object (builder);
      for (GList *l = columns; l != NULL; l = l->next)
        {
          json_builder_set_member_name (builder, l->data);
          json_builder_add_string_value (builder, pub_anonymize_action_to_string (
            GPOINTER_TO_UINT (g_hash_table_lookup (self->anonymize, l->data))));
        }
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "cache");
  json_builder_begin_object (builder);
  cache_keys = g_hash_table_get_keys (self->cache);
  cache_keys = g_list_sort (cache_keys, (GCompareFunc) g_strcmp0);
  for (GList *l = cache_keys; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_value (builder, json_node_copy (g_hash_table_lookup (self->cache, l->data)));
    }
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
