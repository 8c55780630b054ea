/* test-dataset-page.c: what the dataset page does to a published dataset,
 * against the test portal or, with PUB_CKAN_URL (build-aux/ckan-stack), a
 * real CKAN 2.11: patching only changed fields, seeing a conflict, adding,
 * replacing (with its column changes), reordering and deleting resources,
 * a byte-identical backup restored as a draft, the activity in words
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ckan-client-datasets.h"
#include "ckan-client-datastore.h"
#include "ckan-client-download.h"
#include "ckan-client-resources.h"
#include "ckan-test-target.h"
#include "pub-activity-text.h"
#include "pub-column-diff.h"
#include "pub-dataset-backup.h"
#include "pub-dataset-edit.h"
#include "pub-replace-record.h"

#define FILE_A "region,casos\nArica,10\nTarapaca,12\n"
#define FILE_A2 "region_nombre,casos,comuna\nArica,10,Arica\nTarapaca,12,Iquique\n"
#define FILE_B "fecha,valor\n2025-01-01,3.5\n"

typedef struct {
  CkanTestFixture  base;
  char            *dir;
  CkanDataset     *dataset;
} Fixture;

static CkanResource *
upload (Fixture    *f,
        CkanClient *client,
        const char *name,
        const char *contents)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GError) error = NULL;
  CkanResource *resource;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  json_object_set_string_member (fields, "package_id", ckan_dataset_get_id (f->dataset));
  json_object_set_string_member (fields, "name", name);
  CKAN_TEST_SYNC (resource,
                  ckan_client_resource_create_upload_async (client, fields, file, NULL, NULL, NULL, NULL, NULL,
                                                            ckan_test_wait_cb, &_r),
                  ckan_client_resource_create_upload_finish (client, _r, &error));
  g_assert_no_error (error);
  return resource;
}

static CkanDataset *
show (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CkanDataset *dataset = ckan_test_fixture_show_dataset (&f->base, CKAN_TEST_EDITOR,
                                                         ckan_dataset_get_id (f->dataset), &error);

  g_assert_no_error (error);
  return dataset;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  ckan_test_fixture_setup (&f->base, data);
  f->dir = g_dir_make_tmp ("dataset-page-XXXXXX", NULL);
  f->dataset = ckan_test_fixture_create_dataset (&f->base, CKAN_TEST_EDITOR, "pagina", FALSE);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->dataset);
  remove_tree (f->dir);
  g_free (f->dir);
  ckan_test_fixture_teardown (&f->base, data);
}

static CkanDataset *
patch (CkanClient  *client,
       const char  *id,
       JsonObject  *changes,
       GError     **error)
{
  CkanDataset *dataset;

  CKAN_TEST_SYNC (dataset,
                  ckan_client_package_patch_async (client, id, changes, NULL, ckan_test_wait_cb, &_r),
                  ckan_client_package_patch_finish (client, _r, error));
  return dataset;
}

static void
test_changed_fields_and_conflict (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(PubDraft) draft = pub_dataset_edit_new_draft (f->dataset, f->base.target->url);
  g_autoptr(CkanDataset) theirs = NULL;
  g_autoptr(CkanDataset) current = NULL;
  g_autoptr(CkanDataset) saved = NULL;
  g_autoptr(JsonObject) their_change = json_object_new ();
  g_autoptr(JsonObject) mine = NULL;
  g_auto(GStrv) changed = NULL;
  g_auto(GStrv) diff = NULL;
  g_autoptr(GError) error = NULL;

  /* Here: the title. Meanwhile, on the portal: the description. */
  pub_draft_set_field (draft, "title", "Título editado en Publicador");
  g_usleep (G_USEC_PER_SEC / 100);
  json_object_set_string_member (their_change, "notes", "Descripción cambiada por otra persona");
  theirs = patch (f->base.clients[CKAN_TEST_ADMIN], ckan_dataset_get_id (f->dataset), their_change, &error);
  g_assert_no_error (error);

  /* The page sees it before saving, field by field. */
  current = show (f);
  g_assert_true (pub_dataset_edit_portal_is_newer (draft, current));
  diff = pub_dataset_edit_diff_datasets (f->dataset, current);
  g_assert_cmpuint (g_strv_length (diff), ==, 1);
  g_assert_cmpstr (diff[0], ==, "notes");

  /* Saving anyway sends the title alone: theirs survives. */
  changed = pub_dataset_edit_changed_fields (draft);
  g_assert_cmpuint (g_strv_length (changed), ==, 1);
  mine = pub_dataset_edit_build_patch (draft, (const char * const *) changed);
  saved = patch (f->base.clients[CKAN_TEST_EDITOR], ckan_dataset_get_id (f->dataset), mine, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ckan_dataset_get_title (saved), ==, "Título editado en Publicador");
  g_assert_cmpstr (ckan_dataset_get_notes (saved), ==, "Descripción cambiada por otra persona");
  g_assert_cmpstr (ckan_dataset_get_author (saved), ==, "Pruebas");

  /* After the save, nothing is left to save. */
  pub_dataset_edit_rebase (draft, saved);
  g_clear_pointer (&changed, g_strfreev);
  changed = pub_dataset_edit_changed_fields (draft);
  g_assert_cmpuint (g_strv_length (changed), ==, 0);
  g_assert_false (pub_dataset_edit_portal_is_newer (draft, saved));
}

