/* pub-dataset-activity-page.h: what happened to a dataset, in plain words
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ckan-client.h"
#include "ckan-dataset.h"

G_BEGIN_DECLS

#define PUB_TYPE_DATASET_ACTIVITY_PAGE (pub_dataset_activity_page_get_type ())

G_DECLARE_FINAL_TYPE (PubDatasetActivityPage, pub_dataset_activity_page, PUB, DATASET_ACTIVITY_PAGE, AdwBin)

void        pub_dataset_activity_page_set_client  (PubDatasetActivityPage *self,
                                                   CkanClient             *client);
/* Reads the newest page of package_activity_list again. */
void        pub_dataset_activity_page_set_dataset (PubDatasetActivityPage *self,
                                                   CkanDataset            *dataset);
GtkListBox *pub_dataset_activity_page_get_list    (PubDatasetActivityPage *self);
/* Rows shown (activities); TRUE while a page is being read. */
guint       pub_dataset_activity_page_get_count   (PubDatasetActivityPage *self);
gboolean    pub_dataset_activity_page_get_loading (PubDatasetActivityPage *self);

G_END_DECLS
