/* test-dataset-list.c: the paging list over package_search, its filters,
 * the overdue count, the bulk job and the offline cache, against the test
 * portal
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ckan-client-search.h"
#include "ckan-error.h"
#include "pub-bulk-job.h"
#include "pub-core-error.h"
#include "pub-dataset-cache.h"
#include "pub-dataset-list.h"
#include "pub-update-status.h"
#include "test-portal.h"

#define ORG "ministerio-de-prueba"
#define SEEDED 2500

typedef struct
{
  PubTestPortal  *portal;
  CkanClient     *client;
  char           *scope;
  char           *dir;
  PubDatasetList *list;
  /* Items held as a list view holds the rows it shows. */
  GPtrArray      *held;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->portal = pub_test_portal_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pub_test_portal_seed_datasets (f->portal, ORG, GPOINTER_TO_UINT (data), 7), ==,
                    GPOINTER_TO_UINT (data));
  g_assert_true (pub_test_portal_listen (f->portal, 0, &error));
  f->client = ckan_client_new (pub_test_portal_get_url (f->portal), FALSE, &error);
  g_assert_no_error (error);
  ckan_client_set_token (f->client, pub_test_portal_get_token (f->portal, "admin"));
  f->scope = g_strdup_printf ("owner_org:\"%s\"", pub_test_portal_get_org_id (f->portal, ORG));
  f->dir = g_dir_make_tmp ("dataset-list-XXXXXX", &error);
  g_assert_no_error (error);
  f->held = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->held, g_ptr_array_unref);
  if (f->list != NULL)
    g_assert_finalize_object (g_steal_pointer (&f->list));
  g_clear_object (&f->client);
  g_clear_object (&f->portal);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->scope);
}

#define WAIT_UNTIL(condition) \
  G_STMT_START { \
    gint64 _deadline = g_get_monotonic_time () + 90 * G_USEC_PER_SEC; \
    while (!(condition)) \
      { \
        g_assert_cmpint (g_get_monotonic_time (), <, _deadline); \
        g_main_context_iteration (NULL, TRUE); \
      } \
  } G_STMT_END

static void
wait_first_page (PubDatasetList *list)
{
  /* The reload starts on an idle; then the answer comes. */
  WAIT_UNTIL (pub_dataset_list_get_loading (list));
  WAIT_UNTIL (!pub_dataset_list_get_loading (list));
}

static PubDatasetListItem *
hold (Fixture *f,
      guint    position)
{
  PubDatasetListItem *item = g_list_model_get_item (G_LIST_MODEL (f->list), position);

  g_assert_nonnull (item);
  g_ptr_array_add (f->held, item);
  return item;
}

static gboolean
all_settled (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    if (pub_dataset_list_item_get_state (items->pdata[i]) == PUB_DATASET_LIST_ITEM_LOADING)
      return FALSE;
  return TRUE;
}

/* Every row, each page asked for as a view scrolling down would. */
static void
load_all (Fixture *f)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->list));

  for (guint i = 0; i < n; i++)
    hold (f, i);
  WAIT_UNTIL (all_settled (f->held));
}

