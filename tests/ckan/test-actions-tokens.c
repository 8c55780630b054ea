/* test-actions-tokens.c: API tokens listed, created and revoked, against
 * the test portal or a real CKAN
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "ckan-client-tokens.h"
#include "ckan-test-target.h"

#define SYNC CKAN_TEST_SYNC

static CkanApiToken *
find_token (GPtrArray  *tokens,
            const char *name)
{
  for (guint i = 0; i < tokens->len; i++)
    if (g_strcmp0 (ckan_api_token_get_name (g_ptr_array_index (tokens, i)), name) == 0)
      return g_ptr_array_index (tokens, i);
  return NULL;
}

static GPtrArray *
list_tokens (CkanClient *client,
             const char *user)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *tokens;

  SYNC (tokens,
        ckan_client_api_token_list_async (client, user, NULL, ckan_test_wait_cb, &_r),
        ckan_client_api_token_list_finish (client, _r, &error));
  g_assert_no_error (error);
  return tokens;
}

static void
test_create_list_revoke (void)
{
  g_autoptr(CkanTestTarget) target = ckan_test_target_new ();
  g_autoptr(CkanClient) editor = ckan_test_target_new_client (target, CKAN_TEST_EDITOR);
  g_autoptr(CkanClient) with_new_token = ckan_test_target_new_client (target, CKAN_TEST_ANONYMOUS);
  const char *user = target->user_names[CKAN_TEST_EDITOR];
  g_autofree char *name = ckan_test_target_unique_name ("token");
  g_autofree char *token = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) revoked_list = NULL;
  g_autoptr(CkanUser) me = NULL;
  g_autoptr(CkanUser) nobody = NULL;
  g_autoptr(CkanDataset) refused = NULL;
  g_autoptr(JsonObject) fields = NULL;
  g_autoptr(GError) error = NULL;
  CkanApiToken *listed;
  gboolean ok;

  before = list_tokens (editor, user);
  g_assert_null (find_token (before, name));

  SYNC (token,
        ckan_client_api_token_create_async (editor, user, name, NULL, ckan_test_wait_cb, &_r),
        ckan_client_api_token_create_finish (editor, _r, &error));
  g_assert_no_error (error);
  g_assert_nonnull (token);
  g_assert_cmpuint (strlen (token), >, 20);

  /* The new token speaks for the same user. */
  ckan_client_set_token (with_new_token, token);
  SYNC (me,
        ckan_client_user_show_async (with_new_token, NULL, NULL, ckan_test_wait_cb, &_r),
        ckan_client_user_show_finish (with_new_token, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ckan_user_get_name (me), ==, user);

  after = list_tokens (editor, user);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  listed = find_token (after, name);
  g_assert_nonnull (listed);
  g_assert_cmpstr (ckan_api_token_get_user_id (listed), ==, ckan_user_get_id (me));
  g_assert_nonnull (ckan_api_token_get_created_at (listed));

  SYNC (ok,
        ckan_client_api_token_revoke_async (editor, ckan_api_token_get_id (listed), NULL, ckan_test_wait_cb, &_r),
        ckan_client_api_token_revoke_finish (editor, _r, &error));
  g_assert_no_error (error);
  g_assert_true (ok);
  revoked_list = list_tokens (editor, user);
  g_assert_null (find_token (revoked_list, name));

  /* A revoked token is not an error by itself: the portal treats the
   * request as anonymous, so who-am-I fails and writes are refused. */
  SYNC (nobody,
        ckan_client_user_show_async (with_new_token, NULL, NULL, ckan_test_wait_cb, &_r),
        ckan_client_user_show_finish (with_new_token, _r, &error));
  g_assert_null (nobody);
  g_assert_true (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND) ||
                 g_error_matches (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION));
  g_clear_error (&error);

  {
    g_autofree char *dataset_name = ckan_test_target_unique_name ("revocado");

    fields = ckan_test_target_dataset_fields (target, dataset_name, TRUE);
  }
  SYNC (refused,
        ckan_client_package_create_async (with_new_token, fields, NULL, ckan_test_wait_cb, &_r),
        ckan_client_package_create_finish (with_new_token, _r, &error));
  g_assert_null (refused);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION);
}

static void
test_others_tokens_are_private (void)
{
  g_autoptr(CkanTestTarget) target = ckan_test_target_new ();
  g_autoptr(CkanClient) member = ckan_test_target_new_client (target, CKAN_TEST_MEMBER);
  g_autoptr(GPtrArray) tokens = NULL;
  g_autoptr(GError) error = NULL;

  SYNC (tokens,
        ckan_client_api_token_list_async (member, target->user_names[CKAN_TEST_EDITOR], NULL, ckan_test_wait_cb, &_r),
        ckan_client_api_token_list_finish (member, _r, &error));
  g_assert_null (tokens);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ckan/actions/tokens/create-list-revoke", test_create_list_revoke);
  g_test_add_func ("/ckan/actions/tokens/others-are-private", test_others_tokens_are_private);

  return g_test_run ();
}
