/* pub-dataset-list-item.h: one row of a dataset list, loaded or still on its way
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ckan-dataset.h"

G_BEGIN_DECLS

typedef enum {
  PUB_DATASET_LIST_ITEM_LOADING,  /* its page has not arrived yet */
  PUB_DATASET_LIST_ITEM_READY,    /* "dataset" is set */
  PUB_DATASET_LIST_ITEM_FAILED,   /* its page failed: "error-message" says why */
} PubDatasetListItemState;

#define PUB_TYPE_DATASET_LIST_ITEM_STATE (pub_dataset_list_item_state_get_type ())
GType pub_dataset_list_item_state_get_type (void) G_GNUC_CONST;

#define PUB_TYPE_DATASET_LIST_ITEM (pub_dataset_list_item_get_type ())

G_DECLARE_FINAL_TYPE (PubDatasetListItem, pub_dataset_list_item, PUB, DATASET_LIST_ITEM, GObject)

PubDatasetListItem      *pub_dataset_list_item_new               (guint               position);
guint                    pub_dataset_list_item_get_position      (PubDatasetListItem *self);
PubDatasetListItemState  pub_dataset_list_item_get_state         (PubDatasetListItem *self);
/* NULL until READY. */
CkanDataset             *pub_dataset_list_item_get_dataset       (PubDatasetListItem *self);
const char              *pub_dataset_list_item_get_error_message (PubDatasetListItem *self);
/* Ticked in selection mode. */
gboolean                 pub_dataset_list_item_get_selected      (PubDatasetListItem *self);
void                     pub_dataset_list_item_set_selected      (PubDatasetListItem *self,
                                                                  gboolean            selected);

/* For the list that owns the item. */
void                     pub_dataset_list_item_set_dataset       (PubDatasetListItem *self,
                                                                  CkanDataset        *dataset);
void                     pub_dataset_list_item_set_failed        (PubDatasetListItem *self,
                                                                  const char         *message);
void                     pub_dataset_list_item_set_loading       (PubDatasetListItem *self);

G_END_DECLS
