/* pub-dataset-metadata-editor.h: the dataset's metadata form (wizard step 1,
 * and the dataset page)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ckan-client.h"
#include "pub-draft.h"

G_BEGIN_DECLS

#define PUB_TYPE_DATASET_METADATA_EDITOR (pub_dataset_metadata_editor_get_type ())

G_DECLARE_FINAL_TYPE (PubDatasetMetadataEditor, pub_dataset_metadata_editor, PUB, DATASET_METADATA_EDITOR, AdwBin)

typedef enum {
  PUB_NAME_UNCHECKED,   /* no account, or the name itself is invalid */
  PUB_NAME_CHECKING,
  PUB_NAME_FREE,
  PUB_NAME_TAKEN,
  PUB_NAME_OURS,        /* the dataset this draft already created */
  PUB_NAME_UNKNOWN,     /* offline, or the portal did not answer */
} PubNameAvailability;

#define PUB_TYPE_NAME_AVAILABILITY (pub_name_availability_get_type ())
GType pub_name_availability_get_type (void);

GtkWidget          *pub_dataset_metadata_editor_new              (void);
PubDraft           *pub_dataset_metadata_editor_get_draft        (PubDatasetMetadataEditor *self);
void                pub_dataset_metadata_editor_set_draft        (PubDatasetMetadataEditor *self,
                                                                  PubDraft                 *draft);
/* The signed-in account's client, or NULL: then everything works from what
 * the draft remembers, and the name is not checked. */
CkanClient         *pub_dataset_metadata_editor_get_client       (PubDatasetMetadataEditor *self);
void                pub_dataset_metadata_editor_set_client       (PubDatasetMetadataEditor *self,
                                                                  CkanClient               *client);
/* Tags offered while typing even offline (e.g. those of other drafts). */
void                pub_dataset_metadata_editor_set_known_tags   (PubDatasetMetadataEditor *self,
                                                                  const char * const       *tags);
/* Puts the cursor in the title, ready to type. */
void                pub_dataset_metadata_editor_focus_title      (PubDatasetMetadataEditor *self);
/* Shows every problem inline; TRUE when there is none. */
gboolean            pub_dataset_metadata_editor_validate         (PubDatasetMetadataEditor *self);
/* A 409 from the portal: each message goes under its field. */
void                pub_dataset_metadata_editor_show_portal_errors (PubDatasetMetadataEditor *self,
                                                                  const GError             *error);
/* The message shown under a field now, or NULL. */
const char         *pub_dataset_metadata_editor_get_field_error  (PubDatasetMetadataEditor *self,
                                                                  const char               *field);
PubNameAvailability pub_dataset_metadata_editor_get_name_availability (PubDatasetMetadataEditor *self);

G_END_DECLS
