/* pub-anonymize-column-row.h: one flagged column and what to do with it
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pub-anonymize.h"

G_BEGIN_DECLS

#define PUB_TYPE_ANONYMIZE_COLUMN_ROW (pub_anonymize_column_row_get_type ())

G_DECLARE_FINAL_TYPE (PubAnonymizeColumnRow, pub_anonymize_column_row, PUB, ANONYMIZE_COLUMN_ROW, AdwComboRow)

/* `found`: what the checks saw ("200 e-mail addresses"); `examples`: a
 * few values, already masked. */
GtkWidget          *pub_anonymize_column_row_new        (const char          *column,
                                                         const char          *found,
                                                         const char * const  *examples,
                                                         gboolean             can_generalize);
const char         *pub_anonymize_column_row_get_column (PubAnonymizeColumnRow *self);
PubAnonymizeAction  pub_anonymize_column_row_get_action (PubAnonymizeColumnRow *self);
void                pub_anonymize_column_row_set_action (PubAnonymizeColumnRow *self,
                                                         PubAnonymizeAction     action);

G_END_DECLS
