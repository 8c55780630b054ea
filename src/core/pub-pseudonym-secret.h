/* pub-pseudonym-secret.h: each organization's pseudonym key, kept in the
 * keyring, and moved between computers as a file
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The organization's key from the keyring. With `create`, a new random key
 * is made and stored when there is none; without it, a missing key is
 * PUB_CORE_ERROR_NOT_FOUND. No keyring at all is PUB_CORE_ERROR_NO_KEYRING:
 * ask for a passphrase then (pub_pseudonym_key_derive). */
void     pub_pseudonym_secret_lookup_async  (const char          *portal,
                                             const char          *organization,
                                             gboolean             create,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GBytes  *pub_pseudonym_secret_lookup_finish (GAsyncResult        *result,
                                             GError             **error);

/* Keeps `key` as the organization's (an imported one replaces the old). */
void     pub_pseudonym_secret_store_async   (const char          *portal,
                                             const char          *organization,
                                             GBytes              *key,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean pub_pseudonym_secret_store_finish  (GAsyncResult        *result,
                                             GError             **error);

/* The text of an export file (a key file with a warning at its top). */
char    *pub_pseudonym_secret_export        (const char          *organization,
                                             GBytes              *key);
/* Reads an export file's text; `organization` receives whose key it is. */
GBytes  *pub_pseudonym_secret_import        (const char          *text,
                                             char               **organization,
                                             GError             **error);

G_END_DECLS
