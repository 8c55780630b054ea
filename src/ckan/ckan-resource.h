/* ckan-resource.h: a file or link inside a dataset
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-record.h"

G_BEGIN_DECLS

#define CKAN_TYPE_RESOURCE (ckan_resource_get_type ())

G_DECLARE_FINAL_TYPE (CkanResource, ckan_resource, CKAN, RESOURCE, CkanRecord)

CkanResource *ckan_resource_new_from_json (JsonObject  *object,
                                           GError     **error);
/* An empty resource to fill with setters and send with resource_create. */
CkanResource *ckan_resource_new (const char *package_id);

const char *ckan_resource_get_id                (CkanResource *self);
const char *ckan_resource_get_package_id        (CkanResource *self);
const char *ckan_resource_get_name              (CkanResource *self);
const char *ckan_resource_get_description       (CkanResource *self);
const char *ckan_resource_get_format            (CkanResource *self);
const char *ckan_resource_get_mimetype          (CkanResource *self);
const char *ckan_resource_get_url               (CkanResource *self);
/* "upload" for files stored by the portal; NULL or "" for links. */
const char *ckan_resource_get_url_type          (CkanResource *self);
gboolean    ckan_resource_is_upload             (CkanResource *self);
/* Bytes, -1 when unknown (links). */
gint64      ckan_resource_get_size              (CkanResource *self);
GDateTime  *ckan_resource_get_created           (CkanResource *self);
GDateTime  *ckan_resource_get_last_modified     (CkanResource *self);
GDateTime  *ckan_resource_get_metadata_modified (CkanResource *self);
/* Place in the dataset, -1 when not said. */
gint64      ckan_resource_get_position          (CkanResource *self);
gboolean    ckan_resource_get_datastore_active  (CkanResource *self);
/* ckanext-validation: created, running, success, failure, error; or NULL. */
const char *ckan_resource_get_validation_status (CkanResource *self);

void        ckan_resource_set_name              (CkanResource *self,
                                                 const char   *value);
void        ckan_resource_set_description       (CkanResource *self,
                                                 const char   *value);
void        ckan_resource_set_format            (CkanResource *self,
                                                 const char   *value);
void        ckan_resource_set_url               (CkanResource *self,
                                                 const char   *value);

G_END_DECLS
