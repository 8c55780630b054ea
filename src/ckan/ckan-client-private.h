/* ckan-client-private.h: the client's internals shared inside the layer and
 * with its tests
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "ckan-client-action-private.h"
#include "ckan-client.h"

G_BEGIN_DECLS

#define CKAN_CLIENT_USER_AGENT "Publicador/" PACKAGE_VERSION
#define CKAN_CLIENT_DEFAULT_TIMEOUT 30
#define CKAN_CLIENT_DEFAULT_ATTEMPTS 3
#define CKAN_CLIENT_DEFAULT_RETRY_BASE_MS 1000
/* A Retry-After longer than this is not waited for: the error goes back to
 * the caller with ckan_error_get_retry_after () set. */
#define CKAN_CLIENT_MAX_RETRY_AFTER 60
/* After the last byte of an upload, how long the portal may take to answer
 * (CKAN copies the file and indexes the dataset; uwsgi's harakiri in CKAN's
 * sample configuration is 50 s), unless the client's timeout is longer. */
#define CKAN_CLIENT_UPLOAD_ANSWER_TIMEOUT 120

/* Tests shorten the backoff; 0 keeps only Retry-After. */
void         ckan_client_set_retry_base_delay_ms (CkanClient  *self,
                                                  guint        delay_ms);
void         ckan_client_set_max_attempts        (CkanClient  *self,
                                                  guint        attempts);
/* Secrets (tokens) are overwritten before they are freed; a plain memset
 * could be optimized away. Both accept NULL. */
void         ckan_wipe_string                    (char        *secret);
void         ckan_wipe_free                      (char        *secret);
/* ckan_client_call_async ()/ckan_client_upload_async () for an action
 * wrapper: `action`'s parser (if any) runs in the worker that parses the
 * answer, and _finish gives what it made (or the JsonNode without a parser),
 * to be freed with ckan_response_result_free_func (action). */
void         ckan_client_call_full_async         (CkanClient           *self,
                                                  const CkanActionInfo *action,
                                                  JsonObject           *params,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gpointer     ckan_client_call_full_finish        (CkanClient           *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void         ckan_client_upload_full_async       (CkanClient           *self,
                                                  const CkanActionInfo *action,
                                                  JsonObject           *fields,
                                                  GFile                *file,
                                                  const char           *filename,
                                                  CkanProgressFunc      progress,
                                                  gpointer              progress_data,
                                                  GDestroyNotify        progress_destroy,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gpointer     ckan_client_upload_full_finish      (CkanClient           *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
/* For the call primitive (ckan-client-call.c). */
gboolean     ckan_client_action_name_is_valid    (const char  *action);
guint        ckan_client_get_max_attempts        (CkanClient  *self);
guint        ckan_client_get_retry_base_delay_ms (CkanClient  *self);
/* On the client's session (timeout, no cookies, no redirects). */
void         ckan_client_send_and_read_async     (CkanClient          *self,
                                                  SoupMessage         *msg,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
/* A GET of `url` that follows no redirect and carries the token only when
 * `url` is on the portal itself (same scheme, host and port); NULL when
 * `url` is not http(s). */
SoupMessage *ckan_client_new_download_message    (CkanClient  *self,
                                                  const char  *url);
/* On the client's session, the body as a stream. */
void         ckan_client_send_async              (CkanClient          *self,
                                                  SoupMessage         *msg,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GInputStream *ckan_client_send_finish            (CkanClient          *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
/* For the upload: "authorization-failed", as calls emit it. */
void         ckan_client_emit_authorization_failed (CkanClient *self);
guint        ckan_client_get_timeout             (CkanClient  *self);
/* A message for `action` with the token headers and no redirects followed.
 * query may be NULL (already form-encoded). */
SoupMessage *ckan_client_new_message             (CkanClient  *self,
                                                  const char  *method,
                                                  const char  *action,
                                                  const char  *query);

/* A request for any address (a download): the token headers only when it
 * is on the portal itself (same scheme, host and port as the base URL);
 * no redirects followed. NULL when `url` is not an http(s) address. */
SoupMessage *ckan_client_new_request             (CkanClient  *self,
                                                  const char  *method,
                                                  const char  *url);
SoupSession *ckan_client_get_session             (CkanClient  *self);

/* How CKAN wants a parameter as text (GET query or multipart part): strings
 * as they are, "true"/"false", numbers in C locale, arrays and objects as
 * JSON. NULL for a JSON null (the parameter is left out). */
char        *ckan_client_param_to_string         (JsonNode    *node);

G_END_DECLS
