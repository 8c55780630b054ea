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

static gboolean
check_piece (Split   *split,
             Piece   *piece,
             GError **error)
{
  Cursor c;
  const char *data = NULL;
  gsize n = 0;
  guint64 at;       /* offset of data[0] */
  gboolean ok = FALSE;

  if (!cursor_open (&c, split->source, piece->point, split->cancellable, error))
    goto out;

  /* Its start: right after the first line end at or past its point. The
   * first piece starts where the header ended. */
  piece->start = piece->point;
  at = c.pos;
  if (piece != &split->pieces[0])
    for (;;)
      {
        const char *nl;

        at = c.pos;
        if (!cursor_read (&c, &data, &n, split->cancellable, error))
          goto out;
        if (!n)
          {
            piece->start = piece->end = at;
            ok = TRUE;
            goto out;
          }
        nl = memchr (data, '\n', n);
        if (nl)
          {
            gsize skip = (gsize) (nl - data) + 1;

            piece->start = at + skip;
            data += skip;
            n -= skip;
            at += skip;
            break;
          }
        add_done (split, n);
      }
  /* No line end before the next point: the next piece starts here too. */
  if (piece->start > piece->next_point)
    {
      piece->end = piece->start;
      ok = TRUE;
      goto out;
    }

  piece->checker = pub_table_checker_new_piece (split->whole, piece->start);
  for (;;)
    {
      if (n)
        {
          /* Up to the next point, then up to the first line end there. */
          gsize before = at < piece->next_point ? (gsize) MIN ((guint64) n, piece->next_point - at) : 0;
          const char *nl = before < n ? memchr (data + before, '\n', n - before) : NULL;
          gsize take = nl ? (gsize) (nl - data) + 1 : n;

          pub_table_checker_feed (piece->checker, data, take);
          add_done (split, take);
          if (nl)
            {
              piece->end = at + take;
              break;
            }
          at += n;
        }
      if (!cursor_read (&c, &data, &n, split->cancellable, error))
        goto out;
      if (!n)
        {
          piece->end = at;
          piece->at_end = TRUE;
          break;
        }
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

/* The guess about where the piece starts was wrong: the whole reads it. */
static gboolean
feed_whole (Split   *split,
            Piece   *piece,
            GError **error)
{
  Cursor c;
  gboolean ok = FALSE;

  if (!cursor_open (&c, split->source, piece->start, split->cancellable, error))
    goto out;
  while (c.pos < piece->end || piece->at_end)
    {
      const char *data;
      gsize n;
      guint64 at = c.pos;

      if (!cursor_read (&c, &data, &n, split->cancellable, error))
        goto out;
      if (!n)
        break;
      if (!piece->at_end)
        n = (gsize) MIN ((guint64) n, piece->end - at);
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

  g_return_val_if_fail (pub_table_checker_at_record_start (whole), FALSE);

  g_mutex_init (&split.mutex);
  g_cond_init (&split.cond);
  split.source = source;
  split.whole = whole;
  split.cancellable = cancellable;
  split.n_pieces = (guint) MAX (1, (span + piece_size - 1) / piece_size);
  split.window = threads * 2;
  split.pieces = g_new0 (Piece, split.n_pieces);
  for (guint k = 0; k < split.n_pieces; k++)
    {
      split.pieces[k].point = from + (guint64) k * piece_size;
      split.pieces[k].next_point = k + 1 < split.n_pieces ? split.pieces[k].point + piece_size : G_MAXUINT64;
    }
  for (guint i = 0; i < threads; i++)
    g_ptr_array_add (workers, g_thread_new ("pub-check-piece", worker_thread, &split));

  /* The join, in file order, in this thread. */
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
      if (piece->start == piece->end)
        ;
      else if (pub_table_checker_at_record_start (whole) && piece->clean_end)
        pub_table_checker_merge_piece (whole, piece->checker);
      else if (!feed_whole (&split, piece, &local_error))
        break;
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
