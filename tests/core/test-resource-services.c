/* test-resource-services.c: a resource's portal services end to end, on the
 * test portal or the real CKAN stack (suite "integration"): upload a CSV
 * and wait for the load; read the dictionary, change a label and a type
 * and load again; preview the rows; run the validation and read the report
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "ckan-client-datastore.h"
#include "ckan-client-resources.h"
#include "ckan-test-target.h"
#include "pub-load-messages.h"
#include "pub-portal-job.h"
#include "pub-portal-services.h"

#define ROWS 25
/* A real worker takes a few seconds per job; a loaded machine more. */
#define JOB_TIMEOUT_S 120

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  gint64 deadline = g_get_monotonic_time () + JOB_TIMEOUT_S * G_USEC_PER_SEC;

  while (*result == NULL)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  return *result;
}

static CkanResource *
upload (CkanClient  *client,
        CkanDataset *dataset,
        const char  *text)
{
  g_autofree char *dir = g_dir_make_tmp ("publicador-services-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "montos.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CkanResource *resource;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  json_object_set_string_member (fields, "package_id", ckan_dataset_get_id (dataset));
  json_object_set_string_member (fields, "name", "Montos");
  json_object_set_string_member (fields, "format", "CSV");
  ckan_client_resource_create_upload_async (client, fields, file, "montos.csv", NULL, NULL, NULL, NULL, wait_cb, &result);
  resource = ckan_client_resource_create_upload_finish (client, wait_for (&result), &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  return resource;
}

static void
run_job (PubPortalJob *job)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pub_portal_job_run_async (job, NULL, wait_cb, &result);
  g_assert_true (pub_portal_job_run_finish (job, wait_for (&result), &error));
  g_assert_no_error (error);
}

static CkanDatastoreInfo *
read_info (CkanClient *client,
           const char *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CkanDatastoreInfo *info;

  ckan_client_datastore_info_async (client, id, NULL, wait_cb, &result);
  info = ckan_client_datastore_info_finish (client, wait_for (&result), &error);
  g_assert_no_error (error);
  return info;
}

static char *
montos_csv (void)
{
  GString *text = g_string_new ("mes,monto\n");

  for (guint i = 0; i < ROWS; i++)
    g_string_append_printf (text, "%u,%u\n", i % 12 + 1, 1000 + i * 7 % 50);
  return g_string_free (text, FALSE);
}

static void
test_services_detected (void)
{
  g_autoptr(CkanTestTarget) target = ckan_test_target_new ();
  g_autoptr(CkanClient) editor = ckan_test_target_new_client (target, CKAN_TEST_EDITOR);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PubPortalServices) services = NULL;

  pub_portal_services_detect_async (editor, NULL, wait_cb, &result);
  services = pub_portal_services_detect_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_true (pub_portal_services_has_datastore (services));
  g_assert_cmpint (pub_portal_services_get_loader (services), ==, CKAN_LOADER_XLOADER);
  g_assert_true (pub_portal_services_has_validation (services));
  /* Neither portal has an AI validation action. */
  g_assert_null (pub_portal_services_get_ai_action (services));
}

/* Upload, load, dictionary (label and type), load again, preview sorted. */
static void
test_load_dictionary_preview (void)
{
  g_autoptr(CkanTestTarget) target = ckan_test_target_new ();
  g_autoptr(CkanClient) editor = ckan_test_target_new_client (target, CKAN_TEST_EDITOR);
  g_autoptr(CkanDataset) dataset = ckan_test_create_dataset (target, editor, "servicios", FALSE);
  g_autofree char *csv = montos_csv ();
  g_autoptr(CkanResource) resource = upload (editor, dataset, csv);
  const char *id = ckan_resource_get_id (resource);
  g_autoptr(PubPortalJob) load = pub_portal_job_new (editor, PUB_PORTAL_JOB_XLOADER, id);
  g_autoptr(CkanDatastoreInfo) info = NULL;
  g_autoptr(CkanDatastoreInfo) labelled = NULL;
  g_autoptr(CkanDatastoreInfo) retyped = NULL;
  g_autoptr(JsonObject) page = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sort = ckan_datastore_sort_clause ("monto", TRUE);
  CkanDatastoreField *monto;
  JsonArray *records;

  pub_portal_job_set_delays (load, 300, 3000);
  run_job (load);
  g_assert_cmpint (pub_portal_job_get_state (load), ==, PUB_PORTAL_JOB_STATE_DONE);

  info = read_info (editor, id);
  g_assert_cmpint (ckan_datastore_info_get_count (info), ==, ROWS);
  monto = ckan_datastore_info_get_field (info, "monto");
  g_assert_nonnull (monto);
  g_assert_cmpstr (ckan_datastore_field_get_field_type (monto), ==, "text");
  ckan_datastore_field_set_label (monto, "Monto en pesos");
  ckan_datastore_field_set_type_override (monto, "numeric");
  ckan_client_datastore_set_dictionary_async (editor, id, ckan_datastore_info_get_fields (info), NULL, wait_cb, &result);
  g_assert_true (ckan_client_datastore_set_dictionary_finish (editor, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  labelled = read_info (editor, id);
  g_assert_cmpstr (ckan_datastore_field_get_label (ckan_datastore_info_get_field (labelled, "monto")), ==, "Monto en pesos");
  g_assert_cmpstr (ckan_datastore_field_get_type_override (ckan_datastore_info_get_field (labelled, "monto")), ==, "numeric");

  /* The type applies at the next load. */
  run_job (load);
  g_assert_cmpint (pub_portal_job_get_state (load), ==, PUB_PORTAL_JOB_STATE_DONE);
  retyped = read_info (editor, id);
  g_assert_cmpstr (ckan_datastore_field_get_field_type (ckan_datastore_info_get_field (retyped, "monto")), ==, "numeric");
  g_assert_cmpstr (ckan_datastore_field_get_label (ckan_datastore_info_get_field (retyped, "monto")), ==, "Monto en pesos");

  /* The preview's second page, sorted by the portal, largest first. */
  ckan_client_datastore_search_async (editor, id, NULL, sort, 0, 10, NULL, wait_cb, &result);
  page = ckan_client_datastore_search_finish (editor, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, ROWS);
  records = json_object_get_array_member (page, "records");
  g_assert_cmpuint (json_array_get_length (records), ==, 10);
  /* Numbers now: 1049 is the largest monto (1000 + 7i mod 50). */
  g_assert_cmpfloat (json_node_get_double (json_object_get_member (json_array_get_object_element (records, 0), "monto")), ==, 1049);
  g_clear_object (&result);
  g_clear_pointer (&page, json_object_unref);
  ckan_client_datastore_search_async (editor, id, NULL, sort, 20, 10, NULL, wait_cb, &result);
  page = ckan_client_datastore_search_finish (editor, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "records")), ==, ROWS - 20);
}

