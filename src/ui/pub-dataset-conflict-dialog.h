/* pub-dataset-conflict-dialog.h: what changed on the portal since the
 * edits began, field by field
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ckan-dataset.h"
#include "pub-draft.h"

G_BEGIN_DECLS

#define PUB_DATASET_CONFLICT_CANCEL    "cancel"
#define PUB_DATASET_CONFLICT_RELOAD    "reload"
#define PUB_DATASET_CONFLICT_OVERWRITE "overwrite"

/* A dialog listing each field `current` changed since `base`: its value on
 * the portal now, and the person's own when they changed it too (from
 * `mine`). Responses: cancel, reload ("Recargar"), overwrite ("Guardar de
 * todos modos"). */
AdwMessageDialog *pub_dataset_conflict_dialog_new (GtkWindow   *parent,
                                                   PubDraft    *mine,
                                                   CkanDataset *base,
                                                   CkanDataset *current);

G_END_DECLS
