/* pub-check-table.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "pub-check-table-private.h"

const char *
pub_column_type_to_string (PubColumnType type)
{
  switch (type)
    {
    case PUB_COLUMN_INTEGER: return "integer";
    case PUB_COLUMN_NUMBER: return "number";
    case PUB_COLUMN_DATE: return "date";
    case PUB_COLUMN_BOOLEAN: return "boolean";
    case PUB_COLUMN_TEXT:
    default:
      return "string";
    }
}

const char *
pub_column_type_to_label (PubColumnType type)
{
  switch (type)
    {
    case PUB_COLUMN_INTEGER: return _("whole number");
    case PUB_COLUMN_NUMBER: return _("number");
    case PUB_COLUMN_DATE: return _("date");
    case PUB_COLUMN_BOOLEAN: return _("yes/no");
    case PUB_COLUMN_TEXT:
    default:
      return _("text");
    }
}

static gboolean
all_digits (const char *s,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) (s[i] - '0') > 9)
      return FALSE;
  return TRUE;
}

/* An e-mail or a long number inside a longer text ("llamar 987654321"). */
static gboolean
may_hold_personal (const char *data,
                   gsize       len)
{
  guint run = 0;

  if (memchr (data, '@', len))
    return TRUE;
  for (gsize i = 0; i < len; i++)
    {
      run = (guchar) (data[i] - '0') <= 9 ? run + 1 : 0;
      if (run >= 7)
        return TRUE;
    }
  return FALSE;
}

gboolean
_pub_table_column_is_personal (const PubColumnStats *col)
{
  return col->personal_label ||
         col->n_personal[PUB_PERSONAL_RUT_FORMATTED] ||
         col->n_personal[PUB_PERSONAL_RUT_WRONG_DIGIT] ||
         col->n_personal[PUB_PERSONAL_EMAIL] ||
         col->n_personal[PUB_PERSONAL_PHONE];
}

/* What the report may show of a data cell. `col` is its column, NULL for
 * a cell beyond the header: nothing tells what such a cell holds, so it
 * is always masked. In a column of personal data every cell is masked,
 * whatever the value looks like ("1985/13/45 nacida en Talca"). */
static char *
cell_text (PubTableChecker *self,
           PubColumnStats  *col,
           const char      *data,
           gsize            len,
           gboolean        *clear)
{
  PubPersonalKind kind = pub_check_personal_cell (data, len);

  *clear = FALSE;
  if (kind != PUB_PERSONAL_NONE)
    return pub_check_mask (data, len, kind);
  if (col == NULL || col->masked_from_row || may_hold_personal (data, len))
    return pub_check_mask (data, len, PUB_PERSONAL_NONE);
  /* Shown for now; masked at the end if the column turns out personal.
   * Deciding only then keeps the report the same however the file was
   * split between threads. */
  *clear = TRUE;
  return pub_encoding_cell_to_utf8 (data, len, self->stats.encoding, CELL_CHARS);
}

static void
report_error (PubTableChecker *self,
              const char      *type,
              guint64          row,
              guint            field,
              const char      *data,
              gsize            len,
              const char      *message)
{
  g_autofree char *cell = NULL;
  const char *name = NULL;
  PubColumnStats *col = NULL;
  CkanValidationError *error;
  gboolean clear = FALSE;

  if (!ckan_validation_report_has_room (self->report, type))
    {
      ckan_validation_report_count_errors (self->report, type, 1);
      return;
    }
  if (field && field <= self->stats.n_columns)
    {
      col = &self->stats.columns[field - 1];
      name = col->name;
    }
  /* Row 0 is the header: a column's name is shown as it is. */
  if (data && row == 0)
    cell = pub_encoding_cell_to_utf8 (data, len, self->stats.encoding, CELL_CHARS);
  else if (data)
    cell = cell_text (self, col, data, len, &clear);
  error = ckan_validation_error_new (type, (gint64) row, (int) field, name, cell, message);
  if (ckan_validation_report_take_error (self->report, error) && clear)
    {
      ClearCell c = { error, field };

      g_array_append_val (self->clear_cells, c);
    }
}

