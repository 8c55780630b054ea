/* test-draft-store.c: drafts on disk: saving, loading, damage, deleting
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib-unix.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include "pub-core-error.h"
#include "pub-draft-store.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("drafts-XXXXXX", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (*result == NULL)
    {
      g_main_context_iteration (NULL, FALSE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  return *result;
}

static void
flush (PubDraftStore *store)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pub_draft_store_flush_async (store, NULL, store_result_cb, &result);
  g_assert_true (pub_draft_store_flush_finish (store, wait_result (&result), &error));
  g_assert_no_error (error);
}

static PubDraftStore *
load_store (const char *dir)
{
  PubDraftStore *store = pub_draft_store_new (dir);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pub_draft_store_load_async (store, NULL, store_result_cb, &result);
  g_assert_true (pub_draft_store_load_finish (store, wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_true (pub_draft_store_is_loaded (store));
  return store;
}

static char *
path_of (Fixture  *fixture,
         PubDraft *draft)
{
  g_autofree char *name = g_strconcat (pub_draft_get_id (draft), ".json", NULL);

  return g_build_filename (fixture->dir, name, NULL);
}

static void
test_store_save_and_load (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PubDraftStore) store = pub_draft_store_new (fixture->dir);
  g_autoptr(PubDraftStore) again = NULL;
  g_autoptr(PubDraftResource) link = pub_draft_resource_new_link ("https://example.cl/a.csv");
  g_autofree char *path = NULL;
  PubDraft *draft, *loaded;
  GStatBuf st;

  draft = pub_draft_store_create (store);
  pub_draft_set_field (draft, "title", "Año 2024");
  pub_draft_add_tag (draft, "salud");
  pub_draft_add_resource (draft, link);
  flush (store);

  path = path_of (fixture, draft);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  /* Drafts may hold personal data: only the owner reads them. */
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  again = load_store (fixture->dir);
  g_assert_cmpuint (g_list_model_get_n_items (pub_draft_store_get_drafts (again)), ==, 1);
  loaded = pub_draft_store_find (again, pub_draft_get_id (draft));
  g_assert_nonnull (loaded);
  g_assert_cmpstr (pub_draft_get_field (loaded, "title"), ==, "Año 2024");
  g_assert_cmpstr (pub_draft_get_tags (loaded)[0], ==, "salud");
  g_assert_cmpuint (pub_draft_get_revision (loaded), ==, pub_draft_get_revision (draft));
  g_assert_cmpuint (g_list_model_get_n_items (pub_draft_get_resources (loaded)), ==, 1);
}

