/* pub-anonymize-pipeline.c: records in batches, transformed by a thread
 * pool, written back in file order
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pub-anonymize-private.h"
#include "pub-pseudonym.h"

/* A batch is about this many bytes of cells; at most IN_FLIGHT_PER_THREAD
 * batches per worker wait or run, so memory stays flat however big the
 * file. */
#define BATCH_BYTES (512 * 1024)
#define IN_FLIGHT_PER_THREAD 3

typedef struct {
  guint32 offset;
  guint32 len;
} CellRef;

/* The cells and widths are plain growing arrays rather than GArrays:
 * GLib 2.74's append divides on every call, and this runs once per cell of
 * the file. */
typedef struct {
  GString  *in;           /* the cells' bytes, back to back */
  CellRef  *cells;
  guint     n_cells;
  guint     cells_size;
  guint    *widths;       /* cells of each record */
  guint     n_records;
  guint     widths_size;
  gboolean  header_first; /* its first record is the header, copied as is */
  GString  *out;
  gboolean  done;         /* under the pipeline's lock */
} Batch;

struct _PubAnonymizePipeline {
  PubAnonymizePlan   *plan;
  char                delimiter;
  gboolean            special[256];  /* bytes that make a cell need quotes */
  PubAnonymizeAction *actions;       /* by column index, from the header */
  guint               n_actions;
  GOutputStream      *stream;
  GCancellable       *cancellable;
  GError             *error;

  GThreadPool        *pool;
  guint               max_in_flight;
  GQueue              pending;       /* Batch, in file order */
  Batch              *current;
  GPtrArray          *spare;         /* written batches, to fill again */
  GMutex              lock;
  GCond               cond;
};

static Batch *
batch_new (void)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->in = g_string_sized_new (BATCH_BYTES + 4096);
  batch->out = g_string_sized_new (BATCH_BYTES + BATCH_BYTES / 2);
  return batch;
}

static void
batch_free (Batch *batch)
{
  g_string_free (batch->in, TRUE);
  g_free (batch->cells);
  g_free (batch->widths);
  g_string_free (batch->out, TRUE);
  g_free (batch);
}

/* A batch's buffers are a megabyte or so: refilling one costs no fresh
 * pages, where a new one would fault every page in again. */
static Batch *
batch_take (PubAnonymizePipeline *self)
{
  Batch *batch;

  if (self->spare->len == 0)
    return batch_new ();
  batch = g_ptr_array_steal_index_fast (self->spare, self->spare->len - 1);
  g_string_truncate (batch->in, 0);
  g_string_truncate (batch->out, 0);
  batch->n_cells = batch->n_records = 0;
  batch->header_first = batch->done = FALSE;
  return batch;
}

static void
batch_give_back (PubAnonymizePipeline *self,
                 Batch                *batch)
{
  if (self->spare->len < self->max_in_flight)
    g_ptr_array_add (self->spare, batch);
  else
    batch_free (batch);
}

/* GLib 2.74's g_string_append_len goes through the general insert; this
 * runs for every cell of the file, twice, and nearly always fits. */
static inline void
append_bytes (GString    *out,
              const char *data,
              gsize       len)
{
  gsize at = out->len;

  if (G_LIKELY (at + len < out->allocated_len))
    {
      memcpy (out->str + at, data, len);
      out->len = at + len;
      out->str[out->len] = '\0';
      return;
    }
  g_string_set_size (out, at + len);
  memcpy (out->str + at, data, len);
}

static void
append_cell (PubAnonymizePipeline *self,
             GString              *out,
             const char           *data,
             gsize                 len)
{
  gboolean quote = FALSE;

  for (gsize i = 0; i < len && !quote; i++)
    quote = self->special[(guchar) data[i]];
  if (!quote)
    {
      append_bytes (out, data, len);
      return;
    }
  g_string_append_c (out, '"');
  for (gsize i = 0; i < len; i++)
    {
      if (data[i] == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, data[i]);
    }
  g_string_append_c (out, '"');
}

