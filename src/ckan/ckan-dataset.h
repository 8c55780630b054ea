/* ckan-dataset.h: a dataset (CKAN package) with its resources, tags and extras
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-organization.h"
#include "ckan-record.h"
#include "ckan-resource.h"

G_BEGIN_DECLS

#define CKAN_TYPE_DATASET (ckan_dataset_get_type ())

G_DECLARE_FINAL_TYPE (CkanDataset, ckan_dataset, CKAN, DATASET, CkanRecord)

CkanDataset *ckan_dataset_new_from_json (JsonObject  *object,
                                         GError     **error);
/* An empty dataset to fill with setters and send with package_create. */
CkanDataset         *ckan_dataset_new                   (void);

const char          *ckan_dataset_get_id                (CkanDataset *self);
const char          *ckan_dataset_get_name              (CkanDataset *self);
const char          *ckan_dataset_get_title             (CkanDataset *self);
/* The title, else the name. */
const char          *ckan_dataset_get_display_title     (CkanDataset *self);
const char          *ckan_dataset_get_notes             (CkanDataset *self);
const char          *ckan_dataset_get_author            (CkanDataset *self);
const char          *ckan_dataset_get_author_email      (CkanDataset *self);
const char          *ckan_dataset_get_maintainer        (CkanDataset *self);
const char          *ckan_dataset_get_maintainer_email  (CkanDataset *self);
const char          *ckan_dataset_get_license_id        (CkanDataset *self);
const char          *ckan_dataset_get_license_title     (CkanDataset *self);
const char          *ckan_dataset_get_url               (CkanDataset *self);
const char          *ckan_dataset_get_version           (CkanDataset *self);
/* The organization's id (what owner_org holds after a read). */
const char          *ckan_dataset_get_owner_org         (CkanDataset *self);
/* "active", "draft" or "deleted". */
const char          *ckan_dataset_get_state             (CkanDataset *self);
const char          *ckan_dataset_get_creator_user_id   (CkanDataset *self);
gboolean             ckan_dataset_get_private           (CkanDataset *self);
GDateTime           *ckan_dataset_get_metadata_created  (CkanDataset *self);
GDateTime           *ckan_dataset_get_metadata_modified (CkanDataset *self);
/* The embedded organization dictionary, or NULL. */
CkanOrganization    *ckan_dataset_get_organization      (CkanDataset *self);
/* Tag names; never NULL. Valid until the tags are set. */
const char * const  *ckan_dataset_get_tags              (CkanDataset *self);
/* CkanResource, in the portal's order; never NULL. */
GPtrArray           *ckan_dataset_get_resources         (CkanDataset *self);
CkanResource        *ckan_dataset_get_resource          (CkanDataset *self,
                                                         const char  *id);
/* The value of an entry of the "extras" list, or NULL. */
const char          *ckan_dataset_get_extra             (CkanDataset *self,
                                                         const char  *key);
/* A custom field (ckanext-scheming's frequency, period...): the top-level
 * string member, else the extra of that key, else NULL. */
const char          *ckan_dataset_get_extra_field       (CkanDataset *self,
                                                         const char  *key);

void                 ckan_dataset_set_name              (CkanDataset *self,
                                                         const char  *value);
void                 ckan_dataset_set_title             (CkanDataset *self,
                                                         const char  *value);
void                 ckan_dataset_set_notes             (CkanDataset *self,
                                                         const char  *value);
void                 ckan_dataset_set_author            (CkanDataset *self,
                                                         const char  *value);
void                 ckan_dataset_set_author_email      (CkanDataset *self,
                                                         const char  *value);
void                 ckan_dataset_set_maintainer        (CkanDataset *self,
                                                         const char  *value);
void                 ckan_dataset_set_maintainer_email  (CkanDataset *self,
                                                         const char  *value);
void                 ckan_dataset_set_license_id        (CkanDataset *self,
                                                         const char  *value);
void                 ckan_dataset_set_url               (CkanDataset *self,
                                                         const char  *value);
void                 ckan_dataset_set_version           (CkanDataset *self,
                                                         const char  *value);
void                 ckan_dataset_set_owner_org         (CkanDataset *self,
                                                         const char  *value);
void                 ckan_dataset_set_state             (CkanDataset *self,
                                                         const char  *value);
void                 ckan_dataset_set_private           (CkanDataset *self,
                                                         gboolean     value);
/* Stored as [{"name": tag}], the only list form CKAN accepts. */
void                 ckan_dataset_set_tags              (CkanDataset *self,
                                                         const char * const *tags);
/* NULL value removes the entry. */
void                 ckan_dataset_set_extra             (CkanDataset *self,
                                                         const char  *key,
                                                         const char  *value);
/* Writes the extra of that key when the dataset has one, else the
 * top-level member (where ckanext-scheming expects its fields). */
void                 ckan_dataset_set_extra_field       (CkanDataset *self,
                                                         const char  *key,
                                                         const char  *value);

G_END_DECLS
