/* check-same.h: everything a check result says, as one string, so two
 * runs of the checks (one thread, several) can be compared finding for
 * finding. Shared by test-check-split.c and the CSV fuzzer.
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pub-check.h"

static inline char *
check_result_dump (PubCheckResult *result)
{
  GString *out = g_string_new (NULL);
  g_autofree char *json = ckan_validation_report_to_json (pub_check_result_get_report (result));
  PubQualityScore *score = pub_check_result_get_score (result);
  GPtrArray *findings = pub_quality_score_get_findings (score);
  const PubCsvStats *s = pub_check_result_get_stats (result);
  const char * const *warnings = ckan_validation_report_get_warnings (pub_check_result_get_report (result));

  g_string_append_printf (out, "%s\nscore %.1f\n", json, pub_quality_score_get_overall (score));
  for (guint i = 0; i < findings->len; i++)
    {
      PubQualityFinding *f = g_ptr_array_index (findings, i);

      g_string_append_printf (out, "finding %d %.1f %s %s %" G_GUINT64_FORMAT " %s\n", f->criterion, f->points,
                              f->finding, f->field_name ? f->field_name : "-", f->count, f->recommendation);
    }
  for (guint i = 0; warnings && warnings[i]; i++)
    g_string_append_printf (out, "warning %s\n", warnings[i]);
  if (!s)
    return g_string_free (out, FALSE);
  g_string_append_printf (out,
                          "bytes %" G_GUINT64_FORMAT " rows %" G_GUINT64_FORMAT " cells %" G_GUINT64_FORMAT
                          " blank %" G_GUINT64_FORMAT " dup %" G_GUINT64_FORMAT " short %" G_GUINT64_FORMAT
                          " long %" G_GUINT64_FORMAT " toolong %" G_GUINT64_FORMAT " stray %" G_GUINT64_FORMAT
                          " invalid %" G_GUINT64_FORMAT " endings %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT
                          "/%" G_GUINT64_FORMAT " unterminated %d limited %d nodata %d columns %u"
                          " encoding %d delimiter %d quote %d header %d/%d labels %u/%u\n",
                          s->bytes, s->n_rows, s->n_cells, s->n_blank_rows, s->n_duplicate_rows, s->n_short_rows,
                          s->n_long_rows, s->n_too_long_records, s->n_stray_quotes, s->n_invalid_bytes,
                          s->line_endings[0], s->line_endings[1], s->line_endings[2], s->unterminated_quote,
                          s->duplicates_limited, s->no_data_rows, s->n_columns,
                          s->encoding, s->dialect.delimiter, s->dialect.quote, s->header_blank, s->header_missing,
                          s->n_blank_labels, s->n_duplicate_labels);
  for (guint i = 0; i < s->n_columns; i++)
    {
      const PubColumnStats *c = &s->columns[i];

      g_string_append_printf (out, "column %s %d empty %" G_GUINT64_FORMAT " type %" G_GUINT64_FORMAT
                              " dec %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT " dates %" G_GUINT64_FORMAT
                              "/%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT " bool %" G_GUINT64_FORMAT
                              "/%" G_GUINT64_FORMAT " plain %" G_GUINT64_FORMAT " anonymized %" G_GUINT64_FORMAT
                              " masked %" G_GUINT64_FORMAT " label %s personal",
                              c->name, c->type, c->n_empty, c->n_type_errors, c->n_decimal_comma,
                              c->n_decimal_dot, c->n_date[0], c->n_date[1], c->n_date[2], c->n_bool_es,
                              c->n_bool_en, c->n_plain_candidates, c->n_anonymized, c->masked_from_row,
                              c->personal_label ? c->personal_label : "-");
      for (guint k = 0; k < PUB_N_PERSONAL_KINDS; k++)
        g_string_append_printf (out, " %" G_GUINT64_FORMAT, c->n_personal[k]);
      for (guint k = 0; k < c->n_examples; k++)
        g_string_append_printf (out, " [%s]", c->examples[k]);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
