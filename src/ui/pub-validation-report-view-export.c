/* pub-validation-report-view-export.c: saving a report as JSON or CSV
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-validation-report-view-private.h"

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  g_assert (G_IS_TASK (task));

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
pub_validation_report_view_export_async (PubValidationReportView *self,
                                         PubReportSource          source,
                                         PubReportFormat          format,
                                         GFile                   *file,
                                         GCancellable            *cancellable,
                                         GAsyncReadyCallback      callback,
                                         gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  CkanValidationReport *report;
  char *text;

  g_return_if_fail (PUB_IS_VALIDATION_REPORT_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_validation_report_view_export_async);
  report = source == PUB_REPORT_PORTAL ? self->portal : self->local;
  if (!report)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s", _("There is no report to export"));
      return;
    }
  /* The report keeps at most a thousand errors per type: small. */
  text = format == PUB_REPORT_FORMAT_CSV ? ckan_validation_report_to_csv (report)
                                         : ckan_validation_report_to_json (report);
  bytes = g_bytes_new_take (text, strlen (text));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, export_written_cb, g_steal_pointer (&task));
}

gboolean
pub_validation_report_view_export_finish (PubValidationReportView *self,
                                          GAsyncResult            *result,
                                          GError                 **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PubValidationReportView *self = PUB_VALIDATION_REPORT_VIEW (source);
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;
  AdwToast *toast;

  if (!pub_validation_report_view_export_finish (self, result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (!overlay)
    return;
  if (error)
    {
      g_autofree char *text = g_strdup_printf (_("The report could not be saved: %s"), error->message);
      toast = adw_toast_new (text);
    }
  else
    toast = adw_toast_new (_("Report exported"));
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  PubValidationReportView *self = user_data;
  g_autoptr(GFile) file = NULL;
  PubReportSource source = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "source"));
  PubReportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "format"));

  g_assert (PUB_IS_VALIDATION_REPORT_VIEW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_clear_object (&self->chooser);
  if (file)
    pub_validation_report_view_export_async (self, source, format, file, self->cancellable, exported_cb, NULL);
}

void
pub_validation_report_view_export_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  PubValidationReportView *self = PUB_VALIDATION_REPORT_VIEW (widget);
  const char *target = g_variant_get_string (parameter, NULL);
  PubReportSource source = g_str_has_prefix (target, "portal") ? PUB_REPORT_PORTAL : PUB_REPORT_LOCAL;
  PubReportFormat format = g_str_has_suffix (target, "csv") ? PUB_REPORT_FORMAT_CSV : PUB_REPORT_FORMAT_JSON;
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export Report"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* The default name is a file name, translated like the rest. */
  name = g_strdup_printf ("%s.%s", source == PUB_REPORT_PORTAL ? _("portal-validation-report") : _("validation-report"),
                          format == PUB_REPORT_FORMAT_CSV ? "csv" : "json");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_object_set_data (G_OBJECT (self->chooser), "source", GINT_TO_POINTER (source));
  g_object_set_data (G_OBJECT (self->chooser), "format", GINT_TO_POINTER (format));
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}
