/* pub-dictionary-row.h: one column of the data dictionary: its label,
 * description and type override
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ckan-datastore-field.h"

G_BEGIN_DECLS

#define PUB_TYPE_DICTIONARY_ROW (pub_dictionary_row_get_type ())

G_DECLARE_FINAL_TYPE (PubDictionaryRow, pub_dictionary_row, PUB, DICTIONARY_ROW, AdwExpanderRow)

/* The type overrides CKAN's dictionary form offers ("" keeps the guess). */
extern const char * const pub_dictionary_types[];

GtkWidget          *pub_dictionary_row_new           (CkanDatastoreField *field);
CkanDatastoreField *pub_dictionary_row_get_field     (PubDictionaryRow   *self);
/* Writes what was typed into `field` (a copy of the row's, to send). */
void                pub_dictionary_row_apply_to      (PubDictionaryRow   *self,
                                                      CkanDatastoreField *field);
/* Whether anything, or the type override, differs from the field. */
gboolean            pub_dictionary_row_get_modified  (PubDictionaryRow   *self);
gboolean            pub_dictionary_row_type_modified (PubDictionaryRow   *self);
/* ::changed: something was typed or chosen. */

G_END_DECLS
