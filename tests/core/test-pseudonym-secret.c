/* test-pseudonym-secret.c: organizations' pseudonym keys in libsecret's
 * file backend, and their export files
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pub-core-error.h"
#include "pub-pseudonym.h"
#include "pub-pseudonym-secret.h"

#define PORTAL "https://datos.gob.cl"

static char *scratch_dir;
static char *keyring_path;

/* As in test-secret-store.c: libsecret 0.20.5's file backend leaks the
 * keyring file's etag on every write. */
const char *__lsan_default_suppressions (void);
const char *
__lsan_default_suppressions (void)
{
  return "leak:libgio-2.0.so.0\n";
}

const char *__asan_default_options (void);
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GBytes *
lookup_sync (const char  *organization,
             gboolean     create,
             GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pub_pseudonym_secret_lookup_async (PORTAL, organization, create, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return pub_pseudonym_secret_lookup_finish (result, error);
}

static gboolean
store_sync (const char  *organization,
            GBytes      *key,
            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pub_pseudonym_secret_store_async (PORTAL, organization, key, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return pub_pseudonym_secret_store_finish (result, error);
}

static void
test_created_once_per_organization (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) missing = lookup_sync ("muni-a", FALSE, &error);
  g_autoptr(GBytes) made = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) other = NULL;

  g_assert_null (missing);
  g_assert_error (error, PUB_CORE_ERROR, PUB_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  made = lookup_sync ("muni-a", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (made), ==, PUB_PSEUDONYM_KEY_LENGTH);
  again = lookup_sync ("muni-a", FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (made, again));
  other = lookup_sync ("muni-b", TRUE, &error);
  g_assert_no_error (error);
  g_assert_false (g_bytes_equal (made, other));
}

static void
test_export_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) key = lookup_sync ("muni-c", TRUE, &error);
  g_autofree char *text = pub_pseudonym_secret_export ("muni-c", key);
  g_autofree char *organization = NULL;
  g_autoptr(GBytes) imported = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) bad = NULL;
  static const guint8 colleague[PUB_PSEUDONYM_KEY_LENGTH] = { 7, 7, 7 };
  g_autoptr(GBytes) colleague_key = g_bytes_new_static (colleague, sizeof colleague);

  g_assert_no_error (error);
  /* The file warns whoever opens it. */
  g_assert_nonnull (strstr (text, "find out who is behind each pseudonym"));
  imported = pub_pseudonym_secret_import (text, &organization, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (organization, ==, "muni-c");
  g_assert_true (g_bytes_equal (imported, key));

  /* A colleague's key, imported, replaces this computer's. */
  g_assert_true (store_sync ("muni-c", colleague_key, &error));
  g_assert_no_error (error);
  stored = lookup_sync ("muni-c", FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stored, colleague_key));

  bad = pub_pseudonym_secret_import ("[Publicador Pseudonym Key]\nOrganization=x\nKey=c2hvcnQ=\n", NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, PUB_CORE_ERROR, PUB_CORE_ERROR_FAILED);
  g_clear_error (&error);
  bad = pub_pseudonym_secret_import ("not a key file at all", NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, PUB_CORE_ERROR, PUB_CORE_ERROR_FAILED);
}

/* No Secret Service: the code the UI turns into asking for a passphrase. */
static void
test_no_keyring (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) key = NULL;
      g_autofree char *bus = g_strdup_printf ("unix:path=%s/no-bus-here", scratch_dir);

      g_setenv ("SECRET_BACKEND", "service", TRUE);
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", bus, TRUE);
      key = lookup_sync ("muni-a", TRUE, &error);
      g_assert_null (key);
      g_assert_error (error, PUB_CORE_ERROR, PUB_CORE_ERROR_NO_KEYRING);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  scratch_dir = g_dir_make_tmp ("pub-pseudonym-secret-XXXXXX", NULL);
  keyring_path = g_build_filename (scratch_dir, "keyring", NULL);
  /* Before any libsecret call: the backend is chosen once, from these. */
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring_path, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test-password", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/pseudonym-secret/created-once", test_created_once_per_organization);
  g_test_add_func ("/core/pseudonym-secret/export-import", test_export_import);
  g_test_add_func ("/core/pseudonym-secret/no-keyring", test_no_keyring);

  ret = g_test_run ();

  g_remove (keyring_path);
  g_rmdir (scratch_dir);
  g_free (keyring_path);
  g_free (scratch_dir);
  return ret;
}
