/* ckan-capabilities.h: what a portal runs, from status_show
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-load-status.h"
#include "ckan-record.h"

G_BEGIN_DECLS

#define CKAN_TYPE_CAPABILITIES (ckan_capabilities_get_type ())

G_DECLARE_FINAL_TYPE (CkanCapabilities, ckan_capabilities, CKAN, CAPABILITIES, CkanRecord)

CkanCapabilities *ckan_capabilities_new_from_json (JsonObject  *object,
                                                   GError     **error);

const char         *ckan_capabilities_get_ckan_version   (CkanCapabilities *self);
const char         *ckan_capabilities_get_site_title     (CkanCapabilities *self);
const char         *ckan_capabilities_get_site_url       (CkanCapabilities *self);
/* The plugin list; never NULL. */
const char * const *ckan_capabilities_get_extensions     (CkanCapabilities *self);
gboolean            ckan_capabilities_has_extension      (CkanCapabilities *self,
                                                          const char       *name);
/* FALSE when the version is missing or unparsable. */
gboolean            ckan_capabilities_version_at_least   (CkanCapabilities *self,
                                                          guint             major,
                                                          guint             minor);

gboolean            ckan_capabilities_has_datastore      (CkanCapabilities *self);
gboolean            ckan_capabilities_has_xloader        (CkanCapabilities *self);
gboolean            ckan_capabilities_has_datapusher     (CkanCapabilities *self);
gboolean            ckan_capabilities_has_validation     (CkanCapabilities *self);
gboolean            ckan_capabilities_has_comments       (CkanCapabilities *self);
/* The activity plugin (2.10+), or core activity before 2.10. */
gboolean            ckan_capabilities_has_activity       (CkanCapabilities *self);
gboolean            ckan_capabilities_has_scheming       (CkanCapabilities *self);
/* xloader when both are present, as portals that keep DataPusher
 * configured usually moved to xloader. */
CkanLoader          ckan_capabilities_get_loader         (CkanCapabilities *self);

/* Whether a single action exists: ckan_client_action_exists_async() in
 * ckan-client-validation.h (help_show, 404 = absent). */

G_END_DECLS
