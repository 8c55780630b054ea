/* pub-dataset-address.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pub-dataset-address.h"

static const char *
without_www (const char *host)
{
  return g_ascii_strncasecmp (host, "www.", 4) == 0 ? host + 4 : host;
}

/* The path after "/dataset/": the name, up to the next "/". */
static char *
name_after (const char *path,
            const char *prefix)
{
  const char *rest;
  g_autofree char *segment = NULL;
  const char *slash;

  if (!g_str_has_prefix (path, prefix))
    return NULL;
  rest = path + strlen (prefix);
  slash = strchr (rest, '/');
  segment = slash != NULL ? g_strndup (rest, slash - rest) : g_strdup (rest);
  if (segment[0] == '\0')
    return NULL;
  return g_uri_unescape_string (segment, NULL);
}

gboolean
pub_dataset_address_match (const char  *address,
                           const char  *base_url,
                           char       **out_name)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) base = NULL;
  g_autofree char *base_path = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *name = NULL;
  g_autofree char *trimmed = NULL;
  gsize len;

  g_return_val_if_fail (out_name != NULL, FALSE);
  *out_name = NULL;
  if (address == NULL || base_url == NULL)
    return FALSE;

  trimmed = g_strstrip (g_strdup (address));
  uri = g_uri_parse (trimmed, G_URI_FLAGS_ENCODED, NULL);
  base = g_uri_parse (base_url, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || base == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (base) == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (g_uri_get_scheme (uri), g_uri_get_scheme (base)) != 0 ||
      g_ascii_strcasecmp (without_www (g_uri_get_host (uri)), without_www (g_uri_get_host (base))) != 0 ||
      g_uri_get_port (uri) != g_uri_get_port (base))
    return FALSE;

  base_path = g_strdup (g_uri_get_path (base));
  len = strlen (base_path);
  while (len > 0 && base_path[len - 1] == '/')
    base_path[--len] = '\0';
  prefix = g_strconcat (base_path, "/dataset/", NULL);
  name = name_after (g_uri_get_path (uri), prefix);
  if (name == NULL)
    return FALSE;
  *out_name = g_steal_pointer (&name);
  return TRUE;
}

gboolean
pub_dataset_address_looks_like (const char *address)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *trimmed = NULL;

  if (address == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (address));
  uri = g_uri_parse (trimmed, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL ||
      (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0 &&
       g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") != 0))
    return FALSE;
  return strstr (g_uri_get_path (uri), "/dataset/") != NULL;
}
