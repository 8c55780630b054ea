/* ckan-error-private.h: building errors of the CKAN domain inside the layer
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-error.h"

G_BEGIN_DECLS

/* message NULL or empty: ckan_error_code_to_message (code). fields is
 * referenced, detail copied. */
GError *ckan_error_new_full (CkanErrorCode  code,
                             const char    *message,
                             guint          status,
                             const char    *detail,
                             JsonObject    *fields,
                             guint          retry_after);

G_END_DECLS
