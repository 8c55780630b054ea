/* ckan-validation-report.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ckan-validation-report.h"

G_DEFINE_BOXED_TYPE (CkanValidationError, ckan_validation_error,
                     ckan_validation_error_copy, ckan_validation_error_free)

CkanValidationError *
ckan_validation_error_new (const char *type,
                           gint64      row_number,
                           int         field_number,
                           const char *field_name,
                           const char *cell,
                           const char *message)
{
  CkanValidationError *error = g_new0 (CkanValidationError, 1);

  error->type = g_strdup (type ? type : "error");
  error->row_number = row_number;
  error->field_number = field_number;
  error->field_name = g_strdup (field_name);
  error->cell = g_strdup (cell);
  error->message = g_strdup (message);
  error->byte_offset = -1;
  return error;
}

CkanValidationError *
ckan_validation_error_copy (const CkanValidationError *error)
{
  CkanValidationError *copy = ckan_validation_error_new (error->type, error->row_number,
                                                          error->field_number, error->field_name,
                                                          error->cell, error->message);

  copy->title = g_strdup (error->title);
  copy->task = g_strdup (error->task);
  copy->byte_offset = error->byte_offset;
  return copy;
}

void
ckan_validation_error_free (CkanValidationError *error)
{
  if (!error)
    return;
  g_free (error->type);
  g_free (error->title);
  g_free (error->message);
  g_free (error->cell);
  g_free (error->field_name);
  g_free (error->task);
  g_free (error);
}

typedef struct {
  char      *type;
  guint64    count;
  GPtrArray *errors;
} Bucket;

static void
bucket_free (gpointer data)
{
  Bucket *bucket = data;

  g_free (bucket->type);
  g_ptr_array_unref (bucket->errors);
  g_free (bucket);
}

struct _CkanValidationReport
{
  GObject              parent_instance;

  guint                cap;
  GHashTable          *buckets;      /* type -> Bucket */
  GPtrArray           *order;        /* Bucket*, first seen first */
  GPtrArray           *warnings;     /* NULL-terminated char* */
  guint64              n_errors;
  gboolean             valid;
  gboolean             valid_set;
  CkanValidationShape  shape;
  char                *status;
  char                *job_error;
  char                *created;
  char                *finished;
  gint64               rows;
  gint64               fields;
  gint64               bytes;
};

G_DEFINE_FINAL_TYPE (CkanValidationReport, ckan_validation_report, G_TYPE_OBJECT)

static void
ckan_validation_report_finalize (GObject *object)
{
  CkanValidationReport *self = CKAN_VALIDATION_REPORT (object);

  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_clear_pointer (&self->buckets, g_hash_table_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->job_error, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->finished, g_free);

  G_OBJECT_CLASS (ckan_validation_report_parent_class)->finalize (object);
}

static void
ckan_validation_report_class_init (CkanValidationReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ckan_validation_report_finalize;
}

static void
ckan_validation_report_init (CkanValidationReport *self)
{
  self->cap = CKAN_VALIDATION_DEFAULT_CAP;
  self->buckets = g_hash_table_new (g_str_hash, g_str_equal);
  self->order = g_ptr_array_new_with_free_func (bucket_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->warnings, NULL);
  self->rows = self->fields = self->bytes = -1;
}

CkanValidationReport *
ckan_validation_report_new (guint cap)
{
  CkanValidationReport *self = g_object_new (CKAN_TYPE_VALIDATION_REPORT, NULL);

  if (cap)
    self->cap = cap;
  return self;
}

/* Portal reports can carry bytes that are not UTF-8 (json-glib does not
 * check strings): the model keeps only valid text, so labels and exports
 * never show or write broken characters. */
static void
make_valid (char **text)
{
  char *valid;

  if (!*text || g_utf8_validate (*text, -1, NULL))
    return;
  valid = g_utf8_make_valid (*text, -1);
  g_free (*text);
  *text = valid;
}

static char *
dup_valid (const char *text)
{
  char *copy = g_strdup (text);

  make_valid (&copy);
  return copy;
}

static Bucket *
get_bucket (CkanValidationReport *self,
            const char           *type)
{
  Bucket *bucket = g_hash_table_lookup (self->buckets, type);

  if (bucket)
    return bucket;
  bucket = g_new0 (Bucket, 1);
  bucket->type = g_strdup (type);
  bucket->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) ckan_validation_error_free);
  g_hash_table_insert (self->buckets, bucket->type, bucket);
  g_ptr_array_add (self->order, bucket);
  return bucket;
}

