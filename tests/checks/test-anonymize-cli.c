/* test-anonymize-cli.c: publicador-anonymize as a monthly script runs it
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cli-test-utils.h"
#include "pub-pseudonym.h"
#include "pub-pseudonym-secret.h"


static char *workdir;

static void
run_tool (Run         *run,
          const char  *locale,
          const char **args)
{
  run_program (run, PUBLICADOR_ANONYMIZE, locale, args);
}

static char *
in_workdir (const char *name)
{
  return g_build_filename (workdir, name, NULL);
}

static char *
personal_csv (void)
{
  g_autofree char *src = g_build_filename (TEST_DATA_DIR, "checks", "personal.csv", NULL);
  g_autofree char *contents = NULL;
  char *path = in_workdir ("personal.csv");

  g_assert_true (g_file_get_contents (src, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_key_file (void)
{
  static const guint8 raw[PUB_PSEUDONYM_KEY_LENGTH] = { 1, 2, 3, 4, 5 };
  g_autoptr(GBytes) key = g_bytes_new_static (raw, sizeof raw);
  g_autofree char *exported = pub_pseudonym_secret_export ("muni-a", key);
  g_autofree char *key_path = in_workdir ("clave.key");
  g_autofree char *csv = personal_csv ();
  g_autofree char *out = in_workdir ("salida.csv");
  g_autofree char *out2 = in_workdir ("salida-2.csv");
  g_autofree char *expected = pub_pseudonym_make (key, "12.345.678-5", strlen ("12.345.678-5"));
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };

  g_assert_true (g_file_set_contents (key_path, exported, -1, NULL));
  run_tool (&run, "C.UTF-8", (const char *[]) {
    "-c", "rut=pseudonym", "-c", "nombre=drop", "--column", "correo=generalize",
    "--key-file", key_path, "-o", out, csv, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, out));
  text = read_text (out);
  g_assert_true (g_str_has_prefix (text, "rut,correo,telefono,monto\n"));
  g_assert_nonnull (strstr (text, expected));
  g_assert_nonnull (strstr (text, ",@example.cl,"));
  g_assert_null (strstr (text, "Juan"));
  g_assert_null (strstr (text, "12.345.678-5"));

  /* Run again: the first copy is never replaced. */
  run_tool (&again, "C.UTF-8", (const char *[]) {
    "-c", "nombre=drop", "-o", out, csv, NULL });
  g_assert_cmpint (again.status, ==, 0);
  g_assert_true (g_file_test (out2, G_FILE_TEST_EXISTS));
  g_remove (out);
  g_remove (out2);
  g_remove (key_path);
  g_remove (csv);
}

static void
test_passphrase_file (void)
{
  g_autofree char *pass_path = in_workdir ("frase.txt");
  g_autofree char *csv = personal_csv ();
  g_autofree char *out = in_workdir ("personal-anonimizado.csv");
  g_autofree char *salt = pub_pseudonym_passphrase_salt ("muni-b");
  g_autoptr(GBytes) key = pub_pseudonym_key_derive ("una frase larga", salt, PUB_PSEUDONYM_PASSPHRASE_ROUNDS);
  g_autofree char *expected = pub_pseudonym_make (key, "11111111-1", 10);
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) no_org = { 0 };

  g_assert_true (g_file_set_contents (pass_path, "una frase larga\n", -1, NULL));
  run_tool (&no_org, "C.UTF-8", (const char *[]) {
    "-c", "rut=pseudonym", "--passphrase-file", pass_path, csv, NULL });
  g_assert_cmpint (no_org.status, ==, 1);
  g_assert_nonnull (strstr (no_org.err, "--organization"));

  run_tool (&run, "C.UTF-8", (const char *[]) {
    "-c", "rut=pseudonym", "--comma", "--passphrase-file", pass_path, "--organization", "muni-b", csv, NULL });
  g_assert_cmpint (run.status, ==, 0);
  /* Without -o the copy goes beside the original. */
  text = read_text (out);
  g_assert_nonnull (strstr (text, expected));
  g_remove (out);
  g_remove (pass_path);
  g_remove (csv);
}

static void
test_exit_codes (void)
{
  g_autofree char *csv = personal_csv ();
  g_autofree char *missing = in_workdir ("no-existe.csv");
  g_auto(Run) no_columns = { 0 };
  g_auto(Run) bad_action = { 0 };
  g_auto(Run) no_key = { 0 };
  g_auto(Run) no_column = { 0 };
  g_auto(Run) spanish = { 0 };
  g_auto(Run) unreadable = { 0 };
  g_auto(Run) help = { 0 };

  run_tool (&no_columns, "C.UTF-8", (const char *[]) { csv, NULL });
  g_assert_cmpint (no_columns.status, ==, 1);
  run_tool (&bad_action, "C.UTF-8", (const char *[]) { "-c", "rut=hash", csv, NULL });
  g_assert_cmpint (bad_action.status, ==, 1);
  g_assert_nonnull (strstr (bad_action.err, "rut=hash"));
  run_tool (&no_key, "C.UTF-8", (const char *[]) { "-c", "rut=pseudonym", csv, NULL });
  g_assert_cmpint (no_key.status, ==, 1);
  g_assert_nonnull (strstr (no_key.err, "--key-file"));
  run_tool (&no_column, "C.UTF-8", (const char *[]) { "-c", "pasaporte=drop", csv, NULL });
  g_assert_cmpint (no_column.status, ==, 1);
  g_assert_nonnull (strstr (no_column.err, "pasaporte"));
  run_tool (&spanish, "es_CL.UTF-8", (const char *[]) { "-c", "pasaporte=drop", csv, NULL });
  g_assert_cmpint (spanish.status, ==, 1);
  g_assert_nonnull (strstr (spanish.err, "no tiene una columna «pasaporte»"));
  run_tool (&unreadable, "C.UTF-8", (const char *[]) { "-c", "rut=drop", missing, NULL });
  g_assert_cmpint (unreadable.status, ==, 2);
  run_tool (&help, "C.UTF-8", (const char *[]) { "--help", NULL });
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "COLUMN=ACTION"));
  /* Nothing was written by any of the refused runs. */
  {
    g_autoptr(GDir) dir = g_dir_open (workdir, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (dir) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }
  g_remove (csv);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  workdir = g_dir_make_tmp ("anonymize-cli-XXXXXX", NULL);

  g_test_add_func ("/anonymize-cli/key-file", test_key_file);
  g_test_add_func ("/anonymize-cli/passphrase-file", test_passphrase_file);
  g_test_add_func ("/anonymize-cli/exit-codes", test_exit_codes);

  ret = g_test_run ();
  g_rmdir (workdir);
  g_free (workdir);
  return ret;
}
