/* test-anonymize.c: pseudonyms, generalised values, and the anonymised copy
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "pub-anonymize.h"
#include "pub-check.h"
#include "pub-check-rowset.h"
#include "pub-pseudonym.h"

static GBytes *
key_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static char *
pseudonym (GBytes     *key,
           const char *value)
{
  return pub_pseudonym_make (key, value, strlen (value));
}

static void
test_rut_spellings_are_one_person (void)
{
  g_autoptr(GBytes) key = key_of ("secreto de la organización A");
  const char *spellings[] = { "12.345.678-5", "12345678-5", "123456785", " 12.345.678-5 ", "012345678-5" };
  g_autofree char *first = pseudonym (key, spellings[0]);

  g_assert_true (g_str_has_prefix (first, "P-"));
  g_assert_cmpuint (strlen (first), ==, 14);
  for (guint i = 1; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autofree char *other = pseudonym (key, spellings[i]);

      g_assert_cmpstr (other, ==, first);
    }
  {
    g_autofree char *k_upper = pseudonym (key, "7.654.321-K");
    g_autofree char *k_lower = pseudonym (key, "7654321-k");
    g_autofree char *someone_else = pseudonym (key, "11.111.111-1");

    g_assert_cmpstr (k_upper, ==, k_lower);
    g_assert_cmpstr (someone_else, !=, first);
  }
}

static void
test_other_spellings (void)
{
  g_autoptr(GBytes) key = key_of ("k");
  static const char *same[][2] = {
    { "Juan.Perez@Example.CL", "juan.perez@example.cl" },
    { "+56 9 8765 4321", "987654321" },
    { "+56912345678", "9 1234 5678" },
    { "  Juan   PÉREZ ", "juan pérez" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *a = pseudonym (key, same[i][0]);
      g_autofree char *b = pseudonym (key, same[i][1]);

      g_assert_cmpstr (a, ==, b);
    }
  {
    g_autofree char *empty = pseudonym (key, "   ");

    g_assert_cmpstr (empty, ==, "");
  }
}

static void
test_keys_differ_between_organizations (void)
{
  g_autoptr(GBytes) a = key_of ("organización A");
  g_autoptr(GBytes) b = key_of ("organización B");
  g_autofree char *in_a = pseudonym (a, "12.345.678-5");
  g_autofree char *in_b = pseudonym (b, "12.345.678-5");
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) "organización A",
                                      strlen ("organización A"));
  g_autofree char *expected = NULL;

  g_assert_cmpstr (in_a, !=, in_b);
  /* Keyed: the pseudonym is HMAC-SHA-256 of the normalised RUT, not a plain
   * hash anyone could compute for every RUT. */
  g_hmac_update (hmac, (const guchar *) "123456785", -1);
  expected = g_strdup_printf ("P-%.12s", g_hmac_get_string (hmac));
  g_assert_cmpstr (in_a, ==, expected);
}

/* The pseudonymizer remembers repeated cells; whatever it remembers, each
 * answer must be the one a fresh computation gives. The values differ
 * only in length, after a NUL byte, or in case, where a remembered
 * answer could be handed to the wrong cell. Two pairs share the 32-bit
 * hash the memory files cells by (the low half of pub_row_hash, found by
 * searching), so only its comparison tells them apart: PREFIX and
 * PREFIX_LONGER (one starts the other), and "n\0shagaaaa" and
 * "n\0voinaaaa" (the same up to a NUL byte). */
