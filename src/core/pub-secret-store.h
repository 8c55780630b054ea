/* pub-secret-store.h: API tokens in the system keyring, keyed by portal and user
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

/* Attributes: "portal" (the normalized base URL) and "user" (the CKAN user
 * id). A missing Secret Service, a locked keyring or no session bus all end
 * as PUB_CORE_ERROR_NO_KEYRING, so the UI can offer a session-only token. */
const SecretSchema *pub_secret_store_get_schema    (void);

/* `label_user` is what a person recognises in the keyring manager (the user
 * name); the label reads "Publicador — name@host". */
void                pub_secret_store_store_async   (const char          *portal,
                                                    const char          *user,
                                                    const char          *label_user,
                                                    const char          *token,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean            pub_secret_store_store_finish  (GAsyncResult        *result,
                                                    GError             **error);

/* Returns the token, or NULL with PUB_CORE_ERROR_NOT_FOUND when none is
 * stored. Free it with secret_password_free(), which wipes it. */
void                pub_secret_store_lookup_async  (const char          *portal,
                                                    const char          *user,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
char               *pub_secret_store_lookup_finish (GAsyncResult        *result,
                                                    GError             **error);

/* Succeeds also when nothing was stored: signing out twice is not an error. */
void                pub_secret_store_clear_async   (const char          *portal,
                                                    const char          *user,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean            pub_secret_store_clear_finish  (GAsyncResult        *result,
                                                    GError             **error);

/* Takes `error` from libsecret and gives one for people: whatever keeps
 * libsecret from a keyring becomes PUB_CORE_ERROR_NO_KEYRING with the
 * message `no_keyring`. */
GError             *pub_secret_store_translate_error (GError     *error,
                                                      const char *no_keyring);

G_END_DECLS
