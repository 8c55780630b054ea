/* test-publish-queue.c: publishing offline queues the draft; it goes out
 * when the network returns, and a publication cut short is taken up again
 * by the next start, without duplicates
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ckan-error.h"
#include "pub-personal-data.h"
#include "pub-publish-queue.h"
#include "test-portal.h"
#include "../fake-network-monitor.h"
#include "publish-test-utils.h"

#define ORG "ministerio-de-prueba"

typedef struct
{
  char            *dir;
  char            *restart_dir;
  PubTestPortal   *portal;
  CkanClient      *client;
  PubDraftStore   *store;
  PubPublishQueue *queue;
  PubDraft        *draft;
  GBytes          *contents[2];
  guint            datasets_before;
  guint            started;
  guint            finished;
  GError          *error;     /* the last job's */
} Fixture;

static void
job_started_cb (PubPublishQueue *queue,
                PubPublishJob   *job,
                Fixture         *f)
{
  f->started++;
  /* The wizard finds the running job by its draft. */
  g_assert_true (pub_publish_job_get_running (pub_publish_job_get_draft (job)) == job);
}

static void
job_finished_cb (PubPublishQueue *queue,
                 PubPublishJob   *job,
                 GError          *error,
                 Fixture         *f)
{
  f->finished++;
  g_clear_error (&f->error);
  f->error = error != NULL ? g_error_copy (error) : NULL;
}

static PubPublishQueue *
make_queue (Fixture       *f,
            PubDraftStore *store)
{
  PubPublishQueue *queue = pub_publish_queue_new (store, g_network_monitor_get_default ());

  g_signal_connect (queue, "job-started", G_CALLBACK (job_started_cb), f);
  g_signal_connect (queue, "job-finished", G_CALLBACK (job_finished_cb), f);
  return queue;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  set_network (TRUE);
  f->dir = g_dir_make_tmp ("queue-XXXXXX", NULL);
  f->restart_dir = g_build_filename (f->dir, "restart", NULL);
  f->portal = pub_test_portal_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pub_test_portal_listen (f->portal, 0, &error));
  f->client = ckan_client_new (pub_test_portal_get_url (f->portal), FALSE, &error);
  g_assert_no_error (error);
  ckan_client_set_token (f->client, pub_test_portal_get_token (f->portal, "editor"));
  f->datasets_before = pub_test_portal_count_datasets (f->portal);

  f->store = pub_draft_store_new (f->dir);
  pub_draft_store_set_save_delay (f->store, 10);
  f->draft = g_object_ref (pub_draft_store_create (f->store));
  fill_census_draft (f->draft, f->dir, ORG, f->contents);

  f->queue = make_queue (f, f->store);
}

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(gboolean *) user_data = pub_draft_store_flush_finish (PUB_DRAFT_STORE (object), result, NULL);
}

static void
flush (PubDraftStore *store)
{
  gboolean flushed = FALSE;

  pub_draft_store_flush_async (store, NULL, flushed_cb, &flushed);
  while (!flushed)
    g_main_context_iteration (NULL, TRUE);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  flush (f->store);
  if (f->queue != NULL)
    g_assert_finalize_object (f->queue);
  g_clear_object (&f->draft);
  g_clear_object (&f->store);
  g_clear_object (&f->client);
  g_clear_object (&f->portal);
  g_clear_pointer (&f->contents[0], g_bytes_unref);
  g_clear_pointer (&f->contents[1], g_bytes_unref);
  g_clear_error (&f->error);
  remove_tree (f->dir);
  g_free (f->restart_dir);
  g_free (f->dir);
}

/* Iterates until `finished` jobs have ended. */
static void
wait_finished (Fixture *f,
               guint    finished)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (f->finished < finished)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

/* Runs what the last event set in motion until nothing is left to run.
 * The queue starts a job from an idle callback it schedules on a network,
 * account or store change, and announces it at once ("job-started"): once
 * the main context has nothing ready, a job that was going to start has. */
