/* ckan-multipart.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "ckan-client-private.h"
#include "ckan-multipart.h"

char *
ckan_multipart_new_boundary (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat ("publicador-", uuid, NULL);
}

char *
ckan_multipart_content_type (const char *boundary)
{
  return g_strdup_printf ("multipart/form-data; boundary=%s", boundary);
}

/* A quoted parameter the way curl and browsers write it and werkzeug (which
 * CKAN parses uploads with) reads it: raw UTF-8, backslash before quote and
 * backslash, no control characters (they would end the header). libsoup's
 * own encoder writes RFC 5987 `filename*=`, which is less widely read. */
static void
append_quoted (GString    *out,
               const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value, -1);

  g_string_append_c (out, '"');
  for (const char *p = valid; *p; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        {
          g_string_append_c (out, ' ');
          continue;
        }
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_part_headers (GString    *out,
                     const char *boundary,
                     const char *name,
                     const char *filename,
                     const char *content_type)
{
  g_string_append_printf (out, "--%s\r\nContent-Disposition: form-data; name=", boundary);
  append_quoted (out, name);
  if (filename != NULL)
    {
      g_string_append (out, "; filename=");
      append_quoted (out, filename);
    }
  g_string_append (out, "\r\n");
  if (content_type != NULL)
    g_string_append_printf (out, "Content-Type: %s\r\n", content_type);
  g_string_append (out, "\r\n");
}

GBytes *
ckan_multipart_build_head (const char *boundary,
                           JsonObject *fields,
                           const char *file_field,
                           const char *filename,
                           const char *content_type)
{
  GString *out = g_string_new (NULL);

  if (fields != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init (&iter, fields);
      while (json_object_iter_next (&iter, &name, &node))
        {
          g_autofree char *value = NULL;

          /* "callback" would turn the answer into JSONP. */
          if (g_str_equal (name, file_field) || g_str_equal (name, "callback"))
            continue;
          value = ckan_client_param_to_string (node);
          if (value == NULL)
            continue;
          append_part_headers (out, boundary, name, NULL, NULL);
          g_string_append (out, value);
          g_string_append (out, "\r\n");
        }
    }

  append_part_headers (out, boundary, file_field, filename, content_type);
  return g_string_free_to_bytes (out);
}

GBytes *
ckan_multipart_build_tail (const char *boundary)
{
  char *tail = g_strdup_printf ("\r\n--%s--\r\n", boundary);

  return g_bytes_new_take (tail, strlen (tail));
}

char *
ckan_multipart_guess_type (const char *filename)
{
  g_autofree char *type = g_content_type_guess (filename, NULL, 0, NULL);
  char *mime = type ? g_content_type_get_mime_type (type) : NULL;

  return mime ? mime : g_strdup ("application/octet-stream");
}
