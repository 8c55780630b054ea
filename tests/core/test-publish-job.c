/* test-publish-job.c: publishing a draft to the test portal, with a fault
 * at every step; each time a retry finishes and the portal holds exactly
 * one dataset with exactly the expected resources
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ckan-error.h"
#include "pub-publish-job.h"
#include "test-portal.h"
#include "../fake-network-monitor.h"
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
  /* Set by a test: what to do once the first file is recorded. */
  void         (*after_first) (gpointer fixture);
  gboolean       after_first_done;
} Fixture;

static void
draft_changed_cb (PubDraft *draft,
                  Fixture  *f)
{
  g_autoptr(PubDraftResource) first = g_list_model_get_item (pub_draft_get_resources (draft), 0);

  if (f->after_first != NULL && !f->after_first_done && pub_draft_resource_get_remote_id (first) != NULL)
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
  const char *names[] = { "poblacion.csv", "viviendas.csv" };
  g_autoptr(PubDraftResource) link = pub_draft_resource_new_link ("https://example.cl/api/censo.json");
  guint pending = 2;

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
  pub_draft_set_field (f->draft, "title", "Censo de población 2024");
  pub_draft_set_field (f->draft, "name", "censo-de-poblacion-2024");
  pub_draft_set_field (f->draft, "notes", "Resultados por comuna.");
  pub_draft_set_field (f->draft, "author", "Unidad de Estudios");
  pub_draft_set_field (f->draft, "author_email", "estudios@example.cl");
  pub_draft_set_field (f->draft, "owner_org", ORG);
  pub_draft_set_field (f->draft, "visibility", "public");
  pub_draft_set_field (f->draft, "license_id", "cc-by");
  pub_draft_add_tag (f->draft, "censo");

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(PubDraftResource) resource = NULL;

      f->contents[i] = make_file (f->dir, names[i], 200 * 1024 + i * 50 * 1024, 'a' + i);
      resource = pub_draft_resource_new_for_file (file);
      pub_draft_add_resource (f->draft, resource);
      pub_draft_resource_refresh_async (resource, NULL, refreshed_cb, &pending);
    }
  pub_draft_add_resource (f->draft, link);
  while (pending > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (pub_draft_get_state (f->draft), ==, PUB_DRAFT_STATE_READY);

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
static void
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

/* The end state every test must reach. */
static void
assert_published_once (Fixture *f)
{
  const char *name = pub_draft_get_field (f->draft, "name");
  g_autoptr(JsonObject) dataset = pub_test_portal_dup_dataset (f->portal, name);
  g_autofree char *path = NULL;
  g_autoptr(PubDraft) on_disk = NULL;
  JsonArray *resources;
  static const char * const expected[] = { "poblacion.csv", "viviendas.csv", "censo.json" };

  g_assert_nonnull (dataset);
  g_assert_cmpuint (pub_test_portal_count_datasets (f->portal), ==, f->datasets_before + 1);
  g_assert_false (json_object_get_boolean_member (dataset, "private"));
  g_assert_cmpstr (json_object_get_string_member (dataset, "id"), ==, pub_draft_get_remote_id (f->draft));
  g_assert_cmpstr (json_object_get_string_member (dataset, "title"), ==, "Censo de población 2024");

  resources = json_object_get_array_member (dataset, "resources");
  g_assert_cmpuint (json_array_get_length (resources), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *remote = json_array_get_object_element (resources, i);
      g_autoptr(PubDraftResource) local = g_list_model_get_item (pub_draft_get_resources (f->draft), i);

      g_assert_cmpstr (json_object_get_string_member (remote, "name"), ==, expected[i]);
      g_assert_cmpstr (json_object_get_string_member (remote, "id"), ==, pub_draft_resource_get_remote_id (local));
      if (i < 2)
        {
          g_autoptr(GBytes) stored = pub_test_portal_dup_upload (f->portal, json_object_get_string_member (remote, "id"));

          g_assert_nonnull (stored);
          g_assert_true (g_bytes_equal (stored, f->contents[i]));
        }
    }

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

static void
test_publish_clean (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = publish (f);

  g_assert_no_error (error);
  assert_published_once (f);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 1);

  /* Publishing again changes nothing on the portal. */
  pub_draft_set_publish_step (f->draft, PUB_PUBLISH_STEP_UPLOAD_RESOURCES);
  g_clear_error (&error);
  error = publish (f);
  g_assert_no_error (error);
  assert_published_once (f);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 1);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_create"), ==, 3);
}

