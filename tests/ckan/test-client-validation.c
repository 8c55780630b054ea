/* test-client-validation.c: resource_validation_run/show and action
 * detection, against the test portal or a real CKAN
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ckan-client-resources.h"
#include "ckan-client-validation.h"
#include "ckan-test-target.h"

#define SYNC CKAN_TEST_SYNC
/* A real ckanext-validation runs in a worker; give it time. */
#define VALIDATION_TIMEOUT_MS 90000

static CkanResource *
upload (CkanClient  *client,
        CkanDataset *dataset,
        const char  *path,
        const char  *text,
        const char  *format)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GError) error = NULL;
  CkanResource *resource;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  json_object_set_string_member (fields, "package_id", ckan_dataset_get_id (dataset));
  json_object_set_string_member (fields, "name", "Montos");
  json_object_set_string_member (fields, "format", format);
  SYNC (resource,
        ckan_client_resource_create_upload_async (client, fields, file, NULL, NULL, NULL, NULL,
                                                  NULL, ckan_test_wait_cb, &_r),
        ckan_client_resource_create_upload_finish (client, _r, &error));
  g_assert_no_error (error);
  return resource;
}

static CkanValidationReport *
wait_for_report (CkanClient *client,
                 const char *resource_id)
{
  gint64 deadline = g_get_monotonic_time () + VALIDATION_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      CkanValidationReport *report;
      const char *status;

      SYNC (report,
            ckan_client_validation_show_async (client, resource_id, NULL, ckan_test_wait_cb, &_r),
            ckan_client_validation_show_finish (client, _r, &error));
      g_assert_no_error (error);
      status = ckan_validation_report_get_status (report);
      if (g_strcmp0 (status, "created") != 0 && g_strcmp0 (status, "running") != 0)
        return report;
      g_clear_object (&report);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      ckan_test_sleep (200);
    }
}

static void
test_run_and_show (void)
{
  g_autoptr(CkanTestTarget) target = ckan_test_target_new ();
  g_autoptr(CkanClient) editor = ckan_test_target_new_client (target, CKAN_TEST_EDITOR);
  g_autoptr(CkanDataset) dataset = ckan_test_create_dataset (target, editor, "validation", FALSE);
  g_autofree char *dir = g_dir_make_tmp ("publicador-validation-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "montos.csv", NULL);
  g_autoptr(CkanResource) resource = upload (editor, dataset, path,
                                             "mes,monto\n1,100\n2,200\n3\n4,400\n", "CSV");
  const char *id = ckan_resource_get_id (resource);
  g_autoptr(CkanValidationReport) before = NULL;
  g_autoptr(CkanValidationReport) report = NULL;
  g_autoptr(GError) error = NULL;
  CkanValidationError *e;
  GPtrArray *missing;
  gboolean ok;

  /* Never validated: 404, which the app shows as "not validated yet". A real
   * portal may validate on upload by itself. */
  SYNC (before,
        ckan_client_validation_show_async (editor, id, NULL, ckan_test_wait_cb, &_r),
        ckan_client_validation_show_finish (editor, _r, &error));
  if (!ckan_test_target_is_real (target))
    {
      g_assert_error (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND);
      g_assert_null (before);
    }
  g_clear_error (&error);

  SYNC (ok,
        ckan_client_validation_run_async (editor, id, NULL, ckan_test_wait_cb, &_r),
        ckan_client_validation_run_finish (editor, _r, &error));
  g_assert_no_error (error);
  g_assert_true (ok);

  report = wait_for_report (editor, id);
  g_assert_cmpstr (ckan_validation_report_get_status (report), ==, "failure");
  g_assert_false (ckan_validation_report_get_valid (report));
  g_assert_cmpint (ckan_validation_report_get_shape (report), ==, CKAN_VALIDATION_SHAPE_FRICTIONLESS_V5);
  missing = ckan_validation_report_get_errors_of_type (report, "missing-cell");
  g_assert_nonnull (missing);
  e = g_ptr_array_index (missing, 0);
  /* The same numbering as the local checks: the header is row 1. */
  g_assert_cmpint (e->row_number, ==, 4);
  g_assert_cmpint (e->field_number, ==, 2);
  g_assert_nonnull (ckan_validation_report_get_finished (report));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_unsupported_format (void)
{
  g_autoptr(CkanTestTarget) target = ckan_test_target_new ();
  g_autoptr(CkanClient) editor = ckan_test_target_new_client (target, CKAN_TEST_EDITOR);
  g_autoptr(CkanDataset) dataset = ckan_test_create_dataset (target, editor, "validation-pdf", FALSE);
  g_autofree char *dir = g_dir_make_tmp ("publicador-validation-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "informe.txt", NULL);
  g_autoptr(CkanResource) resource = upload (editor, dataset, path, "solo texto\n", "TXT");
  g_autoptr(GError) error = NULL;
  gboolean ok;

  SYNC (ok,
        ckan_client_validation_run_async (editor, ckan_resource_get_id (resource), NULL, ckan_test_wait_cb, &_r),
        ckan_client_validation_run_finish (editor, _r, &error));
  g_assert_false (ok);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_VALIDATION);
  g_assert_nonnull (ckan_test_field_message (error, "format"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_action_detection (void)
{
  g_autoptr(CkanTestTarget) target = ckan_test_target_new ();
  g_autoptr(CkanClient) editor = ckan_test_target_new_client (target, CKAN_TEST_EDITOR);
  g_autoptr(GError) error = NULL;
  gboolean exists;

  SYNC (exists,
        ckan_client_action_exists_async (editor, "resource_validation_run", NULL, ckan_test_wait_cb, &_r),
        ckan_client_action_exists_finish (editor, _r, &error));
  g_assert_no_error (error);
  g_assert_true (exists);

  /* An AI validation is offered only when the portal has the action. */
  SYNC (exists,
        ckan_client_action_exists_async (editor, "resource_ai_validation_show", NULL, ckan_test_wait_cb, &_r),
        ckan_client_action_exists_finish (editor, _r, &error));
  g_assert_no_error (error);
  g_assert_false (exists);

  if (ckan_test_target_is_real (target))
    return;
  pub_test_portal_set_extension (target->portal, "validation", FALSE);
  SYNC (exists,
        ckan_client_action_exists_async (editor, "resource_validation_run", NULL, ckan_test_wait_cb, &_r),
        ckan_client_action_exists_finish (editor, _r, &error));
  g_assert_no_error (error);
  g_assert_false (exists);
}

/* Each _finish takes only its own _async's result. */
static void
test_finish_checks_source_tag (void)
{
  g_autoptr(CkanTestTarget) target = ckan_test_target_new ();
  g_autoptr(CkanClient) editor = ckan_test_target_new_client (target, CKAN_TEST_EDITOR);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean exists;

  ckan_client_action_exists_async (editor, "resource_validation_run", NULL, ckan_test_wait_cb, &result);
  ckan_test_wait (&result);
  g_test_expect_message ("publicador-ckan", G_LOG_LEVEL_CRITICAL, "*source_tag*");
  g_assert_null (ckan_client_validation_show_finish (editor, result, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  exists = ckan_client_action_exists_finish (editor, result, &error);
  g_assert_no_error (error);
  g_assert_true (exists);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client-validation/run-and-show", test_run_and_show);
  g_test_add_func ("/client-validation/unsupported-format", test_unsupported_format);
  g_test_add_func ("/client-validation/action-detection", test_action_detection);
  g_test_add_func ("/client-validation/finish-checks-source-tag", test_finish_checks_source_tag);

  return g_test_run ();
}
