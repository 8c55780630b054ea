/* pub-report-compare.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pub-report-compare.h"

/* Frictionless reports these only when a Table Schema says what a column
 * must hold; the local checks use none. */
static const char * const schema_types[] = {
  "type-error", "constraint-error", "unique-error", "primary-key", "foreign-key",
  "forbidden-value", "sequential-value", "row-constraint", "truncated-value", NULL
};

static gboolean
has_any (CkanValidationReport *report,
         gboolean            (*pick) (const char *type))
{
  g_auto(GStrv) types = ckan_validation_report_dup_types (report);

  for (guint i = 0; types && types[i]; i++)
    if (pick (types[i]) && ckan_validation_report_get_n_errors_of_type (report, types[i]) > 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_schema_type (const char *type)
{
  return g_strv_contains (schema_types, type);
}

static gboolean
is_local_only_type (const char *type)
{
  return g_str_has_prefix (type, "personal-") || g_str_equal (type, "personal-data") ||
         g_str_has_prefix (type, "mixed-") || g_str_equal (type, "decimal-comma") ||
         g_str_equal (type, "empty-column") || g_str_equal (type, "empty-cells") ||
         g_str_equal (type, "not-machine-readable");
}

/* Types both reports could have found, seen in one and not in the other. */
static char *
shared_type_seen_once (CkanValidationReport *a,
                       CkanValidationReport *b)
{
  g_auto(GStrv) types = ckan_validation_report_dup_types (a);

  for (guint i = 0; types && types[i]; i++)
    if (!is_schema_type (types[i]) && !is_local_only_type (types[i]) &&
        ckan_validation_report_get_n_errors_of_type (a, types[i]) > 0 &&
        ckan_validation_report_get_n_errors_of_type (b, types[i]) == 0)
      return g_strdup (types[i]);
  return NULL;
}

GStrv
pub_report_compare (CkanValidationReport *local,
                    CkanValidationReport *portal)
{
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  g_autofree char *portal_only = NULL;
  g_autofree char *local_only = NULL;
  gint64 local_rows, portal_rows;

  g_return_val_if_fail (CKAN_IS_VALIDATION_REPORT (local) && CKAN_IS_VALIDATION_REPORT (portal), NULL);

  local_rows = ckan_validation_report_get_rows (local);
  portal_rows = ckan_validation_report_get_rows (portal);
  if (local_rows >= 0 && portal_rows >= 0 && local_rows != portal_rows)
    {
      g_autofree char *portal_text = g_strdup_printf ("%" G_GINT64_FORMAT, portal_rows);
      g_autofree char *local_text = g_strdup_printf ("%" G_GINT64_FORMAT, local_rows);
      /* Translators: numbers of rows read by the portal and by this computer */
      g_autofree char *text = g_strdup_printf (_("The portal read %s rows and this computer %s: the portal may hold "
                                                 "another version of the file."), portal_text, local_text);

      g_strv_builder_add (out, text);
    }
  if (has_any (portal, is_schema_type))
    g_strv_builder_add (out, _("The portal checked the file against a schema (the type and rules of each column); "
                               "the checks on this computer use none, so they cannot find those errors."));
  if (has_any (local, is_local_only_type))
    g_strv_builder_add (out, _("The checks on this computer also look for personal data and for columns "
                               "written in more than one way; the portal does not."));
  portal_only = shared_type_seen_once (portal, local);
  local_only = shared_type_seen_once (local, portal);
  if (portal_only || local_only)
    g_strv_builder_add (out, _("Each side found problems the other did not: they may have read the file "
                               "with a different separator or encoding."));
  return g_strv_builder_end (out);
}
