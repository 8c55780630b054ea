/* test-check-cli.c: publicador-check as a script runs it: its output on
 * the fixtures, in English and in Spanish, --json read back, exit codes
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "cli-test-utils.h"
#include "pub-check.h"


static char *
fixture (const char *name)
{
  return g_build_filename (TEST_DATA_DIR, "checks", name, NULL);
}

static void
run_tool (Run         *run,
          const char  *locale,
          const char **args)
{
  run_program (run, PUBLICADOR_CHECK, locale, args);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (!strstr (haystack, needle))
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static void
test_text (void)
{
  g_autofree char *clean = fixture ("clean.csv");
  g_autofree char *types = fixture ("type-error.csv");
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };

  run_tool (&a, "C.UTF-8", (const char *[]) { clean, NULL });
  g_assert_cmpint (a.status, ==, 0);
  assert_contains (a.out, clean);
  assert_contains (a.out, "CSV · 3 rows · 5 columns · UTF-8 · separator «,»");
  assert_contains (a.out, "Quality: 10.0 of 10 (Structure 10.0 · Completeness 10.0");
  assert_contains (a.out, "No errors.");
  g_assert_cmpstr (a.err, ==, "");

  /* The same findings and score as the checks give in the app. */
  run_tool (&b, "C.UTF-8", (const char *[]) { types, NULL });
  g_assert_cmpint (b.status, ==, 1);
  assert_contains (b.out, "Quality: 6.0 of 10");
  assert_contains (b.out, "−2.0 Coherence: The column 'monto' has 1 value that does not fit its type (whole number)");
  assert_contains (b.out, "3 errors:");
  assert_contains (b.out, "type-error, row 21, column 2 «monto»: The value does not fit the column's type (whole number) — «veinte»");
}

/* What a file holds is shown, never obeyed: a cell with line ends stays
 * on its error's line; formats are named for people. */
static void
test_text_escaped (void)
{
  g_autofree char *truncated = fixture ("truncated.csv");
  g_autofree char *sheet = fixture ("sheet.xlsx");
  g_autofree char *dir = g_dir_make_tmp ("pub-check-cli-XXXXXX", NULL);
  g_autofree char *escape = g_build_filename (dir, "escape.csv", NULL);
  g_auto(Run) a = { 0 };

  /* An extra cell is shown (masked but for its control characters). */
  g_assert_true (g_file_set_contents (escape, "a,b\n1,2\n3,4,\"\x1B[2Jx\t\ry\"\n", -1, NULL));
  run_tool (&a, "C.UTF-8", (const char *[]) { truncated, sheet, escape, NULL });
  g_assert_cmpint (a.status, ==, 1);
  assert_contains (a.out, "type-error, row 3, column 2 «b»: The value does not fit the column's type (whole number)"
                   " — «cinco\\n6,7,8\\n»\n");
  assert_contains (a.out, "extra-cell, row 3, column 3: The row has more values than the header has columns — «\\x1B");
  g_assert_null (strchr (a.out, '\x1B'));
  g_assert_null (strchr (a.out, '\r'));
  assert_contains (a.out, "Format: Excel spreadsheet (.xlsx)\n");
  g_unlink (escape);
  g_rmdir (dir);
}

static void
test_spanish (void)
{
  g_autofree char *clean = fixture ("clean.csv");
  g_autofree char *wrong = fixture ("rut-wrong-digit.csv");
  g_autofree char *tab = fixture ("excel-unicode.txt");
  g_auto(Run) a = { 0 };
  g_auto(Run) help = { 0 };

  if (!setlocale (LC_ALL, "es_CL.UTF-8"))
    {
      g_printerr ("The es_CL.UTF-8 locale is missing: run build-aux/install-deps.sh --tests\n");
      g_test_fail ();
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");

  run_tool (&a, "es_CL.UTF-8", (const char *[]) { clean, wrong, tab, NULL });
  g_assert_cmpint (a.status, ==, 1);
  assert_contains (a.out, "CSV · 3 filas · 5 columnas · UTF-8 · separador «,»");
  assert_contains (a.out, "Calidad: 10,0 de 10 (Estructura 10,0");
  assert_contains (a.out, "Sin errores.");
  assert_contains (a.out, "3 valores parecen un RUT con dígito verificador incorrecto");
  assert_contains (a.out, "Privacidad: La columna 'codigo' tiene 3 valores que parecen RUT");
  /* Longer in Spanish than in English: once cut to "tabulad". */
  assert_contains (a.out, "CSV · 10 filas · 4 columnas · UTF-16LE · separador tabulador\n");
  {
    g_autofree char *sheet = fixture ("sheet.xlsx");
    g_auto(Run) b = { 0 };

    run_tool (&b, "es_CL.UTF-8", (const char *[]) { sheet, NULL });
    assert_contains (b.out, "Formato: hoja de cálculo Excel (.xlsx)\n");
  }

  run_tool (&help, "es_CL.UTF-8", (const char *[]) { "--help", NULL });
  g_assert_cmpint (help.status, ==, 0);
  assert_contains (help.out, "publicador-check [OPCIÓN…] ARCHIVO…");
  assert_contains (help.out, "--json");
  assert_contains (help.out, "Estado de salida: 0");
}

/* --json reads back: the score and the report are the app's own. */
static void
test_json (void)
{
  static const char *names[] = { "clean.csv", "personal.csv", "latin1.csv", "excel-unicode.txt",
                                 "duplicate-row.csv", "records.json", "report.pdf" };
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  JsonObject *root;
  JsonArray *files;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (args, fixture (names[i]));
  g_ptr_array_add (args, NULL);
  g_ptr_array_insert (args, 0, g_strdup ("--json"));
  run_tool (&run, "C.UTF-8", (const char **) args->pdata);
  g_assert_cmpint (run.status, ==, 1);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_false (json_object_get_boolean_member (root, "valid"));
  files = json_object_get_array_member (root, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, G_N_ELEMENTS (names));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonObject *entry = json_array_get_object_element (files, i);
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (args, i + 1));
      g_autoptr(PubCheckResult) result = pub_check_file_sync (file, NULL, NULL, NULL, NULL, NULL);
      g_autoptr(CkanValidationReport) back = NULL;
      CkanValidationReport *report = pub_check_result_get_report (result);
      PubQualityScore *score = pub_check_result_get_score (result);
      JsonObject *json_score = json_object_get_object_member (entry, "score");
      JsonArray *findings = json_object_get_array_member (json_score, "findings");
      g_autofree char *ours = NULL;
      g_autofree char *theirs = NULL;

      g_assert_cmpstr (json_object_get_string_member (entry, "file"), ==, g_ptr_array_index (args, i + 1));
      g_assert_cmpstr (json_object_get_string_member (entry, "format"), ==,
                       pub_file_format_to_string (pub_check_result_get_format (result)));
      g_assert_cmpfloat (json_object_get_double_member (json_score, "overall"), ==,
                         pub_quality_score_get_overall (score));
      g_assert_cmpuint (json_array_get_length (findings), ==, pub_quality_score_get_findings (score)->len);
      for (guint f = 0; f < json_array_get_length (findings); f++)
        {
          PubQualityFinding *finding = g_ptr_array_index (pub_quality_score_get_findings (score), f);
          JsonObject *o = json_array_get_object_element (findings, f);

          g_assert_cmpstr (json_object_get_string_member (o, "finding"), ==, finding->finding);
          g_assert_cmpstr (json_object_get_string_member (o, "recommendation"), ==, finding->recommendation);
          g_assert_cmpfloat (json_object_get_double_member (o, "points"), ==, finding->points);
        }

      back = ckan_validation_report_new_from_json (json_object_get_member (entry, "report"), &error);
      g_assert_no_error (error);
      ours = ckan_validation_report_to_json (report);
      theirs = ckan_validation_report_to_json (back);
      g_assert_cmpstr (theirs, ==, ours);
      g_assert_cmpint (json_object_get_boolean_member (entry, "valid"), ==,
                       ckan_validation_report_get_valid (report));
    }
}

