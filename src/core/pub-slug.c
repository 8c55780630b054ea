/* pub-slug.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pub-slug.h"

/* CKAN refuses these names for datasets (ckan/logic/validators.py), because
 * they collide with the portal's own pages. */
static const char * const reserved_names[] = { "new", "edit", "search" };

static gboolean
is_name_char (char c)
{
  return g_ascii_islower (c) || g_ascii_isdigit (c) || c == '-' || c == '_';
}

char *
pub_slug_from_title (const char *title)
{
  g_autofree char *ascii = NULL;
  GString *slug;

  if (title == NULL)
    return g_strdup ("");

  /* The "C" locale keeps the result the same whatever the user's language
   * (a German locale would turn "ä" into "ae"). */
  ascii = g_str_to_ascii (title, "C");
  slug = g_string_sized_new (strlen (ascii));

  for (const char *p = ascii; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isalnum (c) || c == '_')
        g_string_append_c (slug, c);
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }

  if (slug->len > PUB_SLUG_MAX_LENGTH)
    g_string_truncate (slug, PUB_SLUG_MAX_LENGTH);
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  return g_string_free (slug, FALSE);
}

const char *
pub_slug_check (const char *name)
{
  size_t len = name != NULL ? strlen (name) : 0;

  if (len == 0)
    return _("Enter a web address name for the dataset.");
  if (len < PUB_SLUG_MIN_LENGTH)
    return _("The web address name must be at least 2 characters long.");
  if (len > PUB_SLUG_MAX_LENGTH)
    return _("The web address name can be at most 100 characters long.");

  for (const char *p = name; *p != '\0'; p++)
    {
      if (!is_name_char (*p))
        return _("Use only lower-case letters without accents, numbers, “-” and “_”.");
    }

  for (guint i = 0; i < G_N_ELEMENTS (reserved_names); i++)
    {
      if (strcmp (name, reserved_names[i]) == 0)
        return _("The portal reserves this name for its own pages; choose another.");
    }

  return NULL;
}