void
_pub_table_checker_invalid_byte_cb (guint64  offset,
                                    gpointer user_data)
{
  PubTableChecker *self = user_data;
  CkanValidationError *error;
  g_autofree char *message = NULL;

  self->stats.n_invalid_bytes++;
  if (!ckan_validation_report_has_room (self->report, "encoding-error"))
    {
      ckan_validation_report_count_errors (self->report, "encoding-error", 1);
      return;
    }
  message = g_strdup_printf (_("The byte at position %llu is not valid %s"),
                             (unsigned long long) offset,
                             pub_encoding_to_charset (self->stats.encoding));
  error = ckan_validation_error_new ("encoding-error", 0, 0, NULL, NULL, message);
  error->byte_offset = (gint64) offset;
  /* Bytes are checked before the rows they belong to are parsed: the row
   * number is filled in when the row after them starts. */
  if (ckan_validation_report_take_error (self->report, error))
    {
      Unplaced *u = g_new (Unplaced, 1);

      u->error = error;
      u->at = self->decoded ? self->decoded_base + self->decoded->len : offset - self->start_offset;
      g_queue_push_tail (&self->unplaced, u);
    }
}

void
_pub_table_checker_place_encoding_errors (PubTableChecker *self,
                                          guint64          next_offset)
{
  Unplaced *u;

  while ((u = g_queue_peek_head (&self->unplaced)) && u->at < next_offset)
    {
      u->error->row_number = (gint64) self->last_row;
      g_free (g_queue_pop_head (&self->unplaced));
    }
}

static void
set_header (PubTableChecker  *self,
            const PubCsvCell *cells,
            guint             n_cells)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint nonempty = 0, datalike = 0;

  self->stats.n_columns = n_cells;
  self->stats.columns = g_new0 (PubColumnStats, n_cells);
  for (guint i = 0; i < n_cells; i++)
    {
      PubColumnStats *col = &self->stats.columns[i];
      guint kind;

      if (!cells[i].len)
        {
          col->name = g_strdup_printf ("field%u", i + 1);
          continue;
        }
      nonempty++;
      col->name = pub_encoding_cell_to_utf8 (cells[i].data, cells[i].len, self->stats.encoding, 200);
      kind = pub_check_classify_cell (cells[i].data, cells[i].len);
      if ((kind & (PUB_CELL_ANY_NUMBER | PUB_CELL_ANY_DATE)) ||
          pub_check_personal_cell (cells[i].data, cells[i].len) != PUB_PERSONAL_NONE)
        datalike++;
      col->personal_label = pub_check_label_is_personal (col->name);
    }

  /* Label errors carry no row number, as in Frictionless; a blank header
   * is a blank label per column there too. */
  if (!nonempty)
    self->stats.header_blank = TRUE;
  if (nonempty && datalike && datalike * 2 >= nonempty)
    {
      self->stats.header_missing = TRUE;
      report_error (self, "missing-header", 1, 0, NULL, 0,
                    _("The first row holds data, not column names"));
    }
  for (guint i = 0; i < n_cells; i++)
    {
      if (!cells[i].len)
        {
          self->stats.n_blank_labels++;
          report_error (self, "blank-label", 0, i + 1, "", 0, _("This column has no name"));
        }
      else if (!g_hash_table_add (seen, self->stats.columns[i].name))
        {
          self->stats.n_duplicate_labels++;
          report_error (self, "duplicate-label", 0, i + 1, cells[i].data, cells[i].len,
                        _("Another column has the same name"));
        }
    }
}

static gboolean
is_blank (const PubCsvCell *cells,
          guint             n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    if (cells[i].len)
      return FALSE;
  return TRUE;
}

