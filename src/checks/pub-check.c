/* pub-check.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "pub-check.h"
#include "pub-check-json.h"
#include "pub-check-split.h"

#define HEAD_SIZE  (1024 * 1024)
#define CHUNK_SIZE (1024 * 1024)
#define PIECE_SIZE (16 * 1024 * 1024)

struct _PubCheckResult
{
  GObject               parent_instance;

  CkanValidationReport *report;
  PubQualityScore      *score;
  PubFileFormat         format;
  PubTableChecker      *checker;
  GFile                *file;
};

G_DEFINE_FINAL_TYPE (PubCheckResult, pub_check_result, G_TYPE_OBJECT)

static void
pub_check_result_dispose (GObject *object)
{
  PubCheckResult *self = PUB_CHECK_RESULT (object);

  g_clear_object (&self->report);
  g_clear_object (&self->score);
  g_clear_object (&self->file);
  g_clear_pointer (&self->checker, pub_table_checker_free);
  G_OBJECT_CLASS (pub_check_result_parent_class)->dispose (object);
}

static void
pub_check_result_class_init (PubCheckResultClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pub_check_result_dispose;
}

static void
pub_check_result_init (PubCheckResult *self)
{
}

CkanValidationReport *
pub_check_result_get_report (PubCheckResult *self)
{
  g_return_val_if_fail (PUB_IS_CHECK_RESULT (self), NULL);
  return self->report;
}

PubQualityScore *
pub_check_result_get_score (PubCheckResult *self)
{
  g_return_val_if_fail (PUB_IS_CHECK_RESULT (self), NULL);
  return self->score;
}

PubFileFormat
pub_check_result_get_format (PubCheckResult *self)
{
  g_return_val_if_fail (PUB_IS_CHECK_RESULT (self), PUB_FORMAT_BINARY);
  return self->format;
}

const PubCsvStats *
pub_check_result_get_stats (PubCheckResult *self)
{
  g_return_val_if_fail (PUB_IS_CHECK_RESULT (self), NULL);
  return self->checker ? pub_table_checker_get_stats (self->checker) : NULL;
}

GFile *
pub_check_result_get_file (PubCheckResult *self)
{
  g_return_val_if_fail (PUB_IS_CHECK_RESULT (self), NULL);
  return self->file;
}

gboolean
pub_check_result_wants_utf8_copy (PubCheckResult *self)
{
  const PubCsvStats *stats = pub_check_result_get_stats (self);

  return stats && (stats->encoding == PUB_ENCODING_WINDOWS_1252 ||
                   PUB_ENCODING_IS_UTF16 (stats->encoding) ||
                   stats->encoding == PUB_ENCODING_UTF8_BOM ||
                   stats->n_invalid_bytes > 0);
}

typedef struct {
  PubCheckProgressFunc func;
  gpointer             data;
  gint64               last;
} Progress;

static void
progress_report (Progress *progress,
                 goffset   done,
                 goffset   total)
{
  gint64 now;

  if (!progress->func || total <= 0)
    return;
  now = g_get_monotonic_time ();
  if (now - progress->last < G_USEC_PER_SEC / 10 && done < total)
    return;
  progress->last = now;
  progress->func (MIN (1.0, (double) done / (double) total), progress->data);
}

typedef struct {
  Progress *progress;
  goffset   from;
  goffset   size;
} SplitProgress;

static void
split_progress_cb (guint64  done,
                   gpointer user_data)
{
  SplitProgress *p = user_data;

  progress_report (p->progress, p->from + (goffset) done, p->size);
}

/* Worth splitting: several threads, more than one piece, and a header
 * that ends with a line end inside the first megabyte. FALSE when the
 * file is read in one go instead. */
