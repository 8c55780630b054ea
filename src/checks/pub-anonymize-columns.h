/* pub-anonymize-columns.h: which columns of a checked table hold personal
 * data, what was found in them, and what to do with each by default
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pub-anonymize.h"
#include "pub-check-table.h"

G_BEGIN_DECLS

/* Flagged: personal values were found in it, or its label names them. */
gboolean            pub_anonymize_column_is_flagged     (const PubColumnStats *column);
/* RUT columns are pseudonymised (rows stay linkable), e-mails generalised
 * to their domain, the rest (names, phones) dropped. */
PubAnonymizeAction  pub_anonymize_column_default_action (const PubColumnStats *column);
/* Whether generalising keeps something useful: e-mails, phones, names; not
 * RUT numbers. */
gboolean            pub_anonymize_column_can_generalize (const PubColumnStats *column);
/* "200 e-mail addresses · 3 phone numbers", or "its name says personal
 * data («nombre»)". Translated. */
char               *pub_anonymize_column_describe       (const PubColumnStats *column);

G_END_DECLS
