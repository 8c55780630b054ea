/* pub-check-table-piece.c: what the table checks say once the whole
 * file is read, and the pieces one large file is split into so threads
 * check it side by side (see pub-check-split.c)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "pub-check-table-private.h"

void
_pub_table_checker_report_personal (PubTableChecker *self)
{
  for (guint i = 0; i < self->stats.n_columns; i++)
    {
      PubColumnStats *col = &self->stats.columns[i];
      guint64 ruts = col->n_personal[PUB_PERSONAL_RUT_FORMATTED];
      guint64 emails = col->n_personal[PUB_PERSONAL_EMAIL];
      guint64 phones = col->n_personal[PUB_PERSONAL_PHONE];
      g_autofree char *examples = NULL;

      /* A column named "rut" whose every value is a pseudonym or a
       * generalised value ("@dominio.cl", "+56 9", "J. P.") is the
       * anonymised copy doing its job: its name alone flags nothing. */
      if (col->personal_label != NULL && col->n_anonymized > 0 &&
          col->n_anonymized + col->n_empty >= self->stats.n_rows - self->stats.n_blank_rows &&
          ruts + emails + phones + col->n_personal[PUB_PERSONAL_RUT_WRONG_DIGIT] == 0)
        col->personal_label = NULL;

      /* One in eleven numbers passes the check digit by chance: plain
       * digits count as RUTs only when most of them pass. */
      if (col->n_personal[PUB_PERSONAL_RUT_PLAIN] * 2 >= col->n_plain_candidates ||
          (col->personal_label && (strstr (col->personal_label, "rut") || strstr (col->personal_label, "run"))))
        ruts += col->n_personal[PUB_PERSONAL_RUT_PLAIN];
      else
        col->n_personal[PUB_PERSONAL_RUT_PLAIN] = 0;

      if (col->n_examples)
        {
          col->examples[col->n_examples] = NULL;
          examples = g_strjoinv (", ", (char **) col->examples);
        }
      if (ruts)
        {
          g_autofree char *m = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%llu value is a RUT number",
                                                             "%llu values are RUT numbers", ruts),
                                                (unsigned long long) ruts);
          ckan_validation_report_add_error (self->report, "personal-data", 0, (int) i + 1, col->name, examples, m);
        }
      if (emails)
        {
          g_autofree char *m = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%llu value is an e-mail address",
                                                             "%llu values are e-mail addresses", emails),
                                                (unsigned long long) emails);
          ckan_validation_report_add_error (self->report, "personal-data", 0, (int) i + 1, col->name, examples, m);
        }
      if (phones)
        {
          g_autofree char *m = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%llu value is a phone number",
                                                             "%llu values are phone numbers", phones),
                                                (unsigned long long) phones);
          ckan_validation_report_add_error (self->report, "personal-data", 0, (int) i + 1, col->name, examples, m);
        }
      if (col->n_personal[PUB_PERSONAL_RUT_WRONG_DIGIT])
        {
          guint64 wrong = col->n_personal[PUB_PERSONAL_RUT_WRONG_DIGIT];
          g_autofree char *m = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%llu value looks like a RUT with a wrong check digit",
                                                             "%llu values look like a RUT with a wrong check digit", wrong),
                                                (unsigned long long) wrong);
          ckan_validation_report_add_error (self->report, "personal-data", 0, (int) i + 1, col->name, examples, m);
        }
      if (col->personal_label && !ruts && !emails && !phones && !col->n_personal[PUB_PERSONAL_RUT_WRONG_DIGIT])
        ckan_validation_report_add_error (self->report, "personal-data", 0, (int) i + 1, col->name, NULL,
                                          _("The column's name suggests personal data"));
    }
}

/* Cells shown as they were, in columns found personal by the end (past
 * the first rows, or only in later pieces): masked before anyone sees the
 * report. */
void
_pub_table_checker_mask_clear_cells (PubTableChecker *self)
{
  for (guint i = 0; i < self->clear_cells->len; i++)
    {
      ClearCell *c = &g_array_index (self->clear_cells, ClearCell, i);
      PubColumnStats *col = &self->stats.columns[c->field - 1];
      char *masked;

      if (!_pub_table_column_is_personal (col) && !col->n_personal[PUB_PERSONAL_RUT_PLAIN])
        continue;
      masked = pub_check_mask (c->error->cell, strlen (c->error->cell), PUB_PERSONAL_NONE);
      g_free (c->error->cell);
      c->error->cell = masked;
    }
  g_array_set_size (self->clear_cells, 0);
}

guint64
pub_table_checker_get_header_end (PubTableChecker *self)
{
  return self->inferred ? self->header_end : 0;
}

gboolean
pub_table_checker_at_record_start (PubTableChecker *self)
{
  return pub_csv_reader_at_record_start (self->reader);
}

