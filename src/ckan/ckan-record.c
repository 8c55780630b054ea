/* ckan-record.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ckan-record.h"

typedef struct
{
  JsonObject *object;
  /* Parsed timestamps by key, so getters can hand out borrowed pointers. */
  GHashTable *datetimes;
} CkanRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CkanRecord, ckan_record, G_TYPE_OBJECT)

static void
ckan_record_finalize (GObject *object)
{
  CkanRecord *self = CKAN_RECORD (object);
  CkanRecordPrivate *priv = ckan_record_get_instance_private (self);

  g_clear_pointer (&priv->object, json_object_unref);
  g_clear_pointer (&priv->datetimes, g_hash_table_unref);

  G_OBJECT_CLASS (ckan_record_parent_class)->finalize (object);
}

static void
ckan_record_class_init (CkanRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ckan_record_finalize;
  klass->required_key = "id";
}

static void
ckan_record_init (CkanRecord *self)
{
  CkanRecordPrivate *priv = ckan_record_get_instance_private (self);

  priv->object = json_object_new ();
  priv->datetimes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_date_time_unref);
}

/* ------------------------------------------------------------------ */
/* JSON helpers                                                        */

static JsonNode *
deep_copy_node (JsonNode *node)
{
  JsonNode *result;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        g_autoptr(JsonObject) copy = ckan_json_object_deep_copy (json_node_get_object (node));

        result = json_node_alloc ();
        json_node_init_object (result, copy);
        return result;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        g_autoptr(JsonArray) copy = json_array_sized_new (json_array_get_length (array));

        for (guint i = 0; i < json_array_get_length (array); i++)
          json_array_add_element (copy, deep_copy_node (json_array_get_element (array, i)));
        result = json_node_alloc ();
        json_node_init_array (result, copy);
        return result;
      }
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

JsonObject *
ckan_json_object_deep_copy (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (object == NULL)
    return copy;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    json_object_set_member (copy, name, deep_copy_node (node));

  return copy;
}

GDateTime *
ckan_parse_timestamp (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autofree char *normalized = NULL;
  gsize length;

  if (text == NULL || *text == '\0')
    return NULL;

  length = strlen (text);
  /* Some plugins write "2024-05-01 12:00:00"; a bare date means midnight. */
  if (length == 10)
    normalized = g_strconcat (text, "T00:00:00", NULL);
  else
    normalized = g_strdup (text);
  if (length > 10 && normalized[10] == ' ')
    normalized[10] = 'T';

  /* CKAN writes UTC without saying so: the default zone makes that explicit,
   * and a timestamp that does carry an offset keeps it. */
  utc = g_time_zone_new_utc ();
  return g_date_time_new_from_iso8601 (normalized, utc);
}

static JsonNode *
get_value_node (JsonObject *object,
                const char *key)
{
  JsonNode *node;

  if (object == NULL || key == NULL)
    return NULL;
  node = json_object_get_member (object, key);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  return node;
}

const char *
ckan_json_object_get_string_lenient (JsonObject *object,
                                     const char *key)
{
  JsonNode *node = get_value_node (object, key);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gint64
ckan_json_object_get_int_lenient (JsonObject *object,
                                  const char *key,
                                  gint64      default_value)
{
  JsonNode *node = get_value_node (object, key);
  GType type;

  if (node == NULL)
    return default_value;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    return json_node_get_int (node);
  if (type == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (node);
  if (type == G_TYPE_STRING)
    {
      /* Some plugins send numbers as strings ("size": "1024"). */
      gint64 parsed;

      if (g_ascii_string_to_signed (json_node_get_string (node), 10,
                                    G_MININT64, G_MAXINT64, &parsed, NULL))
        return parsed;
    }
  return default_value;
}

gboolean
ckan_json_object_get_boolean_lenient (JsonObject *object,
                                      const char *key,
                                      gboolean    default_value)
{
  JsonNode *node = get_value_node (object, key);
  GType type;

  if (node == NULL)
    return default_value;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);
  if (type == G_TYPE_INT64)
    return json_node_get_int (node) != 0;
  if (type == G_TYPE_STRING)
    {
      /* Python's str(True) reaches the API through extras and form posts. */
      const char *text = json_node_get_string (node);

      if (g_ascii_strcasecmp (text, "true") == 0 || g_strcmp0 (text, "1") == 0)
        return TRUE;
      if (g_ascii_strcasecmp (text, "false") == 0 || g_strcmp0 (text, "0") == 0)
        return FALSE;
    }
  return default_value;
}

/* ------------------------------------------------------------------ */
/* Construction                                                        */

gpointer
ckan_record_new_from_json (GType        type,
                           JsonObject  *object,
                           GError     **error)
{
  g_autoptr(CkanRecord) self = NULL;
  CkanRecordPrivate *priv;
  CkanRecordClass *klass;

  g_return_val_if_fail (g_type_is_a (type, CKAN_TYPE_RECORD), NULL);
  g_return_val_if_fail (object != NULL, NULL);

  self = g_object_new (type, NULL);
  klass = CKAN_RECORD_GET_CLASS (self);

  if (klass->required_key != NULL)
    {
      const char *value = ckan_json_object_get_string_lenient (object, klass->required_key);

      if (value == NULL || *value == '\0')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The portal's answer is incomplete: “%s” is missing. The portal may run a version or extension Publicador does not support."),
                       klass->required_key);
          return NULL;
        }
    }

  priv = ckan_record_get_instance_private (self);
  g_clear_pointer (&priv->object, json_object_unref);
  priv->object = ckan_json_object_deep_copy (object);

  if (klass->parse != NULL)
    klass->parse (self);

  return g_steal_pointer (&self);
}

