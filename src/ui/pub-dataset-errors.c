/* pub-dataset-errors.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-dataset-errors.h"

static const char *
organization_title (CkanDataset *dataset)
{
  CkanOrganization *org = dataset != NULL ? ckan_dataset_get_organization (dataset) : NULL;
  const char *title = org != NULL ? ckan_organization_get_title (org) : NULL;

  if (title == NULL || title[0] == '\0')
    title = org != NULL ? ckan_organization_get_name (org) : NULL;
  return title;
}

gboolean
pub_dataset_error_can_retry (const GError *error)
{
  return g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NETWORK) ||
         g_error_matches (error, CKAN_ERROR, CKAN_ERROR_TIMEOUT) ||
         g_error_matches (error, CKAN_ERROR, CKAN_ERROR_RATE_LIMITED) ||
         g_error_matches (error, CKAN_ERROR, CKAN_ERROR_SERVER) ||
         g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_JSON);
}

char *
pub_dataset_error_message (const GError *error,
                           CkanDataset  *dataset)
{
  const char *org = organization_title (dataset);

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != CKAN_ERROR)
    return g_strdup (error->message);

  switch ((CkanErrorCode) error->code)
    {
    case CKAN_ERROR_AUTHORIZATION:
      /* CKAN lets an organization's editors and admins change its datasets;
       * members only read them. */
      if (org != NULL)
        return g_strdup_printf (_("The portal did not allow it: you need to be an editor or an administrator "
                                  "of “%s” to change this dataset. Ask one of its administrators."), org);
      return g_strdup (_("The portal did not allow it: you need to be an editor or an administrator "
                         "of the dataset’s organization. Ask one of its administrators."));
    case CKAN_ERROR_NOT_FOUND:
      return g_strdup (_("This dataset is no longer on the portal: someone deleted it."));
    case CKAN_ERROR_NETWORK:
    case CKAN_ERROR_TIMEOUT:
      return g_strdup (_("The portal could not be reached. Nothing was lost: try again when the connection is back."));
    case CKAN_ERROR_VALIDATION:
      return g_strdup (_("The portal did not accept some fields: correct the marked ones and save again."));
    case CKAN_ERROR_CANCELLED:
      return g_strdup (_("Cancelled."));
    case CKAN_ERROR_BAD_REQUEST:
    case CKAN_ERROR_SEARCH:
    case CKAN_ERROR_SERVER:
    case CKAN_ERROR_NOT_JSON:
    case CKAN_ERROR_TOO_LARGE:
    case CKAN_ERROR_RATE_LIMITED:
    case CKAN_ERROR_TLS:
    case CKAN_ERROR_INSECURE:
    case CKAN_ERROR_INVALID_URL:
    case CKAN_ERROR_FILE_CHANGED:
    default:
      return g_strdup (ckan_error_code_to_message (error->code));
    }
}
