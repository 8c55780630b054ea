/* test-portal-extensions.c: DataStore, xloader/DataPusher and validation
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-portal-private.h"

#include <string.h>

#define SAMPLE_BYTES (256 * 1024)

/* ---- Background jobs: finish after the portal's job delay ---- */

typedef enum {
  JOB_VALIDATION,
  JOB_XLOADER,
  JOB_DATAPUSHER,
} JobKind;

typedef struct {
  PubTestPortal *portal;
  char *resource_id;
  JobKind kind;
  gboolean started;   /* the worker took it: "running" until it ends */
  guint source;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->resource_id);
  g_free (job);
}

void
portal_cancel_jobs (PubTestPortal *self)
{
  for (GList *l = self->jobs; l; l = l->next)
    {
      Job *job = l->data;

      g_source_remove (job->source);
    }
  g_list_free_full (g_steal_pointer (&self->jobs), job_free);
}

/* ---- Reading the uploaded file ---- */

/* RFC 4180 rows of the first SAMPLE_BYTES of the file; NULL without one. */
static GPtrArray *
read_csv (PubTestPortal *self,
          const char    *resource_id,
          char         **md5,
          goffset       *bytes)
{
  const char *path = g_hash_table_lookup (self->uploads, resource_id);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autofree char *data = g_malloc (SAMPLE_BYTES + 1);
  gsize len = 0;
  GPtrArray *rows;
  g_autoptr(GPtrArray) row = NULL;
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean quoted = FALSE;
  g_autoptr(GFileInfo) info = NULL;

  if (!path)
    return NULL;
  file = g_file_new_for_path (path);
  in = g_file_read (file, NULL, NULL);
  if (!in || !g_input_stream_read_all (G_INPUT_STREAM (in), data, SAMPLE_BYTES, &len, NULL, NULL))
    return NULL;
  data[len] = '\0';
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
  *bytes = info ? g_file_info_get_size (info) : (goffset) len;
  *md5 = g_compute_checksum_for_data (G_CHECKSUM_MD5, (const guchar *) data, len);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  row = g_ptr_array_new ();
  for (gsize i = 0; i <= len; i++)
    {
      char c = i < len ? data[i] : '\n';

      if (quoted)
        {
          if (c == '"' && i + 1 < len && data[i + 1] == '"')
            {
              g_string_append_c (cell, '"');
              i++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            g_string_append_c (cell, c);
          continue;
        }
      if (c == '"')
        quoted = TRUE;
      else if (c == ',')
        {
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
        }
      else if (c == '\n')
        {
          if (i == len && row->len == 0 && cell->len == 0)
            break;
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_free (g_steal_pointer (&row), FALSE));
          row = g_ptr_array_new ();
        }
      else if (c != '\r')
        g_string_append_c (cell, c);
    }
  return rows;
}

/* ---- Validation (ckanext-validation, Frictionless v5 reports) ---- */

static JsonObject *
add_error (JsonArray  *errors,
           const char *type,
           const char *title,
           const char *description,
           char       *message,
           guint       row_number,
           guint       field_number,
           const char *tag)
{
  JsonObject *error = json_object_new ();
  JsonArray *tags = json_array_new ();

  json_array_add_string_element (tags, "#table");
  json_array_add_string_element (tags, g_str_equal (tag, "#label") ? "#header" : "#row");
  if (!g_str_equal (tag, "#row"))
    json_array_add_string_element (tags, tag);
  json_object_set_string_member (error, "type", type);
  json_object_set_string_member (error, "title", title);
  json_object_set_string_member (error, "description", description);
  json_object_set_string_member (error, "message", message);
  json_object_set_array_member (error, "tags", tags);
  json_object_set_string_member (error, "note", "");
  if (row_number)
    json_object_set_int_member (error, "rowNumber", row_number);
  if (field_number)
    json_object_set_int_member (error, "fieldNumber", field_number);
  json_array_add_object_element (errors, error);
  g_free (message);
  return error;
}

