/* ckan-datastore-field.h: one column of a DataStore table and its data dictionary entry
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-record.h"

G_BEGIN_DECLS

#define CKAN_TYPE_DATASTORE_FIELD (ckan_datastore_field_get_type ())

G_DECLARE_FINAL_TYPE (CkanDatastoreField, ckan_datastore_field, CKAN, DATASTORE_FIELD, CkanRecord)

CkanDatastoreField *ckan_datastore_field_new_from_json (JsonObject  *object,
                                                        GError     **error);

/* The column name. */
const char *ckan_datastore_field_get_id            (CkanDatastoreField *self);
/* The stored type: text, numeric, int, timestamp... */
const char *ckan_datastore_field_get_field_type    (CkanDatastoreField *self);
/* info.label, info.notes, info.type_override; NULL when unset. */
const char *ckan_datastore_field_get_label         (CkanDatastoreField *self);
const char *ckan_datastore_field_get_notes         (CkanDatastoreField *self);
const char *ckan_datastore_field_get_type_override (CkanDatastoreField *self);

void        ckan_datastore_field_set_label         (CkanDatastoreField *self,
                                                    const char         *value);
void        ckan_datastore_field_set_notes         (CkanDatastoreField *self,
                                                    const char         *value);
/* Takes effect at the next DataStore load; "" keeps the guessed type. */
void        ckan_datastore_field_set_type_override (CkanDatastoreField *self,
                                                    const char         *value);
/* {id, type, info} as datastore_create wants every field. */
JsonObject *ckan_datastore_field_to_dictionary     (CkanDatastoreField *self);

G_END_DECLS
