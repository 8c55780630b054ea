/* test-account-manager.c: the account list in settings, tokens in the keyring
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#include "ckan-organization.h"
#include "pub-account-manager.h"
#include "pub-core-error.h"
#include "pub-secret-store.h"

/* Nothing listens there: the background "who am I" after loading fails
 * fast and quietly, as it does offline. */
#define PORTAL_A "http://127.0.0.1:9"
#define PORTAL_B "http://127.0.0.1:9/datos"

static char *scratch_dir;

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

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static GSettings *
new_settings (GSettingsBackend *backend)
{
  return g_settings_new_with_backend (BASE_APPLICATION_ID, backend);
}

static PubAccount *
new_account (const char *portal,
             const char *user_id,
             const char *user_name,
             const char *display_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orgs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonObject) object = json_object_new ();
  PubAccount *account;

  account = pub_account_new (portal, user_id, user_name, display_name, FALSE, &error);
  g_assert_no_error (error);

  json_object_set_string_member (object, "id", "org-uuid-1");
  json_object_set_string_member (object, "name", "ministerio");
  json_object_set_string_member (object, "title", "Ministerio de Pruebas");
  json_object_set_string_member (object, "capacity", "editor");
  g_ptr_array_add (orgs, ckan_organization_new_from_json (object, &error));
  g_assert_no_error (error);
  pub_account_set_organizations (account, orgs);
  return account;
}

static PubAccount *
add_sync (PubAccountManager  *manager,
          PubAccount         *account,
          const char         *token,
          gboolean            session_only,
          GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pub_account_manager_add_async (manager, account, token, session_only, NULL, result_cb, &result);
  return pub_account_manager_add_finish (manager, wait_for (&result), error);
}

static gboolean
sign_out_sync (PubAccountManager  *manager,
               PubAccount         *account,
               GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pub_account_manager_sign_out_async (manager, account, NULL, result_cb, &result);
  return pub_account_manager_sign_out_finish (manager, wait_for (&result), error);
}

static char *
keyring_lookup (const char *portal,
                const char *user_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *token;
  char *copy;

  pub_secret_store_lookup_async (portal, user_id, NULL, result_cb, &result);
  token = pub_secret_store_lookup_finish (wait_for (&result), &error);
  if (token == NULL)
    g_assert_error (error, PUB_CORE_ERROR, PUB_CORE_ERROR_NOT_FOUND);
  copy = g_strdup (token);
  secret_password_free (token);
  return copy;
}

static void
wait_until_loaded (PubAccountManager *manager)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (manager)); i++)
    {
      g_autoptr(PubAccount) account = g_list_model_get_item (G_LIST_MODEL (manager), i);

      while (pub_account_get_state (account) == PUB_ACCOUNT_STATE_LOADING)
        g_main_context_iteration (NULL, TRUE);
    }
}

static void
test_empty (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = new_settings (backend);
  g_autoptr(PubAccountManager) manager = pub_account_manager_new (settings);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (manager)) == PUB_TYPE_ACCOUNT);
  g_assert_null (pub_account_manager_get_current (manager));
}

static void
test_add_persists_without_token (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = new_settings (backend);
  g_autoptr(PubAccountManager) manager = pub_account_manager_new (settings);
  g_autoptr(PubAccountManager) again = NULL;
  g_autoptr(PubAccount) account = new_account (PORTAL_A, "uuid-juana", "juana", "Juana Pérez");
  g_autoptr(PubAccount) added = NULL;
  g_autoptr(PubAccount) reloaded = NULL;
  g_autoptr(GVariant) stored = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *in_keyring = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;
  CkanOrganization *org;

  g_signal_connect (manager, "items-changed", G_CALLBACK (count_items_changed_cb), &notified);

  added = add_sync (manager, account, "tok-juana-1234", FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (added == account);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 1);
  g_assert_true (pub_account_manager_get_current (manager) == account);
  g_assert_cmpint (pub_account_get_state (account), ==, PUB_ACCOUNT_STATE_READY);
  g_assert_true (ckan_client_has_token (pub_account_get_client (account)));

  /* The token went to the keyring ... */
  in_keyring = keyring_lookup (PORTAL_A, "uuid-juana");
  g_assert_cmpstr (in_keyring, ==, "tok-juana-1234");

  /* ... and never into settings. */
  stored = g_settings_get_value (settings, "accounts");
  printed = g_variant_print (stored, TRUE);
  g_assert_null (strstr (printed, "tok-juana"));
  g_assert_nonnull (strstr (printed, "Juana Pérez"));
  g_assert_nonnull (strstr (printed, "Ministerio de Pruebas"));

  /* Next run: the account, its organizations and its token come back. */
  again = pub_account_manager_new (settings);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
  reloaded = g_list_model_get_item (G_LIST_MODEL (again), 0);
  g_assert_true (pub_account_manager_get_current (again) == reloaded);
  g_assert_cmpstr (pub_account_get_portal_url (reloaded), ==, PORTAL_A);
  g_assert_cmpstr (pub_account_get_user_id (reloaded), ==, "uuid-juana");
  g_assert_cmpstr (pub_account_get_user_name (reloaded), ==, "juana");
  g_assert_cmpstr (pub_account_get_display_name (reloaded), ==, "Juana Pérez");
  g_assert_cmpuint (g_list_model_get_n_items (pub_account_get_organizations (reloaded)), ==, 1);
  org = g_list_model_get_item (pub_account_get_organizations (reloaded), 0);
  g_assert_cmpstr (ckan_organization_get_title (org), ==, "Ministerio de Pruebas");
  g_assert_cmpstr (ckan_organization_get_capacity (org), ==, "editor");
  g_object_unref (org);

  g_assert_cmpint (pub_account_get_state (reloaded), ==, PUB_ACCOUNT_STATE_LOADING);
  wait_until_loaded (again);
  g_assert_cmpint (pub_account_get_state (reloaded), ==, PUB_ACCOUNT_STATE_READY);
  g_assert_true (ckan_client_has_token (pub_account_get_client (reloaded)));

  g_assert_true (sign_out_sync (again, reloaded, &error));
  g_assert_no_error (error);
}

