/* ckan-client-download.h: a resource's file, saved to disk
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-client.h"

G_BEGIN_DECLS

/* GETs `url` (a resource's) into `dest`, streamed, replacing it only once
 * complete. The token goes along only when `url` is on the portal; no
 * redirect is followed (CKAN_ERROR_BAD_REQUEST with the status). A status
 * other than 200: CKAN_ERROR_NOT_FOUND (404), CKAN_ERROR_AUTHORIZATION
 * (401, 403), CKAN_ERROR_SERVER (5xx), else CKAN_ERROR_BAD_REQUEST;
 * CKAN_ERROR_INVALID_URL when `url` is not http(s). */
void     ckan_client_download_async  (CkanClient          *self,
                                      const char          *url,
                                      GFile               *dest,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean ckan_client_download_finish (CkanClient          *self,
                                      GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
