/* pub-personal-data-dialog.h: "these files hold personal data and would
 * be public", asked before a publication or an upload
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pub-personal-data.h"

G_BEGIN_DECLS

#define PUB_TYPE_PERSONAL_DATA_DIALOG (pub_personal_data_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PubPersonalDataDialog, pub_personal_data_dialog, PUB, PERSONAL_DATA_DIALOG, AdwMessageDialog)

PubPersonalDataDialog *pub_personal_data_dialog_new         (GtkWindow             *parent);
/* One file and what was found in it, one line each
 * (pub_personal_data_describe()). */
void                   pub_personal_data_dialog_add_file    (PubPersonalDataDialog *self,
                                                             const char            *file_name,
                                                             const char * const    *findings);
/* Every file of `resources` (PubDraftResource), with its saved findings. */
void                   pub_personal_data_dialog_add_resources (PubPersonalDataDialog *self,
                                                             GPtrArray             *resources);

/* Shows the dialog; finishes with the person's answer. Closing it, or
 * cancelling, is REVIEW: nothing is sent. */
void                   pub_personal_data_dialog_choose_async  (PubPersonalDataDialog *self,
                                                             GCancellable          *cancellable,
                                                             GAsyncReadyCallback    callback,
                                                             gpointer               user_data);
PubPersonalDataChoice  pub_personal_data_dialog_choose_finish (PubPersonalDataDialog *self,
                                                             GAsyncResult          *result);

G_END_DECLS
