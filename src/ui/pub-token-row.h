/* pub-token-row.h: one API token in the tokens page: its name, when it
 * was made and last used, and a button to revoke it
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ckan-api-token.h"

G_BEGIN_DECLS

#define PUB_TYPE_TOKEN_ROW (pub_token_row_get_type ())

G_DECLARE_FINAL_TYPE (PubTokenRow, pub_token_row, PUB, TOKEN_ROW, AdwActionRow)

/* in_use: the token Publicador itself signs in with. Its revoke button
 * activates tokens.revoke with the token's id, so the row must live
 * inside a widget that installs it. */
GtkWidget    *pub_token_row_new       (CkanApiToken *token,
                                       gboolean      in_use);
CkanApiToken *pub_token_row_get_token (PubTokenRow  *self);

G_END_DECLS
