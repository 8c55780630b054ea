/* test-validation-report.c: the report model, its parsers and exports
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-error.h"
#include "ckan-validation-report.h"

static CkanValidationReport *
load_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "checks", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  CkanValidationReport *report;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  report = ckan_validation_report_new_from_data (contents, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static CkanValidationError *
first_of (CkanValidationReport *report,
          const char           *type)
{
  GPtrArray *errors = ckan_validation_report_get_errors_of_type (report, type);

  g_assert_nonnull (errors);
  g_assert_cmpuint (errors->len, >, 0);
  return g_ptr_array_index (errors, 0);
}

static void
test_v5_report_as_string (void)
{
  g_autoptr(CkanValidationReport) report = load_fixture ("portal-v5.json");
  g_auto(GStrv) types = ckan_validation_report_dup_types (report);
  CkanValidationError *e;

  g_assert_cmpint (ckan_validation_report_get_shape (report), ==, CKAN_VALIDATION_SHAPE_FRICTIONLESS_V5);
  g_assert_cmpstr (ckan_validation_report_get_status (report), ==, "failure");
  g_assert_cmpstr (ckan_validation_report_get_finished (report), ==, "2026-11-20T10:00:05");
  g_assert_false (ckan_validation_report_get_valid (report));
  g_assert_cmpuint (ckan_validation_report_get_n_errors (report), ==, 3);
  g_assert_cmpuint (g_strv_length (types), ==, 3);
  g_assert_cmpstr (types[0], ==, "blank-label");
  g_assert_cmpint (ckan_validation_report_get_rows (report), ==, 4);
  g_assert_cmpint (ckan_validation_report_get_fields (report), ==, 3);

  e = first_of (report, "type-error");
  g_assert_cmpint (e->row_number, ==, 3);
  g_assert_cmpint (e->field_number, ==, 2);
  g_assert_cmpstr (e->field_name, ==, "monto");
  g_assert_cmpstr (e->cell, ==, "abc");
  g_assert_cmpstr (e->title, ==, "Type Error");
  g_assert_true (g_str_has_prefix (e->message, "Type error in the cell"));

  e = first_of (report, "missing-cell");
  g_assert_cmpint (e->row_number, ==, 4);
  g_assert_cmpint (e->field_number, ==, 3);
}

static void
test_v4_report (void)
{
  g_autoptr(CkanValidationReport) report = load_fixture ("portal-v4.json");
  CkanValidationError *e;

  g_assert_cmpint (ckan_validation_report_get_shape (report), ==, CKAN_VALIDATION_SHAPE_FRICTIONLESS_V4);
  g_assert_cmpuint (ckan_validation_report_get_n_errors (report), ==, 3);
  e = first_of (report, "duplicate-label");
  g_assert_cmpint (e->field_number, ==, 3);
  g_assert_cmpstr (e->title, ==, "Duplicate Label");
  e = first_of (report, "blank-row");
  g_assert_cmpint (e->row_number, ==, 4);
  e = first_of (report, "extra-cell");
  g_assert_cmpstr (e->cell, ==, "zz");
  g_assert_cmpint (e->field_number, ==, 4);
}

static void
test_goodtables_report (void)
{
  g_autoptr(CkanValidationReport) report = load_fixture ("portal-goodtables.json");
  CkanValidationError *e;

  g_assert_cmpint (ckan_validation_report_get_shape (report), ==, CKAN_VALIDATION_SHAPE_GOODTABLES);
  g_assert_cmpuint (ckan_validation_report_get_n_errors (report), ==, 2);
  /* Legacy codes come out under today's names. */
  g_assert_cmpuint (ckan_validation_report_get_n_errors_of_type (report, "duplicate-label"), ==, 1);
  e = first_of (report, "type-error");
  g_assert_cmpint (e->row_number, ==, 3);
  g_assert_cmpint (e->field_number, ==, 1);
  g_assert_cmpstr (e->cell, ==, "x, 5");
  g_assert_cmpint (ckan_validation_report_get_rows (report), ==, 3);
  g_assert_cmpstr (ckan_validation_report_get_warnings (report)[0], ==,
                   "Table \"x\" inspection has reached 1000 row(s) limit");
  g_assert_null (ckan_validation_report_get_warnings (report)[1]);
}

static void
test_running_job_has_no_report (void)
{
  g_autoptr(CkanValidationReport) report = load_fixture ("portal-running.json");

  g_assert_cmpstr (ckan_validation_report_get_status (report), ==, "running");
  g_assert_cmpuint (ckan_validation_report_get_n_errors (report), ==, 0);
}

static void
test_garbage_is_an_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanValidationReport) report = NULL;

  report = ckan_validation_report_new_from_data ("{\"status\": \"failure\", \"report\": \"{not json\"}", -1, &error);
  g_assert_null (report);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_NOT_JSON);
  g_clear_error (&error);
  report = ckan_validation_report_new_from_data ("[1, 2]", -1, &error);
  g_assert_null (report);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_NOT_JSON);
}