static CkanDataset *
dataset_at (Fixture *f,
            guint    position)
{
  g_autoptr(PubDatasetListItem) item = g_list_model_get_item (G_LIST_MODEL (f->list), position);

  g_assert_cmpint (pub_dataset_list_item_get_state (item), ==, PUB_DATASET_LIST_ITEM_READY);
  return pub_dataset_list_item_get_dataset (item);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Every dataset of the organization as a sysadmin sees them: the truth the
 * list's filters are checked against, filtered here in C rather than by the
 * portal's own search. */
static GPtrArray *
all_in_portal (Fixture *f)
{
  g_autoptr(CkanClient) sysadmin = ckan_client_new (pub_test_portal_get_url (f->portal), FALSE, NULL);
  g_autoptr(CkanSearchParams) params = ckan_search_params_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *all;

  ckan_client_set_token (sysadmin, pub_test_portal_get_token (f->portal, "sysadmin"));
  ckan_search_params_add_filter (params, f->scope);
  ckan_search_params_set_include_private (params, TRUE);
  ckan_search_params_set_include_drafts (params, TRUE);
  ckan_client_package_search_all_async (sysadmin, params, 1000, NULL, store_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  all = ckan_client_package_search_all_finish (sysadmin, result, &error);
  g_assert_no_error (error);
  return all;
}

static gboolean
has_format (CkanDataset *dataset,
            const char  *format)
{
  GPtrArray *resources = ckan_dataset_get_resources (dataset);

  for (guint i = 0; i < resources->len; i++)
    if (g_ascii_strcasecmp (ckan_resource_get_format (resources->pdata[i]), format) == 0)
      return TRUE;
  return FALSE;
}

static PubDatasetList *
new_list (Fixture    *f,
          const char *cache_path)
{
  f->list = pub_dataset_list_new (f->client, f->scope, cache_path);
  return f->list;
}

/* 2,500 datasets: the first page alone at first, then each page once as
 * rows come into view, and the counts add up. */
static void
test_paging (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) truth = all_in_portal (f);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint calls_before = pub_test_portal_get_call_count (f->portal, "package_search");
  guint n_pages;
  guint n;

  g_assert_cmpuint (truth->len, >=, SEEDED);
  new_list (f, NULL);
  wait_first_page (f->list);
  n = g_list_model_get_n_items (G_LIST_MODEL (f->list));
  g_assert_cmpuint (n, ==, truth->len);
  g_assert_cmpint (pub_dataset_list_get_count (f->list), ==, truth->len);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_search") - calls_before, ==, 1);
  g_assert_nonnull (dataset_at (f, 99));

  /* A row far down asks for its page only. */
  hold (f, 2400);
  WAIT_UNTIL (all_settled (f->held));
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_search") - calls_before, ==, 2);
  g_assert_nonnull (dataset_at (f, 2499));

  load_all (f);
  n_pages = (n + 99) / 100;
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_search") - calls_before, ==, n_pages);
  for (guint i = 0; i < n; i++)
    {
      CkanDataset *dataset = dataset_at (f, i);

      /* Each dataset once, newest change first. */
      g_assert_false (g_hash_table_contains (seen, ckan_dataset_get_id (dataset)));
      g_hash_table_add (seen, (gpointer) ckan_dataset_get_id (dataset));
      if (i > 0)
        g_assert_cmpint (g_date_time_compare (ckan_dataset_get_metadata_modified (dataset_at (f, i - 1)),
                                              ckan_dataset_get_metadata_modified (dataset)), >=, 0);
    }
  for (guint i = 0; i < truth->len; i++)
    g_assert_true (g_hash_table_contains (seen, ckan_dataset_get_id (truth->pdata[i])));
  /* Asking again for rows already there asks the portal nothing. */
  load_all (f);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_search") - calls_before, ==, n_pages);
}

/* Scrolling through 2,500 rows a page at a time, rows let go once past:
 * memory keeps at most 10 pages, the first ones stay, and a page dropped
 * is asked again only when it comes back into view. */
static void
test_scrolling_memory (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) loaded = NULL;
  guint n, n_pages, calls;

  new_list (f, NULL);
  wait_first_page (f->list);
  n = g_list_model_get_n_items (G_LIST_MODEL (f->list));
  n_pages = (n + 99) / 100;
  calls = pub_test_portal_get_call_count (f->portal, "package_search");
  for (guint p = 0; p < n_pages; p++)
    {
      for (guint i = p * 100; i < MIN (n, (p + 1) * 100); i++)
        hold (f, i);
      WAIT_UNTIL (all_settled (f->held));
      g_ptr_array_set_size (f->held, 0);
    }
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_search") - calls, ==, n_pages - 1);
  loaded = pub_dataset_list_dup_loaded (f->list);
  g_assert_cmpuint (loaded->len, <=, 10 * 100);
  g_assert_cmpuint (loaded->len, >=, 9 * 100);

  /* Back to the top: still there. Halfway: asked again, once. */
  calls = pub_test_portal_get_call_count (f->portal, "package_search");
  g_assert_nonnull (dataset_at (f, 0));
  hold (f, 1050);
  WAIT_UNTIL (all_settled (f->held));
  g_assert_nonnull (dataset_at (f, 1050));
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_search") - calls, ==, 1);
}

typedef gboolean (*Predicate) (CkanDataset *dataset);

