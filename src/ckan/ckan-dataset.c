/* ckan-dataset.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-dataset.h"

struct _CkanDataset
{
  CkanRecord        parent_instance;

  GPtrArray        *resources;
  CkanOrganization *organization;
  /* Built on first use from "tags", dropped when the tags change. */
  GStrv             tags;
};

G_DEFINE_FINAL_TYPE (CkanDataset, ckan_dataset, CKAN_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_TITLE,
  PROP_DISPLAY_TITLE,
  PROP_NOTES,
  PROP_AUTHOR,
  PROP_AUTHOR_EMAIL,
  PROP_LICENSE_ID,
  PROP_OWNER_ORG,
  PROP_STATE,
  PROP_PRIVATE,
  PROP_METADATA_CREATED,
  PROP_METADATA_MODIFIED,
  PROP_NUM_RESOURCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ckan_dataset_parse (CkanRecord *record)
{
  CkanDataset *self = CKAN_DATASET (record);
  JsonObject *organization;

  g_clear_pointer (&self->resources, g_ptr_array_unref);
  self->resources = ckan_record_list_from_array (CKAN_TYPE_RESOURCE,
                                                 ckan_record_get_member_array (record, "resources"));

  organization = ckan_record_get_member_object (record, "organization");
  g_clear_object (&self->organization);
  if (organization != NULL)
    self->organization = ckan_organization_new_from_json (organization, NULL);
}

/* Resources are edited through their own records: write them back so
 * to_json carries those edits. */
static void
ckan_dataset_serialize (CkanRecord *record,
                        JsonObject *object)
{
  CkanDataset *self = CKAN_DATASET (record);
  g_autoptr(JsonArray) array = NULL;

  if (!json_object_has_member (object, "resources"))
    return;

  array = json_array_sized_new (self->resources->len);
  for (guint i = 0; i < self->resources->len; i++)
    json_array_add_object_element (array, ckan_record_to_json (g_ptr_array_index (self->resources, i)));
  json_object_set_array_member (object, "resources", g_steal_pointer (&array));
}

static void
ckan_dataset_finalize (GObject *object)
{
  CkanDataset *self = CKAN_DATASET (object);

  g_clear_pointer (&self->resources, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_strfreev);

  G_OBJECT_CLASS (ckan_dataset_parent_class)->finalize (object);
}

static void
ckan_dataset_dispose (GObject *object)
{
  CkanDataset *self = CKAN_DATASET (object);

  g_clear_object (&self->organization);

  G_OBJECT_CLASS (ckan_dataset_parent_class)->dispose (object);
}

static void
ckan_dataset_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CkanDataset *self = CKAN_DATASET (object);

  switch (prop_id)
    {
    case PROP_DISPLAY_TITLE:
      g_value_set_string (value, ckan_dataset_get_display_title (self));
      break;
    default:
      ckan_record_get_member_property (object, prop_id, value, pspec);
    }
}

static void
ckan_dataset_class_init (CkanDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CkanRecordClass *record_class = CKAN_RECORD_CLASS (klass);

  object_class->dispose = ckan_dataset_dispose;
  object_class->finalize = ckan_dataset_finalize;
  record_class->parse = ckan_dataset_parse;
  record_class->serialize = ckan_dataset_serialize;

  G_OBJECT_CLASS (klass)->get_property = ckan_dataset_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_TITLE] =
    g_param_spec_string ("display-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR_EMAIL] =
    g_param_spec_string ("author-email", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LICENSE_ID] =
    g_param_spec_string ("license-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWNER_ORG] =
    g_param_spec_string ("owner-org", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRIVATE] =
    g_param_spec_boolean ("private", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_METADATA_CREATED] =
    g_param_spec_boxed ("metadata-created", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_METADATA_MODIFIED] =
    g_param_spec_boxed ("metadata-modified", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUM_RESOURCES] =
    g_param_spec_int64 ("num-resources", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
}

static void
ckan_dataset_init (CkanDataset *self)
{
  self->resources = g_ptr_array_new_with_free_func (g_object_unref);
}

CkanDataset *
ckan_dataset_new_from_json (JsonObject  *object,
                            GError     **error)
{
  return ckan_record_new_from_json (CKAN_TYPE_DATASET, object, error);
}

CkanDataset *
ckan_dataset_new (void)
{
  return g_object_new (CKAN_TYPE_DATASET, NULL);
}

const char *
ckan_dataset_get_id (CkanDataset *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "id");
}

const char *
ckan_dataset_get_name (CkanDataset *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "name");
}

const char *
ckan_dataset_get_title (CkanDataset *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "title");
}

const char *
ckan_dataset_get_display_title (CkanDataset *self)
{
  const char *title = ckan_dataset_get_title (self);

  if (title != NULL && *title != '\0')
    return title;
  return ckan_dataset_get_name (self);
}

const char *
ckan_dataset_get_notes (CkanDataset *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "notes");
}

