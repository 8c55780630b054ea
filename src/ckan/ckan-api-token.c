/* ckan-api-token.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-api-token.h"

struct _CkanApiToken
{
  CkanRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CkanApiToken, ckan_api_token, CKAN_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CREATED_AT,
  PROP_LAST_ACCESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ckan_api_token_class_init (CkanApiTokenClass *klass)
{
  G_OBJECT_CLASS (klass)->get_property = ckan_record_get_member_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ACCESS] =
    g_param_spec_boxed ("last-access", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
}

static void
ckan_api_token_init (CkanApiToken *self)
{
}

CkanApiToken *
ckan_api_token_new_from_json (JsonObject  *object,
                              GError     **error)
{
  return ckan_record_new_from_json (CKAN_TYPE_API_TOKEN, object, error);
}

const char *
ckan_api_token_get_id (CkanApiToken *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "id");
}

const char *
ckan_api_token_get_name (CkanApiToken *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "name");
}

const char *
ckan_api_token_get_user_id (CkanApiToken *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "user_id");
}

GDateTime *
ckan_api_token_get_created_at (CkanApiToken *self)
{
  return ckan_record_get_datetime (CKAN_RECORD (self), "created_at");
}

GDateTime *
ckan_api_token_get_last_access (CkanApiToken *self)
{
  return ckan_record_get_datetime (CKAN_RECORD (self), "last_access");
}
