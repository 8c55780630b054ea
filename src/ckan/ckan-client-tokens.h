/* ckan-client-tokens.h: a user's API tokens
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-api-token.h"
#include "ckan-client.h"

G_BEGIN_DECLS

/* api_token_list: CkanApiToken of user_id (id or name). */
void       ckan_client_api_token_list_async    (CkanClient          *self,
                                                const char          *user_id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GPtrArray *ckan_client_api_token_list_finish   (CkanClient          *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* api_token_create: the new token, shown once by the portal. Keep it in
 * the keyring or hand it over; never log it. */
void       ckan_client_api_token_create_async  (CkanClient          *self,
                                                const char          *user_id,
                                                const char          *name,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
char      *ckan_client_api_token_create_finish (CkanClient          *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* api_token_revoke by token id (CkanApiToken's id, the JWT's jti). */
void       ckan_client_api_token_revoke_async  (CkanClient          *self,
                                                const char          *token_id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean   ckan_client_api_token_revoke_finish (CkanClient          *self,
                                                GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
