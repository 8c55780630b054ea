/* pub-check-split.c: one large CSV file checked by several threads
 *
 * The file is cut at fixed points; each piece starts after the first line
 * end at or past its point and ends after the first line end at or past
 * the next one, so pieces meet exactly. A thread checks each piece on its
 * own, guessing that it starts between two records. The calling thread
 * then joins the pieces in file order. A guess is wrong when that line
 * end was inside a quoted cell (or in a line cut at the record cap): the
 * whole checker, which always knows where it truly is, then reads that
 * piece itself. Either way the report is the one a single thread gives.
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pub-check-split.h"

#define BLOCK_SIZE (1024 * 1024)
#define GUESS_WINDOW (32 * 1024)

typedef struct {
  guint64           point;      /* where the search for its start begins */
  guint64           next_point;
  guint64           start;
  guint64           end;
  PubTableChecker  *checker;    /* NULL for an empty piece */
  gboolean          at_end;     /* it reached the end of the data */
  gboolean          clean_end;  /* it ended between two records */
  gboolean          done;
  GError           *error;
} Piece;

typedef struct {
  GMutex                mutex;
  GCond                 cond;
  const PubCheckSource *source;
  PubTableChecker      *whole;
  GCancellable         *cancellable;
  Piece                *pieces;
  guint                 n_pieces;
  guint                 next;       /* the next piece a thread takes */
  guint                 joined;     /* pieces joined to the whole so far */
  guint                 window;     /* pieces checked ahead of the join */
  gboolean              stop;
  guint64               done_bytes;
} Split;

/* Reads a source from any offset, a block at a time. */
typedef struct {
  const PubCheckSource *source;
  GInputStream         *in;
  char                 *buf;
  guint64               pos;
} Cursor;

static gboolean
cursor_open (Cursor                *c,
             const PubCheckSource  *source,
             guint64                pos,
             GCancellable          *cancellable,
             GError               **error)
{
  memset (c, 0, sizeof *c);
  c->source = source;
  c->pos = pos;
  if (source->data)
    return TRUE;
  c->in = G_INPUT_STREAM (g_file_read (source->file, cancellable, error));
  if (!c->in)
    return FALSE;
  c->buf = g_malloc (BLOCK_SIZE);
  return g_seekable_seek (G_SEEKABLE (c->in), (goffset) (source->bom + pos), G_SEEK_SET, cancellable, error);
}

static void
cursor_close (Cursor *c)
{
  g_clear_object (&c->in);
  g_clear_pointer (&c->buf, g_free);
}

/* The next block, at c->pos; *n is 0 at the end. */
static gboolean
cursor_read (Cursor        *c,
             const char   **data,
             gsize         *n,
             GCancellable  *cancellable,
             GError       **error)
{
  gssize got;

  if (c->source->data)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      *data = c->source->data + c->source->bom + c->pos;
      *n = (gsize) MIN ((guint64) BLOCK_SIZE, c->source->size - MIN (c->pos, c->source->size));
      c->pos += *n;
      return TRUE;
    }
  got = g_input_stream_read (c->in, c->buf, BLOCK_SIZE, cancellable, error);
  if (got < 0)
    return FALSE;
  *data = c->buf;
  *n = (gsize) got;
  c->pos += (guint64) got;
  return TRUE;
}

static void
add_done (Split   *split,
          guint64  n)
{
  g_mutex_lock (&split->mutex);
  split->done_bytes += n;
  g_mutex_unlock (&split->mutex);
}

/* The first line end at or after `from`; the end of the data when none. */
static gboolean
after_line_end (Split    *split,
                guint64   from,
                guint64  *pos,
                GError  **error)
{
  Cursor c;
  gboolean ok = FALSE;

  if (!cursor_open (&c, split->source, from, split->cancellable, error))
    goto out;
  for (;;)
    {
      const char *data, *nl;
      gsize n;
      guint64 at = c.pos;

      if (!cursor_read (&c, &data, &n, split->cancellable, error))
        goto out;
      if (!n)
        {
          *pos = at;
          break;
        }
      nl = memchr (data, '\n', n);
      if (nl)
        {
          *pos = at + (guint64) (nl - data) + 1;
          break;
        }
    }
  ok = TRUE;
out:
  cursor_close (&c);
  return ok;
}

typedef struct {
  guint    width;     /* the header's */
  gboolean drop_first;
  guint    seen;
  gint     first_fit; /* the first record read is as wide as the header, cleanly; -1: none read */
  guint64  second;    /* where the second record starts */
} Guess;

static void
guess_cb (const PubCsvCell *cells,
          guint             n_cells,
          guint64           record_number,
          guint64           byte_offset,
          guint             flags,
          gpointer          user_data)
{
  Guess *g = user_data;

  if (++g->seen == 2)
    g->second = byte_offset;
  if ((g->seen == 1 && g->drop_first) || g->first_fit >= 0)
    return;
  g->first_fit = n_cells == g->width && !flags;
}