static void
write_text (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* Clearing a link's address in the editor sets the property to NULL: the
 * draft must still load, with the link kept and saying what it lacks. */
static void
test_store_link_without_address (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(PubDraftStore) store = pub_draft_store_new (fixture->dir);
  g_autoptr(PubDraftStore) again = NULL;
  g_autoptr(PubDraftResource) link = pub_draft_resource_new_link ("https://example.cl/a.csv");
  g_autoptr(PubDraftResource) loaded_link = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  PubDraft *draft, *loaded, *old;

  draft = pub_draft_store_create (store);
  pub_draft_set_field (draft, "title", "Enlaces");
  pub_draft_add_resource (draft, link);
  g_assert_null (pub_draft_resource_get_problem (link));
  g_object_set (link, "url", NULL, NULL);
  g_assert_cmpstr (pub_draft_resource_get_url (link), ==, "");
  g_assert_nonnull (pub_draft_resource_get_problem (link));
  flush (store);

  path = path_of (fixture, draft);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"url\" : \"\""));

  again = load_store (fixture->dir);
  loaded = pub_draft_store_find (again, pub_draft_get_id (draft));
  g_assert_nonnull (loaded);
  g_assert_false (pub_draft_is_damaged (loaded));
  g_assert_cmpstr (pub_draft_get_field (loaded, "title"), ==, "Enlaces");
  g_assert_cmpuint (g_list_model_get_n_items (pub_draft_get_resources (loaded)), ==, 1);
  loaded_link = g_list_model_get_item (pub_draft_get_resources (loaded), 0);
  g_assert_cmpint (pub_draft_resource_get_kind (loaded_link), ==, PUB_DRAFT_RESOURCE_LINK);
  g_assert_cmpstr (pub_draft_resource_get_url (loaded_link), ==, "");
  g_assert_nonnull (pub_draft_resource_get_problem (loaded_link));
  /* It can't be published like that, and says why. */
  g_assert_cmpint (pub_draft_get_state (loaded), ==, PUB_DRAFT_STATE_EDITING);

  /* Typing an address again clears the problem. */
  pub_draft_resource_set_url (loaded_link, "https://example.cl/b.csv");
  g_assert_null (pub_draft_resource_get_problem (loaded_link));

  /* A file written before the fix has no "url" at all: it loads too. */
  write_text (fixture->dir, "old.json",
              "{\"schema\": 1, \"id\": \"old\", \"dataset\": {\"title\": \"Viejo\"},"
              " \"resources\": [{\"kind\": \"link\", \"name\": \"datos\"},"
              " {\"kind\": \"file\", \"name\": \"sin ruta\"}]}");
  g_clear_object (&again);
  again = load_store (fixture->dir);
  old = pub_draft_store_find (again, "old");
  g_assert_nonnull (old);
  g_assert_false (pub_draft_is_damaged (old));
  g_assert_cmpuint (g_list_model_get_n_items (pub_draft_get_resources (old)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PubDraftResource) resource = g_list_model_get_item (pub_draft_get_resources (old), i);

      g_assert_nonnull (pub_draft_resource_get_problem (resource));
    }
}

static void
finalized_cb (gpointer  data,
              GObject  *where_the_object_was)
{
  GThread **thread = data;

  *thread = g_thread_self ();
}

/* The caller lets go of the store while its worker runs: the last
 * reference must go on the main thread (from a worker, dispose would wait
 * for the pool from inside it, and hang). Repeated, since which thread
 * lets go last is a race. */
static void
test_store_released_on_main_thread (Fixture       *fixture,
                                    gconstpointer  data)
{
  for (guint i = 0; i < 200; i++)
    {
      PubDraftStore *store = pub_draft_store_new (fixture->dir);
      GThread *finalized_in = NULL;
      gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

      g_object_weak_ref (G_OBJECT (store), finalized_cb, &finalized_in);
      if (i % 2 == 0)
        pub_draft_store_load_async (store, NULL, NULL, NULL);
      else
        pub_draft_store_flush_async (store, NULL, NULL, NULL);
      g_object_unref (store);
      while (finalized_in == NULL)
        {
          g_main_context_iteration (NULL, FALSE);
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        }
      g_assert_true (finalized_in == g_thread_self ());
    }
}

static gboolean
file_has_revision (const char *path,
                   guint64     revision)
{
  g_autoptr(PubDraft) on_disk = pub_draft_store_read_file (path, NULL);

  return on_disk != NULL && pub_draft_get_revision (on_disk) == revision;
}

/* Counts the store's writes of one draft file: each atomic save renames
 * a temporary file over it (inotify's IN_MOVED_TO), an event per write. */
typedef struct
{
  int         fd;
  guint       source;
  char       *name;
  guint       writes;
} WriteCounter;

