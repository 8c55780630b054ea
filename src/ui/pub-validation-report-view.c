/* pub-validation-report-view.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-anonymize-columns.h"
#include "pub-validation-report-view-private.h"

#define DEFAULT_MAX_SHOWN 50

G_DEFINE_FINAL_TYPE (PubValidationReportView, pub_validation_report_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CAN_VALIDATE_AGAIN,
  PROP_PORTAL_BUSY,
  PROP_MAX_ERRORS_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  VALIDATE_AGAIN,
  CANCEL_VALIDATION,
  UTF8_COPY_SAVED,
  ANONYMIZE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
group_add (PubValidationReportView *self,
           guint                    group,
           GtkWidget               *row)
{
  adw_preferences_group_add (self->groups[group], row);
  g_ptr_array_add (self->rows[group], row);
}

static void
group_clear (PubValidationReportView *self,
             guint                    group)
{
  for (guint i = 0; i < self->rows[group]->len; i++)
    adw_preferences_group_remove (self->groups[group], g_ptr_array_index (self->rows[group], i));
  g_ptr_array_set_size (self->rows[group], 0);
}

static const char *
verdict (double score)
{
  if (score >= 9)
    return _("Very good quality");
  if (score >= 7)
    return _("Good quality, with room to improve");
  if (score >= 5)
    return _("Needs work before publishing");
  return _("Not ready to publish");
}

/* Offered only for a local file that has a column to anonymise. */
static gboolean
has_personal_columns (PubValidationReportView *self)
{
  const PubCsvStats *stats;

  if (self->result == NULL || pub_check_result_get_file (self->result) == NULL)
    return FALSE;
  stats = pub_check_result_get_stats (self->result);
  for (guint i = 0; stats != NULL && i < stats->n_columns; i++)
    if (pub_anonymize_column_is_flagged (&stats->columns[i]))
      return TRUE;
  return FALSE;
}

static void
update_summary (PubValidationReportView *self)
{
  const PubCsvStats *stats = self->result ? pub_check_result_get_stats (self->result) : NULL;
  double overall;
  g_autofree char *text = NULL;
  GString *summary;

  gtk_widget_remove_css_class (GTK_WIDGET (self->score_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->score_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->score_label), "error");
  gtk_widget_set_visible (self->summary_box, self->score != NULL);
  if (!self->score)
    return;

  overall = pub_quality_score_get_overall (self->score);
  text = g_strdup_printf ("%.1f", overall);
  gtk_label_set_label (self->score_label, text);
  gtk_widget_add_css_class (GTK_WIDGET (self->score_label),
                            overall >= 8 ? "success" : overall >= 5 ? "warning" : "error");
  gtk_label_set_label (self->verdict_label, verdict (overall));

  summary = g_string_new (NULL);
  if (stats)
    {
      g_autofree char *rows = pub_validation_report_format_count (stats->n_rows);
      char delimiter[8];

      if (stats->dialect.delimiter == '\t')
        g_strlcpy (delimiter, _("tab"), sizeof delimiter);
      else
        g_snprintf (delimiter, sizeof delimiter, "«%c»", stats->dialect.delimiter);
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%s row", "%s rows", stats->n_rows), rows);
      g_string_append (summary, " · ");
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u column", "%u columns", stats->n_columns),
                              stats->n_columns);
      g_string_append_printf (summary, " · %s · ", stats->encoding == PUB_ENCODING_WINDOWS_1252 ? "Windows-1252"
                              : pub_encoding_to_charset (stats->encoding));
      g_string_append_printf (summary, _("separator %s"), delimiter);
    }
  else if (self->result)
    g_string_append_printf (summary, _("Format: %s"), pub_file_format_to_label (pub_check_result_get_format (self->result)));
  gtk_widget_set_visible (self->anonymize_button, has_personal_columns (self));
  gtk_widget_set_visible (self->utf8_copy_button,
                          self->result && pub_check_result_get_file (self->result) &&
                          pub_check_result_wants_utf8_copy (self->result));
  gtk_label_set_label (self->summary_label, summary->str);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary->len > 0);
  g_string_free (summary, TRUE);
}

