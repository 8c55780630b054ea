/* test-dataset-address.c: a dataset's web address matched to a portal
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pub-dataset-address.h"

static void
test_match (void)
{
  static const struct {
    const char *address;
    const char *base;
    const char *name;   /* NULL: no match */
  } cases[] = {
    { "https://datos.gob.cl/dataset/matricula-2025", "https://datos.gob.cl", "matricula-2025" },
    { "  https://datos.gob.cl/dataset/matricula-2025/  ", "https://datos.gob.cl", "matricula-2025" },
    { "https://DATOS.gob.cl/dataset/matricula-2025?q=1#x", "https://datos.gob.cl", "matricula-2025" },
    { "https://www.datos.gob.cl/dataset/matricula-2025", "https://datos.gob.cl", "matricula-2025" },
    { "https://datos.gob.cl/dataset/matricula-2025/resource/r1", "https://datos.gob.cl", "matricula-2025" },
    { "https://portal.example/data/dataset/abc", "https://portal.example/data", "abc" },
    { "https://portal.example/dataset/abc", "https://portal.example/data", NULL },
    { "http://127.0.0.1:8080/dataset/x%20y", "http://127.0.0.1:8080", "x y" },
    { "http://127.0.0.1:8081/dataset/x", "http://127.0.0.1:8080", NULL },
    { "http://datos.gob.cl/dataset/x", "https://datos.gob.cl", NULL },
    { "https://otro.cl/dataset/x", "https://datos.gob.cl", NULL },
    { "https://datos.gob.cl/dataset/", "https://datos.gob.cl", NULL },
    { "https://datos.gob.cl/organization/min", "https://datos.gob.cl", NULL },
    { "not an address", "https://datos.gob.cl", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = NULL;
      gboolean matched = pub_dataset_address_match (cases[i].address, cases[i].base, &name);

      g_assert_cmpint (matched, ==, cases[i].name != NULL);
      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

static void
test_looks_like (void)
{
  g_assert_true (pub_dataset_address_looks_like ("https://datos.gob.cl/dataset/x"));
  g_assert_true (pub_dataset_address_looks_like ("http://127.0.0.1:5000/dataset/x"));
  g_assert_false (pub_dataset_address_looks_like ("https://datos.gob.cl/organization/x"));
  g_assert_false (pub_dataset_address_looks_like ("file:///dataset/x"));
  g_assert_false (pub_dataset_address_looks_like ("matricula-2025"));
  g_assert_false (pub_dataset_address_looks_like (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dataset-address/match", test_match);
  g_test_add_func ("/dataset-address/looks-like", test_looks_like);

  return g_test_run ();
}
