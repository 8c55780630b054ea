/* pub-resource-list-editor-checks.c: the local checks of the editor's
 * files (run after each refresh), what their rows say of them, and the
 * report window they open
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-anonymize-window.h"
#include "pub-personal-data.h"
#include "pub-resource-list-editor-private.h"

/* Below this, a file's quality is worth a look before publishing. */
#define LOW_QUALITY 5.0

/* What the checks found that should show on the row even when it is
 * closed: personal data first, then a low score. NULL when nothing. */
char *
_pub_resource_list_editor_check_flag (PubDraftResource *resource)
{
  PubCheckResult *result = pub_draft_resource_get_last_check (resource);
  PubResourceCheckStatus status = pub_draft_resource_get_check_status (resource);
  CkanValidationReport *report;
  PubQualityScore *score;

  if (result == NULL || status == PUB_RESOURCE_CHECK_NONE || status == PUB_RESOURCE_CHECK_RUNNING)
    return NULL;
  report = pub_check_result_get_report (result);
  score = pub_check_result_get_score (result);
  if (report != NULL && ckan_validation_report_get_n_errors_of_type (report, "personal-data") > 0)
    return g_strdup (_("Personal data"));
  if (score != NULL && pub_quality_score_get_overall (score) < LOW_QUALITY)
    return g_strdup_printf (_("Low quality: %.1f of 10"), pub_quality_score_get_overall (score));
  return NULL;
}

static void
show_toast (PubResourceListEditor *self,
            const char            *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

/* The report saved a UTF-8 copy of a Windows-1252 file: the copy is what
 * gets published, checked again; the report, about the old file, goes. */
static void
utf8_copy_saved_cb (PubValidationReportView *view,
                    GFile                   *copy,
                    PubResourceListEditor   *self)
{
  PubDraftResource *resource = g_object_get_data (G_OBJECT (view), "resource");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (view));
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  g_assert (PUB_IS_RESOURCE_LIST_EDITOR (self));

  if (copy == NULL || resource == NULL || self->draft == NULL)
    return;
  pub_draft_resource_set_file (resource, copy);
  _pub_resource_list_editor_refresh_resource (self, resource);
  name = g_file_get_basename (copy);
  text = g_strdup_printf (_("Now using “%s”, the UTF-8 copy; checking it again"), name);
  show_toast (self, text);
  if (GTK_IS_WINDOW (root))
    gtk_window_destroy (GTK_WINDOW (root));
}

typedef struct {
  PubResourceListEditor *editor;
  PubDraftResource      *resource;
  GtkWindow             *report;   /* weak: closed by the person, maybe */
} AnonymizeData;

static void
anonymize_data_free (gpointer data,
                     GClosure *closure)
{
  AnonymizeData *d = data;

  g_object_unref (d->editor);
  g_object_unref (d->resource);
  g_clear_weak_pointer (&d->report);
  g_free (d);
}

/* The anonymised copy was written: like the UTF-8 copy, it becomes what
 * gets published, and is checked again at once; the report, about the
 * original, goes. */
static void
anonymized_cb (PubAnonymizeWindow *window,
               GFile              *copy,
               AnonymizeData      *d)
{
  g_autofree char *name = g_file_get_basename (copy);
  g_autofree char *text = NULL;

  pub_draft_resource_set_file (d->resource, copy);
  _pub_resource_list_editor_refresh_resource (d->editor, d->resource);
  text = g_strdup_printf (_("Now using “%s”, the anonymised copy; checking it again"), name);
  show_toast (d->editor, text);
  if (d->report != NULL)
    gtk_window_destroy (d->report);
}

static void
anonymize_cb (PubValidationReportView *view,
              PubResourceListEditor   *self)
{
  PubDraftResource *resource = g_object_get_data (G_OBJECT (view), "resource");
  PubCheckResult *result = resource != NULL ? pub_draft_resource_get_last_check (resource) : NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (view));
  AnonymizeData *d;
  GtkWidget *window;

  if (result == NULL || self->draft == NULL)
    return;
  window = pub_anonymize_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->draft, result);
  d = g_new0 (AnonymizeData, 1);
  d->editor = g_object_ref (self);
  d->resource = g_object_ref (resource);
  if (GTK_IS_WINDOW (root))
    g_set_weak_pointer (&d->report, GTK_WINDOW (root));
  g_signal_connect_data (window, "copy-created", G_CALLBACK (anonymized_cb), d, anonymize_data_free, 0);
  gtk_window_present (GTK_WINDOW (window));
}