/* Validate a broken file again and read the report. */
static void
test_validation (void)
{
  g_autoptr(CkanTestTarget) target = ckan_test_target_new ();
  g_autoptr(CkanClient) editor = ckan_test_target_new_client (target, CKAN_TEST_EDITOR);
  g_autoptr(CkanDataset) dataset = ckan_test_create_dataset (target, editor, "validacion", FALSE);
  g_autoptr(CkanResource) resource = upload (editor, dataset, "region,anio,valor,region\nArica,2020\nTarapaca,2020,12,x,extra\n");
  g_autoptr(PubPortalJob) job = pub_portal_job_new (editor, PUB_PORTAL_JOB_VALIDATION, ckan_resource_get_id (resource));
  g_autoptr(GDateTime) when = NULL;
  CkanValidationReport *report;

  pub_portal_job_set_delays (job, 300, 3000);
  run_job (job);
  g_assert_cmpint (pub_portal_job_get_state (job), ==, PUB_PORTAL_JOB_STATE_DONE);
  report = pub_portal_job_get_report (job);
  g_assert_cmpstr (ckan_validation_report_get_status (report), ==, "failure");
  g_assert_false (ckan_validation_report_get_valid (report));
  g_assert_cmpuint (ckan_validation_report_get_n_errors_of_type (report, "duplicate-label"), ==, 1);
  g_assert_cmpuint (ckan_validation_report_get_n_errors_of_type (report, "extra-cell"), ==, 1);
  when = pub_portal_job_dup_last_attempt (job);
  g_assert_nonnull (when);
}

/* A file xloader refuses: FAILED, said in a sentence that is not the
 * generic one, the technical text kept for the expander. */
static void
test_failed_load (void)
{
  g_autoptr(CkanTestTarget) target = ckan_test_target_new ();
  g_autoptr(CkanClient) editor = ckan_test_target_new_client (target, CKAN_TEST_EDITOR);
  g_autoptr(CkanDataset) dataset = ckan_test_create_dataset (target, editor, "carga-rota", FALSE);
  g_autoptr(CkanResource) resource = upload (editor, dataset, "region,anio,valor,region\nArica,2020\nTarapaca,2020,12,x,extra\n");
  g_autoptr(PubPortalJob) job = pub_portal_job_new (editor, PUB_PORTAL_JOB_XLOADER, ckan_resource_get_id (resource));
  g_autofree char *generic = pub_load_error_explain (NULL);
  g_autofree char *sentence = NULL;
  const char *technical;

  pub_portal_job_set_delays (job, 300, 3000);
  run_job (job);
  g_assert_cmpint (pub_portal_job_get_state (job), ==, PUB_PORTAL_JOB_STATE_FAILED);
  technical = ckan_load_status_get_error_message (pub_portal_job_get_load_status (job));
  g_assert_nonnull (technical);
  sentence = pub_load_error_explain (technical);
  g_test_message ("loader said: %s", technical);
  g_test_message ("shown as: %s", sentence);
  g_assert_cmpstr (sentence, !=, generic);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/resource-services/detected", test_services_detected);
  g_test_add_func ("/core/resource-services/load-dictionary-preview", test_load_dictionary_preview);
  g_test_add_func ("/core/resource-services/validation", test_validation);
  g_test_add_func ("/core/resource-services/failed-load", test_failed_load);

  return g_test_run ();
}
