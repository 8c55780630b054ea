/* pub-preview-row.h: one DataStore record, as the preview's model holds it
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PUB_TYPE_PREVIEW_ROW (pub_preview_row_get_type ())

G_DECLARE_FINAL_TYPE (PubPreviewRow, pub_preview_row, PUB, PREVIEW_ROW, GObject)

PubPreviewRow *pub_preview_row_new      (JsonObject    *record);
/* A cell as text: numbers as the portal sent them, "" for null. */
char          *pub_preview_row_dup_text (PubPreviewRow *self,
                                         const char    *column);

G_END_DECLS
