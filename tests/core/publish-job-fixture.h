/* publish-job-fixture.h: a draft of two files and a link, ready to publish
 * to the test portal, and how the publish-job tests run and check it
 * (include it in one test file)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>

#include "ckan-error.h"
#include "pub-publish-job.h"
#include "test-portal.h"
#include "publish-test-utils.h"

#define ORG "ministerio-de-prueba"

typedef struct
{
  char          *dir;
  PubTestPortal *portal;
  CkanClient    *client;
  PubDraftStore *store;
  PubDraft      *draft;
  GBytes        *contents[2];
  guint          datasets_before;
  /* Set by a test: what to do once the first file (or the resource at
   * after_index) is recorded. */
  void         (*after_first) (gpointer fixture);
  guint          after_index;
  gboolean       after_first_done;
  /* resource_delete calls a test expects (assert_published_once). */
  guint          expected_deletes;
} Fixture;

static void
draft_changed_cb (PubDraft *draft,
                  Fixture  *f)
{
  g_autoptr(PubDraftResource) first = g_list_model_get_item (pub_draft_get_resources (draft), f->after_index);

  if (f->after_first != NULL && !f->after_first_done && first != NULL &&
      pub_draft_resource_get_remote_id (first) != NULL)
    {
      f->after_first_done = TRUE;
      f->after_first (f);
    }
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  f->dir = g_dir_make_tmp ("publish-XXXXXX", NULL);
  f->portal = pub_test_portal_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pub_test_portal_listen (f->portal, 0, &error));
  f->client = ckan_client_new (pub_test_portal_get_url (f->portal), FALSE, &error);
  g_assert_no_error (error);
  ckan_client_set_token (f->client, pub_test_portal_get_token (f->portal, "editor"));
  f->datasets_before = pub_test_portal_count_datasets (f->portal);

  f->store = pub_draft_store_new (f->dir);
  f->draft = g_object_ref (pub_draft_store_create (f->store));
  fill_census_draft (f->draft, f->dir, ORG, f->contents);

  g_signal_connect (f->draft, "changed", G_CALLBACK (draft_changed_cb), f);
}

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(gboolean *) user_data = pub_draft_store_flush_finish (PUB_DRAFT_STORE (object), result, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  gboolean flushed = FALSE;
  const char *name;

  g_signal_handlers_disconnect_by_data (f->draft, f);
  pub_draft_store_flush_async (f->store, NULL, flushed_cb, &flushed);
  while (!flushed)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&f->draft);
  g_clear_object (&f->store);
  g_clear_object (&f->client);
  g_clear_object (&f->portal);
  g_clear_pointer (&f->contents[0], g_bytes_unref);
  g_clear_pointer (&f->contents[1], g_bytes_unref);

  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  GError **error = user_data;

  if (!pub_publish_job_run_finish (PUB_PUBLISH_JOB (object), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "ok");
}

/* Runs a job to its end: NULL when it published, else its error. */
static GError *
publish (Fixture *f)
{
  g_autoptr(PubPublishJob) job = pub_publish_job_new (f->draft, f->client, f->store);
  GError *error = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  pub_publish_job_run_async (job, NULL, run_cb, &error);
  g_assert_true (pub_draft_get_publishing (f->draft));
  while (error == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  g_assert_false (pub_draft_get_publishing (f->draft));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_clear_error (&error);
      g_assert_cmpint (pub_publish_job_get_step (job), ==, PUB_PUBLISH_STEP_DONE);
    }
  return error;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* An action's result, which must succeed. */
static JsonObject *
call (CkanClient   *client,
      const char   *action,
      JsonObject   *params,
      CkanCallFlags kind)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  ckan_client_call_async (client, action, params, kind, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  node = ckan_client_call_finish (client, result, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (node));
}

/* Where the dataset stands when its create answer is lost: still private
 * (it is made public only once its id is recorded); then every id is
 * forgotten. */
G_GNUC_UNUSED static void
forget_remote_ids (Fixture    *f,
                   CkanClient *client)
{
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(JsonObject) patched = NULL;
  GListModel *resources = pub_draft_get_resources (f->draft);

  json_object_set_string_member (params, "id", pub_draft_get_remote_id (f->draft));
  json_object_set_boolean_member (params, "private", TRUE);
  patched = call (client, "package_patch", params, CKAN_CALL_WRITE);
  pub_draft_set_remote_id (f->draft, NULL);
  pub_draft_set_publish_step (f->draft, PUB_PUBLISH_STEP_CREATE_DATASET);
  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(PubDraftResource) resource = g_list_model_get_item (resources, i);
      pub_draft_resource_set_remote_id (resource, NULL);
    }
}

