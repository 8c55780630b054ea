/* ckan-client-datastore.h: DataStore tables, their dictionary and loading
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-client.h"
#include "ckan-datastore-info.h"
#include "ckan-load-status.h"

G_BEGIN_DECLS

/* datastore_info: size and columns; CKAN_ERROR_NOT_FOUND when the resource
 * is not in the DataStore. */
void               ckan_client_datastore_info_async            (CkanClient          *self,
                                                                const char          *resource_id,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
CkanDatastoreInfo *ckan_client_datastore_info_finish           (CkanClient          *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);

/* datastore_create with force: writes the data dictionary. `fields` are
 * CkanDatastoreField, and must be every column of the table. */
void               ckan_client_datastore_set_dictionary_async  (CkanClient          *self,
                                                                const char          *resource_id,
                                                                GPtrArray           *fields,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
gboolean           ckan_client_datastore_set_dictionary_finish (CkanClient          *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);

/* datastore_search: {fields, records, total, limit, offset} as the portal
 * sent it. q may be NULL; limit 0 for the portal's default (100). sort:
 * a column and its direction ("monto desc"), several separated by commas,
 * or NULL for the table's order (see ckan_datastore_sort_clause). */
void               ckan_client_datastore_search_async          (CkanClient          *self,
                                                                const char          *resource_id,
                                                                const char          *q,
                                                                const char          *sort,
                                                                guint                offset,
                                                                guint                limit,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
JsonObject        *ckan_client_datastore_search_finish         (CkanClient          *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);

/* One sort clause for a column whatever its name holds (spaces, quotes):
 * "\"mes de pago\" desc". */
char              *ckan_datastore_sort_clause                  (const char          *column,
                                                                gboolean             descending);

/* xloader_status or datapusher_status; CKAN_ERROR_NOT_FOUND when never
 * submitted. */
void               ckan_client_load_status_async               (CkanClient          *self,
                                                                CkanLoader           loader,
                                                                const char          *resource_id,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
CkanLoadStatus    *ckan_client_load_status_finish              (CkanClient          *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);

/* xloader_submit or datapusher_submit: (re)load the resource into the
 * DataStore; ignore_hash loads even an unchanged file. */
void               ckan_client_load_submit_async               (CkanClient          *self,
                                                                CkanLoader           loader,
                                                                const char          *resource_id,
                                                                gboolean             ignore_hash,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
gboolean           ckan_client_load_submit_finish              (CkanClient          *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);

G_END_DECLS