const char *
ckan_dataset_get_author (CkanDataset *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "author");
}

const char *
ckan_dataset_get_author_email (CkanDataset *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "author_email");
}

const char *
ckan_dataset_get_maintainer (CkanDataset *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "maintainer");
}

const char *
ckan_dataset_get_maintainer_email (CkanDataset *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "maintainer_email");
}

const char *
ckan_dataset_get_license_id (CkanDataset *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "license_id");
}

const char *
ckan_dataset_get_license_title (CkanDataset *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "license_title");
}

const char *
ckan_dataset_get_url (CkanDataset *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "url");
}

const char *
ckan_dataset_get_version (CkanDataset *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "version");
}

const char *
ckan_dataset_get_owner_org (CkanDataset *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "owner_org");
}

const char *
ckan_dataset_get_state (CkanDataset *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "state");
}

const char *
ckan_dataset_get_creator_user_id (CkanDataset *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "creator_user_id");
}

gboolean
ckan_dataset_get_private (CkanDataset *self)
{
  return ckan_record_get_boolean (CKAN_RECORD (self), "private", FALSE);
}

GDateTime *
ckan_dataset_get_metadata_created (CkanDataset *self)
{
  return ckan_record_get_datetime (CKAN_RECORD (self), "metadata_created");
}

GDateTime *
ckan_dataset_get_metadata_modified (CkanDataset *self)
{
  return ckan_record_get_datetime (CKAN_RECORD (self), "metadata_modified");
}

CkanOrganization *
ckan_dataset_get_organization (CkanDataset *self)
{
  g_return_val_if_fail (CKAN_IS_DATASET (self), NULL);
  return self->organization;
}

GPtrArray *
ckan_dataset_get_resources (CkanDataset *self)
{
  g_return_val_if_fail (CKAN_IS_DATASET (self), NULL);
  return self->resources;
}

CkanResource *
ckan_dataset_get_resource (CkanDataset *self,
                           const char  *id)
{
  g_return_val_if_fail (CKAN_IS_DATASET (self), NULL);

  for (guint i = 0; i < self->resources->len; i++)
    {
      CkanResource *resource = g_ptr_array_index (self->resources, i);

      if (g_strcmp0 (ckan_resource_get_id (resource), id) == 0)
        return resource;
    }
  return NULL;
}

/* Tags arrive as dictionaries; a tag_string ("a,b") is what a form sends
 * and what a draft may still hold. */
static GStrv
collect_tags (CkanDataset *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *tags = ckan_record_get_member_array (CKAN_RECORD (self), "tags");
  const char *tag_string;

  if (tags != NULL)
    {
      for (guint i = 0; i < json_array_get_length (tags); i++)
        {
          JsonNode *element = json_array_get_element (tags, i);
          const char *name = NULL;

          if (JSON_NODE_HOLDS_OBJECT (element))
            name = ckan_json_object_get_string_lenient (json_node_get_object (element), "name");
          else if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            name = json_node_get_string (element);
          if (name != NULL && *name != '\0')
            g_strv_builder_add (builder, name);
        }
      return g_strv_builder_end (builder);
    }

  tag_string = ckan_record_get_string (CKAN_RECORD (self), "tag_string");
  if (tag_string != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (tag_string, ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (*parts[i] != '\0')
            g_strv_builder_add (builder, parts[i]);
        }
    }
  return g_strv_builder_end (builder);
}

const char * const *
ckan_dataset_get_tags (CkanDataset *self)
{
  g_return_val_if_fail (CKAN_IS_DATASET (self), NULL);

  if (self->tags == NULL)
    self->tags = collect_tags (self);
  return (const char * const *) self->tags;
}

void
ckan_dataset_set_tags (CkanDataset        *self,
                       const char * const *tags)
{
  g_autoptr(JsonArray) array = json_array_new ();
  JsonNode *node;

  g_return_if_fail (CKAN_IS_DATASET (self));

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      JsonObject *tag = json_object_new ();

      json_object_set_string_member (tag, "name", tags[i]);
      json_array_add_object_element (array, tag);
    }

  g_clear_pointer (&self->tags, g_strfreev);
  /* A stale tag_string would be merged with the list by CKAN. */
  json_object_remove_member (ckan_record_get_object (CKAN_RECORD (self)), "tag_string");
  node = json_node_alloc ();
  json_node_init_array (node, array);
  ckan_record_set_member (CKAN_RECORD (self), "tags", node);
}

static JsonObject *
find_extra (CkanDataset *self,
            const char  *key)
{
  JsonArray *extras = ckan_record_get_member_array (CKAN_RECORD (self), "extras");

  for (guint i = 0; extras != NULL && i < json_array_get_length (extras); i++)
    {
      JsonNode *element = json_array_get_element (extras, i);
      JsonObject *extra;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      extra = json_node_get_object (element);
      if (g_strcmp0 (ckan_json_object_get_string_lenient (extra, "key"), key) == 0)
        return extra;
    }
  return NULL;
}

