/* pub-dataset-window.h: one published dataset: its metadata, resources and
 * activity, kept right
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ckan-client.h"
#include "ckan-dataset.h"
#include "pub-draft-store.h"

G_BEGIN_DECLS

#define PUB_TYPE_DATASET_WINDOW (pub_dataset_window_get_type ())

G_DECLARE_FINAL_TYPE (PubDatasetWindow, pub_dataset_window, PUB, DATASET_WINDOW, AdwWindow)

/* dataset: its id or name on the portal of `client`. edits: where unsaved
 * changes are kept (NULL: pub_dataset_window_get_edits_store()). */
PubDatasetWindow *pub_dataset_window_new               (GtkWindow        *parent,
                                                        CkanClient       *client,
                                                        const char       *dataset,
                                                        PubDraftStore    *edits);
/* The store of unsaved changes to published datasets, beside the drafts:
 * $XDG_DATA_HOME/publicador/edits. Its drafts never show in the Drafts
 * list. */
PubDraftStore    *pub_dataset_window_get_edits_store   (void);
/* Opens the page of `dataset` with the client of the application's
 * current account; a page already open on it is brought forward. */
PubDatasetWindow *pub_dataset_window_open              (GtkWindow        *parent,
                                                        CkanClient       *client,
                                                        const char       *dataset);
/* The dataset as last read from the portal, or NULL while loading. */
CkanDataset      *pub_dataset_window_get_dataset       (PubDatasetWindow *self);
/* The draft holding the unsaved edits, or NULL while loading. */
PubDraft         *pub_dataset_window_get_edit_draft    (PubDatasetWindow *self);
/* "loading", "error" or "dataset". */
const char       *pub_dataset_window_get_status        (PubDatasetWindow *self);
/* Saves the changed fields (what the Save button does). */
void              pub_dataset_window_save              (PubDatasetWindow *self);

G_END_DECLS
