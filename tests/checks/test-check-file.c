/* test-check-file.c: the checks on fixture files, formats, broken input,
 * and the async runner with progress and cancel
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pub-check.h"

static PubCheckResult *
check_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "checks", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PubCheckResult *result = pub_check_file_sync (file, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static CkanValidationError *
error_of (PubCheckResult *result,
          const char     *type,
          guint           index)
{
  GPtrArray *errors = ckan_validation_report_get_errors_of_type (pub_check_result_get_report (result), type);

  g_assert_nonnull (errors);
  g_assert_cmpuint (errors->len, >, index);
  return g_ptr_array_index (errors, index);
}

static guint64
n_of (PubCheckResult *result,
      const char     *type)
{
  return ckan_validation_report_get_n_errors_of_type (pub_check_result_get_report (result), type);
}

static void
test_clean (void)
{
  g_autoptr(PubCheckResult) r = check_fixture ("clean.csv");
  const PubCsvStats *stats = pub_check_result_get_stats (r);

  g_assert_cmpint (pub_check_result_get_format (r), ==, PUB_FORMAT_CSV);
  g_assert_true (ckan_validation_report_get_valid (pub_check_result_get_report (r)));
  g_assert_cmpuint (stats->n_rows, ==, 3);
  g_assert_cmpuint (stats->n_columns, ==, 5);
  g_assert_cmpint (stats->columns[0].type, ==, PUB_COLUMN_TEXT);
  g_assert_cmpint (stats->columns[1].type, ==, PUB_COLUMN_INTEGER);
  g_assert_cmpint (stats->columns[2].type, ==, PUB_COLUMN_NUMBER);
  g_assert_cmpint (stats->columns[3].type, ==, PUB_COLUMN_DATE);
  g_assert_cmpint (stats->columns[4].type, ==, PUB_COLUMN_BOOLEAN);
  g_assert_cmpstr (stats->columns[1].name, ==, "anio");
  g_assert_false (pub_check_result_wants_utf8_copy (r));
}

static PubQualityFinding *
find_finding (PubCheckResult *result,
              const char     *finding,
              const char     *field_name)
{
  GPtrArray *findings = pub_quality_score_get_findings (pub_check_result_get_score (result));

  for (guint i = 0; i < findings->len; i++)
    {
      PubQualityFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->finding, finding) && g_strcmp0 (f->field_name, field_name) == 0)
        return f;
    }
  return NULL;
}

/* Column names and nothing else: nothing to publish, so not 10 of 10. */
static void
test_header_only (void)
{
  g_autoptr(PubCheckResult) r = check_fixture ("header-only.csv");
  g_autoptr(PubCheckResult) clean = check_fixture ("clean.csv");
  PubQualityScore *score = pub_check_result_get_score (r);
  PubQualityFinding *f;

  g_assert_cmpuint (pub_check_result_get_stats (r)->n_columns, ==, 3);
  g_assert_true (pub_check_result_get_stats (r)->no_data_rows);
  g_assert_cmpuint (n_of (r, "no-data-rows"), ==, 1);
  g_assert_false (ckan_validation_report_get_valid (pub_check_result_get_report (r)));
  f = find_finding (r, "no-data-rows", NULL);
  g_assert_nonnull (f);
  g_assert_cmpint (f->criterion, ==, PUB_CRITERION_COMPLETENESS);
  g_assert_cmpfloat (pub_quality_score_get_criterion (score, PUB_CRITERION_COMPLETENESS), <=, 1.0);
  g_assert_cmpfloat (pub_quality_score_get_overall (score), <=, 3.0);

  g_assert_false (pub_check_result_get_stats (clean)->no_data_rows);
  g_assert_cmpuint (n_of (clean, "no-data-rows"), ==, 0);
}

