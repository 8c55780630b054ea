/* pub-dataset-open.h: the ways to the dataset page: an id for the current
 * account, a portal address (command line, "Open from Portal…"), and a
 * backup restored as a draft
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pub-account-manager.h"
#include "pub-draft.h"

G_BEGIN_DECLS

/* The dataset `id` (or name) of the current account. FALSE with a
 * message in `error` when there is no account. */
gboolean pub_dataset_open_reference (GtkWindow          *parent,
                                     PubAccountManager  *accounts,
                                     const char         *id,
                                     GError            **error);
/* "https://portal/dataset/NAME": opened with the account of that portal
 * (the current one first). FALSE with a message in `error` when it is not
 * a dataset's address, or no account is on that portal. */
gboolean pub_dataset_open_address   (GtkWindow          *parent,
                                     PubAccountManager  *accounts,
                                     const char         *address,
                                     GError            **error);
/* A published draft's dataset page, with the application's account on
 * that portal; FALSE when it can't be opened (not published, no account):
 * then the caller shows the draft instead. */
gboolean pub_dataset_open_published_draft (GtkWindow        *parent,
                                           PubDraft         *draft);
/* Asks for an address and opens it. */
void     pub_dataset_open_dialog    (GtkWindow          *parent,
                                     PubAccountManager  *accounts);
/* Asks for a backup folder; it becomes a new draft in the default store,
 * opened in the wizard. */
void     pub_dataset_restore_backup (GtkWindow          *parent);

G_END_DECLS
