/* pub-check-tool.c: run the local checks on a file from the command line
 * (benchmarks and fixture comparisons). Prints the report as JSON, or a
 * summary with --summary.
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "pub-check.h"

int
main (int argc, char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PubCheckResult) result = NULL;
  gboolean summary = argc > 2 && g_str_equal (argv[2], "--summary");
  gint64 start;
  double seconds;
  PubQualityScore *score;
  CkanValidationReport *report;

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("usage: %s FILE [--summary]\n", argv[0]);
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  start = g_get_monotonic_time ();
  result = pub_check_file_sync (file, NULL, NULL, NULL, NULL, &error);
  seconds = (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
  if (!result)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  report = pub_check_result_get_report (result);
  score = pub_check_result_get_score (result);
  if (!summary)
    {
      g_autofree char *json = ckan_validation_report_to_json (report);
      g_print ("%s\n", json);
      return 0;
    }
  {
    g_auto(GStrv) types = ckan_validation_report_dup_types (report);
    GPtrArray *findings = pub_quality_score_get_findings (score);
    const PubCsvStats *stats = pub_check_result_get_stats (result);

    g_print ("format: %s\n", pub_file_format_to_string (pub_check_result_get_format (result)));
    if (stats)
      {
        g_print ("rows: %" G_GUINT64_FORMAT "  bytes: %" G_GUINT64_FORMAT "  delimiter: '%c'  encoding: %s\n",
                 stats->n_rows, stats->bytes, stats->dialect.delimiter, pub_encoding_to_charset (stats->encoding));
        for (guint i = 0; i < stats->n_columns; i++)
          g_print ("  column %u %s: %s, empty %" G_GUINT64_FORMAT "\n", i + 1, stats->columns[i].name,
                   pub_column_type_to_string (stats->columns[i].type), stats->columns[i].n_empty);
      }
    g_print ("seconds: %.3f\n", seconds);
    for (guint i = 0; types[i]; i++)
      g_print ("errors %s: %" G_GUINT64_FORMAT "\n", types[i],
               ckan_validation_report_get_n_errors_of_type (report, types[i]));
    g_print ("score: %.1f\n", pub_quality_score_get_overall (score));
    for (guint c = 0; c < PUB_N_CRITERIA; c++)
      g_print ("  %s: %.1f\n", pub_quality_criterion_to_string (c), pub_quality_score_get_criterion (score, c));
    for (guint i = 0; i < findings->len; i++)
      {
        PubQualityFinding *f = g_ptr_array_index (findings, i);
        g_print ("  -%.0f %s [%s] %s\n", f->points, pub_quality_criterion_to_string (f->criterion),
                 f->finding, f->recommendation);
      }
  }
  return 0;
}
