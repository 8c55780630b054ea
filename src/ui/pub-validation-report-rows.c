/* pub-validation-report-rows.c: the rows a report is shown with
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-validation-report-view-private.h"

static void
add_row (AdwPreferencesGroup *group,
         GPtrArray           *rows,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

const char *
pub_validation_type_title (const char *type)
{
  static const struct { const char *type; const char *title; } titles[] = {
    { "blank-label", N_("Column without a name") },
    { "duplicate-label", N_("Repeated column name") },
    { "missing-label", N_("Missing column name") },
    { "extra-label", N_("Extra column name") },
    { "incorrect-label", N_("Unexpected column name") },
    { "blank-header", N_("Empty header") },
    { "missing-header", N_("Header missing") },
    { "extra-cell", N_("Extra value in a row") },
    { "missing-cell", N_("Missing value in a row") },
    { "blank-row", N_("Empty row") },
    { "duplicate-row", N_("Repeated row") },
    { "type-error", N_("Wrong data type") },
    { "constraint-error", N_("Value breaks a rule") },
    { "unique-error", N_("Repeated value that should be unique") },
    { "primary-key", N_("Repeated key") },
    { "foreign-key", N_("Reference not found") },
    { "row-constraint", N_("Row breaks a rule") },
    { "truncated-value", N_("Value cut short") },
    { "forbidden-value", N_("Value not allowed") },
    { "sequential-value", N_("Broken sequence") },
    { "ascii-value", N_("Characters outside ASCII") },
    { "encoding-error", N_("Encoding problem") },
    { "format-error", N_("File format problem") },
    { "source-error", N_("The file could not be read in full") },
    { "scheme-error", N_("The file could not be reached") },
    { "personal-data", N_("Personal data") },
    { "no-data-rows", N_("No rows of data") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_strcmp0 (type, titles[i].type) == 0)
      return _(titles[i].title);
  return NULL;
}

GtkWidget *
pub_validation_report_plain_row (const char *title,
           const char *subtitle,
           const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  if (icon_name)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);
  return row;
}

/* Numbers for people: 12.345 in Spanish, 12,345 in English. */
char *
pub_validation_report_format_count (guint64 n)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

static char *
error_location (const CkanValidationError *e)
{
  const char *name = e->field_name && *e->field_name ? e->field_name : NULL;

  if (e->row_number > 0 && e->field_number > 0 && name)
    return g_strdup_printf (_("Row %lld, column %d (%s)"), (long long) e->row_number, e->field_number, name);
  if (e->row_number > 0 && e->field_number > 0)
    return g_strdup_printf (_("Row %lld, column %d"), (long long) e->row_number, e->field_number);
  if (e->row_number > 0)
    return g_strdup_printf (_("Row %lld"), (long long) e->row_number);
  if (e->field_number > 0 && name)
    return g_strdup_printf (_("Column %d (%s)"), e->field_number, name);
  if (e->field_number > 0)
    return g_strdup_printf (_("Column %d"), e->field_number);
  if (e->byte_offset >= 0)
    return g_strdup_printf (_("Byte %lld of the file"), (long long) e->byte_offset);
  return NULL;
}

static GtkWidget *
error_row (const CkanValidationError *e)
{
  g_autofree char *location = error_location (e);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (e->cell && *e->cell && e->message)
    subtitle = g_strdup_printf ("«%s» — %s", e->cell, e->message);
  else if (e->cell && *e->cell)
    subtitle = g_strdup_printf ("«%s»", e->cell);
  else
    subtitle = g_strdup (e->message);

  if (!location)
    return pub_validation_report_plain_row (subtitle, NULL, NULL);
  row = pub_validation_report_plain_row (location, subtitle, NULL);
  gtk_widget_add_css_class (row, "error-row");
  return row;
}

static guint
count_columns (GPtrArray *errors)
{
  g_autoptr(GHashTable) columns = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < errors->len; i++)
    {
      const CkanValidationError *e = g_ptr_array_index (errors, i);

      g_hash_table_add (columns, GINT_TO_POINTER (e->field_number));
    }
  return g_hash_table_size (columns);
}