static void
sample_record_cb (const PubCsvCell *cells,
                  guint             n_cells,
                  guint64           record_number,
                  guint64           byte_offset,
                  guint             flags,
                  gpointer          user_data)
{
  PubTableChecker *self = user_data;

  if (record_number == 2)
    self->header_end = byte_offset;
  if (record_number == 1)
    {
      self->sample_columns = n_cells;
      self->sample = g_new0 (Sample, n_cells);
      return;
    }
  if (record_number > SAMPLE_ROWS + 1)
    return;
  for (guint i = 0; i < MIN (n_cells, self->sample_columns); i++)
    {
      Sample *s = &self->sample[i];
      guint kind;

      if (!cells[i].len)
        continue;
      kind = pub_check_classify_cell (cells[i].data, cells[i].len);
      switch (pub_check_personal_cell (cells[i].data, cells[i].len))
        {
        case PUB_PERSONAL_RUT_FORMATTED:
        case PUB_PERSONAL_RUT_WRONG_DIGIT:
        case PUB_PERSONAL_EMAIL:
        case PUB_PERSONAL_PHONE:
          s->n_personal++;
          break;
        case PUB_PERSONAL_RUT_PLAIN:
          s->n_plain_ruts++;
          break;
        case PUB_PERSONAL_NONE:
        case PUB_N_PERSONAL_KINDS:
        default:
          break;
        }
      if (cells[i].len >= 8 && cells[i].len <= 9 && all_digits (cells[i].data, cells[i].len - 1))
        s->n_plain_candidates++;
      s->n_nonempty++;
      s->n_number += !!(kind & PUB_CELL_ANY_NUMBER);
      s->n_integer += !!(kind & PUB_CELL_ANY_INTEGER);
      s->n_date += !!(kind & PUB_CELL_ANY_DATE);
      s->n_bool += !!(kind & PUB_CELL_ANY_BOOL);
    }
}

void
pub_table_checker_infer (PubTableChecker *self,
                         const char      *sample,
                         gsize            len)
{
  g_autoptr(PubCsvReader) reader = pub_csv_reader_new (self->stats.dialect.delimiter,
                                                       self->stats.dialect.quote,
                                                       self->max_record, sample_record_cb, self);

  pub_csv_reader_feed (reader, sample, len);
  /* The sample may end mid-row: that row is left out. */
  self->inferred = TRUE;
}

/* Like Frictionless: a type wins when 90 % of the non-empty cells fit it. */
static PubColumnType
decide_type (const Sample *s)
{
  guint64 need;

  if (!s || !s->n_nonempty)
    return PUB_COLUMN_TEXT;
  need = (s->n_nonempty * 9 + 9) / 10;
  if (s->n_bool >= need)
    return PUB_COLUMN_BOOLEAN;
  if (s->n_integer >= need && s->n_integer == s->n_number)
    return PUB_COLUMN_INTEGER;
  if (s->n_number >= need)
    return PUB_COLUMN_NUMBER;
  if (s->n_date >= need)
    return PUB_COLUMN_DATE;
  return PUB_COLUMN_TEXT;
}

static void
note_personal (PubTableChecker *self,
               PubColumnStats  *col,
               const char      *data,
               gsize            len)
{
  PubPersonalKind kind = pub_check_personal_cell (data, len);

  if (len >= 8 && len <= 9 && all_digits (data, len - 1))
    col->n_plain_candidates++;
  if (kind == PUB_PERSONAL_NONE)
    return;
  col->n_personal[kind]++;
  if (col->n_examples < G_N_ELEMENTS (col->examples) - 1)
    col->examples[col->n_examples++] = pub_check_mask (data, len, kind);
}

/* note_personal for a value of digits only. */
static void
note_personal_digits (PubColumnStats *col,
                      const char     *data,
                      gsize           len)
{
  PubPersonalKind kind = pub_check_personal_digits (data, len);

  if (len >= 8 && len <= 9)
    col->n_plain_candidates++;
  if (kind == PUB_PERSONAL_NONE)
    return;
  col->n_personal[kind]++;
  if (col->n_examples < G_N_ELEMENTS (col->examples) - 1)
    col->examples[col->n_examples++] = pub_check_mask (data, len, kind);
}

static void
type_error (PubTableChecker *self,
            PubColumnStats  *col,
            guint64          row,
            guint            field,
            const char      *data,
            gsize            len)
{
  g_autofree char *message = NULL;

  col->n_type_errors++;
  if (!ckan_validation_report_has_room (self->report, "type-error"))
    {
      ckan_validation_report_count_errors (self->report, "type-error", 1);
      return;
    }
  message = g_strdup_printf (_("The value does not fit the column's type (%s)"),
                             pub_column_type_to_label (col->type));
  report_error (self, "type-error", row, field, data, len, message);
}