void
_pub_resource_list_editor_show_report_cb (AdwActionRow          *check_row,
                PubResourceListEditor *self)
{
  PubDraftResource *resource = g_object_get_data (G_OBJECT (check_row), "resource");
  PubCheckResult *result = pub_draft_resource_get_last_check (resource);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *title = NULL;
  GtkWidget *window, *box, *header, *view, *overlay;

  if (result == NULL)
    return;

  title = g_strdup_printf (_("Checks of “%s”"), pub_draft_resource_get_name (resource));
  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 720);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  view = pub_validation_report_view_new ();
  gtk_widget_set_vexpand (view, TRUE);
  pub_validation_report_view_set_result (PUB_VALIDATION_REPORT_VIEW (view), result);
  g_object_set_data_full (G_OBJECT (view), "resource", g_object_ref (resource), g_object_unref);
  g_signal_connect_object (view, "utf8-copy-saved", G_CALLBACK (utf8_copy_saved_cb), self, 0);
  g_signal_connect_object (view, "anonymize", G_CALLBACK (anonymize_cb), self, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), view);
  /* The report's own messages (exported, copy saved, errors) show here. */
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), box);
  adw_window_set_content (ADW_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PubDraftResource) resource = user_data;
  g_autoptr(PubCheckResult) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(JsonNode) findings = NULL;
  CkanValidationReport *report;
  PubQualityScore *score;
  guint64 n_errors;
  guint n_findings;

  g_assert (PUB_IS_DRAFT_RESOURCE (resource));

  check = pub_check_file_finish (result, &error);
  if (check == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        pub_draft_resource_set_check_result (resource, PUB_RESOURCE_CHECK_ERRORS, error->message);
      return;
    }

  report = pub_check_result_get_report (check);
  score = pub_check_result_get_score (check);
  n_errors = report != NULL ? ckan_validation_report_get_n_errors (report) : 0;
  n_findings = score != NULL ? pub_quality_score_get_findings (score)->len : 0;
  if (score != NULL && n_findings == 0)
    summary = g_strdup_printf (_("Quality %.1f of 10 · nothing to improve"),
                               pub_quality_score_get_overall (score));
  else if (score != NULL)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Quality %.1f of 10 · %u thing to improve",
                                            "Quality %.1f of 10 · %u things to improve",
                                            n_findings),
                               pub_quality_score_get_overall (score), n_findings);
  /* Saved with the draft: the question before publishing, and the
   * queue, need it without the checks running again. */
  findings = pub_personal_data_findings_from_check (check);
  pub_draft_resource_set_personal_data (resource, findings);
  /* The full result, for whoever shows the report. */
  pub_draft_resource_set_last_check (resource, check);
  pub_draft_resource_set_check_result (resource,
                                       n_errors > 0 ? PUB_RESOURCE_CHECK_ERRORS
                                       : n_findings > 0 ? PUB_RESOURCE_CHECK_WARNINGS
                                       : PUB_RESOURCE_CHECK_PASSED,
                                       summary);
}

/* The local checks (structure, types, personal data, quality score). */
static void
check_resource (PubResourceListEditor *self,
                PubDraftResource      *resource)
{
  g_autoptr(GFile) file = pub_draft_resource_dup_file (resource);

  if (file == NULL)
    return;
  pub_draft_resource_set_check_result (resource, PUB_RESOURCE_CHECK_RUNNING, _("Checking the file…"));
  pub_check_file_async (file, NULL, NULL, NULL, NULL, self->cancellable, checked_cb, g_object_ref (resource));
}

static void
refreshed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PubResourceListEditor) self = user_data;
  g_autoptr(GError) error = NULL;

  g_assert (PUB_IS_RESOURCE_LIST_EDITOR (self));

  /* A failure is kept on the resource (its "problem") and shown there. */
  if (!pub_draft_resource_refresh_finish (PUB_DRAFT_RESOURCE (object), result, &error))
    {
      g_debug ("Reading a file failed: %s", error->message);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        pub_draft_resource_set_check_result (PUB_DRAFT_RESOURCE (object), PUB_RESOURCE_CHECK_NONE, NULL);
      return;
    }
  /* Checked once known to be a readable file, and not while it is hashed:
   * a big file is then read by one worker at a time. */
  check_resource (self, PUB_DRAFT_RESOURCE (object));
}

/* What is on disk now (size, date, hash, whether it is a file at all),
 * then the local checks. */
void
_pub_resource_list_editor_refresh_resource (PubResourceListEditor *self,
                  PubDraftResource      *resource)
{
  if (pub_draft_resource_get_kind (resource) == PUB_DRAFT_RESOURCE_FILE)
    pub_draft_resource_set_check_result (resource, PUB_RESOURCE_CHECK_RUNNING, _("Checking the file…"));
  pub_draft_resource_refresh_async (resource, self->cancellable, refreshed_cb, g_object_ref (self));
}