void
pub_validation_report_add_errors (AdwPreferencesGroup  *group,
                                  GPtrArray            *rows,
                                  CkanValidationReport *report,
                                  guint                 max_shown)
{
  g_auto(GStrv) types = ckan_validation_report_dup_types (report);

  if (!types[0])
    {
      add_row (group, rows, pub_validation_report_plain_row (_("No errors found"), NULL, "emblem-ok-symbolic"));
      return;
    }

  for (guint t = 0; types[t]; t++)
    {
      guint64 n = ckan_validation_report_get_n_errors_of_type (report, types[t]);
      GPtrArray *errors = ckan_validation_report_get_errors_of_type (report, types[t]);
      guint stored = errors ? errors->len : 0;
      guint shown = MIN (stored, max_shown);
      const char *title = pub_validation_type_title (types[t]);
      g_autofree char *count = pub_validation_report_format_count (n);
      g_autofree char *subtitle = NULL;
      GtkWidget *expander = adw_expander_row_new ();

      if (!title && stored)
        title = ((CkanValidationError *) g_ptr_array_index (errors, 0))->title;
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title ? title : types[t]);
      /* Personal data is found per column (one finding per kind of value):
       * the count people need is the columns'. */
      if (g_str_equal (types[t], "personal-data") && stored == n)
        {
          guint n_columns = count_columns (errors);

          subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u column with personal data",
                                                   "%u columns with personal data", n_columns),
                                      n_columns);
        }
      else
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s error", "%s errors", n), count);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      adw_expander_row_set_icon_name (ADW_EXPANDER_ROW (expander),
                                      g_str_equal (types[t], "personal-data") ? "security-high-symbolic"
                                                                               : "dialog-warning-symbolic");
      gtk_widget_set_name (expander, types[t]);

      for (guint i = 0; i < shown; i++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), error_row (g_ptr_array_index (errors, i)));
      if (n > shown)
        {
          g_autofree char *more_count = pub_validation_report_format_count (n - shown);
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %s more", "And %s more", n - shown),
                                                   more_count);
          GtkWidget *row = pub_validation_report_plain_row (more, stored > shown ? _("Export the report to see the rest")
                                                           : _("Only the first ones were kept; correct these and check again"),
                                      NULL);

          gtk_widget_add_css_class (row, "dim-label");
          gtk_widget_set_name (row, "more-row");
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }
      add_row (group, rows, expander);
    }

  for (const char * const *w = ckan_validation_report_get_warnings (report); *w; w++)
    add_row (group, rows, pub_validation_report_plain_row (*w, NULL, "dialog-information-symbolic"));
}


void
pub_validation_report_add_columns (AdwPreferencesGroup *group,
                                   GPtrArray           *rows,
                                   const PubCsvStats   *stats,
                                   guint                max_shown)
{
  guint64 data_rows = stats->n_rows - stats->n_blank_rows;
  guint shown = MIN (stats->n_columns, max_shown);

  for (guint i = 0; i < shown; i++)
    {
      const PubColumnStats *col = &stats->columns[i];
      guint64 personal = col->n_personal[PUB_PERSONAL_RUT_FORMATTED] + col->n_personal[PUB_PERSONAL_RUT_PLAIN] +
                         col->n_personal[PUB_PERSONAL_EMAIL] + col->n_personal[PUB_PERSONAL_PHONE] +
                         col->n_personal[PUB_PERSONAL_RUT_WRONG_DIGIT];
      guint empty = data_rows ? (guint) (col->n_empty * 100 / data_rows) : 0;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      /* Rounded down, "0 %" would hide a few empty cells. */
      if (col->n_empty && !empty)
        subtitle = g_strdup_printf (_("%s · less than 1%% empty"), pub_column_type_to_label (col->type));
      else
        subtitle = g_strdup_printf (_("%s · %u%% empty"), pub_column_type_to_label (col->type), empty);
      if (personal || col->personal_label)
        {
          g_autofree char *plain = g_steal_pointer (&subtitle);
          subtitle = g_strdup_printf (_("%s · personal data"), plain);
        }
      row = pub_validation_report_plain_row (col->name, subtitle, NULL);
      /* Every column has the icon's room, so the names line up; only
       * those with personal data show it. */
      {
        GtkWidget *icon = gtk_image_new_from_icon_name ("security-high-symbolic");

        if (personal || col->personal_label)
          gtk_widget_set_tooltip_text (icon, _("Personal data"));
        else
          {
            gtk_widget_set_opacity (icon, 0);
            gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
          }
        gtk_widget_set_name (icon, "personal-icon");
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      }
      add_row (group, rows, row);
    }
  if (stats->n_columns > shown)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more column", "And %u more columns",
                                                            stats->n_columns - shown),
                                               stats->n_columns - shown);
      add_row (group, rows, pub_validation_report_plain_row (more, NULL, NULL));
    }
}
