/* test-secret-store.c: tokens in libsecret's file backend
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "pub-core-error.h"
#include "pub-secret-store.h"

static char *scratch_dir;

/* libsecret 0.20.5's file backend overwrites the etag of its keyring file on
 * every write without freeing the old one (GIO allocates it, so only GIO
 * frames are on the stack). Debian 12 ships that version; under
 * LeakSanitizer this binary, which writes that file, ignores it. */
const char *__lsan_default_suppressions (void);
const char *
__lsan_default_suppressions (void)
{
  return "leak:libgio-2.0.so.0\n";
}

/* GLib has no frame pointers: without the slow unwinder the stacks stop at
 * g_malloc and the suppression above could never match. */
const char *__asan_default_options (void);
const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}
static char *keyring_path;

/* The file is binary: look for the bytes, NULs and all. */
static gboolean
contains_bytes (const char *haystack,
                gsize       length,
                const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    {
      if (memcmp (haystack + i, needle, needle_length) == 0)
        return TRUE;
    }
  return FALSE;
}

static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
store_sync (const char  *portal,
            const char  *user,
            const char  *token,
            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pub_secret_store_store_async (portal, user, "juana", token, NULL, store_result_cb, &result);
  return pub_secret_store_store_finish (wait_for_result (&result), error);
}

static char *
lookup_sync (const char  *portal,
             const char  *user,
             GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  char *token;
  char *copy;

  pub_secret_store_lookup_async (portal, user, NULL, store_result_cb, &result);
  token = pub_secret_store_lookup_finish (wait_for_result (&result), error);
  copy = g_strdup (token);
  secret_password_free (token);
  return copy;
}

static gboolean
clear_sync (const char  *portal,
            const char  *user,
            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pub_secret_store_clear_async (portal, user, NULL, store_result_cb, &result);
  return pub_secret_store_clear_finish (wait_for_result (&result), error);
}