/* Where the piece cut at `point` starts: at the first record after it.
 * `point` may be inside a quoted cell, where a line end does not end a
 * record: the first kilobytes are read twice, as if `point` were outside
 * quotes and as if it were inside. A wrong guess reads its first whole
 * record badly, then usually falls back in step; so the inside reading
 * wins when its first whole record is as wide as the header and read
 * cleanly while the outside reading's is not. A wrong guess costs time,
 * never correctness: the join reads such a piece itself. */
static gboolean
choose_start (Split    *split,
              guint64   point,
              guint64  *start,
              GError  **error)
{
  const PubCsvStats *stats = pub_table_checker_get_stats (split->whole);
  const PubCsvDialect *dialect = &stats->dialect;
  Guess outside = { stats->n_columns, TRUE, 0, -1, 0 };
  Guess inside = { stats->n_columns, TRUE, 0, -1, 0 };
  Cursor c;
  const char *data;
  gsize n;
  gboolean ok = FALSE;

  if (!cursor_open (&c, split->source, point, split->cancellable, error) ||
      !cursor_read (&c, &data, &n, split->cancellable, error))
    goto out;
  n = MIN (n, (gsize) GUESS_WINDOW);
  {
    g_autoptr(PubCsvReader) a = pub_csv_reader_new (dialect->delimiter, dialect->quote, GUESS_WINDOW,
                                                    guess_cb, &outside);

    pub_csv_reader_feed (a, data, n);
  }
  if (dialect->quote)
    {
      g_autoptr(PubCsvReader) b = pub_csv_reader_new (dialect->delimiter, dialect->quote, GUESS_WINDOW,
                                                      guess_cb, &inside);

      pub_csv_reader_feed (b, &dialect->quote, 1);
      pub_csv_reader_feed (b, data, n);
      if (inside.seen >= 2 && inside.first_fit == 1 && outside.first_fit != 1)
        {
          /* Offsets in `b` count the quote put in front. */
          *start = point + inside.second - 1;
          ok = TRUE;
          goto out;
        }
    }
  if (outside.seen >= 2)
    {
      *start = point + outside.second;
      ok = TRUE;
      goto out;
    }
  /* Not even one whole record in the window: after the next line end. */
  ok = after_line_end (split, point + n, start, error);
out:
  cursor_close (&c);
  return ok;
}

static gboolean
check_piece (Split   *split,
             Piece   *piece,
             GError **error)
{
  Cursor c = { 0 };
  gboolean last = piece == &split->pieces[split->n_pieces - 1];
  gboolean ok = FALSE;

  /* The first piece starts where the header ended; a piece ends where the
   * next one starts, the last at the end of the data. */
  piece->start = piece->point;
  if (piece != &split->pieces[0] && !choose_start (split, piece->point, &piece->start, error))
    goto out;
  piece->end = G_MAXUINT64;
  if (!last && !choose_start (split, piece->next_point, &piece->end, error))
    goto out;
  if (piece->end <= piece->start)
    {
      piece->end = piece->start;
      ok = TRUE;
      goto out;
    }

  piece->checker = pub_table_checker_new_piece (split->whole, piece->start);
  if (!cursor_open (&c, split->source, piece->start, split->cancellable, error))
    goto out;
  for (;;)
    {
      const char *data;
      gsize n;
      guint64 at = c.pos;

      if (at >= piece->end)
        break;
      if (!cursor_read (&c, &data, &n, split->cancellable, error))
        goto out;
      if (!n)
        {
          piece->end = at;
          piece->at_end = TRUE;
          break;
        }
      n = (gsize) MIN ((guint64) n, piece->end - at);
      pub_table_checker_feed (piece->checker, data, n);
      add_done (split, n);
    }
  pub_table_checker_end_piece (piece->checker, piece->at_end);
  piece->clean_end = piece->at_end || pub_table_checker_at_record_start (piece->checker);
  ok = TRUE;

out:
  cursor_close (&c);
  return ok;
}

static gpointer
worker_thread (gpointer data)
{
  Split *split = data;

  g_mutex_lock (&split->mutex);
  for (;;)
    {
      Piece *piece;
      GError *error = NULL;

      /* At most `window` pieces wait to be joined: memory stays bounded
       * however far the threads run ahead of the join. */
      while (!split->stop && split->next < split->n_pieces && split->next >= split->joined + split->window)
        g_cond_wait (&split->cond, &split->mutex);
      if (split->stop || split->next >= split->n_pieces)
        break;
      piece = &split->pieces[split->next++];
      g_mutex_unlock (&split->mutex);

      if (!check_piece (split, piece, &error))
        g_clear_pointer (&piece->checker, pub_table_checker_free);

      g_mutex_lock (&split->mutex);
      piece->error = error;
      piece->done = TRUE;
      g_cond_broadcast (&split->cond);
    }
  g_mutex_unlock (&split->mutex);
  return NULL;
}

/* The whole reads [from, to) itself (to the end of the data when
 * `to_end`): a piece whose guessed start was wrong, or bytes no piece
 * covered. */