static gboolean
check_csv_split (PubCheckResult        *self,
                 const PubCheckSource  *source,
                 const char            *text,
                 gsize                  text_len,
                 goffset                size,
                 const PubCheckOptions *options,
                 Progress              *progress,
                 GCancellable          *cancellable,
                 GError               **error)
{
  guint threads = options->threads ? options->threads : g_get_num_processors ();
  gsize piece_size = options->piece_size ? options->piece_size : PIECE_SIZE;
  SplitProgress split_progress = { progress, 0, size };
  guint64 header_end;

  if (threads < 2 || PUB_ENCODING_IS_UTF16 (pub_table_checker_get_stats (self->checker)->encoding))
    return FALSE;
  header_end = pub_table_checker_get_header_end (self->checker);
  if (!header_end || header_end > text_len || text[header_end - 1] != '\n' ||
      source->size < header_end + 2 * (guint64) piece_size)
    return FALSE;

  /* Inference saw the second record start at header_end: fed the same
   * bytes, the checker is between two records there. */
  pub_table_checker_feed (self->checker, text, header_end);
  split_progress.from = (goffset) (source->bom + header_end);
  if (pub_check_split (self->checker, source, header_end, threads, piece_size,
                       split_progress_cb, &split_progress, cancellable, error))
    pub_table_checker_finish (self->checker);
  return TRUE;
}

static void
check_csv (PubCheckResult        *self,
           GInputStream          *in,
           char                  *head,
           gsize                  head_len,
           goffset                size,
           const PubCheckSource  *source,
           const PubCheckOptions *options,
           Progress              *progress,
           GCancellable          *cancellable,
           GError               **error)
{
  PubCsvDialect dialect;
  PubEncoding encoding;
  gsize bom = 0;
  goffset done = (goffset) head_len;
  g_autofree char *chunk = NULL;

  encoding = pub_check_detect_encoding (head, MIN (head_len, 64 * 1024), &bom);
  if (PUB_ENCODING_IS_UTF16 (encoding))
    {
      /* The dialect and the column types are guessed from the text; the
       * checker decodes the bytes again as they stream by. */
      g_autoptr(GByteArray) text = g_byte_array_sized_new ((guint) head_len);
      PubUtf16Decoder decoder;

      pub_utf16_decoder_init (&decoder, encoding == PUB_ENCODING_UTF16_BE, bom);
      pub_utf16_decoder_feed (&decoder, head + bom, head_len - bom, text, NULL, NULL);
      pub_csv_sniff_dialect ((const char *) text->data, MIN (text->len, 64 * 1024), &dialect);
      self->checker = pub_table_checker_new (encoding, &dialect, options->max_record, self->report);
      pub_table_checker_set_start_offset (self->checker, bom);
      pub_table_checker_infer (self->checker, (const char *) text->data, text->len);
    }
  else
    {
      pub_csv_sniff_dialect (head + bom, MIN (head_len - bom, 64 * 1024), &dialect);
      self->checker = pub_table_checker_new (encoding, &dialect, options->max_record, self->report);
      pub_table_checker_set_start_offset (self->checker, bom);
      pub_table_checker_infer (self->checker, head + bom, head_len - bom);
    }
  if (source && !PUB_ENCODING_IS_UTF16 (encoding))
    {
      PubCheckSource text_source = *source;

      text_source.bom = bom;
      text_source.size = (guint64) size > bom ? (guint64) size - bom : 0;
      if (check_csv_split (self, &text_source, head + bom, head_len - bom, size, options,
                           progress, cancellable, error))
        return;
    }
  pub_table_checker_feed (self->checker, head + bom, head_len - bom);
  progress_report (progress, done, size);

  chunk = g_malloc (CHUNK_SIZE);
  for (;;)
    {
      gssize n = g_input_stream_read (in, chunk, CHUNK_SIZE, cancellable, error);

      if (n < 0)
        return;
      if (n == 0)
        break;
      pub_table_checker_feed (self->checker, chunk, (gsize) n);
      done += n;
      progress_report (progress, done, size);
    }
  pub_table_checker_finish (self->checker);
}

