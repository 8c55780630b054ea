/* pub-dataset-list-query.c: what PubDatasetList searches for, and what it knows
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-client-search.h"
#include "pub-dataset-list-private.h"

CkanSearchParams *
_pub_dataset_list_build_params (PubDatasetList *self,
              guint           page)
{
  g_autoptr(CkanSearchParams) params = ckan_search_params_new ();
  g_autofree char *q = pub_dataset_filter_escape_query (self->search_text);

  if (q != NULL)
    ckan_search_params_set_query (params, q);
  if (self->scope != NULL)
    ckan_search_params_add_filter (params, self->scope);
  if (pub_visibility_filter_to_clause (self->visibility) != NULL)
    ckan_search_params_add_filter (params, pub_visibility_filter_to_clause (self->visibility));
  if (pub_state_filter_to_clause (self->state_filter) != NULL)
    ckan_search_params_add_filter (params, pub_state_filter_to_clause (self->state_filter));
  if (self->format != NULL)
    {
      g_autofree char *clause = pub_dataset_filter_format_clause (self->format);

      ckan_search_params_add_filter (params, clause);
    }
  if (self->overdue_only)
    {
      g_autofree char *clause = pub_dataset_filter_overdue_clause ();

      /* A draft was never published: it can't be late. */
      ckan_search_params_add_filter (params, "state:active");
      ckan_search_params_add_filter (params, clause);
    }
  ckan_search_params_set_sort (params, pub_dataset_sort_to_param (self->sort));
  ckan_search_params_set_start (params, page * self->page_size);
  ckan_search_params_set_rows (params, self->page_size);
  ckan_search_params_set_include_private (params, TRUE);
  if (self->drafts_supported)
    ckan_search_params_set_include_drafts (params, TRUE);
  if (page == 0)
    {
      ckan_search_params_add_facet_field (params, "res_format");
      ckan_search_params_set_facet_limit (params, 50);
    }
  return g_steal_pointer (&params);
}

CkanSearchParams *
pub_dataset_list_dup_search_params (PubDatasetList *self)
{
  g_autoptr(CkanSearchParams) params = NULL;

  g_return_val_if_fail (PUB_IS_DATASET_LIST (self), NULL);

  params = _pub_dataset_list_build_params (self, 1);
  ckan_search_params_set_start (params, 0);
  return g_steal_pointer (&params);
}

#define SETTER(field, value) \
  G_STMT_START { \
    if (self->field == (value)) \
      return; \
    self->field = (value); \
    _pub_dataset_list_schedule_reload (self); \
  } G_STMT_END

void
pub_dataset_list_set_search_text (PubDatasetList *self,
                                  const char     *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (PUB_IS_DATASET_LIST (self));

  stripped = text != NULL ? g_strstrip (g_strdup (text)) : NULL;
  if (stripped != NULL && *stripped == '\0')
    g_clear_pointer (&stripped, g_free);
  if (g_strcmp0 (self->search_text, stripped) == 0)
    return;
  g_free (self->search_text);
  self->search_text = g_steal_pointer (&stripped);
  _pub_dataset_list_schedule_reload (self);
}

const char *
pub_dataset_list_get_search_text (PubDatasetList *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_LIST (self), NULL);

  return self->search_text;
}

void
pub_dataset_list_set_visibility (PubDatasetList      *self,
                                 PubVisibilityFilter  visibility)
{
  g_return_if_fail (PUB_IS_DATASET_LIST (self));

  SETTER (visibility, visibility);
}

PubVisibilityFilter
pub_dataset_list_get_visibility (PubDatasetList *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_LIST (self), PUB_VISIBILITY_FILTER_ALL);

  return self->visibility;
}

void
pub_dataset_list_set_state_filter (PubDatasetList *self,
                                   PubStateFilter  state)
{
  g_return_if_fail (PUB_IS_DATASET_LIST (self));

  SETTER (state_filter, state);
}

PubStateFilter
pub_dataset_list_get_state_filter (PubDatasetList *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_LIST (self), PUB_STATE_FILTER_ALL);

  return self->state_filter;
}

void
pub_dataset_list_set_format (PubDatasetList *self,
                             const char     *format)
{
  g_return_if_fail (PUB_IS_DATASET_LIST (self));

  if (format != NULL && *format == '\0')
    format = NULL;
  if (g_strcmp0 (self->format, format) == 0)
    return;
  g_free (self->format);
  self->format = g_strdup (format);
  _pub_dataset_list_schedule_reload (self);
}

