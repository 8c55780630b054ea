/* pub-validation-report-view.h: one view for every validation report
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ckan-validation-report.h"
#include "pub-check.h"

G_BEGIN_DECLS

#define PUB_TYPE_VALIDATION_REPORT_VIEW (pub_validation_report_view_get_type ())

G_DECLARE_FINAL_TYPE (PubValidationReportView, pub_validation_report_view, PUB, VALIDATION_REPORT_VIEW, GtkWidget)

typedef enum {
  PUB_REPORT_LOCAL,
  PUB_REPORT_PORTAL,
} PubReportSource;

typedef enum {
  PUB_REPORT_FORMAT_JSON,
  PUB_REPORT_FORMAT_CSV,
} PubReportFormat;

GtkWidget *pub_validation_report_view_new                (void);

/* The local checks of a file: score, findings, errors. NULL clears. */
void       pub_validation_report_view_set_result         (PubValidationReportView *self,
                                                          PubCheckResult          *result);
/* Or any report and score (the score may be NULL). */
void       pub_validation_report_view_set_local          (PubValidationReportView *self,
                                                          CkanValidationReport    *report,
                                                          PubQualityScore         *score);
/* The portal's report (resource_validation_show); NULL hides the section. */
void       pub_validation_report_view_set_portal         (PubValidationReportView *self,
                                                          CkanValidationReport    *report);
/* Shows "Validate Again" (the portal has resource_validation_run and the
 * user may run it); pressing it emits ::validate-again. */
void       pub_validation_report_view_set_can_validate_again (PubValidationReportView *self,
                                                              gboolean                 can);
gboolean   pub_validation_report_view_get_can_validate_again (PubValidationReportView *self);
/* While the portal validates: a spinner, the button insensitive. */
void       pub_validation_report_view_set_portal_busy    (PubValidationReportView *self,
                                                          gboolean                 busy);
/* A portal's AI validation, when the portal has one: its score (< 0: none)
 * and its recommendations. NULL recommendations and score < 0 hide it. */
void       pub_validation_report_view_set_ai_result      (PubValidationReportView *self,
                                                          double                   score,
                                                          const char * const      *recommendations);

/* Why the local and the portal's report differ (pub_report_compare); an
 * empty list says they agree, NULL hides the part. */
void       pub_validation_report_view_set_differences    (PubValidationReportView *self,
                                                          const char * const      *sentences);
/* Where the score comes from ("Computed on this computer"), under it;
 * NULL shows nothing. */
void       pub_validation_report_view_set_score_origin   (PubValidationReportView *self,
                                                          const char              *origin);
/* ::cancel-validation: "Stop Following", shown while portal-busy. */

/* How many errors of each type are listed; the rest are counted. */
void       pub_validation_report_view_set_max_errors_shown (PubValidationReportView *self,
                                                            guint                    max);

/* What the export actions do after the file chooser. */
void       pub_validation_report_view_export_async       (PubValidationReportView *self,
                                                          PubReportSource          source,
                                                          PubReportFormat          format,
                                                          GFile                   *file,
                                                          GCancellable            *cancellable,
                                                          GAsyncReadyCallback      callback,
                                                          gpointer                 user_data);
gboolean   pub_validation_report_view_export_finish      (PubValidationReportView *self,
                                                          GAsyncResult            *result,
                                                          GError                 **error);

/* Plain-language title of a Frictionless error type ("Wrong data type"). */
const char *pub_validation_type_title                    (const char              *type);

G_END_DECLS