static PubPseudonymizer *
column_pseudonymizer (PubAnonymizePipeline *self,
                      GPtrArray            *pseudonymizers,
                      guint                 column)
{
  if (pseudonymizers->len <= column)
    g_ptr_array_set_size (pseudonymizers, column + 1);
  if (pseudonymizers->pdata[column] == NULL)
    pseudonymizers->pdata[column] = pub_pseudonymizer_new (self->plan->key);
  return pseudonymizers->pdata[column];
}

static void
transform (PubAnonymizePipeline *self,
           Batch                *batch)
{
  /* One per column and batch: keying one costs two hash blocks, each
   * remembers its own column's repeats, and workers share nothing they
   * write. */
  g_autoptr(GPtrArray) pseudonymizers =
    g_ptr_array_new_full (self->n_actions, (GDestroyNotify) pub_pseudonymizer_free);
  const CellRef *cells = batch->cells;
  guint next = 0;

  for (guint r = 0; r < batch->n_records; r++)
    {
      guint width = batch->widths[r];
      gboolean header = batch->header_first && r == 0;
      gboolean first = TRUE;

      /* Cells past the header's width belong to no column, so no choice
       * covers them: they are left out rather than risk copying personal
       * data. */
      for (guint i = 0; i < MIN (width, self->n_actions); i++)
        {
          const char *data = batch->in->str + cells[next + i].offset;
          gsize len = cells[next + i].len;
          PubAnonymizeAction action = self->actions[i];
          g_autofree char *general = NULL;

          if (action == PUB_ANONYMIZE_DROP)
            continue;
          if (!first)
            g_string_append_c (batch->out, self->delimiter);
          first = FALSE;
          if (header || action == PUB_ANONYMIZE_KEEP)
            append_cell (self, batch->out, data, len);
          else if (action == PUB_ANONYMIZE_PSEUDONYMIZE)
            {
              const char *pseudonym =
                pub_pseudonymizer_apply (column_pseudonymizer (self, pseudonymizers, i), data, len);

              append_cell (self, batch->out, pseudonym, strlen (pseudonym));
            }
          else
            {
              general = pub_pseudonym_generalize (data, len);
              append_cell (self, batch->out, general, strlen (general));
            }
        }
      g_string_append_c (batch->out, '\n');
      next += width;
    }
}