/* 22345678-4 dials as a phone number, but it is written as a RUT. */
static void
test_rut_wrong_digit (void)
{
  g_autoptr(PubCheckResult) r = check_fixture ("rut-wrong-digit.csv");
  const PubCsvStats *stats = pub_check_result_get_stats (r);
  const PubColumnStats *col = &stats->columns[0];
  CkanValidationError *e;
  PubQualityFinding *f;

  g_assert_cmpuint (col->n_personal[PUB_PERSONAL_PHONE], ==, 0);
  g_assert_cmpuint (col->n_personal[PUB_PERSONAL_RUT_WRONG_DIGIT], ==, 3);
  g_assert_null (find_finding (r, "personal-phone", "codigo"));
  f = find_finding (r, "rut-wrong-digit", "codigo");
  g_assert_nonnull (f);
  g_assert_cmpint (f->criterion, ==, PUB_CRITERION_PRIVACY);
  g_assert_nonnull (strstr (f->recommendation, "wrong check digit"));

  g_assert_cmpuint (n_of (r, "personal-data"), ==, 1);
  e = error_of (r, "personal-data", 0);
  g_assert_cmpint (e->field_number, ==, 1);
  g_assert_cmpstr (e->message, ==, "3 values look like a RUT with a wrong check digit");
  /* Examples are masked like RUTs. */
  g_assert_cmpstr (e->cell, ==, "2•••••••-•, 1•.•••.•••-•, 9••••••-•");
}

/* Excel's "Unicode text": tab-separated UTF-16LE with a BOM, checked
 * like any file, with the UTF-8 copy offered. */
static void
test_utf16 (void)
{
  g_autoptr(PubCheckResult) le = check_fixture ("excel-unicode.txt");
  g_autoptr(PubCheckResult) be = check_fixture ("utf16be.csv");
  const PubCsvStats *s = pub_check_result_get_stats (le);
  CkanValidationError *e;

  g_assert_cmpint (pub_check_result_get_format (le), ==, PUB_FORMAT_CSV);
  g_assert_cmpint (s->encoding, ==, PUB_ENCODING_UTF16_LE);
  g_assert_cmpint (s->dialect.delimiter, ==, '\t');
  g_assert_cmpuint (s->n_rows, ==, 10);
  g_assert_cmpuint (s->n_columns, ==, 4);
  g_assert_cmpuint (s->line_endings[1], ==, 11);
  g_assert_cmpstr (s->columns[1].name, ==, "Año");
  g_assert_cmpint (s->columns[1].type, ==, PUB_COLUMN_INTEGER);
  g_assert_cmpint (s->columns[3].type, ==, PUB_COLUMN_BOOLEAN);
  g_assert_cmpuint (s->columns[3].n_bool_es, ==, 10);
  g_assert_cmpuint (s->bytes, ==, 458);
  g_assert_true (pub_check_result_wants_utf8_copy (le));
  g_assert_cmpuint (n_of (le, "encoding-error"), ==, 0);
  g_assert_cmpuint (n_of (le, "type-error"), ==, 1);
  e = error_of (le, "type-error", 0);
  g_assert_cmpint (e->row_number, ==, 3);
  g_assert_cmpint (e->field_number, ==, 3);
  g_assert_cmpstr (e->cell, ==, "n/d");
  g_assert_nonnull (find_finding (le, "encoding", NULL));

  s = pub_check_result_get_stats (be);
  g_assert_cmpint (s->encoding, ==, PUB_ENCODING_UTF16_BE);
  g_assert_cmpuint (s->n_rows, ==, 2);
  g_assert_cmpstr (s->columns[0].name, ==, "comuna");
  g_assert_true (ckan_validation_report_get_valid (pub_check_result_get_report (be)));

  /* A broken unit is an encoding error at its place in the file, in the
   * row that holds it. */
  {
    static const char data[] = "\xFF\xFE" "a\0\n\0" "b\0\n\0" "c\0\x00\xDC\n\0";
    g_autoptr(PubCheckResult) r = pub_check_data (data, sizeof data - 1, "x.txt", NULL);

    g_assert_cmpuint (n_of (r, "encoding-error"), ==, 1);
    e = error_of (r, "encoding-error", 0);
    g_assert_cmpint (e->byte_offset, ==, 12);
    g_assert_cmpint (e->row_number, ==, 3);
    g_assert_cmpuint (pub_check_result_get_stats (r)->n_invalid_bytes, ==, 1);
  }
}

