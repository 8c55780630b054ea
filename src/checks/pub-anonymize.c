/* pub-anonymize.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pub-anonymize-private.h"
#include "pub-check-csv.h"
#include "pub-check-encoding.h"
#include "pub-pseudonym.h"
#include "pub-sibling-file.h"
#include "pub-utf8-converter.h"

#define READ_SIZE (256 * 1024)
#define SNIFF_SIZE (64 * 1024)
#define MAX_RECORD (1024 * 1024)

G_DEFINE_ENUM_TYPE (PubAnonymizeAction, pub_anonymize_action,
  G_DEFINE_ENUM_VALUE (PUB_ANONYMIZE_KEEP, "keep"),
  G_DEFINE_ENUM_VALUE (PUB_ANONYMIZE_DROP, "drop"),
  G_DEFINE_ENUM_VALUE (PUB_ANONYMIZE_PSEUDONYMIZE, "pseudonym"),
  G_DEFINE_ENUM_VALUE (PUB_ANONYMIZE_GENERALIZE, "generalize"))

static const char * const action_words[] = { "keep", "drop", "pseudonym", "generalize" };

const char *
pub_anonymize_action_to_string (PubAnonymizeAction action)
{
  g_return_val_if_fail ((guint) action < G_N_ELEMENTS (action_words), NULL);
  return action_words[action];
}

gboolean
pub_anonymize_action_from_string (const char         *text,
                                  PubAnonymizeAction *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (action_words); i++)
    if (g_strcmp0 (text, action_words[i]) == 0)
      {
        *action = (PubAnonymizeAction) i;
        return TRUE;
      }
  return FALSE;
}

G_DEFINE_BOXED_TYPE (PubAnonymizePlan, pub_anonymize_plan, pub_anonymize_plan_ref, pub_anonymize_plan_unref)

PubAnonymizePlan *
pub_anonymize_plan_new (void)
{
  PubAnonymizePlan *self = g_new0 (PubAnonymizePlan, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

PubAnonymizePlan *
pub_anonymize_plan_ref (PubAnonymizePlan *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
pub_anonymize_plan_unref (PubAnonymizePlan *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->actions);
  g_clear_pointer (&self->key, g_bytes_unref);
  g_free (self);
}

void
pub_anonymize_plan_set_action (PubAnonymizePlan   *self,
                               const char         *column,
                               PubAnonymizeAction  action)
{
  g_hash_table_insert (self->actions, g_strdup (column), GUINT_TO_POINTER (action));
}

PubAnonymizeAction
pub_anonymize_plan_get_action (PubAnonymizePlan *self,
                               const char       *column)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->actions, column));
}

void
pub_anonymize_plan_set_key (PubAnonymizePlan *self,
                            GBytes           *key)
{
  g_clear_pointer (&self->key, g_bytes_unref);
  self->key = key != NULL ? g_bytes_ref (key) : NULL;
}

void
pub_anonymize_plan_set_delimiter (PubAnonymizePlan *self,
                                  char              delimiter)
{
  self->delimiter = delimiter;
}

GFile *
pub_anonymize_destination (GFile *source)
{
  g_autofree char *name = g_file_get_basename (source);
  g_autoptr(GFile) parent = g_file_get_parent (source);
  const char *dot = strrchr (name, '.');
  g_autofree char *copy = NULL;

  /* Always .csv: a tab-separated .txt from Excel comes out as CSV. */
  copy = g_strdup_printf ("%.*s-anonimizado.csv",
                          (int) (dot != NULL && dot != name ? dot - name : (gssize) strlen (name)), name);
  return parent != NULL ? g_file_get_child (parent, copy) : g_file_new_for_path (copy);
}

