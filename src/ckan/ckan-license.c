/* ckan-license.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-license.h"

struct _CkanLicense
{
  CkanRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CkanLicense, ckan_license, CKAN_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_URL,
  PROP_OD_CONFORMANCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ckan_license_class_init (CkanLicenseClass *klass)
{
  G_OBJECT_CLASS (klass)->get_property = ckan_record_get_member_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OD_CONFORMANCE] =
    g_param_spec_string ("od-conformance", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
}

static void
ckan_license_init (CkanLicense *self)
{
}

CkanLicense *
ckan_license_new_from_json (JsonObject  *object,
                            GError     **error)
{
  return ckan_record_new_from_json (CKAN_TYPE_LICENSE, object, error);
}

const char *
ckan_license_get_id (CkanLicense *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "id");
}

const char *
ckan_license_get_title (CkanLicense *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "title");
}

const char *
ckan_license_get_url (CkanLicense *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "url");
}

const char *
ckan_license_get_od_conformance (CkanLicense *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "od_conformance");
}

/* Older portals only say is_okd_compliant. */
gboolean
ckan_license_is_open (CkanLicense *self)
{
  const char *conformance = ckan_license_get_od_conformance (self);

  if (conformance != NULL)
    return g_strcmp0 (conformance, "approved") == 0;
  return ckan_record_get_boolean (CKAN_RECORD (self), "is_okd_compliant", FALSE);
}
