/* test-actions-search.c: package_search, its paging helper, private and
 * draft visibility, against the test portal or a real CKAN
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "ckan-client-search.h"
#include "ckan-test-target.h"

#define SYNC CKAN_TEST_SYNC

typedef CkanTestFixture Fixture;

static GPtrArray *
search_org (Fixture      *f,
            CkanTestRole  role,
            const char   *org_id,
            gboolean      include_private,
            guint         page_size,
            gint64       *count)
{
  g_autoptr(CkanSearchParams) params = ckan_search_params_new ();
  g_autofree char *fq = g_strdup_printf ("owner_org:\"%s\"", org_id);
  g_autoptr(GError) error = NULL;
  CkanClient *client = f->clients[role];
  GPtrArray *all;

  ckan_search_params_add_filter (params, fq);
  ckan_search_params_set_include_private (params, include_private);
  ckan_search_params_set_include_drafts (params, include_private);
  ckan_search_params_set_sort (params, "metadata_created asc");

  if (count != NULL)
    {
      g_autoptr(CkanSearchResult) first = NULL;

      ckan_search_params_set_rows (params, 1);
      SYNC (first,
            ckan_client_package_search_async (client, params, NULL, ckan_test_wait_cb, &_r),
            ckan_client_package_search_finish (client, _r, &error));
      g_assert_no_error (error);
      *count = ckan_search_result_get_count (first);
      g_assert_cmpuint (ckan_search_result_get_results (first)->len, <=, 1);
    }

  SYNC (all,
        ckan_client_package_search_all_async (client, params, page_size, NULL, ckan_test_wait_cb, &_r),
        ckan_client_package_search_all_finish (client, _r, &error));
  g_assert_no_error (error);
  return all;
}

static gboolean
contains_dataset (GPtrArray  *datasets,
                  const char *id)
{
  for (guint i = 0; i < datasets->len; i++)
    if (g_strcmp0 (ckan_dataset_get_id (g_ptr_array_index (datasets, i)), id) == 0)
      return TRUE;
  return FALSE;
}

static void
test_search_and_paging (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CkanDataset) private_one = ckan_test_fixture_create_dataset (f, CKAN_TEST_EDITOR, "privado", TRUE);
  g_autoptr(CkanDataset) public_one = ckan_test_fixture_create_dataset (f, CKAN_TEST_EDITOR, "publico", FALSE);
  g_autoptr(CkanDataset) another = ckan_test_fixture_create_dataset (f, CKAN_TEST_EDITOR, "otro", FALSE);
  const char *org_id = ckan_dataset_get_owner_org (private_one);
  g_autoptr(GPtrArray) paged = NULL;
  g_autoptr(GPtrArray) anonymous = NULL;
  gint64 count = 0;

  /* Pages of two reach every dataset the count promises, once each. */
  paged = search_org (f, CKAN_TEST_EDITOR, org_id, TRUE, 2, &count);
  g_assert_cmpint (count, >=, 3);
  g_assert_cmpint (paged->len, ==, count);
  g_assert_true (contains_dataset (paged, ckan_dataset_get_id (private_one)));
  g_assert_true (contains_dataset (paged, ckan_dataset_get_id (public_one)));
  g_assert_true (contains_dataset (paged, ckan_dataset_get_id (another)));

  if (!ckan_test_target_is_real (f->target))
    /* One request for the count, then one per page of two. */
    g_assert_cmpuint (pub_test_portal_get_call_count (f->target->portal, "package_search"), ==,
                      1 + (count + 1) / 2);

  anonymous = search_org (f, CKAN_TEST_ANONYMOUS, org_id, FALSE, 1000, NULL);
  g_assert_false (contains_dataset (anonymous, ckan_dataset_get_id (private_one)));
  g_assert_true (contains_dataset (anonymous, ckan_dataset_get_id (public_one)));
  for (guint i = 0; i < anonymous->len; i++)
    g_assert_false (ckan_dataset_get_private (g_ptr_array_index (anonymous, i)));
}

