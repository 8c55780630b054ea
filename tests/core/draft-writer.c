/* draft-writer.c: saves one draft over and over, as fast as it can, so that
 * test-draft-crash can kill it in the middle of a write.
 *   draft-writer [--in-place] DIRECTORY
 * Prints "saved N" after revision N of the counter is on disk.
 * --in-place: the negative control. Writes the same JSON over the draft's
 * own file (truncate, then write), as a careless save would; the test must
 * see broken drafts then.
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pub-draft-store.h"

static void save_next (PubDraftStore *store);

static PubDraft *draft;
static gboolean in_place;
static char *directory;

static void
report_saved (void)
{
  printf ("saved %s\n", pub_draft_get_field (draft, "counter"));
  fflush (stdout);
}

/* The unsafe save the store must never do: no temporary file, no rename. */
static gboolean
save_in_place_cb (gpointer user_data)
{
  PubDraftStore *store = user_data;
  g_autoptr(JsonNode) root = pub_draft_to_json (draft);
  g_autofree char *contents = json_to_string (root, TRUE);
  g_autofree char *name = g_strconcat (pub_draft_get_id (draft), ".json", NULL);
  g_autofree char *path = g_build_filename (directory, name, NULL);
  gsize length = strlen (contents), done = 0;
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      g_printerr ("open failed: %s\n", g_strerror (errno));
      exit (1);
    }
  while (done < length)
    {
      gssize n = write (fd, contents + done, length - done);

      if (n < 0)
        {
          g_printerr ("write failed: %s\n", g_strerror (errno));
          exit (1);
        }
      done += (gsize) n;
    }
  close (fd);
  report_saved ();
  save_next (store);
  return G_SOURCE_REMOVE;
}

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  PubDraftStore *store = PUB_DRAFT_STORE (object);
  g_autoptr(GError) error = NULL;

  if (!pub_draft_store_flush_finish (store, result, &error))
    {
      g_printerr ("flush failed: %s\n", error->message);
      exit (1);
    }
  report_saved ();
  save_next (store);
}

static void
save_next (PubDraftStore *store)
{
  const char *counter = pub_draft_get_field (draft, "counter");
  guint64 next = (counter != NULL ? g_ascii_strtoull (counter, NULL, 10) : 0) + 1;
  g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, next);
  /* A body of some size, so a write takes long enough to be interrupted. */
  g_autofree char *filler = g_strnfill (256 * 1024, 'a' + next % 26);
  g_autofree char *notes = g_strdup_printf ("%s:%s", text, filler);

  pub_draft_set_field (draft, "notes", notes);
  pub_draft_set_field (draft, "counter", text);
  if (in_place)
    g_idle_add (save_in_place_cb, store);
  else
    pub_draft_store_flush_async (store, NULL, flushed_cb, NULL);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  PubDraftStore *store = PUB_DRAFT_STORE (object);
  GListModel *drafts = pub_draft_store_get_drafts (store);
  g_autoptr(GError) error = NULL;

  if (!pub_draft_store_load_finish (store, result, &error))
    {
      g_printerr ("load failed: %s\n", error->message);
      exit (1);
    }
  if (g_list_model_get_n_items (drafts) > 0)
    draft = g_list_model_get_item (drafts, 0);
  else
    draft = g_object_ref (pub_draft_store_create (store));
  if (pub_draft_is_damaged (draft))
    {
      g_printerr ("damaged: %s\n", pub_draft_get_last_error (draft));
      exit (2);
    }
  save_next (store);
}

int
main (int   argc,
      char *argv[])
{
  PubDraftStore *store;
  GMainLoop *loop;

  in_place = argc == 3 && g_str_equal (argv[1], "--in-place");
  if (argc != 2 && !in_place)
    {
      g_printerr ("usage: %s [--in-place] DIRECTORY\n", argv[0]);
      return 1;
    }

  directory = argv[argc - 1];
  store = pub_draft_store_new (directory);
  pub_draft_store_set_save_delay (store, 60 * 1000);
  pub_draft_store_load_async (store, NULL, loaded_cb, NULL);
  loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (loop);
  return 0;
}
