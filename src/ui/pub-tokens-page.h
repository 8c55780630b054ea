/* pub-tokens-page.h: an account's API tokens: list, revoke, create
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pub-account-manager.h"

G_BEGIN_DECLS

#define PUB_TYPE_TOKENS_PAGE (pub_tokens_page_get_type ())

G_DECLARE_FINAL_TYPE (PubTokensPage, pub_tokens_page, PUB, TOKENS_PAGE, AdwBin)

PubTokensPage *pub_tokens_page_new     (PubAccountManager *manager,
                                        PubAccount        *account);
/* The page in a window of its own, transient for `parent`. Revoking the
 * token Publicador uses signs the account out and closes the window. */
GtkWindow     *pub_tokens_page_present (GtkWindow         *parent,
                                        PubAccountManager *manager,
                                        PubAccount        *account);

G_END_DECLS
