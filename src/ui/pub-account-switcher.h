/* pub-account-switcher.h: the accounts at the foot of the sidebar
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pub-account-manager.h"

G_BEGIN_DECLS

#define PUB_TYPE_ACCOUNT_SWITCHER (pub_account_switcher_get_type ())

G_DECLARE_FINAL_TYPE (PubAccountSwitcher, pub_account_switcher, PUB, ACCOUNT_SWITCHER, AdwBin)

/* With no manager set, the switcher uses its application's
 * (pub_application_get_account_manager) once it is in a window. */
GtkWidget         *pub_account_switcher_new         (void);
PubAccountManager *pub_account_switcher_get_manager (PubAccountSwitcher *self);
void               pub_account_switcher_set_manager (PubAccountSwitcher *self,
                                                     PubAccountManager  *manager);

G_END_DECLS
