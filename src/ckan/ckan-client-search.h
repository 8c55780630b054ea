/* ckan-client-search.h: package_search, one page or all of them
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-client.h"
#include "ckan-search.h"

G_BEGIN_DECLS

/* package_search: one page. */
void              ckan_client_package_search_async      (CkanClient             *self,
                                                         const CkanSearchParams *params,
                                                         GCancellable           *cancellable,
                                                         GAsyncReadyCallback     callback,
                                                         gpointer                user_data);
CkanSearchResult *ckan_client_package_search_finish     (CkanClient             *self,
                                                         GAsyncResult           *result,
                                                         GError                **error);

/* Every matching dataset, fetched page by page (page_size rows each, 0 for
 * 100) from params' start on, one request at a time. A dataset that moves
 * between pages while paging is listed once. Cancelling stops between or
 * during pages. The finish gives a GPtrArray of CkanDataset. */
void              ckan_client_package_search_all_async  (CkanClient             *self,
                                                         const CkanSearchParams *params,
                                                         guint                   page_size,
                                                         GCancellable           *cancellable,
                                                         GAsyncReadyCallback     callback,
                                                         gpointer                user_data);
GPtrArray        *ckan_client_package_search_all_finish (CkanClient             *self,
                                                         GAsyncResult           *result,
                                                         GError                **error);

G_END_DECLS