static void
check_cell (PubTableChecker  *self,
            PubColumnStats   *col,
            const PubCsvCell *cell,
            guint64           row,
            guint             field)
{
  const char *data = cell->data;
  gsize len = cell->len;
  guint kind;

  if (!len)
    {
      col->n_empty++;
      return;
    }
  if (col->personal_label != NULL && pub_check_is_anonymized (data, len))
    col->n_anonymized++;

  switch (col->type)
    {
    case PUB_COLUMN_INTEGER:
      if (all_digits (data, len))
        {
          if (len >= 8 && len <= 12)
            note_personal_digits (col, data, len);
          return;
        }
      kind = pub_check_classify_cell (data, len);
      if (!(kind & PUB_CELL_ANY_INTEGER))
        type_error (self, col, row, field, data, len);
      note_personal (self, col, data, len);
      return;

    case PUB_COLUMN_NUMBER:
      kind = pub_check_classify_cell (data, len);
      if (!(kind & PUB_CELL_ANY_NUMBER))
        {
          type_error (self, col, row, field, data, len);
          note_personal (self, col, data, len);
        }
      else if ((kind & PUB_CELL_DECIMAL_COMMA) && !(kind & PUB_CELL_GROUPED_COMMA))
        col->n_decimal_comma++;
      else if ((kind & PUB_CELL_DECIMAL_DOT) && !(kind & PUB_CELL_GROUPED_DOT))
        col->n_decimal_dot++;
      return;

    case PUB_COLUMN_DATE:
      kind = pub_check_classify_cell (data, len);
      if (kind & PUB_CELL_DATE_DMY_DASH)
        col->n_date[0]++;
      else if (kind & PUB_CELL_DATE_DMY_SLASH)
        col->n_date[1]++;
      else if (kind & PUB_CELL_DATE_ISO)
        col->n_date[2]++;
      else
        type_error (self, col, row, field, data, len);
      return;

    case PUB_COLUMN_BOOLEAN:
      kind = pub_check_classify_cell (data, len);
      if (kind & PUB_CELL_BOOL_ES)
        col->n_bool_es++;
      else if (kind & PUB_CELL_BOOL_EN)
        col->n_bool_en++;
      else
        type_error (self, col, row, field, data, len);
      return;

    case PUB_COLUMN_TEXT:
    default:
      note_personal (self, col, data, len);
      return;
    }
}

static void
dup_probe (PubTableChecker  *self,
           const DupPending *p)
{
  if (pub_row_set_check (&self->dups, p->hash))
    {
      self->stats.n_duplicate_rows++;
      report_error (self, "duplicate-row", p->row, 0, NULL, 0, _("The row repeats an earlier row exactly"));
    }
}

void
_pub_table_checker_dup_queue (PubTableChecker *self,
                              guint64          hash,
                              guint64          row)
{
  DupPending *slot = &self->pending[self->next];

  if (self->n_pending == DUP_DELAY)
    dup_probe (self, slot);
  else
    self->n_pending++;
  slot->hash = hash;
  slot->row = row;
  pub_row_set_prefetch (&self->dups, hash);
  self->next = (self->next + 1) % DUP_DELAY;
}

/* The rows still queued, oldest first, so duplicates keep their order. */
static void
dup_drain (PubTableChecker *self)
{
  guint first = (self->next + DUP_DELAY - self->n_pending) % DUP_DELAY;

  for (guint i = 0; i < self->n_pending; i++)
    dup_probe (self, &self->pending[(first + i) % DUP_DELAY]);
  self->n_pending = 0;
}

/* A joined piece's rows, after the ones queued: with all the hashes at
 * hand, each probe's line is fetched a few rows ahead without a queue
 * (deeper than the memory has misses in flight only adds waiting). */
#define DUP_AHEAD 16

void
_pub_table_checker_dup_rows (PubTableChecker *self,
                             const guint64   *hashes,
                             gsize            n,
                             guint64          first_row)
{
  dup_drain (self);
  for (gsize i = 0; i < n; i++)
    {
      if (i + DUP_AHEAD < n)
        pub_row_set_prefetch (&self->dups, hashes[i + DUP_AHEAD]);
      if (hashes[i])
        {
          DupPending p = { hashes[i], first_row + i };

          dup_probe (self, &p);
        }
    }
}

void
pub_table_checker_expect_rows (PubTableChecker *self,
                               guint64          n_rows)
{
  pub_row_set_reserve (&self->dups, (gsize) MIN (n_rows, (guint64) G_MAXSIZE / 16));
}

