/* ckan-client-datasets.h: the portal, its users, organizations, licences and datasets
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-activity.h"
#include "ckan-capabilities.h"
#include "ckan-client.h"
#include "ckan-dataset.h"
#include "ckan-license.h"
#include "ckan-organization.h"
#include "ckan-scheming-schema.h"
#include "ckan-user.h"

G_BEGIN_DECLS

/* Every wrapper is an _async/_finish pair over ckan_client_call_async: the
 * finish gives the typed result (transfer full) or NULL/FALSE with a
 * CKAN_ERROR. Lists are GPtrArray of records. */

typedef enum {
  CKAN_BULK_MAKE_PRIVATE,
  CKAN_BULK_MAKE_PUBLIC,
  CKAN_BULK_DELETE,
} CkanBulkAction;

/* status_show: version, site and plugins. */
void                ckan_client_status_show_async                 (CkanClient          *self,
                                                                   GCancellable        *cancellable,
                                                                   GAsyncReadyCallback  callback,
                                                                   gpointer             user_data);
CkanCapabilities   *ckan_client_status_show_finish                (CkanClient          *self,
                                                                   GAsyncResult        *result,
                                                                   GError             **error);

/* user_show; id NULL asks "who am I" (the token's owner). Anonymous:
 * CKAN_ERROR_NOT_FOUND or CKAN_ERROR_AUTHORIZATION. */
void                ckan_client_user_show_async                   (CkanClient          *self,
                                                                   const char          *id,
                                                                   GCancellable        *cancellable,
                                                                   GAsyncReadyCallback  callback,
                                                                   gpointer             user_data);
CkanUser           *ckan_client_user_show_finish                  (CkanClient          *self,
                                                                   GAsyncResult        *result,
                                                                   GError             **error);

/* organization_list_for_user: user_id NULL for the token's owner;
 * permission such as "create_dataset" (NULL: "manage_group", CKAN's
 * default). Each CkanOrganization carries the user's capacity. */
void                ckan_client_organization_list_for_user_async  (CkanClient          *self,
                                                                   const char          *user_id,
                                                                   const char          *permission,
                                                                   GCancellable        *cancellable,
                                                                   GAsyncReadyCallback  callback,
                                                                   gpointer             user_data);
GPtrArray          *ckan_client_organization_list_for_user_finish (CkanClient          *self,
                                                                   GAsyncResult        *result,
                                                                   GError             **error);

/* license_list: CkanLicense. */
void                ckan_client_license_list_async                (CkanClient          *self,
                                                                   GCancellable        *cancellable,
                                                                   GAsyncReadyCallback  callback,
                                                                   gpointer             user_data);
GPtrArray          *ckan_client_license_list_finish               (CkanClient          *self,
                                                                   GAsyncResult        *result,
                                                                   GError             **error);

/* tag_autocomplete: tag names starting with or containing q. */
void                ckan_client_tag_autocomplete_async            (CkanClient          *self,
                                                                   const char          *q,
                                                                   guint                limit,
                                                                   GCancellable        *cancellable,
                                                                   GAsyncReadyCallback  callback,
                                                                   gpointer             user_data);
GStrv               ckan_client_tag_autocomplete_finish           (CkanClient          *self,
                                                                   GAsyncResult        *result,
                                                                   GError             **error);

/* package_show: id or name. */
void                ckan_client_package_show_async                (CkanClient          *self,
                                                                   const char          *id,
                                                                   GCancellable        *cancellable,
                                                                   GAsyncReadyCallback  callback,
                                                                   gpointer             user_data);
CkanDataset        *ckan_client_package_show_finish               (CkanClient          *self,
                                                                   GAsyncResult        *result,
                                                                   GError             **error);

/* package_create from `fields` (ckan_record_to_json of a CkanDataset, or
 * any object); tags given as plain strings are sent as [{"name"}]. */
void                ckan_client_package_create_async              (CkanClient          *self,
                                                                   JsonObject          *fields,
                                                                   GCancellable        *cancellable,
                                                                   GAsyncReadyCallback  callback,
                                                                   gpointer             user_data);
CkanDataset        *ckan_client_package_create_finish             (CkanClient          *self,
                                                                   GAsyncResult        *result,
                                                                   GError             **error);

