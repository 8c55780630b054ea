/* portal-resource-utils.h: datasets with a CSV on the test portal, for the
 * resource services' tests (core and UI)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>

#include "ckan-client-datasets.h"
#include "ckan-client-resources.h"

static inline void
resource_utils_wait_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static inline GAsyncResult *
resource_utils_wait (GAsyncResult **result)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (*result == NULL)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (200);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  return *result;
}

/* A public dataset `name` of ministerio-de-prueba; returns its id. */
static inline char *
create_dataset (CkanClient *client,
                const char *name)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkanDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (fields, "name", name);
  json_object_set_string_member (fields, "title", name);
  json_object_set_string_member (fields, "owner_org", "ministerio-de-prueba");
  json_object_set_string_member (fields, "notes", "Notas.");
  json_object_set_string_member (fields, "license_id", "cc-by");
  ckan_client_package_create_async (client, fields, NULL, resource_utils_wait_cb, &result);
  dataset = ckan_client_package_create_finish (client, resource_utils_wait (&result), &error);
  g_assert_no_error (error);
  return g_strdup (ckan_dataset_get_id (dataset));
}

/* Uploads `csv` as "datos.csv" (format `format`, CSV when NULL) into the
 * dataset; returns the resource id. */
static inline char *
upload_csv (CkanClient *client,
            const char *dataset_id,
            const char *csv,
            const char *format)
{
  g_autofree char *dir = g_dir_make_tmp ("publicador-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "datos.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkanResource) resource = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  json_object_set_string_member (fields, "package_id", dataset_id);
  json_object_set_string_member (fields, "name", "Datos");
  json_object_set_string_member (fields, "format", format ? format : "CSV");
  ckan_client_resource_create_upload_async (client, fields, file, "datos.csv", NULL, NULL, NULL, NULL,
                                            resource_utils_wait_cb, &result);
  resource = ckan_client_resource_create_upload_finish (client, resource_utils_wait (&result), &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  return g_strdup (ckan_resource_get_id (resource));
}
