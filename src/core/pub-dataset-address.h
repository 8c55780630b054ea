/* pub-dataset-address.h: a dataset's web address on a portal, read back
 * into the account it belongs to and the dataset's name
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Whether `address` is "<base_url>/dataset/<name>[/...][?...][#...]" for
 * the portal at `base_url` (a base URL as CkanClient keeps it: scheme and
 * host compared without case, its path included). On TRUE `out_name`
 * receives the dataset's name or id, unescaped. A "www." in front of one
 * host and not the other still matches. */
gboolean pub_dataset_address_match (const char  *address,
                                    const char  *base_url,
                                    char       **out_name);
/* Whether `address` looks like a dataset page of some portal at all
 * (http(s), with "/dataset/<name>" in its path). */
gboolean pub_dataset_address_looks_like (const char *address);

G_END_DECLS