static void
settle (void)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_main_context_pending (NULL))
    {
      g_main_context_iteration (NULL, FALSE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

static PubDraft *
read_back (const char *dir,
           PubDraft   *draft)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.json", dir, pub_draft_get_id (draft));
  g_autoptr(GError) error = NULL;
  PubDraft *on_disk = pub_draft_store_read_file (path, &error);

  g_assert_no_error (error);
  return on_disk;
}

/* The end every test must reach: one dataset, exactly our three
 * resources, the files' bytes, and the draft published on disk too. */
static void
assert_published_once (Fixture  *f,
                       PubDraft *draft,
                       const char *dir)
{
  g_autoptr(JsonObject) dataset = pub_test_portal_dup_dataset (f->portal, "censo-de-poblacion-2024");
  g_autoptr(PubDraft) on_disk = NULL;
  static const char * const expected[] = { "poblacion.csv", "viviendas.csv", "censo.json" };
  JsonArray *resources;

  g_assert_nonnull (dataset);
  g_assert_cmpuint (pub_test_portal_count_datasets (f->portal), ==, f->datasets_before + 1);
  g_assert_false (json_object_get_boolean_member (dataset, "private"));
  g_assert_cmpstr (json_object_get_string_member (dataset, "id"), ==, pub_draft_get_remote_id (draft));

  resources = json_object_get_array_member (dataset, "resources");
  g_assert_cmpuint (json_array_get_length (resources), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *remote = json_array_get_object_element (resources, i);
      g_autoptr(PubDraftResource) local = g_list_model_get_item (pub_draft_get_resources (draft), i);

      g_assert_cmpstr (json_object_get_string_member (remote, "name"), ==, expected[i]);
      g_assert_cmpstr (json_object_get_string_member (remote, "id"), ==, pub_draft_resource_get_remote_id (local));
      if (i < 2)
        {
          g_autoptr(GBytes) stored = pub_test_portal_dup_upload (f->portal, json_object_get_string_member (remote, "id"));

          g_assert_nonnull (stored);
          g_assert_true (g_bytes_equal (stored, f->contents[i]));
        }
    }

  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_PUBLISHED);
  g_assert_false (pub_draft_get_queued (draft));
  on_disk = read_back (dir, draft);
  g_assert_cmpint (pub_draft_get_publish_step (on_disk), ==, PUB_PUBLISH_STEP_DONE);
  g_assert_false (pub_draft_get_queued (on_disk));
}

/* Offline, Publish queues the draft (saved so); the network returning
 * starts it, and it publishes once. */
static void
test_queue_offline_then_online (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(PubDraft) on_disk = NULL;

  set_network (FALSE);
  pub_publish_queue_set_client (f->queue, f->client);
  pub_publish_queue_publish (f->queue, f->draft, NULL);
  g_assert_cmpint (pub_draft_get_state (f->draft), ==, PUB_DRAFT_STATE_QUEUED);
  g_assert_true (pub_publish_queue_is_waiting (f->queue, f->draft));
  g_assert_null (pub_publish_queue_get_job (f->queue, f->draft));
  g_assert_null (pub_draft_get_last_error (f->draft));

  settle ();
  g_assert_cmpuint (f->started, ==, 0);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 0);
  flush (f->store);
  on_disk = read_back (f->dir, f->draft);
  g_assert_true (pub_draft_get_queued (on_disk));
  g_assert_cmpint (pub_draft_get_state (on_disk), ==, PUB_DRAFT_STATE_QUEUED);

  set_network (TRUE);
  wait_finished (f, 1);
  g_assert_no_error (f->error);
  g_assert_cmpuint (f->started, ==, 1);
  g_assert_false (pub_publish_queue_is_waiting (f->queue, f->draft));
  g_assert_null (pub_publish_job_get_running (f->draft));
  flush (f->store);
  assert_published_once (f, f->draft, f->dir);
}

