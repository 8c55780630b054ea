/* pub-dataset-list-private.h: what the two halves of PubDatasetList share
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-search.h"
#include "pub-dataset-list.h"

G_BEGIN_DECLS

typedef enum {
  PAGE_NONE,
  PAGE_QUEUED,
  PAGE_LOADING,
  PAGE_LOADED,
  PAGE_FAILED,
} PageState;

struct _PubDatasetList
{
  GObject              parent_instance;

  CkanClient          *client;
  char                *scope;
  char                *cache_path;

  char                *search_text;
  PubVisibilityFilter  visibility;
  PubStateFilter       state_filter;
  char                *format;
  gboolean             overdue_only;
  PubDatasetSort       sort;
  guint                page_size;

  /* PubDatasetListItem, or NULL where none was asked for yet. */
  GPtrArray           *items;
  GByteArray          *pages;
  GQueue               queue;
  guint                in_flight;

  gint64               count;
  gboolean             loading;
  /* Until the first page of the current search arrives, the rows shown
   * belong to the previous one (or the cache): they ask for no pages. */
  gboolean             awaiting_first;
  GError              *error;
  gboolean             from_cache;
  GDateTime           *cache_time;
  GStrv                formats;
  gboolean             drafts_supported;

  GCancellable        *cancellable;
  GCancellable        *cache_cancellable;
  guint                generation;
  guint                reload_id;
  guint                save_id;
};

/* A page as the list keeps it, made from the portal's answer in a worker:
 * trimming 100 full datasets and freeing them is work the main loop
 * should not do while someone scrolls. */
typedef struct {
  /* Weak: a list let go while a page is being trimmed just goes away. */
  GWeakRef          list;
  guint             generation;
  guint             page;
  CkanSearchResult *search;
  GPtrArray        *datasets;  /* trimmed CkanDataset */
  gint64            count;
  GStrv             formats;
} PageResult;

/* pub-dataset-list-query.c: package_search's parameters for a page. */
CkanSearchParams *_pub_dataset_list_build_params (PubDatasetList *self,
                                                  guint           page);

/* pub-dataset-list-page.c */
void _pub_dataset_list_page_result_free (PageResult   *result);
void _pub_dataset_list_trim_thread      (GTask        *task,
                                         gpointer      source_object,
                                         gpointer      task_data,
                                         GCancellable *cancellable);

/* Asks the first page again on the next main loop iteration (changes made
 * together are one search). */
void _pub_dataset_list_schedule_reload (PubDatasetList *self);

G_END_DECLS
