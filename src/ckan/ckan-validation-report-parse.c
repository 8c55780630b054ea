/* ckan-validation-report-parse.c: reading the report shapes portals send
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ckan-error.h"
#include "ckan-validation-report.h"

void ckan_validation_report_set_job (CkanValidationReport *self,
                                     const char           *job_error,
                                     const char           *created,
                                     const char           *finished);

/* Old goodtables codes and their Frictionless v5 names. */
static const struct {
  const char *old;
  const char *type;
} legacy_codes[] = {
  { "blank-header", "blank-label" },
  { "duplicate-header", "duplicate-label" },
  { "non-matching-header", "incorrect-label" },
  { "extra-header", "extra-label" },
  { "missing-header", "missing-label" },
  { "extra-value", "extra-cell" },
  { "missing-value", "missing-cell" },
  { "type-or-format-error", "type-error" },
  { "required-constraint", "constraint-error" },
  { "pattern-constraint", "constraint-error" },
  { "unique-constraint", "unique-error" },
  { "enumerable-constraint", "constraint-error" },
  { "minimum-constraint", "constraint-error" },
  { "maximum-constraint", "constraint-error" },
  { "minimum-length-constraint", "constraint-error" },
  { "maximum-length-constraint", "constraint-error" },
};

static const char *
normalize_type (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (legacy_codes); i++)
    if (g_str_equal (code, legacy_codes[i].old))
      return legacy_codes[i].type;
  return code;
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (!node || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
get_int (JsonObject *object,
         const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (!node || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_strtoll (json_node_get_string (node), NULL, 10);
  return json_node_get_int (node);
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
get_object (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static char *
cells_to_string (JsonArray *cells)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; cells && i < json_array_get_length (cells); i++)
    {
      JsonNode *node = json_array_get_element (cells, i);

      if (i)
        g_string_append (out, ", ");
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_string_append (out, json_node_get_string (node));
      else if (JSON_NODE_HOLDS_VALUE (node))
        {
          g_autofree char *text = json_to_string (node, FALSE);
          g_string_append (out, text);
        }
    }
  return g_string_free (out, FALSE);
}

/* One error of any shape; tolerant of missing and extra members. */
static void
add_error_object (CkanValidationReport *self,
                  JsonObject           *object,
                  const char           *task,
                  gboolean              legacy)
{
  const char *type = get_string (object, "type");
  CkanValidationError *error;
  const char *cell;
  gint64 field_number;

  if (!type)
    type = get_string (object, "code");
  if (!type)
    type = "error";
  /* "blank-header" meant a blank label in goodtables; today it is a blank
   * header row: rename only in legacy reports. */
  if (legacy)
    type = normalize_type (type);

  error = ckan_validation_error_new (type, 0, 0, NULL, NULL, get_string (object, "message"));
  error->title = g_strdup (get_string (object, "title"));
  if (!error->title)
    error->title = g_strdup (get_string (object, "name"));
  /* Our own export names each error's table on the error itself. */
  error->task = g_strdup (task ? task : get_string (object, "task"));

  error->row_number = get_int (object, "rowNumber");
  if (!error->row_number)
    error->row_number = get_int (object, "row-number");
  if (!error->row_number)
    error->row_number = get_int (object, "rowPosition");
  field_number = get_int (object, "fieldNumber");
  if (!field_number)
    field_number = get_int (object, "column-number");
  if (!field_number)
    field_number = get_int (object, "fieldPosition");
  if (json_object_has_member (object, "byteOffset"))
    error->byte_offset = get_int (object, "byteOffset");
  /* Out of range means none, as the exports write it. */
  error->row_number = MAX (error->row_number, 0);
  error->field_number = field_number > 0 && field_number <= G_MAXINT ? (int) field_number : 0;
  error->byte_offset = MAX (error->byte_offset, -1);

  error->field_name = g_strdup (get_string (object, "fieldName"));
  if (!error->field_name)
    error->field_name = g_strdup (get_string (object, "label"));

  /* The offending cell or label; failing that, the row it is in (goodtables
   * gives only the row), unless that row is blank. */
  cell = get_string (object, "cell");
  if (!cell)
    cell = get_string (object, "label");
  if (cell)
    error->cell = g_strdup (cell);
  else if (get_array (object, "cells") || get_array (object, "row"))
    {
      g_autofree char *row = cells_to_string (get_array (object, "cells") ? get_array (object, "cells")
                                                                          : get_array (object, "row"));

      if (strspn (row, ", ") < strlen (row))
        error->cell = g_steal_pointer (&row);
    }

  if (!error->message)
    error->message = g_strdup (get_string (object, "description"));

  ckan_validation_report_take_error (self, error);
}

static void
add_errors (CkanValidationReport *self,
            JsonArray            *errors,
            const char           *task,
            gboolean              legacy)
{
  for (guint i = 0; errors && i < json_array_get_length (errors); i++)
    {
      JsonNode *node = json_array_get_element (errors, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        add_error_object (self, json_node_get_object (node), task, legacy);
    }
}

static void
add_warnings (CkanValidationReport *self,
              JsonArray            *warnings)
{
  for (guint i = 0; warnings && i < json_array_get_length (warnings); i++)
    {
      JsonNode *node = json_array_get_element (warnings, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        ckan_validation_report_add_warning (self, json_node_get_string (node));
      else if (JSON_NODE_HOLDS_OBJECT (node) && get_string (json_node_get_object (node), "message"))
        ckan_validation_report_add_warning (self, get_string (json_node_get_object (node), "message"));
    }
}

static CkanValidationShape
guess_shape (JsonObject *report)
{
  JsonArray *tasks = get_array (report, "tasks");

  if (get_array (report, "tables"))
    return CKAN_VALIDATION_SHAPE_GOODTABLES;
  if (get_string (report, "source") && g_str_equal (get_string (report, "source"), "local"))
    return CKAN_VALIDATION_SHAPE_LOCAL;
  /* Our own export of a portal report names the shape it was read from. */
  if (!tasks && get_string (report, "source"))
    for (CkanValidationShape shape = CKAN_VALIDATION_SHAPE_FRICTIONLESS_V5;
         shape <= CKAN_VALIDATION_SHAPE_GOODTABLES; shape++)
      if (g_str_equal (get_string (report, "source"), ckan_validation_shape_to_string (shape)))
        return shape;
  for (guint i = 0; tasks && i < json_array_get_length (tasks); i++)
    {
      JsonNode *node = json_array_get_element (tasks, i);
      JsonObject *task;
      JsonArray *errors;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      task = json_node_get_object (node);
      if (json_object_has_member (task, "resource") || json_object_has_member (task, "scope"))
        return CKAN_VALIDATION_SHAPE_FRICTIONLESS_V4;
      errors = get_array (task, "errors");
      if (errors && json_array_get_length (errors) &&
          JSON_NODE_HOLDS_OBJECT (json_array_get_element (errors, 0)) &&
          json_object_has_member (json_node_get_object (json_array_get_element (errors, 0)), "code"))
        return CKAN_VALIDATION_SHAPE_FRICTIONLESS_V4;
    }
  return CKAN_VALIDATION_SHAPE_FRICTIONLESS_V5;
}

static const char *
task_name (JsonObject *task)
{
  JsonObject *resource = get_object (task, "resource");

  if (get_string (task, "name"))
    return get_string (task, "name");
  if (resource && get_string (resource, "name"))
    return get_string (resource, "name");
  if (resource && get_string (resource, "path"))
    return get_string (resource, "path");
  return get_string (task, "source");
}

static void
parse_report (CkanValidationReport *self,
              JsonObject           *report)
{
  CkanValidationShape shape = guess_shape (report);
  JsonArray *tasks = get_array (report, shape == CKAN_VALIDATION_SHAPE_GOODTABLES ? "tables" : "tasks");
  JsonObject *summary = get_object (report, "summary");
  JsonObject *stats = get_object (report, "stats");
  gint64 rows = -1, fields = -1, bytes = -1;
  guint n_tasks = tasks ? json_array_get_length (tasks) : 0;
  /* Old codes are renamed in goodtables' own reports, not in our export. */
  gboolean legacy = shape == CKAN_VALIDATION_SHAPE_GOODTABLES && tasks;

  ckan_validation_report_set_shape (self, shape);
  /* Our own export keeps the job's status beside the report. */
  if (!ckan_validation_report_get_status (self) && get_string (report, "status"))
    ckan_validation_report_set_status (self, get_string (report, "status"));
  {
    JsonNode *valid = json_object_get_member (report, "valid");

    if (valid && JSON_NODE_HOLDS_VALUE (valid) && json_node_get_value_type (valid) == G_TYPE_BOOLEAN)
      ckan_validation_report_set_valid (self, json_node_get_boolean (valid));
  }
  add_warnings (self, get_array (report, "warnings"));
  add_errors (self, get_array (report, "errors"), NULL, legacy);

  for (guint i = 0; i < n_tasks; i++)
    {
      JsonNode *node = json_array_get_element (tasks, i);
      JsonObject *task, *task_stats;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      task = json_node_get_object (node);
      add_errors (self, get_array (task, "errors"), n_tasks > 1 ? task_name (task) : NULL, legacy);
      add_warnings (self, get_array (task, "warnings"));

      task_stats = get_object (task, "stats");
      if (task_stats && json_object_has_member (task_stats, "rows"))
        rows = MAX (rows, 0) + get_int (task_stats, "rows");
      if (task_stats && json_object_has_member (task_stats, "fields"))
        fields = MAX (fields, get_int (task_stats, "fields"));
      if (task_stats && json_object_has_member (task_stats, "bytes"))
        bytes = MAX (bytes, 0) + get_int (task_stats, "bytes");
      if (json_object_has_member (task, "row-count"))
        rows = MAX (rows, 0) + get_int (task, "row-count");
      if (get_array (task, "headers"))
        fields = MAX (fields, (gint64) json_array_get_length (get_array (task, "headers")));
      if (get_array (task, "labels"))
        fields = MAX (fields, (gint64) json_array_get_length (get_array (task, "labels")));
    }

  /* Our export of a portal report keeps the tasks' sums at the top. */
  if (stats && (shape == CKAN_VALIDATION_SHAPE_LOCAL || n_tasks == 0))
    {
      if (json_object_has_member (stats, "rows"))
        rows = get_int (stats, "rows");
      if (json_object_has_member (stats, "fields"))
        fields = get_int (stats, "fields");
      if (json_object_has_member (stats, "bytes"))
        bytes = get_int (stats, "bytes");
    }
  ckan_validation_report_set_stats (self, rows, fields, bytes);

  /* Our own export lists only the stored errors; the summary has the rest. */
  if (summary)
    {
      g_autoptr(GList) members = json_object_get_members (summary);

      for (GList *l = members; l; l = l->next)
        {
          gint64 total = get_int (summary, l->data);
          g_autofree char *type = g_utf8_make_valid (l->data, -1);
          guint64 have = ckan_validation_report_get_n_errors_of_type (self, type);

          if (total > 0 && (guint64) total > have)
            ckan_validation_report_count_errors (self, type, (guint64) total - have);
        }
    }
}

static JsonNode *
parse_string (const char *json,
              gssize      length,
              GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;

  if (!json_parser_load_from_data (parser, json, length, &local_error) || !json_parser_get_root (parser))
    {
      if (!local_error)
        local_error = g_error_new_literal (JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, "empty");
      g_set_error (error, CKAN_ERROR, CKAN_ERROR_NOT_JSON,
                   _("The portal's validation report could not be read: %s"),
                   local_error->message);
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

CkanValidationReport *
ckan_validation_report_new_from_json (JsonNode  *node,
                                      GError   **error)
{
  g_autoptr(CkanValidationReport) self = NULL;
  g_autoptr(JsonNode) inner = NULL;
  JsonObject *object;
  JsonNode *report;

  g_return_val_if_fail (node, NULL);

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      inner = parse_string (json_node_get_string (node), -1, error);
      if (!inner)
        return NULL;
      node = inner;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, CKAN_ERROR, CKAN_ERROR_NOT_JSON,
                           _("The portal's validation report is not in a known format."));
      return NULL;
    }

  self = ckan_validation_report_new (0);
  object = json_node_get_object (node);
  report = json_object_get_member (object, "report");

  /* resource_validation_show's envelope: {status, report, error, ...}. */
  if (report || json_object_has_member (object, "resource_id"))
    {
      g_autoptr(JsonNode) parsed = NULL;
      const char *job_error = get_string (object, "error");
      JsonObject *job_error_object = get_object (object, "error");

      ckan_validation_report_set_status (self, get_string (object, "status"));
      if (!job_error && job_error_object)
        job_error = get_string (job_error_object, "message");
      ckan_validation_report_set_job (self, job_error, get_string (object, "created"),
                                      get_string (object, "finished"));

      if (report && JSON_NODE_HOLDS_VALUE (report) &&
          json_node_get_value_type (report) == G_TYPE_STRING)
        {
          parsed = parse_string (json_node_get_string (report), -1, error);
          if (!parsed)
            return NULL;
          report = parsed;
        }
      if (report && JSON_NODE_HOLDS_OBJECT (report))
        parse_report (self, json_node_get_object (report));
      else
        ckan_validation_report_set_shape (self, CKAN_VALIDATION_SHAPE_FRICTIONLESS_V5);
      return g_steal_pointer (&self);
    }

  parse_report (self, object);
  return g_steal_pointer (&self);
}

CkanValidationReport *
ckan_validation_report_new_from_data (const char  *json,
                                      gssize       length,
                                      GError     **error)
{
  g_autoptr(JsonNode) root = parse_string (json, length, error);

  if (!root)
    return NULL;
  return ckan_validation_report_new_from_json (root, error);
}
