/* test-portal-call.c: failing a call and reading its parameters
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-portal-private.h"

/* ---- Failing a call, the way ckan/views/api.py shapes errors ---- */

static void
set_error (PortalCall *call,
           guint       status,
           JsonObject *error)
{
  g_clear_pointer (&call->error, json_object_unref);
  call->error = error;
  call->status = status;
}

void
portal_call_fail (PortalCall *call,
                  guint       status,
                  const char *type,
                  const char *message)
{
  JsonObject *error = json_object_new ();

  json_object_set_string_member (error, "__type", type);
  json_object_set_string_member (error, "message", message);
  set_error (call, status, error);
}

void
portal_call_deny (PortalCall *call,
                  const char *message)
{
  g_autofree char *text = message && *message ? g_strconcat ("Access denied: ", message, NULL)
                                              : g_strdup ("Access denied");

  portal_call_fail (call, 403, "Authorization Error", text);
}

void
portal_call_not_found (PortalCall *call,
                       const char *message)
{
  g_autofree char *text = message && *message ? g_strconcat ("Not found: ", message, NULL)
                                              : g_strdup ("Not found");

  portal_call_fail (call, 404, "Not Found Error", text);
}

static JsonObject *
validation_errors (PortalCall *call)
{
  if (!call->error || call->status != 409)
    {
      JsonObject *error = json_object_new ();

      json_object_set_string_member (error, "__type", "Validation Error");
      set_error (call, 409, error);
    }
  return call->error;
}

/* {"field": ["message", ...]} */
void
portal_call_field_error (PortalCall *call,
                         const char *field,
                         const char *message)
{
  JsonObject *errors = validation_errors (call);
  JsonNode *node = json_object_get_member (errors, field);

  if (!node || !JSON_NODE_HOLDS_ARRAY (node))
    {
      json_object_set_array_member (errors, field, json_array_new ());
      node = json_object_get_member (errors, field);
    }
  json_array_add_string_element (json_node_get_array (node), message);
}

/* {"field": "message"}: some actions raise plain strings. */
void
portal_call_field_string (PortalCall *call,
                          const char *field,
                          const char *message)
{
  json_object_set_string_member (validation_errors (call), field, message);
}

/* Takes the field → messages object (nested errors included). */
void
portal_call_validation (PortalCall *call,
                        JsonObject *errors)
{
  JsonObject *target = validation_errors (call);
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  json_object_iter_init (&iter, errors);
  while (json_object_iter_next (&iter, &key, &member))
    json_object_set_member (target, key, json_node_ref (member));
  json_object_unref (errors);
}

gboolean
portal_call_failed (PortalCall *call)
{
  return call->error != NULL;
}

/* Auth functions not open to anonymous users say so in these words. */
gboolean
portal_call_require_user (PortalCall *call)
{
  g_autofree char *message = NULL;

  if (call->user)
    return TRUE;
  message = g_strdup_printf ("Action %s requires an authenticated user", call->action);
  portal_call_deny (call, message);
  return FALSE;
}

/* The user as CKAN names it in messages ("" when anonymous). */
char *
portal_call_user_label (PortalCall *call)
{
  return g_strdup (call->user ? call->user->name : "");
}

/* ---- Parameters ---- */

gboolean
portal_param_present (PortalCall *call,
                      const char *key)
{
  return json_object_has_member (call->params, key);
}

const char *
portal_param_string (PortalCall *call,
                     const char *key)
{
  return portal_object_string (call->params, key);
}

/* ckan's boolean_validator: true, "true", "yes", "1", "on" (any case). */
gboolean
portal_param_bool (PortalCall *call,
                   const char *key,
                   gboolean    default_value)
{
  JsonNode *node = json_object_get_member (call->params, key);
  const char *s;

  if (!node || JSON_NODE_HOLDS_NULL (node))
    return default_value;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return TRUE;
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node) != 0;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return default_value;
  s = json_node_get_string (node);
  return g_ascii_strcasecmp (s, "true") == 0 || g_ascii_strcasecmp (s, "yes") == 0 ||
         g_str_equal (s, "1") || g_ascii_strcasecmp (s, "on") == 0;
}

/* FALSE when present but not an integer. */
gboolean
portal_param_int (PortalCall *call,
                  const char *key,
                  gint64      default_value,
                  gint64     *out)
{
  JsonNode *node = json_object_get_member (call->params, key);

  *out = default_value;
  if (!node || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (node);

      if (*s == '\0')
        return TRUE;
      return g_ascii_string_to_signed (s, 10, G_MININT64, G_MAXINT64, out, NULL);
    }
  return FALSE;
}

/* A JSON value, parsed once more when it came as a string (GET and
 * multipart values; CKAN's convert_to_json_if_string). Owned by the call. */
JsonNode *
portal_param_json (PortalCall *call,
                   const char *key)
{
  JsonNode *node = json_object_get_member (call->params, key);
  const char *s;
  g_autoptr(JsonParser) parser = NULL;

  if (!node || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return node;
  s = json_node_get_string (node);
  if (*s != '[' && *s != '{')
    return node;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, s, -1, NULL))
    return node;
  json_object_set_member (call->params, key, json_node_copy (json_parser_get_root (parser)));
  return json_object_get_member (call->params, key);
}