PubTableChecker *
pub_table_checker_new_piece (PubTableChecker *whole,
                             guint64          offset)
{
  g_autoptr(CkanValidationReport) report = ckan_validation_report_new (ckan_validation_report_get_cap (whole->report));
  PubTableChecker *piece;

  g_return_val_if_fail (whole->header_seen, NULL);
  g_return_val_if_fail (!PUB_ENCODING_IS_UTF16 (whole->stats.encoding), NULL);

  piece = pub_table_checker_new (whole->stats.encoding, &whole->stats.dialect, whole->max_record, report);
  piece->start_offset = whole->start_offset;
  piece->validator.offset = whole->start_offset + offset;
  pub_csv_reader_set_offset (piece->reader, offset);
  piece->inferred = TRUE;
  piece->header_seen = TRUE;
  piece->stats.header_blank = whole->stats.header_blank;
  piece->stats.header_missing = whole->stats.header_missing;
  piece->stats.n_columns = whole->stats.n_columns;
  piece->stats.columns = g_new0 (PubColumnStats, whole->stats.n_columns);
  for (guint i = 0; i < whole->stats.n_columns; i++)
    {
      const PubColumnStats *from = &whole->stats.columns[i];
      PubColumnStats *to = &piece->stats.columns[i];

      to->name = g_strdup (from->name);
      to->type = from->type;
      to->personal_label = from->personal_label;
      to->masked_from_row = from->masked_from_row;
    }
  /* Duplicates are looked up when the piece joins the whole. */
  pub_row_set_clear (&piece->dups);
  piece->hashes = g_array_new (FALSE, FALSE, sizeof (guint64));
  return piece;
}

void
pub_table_checker_end_piece (PubTableChecker *piece,
                             gboolean         at_end)
{
  if (at_end)
    {
      pub_encoding_validator_finish (&piece->validator, _pub_table_checker_invalid_byte_cb, piece);
      pub_csv_reader_finish (piece->reader);
    }
  _pub_table_checker_place_encoding_errors (piece, G_MAXUINT64);
}

static void
merge_columns (PubColumnStats *to,
               PubColumnStats *from)
{
  to->n_empty += from->n_empty;
  to->n_type_errors += from->n_type_errors;
  to->n_decimal_comma += from->n_decimal_comma;
  to->n_decimal_dot += from->n_decimal_dot;
  for (guint k = 0; k < G_N_ELEMENTS (to->n_date); k++)
    to->n_date[k] += from->n_date[k];
  to->n_bool_es += from->n_bool_es;
  to->n_bool_en += from->n_bool_en;
  for (guint k = 0; k < PUB_N_PERSONAL_KINDS; k++)
    to->n_personal[k] += from->n_personal[k];
  to->n_plain_candidates += from->n_plain_candidates;
  to->n_anonymized += from->n_anonymized;
  for (guint k = 0; k < from->n_examples; k++)
    {
      if (to->n_examples < G_N_ELEMENTS (to->examples) - 1)
        to->examples[to->n_examples++] = g_steal_pointer (&from->examples[k]);
      else
        g_clear_pointer (&from->examples[k], g_free);
    }
  from->n_examples = 0;
}

/* The piece's errors join the whole's as if the whole had found them: rows
 * renumbered, each type's cap applied in file order. */
static void
merge_report (PubTableChecker *whole,
              PubTableChecker *piece,
              guint64          base)
{
  g_auto(GStrv) types = ckan_validation_report_dup_types (piece->report);
  g_autoptr(GHashTable) clear = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < piece->clear_cells->len; i++)
    {
      ClearCell *c = &g_array_index (piece->clear_cells, ClearCell, i);

      g_hash_table_insert (clear, c->error, GUINT_TO_POINTER (c->field));
    }
  for (guint t = 0; types[t]; t++)
    {
      GPtrArray *errors = ckan_validation_report_get_errors_of_type (piece->report, types[t]);
      guint64 total = ckan_validation_report_get_n_errors_of_type (piece->report, types[t]);
      guint stored = errors ? errors->len : 0;

      for (guint i = 0; i < stored; i++)
        {
          CkanValidationError *e = g_ptr_array_index (errors, i);
          CkanValidationError *copy = ckan_validation_error_copy (e);
          guint field = GPOINTER_TO_UINT (g_hash_table_lookup (clear, e));

          if (copy->row_number > 0)
            copy->row_number += (gint64) base;
          if (ckan_validation_report_take_error (whole->report, copy) && field)
            {
              ClearCell c = { copy, field };

              g_array_append_val (whole->clear_cells, c);
            }
        }
      ckan_validation_report_count_errors (whole->report, types[t], total - stored);
    }
}

void
pub_table_checker_merge_piece (PubTableChecker *whole,
                               PubTableChecker *piece)
{
  PubCsvStats *to = &whole->stats, *from = &piece->stats;
  guint64 base = pub_csv_reader_get_n_records (whole->reader);
  guint64 n_records = pub_csv_reader_get_n_records (piece->reader);

  g_return_if_fail (piece->hashes && piece->hashes->len == n_records);

  /* The whole's last row ended where the piece starts. */
  _pub_table_checker_place_encoding_errors (whole, G_MAXUINT64);

  to->bytes += from->bytes;
  to->n_rows += from->n_rows;
  to->n_cells += from->n_cells;
  to->n_blank_rows += from->n_blank_rows;
  to->n_short_rows += from->n_short_rows;
  to->n_long_rows += from->n_long_rows;
  to->n_too_long_records += from->n_too_long_records;
  to->n_stray_quotes += from->n_stray_quotes;
  to->n_invalid_bytes += from->n_invalid_bytes;
  to->unterminated_quote |= from->unterminated_quote;
  for (guint i = 0; i < to->n_columns; i++)
    merge_columns (&to->columns[i], &from->columns[i]);

  merge_report (whole, piece, base);
  _pub_table_checker_dup_rows (whole, (const guint64 *) (gpointer) piece->hashes->data, piece->hashes->len, base + 1);

  pub_csv_reader_skip (whole->reader, n_records, from->bytes, pub_csv_reader_get_line_endings (piece->reader));
  whole->validator.offset += from->bytes;
  if (n_records)
    whole->last_row = base + n_records;
}