static gboolean
same_file_state (GFileInfo *a,
                 GFileInfo *b)
{
  return g_file_info_get_size (a) == g_file_info_get_size (b) &&
         g_file_info_get_attribute_uint64 (a, G_FILE_ATTRIBUTE_TIME_MODIFIED) ==
         g_file_info_get_attribute_uint64 (b, G_FILE_ATTRIBUTE_TIME_MODIFIED) &&
         g_file_info_get_attribute_uint32 (a, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC) ==
         g_file_info_get_attribute_uint32 (b, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
}

static GFileInfo *
query_state (GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  return g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
}

/* A missing secret is the caller's mistake: said before a byte is read. */
static gboolean
check_key (PubAnonymizePlan  *plan,
           GError           **error)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, plan->actions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (GPOINTER_TO_UINT (value) == PUB_ANONYMIZE_PSEUDONYMIZE && plan->key == NULL)
      {
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                             _("Pseudonyms need the organization's secret key, and none was given"));
        return FALSE;
      }
  return TRUE;
}

static void
report_progress (PubAnonymizeProgressFunc  progress,
                 gpointer                  data,
                 goffset                   done,
                 goffset                   total,
                 gint64                   *last)
{
  gint64 now;

  if (progress == NULL || total <= 0)
    return;
  now = g_get_monotonic_time ();
  if (now - *last < G_USEC_PER_SEC / 10 && done < total)
    return;
  *last = now;
  progress (MIN (1.0, (double) done / (double) total), data);
}

GFile *
pub_anonymize_file_sync (GFile                     *source,
                         GFile                     *dest,
                         PubAnonymizePlan          *plan,
                         PubAnonymizeProgressFunc   progress,
                         gpointer                   progress_data,
                         GCancellable              *cancellable,
                         GError                   **error)
{
  g_autoptr(GFile) default_dest = NULL;
  g_autoptr(GFileInfo) before = NULL;
  g_autoptr(GFileInfo) after = NULL;
  g_autoptr(GFileInputStream) file_in = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(PubSiblingFile) copy = NULL;
  g_autoptr(PubCsvReader) reader = NULL;
  g_autoptr(PubAnonymizePipeline) pipeline = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *buffer = g_malloc (READ_SIZE);
  PubCsvDialect dialect = { 0 };
  PubEncoding encoding;
  gsize got = 0, bom_len = 0;
  goffset done = 0, total;
  gint64 last = 0;

  g_return_val_if_fail (G_IS_FILE (source), NULL);
  g_return_val_if_fail (plan != NULL, NULL);

  if (!check_key (plan, error))
    return NULL;
  if (dest == NULL)
    dest = default_dest = pub_anonymize_destination (source);

  before = query_state (source, cancellable, error);
  if (before == NULL)
    return NULL;
  total = g_file_info_get_size (before);
  file_in = g_file_read (source, cancellable, error);
  if (file_in == NULL)
    return NULL;

  /* The encoding comes from the start of the file; then it is read again
   * from the top, through a converter when it isn't UTF-8. */
  if (!g_input_stream_read_all (G_INPUT_STREAM (file_in), buffer, SNIFF_SIZE, &got, cancellable, error))
    return NULL;
  encoding = pub_check_detect_encoding (buffer, got, &bom_len);
  if (!g_seekable_seek (G_SEEKABLE (file_in), encoding == PUB_ENCODING_UTF8_BOM ? (goffset) bom_len : 0,
                        G_SEEK_SET, cancellable, error))
    return NULL;
  if (encoding == PUB_ENCODING_UTF8 || encoding == PUB_ENCODING_UTF8_BOM)
    in = g_object_ref (G_INPUT_STREAM (file_in));
  else
    {
      g_autoptr(PubUtf8Converter) converter = pub_utf8_converter_new (encoding);

      in = g_converter_input_stream_new (G_INPUT_STREAM (file_in), G_CONVERTER (converter));
    }

  copy = pub_sibling_file_new (dest, error);
  if (copy == NULL)
    return NULL;

  for (;;)
    {
      gssize n = g_input_stream_read (in, buffer, READ_SIZE, cancellable, &local_error);

      if (n <= 0)
        break;
      if (reader == NULL)
        {
          /* The dialect from the first block of UTF-8 text. */
          pub_csv_sniff_dialect (buffer, n, &dialect);
          pipeline = _pub_anonymize_pipeline_new (plan, plan->delimiter != 0 ? plan->delimiter : dialect.delimiter,
                                                  pub_sibling_file_get_output_stream (copy), cancellable);
          reader = pub_csv_reader_new (dialect.delimiter, dialect.quote, MAX_RECORD,
                                       _pub_anonymize_pipeline_record, pipeline);
        }
      pub_csv_reader_feed (reader, buffer, n);
      if (_pub_anonymize_pipeline_failed (pipeline))
        break;
      /* Progress follows the bytes of the original, before conversion. */
      done = g_seekable_tell (G_SEEKABLE (file_in));
      report_progress (progress, progress_data, done, total, &last);
    }
  if (local_error == NULL && reader != NULL && !_pub_anonymize_pipeline_failed (pipeline))
    pub_csv_reader_finish (reader);
  if (local_error == NULL && (pipeline == NULL || !_pub_anonymize_pipeline_saw_header (pipeline)))
    g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("The file is empty: there is nothing to copy"));
  if (pipeline != NULL && !_pub_anonymize_pipeline_finish (pipeline, local_error == NULL ? &local_error : NULL))
    g_assert (local_error != NULL);
  if (local_error != NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                               _("The disk is full: there is no room for the anonymised copy, and nothing was saved. Free some space and try again."));
          return NULL;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* A file saved by a spreadsheet while it was read would give a copy that
   * is half old, half new. */
  after = query_state (source, cancellable, error);
  if (after == NULL)
    return NULL;
  if (!same_file_state (before, after) || done != total)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The file changed while the copy was being made, so no copy was saved. Close any program that is editing it and try again."));
      return NULL;
    }
  report_progress (progress, progress_data, total, total, &last);
  return pub_sibling_file_commit (copy, cancellable, error);
}

