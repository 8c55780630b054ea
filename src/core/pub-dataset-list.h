/* pub-dataset-list.h: a list of datasets from package_search, fetched a page at a time
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ckan-client.h"
#include "ckan-search.h"
#include "pub-dataset-filter.h"
#include "pub-dataset-list-item.h"

G_BEGIN_DECLS

#define PUB_TYPE_DATASET_LIST (pub_dataset_list_get_type ())

/* A GListModel of PubDatasetListItem, one per dataset that matches,
 * public, private and drafts alike. Only the first page is asked for at
 * first; asking for an item whose page has not come asks for that page
 * (once), and the item fills in when it arrives. Memory stays bounded:
 * beyond 10 pages, pages no row shows, far from where the person is, are
 * dropped (the first five stay) and asked again only if scrolled back to. A page that fails leaves
 * its items FAILED until pub_dataset_list_retry_page(). Changing the search
 * or a filter asks again from the first page, and the rows shown stay until
 * the answer replaces them. With a cache path, the last list seen is shown
 * at once and saved as pages arrive. */
G_DECLARE_FINAL_TYPE (PubDatasetList, pub_dataset_list, PUB, DATASET_LIST, GObject)

/* scope: the filter every search carries (owner_org:"<id>",
 * creator_user_id:<id>); cache_path may be NULL. */
PubDatasetList      *pub_dataset_list_new                  (CkanClient          *client,
                                                            const char          *scope,
                                                            const char          *cache_path);
CkanClient          *pub_dataset_list_get_client           (PubDatasetList      *self);
const char          *pub_dataset_list_get_scope            (PubDatasetList      *self);

/* Changes take effect together on the next main loop iteration. */
void                 pub_dataset_list_set_search_text      (PubDatasetList      *self,
                                                            const char          *text);
const char          *pub_dataset_list_get_search_text      (PubDatasetList      *self);
void                 pub_dataset_list_set_visibility       (PubDatasetList      *self,
                                                            PubVisibilityFilter  visibility);
PubVisibilityFilter  pub_dataset_list_get_visibility       (PubDatasetList      *self);
void                 pub_dataset_list_set_state_filter     (PubDatasetList      *self,
                                                            PubStateFilter       state);
PubStateFilter       pub_dataset_list_get_state_filter     (PubDatasetList      *self);
/* NULL: every format. */
void                 pub_dataset_list_set_format           (PubDatasetList      *self,
                                                            const char          *format);
const char          *pub_dataset_list_get_format           (PubDatasetList      *self);
void                 pub_dataset_list_set_overdue_only     (PubDatasetList      *self,
                                                            gboolean             overdue_only);
gboolean             pub_dataset_list_get_overdue_only     (PubDatasetList      *self);
void                 pub_dataset_list_set_sort             (PubDatasetList      *self,
                                                            PubDatasetSort       sort);
PubDatasetSort       pub_dataset_list_get_sort             (PubDatasetList      *self);
/* Rows per package_search (default 100). */
void                 pub_dataset_list_set_page_size        (PubDatasetList      *self,
                                                            guint                page_size);

/* Asks the first page again (after a failure, or to see changes). */
void                 pub_dataset_list_reload               (PubDatasetList      *self);
/* Asks again for the page holding `position`, when it failed. */
void                 pub_dataset_list_retry_page           (PubDatasetList      *self,
                                                            guint                position);

/* How many match on the portal; -1 before the first answer. */
gint64               pub_dataset_list_get_count            (PubDatasetList      *self);
/* A first page is on its way. */
gboolean             pub_dataset_list_get_loading          (PubDatasetList      *self);
/* Why the last first page failed, or NULL once one arrived. */
const GError        *pub_dataset_list_get_error            (PubDatasetList      *self);
/* The rows come from the cache, saved at cache-time; they stay until the
 * portal answers. */
gboolean             pub_dataset_list_get_from_cache       (PubDatasetList      *self);
GDateTime           *pub_dataset_list_get_cache_time       (PubDatasetList      *self);
/* The resource formats of what matched, most used first. */
const char * const  *pub_dataset_list_get_formats          (PubDatasetList      *self);
/* FALSE once the portal refused include_drafts (CKAN before 2.9): the
 * list goes on without drafts. */
gboolean             pub_dataset_list_get_drafts_supported (PubDatasetList      *self);
/* The search as it stands, without paging: to act on every dataset that
 * matches (transfer full). */
CkanSearchParams    *pub_dataset_list_dup_search_params    (PubDatasetList      *self);
/* The datasets loaded so far, in order (CkanDataset, transfer container). */
GPtrArray           *pub_dataset_list_dup_loaded           (PubDatasetList      *self);

/* How many datasets of `scope` are overdue (published ones, private
 * included), with one package_search of no rows. */
void                 pub_dataset_list_count_overdue_async  (CkanClient          *client,
                                                            const char          *scope,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gint64               pub_dataset_list_count_overdue_finish (GAsyncResult        *result,
                                                            GError             **error);

G_END_DECLS