static gboolean
feed_whole (Split    *split,
            guint64   from,
            guint64   to,
            gboolean  to_end,
            GError  **error)
{
  Cursor c;
  gboolean ok = FALSE;

  if (!cursor_open (&c, split->source, from, split->cancellable, error))
    goto out;
  while (c.pos < to || to_end)
    {
      const char *data;
      gsize n;
      guint64 at = c.pos;

      if (!cursor_read (&c, &data, &n, split->cancellable, error))
        goto out;
      if (!n)
        break;
      if (!to_end)
        n = (gsize) MIN ((guint64) n, to - at);
      pub_table_checker_feed (split->whole, data, n);
    }
  ok = TRUE;
out:
  cursor_close (&c);
  return ok;
}

gboolean
pub_check_split (PubTableChecker       *whole,
                 const PubCheckSource  *source,
                 guint64                from,
                 guint                  threads,
                 gsize                  piece_size,
                 PubCheckSplitProgress  progress,
                 gpointer               progress_data,
                 GCancellable          *cancellable,
                 GError               **error)
{
  Split split = { 0 };
  g_autoptr(GPtrArray) workers = g_ptr_array_new ();
  GError *local_error = NULL;
  guint64 span = source->size > from ? source->size - from : 0;
  guint64 pos = from;
  gboolean at_end = FALSE;

  g_return_val_if_fail (pub_table_checker_at_record_start (whole), FALSE);

  g_mutex_init (&split.mutex);
  g_cond_init (&split.cond);
  split.source = source;
  split.whole = whole;
  split.cancellable = cancellable;
  split.n_pieces = (guint) MAX (1, (span + piece_size - 1) / piece_size);
  /* A thread without a piece would only wait. */
  threads = MIN (threads, split.n_pieces);
  /* Room for threads to run ahead while the join waits its turn on a
   * busy machine; each waiting piece holds a few megabytes. */
  split.window = threads * 4;
  split.pieces = g_new0 (Piece, split.n_pieces);
  for (guint k = 0; k < split.n_pieces; k++)
    {
      split.pieces[k].point = from + (guint64) k * piece_size;
      split.pieces[k].next_point = k + 1 < split.n_pieces ? split.pieces[k].point + piece_size : G_MAXUINT64;
    }
  for (guint i = 0; i < threads; i++)
    g_ptr_array_add (workers, g_thread_new ("pub-check-piece", worker_thread, &split));

  /* The join, in file order, in this thread. `pos`: how far the whole has
   * read. A piece joins when it starts there, between two records; any
   * other bytes the whole reads itself. */
  for (guint k = 0; k < split.n_pieces && !local_error; k++)
    {
      Piece *piece = &split.pieces[k];
      guint64 done;

      g_mutex_lock (&split.mutex);
      while (!piece->done)
        {
          gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 10;

          if (!g_cond_wait_until (&split.cond, &split.mutex, until) && progress)
            {
              done = split.done_bytes;
              g_mutex_unlock (&split.mutex);
              progress (done, progress_data);
              g_mutex_lock (&split.mutex);
            }
        }
      g_mutex_unlock (&split.mutex);

      if (piece->error)
        {
          local_error = g_steal_pointer (&piece->error);
          break;
        }
      if (at_end || (piece->start == piece->end && !piece->at_end))
        ;
      else
        {
          if (piece->start > pos && !feed_whole (&split, pos, piece->start, FALSE, &local_error))
            break;
          pos = MAX (pos, piece->start);
          if (piece->start == pos && piece->checker && piece->clean_end &&
              pub_table_checker_at_record_start (whole))
            pub_table_checker_merge_piece (whole, piece->checker);
          else if ((piece->at_end || piece->end > pos) &&
                   !feed_whole (&split, pos, piece->end, piece->at_end, &local_error))
            break;
          pos = MAX (pos, piece->end);
          at_end = piece->at_end;
          if (k == 0 && !at_end && pos > from)
            {
              /* The first piece's rows per byte, with a tenth to spare. */
              gdouble rows = (gdouble) pub_table_checker_get_stats (whole)->n_rows;

              pub_table_checker_expect_rows (whole, (guint64) MIN (rows * 1.1 * (gdouble) span / (gdouble) (pos - from),
                                                                   (gdouble) G_MAXUINT32));
            }
        }
      g_clear_pointer (&piece->checker, pub_table_checker_free);

      g_mutex_lock (&split.mutex);
      split.joined = k + 1;
      done = split.done_bytes;
      g_cond_broadcast (&split.cond);
      g_mutex_unlock (&split.mutex);
      if (progress)
        progress (done, progress_data);
    }

  g_mutex_lock (&split.mutex);
  split.stop = TRUE;
  g_cond_broadcast (&split.cond);
  g_mutex_unlock (&split.mutex);
  for (guint i = 0; i < workers->len; i++)
    g_thread_join (g_ptr_array_index (workers, i));
  for (guint k = 0; k < split.n_pieces; k++)
    {
      g_clear_pointer (&split.pieces[k].checker, pub_table_checker_free);
      g_clear_error (&split.pieces[k].error);
    }
  g_free (split.pieces);
  g_cond_clear (&split.cond);
  g_mutex_clear (&split.mutex);

  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
