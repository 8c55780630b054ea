/* ckan-client-resources.h: resources as links and uploaded files
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-client.h"
#include "ckan-resource.h"

G_BEGIN_DECLS

/* resource_show. */
void          ckan_client_resource_show_async           (CkanClient          *self,
                                                         const char          *id,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
CkanResource *ckan_client_resource_show_finish          (CkanClient          *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

/* resource_create as a link: `fields` holds package_id, url, name... */
void          ckan_client_resource_create_async         (CkanClient          *self,
                                                         JsonObject          *fields,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
CkanResource *ckan_client_resource_create_finish        (CkanClient          *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

/* resource_create with `file` streamed as the upload; `fields` as above
 * minus url (string, number and boolean members only). filename NULL: the
 * file's own name. */
void          ckan_client_resource_create_upload_async  (CkanClient          *self,
                                                         JsonObject          *fields,
                                                         GFile               *file,
                                                         const char          *filename,
                                                         CkanProgressFunc     progress,
                                                         gpointer             progress_data,
                                                         GDestroyNotify       progress_destroy,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
CkanResource *ckan_client_resource_create_upload_finish (CkanClient          *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

/* resource_patch: merges `changes` into resource `id`. */
void          ckan_client_resource_patch_async          (CkanClient          *self,
                                                         const char          *id,
                                                         JsonObject          *changes,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
CkanResource *ckan_client_resource_patch_finish         (CkanClient          *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

/* resource_patch replacing the resource's file with `file`. */
void          ckan_client_resource_patch_upload_async   (CkanClient          *self,
                                                         const char          *id,
                                                         JsonObject          *changes,
                                                         GFile               *file,
                                                         const char          *filename,
                                                         CkanProgressFunc     progress,
                                                         gpointer             progress_data,
                                                         GDestroyNotify       progress_destroy,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
CkanResource *ckan_client_resource_patch_upload_finish  (CkanClient          *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

/* resource_delete. */
void          ckan_client_resource_delete_async         (CkanClient          *self,
                                                         const char          *id,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean      ckan_client_resource_delete_finish        (CkanClient          *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

G_END_DECLS
