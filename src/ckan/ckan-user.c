/* ckan-user.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-user.h"

struct _CkanUser
{
  CkanRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CkanUser, ckan_user, CKAN_TYPE_RECORD)

static void
ckan_user_class_init (CkanUserClass *klass)
{
}

static void
ckan_user_init (CkanUser *self)
{
}

CkanUser *
ckan_user_new_from_json (JsonObject  *object,
                         GError     **error)
{
  return ckan_record_new_from_json (CKAN_TYPE_USER, object, error);
}

const char *
ckan_user_get_id (CkanUser *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "id");
}

const char *
ckan_user_get_name (CkanUser *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "name");
}

const char *
ckan_user_get_fullname (CkanUser *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "fullname");
}

const char *
ckan_user_get_display_name (CkanUser *self)
{
  const char *value = ckan_record_get_string (CKAN_RECORD (self), "display_name");

  if (value == NULL || *value == '\0')
    value = ckan_user_get_fullname (self);
  if (value == NULL || *value == '\0')
    value = ckan_user_get_name (self);
  return value;
}

const char *
ckan_user_get_email (CkanUser *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "email");
}

gboolean
ckan_user_get_sysadmin (CkanUser *self)
{
  return ckan_record_get_boolean (CKAN_RECORD (self), "sysadmin", FALSE);
}

const char *
ckan_user_get_state (CkanUser *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "state");
}

GDateTime *
ckan_user_get_created (CkanUser *self)
{
  return ckan_record_get_datetime (CKAN_RECORD (self), "created");
}