static void
test_header_errors (void)
{
  g_autoptr(PubCheckResult) blank = check_fixture ("blank-label.csv");
  g_autoptr(PubCheckResult) dup = check_fixture ("duplicate-label.csv");
  g_autoptr(PubCheckResult) missing = check_fixture ("missing-header.csv");
  g_autoptr(PubCheckResult) empty = check_fixture ("blank-header.csv");
  CkanValidationError *e;

  e = error_of (blank, "blank-label", 0);
  g_assert_cmpint (e->row_number, ==, 0);
  g_assert_cmpint (e->field_number, ==, 2);
  g_assert_cmpstr (e->field_name, ==, "field2");

  e = error_of (dup, "duplicate-label", 0);
  g_assert_cmpint (e->field_number, ==, 3);
  g_assert_cmpstr (e->cell, ==, "id");
  g_assert_cmpuint (n_of (dup, "duplicate-label"), ==, 1);

  g_assert_cmpuint (n_of (missing, "missing-header"), ==, 1);
  /* As in Frictionless: a blank header is a blank label per column... */
  g_assert_cmpuint (n_of (empty, "blank-label"), ==, 3);
  g_assert_true (pub_check_result_get_stats (empty)->header_blank);
  /* ...and the score counts it once. */
  g_assert_cmpuint (pub_quality_score_get_findings (pub_check_result_get_score (empty))->len, ==, 1);
}

static void
test_row_errors (void)
{
  g_autoptr(PubCheckResult) extra = check_fixture ("extra-cell.csv");
  g_autoptr(PubCheckResult) missing = check_fixture ("missing-cell.csv");
  g_autoptr(PubCheckResult) blank = check_fixture ("blank-row.csv");
  g_autoptr(PubCheckResult) dup = check_fixture ("duplicate-row.csv");
  CkanValidationError *e;

  /* Frictionless numbering: the header is row 1. */
  g_assert_cmpuint (n_of (extra, "extra-cell"), ==, 2);
  e = error_of (extra, "extra-cell", 0);
  g_assert_cmpint (e->row_number, ==, 3);
  g_assert_cmpint (e->field_number, ==, 4);
  g_assert_cmpstr (e->cell, ==, "7");
  e = error_of (extra, "extra-cell", 1);
  g_assert_cmpint (e->field_number, ==, 5);

  g_assert_cmpuint (n_of (missing, "missing-cell"), ==, 2);
  e = error_of (missing, "missing-cell", 0);
  g_assert_cmpint (e->row_number, ==, 3);
  g_assert_cmpint (e->field_number, ==, 2);
  g_assert_cmpstr (e->field_name, ==, "b");

  e = error_of (blank, "blank-row", 0);
  g_assert_cmpint (e->row_number, ==, 3);
  g_assert_cmpuint (n_of (blank, "missing-cell"), ==, 0);

  g_assert_cmpuint (n_of (dup, "duplicate-row"), ==, 2);
  g_assert_cmpint (error_of (dup, "duplicate-row", 0)->row_number, ==, 4);
  g_assert_cmpint (error_of (dup, "duplicate-row", 1)->row_number, ==, 6);

  /* Leading empty cells count: ",x", ",,x" and "x" are three rows. */
  {
    static const char csv[] = "a,b,c\n,x\nx\n,,x\n,x\n";
    g_autoptr(PubCheckResult) lead = pub_check_data (csv, sizeof csv - 1, "x.csv", NULL);

    g_assert_cmpuint (n_of (lead, "duplicate-row"), ==, 1);
    g_assert_cmpint (error_of (lead, "duplicate-row", 0)->row_number, ==, 5);
  }
}

static void
test_type_errors (void)
{
  g_autoptr(PubCheckResult) r = check_fixture ("type-error.csv");
  const PubCsvStats *stats = pub_check_result_get_stats (r);
  CkanValidationError *e;

  g_assert_cmpuint (n_of (r, "type-error"), ==, 3);
  e = error_of (r, "type-error", 0);
  g_assert_cmpint (e->row_number, ==, 21);
  g_assert_cmpint (e->field_number, ==, 2);
  g_assert_cmpstr (e->field_name, ==, "monto");
  g_assert_cmpstr (e->cell, ==, "veinte");
  g_assert_cmpstr (error_of (r, "type-error", 1)->cell, ==, "2024-02-30");
  g_assert_cmpstr (error_of (r, "type-error", 2)->cell, ==, "quizás");
  g_assert_cmpuint (stats->columns[1].n_type_errors, ==, 1);
}