static void
write_counter_read (WriteCounter *counter)
{
  char buffer[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  gssize len;

  while ((len = read (counter->fd, buffer, sizeof buffer)) > 0)
    for (char *p = buffer; p < buffer + len;)
      {
        struct inotify_event *event = (struct inotify_event *) p;

        if ((event->mask & IN_MOVED_TO) && event->len > 0 && g_str_equal (event->name, counter->name))
          counter->writes++;
        p += sizeof (struct inotify_event) + event->len;
      }
}

static gboolean
write_counter_cb (int           fd,
                  GIOCondition  condition,
                  gpointer      user_data)
{
  write_counter_read (user_data);
  return G_SOURCE_CONTINUE;
}

static void
write_counter_start (WriteCounter *counter,
                     const char   *dir,
                     PubDraft     *draft)
{
  counter->fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  g_assert_cmpint (counter->fd, >=, 0);
  g_assert_cmpint (inotify_add_watch (counter->fd, dir, IN_MOVED_TO), >=, 0);
  counter->name = g_strconcat (pub_draft_get_id (draft), ".json", NULL);
  counter->source = g_unix_fd_add (counter->fd, G_IO_IN, write_counter_cb, counter);
}

static void
write_counter_stop (WriteCounter *counter)
{
  g_clear_handle_id (&counter->source, g_source_remove);
  close (counter->fd);
  g_free (counter->name);
}

static void
wait_writes (WriteCounter *counter,
             guint         writes)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (counter->writes < writes)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

/* Typing: one change per keystroke and no explicit save. The store writes
 * the draft once per burst, not once per change, and the one write holds
 * the last of them. Counted after a flush, which waits for every write the
 * store had queued. */
static void
test_store_debounced_autosave (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(PubDraftStore) store = pub_draft_store_new (fixture->dir);
  g_autofree char *path = NULL;
  WriteCounter counter = { 0 };
  PubDraft *draft;

  pub_draft_store_set_save_delay (store, 100);
  draft = pub_draft_store_create (store);
  path = path_of (fixture, draft);
  /* A new draft is written at once; counted from there. */
  flush (store);
  write_counter_start (&counter, fixture->dir, draft);

  for (guint burst = 1; burst <= 3; burst++)
    {
      for (guint i = 1; i <= 50; i++)
        {
          g_autofree char *title = g_strdup_printf ("Título %u.%u", burst, i);
          pub_draft_set_field (draft, "title", title);
        }
      /* Saved by itself, the whole burst in one write. */
      wait_writes (&counter, burst);
      g_assert_true (file_has_revision (path, pub_draft_get_revision (draft)));
      flush (store);
      write_counter_read (&counter);
      g_assert_cmpuint (counter.writes, ==, burst);
    }
  g_assert_cmpuint (pub_draft_get_revision (draft), ==, 150);
  write_counter_stop (&counter);
}

static char *
read_text (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, NULL);
  return text;
}

static void
test_store_damaged_files (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PubDraftStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *still = NULL;
  g_autofree char *gone = NULL;
  GListModel *drafts;
  PubDraft *truncated, *future;

  write_text (fixture->dir, "truncated.json", "{\"schema\": 1, \"id\": \"trunc");
  write_text (fixture->dir, "future.json", "{\"schema\": 7, \"id\": \"future\", \"dataset\": {}}");
  write_text (fixture->dir, "notes.txt", "not a draft");

  store = load_store (fixture->dir);
  drafts = pub_draft_store_get_drafts (store);
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 2);

  truncated = pub_draft_store_find (store, "truncated");
  future = pub_draft_store_find (store, "future");
  g_assert_nonnull (truncated);
  g_assert_nonnull (future);
  g_assert_cmpint (pub_draft_get_state (truncated), ==, PUB_DRAFT_STATE_DAMAGED);
  g_assert_nonnull (strstr (pub_draft_get_last_error (truncated), "damaged"));
  g_assert_nonnull (strstr (pub_draft_get_last_error (future), "newer version"));

  /* Listing and flushing never rewrite or drop a damaged file. */
  flush (store);
  still = read_text (fixture->dir, "future.json");
  g_assert_cmpstr (still, ==, "{\"schema\": 7, \"id\": \"future\", \"dataset\": {}}");

  /* Only an explicit delete removes it. */
  pub_draft_store_delete_async (store, truncated, NULL, store_result_cb, &result);
  g_assert_true (pub_draft_store_delete_finish (store, wait_result (&result), &error));
  g_assert_no_error (error);
  gone = read_text (fixture->dir, "truncated.json");
  g_assert_null (gone);
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 1);
}

