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

static void
ckan_api_token_class_init (CkanApiTokenClass *klass)
{
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
