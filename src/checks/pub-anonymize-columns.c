/* pub-anonymize-columns.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pub-anonymize-columns.h"

static guint64
n_ruts (const PubColumnStats *column)
{
  return column->n_personal[PUB_PERSONAL_RUT_FORMATTED] + column->n_personal[PUB_PERSONAL_RUT_PLAIN] +
         column->n_personal[PUB_PERSONAL_RUT_WRONG_DIGIT];
}

gboolean
pub_anonymize_column_is_flagged (const PubColumnStats *column)
{
  return n_ruts (column) + column->n_personal[PUB_PERSONAL_EMAIL] + column->n_personal[PUB_PERSONAL_PHONE] > 0 ||
         column->personal_label != NULL;
}

PubAnonymizeAction
pub_anonymize_column_default_action (const PubColumnStats *column)
{
  guint64 ruts = n_ruts (column);
  guint64 emails = column->n_personal[PUB_PERSONAL_EMAIL];
  guint64 phones = column->n_personal[PUB_PERSONAL_PHONE];

  if (!pub_anonymize_column_is_flagged (column))
    return PUB_ANONYMIZE_KEEP;
  if (ruts > 0 && ruts >= emails && ruts >= phones)
    return PUB_ANONYMIZE_PSEUDONYMIZE;
  if (emails > 0 && emails >= phones)
    return PUB_ANONYMIZE_GENERALIZE;
  return PUB_ANONYMIZE_DROP;
}

gboolean
pub_anonymize_column_can_generalize (const PubColumnStats *column)
{
  guint64 ruts = n_ruts (column);

  return ruts == 0 || ruts < column->n_personal[PUB_PERSONAL_EMAIL] + column->n_personal[PUB_PERSONAL_PHONE];
}

/* Grouped the way the user's locale groups thousands; NULL for none. */
static char *
count_text (GString *text,
            guint64  n)
{
  if (n == 0)
    return NULL;
  if (text->len > 0)
    g_string_append (text, " · ");
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

char *
pub_anonymize_column_describe (const PubColumnStats *column)
{
  GString *text = g_string_new (NULL);
  guint64 ruts = n_ruts (column);
  guint64 emails = column->n_personal[PUB_PERSONAL_EMAIL];
  guint64 phones = column->n_personal[PUB_PERSONAL_PHONE];
  char *number;

  if ((number = count_text (text, ruts)) != NULL)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s RUT number", "%s RUT numbers", ruts), number);
  g_clear_pointer (&number, g_free);
  if ((number = count_text (text, emails)) != NULL)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s e-mail address", "%s e-mail addresses", emails),
                            number);
  g_clear_pointer (&number, g_free);
  if ((number = count_text (text, phones)) != NULL)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s phone number", "%s phone numbers", phones),
                            number);
  g_clear_pointer (&number, g_free);
  if (text->len == 0 && column->personal_label != NULL)
    g_string_append_printf (text, _("its name says personal data («%s»)"), column->personal_label);
  return g_string_free (text, FALSE);
}