/* Two filters, so both portals read the joined fq. */
static gboolean
search_finds (Fixture      *f,
              CkanTestRole  role,
              CkanDataset  *dataset,
              gboolean      include_drafts)
{
  g_autoptr(CkanSearchParams) params = ckan_search_params_new ();
  const char *id = ckan_dataset_get_id (dataset);
  g_autofree char *by_id = g_strdup_printf ("id:\"%s\"", id);
  g_autofree char *by_org = g_strdup_printf ("owner_org:\"%s\"", ckan_dataset_get_owner_org (dataset));
  g_autoptr(CkanSearchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CkanClient *client = f->clients[role];

  ckan_search_params_add_filter (params, by_id);
  ckan_search_params_add_filter (params, by_org);
  ckan_search_params_set_include_private (params, TRUE);
  ckan_search_params_set_include_drafts (params, include_drafts);
  SYNC (result,
        ckan_client_package_search_async (client, params, NULL, ckan_test_wait_cb, &_r),
        ckan_client_package_search_finish (client, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ckan_search_result_get_count (result), <=, 1);
  return contains_dataset (ckan_search_result_get_results (result), id);
}

/* The API creates datasets active; a draft is kept out of sight by a
 * patch and found again only with include_drafts. */
static void
test_search_drafts (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CkanDataset) created = ckan_test_fixture_create_dataset (f, CKAN_TEST_EDITOR, "borrador", FALSE);
  const char *id = ckan_dataset_get_id (created);
  g_autoptr(CkanDataset) draft = ckan_test_fixture_patch_dataset (f, CKAN_TEST_EDITOR, id, "{\"state\": \"draft\"}");

  g_assert_cmpstr (ckan_dataset_get_state (draft), ==, "draft");
  g_assert_true (search_finds (f, CKAN_TEST_EDITOR, draft, TRUE));
  g_assert_false (search_finds (f, CKAN_TEST_EDITOR, draft, FALSE));
  g_assert_false (search_finds (f, CKAN_TEST_ANONYMOUS, draft, TRUE));
}

static void
test_search_all_cancelled (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(CkanSearchParams) params = ckan_search_params_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  CkanClient *client = f->clients[CKAN_TEST_EDITOR];

  g_cancellable_cancel (cancellable);
  SYNC (all,
        ckan_client_package_search_all_async (client, params, 1, cancellable, ckan_test_wait_cb, &_r),
        ckan_client_package_search_all_finish (client, _r, &error));
  g_assert_null (all);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_CANCELLED);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* Cancelled while a page is on its way (the test portal holds it back). */
static void
test_search_all_cancelled_midway (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(CkanSearchParams) params = ckan_search_params_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  CkanClient *client = f->clients[CKAN_TEST_EDITOR];
  g_autoptr(CkanDataset) one = ckan_test_fixture_create_dataset (f, CKAN_TEST_EDITOR, "pagina-1", FALSE);
  g_autoptr(CkanDataset) two = ckan_test_fixture_create_dataset (f, CKAN_TEST_EDITOR, "pagina-2", FALSE);
  guint calls_before;

  calls_before = pub_test_portal_get_call_count (f->target->portal, "package_search");
  pub_test_portal_inject_fault (f->target->portal, "package_search", PUB_TEST_FAULT_DELAY, 2000, 10);
  g_timeout_add (300, cancel_cb, cancellable);
  SYNC (all,
        ckan_client_package_search_all_async (client, params, 1, cancellable, ckan_test_wait_cb, &_r),
        ckan_client_package_search_all_finish (client, _r, &error));
  g_assert_null (all);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_CANCELLED);
  /* It stopped: no request went out after the cancel. */
  g_assert_cmpuint (pub_test_portal_get_call_count (f->target->portal, "package_search"), <=, calls_before + 1);
  pub_test_portal_clear_faults (f->target->portal);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ckan/actions/search/" path, Fixture, NULL, ckan_test_fixture_setup, func, ckan_test_fixture_teardown)

  ADD ("paging", test_search_and_paging);
  ADD ("drafts", test_search_drafts);
  ADD ("all-cancelled", test_search_all_cancelled);
  /* Only the test portal can be told to answer slowly. */
  if (g_getenv ("PUB_CKAN_URL") == NULL)
    ADD ("all-cancelled-midway", test_search_all_cancelled_midway);

  return g_test_run ();
}