static void
test_member_gets_403 (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PubDraft) draft = pub_dataset_edit_new_draft (f->dataset, f->base.target->url);
  g_autoptr(CkanDataset) saved = NULL;
  g_autoptr(JsonObject) changes = NULL;
  g_auto(GStrv) changed = NULL;
  g_autoptr(GError) error = NULL;

  pub_draft_set_field (draft, "author", "");
  changed = pub_dataset_edit_changed_fields (draft);
  changes = pub_dataset_edit_build_patch (draft, (const char * const *) changed);
  saved = patch (f->base.clients[CKAN_TEST_MEMBER], ckan_dataset_get_id (f->dataset), changes, &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION);
}

static GPtrArray *
published_columns (CkanClient   *client,
                   CkanResource *resource)
{
  g_autoptr(GBytes) head = NULL;
  g_autoptr(GError) error = NULL;

  CKAN_TEST_SYNC (head,
                  ckan_client_download_head_async (client, ckan_resource_get_url (resource), 64 * 1024, NULL,
                                                   ckan_test_wait_cb, &_r),
                  ckan_client_download_head_finish (client, _r, &error));
  g_assert_no_error (error);
  return pub_columns_from_head (head, ckan_resource_get_url (resource));
}

static const char *
resource_id_at (CkanDataset *dataset,
                guint        index)
{
  return ckan_resource_get_id (g_ptr_array_index (ckan_dataset_get_resources (dataset), index));
}

