/* test-column-diff.c: a published file's columns against its new version's
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pub-column-diff.h"

static GPtrArray *
columns_of (const char *csv)
{
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  GPtrArray *columns = pub_columns_from_head (bytes, "data.csv");

  g_assert_nonnull (columns);
  return columns;
}

static char *
describe_all (GPtrArray *changes)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      g_autofree char *line = pub_column_change_describe (g_ptr_array_index (changes, i));

      g_string_append_printf (text, "%s%s", i > 0 ? "; " : "", line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_diff (void)
{
  /* The published head is cut mid-line: that line does not count. */
  g_autoptr(GPtrArray) before = columns_of ("region,casos,fecha,tasa\nArica,10,2025-01-01,1.5\nTara");
  g_autoptr(GPtrArray) after = columns_of ("región,casos,fecha,tasa,comuna\nArica,diez,2025-01-01,1.5,x\n");
  g_autoptr(GPtrArray) changes = pub_column_diff (before, after);
  g_autofree char *text = describe_all (changes);

  g_assert_cmpuint (before->len, ==, 4);
  g_assert_cmpstr (text, ==,
                   "Column “region” renamed to “región”; "
                   "Column “casos” changes from whole number to text; "
                   "Column “comuna” added");
}

static void
test_removed (void)
{
  g_autoptr(GPtrArray) before = columns_of ("a,b,c\n1,2,3\n");
  g_autoptr(GPtrArray) after = columns_of ("a,c\n1,3\n");
  g_autoptr(GPtrArray) same = columns_of ("a,b,c\n4,5,6\n");
  g_autoptr(GPtrArray) changes = pub_column_diff (before, after);
  g_autoptr(GPtrArray) none = pub_column_diff (before, same);
  g_autofree char *text = describe_all (changes);

  /* b's place goes to c, which was there already: removed, not renamed. */
  g_assert_cmpstr (text, ==, "Column “b” removed");
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_datastore_types (void)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"meta\": {\"count\": 2}, \"fields\": ["
                                               "{\"id\": \"_id\", \"type\": \"int\"},"
                                               "{\"id\": \"region\", \"type\": \"text\"},"
                                               "{\"id\": \"casos\", \"type\": \"text\"},"
                                               "{\"id\": \"tasa\", \"type\": \"numeric\"},"
                                               "{\"id\": \"fecha\", \"type\": \"text\", \"info\": {\"type_override\": \"timestamp\"}}]}",
                                               NULL);
  g_autoptr(CkanDatastoreInfo) info = ckan_datastore_info_new_from_json (json_node_get_object (node), NULL);
  g_autoptr(GPtrArray) before = pub_columns_from_datastore (info);
  g_autoptr(GPtrArray) after = columns_of ("region,casos,tasa,fecha\nArica,10,x,2025-01-01\n");
  g_autoptr(GPtrArray) changes = pub_column_diff (before, after);
  g_autofree char *text = describe_all (changes);
  PubColumn *casos;

  g_assert_cmpuint (before->len, ==, 4);
  casos = g_ptr_array_index (before, 1);
  /* xloader's text says nothing: casos is not "retyped" to a number. */
  g_assert_false (casos->type_known);
  g_assert_cmpstr (text, ==, "Column “tasa” changes from number to text");
}

static void
test_not_a_table (void)
{
  g_autoptr(GBytes) no_line = g_bytes_new_static ("%PDF-1.4 binary", 15);

  g_assert_null (pub_columns_from_head (no_line, "report.pdf"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/column-diff/diff", test_diff);
  g_test_add_func ("/column-diff/removed", test_removed);
  g_test_add_func ("/column-diff/datastore-types", test_datastore_types);
  g_test_add_func ("/column-diff/not-a-table", test_not_a_table);

  return g_test_run ();
}