/* Every answer lost (the draft saved before each request, never after):
 * the dataset is found by name, the resources by name and size. */
static void
test_publish_answers_lost (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = publish (f);
  g_autofree char *first_id = g_strdup (pub_draft_get_remote_id (f->draft));

  g_assert_no_error (error);
  forget_remote_ids (f, f->client);
  error = publish (f);
  g_assert_no_error (error);
  g_assert_cmpstr (pub_draft_get_remote_id (f->draft), ==, first_id);
  assert_published_once (f);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 1);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_create"), ==, 3);
}

static void
close_next_upload (gpointer data)
{
  Fixture *f = data;

  pub_test_portal_inject_fault (f->portal, "resource_create", PUB_TEST_FAULT_CLOSE_AFTER_BYTES, 64 * 1024, 1);
}

static void
test_publish_connection_closed (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PubDraftResource) first = g_list_model_get_item (pub_draft_get_resources (f->draft), 0);
  g_autoptr(PubDraftResource) second = g_list_model_get_item (pub_draft_get_resources (f->draft), 1);

  f->after_first = close_next_upload;
  error = publish (f);
  g_assert_nonnull (error);
  g_assert_cmpint (pub_draft_get_state (f->draft), ==, PUB_DRAFT_STATE_FAILED);
  /* It says which file, and what to do. */
  g_assert_nonnull (strstr (pub_draft_get_last_error (f->draft), "viviendas.csv"));
  g_assert_nonnull (strstr (pub_draft_get_last_error (f->draft), "Retry"));
  g_assert_nonnull (pub_draft_resource_get_remote_id (first));
  g_assert_null (pub_draft_resource_get_remote_id (second));

  g_clear_error (&error);
  error = publish (f);
  g_assert_no_error (error);
  assert_published_once (f);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 1);
}

static void
test_publish_server_error_on_visibility (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) half = NULL;

  pub_test_portal_inject_fault (f->portal, "package_patch", PUB_TEST_FAULT_HTTP_500_JSON, 0, 1);
  error = publish (f);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_SERVER);
  g_assert_cmpint (pub_draft_get_publish_step (f->draft), ==, PUB_PUBLISH_STEP_SET_VISIBILITY);
  g_assert_nonnull (strstr (pub_draft_get_last_error (f->draft), "visibility"));
  /* Until then it stays out of sight. */
  half = pub_test_portal_dup_dataset (f->portal, "censo-de-poblacion-2024");
  g_assert_true (json_object_get_boolean_member (half, "private"));

  g_clear_error (&error);
  error = publish (f);
  g_assert_no_error (error);
  assert_published_once (f);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_create"), ==, 3);
}

static void
revoke_token (gpointer data)
{
  Fixture *f = data;

  pub_test_portal_revoke_token (f->portal, pub_test_portal_get_token (f->portal, "editor"));
}

static void
test_publish_token_revoked (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->after_first = revoke_token;
  error = publish (f);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION);
  g_assert_nonnull (strstr (pub_draft_get_last_error (f->draft), "viviendas.csv"));

  /* Signed in again (here: another editor of the organization). */
  ckan_client_set_token (f->client, pub_test_portal_get_token (f->portal, "admin"));
  g_clear_error (&error);
  error = publish (f);
  g_assert_no_error (error);
  assert_published_once (f);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 1);
}

static void
test_publish_name_taken (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  JsonObject *fields;

  /* The fixture already has a dataset of this name. */
  pub_draft_set_field (f->draft, "name", "calidad-del-aire");
  error = publish (f);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_VALIDATION);
  fields = ckan_error_get_fields (error);
  g_assert_nonnull (fields);
  g_assert_true (json_object_has_member (fields, "name"));
  g_assert_cmpint (pub_draft_get_publish_step (f->draft), ==, PUB_PUBLISH_STEP_NONE);
  g_assert_null (pub_draft_get_remote_id (f->draft));
  g_assert_cmpuint (pub_test_portal_count_datasets (f->portal), ==, f->datasets_before);

  /* Retrying unchanged never takes over someone else's dataset. */
  g_clear_error (&error);
  error = publish (f);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_VALIDATION);
  g_assert_cmpuint (pub_test_portal_count_datasets (f->portal), ==, f->datasets_before);

  pub_draft_set_field (f->draft, "name", "censo-de-poblacion-2024");
  g_clear_error (&error);
  error = publish (f);
  g_assert_no_error (error);
  assert_published_once (f);
}

/* Our create never arrived (as far as we know, its answer was lost), and
 * a colleague then made theirs: same name, title and organization. Ours
 * must not take it over (upload into it, make it public). */
