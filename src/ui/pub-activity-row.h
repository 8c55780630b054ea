/* pub-activity-row.h: one entry of a dataset's activity, as a sentence
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ckan-activity.h"

G_BEGIN_DECLS

#define PUB_TYPE_ACTIVITY_ROW (pub_activity_row_get_type ())

G_DECLARE_FINAL_TYPE (PubActivityRow, pub_activity_row, PUB, ACTIVITY_ROW, GtkListBoxRow)

/* older: the entry before it, to say what changed; NULL when unknown. */
GtkWidget    *pub_activity_row_new          (CkanActivity   *activity,
                                             CkanActivity   *older);
CkanActivity *pub_activity_row_get_activity (PubActivityRow *self);
/* Who did it, as people know them (user_show's display name). */
void          pub_activity_row_set_actor    (PubActivityRow *self,
                                             const char     *actor);
/* The sentence shown, "… · 2 hours ago" included. */
const char   *pub_activity_row_get_text     (PubActivityRow *self);

G_END_DECLS
