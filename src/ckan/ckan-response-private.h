/* ckan-response-private.h: turning an HTTP answer into a result or an error
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "ckan-client-action-private.h"
#include "ckan-error-private.h"

G_BEGIN_DECLS

/* A libsoup/GIO failure (no answer at all) as a CKAN_ERROR. msg may be NULL. */
GError   *ckan_response_error_from_transport (const GError *error,
                                              SoupMessage  *msg);

/* Reads the answer of msg whose body is `body`: checks status and
 * Content-Type, parses JSON in a worker thread and unwraps the envelope.
 * The result is the envelope's "result" (never NULL on success), or, when
 * `action` has a parser, what that parser made of it in the same worker
 * (free it with ckan_response_result_free_func (action)).
 * wipe_body: the body holds a secret; its bytes are zeroed once read, even
 * if the caller still holds a reference to it. */
void      ckan_response_read_async           (SoupMessage          *msg,
                                              GBytes               *body,
                                              gboolean              wipe_body,
                                              const CkanActionInfo *action,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gpointer  ckan_response_read_finish          (GAsyncResult        *result,
                                              GError             **error);
/* How to free what a read for `action` (may be NULL) gives. */
GDestroyNotify ckan_response_result_free_func (const CkanActionInfo *action);

/* The pieces, exposed for unit tests. */
GError   *ckan_response_check_http           (guint                status,
                                              SoupMessageHeaders  *headers,
                                              GBytes              *body);
JsonNode *ckan_response_unwrap               (guint                status,
                                              JsonNode            *root,
                                              GError             **error);
char     *ckan_response_excerpt              (GBytes              *body);
guint     ckan_response_parse_retry_after    (const char          *value);

G_END_DECLS
