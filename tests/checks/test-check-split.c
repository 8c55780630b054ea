/* test-check-split.c: one file checked by several threads gives the
 * report one thread gives, finding for finding; progress and cancel work
 * with threads
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "check-same.h"
#include "pub-check-rowset.h"

static char *
dump_data (const char *data,
           gsize       len,
           guint       threads,
           gsize       piece_size,
           gsize       max_record,
           guint       error_cap)
{
  PubCheckOptions options = {
    .max_record = max_record,
    .error_cap = error_cap,
    .threads = threads,
    .piece_size = piece_size,
  };
  g_autoptr(PubCheckResult) result = pub_check_data (data, len, "x.csv", &options);

  return check_result_dump (result);
}

static void
assert_same_split (const char *what,
                   const char *data,
                   gsize       len,
                   gsize       piece_size,
                   gsize       max_record,
                   guint       error_cap)
{
  g_autofree char *one = dump_data (data, len, 1, piece_size, max_record, error_cap);

  for (guint threads = 2; threads <= 4; threads += 2)
    {
      g_autofree char *several = dump_data (data, len, threads, piece_size, max_record, error_cap);

      if (g_strcmp0 (one, several) != 0)
        g_error ("%s, %u threads, pieces of %" G_GSIZE_FORMAT " bytes: the report differs.\n"
                 "One thread:\n%s\nSeveral:\n%s", what, threads, piece_size, one, several);
    }
}

/* Every fixture, cut at every few bytes. */
static void
test_fixtures (void)
{
  g_autofree char *dir_path = g_build_filename (TEST_DATA_DIR, "checks", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      n_files++;
      for (gsize piece = 1; piece <= 48 && piece <= len; piece++)
        assert_same_split (name, contents, len, piece, 0, 0);
      /* Small caps: records cut at the cap, errors counted past it. */
      for (gsize piece = 1; piece <= 24 && piece <= len; piece += 5)
        assert_same_split (name, contents, len, piece, 64, 2);
    }
  g_assert_cmpuint (n_files, >, 30);
}

/* Rows of every kind in random order: quoted cells with line ends and
 * delimiters, escaped and stray quotes, three kinds of line end, broken
 * UTF-8, long records, blank and repeated rows, personal data that shows
 * up late in a column whose type errors were reported before. */
static GString *
tricky_csv (guint32 seed,
            guint   n_rows)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GString *csv = g_string_new ("id,monto,nota,fecha,contacto\n");

  for (guint i = 0; i < n_rows; i++)
    {
      guint k = (guint) g_rand_int_range (rand, 0, 100);
      const char *end = k < 3 ? "\r\n" : k < 5 ? "\r" : "\n";

      switch (g_rand_int_range (rand, 0, 16))
        {
        case 0:
          g_string_append_printf (csv, "%u,%u,\"dos\nlíneas, y \"\"comillas\"\"\",2024-01-%02u,x", i,
                                  g_rand_int_range (rand, 0, 999), 1 + i % 28);
          break;
        case 1:
          g_string_append_printf (csv, "%u,n/a,a\"b,2024-13-01,", i);
          break;
        case 2:
          g_string_append (csv, ",,,,");
          break;
        case 3:
          g_string_append (csv, "7,1,repetida,2024-02-02,z");
          break;
        case 4:
          g_string_append_printf (csv, "%u,5,ma\xF1" "ana \xC3,2024-01-01,y", i);
          break;
        case 5:
          g_string_append_printf (csv, "%u,9,\"", i);
          for (guint j = 0; j < 300; j++)
            g_string_append_c (csv, j % 50 == 49 ? '\n' : 'a');
          g_string_append (csv, "\",2024-01-01,q");
          break;
        case 6:
          g_string_append_printf (csv, "%u,%u,%s,2024-03-03,%s", i, i,
                                  i > n_rows / 2 ? "12.345.678-5" : "nada", i > n_rows / 3 ? "ana@gob.cl" : "-");
          break;
        case 7:
          g_string_append_printf (csv, "%u,3", i);
          break;
        case 8:
          g_string_append_printf (csv, "%u,3,a,2024-01-01,b,extra,\"más\"", i);
          break;
        case 9:
          g_string_append_printf (csv, "%u,4,\"sin cerrar\"x,2024-01-01,22345678-4", i);
          break;
        default:
          g_string_append_printf (csv, "%u,%u,texto %u,2024-01-%02u,%u", i, g_rand_int_range (rand, 0, 99999),
                                  i % 7, 1 + i % 28, g_rand_int_range (rand, 0, 3));
          break;
        }
      g_string_append (csv, end);
    }
  /* Half the time, the file ends inside quotes. */
  if (seed % 2)
    g_string_append (csv, "99,1,\"cortado\n");
  return csv;
}

static void
test_tricky (void)
{
  for (guint32 seed = 1; seed <= 6; seed++)
    {
      g_autoptr(GString) csv = tricky_csv (seed, 3000);
      g_autofree char *what = g_strdup_printf ("tricky, seed %u", seed);

      assert_same_split (what, csv->str, csv->len, 997, 0, 0);
      assert_same_split (what, csv->str, csv->len, 4096, 200, 5);
      assert_same_split (what, csv->str, csv->len, 20000, 0, 3);
    }
}

/* A row whose hash comes out 0 (its one cell chosen to cancel the seed)
 * is a row like any other, not a blank one: its repeat is found whether
 * the file is split or not. */
