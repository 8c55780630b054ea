/* pub-licenses.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pub-licenses.h"

/* CKAN's default licence ids, as license_list gives them (and as
 * datos.gob.cl keeps them), in the order offered. */
static const struct {
  const char *id;
  const char *description;
} licenses[] = {
  { "cc-by", N_("CC BY 4.0 · anyone may reuse it, crediting the source; recommended by datos.gob.cl") },
  { "cc-zero", N_("CC0 · public domain: anyone may reuse it with no conditions") },
  { "cc-by-sa", N_("CC BY-SA · reuse crediting the source, sharing what is made from it alike") },
  { "odc-by", N_("ODC-BY · for databases: reuse crediting the source") },
  { "odc-odbl", N_("ODbL · for databases: reuse crediting the source, sharing changes alike") },
  { "odc-pddl", N_("PDDL · for databases: public domain, no conditions") },
  { "other-at", N_("Another licence that asks for credit, named in the description") },
  { "other-open", N_("Another open licence, named in the description") },
  { "other-pd", N_("Public domain under another text, named in the description") },
  { "uk-ogl", N_("OGL · the United Kingdom government’s licence") },
  { "gfdl", N_("GFDL · made for software manuals, rarely for data") },
  { "cc-nc", N_("CC BY-NC · no commercial reuse: not open data") },
  { "other-nc", N_("Another licence forbidding commercial reuse: not open data") },
  { "other-closed", N_("Not open: reuse is not allowed") },
  { "notspecified", N_("No licence stated: people cannot know what they may do") },
};

guint
pub_license_rank (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (licenses); i++)
    {
      if (g_str_equal (licenses[i].id, id))
        return i;
    }
  return G_N_ELEMENTS (licenses);
}

const char *
pub_license_describe (const char *id)
{
  guint rank = pub_license_rank (id);

  return rank < G_N_ELEMENTS (licenses) ? _(licenses[rank].description) : NULL;
}