static gboolean is_private (CkanDataset *d) { return ckan_dataset_get_private (d); }
static gboolean is_public (CkanDataset *d) { return !ckan_dataset_get_private (d); }
static gboolean is_draft (CkanDataset *d) { return g_strcmp0 (ckan_dataset_get_state (d), "draft") == 0; }
static gboolean is_csv (CkanDataset *d) { return has_format (d, "CSV"); }
static gboolean is_private_active (CkanDataset *d) { return is_private (d) && !is_draft (d); }
static gboolean is_public_active (CkanDataset *d) { return is_public (d) && !is_draft (d); }

static gboolean
mentions_aire (CkanDataset *d)
{
  return strstr (ckan_dataset_get_title (d), "aire") != NULL;
}

/* The list after a filter holds exactly the datasets the predicate picks. */
static void
assert_filtered (Fixture   *f,
                 GPtrArray *truth,
                 Predicate  predicate)
{
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  for (guint i = 0; i < truth->len; i++)
    if (predicate (truth->pdata[i]))
      g_hash_table_add (expected, (gpointer) ckan_dataset_get_id (truth->pdata[i]));
  wait_first_page (f->list);
  g_ptr_array_set_size (f->held, 0);
  load_all (f);
  n = g_list_model_get_n_items (G_LIST_MODEL (f->list));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, truth->len);
  g_assert_cmpuint (n, ==, g_hash_table_size (expected));
  g_assert_cmpint (pub_dataset_list_get_count (f->list), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (g_hash_table_contains (expected, ckan_dataset_get_id (dataset_at (f, i))));
}

static void
test_search_and_filters (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) truth = all_in_portal (f);

  new_list (f, NULL);
  wait_first_page (f->list);
  g_assert_true (g_strv_contains (pub_dataset_list_get_formats (f->list), "CSV"));

  pub_dataset_list_set_search_text (f->list, "  aire ");
  assert_filtered (f, truth, mentions_aire);
  pub_dataset_list_set_search_text (f->list, NULL);

  pub_dataset_list_set_visibility (f->list, PUB_VISIBILITY_FILTER_PRIVATE);
  assert_filtered (f, truth, is_private);
  pub_dataset_list_set_visibility (f->list, PUB_VISIBILITY_FILTER_PUBLIC);
  assert_filtered (f, truth, is_public);
  pub_dataset_list_set_visibility (f->list, PUB_VISIBILITY_FILTER_ALL);

  pub_dataset_list_set_state_filter (f->list, PUB_STATE_FILTER_DRAFT);
  assert_filtered (f, truth, is_draft);
  pub_dataset_list_set_state_filter (f->list, PUB_STATE_FILTER_ALL);

  pub_dataset_list_set_format (f->list, "CSV");
  assert_filtered (f, truth, is_csv);
  pub_dataset_list_set_format (f->list, NULL);

  /* Title order, A to Z. */
  pub_dataset_list_set_sort (f->list, PUB_DATASET_SORT_TITLE);
  wait_first_page (f->list);
  for (guint i = 1; i < 100; i++)
    g_assert_cmpint (g_strcmp0 (ckan_dataset_get_title (dataset_at (f, i - 1)),
                                ckan_dataset_get_title (dataset_at (f, i))), <=, 0);
}

static gboolean
is_overdue_now (CkanDataset *dataset)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) changed = NULL;

  /* What the search index can see: the metadata's date (see
   * pub_dataset_filter_overdue_clause). */
  if (g_strcmp0 (ckan_dataset_get_state (dataset), "active") != 0)
    return FALSE;
  changed = g_date_time_ref (ckan_dataset_get_metadata_modified (dataset));
  return pub_update_status_compute (ckan_dataset_get_extra_field (dataset, "frequency"),
                                    changed, now, NULL) == PUB_UPDATE_STATUS_OVERDUE;
}

static void
count_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  *(gint64 *) user_data = pub_dataset_list_count_overdue_finish (result, &error);
  g_assert_no_error (error);
}

/* The overdue filter and count find the datasets whose frequency says so,
 * and each of their rows computes "overdue" too. */
