/* test-portal-job.c: following a resource's validation and DataStore load
 * on the test portal, the backoff, and a failed load in plain words
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "pub-ai-validation.h"
#include "pub-load-messages.h"
#include "pub-portal-job.h"
#include "pub-portal-services.h"
#include "pub-report-compare.h"
#include "test-portal.h"
#include "../portal-resource-utils.h"

static const char good_csv[] = "region,anio,valor\nArica,2020,10\nTarapaca,2020,12\n";
static const char broken_csv[] = "region,anio,valor,region\nArica,2020\nTarapaca,2020,12,x,extra\n";

typedef struct {
  PubTestPortal *portal;
  CkanClient    *client;
  char          *dataset_id;
  GArray        *states;   /* PubPortalJobState, as notified */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->portal = pub_test_portal_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pub_test_portal_listen (f->portal, 0, &error));
  f->client = ckan_client_new (pub_test_portal_get_url (f->portal), FALSE, &error);
  g_assert_no_error (error);
  ckan_client_set_token (f->client, pub_test_portal_get_token (f->portal, "editor"));
  f->dataset_id = create_dataset (f->client, "servicios");
  f->states = g_array_new (FALSE, FALSE, sizeof (PubPortalJobState));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_array_unref (f->states);
  g_free (f->dataset_id);
  g_clear_object (&f->client);
  g_clear_object (&f->portal);
}

static void
state_cb (PubPortalJob *job,
          GParamSpec   *pspec,
          Fixture      *f)
{
  PubPortalJobState state = pub_portal_job_get_state (job);

  g_array_append_val (f->states, state);
}

static gboolean
saw_state (Fixture           *f,
           PubPortalJobState  state)
{
  for (guint i = 0; i < f->states->len; i++)
    if (g_array_index (f->states, PubPortalJobState, i) == state)
      return TRUE;
  return FALSE;
}

static PubPortalJob *
new_job (Fixture          *f,
         PubPortalJobKind  kind,
         const char       *resource_id)
{
  PubPortalJob *job = pub_portal_job_new (f->client, kind, resource_id);

  pub_portal_job_set_delays (job, 5, 20);
  g_signal_connect (job, "notify::state", G_CALLBACK (state_cb), f);
  return job;
}

static gboolean
refresh (PubPortalJob  *job,
         GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pub_portal_job_refresh_async (job, NULL, resource_utils_wait_cb, &result);
  return pub_portal_job_refresh_finish (job, resource_utils_wait (&result), error);
}

static gboolean
run (PubPortalJob  *job,
     GCancellable  *cancellable,
     GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pub_portal_job_run_async (job, cancellable, resource_utils_wait_cb, &result);
  return pub_portal_job_run_finish (job, resource_utils_wait (&result), error);
}

/* Never validated: NONE, no error. "Validar de nuevo" goes through
 * created and running to the report, and the job is idle again. */
