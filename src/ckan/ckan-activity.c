/* ckan-activity.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-activity.h"

struct _CkanActivity
{
  CkanRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CkanActivity, ckan_activity, CKAN_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ID,
  PROP_USER_ID,
  PROP_OBJECT_ID,
  PROP_ACTIVITY_TYPE,
  PROP_TIMESTAMP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ckan_activity_class_init (CkanActivityClass *klass)
{
  G_OBJECT_CLASS (klass)->get_property = ckan_record_get_member_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_ID] =
    g_param_spec_string ("user-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OBJECT_ID] =
    g_param_spec_string ("object-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVITY_TYPE] =
    g_param_spec_string ("activity-type", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMESTAMP] =
    g_param_spec_boxed ("timestamp", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
}

static void
ckan_activity_init (CkanActivity *self)
{
}

CkanActivity *
ckan_activity_new_from_json (JsonObject  *object,
                             GError     **error)
{
  return ckan_record_new_from_json (CKAN_TYPE_ACTIVITY, object, error);
}

const char *
ckan_activity_get_id (CkanActivity *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "id");
}

GDateTime *
ckan_activity_get_timestamp (CkanActivity *self)
{
  return ckan_record_get_datetime (CKAN_RECORD (self), "timestamp");
}

const char *
ckan_activity_get_user_id (CkanActivity *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "user_id");
}

const char *
ckan_activity_get_object_id (CkanActivity *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "object_id");
}

const char *
ckan_activity_get_activity_type (CkanActivity *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "activity_type");
}

static JsonObject *
get_data (CkanActivity *self)
{
  return ckan_record_get_member_object (CKAN_RECORD (self), "data");
}

static const char *
get_package_member (CkanActivity *self,
                    const char   *key)
{
  JsonObject *data = get_data (self);
  JsonNode *package;

  if (data == NULL)
    return NULL;
  package = json_object_get_member (data, "package");
  if (package == NULL || !JSON_NODE_HOLDS_OBJECT (package))
    return NULL;
  return ckan_json_object_get_string_lenient (json_node_get_object (package), key);
}

const char *
ckan_activity_get_package_name (CkanActivity *self)
{
  return get_package_member (self, "name");
}

const char *
ckan_activity_get_package_title (CkanActivity *self)
{
  return get_package_member (self, "title");
}

const char *
ckan_activity_get_actor (CkanActivity *self)
{
  return ckan_json_object_get_string_lenient (get_data (self), "actor");
}

gboolean
ckan_activity_get_is_new (CkanActivity *self)
{
  return ckan_record_get_boolean (CKAN_RECORD (self), "is_new", FALSE);
}
