/* pub-dataset-row.h: one dataset in the lists: title, visibility, state, formats, last change, update status
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pub-dataset-list-item.h"

G_BEGIN_DECLS

#define PUB_TYPE_DATASET_ROW (pub_dataset_row_get_type ())

G_DECLARE_FINAL_TYPE (PubDatasetRow, pub_dataset_row, PUB, DATASET_ROW, GtkBox)

/* A failed row's Retry activates "list.retry-page" with its position. */
GtkWidget          *pub_dataset_row_new                (void);
PubDatasetListItem *pub_dataset_row_get_item           (PubDatasetRow      *self);
void                pub_dataset_row_set_item           (PubDatasetRow      *self,
                                                        PubDatasetListItem *item);
/* Shows the check box. */
void                pub_dataset_row_set_selection_mode (PubDatasetRow      *self,
                                                        gboolean            selection_mode);

G_END_DECLS