static void
record_cb (const PubCsvCell *cells,
           guint             n_cells,
           guint64           row,
           guint64           byte_offset,
           guint             flags,
           gpointer          user_data)
{
  PubTableChecker *self = user_data;
  PubCsvStats *stats = &self->stats;
  guint64 h = 0;
  guint width;

  if (G_UNLIKELY (self->unplaced.length))
    _pub_table_checker_place_encoding_errors (self, byte_offset);
  self->last_row = row;

  if (G_UNLIKELY (flags))
    {
      if (flags & PUB_CSV_RECORD_TOO_LONG)
        {
          /* The row number is the error's own: a piece of a split file
           * does not know it yet when it writes the message. */
          g_autofree char *message = g_strdup_printf (_("The row is longer than %llu bytes: the rest of it was skipped"),
                                                      (unsigned long long) self->max_record);
          stats->n_too_long_records++;
          report_error (self, "source-error", row, 0, NULL, 0, message);
        }
      if (flags & PUB_CSV_RECORD_UNTERMINATED)
        {
          stats->unterminated_quote = TRUE;
          report_error (self, "source-error", row, 0, NULL, 0,
                        _("The file ends inside a quoted cell: it may be cut short"));
        }
      if (flags & PUB_CSV_RECORD_STRAY_QUOTE)
        stats->n_stray_quotes++;
    }

  if (G_UNLIKELY (!self->header_seen))
    {
      self->header_seen = TRUE;
      set_header (self, cells, n_cells);
      for (guint i = 0; i < stats->n_columns; i++)
        {
          const Sample *sample = i < self->sample_columns ? &self->sample[i] : NULL;

          stats->columns[i].type = decide_type (sample);
          /* Named personal, or personal in its first rows: masked from the
           * first data row on. */
          if (stats->columns[i].personal_label ||
              (sample && (sample->n_personal ||
                          (sample->n_plain_ruts && sample->n_plain_ruts * 2 >= sample->n_plain_candidates))))
            stats->columns[i].masked_from_row = 2;
        }
      return;
    }

  stats->n_rows++;
  if (is_blank (cells, n_cells))
    {
      if (self->hashes)
        g_array_append_val (self->hashes, h);
      stats->n_blank_rows++;
      report_error (self, "blank-row", row, 0, NULL, 0, _("The row is empty"));
      return;
    }

  h = PUB_ROW_HASH_SEED;
  width = MIN (n_cells, stats->n_columns);
  for (guint i = 0; i < width; i++)
    {
      check_cell (self, &stats->columns[i], &cells[i], row, i + 1);
      h = pub_row_hash (h, cells[i].data, cells[i].len);
    }
  stats->n_cells += width;

  if (G_UNLIKELY (n_cells < stats->n_columns))
    {
      stats->n_short_rows++;
      for (guint i = n_cells; i < stats->n_columns; i++)
        report_error (self, "missing-cell", row, i + 1, NULL, 0, _("The row has no value for this column"));
    }
  else if (G_UNLIKELY (n_cells > stats->n_columns))
    {
      stats->n_long_rows++;
      for (guint i = stats->n_columns; i < n_cells; i++)
        {
          h = pub_row_hash (h, cells[i].data, cells[i].len);
          report_error (self, "extra-cell", row, i + 1, cells[i].data, cells[i].len,
                        _("The row has more values than the header has columns"));
        }
    }

  /* The table holds h | 1 anyway; a piece's list keeps 0 for blank rows. */
  h |= 1;
  if (self->hashes)
    g_array_append_val (self->hashes, h);
  else
    _pub_table_checker_dup_queue (self, h, row);
}

PubTableChecker *
pub_table_checker_new (PubEncoding           encoding,
                       const PubCsvDialect  *dialect,
                       gsize                 max_record,
                       CkanValidationReport *report)
{
  PubTableChecker *self = g_new0 (PubTableChecker, 1);

  self->report = g_object_ref (report);
  self->max_record = max_record;
  self->stats.encoding = encoding;
  self->stats.dialect = *dialect;
  self->reader = pub_csv_reader_new (dialect->delimiter, dialect->quote, max_record, record_cb, self);
  pub_encoding_validator_init (&self->validator, encoding, 0);
  if (PUB_ENCODING_IS_UTF16 (encoding))
    {
      pub_utf16_decoder_init (&self->utf16, encoding == PUB_ENCODING_UTF16_BE, 0);
      self->decoded = g_byte_array_new ();
    }
  pub_row_set_init (&self->dups);
  self->clear_cells = g_array_new (FALSE, FALSE, sizeof (ClearCell));
  return self;
}

