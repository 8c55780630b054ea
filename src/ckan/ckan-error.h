/* ckan-error.h: the error domain of the CKAN client layer
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CKAN_ERROR (ckan_error_quark ())

/* One code per way a portal conversation can fail. Callers branch on the
 * code, never on the message: CKAN translates its messages to the portal's
 * locale. */
typedef enum {
  CKAN_ERROR_VALIDATION,      /* 409 "Validation Error", per-field messages */
  CKAN_ERROR_AUTHORIZATION,   /* 403 "Authorization Error" */
  CKAN_ERROR_NOT_FOUND,       /* 404 "Not Found Error" */
  CKAN_ERROR_BAD_REQUEST,     /* 400 with a bare JSON string, or Integrity Error */
  CKAN_ERROR_SEARCH,          /* Search Query Error / Search Error */
  CKAN_ERROR_SERVER,          /* 500, Search Index/Connection Error */
  CKAN_ERROR_NOT_JSON,        /* HTML or anything else instead of the envelope */
  CKAN_ERROR_TOO_LARGE,       /* 413 or {"upload": ["File upload too large"]} */
  CKAN_ERROR_RATE_LIMITED,    /* 429 or 503 with Retry-After */
  CKAN_ERROR_NETWORK,         /* DNS, refused, reset, unreachable */
  CKAN_ERROR_TLS,             /* certificate or handshake problem */
  CKAN_ERROR_TIMEOUT,
  CKAN_ERROR_CANCELLED,
  CKAN_ERROR_INSECURE,        /* http:// off loopback, not explicitly allowed */
  CKAN_ERROR_INVALID_URL,
  CKAN_ERROR_FILE_CHANGED,    /* the file being uploaded changed or vanished */
} CkanErrorCode;

GQuark      ckan_error_quark           (void);
const char *ckan_error_code_to_string  (CkanErrorCode code);
const char *ckan_error_code_to_message (CkanErrorCode code);

/* CKAN_ERROR is an extended error domain (G_DEFINE_EXTENDED_ERROR): a
 * GError of it carries what the portal said, for the UI to show inline.
 * All getters accept any GError and return 0/NULL when there is nothing. */

/* The HTTP status of the answer, 0 when there was none. */
guint       ckan_error_get_status      (const GError *error);
/* Validation Error: the "error" object minus "__type"; field -> [messages],
 * nested per list item ("resources": [{}, {"url": [...]}]). NULL otherwise. */
JsonObject *ckan_error_get_fields      (const GError *error);
/* Seconds the portal asked to wait (Retry-After), 0 when not said. */
guint       ckan_error_get_retry_after (const GError *error);
/* The first few hundred characters of a non-JSON answer (HTML), or the
 * portal's own message; for the "details" expander. */
const char *ckan_error_get_detail      (const GError *error);

G_END_DECLS