static void
check_json (PubCheckResult  *self,
            GInputStream    *in,
            const char      *head,
            gsize            head_len,
            goffset          size,
            Progress        *progress,
            GCancellable    *cancellable,
            GError         **error)
{
  g_autoptr(PubJsonChecker) checker = pub_json_checker_new (self->report);
  g_autofree char *chunk = NULL;
  goffset done = (goffset) head_len;
  gsize bom = head_len >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

  pub_json_checker_feed (checker, head + bom, head_len - bom);
  progress_report (progress, done, size);
  chunk = g_malloc (CHUNK_SIZE);
  for (;;)
    {
      gssize n = g_input_stream_read (in, chunk, CHUNK_SIZE, cancellable, error);

      if (n < 0)
        return;
      if (n == 0)
        break;
      pub_json_checker_feed (checker, chunk, (gsize) n);
      done += n;
      progress_report (progress, done, size);
    }
  pub_json_checker_finish (checker);
  /* "[]": well formed, and nothing to publish (as a CSV header alone). */
  if (pub_json_checker_get_n_items (checker) == 0 && ckan_validation_report_get_n_errors (self->report) == 0)
    ckan_validation_report_add_error (self->report, "no-data-rows", 0, 0, NULL, NULL,
                                      _("The file holds an empty list: there is nothing to publish"));
  ckan_validation_report_set_stats (self->report, (gint64) pub_json_checker_get_n_items (checker), -1, done);
}

static PubCheckResult *
check_stream (GInputStream          *in,
              const PubCheckSource  *source,
              goffset                size,
              const char            *filename,
              const PubCheckOptions *user_options,
              Progress              *progress,
              GCancellable          *cancellable,
              GError               **error)
{
  g_autoptr(PubCheckResult) self = g_object_new (PUB_TYPE_CHECK_RESULT, NULL);
  PubCheckOptions options = { 0 };
  g_autofree char *head = g_malloc (HEAD_SIZE);
  gsize head_len = 0;
  g_autoptr(GError) local_error = NULL;

  if (user_options)
    options = *user_options;
  if (!options.max_record)
    options.max_record = 1024 * 1024;

  self->report = ckan_validation_report_new (options.error_cap);
  if (!g_input_stream_read_all (in, head, HEAD_SIZE, &head_len, cancellable, error))
    return NULL;
  if (size < 0)
    size = (goffset) head_len;

  self->format = pub_check_sniff_format (filename, (const guint8 *) head, head_len);
  switch (self->format)
    {
    case PUB_FORMAT_CSV:
      check_csv (self, in, head, head_len, size, source, &options, progress, cancellable, &local_error);
      if (local_error)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      break;

    case PUB_FORMAT_JSON:
      check_json (self, in, head, head_len, size, progress, cancellable, &local_error);
      if (local_error)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      break;

    case PUB_FORMAT_EMPTY:
      ckan_validation_report_add_error (self->report, "source-error", 0, 0, NULL, NULL, _("The file is empty"));
      break;
    case PUB_FORMAT_BINARY:
    case PUB_FORMAT_ARCHIVE:
      ckan_validation_report_add_error (self->report, "format-error", 0, 0, NULL, NULL,
                                        _("The file is not text data (CSV or JSON)"));
      break;
    case PUB_FORMAT_PDF:
    case PUB_FORMAT_IMAGE:
      ckan_validation_report_add_error (self->report, "format-error", 0, 0, NULL, NULL,
                                        _("A PDF, a scan or an image is not machine-readable data"));
      break;
    case PUB_FORMAT_XLSX:
    case PUB_FORMAT_ODS:
    case PUB_FORMAT_XLS:
      ckan_validation_report_add_warning (self->report,
                                          _("Spreadsheets are recognised but not checked: publish a CSV file alongside"));
      break;
    default:
      break;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  self->score = pub_quality_score_compute (self->format, pub_check_result_get_stats (self), self->report);
  return g_steal_pointer (&self);
}

PubCheckResult *
pub_check_file_sync (GFile                 *file,
                     const PubCheckOptions *options,
                     PubCheckProgressFunc   progress_func,
                     gpointer               progress_data,
                     GCancellable          *cancellable,
                     GError               **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;
  Progress progress = { progress_func, progress_data, 0 };
  PubCheckSource source = { 0 };
  PubCheckResult *result;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  in = g_file_read (file, cancellable, error);
  if (!in)
    return NULL;
  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, error);
  if (!info)
    return NULL;
  name = g_file_get_basename (file);
  source.file = file;
  result = check_stream (G_INPUT_STREAM (in), &source, g_file_info_get_size (info), name, options,
                         &progress, cancellable, error);
  if (result)
    result->file = g_object_ref (file);
  return result;
}

