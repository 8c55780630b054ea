/* ckan-datastore-info.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-datastore-info.h"

struct _CkanDatastoreInfo
{
  CkanRecord  parent_instance;

  GPtrArray  *fields;
};

G_DEFINE_FINAL_TYPE (CkanDatastoreInfo, ckan_datastore_info, CKAN_TYPE_RECORD)

static void
ckan_datastore_info_parse (CkanRecord *record)
{
  CkanDatastoreInfo *self = CKAN_DATASTORE_INFO (record);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  self->fields = ckan_record_list_from_array (CKAN_TYPE_DATASTORE_FIELD,
                                              ckan_record_get_member_array (record, "fields"));
  /* The row id is the DataStore's own: it has no dictionary entry and
   * datastore_create refuses it. */
  for (guint i = self->fields->len; i > 0; i--)
    {
      CkanDatastoreField *field = g_ptr_array_index (self->fields, i - 1);

      if (g_strcmp0 (ckan_datastore_field_get_id (field), "_id") == 0)
        g_ptr_array_remove_index (self->fields, i - 1);
    }
}

static void
ckan_datastore_info_dispose (GObject *object)
{
  CkanDatastoreInfo *self = CKAN_DATASTORE_INFO (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (ckan_datastore_info_parent_class)->dispose (object);
}

static void
ckan_datastore_info_class_init (CkanDatastoreInfoClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ckan_datastore_info_dispose;
  CKAN_RECORD_CLASS (klass)->required_key = NULL;
  CKAN_RECORD_CLASS (klass)->parse = ckan_datastore_info_parse;
}

static void
ckan_datastore_info_init (CkanDatastoreInfo *self)
{
  self->fields = g_ptr_array_new_with_free_func (g_object_unref);
}

CkanDatastoreInfo *
ckan_datastore_info_new_from_json (JsonObject  *object,
                                   GError     **error)
{
  return ckan_record_new_from_json (CKAN_TYPE_DATASTORE_INFO, object, error);
}

gint64
ckan_datastore_info_get_count (CkanDatastoreInfo *self)
{
  return ckan_json_object_get_int_lenient (ckan_record_get_member_object (CKAN_RECORD (self), "meta"),
                                           "count", -1);
}

gint64
ckan_datastore_info_get_size (CkanDatastoreInfo *self)
{
  JsonObject *meta = ckan_record_get_member_object (CKAN_RECORD (self), "meta");

  /* 2.11 says table_size as well; older ones only size. */
  return ckan_json_object_get_int_lenient (meta, "size",
                                           ckan_json_object_get_int_lenient (meta, "table_size", -1));
}

GPtrArray *
ckan_datastore_info_get_fields (CkanDatastoreInfo *self)
{
  g_return_val_if_fail (CKAN_IS_DATASTORE_INFO (self), NULL);
  return self->fields;
}

CkanDatastoreField *
ckan_datastore_info_get_field (CkanDatastoreInfo *self,
                               const char        *id)
{
  g_return_val_if_fail (CKAN_IS_DATASTORE_INFO (self), NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      CkanDatastoreField *field = g_ptr_array_index (self->fields, i);

      if (g_strcmp0 (ckan_datastore_field_get_id (field), id) == 0)
        return field;
    }
  return NULL;
}