#define PREFIX "ievwnuqrphhlgrityddk"
#define PREFIX_LONGER PREFIX "biwyeauxrevjauhzxe"
static void
test_repeats_remembered (void)
{
  g_autoptr(GBytes) key = key_of ("organización A");
  g_autoptr(PubPseudonymizer) column = pub_pseudonymizer_new (key);
  static const struct { const char *data; gsize len; } values[] = {
    { "ana", 3 }, { "anab", 4 }, { "an", 2 }, { "a\0na", 4 }, { "a\0nb", 4 },
    { "Ana", 3 }, { "", 0 }, { "ana ", 4 },
    { PREFIX, sizeof PREFIX - 1 }, { PREFIX_LONGER, sizeof PREFIX_LONGER - 1 },
    { "n\0shagaaaa", 10 }, { "n\0voinaaaa", 10 },
  };
  g_autofree char *nul_a = pub_pseudonym_make (key, "a\0na", 4);
  g_autofree char *nul_b = pub_pseudonym_make (key, "a\0nb", 4);
  g_autofree char *short_one = pub_pseudonym_make (key, "an", 2);
  g_autofree char *long_one = pub_pseudonym_make (key, "anab", 4);
  g_autofree char *same_hash_short = pub_pseudonym_make (key, PREFIX, strlen (PREFIX));
  g_autofree char *same_hash_long = pub_pseudonym_make (key, PREFIX_LONGER, strlen (PREFIX_LONGER));
  g_autofree char *same_hash_a = pub_pseudonym_make (key, "n\0shagaaaa", 10);
  g_autofree char *same_hash_b = pub_pseudonym_make (key, "n\0voinaaaa", 10);

  /* The pairs still share the memory's hash; if the hash changes, new
   * pairs must be found, or this test no longer tests the comparison. */
  g_assert_cmpuint ((guint) pub_row_hash (0, PREFIX, strlen (PREFIX)), ==,
                    (guint) pub_row_hash (0, PREFIX_LONGER, strlen (PREFIX_LONGER)));
  g_assert_cmpuint ((guint) pub_row_hash (0, "n\0shagaaaa", 10), ==, (guint) pub_row_hash (0, "n\0voinaaaa", 10));

  /* Otherwise a memory that mixes them up could not be told apart. */
  g_assert_cmpstr (nul_a, !=, nul_b);
  g_assert_cmpstr (short_one, !=, long_one);
  g_assert_cmpstr (same_hash_short, !=, same_hash_long);
  g_assert_cmpstr (same_hash_a, !=, same_hash_b);

  /* Repeats first, so the memory is on; then a long run of values seen
   * once, which turns it off; then repeats again, with it off. */
  for (guint round = 0; round < 3; round++)
    for (guint n = 0; n < 6000; n++)
      {
        g_autofree char *unique = NULL;
        const char *data;
        gsize len;
        g_autofree char *expected = NULL;

        if (round == 1)
          {
            unique = g_strdup_printf ("persona %u", n);
            data = unique;
            len = strlen (unique);
          }
        else
          {
            data = values[n % G_N_ELEMENTS (values)].data;
            len = values[n % G_N_ELEMENTS (values)].len;
          }
        expected = pub_pseudonym_make (key, data, len);
        g_assert_cmpstr (pub_pseudonymizer_apply (column, data, len), ==, expected);
      }
}

