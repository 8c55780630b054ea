/* pub-resource-list-editor.h: a draft's files and links (wizard step 2)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pub-draft.h"

G_BEGIN_DECLS

#define PUB_TYPE_RESOURCE_LIST_EDITOR (pub_resource_list_editor_get_type ())

G_DECLARE_FINAL_TYPE (PubResourceListEditor, pub_resource_list_editor, PUB, RESOURCE_LIST_EDITOR, AdwBin)

GtkWidget *pub_resource_list_editor_new       (void);
PubDraft  *pub_resource_list_editor_get_draft (PubResourceListEditor *self);
void       pub_resource_list_editor_set_draft (PubResourceListEditor *self,
                                               PubDraft              *draft);
/* What the file chooser and a drop both end in: each regular file becomes a
 * resource (its size, date and SHA-256 read in the background) and
 * "resource-added" is emitted for it, so the local checks can start.
 * Returns how many were added. */
guint      pub_resource_list_editor_add_files (PubResourceListEditor *self,
                                               GSList                *files);
/* FALSE (and a message under the entry) when it is not a web address. */
gboolean   pub_resource_list_editor_add_link  (PubResourceListEditor *self,
                                               const char            *url);

/* Opens "Crear copia anonimizada…" for the resource's file (its last
 * checks); the copy, once written, takes the file's place and is checked
 * again. */
void       pub_resource_list_editor_anonymize (PubResourceListEditor *self,
                                               PubDraftResource      *resource);

G_END_DECLS