/* Online but signed out: it waits for an account, then goes. */
static void
test_queue_waits_for_account (Fixture       *f,
                              gconstpointer  data)
{
  pub_publish_queue_publish (f->queue, f->draft, NULL);
  g_assert_cmpint (pub_draft_get_state (f->draft), ==, PUB_DRAFT_STATE_QUEUED);
  settle ();
  g_assert_cmpuint (f->started, ==, 0);

  pub_publish_queue_set_client (f->queue, f->client);
  wait_finished (f, 1);
  g_assert_no_error (f->error);
  flush (f->store);
  assert_published_once (f, f->draft, f->dir);
}

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PubAccount) account = NULL;

  account = pub_account_manager_add_finish (PUB_ACCOUNT_MANAGER (object), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* In the app the queue follows the current account: a draft queued while
 * signed out goes once someone signs in (its token loaded), and not
 * while the account has no token. */
static void
test_queue_follows_account (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (BASE_APPLICATION_ID, backend);
  g_autoptr(PubAccountManager) manager = pub_account_manager_new (settings);
  g_autoptr(PubAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  gboolean added = FALSE;

  pub_publish_queue_set_account_manager (f->queue, manager);
  g_assert_null (pub_publish_queue_get_client (f->queue));
  pub_publish_queue_publish (f->queue, f->draft, NULL);
  settle ();
  g_assert_cmpint (pub_draft_get_state (f->draft), ==, PUB_DRAFT_STATE_QUEUED);
  g_assert_cmpuint (f->started, ==, 0);

  account = pub_account_new (pub_test_portal_get_url (f->portal),
                             pub_test_portal_get_user_id (f->portal, "editor"),
                             "editor", "Editora", FALSE, &error);
  g_assert_no_error (error);
  pub_account_manager_add_async (manager, account, pub_test_portal_get_token (f->portal, "editor"),
                                 TRUE, NULL, added_cb, &added);
  while (!added)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (pub_publish_queue_get_client (f->queue));
  wait_finished (f, 1);
  g_assert_no_error (f->error);
  flush (f->store);
  assert_published_once (f, f->draft, f->dir);

  /* Its token forgotten: no client to publish with. */
  pub_account_set_token (pub_account_manager_get_current (manager), NULL, FALSE);
  g_assert_null (pub_publish_queue_get_client (f->queue));
  pub_publish_queue_set_account_manager (f->queue, NULL);
}

/* With "publish when online" off, the network returning is not enough:
 * the draft stays queued until the person presses Publish again. */
static void
test_queue_setting_off (Fixture       *f,
                        gconstpointer  data)
{
  pub_publish_queue_set_auto_start (f->queue, FALSE);
  pub_publish_queue_set_client (f->queue, f->client);
  set_network (FALSE);
  pub_publish_queue_publish (f->queue, f->draft, NULL);
  g_assert_cmpint (pub_draft_get_state (f->draft), ==, PUB_DRAFT_STATE_QUEUED);

  set_network (TRUE);
  settle ();
  g_assert_cmpuint (f->started, ==, 0);
  g_assert_cmpint (pub_draft_get_state (f->draft), ==, PUB_DRAFT_STATE_QUEUED);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 0);
  g_assert_cmpuint (pub_test_portal_count_datasets (f->portal), ==, f->datasets_before);

  /* Pressed while online: it runs at once. */
  pub_publish_queue_publish (f->queue, f->draft, NULL);
  g_assert_nonnull (pub_publish_queue_get_job (f->queue, f->draft));
  g_assert_cmpint (pub_draft_get_state (f->draft), ==, PUB_DRAFT_STATE_PUBLISHING);
  wait_finished (f, 1);
  g_assert_no_error (f->error);
  flush (f->store);
  assert_published_once (f, f->draft, f->dir);
}

/* Cancel takes a waiting draft out: it is ready again, and the network
 * returning starts nothing. */
static void
test_queue_cancel_waiting (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(PubDraft) on_disk = NULL;

  set_network (FALSE);
  pub_publish_queue_set_client (f->queue, f->client);
  pub_publish_queue_publish (f->queue, f->draft, NULL);
  g_assert_cmpint (pub_draft_get_state (f->draft), ==, PUB_DRAFT_STATE_QUEUED);
  pub_publish_queue_cancel (f->queue, f->draft);
  g_assert_cmpint (pub_draft_get_state (f->draft), ==, PUB_DRAFT_STATE_READY);
  g_assert_false (pub_publish_queue_is_waiting (f->queue, f->draft));

  set_network (TRUE);
  settle ();
  g_assert_cmpuint (f->started, ==, 0);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 0);
  flush (f->store);
  on_disk = read_back (f->dir, f->draft);
  g_assert_false (pub_draft_get_queued (on_disk));
}

/* What a kill -9 right after the first file was recorded leaves on disk
 * (the job saves each id before its next request). */
