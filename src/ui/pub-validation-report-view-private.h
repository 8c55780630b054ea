/* pub-validation-report-view-private.h: the view's row builders
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pub-validation-report-view.h"

G_BEGIN_DECLS

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
