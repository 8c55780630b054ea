/* pub-resource-window.h: one resource's portal services: DataStore load,
 * data dictionary, preview, validation and AI validation
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ckan-client.h"
#include "pub-draft-store.h"

G_BEGIN_DECLS

#define PUB_TYPE_RESOURCE_WINDOW (pub_resource_window_get_type ())

G_DECLARE_FINAL_TYPE (PubResourceWindow, pub_resource_window, PUB, RESOURCE_WINDOW, AdwWindow)

/* Reads the resource (resource_show), its dataset (package_show) and what
 * the portal offers (status_show, help_show) itself; shows only the parts
 * the portal has. drafts: where to look for the resource's local file (a
 * draft that published it); NULL for none. */
PubResourceWindow *pub_resource_window_new     (GtkApplication *application,
                                                CkanClient     *client,
                                                const char     *dataset_id,
                                                const char     *resource_id,
                                                PubDraftStore  *drafts);
const char        *pub_resource_window_get_resource_id (PubResourceWindow *self);
/* The parts shown ("datastore", "dictionary", "preview", "validation",
 * "ai"), once the resource is read. */
gboolean           pub_resource_window_has_part (PubResourceWindow *self,
                                                 const char        *name);

G_END_DECLS