static JsonArray *
strv_array (GStrv strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv && strv[i]; i++)
    json_array_add_string_element (array, strv[i]);
  return array;
}

static void
describe_cell (JsonObject *error,
               GStrv       header,
               GStrv       row,
               guint       field)
{
  g_autofree char *name = g_strdup_printf ("field%u", field + 1);

  json_object_set_array_member (error, "cells", strv_array (row));
  json_object_set_string_member (error, "cell", field < g_strv_length (row) ? row[field] : "");
  json_object_set_string_member (error, "fieldName", field < g_strv_length (header) ? header[field] : "");
}

static void
describe_label (JsonObject *error,
                GStrv       header,
                guint       field)
{
  JsonArray *row_numbers = json_array_new ();

  json_array_add_int_element (row_numbers, 1);
  json_object_set_array_member (error, "labels", strv_array (header));
  json_object_set_array_member (error, "rowNumbers", row_numbers);
  json_object_set_string_member (error, "label", header[field]);
  json_object_set_string_member (error, "fieldName", header[field]);
}

static JsonObject *
validation_report (GPtrArray  *rows,
                   const char *place,
                   const char *md5,
                   goffset     bytes)
{
  JsonObject *report = json_object_new ();
  JsonObject *task = json_object_new ();
  JsonObject *stats = json_object_new ();
  JsonObject *task_stats = json_object_new ();
  JsonArray *errors = json_array_new ();
  JsonArray *labels = json_array_new ();
  JsonArray *tasks = json_array_new ();
  GStrv header = rows && rows->len ? rows->pdata[0] : NULL;
  guint width = header ? g_strv_length (header) : 0;
  g_autofree char *name = g_path_get_basename (place);
  char *dot = strrchr (name, '.');

  if (dot)
    *dot = '\0';
  for (guint j = 0; j < width; j++)
    {
      json_array_add_string_element (labels, header[j]);
      if (!*header[j])
        describe_label (add_error (errors, "blank-label", "Blank Label",
                                   "A label in the header row is missing a value. Label should be provided and not be blank.",
                                   g_strdup_printf ("Label in the header in field at position \"%u\" is blank", j + 1),
                                   0, j + 1, "#label"), header, j);
      for (guint k = 0; k < j; k++)
        if (*header[j] && g_str_equal (header[j], header[k]))
          describe_label (add_error (errors, "duplicate-label", "Duplicate Label",
                                     "Two columns in the header row have the same value. Column names should be unique.",
                                     g_strdup_printf ("Label \"%s\" in the header at position \"%u\" is duplicated to a label: "
                                                      "at position \"%u\"", header[j], j + 1, k + 1),
                                     0, j + 1, "#label"), header, j);
    }
  for (guint i = 1; rows && i < rows->len; i++)
    {
      GStrv row = rows->pdata[i];
      guint n = g_strv_length (row);
      gboolean blank = TRUE;

      for (guint j = 0; j < n; j++)
        blank = blank && !*row[j];
      if (blank)
        {
          add_error (errors, "blank-row", "Blank Row",
                     "This row is empty. A row should contain at least one value.",
                     g_strdup_printf ("Row at position \"%u\" is completely blank", i + 1), i + 1, 0, "#row");
          continue;
        }
      for (guint j = width; j < n; j++)
        describe_cell (add_error (errors, "extra-cell", "Extra Cell",
                                  "This row has more values compared to the header row (the first row in the data "
                                  "source). A key concept is that all the rows in tabular data must have the same "
                                  "number of columns.",
                                  g_strdup_printf ("Row at position \"%u\" has an extra value in field at position \"%u\"",
                                                   i + 1, j + 1), i + 1, j + 1, "#cell"), header, row, j);
      for (guint j = n; j < width; j++)
        describe_cell (add_error (errors, "missing-cell", "Missing Cell",
                                  "This row has less values compared to the header row (the first row in the data "
                                  "source). A key concept is that all the rows in tabular data must have the same "
                                  "number of columns.",
                                  g_strdup_printf ("Row at position \"%u\" has a missing cell in field \"%s\" at position \"%u\"",
                                                   i + 1, header[j], j + 1), i + 1, j + 1, "#cell"), header, row, j);
    }

  json_object_set_string_member (task_stats, "md5", md5 ? md5 : "");
  json_object_set_int_member (task_stats, "bytes", bytes);
  json_object_set_int_member (task_stats, "fields", width);
  json_object_set_int_member (task_stats, "rows", rows && rows->len ? rows->len - 1 : 0);
  json_object_set_int_member (task_stats, "warnings", 0);
  json_object_set_int_member (task_stats, "errors", json_array_get_length (errors));
  json_object_set_double_member (task_stats, "seconds", 0.01);
  json_object_set_boolean_member (task, "valid", json_array_get_length (errors) == 0);
  json_object_set_string_member (task, "name", name);
  json_object_set_string_member (task, "type", "table");
  json_object_set_string_member (task, "place", place);
  json_object_set_array_member (task, "labels", labels);
  json_object_set_object_member (task, "stats", task_stats);
  json_object_set_array_member (task, "warnings", json_array_new ());
  json_object_set_int_member (stats, "tasks", 1);
  json_object_set_int_member (stats, "warnings", 0);
  json_object_set_int_member (stats, "errors", json_array_get_length (errors));
  json_object_set_double_member (stats, "seconds", 0.01);
  json_object_set_boolean_member (report, "valid", json_array_get_length (errors) == 0);
  json_object_set_object_member (report, "stats", stats);
  json_object_set_array_member (report, "warnings", json_array_new ());
  json_object_set_array_member (report, "errors", json_array_new ());
  json_object_set_array_member (task, "errors", errors);
  json_array_add_object_element (tasks, task);
  json_object_set_array_member (report, "tasks", tasks);
  return report;
}