static void
test_same_person_updates (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = new_settings (backend);
  g_autoptr(PubAccountManager) manager = pub_account_manager_new (settings);
  g_autoptr(PubAccount) first = new_account (PORTAL_A, "uuid-pedro", "pedro", "Pedro");
  g_autoptr(PubAccount) second = new_account (PORTAL_A, "uuid-pedro", "pedro", "Pedro Soto");
  g_autoptr(PubAccount) added1 = NULL;
  g_autoptr(PubAccount) added2 = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;

  added1 = add_sync (manager, first, "tok-old", FALSE, &error);
  g_assert_no_error (error);
  pub_account_set_token (first, NULL, FALSE);
  g_assert_cmpint (pub_account_get_state (first), ==, PUB_ACCOUNT_STATE_NEEDS_TOKEN);

  /* A new token for the same person on the same portal: one account, the
   * object others hold is updated and ready again. */
  added2 = add_sync (manager, second, "tok-new", FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (added2 == first);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 1);
  g_assert_cmpstr (pub_account_get_display_name (first), ==, "Pedro Soto");
  g_assert_cmpint (pub_account_get_state (first), ==, PUB_ACCOUNT_STATE_READY);
  token = keyring_lookup (PORTAL_A, "uuid-pedro");
  g_assert_cmpstr (token, ==, "tok-new");

  sign_out_sync (manager, first, NULL);
}

static void
test_switch_and_sign_out (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = new_settings (backend);
  g_autoptr(PubAccountManager) manager = pub_account_manager_new (settings);
  g_autoptr(PubAccountManager) again = NULL;
  g_autoptr(PubAccount) a = new_account (PORTAL_A, "uuid-a", "ana", "Ana");
  g_autoptr(PubAccount) b = new_account (PORTAL_B, "uuid-b", "beto", "Beto");
  g_autoptr(PubAccount) ra = NULL;
  g_autoptr(PubAccount) rb = NULL;
  g_autofree char *portal = NULL;
  g_autofree char *user = NULL;
  g_autofree char *left = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  ra = add_sync (manager, a, "tok-a", FALSE, &error);
  rb = add_sync (manager, b, "tok-b", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 2);
  /* The account signed in last is the one in use. */
  g_assert_true (pub_account_manager_get_current (manager) == b);

  pub_account_manager_set_current (manager, a);
  g_settings_get (settings, "current-account", "(ss)", &portal, &user);
  g_assert_cmpstr (portal, ==, PORTAL_A);
  g_assert_cmpstr (user, ==, "uuid-a");

  /* The current account is remembered between runs. */
  again = pub_account_manager_new (settings);
  g_assert_cmpstr (pub_account_get_user_id (pub_account_manager_get_current (again)), ==, "uuid-a");
  wait_until_loaded (again);
  g_clear_object (&again);

  /* Signing out the current one removes its secret only, and moves on to
   * the other account. */
  g_assert_true (sign_out_sync (manager, a, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 1);
  g_assert_true (pub_account_manager_get_current (manager) == b);
  g_assert_cmpint (pub_account_get_state (a), ==, PUB_ACCOUNT_STATE_NEEDS_TOKEN);
  g_assert_false (ckan_client_has_token (pub_account_get_client (a)));
  left = keyring_lookup (PORTAL_A, "uuid-a");
  g_assert_null (left);
  kept = keyring_lookup (PORTAL_B, "uuid-b");
  g_assert_cmpstr (kept, ==, "tok-b");

  g_assert_true (sign_out_sync (manager, b, &error));
  g_assert_null (pub_account_manager_get_current (manager));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 0);

  again = pub_account_manager_new (settings);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 0);
  g_assert_null (pub_account_manager_get_current (again));
}