static void
test_validation_run_followed (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *id = upload_csv (f->client, f->dataset_id, good_csv, NULL);
  g_autoptr(PubPortalJob) job = new_job (f, PUB_PORTAL_JOB_VALIDATION, id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;

  g_assert_true (refresh (job, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pub_portal_job_get_state (job), ==, PUB_PORTAL_JOB_STATE_NONE);
  g_assert_null (pub_portal_job_get_report (job));

  pub_test_portal_set_job_delay (f->portal, 60);
  g_assert_true (run (job, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (saw_state (f, PUB_PORTAL_JOB_STATE_QUEUED));
  g_assert_true (saw_state (f, PUB_PORTAL_JOB_STATE_RUNNING));
  g_assert_cmpint (pub_portal_job_get_state (job), ==, PUB_PORTAL_JOB_STATE_DONE);
  g_assert_false (pub_portal_job_get_busy (job));
  g_assert_cmpstr (ckan_validation_report_get_status (pub_portal_job_get_report (job)), ==, "success");
  g_assert_true (ckan_validation_report_get_valid (pub_portal_job_get_report (job)));
  when = pub_portal_job_dup_last_attempt (job);
  g_assert_nonnull (when);
  /* Polled, not hammered: a handful of reads over ~120 ms of job. */
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_validation_show"), <, 40);
}

/* A file with errors: the job is done, the report says failure. */
static void
test_validation_failure (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *id = upload_csv (f->client, f->dataset_id, broken_csv, NULL);
  g_autoptr(PubPortalJob) job = new_job (f, PUB_PORTAL_JOB_VALIDATION, id);
  g_autoptr(GError) error = NULL;

  g_assert_true (run (job, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pub_portal_job_get_state (job), ==, PUB_PORTAL_JOB_STATE_DONE);
  g_assert_cmpstr (ckan_validation_report_get_status (pub_portal_job_get_report (job)), ==, "failure");
  g_assert_cmpuint (ckan_validation_report_get_n_errors (pub_portal_job_get_report (job)), ==, 4);
}

/* A format the portal does not validate: the run fails, nothing followed. */
static void
test_validation_unsupported (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *id = upload_csv (f->client, f->dataset_id, good_csv, "PDF");
  g_autoptr(PubPortalJob) job = new_job (f, PUB_PORTAL_JOB_VALIDATION, id);
  g_autoptr(GError) error = NULL;

  g_assert_false (run (job, NULL, &error));
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_VALIDATION);
  g_assert_false (pub_portal_job_get_busy (job));
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_validation_show"), ==, 0);
}

/* Loading: NONE before, then pending, running, complete. */
static void
test_load_followed (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *id = upload_csv (f->client, f->dataset_id, good_csv, NULL);
  g_autoptr(PubPortalJob) job = new_job (f, PUB_PORTAL_JOB_XLOADER, id);
  g_autoptr(GError) error = NULL;

  g_assert_true (refresh (job, &error));
  g_assert_cmpint (pub_portal_job_get_state (job), ==, PUB_PORTAL_JOB_STATE_NONE);
  g_assert_null (pub_portal_job_get_load_status (job));

  pub_test_portal_set_job_delay (f->portal, 40);
  g_assert_true (run (job, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (saw_state (f, PUB_PORTAL_JOB_STATE_RUNNING));
  g_assert_cmpint (pub_portal_job_get_state (job), ==, PUB_PORTAL_JOB_STATE_DONE);
  g_assert_cmpint (ckan_load_status_get_state (pub_portal_job_get_load_status (job)), ==, CKAN_LOAD_STATE_COMPLETE);
}

/* A broken file: FAILED, with the loader's message, in one sentence. */
static void
test_load_error (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *id = upload_csv (f->client, f->dataset_id, broken_csv, NULL);
  g_autoptr(PubPortalJob) job = new_job (f, PUB_PORTAL_JOB_XLOADER, id);
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = NULL;
  const char *message;

  g_assert_true (run (job, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pub_portal_job_get_state (job), ==, PUB_PORTAL_JOB_STATE_FAILED);
  message = ckan_load_status_get_error_message (pub_portal_job_get_load_status (job));
  g_assert_nonnull (strstr (message, "more values than"));
  sentence = pub_load_error_explain (message);
  g_assert_cmpstr (sentence, ==, "A row has more values than the header has columns. Fix the file and upload it again.");
}

static void
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

/* Cancel while waiting between reads: it ends at once, not after the wait. */
static void
test_follow_cancelled (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = upload_csv (f->client, f->dataset_id, good_csv, NULL);
  g_autoptr(PubPortalJob) job = new_job (f, PUB_PORTAL_JOB_XLOADER, id);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gint64 start;

  /* The job never ends while followed; reads every 10 s. */
  pub_test_portal_set_job_delay (f->portal, 60000);
  pub_portal_job_set_delays (job, 10000, 10000);
  g_timeout_add_once (300, cancel_cb, cancellable);
  start = g_get_monotonic_time ();
  g_assert_false (run (job, cancellable, &error));
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_assert_false (pub_portal_job_get_busy (job));
  g_assert_cmpint (pub_portal_job_get_state (job), ==, PUB_PORTAL_JOB_STATE_QUEUED);
}

static void
test_backoff (void)
{
  guint delay = 1000;
  guint seen[8];

  for (guint i = 0; i < G_N_ELEMENTS (seen); i++)
    seen[i] = delay = pub_portal_job_next_delay (delay, 15000);
  g_assert_cmpuint (seen[0], ==, 1500);
  g_assert_cmpuint (seen[1], ==, 2250);
  g_assert_cmpuint (seen[2], ==, 3375);
  g_assert_cmpuint (seen[7], ==, 15000);
  g_assert_cmpuint (pub_portal_job_next_delay (0, 100), ==, 1);
}

static void
test_states (void)
{
  g_assert_cmpint (pub_portal_job_state_from_validation ("created"), ==, PUB_PORTAL_JOB_STATE_QUEUED);
  g_assert_cmpint (pub_portal_job_state_from_validation ("running"), ==, PUB_PORTAL_JOB_STATE_RUNNING);
  g_assert_cmpint (pub_portal_job_state_from_validation ("success"), ==, PUB_PORTAL_JOB_STATE_DONE);
  g_assert_cmpint (pub_portal_job_state_from_validation ("failure"), ==, PUB_PORTAL_JOB_STATE_DONE);
  g_assert_cmpint (pub_portal_job_state_from_validation ("error"), ==, PUB_PORTAL_JOB_STATE_FAILED);
  g_assert_cmpint (pub_portal_job_state_from_load (CKAN_LOAD_STATE_PENDING), ==, PUB_PORTAL_JOB_STATE_QUEUED);
  g_assert_cmpint (pub_portal_job_state_from_load (CKAN_LOAD_STATE_RUNNING_BUT_VIEWABLE), ==, PUB_PORTAL_JOB_STATE_RUNNING);
  g_assert_cmpint (pub_portal_job_state_from_load (CKAN_LOAD_STATE_COMPLETE), ==, PUB_PORTAL_JOB_STATE_DONE);
  g_assert_cmpint (pub_portal_job_state_from_load (CKAN_LOAD_STATE_ERROR), ==, PUB_PORTAL_JOB_STATE_FAILED);
  g_assert_false (pub_portal_job_state_is_final (PUB_PORTAL_JOB_STATE_RUNNING));
  g_assert_true (pub_portal_job_state_is_final (PUB_PORTAL_JOB_STATE_NONE));
}

/* xloader's non-JobError: the last frame, then the repr. */
static void
test_load_messages (void)
{
  const char *traceback = "  File \"/srv/app/src/ckanext-xloader/ckanext/xloader/jobs.py\", line 266, in xloader_data_into_datastore_\n"
                          "    load_csv(\n"
                          "DataError('invalid input syntax for type numeric: \"n/a\"')\n";
  g_autofree char *sentence = pub_load_error_explain (traceback);
  g_autofree char *generic = pub_load_error_explain (NULL);
  g_autofree char *http = pub_load_error_explain ("HTTPError('Could not fetch the file')");
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *cut = NULL;
  g_autofree char *short_cut = NULL;
  g_autofree char *wide = NULL;
  g_autofree char *wide_cut = NULL;

  g_assert_cmpstr (sentence, ==, "A value does not fit its column's type. Check the types in the data dictionary.");
  g_assert_cmpstr (generic, ==, "The portal could not load the file into the DataStore.");
  g_assert_cmpstr (http, ==, "The portal could not download the file to load it. Try again later.");
  g_assert_true (pub_load_text_has_traceback (traceback));
  g_assert_false (pub_load_text_has_traceback ("Row 3 has more values"));

  for (guint i = 1; i <= 1000; i++)
    g_string_append_printf (log, "line %u\n", i);
  cut = pub_load_log_cut (log->str, 11, 200);
  g_assert_cmpstr (cut, ==, "line 1\nline 2\nline 3\nline 4\nline 5\n… 990 lines left out …\n"
                            "line 996\nline 997\nline 998\nline 999\nline 1000");
  short_cut = pub_load_log_cut ("a\nb\n", 11, 200);
  g_assert_cmpstr (short_cut, ==, "a\nb");
  wide = g_strnfill (5000, 'x');
  wide_cut = pub_load_log_cut (wide, 11, 10);
  g_assert_cmpstr (wide_cut, ==, "xxxxxxxxxx…");
}

static void
detect_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static PubPortalServices *
detect (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PubPortalServices *services;

  pub_portal_services_detect_async (f->client, NULL, detect_cb, &result);
  services = pub_portal_services_detect_finish (resource_utils_wait (&result), &error);
  g_assert_no_error (error);
  return services;
}

/* The plugin list decides; the AI actions are probed one by one. */
static void
test_services_detected (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PubPortalServices) all = detect (f);
  g_autoptr(PubPortalServices) bare = NULL;
  guint probes = pub_test_portal_get_call_count (f->portal, "help_show");

  g_assert_true (pub_portal_services_has_datastore (all));
  g_assert_cmpint (pub_portal_services_get_loader (all), ==, CKAN_LOADER_XLOADER);
  g_assert_true (pub_portal_services_has_validation (all));
  g_assert_null (pub_portal_services_get_ai_action (all));
  g_assert_cmpuint (probes, ==, g_strv_length ((GStrv) pub_portal_ai_actions));

  pub_test_portal_set_extension (f->portal, "xloader", FALSE);
  pub_test_portal_set_extension (f->portal, "validation", FALSE);
  bare = detect (f);
  g_assert_true (pub_portal_services_has_datastore (bare));
  g_assert_cmpint (pub_portal_services_get_loader (bare), ==, CKAN_LOADER_NONE);
  g_assert_false (pub_portal_services_has_validation (bare));
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  return json_node_copy (json_parser_get_root (parser));
}

/* The shapes an AI result may take, in English or Spanish, as an object
 * or a JSON string; anything else is no result. */
static void
test_ai_validation_shapes (void)
{
  g_autoptr(JsonNode) english = parse ("{\"score\": 8.2, \"criteria\": {\"structure\": {\"score\": 9}, \"privacy\": 7},"
                                       " \"recommendations\": [\"Add units\", {\"message\": \"Use ISO dates\"}, 3]}");
  g_autoptr(JsonNode) hundred = parse ("\"{\\\"puntaje_total\\\": 64, \\\"criterios\\\": {\\\"completitud\\\": 50}}\"");
  g_autoptr(JsonNode) unrelated = parse ("{\"status\": \"success\"}");
  g_autoptr(PubAiValidation) a = pub_ai_validation_new_from_json (english);
  g_autoptr(PubAiValidation) b = pub_ai_validation_new_from_json (hundred);
  g_autoptr(PubAiValidation) none = pub_ai_validation_new_from_json (unrelated);
  g_autoptr(PubQualityScore) score = NULL;
  const char * const *recommendations;

  g_assert_nonnull (a);
  g_assert_cmpfloat (pub_ai_validation_get_score (a), ==, 8.2);
  g_assert_cmpfloat (pub_ai_validation_get_criterion (a, PUB_CRITERION_STRUCTURE), ==, 9);
  g_assert_cmpfloat (pub_ai_validation_get_criterion (a, PUB_CRITERION_PRIVACY), ==, 7);
  g_assert_cmpfloat (pub_ai_validation_get_criterion (a, PUB_CRITERION_COHERENCE), <, 0);
  recommendations = pub_ai_validation_get_recommendations (a);
  g_assert_cmpstr (recommendations[0], ==, "Add units");
  g_assert_cmpstr (recommendations[1], ==, "Use ISO dates");
  g_assert_null (recommendations[2]);
  score = pub_ai_validation_to_score (a);
  g_assert_cmpfloat (pub_quality_score_get_overall (score), ==, 8.2);
  g_assert_cmpuint (pub_quality_score_get_findings (score)->len, ==, 0);

  g_assert_nonnull (b);
  g_assert_cmpfloat (pub_ai_validation_get_score (b), ==, 6.4);
  g_assert_cmpfloat (pub_ai_validation_get_criterion (b, PUB_CRITERION_COMPLETENESS), ==, 5);
  g_assert_null (none);
}

/* Flat fields on the resource. */
static void
test_ai_validation_resource (void)
{
  g_autoptr(JsonNode) with = parse ("{\"id\": \"r\", \"ai_score\": \"7\", \"ai_recommendations\": \"[\\\"Describa las columnas\\\"]\"}");
  g_autoptr(JsonNode) without = parse ("{\"id\": \"r\", \"name\": \"Datos\"}");
  g_autoptr(CkanResource) r1 = ckan_resource_new_from_json (json_node_get_object (with), NULL);
  g_autoptr(CkanResource) r2 = ckan_resource_new_from_json (json_node_get_object (without), NULL);
  g_autoptr(PubAiValidation) found = pub_ai_validation_new_from_resource (r1);
  g_autoptr(PubAiValidation) missing = pub_ai_validation_new_from_resource (r2);

  g_assert_nonnull (found);
  g_assert_cmpfloat (pub_ai_validation_get_score (found), ==, 7);
  g_assert_cmpstr (pub_ai_validation_get_recommendations (found)[0], ==, "Describa las columnas");
  g_assert_null (missing);
}

/* Why a local and a portal report differ. */
static void
test_report_compare (void)
{
  g_autoptr(CkanValidationReport) local = ckan_validation_report_new (0);
  g_autoptr(CkanValidationReport) portal = ckan_validation_report_new (0);
  g_autoptr(CkanValidationReport) same = ckan_validation_report_new (0);
  g_auto(GStrv) differences = NULL;
  g_auto(GStrv) agree = NULL;

  ckan_validation_report_set_stats (local, 10, 3, 100);
  ckan_validation_report_set_stats (portal, 12, 3, 120);
  ckan_validation_report_set_stats (same, 10, 3, 100);
  ckan_validation_report_add_error (portal, "type-error", 3, 2, "monto", "abc", "Wrong type");
  ckan_validation_report_add_error (local, "personal-email", 4, 1, "correo", "x@y.cl", "E-mail");
  differences = pub_report_compare (local, portal);
  g_assert_cmpuint (g_strv_length (differences), ==, 3);
  g_assert_nonnull (strstr (differences[0], "12 rows"));
  g_assert_nonnull (strstr (differences[1], "schema"));
  g_assert_nonnull (strstr (differences[2], "personal data"));
  agree = pub_report_compare (local, same);
  g_assert_cmpuint (g_strv_length (agree), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/portal-job/validation/run-followed", test_validation_run_followed);
  ADD ("/core/portal-job/validation/failure", test_validation_failure);
  ADD ("/core/portal-job/validation/unsupported", test_validation_unsupported);
  ADD ("/core/portal-job/load/followed", test_load_followed);
  ADD ("/core/portal-job/load/error", test_load_error);
  ADD ("/core/portal-job/follow-cancelled", test_follow_cancelled);
  ADD ("/core/portal-services/detected", test_services_detected);
#undef ADD
  g_test_add_func ("/core/portal-job/backoff", test_backoff);
  g_test_add_func ("/core/portal-job/states", test_states);
  g_test_add_func ("/core/load-messages", test_load_messages);
  g_test_add_func ("/core/ai-validation/shapes", test_ai_validation_shapes);
  g_test_add_func ("/core/ai-validation/resource", test_ai_validation_resource);
  g_test_add_func ("/core/report-compare", test_report_compare);

  return g_test_run ();
}
