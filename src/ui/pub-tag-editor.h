/* pub-tag-editor.h: a draft's tags as chips, with suggestions while typing
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ckan-client.h"
#include "pub-draft.h"

G_BEGIN_DECLS

#define PUB_TYPE_TAG_EDITOR (pub_tag_editor_get_type ())

G_DECLARE_FINAL_TYPE (PubTagEditor, pub_tag_editor, PUB, TAG_EDITOR, GtkWidget)

GtkWidget   *pub_tag_editor_new            (void);
void         pub_tag_editor_set_draft      (PubTagEditor       *self,
                                            PubDraft           *draft);
/* NULL: suggestions come only from the known tags. */
void         pub_tag_editor_set_client     (PubTagEditor       *self,
                                            CkanClient         *client);
void         pub_tag_editor_set_known_tags (PubTagEditor       *self,
                                            const char * const *tags);
/* A message shown under the entry, or NULL to hide it. */
void         pub_tag_editor_set_error      (PubTagEditor       *self,
                                            const char         *message);
AdwEntryRow *pub_tag_editor_get_entry      (PubTagEditor       *self);
/* The suggestions shown now (for tests). */
GStrv        pub_tag_editor_dup_suggestions (PubTagEditor      *self);

G_END_DECLS
