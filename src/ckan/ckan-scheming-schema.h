/* ckan-scheming-schema.h: a ckanext-scheming dataset schema (scheming_dataset_schema_show)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-record.h"
#include "ckan-scheming-field.h"

G_BEGIN_DECLS

#define CKAN_TYPE_SCHEMING_SCHEMA (ckan_scheming_schema_get_type ())

G_DECLARE_FINAL_TYPE (CkanSchemingSchema, ckan_scheming_schema, CKAN, SCHEMING_SCHEMA, CkanRecord)

CkanSchemingSchema *ckan_scheming_schema_new_from_json (JsonObject  *object,
                                                        GError     **error);

const char        *ckan_scheming_schema_get_dataset_type    (CkanSchemingSchema *self);
/* CkanSchemingField in form order; never NULL. */
GPtrArray         *ckan_scheming_schema_get_dataset_fields  (CkanSchemingSchema *self);
GPtrArray         *ckan_scheming_schema_get_resource_fields (CkanSchemingSchema *self);
CkanSchemingField *ckan_scheming_schema_get_dataset_field   (CkanSchemingSchema *self,
                                                             const char         *field_name);

G_END_DECLS
