/* ckan-resource.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-resource.h"

struct _CkanResource
{
  CkanRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CkanResource, ckan_resource, CKAN_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ID,
  PROP_PACKAGE_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_FORMAT,
  PROP_MIMETYPE,
  PROP_URL,
  PROP_URL_TYPE,
  PROP_SIZE,
  PROP_POSITION,
  PROP_DATASTORE_ACTIVE,
  PROP_VALIDATION_STATUS,
  PROP_CREATED,
  PROP_LAST_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ckan_resource_class_init (CkanResourceClass *klass)
{
  G_OBJECT_CLASS (klass)->get_property = ckan_record_get_member_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PACKAGE_ID] =
    g_param_spec_string ("package-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORMAT] =
    g_param_spec_string ("format", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIMETYPE] =
    g_param_spec_string ("mimetype", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL_TYPE] =
    g_param_spec_string ("url-type", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE] =
    g_param_spec_int64 ("size", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASTORE_ACTIVE] =
    g_param_spec_boolean ("datastore-active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALIDATION_STATUS] =
    g_param_spec_string ("validation-status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_MODIFIED] =
    g_param_spec_boxed ("last-modified", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
}

static void
ckan_resource_init (CkanResource *self)
{
}

CkanResource *
ckan_resource_new_from_json (JsonObject  *object,
                             GError     **error)
{
  return ckan_record_new_from_json (CKAN_TYPE_RESOURCE, object, error);
}

CkanResource *
ckan_resource_new (const char *package_id)
{
  CkanResource *self = g_object_new (CKAN_TYPE_RESOURCE, NULL);

  if (package_id != NULL)
    ckan_record_set_string (CKAN_RECORD (self), "package_id", package_id);
  return self;
}

const char *
ckan_resource_get_id (CkanResource *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "id");
}

const char *
ckan_resource_get_package_id (CkanResource *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "package_id");
}

const char *
ckan_resource_get_name (CkanResource *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "name");
}

const char *
ckan_resource_get_description (CkanResource *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "description");
}

const char *
ckan_resource_get_format (CkanResource *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "format");
}

const char *
ckan_resource_get_mimetype (CkanResource *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "mimetype");
}

const char *
ckan_resource_get_url (CkanResource *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "url");
}

const char *
ckan_resource_get_url_type (CkanResource *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "url_type");
}

gboolean
ckan_resource_is_upload (CkanResource *self)
{
  return g_strcmp0 (ckan_resource_get_url_type (self), "upload") == 0;
}

gint64
ckan_resource_get_size (CkanResource *self)
{
  return ckan_record_get_int (CKAN_RECORD (self), "size", -1);
}

GDateTime *
ckan_resource_get_created (CkanResource *self)
{
  return ckan_record_get_datetime (CKAN_RECORD (self), "created");
}

GDateTime *
ckan_resource_get_last_modified (CkanResource *self)
{
  return ckan_record_get_datetime (CKAN_RECORD (self), "last_modified");
}

GDateTime *
ckan_resource_get_metadata_modified (CkanResource *self)
{
  return ckan_record_get_datetime (CKAN_RECORD (self), "metadata_modified");
}

gint64
ckan_resource_get_position (CkanResource *self)
{
  return ckan_record_get_int (CKAN_RECORD (self), "position", -1);
}

gboolean
ckan_resource_get_datastore_active (CkanResource *self)
{
  return ckan_record_get_boolean (CKAN_RECORD (self), "datastore_active", FALSE);
}

const char *
ckan_resource_get_validation_status (CkanResource *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "validation_status");
}

void
ckan_resource_set_name (CkanResource *self,
                        const char *value)
{
  ckan_record_set_string (CKAN_RECORD (self), "name", value);
}

void
ckan_resource_set_description (CkanResource *self,
                               const char *value)
{
  ckan_record_set_string (CKAN_RECORD (self), "description", value);
}

void
ckan_resource_set_format (CkanResource *self,
                          const char *value)
{
  ckan_record_set_string (CKAN_RECORD (self), "format", value);
}

void
ckan_resource_set_url (CkanResource *self,
                       const char *value)
{
  ckan_record_set_string (CKAN_RECORD (self), "url", value);
}