static void
test_overdue (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) truth = all_in_portal (f);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 counted = -1;
  guint expected = 0;
  guint unknown = 0;

  for (guint i = 0; i < truth->len; i++)
    {
      expected += is_overdue_now (truth->pdata[i]);
      unknown += g_strcmp0 (ckan_dataset_get_extra_field (truth->pdata[i], "frequency"), "quincenal") == 0;
    }
  g_assert_cmpuint (unknown, >, 0);

  new_list (f, NULL);
  pub_dataset_list_set_overdue_only (f->list, TRUE);
  wait_first_page (f->list);
  load_all (f);
  /* Solr's NOW-1MONTH and the calendar month may differ by a day at the
   * edge: allow the few datasets that fall due today. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), <=, expected);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), >=, expected * 99 / 100);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->list)); i++)
    {
      CkanDataset *dataset = dataset_at (f, i);
      g_autoptr(GDateTime) changed = pub_update_status_last_change (dataset);
      int days = -1;

      PubUpdateStatus status = pub_update_status_compute (ckan_dataset_get_extra_field (dataset, "frequency"),
                                                          changed, now, &days);

      /* The row knows the resources' dates: overdue too (or due today,
       * where the portal's UTC midnight and ours differ). */
      g_assert_true (status == PUB_UPDATE_STATUS_OVERDUE ||
                     (status == PUB_UPDATE_STATUS_DUE_SOON && days == 0));
    }

  pub_dataset_list_count_overdue_async (f->client, f->scope, NULL, count_cb, &counted);
  WAIT_UNTIL (counted >= 0);
  g_assert_cmpint (counted, ==, g_list_model_get_n_items (G_LIST_MODEL (f->list)));
}

/* A page that fails shows FAILED rows with the reason, the rows already
 * there stay, and a retry asks for that page again. */
static void
test_failed_page (Fixture       *f,
                  gconstpointer  data)
{
  PubDatasetListItem *first, *far;
  guint calls;

  /* Before the first connection: libsoup gives a connection the timeout
   * of its session when it opens. */
  ckan_client_set_timeout (f->client, 1);
  new_list (f, NULL);
  wait_first_page (f->list);
  first = hold (f, 0);
  /* Enough failures to outlast the client's own retries of a 502. */
  pub_test_portal_inject_fault (f->portal, "package_search", PUB_TEST_FAULT_HTML_502, 0, 10);
  far = hold (f, 1000);
  WAIT_UNTIL (pub_dataset_list_item_get_state (far) != PUB_DATASET_LIST_ITEM_LOADING);
  g_assert_cmpint (pub_dataset_list_item_get_state (far), ==, PUB_DATASET_LIST_ITEM_FAILED);
  g_assert_nonnull (pub_dataset_list_item_get_error_message (far));
  g_assert_cmpint (pub_dataset_list_item_get_state (first), ==, PUB_DATASET_LIST_ITEM_READY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), >=, SEEDED);

  /* Shown again, a failed row does not ask by itself: the person retries. */
  calls = pub_test_portal_get_call_count (f->portal, "package_search");
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (f->list), 1001));
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_search"), ==, calls);
  pub_test_portal_clear_faults (f->portal);
  pub_dataset_list_retry_page (f->list, 1001);
  WAIT_UNTIL (pub_dataset_list_item_get_state (far) == PUB_DATASET_LIST_ITEM_READY);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_search"), ==, calls + 1);

  /* A timeout on the first page of a new search keeps the rows and says so. */
  pub_test_portal_inject_fault (f->portal, "package_search", PUB_TEST_FAULT_DELAY, 3000, 10);
  pub_dataset_list_set_search_text (f->list, "aire");
  wait_first_page (f->list);
  g_assert_error ((GError *) pub_dataset_list_get_error (f->list), CKAN_ERROR, CKAN_ERROR_TIMEOUT);
  g_assert_cmpint (pub_dataset_list_item_get_state (first), ==, PUB_DATASET_LIST_ITEM_READY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), >=, SEEDED);
  pub_test_portal_clear_faults (f->portal);
  pub_dataset_list_reload (f->list);
  wait_first_page (f->list);
  g_assert_null (pub_dataset_list_get_error (f->list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), <, SEEDED);
}

