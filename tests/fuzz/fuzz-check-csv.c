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

static void
record_cb (const PubCsvCell *cells,
           guint             n_cells,
           guint64           record_number,
           guint64           byte_offset,
           guint             flags,
           gpointer          user_data)
{
  for (guint i = 0; i < n_cells; i++)
    {
      PubPersonalKind kind = pub_check_personal_cell (cells[i].data, cells[i].len);
      g_autofree char *masked = pub_check_mask (cells[i].data, cells[i].len, kind);

      (void) pub_check_classify_cell (cells[i].data, cells[i].len);
      g_assert (g_utf8_validate (masked, -1, NULL));
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
  /* Small caps, so records over the cap and capped reports come up often. */
  PubCheckOptions options = {
    .max_record = 64 + (size ? data[0] : 0) * 8,
    .error_cap = 16,
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
  {
    g_autoptr(PubCsvReader) reader = pub_csv_reader_new (dialect.delimiter, dialect.quote, options.max_record,
                                                         record_cb, NULL);
    /* Fed in two pieces: a record split anywhere must not matter. */
    size_t half = size ? data[size - 1] % (size + 1) : 0;

    pub_csv_reader_feed (reader, (const char *) data, half);
    pub_csv_reader_feed (reader, (const char *) data + half, size - half);
    pub_csv_reader_finish (reader);
  }

  check_same_with_threads (data, size, &options);
  return 0;
}
