/* test-actions-resources.c: links, uploads, replacing, ordering and
 * deleting resources against the test portal or a real CKAN
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "ckan-client-resources.h"
#include "ckan-test-target.h"

#define SYNC CKAN_TEST_SYNC

typedef struct {
  CkanTestTarget *target;
  CkanClient     *editor;
  CkanDataset    *dataset;
  char           *tmpdir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->target = ckan_test_target_new ();
  f->editor = ckan_test_target_new_client (f->target, CKAN_TEST_EDITOR);
  f->dataset = ckan_test_create_dataset (f->target, f->editor, "recursos", TRUE);
  f->tmpdir = g_dir_make_tmp ("publicador-resources-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->tmpdir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->tmpdir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->tmpdir);
  g_free (f->tmpdir);
  g_clear_object (&f->dataset);
  g_clear_object (&f->editor);
  g_clear_pointer (&f->target, ckan_test_target_free);
}

/* A CSV of `rows` rows; returns its bytes too for comparison. */
static GFile *
write_csv (Fixture     *f,
           const char  *name,
           guint        rows,
           GBytes     **contents)
{
  g_autoptr(GString) text = g_string_new ("mes,monto\n");
  g_autofree char *path = g_build_filename (f->tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (text, "%u,%u\n", i % 12 + 1, i * 37);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  if (contents != NULL)
    *contents = g_bytes_new (text->str, text->len);
  return g_file_new_for_path (path);
}

static JsonObject *
resource_fields (Fixture    *f,
                 const char *name)
{
  JsonObject *fields = json_object_new ();

  json_object_set_string_member (fields, "package_id", ckan_dataset_get_id (f->dataset));
  json_object_set_string_member (fields, "name", name);
  return fields;
}

static CkanResource *
create_link (Fixture    *f,
             const char *name)
{
  g_autoptr(JsonObject) fields = resource_fields (f, name);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("https://example.org/%s.csv", name);
  CkanResource *resource;

  json_object_set_string_member (fields, "url", url);
  json_object_set_string_member (fields, "format", "CSV");
  SYNC (resource,
        ckan_client_resource_create_async (f->editor, fields, NULL, ckan_test_wait_cb, &_r),
        ckan_client_resource_create_finish (f->editor, _r, &error));
  g_assert_no_error (error);
  return resource;
}

static void
assert_stored (Fixture      *f,
               CkanResource *resource,
               GBytes       *expected)
{
  g_autoptr(GBytes) stored = NULL;

  /* A real portal's storage is not ours to read: size says enough there. */
  g_assert_cmpint (ckan_resource_get_size (resource), ==, g_bytes_get_size (expected));
  if (ckan_test_target_is_real (f->target))
    return;
  stored = pub_test_portal_dup_upload (f->target->portal, ckan_resource_get_id (resource));
  g_assert_nonnull (stored);
  g_assert_true (g_bytes_equal (stored, expected));
}

static void
progress_cb (goffset  sent,
             goffset  total,
             gpointer user_data)
{
  goffset *last = user_data;

  g_assert_cmpint (sent, >=, *last);
  g_assert_cmpint (sent, <=, total);
  *last = sent;
}

static void
test_link (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(CkanResource) link = create_link (f, "enlace");
  g_autoptr(CkanDataset) shown = NULL;
  g_autoptr(GError) error = NULL;
  const char *url_type = ckan_resource_get_url_type (link);

  g_assert_cmpstr (ckan_resource_get_url (link), ==, "https://example.org/enlace.csv");
  g_assert_cmpstr (ckan_resource_get_package_id (link), ==, ckan_dataset_get_id (f->dataset));
  g_assert_false (ckan_resource_is_upload (link));
  g_assert_true (url_type == NULL || *url_type == '\0');

  shown = ckan_test_show_dataset (f->editor, ckan_dataset_get_id (f->dataset), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ckan_dataset_get_resources (shown)->len, ==, 1);
}

static void
test_upload_and_replace (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autoptr(GFile) first = write_csv (f, "ejecucion.csv", 4000, &first_bytes);
  g_autoptr(GFile) second = write_csv (f, "ejecucion-corregida.csv", 100, &second_bytes);
  g_autoptr(JsonObject) fields = resource_fields (f, "Ejecución");
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(CkanResource) uploaded = NULL;
  g_autoptr(CkanResource) replaced = NULL;
  g_autoptr(GError) error = NULL;
  goffset last = 0;

  SYNC (uploaded,
        ckan_client_resource_create_upload_async (f->editor, fields, first, NULL,
                                                  progress_cb, &last, NULL,
                                                  NULL, ckan_test_wait_cb, &_r),
        ckan_client_resource_create_upload_finish (f->editor, _r, &error));
  g_assert_no_error (error);
  g_assert_true (ckan_resource_is_upload (uploaded));
  g_assert_true (g_str_has_suffix (ckan_resource_get_url (uploaded), "ejecucion.csv"));
  g_assert_cmpstr (ckan_resource_get_name (uploaded), ==, "Ejecución");
  assert_stored (f, uploaded, first_bytes);
  /* Progress reached the whole body (the file plus the multipart frame). */
  g_assert_cmpint (last, >=, (goffset) g_bytes_get_size (first_bytes));

  json_object_set_string_member (changes, "description", "Corregido");
  SYNC (replaced,
        ckan_client_resource_patch_upload_async (f->editor, ckan_resource_get_id (uploaded), changes,
                                                 second, NULL, NULL, NULL, NULL,
                                                 NULL, ckan_test_wait_cb, &_r),
        ckan_client_resource_patch_upload_finish (f->editor, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ckan_resource_get_id (replaced), ==, ckan_resource_get_id (uploaded));
  g_assert_true (g_str_has_suffix (ckan_resource_get_url (replaced), "ejecucion-corregida.csv"));
  g_assert_cmpstr (ckan_resource_get_description (replaced), ==, "Corregido");
  /* patch merges: the name stays. */
  g_assert_cmpstr (ckan_resource_get_name (replaced), ==, "Ejecución");
  assert_stored (f, replaced, second_bytes);
}

static void
test_patch_without_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = write_csv (f, "datos.csv", 10, &bytes);
  g_autoptr(JsonObject) fields = resource_fields (f, "Datos");
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(CkanResource) uploaded = NULL;
  g_autoptr(CkanResource) renamed = NULL;
  g_autoptr(GError) error = NULL;

  SYNC (uploaded,
        ckan_client_resource_create_upload_async (f->editor, fields, file, "datos-2025.csv", NULL, NULL, NULL,
                                                  NULL, ckan_test_wait_cb, &_r),
        ckan_client_resource_create_upload_finish (f->editor, _r, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (ckan_resource_get_url (uploaded), "datos-2025.csv"));

  json_object_set_string_member (changes, "name", "Datos 2025");
  SYNC (renamed,
        ckan_client_resource_patch_async (f->editor, ckan_resource_get_id (uploaded), changes,
                                          NULL, ckan_test_wait_cb, &_r),
        ckan_client_resource_patch_finish (f->editor, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ckan_resource_get_name (renamed), ==, "Datos 2025");
  g_assert_true (ckan_resource_is_upload (renamed));
  assert_stored (f, renamed, bytes);
}

static void
test_reorder_and_delete (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CkanResource) a = create_link (f, "a");
  g_autoptr(CkanResource) b = create_link (f, "b");
  g_autoptr(CkanResource) c = create_link (f, "c");
  const char *order[] = { ckan_resource_get_id (c), ckan_resource_get_id (a), NULL };
  const char *bad_order[] = { ckan_resource_get_id (a), "no-such-resource", NULL };
  const char *dataset_id = ckan_dataset_get_id (f->dataset);
  g_autoptr(CkanDataset) reordered = NULL;
  g_autoptr(CkanDataset) after_delete = NULL;
  g_autoptr(CkanResource) gone = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *resources;
  gboolean ok;

  SYNC (ok,
        ckan_client_package_resource_reorder_async (f->editor, dataset_id, order, NULL, ckan_test_wait_cb, &_r),
        ckan_client_package_resource_reorder_finish (f->editor, _r, &error));
  g_assert_no_error (error);
  g_assert_true (ok);
  reordered = ckan_test_show_dataset (f->editor, dataset_id, &error);
  g_assert_no_error (error);
  resources = ckan_dataset_get_resources (reordered);
  g_assert_cmpuint (resources->len, ==, 3);
  g_assert_cmpstr (ckan_resource_get_name (g_ptr_array_index (resources, 0)), ==, "c");
  g_assert_cmpstr (ckan_resource_get_name (g_ptr_array_index (resources, 1)), ==, "a");
  g_assert_cmpstr (ckan_resource_get_name (g_ptr_array_index (resources, 2)), ==, "b");
  g_assert_cmpint (ckan_resource_get_position (g_ptr_array_index (resources, 2)), ==, 2);

  SYNC (ok,
        ckan_client_package_resource_reorder_async (f->editor, dataset_id, bad_order, NULL, ckan_test_wait_cb, &_r),
        ckan_client_package_resource_reorder_finish (f->editor, _r, &error));
  g_assert_false (ok);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_VALIDATION);
  /* CKAN words this one as {"message": ...} or per field: some key is there. */
  g_assert_nonnull (ckan_error_get_fields (error));
  g_assert_cmpuint (json_object_get_size (ckan_error_get_fields (error)), >, 0);
  g_clear_error (&error);

  SYNC (ok,
        ckan_client_resource_delete_async (f->editor, ckan_resource_get_id (a), NULL, ckan_test_wait_cb, &_r),
        ckan_client_resource_delete_finish (f->editor, _r, &error));
  g_assert_no_error (error);
  g_assert_true (ok);
  after_delete = ckan_test_show_dataset (f->editor, dataset_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ckan_dataset_get_resources (after_delete)->len, ==, 2);
  g_assert_null (ckan_dataset_get_resource (after_delete, ckan_resource_get_id (a)));

  SYNC (gone,
        ckan_client_resource_show_async (f->editor, ckan_resource_get_id (a), NULL, ckan_test_wait_cb, &_r),
        ckan_client_resource_show_finish (f->editor, _r, &error));
  g_assert_null (gone);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND);
}

static void
test_member_cannot_add (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CkanClient) member = ckan_test_target_new_client (f->target, CKAN_TEST_MEMBER);
  g_autoptr(JsonObject) fields = resource_fields (f, "no");
  g_autoptr(CkanResource) resource = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (fields, "url", "https://example.org/no.csv");
  SYNC (resource,
        ckan_client_resource_create_async (member, fields, NULL, ckan_test_wait_cb, &_r),
        ckan_client_resource_create_finish (member, _r, &error));
  g_assert_null (resource);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ckan/actions/resources/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("link", test_link);
  ADD ("upload-and-replace", test_upload_and_replace);
  ADD ("patch-without-file", test_patch_without_file);
  ADD ("reorder-and-delete", test_reorder_and_delete);
  ADD ("member-cannot-add", test_member_cannot_add);

  return g_test_run ();
}
