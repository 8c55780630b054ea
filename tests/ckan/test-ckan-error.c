/* test-ckan-error.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "ckan-error-private.h"

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
  /* G_DEFINE_EXTENDED_ERROR names the domain after the type. */
  g_assert_cmpstr (g_quark_to_string (CKAN_ERROR), ==, "CkanError");
}

static void
test_extended_fields_survive_copy (void)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;
  JsonArray *messages = json_array_new ();

  json_array_add_string_element (messages, "Missing value");
  json_object_set_array_member (fields, "name", messages);
  error = ckan_error_new_full (CKAN_ERROR_VALIDATION, NULL, 409, "portal says", fields, 7);

  /* No portal message: the one for people. */
  g_assert_cmpstr (error->message, ==, ckan_error_code_to_message (CKAN_ERROR_VALIDATION));

  copy = g_error_copy (error);
  g_clear_error (&error);
  g_assert_error (copy, CKAN_ERROR, CKAN_ERROR_VALIDATION);
  g_assert_cmpuint (ckan_error_get_status (copy), ==, 409);
  g_assert_cmpuint (ckan_error_get_retry_after (copy), ==, 7);
  g_assert_cmpstr (ckan_error_get_detail (copy), ==, "portal says");
  g_assert_true (ckan_error_get_fields (copy) == fields);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (ckan_error_get_fields (copy), "name"), 0),
                   ==, "Missing value");
}

static void
test_getters_accept_any_error (void)
{
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");
  g_autoptr(GError) plain = ckan_error_new_full (CKAN_ERROR_SERVER, "Internal", 0, NULL, NULL, 0);

  g_assert_cmpuint (ckan_error_get_status (NULL), ==, 0);
  g_assert_cmpuint (ckan_error_get_status (other), ==, 0);
  g_assert_null (ckan_error_get_fields (other));
  g_assert_null (ckan_error_get_detail (other));
  g_assert_cmpuint (ckan_error_get_retry_after (other), ==, 0);
  g_assert_cmpstr (plain->message, ==, "Internal");
  g_assert_null (ckan_error_get_fields (plain));
  g_assert_null (ckan_error_get_detail (plain));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ckan/error/codes", test_every_code_has_a_name_and_message);
  g_test_add_func ("/ckan/error/domain", test_domain_is_stable);
  g_test_add_func ("/ckan/error/extended-copy", test_extended_fields_survive_copy);
  g_test_add_func ("/ckan/error/getters-any-error", test_getters_accept_any_error);

  return g_test_run ();
}
