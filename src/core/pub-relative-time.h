/* pub-relative-time.h: "hace 3 días" — times as people say them
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How long ago `then` was, seen from `now` ("3 days ago", "just now"), or
 * how far ahead it is ("in 2 hours"). Days are counted on the calendar of
 * `now`'s time zone, so yesterday evening is "yesterday" even when fewer than
 * 24 hours have passed. NULL `then` gives NULL. */
char *pub_relative_time_format (GDateTime *then,
                                GDateTime *now);

G_END_DECLS
