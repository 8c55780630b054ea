/* pub-new-dataset-window.h: the two-step wizard that turns a draft into a
 * dataset
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ckan-client.h"
#include "pub-dataset-metadata-editor.h"
#include "pub-draft-store.h"
#include "pub-resource-list-editor.h"

G_BEGIN_DECLS

#define PUB_TYPE_NEW_DATASET_WINDOW (pub_new_dataset_window_get_type ())

G_DECLARE_FINAL_TYPE (PubNewDatasetWindow, pub_new_dataset_window, PUB, NEW_DATASET_WINDOW, AdwWindow)

/* draft: NULL starts a new one in the store. client: NULL works offline
 * (everything but publishing). */
PubNewDatasetWindow      *pub_new_dataset_window_new                 (GtkWindow     *parent,
                                                                      PubDraftStore *store,
                                                                      PubDraft      *draft,
                                                                      CkanClient    *client);
PubDraft                 *pub_new_dataset_window_get_draft           (PubNewDatasetWindow *self);
void                      pub_new_dataset_window_set_client          (PubNewDatasetWindow *self,
                                                                      CkanClient          *client);
PubDatasetMetadataEditor *pub_new_dataset_window_get_metadata_editor (PubNewDatasetWindow *self);
PubResourceListEditor    *pub_new_dataset_window_get_resource_editor (PubNewDatasetWindow *self);
/* Opens the wizard for `draft` (NULL: a new draft in the default store,
 * with `files` added to it), with the client of the application's current
 * account; an already open wizard of that draft is brought forward. */
PubNewDatasetWindow      *pub_new_dataset_window_open                (GtkWindow     *parent,
                                                                      PubDraft      *draft,
                                                                      GSList        *files);
/* The wizard open on `draft`, or NULL. It closes itself when its draft
 * is deleted from its store. */
PubNewDatasetWindow      *pub_new_dataset_window_find                (PubDraft      *draft);
/* For a window's "win.new-dataset" action. */
void                      pub_new_dataset_window_action              (GtkWidget     *widget,
                                                                      const char    *action_name,
                                                                      GVariant      *param);
/* What the Publish button does: checks the draft, then runs the publish
 * job and shows its progress. */
void                      pub_new_dataset_window_publish             (PubNewDatasetWindow *self);
/* "metadata", "resources" or "progress". */
const char               *pub_new_dataset_window_get_step            (PubNewDatasetWindow *self);

G_END_DECLS