const char *
ckan_dataset_get_extra (CkanDataset *self,
                        const char  *key)
{
  g_return_val_if_fail (CKAN_IS_DATASET (self), NULL);
  return ckan_json_object_get_string_lenient (find_extra (self, key), "value");
}

void
ckan_dataset_set_extra (CkanDataset *self,
                        const char  *key,
                        const char  *value)
{
  JsonArray *extras = ckan_record_get_member_array (CKAN_RECORD (self), "extras");
  g_autoptr(JsonArray) copy = json_array_new ();
  gboolean replaced = FALSE;
  JsonNode *node;

  g_return_if_fail (CKAN_IS_DATASET (self));
  g_return_if_fail (key != NULL);

  /* A new list rather than an edit in place: the old one may be shared
   * with a caller's copy of to_json. */
  for (guint i = 0; extras != NULL && i < json_array_get_length (extras); i++)
    {
      JsonNode *element = json_array_get_element (extras, i);

      if (JSON_NODE_HOLDS_OBJECT (element) &&
          g_strcmp0 (ckan_json_object_get_string_lenient (json_node_get_object (element), "key"), key) == 0)
        {
          if (value != NULL && !replaced)
            {
              JsonObject *extra = json_object_new ();

              json_object_set_string_member (extra, "key", key);
              json_object_set_string_member (extra, "value", value);
              json_array_add_object_element (copy, extra);
            }
          replaced = TRUE;
          continue;
        }
      json_array_add_element (copy, json_node_copy (element));
    }

  if (!replaced && value != NULL)
    {
      JsonObject *extra = json_object_new ();

      json_object_set_string_member (extra, "key", key);
      json_object_set_string_member (extra, "value", value);
      json_array_add_object_element (copy, extra);
    }

  node = json_node_alloc ();
  json_node_init_array (node, copy);
  ckan_record_set_member (CKAN_RECORD (self), "extras", node);
}

const char *
ckan_dataset_get_extra_field (CkanDataset *self,
                              const char  *key)
{
  const char *value;

  g_return_val_if_fail (CKAN_IS_DATASET (self), NULL);

  value = ckan_record_get_string (CKAN_RECORD (self), key);
  if (value != NULL)
    return value;
  return ckan_dataset_get_extra (self, key);
}

void
ckan_dataset_set_extra_field (CkanDataset *self,
                              const char  *key,
                              const char  *value)
{
  g_return_if_fail (CKAN_IS_DATASET (self));
  g_return_if_fail (key != NULL);

  if (find_extra (self, key) != NULL)
    ckan_dataset_set_extra (self, key, value);
  else
    ckan_record_set_string (CKAN_RECORD (self), key, value);
}

void
ckan_dataset_set_private (CkanDataset *self,
                          gboolean     value)
{
  ckan_record_set_boolean (CKAN_RECORD (self), "private", value);
}

void
ckan_dataset_set_name (CkanDataset *self,
                       const char *value)
{
  ckan_record_set_string (CKAN_RECORD (self), "name", value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_TITLE]);
}

void
ckan_dataset_set_title (CkanDataset *self,
                        const char *value)
{
  ckan_record_set_string (CKAN_RECORD (self), "title", value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_TITLE]);
}

void
ckan_dataset_set_notes (CkanDataset *self,
                        const char *value)
{
  ckan_record_set_string (CKAN_RECORD (self), "notes", value);
}

void
ckan_dataset_set_author (CkanDataset *self,
                         const char *value)
{
  ckan_record_set_string (CKAN_RECORD (self), "author", value);
}

void
ckan_dataset_set_author_email (CkanDataset *self,
                               const char *value)
{
  ckan_record_set_string (CKAN_RECORD (self), "author_email", value);
}

void
ckan_dataset_set_maintainer (CkanDataset *self,
                             const char *value)
{
  ckan_record_set_string (CKAN_RECORD (self), "maintainer", value);
}

void
ckan_dataset_set_maintainer_email (CkanDataset *self,
                                   const char *value)
{
  ckan_record_set_string (CKAN_RECORD (self), "maintainer_email", value);
}

void
ckan_dataset_set_license_id (CkanDataset *self,
                             const char *value)
{
  ckan_record_set_string (CKAN_RECORD (self), "license_id", value);
}

void
ckan_dataset_set_url (CkanDataset *self,
                      const char *value)
{
  ckan_record_set_string (CKAN_RECORD (self), "url", value);
}

void
ckan_dataset_set_version (CkanDataset *self,
                          const char *value)
{
  ckan_record_set_string (CKAN_RECORD (self), "version", value);
}

void
ckan_dataset_set_owner_org (CkanDataset *self,
                            const char *value)
{
  ckan_record_set_string (CKAN_RECORD (self), "owner_org", value);
}

void
ckan_dataset_set_state (CkanDataset *self,
                        const char *value)
{
  ckan_record_set_string (CKAN_RECORD (self), "state", value);
}
