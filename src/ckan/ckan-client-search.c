/* ckan-client-search.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-client-action-private.h"
#include "ckan-client-search.h"
#include "ckan-dataset.h"
#include "ckan-error-private.h"

#define DEFAULT_PAGE_SIZE 100
/* CKAN clamps rows at 1000. */
#define MAX_PAGE_SIZE 1000

static const CkanActionInfo package_search = { "package_search", CKAN_CALL_READ, ckan_parse_record, ckan_search_result_get_type, g_object_unref };

void
ckan_client_package_search_async (CkanClient             *self,
                                  const CkanSearchParams *params,
                                  GCancellable           *cancellable,
                                  GAsyncReadyCallback     callback,
                                  gpointer                user_data)
{
  g_autoptr(JsonObject) object = NULL;

  g_return_if_fail (params != NULL);

  object = ckan_search_params_to_json (params);
  ckan_client_action_async (self, &package_search, object, cancellable, callback, user_data);
}

CkanSearchResult *
ckan_client_package_search_finish (CkanClient    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return ckan_client_action_finish (self, result, &package_search, error);
}

typedef struct {
  CkanSearchParams *params;
  guint             page_size;
  GPtrArray        *datasets;
  GHashTable       *seen;
} SearchAll;

static void
search_all_free (SearchAll *state)
{
  ckan_search_params_free (state->params);
  g_ptr_array_unref (state->datasets);
  g_hash_table_unref (state->seen);
  g_free (state);
}

static void fetch_page (GTask *task);

static void
search_page_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SearchAll *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanSearchResult) page = NULL;
  GPtrArray *results;
  guint next;

  g_assert (G_IS_TASK (task));

  page = ckan_client_package_search_finish (CKAN_CLIENT (source), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  results = ckan_search_result_get_results (page);
  for (guint i = 0; i < results->len; i++)
    {
      CkanDataset *dataset = g_ptr_array_index (results, i);
      const char *id = ckan_dataset_get_id (dataset);

      if (g_hash_table_add (state->seen, g_strdup (id)))
        g_ptr_array_add (state->datasets, g_object_ref (dataset));
    }

  /* A short or empty page is the end even if count promised more: datasets
   * deleted meanwhile must not make this loop forever. */
  next = ckan_search_params_get_start (state->params) + state->page_size;
  if (results->len < state->page_size || next >= ckan_search_result_get_count (page))
    {
      g_task_return_pointer (task, g_ptr_array_ref (state->datasets),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_task_return_error (task, ckan_error_new_full (CKAN_ERROR_CANCELLED, NULL, 0, NULL, NULL, 0));
      return;
    }

  ckan_search_params_set_start (state->params, next);
  fetch_page (g_steal_pointer (&task));
}

static void
fetch_page (GTask *task)
{
  SearchAll *state = g_task_get_task_data (task);

  ckan_client_package_search_async (g_task_get_source_object (task), state->params,
                                    g_task_get_cancellable (task), search_page_cb, task);
}

void
ckan_client_package_search_all_async (CkanClient             *self,
                                      const CkanSearchParams *params,
                                      guint                   page_size,
                                      GCancellable           *cancellable,
                                      GAsyncReadyCallback     callback,
                                      gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  SearchAll *state;

  g_return_if_fail (CKAN_IS_CLIENT (self));
  g_return_if_fail (params != NULL);

  state = g_new0 (SearchAll, 1);
  state->params = ckan_search_params_copy (params);
  state->page_size = CLAMP (page_size == 0 ? DEFAULT_PAGE_SIZE : page_size, 1, MAX_PAGE_SIZE);
  state->datasets = g_ptr_array_new_with_free_func (g_object_unref);
  state->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ckan_search_params_set_rows (state->params, state->page_size);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ckan_client_package_search_all_async);
  /* CKAN_ERROR_CANCELLED, like every call, not G_IO_ERROR_CANCELLED. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, state, (GDestroyNotify) search_all_free);
  fetch_page (g_steal_pointer (&task));
}

GPtrArray *
ckan_client_package_search_all_finish (CkanClient    *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ckan_client_package_search_all_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
