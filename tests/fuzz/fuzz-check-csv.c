/* fuzz-check-csv.c: the local checks on arbitrary bytes
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "pub-check.h"
#include "../checks/check-same.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Feeding the reader byte by byte is slow; only small inputs get it. */
#define BYTEWISE_MAX 2048

static void
check_cells (const PubCsvCell *cells,
             guint             n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    {
      PubPersonalKind kind = pub_check_personal_cell (cells[i].data, cells[i].len);
      g_autofree char *masked = pub_check_mask (cells[i].data, cells[i].len, kind);

      (void) pub_check_classify_cell (cells[i].data, cells[i].len);
      g_assert (g_utf8_validate (masked, -1, NULL));
    }
}

/* Writes each record down in full (numbers, flags, every cell's bytes and
 * quoting) so two readings can be compared. */
static void
record_cb (const PubCsvCell *cells,
           guint             n_cells,
           guint64           record_number,
           guint64           byte_offset,
           guint             flags,
           gpointer          user_data)
{
  GString *out = user_data;

  g_string_append_printf (out, "#%" G_GUINT64_FORMAT " @%" G_GUINT64_FORMAT " f%u n%u\n",
                          record_number, byte_offset, flags, n_cells);
  for (guint i = 0; i < n_cells; i++)
    {
      g_string_append_printf (out, " %c%u:", cells[i].quoted ? 'q' : 'u', cells[i].len);
      /* Escaped, so the record prints in full when the readings differ. */
      for (guint32 j = 0; j < cells[i].len; j++)
        {
          guchar c = (guchar) cells[i].data[j];

          if (g_ascii_isprint (c) && c != '\\')
            g_string_append_c (out, (char) c);
          else
            g_string_append_printf (out, "\\x%02x", c);
        }
    }
  g_string_append_c (out, '\n');
}

static void
record_and_check_cb (const PubCsvCell *cells,
                     guint             n_cells,
                     guint64           record_number,
                     guint64           byte_offset,
                     guint             flags,
                     gpointer          user_data)
{
  check_cells (cells, n_cells);
  record_cb (cells, n_cells, record_number, byte_offset, flags, user_data);
}

/* Reads `data` fed in pieces cut at `cuts` (ascending, within size), and
 * returns every record written down, then the reader's counters. */
static GString *
read_in_pieces (const char          *data,
                size_t               size,
                const PubCsvDialect *dialect,
                gsize                max_record,
                const size_t        *cuts,
                size_t               n_cuts,
                PubCsvRecordFunc     func)
{
  GString *out = g_string_new (NULL);
  g_autoptr(PubCsvReader) reader = pub_csv_reader_new (dialect->delimiter, dialect->quote, max_record,
                                                       func, out);
  const guint64 *endings;
  size_t start = 0;

  for (size_t i = 0; i <= n_cuts; i++)
    {
      size_t end = i < n_cuts ? cuts[i] : size;

      pub_csv_reader_feed (reader, data + start, end - start);
      start = end;
    }
  pub_csv_reader_finish (reader);
  endings = pub_csv_reader_get_line_endings (reader);
  g_string_append_printf (out, "records %" G_GUINT64_FORMAT " lf %" G_GUINT64_FORMAT
                          " crlf %" G_GUINT64_FORMAT " cr %" G_GUINT64_FORMAT "\n",
                          pub_csv_reader_get_n_records (reader), endings[0], endings[1], endings[2]);
  return out;
}

static void
assert_same_reading (GString    *whole,
                     GString    *pieces,
                     const char *how)
{
  if (g_string_equal (whole, pieces))
    return;
  g_printerr ("Fed %s, the reader saw other records:\n--- whole\n%s\n--- %s\n%s\n",
              how, whole->str, how, pieces->str);
  g_assert_not_reached ();
}

/* The reader keeps state across feeds: a record (or a quote, or a CR LF)
 * split anywhere must give the same cells as the whole buffer at once. */
static void
assert_split_anywhere_matches_whole (const char          *data,
                                     size_t               size,
                                     const PubCsvDialect *dialect,
                                     gsize                max_record,
                                     size_t               split)
{
  g_autoptr(GString) whole = read_in_pieces (data, size, dialect, max_record, NULL, 0,
                                             record_and_check_cb);
  g_autoptr(GString) halves = read_in_pieces (data, size, dialect, max_record, &split, 1, record_cb);

  assert_same_reading (whole, halves, "in two pieces");
  if (size <= BYTEWISE_MAX)
    {
      g_autofree size_t *cuts = g_new (size_t, size ? size : 1);
      g_autoptr(GString) bytewise = NULL;

      for (size_t i = 0; i < size; i++)
        cuts[i] = i;
      bytewise = read_in_pieces (data, size, dialect, max_record, cuts, size, record_cb);
      assert_same_reading (whole, bytewise, "byte by byte");
    }
}

/* One thread or several, in pieces of any size: the same report, finding
 * for finding. */
static void
check_same_with_threads (const uint8_t         *data,
                         size_t                 size,
                         const PubCheckOptions *options)
{
  PubCheckOptions one = *options;
  PubCheckOptions several = *options;
  g_autoptr(PubCheckResult) a = NULL;
  g_autoptr(PubCheckResult) b = NULL;
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;

  one.threads = 1;
  several.threads = 2 + (size > 1 ? data[1] % 3 : 0);
  several.piece_size = 1 + (size > 2 ? data[2] % 97 : 0);
  a = pub_check_data ((const char *) data, size, "fuzz.csv", &one);
  b = pub_check_data ((const char *) data, size, "fuzz.csv", &several);
  dump_a = check_result_dump (a);
  dump_b = check_result_dump (b);
  if (g_strcmp0 (dump_a, dump_b) != 0)
    g_error ("%u threads, pieces of %" G_GSIZE_FORMAT " bytes: the report differs.\nOne thread:\n%s\nSeveral:\n%s",
             several.threads, several.piece_size, dump_a, dump_b);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* Small caps, so records over the cap and capped reports come up often;
   * the error cap from 1 to 16, where a piece's capped report must join
   * the whole's as one thread's would. */
  PubCheckOptions options = {
    .max_record = 64 + (size ? data[0] : 0) * 8,
    .error_cap = 1 + (size > 3 ? data[3] % 16 : 15),
  };
  g_autoptr(PubCheckResult) result = pub_check_data ((const char *) data, size, "fuzz.csv", &options);
  CkanValidationReport *report = pub_check_result_get_report (result);
  g_autofree char *json = ckan_validation_report_to_json (report);
  g_autofree char *csv = ckan_validation_report_to_csv (report);
  g_autoptr(CkanValidationReport) back = ckan_validation_report_new_from_data (json, -1, NULL);
  PubCsvDialect dialect;

  /* Whatever comes in, what goes out is valid UTF-8 and reads back. */
  g_assert (g_utf8_validate (json, -1, NULL));
  g_assert (g_utf8_validate (csv, -1, NULL));
  g_assert (back);
  g_assert (ckan_validation_report_get_n_errors (back) == ckan_validation_report_get_n_errors (report));
  g_assert (pub_check_result_get_score (result));
  g_assert (pub_quality_score_get_overall (pub_check_result_get_score (result)) >= 1.0);

  pub_csv_sniff_dialect ((const char *) data, size, &dialect);
  assert_split_anywhere_matches_whole ((const char *) data, size, &dialect, options.max_record,
                                       size ? data[size - 1] % (size + 1) : 0);
  check_same_with_threads (data, size, &options);
  return 0;
}
