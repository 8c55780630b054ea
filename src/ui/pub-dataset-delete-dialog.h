/* pub-dataset-delete-dialog.h: a backup of a dataset into a folder, then,
 * when asked, its deletion
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ckan-client.h"
#include "ckan-dataset.h"

G_BEGIN_DECLS

#define PUB_TYPE_DATASET_DELETE_DIALOG (pub_dataset_delete_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PubDatasetDeleteDialog, pub_dataset_delete_dialog, PUB, DATASET_DELETE_DIALOG, AdwWindow)

/* delete FALSE: only the backup ("Descargar respaldo…"). Signal "deleted"
 * once package_delete went through. */
PubDatasetDeleteDialog *pub_dataset_delete_dialog_new        (GtkWindow              *parent,
                                                              CkanClient             *client,
                                                              CkanDataset            *dataset,
                                                              gboolean                delete);
/* Writes the backup into a new folder inside `parent_folder` (what the
 * folder chooser does when a folder is picked). */
void                    pub_dataset_delete_dialog_backup_to  (PubDatasetDeleteDialog *self,
                                                              GFile                  *parent_folder);
/* The folder the last backup went to, or NULL. */
GFile                  *pub_dataset_delete_dialog_get_backup (PubDatasetDeleteDialog *self);

G_END_DECLS
