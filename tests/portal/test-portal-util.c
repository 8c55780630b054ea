/* test-portal-util.c: JSON, time and naming helpers of the test portal
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-portal-private.h"

#include <string.h>

/* CKAN's timestamps: naive UTC, microseconds, no "Z". */
char *
portal_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%f");
}

/* json_node_copy () shares containers; the portal hands out copies that
 * callers may modify, so copy deeply. */
JsonNode *
portal_json_copy (JsonNode *node)
{
  if (!node)
    return NULL;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *src = json_node_get_object (node);
        JsonObject *dst = json_object_new ();
        JsonObjectIter iter;
        const char *key;
        JsonNode *member;

        JsonNode *out = json_node_new (JSON_NODE_OBJECT);

        json_object_iter_init (&iter, src);
        while (json_object_iter_next (&iter, &key, &member))
          json_object_set_member (dst, key, portal_json_copy (member));
        json_node_take_object (out, dst);
        return out;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *src = json_node_get_array (node);
        JsonArray *dst = json_array_sized_new (json_array_get_length (src));
        JsonNode *out = json_node_new (JSON_NODE_ARRAY);

        for (guint i = 0; i < json_array_get_length (src); i++)
          json_array_add_element (dst, portal_json_copy (json_array_get_element (src, i)));
        json_node_take_array (out, dst);
        return out;
      }
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

JsonObject *
portal_json_object_copy (JsonObject *object)
{
  g_autoptr(JsonNode) wrap = json_node_init_object (json_node_alloc (), object);
  g_autoptr(JsonNode) copy = portal_json_copy (wrap);

  return json_object_ref (json_node_get_object (copy));
}

/* Takes the object. */
JsonNode *
portal_node_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

JsonNode *
portal_node_string (const char *string)
{
  if (!string)
    return json_node_new (JSON_NODE_NULL);
  return json_node_init_string (json_node_alloc (), string);
}

char *
portal_json_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* A string member, or NULL when absent, null or not a string. */
const char *
portal_object_string (JsonObject *object,
                      const char *key)
{
  JsonNode *node;

  if (!object)
    return NULL;
  node = json_object_get_member (object, key);
  if (!node || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Like ckan.lib.munge.munge_filename: ASCII letters, digits, "_. -",
 * spaces become dashes. */
char *
portal_munge_filename (const char *filename)
{
  g_autofree char *base = g_path_get_basename (filename);
  g_autofree char *ascii = g_str_to_ascii (base, "C");
  GString *out = g_string_new (NULL);

  g_strstrip (ascii);
  for (const char *p = ascii; *p; p++)
    {
      char c = *p;

      if (g_ascii_isalnum (c) || c == '_' || c == '.' || c == '-')
        ;
      else if (c == ' ')
        c = '-';
      else
        continue;
      if (c == '-' && out->len > 0 && out->str[out->len - 1] == '-')
        continue;
      g_string_append_c (out, c);
    }
  if (out->len > 100)
    g_string_erase (out, 0, out->len - 100);
  if (out->len == 0)
    g_string_append (out, "file");
  return g_string_free (out, FALSE);
}

char *
portal_guess_format (const char *filename)
{
  const char *dot;

  if (!filename)
    return g_strdup ("");
  dot = strrchr (filename, '.');
  if (!dot || !dot[1] || strchr (dot, '/'))
    return g_strdup ("");
  return g_ascii_strup (dot + 1, -1);
}

static char *
base64url (const guchar *data,
           gsize         len)
{
  char *s = g_base64_encode (data, len);

  g_strdelimit (s, "+", '-');
  g_strdelimit (s, "/", '_');
  for (char *p = s + strlen (s); p > s && p[-1] == '='; p--)
    p[-1] = '\0';
  return s;
}

/* A JWT-shaped token like CKAN's ({"jti", "iat"} payload); the signature
 * is random since nobody verifies it but the portal, by lookup. */
char *
portal_new_token_string (char **jti)
{
  static const char header[] = "{\"typ\":\"JWT\",\"alg\":\"HS256\"}";
  guchar raw[32];
  g_autofree char *jti_str = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *h = NULL;
  g_autofree char *p = NULL;
  g_autofree char *sig = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    raw[i] = (guchar) g_random_int_range (0, 256);
  jti_str = base64url (raw, 32);
  payload = g_strdup_printf ("{\"jti\":\"%s\",\"iat\":%" G_GINT64_FORMAT "}",
                             jti_str, g_get_real_time () / G_USEC_PER_SEC);
  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    raw[i] = (guchar) g_random_int_range (0, 256);
  h = base64url ((const guchar *) header, strlen (header));
  p = base64url ((const guchar *) payload, strlen (payload));
  sig = base64url (raw, 32);
  if (jti)
    *jti = g_steal_pointer (&jti_str);
  return g_strconcat (h, ".", p, ".", sig, NULL);
}

/* The jti claim of a JWT-shaped token, or a digest of the token when it
 * has none (fixture tokens may be any string). */
char *
portal_token_jti (const char *token)
{
  g_auto(GStrv) parts = g_strsplit (token, ".", 3);
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (g_strv_length (parts) == 3)
    {
      g_autoptr(GString) b64 = g_string_new (parts[1]);
      g_autofree guchar *raw = NULL;
      gsize len = 0;

      g_strdelimit (b64->str, "-", '+');
      g_strdelimit (b64->str, "_", '/');
      while (b64->len % 4)
        g_string_append_c (b64, '=');
      raw = g_base64_decode (b64->str, &len);
      if (raw && json_parser_load_from_data (parser, (const char *) raw, len, NULL))
        {
          JsonNode *root = json_parser_get_root (parser);

          if (JSON_NODE_HOLDS_OBJECT (root))
            {
              const char *jti = portal_object_string (json_node_get_object (root), "jti");

              if (jti)
                return g_strdup (jti);
            }
        }
    }
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

/* Members of a given type, or NULL (json-glib warns on absent ones). */
JsonArray *
portal_object_array (JsonObject *object,
                     const char *key)
{
  JsonNode *node = object ? json_object_get_member (object, key) : NULL;

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

JsonObject *
portal_object_object (JsonObject *object,
                      const char *key)
{
  JsonNode *node = object ? json_object_get_member (object, key) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Elements of client-given arrays: NULL when of another type (json-glib
 * would warn, and a warning aborts the test using the portal). */
JsonObject *
portal_array_object (JsonArray *array,
                     guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

const char *
portal_array_string (JsonArray *array,
                     guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!node || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

void
portal_set_uuid (JsonObject *object,
                 const char *key)
{
  g_autofree char *uuid = g_uuid_string_random ();

  json_object_set_string_member (object, key, uuid);
}