static void
run_validation (PubTestPortal *self,
                const char    *resource_id)
{
  JsonObject *validation = g_hash_table_lookup (self->validations, resource_id);
  JsonObject *resource = portal_find_resource (self, resource_id, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *md5 = NULL;
  g_autofree char *now = portal_now ();
  g_autoptr(JsonObject) report = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  goffset bytes = 0;
  const char *status;

  if (!validation || !resource)
    return;
  if (self->validation_crash)
    {
      JsonObject *error = json_object_new ();

      json_object_set_string_member (error, "message", self->validation_crash);
      json_object_set_object_member (validation, "error", error);
      json_object_set_string_member (validation, "status", "error");
      json_object_set_string_member (validation, "finished", now);
      json_object_set_string_member (resource, "validation_status", "error");
      json_object_set_string_member (resource, "validation_timestamp", now);
      g_clear_pointer (&self->validation_crash, g_free);
      return;
    }
  /* Only CSV is read; a spreadsheet passes with its size alone. */
  if (g_ascii_strcasecmp (portal_object_string (resource, "format") ? portal_object_string (resource, "format") : "",
                          "csv") == 0)
    rows = read_csv (self, resource_id, &md5, &bytes);
  report = validation_report (rows, portal_object_string (resource, "url"), md5, bytes);
  status = json_object_get_boolean_member (report, "valid") ? "success" : "failure";
  node = portal_node_object (json_object_ref (report));
  text = portal_json_to_string (node);
  /* ckanext-validation stores the report as a JSON string. */
  json_object_set_string_member (validation, "report", text);
  json_object_set_string_member (validation, "status", status);
  json_object_set_string_member (validation, "finished", now);
  json_object_set_string_member (resource, "validation_status", status);
  json_object_set_string_member (resource, "validation_timestamp", now);
}

/* ---- xloader / DataPusher ---- */

/* xloader 2.5.2 refuses rows wider than the header (a JobError: its text
 * alone, as the real stack answered). */
static char *
load_problem (GPtrArray *rows)
{
  guint width = g_strv_length (rows->pdata[0]);

  for (guint i = 1; i < rows->len; i++)
    {
      GStrv row = rows->pdata[i];

      if (g_strv_length (row) > width)
        return g_strdup_printf ("Row %u has more values than the %u column(s) in the header. "
                                "The extra value is: '%s'. This usually means a value in the row contains a comma "
                                "or double-quote that is not wrapped in double-quotes, splitting it into extra "
                                "columns. If the file genuinely has an extra column, add it to the header row.",
                                i + 1, width, row[width]);
    }
  return NULL;
}

static gboolean
is_number_type (const char *type)
{
  return g_strcmp0 (type, "numeric") == 0 || g_strcmp0 (type, "int") == 0 ||
         g_strcmp0 (type, "float") == 0;
}

/* The dictionary of the table loaded before, kept across loads as xloader
 * keeps it; its type overrides decide the new columns' types. */
static JsonObject *
previous_info (PubTestPortal *self,
               const char    *resource_id,
               const char    *column)
{
  JsonObject *table = g_hash_table_lookup (self->datastore, resource_id);
  JsonArray *fields = table ? portal_object_array (table, "fields") : NULL;

  for (guint j = 0; fields && j < json_array_get_length (fields); j++)
    {
      JsonObject *field = json_array_get_object_element (fields, j);

      if (g_strcmp0 (portal_object_string (field, "id"), column) == 0)
        return portal_object_object (field, "info");
    }
  return NULL;
}

/* A value PostgreSQL would refuse for the column's type, or NULL. */
static const char *
refused_value (const char *type,
               const char *value)
{
  char *end = NULL;

  if (!is_number_type (type) || !value || !*value)
    return NULL;
  g_ascii_strtod (value, &end);
  return *end ? value : NULL;
}

static void
run_load (PubTestPortal *self,
          const char    *resource_id)
{
  JsonObject *status = g_hash_table_lookup (self->load_status, resource_id);
  JsonObject *resource = portal_find_resource (self, resource_id, NULL);
  JsonObject *task_info;
  JsonArray *logs;
  JsonObject *log;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *md5 = NULL;
  g_autofree char *now = portal_now ();
  goffset bytes = 0;
  g_autofree char *format = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *traceback = NULL;
  g_autoptr(JsonArray) fields = NULL;

  if (!status || !resource)
    return;
  task_info = portal_object_object (status, "task_info");
  logs = portal_object_array (task_info, "logs");
  format = g_ascii_strdown (portal_object_string (resource, "format") ? portal_object_string (resource, "format") : "", -1);
  if (g_str_equal (format, "csv") || g_str_equal (format, "tsv"))
    rows = read_csv (self, resource_id, &md5, &bytes);
  if (rows && rows->len > 0 && !(problem = load_problem (rows)))
    {
      GStrv header = rows->pdata[0];

      fields = json_array_new ();
      for (guint j = 0; header[j] && !problem; j++)
        {
          JsonObject *field = json_object_new ();
          JsonObject *old = previous_info (self, resource_id, header[j]);
          JsonObject *info = old ? portal_json_object_copy (old) : json_object_new ();
          const char *type = portal_object_string (info, "type_override");

          if (!type || !*type)
            type = "text";
          if (!old)
            {
              json_object_set_string_member (info, "label", "");
              json_object_set_string_member (info, "notes", "");
              json_object_set_string_member (info, "type_override", "");
            }
          json_object_set_string_member (field, "id", header[j]);
          json_object_set_string_member (field, "type", type);
          json_object_set_object_member (field, "info", info);
          json_array_add_object_element (fields, field);
          for (guint i = 1; i < rows->len && !problem; i++)
            {
              GStrv row = rows->pdata[i];
              const char *bad = refused_value (type, j < g_strv_length (row) ? row[j] : NULL);

              if (!bad)
                continue;
              /* Not a JobError: xloader keeps the traceback's last frame and
               * the exception's repr, and logs the whole traceback. */
              problem = g_strdup_printf ("  File \"/srv/app/src/ckanext-xloader/ckanext/xloader/jobs.py\", line 266, "
                                         "in xloader_data_into_datastore_\n    load_csv(\n"
                                         "DataError('invalid input syntax for type %s: \"%s\"\\nCONTEXT:  COPY "
                                         "\"%s\", line %u, column %s: \"%s\"\\n')", type, bad, resource_id, i + 1,
                                         header[j], bad);
              traceback = g_strdup_printf ("xloader error: invalid input syntax for type %s: \"%s\", "
                                           "Traceback (most recent call last):\n%s", type, bad, problem);
            }
        }
    }
  log = json_object_new ();
  json_object_set_string_member (log, "timestamp", now);
  if (!rows || rows->len == 0 || problem)
    {
      JsonObject *error = json_object_new ();
      const char *text = problem ? problem : "Could not load the file: not an uploaded CSV file";

      json_object_set_string_member (error, "message", text);
      json_object_set_string_member (status, "status", "error");
      json_object_set_object_member (task_info, "error", error);
      json_object_set_string_member (log, "level", "ERROR");
      json_object_set_string_member (log, "message", traceback ? traceback : text);
    }
  else
    {
      JsonObject *table = json_object_new ();
      JsonArray *records = json_array_new ();
      GStrv header = rows->pdata[0];
      g_autofree char *message = NULL;

      for (guint i = 1; i < rows->len; i++)
        {
          GStrv row = rows->pdata[i];
          JsonObject *record = json_object_new ();

          json_object_set_int_member (record, "_id", i);
          for (guint j = 0; header[j]; j++)
            {
              const char *value = j < g_strv_length (row) ? row[j] : NULL;
              const char *type = portal_object_string (json_array_get_object_element (fields, j), "type");

              if (is_number_type (type) && value && *value)
                json_object_set_double_member (record, header[j], g_ascii_strtod (value, NULL));
              else if (is_number_type (type))
                json_object_set_null_member (record, header[j]);
              else
                json_object_set_string_member (record, header[j], value);
            }
          json_array_add_object_element (records, record);
        }
      json_object_set_array_member (table, "fields", g_steal_pointer (&fields));
      json_object_set_array_member (table, "records", records);
      g_hash_table_replace (self->datastore, g_strdup (resource_id), table);
      json_object_set_boolean_member (resource, "datastore_active", TRUE);
      json_object_set_string_member (status, "status", "complete");
      json_object_set_null_member (task_info, "error");
      message = g_strdup_printf ("Finished: %u rows loaded", rows->len - 1);
      json_object_set_string_member (log, "level", "INFO");
      json_object_set_string_member (log, "message", message);
    }
  json_array_add_object_element (logs, log);
  json_object_set_string_member (task_info, "status", portal_object_string (status, "status"));
  json_object_set_string_member (status, "last_updated", now);
  json_object_set_string_member (task_info, "last_updated", now);
}

/* The worker took the job: what a status read shows meanwhile. */
static void
start_job (PubTestPortal *self,
           Job           *job)
{
  JsonObject *resource = portal_find_resource (self, job->resource_id, NULL);
  g_autofree char *now = portal_now ();

  if (job->kind == JOB_VALIDATION)
    {
      JsonObject *validation = g_hash_table_lookup (self->validations, job->resource_id);

      if (validation)
        json_object_set_string_member (validation, "status", "running");
      if (resource)
        json_object_set_string_member (resource, "validation_status", "running");
    }
  else
    {
      JsonObject *status = g_hash_table_lookup (self->load_status, job->resource_id);
      JsonObject *task_info = status ? portal_object_object (status, "task_info") : NULL;
      JsonObject *log = json_object_new ();
      g_autofree char *message = g_strdup_printf ("Express Load starting: /resource/%s", job->resource_id);

      json_object_set_string_member (log, "timestamp", now);
      json_object_set_string_member (log, "level", "INFO");
      json_object_set_string_member (log, "message", message);
      if (task_info)
        {
          json_array_add_object_element (portal_object_array (task_info, "logs"), log);
          json_object_set_string_member (task_info, "status", "running");
          json_object_set_string_member (status, "status", "running");
          json_object_set_string_member (status, "last_updated", now);
        }
      else
        json_object_unref (log);
    }
}

static void queue_job_source (PubTestPortal *self,
                              Job           *job);

static gboolean
job_run_cb (gpointer user_data)
{
  Job *job = user_data;
  PubTestPortal *self = job->portal;

  if (!job->started)
    {
      job->started = TRUE;
      start_job (self, job);
      queue_job_source (self, job);
      return G_SOURCE_REMOVE;
    }
  self->jobs = g_list_remove (self->jobs, job);
  if (job->kind == JOB_VALIDATION)
    run_validation (self, job->resource_id);
  else
    run_load (self, job->resource_id);
  job_free (job);
  return G_SOURCE_REMOVE;
}

/* Taken after the delay, then done after the delay again. */
static void
queue_job_source (PubTestPortal *self,
                  Job           *job)
{
  /* A timeout even for 0: at idle priority a window's animations (a
   * spinner) would hold the job back for ever. */
  job->source = g_timeout_add (self->job_delay_ms, job_run_cb, job);
}

static void
queue_job (PubTestPortal *self,
           const char    *resource_id,
           JobKind        kind)
{
  Job *job = g_new0 (Job, 1);

  job->portal = self;
  job->resource_id = g_strdup (resource_id);
  job->kind = kind;
  queue_job_source (self, job);
  self->jobs = g_list_prepend (self->jobs, job);
}

/* ---- Shared checks ---- */

/* The resource of `key` ("resource_id" or "id"), readable or editable by
 * the caller; NULL with the call failed. */
JsonObject *
portal_resource_for (PubTestPortal *self,
                     PortalCall    *call,
                     const char    *key,
                     gboolean       edit)
{
  const char *id = portal_param_string (call, key);
  JsonObject *dataset = NULL;
  JsonObject *resource;
  g_autofree char *label = portal_call_user_label (call);
  g_autofree char *message = NULL;

  if (!id || !*id)
    {
      portal_call_field_error (call, key, "Missing value");
      return NULL;
    }
  resource = portal_find_resource (self, id, &dataset);
  if (!resource)
    {
      portal_call_not_found (call, NULL);
      return NULL;
    }
  if (edit ? portal_can_edit_dataset (self, call->user, dataset)
           : portal_can_read_dataset (self, call->user, dataset))
    return resource;
  if (edit && !portal_call_require_user (call))
    return NULL;
  message = g_strdup_printf ("User %s not authorized to %s resource %s", label, edit ? "edit" : "read", id);
  portal_call_deny (call, message);
  return NULL;
}

static JsonNode *
resource_validation_run (PubTestPortal *self,
                         PortalCall    *call)
{
  JsonObject *resource = portal_resource_for (self, call, "resource_id", TRUE);
  g_autofree char *format = NULL;
  g_autofree char *now = portal_now ();
  JsonObject *validation;

  if (!resource)
    return NULL;
  format = g_ascii_strdown (portal_object_string (resource, "format") ? portal_object_string (resource, "format") : "", -1);
  if (!g_str_equal (format, "csv") && !g_str_equal (format, "xls") && !g_str_equal (format, "xlsx"))
    {
      portal_call_field_string (call, "format", "Unsupported resource format.Must be one of csv,xlsx,xls");
      return NULL;
    }
  validation = json_object_new ();
  portal_set_uuid (validation, "id");
  json_object_set_string_member (validation, "resource_id", portal_object_string (resource, "id"));
  json_object_set_string_member (validation, "status", "created");
  json_object_set_null_member (validation, "report");
  json_object_set_null_member (validation, "error");
  json_object_set_string_member (validation, "created", now);
  json_object_set_null_member (validation, "finished");
  g_hash_table_replace (self->validations, g_strdup (portal_object_string (resource, "id")), validation);
  json_object_set_string_member (resource, "validation_status", "created");
  queue_job (self, portal_object_string (resource, "id"), JOB_VALIDATION);
  return json_node_new (JSON_NODE_NULL);
}

static JsonNode *
resource_validation_show (PubTestPortal *self,
                          PortalCall    *call)
{
  JsonObject *resource = portal_resource_for (self, call, "resource_id", FALSE);
  JsonObject *validation;

  if (!resource)
    return NULL;
  validation = g_hash_table_lookup (self->validations, portal_object_string (resource, "id"));
  if (!validation)
    {
      portal_call_not_found (call, "No validation report exists for this resource");
      return NULL;
    }
  return portal_node_object (portal_json_object_copy (validation));
}

static JsonNode *
load_submit (PubTestPortal *self,
             PortalCall    *call,
             JobKind        kind)
{
  JsonObject *resource;
  JsonObject *status;
  JsonObject *task_info;
  g_autofree char *now = portal_now ();
  g_autofree char *job_id = g_uuid_string_random ();

  if (!portal_param_string (call, "resource_id"))
    {
      portal_call_field_string (call, "message", "Missing id, can not get Resource object");
      return NULL;
    }
  resource = portal_resource_for (self, call, "resource_id", TRUE);
  if (!resource)
    return NULL;
  status = json_object_new ();
  task_info = json_object_new ();
  json_object_set_string_member (status, "status", "pending");
  json_object_set_string_member (status, "job_id", job_id);
  json_object_set_null_member (status, "job_url");
  json_object_set_string_member (task_info, "job_type", kind == JOB_XLOADER ? "xloader_to_datastore" : "push_to_datastore");
  /* CKAN 2.11 hands the job's sysadmin token to any editor who asks. */
  json_object_set_string_member (task_info, "api_key", PUB_TEST_PORTAL_XLOADER_API_KEY);
  json_object_set_string_member (task_info, "requested_timestamp", now);
  json_object_set_string_member (status, "last_updated", now);
  json_object_set_null_member (status, "error");
  json_object_set_string_member (task_info, "job_id", job_id);
  json_object_set_string_member (task_info, "status", "pending");
  json_object_set_string_member (task_info, "last_updated", now);
  json_object_set_null_member (task_info, "error");
  json_object_set_array_member (task_info, "logs", json_array_new ());
  json_object_set_object_member (status, "task_info", task_info);
  g_hash_table_replace (self->load_status, g_strdup (portal_object_string (resource, "id")), status);
  queue_job (self, portal_object_string (resource, "id"), kind);
  return json_node_init_boolean (json_node_alloc (), TRUE);
}

static JsonNode *
load_status (PubTestPortal *self,
             PortalCall    *call)
{
  JsonObject *resource = portal_resource_for (self, call, "resource_id", FALSE);
  JsonObject *status;

  if (!resource)
    return NULL;
  status = g_hash_table_lookup (self->load_status, portal_object_string (resource, "id"));
  if (!status)
    {
      portal_call_not_found (call, NULL);
      return NULL;
    }
  return portal_node_object (portal_json_object_copy (status));
}

static JsonNode *
xloader_submit (PubTestPortal *self,
                PortalCall    *call)
{
  return load_submit (self, call, JOB_XLOADER);
}

static JsonNode *
datapusher_submit (PubTestPortal *self,
                   PortalCall    *call)
{
  return load_submit (self, call, JOB_DATAPUSHER);
}

const PortalAction portal_extension_actions[] = {
  { "resource_validation_run", resource_validation_run, FALSE, "validation" },
  { "resource_validation_show", resource_validation_show, TRUE, "validation" },
  { "xloader_submit", xloader_submit, FALSE, "xloader" },
  { "xloader_status", load_status, TRUE, "xloader" },
  { "datapusher_submit", datapusher_submit, FALSE, "datapusher" },
  { "datapusher_status", load_status, TRUE, "datapusher" },
  { NULL, NULL, FALSE, NULL },
};

void
pub_test_portal_fail_next_validation (PubTestPortal *self,
                                      const char    *message)
{
  g_return_if_fail (PUB_IS_TEST_PORTAL (self));

  g_free (self->validation_crash);
  self->validation_crash = g_strdup (message);
}
