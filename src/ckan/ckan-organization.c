/* ckan-organization.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-organization.h"

struct _CkanOrganization
{
  CkanRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CkanOrganization, ckan_organization, CKAN_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_TITLE,
  PROP_DISPLAY_NAME,
  PROP_CAPACITY,
  PROP_PACKAGE_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ckan_organization_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CkanOrganization *self = CKAN_ORGANIZATION (object);

  switch (prop_id)
    {
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, ckan_organization_get_display_name (self));
      break;
    default:
      ckan_record_get_member_property (object, prop_id, value, pspec);
    }
}

static void
ckan_organization_class_init (CkanOrganizationClass *klass)
{
  G_OBJECT_CLASS (klass)->get_property = ckan_organization_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPACITY] =
    g_param_spec_string ("capacity", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PACKAGE_COUNT] =
    g_param_spec_int64 ("package-count", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
}

static void
ckan_organization_init (CkanOrganization *self)
{
}

CkanOrganization *
ckan_organization_new_from_json (JsonObject  *object,
                                 GError     **error)
{
  return ckan_record_new_from_json (CKAN_TYPE_ORGANIZATION, object, error);
}

const char *
ckan_organization_get_id (CkanOrganization *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "id");
}

const char *
ckan_organization_get_name (CkanOrganization *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "name");
}

const char *
ckan_organization_get_title (CkanOrganization *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "title");
}

const char *
ckan_organization_get_display_name (CkanOrganization *self)
{
  const char *value = ckan_record_get_string (CKAN_RECORD (self), "display_name");

  if (value == NULL || *value == '\0')
    value = ckan_organization_get_title (self);
  if (value == NULL || *value == '\0')
    value = ckan_organization_get_name (self);
  return value;
}

const char *
ckan_organization_get_description (CkanOrganization *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "description");
}

const char *
ckan_organization_get_image_url (CkanOrganization *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "image_display_url");
}

const char *
ckan_organization_get_capacity (CkanOrganization *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "capacity");
}

gint64
ckan_organization_get_package_count (CkanOrganization *self)
{
  return ckan_record_get_int (CKAN_RECORD (self), "package_count", 0);
}

/* Members may only read; editors and admins create datasets. */
gboolean
ckan_organization_can_publish (CkanOrganization *self)
{
  const char *capacity = ckan_organization_get_capacity (self);

  return g_strcmp0 (capacity, "admin") == 0 || g_strcmp0 (capacity, "editor") == 0;
}