static void
test_zero_hash (void)
{
  guint64 w = PUB_ROW_HASH_SEED ^ (8 * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));
  char cell[8];
  g_autoptr(GString) csv = g_string_new ("a\n");
  g_autoptr(PubCheckResult) split = NULL;
  PubCheckOptions options = { .threads = 2, .piece_size = 4 };

  for (guint i = 0; i < 8; i++)
    cell[i] = (char) (w >> (8 * i));
  g_assert_cmpuint (pub_row_hash (PUB_ROW_HASH_SEED, cell, 8), ==, 0);
  g_assert_null (memchr (cell, '\n', 8));
  g_assert_null (memchr (cell, '\r', 8));
  g_assert_null (memchr (cell, ',', 8));
  g_assert_null (memchr (cell, '"', 8));
  g_string_append_len (csv, cell, 8);
  g_string_append_c (csv, '\n');
  g_string_append_len (csv, cell, 8);
  g_string_append_c (csv, '\n');

  for (gsize piece = 1; piece <= 12; piece++)
    assert_same_split ("zero hash", csv->str, csv->len, piece, 0, 0);
  split = pub_check_data (csv->str, csv->len, "x.csv", &options);
  g_assert_cmpuint (pub_check_result_get_stats (split)->n_duplicate_rows, ==, 1);
}

/* An anonymised copy: columns named as personal whose values are all
 * pseudonyms or generalised. The pieces' counts must add up for the
 * columns to pass, as they do on one thread. */
static void
test_anonymized (void)
{
  g_autoptr(GString) csv = g_string_new ("id,rut,correo\n");
  g_autoptr(PubCheckResult) split = NULL;
  PubCheckOptions options = { .threads = 2, .piece_size = 1000 };

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (csv, "%u,P-%012x,%s\n", i, i * 2654435761u, i % 3 ? "@gob.cl" : "");
  for (gsize piece = 500; piece <= 20000; piece *= 3)
    assert_same_split ("anonymized", csv->str, csv->len, piece, 0, 0);
  split = pub_check_data (csv->str, csv->len, "x.csv", &options);
  g_assert_cmpuint (ckan_validation_report_get_n_errors (pub_check_result_get_report (split)), ==, 0);
}

/* From a file, each thread with its own stream, as the app reads. */
static void
test_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pub-check-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "grande.csv", NULL);
  g_autoptr(GString) csv = tricky_csv (11, 40000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PubCheckOptions one = { .threads = 1 };
  PubCheckOptions several = { .threads = 3, .piece_size = 64 * 1024 };
  g_autoptr(PubCheckResult) a = NULL;
  g_autoptr(PubCheckResult) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;

  /* With a UTF-8 BOM, so offsets count after it. */
  g_string_prepend (csv, "\xEF\xBB\xBF");
  g_assert_true (g_file_set_contents (path, csv->str, (gssize) csv->len, NULL));
  a = pub_check_file_sync (file, &one, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  b = pub_check_file_sync (file, &several, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  dump_a = check_result_dump (a);
  dump_b = check_result_dump (b);
  g_assert_cmpstr (dump_b, ==, dump_a);
  g_assert_cmpuint (pub_check_result_get_stats (b)->n_rows, >, 40000);

  g_unlink (path);
  g_rmdir (dir);
}

typedef struct {
  guint           n_progress;
  double          last;
  gboolean        monotonic;
  gboolean        done;
  GCancellable   *cancel_on_progress;
  PubCheckResult *result;
  GError         *error;
} State;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  State *state = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  state->monotonic &= fraction >= state->last;
  state->last = fraction;
  state->n_progress++;
  if (state->cancel_on_progress)
    g_cancellable_cancel (state->cancel_on_progress);
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  State *state = user_data;

  state->result = pub_check_file_finish (result, &state->error);
  state->done = TRUE;
}

/* The app's way: async, progress on the main context, cancel midway. */
static void
test_async_threads (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pub-check-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "grande.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("id,valor,texto\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  PubCheckOptions options = { .threads = 2, .piece_size = 256 * 1024 };
  State state = { .monotonic = TRUE };

  for (guint i = 0; i < 600000; i++)
    g_string_append_printf (csv, "%u,%u,fila %u\n", i, i * 7, i % 13);
  g_assert_true (g_file_set_contents (path, csv->str, (gssize) csv->len, NULL));

  pub_check_file_async (file, &options, progress_cb, &state, NULL, NULL, checked_cb, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (state.error);
  g_assert_cmpuint (pub_check_result_get_stats (state.result)->n_rows, ==, 600000);
  g_assert_cmpuint (pub_check_result_get_stats (state.result)->n_duplicate_rows, ==, 0);
  g_assert_cmpuint (state.n_progress, >=, 1);
  g_assert_true (state.monotonic);
  g_assert_cmpfloat (state.last, <=, 1.0);
  g_clear_object (&state.result);

  /* Cancelled at the first progress report: every thread stops, a
   * cancelled error. */
  memset (&state, 0, sizeof state);
  state.monotonic = TRUE;
  state.cancel_on_progress = cancellable;
  options.piece_size = 64 * 1024;
  pub_check_file_async (file, &options, progress_cb, &state, NULL, cancellable, checked_cb, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (state.result);
  g_clear_error (&state.error);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check-split/fixtures", test_fixtures);
  g_test_add_func ("/check-split/tricky", test_tricky);
  g_test_add_func ("/check-split/file", test_file);
  g_test_add_func ("/check-split/zero-hash", test_zero_hash);
  g_test_add_func ("/check-split/anonymized", test_anonymized);
  g_test_add_func ("/check-split/async", test_async_threads);

  return g_test_run ();
}
