/* test-draft-crash.c: kill -9 during a save leaves the old draft or the new
 * one, never a broken file. A writer process saves one draft in a loop; it
 * is killed many times, and the file is read after each kill.
 *
 * The writer runs with the slow-write test hook preloaded: every save's
 * write takes milliseconds and is framed by "write-start N"/"write-end N"
 * on its stderr. Most rounds wait for a write to start and kill the writer
 * inside it; the others kill it just after a write, while it syncs, renames
 * and reports. No sleeps: each kill follows an event the writer announced.
 *
 * The negative control runs the same loop with the writer saving in place
 * (truncate, then write) and must find broken drafts: that proves the
 * checks here can fail.
 *
 * PUB_DRAFT_CRASH_ROUNDS changes the number of kills (benchmarks/draft-crash.sh
 * runs 1,000).
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
#define CONTROL_ROUNDS 20
#define FILLER (256 * 1024)

typedef struct
{
  guint    rounds;
  guint    killed_in_write;   /* the writer's last word was "write-start" */
  guint    killed_after_write;
  guint    in_flight;         /* the disk is one save ahead of the report */
  guint    broken;            /* drafts that did not read back whole */
  guint    no_file;
  guint64  revision;          /* the last revision found on disk */
  GString *damage;            /* why the first broken drafts were broken */
} Tally;

static guint
n_rounds (guint fallback)
{
  const char *value = g_getenv ("PUB_DRAFT_CRASH_ROUNDS");

  return value != NULL && *value != '\0' ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

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
find_draft_file (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  char *found = NULL;
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (!g_str_has_suffix (name, ".json"))
        continue;
      /* There is only ever one draft: no second file may appear. */
      g_assert_null (found);
      found = g_build_filename (directory, name, NULL);
    }
  return found;
}

static void
empty_directory (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_unlink (path);
    }
}

static char *
read_all (GInputStream *stream)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_output_stream_splice (memory, stream, G_OUTPUT_STREAM_SPLICE_NONE, NULL, &error);
  g_assert_no_error (error);
  /* Nul-terminated, to be read as text. */
  g_output_stream_write_all (memory, "", 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (memory, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (memory));
}

/* Reads the writer's stderr up to `marker`; returns the last framing line
 * seen ("write-start N" or "write-end N"), or NULL if the writer died first. */
static char *
wait_for_marker (GDataInputStream *err,
                 const char       *marker,
                 GString          *seen)
{
  char *last = NULL;

  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (err, NULL, NULL, NULL);

      if (line == NULL)
        {
          g_free (last);
          return NULL;
        }
      g_string_append_printf (seen, "%s\n", line);
      if (g_str_has_prefix (line, "write-"))
        {
          g_free (last);
          last = g_strdup (line);
        }
      if (g_str_equal (line, marker))
        return last;
    }
}

/* draft-writer fills revision N's notes with one letter, 'a' + N % 26: a
 * file half old, half new shows up here even when it parses. */
static gboolean
is_filler (const char *text,
           guint64     revision)
{
  char letter = (char) ('a' + revision % 26);

  for (gsize i = 0; i < FILLER; i++)
    if (text[i] != letter)
      return FALSE;
  return TRUE;
}

