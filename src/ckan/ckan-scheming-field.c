/* ckan-scheming-field.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-scheming-field.h"

struct _CkanSchemingField
{
  CkanRecord  parent_instance;

  GPtrArray  *choices;
};

G_DEFINE_FINAL_TYPE (CkanSchemingField, ckan_scheming_field, CKAN_TYPE_RECORD)

CkanSchemingChoice *
ckan_scheming_choice_copy (const CkanSchemingChoice *choice)
{
  CkanSchemingChoice *copy = g_new0 (CkanSchemingChoice, 1);

  copy->value = g_strdup (choice->value);
  copy->label = g_strdup (choice->label);
  return copy;
}

void
ckan_scheming_choice_free (CkanSchemingChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->value);
  g_free (choice->label);
  g_free (choice);
}

G_DEFINE_BOXED_TYPE (CkanSchemingChoice, ckan_scheming_choice,
                     ckan_scheming_choice_copy, ckan_scheming_choice_free)

const char *
ckan_scheming_localized_string (JsonNode *node)
{
  const char * const *languages = g_get_language_names ();
  static const char * const fallbacks[] = { "es", "en", NULL };
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node))
    return json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  for (guint i = 0; languages[i] != NULL; i++)
    {
      const char *value = ckan_json_object_get_string_lenient (object, languages[i]);

      if (value != NULL)
        return value;
    }
  for (guint i = 0; fallbacks[i] != NULL; i++)
    {
      const char *value = ckan_json_object_get_string_lenient (object, fallbacks[i]);

      if (value != NULL)
        return value;
    }
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
      return json_node_get_string (member);
  return NULL;
}

static void
ckan_scheming_field_parse (CkanRecord *record)
{
  CkanSchemingField *self = CKAN_SCHEMING_FIELD (record);
  JsonArray *choices = ckan_record_get_member_array (record, "choices");

  for (guint i = 0; choices != NULL && i < json_array_get_length (choices); i++)
    {
      JsonNode *element = json_array_get_element (choices, i);
      CkanSchemingChoice *choice;
      JsonObject *object;
      const char *value;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      object = json_node_get_object (element);
      value = ckan_json_object_get_string_lenient (object, "value");
      if (value == NULL)
        continue;
      choice = g_new0 (CkanSchemingChoice, 1);
      choice->value = g_strdup (value);
      choice->label = g_strdup (ckan_scheming_localized_string (json_object_get_member (object, "label")));
      if (choice->label == NULL)
        choice->label = g_strdup (value);
      g_ptr_array_add (self->choices, choice);
    }
}

static void
ckan_scheming_field_finalize (GObject *object)
{
  CkanSchemingField *self = CKAN_SCHEMING_FIELD (object);

  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (ckan_scheming_field_parent_class)->finalize (object);
}

static void
ckan_scheming_field_class_init (CkanSchemingFieldClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ckan_scheming_field_finalize;
  CKAN_RECORD_CLASS (klass)->required_key = "field_name";
  CKAN_RECORD_CLASS (klass)->parse = ckan_scheming_field_parse;
}

static void
ckan_scheming_field_init (CkanSchemingField *self)
{
  self->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) ckan_scheming_choice_free);
}

CkanSchemingField *
ckan_scheming_field_new_from_json (JsonObject  *object,
                                   GError     **error)
{
  return ckan_record_new_from_json (CKAN_TYPE_SCHEMING_FIELD, object, error);
}

const char *
ckan_scheming_field_get_field_name (CkanSchemingField *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "field_name");
}

static const char *
get_localized (CkanSchemingField *self,
               const char        *key)
{
  return ckan_scheming_localized_string (json_object_get_member (ckan_record_get_object (CKAN_RECORD (self)), key));
}

const char *
ckan_scheming_field_get_label (CkanSchemingField *self)
{
  const char *label = get_localized (self, "label");

  return label != NULL ? label : ckan_scheming_field_get_field_name (self);
}

const char *
ckan_scheming_field_get_help_text (CkanSchemingField *self)
{
  return get_localized (self, "help_text");
}

const char *
ckan_scheming_field_get_preset (CkanSchemingField *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "preset");
}

const char *
ckan_scheming_field_get_form_snippet (CkanSchemingField *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "form_snippet");
}

gboolean
ckan_scheming_field_get_required (CkanSchemingField *self)
{
  return ckan_record_get_boolean (CKAN_RECORD (self), "required", FALSE);
}

GPtrArray *
ckan_scheming_field_get_choices (CkanSchemingField *self)
{
  g_return_val_if_fail (CKAN_IS_SCHEMING_FIELD (self), NULL);
  return self->choices;
}