static void
test_generalize (void)
{
  static const char *cases[][2] = {
    { "juan.perez@Example.CL", "@example.cl" },
    { "+56 9 8765 4321", "+56 9" },
    { "(2) 2345 6789", "+56 2" },
    { "+56 32 234 5678", "+56 32" },
    { "Juan Pérez", "J. P." },
    { "ánGELA  maría soto", "Á. M. S." },
    { "12.345.678-5", "" },
    { "12.345.678-9", "" },
    { "123", "" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *general = pub_pseudonym_generalize (cases[i][0], strlen (cases[i][0]));

      g_assert_cmpstr (general, ==, cases[i][1]);
    }
}

/* A fresh folder with a copy of a fixture in it. */
static GFile *
fixture_copy (const char *fixture,
              char      **dir_out)
{
  g_autofree char *dir = g_dir_make_tmp ("anonymize-XXXXXX", NULL);
  g_autofree char *src = g_build_filename (TEST_DATA_DIR, "checks", fixture, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (dir, fixture, NULL);
  gsize len;

  g_assert_true (g_file_get_contents (src, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  *dir_out = g_steal_pointer (&dir);
  return g_file_new_for_path (path);
}

static GFile *
write_in (const char *dir,
          const char *name,
          const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static char *
contents_of (GFile *file)
{
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  return contents;
}

static PubAnonymizePlan *
personal_plan (GBytes *key)
{
  PubAnonymizePlan *plan = pub_anonymize_plan_new ();

  pub_anonymize_plan_set_key (plan, key);
  pub_anonymize_plan_set_action (plan, "nombre", PUB_ANONYMIZE_DROP);
  pub_anonymize_plan_set_action (plan, "rut", PUB_ANONYMIZE_PSEUDONYMIZE);
  pub_anonymize_plan_set_action (plan, "correo", PUB_ANONYMIZE_GENERALIZE);
  pub_anonymize_plan_set_action (plan, "telefono", PUB_ANONYMIZE_GENERALIZE);
  return plan;
}

static void
test_copy_round_trip (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) source = fixture_copy ("personal.csv", &dir);
  g_autoptr(GBytes) key = key_of ("organización A");
  g_autoptr(PubAnonymizePlan) plan = personal_plan (key);
  g_autofree char *original = contents_of (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = pub_anonymize_file_sync (source, NULL, plan, NULL, NULL, NULL, &error);
  g_autofree char *copy_name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *after = contents_of (source);
  g_autofree char *p1 = NULL;
  g_auto(GStrv) lines = NULL;
  static const char *never[] = {
    "Juan", "Pérez", "Ana", "Soto", "Luis", "Rojas", "12.345.678", "12345678",
    "11.111.111", "7.654.321", "juan.perez", "ana@", "luis@", "8765", "4321", "987654321", "12345678",
  };

  g_assert_no_error (error);
  copy_name = g_file_get_basename (copy);
  g_assert_cmpstr (copy_name, ==, "personal-anonimizado.csv");
  g_assert_cmpstr (after, ==, original);
  text = contents_of (copy);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "rut,correo,telefono,monto");
  p1 = pseudonym (key, "12345678-5");
  g_assert_true (g_str_has_prefix (lines[1], p1));
  g_assert_true (g_str_has_suffix (lines[1], ",@example.cl,+56 9,100"));
  g_assert_true (g_str_has_suffix (lines[3], ",@correo.cl,+56 9,300"));
  g_assert_cmpstr (lines[4], ==, "");
  g_assert_null (lines[5]);
  /* No original value of a flagged column survives anywhere in the copy. */
  for (guint i = 0; i < G_N_ELEMENTS (never); i++)
    g_assert_null (strstr (text, never[i]));
  remove_dir (dir);
}

static guint64
personal_errors (GFile *file)
{
  g_autoptr(PubCheckResult) result = pub_check_file_sync (file, NULL, NULL, NULL, NULL, NULL);

  g_assert_nonnull (result);
  return ckan_validation_report_get_n_errors_of_type (pub_check_result_get_report (result), "personal-data");
}

/* The copy, checked again, has nothing left to flag, not even by its
 * column names; a column only partly anonymised stays flagged. */
static void
test_copy_checks_clean (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) source = fixture_copy ("personal.csv", &dir);
  g_autoptr(GBytes) key = key_of ("organización A");
  g_autoptr(PubAnonymizePlan) plan = pub_anonymize_plan_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GFile) half = write_in (dir, "mitad.csv",
                                    "rut,nombre\nP-0123456789ab,J. P.\n11.111.111-1,Ana Soto\n");
  g_autoptr(GFile) names = write_in (dir, "nombres.csv", "nombre,monto\nJ. P.,1\nAna Soto,2\n");

  g_assert_cmpuint (personal_errors (source), >, 0);
  pub_anonymize_plan_set_key (plan, key);
  pub_anonymize_plan_set_action (plan, "nombre", PUB_ANONYMIZE_GENERALIZE);
  pub_anonymize_plan_set_action (plan, "rut", PUB_ANONYMIZE_PSEUDONYMIZE);
  pub_anonymize_plan_set_action (plan, "correo", PUB_ANONYMIZE_GENERALIZE);
  pub_anonymize_plan_set_action (plan, "telefono", PUB_ANONYMIZE_GENERALIZE);
  copy = pub_anonymize_file_sync (source, NULL, plan, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (personal_errors (copy), ==, 0);
  g_assert_cmpuint (personal_errors (half), ==, 2);
  g_assert_cmpuint (personal_errors (names), ==, 1);
  remove_dir (dir);
}

static void
test_stable_across_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("anonymize-XXXXXX", NULL);
  g_autoptr(GFile) january = write_in (dir, "enero.csv", "rut;monto\n12.345.678-5;1\n11.111.111-1;2\n");
  g_autoptr(GFile) february = write_in (dir, "febrero.csv", "RUT del titular,monto\n\"123456785\",3\n");
  g_autoptr(GBytes) key = key_of ("organización A");
  g_autoptr(GBytes) other_key = key_of ("organización B");
  g_autoptr(PubAnonymizePlan) plan = pub_anonymize_plan_new ();
  g_autoptr(PubAnonymizePlan) plan2 = pub_anonymize_plan_new ();
  g_autoptr(PubAnonymizePlan) plan_b = pub_anonymize_plan_new ();
  g_autoptr(GFile) jan_copy = NULL, feb_copy = NULL, jan_b = NULL;
  g_autofree char *jan_text = NULL, *feb_text = NULL, *b_text = NULL;
  g_autofree char *expected = pseudonym (key, "12.345.678-5");
  g_autoptr(GError) error = NULL;

  pub_anonymize_plan_set_key (plan, key);
  pub_anonymize_plan_set_action (plan, "rut", PUB_ANONYMIZE_PSEUDONYMIZE);
  pub_anonymize_plan_set_key (plan2, key);
  pub_anonymize_plan_set_action (plan2, "RUT del titular", PUB_ANONYMIZE_PSEUDONYMIZE);
  pub_anonymize_plan_set_key (plan_b, other_key);
  pub_anonymize_plan_set_action (plan_b, "rut", PUB_ANONYMIZE_PSEUDONYMIZE);

  jan_copy = pub_anonymize_file_sync (january, NULL, plan, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  feb_copy = pub_anonymize_file_sync (february, NULL, plan2, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* The same name is taken now: the second copy of January goes beside it. */
  jan_b = pub_anonymize_file_sync (january, NULL, plan_b, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (g_file_peek_path (jan_b), "enero-anonimizado-2.csv"));

  jan_text = contents_of (jan_copy);
  feb_text = contents_of (feb_copy);
  b_text = contents_of (jan_b);
  /* The original's delimiter is kept. */
  g_assert_true (g_str_has_prefix (jan_text, "rut;monto\n"));
  g_assert_nonnull (strstr (jan_text, expected));
  g_assert_nonnull (strstr (feb_text, expected));
  g_assert_null (strstr (b_text, expected));
  remove_dir (dir);
}

static void
test_encoding_delimiter_and_quotes (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) source = fixture_copy ("latin1.csv", &dir);
  g_autoptr(PubAnonymizePlan) plan = pub_anonymize_plan_new ();
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GFile) quoted = write_in (dir, "q.csv", "nombre;nota\nAna;\"dijo \"\"hola\"\", chao\"\n");
  g_autoptr(GFile) quoted_copy = NULL;
  g_autofree char *text = NULL, *quoted_text = NULL;
  g_autoptr(GError) error = NULL;

  pub_anonymize_plan_set_action (plan, "población", PUB_ANONYMIZE_DROP);
  pub_anonymize_plan_set_delimiter (plan, ',');
  copy = pub_anonymize_file_sync (source, NULL, plan, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  text = contents_of (copy);
  /* Windows-1252 in, UTF-8 out, with the person's choice of comma. */
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, "comuna,activo\nÑuñoa,sí\nPeñalolén,no\n"));

  g_clear_pointer (&plan, pub_anonymize_plan_unref);
  plan = pub_anonymize_plan_new ();
  pub_anonymize_plan_set_action (plan, "nombre", PUB_ANONYMIZE_GENERALIZE);
  pub_anonymize_plan_set_delimiter (plan, ',');
  quoted_copy = pub_anonymize_file_sync (quoted, NULL, plan, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  quoted_text = contents_of (quoted_copy);
  g_assert_cmpstr (quoted_text, ==, "nombre,nota\nA.,\"dijo \"\"hola\"\", chao\"\n");
  remove_dir (dir);
}

static void
test_bad_plans_write_nothing (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) source = fixture_copy ("personal.csv", &dir);
  g_autoptr(PubAnonymizePlan) no_key = pub_anonymize_plan_new ();
  g_autoptr(PubAnonymizePlan) no_column = pub_anonymize_plan_new ();
  g_autoptr(GFile) empty = write_in (dir, "vacio.csv", "");
  g_autoptr(GError) error = NULL;
  GFile *copy;

  pub_anonymize_plan_set_action (no_key, "rut", PUB_ANONYMIZE_PSEUDONYMIZE);
  copy = pub_anonymize_file_sync (source, NULL, no_key, NULL, NULL, NULL, &error);
  g_assert_null (copy);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  pub_anonymize_plan_set_action (no_column, "pasaporte", PUB_ANONYMIZE_DROP);
  copy = pub_anonymize_file_sync (source, NULL, no_column, NULL, NULL, NULL, &error);
  g_assert_null (copy);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "pasaporte"));
  g_clear_error (&error);

  copy = pub_anonymize_file_sync (empty, NULL, no_column, NULL, NULL, NULL, &error);
  g_assert_null (copy);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpuint (count_entries (dir), ==, 2);
  remove_dir (dir);
}

