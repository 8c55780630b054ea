/* ckan-datastore-field.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-datastore-field.h"

struct _CkanDatastoreField
{
  CkanRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CkanDatastoreField, ckan_datastore_field, CKAN_TYPE_RECORD)

static void
ckan_datastore_field_class_init (CkanDatastoreFieldClass *klass)
{
}

static void
ckan_datastore_field_init (CkanDatastoreField *self)
{
}

CkanDatastoreField *
ckan_datastore_field_new_from_json (JsonObject  *object,
                                    GError     **error)
{
  return ckan_record_new_from_json (CKAN_TYPE_DATASTORE_FIELD, object, error);
}

const char *
ckan_datastore_field_get_id (CkanDatastoreField *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "id");
}

const char *
ckan_datastore_field_get_field_type (CkanDatastoreField *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "type");
}

static const char *
get_info (CkanDatastoreField *self,
          const char         *key)
{
  return ckan_json_object_get_string_lenient (ckan_record_get_member_object (CKAN_RECORD (self), "info"), key);
}

/* A new info object rather than an edit in place: the old one may be shared
 * with a caller's copy. */
static void
set_info (CkanDatastoreField *self,
          const char         *key,
          const char         *value)
{
  JsonObject *old = ckan_record_get_member_object (CKAN_RECORD (self), "info");
  g_autoptr(JsonObject) info = ckan_json_object_deep_copy (old);
  JsonNode *node;

  json_object_set_string_member (info, key, value != NULL ? value : "");
  node = json_node_alloc ();
  json_node_init_object (node, info);
  ckan_record_set_member (CKAN_RECORD (self), "info", node);
}

const char *
ckan_datastore_field_get_label (CkanDatastoreField *self)
{
  return get_info (self, "label");
}

const char *
ckan_datastore_field_get_notes (CkanDatastoreField *self)
{
  return get_info (self, "notes");
}

const char *
ckan_datastore_field_get_type_override (CkanDatastoreField *self)
{
  return get_info (self, "type_override");
}

void
ckan_datastore_field_set_label (CkanDatastoreField *self,
                                const char         *value)
{
  set_info (self, "label", value);
}

void
ckan_datastore_field_set_notes (CkanDatastoreField *self,
                                const char         *value)
{
  set_info (self, "notes", value);
}

void
ckan_datastore_field_set_type_override (CkanDatastoreField *self,
                                        const char         *value)
{
  set_info (self, "type_override", value);
}

JsonObject *
ckan_datastore_field_to_dictionary (CkanDatastoreField *self)
{
  JsonObject *object = json_object_new ();
  JsonObject *info = ckan_record_get_member_object (CKAN_RECORD (self), "info");

  json_object_set_string_member (object, "id", ckan_datastore_field_get_id (self));
  if (ckan_datastore_field_get_field_type (self) != NULL)
    json_object_set_string_member (object, "type", ckan_datastore_field_get_field_type (self));
  if (info != NULL)
    json_object_set_object_member (object, "info", ckan_json_object_deep_copy (info));
  return object;
}
