/* test-portal-address.c: what people type as a portal address, and where
 * the browser goes to make a token
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-error.h"
#include "pub-sign-in.h"

static void
test_normalize (void)
{
  static const struct {
    const char *typed;
    const char *expected;
  } cases[] = {
    { "https://datos.gob.cl", "https://datos.gob.cl" },
    { "  https://datos.gob.cl/  ", "https://datos.gob.cl" },
    { "datos.gob.cl", "https://datos.gob.cl" },
    { "HTTPS://datos.gob.cl/", "https://datos.gob.cl" },
    { "https://portal.example/data/", "https://portal.example/data" },
    { "https://portal.example/data?x=1#top", "https://portal.example/data" },
    { "http://127.0.0.1:5000", "http://127.0.0.1:5000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *url = pub_sign_in_normalize_url (cases[i].typed, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (url, ==, cases[i].expected);
    }
}

static void
test_not_addresses (void)
{
  static const char *typed[] = { "", "   ", "datos gob cl", "ftp://datos.gob.cl", "https://", "mailto:a@b.cl" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *url = pub_sign_in_normalize_url (typed[i], &error);

      g_assert_null (url);
      g_assert_error (error, CKAN_ERROR, CKAN_ERROR_INVALID_URL);
    }
}

static void
test_token_page (void)
{
  g_autofree char *known = pub_sign_in_build_token_page_url ("https://datos.gob.cl/", "juana");
  g_autofree char *with_path = pub_sign_in_build_token_page_url ("portal.example/data", "juan perez");
  g_autofree char *unknown = pub_sign_in_build_token_page_url ("https://datos.gob.cl", NULL);
  g_autofree char *nowhere = pub_sign_in_build_token_page_url ("no es una dirección", "juana");

  /* CKAN 2.10/2.11: the "API Tokens" tab of the user's profile. */
  g_assert_cmpstr (known, ==, "https://datos.gob.cl/user/juana/api-tokens");
  g_assert_cmpstr (with_path, ==, "https://portal.example/data/user/juan%20perez/api-tokens");
  /* Before sign-in the name is unknown: the dashboard, which sends someone
   * signed out to the login page first. */
  g_assert_cmpstr (unknown, ==, "https://datos.gob.cl/dashboard/datasets");
  g_assert_null (nowhere);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/portal-address/normalize", test_normalize);
  g_test_add_func ("/core/portal-address/not-addresses", test_not_addresses);
  g_test_add_func ("/core/portal-address/token-page", test_token_page);

  return g_test_run ();
}
