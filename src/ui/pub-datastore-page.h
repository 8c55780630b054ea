/* pub-datastore-page.h: a resource's DataStore load: its state, what went
 * wrong, and loading again
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ckan-datastore-info.h"
#include "pub-portal-job.h"

G_BEGIN_DECLS

#define PUB_TYPE_DATASTORE_PAGE (pub_datastore_page_get_type ())

G_DECLARE_FINAL_TYPE (PubDatastorePage, pub_datastore_page, PUB, DATASTORE_PAGE, AdwBin)

GtkWidget    *pub_datastore_page_new       (void);
/* The load to show and follow (xloader or DataPusher); NULL when the
 * portal has no loader: the table is shown, loading is not offered. The
 * page reads its state at once and follows one under way. */
void          pub_datastore_page_set_job   (PubDatastorePage  *self,
                                            PubPortalJob      *job);
PubPortalJob *pub_datastore_page_get_job   (PubDatastorePage  *self);
/* What datastore_info said; NULL: the resource is not in the DataStore. */
void          pub_datastore_page_set_info  (PubDatastorePage  *self,
                                            CkanDatastoreInfo *info);
/* "Load Again": submits and follows to the end; ::load-finished then. */
void          pub_datastore_page_load      (PubDatastorePage  *self);
/* Stops following (the portal goes on loading). */
void          pub_datastore_page_cancel    (PubDatastorePage  *self);

G_END_DECLS
