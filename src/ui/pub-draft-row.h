/* pub-draft-row.h: one draft in the Drafts list: its title, what state it
 * is in, and what can be done with it there
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pub-draft.h"
#include "pub-publish-queue.h"

G_BEGIN_DECLS

#define PUB_TYPE_DRAFT_ROW (pub_draft_row_get_type ())

G_DECLARE_FINAL_TYPE (PubDraftRow, pub_draft_row, PUB, DRAFT_ROW, AdwActionRow)

/* Its buttons and menu activate the Drafts view's actions (drafts.open,
 * drafts.retry, drafts.cancel…) with the draft's id, so it must live
 * inside a widget that installs them. */
GtkWidget *pub_draft_row_new       (PubDraft        *draft);
PubDraft  *pub_draft_row_get_draft (PubDraftRow     *self);
/* With a queue, a queued draft says what it waits for. */
void       pub_draft_row_set_queue (PubDraftRow     *self,
                                    PubPublishQueue *queue);
/* Says again what the queue's state means for this draft. */
void       pub_draft_row_update    (PubDraftRow     *self);

/* The sentence a row shows under the title for this draft's state. */
char      *pub_draft_row_describe_state (PubDraft *draft);

G_END_DECLS
