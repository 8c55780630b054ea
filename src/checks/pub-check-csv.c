/* pub-check-csv.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pub-check-csv.h"

typedef enum {
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED,   /* saw a quote inside quotes: end or escaped "" */
  STATE_AFTER_CR,          /* a record ended on \r: swallow a following \n */
  STATE_SKIP_LINE,         /* over the record cap: drop bytes up to the line end */
} State;

struct _PubCsvReader
{
  char              delimiter;
  char              quote;
  gsize             max_record;
  PubCsvRecordFunc  func;
  gpointer          user_data;

  State             state;
  gboolean          in_record;    /* something of the current record was seen */
  guint             flags;
  char             *buf;
  gsize             len;
  gsize             alloc;
  guint32          *starts;       /* cell i spans starts[i] .. starts[i+1] */
  guint8           *quoted;
  guint             n_cells;
  guint             alloc_cells;
  PubCsvCell       *cells;
  guint64           n_records;
  guint64           offset;       /* bytes fed so far */
  guint64           record_offset;
  guint64           endings[3];
  guint8            special[256];
};

PubCsvReader *
pub_csv_reader_new (char              delimiter,
                    char              quote,
                    gsize             max_record,
                    PubCsvRecordFunc  func,
                    gpointer          user_data)
{
  PubCsvReader *self = g_new0 (PubCsvReader, 1);

  self->delimiter = delimiter;
  self->quote = quote;
  self->max_record = MAX (max_record, 64);
  self->func = func;
  self->user_data = user_data;
  self->alloc = MIN (self->max_record, 64 * 1024);
  self->buf = g_malloc (self->alloc);
  self->alloc_cells = 64;
  self->starts = g_new (guint32, self->alloc_cells + 1);
  self->quoted = g_new0 (guint8, self->alloc_cells);
  self->cells = g_new (PubCsvCell, self->alloc_cells);
  self->special[(guchar) delimiter] = 1;
  self->special['\n'] = 1;
  self->special['\r'] = 1;
  if (quote)
    self->special[(guchar) quote] = 1;
  self->starts[0] = 0;
  return self;
}

void
pub_csv_reader_free (PubCsvReader *self)
{
  if (!self)
    return;
  g_free (self->buf);
  g_free (self->starts);
  g_free (self->quoted);
  g_free (self->cells);
  g_free (self);
}

guint64
pub_csv_reader_get_n_records (PubCsvReader *self)
{
  return self->n_records;
}

const guint64 *
pub_csv_reader_get_line_endings (PubCsvReader *self)
{
  return self->endings;
}

/* Appends bytes to the record; FALSE when the record hit its cap. */
static gboolean
append (PubCsvReader *self,
        const char   *data,
        gsize         n)
{
  if (G_UNLIKELY (self->len + n > self->max_record))
    {
      n = self->max_record - self->len;
      self->flags |= PUB_CSV_RECORD_TOO_LONG;
    }
  if (G_UNLIKELY (self->len + n > self->alloc))
    {
      self->alloc = MIN (MAX (self->alloc * 2, self->len + n), self->max_record);
      self->buf = g_realloc (self->buf, self->alloc);
    }
  memcpy (self->buf + self->len, data, n);
  self->len += n;
  return !(self->flags & PUB_CSV_RECORD_TOO_LONG);
}

static void
end_cell (PubCsvReader *self)
{
  if (G_UNLIKELY (self->n_cells + 1 >= self->alloc_cells))
    {
      self->alloc_cells *= 2;
      self->starts = g_renew (guint32, self->starts, self->alloc_cells + 1);
      self->quoted = g_renew (guint8, self->quoted, self->alloc_cells);
      self->cells = g_renew (PubCsvCell, self->cells, self->alloc_cells);
    }
  self->n_cells++;
  self->starts[self->n_cells] = (guint32) self->len;
  self->quoted[self->n_cells] = 0;
}

static void
end_record (PubCsvReader *self)
{
  for (guint i = 0; i < self->n_cells; i++)
    {
      self->cells[i].data = self->buf + self->starts[i];
      self->cells[i].len = self->starts[i + 1] - self->starts[i];
      self->cells[i].quoted = self->quoted[i];
    }
  self->n_records++;
  self->func (self->cells, self->n_cells, self->n_records, self->record_offset,
              self->flags, self->user_data);
  self->len = 0;
  self->n_cells = 0;
  self->quoted[0] = 0;
  self->flags = 0;
  self->in_record = FALSE;
}

static void
start_record_if_needed (PubCsvReader *self,
                        const char   *p,
                        const char   *base)
{
  if (!self->in_record)
    {
      self->in_record = TRUE;
      self->record_offset = self->offset + (guint64) (p - base);
    }
}

/* A line end outside quotes closes the cell and the record. */
static State
line_end (PubCsvReader *self,
          char          c)
{
  end_cell (self);
  end_record (self);
  if (c == '\r')
    return STATE_AFTER_CR;
  self->endings[0]++;
  return STATE_FIELD_START;
}

