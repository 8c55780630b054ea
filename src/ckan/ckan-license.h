/* ckan-license.h: a licence offered by the portal
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-record.h"

G_BEGIN_DECLS

#define CKAN_TYPE_LICENSE (ckan_license_get_type ())

G_DECLARE_FINAL_TYPE (CkanLicense, ckan_license, CKAN, LICENSE, CkanRecord)

CkanLicense *ckan_license_new_from_json (JsonObject  *object,
                                         GError     **error);

const char *ckan_license_get_id             (CkanLicense *self);
const char *ckan_license_get_title          (CkanLicense *self);
const char *ckan_license_get_url            (CkanLicense *self);
/* "approved", "not reviewed", "rejected"... as the portal says. */
const char *ckan_license_get_od_conformance (CkanLicense *self);
gboolean    ckan_license_is_open            (CkanLicense *self);

G_END_DECLS