gboolean
ckan_validation_report_take_error (CkanValidationReport *self,
                                   CkanValidationError  *error)
{
  Bucket *bucket;

  g_return_val_if_fail (CKAN_IS_VALIDATION_REPORT (self), FALSE);
  g_return_val_if_fail (error && error->type, FALSE);

  make_valid (&error->type);
  make_valid (&error->title);
  make_valid (&error->message);
  make_valid (&error->cell);
  make_valid (&error->field_name);
  make_valid (&error->task);
  bucket = get_bucket (self, error->type);
  bucket->count++;
  self->n_errors++;
  if (bucket->errors->len >= self->cap)
    {
      ckan_validation_error_free (error);
      return FALSE;
    }
  g_ptr_array_add (bucket->errors, error);
  return TRUE;
}

gboolean
ckan_validation_report_add_error (CkanValidationReport *self,
                                  const char           *type,
                                  gint64                row_number,
                                  int                   field_number,
                                  const char           *field_name,
                                  const char           *cell,
                                  const char           *message)
{
  g_return_val_if_fail (CKAN_IS_VALIDATION_REPORT (self), FALSE);

  if (!ckan_validation_report_has_room (self, type))
    {
      ckan_validation_report_count_errors (self, type, 1);
      return FALSE;
    }
  return ckan_validation_report_take_error (self,
                                            ckan_validation_error_new (type, row_number,
                                                                       field_number, field_name,
                                                                       cell, message));
}

gboolean
ckan_validation_report_has_room (CkanValidationReport *self,
                                 const char           *type)
{
  Bucket *bucket;

  g_return_val_if_fail (CKAN_IS_VALIDATION_REPORT (self), FALSE);

  bucket = g_hash_table_lookup (self->buckets, type);
  return !bucket || bucket->errors->len < self->cap;
}

void
ckan_validation_report_count_errors (CkanValidationReport *self,
                                     const char           *type,
                                     guint64               n)
{
  g_autofree char *valid_type = NULL;

  g_return_if_fail (CKAN_IS_VALIDATION_REPORT (self));

  if (!n)
    return;
  valid_type = dup_valid (type);
  get_bucket (self, valid_type)->count += n;
  self->n_errors += n;
}

void
ckan_validation_report_add_warning (CkanValidationReport *self,
                                    const char           *warning)
{
  g_return_if_fail (CKAN_IS_VALIDATION_REPORT (self));

  g_ptr_array_insert (self->warnings, self->warnings->len - 1, dup_valid (warning));
}

guint64
ckan_validation_report_get_n_errors (CkanValidationReport *self)
{
  g_return_val_if_fail (CKAN_IS_VALIDATION_REPORT (self), 0);
  return self->n_errors;
}

guint64
ckan_validation_report_get_n_errors_of_type (CkanValidationReport *self,
                                             const char           *type)
{
  Bucket *bucket;

  g_return_val_if_fail (CKAN_IS_VALIDATION_REPORT (self), 0);
  bucket = g_hash_table_lookup (self->buckets, type);
  return bucket ? bucket->count : 0;
}

GStrv
ckan_validation_report_dup_types (CkanValidationReport *self)
{
  GStrv types;

  g_return_val_if_fail (CKAN_IS_VALIDATION_REPORT (self), NULL);

  types = g_new0 (char *, self->order->len + 1);
  for (guint i = 0; i < self->order->len; i++)
    types[i] = g_strdup (((Bucket *) g_ptr_array_index (self->order, i))->type);
  return types;
}

GPtrArray *
ckan_validation_report_get_errors_of_type (CkanValidationReport *self,
                                           const char           *type)
{
  Bucket *bucket;

  g_return_val_if_fail (CKAN_IS_VALIDATION_REPORT (self), NULL);
  bucket = g_hash_table_lookup (self->buckets, type);
  return bucket ? bucket->errors : NULL;
}

const char * const *
ckan_validation_report_get_warnings (CkanValidationReport *self)
{
  g_return_val_if_fail (CKAN_IS_VALIDATION_REPORT (self), NULL);
  return (const char * const *) self->warnings->pdata;
}

guint
ckan_validation_report_get_cap (CkanValidationReport *self)
{
  g_return_val_if_fail (CKAN_IS_VALIDATION_REPORT (self), 0);
  return self->cap;
}

gboolean
ckan_validation_report_get_valid (CkanValidationReport *self)
{
  g_return_val_if_fail (CKAN_IS_VALIDATION_REPORT (self), FALSE);
  if (self->n_errors)
    return FALSE;
  return self->valid_set ? self->valid : TRUE;
}

void
ckan_validation_report_set_valid (CkanValidationReport *self,
                                  gboolean              valid)
{
  g_return_if_fail (CKAN_IS_VALIDATION_REPORT (self));
  self->valid = !!valid;
  self->valid_set = TRUE;
}

CkanValidationShape
ckan_validation_report_get_shape (CkanValidationReport *self)
{
  g_return_val_if_fail (CKAN_IS_VALIDATION_REPORT (self), CKAN_VALIDATION_SHAPE_LOCAL);
  return self->shape;
}

