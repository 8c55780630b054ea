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

#include <libsoup/soup.h>

#include "../fake-network-monitor.h"
#include "publish-job-fixture.h"

static void
test_publish_clean (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = publish (f);

  g_assert_no_error (error);
  assert_published_once (f, 3);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 1);

  /* Publishing again changes nothing on the portal. */
  pub_draft_set_publish_step (f->draft, PUB_PUBLISH_STEP_UPLOAD_RESOURCES);
  g_clear_error (&error);
  error = publish (f);
  g_assert_no_error (error);
  assert_published_once (f, 3);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 1);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_patch"), ==, 0);
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
  /* It says which file, and what is kept; the UI names the button. */
  g_assert_nonnull (strstr (pub_draft_get_last_error (f->draft), "viviendas.csv"));
  g_assert_nonnull (strstr (pub_draft_get_last_error (f->draft),
                            "the dataset and 1 of 2 files are already on the portal"));
  g_assert_null (strstr (pub_draft_get_last_error (f->draft), "Retry"));
  g_assert_nonnull (pub_draft_resource_get_remote_id (first));
  g_assert_null (pub_draft_resource_get_remote_id (second));

  g_clear_error (&error);
  error = publish (f);
  g_assert_no_error (error);
  /* The closed upload went again; the first file did not. */
  assert_published_once (f, 4);
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
  assert_published_once (f, 3);
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
  /* The refused upload went again; the first file did not. */
  assert_published_once (f, 4);
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
  assert_published_once (f, 3);
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
  /* The refused first upload, then the three. */
  assert_published_once (f, 4);
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

static void
status_shown_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);

  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static guint
count_writes (Fixture *f)
{
  static const char * const writes[] = { "package_create", "package_patch", "resource_create",
                                         "resource_patch", "resource_delete", "package_resource_reorder" };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    n += pub_test_portal_get_call_count (f->portal, writes[i]);
  return n;
}

/* While the network is down the job holds still: the network flapping
 * (still down) does not wake it, and in the time another client gets a full
 * answer from the portal it neither sends anything nor gives up. */
static void
assert_still_waiting (Fixture        *f,
                      PubPublishJob  *job,
                      GError        **error)
{
  g_autoptr(SoupSession) other = soup_session_new ();
  g_autofree char *url = g_strdup_printf ("%s/api/3/action/status_show", pub_test_portal_get_url (f->portal));
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  guint writes = count_writes (f);
  gboolean answered = FALSE;

  set_network (FALSE);
  g_assert_true (job_waiting (job));
  /* libsoup itself does not ask the network monitor. */
  soup_session_send_and_read_async (other, msg, G_PRIORITY_DEFAULT, NULL, status_shown_cb, &answered);
  while (!answered)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (*error);
  g_assert_true (job_waiting (job));
  g_assert_cmpuint (count_writes (f), ==, writes);
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
    g_signal_connect (job, "notify::file-fraction", G_CALLBACK (drop_network_on_second_file), f);
  pub_publish_job_run_async (job, NULL, run_cb, &error);
  while (error == NULL && !job_waiting (job))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  g_assert_null (error);
  /* Waiting is not failing: the draft still says it is publishing. */
  g_assert_cmpint (pub_draft_get_state (f->draft), ==, PUB_DRAFT_STATE_PUBLISHING);
  assert_still_waiting (f, job, &error);

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
  g_assert_no_error (error);
  assert_published_once (f, 3);
}

static void
test_publish_network_drops_midway (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  error = publish_through_outage (f);
  g_assert_no_error (error);
  /* The upload the outage cut went again; the first file did not. */
  assert_published_once (f, 4);
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
  ADD ("/publish-job/connection-closed-mid-second-upload", test_publish_connection_closed);
  ADD ("/publish-job/server-error-on-visibility", test_publish_server_error_on_visibility);
  ADD ("/publish-job/token-revoked-halfway", test_publish_token_revoked);
  ADD ("/publish-job/name-taken", test_publish_name_taken);
  ADD ("/publish-job/html-502", test_publish_html_502);
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