static void
test_store_lookup_clear (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *after = NULL;

  g_assert_true (store_sync ("https://datos.gob.cl", "uuid-1", "tok-AAA", &error));
  g_assert_no_error (error);

  token = lookup_sync ("https://datos.gob.cl", "uuid-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "tok-AAA");

  g_assert_true (clear_sync ("https://datos.gob.cl", "uuid-1", &error));
  g_assert_no_error (error);

  after = lookup_sync ("https://datos.gob.cl", "uuid-1", &error);
  g_assert_null (after);
  g_assert_error (error, PUB_CORE_ERROR, PUB_CORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Signing out twice is not an error. */
  g_assert_true (clear_sync ("https://datos.gob.cl", "uuid-1", &error));
  g_assert_no_error (error);
}

static void
test_accounts_are_separate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *gone = NULL;

  g_assert_true (store_sync ("https://datos.gob.cl", "uuid-1", "tok-one", &error));
  g_assert_true (store_sync ("https://datos.gob.cl", "uuid-2", "tok-two", &error));
  g_assert_true (store_sync ("https://otro.example/data", "uuid-1", "tok-three", &error));
  g_assert_no_error (error);

  a = lookup_sync ("https://datos.gob.cl", "uuid-1", &error);
  b = lookup_sync ("https://datos.gob.cl", "uuid-2", &error);
  c = lookup_sync ("https://otro.example/data", "uuid-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "tok-one");
  g_assert_cmpstr (b, ==, "tok-two");
  g_assert_cmpstr (c, ==, "tok-three");

  /* Clearing one account leaves the others alone. */
  g_assert_true (clear_sync ("https://datos.gob.cl", "uuid-1", &error));
  gone = lookup_sync ("https://datos.gob.cl", "uuid-1", &error);
  g_assert_error (error, PUB_CORE_ERROR, PUB_CORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);
  g_clear_pointer (&b, g_free);
  b = lookup_sync ("https://datos.gob.cl", "uuid-2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b, ==, "tok-two");

  clear_sync ("https://datos.gob.cl", "uuid-2", NULL);
  clear_sync ("https://otro.example/data", "uuid-1", NULL);
}

static void
test_store_replaces (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autolist(SecretRetrievable) items = NULL;

  g_assert_true (store_sync ("https://datos.gob.cl", "uuid-9", "tok-old", &error));
  g_assert_true (store_sync ("https://datos.gob.cl", "uuid-9", "tok-new", &error));
  g_assert_no_error (error);

  token = lookup_sync ("https://datos.gob.cl", "uuid-9", &error);
  g_assert_cmpstr (token, ==, "tok-new");

  /* A new token replaces the old item instead of piling up beside it, and
   * the item says whose it is in words a person recognises. */
  attributes = secret_attributes_build (pub_secret_store_get_schema (),
                                        "portal", "https://datos.gob.cl",
                                        "user", "uuid-9",
                                        NULL);
  items = secret_password_searchv_sync (pub_secret_store_get_schema (), attributes,
                                        SECRET_SEARCH_ALL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  {
    g_autofree char *label = secret_retrievable_get_label (items->data);
    g_autoptr(GHashTable) stored = secret_retrievable_get_attributes (items->data);

    g_assert_cmpstr (label, ==, "Publicador — juana@datos.gob.cl");
    g_assert_cmpstr (g_hash_table_lookup (stored, "portal"), ==, "https://datos.gob.cl");
    g_assert_cmpstr (g_hash_table_lookup (stored, "user"), ==, "uuid-9");
  }

  clear_sync ("https://datos.gob.cl", "uuid-9", NULL);
}

static void
test_label_keeps_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autolist(SecretRetrievable) items = NULL;
  g_autofree char *label = NULL;

  g_assert_true (store_sync ("https://portal.example/datos", "uuid-5", "tok-x", &error));
  attributes = secret_attributes_build (pub_secret_store_get_schema (),
                                        "portal", "https://portal.example/datos",
                                        NULL);
  items = secret_password_searchv_sync (pub_secret_store_get_schema (), attributes,
                                        SECRET_SEARCH_ALL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  label = secret_retrievable_get_label (items->data);
  g_assert_cmpstr (label, ==, "Publicador — juana@portal.example/datos");
  clear_sync ("https://portal.example/datos", "uuid-5", NULL);
}

static void
test_file_holds_no_plain_token (void)
{
  static const char token[] = "tok-plain-check-5f3a9c";
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (store_sync ("https://datos.gob.cl", "uuid-7", token, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (keyring_path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 0);
  g_assert_false (contains_bytes (contents, length, token));

  clear_sync ("https://datos.gob.cl", "uuid-7", NULL);
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  pub_secret_store_lookup_async ("https://datos.gob.cl", "uuid-1", cancellable,
                                 store_result_cb, &result);
  g_assert_null (pub_secret_store_lookup_finish (wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* With no Secret Service to talk to, every operation says so with the one
 * error code the UI turns into the offer of a session-only token. */
static void
test_no_keyring (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *token = NULL;
      g_autofree char *bus = g_strdup_printf ("unix:path=%s/no-bus-here", scratch_dir);

      g_setenv ("SECRET_BACKEND", "service", TRUE);
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", bus, TRUE);

      g_assert_false (store_sync ("https://datos.gob.cl", "uuid-1", "tok", &error));
      g_assert_error (error, PUB_CORE_ERROR, PUB_CORE_ERROR_NO_KEYRING);
      g_clear_error (&error);

      token = lookup_sync ("https://datos.gob.cl", "uuid-1", &error);
      g_assert_null (token);
      g_assert_error (error, PUB_CORE_ERROR, PUB_CORE_ERROR_NO_KEYRING);
      g_clear_error (&error);

      g_assert_false (clear_sync ("https://datos.gob.cl", "uuid-1", &error));
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
  g_autofree char *password_env = NULL;
  int ret;

  scratch_dir = g_dir_make_tmp ("pub-secret-store-XXXXXX", NULL);
  g_assert_nonnull (scratch_dir);
  keyring_path = g_build_filename (scratch_dir, "keyring", NULL);

  /* Before any libsecret call: the backend is chosen once, from these. */
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring_path, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test-password", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/secret-store/store-lookup-clear", test_store_lookup_clear);
  g_test_add_func ("/core/secret-store/accounts-are-separate", test_accounts_are_separate);
  g_test_add_func ("/core/secret-store/store-replaces", test_store_replaces);
  g_test_add_func ("/core/secret-store/label-keeps-path", test_label_keeps_path);
  g_test_add_func ("/core/secret-store/file-holds-no-plain-token", test_file_holds_no_plain_token);
  g_test_add_func ("/core/secret-store/cancelled", test_cancelled);
  g_test_add_func ("/core/secret-store/no-keyring", test_no_keyring);

  ret = g_test_run ();

  g_remove (keyring_path);
  g_rmdir (scratch_dir);
  g_free (keyring_path);
  g_free (scratch_dir);
  return ret;
}