static void
test_resources (Fixture       *f,
                gconstpointer  data)
{
  CkanClient *client = f->base.clients[CKAN_TEST_EDITOR];
  g_autoptr(CkanResource) a = upload (f, client, "regiones.csv", FILE_A);
  g_autoptr(CkanResource) b = upload (f, client, "valores.csv", FILE_B);
  g_autoptr(CkanResource) replaced = NULL;
  g_autoptr(CkanDataset) after = NULL;
  g_autoptr(GPtrArray) before_columns = NULL;
  g_autoptr(GPtrArray) new_columns = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GBytes) downloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "regiones-v2.csv", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "descargado.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) local = g_file_new_for_path (copy);
  const char *order[3] = { NULL };
  gboolean ok;
  goffset written;

  /* The published columns, read from the start of the file. */
  before_columns = published_columns (client, a);
  g_assert_nonnull (before_columns);
  g_assert_cmpuint (before_columns->len, ==, 2);
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (FILE_A2, strlen (FILE_A2));

    new_columns = pub_columns_from_head (bytes, "regiones-v2.csv");
  }
  changes = pub_column_diff (before_columns, new_columns);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpint (((PubColumnChange *) changes->pdata[0])->kind, ==, PUB_COLUMN_RENAMED);
  g_assert_cmpint (((PubColumnChange *) changes->pdata[1])->kind, ==, PUB_COLUMN_ADDED);

  /* Replaced in place. */
  g_assert_true (g_file_set_contents (path, FILE_A2, -1, NULL));
  CKAN_TEST_SYNC (replaced,
                  ckan_client_resource_patch_upload_async (client, ckan_resource_get_id (a), NULL, file, NULL,
                                                           NULL, NULL, NULL, NULL, ckan_test_wait_cb, &_r),
                  ckan_client_resource_patch_upload_finish (client, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ckan_resource_get_id (replaced), ==, ckan_resource_get_id (a));
  g_assert_cmpint (ckan_resource_get_size (replaced), ==, strlen (FILE_A2));
  CKAN_TEST_SYNC (written,
                  ckan_client_download_async (client, ckan_resource_get_url (replaced), local, NULL, NULL, NULL,
                                              NULL, ckan_test_wait_cb, &_r),
                  ckan_client_download_finish (client, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (written, ==, strlen (FILE_A2));
  downloaded = g_file_load_bytes (local, NULL, NULL, NULL);
  g_assert_cmpmem (g_bytes_get_data (downloaded, NULL), g_bytes_get_size (downloaded), FILE_A2, strlen (FILE_A2));
  {
    /* The record of a replace says it arrived. */
    g_autoptr(PubReplaceRecord) record = pub_replace_record_new (f->base.target->url, a, file, strlen (FILE_A2));

    g_assert_cmpint (pub_replace_record_check (record, a), ==, PUB_REPLACE_PENDING);
    g_assert_cmpint (pub_replace_record_check (record, replaced), ==, PUB_REPLACE_DONE);
    g_assert_cmpint (pub_replace_record_check (record, NULL), ==, PUB_REPLACE_RESOURCE_GONE);
  }

  /* Reordered. */
  order[0] = ckan_resource_get_id (b);
  order[1] = ckan_resource_get_id (a);
  CKAN_TEST_SYNC (ok,
                  ckan_client_package_resource_reorder_async (client, ckan_dataset_get_id (f->dataset), order, NULL,
                                                              ckan_test_wait_cb, &_r),
                  ckan_client_package_resource_reorder_finish (client, _r, &error));
  g_assert_no_error (error);
  g_assert_true (ok);
  after = show (f);
  g_assert_cmpuint (ckan_dataset_get_resources (after)->len, ==, 2);
  g_assert_cmpstr (resource_id_at (after, 0), ==, ckan_resource_get_id (b));

  /* Deleted. */
  CKAN_TEST_SYNC (ok,
                  ckan_client_resource_delete_async (client, ckan_resource_get_id (b), NULL, ckan_test_wait_cb, &_r),
                  ckan_client_resource_delete_finish (client, _r, &error));
  g_assert_no_error (error);
  g_clear_object (&after);
  after = show (f);
  g_assert_cmpuint (ckan_dataset_get_resources (after)->len, ==, 1);
  g_assert_cmpstr (resource_id_at (after, 0), ==, ckan_resource_get_id (a));
}

/* A resource in the DataStore: its columns come from there, with the types
 * the data dictionary gives them. */
static void
test_datastore_columns (Fixture       *f,
                        gconstpointer  data)
{
  CkanClient *client = f->base.clients[CKAN_TEST_EDITOR];
  g_autoptr(CkanResource) a = upload (f, client, "regiones.csv", FILE_A);
  g_autofree char *json = g_strdup_printf ("{\"resource_id\": \"%s\", \"force\": true,"
                                           " \"fields\": [{\"id\": \"region\", \"type\": \"text\"},"
                                           "             {\"id\": \"casos\", \"type\": \"int\"}],"
                                           " \"records\": [{\"region\": \"Arica\", \"casos\": 10}]}",
                                           ckan_resource_get_id (a));
  g_autoptr(JsonNode) params = json_from_string (json, NULL);
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(CkanDatastoreInfo) info = NULL;
  g_autoptr(GPtrArray) published = NULL;
  g_autoptr(GPtrArray) replacement = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  PubColumnChange *change;

  CKAN_TEST_SYNC (created,
                  ckan_client_call_async (client, "datastore_create", json_node_get_object (params), CKAN_CALL_WRITE,
                                          NULL, ckan_test_wait_cb, &_r),
                  ckan_client_call_finish (client, _r, &error));
  g_assert_no_error (error);
  CKAN_TEST_SYNC (info,
                  ckan_client_datastore_info_async (client, ckan_resource_get_id (a), NULL, ckan_test_wait_cb, &_r),
                  ckan_client_datastore_info_finish (client, _r, &error));
  g_assert_no_error (error);
  published = pub_columns_from_datastore (info);
  g_assert_cmpuint (published->len, ==, 2);
  {
    /* casos becomes text in the new file: a number column retyped. */
    const char *csv = "region,casos\nArica,diez\n";
    g_autoptr(GBytes) bytes = g_bytes_new_static (csv, strlen (csv));

    replacement = pub_columns_from_head (bytes, "regiones.csv");
  }
  changes = pub_column_diff (published, replacement);
  g_assert_cmpuint (changes->len, ==, 1);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpint (change->kind, ==, PUB_COLUMN_RETYPED);
  g_assert_cmpstr (change->new_name, ==, "casos");
  g_assert_cmpint (change->old_type, ==, PUB_COLUMN_INTEGER);
}

static void
test_backup_and_restore (Fixture       *f,
                         gconstpointer  data)
{
  CkanClient *client = f->base.clients[CKAN_TEST_EDITOR];
  g_autoptr(CkanResource) a = upload (f, client, "regiones.csv", FILE_A);
  g_autoptr(CkanResource) b = upload (f, client, "valores.csv", FILE_B);
  g_autoptr(CkanDataset) dataset = show (f);
  g_autoptr(PubDatasetBackup) backup = pub_dataset_backup_new (client, dataset);
  g_autofree char *where = g_build_filename (f->dir, "respaldos", NULL);
  g_autoptr(GFile) parent = g_file_new_for_path (where);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(PubDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  const char *contents[] = { FILE_A, FILE_B };
  const char *names[] = { "archivos/1-regiones.csv", "archivos/2-valores.csv" };

  g_assert_cmpint (g_mkdir (where, 0700), ==, 0);
  CKAN_TEST_SYNC (folder,
                  pub_dataset_backup_write_async (backup, parent, NULL, ckan_test_wait_cb, &_r),
                  pub_dataset_backup_write_finish (backup, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (pub_dataset_backup_get_fraction (backup), ==, 1.0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GFile) file = g_file_resolve_relative_path (folder, names[i]);
      g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);

      /* Byte for byte what was uploaded. */
      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), contents[i], strlen (contents[i]));
    }
  {
    g_autoptr(GFile) json = g_file_get_child (folder, PUB_BACKUP_METADATA_FILE);
    g_autoptr(GFile) readme = g_file_get_child (folder, PUB_BACKUP_README_FILE);

    g_assert_true (g_file_query_exists (json, NULL));
    g_assert_true (g_file_query_exists (readme, NULL));
  }

  CKAN_TEST_SYNC (draft,
                  pub_dataset_backup_restore_async (folder, NULL, ckan_test_wait_cb, &_r),
                  pub_dataset_backup_restore_finish (_r, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pub_draft_get_field (draft, "title"), ==, ckan_dataset_get_title (dataset));
  g_assert_cmpstr (pub_draft_get_field (draft, "owner_org"), ==, f->base.target->org);
  g_assert_null (pub_draft_get_remote_id (draft));
  g_assert_cmpstr (pub_draft_get_portal (draft), ==, f->base.target->url);
  g_assert_cmpuint (g_list_model_get_n_items (pub_draft_get_resources (draft)), ==, 2);
  g_assert_cmpstr (pub_draft_get_tags (draft)[0], ==, "prueba");
}

static void
test_backup_not_a_backup (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autoptr(PubDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  CKAN_TEST_SYNC (draft,
                  pub_dataset_backup_restore_async (folder, NULL, ckan_test_wait_cb, &_r),
                  pub_dataset_backup_restore_finish (_r, &error));
  g_assert_null (draft);
  g_assert_nonnull (error);
}

static void
test_activity (Fixture       *f,
               gconstpointer  data)
{
  CkanClient *client = f->base.clients[CKAN_TEST_EDITOR];
  g_autoptr(CkanResource) a = upload (f, client, "regiones.csv", FILE_A);
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *newest = NULL;
  g_autofree char *oldest = NULL;

  CKAN_TEST_SYNC (activities,
                  ckan_client_package_activity_list_async (client, ckan_dataset_get_id (f->dataset), 0, 10, NULL,
                                                           ckan_test_wait_cb, &_r),
                  ckan_client_package_activity_list_finish (client, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, >=, 2);
  newest = pub_activity_describe (activities->pdata[0], activities->pdata[1], "Eva");
  oldest = pub_activity_describe (activities->pdata[activities->len - 1], NULL, "Eva");
  g_assert_cmpstr (newest, ==, "Eva added the resource “regiones.csv”");
  g_assert_cmpstr (oldest, ==, "Eva created the dataset");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/dataset-page/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("changed-fields-and-conflict", test_changed_fields_and_conflict);
  ADD ("member-gets-403", test_member_gets_403);
  ADD ("resources", test_resources);
  ADD ("datastore-columns", test_datastore_columns);
  ADD ("backup-and-restore", test_backup_and_restore);
  ADD ("backup-not-a-backup", test_backup_not_a_backup);
  ADD ("activity", test_activity);
#undef ADD

  return g_test_run ();
}