static void
test_dialects_and_encodings (void)
{
  g_autoptr(PubCheckResult) semi = check_fixture ("semicolon.csv");
  g_autoptr(PubCheckResult) tab = check_fixture ("tab.tsv");
  g_autoptr(PubCheckResult) pipe = check_fixture ("pipe.csv");
  g_autoptr(PubCheckResult) crlf = check_fixture ("crlf.csv");
  g_autoptr(PubCheckResult) cr = check_fixture ("cr.csv");
  g_autoptr(PubCheckResult) quotes = check_fixture ("quotes.csv");
  g_autoptr(PubCheckResult) bom = check_fixture ("utf8-bom.csv");
  g_autoptr(PubCheckResult) latin1 = check_fixture ("latin1.csv");
  g_autoptr(PubCheckResult) invalid = check_fixture ("utf8-invalid.csv");
  const PubCsvStats *s;
  CkanValidationError *e;

  s = pub_check_result_get_stats (semi);
  g_assert_cmpint (s->dialect.delimiter, ==, ';');
  g_assert_cmpint (s->columns[1].type, ==, PUB_COLUMN_NUMBER);
  g_assert_cmpuint (s->columns[1].n_decimal_comma, ==, 3);
  g_assert_cmpint (s->columns[2].type, ==, PUB_COLUMN_DATE);
  g_assert_cmpuint (s->columns[2].n_date[0], ==, 3);

  g_assert_cmpint (pub_check_result_get_stats (tab)->dialect.delimiter, ==, '\t');
  g_assert_true (ckan_validation_report_get_valid (pub_check_result_get_report (tab)));
  g_assert_cmpint (pub_check_result_get_stats (pipe)->dialect.delimiter, ==, '|');

  s = pub_check_result_get_stats (crlf);
  g_assert_cmpuint (s->n_rows, ==, 2);
  g_assert_cmpuint (s->line_endings[1], ==, 3);
  g_assert_cmpuint (s->line_endings[0], ==, 0);
  s = pub_check_result_get_stats (cr);
  g_assert_cmpuint (s->n_rows, ==, 2);
  g_assert_cmpuint (s->line_endings[2], ==, 3);
  g_assert_true (ckan_validation_report_get_valid (pub_check_result_get_report (quotes)));

  s = pub_check_result_get_stats (bom);
  g_assert_cmpint (s->encoding, ==, PUB_ENCODING_UTF8_BOM);
  g_assert_cmpstr (s->columns[0].name, ==, "comuna");
  g_assert_true (pub_check_result_wants_utf8_copy (bom));

  s = pub_check_result_get_stats (latin1);
  g_assert_cmpint (s->encoding, ==, PUB_ENCODING_WINDOWS_1252);
  g_assert_cmpstr (s->columns[1].name, ==, "población");
  g_assert_cmpint (s->columns[2].type, ==, PUB_COLUMN_BOOLEAN);
  g_assert_true (pub_check_result_wants_utf8_copy (latin1));
  g_assert_true (ckan_validation_report_get_valid (pub_check_result_get_report (latin1)));

  s = pub_check_result_get_stats (invalid);
  g_assert_cmpint (s->encoding, ==, PUB_ENCODING_UTF8);
  g_assert_cmpuint (n_of (invalid, "encoding-error"), ==, 2);
  e = error_of (invalid, "encoding-error", 0);
  g_assert_cmpint (e->byte_offset, ==, 30);
  g_assert_cmpint (e->row_number, ==, 3);
  g_assert_cmpint (error_of (invalid, "encoding-error", 1)->byte_offset, ==, 44);
  g_assert_cmpint (error_of (invalid, "encoding-error", 1)->row_number, ==, 4);
}