static void
test_cap_counts_the_rest (void)
{
  g_autoptr(CkanValidationReport) report = ckan_validation_report_new (5);

  for (int i = 0; i < 12; i++)
    {
      gboolean stored = ckan_validation_report_add_error (report, "type-error", i + 2, 1, "a", "x", "bad");
      g_assert_true (stored == (i < 5));
    }
  g_assert_false (ckan_validation_report_has_room (report, "type-error"));
  g_assert_true (ckan_validation_report_has_room (report, "blank-row"));
  ckan_validation_report_count_errors (report, "type-error", 100);
  g_assert_cmpuint (ckan_validation_report_get_n_errors_of_type (report, "type-error"), ==, 112);
  g_assert_cmpuint (ckan_validation_report_get_errors_of_type (report, "type-error")->len, ==, 5);
  g_assert_cmpuint (ckan_validation_report_get_n_errors (report), ==, 112);
}

static void
test_json_export_round_trips (void)
{
  g_autoptr(CkanValidationReport) report = ckan_validation_report_new (2);
  g_autoptr(CkanValidationReport) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  CkanValidationError *e;

  ckan_validation_report_add_error (report, "blank-label", 1, 2, NULL, "", "The label is blank");
  for (int i = 0; i < 4; i++)
    ckan_validation_report_add_error (report, "type-error", 10 + i, 3, "monto", "1,2\"x", "Not a number");
  ckan_validation_report_set_stats (report, 100, 3, 4096);

  json = ckan_validation_report_to_json (report);
  back = ckan_validation_report_new_from_data (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ckan_validation_report_get_shape (back), ==, CKAN_VALIDATION_SHAPE_LOCAL);
  g_assert_cmpuint (ckan_validation_report_get_n_errors (back), ==, 5);
  g_assert_cmpuint (ckan_validation_report_get_n_errors_of_type (back, "type-error"), ==, 4);
  g_assert_cmpint (ckan_validation_report_get_rows (back), ==, 100);
  e = first_of (back, "type-error");
  g_assert_cmpstr (e->cell, ==, "1,2\"x");
  g_assert_cmpint (e->row_number, ==, 10);
  g_assert_cmpstr (e->field_name, ==, "monto");
}

/* A portal report saved by the app and opened again: same shape, job status,
 * sums, and each error's table (found by the fuzzer: all were lost). */
static void
test_portal_report_round_trips (void)
{
  const char *fixtures[] = { "portal-v5.json", "portal-v4.json", "portal-goodtables.json" };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(CkanValidationReport) report = load_fixture (fixtures[i]);
      g_autofree char *json = ckan_validation_report_to_json (report);
      g_autoptr(GError) error = NULL;
      g_autoptr(CkanValidationReport) back = ckan_validation_report_new_from_data (json, -1, &error);
      g_autofree char *again = NULL;
      g_auto(GStrv) types = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (ckan_validation_report_get_shape (back), ==, ckan_validation_report_get_shape (report));
      g_assert_cmpstr (ckan_validation_report_get_status (back), ==, ckan_validation_report_get_status (report));
      g_assert_cmpint (ckan_validation_report_get_rows (back), ==, ckan_validation_report_get_rows (report));
      g_assert_cmpint (ckan_validation_report_get_fields (back), ==, ckan_validation_report_get_fields (report));
      g_assert_cmpuint (ckan_validation_report_get_n_errors (back), ==, ckan_validation_report_get_n_errors (report));
      types = ckan_validation_report_dup_types (report);
      for (guint t = 0; types[t]; t++)
        {
          GPtrArray *before = ckan_validation_report_get_errors_of_type (report, types[t]);
          GPtrArray *after = ckan_validation_report_get_errors_of_type (back, types[t]);

          g_assert_cmpuint (after->len, ==, before->len);
          for (guint e = 0; e < before->len; e++)
            {
              CkanValidationError *a = g_ptr_array_index (before, e), *b = g_ptr_array_index (after, e);

              g_assert_cmpstr (b->task, ==, a->task);
              g_assert_cmpstr (b->cell, ==, a->cell);
              g_assert_cmpstr (b->title, ==, a->title);
              g_assert_cmpint (b->row_number, ==, a->row_number);
            }
        }
      again = ckan_validation_report_to_json (back);
      g_assert_cmpstr (again, ==, json);
    }
}

/* json-glib reads octal escapes ("\\361") into bytes that are not UTF-8
 * (found by the fuzzer); the model repairs them,
 * so exports and labels stay valid text. Out-of-range numbers mean none. */
