/* ckan-client-download.h: the files a portal stores, read back
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-client.h"

G_BEGIN_DECLS

/* GET `url` (an uploaded resource's address), streamed into `destination`
 * as it arrives: written beside it under a hidden name and moved into
 * place once complete, so a cut download never leaves a partial file with
 * the real name. The token goes only to the portal itself (same scheme,
 * host and port as the client's base URL), never to another host, even
 * after a redirect. Progress counts bytes received; total is -1 when the
 * portal does not say. Returns the bytes written, -1 on error: a non-2xx
 * answer is CKAN_ERROR_NOT_FOUND (404), _AUTHORIZATION (401/403) or
 * _SERVER; transport failures as for calls; a local write failure keeps
 * its G_IO_ERROR. */
void     ckan_client_download_async        (CkanClient          *self,
                                            const char          *url,
                                            GFile               *destination,
                                            CkanProgressFunc     progress,
                                            gpointer             progress_data,
                                            GDestroyNotify       progress_destroy,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
goffset  ckan_client_download_finish       (CkanClient          *self,
                                            GAsyncResult        *result,
                                            GError             **error);

/* The first `max_bytes` (or fewer, for a shorter file) of `url`, as above
 * without a file: to look at a published file's header row. */
void     ckan_client_download_head_async   (CkanClient          *self,
                                            const char          *url,
                                            gsize                max_bytes,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GBytes  *ckan_client_download_head_finish  (CkanClient          *self,
                                            GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