static void
test_personal_data (void)
{
  g_autoptr(PubCheckResult) r = check_fixture ("personal.csv");
  CkanValidationReport *report = pub_check_result_get_report (r);
  g_autofree char *json = ckan_validation_report_to_json (report);
  g_autofree char *csv = ckan_validation_report_to_csv (report);
  const PubCsvStats *s = pub_check_result_get_stats (r);
  CkanValidationError *e;

  g_assert_cmpuint (s->columns[1].n_personal[PUB_PERSONAL_RUT_FORMATTED], ==, 3);
  g_assert_cmpuint (s->columns[2].n_personal[PUB_PERSONAL_EMAIL], ==, 3);
  g_assert_cmpuint (s->columns[3].n_personal[PUB_PERSONAL_PHONE], ==, 3);
  g_assert_nonnull (s->columns[0].personal_label);

  e = error_of (r, "personal-data", 1);
  g_assert_cmpint (e->field_number, ==, 2);
  g_assert_cmpstr (e->field_name, ==, "rut");
  g_assert_cmpstr (e->cell, ==, "1•.•••.•••-•, 1•.•••.•••-•, 7.•••.•••-•");
  g_assert_cmpstr (e->message, ==, "3 values are RUT numbers");

  /* The values themselves never reach the report or its exports. */
  for (const char *secret = "12.345.678-5\0juan.perez@example.cl\0+56 9 8765 4321\0" "987654321\0";
       *secret; secret += strlen (secret) + 1)
    {
      g_assert_null (strstr (json, secret));
      g_assert_null (strstr (csv, secret));
    }
}

static void
assert_never_exported (CkanValidationReport *report,
                       const char * const   *secrets)
{
  g_autofree char *json = ckan_validation_report_to_json (report);
  g_autofree char *csv = ckan_validation_report_to_csv (report);

  for (guint i = 0; secrets[i] != NULL; i++)
    {
      if (strstr (json, secrets[i]) || strstr (csv, secrets[i]))
        g_error ("“%s” reached the export:\n%s\n%s", secrets[i], json, csv);
    }
}

/* Issue 7: values that are not a RUT, e-mail or phone as a whole still
 * carry one, or sit in a column of personal data. */
static void
test_personal_data_in_other_errors (void)
{
  static const char * const extra_secrets[] = {
    "Juan Diaz", "juan.diaz", "example", "8765 4321", "anexo", NULL,
  };
  static const char * const type_secrets[] = {
    "1985/13/45", "nacida", "Talca", "8765", "anexo", "casa", NULL,
  };
  g_autoptr(PubCheckResult) extra = check_fixture ("privacy-extra-cell.csv");
  g_autoptr(PubCheckResult) types = check_fixture ("privacy-type-error.csv");
  CkanValidationError *e;

  g_assert_cmpuint (n_of (extra, "extra-cell"), ==, 3);
  g_assert_cmpint (error_of (extra, "extra-cell", 0)->row_number, ==, 3);
  assert_never_exported (pub_check_result_get_report (extra), extra_secrets);

  /* By name (fecha de nacimiento, telefono) and by content (contacto);
   * a cell of an ordinary column stays readable. */
  g_assert_cmpuint (n_of (types, "type-error"), ==, 4);
  e = error_of (types, "type-error", 2);
  g_assert_cmpstr (e->field_name, ==, "contacto");
  g_assert_nonnull (e->cell);
  g_assert_cmpstr (error_of (types, "type-error", 3)->cell, ==, "diez");
  assert_never_exported (pub_check_result_get_report (types), type_secrets);
}

/* A column that turns out personal only after its first thousand rows:
 * the cells reported before are masked by the end. */
static void
test_personal_column_found_late (void)
{
  static const char * const secrets[] = { "Juan Diaz", "56912345", NULL };
  g_autoptr(GString) data = g_string_new ("codigo,monto\n1,1\nJuan Diaz 5,2\n");
  PubCheckOptions options = { 0 };
  g_autoptr(PubCheckResult) r = NULL;
  CkanValidationReport *report;

  for (guint i = 0; i < 1200; i++)
    g_string_append_printf (data, "%u,%u\n", i + 10, i);
  for (guint i = 0; i < 3; i++)
    g_string_append_printf (data, "+5691234567%u,%u\n", i, i);
  r = pub_check_data (data->str, data->len, "late.csv", &options);
  report = pub_check_result_get_report (r);
  g_assert_cmpuint (n_of (r, "type-error"), >=, 1);
  g_assert_cmpint (error_of (r, "type-error", 0)->row_number, ==, 3);
  g_assert_nonnull (ckan_validation_report_get_errors_of_type (report, "personal-data"));
  assert_never_exported (report, secrets);
}