void
ckan_validation_report_set_shape (CkanValidationReport *self,
                                  CkanValidationShape   shape)
{
  g_return_if_fail (CKAN_IS_VALIDATION_REPORT (self));
  self->shape = shape;
}

const char *
ckan_validation_report_get_status (CkanValidationReport *self)
{
  g_return_val_if_fail (CKAN_IS_VALIDATION_REPORT (self), NULL);
  return self->status;
}

void
ckan_validation_report_set_status (CkanValidationReport *self,
                                   const char           *status)
{
  g_return_if_fail (CKAN_IS_VALIDATION_REPORT (self));
  g_free (self->status);
  self->status = dup_valid (status);
}

/* Internal to the parser (ckan-validation-report-parse.c). */
void ckan_validation_report_set_job (CkanValidationReport *self,
                                     const char           *job_error,
                                     const char           *created,
                                     const char           *finished);
void
ckan_validation_report_set_job (CkanValidationReport *self,
                                const char           *job_error,
                                const char           *created,
                                const char           *finished)
{
  g_free (self->job_error);
  self->job_error = dup_valid (job_error);
  g_free (self->created);
  self->created = dup_valid (created);
  g_free (self->finished);
  self->finished = dup_valid (finished);
}

const char *
ckan_validation_report_get_job_error (CkanValidationReport *self)
{
  g_return_val_if_fail (CKAN_IS_VALIDATION_REPORT (self), NULL);
  return self->job_error;
}

const char *
ckan_validation_report_get_created (CkanValidationReport *self)
{
  g_return_val_if_fail (CKAN_IS_VALIDATION_REPORT (self), NULL);
  return self->created;
}

const char *
ckan_validation_report_get_finished (CkanValidationReport *self)
{
  g_return_val_if_fail (CKAN_IS_VALIDATION_REPORT (self), NULL);
  return self->finished;
}

void
ckan_validation_report_set_stats (CkanValidationReport *self,
                                  gint64                rows,
                                  gint64                fields,
                                  gint64                bytes)
{
  g_return_if_fail (CKAN_IS_VALIDATION_REPORT (self));
  self->rows = rows;
  self->fields = fields;
  self->bytes = bytes;
}

gint64
ckan_validation_report_get_rows (CkanValidationReport *self)
{
  g_return_val_if_fail (CKAN_IS_VALIDATION_REPORT (self), -1);
  return self->rows;
}

gint64
ckan_validation_report_get_fields (CkanValidationReport *self)
{
  g_return_val_if_fail (CKAN_IS_VALIDATION_REPORT (self), -1);
  return self->fields;
}

gint64
ckan_validation_report_get_bytes (CkanValidationReport *self)
{
  g_return_val_if_fail (CKAN_IS_VALIDATION_REPORT (self), -1);
  return self->bytes;
}

const char *
ckan_validation_shape_to_string (CkanValidationShape shape)
{
  switch (shape)
    {
    case CKAN_VALIDATION_SHAPE_LOCAL: return "local";
    case CKAN_VALIDATION_SHAPE_FRICTIONLESS_V5: return "frictionless-v5";
    case CKAN_VALIDATION_SHAPE_FRICTIONLESS_V4: return "frictionless-v4";
    case CKAN_VALIDATION_SHAPE_GOODTABLES: return "goodtables";
    default: return "local";
    }
}

static void
replace_in (char       **text,
            const char  *raw,
            const char  *masked)
{
  GString *s;

  if (!*text || !strstr (*text, raw))
    return;
  s = g_string_new (*text);
  g_string_replace (s, raw, masked, 0);
  g_free (*text);
  *text = g_string_free (s, FALSE);
}

void
ckan_validation_report_mask_cells (CkanValidationReport   *self,
                                   CkanValidationMaskFunc  func,
                                   gpointer                user_data)
{
  g_return_if_fail (CKAN_IS_VALIDATION_REPORT (self));
  g_return_if_fail (func);

  for (guint i = 0; i < self->order->len; i++)
    {
      Bucket *bucket = g_ptr_array_index (self->order, i);

      for (guint j = 0; j < bucket->errors->len; j++)
        {
          CkanValidationError *e = g_ptr_array_index (bucket->errors, j);
          g_autofree char *masked = NULL;

          if (!e->cell || !*e->cell || !(masked = func (e->cell, user_data)))
            continue;
          replace_in (&e->message, e->cell, masked);
          replace_in (&e->title, e->cell, masked);
          g_free (e->cell);
          e->cell = g_steal_pointer (&masked);
        }
    }
}

/* Exports: the JSON follows Frictionless v5's field names, so the parser
 * (and other tools) read it back; "summary" keeps the counts beyond the cap. */