static void
snapshot_after_first_cb (PubDraft *draft,
                         Fixture  *f)
{
  g_autoptr(PubDraftResource) first = g_list_model_get_item (pub_draft_get_resources (draft), 0);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;

  if (pub_draft_resource_get_remote_id (first) == NULL ||
      g_file_test (f->restart_dir, G_FILE_TEST_EXISTS))
    return;
  root = pub_draft_to_json (draft);
  text = json_to_string (root, TRUE);
  g_assert_cmpint (g_mkdir (f->restart_dir, 0700), ==, 0);
  path = g_strdup_printf ("%s/%s.json", f->restart_dir, pub_draft_get_id (draft));
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  /* And this run ends here, as the process would have. */
  pub_publish_queue_cancel (f->queue, draft);
}

/* A publication cut short is taken up by the next start of the app (a
 * new store and queue over the same folder), and finishes without a
 * second dataset or a second copy of the file already sent. */
static void
test_queue_restart_resumes (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PubDraftStore) store = NULL;
  g_autoptr(PubPublishQueue) queue = NULL;
  g_autoptr(PubDraft) snapshot = NULL;
  g_autoptr(PubDraftResource) first = NULL;
  g_autofree char *first_id = NULL;
  PubDraft *resumed;

  g_signal_connect (f->draft, "changed", G_CALLBACK (snapshot_after_first_cb), f);
  pub_publish_queue_set_client (f->queue, f->client);
  pub_publish_queue_publish (f->queue, f->draft, NULL);
  wait_finished (f, 1);
  g_signal_handlers_disconnect_by_func (f->draft, snapshot_after_first_cb, f);
  g_assert_true (g_error_matches (f->error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
                 g_error_matches (f->error, CKAN_ERROR, CKAN_ERROR_CANCELLED));
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 1);

  snapshot = read_back (f->restart_dir, f->draft);
  g_assert_true (pub_draft_get_queued (snapshot));
  g_assert_cmpint (pub_draft_get_state (snapshot), ==, PUB_DRAFT_STATE_QUEUED);
  first = g_list_model_get_item (pub_draft_get_resources (snapshot), 0);
  first_id = g_strdup (pub_draft_resource_get_remote_id (first));
  g_assert_nonnull (first_id);

  /* The next start: it loads the folder, finds the draft and goes on. */
  store = pub_draft_store_new (f->restart_dir);
  pub_draft_store_set_save_delay (store, 10);
  queue = make_queue (f, store);
  pub_publish_queue_set_client (queue, f->client);
  wait_finished (f, 2);
  g_assert_no_error (f->error);
  g_assert_cmpuint (f->started, ==, 2);

  resumed = pub_draft_store_find (store, pub_draft_get_id (f->draft));
  g_assert_nonnull (resumed);
  g_assert_true (resumed != f->draft);
  flush (store);
  assert_published_once (f, resumed, f->restart_dir);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 1);
  {
    g_autoptr(PubDraftResource) resumed_first = g_list_model_get_item (pub_draft_get_resources (resumed), 0);

    g_assert_cmpstr (pub_draft_resource_get_remote_id (resumed_first), ==, first_id);
  }
  g_clear_object (&queue);
}

/* Queued offline, then the app quits: the next start still has it
 * queued, and publishes it when the network returns. */
static void
test_queue_queued_survives_restart (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(PubDraftStore) store = NULL;
  g_autoptr(PubPublishQueue) queue = NULL;
  PubDraft *reloaded;

  set_network (FALSE);
  pub_publish_queue_publish (f->queue, f->draft, f->client);
  flush (f->store);
  g_assert_finalize_object (g_steal_pointer (&f->queue));

  store = pub_draft_store_new (f->dir);
  queue = make_queue (f, store);
  pub_publish_queue_set_client (queue, f->client);
  while (!pub_draft_store_is_loaded (store))
    g_main_context_iteration (NULL, TRUE);
  reloaded = pub_draft_store_find (store, pub_draft_get_id (f->draft));
  g_assert_nonnull (reloaded);
  g_assert_cmpint (pub_draft_get_state (reloaded), ==, PUB_DRAFT_STATE_QUEUED);
  g_assert_true (pub_publish_queue_is_waiting (queue, reloaded));
  settle ();
  g_assert_cmpuint (f->started, ==, 0);

  set_network (TRUE);
  wait_finished (f, 1);
  g_assert_no_error (f->error);
  flush (store);
  assert_published_once (f, reloaded, f->dir);
  g_clear_object (&queue);
}

/* A draft of an older run: a step begun, no error, no queued flag (the
 * app quit mid-publish before there was a queue). Taken up too; a failed
 * one (with its error) is not: it waits for Retry. */