/* A portal that rejects include_drafts still lists everything else. */
static void
test_no_include_drafts (Fixture       *f,
                        gconstpointer  data)
{
  pub_test_portal_set_drafts_supported (f->portal, FALSE);
  new_list (f, NULL);
  wait_first_page (f->list);
  g_assert_null (pub_dataset_list_get_error (f->list));
  g_assert_false (pub_dataset_list_get_drafts_supported (f->list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), >, SEEDED / 2);
  for (guint i = 0; i < 100; i++)
    g_assert_cmpstr (ckan_dataset_get_state (dataset_at (f, i)), ==, "active");
}

/* Seen once, the list opens from the cache with the portal out of reach;
 * a damaged cache is quietly thrown away. */
static void
test_cache (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "cache", "org.json", NULL);
  g_autofree char *damaged = g_build_filename (f->dir, "cache", "damaged.json", NULL);
  g_autofree char *first_id = NULL;
  g_autofree char *contents = NULL;
  gint64 count;

  new_list (f, path);
  wait_first_page (f->list);
  g_assert_false (pub_dataset_list_get_from_cache (f->list));
  first_id = g_strdup (ckan_dataset_get_id (dataset_at (f, 0)));
  count = pub_dataset_list_get_count (f->list);
  load_all (f);
  g_ptr_array_set_size (f->held, 0);
  /* Closed before its save delay: it saves on the way out. */
  g_assert_finalize_object (g_steal_pointer (&f->list));
  WAIT_UNTIL (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  /* Rows only: no descriptions or resource URLs kept. */
  g_assert_null (strstr (contents, "example.invalid"));
  g_assert_null (strstr (contents, "Serie publicada"));

  /* Offline: every search fails; the cached rows show at once. */
  pub_test_portal_inject_fault (f->portal, "package_search", PUB_TEST_FAULT_HTML_502, 0, 100);
  new_list (f, path);
  WAIT_UNTIL (pub_dataset_list_get_from_cache (f->list) && pub_dataset_list_get_error (f->list) != NULL);
  g_assert_error ((GError *) pub_dataset_list_get_error (f->list), CKAN_ERROR, CKAN_ERROR_SERVER);
  g_assert_nonnull (pub_dataset_list_get_cache_time (f->list));
  g_assert_cmpint (pub_dataset_list_get_count (f->list), ==, count);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 500);
  g_assert_cmpstr (ckan_dataset_get_id (dataset_at (f, 0)), ==, first_id);
  g_assert_cmpstr (ckan_dataset_get_title (dataset_at (f, 0)), !=, NULL);
  g_assert_finalize_object (g_steal_pointer (&f->list));

  /* Back online: the portal's answer replaces the cached rows. */
  pub_test_portal_clear_faults (f->portal);
  new_list (f, path);
  WAIT_UNTIL (!pub_dataset_list_get_from_cache (f->list) && pub_dataset_list_get_count (f->list) == count &&
              g_list_model_get_n_items (G_LIST_MODEL (f->list)) == count);
  g_assert_finalize_object (g_steal_pointer (&f->list));

  /* Damaged: no rows, no error about the cache, and the file is gone. A
   * file of its own: the list just closed may still be saving to the other. */
  g_assert_true (g_file_set_contents (damaged, "{\"version\": 1, \"saved_at\": \"2026-01-01T00:00:00Z\", \"datasets\": [", -1, NULL));
  pub_test_portal_inject_fault (f->portal, "package_search", PUB_TEST_FAULT_HTML_502, 0, 100);
  new_list (f, damaged);
  wait_first_page (f->list);
  WAIT_UNTIL (!g_file_test (damaged, G_FILE_TEST_EXISTS));
  g_assert_false (pub_dataset_list_get_from_cache (f->list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 0);
  g_assert_error ((GError *) pub_dataset_list_get_error (f->list), CKAN_ERROR, CKAN_ERROR_SERVER);
}

static void
count_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gint64 *count = user_data;
  g_autoptr(GPtrArray) datasets = pub_dataset_cache_load_finish (result, NULL, NULL, NULL);

  *count = datasets != NULL ? (gint64) datasets->len : 0;
}

/* A load asked right after a save reads what that save wrote, however
 * large: a list reopened just after another closed shows its rows. */
