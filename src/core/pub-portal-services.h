/* pub-portal-services.h: which of a resource's services a portal offers
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ckan-capabilities.h"
#include "ckan-client.h"

G_BEGIN_DECLS

#define PUB_TYPE_PORTAL_SERVICES (pub_portal_services_get_type ())

G_DECLARE_FINAL_TYPE (PubPortalServices, pub_portal_services, PUB, PORTAL_SERVICES, GObject)

/* The actions a portal's AI validation may go by, asked in this order with
 * help_show (docs/portal-services.md). */
extern const char * const pub_portal_ai_actions[];

/* status_show's plugin list says whether the DataStore, xloader or
 * DataPusher and ckanext-validation are there; no plugin names an AI
 * validation, so its actions are probed with help_show (404: absent). A
 * failed probe counts as absent; a failed status_show fails the whole. */
void               pub_portal_services_detect_async   (CkanClient          *client,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
PubPortalServices *pub_portal_services_detect_finish  (GAsyncResult        *result,
                                                       GError             **error);

/* From a known plugin list, without asking (ai_action may be NULL). */
PubPortalServices *pub_portal_services_new            (CkanCapabilities    *capabilities,
                                                       const char          *ai_action);

CkanCapabilities  *pub_portal_services_get_capabilities (PubPortalServices *self);
gboolean           pub_portal_services_has_datastore  (PubPortalServices   *self);
CkanLoader         pub_portal_services_get_loader     (PubPortalServices   *self);
gboolean           pub_portal_services_has_validation (PubPortalServices   *self);
/* The AI validation action the portal answered for, or NULL. */
const char        *pub_portal_services_get_ai_action  (PubPortalServices   *self);

G_END_DECLS