static void
test_queue_resumes_interrupted_step (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(PubDraftStore) store = NULL;
  g_autoptr(PubPublishQueue) queue = NULL;
  g_autoptr(PubDraft) failed = pub_draft_store_duplicate (f->store, f->draft);
  PubDraft *resumed;

  g_object_ref (failed);
  pub_draft_set_field (failed, "name", "otro-censo");
  pub_draft_set_publish_step (failed, PUB_PUBLISH_STEP_CREATE_DATASET);
  pub_draft_set_last_error (failed, "Creating the dataset on the portal failed.");
  pub_draft_set_publish_step (f->draft, PUB_PUBLISH_STEP_CREATE_DATASET);
  g_assert_cmpint (pub_draft_get_state (f->draft), ==, PUB_DRAFT_STATE_FAILED);
  flush (f->store);

  store = pub_draft_store_new (f->dir);
  queue = make_queue (f, store);
  pub_publish_queue_set_client (queue, f->client);
  wait_finished (f, 1);
  g_assert_no_error (f->error);
  settle ();
  g_assert_cmpuint (f->started, ==, 1);

  resumed = pub_draft_store_find (store, pub_draft_get_id (f->draft));
  flush (store);
  assert_published_once (f, resumed, f->dir);
  g_assert_cmpint (pub_draft_get_state (pub_draft_store_find (store, pub_draft_get_id (failed))), ==,
                   PUB_DRAFT_STATE_FAILED);
  g_assert_null (pub_test_portal_dup_dataset (f->portal, "otro-censo"));
  g_clear_object (&queue);
}

/* A file the checks found e-mail addresses in: the queue, even with
 * auto-start and the network there, waits for a person's answer; once
 * they say "publish anyway", it goes. */
static void
test_queue_holds_personal_data (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(PubDraftResource) first = g_list_model_get_item (pub_draft_get_resources (f->draft), 0);
  g_autoptr(JsonNode) findings = json_from_string ("[{\"column\": \"correo\", \"kind\": \"email\", \"count\": 200}]", NULL);

  pub_draft_resource_set_personal_data (first, findings);
  pub_publish_queue_set_client (f->queue, f->client);
  g_assert_true (pub_publish_queue_get_auto_start (f->queue));
  pub_publish_queue_publish (f->queue, f->draft, NULL);

  settle ();
  g_assert_cmpuint (f->started, ==, 0);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 0);
  g_assert_cmpint (pub_draft_get_state (f->draft), ==, PUB_DRAFT_STATE_QUEUED);
  g_assert_true (pub_publish_queue_is_held_for_personal_data (f->queue, f->draft));

  /* Turning the check off in Preferences lets it go as any other. */
  pub_publish_queue_set_check_personal_data (f->queue, FALSE);
  g_assert_false (pub_publish_queue_is_held_for_personal_data (f->queue, f->draft));
  pub_publish_queue_set_check_personal_data (f->queue, TRUE);
  settle ();
  g_assert_cmpuint (f->started, ==, 0);

  pub_personal_data_answer (f->draft, PUB_PERSONAL_DATA_PUBLISH_ANYWAY);
  g_assert_false (pub_publish_queue_is_held_for_personal_data (f->queue, f->draft));
  pub_publish_queue_publish (f->queue, f->draft, NULL);
  wait_finished (f, 1);
  g_assert_no_error (f->error);
  flush (f->store);
  assert_published_once (f, f->draft, f->dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Before anything asks for the default monitor. */
  install_fake_network_monitor ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/publish-queue/offline-then-online", test_queue_offline_then_online);
  ADD ("/publish-queue/waits-for-account", test_queue_waits_for_account);
  ADD ("/publish-queue/setting-off", test_queue_setting_off);
  ADD ("/publish-queue/follows-account", test_queue_follows_account);
  ADD ("/publish-queue/cancel-waiting", test_queue_cancel_waiting);
  ADD ("/publish-queue/restart-resumes", test_queue_restart_resumes);
  ADD ("/publish-queue/queued-survives-restart", test_queue_queued_survives_restart);
  ADD ("/publish-queue/resumes-interrupted-step", test_queue_resumes_interrupted_step);
  ADD ("/publish-queue/holds-personal-data", test_queue_holds_personal_data);
#undef ADD

  return g_test_run ();
}
