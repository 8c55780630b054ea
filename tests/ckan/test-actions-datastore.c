/* test-actions-datastore.c: loading an upload into the DataStore, its
 * status, data dictionary and rows, against the test portal or a real CKAN
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

#define SYNC CKAN_TEST_SYNC
#define ROWS 25
/* A real xloader runs in a worker; give it time. */
#define LOAD_TIMEOUT_MS 90000

static CkanResource *
upload_csv (CkanTestTarget *target,
            CkanClient     *client,
            CkanDataset    *dataset,
            const char     *path)
{
  g_autoptr(GString) text = g_string_new ("mes,monto\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GError) error = NULL;
  CkanResource *resource;

  for (guint i = 0; i < ROWS; i++)
    g_string_append_printf (text, "%u,%u\n", i % 12 + 1, 1000 + i);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  json_object_set_string_member (fields, "package_id", ckan_dataset_get_id (dataset));
  json_object_set_string_member (fields, "name", "Montos");
  json_object_set_string_member (fields, "format", "CSV");
  SYNC (resource,
        ckan_client_resource_create_upload_async (client, fields, file, "montos.csv", NULL, NULL, NULL,
                                                  NULL, ckan_test_wait_cb, &_r),
        ckan_client_resource_create_upload_finish (client, _r, &error));
  g_assert_no_error (error);
  return resource;
}

static CkanLoadStatus *
wait_for_load (CkanClient *client,
               const char *resource_id)
{
  gint64 deadline = g_get_monotonic_time () + LOAD_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      CkanLoadStatus *status;

      SYNC (status,
            ckan_client_load_status_async (client, CKAN_LOADER_XLOADER, resource_id, NULL, ckan_test_wait_cb, &_r),
            ckan_client_load_status_finish (client, _r, &error));
      /* Not submitted yet (a real portal submits on its own, a little later). */
      if (status == NULL)
        g_assert_error (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND);
      else if (ckan_load_state_is_final (ckan_load_status_get_state (status)))
        return status;
      g_clear_object (&status);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      ckan_test_sleep (200);
    }
}

/* xloader_status carries the job's sysadmin token in task_info.api_key
 * (CKAN 2.11 and the test portal): the record must not keep it. */
static void
assert_no_api_key (CkanRecord *record)
{
  g_autoptr(JsonObject) json = ckan_record_to_json (record);
  g_autoptr(JsonNode) kept = json_node_init_object (json_node_alloc (), ckan_record_get_object (record));
  g_autoptr(JsonNode) sent = json_node_init_object (json_node_alloc (), json);
  g_autofree char *kept_text = json_to_string (kept, FALSE);
  g_autofree char *sent_text = json_to_string (sent, FALSE);

  g_assert_nonnull (ckan_record_get_member_object (record, "task_info"));
  g_assert_null (strstr (kept_text, "api_key"));
  g_assert_null (strstr (sent_text, "api_key"));
  g_assert_null (strstr (kept_text, PUB_TEST_PORTAL_XLOADER_API_KEY));
  g_assert_null (strstr (sent_text, PUB_TEST_PORTAL_XLOADER_API_KEY));
}

