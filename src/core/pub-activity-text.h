/* pub-activity-text.h: an entry of a dataset's activity stream as a
 * sentence ("Ana Pérez updated the resource “Matrícula 2025.csv”"), and
 * what it changed
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-activity.h"

G_BEGIN_DECLS

/* `older`: the activity just before it on the same dataset, or NULL; the
 * dataset as each one left it (data.package) says what changed. `actor`:
 * who did it, as people know them (NULL: the portal's user name, else
 * "Someone"). */
char  *pub_activity_describe (CkanActivity *activity,
                              CkanActivity *older,
                              const char   *actor);
/* The changes one by one ("Title: “Old” → “New”", "Resource “a.csv”
 * added"), at most `max` (0: all); empty when the activity does not say. */
GStrv  pub_activity_details  (CkanActivity *activity,
                              CkanActivity *older,
                              guint         max);

G_END_DECLS