static void
test_cache_order (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "cache", "order.json", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) datasets = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"id\": \"id-%u\", \"name\": \"conjunto-%u\", "
                                               "\"title\": \"Conjunto %u\"}", i, i, i);
      g_autoptr(JsonNode) node = json_from_string (json, NULL);

      g_ptr_array_add (datasets, ckan_dataset_new_from_json (json_node_get_object (node), NULL));
    }
  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(GPtrArray) some = g_ptr_array_new ();
      guint n = round % 2 == 0 ? 3000 : 1;
      gint64 loaded = -1;

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (some, datasets->pdata[i]);
      pub_dataset_cache_save_async (path, some, n, now, NULL, NULL, NULL);
      pub_dataset_cache_load_async (path, NULL, count_loaded_cb, &loaded);
      WAIT_UNTIL (loaded >= 0);
      g_assert_cmpint (loaded, ==, n);
    }
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
run_job (PubBulkJob  *job,
         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pub_bulk_job_run_async (job, NULL, run_cb, &result);
  WAIT_UNTIL (result != NULL);
  return pub_bulk_job_run_finish (job, result, error);
}

static GStrv
ids_where (GPtrArray *datasets,
           Predicate  predicate,
           guint      max)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; i < datasets->len && n < max; i++)
    if (predicate (datasets->pdata[i]))
      {
        g_strv_builder_add (builder, ckan_dataset_get_id (datasets->pdata[i]));
        n++;
      }
  return g_strv_builder_end (builder);
}

static gboolean
portal_private (Fixture    *f,
                const char *id)
{
  g_autoptr(JsonObject) dataset = pub_test_portal_dup_dataset (f->portal, id);

  return json_object_get_boolean_member (dataset, "private");
}

/* 250 public datasets made private in batches of 100, then Undo makes the
 * same ones public again; bulk delete deletes. */
static void
test_bulk (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) truth = all_in_portal (f);
  g_auto(GStrv) public_ids = ids_where (truth, is_public_active, 250);
  g_auto(GStrv) drafts = ids_where (truth, is_draft, 1);
  g_autoptr(GStrvBuilder) with_draft = g_strv_builder_new ();
  g_auto(GStrv) asked = NULL;
  g_auto(GStrv) doomed = ids_where (truth, is_private_active, 30);
  const char *org_id = pub_test_portal_get_org_id (f->portal, ORG);
  g_autoptr(PubBulkJob) job = NULL;
  g_autoptr(PubBulkJob) undo = NULL;
  g_autoptr(PubBulkJob) delete = NULL;
  g_autoptr(GError) error = NULL;
  guint calls = pub_test_portal_get_call_count (f->portal, "bulk_update_private");

  g_assert_cmpuint (g_strv_length (public_ids), ==, 250);
  g_assert_cmpuint (g_strv_length (drafts), ==, 1);
  /* A draft among them: CKAN 2.11 answers success and leaves it as it is. */
  g_strv_builder_addv (with_draft, (const char **) public_ids);
  g_strv_builder_add (with_draft, drafts[0]);
  asked = g_strv_builder_end (with_draft);
  job = pub_bulk_job_new (f->client, CKAN_BULK_MAKE_PRIVATE, org_id, (const char * const *) asked);
  g_assert_false (run_job (job, &error));
  g_assert_error (error, PUB_CORE_ERROR, PUB_CORE_ERROR_LEFT_UNCHANGED);
  g_clear_error (&error);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "bulk_update_private") - calls, ==, 3);
  g_assert_cmpuint (g_strv_length ((GStrv) pub_bulk_job_get_done (job)), ==, 250);
  g_assert_cmpuint (g_strv_length ((GStrv) pub_bulk_job_get_not_done (job)), ==, 1);
  g_assert_cmpstr (pub_bulk_job_get_not_done (job)[0], ==, drafts[0]);
  g_assert_false (portal_private (f, drafts[0]));
  for (guint i = 0; public_ids[i]; i++)
    g_assert_true (portal_private (f, public_ids[i]));

  undo = pub_bulk_job_new_reverse (job);
  g_assert_cmpint (pub_bulk_job_get_action (undo), ==, CKAN_BULK_MAKE_PUBLIC);
  g_assert_true (run_job (undo, &error));
  g_assert_no_error (error);
  for (guint i = 0; public_ids[i]; i++)
    g_assert_false (portal_private (f, public_ids[i]));

  delete = pub_bulk_job_new (f->client, CKAN_BULK_DELETE, org_id, (const char * const *) doomed);
  g_assert_null (pub_bulk_job_new_reverse (delete));
  g_assert_true (run_job (delete, &error));
  for (guint i = 0; doomed[i]; i++)
    {
      g_autoptr(JsonObject) dataset = pub_test_portal_dup_dataset (f->portal, doomed[i]);

      g_assert_cmpstr (json_object_get_string_member (dataset, "state"), ==, "deleted");
    }
}