/* package_update REPLACES the dataset: omitted fields, resources, tags and
 * extras are removed. `fields` must carry "id". */
void                ckan_client_package_update_async              (CkanClient          *self,
                                                                   JsonObject          *fields,
                                                                   GCancellable        *cancellable,
                                                                   GAsyncReadyCallback  callback,
                                                                   gpointer             user_data);
CkanDataset        *ckan_client_package_update_finish             (CkanClient          *self,
                                                                   GAsyncResult        *result,
                                                                   GError             **error);

/* package_patch merges `changes` (top level) into the dataset `id`. */
void                ckan_client_package_patch_async               (CkanClient          *self,
                                                                   const char          *id,
                                                                   JsonObject          *changes,
                                                                   GCancellable        *cancellable,
                                                                   GAsyncReadyCallback  callback,
                                                                   gpointer             user_data);
CkanDataset        *ckan_client_package_patch_finish              (CkanClient          *self,
                                                                   GAsyncResult        *result,
                                                                   GError             **error);

/* package_delete: a soft delete (state=deleted). */
void                ckan_client_package_delete_async              (CkanClient          *self,
                                                                   const char          *id,
                                                                   GCancellable        *cancellable,
                                                                   GAsyncReadyCallback  callback,
                                                                   gpointer             user_data);
gboolean            ckan_client_package_delete_finish             (CkanClient          *self,
                                                                   GAsyncResult        *result,
                                                                   GError             **error);

/* package_resource_reorder: the listed resource ids come first. */
void                ckan_client_package_resource_reorder_async    (CkanClient          *self,
                                                                   const char          *id,
                                                                   const char * const  *order,
                                                                   GCancellable        *cancellable,
                                                                   GAsyncReadyCallback  callback,
                                                                   gpointer             user_data);
gboolean            ckan_client_package_resource_reorder_finish   (CkanClient          *self,
                                                                   GAsyncResult        *result,
                                                                   GError             **error);

/* bulk_update_private/public/delete: org admins only; dataset ids outside
 * the organization are skipped by the portal without a word. */
void                ckan_client_bulk_update_async                 (CkanClient          *self,
                                                                   CkanBulkAction       action,
                                                                   const char          *org_id,
                                                                   const char * const  *dataset_ids,
                                                                   GCancellable        *cancellable,
                                                                   GAsyncReadyCallback  callback,
                                                                   gpointer             user_data);
gboolean            ckan_client_bulk_update_finish                (CkanClient          *self,
                                                                   GAsyncResult        *result,
                                                                   GError             **error);

/* package_activity_list: CkanActivity, newest first; limit ≤ 100. */
void                ckan_client_package_activity_list_async       (CkanClient          *self,
                                                                   const char          *id,
                                                                   guint                offset,
                                                                   guint                limit,
                                                                   GCancellable        *cancellable,
                                                                   GAsyncReadyCallback  callback,
                                                                   gpointer             user_data);
GPtrArray          *ckan_client_package_activity_list_finish      (CkanClient          *self,
                                                                   GAsyncResult        *result,
                                                                   GError             **error);

/* dashboard_activity_list: the token owner's dashboard, with is_new. */
void                ckan_client_dashboard_activity_list_async     (CkanClient          *self,
                                                                   guint                offset,
                                                                   guint                limit,
                                                                   GCancellable        *cancellable,
                                                                   GAsyncReadyCallback  callback,
                                                                   gpointer             user_data);
GPtrArray          *ckan_client_dashboard_activity_list_finish    (CkanClient          *self,
                                                                   GAsyncResult        *result,
                                                                   GError             **error);

/* scheming_dataset_schema_show: type NULL for "dataset". */
void                ckan_client_scheming_dataset_schema_show_async  (CkanClient          *self,
                                                                     const char          *type,
                                                                     GCancellable        *cancellable,
                                                                     GAsyncReadyCallback  callback,
                                                                     gpointer             user_data);
CkanSchemingSchema *ckan_client_scheming_dataset_schema_show_finish (CkanClient          *self,
                                                                     GAsyncResult        *result,
                                                                     GError             **error);

G_END_DECLS
