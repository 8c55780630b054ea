/* test-publish-job-retry.c: a retry after the portal or the draft changed
 * in between: a colleague took the name, the person edited the draft, a
 * file changed on disk; the portal ends up matching the draft, and nobody
 * else's dataset or resource is touched
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../fake-network-monitor.h"
#include "publish-job-fixture.h"

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
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_delete"), ==, 0);
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

  pub_draft_set_field (f->draft, "version", "1.0");
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
  pub_draft_set_field (f->draft, "version", NULL);
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
  g_assert_cmpstr (json_object_get_string_member_with_default (dataset, "version", ""), ==, "");
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
  /* Nothing was sent twice; only the file taken out of the draft went. */
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_create"), ==, 4);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_delete"), ==, 1);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 1);
}

static void
test_publish_file_changed (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PubDraftResource) first = g_list_model_get_item (pub_draft_get_resources (f->draft), 0);
  g_autofree char *first_id = NULL;

  publish_until_visibility (f);
  first_id = g_strdup (pub_draft_resource_get_remote_id (first));
  /* The same size: only the bytes tell. */
  rewrite_first_file (f, 200 * 1024);

  error = publish (f);
  g_assert_no_error (error);
  /* The new bytes, in the same resource: no second one. */
  assert_published_once (f, 3);
  g_assert_cmpstr (pub_draft_resource_get_remote_id (first), ==, first_id);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_patch"), ==, 1);
}

/* The first upload's answer was lost (no id recorded), then the file grew:
 * the portal's copy is still recognised by what was sent, and replaced. */
static void
test_publish_file_changed_after_lost_answer (Fixture       *f,
                                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PubDraftResource) first = g_list_model_get_item (pub_draft_get_resources (f->draft), 0);
  g_autofree char *first_id = NULL;

  publish_until_visibility (f);
  first_id = g_strdup (pub_draft_resource_get_remote_id (first));
  pub_draft_resource_set_remote_id (first, NULL);
  pub_draft_set_publish_step (f->draft, PUB_PUBLISH_STEP_UPLOAD_RESOURCES);
  rewrite_first_file (f, 260 * 1024);

  error = publish (f);
  g_assert_no_error (error);
  assert_published_once (f, 3);
  g_assert_cmpstr (pub_draft_resource_get_remote_id (first), ==, first_id);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_patch"), ==, 1);
}

/* The portal made the dataset but its answer came after the client gave
 * up (a timeout: the outcome unknown, like a network error or a cancel
 * after sending). The retry recognises its own dataset: one, not two. */
static void
test_publish_create_answer_timed_out (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  ckan_client_set_timeout (f->client, 1);
  pub_test_portal_inject_fault (f->portal, "package_create", PUB_TEST_FAULT_DELAY, 2500, 1);
  error = publish (f);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_TIMEOUT);
  g_assert_null (pub_draft_get_remote_id (f->draft));
  g_assert_cmpint (pub_draft_get_publish_step (f->draft), ==, PUB_PUBLISH_STEP_CREATE_DATASET);
  while (pub_test_portal_count_datasets (f->portal) == f->datasets_before)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }

  ckan_client_set_timeout (f->client, 30);
  g_clear_error (&error);
  error = publish (f);
  g_assert_no_error (error);
  assert_published_once (f, 3);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  install_fake_network_monitor ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/publish-job/colleague-took-the-name", test_publish_colleague_took_the_name);
  ADD ("/publish-job/edited-after-failure", test_publish_edited_after_failure);
  ADD ("/publish-job/file-changed", test_publish_file_changed);
  ADD ("/publish-job/file-changed-after-lost-answer", test_publish_file_changed_after_lost_answer);
  ADD ("/publish-job/create-answer-timed-out", test_publish_create_answer_timed_out);
#undef ADD

  return g_test_run ();
}
