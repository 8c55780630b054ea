/* pub-report-compare.h: why the portal's validation and the local checks
 * of the same file may disagree
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-validation-report.h"

G_BEGIN_DECLS

/* Sentences in the user's language, most telling first; never NULL (an
 * empty list when the two agree). */
GStrv pub_report_compare (CkanValidationReport *local,
                          CkanValidationReport *portal);

G_END_DECLS
