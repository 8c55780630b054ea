/* pub-check-json.h: a JSON file checked as it streams by: well-formed, and
 * a list of records
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-validation-report.h"

G_BEGIN_DECLS

typedef struct _PubJsonChecker PubJsonChecker;

/* Memory stays at a few hundred bytes whatever the file's size: nothing
 * is kept but the nesting (at most 512 levels). */
PubJsonChecker *pub_json_checker_new           (CkanValidationReport *report);
void            pub_json_checker_feed          (PubJsonChecker       *self,
                                                const char           *data,
                                                gsize                 len);
void            pub_json_checker_finish        (PubJsonChecker       *self);
/* Items of the top-level list (records or not). */
guint64         pub_json_checker_get_n_items   (PubJsonChecker       *self);
gboolean        pub_json_checker_get_valid     (PubJsonChecker       *self);
void            pub_json_checker_free          (PubJsonChecker       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PubJsonChecker, pub_json_checker_free)

G_END_DECLS
