/* pub-account-manager.h: the accounts this computer knows, and the current one
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pub-account.h"

G_BEGIN_DECLS

#define PUB_TYPE_ACCOUNT_MANAGER (pub_account_manager_get_type ())

/* A GListModel of PubAccount. The list (portal, user, names, organizations)
 * lives in GSettings ("accounts", "current-account"); tokens only in the
 * keyring, or in memory for session-only accounts. */
G_DECLARE_FINAL_TYPE (PubAccountManager, pub_account_manager, PUB, ACCOUNT_MANAGER, GObject)

/* Reads the accounts from `settings` and starts loading their tokens. */
PubAccountManager *pub_account_manager_new          (GSettings          *settings);

/* The account calls go out as ("current-account" property), or NULL when
 * nobody signed in. Its client: pub_account_get_client (). */
PubAccount        *pub_account_manager_get_current  (PubAccountManager  *self);
void               pub_account_manager_set_current  (PubAccountManager  *self,
                                                     PubAccount         *account);
PubAccount        *pub_account_manager_find         (PubAccountManager  *self,
                                                     const char         *portal_url,
                                                     const char         *user_id);

/* Keeps `token` for `account` (from pub_sign_in_finish) in the keyring,
 * adds the account, or updates the one already known for the same person on
 * the same portal, and makes it current. With no keyring it fails with
 * PUB_CORE_ERROR_NO_KEYRING and changes nothing: ask the person, then call
 * again with session_only, which keeps the token in memory only. Returns
 * the account now in the list. */
void               pub_account_manager_add_async    (PubAccountManager  *self,
                                                     PubAccount         *account,
                                                     const char         *token,
                                                     gboolean            session_only,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
PubAccount        *pub_account_manager_add_finish   (PubAccountManager  *self,
                                                     GAsyncResult       *result,
                                                     GError            **error);

/* Removes the token from the keyring and the account from the list; local
 * drafts are not touched. Another account, if any, becomes current. */
void               pub_account_manager_sign_out_async  (PubAccountManager  *self,
                                                        PubAccount         *account,
                                                        GCancellable       *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer            user_data);
gboolean           pub_account_manager_sign_out_finish (PubAccountManager  *self,
                                                        GAsyncResult       *result,
                                                        GError            **error);

G_END_DECLS
