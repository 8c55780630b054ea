/* test-portal-datastore.c: the DataStore actions (tables loaded by the
 * xloader job or written by datastore_create)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-portal-private.h"

#include <string.h>

/* ---- DataStore ---- */

static JsonObject *
table_for (PubTestPortal *self,
           PortalCall    *call,
           const char    *id,
           const char    *missing_noun)
{
  JsonObject *dataset = NULL;
  JsonObject *resource = portal_find_resource (self, id, &dataset);
  JsonObject *table = id ? g_hash_table_lookup (self->datastore, id) : NULL;

  if (!resource || !table)
    {
      g_autofree char *message = g_strdup_printf ("%s \"%s\" was not found.", missing_noun, id ? id : "");

      portal_call_not_found (call, message);
      return NULL;
    }
  if (!portal_can_read_dataset (self, call->user, dataset))
    {
      g_autofree char *label = portal_call_user_label (call);
      g_autofree char *message = g_strdup_printf ("User %s not authorized to read resource %s", label, id);

      portal_call_deny (call, message);
      return NULL;
    }
  return table;
}

static JsonNode *
datastore_info (PubTestPortal *self,
                PortalCall    *call)
{
  const char *id = portal_param_string (call, "id");
  JsonObject *table;
  JsonObject *result;
  JsonObject *meta;
  JsonArray *fields;
  JsonArray *out_fields;

  if (!id || !*id)
    id = portal_param_string (call, "resource_id");
  if (!id || !*id)
    {
      portal_call_field_error (call, "id", "Missing value");
      return NULL;
    }
  table = table_for (self, call, id, "Resource/Alias");
  if (!table)
    return NULL;
  fields = portal_object_array (table, "fields");
  out_fields = json_array_new ();
  for (guint i = 0; i < json_array_get_length (fields); i++)
    {
      JsonObject *field = portal_json_object_copy (json_array_get_object_element (fields, i));
      JsonObject *schema = json_object_new ();

      json_object_set_string_member (schema, "native_type", portal_object_string (field, "type"));
      json_object_set_boolean_member (schema, "notnull", FALSE);
      json_object_set_null_member (schema, "index_name");
      json_object_set_boolean_member (schema, "is_index", FALSE);
      json_object_set_boolean_member (schema, "uniquekey", FALSE);
      json_object_set_object_member (field, "schema", schema);
      json_array_add_object_element (out_fields, field);
    }
  meta = json_object_new ();
  json_object_set_string_member (meta, "id", id);
  json_object_set_int_member (meta, "count", json_array_get_length (portal_object_array (table, "records")));
  json_object_set_string_member (meta, "table_type", "BASE TABLE");
  json_object_set_int_member (meta, "size", 8192);
  json_object_set_int_member (meta, "db_size", 8192);
  json_object_set_int_member (meta, "idx_size", 0);
  json_object_set_array_member (meta, "aliases", json_array_new ());
  result = json_object_new ();
  json_object_set_object_member (result, "meta", meta);
  json_object_set_array_member (result, "fields", out_fields);
  return portal_node_object (result);
}

