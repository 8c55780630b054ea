/* pub-dataset-list-view.h: the "My Datasets" and "Organization" sections
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pub-account-manager.h"
#include "pub-dataset-list.h"

G_BEGIN_DECLS

typedef enum {
  PUB_DATASET_LIST_MODE_MINE,          /* what the signed-in person created */
  PUB_DATASET_LIST_MODE_ORGANIZATION,  /* everything of one organization */
} PubDatasetListMode;

#define PUB_TYPE_DATASET_LIST_MODE (pub_dataset_list_mode_get_type ())
GType pub_dataset_list_mode_get_type (void) G_GNUC_CONST;

#define PUB_TYPE_DATASET_LIST_VIEW (pub_dataset_list_view_get_type ())

G_DECLARE_FINAL_TYPE (PubDatasetListView, pub_dataset_list_view, PUB, DATASET_LIST_VIEW, AdwBin)

/* `settings` remembers the organization chosen per account. */
GtkWidget          *pub_dataset_list_view_new               (PubDatasetListMode  mode,
                                                             PubAccountManager  *manager,
                                                             GSettings          *settings);
/* For the window's section table: the application's accounts. */
GtkWidget          *pub_dataset_list_view_new_mine          (void);
GtkWidget          *pub_dataset_list_view_new_organization  (void);

PubDatasetListMode  pub_dataset_list_view_get_mode          (PubDatasetListView *self);
/* The list shown (NULL when nobody is signed in). */
PubDatasetList     *pub_dataset_list_view_get_list          (PubDatasetListView *self);
/* Turns the "Overdue" filter on (the daily notification opens this). */
void                pub_dataset_list_view_show_overdue      (PubDatasetListView *self);

G_END_DECLS
