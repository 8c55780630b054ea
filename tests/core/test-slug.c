/* test-slug.c: URL names from titles, and CKAN's rules for them
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pub-slug.h"

static void
test_slug_transliterates (void)
{
  static const struct {
    const char *title;
    const char *slug;
  } cases[] = {
    { "Año 2024", "ano-2024" },
    { "Región de Ñuble: población", "region-de-nuble-poblacion" },
    { "  Ünïcödé — ÉXITO!  ", "unicode-exito" },
    { "datos_abiertos 2.0", "datos_abiertos-2-0" },
    { "Camión   del   ¿agua?", "camion-del-agua" },
    { "", "" },
    { "¡¿!", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = pub_slug_from_title (cases[i].title);

      g_assert_cmpstr (slug, ==, cases[i].slug);
    }
}

static void
test_slug_length (void)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *slug = NULL;

  for (guint i = 0; i < 30; i++)
    g_string_append (title, "Estadística ");
  slug = pub_slug_from_title (title->str);

  g_assert_cmpuint (strlen (slug), <=, PUB_SLUG_MAX_LENGTH);
  g_assert_true (g_str_has_prefix (slug, "estadistica-estadistica-"));
  /* Cut at 100 and never left ending in a separator. */
  g_assert_false (g_str_has_suffix (slug, "-"));
  g_assert_null (pub_slug_check (slug));
}

static void
test_slug_check (void)
{
  g_autofree char *long_name = g_strnfill (101, 'a');
  g_autofree char *max_name = g_strnfill (100, 'a');

  g_assert_null (pub_slug_check ("ano-2024"));
  g_assert_null (pub_slug_check ("a_1"));
  g_assert_null (pub_slug_check (max_name));
  g_assert_nonnull (pub_slug_check (NULL));
  g_assert_nonnull (pub_slug_check (""));
  g_assert_nonnull (pub_slug_check ("a"));
  g_assert_nonnull (pub_slug_check (long_name));
  g_assert_nonnull (pub_slug_check ("Año"));
  g_assert_nonnull (pub_slug_check ("con espacio"));
  g_assert_nonnull (pub_slug_check ("MAYUS"));
  g_assert_nonnull (pub_slug_check ("new"));
  g_assert_nonnull (pub_slug_check ("edit"));
  g_assert_nonnull (pub_slug_check ("search"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/slug/transliterates", test_slug_transliterates);
  g_test_add_func ("/slug/length", test_slug_length);
  g_test_add_func ("/slug/check", test_slug_check);

  return g_test_run ();
}