static JsonNode *
datastore_create (PubTestPortal *self,
                  PortalCall    *call)
{
  JsonObject *resource;
  JsonNode *fields_node = portal_param_json (call, "fields");
  JsonNode *records_node = portal_param_json (call, "records");
  JsonObject *table;
  JsonArray *fields;
  JsonObject *result;
  const char *id;

  if (!portal_param_string (call, "resource_id"))
    {
      portal_call_field_string (call, "message", "Missing id, can not get Resource object");
      return NULL;
    }
  resource = portal_resource_for (self, call, "resource_id", TRUE);
  if (!resource)
    return NULL;
  id = portal_object_string (resource, "id");
  table = g_hash_table_lookup (self->datastore, id);
  if (!table)
    {
      table = json_object_new ();
      json_object_set_array_member (table, "fields", json_array_new ());
      json_object_set_array_member (table, "records", json_array_new ());
      g_hash_table_replace (self->datastore, g_strdup (id), table);
    }
  fields = portal_object_array (table, "fields");
  for (guint i = 0; fields_node && JSON_NODE_HOLDS_ARRAY (fields_node) &&
                    i < json_array_get_length (json_node_get_array (fields_node)); i++)
    {
      JsonObject *given = portal_array_object (json_node_get_array (fields_node), i);
      const char *field_id = portal_object_string (given, "id");
      JsonObject *existing = NULL;
      JsonObject *info = portal_object_object (given, "info");

      if (!field_id)
        {
          portal_call_field_error (call, "fields", "Missing value");
          return NULL;
        }
      for (guint j = 0; j < json_array_get_length (fields); j++)
        if (g_strcmp0 (portal_object_string (json_array_get_object_element (fields, j), "id"), field_id) == 0)
          existing = json_array_get_object_element (fields, j);
      if (!existing)
        {
          existing = json_object_new ();
          json_object_set_string_member (existing, "id", field_id);
          json_object_set_string_member (existing, "type", "text");
          json_array_add_object_element (fields, existing);
        }
      if (portal_object_string (given, "type"))
        json_object_set_string_member (existing, "type", portal_object_string (given, "type"));
      if (info)
        json_object_set_object_member (existing, "info", portal_json_object_copy (info));
    }
  for (guint i = 0; records_node && JSON_NODE_HOLDS_ARRAY (records_node) &&
                    i < json_array_get_length (json_node_get_array (records_node)); i++)
    {
      JsonArray *records = portal_object_array (table, "records");
      JsonObject *given = portal_array_object (json_node_get_array (records_node), i);
      JsonObject *record;

      if (!given)
        {
          portal_call_field_error (call, "records", "Records must be objects");
          return NULL;
        }
      record = portal_json_object_copy (given);
      json_object_set_int_member (record, "_id", json_array_get_length (records) + 1);
      json_array_add_object_element (records, record);
    }
  json_object_set_boolean_member (resource, "datastore_active", TRUE);

  result = json_object_new ();
  json_object_set_boolean_member (result, "delete_fields", FALSE);
  json_object_set_string_member (result, "resource_id", id);
  json_object_set_member (result, "fields", portal_json_copy (json_object_get_member (table, "fields")));
  json_object_set_string_member (result, "method", "insert");
  return portal_node_object (result);
}

static gboolean
record_matches (JsonObject *record,
                JsonObject *filters,
                const char *q)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (filters)
    {
      json_object_iter_init (&iter, filters);
      while (json_object_iter_next (&iter, &key, &value))
        {
          const char *have = portal_object_string (record, key);

          if (JSON_NODE_HOLDS_VALUE (value) && g_strcmp0 (have, json_node_get_string (value)) != 0)
            return FALSE;
        }
    }
  if (q && *q)
    {
      g_autofree char *needle = g_utf8_casefold (q, -1);
      gboolean found = FALSE;

      json_object_iter_init (&iter, record);
      while (json_object_iter_next (&iter, &key, &value))
        {
          g_autofree char *text = NULL;

          if (!JSON_NODE_HOLDS_VALUE (value) || g_str_equal (key, "_id"))
            continue;
          if (json_node_get_value_type (value) == G_TYPE_STRING)
            text = g_utf8_casefold (json_node_get_string (value), -1);
          else if (json_node_get_value_type (value) == G_TYPE_DOUBLE)
            text = g_strdup_printf ("%g", json_node_get_double (value));
          else if (json_node_get_value_type (value) == G_TYPE_INT64)
            text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
          if (text && strstr (text, needle))
            found = TRUE;
        }
      return found;
    }
  return TRUE;
}

/* PostgreSQL's order: numbers as numbers, NULLs last (first when descending). */
static int
compare_values (JsonNode *a,
                JsonNode *b)
{
  gboolean a_null = !a || JSON_NODE_HOLDS_NULL (a);
  gboolean b_null = !b || JSON_NODE_HOLDS_NULL (b);

  if (a_null || b_null)
    return a_null - b_null;
  if (json_node_get_value_type (a) != G_TYPE_STRING && json_node_get_value_type (b) != G_TYPE_STRING)
    {
      double x = json_node_get_double (a), y = json_node_get_double (b);

      return x < y ? -1 : x > y;
    }
  return g_strcmp0 (json_node_get_string (a), json_node_get_string (b));
}

