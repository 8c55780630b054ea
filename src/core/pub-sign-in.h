/* pub-sign-in.h: from a portal address and a token to a verified account
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pub-account.h"

G_BEGIN_DECLS

/* What a person types into a base URL: "datos.gob.cl" becomes
 * "https://datos.gob.cl"; a trailing "/", a query or a fragment go; a path
 * stays. NULL with CKAN_ERROR_INVALID_URL when it cannot be an address. */
char       *pub_sign_in_normalize_url (const char          *text,
                                       GError             **error);

/* Where a person makes a token in the browser: the "API Tokens" tab of
 * their profile when the user name is known ({base}/user/NAME/api-tokens);
 * otherwise the dashboard, which sends someone signed out to the login page
 * and then on to a page with a link to their profile. NULL when `portal` is
 * not an address. */
char       *pub_sign_in_build_token_page_url (const char *portal,
                                              const char *user_name);

/* Checks that the address is a CKAN portal (status_show, asked without the
 * token, so a site that is not the portal never sees it), then asks who
 * the token belongs to (user_show) and what organizations they are in.
 * Errors: CKAN_ERROR_INVALID_URL, CKAN_ERROR_INSECURE (http:// off loopback
 * without allow_insecure), PUB_ACCOUNT_ERROR_NOT_CKAN / OLD_CKAN /
 * TOKEN_REJECTED / NO_SUCH_HOST, and the transport's CKAN_ERROR_NETWORK,
 * TLS, TIMEOUT, SERVER... `timeout`: seconds, 0 for the client's default.
 * The account returned is READY, its client carrying the token; nothing is
 * stored yet (see pub_account_manager_add_async). */
void        pub_sign_in_async         (const char          *portal_url,
                                       const char          *token,
                                       gboolean             allow_insecure,
                                       guint                timeout,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
PubAccount *pub_sign_in_finish        (GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
