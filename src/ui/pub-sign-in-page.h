/* pub-sign-in-page.h: portal address and token in, a signed-in account out
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pub-account-manager.h"

G_BEGIN_DECLS

#define PUB_TYPE_SIGN_IN_PAGE (pub_sign_in_page_get_type ())

G_DECLARE_FINAL_TYPE (PubSignInPage, pub_sign_in_page, PUB, SIGN_IN_PAGE, AdwBin)

/* `account`: ask a new token for this account (its portal fixed, the token
 * must be the same user's); NULL to add an account. `first_run`: the
 * welcome, which can be skipped since drafting works offline. */
PubSignInPage *pub_sign_in_page_new         (PubAccountManager *manager,
                                             PubAccount        *account,
                                             gboolean           first_run);
/* Seconds each portal call may take (0: the client's default). */
void           pub_sign_in_page_set_timeout (PubSignInPage     *self,
                                             guint              seconds);
/* The account signed in, once the page reached its last step. */
PubAccount    *pub_sign_in_page_get_account (PubSignInPage     *self);

/* The page in a window of its own, transient for `parent`; the window
 * closes itself when the person is done or cancels. A re-authentication
 * window is not modal, so the work behind it stays usable. */
GtkWindow     *pub_sign_in_page_present     (GtkWindow         *parent,
                                             PubAccountManager *manager,
                                             PubAccount        *account,
                                             gboolean           first_run);

G_END_DECLS
