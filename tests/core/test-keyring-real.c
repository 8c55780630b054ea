/* test-keyring-real.c: tokens in a real gnome-keyring over D-Bus
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * build-aux/test-session.sh starts a private session bus with an unlocked
 * gnome-keyring. Without it this test fails on purpose: the keyring path is
 * the one people use, so it must not silently go untested.
 */
#include "config.h"

#include "pub-core-error.h"
#include "pub-secret-store.h"

#define PORTAL "https://datos.gob.cl"

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static char *
lookup (const char  *user,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  char *token;
  char *copy;

  pub_secret_store_lookup_async (PORTAL, user, NULL, result_cb, &result);
  token = pub_secret_store_lookup_finish (wait_for (&result), error);
  copy = g_strdup (token);
  secret_password_free (token);
  return copy;
}

static void
test_session_has_keyring (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  /* Never touch the keyring of whoever runs the tests. */
  if (g_strcmp0 (g_getenv ("PUB_TEST_SESSION_INNER"), "1") != 0)
    g_error ("This test needs the private session of build-aux/test-session.sh "
             "(a session bus with gnome-keyring); it does not run against a real desktop keyring.");

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(b)", &has_owner);
  g_assert_true (has_owner);
}

static void
test_round_trip (void)
{
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GAsyncResult) cleared = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autolist(SecretItem) items = NULL;
  g_autofree char *token = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *label = NULL;
  g_autofree char *schema_name = NULL;

  pub_secret_store_store_async (PORTAL, "uuid-real", "maria", "tok-real-keyring-31",
                                NULL, result_cb, &stored);
  g_assert_true (pub_secret_store_store_finish (wait_for (&stored), &error));
  g_assert_no_error (error);

  token = lookup ("uuid-real", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "tok-real-keyring-31");

  /* What a person sees in Passwords and Keys (Seahorse). */
  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  attributes = secret_attributes_build (pub_secret_store_get_schema (),
                                        "portal", PORTAL, "user", "uuid-real", NULL);
  items = secret_service_search_sync (service, pub_secret_store_get_schema (), attributes,
                                      SECRET_SEARCH_ALL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  label = secret_item_get_label (items->data);
  g_assert_cmpstr (label, ==, "Publicador — maria@datos.gob.cl");
  schema_name = secret_item_get_schema_name (items->data);
  g_assert_cmpstr (schema_name, ==, "io.github.publicador.Publicador.Token");

  pub_secret_store_clear_async (PORTAL, "uuid-real", NULL, result_cb, &cleared);
  g_assert_true (pub_secret_store_clear_finish (wait_for (&cleared), &error));
  g_assert_no_error (error);

  gone = lookup ("uuid-real", &error);
  g_assert_null (gone);
  g_assert_error (error, PUB_CORE_ERROR, PUB_CORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  /* The real service, whatever the environment asked for. */
  g_unsetenv ("SECRET_BACKEND");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/keyring-real/session-has-keyring", test_session_has_keyring);
  g_test_add_func ("/core/keyring-real/round-trip", test_round_trip);

  return g_test_run ();
}