static GFile *
large_file_of (const char *dir,
               guint       n_rows)
{
  g_autoptr(GString) text = g_string_new ("rut,correo,monto\n");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "%u.%03u.%03u-%c,persona%u@example.cl,%u\n",
                            10 + i % 80, i % 1000, (i * 7) % 1000, '0' + i % 10, i, i);
  return write_in (dir, "grande.csv", text->str);
}

/* Big enough that the copy is still being written at the first
 * progress. */
static GFile *
large_file (const char *dir)
{
  return large_file_of (dir, 60000);
}

/* The next line of `text` from `*at` (its length in `*len`), with memchr:
 * ASan's strstr and strchr measure the whole rest of a 2 MB string on
 * every call. */
static const char *
next_line (const char  *text,
           gsize        size,
           gsize       *at,
           gsize       *len)
{
  const char *start = text + *at;
  const char *end;

  if (*at >= size)
    return NULL;
  end = memchr (start, '\n', size - *at);
  *len = end != NULL ? (gsize) (end - start) : size - *at;
  *at += *len + 1;
  return start;
}

/* Many batches, transformed by several threads: the copy keeps the
 * original's order, row for row. The pipeline keeps three half-megabyte
 * batches per processor in flight and then reuses written ones, so the
 * file holds a few more than that: a reused batch must carry nothing of
 * its last rows. */