void
pub_csv_reader_feed (PubCsvReader *self,
                     const char   *data,
                     gsize         len)
{
  const char *p = data, *end = data + len;
  State state = self->state;
  const char quote = self->quote, delimiter = self->delimiter;

  while (p < end)
    {
      switch (state)
        {
        case STATE_AFTER_CR:
          if (*p == '\n')
            {
              self->endings[1]++;
              p++;
            }
          else
            self->endings[2]++;
          state = STATE_FIELD_START;
          break;

        case STATE_SKIP_LINE:
          {
            const char *nl = memchr (p, '\n', (gsize) (end - p));

            if (!nl)
              {
                p = end;
                break;
              }
            p = nl + 1;
            end_cell (self);
            end_record (self);
            self->endings[0]++;
            state = STATE_FIELD_START;
          }
          break;

        case STATE_FIELD_START:
          start_record_if_needed (self, p, data);
          if (*p == quote && quote)
            {
              self->quoted[self->n_cells] = 1;
              state = STATE_QUOTED;
              p++;
              break;
            }
          state = STATE_UNQUOTED;
          G_GNUC_FALLTHROUGH;

        case STATE_UNQUOTED:
          {
            const char *s = p;
            char c;

            while (p < end && !self->special[(guchar) *p])
              p++;
            if (!append (self, s, (gsize) (p - s)))
              {
                state = STATE_SKIP_LINE;
                break;
              }
            if (p == end)
              break;
            c = *p++;
            if (c == delimiter)
              {
                end_cell (self);
                state = STATE_FIELD_START;
              }
            else if (c == '\n' || c == '\r')
              state = line_end (self, c);
            else
              {
                /* A quote in the middle of an unquoted cell is kept as is. */
                self->flags |= PUB_CSV_RECORD_STRAY_QUOTE;
                if (!append (self, &c, 1))
                  state = STATE_SKIP_LINE;
              }
          }
          break;

        case STATE_QUOTED:
          {
            const char *q = memchr (p, quote, (gsize) (end - p));
            const char *stop = q ? q : end;
            gsize room = self->max_record - self->len;

            if (!append (self, p, (gsize) (stop - p)))
              {
                /* Skip from the cap, not from the next quote: where the
                 * line ends must not depend on how the file was fed. */
                state = STATE_SKIP_LINE;
                p += room;
                break;
              }
            p = stop;
            if (q)
              {
                p++;
                state = STATE_QUOTE_IN_QUOTED;
              }
          }
          break;

        case STATE_QUOTE_IN_QUOTED:
          {
            char c = *p++;

            if (c == quote)
              {
                state = append (self, &c, 1) ? STATE_QUOTED : STATE_SKIP_LINE;
              }
            else if (c == delimiter)
              {
                end_cell (self);
                state = STATE_FIELD_START;
              }
            else if (c == '\n' || c == '\r')
              state = line_end (self, c);
            else
              {
                self->flags |= PUB_CSV_RECORD_STRAY_QUOTE;
                state = append (self, &c, 1) ? STATE_UNQUOTED : STATE_SKIP_LINE;
              }
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
  self->state = state;
  self->offset += len;
}

void
pub_csv_reader_finish (PubCsvReader *self)
{
  if (self->state == STATE_AFTER_CR)
    self->endings[2]++;
  if (self->state == STATE_QUOTED)
    self->flags |= PUB_CSV_RECORD_UNTERMINATED;
  if (self->in_record && self->state != STATE_AFTER_CR)
    {
      end_cell (self);
      end_record (self);
    }
  self->state = STATE_FIELD_START;
}

/* The sniffer: the delimiter that splits the first lines into the most
 * consistent number of cells (more than one) wins. */
typedef struct {
  guint    lines;
  guint    first;
  guint    same_as_first;
  guint    max_cells;
} Tally;

static void
tally_cb (const PubCsvCell *cells,
          guint             n_cells,
          guint64           record_number,
          guint64           byte_offset,
          guint             flags,
          gpointer          user_data)
{
  Tally *tally = user_data;

  if (n_cells == 1 && cells[0].len == 0)
    return;
  if (!tally->lines++)
    tally->first = n_cells;
  else if (n_cells == tally->first)
    tally->same_as_first++;
  tally->max_cells = MAX (tally->max_cells, n_cells);
}

void
pub_csv_sniff_dialect (const char    *data,
                       gsize          len,
                       PubCsvDialect *dialect)
{
  static const char candidates[] = { ',', ';', '\t', '|' };
  gsize cut = len;
  double best = -1;
  guint singles = 0, doubles = 0;

  dialect->delimiter = ',';
  dialect->quote = '"';
  dialect->line_endings = PUB_CSV_LINE_ENDING_NONE;
  dialect->header = TRUE;

  /* Drop the last, likely partial, line of the sample. */
  for (gsize i = len; i > 0; i--)
    if (data[i - 1] == '\n')
      {
        cut = i;
        break;
      }

  for (gsize i = 0; i < cut; i++)
    {
      if (data[i] == '"')
        doubles++;
      else if (data[i] == '\'' && (i == 0 || strchr (",;\t|\n", data[i - 1])))
        singles++;
    }
  if (singles > 4 && doubles == 0)
    dialect->quote = '\'';

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      Tally tally = { 0 };
      g_autoptr(PubCsvReader) reader = pub_csv_reader_new (candidates[k], dialect->quote,
                                                           64 * 1024, tally_cb, &tally);
      double score;

      pub_csv_reader_feed (reader, data, cut);
      pub_csv_reader_finish (reader);
      if (tally.first < 2 && tally.max_cells < 2)
        continue;
      /* Consistency first, then the number of cells. */
      score = (tally.lines > 1 ? (double) tally.same_as_first / (tally.lines - 1) : 0.5) * 1000
              + MIN (tally.first, 999);
      if (tally.first < 2)
        score /= 10;
      if (score > best)
        {
          best = score;
          dialect->delimiter = candidates[k];
        }
    }

  for (gsize i = 0; i < cut; i++)
    {
      if (data[i] == '\n')
        dialect->line_endings |= i && data[i - 1] == '\r' ? PUB_CSV_LINE_ENDING_CRLF : PUB_CSV_LINE_ENDING_LF;
      else if (data[i] == '\r' && (i + 1 >= len || data[i + 1] != '\n'))
        dialect->line_endings |= PUB_CSV_LINE_ENDING_CR;
    }
}