static void
update_criteria (PubValidationReportView *self)
{
  GPtrArray *findings;

  group_clear (self, GROUP_CRITERIA);
  group_clear (self, GROUP_FINDINGS);
  gtk_widget_set_visible (GTK_WIDGET (self->groups[GROUP_CRITERIA]), self->score != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->groups[GROUP_FINDINGS]), self->score != NULL);
  if (!self->score)
    return;

  for (guint c = 0; c < PUB_N_CRITERIA; c++)
    {
      double value = pub_quality_score_get_criterion (self->score, c);
      GtkWidget *row, *bar, *label;
      g_autofree char *text = NULL;

      /* A portal's score may leave criteria out. */
      if (value < 0)
        continue;
      row = pub_validation_report_plain_row (pub_quality_criterion_to_label (c), NULL, NULL);
      bar = gtk_level_bar_new_for_interval (0, 10);
      text = g_strdup_printf ("%.1f", value);
      label = gtk_label_new (text);

      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW, 4.99);
      gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH, 7.99);
      gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL, 10);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), value);
      gtk_widget_set_size_request (bar, 160, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pub_quality_criterion_to_label (c), -1);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_set_size_request (label, 36, -1);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_widget_set_name (row, pub_quality_criterion_to_string (c));
      group_add (self, GROUP_CRITERIA, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->groups[GROUP_CRITERIA]), self->rows[GROUP_CRITERIA]->len > 0);
  findings = pub_quality_score_get_findings (self->score);
  /* A score without a file behind it (a portal's) has no findings to
   * report: its recommendations are shown apart. */
  if (!findings->len && !self->local && !self->result)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->groups[GROUP_FINDINGS]), FALSE);
      return;
    }
  if (!findings->len)
    group_add (self, GROUP_FINDINGS, pub_validation_report_plain_row (_("Nothing to improve: the file is ready to publish"), NULL,
                                                "emblem-ok-symbolic"));
  for (guint i = 0; i < findings->len; i++)
    {
      PubQualityFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *points = g_strdup_printf ("−%g", f->points);
      GtkWidget *row = pub_validation_report_plain_row (f->recommendation, pub_quality_criterion_to_label (f->criterion), NULL);
      GtkWidget *label = gtk_label_new (points);
      g_autofree char *a11y = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%g point less", "%g points less",
                                                            (gulong) f->points), f->points);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      {
        g_autofree char *name = g_strconcat ("finding-", f->finding, NULL);
        gtk_widget_set_name (row, name);
      }
      group_add (self, GROUP_FINDINGS, row);
    }
}

static void
update_columns (PubValidationReportView *self)
{
  const PubCsvStats *stats = self->result ? pub_check_result_get_stats (self->result) : NULL;

  group_clear (self, GROUP_COLUMNS);
  gtk_widget_set_visible (GTK_WIDGET (self->groups[GROUP_COLUMNS]), stats && stats->n_columns);
  if (stats)
    pub_validation_report_add_columns (self->groups[GROUP_COLUMNS], self->rows[GROUP_COLUMNS], stats,
                                       self->max_shown);
}

static void
update_errors (PubValidationReportView *self)
{
  group_clear (self, GROUP_ERRORS);
  gtk_widget_set_visible (GTK_WIDGET (self->groups[GROUP_ERRORS]), self->local != NULL);
  if (self->local)
    pub_validation_report_add_errors (self->groups[GROUP_ERRORS], self->rows[GROUP_ERRORS], self->local, self->max_shown);
}

static char *
format_timestamp (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = iso ? g_date_time_new_from_iso8601 (iso, utc) : NULL;
  g_autoptr(GDateTime) local = time ? g_date_time_to_local (time) : NULL;

  return local ? g_date_time_format (local, "%x %H:%M") : NULL;
}

