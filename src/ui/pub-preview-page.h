/* pub-preview-page.h: the rows the DataStore holds for a resource, a page
 * at a time, sorted and filtered by the portal
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ckan-client.h"

G_BEGIN_DECLS

#define PUB_TYPE_PREVIEW_PAGE (pub_preview_page_get_type ())

G_DECLARE_FINAL_TYPE (PubPreviewPage, pub_preview_page, PUB, PREVIEW_PAGE, GtkWidget)

GtkWidget *pub_preview_page_new        (void);
/* Where the rows come from; reads the first page. */
void       pub_preview_page_set_source (PubPreviewPage *self,
                                        CkanClient     *client,
                                        const char     *resource_id);
/* Reads the current page again (after a load). */
void       pub_preview_page_reload     (PubPreviewPage *self);
/* Rows per page (default 100). */
void       pub_preview_page_set_page_size (PubPreviewPage *self,
                                           guint           rows);

/* ::load-requested: "Load into the DataStore" on a resource not in it. */

G_END_DECLS