static void
test_large_file_keeps_order (void)
{
  g_autofree char *dir = g_dir_make_tmp ("anonymize-XXXXXX", NULL);
  guint n_rows = MAX (60000, (3 * g_get_num_processors () + 4) * 14000);
  g_autoptr(GFile) source = large_file_of (dir, n_rows);
  g_autoptr(PubAnonymizePlan) plan = pub_anonymize_plan_new ();
  g_autoptr(GBytes) key = key_of ("k");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autofree char *original = contents_of (source);
  g_autofree char *text = NULL;
  gsize in_size = strlen (original), out_size, in_at = 0, out_at = 0, in_len, out_len;
  const char *in_line, *out_line;
  guint n = 0;

  pub_anonymize_plan_set_key (plan, key);
  pub_anonymize_plan_set_action (plan, "correo", PUB_ANONYMIZE_DROP);
  pub_anonymize_plan_set_action (plan, "rut", PUB_ANONYMIZE_PSEUDONYMIZE);
  copy = pub_anonymize_file_sync (source, NULL, plan, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  text = contents_of (copy);
  out_size = strlen (text);

  while ((in_line = next_line (original, in_size, &in_at, &in_len)) != NULL)
    {
      g_autofree char *expected = NULL;

      out_line = next_line (text, out_size, &out_at, &out_len);
      g_assert_nonnull (out_line);
      if (n++ == 0)
        expected = g_strdup ("rut,monto");
      else
        {
          const char *first = memchr (in_line, ',', in_len);
          const char *last = first != NULL ? memchr (first + 1, ',', in_len - (first + 1 - in_line)) : NULL;
          g_autofree char *rut = NULL;

          g_assert_nonnull (last);
          rut = pub_pseudonym_make (key, in_line, first - in_line);
          expected = g_strdup_printf ("%s,%.*s", rut, (int) (in_len - (last + 1 - in_line)), last + 1);
        }
      g_assert_cmpmem (out_line, out_len, expected, strlen (expected));
    }
  g_assert_cmpuint (n, ==, n_rows + 1);
  g_assert_null (next_line (text, out_size, &out_at, &out_len));
  remove_dir (dir);
}

static void
append_to_source_cb (double   fraction,
                     gpointer user_data)
{
  GFile *source = user_data;
  g_autoptr(GFileOutputStream) out = NULL;

  /* Once, as a spreadsheet saving over it would. */
  if (g_object_get_data (G_OBJECT (source), "appended") != NULL)
    return;
  g_object_set_data (G_OBJECT (source), "appended", GINT_TO_POINTER (1));
  out = g_file_append_to (source, G_FILE_CREATE_NONE, NULL, NULL);
  g_output_stream_write_all (G_OUTPUT_STREAM (out), "1.111.111-4,x@y.cl,9\n", 21, NULL, NULL, NULL);
}

static void
test_source_changed_midway (void)
{
  g_autofree char *dir = g_dir_make_tmp ("anonymize-XXXXXX", NULL);
  g_autoptr(GFile) source = large_file (dir);
  g_autoptr(PubAnonymizePlan) plan = pub_anonymize_plan_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = NULL;

  pub_anonymize_plan_set_action (plan, "correo", PUB_ANONYMIZE_DROP);
  copy = pub_anonymize_file_sync (source, NULL, plan, append_to_source_cb, source, NULL, &error);
  g_assert_null (copy);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "changed"));
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_dir (dir);
}

