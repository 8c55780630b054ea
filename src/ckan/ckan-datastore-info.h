/* ckan-datastore-info.h: what the DataStore holds for a resource: size and columns
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-datastore-field.h"
#include "ckan-record.h"

G_BEGIN_DECLS

#define CKAN_TYPE_DATASTORE_INFO (ckan_datastore_info_get_type ())

G_DECLARE_FINAL_TYPE (CkanDatastoreInfo, ckan_datastore_info, CKAN, DATASTORE_INFO, CkanRecord)

CkanDatastoreInfo *ckan_datastore_info_new_from_json (JsonObject  *object,
                                                      GError     **error);

/* Rows, -1 when not said. */
gint64              ckan_datastore_info_get_count (CkanDatastoreInfo *self);
/* Bytes on the portal's database, -1 when not said. */
gint64              ckan_datastore_info_get_size  (CkanDatastoreInfo *self);
/* CkanDatastoreField, in column order, without the internal "_id". */
GPtrArray          *ckan_datastore_info_get_fields (CkanDatastoreInfo *self);
CkanDatastoreField *ckan_datastore_info_get_field (CkanDatastoreInfo *self,
                                                   const char        *id);

G_END_DECLS
