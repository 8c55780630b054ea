/* pub-dataset-list-page.c: a page of package_search made into rows, away from the main loop
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pub-dataset-cache.h"
#include "pub-dataset-list-private.h"

void
_pub_dataset_list_page_result_free (PageResult *result)
{
  g_weak_ref_clear (&result->list);
  g_clear_object (&result->search);
  g_clear_pointer (&result->datasets, g_ptr_array_unref);
  g_clear_pointer (&result->formats, g_strfreev);
  g_free (result);
}

/* The rows keep only what they show: 10 000 full datasets would weigh
 * hundreds of megabytes. */
static CkanDataset *
trim_dataset (CkanDataset *dataset)
{
  g_autoptr(JsonObject) trimmed = pub_dataset_cache_trim (ckan_record_get_object (CKAN_RECORD (dataset)));
  CkanDataset *copy = ckan_dataset_new_from_json (trimmed, NULL);

  return copy != NULL ? copy : g_object_ref (dataset);
}

void
_pub_dataset_list_trim_thread (GTask        *task,
                               gpointer      source_object,
                               gpointer      task_data,
                               GCancellable *cancellable)
{
  PageResult *result = task_data;
  GPtrArray *datasets = ckan_search_result_get_results (result->search);
  g_autoptr(GPtrArray) facets = ckan_search_result_dup_facet_items (result->search, "res_format");
  g_autoptr(GStrvBuilder) formats = g_strv_builder_new ();

  result->datasets = g_ptr_array_new_full (datasets->len, g_object_unref);
  for (guint i = 0; i < datasets->len; i++)
    g_ptr_array_add (result->datasets, trim_dataset (datasets->pdata[i]));
  for (guint i = 0; i < facets->len; i++)
    g_strv_builder_add (formats, ((CkanFacetItem *) facets->pdata[i])->name);
  result->formats = g_strv_builder_end (formats);
  result->count = ckan_search_result_get_count (result->search);
  g_clear_object (&result->search);
  g_task_return_boolean (task, TRUE);
}