gpointer
ckan_record_new_from_node (GType        type,
                           JsonNode    *node,
                           GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The portal's answer does not have the expected form. The portal may run a version or extension Publicador does not support."));
      return NULL;
    }
  return ckan_record_new_from_json (type, json_node_get_object (node), error);
}

GPtrArray *
ckan_record_list_from_array (GType      type,
                             JsonArray *array)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);

  if (array == NULL)
    return list;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gpointer record;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      record = ckan_record_new_from_json (type, json_node_get_object (element), NULL);
      if (record != NULL)
        g_ptr_array_add (list, record);
    }
  return list;
}

/* ------------------------------------------------------------------ */
/* Access                                                              */

JsonObject *
ckan_record_to_json (CkanRecord *self)
{
  CkanRecordPrivate *priv = ckan_record_get_instance_private (self);
  JsonObject *copy;

  g_return_val_if_fail (CKAN_IS_RECORD (self), NULL);

  copy = ckan_json_object_deep_copy (priv->object);
  if (CKAN_RECORD_GET_CLASS (self)->serialize != NULL)
    CKAN_RECORD_GET_CLASS (self)->serialize (self, copy);
  return copy;
}

JsonObject *
ckan_record_get_object (CkanRecord *self)
{
  CkanRecordPrivate *priv = ckan_record_get_instance_private (self);

  g_return_val_if_fail (CKAN_IS_RECORD (self), NULL);
  return priv->object;
}

const char *
ckan_record_get_id (CkanRecord *self)
{
  return ckan_record_get_string (self, "id");
}

const char *
ckan_record_get_string (CkanRecord *self,
                        const char *key)
{
  g_return_val_if_fail (CKAN_IS_RECORD (self), NULL);
  return ckan_json_object_get_string_lenient (ckan_record_get_object (self), key);
}

gint64
ckan_record_get_int (CkanRecord *self,
                     const char *key,
                     gint64      default_value)
{
  g_return_val_if_fail (CKAN_IS_RECORD (self), default_value);
  return ckan_json_object_get_int_lenient (ckan_record_get_object (self), key, default_value);
}

gboolean
ckan_record_get_boolean (CkanRecord *self,
                         const char *key,
                         gboolean    default_value)
{
  g_return_val_if_fail (CKAN_IS_RECORD (self), default_value);
  return ckan_json_object_get_boolean_lenient (ckan_record_get_object (self), key, default_value);
}

GDateTime *
ckan_record_get_datetime (CkanRecord *self,
                          const char *key)
{
  CkanRecordPrivate *priv = ckan_record_get_instance_private (self);
  GDateTime *parsed;

  g_return_val_if_fail (CKAN_IS_RECORD (self), NULL);

  parsed = g_hash_table_lookup (priv->datetimes, key);
  if (parsed != NULL)
    return parsed;

  parsed = ckan_parse_timestamp (ckan_record_get_string (self, key));
  if (parsed != NULL)
    g_hash_table_insert (priv->datetimes, g_strdup (key), parsed);
  return parsed;
}

JsonObject *
ckan_record_get_member_object (CkanRecord *self,
                               const char *key)
{
  JsonNode *node;

  g_return_val_if_fail (CKAN_IS_RECORD (self), NULL);

  node = json_object_get_member (ckan_record_get_object (self), key);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

JsonArray *
ckan_record_get_member_array (CkanRecord *self,
                              const char *key)
{
  JsonNode *node;

  g_return_val_if_fail (CKAN_IS_RECORD (self), NULL);

  node = json_object_get_member (ckan_record_get_object (self), key);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

void
ckan_record_set_member (CkanRecord *self,
                        const char *key,
                        JsonNode   *node)
{
  CkanRecordPrivate *priv = ckan_record_get_instance_private (self);
  g_autofree char *property = NULL;

  g_return_if_fail (CKAN_IS_RECORD (self));
  g_return_if_fail (key != NULL && node != NULL);

  g_hash_table_remove (priv->datetimes, key);
  json_object_set_member (priv->object, key, node);

  property = g_strdelimit (g_strdup (key), "_", '-');
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (self), property) != NULL)
    g_object_notify (G_OBJECT (self), property);
}

void
ckan_record_get_member_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CkanRecord *self = CKAN_RECORD (object);
  g_autofree char *key = g_strdelimit (g_strdup (pspec->name), "-", '_');
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    g_value_set_string (value, ckan_record_get_string (self, key));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, ckan_record_get_boolean (self, key, FALSE));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, ckan_record_get_int (self, key, -1));
  else if (type == G_TYPE_DATE_TIME)
    g_value_set_boxed (value, ckan_record_get_datetime (self, key));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

void
ckan_record_set_string (CkanRecord *self,
                        const char *key,
                        const char *value)
{
  JsonNode *node = json_node_alloc ();

  if (value != NULL)
    json_node_init_string (node, value);
  else
    json_node_init_null (node);
  ckan_record_set_member (self, key, node);
}

void
ckan_record_set_int (CkanRecord *self,
                     const char *key,
                     gint64      value)
{
  ckan_record_set_member (self, key, json_node_init_int (json_node_alloc (), value));
}

void
ckan_record_set_boolean (CkanRecord *self,
                         const char *key,
                         gboolean    value)
{
  ckan_record_set_member (self, key, json_node_init_boolean (json_node_alloc (), value));
}
