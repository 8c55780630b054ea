/* test-client-download.c: a resource's file saved to disk, on the test
 * portal or a real CKAN; the token goes only to the portal
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <locale.h>

#include "ckan-client-download.h"
#include "ckan-client-private.h"
#include "ckan-client-resources.h"
#include "ckan-test-target.h"

#define SYNC CKAN_TEST_SYNC

static const char csv[] = "region,valor\nArica,10\nTarapaca,12\n";

static void
test_download_upload (void)
{
  g_autoptr(CkanTestTarget) target = ckan_test_target_new ();
  g_autoptr(CkanClient) editor = ckan_test_target_new_client (target, CKAN_TEST_EDITOR);
  /* Private: only a token gets the file. */
  g_autoptr(CkanDataset) dataset = ckan_test_create_dataset (target, editor, "descarga", TRUE);
  g_autofree char *dir = g_dir_make_tmp ("publicador-download-XXXXXX", NULL);
  g_autofree char *source = g_build_filename (dir, "datos.csv", NULL);
  g_autofree char *dest_path = g_build_filename (dir, "copia.csv", NULL);
  g_autofree char *missing_url = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (source);
  g_autoptr(GFile) dest = g_file_new_for_path (dest_path);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(CkanResource) resource = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  goffset written;

  g_assert_true (g_file_set_contents (source, csv, -1, NULL));
  json_object_set_string_member (fields, "package_id", ckan_dataset_get_id (dataset));
  json_object_set_string_member (fields, "format", "CSV");
  SYNC (resource,
        ckan_client_resource_create_upload_async (editor, fields, file, "datos.csv", NULL, NULL, NULL, NULL,
                                                  ckan_test_wait_cb, &_r),
        ckan_client_resource_create_upload_finish (editor, _r, &error));
  g_assert_no_error (error);

  SYNC (written,
        ckan_client_download_async (editor, ckan_resource_get_url (resource), dest, NULL, NULL, NULL, NULL, ckan_test_wait_cb, &_r),
        ckan_client_download_finish (editor, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (written, ==, (goffset) strlen (csv));
  g_assert_true (g_file_get_contents (dest_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, csv);

  /* Not there: NOT_FOUND, and the copy made before is left as it was. */
  /* CKAN serves the file whatever name ends the URL: ask for another id. */
  missing_url = g_strdup_printf ("%s/dataset/%s/resource/6d1c3b2e-0000-4000-8000-000000000000/download/datos.csv",
                                 target->url, ckan_dataset_get_id (dataset));
  SYNC (written,
        ckan_client_download_async (editor, missing_url, dest, NULL, NULL, NULL, NULL, ckan_test_wait_cb, &_r),
        ckan_client_download_finish (editor, _r, &error));
  g_assert_cmpint (written, ==, -1);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (dest_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, csv);

  SYNC (written,
        ckan_client_download_async (editor, "ftp://example.org/x.csv", dest, NULL, NULL, NULL, NULL, ckan_test_wait_cb, &_r),
        ckan_client_download_finish (editor, _r, &error));
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_INVALID_URL);

  g_unlink (source);
  g_unlink (dest_path);
  g_rmdir (dir);
}

/* A link elsewhere never gets the token; the portal's own URLs do. */
static void
test_token_stays_on_portal (void)
{
  g_autoptr(CkanClient) client = ckan_client_new ("https://datos.example.cl/portal", FALSE, NULL);
  const char *elsewhere[] = {
    "https://otro.example.cl/portal/datos.csv",
    "http://datos.example.cl/portal/datos.csv",
    "https://datos.example.cl:8443/datos.csv",
    "https://datos.example.cl.evil.example/datos.csv",
  };

  ckan_client_set_token (client, "secreto");
  for (guint i = 0; i < G_N_ELEMENTS (elsewhere); i++)
    {
      g_autoptr(SoupMessage) msg = ckan_client_new_download_message (client, elsewhere[i]);

      g_assert_nonnull (msg);
      g_assert_null (soup_message_headers_get_one (soup_message_get_request_headers (msg), "Authorization"));
      g_assert_null (soup_message_headers_get_one (soup_message_get_request_headers (msg), "X-CKAN-API-Key"));
    }
  {
    g_autoptr(SoupMessage) msg = ckan_client_new_download_message (client, "https://DATOS.example.cl:443/dataset/x/download/d.csv");

    g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_request_headers (msg), "Authorization"), ==, "secreto");
    g_assert_true (soup_message_query_flags (msg, SOUP_MESSAGE_NO_REDIRECT));
  }
  g_assert_null (ckan_client_new_download_message (client, "file:///etc/passwd"));
  g_assert_null (ckan_client_new_download_message (client, "no es una dirección"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ckan/download/upload", test_download_upload);
  g_test_add_func ("/ckan/download/token-stays-on-portal", test_token_stays_on_portal);

  return g_test_run ();
}