static void
test_exit_codes (void)
{
  g_autofree char *clean = fixture ("clean.csv");
  g_autofree char *tab = fixture ("tab.tsv");
  g_autofree char *types = fixture ("type-error.csv");
  g_autofree char *missing = fixture ("no-such-file.csv");
  g_autofree char *dir = fixture ("");
  g_auto(Run) ok = { 0 };
  g_auto(Run) errors = { 0 };
  g_auto(Run) unreadable = { 0 };
  g_auto(Run) directory = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) bad_option = { 0 };

  run_tool (&ok, "C.UTF-8", (const char *[]) { clean, tab, NULL });
  g_assert_cmpint (ok.status, ==, 0);
  run_tool (&errors, "C.UTF-8", (const char *[]) { clean, types, NULL });
  g_assert_cmpint (errors.status, ==, 1);
  /* One unreadable file among others: 2, said on stderr, the others
   * still checked. */
  run_tool (&unreadable, "C.UTF-8", (const char *[]) { types, missing, clean, NULL });
  g_assert_cmpint (unreadable.status, ==, 2);
  assert_contains (unreadable.err, "no-such-file.csv");
  assert_contains (unreadable.out, "No errors.");
  run_tool (&directory, "C.UTF-8", (const char *[]) { dir, NULL });
  g_assert_cmpint (directory.status, ==, 2);
  run_tool (&json, "C.UTF-8", (const char *[]) { "--json", missing, NULL });
  g_assert_cmpint (json.status, ==, 2);
  assert_contains (json.out, "\"error\"");
  run_tool (&none, "C.UTF-8", (const char *[]) { NULL });
  g_assert_cmpint (none.status, ==, 2);
  run_tool (&bad_option, "C.UTF-8", (const char *[]) { "--no-such-option", clean, NULL });
  g_assert_cmpint (bad_option.status, ==, 2);

  /* Threads: from 1 to 256; asking for more is refused, not a crash. */
  {
    static const char *refused[] = { "--threads=0", "--threads=-3", "--threads=100000" };
    g_auto(Run) two = { 0 };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_auto(Run) r = { 0 };

        run_tool (&r, "C.UTF-8", (const char *[]) { refused[i], clean, NULL });
        g_assert_cmpint (r.status, ==, 2);
        assert_contains (r.err, "--threads needs a number from 1 to 256");
        g_assert_cmpstr (r.out, ==, "");
      }
    run_tool (&two, "C.UTF-8", (const char *[]) { "--threads=256", clean, NULL });
    g_assert_cmpint (two.status, ==, 0);
  }
}

/* A report that could not be written (a full disk) is not a clean check. */
static void
test_output_lost (void)
{
  g_autofree char *clean = fixture ("clean.csv");
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_set_stdout_file_path (launcher, "/dev/full");
  process = g_subprocess_launcher_spawn (launcher, &error, PUBLICADOR_CHECK, "--json", clean, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 2);
  assert_contains (err, "The report could not be written");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check-cli/text", test_text);
  g_test_add_func ("/check-cli/text-escaped", test_text_escaped);
  g_test_add_func ("/check-cli/spanish", test_spanish);
  g_test_add_func ("/check-cli/json", test_json);
  g_test_add_func ("/check-cli/exit-codes", test_exit_codes);
  g_test_add_func ("/check-cli/output-lost", test_output_lost);

  return g_test_run ();
}