static void
test_store_delete_and_duplicate (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(PubDraftStore) store = pub_draft_store_new (fixture->dir);
  g_autoptr(PubDraftStore) again = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  PubDraft *draft, *copy;
  GListModel *drafts = pub_draft_store_get_drafts (store);

  pub_draft_store_set_save_delay (store, 5000);
  draft = pub_draft_store_create (store);
  pub_draft_set_field (draft, "title", "Original");
  copy = pub_draft_store_duplicate (store, draft);
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 2);
  g_assert_true (g_list_model_get_item (drafts, 0) == (gpointer) copy);
  g_object_unref (copy);
  g_assert_cmpstr (pub_draft_get_field (copy, "title"), ==, "Original (copy)");

  /* A change waits for the save delay; deleting must win over it. */
  g_object_ref (draft);
  path = path_of (fixture, draft);
  pub_draft_set_field (draft, "title", "Cambiado");
  pub_draft_store_delete_async (store, draft, NULL, store_result_cb, &result);
  g_assert_true (pub_draft_store_delete_finish (store, wait_result (&result), &error));
  g_assert_no_error (error);
  flush (store);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_object_unref (draft);

  again = load_store (fixture->dir);
  g_assert_cmpuint (g_list_model_get_n_items (pub_draft_store_get_drafts (again)), ==, 1);
  g_assert_nonnull (pub_draft_store_find (again, pub_draft_get_id (copy)));
}

static void
test_store_stale_temporaries (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(PubDraftStore) store = NULL;
  g_autofree char *old_tmp = g_build_filename (fixture->dir, "abc.json.X1Y2Z3", NULL);
  g_autofree char *new_tmp = g_build_filename (fixture->dir, "abc.json.A1B2C3", NULL);
  struct utimbuf times = { 1000, 1000 };

  write_text (fixture->dir, "abc.json.X1Y2Z3", "{\"half");
  write_text (fixture->dir, "abc.json.A1B2C3", "{\"half");
  g_assert_cmpint (utime (old_tmp, &times), ==, 0);

  store = load_store (fixture->dir);
  g_assert_cmpuint (g_list_model_get_n_items (pub_draft_store_get_drafts (store)), ==, 0);
  g_assert_false (g_file_test (old_tmp, G_FILE_TEST_EXISTS));
  /* A fresh one may belong to a write in progress elsewhere. */
  g_assert_true (g_file_test (new_tmp, G_FILE_TEST_EXISTS));
}

static void
save_failed_cb (PubDraftStore *store,
                PubDraft      *draft,
                GError        *error,
                GError       **out)
{
  if (*out == NULL)
    *out = g_error_copy (error);
}

static void
test_store_save_failure_reported (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fixture->dir, "not-a-folder", NULL);
  g_autofree char *inside = g_build_filename (blocker, "drafts", NULL);
  g_autoptr(PubDraftStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) reported = NULL;
  g_autoptr(GError) flushed = NULL;
  PubDraft *draft;

  /* A file where the folder should be: nothing can be written there. */
  write_text (fixture->dir, "not-a-folder", "x");
  store = pub_draft_store_new (inside);
  g_signal_connect (store, "save-failed", G_CALLBACK (save_failed_cb), &reported);
  draft = pub_draft_store_create (store);
  pub_draft_set_field (draft, "title", "Perdido");

  pub_draft_store_flush_async (store, NULL, store_result_cb, &result);
  g_assert_false (pub_draft_store_flush_finish (store, wait_result (&result), &flushed));
  g_assert_nonnull (flushed);
  g_assert_nonnull (reported);
  /* The draft itself is untouched in memory, for the next try. */
  g_assert_cmpstr (pub_draft_get_field (draft, "title"), ==, "Perdido");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/draft-store/save-and-load", test_store_save_and_load);
  ADD ("/draft-store/debounced-autosave", test_store_debounced_autosave);
  ADD ("/draft-store/link-without-address", test_store_link_without_address);
  ADD ("/draft-store/released-on-main-thread", test_store_released_on_main_thread);
  ADD ("/draft-store/damaged-files", test_store_damaged_files);
  ADD ("/draft-store/delete-and-duplicate", test_store_delete_and_duplicate);
  ADD ("/draft-store/stale-temporaries", test_store_stale_temporaries);
  ADD ("/draft-store/save-failure-reported", test_store_save_failure_reported);
#undef ADD

  return g_test_run ();
}