static void
test_load_dictionary_and_search (void)
{
  g_autoptr(CkanTestTarget) target = ckan_test_target_new ();
  g_autoptr(CkanClient) editor = ckan_test_target_new_client (target, CKAN_TEST_EDITOR);
  g_autoptr(CkanDataset) dataset = ckan_test_create_dataset (target, editor, "datastore", FALSE);
  g_autofree char *tmpdir = g_dir_make_tmp ("publicador-datastore-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "montos.csv", NULL);
  g_autoptr(CkanResource) resource = upload_csv (target, editor, dataset, path);
  const char *id = ckan_resource_get_id (resource);
  g_autoptr(CkanLoadStatus) status = NULL;
  g_autoptr(CkanDatastoreInfo) info = NULL;
  g_autoptr(CkanDatastoreInfo) edited = NULL;
  g_autoptr(JsonObject) page = NULL;
  g_autoptr(GError) error = NULL;
  CkanDatastoreField *mes;
  gboolean ok;

  SYNC (ok,
        ckan_client_load_submit_async (editor, CKAN_LOADER_XLOADER, id, TRUE, NULL, ckan_test_wait_cb, &_r),
        ckan_client_load_submit_finish (editor, _r, &error));
  g_assert_no_error (error);
  g_assert_true (ok);

  status = wait_for_load (editor, id);
  g_assert_cmpint (ckan_load_status_get_state (status), ==, CKAN_LOAD_STATE_COMPLETE);
  g_assert_null (ckan_load_status_get_error_message (status));
  g_assert_nonnull (ckan_load_status_get_last_updated (status));
  assert_no_api_key (CKAN_RECORD (status));

  SYNC (info,
        ckan_client_datastore_info_async (editor, id, NULL, ckan_test_wait_cb, &_r),
        ckan_client_datastore_info_finish (editor, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ckan_datastore_info_get_count (info), ==, ROWS);
  g_assert_cmpuint (ckan_datastore_info_get_fields (info)->len, ==, 2);
  mes = ckan_datastore_info_get_field (info, "mes");
  g_assert_nonnull (mes);

  /* Write the dictionary back with every column, one of them labelled. */
  ckan_datastore_field_set_label (mes, "Mes");
  ckan_datastore_field_set_notes (mes, "Mes de ejecución (1 a 12)");
  SYNC (ok,
        ckan_client_datastore_set_dictionary_async (editor, id, ckan_datastore_info_get_fields (info),
                                                    NULL, ckan_test_wait_cb, &_r),
        ckan_client_datastore_set_dictionary_finish (editor, _r, &error));
  g_assert_no_error (error);
  g_assert_true (ok);

  SYNC (edited,
        ckan_client_datastore_info_async (editor, id, NULL, ckan_test_wait_cb, &_r),
        ckan_client_datastore_info_finish (editor, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ckan_datastore_field_get_label (ckan_datastore_info_get_field (edited, "mes")), ==, "Mes");
  g_assert_cmpstr (ckan_datastore_field_get_notes (ckan_datastore_info_get_field (edited, "mes")), ==, "Mes de ejecución (1 a 12)");
  g_assert_nonnull (ckan_datastore_info_get_field (edited, "monto"));
  /* The rows are still there. */
  g_assert_cmpint (ckan_datastore_info_get_count (edited), ==, ROWS);

  SYNC (page,
        ckan_client_datastore_search_async (editor, id, NULL, NULL, 5, 10, NULL, ckan_test_wait_cb, &_r),
        ckan_client_datastore_search_finish (editor, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (page, "total"), ==, ROWS);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "records")), ==, 10);

  g_unlink (path);
  g_rmdir (tmpdir);
}

static void
test_status_of_unknown_load (void)
{
  g_autoptr(CkanTestTarget) target = ckan_test_target_new ();
  g_autoptr(CkanClient) editor = ckan_test_target_new_client (target, CKAN_TEST_EDITOR);
  g_autoptr(CkanDataset) dataset = ckan_test_create_dataset (target, editor, "sin-carga", TRUE);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(CkanResource) link = NULL;
  g_autoptr(CkanDatastoreInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (fields, "package_id", ckan_dataset_get_id (dataset));
  json_object_set_string_member (fields, "url", "https://example.org/portal.html");
  json_object_set_string_member (fields, "format", "HTML");
  SYNC (link,
        ckan_client_resource_create_async (editor, fields, NULL, ckan_test_wait_cb, &_r),
        ckan_client_resource_create_finish (editor, _r, &error));
  g_assert_no_error (error);

  /* Never loaded: not in the DataStore. */
  SYNC (info,
        ckan_client_datastore_info_async (editor, ckan_resource_get_id (link), NULL, ckan_test_wait_cb, &_r),
        ckan_client_datastore_info_finish (editor, _r, &error));
  g_assert_null (info);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND);
}

static void
test_missing_loader_is_bad_request (void)
{
  g_autoptr(CkanTestTarget) target = ckan_test_target_new ();
  g_autoptr(CkanClient) editor = ckan_test_target_new_client (target, CKAN_TEST_EDITOR);
  g_autoptr(CkanLoadStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  /* Neither portal runs DataPusher: the action is unknown. */
  SYNC (status,
        ckan_client_load_status_async (editor, CKAN_LOADER_DATAPUSHER, "any", NULL, ckan_test_wait_cb, &_r),
        ckan_client_load_status_finish (editor, _r, &error));
  g_assert_null (status);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_BAD_REQUEST);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ckan/actions/datastore/load-dictionary-search", test_load_dictionary_and_search);
  g_test_add_func ("/ckan/actions/datastore/not-loaded", test_status_of_unknown_load);
  g_test_add_func ("/ckan/actions/datastore/missing-loader", test_missing_loader_is_bad_request);

  return g_test_run ();
}
