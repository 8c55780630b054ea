/* test-portal-locale.c: messages in Spanish, as a portal whose
 * ckan.locale_default is "es" answers (pairs observed on CKAN 2.11.6)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-portal-private.h"

#include <string.h>

/* Whole messages, then patterns. CKAN leaves some extension messages
 * untranslated ("Thread not found"): so does this table. */
static const struct {
  const char *en;
  const char *es;
} messages[] = {
  { "Missing value", "Falta el valor" },
  { "Must be at least 2 characters long", "Debe tener al menos 2 caracteres de longitud" },
  { "Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_",
    "Debe contener solamente caracteres alfanuméricos (ascii) en minúsculas y estos símbolos: -_" },
  { "Name must be a maximum of 100 characters long", "El nombre no puede tener más de 100 caracteres de largo" },
  { "That URL is already in use.", "Ese URL ya esta siendo utilizado." },
  { "That name cannot be used", "Este nombre no se puede usar" },
  { "An organization must be provided", "Debe indicar una organización" },
  { "Organization does not exist", "La organización no existe" },
  { "File upload too large", "El archivo subido es demasiado grande" },
  { "Invalid integer", "Entero inválido" },
};

static const struct {
  const char *pattern;
  const char *replacement;
} patterns[] = {
  { "^User (.*) not authorized to read package (.*)$", "El usuario \\1 no está autorizado para leer el paquete \\2" },
  { "^User (.*) not authorized to edit package (.*)$", "El usuario \\1 no está autorizado para editar el paquete \\2" },
  { "^User (.*) not authorized to delete package (.*)$", "El usuario \\1 no está autorizado para eliminar el paquete \\2" },
  { "^User (.*) not authorized to edit resource (.*)$", "El usuario \\1 no está autorizado para editar el recurso \\2" },
  { "^User (.*) not authorized to create packages$", "El usuario \\1 no está autorizado para crear paquetes" },
  { "^User (.*) not authorized to add dataset to this organization$",
    "El usuario \\1 no está autorizado para crear conjuntos de datos en esta organización" },
  { "^Name \"(.*)\" length is less than minimum 2$", "El número de caracteres del nombre \"\\1\" es menor al mínimo 2" },
  { "^Name \"(.*)\" length is more than maximum 100$", "El número de caracteres del nombre \"\\1\" es mayor al máximo 100" },
  { "^Email (.*) is not a valid format$", "El email \\1 no tiene un formato válido" },
};

static char *
translate_text (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    if (g_str_equal (text, messages[i].en))
      return g_strdup (messages[i].es);
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (patterns[i].pattern, 0, 0, NULL);

      if (g_regex_match (regex, text, 0, NULL))
        return g_regex_replace (regex, text, -1, 0, patterns[i].replacement, 0, NULL);
    }
  return g_strdup (text);
}

/* A whole message, with CKAN's "Access denied: " style prefixes. */
char *
portal_translate (PubTestPortal *self,
                  const char    *text)
{
  static const struct {
    const char *en;
    const char *es;
  } prefixes[] = {
    { "Bad request - JSON Error: ", "Solicitud incorrecta - Error JSON: " },
    { "Bad request - ", "Solicitud incorrecta - " },
    { "Access denied: ", "Acceso denegado: " },
    { "Not found: ", "No encontrado: " },
  };

  if (g_strcmp0 (self->locale, "es") != 0)
    return g_strdup (text);
  if (g_str_equal (text, "Access denied"))
    return g_strdup ("Acceso denegado");
  if (g_str_equal (text, "Not found"))
    return g_strdup ("No encontrado");
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (text, prefixes[i].en))
      {
        /* CKAN translates the prefix; bare-string details stay English. */
        g_autofree char *rest = g_str_has_prefix (prefixes[i].en, "Bad request")
                                ? g_strdup (text + strlen (prefixes[i].en))
                                : translate_text (text + strlen (prefixes[i].en));

        return g_strconcat (prefixes[i].es, rest, NULL);
      }
  return translate_text (text);
}

static void
translate_node (PubTestPortal *self,
                JsonNode      *node)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autofree char *text = portal_translate (self, json_node_get_string (node));

      json_node_set_string (node, text);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        translate_node (self, json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &key, &member))
        if (!g_str_equal (key, "__type") && !g_str_equal (key, "data"))
          translate_node (self, member);
    }
}

/* The error object of an envelope: every message, not the __type nor the
 * echoed request data. */
void
portal_translate_error (PubTestPortal *self,
                        JsonObject    *error)
{
  g_autoptr(JsonNode) node = NULL;

  if (g_strcmp0 (self->locale, "es") != 0)
    return;
  node = json_node_init_object (json_node_alloc (), error);
  translate_node (self, node);
}