static void
update_portal (PubValidationReportView *self)
{
  const char *status;
  const char *title, *icon;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;

  group_clear (self, GROUP_PORTAL);
  gtk_widget_set_visible (GTK_WIDGET (self->groups[GROUP_PORTAL]), self->portal || self->can_validate_again);
  gtk_widget_set_visible (self->validate_again_button, self->can_validate_again);
  gtk_widget_set_visible (self->portal_spinner, self->portal_busy);
  gtk_widget_set_visible (self->cancel_validation_button, self->portal_busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.cancel-validation", self->portal_busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->portal_spinner), self->portal_busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.validate-again",
                                 self->can_validate_again && !self->portal_busy);
  gtk_widget_set_visible (self->portal_export_button, self->portal != NULL);
  if (!self->portal)
    {
      group_add (self, GROUP_PORTAL, pub_validation_report_plain_row (_("The portal has not validated this resource yet"), NULL,
                                                "dialog-information-symbolic"));
      return;
    }

  status = ckan_validation_report_get_status (self->portal);
  if (g_strcmp0 (status, "created") == 0)
    {
      title = _("The portal has queued the validation");
      icon = "content-loading-symbolic";
    }
  else if (g_strcmp0 (status, "running") == 0)
    {
      title = _("The portal is validating the file");
      icon = "content-loading-symbolic";
    }
  else if (g_strcmp0 (status, "error") == 0)
    {
      title = _("The portal could not validate the file");
      icon = "dialog-error-symbolic";
    }
  else if (ckan_validation_report_get_valid (self->portal))
    {
      title = _("The portal found no errors");
      icon = "emblem-ok-symbolic";
    }
  else
    {
      title = _("The portal found errors");
      icon = "dialog-warning-symbolic";
    }
  when = format_timestamp (ckan_validation_report_get_finished (self->portal));
  if (!when)
    when = format_timestamp (ckan_validation_report_get_created (self->portal));
  if (ckan_validation_report_get_job_error (self->portal))
    subtitle = g_strdup (ckan_validation_report_get_job_error (self->portal));
  else if (when)
    subtitle = g_strdup_printf (_("Validated on %s"), when);
  group_add (self, GROUP_PORTAL, pub_validation_report_plain_row (title, subtitle, icon));

  if (g_strcmp0 (status, "success") == 0 || g_strcmp0 (status, "failure") == 0 ||
      ckan_validation_report_get_n_errors (self->portal) > 0 || !status)
    pub_validation_report_add_errors (self->groups[GROUP_PORTAL], self->rows[GROUP_PORTAL], self->portal, self->max_shown);
}

static void
update (PubValidationReportView *self)
{
  gboolean any = self->local || self->score || self->portal || self->can_validate_again || self->has_ai;

  gtk_stack_set_visible_child_name (self->stack, any ? "report" : "empty");
  gtk_widget_set_visible (self->local_export_button, self->local != NULL);
  update_summary (self);
  update_criteria (self);
  update_columns (self);
  update_errors (self);
  update_portal (self);
}

void
pub_validation_report_view_set_local (PubValidationReportView *self,
                                      CkanValidationReport    *report,
                                      PubQualityScore         *score)
{
  g_return_if_fail (PUB_IS_VALIDATION_REPORT_VIEW (self));

  g_set_object (&self->local, report);
  g_set_object (&self->score, score);
  if (!report && !score)
    g_clear_object (&self->result);
  update (self);
}

void
pub_validation_report_view_set_result (PubValidationReportView *self,
                                       PubCheckResult          *result)
{
  g_return_if_fail (PUB_IS_VALIDATION_REPORT_VIEW (self));

  g_set_object (&self->result, result);
  pub_validation_report_view_set_local (self, result ? pub_check_result_get_report (result) : NULL,
                                        result ? pub_check_result_get_score (result) : NULL);
}

void
pub_validation_report_view_set_portal (PubValidationReportView *self,
                                       CkanValidationReport    *report)
{
  g_return_if_fail (PUB_IS_VALIDATION_REPORT_VIEW (self));

  g_set_object (&self->portal, report);
  /* The portal quotes cells as they are: personal values are masked before
   * they are shown or exported. */
  if (report)
    ckan_validation_report_mask_cells (report, pub_check_mask_value, NULL);
  update (self);
}

