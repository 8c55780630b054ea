/* pub-resource-messages.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-error.h"
#include "pub-resource-messages.h"

/* The portal's first message for a field, e.g. {"format": ["Unsupported…"]}. */
static char *
first_field_message (const GError *error)
{
  JsonObject *fields = ckan_error_get_fields (error);
  g_autoptr(GList) names = fields ? json_object_get_members (fields) : NULL;

  for (GList *l = names; l; l = l->next)
    {
      JsonNode *node = json_object_get_member (fields, l->data);

      if (g_str_equal (l->data, "__type"))
        continue;
      if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
        node = json_array_get_element (json_node_get_array (node), 0);
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
    }
  return NULL;
}

char *
pub_resource_describe_error (const GError *error)
{
  g_autofree char *detail = NULL;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != CKAN_ERROR)
    return g_strdup (error->message);
  if (error->code == CKAN_ERROR_AUTHORIZATION)
    return g_strdup (_("Your account may not change this resource. Ask an administrator of its organization."));
  if (error->code == CKAN_ERROR_VALIDATION && (detail = first_field_message (error)))
    {
      if (strstr (detail, "Unsupported resource format"))
        return g_strdup (_("The portal validates only CSV and Excel files (XLS, XLSX)."));
      return g_strdup_printf (_("The portal refused it: %s"), detail);
    }
  return g_strdup (ckan_error_code_to_message (error->code));
}

char *
pub_resource_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);
  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%x %H:%M");
}

char *
pub_resource_format_count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

const char *
pub_resource_type_label (const char *type)
{
  static const struct {
    const char *type;
    const char *label;
  } labels[] = {
    { "text", N_("Text") },
    { "numeric", N_("Number") },
    { "int", N_("Whole number") },
    { "float", N_("Decimal number") },
    { "timestamp", N_("Date and time") },
    { "date", N_("Date") },
    { "time", N_("Time") },
    { "bool", N_("Yes or no") },
    { "json", N_("JSON") },
  };

  for (guint i = 0; type && i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (type, labels[i].type))
      return _(labels[i].label);
  return type ? type : "";
}