char *
ckan_validation_report_to_json (CkanValidationReport *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (CKAN_IS_VALIDATION_REPORT (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, ckan_validation_report_get_valid (self));
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, ckan_validation_shape_to_string (self->shape));
  if (self->status)
    {
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, self->status);
    }
  json_builder_set_member_name (builder, "stats");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "errors");
  json_builder_add_int_value (builder, (gint64) self->n_errors);
  if (self->rows >= 0)
    {
      json_builder_set_member_name (builder, "rows");
      json_builder_add_int_value (builder, self->rows);
    }
  if (self->fields >= 0)
    {
      json_builder_set_member_name (builder, "fields");
      json_builder_add_int_value (builder, self->fields);
    }
  if (self->bytes >= 0)
    {
      json_builder_set_member_name (builder, "bytes");
      json_builder_add_int_value (builder, self->bytes);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "summary");
  json_builder_begin_object (builder);
  for (guint i = 0; i < self->order->len; i++)
    {
      Bucket *bucket = g_ptr_array_index (self->order, i);

      json_builder_set_member_name (builder, bucket->type);
      json_builder_add_int_value (builder, (gint64) bucket->count);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i + 1 < self->warnings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->warnings, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->order->len; i++)
    {
      Bucket *bucket = g_ptr_array_index (self->order, i);

      for (guint j = 0; j < bucket->errors->len; j++)
        {
          CkanValidationError *e = g_ptr_array_index (bucket->errors, j);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "type");
          json_builder_add_string_value (builder, e->type);
#define ADD_STRING(name, value) \
          if (value) { json_builder_set_member_name (builder, name); \
                       json_builder_add_string_value (builder, value); }
          ADD_STRING ("title", e->title)
          ADD_STRING ("message", e->message)
          ADD_STRING ("cell", e->cell)
          ADD_STRING ("fieldName", e->field_name)
          ADD_STRING ("task", e->task)
#undef ADD_STRING
          if (e->row_number > 0)
            {
              json_builder_set_member_name (builder, "rowNumber");
              json_builder_add_int_value (builder, e->row_number);
            }
          if (e->field_number > 0)
            {
              json_builder_set_member_name (builder, "fieldNumber");
              json_builder_add_int_value (builder, e->field_number);
            }
          if (e->byte_offset >= 0)
            {
              json_builder_set_member_name (builder, "byteOffset");
              json_builder_add_int_value (builder, e->byte_offset);
            }
          json_builder_end_object (builder);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static void
append_csv_field (GString    *out,
                  const char *value,
                  gboolean    last)
{
  if (value && strpbrk (value, ",\"\r\n"))
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else if (value)
    {
      /* A leading = + - @ makes spreadsheets run the cell as a formula. */
      if (strchr ("=+-@", value[0]) && value[0])
        g_string_append_c (out, '\'');
      g_string_append (out, value);
    }
  g_string_append (out, last ? "\r\n" : ",");
}

char *
ckan_validation_report_to_csv (CkanValidationReport *self)
{
  GString *out = g_string_new ("type,row,field_number,field_name,cell,message,byte_offset\r\n");

  g_return_val_if_fail (CKAN_IS_VALIDATION_REPORT (self), NULL);

  for (guint i = 0; i < self->order->len; i++)
    {
      Bucket *bucket = g_ptr_array_index (self->order, i);

      for (guint j = 0; j < bucket->errors->len; j++)
        {
          CkanValidationError *e = g_ptr_array_index (bucket->errors, j);
          char row[32] = "", field[16] = "", offset[32] = "";

          if (e->row_number > 0)
            g_snprintf (row, sizeof row, "%" G_GINT64_FORMAT, e->row_number);
          if (e->field_number > 0)
            g_snprintf (field, sizeof field, "%d", e->field_number);
          if (e->byte_offset >= 0)
            g_snprintf (offset, sizeof offset, "%" G_GINT64_FORMAT, e->byte_offset);
          append_csv_field (out, e->type, FALSE);
          append_csv_field (out, row, FALSE);
          append_csv_field (out, field, FALSE);
          append_csv_field (out, e->field_name, FALSE);
          append_csv_field (out, e->cell, FALSE);
          append_csv_field (out, e->message, FALSE);
          append_csv_field (out, offset, TRUE);
        }
      if (bucket->count > bucket->errors->len)
        {
          guint64 n = bucket->count - bucket->errors->len;
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%llu more not listed",
                                                                "%llu more not listed", n),
                                                   (unsigned long long) n);

          append_csv_field (out, bucket->type, FALSE);
          append_csv_field (out, "", FALSE);
          append_csv_field (out, "", FALSE);
          append_csv_field (out, "", FALSE);
          append_csv_field (out, "", FALSE);
          append_csv_field (out, more, FALSE);
          append_csv_field (out, "", TRUE);
        }
    }
  return g_string_free (out, FALSE);
}
