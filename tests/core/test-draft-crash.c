/* test-draft-crash.c: kill -9 during a save leaves the old draft or the new
 * one, never a broken file. A writer process saves one draft in a loop; it
 * is killed at random moments, many times, and the file is read after each.
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "pub-draft-store.h"

#define ROUNDS 120

static guint64
last_saved (const char *output)
{
  g_auto(GStrv) lines = g_strsplit (output != NULL ? output : "", "\n", -1);
  guint64 saved = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "saved "))
        saved = g_ascii_strtoull (lines[i] + 6, NULL, 10);
    }
  return saved;
}

static char *
find_draft_file (const char *directory,
                 guint      *n_temporaries)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  char *found = NULL;
  const char *name;

  g_assert_nonnull (dir);
  *n_temporaries = 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (strstr (name, ".json.") != NULL)
        (*n_temporaries)++;
      if (!g_str_has_suffix (name, ".json"))
        continue;
      /* There is only ever one draft: no second file may appear. */
      g_assert_null (found);
      found = g_build_filename (directory, name, NULL);
    }
  return found;
}

static void
remove_directory (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_unlink (path);
    }
  g_rmdir (directory);
}

static void
test_kill_during_save (void)
{
  g_autofree char *directory = g_dir_make_tmp ("draft-crash-XXXXXX", NULL);
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "core", "draft-writer", NULL);
  guint64 previous = 0;
  guint in_flight = 0;
  guint mid_write = 0;
  guint temporaries = 0;

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PubDraft) draft = NULL;
      g_autofree char *output = NULL;
      g_autofree char *path = NULL;
      g_autofree char *expected_prefix = NULL;
      const char *counter, *notes;
      guint64 saved, on_disk;
      guint n_temporaries;

      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                  writer, directory, NULL);
      g_assert_no_error (error);

      /* Let the first round get a draft onto the disk at all. */
      g_usleep (round == 0 ? 300 * 1000 : g_test_rand_int_range (5, 60) * 1000);
      g_subprocess_send_signal (process, SIGKILL);
      g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &output, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (process));

      saved = last_saved (output);
      path = find_draft_file (directory, &n_temporaries);
      /* A new half-written temporary file: this kill hit a write. */
      if (n_temporaries > temporaries)
        mid_write++;
      temporaries = n_temporaries;
      if (path == NULL)
        {
          /* Killed before the very first save finished: nothing to check. */
          g_assert_cmpuint (previous, ==, 0);
          continue;
        }

      draft = pub_draft_store_read_file (path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (draft);

      counter = pub_draft_get_field (draft, "counter");
      on_disk = counter != NULL ? g_ascii_strtoull (counter, NULL, 10) : 0;
      /* What was reported saved is there; at most the write that was in
       * flight went through too. */
      g_assert_cmpuint (on_disk, >=, MAX (saved, previous));
      g_assert_cmpuint (on_disk, <=, MAX (saved, previous) + 1);
      if (on_disk > saved)
        in_flight++;

      /* The body belongs to the same revision as the counter. */
      notes = pub_draft_get_field (draft, "notes");
      if (on_disk > 0)
        {
          expected_prefix = g_strdup_printf ("%" G_GUINT64_FORMAT ":", on_disk);
          g_assert_true (g_str_has_prefix (notes, expected_prefix));
          g_assert_cmpuint (strlen (notes), ==, strlen (expected_prefix) + 256 * 1024);
        }
      previous = on_disk;
    }

  g_test_message ("%u rounds; the draft reached revision %" G_GUINT64_FORMAT
                  "; %u kills hit a write halfway, %u after the rename but before "
                  "it was reported", ROUNDS, previous, mid_write, in_flight);
  /* The writer made real progress, and kills did land inside writes. */
  g_assert_cmpuint (previous, >, ROUNDS);
  g_assert_cmpuint (mid_write, >, 0);

  remove_directory (directory);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/draft/crash/kill-during-save", test_kill_during_save);

  return g_test_run ();
}