/* The end state every test must reach: the portal holds one dataset, public,
 * with exactly the draft's resources in the draft's order and each file's
 * bytes as they are on disk now. `resource_creates`: the resource_create
 * calls the test expects by now (faulted ones included), so a retry that
 * sends files again is caught even though the job deletes what it could
 * not claim; resource_delete calls must be f->expected_deletes. */
static void
assert_published_once (Fixture *f,
                       guint    resource_creates)
{
  const char *name = pub_draft_get_field (f->draft, "name");
  g_autoptr(JsonObject) dataset = pub_test_portal_dup_dataset (f->portal, name);
  GListModel *local_resources = pub_draft_get_resources (f->draft);
  g_autofree char *path = NULL;
  g_autoptr(PubDraft) on_disk = NULL;
  JsonArray *resources;

  g_assert_nonnull (dataset);
  g_assert_cmpuint (pub_test_portal_count_datasets (f->portal), ==, f->datasets_before + 1);
  g_assert_false (json_object_get_boolean_member (dataset, "private"));
  g_assert_cmpstr (json_object_get_string_member (dataset, "id"), ==, pub_draft_get_remote_id (f->draft));
  g_assert_cmpstr (json_object_get_string_member (dataset, "title"), ==, pub_draft_get_field (f->draft, "title"));

  resources = json_object_get_array_member (dataset, "resources");
  g_assert_cmpuint (json_array_get_length (resources), ==, g_list_model_get_n_items (local_resources));
  for (guint i = 0; i < json_array_get_length (resources); i++)
    {
      JsonObject *remote = json_array_get_object_element (resources, i);
      g_autoptr(PubDraftResource) local = g_list_model_get_item (local_resources, i);

      g_assert_cmpstr (json_object_get_string_member (remote, "name"), ==, pub_draft_resource_get_name (local));
      g_assert_cmpstr (json_object_get_string_member (remote, "id"), ==, pub_draft_resource_get_remote_id (local));
      if (pub_draft_resource_get_kind (local) == PUB_DRAFT_RESOURCE_FILE)
        {
          g_autoptr(GBytes) stored = pub_test_portal_dup_upload (f->portal, json_object_get_string_member (remote, "id"));
          g_autoptr(GFile) file = pub_draft_resource_dup_file (local);
          g_autoptr(GBytes) now = g_file_load_bytes (file, NULL, NULL, NULL);

          g_assert_nonnull (stored);
          g_assert_nonnull (now);
          g_assert_true (g_bytes_equal (stored, now));
        }
    }
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_create"), ==, resource_creates);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_delete"), ==, f->expected_deletes);

  g_assert_cmpint (pub_draft_get_state (f->draft), ==, PUB_DRAFT_STATE_PUBLISHED);
  g_assert_null (pub_draft_get_last_error (f->draft));
  g_assert_true (g_str_has_suffix (pub_draft_get_remote_url (f->draft), name));

  /* And the draft on disk knows all of it. */
  path = g_strdup_printf ("%s/%s.json", f->dir, pub_draft_get_id (f->draft));
  on_disk = pub_draft_store_read_file (path, NULL);
  g_assert_nonnull (on_disk);
  g_assert_cmpint (pub_draft_get_publish_step (on_disk), ==, PUB_PUBLISH_STEP_DONE);
  g_assert_cmpstr (pub_draft_get_remote_id (on_disk), ==, pub_draft_get_remote_id (f->draft));
}

/* Sets the visibility change to fail, so the files are all sent and the
 * dataset stays private, then publishes. */
G_GNUC_UNUSED static void
publish_until_visibility (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  pub_test_portal_inject_fault (f->portal, "package_patch", PUB_TEST_FAULT_HTTP_500_JSON, 0, 1);
  error = publish (f);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_SERVER);
  g_assert_cmpint (pub_draft_get_publish_step (f->draft), ==, PUB_PUBLISH_STEP_SET_VISIBILITY);
}

/* Rewritten by a program between two attempts, the draft not told. */
G_GNUC_UNUSED static void
rewrite_first_file (Fixture *f,
                    gsize    size)
{
  g_autoptr(PubDraftResource) first = g_list_model_get_item (pub_draft_get_resources (f->draft), 0);
  g_autofree char *sha_before = g_strdup (pub_draft_resource_get_sha256 (first));

  g_clear_pointer (&f->contents[0], g_bytes_unref);
  f->contents[0] = make_file (f->dir, "poblacion.csv", size, 'z');
  g_assert_cmpstr (pub_draft_resource_get_sha256 (first), ==, sha_before);
}
