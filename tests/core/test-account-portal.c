/* test-account-portal.c: signing in and a revoked token, against the test
 * portal or, with PUB_CKAN_URL (build-aux/ckan-stack), a real CKAN 2.11
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-client-tokens.h"
#include "ckan-organization.h"
#include "ckan-test-target.h"
#include "pub-sign-in.h"

static PubAccount *
sign_in (CkanTestTarget  *target,
         const char      *token,
         GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pub_sign_in_async (target->url, token, FALSE, 0, NULL, ckan_test_wait_cb, &result);
  return pub_sign_in_finish (ckan_test_wait (&result), error);
}

static gboolean
needs_token (gpointer data)
{
  return pub_account_get_state (PUB_ACCOUNT (data)) == PUB_ACCOUNT_STATE_NEEDS_TOKEN;
}

static void
iterate_until (gboolean (*done) (gpointer),
               gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_main_context_iteration (NULL, FALSE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

static void
test_sign_in (void)
{
  g_autoptr(CkanTestTarget) target = ckan_test_target_new ();
  g_autoptr(PubAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tokens = NULL;
  GListModel *orgs;
  gboolean found_org = FALSE;
  gboolean found_token = FALSE;

  account = sign_in (target, target->tokens[CKAN_TEST_EDITOR], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pub_account_get_user_name (account), ==, target->user_names[CKAN_TEST_EDITOR]);
  g_assert_cmpint (pub_account_get_state (account), ==, PUB_ACCOUNT_STATE_READY);
  g_assert_nonnull (pub_account_get_display_name (account));

  /* Every organization with the role; the editor is an editor of `org`. */
  orgs = pub_account_get_organizations (account);
  for (guint i = 0; i < g_list_model_get_n_items (orgs); i++)
    {
      g_autoptr(CkanOrganization) org = g_list_model_get_item (orgs, i);

      if (g_strcmp0 (ckan_organization_get_name (org), target->org) == 0)
        {
          found_org = TRUE;
          g_assert_cmpstr (ckan_organization_get_capacity (org), ==, "editor");
        }
      g_assert_cmpstr (ckan_organization_get_name (org), !=, target->other_org);
    }
  g_assert_true (found_org);

  /* The token in use is recognised in the portal's list of tokens. */
  g_assert_nonnull (pub_account_get_token_id (account));
  CKAN_TEST_SYNC (tokens,
                  ckan_client_api_token_list_async (pub_account_get_client (account),
                                                    pub_account_get_user_id (account), NULL,
                                                    ckan_test_wait_cb, &_r),
                  ckan_client_api_token_list_finish (pub_account_get_client (account), _r, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < tokens->len; i++)
    {
      if (g_strcmp0 (ckan_api_token_get_id (g_ptr_array_index (tokens, i)),
                     pub_account_get_token_id (account)) == 0)
        found_token = TRUE;
    }
  g_assert_true (found_token);
}

static void
test_bad_token (void)
{
  g_autoptr(CkanTestTarget) target = ckan_test_target_new ();
  g_autoptr(PubAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = sign_in (target, "eyJhbGciOiJIUzI1NiJ9.eyJqdGkiOiJuby1zdWNoIn0.c2lnbmF0dXJl", &error);
  g_assert_null (account);
  g_assert_error (error, PUB_ACCOUNT_ERROR, PUB_ACCOUNT_ERROR_TOKEN_REJECTED);
}

static void
test_revoked_later (void)
{
  g_autoptr(CkanTestTarget) target = ckan_test_target_new ();
  g_autoptr(CkanClient) editor = ckan_test_target_new_client (target, CKAN_TEST_EDITOR);
  g_autoptr(PubAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *token = NULL;
  g_autofree char *name = ckan_test_target_unique_name ("pub-revoked");
  gboolean revoked = FALSE;

  /* A token of its own, so the shared one stays valid for other tests. */
  CKAN_TEST_SYNC (token,
                  ckan_client_api_token_create_async (editor, target->user_names[CKAN_TEST_EDITOR],
                                                      name, NULL, ckan_test_wait_cb, &_r),
                  ckan_client_api_token_create_finish (editor, _r, &error));
  g_assert_no_error (error);
  account = sign_in (target, token, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pub_account_get_token_id (account));

  CKAN_TEST_SYNC (revoked,
                  ckan_client_api_token_revoke_async (editor, pub_account_get_token_id (account),
                                                      NULL, ckan_test_wait_cb, &_r),
                  ckan_client_api_token_revoke_finish (editor, _r, &error));
  g_assert_no_error (error);
  g_assert_true (revoked);

  /* The next write is refused (the portal saw an anonymous request); the
   * account notices by itself and asks for a new token. */
  fields = ckan_test_target_dataset_fields (target, name, TRUE);
  CKAN_TEST_SYNC (node,
                  ckan_client_call_async (pub_account_get_client (account), "package_create", fields,
                                          CKAN_CALL_WRITE, NULL, ckan_test_wait_cb, &_r),
                  ckan_client_call_finish (pub_account_get_client (account), _r, &error));
  g_assert_null (node);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION);
  iterate_until (needs_token, account);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/account-portal/sign-in", test_sign_in);
  g_test_add_func ("/core/account-portal/bad-token", test_bad_token);
  g_test_add_func ("/core/account-portal/revoked-later", test_revoked_later);

  return g_test_run ();
}