static void
note_damage (Tally      *tally,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
note_damage (Tally      *tally,
             const char *format,
             ...)
{
  va_list args;

  tally->broken++;
  if (tally->broken > 3)
    return;
  va_start (args, format);
  g_string_append_vprintf (tally->damage, format, args);
  va_end (args);
  g_string_append_c (tally->damage, '\n');
}

/* One kill, then the draft on disk is read back and checked against what the
 * writer reported saved. Returns FALSE when the draft is broken. */
static gboolean
kill_round (const char *directory,
            gboolean    in_place,
            guint64    *previous,
            Tally      *tally)
{
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "core", "draft-writer", NULL);
  g_autofree char *hook = g_test_build_filename (G_TEST_BUILT, "core", "slow-write.so", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PubDraft) draft = NULL;
  g_autoptr(GString) seen = g_string_new (NULL);
  g_autofree char *asan = g_strconcat (g_getenv ("ASAN_OPTIONS") ? g_getenv ("ASAN_OPTIONS") : "",
                                       ":verify_asan_link_order=0", NULL);
  g_autofree char *marker = NULL;
  g_autofree char *last = NULL;
  g_autofree char *output = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected_prefix = NULL;
  const char *counter, *notes;
  guint64 saved, on_disk;
  gboolean inside = g_test_rand_int_range (0, 4) != 0;

  g_subprocess_launcher_setenv (launcher, "LD_PRELOAD", hook, TRUE);
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", asan, TRUE);
  process = in_place ? g_subprocess_launcher_spawn (launcher, &error, writer, "--in-place", directory, NULL)
                     : g_subprocess_launcher_spawn (launcher, &error, writer, directory, NULL);
  g_assert_no_error (error);

  /* Three in four kills land inside the first, second or third write; the
   * rest just after one. */
  marker = g_strdup_printf ("%s %d", inside ? "write-start" : "write-end", g_test_rand_int_range (1, 4));
  err = g_data_input_stream_new (g_subprocess_get_stderr_pipe (process));
  last = wait_for_marker (err, marker, seen);
  if (last == NULL)
    g_error ("The writer ended before '%s': %s", marker, seen->str);
  g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (process));

  /* What it managed to say before it died. */
  output = read_all (g_subprocess_get_stdout_pipe (process));
  rest = read_all (G_INPUT_STREAM (err));
  {
    g_auto(GStrv) lines = g_strsplit (rest, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      if (g_str_has_prefix (lines[i], "write-"))
        {
          g_free (last);
          last = g_strdup (lines[i]);
        }
  }
  if (g_str_has_prefix (last, "write-start"))
    tally->killed_in_write++;
  else
    tally->killed_after_write++;

  saved = last_saved (output);
  path = find_draft_file (directory);
  if (path == NULL)
    {
      /* Killed before the very first save reached the disk. */
      tally->no_file++;
      g_assert_cmpuint (*previous, ==, 0);
      return TRUE;
    }

  draft = pub_draft_store_read_file (path, &error);
  if (draft == NULL)
    {
      note_damage (tally, "killed at '%s': the draft does not read back: %s", last, error->message);
      return FALSE;
    }

  counter = pub_draft_get_field (draft, "counter");
  on_disk = counter != NULL ? g_ascii_strtoull (counter, NULL, 10) : 0;
  /* What was reported saved is there; at most the write that was in
   * flight went through too. */
  if (on_disk < MAX (saved, *previous) || on_disk > MAX (saved, *previous) + 1)
    {
      note_damage (tally, "killed at '%s': revision %" G_GUINT64_FORMAT " on disk, %" G_GUINT64_FORMAT
                   " reported saved", last, on_disk, MAX (saved, *previous));
      return FALSE;
    }
  if (on_disk > saved)
    tally->in_flight++;

  /* The body belongs to the same revision as the counter. */
  notes = pub_draft_get_field (draft, "notes");
  expected_prefix = g_strdup_printf ("%" G_GUINT64_FORMAT ":", on_disk);
  if (on_disk > 0 && (notes == NULL || !g_str_has_prefix (notes, expected_prefix) ||
                      strlen (notes) != strlen (expected_prefix) + FILLER ||
                      !is_filler (notes + strlen (expected_prefix), on_disk)))
    {
      note_damage (tally, "killed at '%s': the notes are not revision %" G_GUINT64_FORMAT "'s",
                   last, on_disk);
      return FALSE;
    }
  *previous = on_disk;
  tally->revision = on_disk;
  return TRUE;
}

static void
run_kills (gboolean in_place,
           guint    rounds,
           Tally   *tally)
{
  g_autofree char *directory = g_dir_make_tmp ("draft-crash-XXXXXX", NULL);
  guint64 previous = 0;

  tally->rounds = rounds;
  tally->damage = g_string_new (NULL);
  for (guint round = 0; round < rounds; round++)
    {
      if (kill_round (directory, in_place, &previous, tally))
        continue;
      /* A broken draft stops the writer from loading it: start over. */
      empty_directory (directory);
      previous = 0;
    }
  g_test_message ("%s: %u kills, %u inside a write, %u just after one; %u with the disk a save "
                  "ahead of the report, %u before the first save; %u broken drafts; revision %"
                  G_GUINT64_FORMAT " reached",
                  in_place ? "in place" : "store", tally->rounds, tally->killed_in_write,
                  tally->killed_after_write, tally->in_flight, tally->no_file, tally->broken,
                  tally->revision);
  empty_directory (directory);
  g_rmdir (directory);
}

static void
test_kill_during_save (void)
{
  Tally tally = { 0 };

  run_kills (FALSE, n_rounds (ROUNDS), &tally);
  if (tally.broken > 0)
    g_error ("%u of %u kills left a broken draft:\n%s", tally.broken, tally.rounds, tally.damage->str);
  /* Kills did land inside writes, most of the time, and the writer made
   * real progress between them. */
  g_assert_cmpuint (tally.killed_in_write, >=, tally.rounds / 2);
  g_assert_cmpuint (tally.revision, >=, tally.rounds / 2);
  g_string_free (tally.damage, TRUE);
}

/* The same loop with an in-place save: the checks above must catch it. */
static void
test_in_place_save_breaks (void)
{
  Tally tally = { 0 };

  run_kills (TRUE, CONTROL_ROUNDS, &tally);
  g_test_message ("in place, for example: %s", tally.damage->str);
  g_assert_cmpuint (tally.killed_in_write, >, 0);
  g_assert_cmpuint (tally.broken, >, 0);
  g_string_free (tally.damage, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/draft/crash/kill-during-save", test_kill_during_save);
  g_test_add_func ("/draft/crash/in-place-control", test_in_place_save_breaks);

  return g_test_run ();
}
