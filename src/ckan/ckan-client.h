/* ckan-client.h: one portal account's conversation with the CKAN Action API
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ckan-error.h"

G_BEGIN_DECLS

#define CKAN_TYPE_CLIENT (ckan_client_get_type ())

G_DECLARE_FINAL_TYPE (CkanClient, ckan_client, CKAN, CLIENT, GObject)

/* How a call may be sent and retried. Reads go as GET and are retried with
 * backoff on network errors and 429/502/503/504; writes go as a JSON POST and
 * are never retried blindly. CKAN_CALL_POST: a read that the portal only
 * accepts as a JSON POST (ckanext-comments' *_show): sent like a write,
 * retried like a read. CKAN_CALL_SECRET: the answer carries a secret (a new
 * API token): its body is wiped before it is freed. */
typedef enum {
  CKAN_CALL_READ   = 0,
  CKAN_CALL_WRITE  = 1 << 0,
  CKAN_CALL_POST   = 1 << 1,
  CKAN_CALL_SECRET = 1 << 2,
} CkanCallFlags;

/* Called on the thread-default main context of the caller, at most a few
 * times a second, while an upload body is sent. */
typedef void (*CkanProgressFunc) (goffset  sent,
                                  goffset  total,
                                  gpointer user_data);

/* Signal "authorization-failed" (no arguments): a call ended in a 403
 * Authorization Error, which is what a revoked token looks like. */

/* base_url may carry a path ("https://portal.example/data"). http:// is
 * refused with CKAN_ERROR_INSECURE off loopback unless allow_insecure. */
CkanClient  *ckan_client_new                (const char        *base_url,
                                             gboolean           allow_insecure,
                                             GError           **error);
const char  *ckan_client_get_base_url       (CkanClient        *self);
/* The token is kept in memory only and never logged. NULL: anonymous. */
void         ckan_client_set_token          (CkanClient        *self,
                                             const char        *token);
gboolean     ckan_client_has_token          (CkanClient        *self);
void         ckan_client_set_timeout        (CkanClient        *self,
                                             guint              seconds);

/* The one call primitive. params may be NULL; it is not modified. The result
 * is the envelope's "result" member (may be a JSON null).
 * Every failure is a CKAN_ERROR (see ckan-error.h for the extra data it
 * carries); cancelling gives CKAN_ERROR_CANCELLED, never G_IO_ERROR.
 * A write that ends in CKAN_ERROR_NETWORK, _TIMEOUT or _CANCELLED after it
 * was sent may still have been done by the portal: look (package_show by
 * name, the resources by id) before sending it again.
 * Use a client from the thread whose thread-default main context was current
 * when it was created: callbacks and progress arrive there. */
void         ckan_client_call_async         (CkanClient        *self,
                                             const char        *action,
                                             JsonObject        *params,
                                             CkanCallFlags      flags,
                                             GCancellable      *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer           user_data);
JsonNode    *ckan_client_call_finish        (CkanClient        *self,
                                             GAsyncResult      *result,
                                             GError           **error);

/* A multipart POST (resource_create, resource_patch) streaming `file` as the
 * part "upload"; text fields from `fields` (strings, numbers, booleans). The
 * body is read from disk as it is sent, never held whole in memory.
 * filename NULL: the file's own name. Progress counts the file's bytes.
 * Never retried. Fails with CKAN_ERROR_FILE_CHANGED when the file cannot be
 * read or changes (size, time, identity) before its last byte is sent; with
 * CKAN_ERROR_TIMEOUT after the client's timeout without a byte sent, or
 * CKAN_CLIENT_UPLOAD_ANSWER_TIMEOUT (120 s) without an answer after the
 * last one; a slow upload that keeps moving is never cut.
 * A cancel before the last byte gives CKAN_ERROR_CANCELLED (the portal
 * cannot have kept anything). After it, the portal may already be creating
 * the resource, so the answer is still waited for (at most the answer
 * timeout) and returned; a TIMEOUT after the last byte leaves the outcome
 * unknown: look for the resource on the portal before sending it again. */
void         ckan_client_upload_async       (CkanClient        *self,
                                             const char        *action,
                                             JsonObject        *fields,
                                             GFile             *file,
                                             const char        *filename,
                                             CkanProgressFunc   progress,
                                             gpointer           progress_data,
                                             GDestroyNotify     progress_destroy,
                                             GCancellable      *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer           user_data);
JsonNode    *ckan_client_upload_finish      (CkanClient        *self,
                                             GAsyncResult      *result,
                                             GError           **error);

/* The absolute URL of an action (for logs and the help page): never carries
 * the token. */
char        *ckan_client_build_action_url   (CkanClient        *self,
                                             const char        *action);

G_END_DECLS
