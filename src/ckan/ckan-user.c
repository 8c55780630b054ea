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

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_FULLNAME,
  PROP_DISPLAY_NAME,
  PROP_EMAIL,
  PROP_SYSADMIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ckan_user_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CkanUser *self = CKAN_USER (object);

  switch (prop_id)
    {
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, ckan_user_get_display_name (self));
      break;
    default:
      ckan_record_get_member_property (object, prop_id, value, pspec);
    }
}

static void
ckan_user_class_init (CkanUserClass *klass)
{
  G_OBJECT_CLASS (klass)->get_property = ckan_user_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FULLNAME] =
    g_param_spec_string ("fullname", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SYSADMIN] =
    g_param_spec_boolean ("sysadmin", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
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