/* "col", "col desc", "\"a col\" asc" (CKAN's _parse_sort_clause). */
static char *
parse_sort_clause (const char *clause,
                   gboolean   *desc)
{
  g_autofree char *text = g_strstrip (g_strdup (clause));
  gsize len = strlen (text);
  GString *field;

  *desc = FALSE;
  if (len > 5 && g_ascii_strcasecmp (text + len - 5, " desc") == 0)
    {
      *desc = TRUE;
      text[len - 5] = '\0';
    }
  else if (len > 4 && g_ascii_strcasecmp (text + len - 4, " asc") == 0)
    text[len - 4] = '\0';
  g_strstrip (text);
  len = strlen (text);
  if (len < 2 || text[0] != '"' || text[len - 1] != '"')
    return g_steal_pointer (&text);
  field = g_string_new (NULL);
  for (gsize i = 1; i < len - 1; i++)
    {
      g_string_append_c (field, text[i]);
      if (text[i] == '"' && text[i + 1] == '"')
        i++;
    }
  return g_string_free (field, FALSE);
}

static int
compare_records (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  JsonObject *x = *(JsonObject **) a;
  JsonObject *y = *(JsonObject **) b;
  GStrv keys = user_data;

  for (guint i = 0; keys[i]; i++)
    {
      gboolean desc;
      g_autofree char *field = parse_sort_clause (keys[i], &desc);
      int c = compare_values (json_object_get_member (x, field), json_object_get_member (y, field));

      if (c)
        return desc ? -c : c;
    }
  return json_object_get_int_member (x, "_id") < json_object_get_int_member (y, "_id") ? -1 : 1;
}