static void
worker (gpointer data,
        gpointer user_data)
{
  Batch *batch = data;
  PubAnonymizePipeline *self = user_data;

  transform (self, batch);
  g_mutex_lock (&self->lock);
  batch->done = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

/* Writes finished batches from the front, in order; with `all`, waits for
 * each, else only until few enough are in flight. */
static void
drain (PubAnonymizePipeline *self,
       gboolean              all)
{
  for (;;)
    {
      Batch *head = g_queue_peek_head (&self->pending);

      if (head == NULL)
        return;
      g_mutex_lock (&self->lock);
      if (!all && !head->done && self->pending.length <= self->max_in_flight)
        {
          g_mutex_unlock (&self->lock);
          return;
        }
      while (!head->done)
        g_cond_wait (&self->cond, &self->lock);
      g_mutex_unlock (&self->lock);

      g_queue_pop_head (&self->pending);
      if (self->error == NULL)
        g_output_stream_write_all (self->stream, head->out->str, head->out->len, NULL,
                                   self->cancellable, &self->error);
      batch_give_back (self, head);
    }
}

static void
submit (PubAnonymizePipeline *self)
{
  Batch *batch = g_steal_pointer (&self->current);

  if (batch == NULL || batch->n_records == 0)
    {
      g_clear_pointer (&batch, batch_free);
      return;
    }
  g_queue_push_tail (&self->pending, batch);
  g_thread_pool_push (self->pool, batch, NULL);
  drain (self, FALSE);
}

PubAnonymizePipeline *
_pub_anonymize_pipeline_new (PubAnonymizePlan *plan,
                             char              delimiter,
                             GOutputStream    *out,
                             GCancellable     *cancellable)
{
  PubAnonymizePipeline *self = g_new0 (PubAnonymizePipeline, 1);
  guint n_threads = MAX (1, g_get_num_processors ());

  self->plan = pub_anonymize_plan_ref (plan);
  self->delimiter = delimiter;
  self->special['"'] = self->special['\n'] = self->special['\r'] = TRUE;
  self->special[(guchar) delimiter] = TRUE;
  self->stream = g_object_ref (out);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  g_queue_init (&self->pending);
  self->max_in_flight = n_threads * IN_FLIGHT_PER_THREAD;
  self->spare = g_ptr_array_new_with_free_func ((GDestroyNotify) batch_free);
  self->pool = g_thread_pool_new (worker, self, n_threads, FALSE, NULL);
  return self;
}

static gboolean
set_header (PubAnonymizePipeline *self,
            const PubCsvCell     *cells,
            guint                 n_cells)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  self->n_actions = n_cells;
  self->actions = g_new0 (PubAnonymizeAction, MAX (n_cells, 1));
  for (guint i = 0; i < n_cells; i++)
    {
      char *label = g_strstrip (g_strndup (cells[i].data, cells[i].len));

      g_ptr_array_add (labels, label);
      self->actions[i] = pub_anonymize_plan_get_action (self->plan, label);
    }

  /* Every column the plan names must be in the header: a misspelt name on
   * the command line would otherwise copy that column untouched. */
  g_hash_table_iter_init (&iter, self->plan->actions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gboolean found = FALSE;

      for (guint i = 0; i < labels->len && !found; i++)
        found = g_str_equal (g_ptr_array_index (labels, i), key);
      if (!found)
        {
          g_set_error (&self->error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The file has no column “%s”"), (const char *) key);
          return FALSE;
        }
    }
  return TRUE;
}

void
_pub_anonymize_pipeline_record (const PubCsvCell *cells,
                                guint             n_cells,
                                guint64           record_number,
                                guint64           byte_offset,
                                guint             flags,
                                gpointer          user_data)
{
  PubAnonymizePipeline *self = user_data;
  Batch *batch;

  if (self->error != NULL)
    return;
  if (self->actions == NULL && !set_header (self, cells, n_cells))
    return;
  if (self->current == NULL)
    {
      self->current = batch_take (self);
      self->current->header_first = record_number == 1;
    }
  batch = self->current;
  if (batch->n_cells + n_cells > batch->cells_size)
    {
      batch->cells_size = MAX (batch->cells_size * 2, batch->n_cells + n_cells);
      batch->cells = g_renew (CellRef, batch->cells, batch->cells_size);
    }
  if (batch->n_records == batch->widths_size)
    {
      batch->widths_size = MAX (batch->widths_size * 2, 1024);
      batch->widths = g_renew (guint, batch->widths, batch->widths_size);
    }
  for (guint i = 0; i < n_cells; i++)
    {
      batch->cells[batch->n_cells++] = (CellRef) { (guint32) batch->in->len, cells[i].len };
      append_bytes (batch->in, cells[i].data, cells[i].len);
    }
  batch->widths[batch->n_records++] = n_cells;
  if (batch->in->len >= BATCH_BYTES)
    submit (self);
}

gboolean
_pub_anonymize_pipeline_failed (PubAnonymizePipeline *self)
{
  return self->error != NULL;
}

gboolean
_pub_anonymize_pipeline_saw_header (PubAnonymizePipeline *self)
{
  return self->actions != NULL;
}

gboolean
_pub_anonymize_pipeline_finish (PubAnonymizePipeline  *self,
                                GError               **error)
{
  if (self->error == NULL)
    submit (self);
  drain (self, TRUE);
  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  return TRUE;
}

void
_pub_anonymize_pipeline_free (PubAnonymizePipeline *self)
{
  if (self == NULL)
    return;
  /* Waits for every batch a worker holds before they are freed. */
  g_thread_pool_free (self->pool, FALSE, TRUE);
  g_clear_pointer (&self->current, batch_free);
  g_clear_pointer (&self->spare, g_ptr_array_unref);
  g_queue_clear_full (&self->pending, (GDestroyNotify) batch_free);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_clear_error (&self->error);
  g_free (self->actions);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  pub_anonymize_plan_unref (self->plan);
  g_free (self);
}
