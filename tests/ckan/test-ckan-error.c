/* test-ckan-error.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "ckan-error.h"

static void
test_every_code_has_a_name_and_message (void)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (int code = CKAN_ERROR_VALIDATION; code <= CKAN_ERROR_FILE_CHANGED; code++)
    {
      const char *name = ckan_error_code_to_string (code);
      const char *message = ckan_error_code_to_message (code);

      g_assert_cmpstr (name, !=, "unknown");
      g_assert_false (g_hash_table_contains (names, name));
      g_hash_table_add (names, (gpointer) name);
      g_assert_nonnull (message);
      /* A message for people ends as a sentence and says more than a word. */
      g_assert_cmpuint (strlen (message), >, 20);
      g_assert_true (g_str_has_suffix (message, "."));
    }
  g_assert_cmpstr (ckan_error_code_to_string (999), ==, "unknown");
}

static void
test_domain_is_stable (void)
{
  g_autoptr(GError) error = g_error_new_literal (CKAN_ERROR, CKAN_ERROR_TIMEOUT, "x");

  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_TIMEOUT);
  g_assert_cmpstr (g_quark_to_string (CKAN_ERROR), ==, "ckan-error-quark");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ckan/error/codes", test_every_code_has_a_name_and_message);
  g_test_add_func ("/ckan/error/domain", test_domain_is_stable);

  return g_test_run ();
}