static void
cancel_cb (double   fraction,
           gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel_leaves_nothing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("anonymize-XXXXXX", NULL);
  g_autoptr(GFile) source = large_file (dir);
  g_autoptr(PubAnonymizePlan) plan = pub_anonymize_plan_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = NULL;

  pub_anonymize_plan_set_action (plan, "correo", PUB_ANONYMIZE_DROP);
  copy = pub_anonymize_file_sync (source, NULL, plan, cancel_cb, cancellable, cancellable, &error);
  g_assert_null (copy);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_dir (dir);
}

static void
kill_cb (double   fraction,
         gpointer user_data)
{
  raise (SIGKILL);
}

/* Killed mid-copy: no file appears, and the original is as it was. The
 * child writes enough before dying that a named temporary would show. */
static void
test_crash_leaves_nothing (void)
{
  const char *dir = g_getenv ("ANONYMIZE_DIR");

  if (g_test_subprocess ())
    {
      g_autoptr(GFile) source = g_file_new_build_filename (dir, "grande.csv", NULL);
      g_autoptr(PubAnonymizePlan) plan = pub_anonymize_plan_new ();
      g_autoptr(GBytes) key = key_of ("k");

      pub_anonymize_plan_set_key (plan, key);
      pub_anonymize_plan_set_action (plan, "rut", PUB_ANONYMIZE_PSEUDONYMIZE);
      pub_anonymize_file_sync (source, NULL, plan, kill_cb, NULL, NULL, NULL);
      return;
    }
  {
    g_autofree char *tmp = g_dir_make_tmp ("anonymize-XXXXXX", NULL);
    g_autoptr(GFile) source = large_file (tmp);
    g_autofree char *before = contents_of (source);
    g_autofree char *after = NULL;

    g_setenv ("ANONYMIZE_DIR", tmp, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed ();
    g_assert_cmpuint (count_entries (tmp), ==, 1);
    after = contents_of (source);
    g_assert_cmpstr (after, ==, before);
    remove_dir (tmp);
  }
}

/* A disk that fills up (a file-size limit stands in for it): a plain
 * error, and nothing left behind. */
static void
test_full_disk_leaves_nothing (void)
{
  const char *dir = g_getenv ("ANONYMIZE_DIR");

  if (g_test_subprocess ())
    {
      g_autoptr(GFile) source = g_file_new_build_filename (dir, "grande.csv", NULL);
      g_autoptr(PubAnonymizePlan) plan = pub_anonymize_plan_new ();
      struct rlimit limit = { 256 * 1024, 256 * 1024 };
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) copy = NULL;

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      pub_anonymize_plan_set_action (plan, "correo", PUB_ANONYMIZE_GENERALIZE);
      copy = pub_anonymize_file_sync (source, NULL, plan, NULL, NULL, NULL, &error);
      g_assert_null (copy);
      g_assert_nonnull (error);
      g_printerr ("error: %s\n", error->message);
      return;
    }
  {
    g_autofree char *tmp = g_dir_make_tmp ("anonymize-XXXXXX", NULL);

    g_object_unref (large_file (tmp));
    g_setenv ("ANONYMIZE_DIR", tmp, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();
    g_test_trap_assert_stderr ("*error: *");
    g_assert_cmpuint (count_entries (tmp), ==, 1);
    remove_dir (tmp);
  }
}

static void
check_derived (const char *passphrase,
               const char *salt,
               guint       rounds,
               const char *hex)
{
  g_autoptr(GBytes) key = pub_pseudonym_key_derive (passphrase, salt, rounds);
  const guint8 *data;
  gsize len;
  GString *got = g_string_new (NULL);

  data = g_bytes_get_data (key, &len);
  for (gsize i = 0; i < len; i++)
    g_string_append_printf (got, "%02x", data[i]);
  g_assert_cmpstr (got->str, ==, hex);
  g_string_free (got, TRUE);
}

static void
test_passphrase_key (void)
{
  g_autofree char *salt = pub_pseudonym_passphrase_salt ("muni-santiago");

  /* Known answers, as Python's hashlib.pbkdf2_hmac gives them. */
  check_derived ("password", "salt", 1,
                 "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b");
  check_derived ("password", "salt", 4096,
                 "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
  check_derived ("contraseña larga", salt, PUB_PSEUDONYM_PASSPHRASE_ROUNDS,
                 "8d961642aab9588536fbd5df528b374d6f511d7654093196d30900201e78e2b5");
}

static void
test_action_words (void)
{
  PubAnonymizeAction action;

  for (guint i = PUB_ANONYMIZE_KEEP; i <= PUB_ANONYMIZE_GENERALIZE; i++)
    {
      g_assert_true (pub_anonymize_action_from_string (pub_anonymize_action_to_string (i), &action));
      g_assert_cmpint (action, ==, i);
    }
  g_assert_false (pub_anonymize_action_from_string ("hash", &action));
  g_assert_true (G_TYPE_IS_ENUM (PUB_TYPE_ANONYMIZE_ACTION));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pseudonym/rut-spellings", test_rut_spellings_are_one_person);
  g_test_add_func ("/pseudonym/other-spellings", test_other_spellings);
  g_test_add_func ("/pseudonym/keys-differ", test_keys_differ_between_organizations);
  g_test_add_func ("/pseudonym/repeats-remembered", test_repeats_remembered);
  g_test_add_func ("/pseudonym/generalize", test_generalize);
  g_test_add_func ("/pseudonym/passphrase-key", test_passphrase_key);
  g_test_add_func ("/anonymize/round-trip", test_copy_round_trip);
  g_test_add_func ("/anonymize/stable-across-files", test_stable_across_files);
  g_test_add_func ("/anonymize/copy-checks-clean", test_copy_checks_clean);
  g_test_add_func ("/anonymize/encoding-delimiter-quotes", test_encoding_delimiter_and_quotes);
  g_test_add_func ("/anonymize/bad-plans", test_bad_plans_write_nothing);
  g_test_add_func ("/anonymize/large-file-order", test_large_file_keeps_order);
  g_test_add_func ("/anonymize/source-changed", test_source_changed_midway);
  g_test_add_func ("/anonymize/cancel", test_cancel_leaves_nothing);
  g_test_add_func ("/anonymize/crash", test_crash_leaves_nothing);
  g_test_add_func ("/anonymize/full-disk", test_full_disk_leaves_nothing);
  g_test_add_func ("/anonymize/action-words", test_action_words);

  return g_test_run ();
}
