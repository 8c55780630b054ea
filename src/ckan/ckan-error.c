/* ckan-error.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ckan-error.h"

G_DEFINE_QUARK (ckan-error-quark, ckan_error)

const char *
ckan_error_code_to_string (CkanErrorCode code)
{
  switch (code)
    {
    case CKAN_ERROR_VALIDATION: return "validation";
    case CKAN_ERROR_AUTHORIZATION: return "authorization";
    case CKAN_ERROR_NOT_FOUND: return "not-found";
    case CKAN_ERROR_BAD_REQUEST: return "bad-request";
    case CKAN_ERROR_SEARCH: return "search";
    case CKAN_ERROR_SERVER: return "server";
    case CKAN_ERROR_NOT_JSON: return "not-json";
    case CKAN_ERROR_TOO_LARGE: return "too-large";
    case CKAN_ERROR_RATE_LIMITED: return "rate-limited";
    case CKAN_ERROR_NETWORK: return "network";
    case CKAN_ERROR_TLS: return "tls";
    case CKAN_ERROR_TIMEOUT: return "timeout";
    case CKAN_ERROR_CANCELLED: return "cancelled";
    case CKAN_ERROR_INSECURE: return "insecure";
    case CKAN_ERROR_INVALID_URL: return "invalid-url";
    case CKAN_ERROR_FILE_CHANGED: return "file-changed";
    default: return "unknown";
    }
}

/* What a person reads: what happened and what to do about it. */
const char *
ckan_error_code_to_message (CkanErrorCode code)
{
  switch (code)
    {
    case CKAN_ERROR_VALIDATION:
      return _("The portal did not accept some fields. Correct the marked fields and try again.");
    case CKAN_ERROR_AUTHORIZATION:
      return _("The portal refused the action. Your token may have been revoked, or your account lacks permission in this organization. Sign in again or ask an administrator.");
    case CKAN_ERROR_NOT_FOUND:
      return _("The portal could not find what was asked for. It may have been deleted; refresh and try again.");
    case CKAN_ERROR_BAD_REQUEST:
      return _("The portal did not understand the request. This portal may not support this feature.");
    case CKAN_ERROR_SEARCH:
      return _("The portal could not run this search. Simplify the search terms and try again.");
    case CKAN_ERROR_SERVER:
      return _("The portal had an internal problem. Wait a few minutes and try again.");
    case CKAN_ERROR_NOT_JSON:
      return _("The address answered with a web page instead of the portal's data. Check the portal address, or wait if the portal is under maintenance.");
    case CKAN_ERROR_TOO_LARGE:
      return _("The file is larger than the portal accepts. Split it or compress it, or ask the portal's administrators for a higher limit.");
    case CKAN_ERROR_RATE_LIMITED:
      return _("The portal is busy and asked to wait. Publicador will try again shortly.");
    case CKAN_ERROR_NETWORK:
      return _("Could not reach the portal. Check your internet connection and the portal address.");
    case CKAN_ERROR_TLS:
      return _("The portal's security certificate could not be verified. Check the address; if it is correct, contact the portal's administrators.");
    case CKAN_ERROR_TIMEOUT:
      return _("The portal took too long to answer. Try again in a few minutes.");
    case CKAN_ERROR_CANCELLED:
      return _("The operation was cancelled.");
    case CKAN_ERROR_INSECURE:
      return _("This address does not use a secure connection (https). Your token could be intercepted. Use the https address of the portal.");
    case CKAN_ERROR_INVALID_URL:
      return _("The portal address is not valid. Write it as https://portal.example and try again.");
    case CKAN_ERROR_FILE_CHANGED:
      return _("The file changed or was removed while it was being uploaded. Check the file and upload it again.");
    default:
      return _("An unexpected error happened while talking to the portal.");
    }
}
