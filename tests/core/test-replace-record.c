/* test-replace-record.c: the record written before a resource's new file
 * is sent, read back after a restart
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "pub-replace-record.h"

static CkanResource *
resource (const char *id,
          const char *package_id,
          const char *last_modified,
          gint64      size)
{
  g_autofree char *json = g_strdup_printf ("{\"id\": \"%s\", \"package_id\": \"%s\", \"url_type\": \"upload\","
                                           " \"last_modified\": \"%s\", \"size\": %" G_GINT64_FORMAT "}",
                                           id, package_id, last_modified, size);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  return ckan_resource_new_from_json (json_node_get_object (node), NULL);
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static GPtrArray *
list (const char *dir,
      const char *dataset)
{
  g_autoptr(GAsyncResult) result = NULL;
  GPtrArray *records;

  pub_replace_record_list_async (dir, "https://datos.example", dataset, NULL, result_cb, &result);
  records = pub_replace_record_list_finish (wait (&result), NULL);
  g_assert_nonnull (records);
  return records;
}

static gboolean
is_empty (const char *dir)
{
  g_autoptr(GPtrArray) records = list (dir, "d1");

  return records->len == 0;
}

static void
test_round_trip (void)
{
  g_autofree char *dir = g_dir_make_tmp ("replace-record-XXXXXX", NULL);
  g_autoptr(CkanResource) before = resource ("r1", "d1", "2025-03-01T10:00:00", 100);
  g_autoptr(CkanResource) arrived = resource ("r1", "d1", "2025-03-05T09:00:00", 250);
  g_autoptr(CkanResource) other_file = resource ("r1", "d1", "2025-03-05T09:00:00", 999);
  g_autoptr(GFile) file = g_file_new_for_path ("/home/ana/matricula-v2.csv");
  g_autoptr(PubReplaceRecord) record = pub_replace_record_new ("https://datos.example", before, file, 250);
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) elsewhere = NULL;
  g_autofree char *junk = g_build_filename (dir, "broken.json", NULL);
  PubReplaceRecord *read;
  GError *error = NULL;

  pub_replace_record_save_async (record, dir, NULL, result_cb, &saved);
  g_assert_true (pub_replace_record_save_finish (wait (&saved), &error));
  g_assert_no_error (error);
  /* A damaged record is skipped, not an error. */
  g_assert_true (g_file_set_contents (junk, "{not json", -1, NULL));

  records = list (dir, "d1");
  g_assert_cmpuint (records->len, ==, 1);
  read = g_ptr_array_index (records, 0);
  g_assert_cmpstr (read->resource_id, ==, "r1");
  g_assert_cmpstr (read->path, ==, "/home/ana/matricula-v2.csv");
  g_assert_cmpint (read->size, ==, 250);
  /* Another dataset's page does not see it. */
  elsewhere = list (dir, "d2");
  g_assert_cmpuint (elsewhere->len, ==, 0);

  /* The old file still there: send again. The new one: done. */
  g_assert_cmpint (pub_replace_record_check (read, before), ==, PUB_REPLACE_PENDING);
  g_assert_cmpint (pub_replace_record_check (read, arrived), ==, PUB_REPLACE_DONE);
  g_assert_cmpint (pub_replace_record_check (read, other_file), ==, PUB_REPLACE_PENDING);
  g_assert_cmpint (pub_replace_record_check (read, NULL), ==, PUB_REPLACE_RESOURCE_GONE);

  pub_replace_record_remove (dir, "r1");
  while (!is_empty (dir))
    g_main_context_iteration (NULL, FALSE);
  g_unlink (junk);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/replace-record/round-trip", test_round_trip);

  return g_test_run ();
}
