/* pub-dataset-resources-page.h: a published dataset's files and links:
 * add, edit, replace, reorder, delete
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ckan-client.h"
#include "ckan-dataset.h"
#include "pub-draft.h"

G_BEGIN_DECLS

#define PUB_TYPE_DATASET_RESOURCES_PAGE (pub_dataset_resources_page_get_type ())

G_DECLARE_FINAL_TYPE (PubDatasetResourcesPage, pub_dataset_resources_page, PUB, DATASET_RESOURCES_PAGE, AdwBin)

/* Signals:
 * "dataset-changed" (CkanDataset *dataset): a change went through; the
 *   dataset as the portal now has it, or NULL to read it again.
 * "failed" (GError *error, const char *retry_action): a change failed.
 * "toast" (const char *text): something to say briefly. */

void pub_dataset_resources_page_set_client  (PubDatasetResourcesPage *self,
                                             CkanClient              *client);
void pub_dataset_resources_page_set_dataset (PubDatasetResourcesPage *self,
                                             CkanDataset             *dataset);
/* The draft where files being added wait (and survive a crash). */
void pub_dataset_resources_page_set_draft   (PubDatasetResourcesPage *self,
                                             PubDraft                *draft);
/* The rows' list, for keyboard reordering and tests. */
GtkListBox *pub_dataset_resources_page_get_list (PubDatasetResourcesPage *self);
/* Moves the resource at `index` by `delta` places (−1 up, +1 down) and
 * sends the new order with package_resource_reorder. */
void pub_dataset_resources_page_move        (PubDatasetResourcesPage *self,
                                             guint                    index,
                                             int                      delta);

/* Where records of replaces under way are kept (tests); NULL: the default. */
void pub_dataset_resources_page_set_records_dir (PubDatasetResourcesPage *self,
                                                 const char              *dir);
/* Replaces the resource's file with `file` (what choosing it does): checks
 * it, compares its columns with the published ones, asks, then sends. */
void pub_dataset_resources_page_replace_with    (PubDatasetResourcesPage *self,
                                                 const char              *resource_id,
                                                 GFile                   *file);

G_END_DECLS