static void
test_formats (void)
{
  static const struct { const char *name; PubFileFormat format; const char *type; } cases[] = {
    { "records.json", PUB_FORMAT_JSON, NULL },
    { "not-records.json", PUB_FORMAT_JSON, "format-error" },
    { "broken.json", PUB_FORMAT_JSON, "format-error" },
    { "sheet.xlsx", PUB_FORMAT_XLSX, NULL },
    { "sheet.ods", PUB_FORMAT_ODS, NULL },
    { "scan.png", PUB_FORMAT_IMAGE, "format-error" },
    { "report.pdf", PUB_FORMAT_PDF, "format-error" },
    { "binary.bin", PUB_FORMAT_BINARY, "format-error" },
    { "empty.csv", PUB_FORMAT_EMPTY, "source-error" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PubCheckResult) r = check_fixture (cases[i].name);
      CkanValidationReport *report = pub_check_result_get_report (r);

      g_assert_cmpint (pub_check_result_get_format (r), ==, cases[i].format);
      g_assert_null (pub_check_result_get_stats (r));
      if (cases[i].type)
        g_assert_cmpuint (ckan_validation_report_get_n_errors_of_type (report, cases[i].type), ==, 1);
      else
        g_assert_cmpuint (ckan_validation_report_get_n_errors (report), ==, 0);
      g_assert_nonnull (pub_check_result_get_score (r));
    }
}

/* Nothing but a byte order mark, blank lines or spaces: empty, not a
 * header without rows nor a perfect score. */
static void
test_blank_files (void)
{
  static const struct { const char *data; gsize len; } cases[] = {
    { "\xEF\xBB\xBF", 3 }, { "\xFF\xFE", 2 }, { "\xFE\xFF", 2 }, { "\n", 1 }, { "   \n\n", 5 },
    { "\xEF\xBB\xBF \r\n\t", 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PubCheckResult) r = pub_check_data (cases[i].data, cases[i].len, "x.csv", NULL);
      CkanValidationReport *report = pub_check_result_get_report (r);

      g_assert_cmpint (pub_check_result_get_format (r), ==, PUB_FORMAT_EMPTY);
      g_assert_cmpuint (ckan_validation_report_get_n_errors (report), ==, 1);
      g_assert_cmpuint (ckan_validation_report_get_n_errors_of_type (report, "source-error"), ==, 1);
      g_assert_cmpfloat (pub_quality_score_get_overall (pub_check_result_get_score (r)), <=, 3.0);
    }
  /* An empty JSON list is well formed and holds nothing to publish. */
  {
    g_autoptr(PubCheckResult) r = pub_check_data (" [ ]\n", 5, "x.json", NULL);
    PubQualityScore *score = pub_check_result_get_score (r);

    g_assert_cmpint (pub_check_result_get_format (r), ==, PUB_FORMAT_JSON);
    g_assert_cmpuint (ckan_validation_report_get_n_errors_of_type (pub_check_result_get_report (r), "no-data-rows"), ==, 1);
    g_assert_cmpfloat (pub_quality_score_get_criterion (score, PUB_CRITERION_COMPLETENESS), ==, 1.0);
    g_assert_cmpfloat (pub_quality_score_get_overall (score), <=, 3.0);
  }
  /* A single character is data. */
  {
    g_autoptr(PubCheckResult) r = pub_check_data ("\xEF\xBB\xBF" "a\n", 5, "x.csv", NULL);

    g_assert_cmpint (pub_check_result_get_format (r), ==, PUB_FORMAT_CSV);
  }
}

