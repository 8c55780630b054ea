/* ckan-scheming-field.h: one field of a ckanext-scheming dataset or resource form
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-record.h"

G_BEGIN_DECLS

#define CKAN_TYPE_SCHEMING_FIELD (ckan_scheming_field_get_type ())

G_DECLARE_FINAL_TYPE (CkanSchemingField, ckan_scheming_field, CKAN, SCHEMING_FIELD, CkanRecord)

CkanSchemingField *ckan_scheming_field_new_from_json (JsonObject  *object,
                                                      GError     **error);

#define CKAN_TYPE_SCHEMING_CHOICE (ckan_scheming_choice_get_type ())

typedef struct
{
  char *value;
  char *label;
} CkanSchemingChoice;

GType               ckan_scheming_choice_get_type  (void) G_GNUC_CONST;
CkanSchemingChoice *ckan_scheming_choice_copy      (const CkanSchemingChoice *choice);
void                ckan_scheming_choice_free      (CkanSchemingChoice       *choice);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CkanSchemingChoice, ckan_scheming_choice_free)

/* Labels and help texts may be translated per language ({"en": .., "es":
 * ..}); these getters pick the user's language, then Spanish, then English,
 * then any. */
const char *ckan_scheming_field_get_field_name   (CkanSchemingField *self);
const char *ckan_scheming_field_get_label        (CkanSchemingField *self);
const char *ckan_scheming_field_get_help_text    (CkanSchemingField *self);
const char *ckan_scheming_field_get_preset       (CkanSchemingField *self);
const char *ckan_scheming_field_get_form_snippet (CkanSchemingField *self);
gboolean    ckan_scheming_field_get_required     (CkanSchemingField *self);
/* CkanSchemingChoice of a select field; empty for free text. */
GPtrArray  *ckan_scheming_field_get_choices      (CkanSchemingField *self);

/* Helper for localized scheming values: a string, or an object by language. */
const char *ckan_scheming_localized_string       (JsonNode          *node);

G_END_DECLS
