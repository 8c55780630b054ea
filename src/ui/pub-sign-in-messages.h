/* pub-sign-in-messages.h: what went wrong signing in, said to a person
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A sentence for an error of pub_sign_in_async(): what happened and what to
 * do. `portal` is the address as typed; `user_name` the account expected
 * when asking for a new token (or NULL). */
char       *pub_sign_in_describe_error (const GError *error,
                                        const char   *portal,
                                        const char   *user_name);
/* "Administrator", "Editor", "Member" for CKAN's capacity. */
const char *pub_sign_in_capacity_label (const char   *capacity);

G_END_DECLS
