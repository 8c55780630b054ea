/* pub-sign-in-messages.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-error.h"
#include "pub-account.h"
#include "pub-sign-in-messages.h"

char *
pub_sign_in_describe_error (const GError *error,
                            const char   *portal,
                            const char   *user_name)
{
  if (error->domain == PUB_ACCOUNT_ERROR)
    {
      switch ((PubAccountErrorCode) error->code)
        {
        case PUB_ACCOUNT_ERROR_NOT_CKAN:
          return g_strdup_printf (_("%s does not answer as a CKAN data portal. Check that the address "
                                    "is the portal's home page, such as https://datos.gob.cl."), portal);
        case PUB_ACCOUNT_ERROR_OLD_CKAN:
          return g_strdup (_("This portal runs an old version of CKAN that Publicador cannot use. "
                             "CKAN 2.10 or newer is needed; tell the portal's administrators."));
        case PUB_ACCOUNT_ERROR_TOKEN_REJECTED:
          return g_strdup (_("The portal did not accept this token. It may be incomplete, expired or "
                             "revoked. Create a new one on your profile page and paste it here."));
        case PUB_ACCOUNT_ERROR_WRONG_USER:
          return g_strdup_printf (_("This token belongs to another user. Paste a token of %s."),
                                  user_name != NULL ? user_name : "");
        case PUB_ACCOUNT_ERROR_NO_SUCH_HOST:
          return g_strdup_printf (_("No portal was found at %s. Check the address for typing mistakes."),
                                  portal);
        default:
          break;
        }
    }

  if (error->domain == CKAN_ERROR)
    {
      switch ((CkanErrorCode) error->code)
        {
        case CKAN_ERROR_INVALID_URL:
          return g_strdup (_("This is not a web address. Write the portal's address, "
                             "such as https://datos.gob.cl."));
        case CKAN_ERROR_NETWORK:
          return g_strdup (_("Could not connect to the portal. Check that this computer is connected "
                             "to the internet, then try again."));
        case CKAN_ERROR_TLS:
          return g_strdup (_("The portal's security certificate could not be verified, so the connection "
                             "is not safe. Check the address; if it is right, the portal's administrators "
                             "must fix their certificate."));
        case CKAN_ERROR_TIMEOUT:
          return g_strdup (_("The portal is not answering. It may be busy or down; try again in a few minutes."));
        case CKAN_ERROR_VALIDATION:
        case CKAN_ERROR_AUTHORIZATION:
        case CKAN_ERROR_NOT_FOUND:
        case CKAN_ERROR_BAD_REQUEST:
        case CKAN_ERROR_SEARCH:
        case CKAN_ERROR_SERVER:
        case CKAN_ERROR_NOT_JSON:
        case CKAN_ERROR_TOO_LARGE:
        case CKAN_ERROR_RATE_LIMITED:
        case CKAN_ERROR_CANCELLED:
        case CKAN_ERROR_INSECURE:
        case CKAN_ERROR_FILE_CHANGED:
        default:
          return g_strdup (ckan_error_code_to_message (error->code));
        }
    }

  return g_strdup (error->message);
}

const char *
pub_sign_in_capacity_label (const char *capacity)
{
  if (g_strcmp0 (capacity, "admin") == 0)
    return _("Administrator");
  if (g_strcmp0 (capacity, "editor") == 0)
    return _("Editor");
  if (g_strcmp0 (capacity, "member") == 0)
    return _("Member");
  return capacity;
}
