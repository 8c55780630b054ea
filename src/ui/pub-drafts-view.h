/* pub-drafts-view.h: the Drafts section: every local draft and its state
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pub-draft-store.h"
#include "pub-publish-queue.h"

G_BEGIN_DECLS

#define PUB_TYPE_DRAFTS_VIEW (pub_drafts_view_get_type ())

G_DECLARE_FINAL_TYPE (PubDraftsView, pub_drafts_view, PUB, DRAFTS_VIEW, AdwBin)

GtkWidget     *pub_drafts_view_new       (PubDraftStore *store);
PubDraftStore *pub_drafts_view_get_store (PubDraftsView *self);
/* The main window's Drafts page: the default store, drafts open in the
 * wizard. */
GtkWidget     *pub_drafts_view_new_for_window (void);
/* With a queue, a queued draft's row says what it waits for. */
void           pub_drafts_view_set_queue (PubDraftsView   *self,
                                          PubPublishQueue *queue);

G_END_DECLS
