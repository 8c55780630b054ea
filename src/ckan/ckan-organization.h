/* ckan-organization.h: an organization, with the user's role in it when listed for a user
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-record.h"

G_BEGIN_DECLS

#define CKAN_TYPE_ORGANIZATION (ckan_organization_get_type ())

G_DECLARE_FINAL_TYPE (CkanOrganization, ckan_organization, CKAN, ORGANIZATION, CkanRecord)

CkanOrganization *ckan_organization_new_from_json (JsonObject  *object,
                                                   GError     **error);

const char *ckan_organization_get_id            (CkanOrganization *self);
const char *ckan_organization_get_name          (CkanOrganization *self);
const char *ckan_organization_get_title         (CkanOrganization *self);
/* display_name, else the title, else the name. */
const char *ckan_organization_get_display_name  (CkanOrganization *self);
const char *ckan_organization_get_description   (CkanOrganization *self);
const char *ckan_organization_get_image_url     (CkanOrganization *self);
/* "admin", "editor" or "member" from organization_list_for_user; NULL
 * elsewhere. */
const char *ckan_organization_get_capacity      (CkanOrganization *self);
gint64      ckan_organization_get_package_count (CkanOrganization *self);
gboolean    ckan_organization_can_publish       (CkanOrganization *self);

G_END_DECLS