static void
test_portal_report_is_sanitized (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanValidationReport) report = ckan_validation_report_new_from_data (
    "{\"errors\": [{\"type\": \"type-error\", \"cell\": \"Nu\\361oa\", \"message\": \"m\\341l\",\n"
    "  \"rowNumber\": -4, \"fieldNumber\": 99999999999, \"byteOffset\": -7}],\n"
    " \"summary\": {\"blank-\\377row\": 2}, \"warnings\": [\"w\\351\"]}", -1, &error);
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  CkanValidationError *e;

  g_assert_no_error (error);
  json = ckan_validation_report_to_json (report);
  csv = ckan_validation_report_to_csv (report);
  g_assert_true (g_utf8_validate (json, -1, NULL));
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  g_assert_true (g_utf8_validate (ckan_validation_report_get_warnings (report)[0], -1, NULL));
  e = first_of (report, "type-error");
  g_assert_cmpstr (e->cell, ==, "Nu\xef\xbf\xbdoa");
  g_assert_cmpint (e->row_number, ==, 0);
  g_assert_cmpint (e->field_number, ==, 0);
  g_assert_cmpint (e->byte_offset, ==, -1);
  g_assert_cmpuint (ckan_validation_report_get_n_errors_of_type (report, "blank-\xef\xbf\xbdrow"), ==, 2);
}

static void
test_csv_export_quotes_and_defuses (void)
{
  g_autoptr(CkanValidationReport) report = ckan_validation_report_new (1);
  g_autofree char *csv = NULL;

  ckan_validation_report_add_error (report, "type-error", 7, 2, "monto", "1,5\"", "Not a number");
  ckan_validation_report_add_error (report, "type-error", 8, 2, "monto", "x", "Not a number");
  ckan_validation_report_add_error (report, "extra-cell", 9, 4, NULL, "=SUM(A1)", "Extra");
  csv = ckan_validation_report_to_csv (report);
  g_assert_true (g_str_has_prefix (csv, "type,row,field_number,field_name,cell,message,byte_offset\r\n"));
  g_assert_nonnull (strstr (csv, "type-error,7,2,monto,\"1,5\"\"\",Not a number,\r\n"));
  g_assert_nonnull (strstr (csv, "type-error,,,,,1 more not listed,\r\n"));
  g_assert_nonnull (strstr (csv, "extra-cell,9,4,,'=SUM(A1),Extra,\r\n"));
}

static char *
mask_digits_cb (const char *value,
                gpointer    user_data)
{
  (*(guint *) user_data)++;
  if (!g_ascii_isdigit (value[0]))
    return NULL;
  return g_strdup ("***");
}

static void
test_mask_cells (void)
{
  g_autoptr(CkanValidationReport) report = ckan_validation_report_new (0);
  GPtrArray *errors;
  guint calls = 0;

  ckan_validation_report_add_error (report, "type-error", 2, 1, "rut", "12345678-5",
                                    "Type error in the cell \"12345678-5\"");
  ckan_validation_report_add_error (report, "type-error", 3, 1, "rut", "abc", "Type error in the cell \"abc\"");
  ckan_validation_report_add_error (report, "blank-row", 4, 0, NULL, NULL, "blank");
  ckan_validation_report_mask_cells (report, mask_digits_cb, &calls);

  /* Only cells are offered to the masker; the raw value leaves the message too. */
  g_assert_cmpuint (calls, ==, 2);
  errors = ckan_validation_report_get_errors_of_type (report, "type-error");
  g_assert_cmpstr (((CkanValidationError *) g_ptr_array_index (errors, 0))->cell, ==, "***");
  g_assert_cmpstr (((CkanValidationError *) g_ptr_array_index (errors, 0))->message, ==, "Type error in the cell \"***\"");
  g_assert_cmpstr (((CkanValidationError *) g_ptr_array_index (errors, 1))->cell, ==, "abc");
  g_assert_cmpstr (((CkanValidationError *) g_ptr_array_index (errors, 1))->message, ==, "Type error in the cell \"abc\"");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validation-report/v5-string", test_v5_report_as_string);
  g_test_add_func ("/validation-report/v4", test_v4_report);
  g_test_add_func ("/validation-report/goodtables", test_goodtables_report);
  g_test_add_func ("/validation-report/running", test_running_job_has_no_report);
  g_test_add_func ("/validation-report/garbage", test_garbage_is_an_error);
  g_test_add_func ("/validation-report/cap", test_cap_counts_the_rest);
  g_test_add_func ("/validation-report/json-round-trip", test_json_export_round_trips);
  g_test_add_func ("/validation-report/portal-round-trip", test_portal_report_round_trips);
  g_test_add_func ("/validation-report/sanitized", test_portal_report_is_sanitized);
  g_test_add_func ("/validation-report/csv-export", test_csv_export_quotes_and_defuses);
  g_test_add_func ("/validation-report/mask-cells", test_mask_cells);

  return g_test_run ();
}