void
pub_validation_report_view_set_can_validate_again (PubValidationReportView *self,
                                                   gboolean                 can)
{
  g_return_if_fail (PUB_IS_VALIDATION_REPORT_VIEW (self));

  can = !!can;
  if (self->can_validate_again == can)
    return;
  self->can_validate_again = can;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_VALIDATE_AGAIN]);
}

gboolean
pub_validation_report_view_get_can_validate_again (PubValidationReportView *self)
{
  g_return_val_if_fail (PUB_IS_VALIDATION_REPORT_VIEW (self), FALSE);
  return self->can_validate_again;
}

void
pub_validation_report_view_set_portal_busy (PubValidationReportView *self,
                                            gboolean                 busy)
{
  g_return_if_fail (PUB_IS_VALIDATION_REPORT_VIEW (self));

  busy = !!busy;
  if (self->portal_busy == busy)
    return;
  self->portal_busy = busy;
  update_portal (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORTAL_BUSY]);
}

void
pub_validation_report_view_set_ai_result (PubValidationReportView *self,
                                          double                   score,
                                          const char * const      *recommendations)
{
  g_return_if_fail (PUB_IS_VALIDATION_REPORT_VIEW (self));

  group_clear (self, GROUP_AI);
  self->has_ai = score >= 0 || recommendations;
  gtk_widget_set_visible (GTK_WIDGET (self->groups[GROUP_AI]), self->has_ai);
  if (score >= 0)
    {
      g_autofree char *text = g_strdup_printf (_("Score %.1f out of 10"), score);
      group_add (self, GROUP_AI, pub_validation_report_plain_row (text, NULL, "starred-symbolic"));
    }
  for (guint i = 0; recommendations && recommendations[i]; i++)
    group_add (self, GROUP_AI, pub_validation_report_plain_row (recommendations[i], NULL, NULL));
  update (self);
}

void
pub_validation_report_view_set_max_errors_shown (PubValidationReportView *self,
                                                 guint                    max)
{
  g_return_if_fail (PUB_IS_VALIDATION_REPORT_VIEW (self));

  if (self->max_shown == max)
    return;
  self->max_shown = max;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_ERRORS_SHOWN]);
}

typedef struct {
  PubValidationReportView *self;
  GFile                   *dest;
} CopyData;

static void
utf8_copy_written_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  CopyData *data = user_data;
  g_autoptr(PubValidationReportView) self = data->self;
  g_autoptr(GFile) dest = data->dest;
  g_autoptr(GFile) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  GtkWidget *overlay;

  g_free (data);
  written = pub_check_write_utf8_copy_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (self->utf8_copy_button, TRUE);
  if (error)
    text = g_strdup_printf (_("The UTF-8 copy could not be saved: %s"), error->message);
  else
    {
      /* Not always dest: an earlier copy keeps its name. */
      name = g_file_get_basename (written);
      text = g_strdup_printf (_("Saved “%s”: publish it instead of the original"), name);
    }
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  /* Last: a handler may put the copy in place and close this view. */
  g_signal_emit (self, signals[UTF8_COPY_SAVED], 0, written);
}

static void
utf8_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PubValidationReportView *self = PUB_VALIDATION_REPORT_VIEW (widget);
  const PubCsvStats *stats;
  GFile *file;
  CopyData *data;

  if (!self->result || !(file = pub_check_result_get_file (self->result)) ||
      !(stats = pub_check_result_get_stats (self->result)))
    return;
  data = g_new0 (CopyData, 1);
  data->self = g_object_ref (self);
  data->dest = pub_check_utf8_copy_destination (file);
  gtk_widget_set_sensitive (self->utf8_copy_button, FALSE);
  pub_check_write_utf8_copy_async (file, stats->encoding, data->dest, self->cancellable,
                                   utf8_copy_written_cb, data);
}