static void
test_publish_colleague_took_the_name (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanClient) colleague = ckan_client_new (pub_test_portal_get_url (f->portal), FALSE, NULL);
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(JsonObject) theirs = NULL;
  JsonObject *fields;
  g_autofree char *path = NULL;
  g_autoptr(PubDraft) on_disk = NULL;

  pub_test_portal_inject_fault (f->portal, "package_create", PUB_TEST_FAULT_CLOSE_AFTER_BYTES, 16, 1);
  error = publish (f);
  g_assert_nonnull (error);
  g_assert_cmpint (pub_draft_get_publish_step (f->draft), ==, PUB_PUBLISH_STEP_CREATE_DATASET);
  g_assert_null (pub_draft_get_remote_id (f->draft));
  g_assert_cmpuint (pub_test_portal_count_datasets (f->portal), ==, f->datasets_before);
  /* Who sent the create is on disk before it went out. */
  path = g_strdup_printf ("%s/%s.json", f->dir, pub_draft_get_id (f->draft));
  on_disk = pub_draft_store_read_file (path, NULL);
  g_assert_nonnull (pub_draft_get_publish_record (on_disk, "creator_user_id"));
  g_assert_cmpstr (json_node_get_string (pub_draft_get_publish_record (on_disk, "creator_user_id")), ==,
                   pub_test_portal_get_user_id (f->portal, "editor"));

  ckan_client_set_token (colleague, pub_test_portal_get_token (f->portal, "admin"));
  json_object_set_string_member (params, "name", "censo-de-poblacion-2024");
  json_object_set_string_member (params, "title", "Censo de población 2024");
  json_object_set_string_member (params, "owner_org", ORG);
  json_object_set_string_member (params, "notes", "Borrador de un colega.");
  json_object_set_string_member (params, "license_id", "cc-by");
  json_object_set_boolean_member (params, "private", TRUE);
  created = call (colleague, "package_create", params, CKAN_CALL_WRITE);

  g_clear_error (&error);
  error = publish (f);
  /* Said like any taken name: under the name field. */
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_VALIDATION);
  fields = ckan_error_get_fields (error);
  g_assert_nonnull (fields);
  g_assert_true (json_object_has_member (fields, "name"));
  g_assert_null (pub_draft_get_remote_id (f->draft));

  theirs = pub_test_portal_dup_dataset (f->portal, "censo-de-poblacion-2024");
  g_assert_cmpstr (json_object_get_string_member (theirs, "id"), ==, json_object_get_string_member (created, "id"));
  g_assert_true (json_object_get_boolean_member (theirs, "private"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (theirs, "resources")), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (theirs, "notes"), ==, "Borrador de un colega.");
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_create"), ==, 0);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_patch"), ==, 0);
  g_assert_cmpuint (pub_test_portal_count_datasets (f->portal), ==, f->datasets_before + 1);
}

/* After a failed publication the person edits the draft; the retry makes
 * the portal match it: metadata, a file removed, one renamed, the order.
 * A resource a colleague added meanwhile is not this draft's to delete. */
