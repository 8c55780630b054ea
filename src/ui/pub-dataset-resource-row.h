/* pub-dataset-resource-row.h: one published resource in the dataset page
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ckan-resource.h"

G_BEGIN_DECLS

#define PUB_TYPE_DATASET_RESOURCE_ROW (pub_dataset_resource_row_get_type ())

G_DECLARE_FINAL_TYPE (PubDatasetResourceRow, pub_dataset_resource_row, PUB, DATASET_RESOURCE_ROW, AdwActionRow)

/* Its menu and shortcuts activate the page's "resources.*" actions with
 * the resource id: edit, replace, move-up (Alt+Up), move-down (Alt+Down),
 * delete, open. */
GtkWidget    *pub_dataset_resource_row_new          (CkanResource          *resource);
CkanResource *pub_dataset_resource_row_get_resource (PubDatasetResourceRow *self);
/* Validation and DataStore badges, as shown ("Valid", "In DataStore"). */
char         *pub_dataset_resource_row_dup_badges   (PubDatasetResourceRow *self);

G_END_DECLS
