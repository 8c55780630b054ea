/* pub-licenses.h: what the portal's licences mean, in a line each, and
 * the order they are offered in
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a licence goes in the list: the ones datos.gob.cl recommends
 * first (its publication manual names CC BY 4.0), then the other open
 * ones, then those that are not open. Lower comes first; licences this
 * table does not know share the last rank, keeping the portal's order. */
guint       pub_license_rank     (const char *id);

/* One translated line telling the licence apart from its look-alikes
 * ("CC BY 4.0 · reuse with credit to the source"); NULL when unknown. */
const char *pub_license_describe (const char *id);

G_END_DECLS
