/* pub-slug.h: dataset URL names (CKAN's "name") made from titles
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PUB_SLUG_MIN_LENGTH 2
#define PUB_SLUG_MAX_LENGTH 100

/* "Año 2024: Región de Ñuble" -> "ano-2024-region-de-nuble": lower-case
 * ASCII, accents transliterated, runs of anything else collapsed into one
 * "-", at most PUB_SLUG_MAX_LENGTH characters. Never NULL; may be "". */
char       *pub_slug_from_title (const char *title);

/* NULL when `name` satisfies CKAN's rules for a dataset name; otherwise a
 * translated sentence saying what is wrong and how to fix it. */
const char *pub_slug_check      (const char *name);

G_END_DECLS
