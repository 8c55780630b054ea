/* pub-account-row.h: one signed-in account in the account switcher's
 * popover: avatar, name, user@portal, and a check on the current one
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pub-account.h"

G_BEGIN_DECLS

#define PUB_TYPE_ACCOUNT_ROW (pub_account_row_get_type ())

G_DECLARE_FINAL_TYPE (PubAccountRow, pub_account_row, PUB, ACCOUNT_ROW, GtkListBoxRow)

GtkWidget  *pub_account_row_new         (PubAccount    *account,
                                         gboolean       current);
PubAccount *pub_account_row_get_account (PubAccountRow *self);

G_END_DECLS
