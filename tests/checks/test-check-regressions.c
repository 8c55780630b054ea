/* test-check-regressions.c: every input the fuzzers ever crashed on
 * (tests/data/checks/fuzz-regressions/), replayed with the fuzzers' checks
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pub-check.h"

static void
replay (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  gsize len;
  PubCheckOptions options = { .error_cap = 16 };
  g_autoptr(PubCheckResult) result = NULL;
  g_autoptr(CkanValidationReport) back = NULL;
  g_autoptr(CkanValidationReport) parsed = NULL;
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  CkanValidationReport *report;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  options.max_record = 64 + (len ? (guchar) contents[0] : 0) * 8;
  result = pub_check_data (contents, len, "fuzz.csv", &options);
  report = pub_check_result_get_report (result);
  json = ckan_validation_report_to_json (report);
  csv = ckan_validation_report_to_csv (report);
  g_assert_true (g_utf8_validate (json, -1, NULL));
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  back = ckan_validation_report_new_from_data (json, -1, &error);
  g_assert_no_error (error);
  /* The export reads back with the same counts, type by type. */
  g_assert_cmpuint (ckan_validation_report_get_n_errors (back), ==, ckan_validation_report_get_n_errors (report));

  /* The same bytes as a portal report: an error or a report, never a crash;
   * a report, saved and opened again, is the same report (the check of
   * fuzz-validation-report). */
  parsed = ckan_validation_report_new_from_data (contents, (gssize) len, NULL);
  if (parsed)
    {
      g_autofree char *saved = ckan_validation_report_to_json (parsed);
      g_autoptr(CkanValidationReport) reopened = ckan_validation_report_new_from_data (saved, -1, &error);
      g_autofree char *saved_again = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (ckan_validation_report_get_n_errors (reopened), ==, ckan_validation_report_get_n_errors (parsed));
      g_assert_cmpint (ckan_validation_report_get_rows (reopened), ==, ckan_validation_report_get_rows (parsed));
      g_assert_cmpint (ckan_validation_report_get_fields (reopened), ==, ckan_validation_report_get_fields (parsed));
      g_assert_cmpint (ckan_validation_report_get_bytes (reopened), ==, ckan_validation_report_get_bytes (parsed));
      saved_again = ckan_validation_report_to_json (reopened);
      g_assert_cmpstr (saved_again, ==, saved);
    }
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir_path = g_build_filename (TEST_DATA_DIR, "checks", "fuzz-regressions", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (names->len, >, 0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test = g_strconcat ("/check-regressions/", (char *) g_ptr_array_index (names, i), NULL);

      g_test_add_data_func_full (test, g_build_filename (dir_path, g_ptr_array_index (names, i), NULL),
                                 replay, g_free);
    }
  return g_test_run ();
}