void
pub_validation_report_view_set_differences (PubValidationReportView *self,
                                            const char * const      *sentences)
{
  g_return_if_fail (PUB_IS_VALIDATION_REPORT_VIEW (self));

  group_clear (self, GROUP_DIFFERENCES);
  gtk_widget_set_visible (GTK_WIDGET (self->groups[GROUP_DIFFERENCES]), sentences != NULL);
  if (sentences && !sentences[0])
    group_add (self, GROUP_DIFFERENCES, pub_validation_report_plain_row (_("Both reports agree"), NULL, "emblem-ok-symbolic"));
  for (guint i = 0; sentences && sentences[i]; i++)
    group_add (self, GROUP_DIFFERENCES, pub_validation_report_plain_row (sentences[i], NULL, "dialog-information-symbolic"));
}

void
pub_validation_report_view_set_score_origin (PubValidationReportView *self,
                                             const char              *origin)
{
  g_return_if_fail (PUB_IS_VALIDATION_REPORT_VIEW (self));

  gtk_label_set_label (self->origin_label, origin ? origin : "");
  gtk_widget_set_visible (GTK_WIDGET (self->origin_label), origin && *origin);
}

static void
cancel_validation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_signal_emit (widget, signals[CANCEL_VALIDATION], 0);
}

static void
anonymize_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit (widget, signals[ANONYMIZE], 0);
}

static void
validate_again_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_signal_emit (widget, signals[VALIDATE_AGAIN], 0);
}

GtkWidget *
pub_validation_report_view_new (void)
{
  return g_object_new (PUB_TYPE_VALIDATION_REPORT_VIEW, NULL);
}

static void
pub_validation_report_view_dispose (GObject *object)
{
  PubValidationReportView *self = PUB_VALIDATION_REPORT_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_VALIDATION_REPORT_VIEW);
  g_clear_object (&self->result);
  g_clear_object (&self->local);
  g_clear_object (&self->score);
  g_clear_object (&self->portal);

  G_OBJECT_CLASS (pub_validation_report_view_parent_class)->dispose (object);
}

static void
pub_validation_report_view_finalize (GObject *object)
{
  PubValidationReportView *self = PUB_VALIDATION_REPORT_VIEW (object);

  for (guint i = 0; i < N_GROUPS; i++)
    g_ptr_array_unref (self->rows[i]);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pub_validation_report_view_parent_class)->finalize (object);
}