const char *
pub_dataset_list_get_format (PubDatasetList *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_LIST (self), NULL);

  return self->format;
}

void
pub_dataset_list_set_overdue_only (PubDatasetList *self,
                                   gboolean        overdue_only)
{
  g_return_if_fail (PUB_IS_DATASET_LIST (self));

  SETTER (overdue_only, !!overdue_only);
}

gboolean
pub_dataset_list_get_overdue_only (PubDatasetList *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_LIST (self), FALSE);

  return self->overdue_only;
}

void
pub_dataset_list_set_sort (PubDatasetList *self,
                           PubDatasetSort  sort)
{
  g_return_if_fail (PUB_IS_DATASET_LIST (self));

  SETTER (sort, sort);
}

PubDatasetSort
pub_dataset_list_get_sort (PubDatasetList *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_LIST (self), PUB_DATASET_SORT_LAST_CHANGED);

  return self->sort;
}

void
pub_dataset_list_set_page_size (PubDatasetList *self,
                                guint           page_size)
{
  g_return_if_fail (PUB_IS_DATASET_LIST (self));
  g_return_if_fail (page_size > 0 && page_size <= 1000);

  SETTER (page_size, page_size);
}

CkanClient *
pub_dataset_list_get_client (PubDatasetList *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_LIST (self), NULL);

  return self->client;
}

const char *
pub_dataset_list_get_scope (PubDatasetList *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_LIST (self), NULL);

  return self->scope;
}

gint64
pub_dataset_list_get_count (PubDatasetList *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_LIST (self), -1);

  return self->count;
}

gboolean
pub_dataset_list_get_loading (PubDatasetList *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_LIST (self), FALSE);

  return self->loading;
}

const GError *
pub_dataset_list_get_error (PubDatasetList *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_LIST (self), NULL);

  return self->error;
}

gboolean
pub_dataset_list_get_from_cache (PubDatasetList *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_LIST (self), FALSE);

  return self->from_cache;
}

GDateTime *
pub_dataset_list_get_cache_time (PubDatasetList *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_LIST (self), NULL);

  return self->cache_time;
}

const char * const *
pub_dataset_list_get_formats (PubDatasetList *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (PUB_IS_DATASET_LIST (self), NULL);

  return self->formats != NULL ? (const char * const *) self->formats : none;
}

gboolean
pub_dataset_list_get_drafts_supported (PubDatasetList *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_LIST (self), FALSE);

  return self->drafts_supported;
}

GPtrArray *
pub_dataset_list_dup_loaded (PubDatasetList *self)
{
  GPtrArray *datasets;

  g_return_val_if_fail (PUB_IS_DATASET_LIST (self), NULL);

  datasets = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->items->len; i++)
    {
      PubDatasetListItem *item = self->items->pdata[i];

      if (item != NULL && pub_dataset_list_item_get_dataset (item) != NULL)
        g_ptr_array_add (datasets, g_object_ref (pub_dataset_list_item_get_dataset (item)));
    }
  return datasets;
}

static void
count_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(CkanSearchResult) search = NULL;
  GError *error = NULL;

  search = ckan_client_package_search_finish (CKAN_CLIENT (object), result, &error);
  if (search == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, ckan_search_result_get_count (search));
}

void
pub_dataset_list_count_overdue_async (CkanClient          *client,
                                      const char          *scope,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(CkanSearchParams) params = ckan_search_params_new ();
  g_autofree char *clause = pub_dataset_filter_overdue_clause ();
  GTask *task;

  g_return_if_fail (CKAN_IS_CLIENT (client));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_dataset_list_count_overdue_async);
  if (scope != NULL)
    ckan_search_params_add_filter (params, scope);
  ckan_search_params_add_filter (params, "state:active");
  ckan_search_params_add_filter (params, clause);
  ckan_search_params_set_include_private (params, TRUE);
  /* rows=0 is "the portal's default" to CkanSearchParams; one row is the
   * least it can ask for. */
  ckan_search_params_set_rows (params, 1);
  ckan_client_package_search_async (client, params, cancellable, count_cb, task);
}

gint64
pub_dataset_list_count_overdue_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), -1);

  return g_task_propagate_int (G_TASK (result), error);
}

