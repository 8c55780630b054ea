/* test-activity-text.c: activity entries as plain sentences, and what
 * they changed
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pub-activity-text.h"

/* An activity whose data.package is `package` (JSON). */
static CkanActivity *
activity (const char *type,
          const char *package)
{
  g_autofree char *json = g_strdup_printf ("{\"id\": \"a-%s\", \"timestamp\": \"2025-03-01T10:00:00\","
                                           " \"user_id\": \"u1\", \"object_id\": \"d1\","
                                           " \"activity_type\": \"%s\","
                                           " \"data\": {\"actor\": \"ana\", \"package\": %s}}",
                                           type, type, package);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return ckan_activity_new_from_json (json_node_get_object (node), NULL);
}

#define PACKAGE(title, private_, resources) \
  "{\"id\": \"d1\", \"name\": \"matricula\", \"title\": \"" title "\", \"private\": " private_ "," \
  " \"organization\": {\"id\": \"o1\", \"name\": \"min\"}, \"tags\": [], \"resources\": [" resources "]}"
#define RES_A "{\"id\": \"r1\", \"name\": \"Matrícula 2025.csv\", \"url\": \"a.csv\", \"size\": 10}"
#define RES_A_NEW_FILE "{\"id\": \"r1\", \"name\": \"Matrícula 2025.csv\", \"url\": \"a.csv\", \"size\": 12}"
#define RES_A_RENAMED "{\"id\": \"r1\", \"name\": \"Matrícula final.csv\", \"url\": \"a.csv\", \"size\": 10}"
#define RES_B "{\"id\": \"r2\", \"name\": \"Docentes.csv\", \"url\": \"b.csv\", \"size\": 5}"

static void
check (CkanActivity *newer,
       CkanActivity *older,
       const char   *expected)
{
  g_autofree char *text = pub_activity_describe (newer, older, "Ana Pérez");

  g_assert_cmpstr (text, ==, expected);
}

static void
test_sentences (void)
{
  g_autoptr(CkanActivity) created = activity ("new package", PACKAGE ("Matrícula", "false", RES_A));
  g_autoptr(CkanActivity) file = activity ("changed package", PACKAGE ("Matrícula", "false", RES_A_NEW_FILE));
  g_autoptr(CkanActivity) added = activity ("changed package", PACKAGE ("Matrícula", "false", RES_A "," RES_B));
  g_autoptr(CkanActivity) reordered = activity ("changed package", PACKAGE ("Matrícula", "false", RES_B "," RES_A));
  g_autoptr(CkanActivity) removed = activity ("changed package", PACKAGE ("Matrícula", "false", RES_B));
  g_autoptr(CkanActivity) hidden = activity ("changed package", PACKAGE ("Matrícula", "true", RES_A));
  g_autoptr(CkanActivity) retitled = activity ("changed package", PACKAGE ("Matrícula escolar", "false", RES_A));
  g_autoptr(CkanActivity) deleted = activity ("deleted package", PACKAGE ("Matrícula", "false", RES_A));
  g_autofree char *anonymous = pub_activity_describe (created, NULL, NULL);

  check (created, NULL, "Ana Pérez created the dataset");
  check (file, created, "Ana Pérez updated the resource “Matrícula 2025.csv”");
  check (added, created, "Ana Pérez added the resource “Docentes.csv”");
  check (reordered, added, "Ana Pérez reordered the resources");
  check (removed, added, "Ana Pérez deleted the resource “Matrícula 2025.csv”");
  check (hidden, created, "Ana Pérez made the dataset private");
  check (file, hidden, "Ana Pérez updated the dataset");
  {
    g_autoptr(CkanActivity) shown = activity ("changed package", PACKAGE ("Matrícula", "false", RES_A));

    check (shown, hidden, "Ana Pérez made the dataset public");
  }
  check (retitled, created, "Ana Pérez changed the metadata");
  check (deleted, created, "Ana Pérez deleted the dataset");
  /* Without the older entry there is nothing to compare. */
  check (file, NULL, "Ana Pérez updated the dataset");
  /* Without a display name, the portal's user name. */
  g_assert_cmpstr (anonymous, ==, "ana created the dataset");
}

static void
test_details (void)
{
  g_autoptr(CkanActivity) created = activity ("new package", PACKAGE ("Matrícula", "false", RES_A));
  g_autoptr(CkanActivity) retitled = activity ("changed package", PACKAGE ("Matrícula escolar", "false", RES_A_RENAMED));
  g_autoptr(CkanActivity) file = activity ("changed package", PACKAGE ("Matrícula", "false", RES_A_NEW_FILE));
  g_autoptr(CkanActivity) added = activity ("changed package", PACKAGE ("Matrícula", "false", RES_A "," RES_B));
  g_auto(GStrv) both = pub_activity_details (retitled, created, 0);
  g_auto(GStrv) one = pub_activity_details (retitled, created, 1);
  g_auto(GStrv) new_file = pub_activity_details (file, created, 0);
  g_auto(GStrv) one_added = pub_activity_details (added, created, 0);
  g_autofree char *sentence = pub_activity_describe (retitled, created, "Ana Pérez");

  g_assert_cmpstr (sentence, ==, "Ana Pérez updated the dataset");
  g_assert_cmpuint (g_strv_length (both), ==, 2);
  g_assert_cmpstr (both[0], ==, "Title: “Matrícula” → “Matrícula escolar”");
  g_assert_cmpstr (both[1], ==, "Resource renamed: “Matrícula 2025.csv” → “Matrícula final.csv”");
  g_assert_cmpuint (g_strv_length (one), ==, 1);
  g_assert_cmpuint (g_strv_length (new_file), ==, 1);
  g_assert_cmpstr (new_file[0], ==, "New file for “Matrícula 2025.csv”");
  /* The sentence says it already. */
  g_assert_cmpuint (g_strv_length (one_added), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/activity-text/sentences", test_sentences);
  g_test_add_func ("/activity-text/details", test_details);

  return g_test_run ();
}
