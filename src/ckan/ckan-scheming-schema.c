/* ckan-scheming-schema.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-scheming-schema.h"

struct _CkanSchemingSchema
{
  CkanRecord  parent_instance;

  GPtrArray  *dataset_fields;
  GPtrArray  *resource_fields;
};

G_DEFINE_FINAL_TYPE (CkanSchemingSchema, ckan_scheming_schema, CKAN_TYPE_RECORD)

static void
ckan_scheming_schema_parse (CkanRecord *record)
{
  CkanSchemingSchema *self = CKAN_SCHEMING_SCHEMA (record);

  g_clear_pointer (&self->dataset_fields, g_ptr_array_unref);
  g_clear_pointer (&self->resource_fields, g_ptr_array_unref);
  self->dataset_fields = ckan_record_list_from_array (CKAN_TYPE_SCHEMING_FIELD,
                                                      ckan_record_get_member_array (record, "dataset_fields"));
  self->resource_fields = ckan_record_list_from_array (CKAN_TYPE_SCHEMING_FIELD,
                                                       ckan_record_get_member_array (record, "resource_fields"));
}

static void
ckan_scheming_schema_dispose (GObject *object)
{
  CkanSchemingSchema *self = CKAN_SCHEMING_SCHEMA (object);

  g_clear_pointer (&self->dataset_fields, g_ptr_array_unref);
  g_clear_pointer (&self->resource_fields, g_ptr_array_unref);

  G_OBJECT_CLASS (ckan_scheming_schema_parent_class)->dispose (object);
}

static void
ckan_scheming_schema_class_init (CkanSchemingSchemaClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ckan_scheming_schema_dispose;
  CKAN_RECORD_CLASS (klass)->required_key = NULL;
  CKAN_RECORD_CLASS (klass)->parse = ckan_scheming_schema_parse;
}

static void
ckan_scheming_schema_init (CkanSchemingSchema *self)
{
  self->dataset_fields = g_ptr_array_new_with_free_func (g_object_unref);
  self->resource_fields = g_ptr_array_new_with_free_func (g_object_unref);
}

CkanSchemingSchema *
ckan_scheming_schema_new_from_json (JsonObject  *object,
                                    GError     **error)
{
  return ckan_record_new_from_json (CKAN_TYPE_SCHEMING_SCHEMA, object, error);
}

const char *
ckan_scheming_schema_get_dataset_type (CkanSchemingSchema *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "dataset_type");
}

GPtrArray *
ckan_scheming_schema_get_dataset_fields (CkanSchemingSchema *self)
{
  g_return_val_if_fail (CKAN_IS_SCHEMING_SCHEMA (self), NULL);
  return self->dataset_fields;
}

GPtrArray *
ckan_scheming_schema_get_resource_fields (CkanSchemingSchema *self)
{
  g_return_val_if_fail (CKAN_IS_SCHEMING_SCHEMA (self), NULL);
  return self->resource_fields;
}

CkanSchemingField *
ckan_scheming_schema_get_dataset_field (CkanSchemingSchema *self,
                                        const char         *field_name)
{
  g_return_val_if_fail (CKAN_IS_SCHEMING_SCHEMA (self), NULL);

  for (guint i = 0; i < self->dataset_fields->len; i++)
    {
      CkanSchemingField *field = g_ptr_array_index (self->dataset_fields, i);

      if (g_strcmp0 (ckan_scheming_field_get_field_name (field), field_name) == 0)
        return field;
    }
  return NULL;
}