void
pub_table_checker_set_start_offset (PubTableChecker *self,
                                    guint64          offset)
{
  self->validator.offset = offset;
  self->utf16.offset = offset;
  self->start_offset = offset;
}

static void
feed_decoded (PubTableChecker *self)
{
  /* Half a unit decodes to nothing, and an empty array has no data. */
  if (self->decoded->len == 0)
    return;
  pub_csv_reader_feed (self->reader, (const char *) self->decoded->data, self->decoded->len);
  self->decoded_base += self->decoded->len;
  g_byte_array_set_size (self->decoded, 0);
}

void
pub_table_checker_feed (PubTableChecker *self,
                        const char      *data,
                        gsize            len)
{
  self->stats.bytes += len;
  if (self->decoded)
    {
      pub_utf16_decoder_feed (&self->utf16, data, len, self->decoded, _pub_table_checker_invalid_byte_cb, self);
      feed_decoded (self);
      return;
    }
  pub_encoding_validator_feed (&self->validator, data, len, _pub_table_checker_invalid_byte_cb, self);
  pub_csv_reader_feed (self->reader, data, len);
}

void
pub_table_checker_finish (PubTableChecker *self)
{
  if (self->decoded)
    {
      pub_utf16_decoder_finish (&self->utf16, self->decoded, _pub_table_checker_invalid_byte_cb, self);
      feed_decoded (self);
    }
  pub_encoding_validator_finish (&self->validator, _pub_table_checker_invalid_byte_cb, self);
  pub_csv_reader_finish (self->reader);
  _pub_table_checker_place_encoding_errors (self, G_MAXUINT64);
  dup_drain (self);
  memcpy (self->stats.line_endings, pub_csv_reader_get_line_endings (self->reader),
          sizeof self->stats.line_endings);
  self->stats.duplicates_limited = self->dups.full;
  if (self->dups.full)
    ckan_validation_report_add_warning (self->report,
                                        _("The file has too many different rows to compare them all in memory: "
                                          "later rows were compared for duplicates only with the first six million"));
  pub_row_set_clear (&self->dups);
  /* Column names and nothing under them: a template, or the export
   * stopped early. Frictionless calls it valid; there is nothing to
   * publish. */
  if (self->header_seen && !self->stats.header_missing && self->stats.n_rows == self->stats.n_blank_rows)
    {
      self->stats.no_data_rows = TRUE;
      ckan_validation_report_add_error (self->report, "no-data-rows", 0, 0, NULL, NULL,
                                        _("The file has column names but no rows of data: there is nothing to publish"));
    }
  _pub_table_checker_report_personal (self);
  _pub_table_checker_mask_clear_cells (self);
  ckan_validation_report_sort_types_by_row (self->report);
  ckan_validation_report_set_stats (self->report, (gint64) self->stats.n_rows,
                                    (gint64) self->stats.n_columns, (gint64) self->stats.bytes);
}

const PubCsvStats *
pub_table_checker_get_stats (PubTableChecker *self)
{
  return &self->stats;
}

void
pub_table_checker_free (PubTableChecker *self)
{
  if (!self)
    return;
  for (guint i = 0; i < self->stats.n_columns; i++)
    {
      g_free (self->stats.columns[i].name);
      for (guint j = 0; j < self->stats.columns[i].n_examples; j++)
        g_free (self->stats.columns[i].examples[j]);
    }
  g_free (self->stats.columns);
  g_free (self->sample);
  g_queue_clear_full (&self->unplaced, g_free);
  g_array_unref (self->clear_cells);
  if (self->hashes)
    g_array_unref (self->hashes);
  if (self->decoded)
    g_byte_array_unref (self->decoded);
  pub_row_set_clear (&self->dups);
  pub_csv_reader_free (self->reader);
  g_object_unref (self->report);
  g_free (self);
}