static void
pub_validation_report_view_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  PubValidationReportView *self = PUB_VALIDATION_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CAN_VALIDATE_AGAIN:
      g_value_set_boolean (value, self->can_validate_again);
      break;
    case PROP_PORTAL_BUSY:
      g_value_set_boolean (value, self->portal_busy);
      break;
    case PROP_MAX_ERRORS_SHOWN:
      g_value_set_uint (value, self->max_shown);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_validation_report_view_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  PubValidationReportView *self = PUB_VALIDATION_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CAN_VALIDATE_AGAIN:
      pub_validation_report_view_set_can_validate_again (self, g_value_get_boolean (value));
      break;
    case PROP_PORTAL_BUSY:
      pub_validation_report_view_set_portal_busy (self, g_value_get_boolean (value));
      break;
    case PROP_MAX_ERRORS_SHOWN:
      pub_validation_report_view_set_max_errors_shown (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_validation_report_view_class_init (PubValidationReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_validation_report_view_dispose;
  object_class->finalize = pub_validation_report_view_finalize;
  object_class->get_property = pub_validation_report_view_get_property;
  object_class->set_property = pub_validation_report_view_set_property;

  properties[PROP_CAN_VALIDATE_AGAIN] =
    g_param_spec_boolean ("can-validate-again", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PORTAL_BUSY] =
    g_param_spec_boolean ("portal-busy", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_ERRORS_SHOWN] =
    g_param_spec_uint ("max-errors-shown", NULL, NULL, 1, G_MAXUINT, DEFAULT_MAX_SHOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The owner runs resource_validation_run and feeds the new report back. */
  signals[VALIDATE_AGAIN] =
    g_signal_new ("validate-again", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* "Stop Following" while the portal validates. */
  signals[CANCEL_VALIDATION] =
    g_signal_new ("cancel-validation", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* The UTF-8 copy was written (the GFile of the copy). */
  signals[UTF8_COPY_SAVED] =
    g_signal_new ("utf8-copy-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  /* "Create Anonymised Copy…" was pressed: whoever shows the report knows
   * the draft, and opens the page for it. */
  signals[ANONYMIZE] =
    g_signal_new ("anonymize", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/publicador/Publicador/ui/pub-validation-report-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PubValidationReportView, stack);
  gtk_widget_class_bind_template_child (widget_class, PubValidationReportView, summary_box);
  gtk_widget_class_bind_template_child (widget_class, PubValidationReportView, score_label);
  gtk_widget_class_bind_template_child (widget_class, PubValidationReportView, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, PubValidationReportView, summary_label);
  gtk_widget_class_bind_template_child_full (widget_class, "criteria_group", FALSE,
                                             G_STRUCT_OFFSET (PubValidationReportView, groups[GROUP_CRITERIA]));
  gtk_widget_class_bind_template_child_full (widget_class, "findings_group", FALSE,
                                             G_STRUCT_OFFSET (PubValidationReportView, groups[GROUP_FINDINGS]));
  gtk_widget_class_bind_template_child_full (widget_class, "columns_group", FALSE,
                                             G_STRUCT_OFFSET (PubValidationReportView, groups[GROUP_COLUMNS]));
  gtk_widget_class_bind_template_child_full (widget_class, "errors_group", FALSE,
                                             G_STRUCT_OFFSET (PubValidationReportView, groups[GROUP_ERRORS]));
  gtk_widget_class_bind_template_child_full (widget_class, "portal_group", FALSE,
                                             G_STRUCT_OFFSET (PubValidationReportView, groups[GROUP_PORTAL]));
  gtk_widget_class_bind_template_child_full (widget_class, "ai_group", FALSE,
                                             G_STRUCT_OFFSET (PubValidationReportView, groups[GROUP_AI]));
  gtk_widget_class_bind_template_child (widget_class, PubValidationReportView, portal_spinner);
  gtk_widget_class_bind_template_child (widget_class, PubValidationReportView, validate_again_button);
  gtk_widget_class_bind_template_child (widget_class, PubValidationReportView, cancel_validation_button);
  gtk_widget_class_bind_template_child (widget_class, PubValidationReportView, origin_label);
  gtk_widget_class_bind_template_child_full (widget_class, "differences_group", FALSE,
                                             G_STRUCT_OFFSET (PubValidationReportView, groups[GROUP_DIFFERENCES]));
  gtk_widget_class_bind_template_child (widget_class, PubValidationReportView, local_export_button);
  gtk_widget_class_bind_template_child (widget_class, PubValidationReportView, portal_export_button);
  gtk_widget_class_bind_template_child (widget_class, PubValidationReportView, utf8_copy_button);
  gtk_widget_class_bind_template_child (widget_class, PubValidationReportView, anonymize_button);

  gtk_widget_class_install_action (widget_class, "report.export", "s", pub_validation_report_view_export_action);
  gtk_widget_class_install_action (widget_class, "report.validate-again", NULL, validate_again_action);
  gtk_widget_class_install_action (widget_class, "report.cancel-validation", NULL, cancel_validation_action);
  gtk_widget_class_install_action (widget_class, "report.utf8-copy", NULL, utf8_copy_action);
  gtk_widget_class_install_action (widget_class, "report.anonymize", NULL, anonymize_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "validationreport");
}

static void
pub_validation_report_view_init (PubValidationReportView *self)
{
  self->max_shown = DEFAULT_MAX_SHOWN;
  self->cancellable = g_cancellable_new ();
  for (guint i = 0; i < N_GROUPS; i++)
    self->rows[i] = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  {
    PangoAttrList *attrs = pango_attr_list_new ();

    /* The score is the first thing to read: make it big. */
    pango_attr_list_insert (attrs, pango_attr_scale_new (1.8));
    gtk_label_set_attributes (self->score_label, attrs);
    pango_attr_list_unref (attrs);
  }
  update (self);
}