static void
test_missing_token_needs_one (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = new_settings (backend);
  g_autoptr(PubAccountManager) manager = pub_account_manager_new (settings);
  g_autoptr(PubAccountManager) again = NULL;
  g_autoptr(PubAccount) account = new_account (PORTAL_A, "uuid-s", "sesion", "Sesión");
  g_autoptr(PubAccount) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *in_keyring = NULL;

  /* Session-only: usable now, nothing in the keyring, and on the next run
   * the account is there but asks for a token. */
  added = add_sync (manager, account, "tok-session", TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (pub_account_get_session_only (account));
  g_assert_cmpint (pub_account_get_state (account), ==, PUB_ACCOUNT_STATE_READY);
  in_keyring = keyring_lookup (PORTAL_A, "uuid-s");
  g_assert_null (in_keyring);

  again = pub_account_manager_new (settings);
  wait_until_loaded (again);
  g_assert_cmpint (pub_account_get_state (pub_account_manager_get_current (again)), ==,
                   PUB_ACCOUNT_STATE_NEEDS_TOKEN);
  g_assert_false (ckan_client_has_token (pub_account_get_client (pub_account_manager_get_current (again))));
}

static void
test_portal_label (void)
{
  g_autoptr(PubAccount) a = new_account ("https://datos.gob.cl", "u", "n", NULL);
  g_autoptr(PubAccount) b = new_account ("https://portal.example/datos", "u", "n", NULL);
  g_autofree char *la = pub_account_dup_portal_label (a);
  g_autofree char *lb = pub_account_dup_portal_label (b);

  g_assert_cmpstr (la, ==, "datos.gob.cl");
  g_assert_cmpstr (lb, ==, "portal.example/datos");
  /* No display name: the user name stands in. */
  g_assert_cmpstr (pub_account_get_display_name (a), ==, "n");
}

static void
test_no_keyring (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
      g_autoptr(GSettings) settings = new_settings (backend);
      g_autoptr(PubAccountManager) manager = NULL;
      g_autoptr(PubAccount) account = new_account (PORTAL_A, "uuid-n", "nadie", NULL);
      g_autoptr(PubAccount) added = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *bus = g_strdup_printf ("unix:path=%s/no-bus-here", scratch_dir);

      g_setenv ("SECRET_BACKEND", "service", TRUE);
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", bus, TRUE);
      manager = pub_account_manager_new (settings);

      added = add_sync (manager, account, "tok-n", FALSE, &error);
      g_assert_null (added);
      g_assert_error (error, PUB_CORE_ERROR, PUB_CORE_ERROR_NO_KEYRING);
      g_clear_error (&error);
      /* Nothing changed until the person accepts a session-only token. */
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 0);

      added = add_sync (manager, account, "tok-n", TRUE, &error);
      g_assert_no_error (error);
      g_assert_cmpint (pub_account_get_state (added), ==, PUB_ACCOUNT_STATE_READY);

      /* Signing out works without a keyring too. */
      g_assert_true (sign_out_sync (manager, added, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 0);
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

  /* The keyring people use (gnome-keyring over D-Bus), from the private
   * session of build-aux/test-session.sh; never a desktop's own keyring. */
  if (g_strcmp0 (g_getenv ("PUB_TEST_SESSION_INNER"), "1") != 0)
    g_error ("Run this test inside build-aux/test-session.sh: it needs a private keyring.");
  g_unsetenv ("SECRET_BACKEND");
  scratch_dir = g_dir_make_tmp ("pub-account-manager-XXXXXX", NULL);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/account-manager/empty", test_empty);
  g_test_add_func ("/core/account-manager/add-persists-without-token", test_add_persists_without_token);
  g_test_add_func ("/core/account-manager/same-person-updates", test_same_person_updates);
  g_test_add_func ("/core/account-manager/switch-and-sign-out", test_switch_and_sign_out);
  g_test_add_func ("/core/account-manager/missing-token-needs-one", test_missing_token_needs_one);
  g_test_add_func ("/core/account-manager/portal-label", test_portal_label);
  g_test_add_func ("/core/account-manager/no-keyring", test_no_keyring);

  ret = g_test_run ();

  g_rmdir (scratch_dir);
  g_free (scratch_dir);
  return ret;
}