static JsonNode *
datastore_search (PubTestPortal *self,
                  PortalCall    *call)
{
  const char *id = portal_param_string (call, "resource_id");
  const char *format = portal_param_string (call, "records_format");
  JsonNode *filters = portal_param_json (call, "filters");
  JsonObject *table;
  JsonArray *fields;
  JsonArray *records;
  g_autoptr(JsonArray) sorted_records = NULL;
  JsonArray *out_fields;
  JsonArray *out_records;
  g_autoptr(GString) text = g_string_new (NULL);
  JsonObject *result;
  gint64 limit, offset;
  guint total = 0;
  gint64 emitted = 0;
  char sep;

  if (!id || !*id)
    {
      portal_call_field_error (call, "resource_id", "Missing value");
      return NULL;
    }
  if (!portal_param_int (call, "limit", 100, &limit))
    portal_call_field_error (call, "limit", "Invalid integer");
  if (!portal_param_int (call, "offset", 0, &offset))
    portal_call_field_error (call, "offset", "Invalid integer");
  if (portal_call_failed (call))
    return NULL;
  limit = CLAMP (limit, 0, 32000);
  table = table_for (self, call, id, "Resource");
  if (!table)
    return NULL;

  fields = portal_object_array (table, "fields");
  records = portal_object_array (table, "records");
  if (portal_param_string (call, "sort") && *portal_param_string (call, "sort"))
    {
      g_auto(GStrv) keys = g_strsplit (portal_param_string (call, "sort"), ",", -1);
      g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

      for (guint k = 0; keys[k]; k++)
        {
          gboolean desc, known = FALSE;
          g_autofree char *field = parse_sort_clause (keys[k], &desc);

          for (guint j = 0; j < json_array_get_length (fields); j++)
            known = known || g_strcmp0 (portal_object_string (json_array_get_object_element (fields, j), "id"),
                                        field) == 0;
          if (!known && g_strcmp0 (field, "_id") != 0)
            {
              g_autofree char *message = g_strdup_printf ("field \"%s\" not in table", field);

              portal_call_field_error (call, "sort", message);
              return NULL;
            }
        }
      for (guint i = 0; i < json_array_get_length (records); i++)
        g_ptr_array_add (sorted, json_array_get_object_element (records, i));
      g_ptr_array_sort_with_data (sorted, compare_records, keys);
      sorted_records = json_array_sized_new (sorted->len);
      for (guint i = 0; i < sorted->len; i++)
        json_array_add_object_element (sorted_records, json_object_ref (sorted->pdata[i]));
      records = sorted_records;
    }
  out_fields = json_array_new ();
  {
    JsonObject *row_id = json_object_new ();

    json_object_set_string_member (row_id, "id", "_id");
    json_object_set_string_member (row_id, "type", "int");
    json_array_add_object_element (out_fields, row_id);
  }
  for (guint j = 0; j < json_array_get_length (fields); j++)
    json_array_add_object_element (out_fields, portal_json_object_copy (json_array_get_object_element (fields, j)));
  out_records = json_array_new ();
  sep = g_strcmp0 (format, "tsv") == 0 ? '\t' : ',';
  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);

      if (!record_matches (record, filters && JSON_NODE_HOLDS_OBJECT (filters) ? json_node_get_object (filters) : NULL,
                           portal_param_string (call, "q")))
        continue;
      if (total++ < offset || emitted >= limit)
        continue;
      emitted++;
      if (g_strcmp0 (format, "csv") == 0 || g_strcmp0 (format, "tsv") == 0)
        {
          g_string_append_printf (text, "%" G_GINT64_FORMAT, json_object_get_int_member (record, "_id"));
          for (guint j = 0; j < json_array_get_length (fields); j++)
            {
              const char *v = portal_object_string (record, portal_object_string (json_array_get_object_element (fields, j), "id"));

              g_string_append_printf (text, "%c%s", sep, v ? v : "");
            }
          g_string_append_c (text, '\n');
        }
      else if (g_strcmp0 (format, "lists") == 0)
        {
          JsonArray *row = json_array_new ();

          json_array_add_int_element (row, json_object_get_int_member (record, "_id"));
          for (guint j = 0; j < json_array_get_length (fields); j++)
            json_array_add_string_element (row, portal_object_string (record, portal_object_string (json_array_get_object_element (fields, j), "id")));
          json_array_add_array_element (out_records, row);
        }
      else
        {
          json_array_add_object_element (out_records, portal_json_object_copy (record));
        }
    }
  result = json_object_new ();
  json_object_set_boolean_member (result, "include_total", TRUE);
  json_object_set_string_member (result, "records_format", format ? format : "objects");
  json_object_set_null_member (result, "total_estimation_threshold");
  json_object_set_string_member (result, "resource_id", id);
  json_object_set_array_member (result, "fields", out_fields);
  {
    JsonObject *links = json_object_new ();
    g_autofree char *start = g_strdup_printf ("/api/3/action/datastore_search?resource_id=%s&limit=%" G_GINT64_FORMAT,
                                              id, limit);
    g_autofree char *next = g_strdup_printf ("%s&offset=%" G_GINT64_FORMAT, start, offset + limit);

    json_object_set_string_member (links, "start", start);
    json_object_set_string_member (links, "next", next);
    json_object_set_object_member (result, "_links", links);
  }
  if (g_strcmp0 (format, "csv") == 0 || g_strcmp0 (format, "tsv") == 0)
    {
      json_object_set_string_member (result, "records", text->str);
      json_array_unref (out_records);
    }
  else
    {
      json_object_set_array_member (result, "records", out_records);
    }
  json_object_set_int_member (result, "total", total);
  json_object_set_boolean_member (result, "total_was_estimated", FALSE);
  json_object_set_int_member (result, "limit", limit);
  json_object_set_int_member (result, "offset", offset);
  return portal_node_object (result);
}

const PortalAction portal_datastore_actions[] = {
  { "datastore_create", datastore_create, FALSE, "datastore" },
  { "datastore_info", datastore_info, TRUE, "datastore" },
  { "datastore_search", datastore_search, TRUE, "datastore" },
  { NULL, NULL, FALSE, NULL },
};