static void
test_publish_edited_after_failure (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanClient) colleague = ckan_client_new (pub_test_portal_get_url (f->portal), FALSE, NULL);
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(JsonObject) theirs = NULL;
  g_autoptr(JsonObject) dataset = NULL;
  g_autoptr(PubDraftResource) first = g_list_model_get_item (pub_draft_get_resources (f->draft), 0);
  g_autoptr(PubDraftResource) second = g_list_model_get_item (pub_draft_get_resources (f->draft), 1);
  g_autoptr(PubDraftResource) link = g_list_model_get_item (pub_draft_get_resources (f->draft), 2);
  g_autofree char *removed_id = NULL;
  JsonArray *resources, *tags;

  pub_test_portal_inject_fault (f->portal, "package_patch", PUB_TEST_FAULT_HTTP_500_JSON, 0, 1);
  error = publish (f);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_SERVER);
  removed_id = g_strdup (pub_draft_resource_get_remote_id (first));
  g_assert_nonnull (removed_id);

  ckan_client_set_token (colleague, pub_test_portal_get_token (f->portal, "admin"));
  json_object_set_string_member (params, "package_id", pub_draft_get_remote_id (f->draft));
  json_object_set_string_member (params, "name", "Notas del colega");
  json_object_set_string_member (params, "url", "https://example.cl/notas");
  theirs = call (colleague, "resource_create", params, CKAN_CALL_WRITE);

  pub_draft_set_field (f->draft, "title", "Censo de población y vivienda 2024");
  pub_draft_set_field (f->draft, "notes", "Resultados por comuna y región.");
  pub_draft_remove_tag (f->draft, "censo");
  pub_draft_add_tag (f->draft, "vivienda");
  pub_draft_remove_resource (f->draft, first);
  pub_draft_resource_set_name (second, "Viviendas por comuna");
  pub_draft_resource_set_description (second, "Una fila por comuna.");
  pub_draft_move_resource (f->draft, link, 0);

  g_clear_error (&error);
  error = publish (f);
  g_assert_no_error (error);
  g_assert_cmpint (pub_draft_get_state (f->draft), ==, PUB_DRAFT_STATE_PUBLISHED);

  dataset = pub_test_portal_dup_dataset (f->portal, pub_draft_get_remote_id (f->draft));
  g_assert_cmpstr (json_object_get_string_member (dataset, "title"), ==, "Censo de población y vivienda 2024");
  g_assert_cmpstr (json_object_get_string_member (dataset, "notes"), ==, "Resultados por comuna y región.");
  /* (tags and tag_string both name it; CKAN keeps one, the test portal both) */
  tags = json_object_get_array_member (dataset, "tags");
  g_assert_cmpuint (json_array_get_length (tags), >, 0);
  for (guint i = 0; i < json_array_get_length (tags); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tags, i), "name"), ==, "vivienda");
  g_assert_false (json_object_get_boolean_member (dataset, "private"));
  resources = json_object_get_array_member (dataset, "resources");
  g_assert_cmpuint (json_array_get_length (resources), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (resources, 0), "id"), ==,
                   pub_draft_resource_get_remote_id (link));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (resources, 1), "id"), ==,
                   pub_draft_resource_get_remote_id (second));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (resources, 1), "name"), ==,
                   "Viviendas por comuna");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (resources, 1), "description"), ==,
                   "Una fila por comuna.");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (resources, 2), "id"), ==,
                   json_object_get_string_member (theirs, "id"));
  for (guint i = 0; i < json_array_get_length (resources); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (resources, i), "id"), !=, removed_id);
  /* Nothing was sent twice. */
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_create"), ==, 4);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 1);
}

static void
test_publish_html_502 (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  pub_test_portal_inject_fault (f->portal, "package_create", PUB_TEST_FAULT_HTML_502, 0, 1);
  error = publish (f);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (pub_draft_get_last_error (f->draft), "Creating the dataset"));
  /* The outcome is unknown: the next run looks before creating. */
  g_assert_cmpint (pub_draft_get_publish_step (f->draft), ==, PUB_PUBLISH_STEP_CREATE_DATASET);

  /* A proxy error in the middle of the files, too. */
  pub_test_portal_inject_fault (f->portal, "resource_create", PUB_TEST_FAULT_HTML_502, 0, 1);
  g_clear_error (&error);
  error = publish (f);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (pub_draft_get_last_error (f->draft), "poblacion.csv"));

  g_clear_error (&error);
  error = publish (f);
  g_assert_no_error (error);
  assert_published_once (f);
}

/* Against a real CKAN (build-aux/ckan-stack/run-with-stack.sh sets
 * PUB_CKAN_*): the same publication, and the same refusal to duplicate
 * when every remote id the draft had is forgotten. */
static JsonObject *
show_dataset (CkanClient *client,
              const char *id)
{
  g_autoptr(JsonObject) params = json_object_new ();

  json_object_set_string_member (params, "id", id);
  return call (client, "package_show", params, CKAN_CALL_READ);
}

static void
assert_real_dataset (Fixture    *f,
                     const char *id)
{
  g_autoptr(JsonObject) dataset = show_dataset (f->client, id);
  JsonArray *resources = json_object_get_array_member (dataset, "resources");
  static const char * const expected[] = { "poblacion.csv", "viviendas.csv", "censo.json" };

  g_assert_cmpstr (json_object_get_string_member (dataset, "name"), ==, pub_draft_get_field (f->draft, "name"));
  g_assert_false (json_object_get_boolean_member (dataset, "private"));
  g_assert_cmpuint (json_array_get_length (resources), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *remote = json_array_get_object_element (resources, i);

      g_assert_cmpstr (json_object_get_string_member (remote, "name"), ==, expected[i]);
      if (i < 2)
        g_assert_cmpint (json_object_get_int_member (remote, "size"), ==, g_bytes_get_size (f->contents[i]));
    }
}

