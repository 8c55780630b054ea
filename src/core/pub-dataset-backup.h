/* pub-dataset-backup.h: a published dataset copied into a folder (its
 * metadata and every uploaded file), and turned back into a draft
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ckan-client.h"
#include "ckan-dataset.h"
#include "pub-draft.h"

G_BEGIN_DECLS

#define PUB_TYPE_DATASET_BACKUP (pub_dataset_backup_get_type ())

G_DECLARE_FINAL_TYPE (PubDatasetBackup, pub_dataset_backup, PUB, DATASET_BACKUP, GObject)

/* The files a backup folder holds. */
#define PUB_BACKUP_METADATA_FILE "conjunto.json"   /* package_show, as sent */
#define PUB_BACKUP_MANIFEST_FILE "respaldo.json"   /* which file is which resource */
#define PUB_BACKUP_README_FILE   "README.txt"
#define PUB_BACKUP_FILES_DIR     "archivos"

PubDatasetBackup *pub_dataset_backup_new          (CkanClient       *client,
                                                   CkanDataset      *dataset);
/* Makes a new folder inside `parent` ("<name> - respaldo <date>") and
 * writes into it the dataset's package_show JSON, every uploaded file
 * (streamed, each checked against the size the portal gives), the
 * manifest, and a README.txt saying what the folder is and when it was
 * made. The manifest is written last: a folder without it is not a
 * complete backup. A failure or a cancel leaves the folder with what was
 * done (never a half-written file under its real name). Progress:
 * the "fraction" and "current-file" properties. */
void              pub_dataset_backup_write_async  (PubDatasetBackup *self,
                                                   GFile            *parent,
                                                   GCancellable     *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer          user_data);
GFile            *pub_dataset_backup_write_finish (PubDatasetBackup *self,
                                                   GAsyncResult     *result,
                                                   GError          **error);
double            pub_dataset_backup_get_fraction (PubDatasetBackup *self);
const char       *pub_dataset_backup_get_current_file (PubDatasetBackup *self);

/* A new draft from a backup folder (in a worker thread): the metadata as
 * it was, the backed-up files as its files, links as links; not linked
 * to any dataset on the portal, so publishing it makes a new one. Fails
 * with PUB_CORE_ERROR_CORRUPT when the folder is not a complete backup. */
void              pub_dataset_backup_restore_async  (GFile          *folder,
                                                     GCancellable   *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer        user_data);
PubDraft         *pub_dataset_backup_restore_finish (GAsyncResult   *result,
                                                     GError        **error);

G_END_DECLS
