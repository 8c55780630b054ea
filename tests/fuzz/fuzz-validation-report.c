/* fuzz-validation-report.c: the portal report parsers on arbitrary JSON
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "ckan-validation-report.h"
#include "pub-check-cell.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Everything a person sees of a report, written down so two reports can be
 * compared: the verdict, counts, warnings and every stored error in full. */
static char *
describe (CkanValidationReport *report)
{
  GString *out = g_string_new (NULL);
  g_auto(GStrv) types = ckan_validation_report_dup_types (report);
  const char * const *warnings = ckan_validation_report_get_warnings (report);

  g_string_append_printf (out, "valid %d errors %" G_GUINT64_FORMAT " rows %" G_GINT64_FORMAT
                          " fields %" G_GINT64_FORMAT " bytes %" G_GINT64_FORMAT "\n",
                          ckan_validation_report_get_valid (report),
                          ckan_validation_report_get_n_errors (report),
                          ckan_validation_report_get_rows (report),
                          ckan_validation_report_get_fields (report),
                          ckan_validation_report_get_bytes (report));
  for (guint i = 0; warnings[i]; i++)
    g_string_append_printf (out, "warning [%s]\n", warnings[i]);
  for (guint i = 0; types[i]; i++)
    {
      GPtrArray *errors = ckan_validation_report_get_errors_of_type (report, types[i]);

      g_string_append_printf (out, "type [%s] %" G_GUINT64_FORMAT "\n", types[i],
                              ckan_validation_report_get_n_errors_of_type (report, types[i]));
      for (guint j = 0; errors && j < errors->len; j++)
        {
          CkanValidationError *e = g_ptr_array_index (errors, j);

          g_string_append_printf (out, "  row %" G_GINT64_FORMAT " field %d offset %" G_GINT64_FORMAT
                                  " name [%s] cell [%s] title [%s] message [%s] task [%s]\n",
                                  e->row_number, e->field_number, e->byte_offset,
                                  e->field_name ? e->field_name : "(none)",
                                  e->cell ? e->cell : "(none)",
                                  e->title ? e->title : "(none)",
                                  e->message ? e->message : "(none)",
                                  e->task ? e->task : "(none)");
        }
    }
  return g_string_free (out, FALSE);
}

/* What the app saves ("Guardar informe") must read back as the same report. */
static void
assert_json_round_trip (CkanValidationReport *report)
{
  g_autofree char *json = ckan_validation_report_to_json (report);
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanValidationReport) back = ckan_validation_report_new_from_data (json, -1, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *json_again = NULL;

  g_assert (g_utf8_validate (json, -1, NULL));
  if (!back)
    {
      g_printerr ("The export does not read back (%s):\n%s\n", error->message, json);
      g_assert_not_reached ();
    }
  before = describe (report);
  after = describe (back);
  if (!g_str_equal (before, after))
    {
      g_printerr ("The export reads back as another report:\n--- before\n%s--- after\n%s--- export\n%s\n",
                  before, after, json);
      g_assert_not_reached ();
    }
  /* And saving the reloaded report writes the same file. */
  json_again = ckan_validation_report_to_json (back);
  g_assert_cmpstr (json, ==, json_again);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CkanValidationReport) report = ckan_validation_report_new_from_data ((const char *) data,
                                                                                 (gssize) size, NULL);
  g_autofree char *csv = NULL;

  if (!report)
    return 0;
  ckan_validation_report_mask_cells (report, pub_check_mask_value, NULL);
  csv = ckan_validation_report_to_csv (report);
  if (!g_utf8_validate (csv, -1, NULL))
    {
      g_autofree char *escaped = g_strescape (csv, NULL);

      g_printerr ("The CSV export is not UTF-8:\n%s\n", escaped);
      g_assert_not_reached ();
    }
  assert_json_round_trip (report);
  return 0;
}