static void
test_publish_real_ckan (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("pub-test-publish-%08x", g_random_int ());
  g_autofree char *first_id = NULL;

  g_clear_object (&f->client);
  f->client = ckan_client_new (g_getenv ("PUB_CKAN_URL"), FALSE, &error);
  g_assert_no_error (error);
  ckan_client_set_token (f->client, g_getenv ("PUB_CKAN_TOKEN_EDITOR"));
  pub_draft_set_field (f->draft, "name", name);
  pub_draft_set_field (f->draft, "owner_org", g_getenv ("PUB_CKAN_ORG"));
  pub_draft_set_field (f->draft, "frequency", "1y");

  error = publish (f);
  g_assert_no_error (error);
  first_id = g_strdup (pub_draft_get_remote_id (f->draft));
  assert_real_dataset (f, first_id);

  /* The answers were lost: no ids known, the create maybe sent. */
  forget_remote_ids (f, f->client);
  error = publish (f);
  g_assert_no_error (error);
  g_assert_cmpstr (pub_draft_get_remote_id (f->draft), ==, first_id);
  assert_real_dataset (f, first_id);
}

/* The second file starts to go out just as the network goes down. */
static void
drop_network_on_second_file (PubPublishJob *job,
                             GParamSpec    *pspec,
                             Fixture       *f)
{
  if (g_strcmp0 (pub_publish_job_get_current_name (job), "viviendas.csv") != 0 || f->after_first_done)
    return;
  f->after_first_done = TRUE;
  set_network (FALSE);
  pub_test_portal_inject_fault (f->portal, "resource_create", PUB_TEST_FAULT_CLOSE_AFTER_BYTES, 64 * 1024, 1);
}

static gboolean
job_waiting (PubPublishJob *job)
{
  return pub_publish_job_get_waiting_for_network (job);
}

/* Runs a job that must stop to wait for the network, then brings the
 * network back; NULL when it published without anyone pressing Retry. */
static GError *
publish_through_outage (Fixture *f)
{
  g_autoptr(PubPublishJob) job = pub_publish_job_new (f->draft, f->client, f->store);
  GError *error = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  if (f->after_first == NULL)
    g_signal_connect (job, "notify::current-name", G_CALLBACK (drop_network_on_second_file), f);
  pub_publish_job_run_async (job, NULL, run_cb, &error);
  while (error == NULL && !job_waiting (job))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  g_assert_null (error);
  /* Waiting is not failing: the draft still says it is publishing. */
  g_assert_cmpint (pub_draft_get_state (f->draft), ==, PUB_DRAFT_STATE_PUBLISHING);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (job_waiting (job));

  set_network (TRUE);
  while (error == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    g_clear_error (&error);
  return error;
}

static void
test_publish_waits_when_offline (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Offline from the start: not even the dataset is looked up. */
  f->after_first_done = TRUE;
  set_network (FALSE);
  error = publish_through_outage (f);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_create"), ==, 3);
  g_assert_no_error (error);
  assert_published_once (f);
}

static void
test_publish_network_drops_midway (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  error = publish_through_outage (f);
  g_assert_no_error (error);
  assert_published_once (f);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The fake monitor must be the default before anything asks for one. */
  install_fake_network_monitor ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/publish-job/clean", test_publish_clean);
  ADD ("/publish-job/answers-lost", test_publish_answers_lost);
  ADD ("/publish-job/connection-closed-mid-second-upload", test_publish_connection_closed);
  ADD ("/publish-job/server-error-on-visibility", test_publish_server_error_on_visibility);
  ADD ("/publish-job/token-revoked-halfway", test_publish_token_revoked);
  ADD ("/publish-job/name-taken", test_publish_name_taken);
  ADD ("/publish-job/html-502", test_publish_html_502);
  ADD ("/publish-job/colleague-took-the-name", test_publish_colleague_took_the_name);
  ADD ("/publish-job/edited-after-failure", test_publish_edited_after_failure);
  ADD ("/publish-job/waits-when-offline", test_publish_waits_when_offline);
  ADD ("/publish-job/network-drops-midway", test_publish_network_drops_midway);
  /* Only where a real CKAN is given (never a skip counted as a pass); the
   * integration suite requires one. */
  if (g_strcmp0 (g_getenv ("PUB_CKAN_URL"), "") > 0)
    ADD ("/publish-job/real-ckan", test_publish_real_ckan);
  else if (g_getenv ("PUB_CKAN_REQUIRED") != NULL)
    g_error ("PUB_CKAN_URL is not set: run the integration suite through "
             "build-aux/ckan-stack/run-with-stack.sh");
#undef ADD

  return g_test_run ();
}