static void
test_broken_input (void)
{
  g_autoptr(PubCheckResult) truncated = check_fixture ("truncated.csv");
  GString *huge = g_string_new ("a,b\n1,2\n");
  g_autoptr(PubCheckResult) r = NULL;
  PubCheckOptions options = { .max_record = 4096 };
  CkanValidationError *e;

  g_assert_true (pub_check_result_get_stats (truncated)->unterminated_quote);
  g_assert_cmpuint (n_of (truncated, "source-error"), ==, 1);

  /* 10 MB without a line end: cut, reported, and the checks go on. */
  for (int i = 0; i < 10 * 1024; i++)
    g_string_append (huge, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
                           "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  g_string_append (huge, ",x\n3,4\n");
  r = pub_check_data (huge->str, huge->len, "huge.csv", &options);
  e = error_of (r, "source-error", 0);
  g_assert_cmpint (e->row_number, ==, 3);
  g_assert_cmpuint (pub_check_result_get_stats (r)->n_too_long_records, ==, 1);
  g_assert_cmpuint (pub_check_result_get_stats (r)->n_rows, ==, 3);
  g_string_free (huge, TRUE);
}

static void
test_error_cap (void)
{
  GString *data = g_string_new ("a,b\n");
  g_autoptr(PubCheckResult) r = NULL;
  PubCheckOptions options = { .error_cap = 10 };

  /* The first thousand rows set the column's type. */
  for (int i = 0; i < 1000; i++)
    g_string_append_printf (data, "%d,1\n", i);
  for (int i = 0; i < 500; i++)
    g_string_append_printf (data, "x%d,1\n", i);
  r = pub_check_data (data->str, data->len, NULL, &options);
  g_assert_cmpuint (n_of (r, "type-error"), ==, 500);
  g_assert_cmpuint (ckan_validation_report_get_errors_of_type (pub_check_result_get_report (r), "type-error")->len, ==, 10);
  g_string_free (data, TRUE);
}

typedef struct {
  PubCheckResult *result;
  GError         *error;
  guint           n_progress;
  double          last_fraction;
  gboolean        done;
  gboolean        destroyed;
  gboolean        destroyed_in_main;
} AsyncState;

static void
progress_destroyed_cb (gpointer user_data)
{
  AsyncState *state = user_data;

  state->destroyed = TRUE;
  state->destroyed_in_main = g_main_context_is_owner (g_main_context_default ());
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_cmpfloat (fraction, >=, state->last_fraction);
  state->last_fraction = fraction;
  state->n_progress++;
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncState *state = user_data;

  state->result = pub_check_file_finish (result, &state->error);
  state->done = TRUE;
}

static char *
write_big_file (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "big.csv", NULL);
  FILE *f = g_fopen (path, "w");

  fputs ("id,region,monto\n", f);
  for (int i = 0; i < 400000; i++)
    fprintf (f, "%d,Region %d,%d.5\n", i, i % 16, i * 3);
  fclose (f);
  return g_steal_pointer (&path);
}