/* Cut off halfway: the batch whose answer was lost is looked up, and every
 * id ends up done or not done. */
static void
test_bulk_interrupted (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) truth = all_in_portal (f);
  g_auto(GStrv) ids = ids_where (truth, is_public_active, 300);
  const char *org_id = pub_test_portal_get_org_id (f->portal, ORG);
  g_autoptr(PubBulkJob) job = pub_bulk_job_new (f->client, CKAN_BULK_MAKE_PRIVATE, org_id,
                                                (const char * const *) ids);
  g_autoptr(GError) error = NULL;
  guint done, not_done;

  /* The first call goes through; the second one's answer is a proxy error
   * page (the portal did nothing); the third is never sent. */
  pub_test_portal_inject_fault (f->portal, "bulk_update_private", PUB_TEST_FAULT_DELAY, 1, 1);
  pub_test_portal_inject_fault (f->portal, "bulk_update_private", PUB_TEST_FAULT_HTML_502, 0, 1);
  g_assert_false (run_job (job, &error));
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_SERVER);
  done = g_strv_length ((GStrv) pub_bulk_job_get_done (job));
  not_done = g_strv_length ((GStrv) pub_bulk_job_get_not_done (job));
  g_assert_cmpuint (done, ==, 100);
  g_assert_cmpuint (not_done, ==, 200);
  for (guint i = 0; pub_bulk_job_get_done (job)[i]; i++)
    g_assert_true (portal_private (f, pub_bulk_job_get_done (job)[i]));
  for (guint i = 0; pub_bulk_job_get_not_done (job)[i]; i++)
    g_assert_false (portal_private (f, pub_bulk_job_get_not_done (job)[i]));
}

/* Only organization admins may bulk-update, as CKAN 2.11 decides. */
static void
test_bulk_roles (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) truth = all_in_portal (f);
  g_auto(GStrv) ids = ids_where (truth, is_public_active, 5);
  const char *org_id = pub_test_portal_get_org_id (f->portal, ORG);
  static const struct { const char *user; const char *capacity; } roles[] = {
    { "admin", "admin" }, { "editor", "editor" }, { "member", "member" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr(CkanClient) client = ckan_client_new (pub_test_portal_get_url (f->portal), FALSE, NULL);
      g_autoptr(PubBulkJob) job = NULL;
      g_autoptr(GError) error = NULL;
      gboolean allowed = pub_bulk_job_allowed_for (roles[i].capacity);

      ckan_client_set_token (client, pub_test_portal_get_token (f->portal, roles[i].user));
      job = pub_bulk_job_new (client, CKAN_BULK_MAKE_PRIVATE, org_id, (const char * const *) ids);
      g_assert_cmpint (run_job (job, &error), ==, allowed);
      if (!allowed)
        {
          g_assert_error (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION);
          g_assert_cmpuint (g_strv_length ((GStrv) pub_bulk_job_get_not_done (job)), ==, 5);
        }
    }
  g_assert_false (pub_bulk_job_allowed_for (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, n, func) \
  g_test_add ("/dataset-list/" name, Fixture, GUINT_TO_POINTER (n), fixture_setup, func, fixture_teardown)
  ADD ("paging", SEEDED, test_paging);
  ADD ("scrolling-memory", SEEDED, test_scrolling_memory);
  ADD ("search-and-filters", SEEDED, test_search_and_filters);
  ADD ("overdue", SEEDED, test_overdue);
  ADD ("failed-page", SEEDED, test_failed_page);
  ADD ("no-include-drafts", SEEDED, test_no_include_drafts);
  ADD ("cache", SEEDED, test_cache);
  ADD ("cache-order", 0, test_cache_order);
  ADD ("bulk", 600, test_bulk);
  ADD ("bulk-interrupted", 600, test_bulk_interrupted);
  ADD ("bulk-roles", 50, test_bulk_roles);
#undef ADD

  return g_test_run ();
}