typedef struct {
  GFile                    *source;
  GFile                    *dest;
  PubAnonymizePlan         *plan;
  PubAnonymizeProgressFunc  progress;
  gpointer                  progress_data;
  GMainContext             *context;
} AsyncData;

typedef struct {
  PubAnonymizeProgressFunc progress;
  gpointer                 data;
  double                   fraction;
} ProgressUpdate;

static void
async_data_free (gpointer data)
{
  AsyncData *d = data;

  g_clear_object (&d->source);
  g_clear_object (&d->dest);
  g_clear_pointer (&d->plan, pub_anonymize_plan_unref);
  g_main_context_unref (d->context);
  g_free (d);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  update->progress (update->fraction, update->data);
  return G_SOURCE_REMOVE;
}

static void
thread_progress_cb (double   fraction,
                    gpointer user_data)
{
  AsyncData *d = user_data;
  ProgressUpdate *update = g_new (ProgressUpdate, 1);

  update->progress = d->progress;
  update->data = d->progress_data;
  update->fraction = fraction;
  g_main_context_invoke_full (d->context, G_PRIORITY_DEFAULT, show_progress_cb, update, g_free);
}

static void
anonymize_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  AsyncData *d = task_data;
  GError *error = NULL;
  GFile *written;

  written = pub_anonymize_file_sync (d->source, d->dest, d->plan,
                                     d->progress != NULL ? thread_progress_cb : NULL, d,
                                     cancellable, &error);
  if (written == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, written, g_object_unref);
}

void
pub_anonymize_file_async (GFile                    *source,
                          GFile                    *dest,
                          PubAnonymizePlan         *plan,
                          PubAnonymizeProgressFunc  progress,
                          gpointer                  progress_data,
                          GCancellable             *cancellable,
                          GAsyncReadyCallback       callback,
                          gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *d;

  g_return_if_fail (G_IS_FILE (source));
  g_return_if_fail (plan != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_anonymize_file_async);
  d = g_new0 (AsyncData, 1);
  d->source = g_object_ref (source);
  d->dest = dest != NULL ? g_object_ref (dest) : NULL;
  d->plan = pub_anonymize_plan_ref (plan);
  d->progress = progress;
  d->progress_data = progress_data;
  d->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, d, async_data_free);
  g_task_run_in_thread (task, anonymize_thread);
}

GFile *
pub_anonymize_file_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