static void
test_async_progress_and_cancel (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pub-check-XXXXXX", NULL);
  g_autofree char *path = write_big_file (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncState state = { 0 };

  pub_check_file_async (file, NULL, progress_cb, &state, progress_destroyed_cb, NULL, checked_cb, &state);
  while (!state.done || !state.destroyed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (state.destroyed_in_main);
  g_assert_no_error (state.error);
  g_assert_cmpuint (pub_check_result_get_stats (state.result)->n_rows, ==, 400000);
  g_assert_cmpuint (state.n_progress, >=, 1);
  g_clear_object (&state.result);

  /* Cancelled before it starts: a cancelled error, no result. */
  memset (&state, 0, sizeof state);
  g_cancellable_cancel (cancellable);
  pub_check_file_async (file, NULL, progress_cb, &state, NULL, cancellable, checked_cb, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (state.result);
  g_clear_error (&state.error);

  g_unlink (path);
  g_rmdir (dir);
}

static void
count_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  guint *n_done = user_data;
  PubCheckResult *check = pub_check_file_finish (result, NULL);

  g_clear_object (&check);
  (*n_done)++;
}

/* Opens the FIFO for writing when a check has opened it for reading;
 * -1 while no check reads it. */
static int
open_if_read (const char *path)
{
  return open (path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
}

/* Opens the write end of every FIFO a check has started reading; returns
 * how many checks read a FIFO now (started, not yet given their data). */
static guint
poll_readers (char  **paths,
              int    *fds,
              guint   n,
              guint  *n_started)
{
  guint reading = 0;

  for (guint i = 0; i < n; i++)
    {
      if (fds[i] == -1 && (fds[i] = open_if_read (paths[i])) >= 0)
        (*n_started)++;
      if (fds[i] >= 0)
        reading++;
    }
  return reading;
}

/* Many files added at once are checked two at a time. Each file is a
 * FIFO: a check that started holds it open for reading, and stays there
 * until the test writes and closes its end. The test lets one check end at
 * a time, and after each end (a real event: its callback ran) waits for the
 * one check that end made room for: never more than two read at once, and
 * every start follows an end. */
static void
test_checks_limited (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pub-check-XXXXXX", NULL);
  char *paths[5];
  int fds[5];
  guint n_started = 0, n_done = 0;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *name = g_strdup_printf ("datos-%u.csv", i);
      g_autoptr(GFile) file = NULL;

      paths[i] = g_build_filename (dir, name, NULL);
      g_assert_cmpint (mkfifo (paths[i], 0600), ==, 0);
      fds[i] = -1;
      file = g_file_new_for_path (paths[i]);
      pub_check_file_async (file, NULL, NULL, NULL, NULL, NULL, count_done_cb, &n_done);
    }

  while (n_done < G_N_ELEMENTS (paths))
    {
      guint reading;
      guint done_before = n_done;

      /* Until the checks the finished ones made room for have started
       * (two at first); polled, as a FIFO's reader gives no event. */
      while ((reading = poll_readers (paths, fds, G_N_ELEMENTS (paths), &n_started)) <
             MIN (2, G_N_ELEMENTS (paths) - n_done))
        {
          g_assert_cmpuint (n_started, <=, n_done + 2);
          g_usleep (1000);
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        }
      g_assert_cmpuint (reading, ==, MIN (2, G_N_ELEMENTS (paths) - n_done));
      g_assert_cmpuint (n_started, ==, n_done + reading);

      /* One ends. */
      for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
        if (fds[i] >= 0)
          {
            g_assert_cmpint (write (fds[i], "a,b\n1,2\n", 8), ==, 8);
            close (fds[i]);
            fds[i] = -2;
            break;
          }
      while (n_done == done_before)
        {
          g_main_context_iteration (NULL, TRUE);
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        }
      /* Nothing else started while it ran. */
      poll_readers (paths, fds, G_N_ELEMENTS (paths), &n_started);
      g_assert_cmpuint (n_started, <=, n_done + 2);
    }
  g_assert_cmpuint (n_started, ==, G_N_ELEMENTS (paths));
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_unlink (paths[i]);
      g_free (paths[i]);
    }
  g_rmdir (dir);
}

static void
cancel_on_progress_cb (double   fraction,
                       gpointer user_data)
{
  g_assert_cmpfloat (fraction, <, 1.0);
  g_cancellable_cancel (user_data);
}

static void
test_cancel_midway (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pub-check-XXXXXX", NULL);
  g_autofree char *path = write_big_file (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PubCheckResult) result = NULL;

  /* The first progress report (after the first megabyte) cancels: the
   * check stops at its next read. */
  result = pub_check_file_sync (file, NULL, cancel_on_progress_cb, cancellable, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (result);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check-file/clean", test_clean);
  g_test_add_func ("/check-file/header", test_header_errors);
  g_test_add_func ("/check-file/header-only", test_header_only);
  g_test_add_func ("/check-file/rut-wrong-digit", test_rut_wrong_digit);
  g_test_add_func ("/check-file/utf16", test_utf16);
  g_test_add_func ("/check-file/rows", test_row_errors);
  g_test_add_func ("/check-file/types", test_type_errors);
  g_test_add_func ("/check-file/dialects-encodings", test_dialects_and_encodings);
  g_test_add_func ("/check-file/personal", test_personal_data);
  g_test_add_func ("/check-file/personal-in-other-errors", test_personal_data_in_other_errors);
  g_test_add_func ("/check-file/personal-column-found-late", test_personal_column_found_late);
  g_test_add_func ("/check-file/formats", test_formats);
  g_test_add_func ("/check-file/blank-files", test_blank_files);
  g_test_add_func ("/check-file/broken", test_broken_input);
  g_test_add_func ("/check-file/error-cap", test_error_cap);
  g_test_add_func ("/check-file/async", test_async_progress_and_cancel);
  g_test_add_func ("/check-file/cancel-midway", test_cancel_midway);
  g_test_add_func ("/check-file/checks-limited", test_checks_limited);

  return g_test_run ();
}