PubCheckResult *
pub_check_data (const char            *data,
                gsize                  len,
                const char            *filename,
                const PubCheckOptions *options)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (data, (gssize) len, NULL);
  Progress progress = { 0 };

  PubCheckSource source = { .data = data };

  return check_stream (in, &source, (goffset) len, filename, options, &progress, NULL, NULL);
}

/* The async wrapper: progress hops to the caller's context. */
typedef struct {
  GFile               *file;
  PubCheckOptions      options;
  gboolean             has_options;
  PubCheckProgressFunc progress;
  gpointer             progress_data;
  GDestroyNotify       progress_destroy;
  GMainContext        *context;
  gint                 pending;      /* a progress update waits to be shown */
  double               fraction;
} AsyncData;

typedef struct {
  GDestroyNotify destroy;
  gpointer       data;
} DestroyLater;

static gboolean
destroy_progress_data_cb (gpointer user_data)
{
  DestroyLater *later = user_data;

  later->destroy (later->data);
  g_free (later);
  return G_SOURCE_REMOVE;
}

static void
async_data_free (gpointer data)
{
  AsyncData *d = data;

  g_clear_object (&d->file);
  /* The task may be finalized in the worker: progress data (a widget,
   * say) is let go on the caller's context. */
  if (d->progress_destroy)
    {
      DestroyLater *later = g_new0 (DestroyLater, 1);
      GSource *source = g_idle_source_new ();

      later->destroy = d->progress_destroy;
      later->data = d->progress_data;
      g_source_set_callback (source, destroy_progress_data_cb, later, NULL);
      g_source_attach (source, d->context);
      g_source_unref (source);
    }
  g_main_context_unref (d->context);
  g_free (d);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  GTask *task = user_data;
  AsyncData *d = g_task_get_task_data (task);

  g_assert (G_IS_TASK (task));

  g_atomic_int_set (&d->pending, 0);
  if (!g_task_get_completed (task) && !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    d->progress (d->fraction, d->progress_data);
  return G_SOURCE_REMOVE;
}

static void
thread_progress_cb (double   fraction,
                    gpointer user_data)
{
  GTask *task = user_data;
  AsyncData *d = g_task_get_task_data (task);

  g_assert (G_IS_TASK (task));

  d->fraction = fraction;
  if (!g_atomic_int_compare_and_exchange (&d->pending, 0, 1))
    return;
  g_main_context_invoke_full (d->context, G_PRIORITY_DEFAULT, show_progress_cb,
                              g_object_ref (task), g_object_unref);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  AsyncData *d = task_data;
  GError *error = NULL;
  PubCheckResult *result;

  result = pub_check_file_sync (d->file, d->has_options ? &d->options : NULL,
                                d->progress ? thread_progress_cb : NULL, task,
                                cancellable, &error);
  if (!result)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, g_object_unref);
}

/* Each check reads its whole file: with several big files added at
 * once, all of them read in parallel (in GTask's shared pool) would fight
 * for the disk and starve every other task of the app. Two at a time. */
#define MAX_CONCURRENT_CHECKS 2

static void
check_pool_func (gpointer data,
                 gpointer user_data)
{
  GTask *task = data;

  if (!g_task_return_error_if_cancelled (task))
    check_thread (task, NULL, g_task_get_task_data (task), g_task_get_cancellable (task));
  g_object_unref (task);
}

static GThreadPool *
get_check_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (check_pool_func, NULL, MAX_CONCURRENT_CHECKS, FALSE, NULL));
  return pool;
}

void
pub_check_file_async (GFile                 *file,
                      const PubCheckOptions *options,
                      PubCheckProgressFunc   progress,
                      gpointer               progress_data,
                      GDestroyNotify         progress_destroy,
                      GCancellable          *cancellable,
                      GAsyncReadyCallback    callback,
                      gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *d;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_check_file_async);
  g_task_set_return_on_cancel (task, FALSE);
  d = g_new0 (AsyncData, 1);
  d->file = g_object_ref (file);
  if (options)
    {
      d->options = *options;
      d->has_options = TRUE;
    }
  d->progress = progress;
  d->progress_data = progress_data;
  d->progress_destroy = progress_destroy;
  d->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, d, async_data_free);
  g_thread_pool_push (get_check_pool (), g_steal_pointer (&task), NULL);
}

PubCheckResult *
pub_check_file_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
