/* pub-validation-report-view-private.h: the view's row builders
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pub-validation-report-view.h"

G_BEGIN_DECLS

enum {
  GROUP_CRITERIA,
  GROUP_FINDINGS,
  GROUP_COLUMNS,
  GROUP_ERRORS,
  GROUP_PORTAL,
  GROUP_AI,
  GROUP_DIFFERENCES,
  N_GROUPS
};

struct _PubValidationReportView
{
  GtkWidget             parent_instance;

  GtkStack             *stack;
  GtkWidget            *summary_box;
  GtkLabel             *score_label;
  GtkLabel             *verdict_label;
  GtkLabel             *summary_label;
  AdwPreferencesGroup  *groups[N_GROUPS];
  GtkWidget            *portal_spinner;
  GtkWidget            *validate_again_button;
  GtkWidget            *cancel_validation_button;
  GtkLabel             *origin_label;
  GtkWidget            *local_export_button;
  GtkWidget            *portal_export_button;
  GtkWidget            *utf8_copy_button;
  GtkWidget            *anonymize_button;

  PubCheckResult       *result;
  CkanValidationReport *local;
  PubQualityScore      *score;
  CkanValidationReport *portal;
  GPtrArray            *rows[N_GROUPS];   /* rows added to each group (owned by it) */
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  guint                 max_shown;
  gboolean              can_validate_again;
  gboolean              portal_busy;
  gboolean              has_ai;
};

/* report.export ("local-json", "portal-csv"...): a file chooser, then export_async. */
void       pub_validation_report_view_export_action (GtkWidget  *widget,
                                                     const char *action_name,
                                                     GVariant   *parameter);

/* A row of plain text (no markup: values come from files and portals). */
GtkWidget *pub_validation_report_plain_row    (const char           *title,
                                               const char           *subtitle,
                                               const char           *icon_name);
/* 12.345 in Spanish, 12,345 in English. */
char      *pub_validation_report_format_count (guint64               n);
/* One expander per error type into `group`, the first `max_shown` errors
 * in it and a count of the rest; every row added is appended to `rows`. */
void       pub_validation_report_add_errors   (AdwPreferencesGroup  *group,
                                               GPtrArray            *rows,
                                               CkanValidationReport *report,
                                               guint                 max_shown);

/* One row per column: its name, the type it was read as, the share of
 * empty cells and whether it holds personal data; at most `max_shown`. */
void       pub_validation_report_add_columns  (AdwPreferencesGroup  *group,
                                               GPtrArray            *rows,
                                               const PubCsvStats    *stats,
                                               guint                 max_shown);

G_END_DECLS
