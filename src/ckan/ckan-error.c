/* ckan-error.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ckan-error-private.h"

/* What the portal said, carried by every GError of the domain so the UI can
 * show field messages inline and the raw answer behind an expander. */
typedef struct
{
  guint       status;
  guint       retry_after;
  JsonObject *fields;
  char       *detail;
} CkanErrorPrivate;

static void
ckan_error_private_init (CkanErrorPrivate *priv)
{
  priv->status = 0;
  priv->retry_after = 0;
  priv->fields = NULL;
  priv->detail = NULL;
}

static void
ckan_error_private_copy (const CkanErrorPrivate *src,
                         CkanErrorPrivate       *dest)
{
  dest->status = src->status;
  dest->retry_after = src->retry_after;
  dest->fields = src->fields ? json_object_ref (src->fields) : NULL;
  dest->detail = g_strdup (src->detail);
}

static void
ckan_error_private_clear (CkanErrorPrivate *priv)
{
  g_clear_pointer (&priv->fields, json_object_unref);
  g_clear_pointer (&priv->detail, g_free);
}

G_DEFINE_EXTENDED_ERROR (CkanError, ckan_error)

static CkanErrorPrivate *
lookup_private (const GError *error)
{
  if (error == NULL || error->domain != CKAN_ERROR)
    return NULL;
  return ckan_error_get_private (error);
}

GError *
ckan_error_new_full (CkanErrorCode  code,
                     const char    *message,
                     guint          status,
                     const char    *detail,
                     JsonObject    *fields,
                     guint          retry_after)
{
  GError *error;
  CkanErrorPrivate *priv;

  if (message == NULL || !*message)
    message = ckan_error_code_to_message (code);
  error = g_error_new_literal (CKAN_ERROR, code, message);
  priv = ckan_error_get_private (error);
  priv->status = status;
  priv->retry_after = retry_after;
  priv->fields = fields ? json_object_ref (fields) : NULL;
  priv->detail = g_strdup (detail);
  return error;
}

guint
ckan_error_get_status (const GError *error)
{
  CkanErrorPrivate *priv = lookup_private (error);

  return priv ? priv->status : 0;
}

JsonObject *
ckan_error_get_fields (const GError *error)
{
  CkanErrorPrivate *priv = lookup_private (error);

  return priv ? priv->fields : NULL;
}

guint
ckan_error_get_retry_after (const GError *error)
{
  CkanErrorPrivate *priv = lookup_private (error);

  return priv ? priv->retry_after : 0;
}

const char *
ckan_error_get_detail (const GError *error)
{
  CkanErrorPrivate *priv = lookup_private (error);

  return priv ? priv->detail : NULL;
}

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
