/* test-portal-comments.c: ckanext-comments threads and comments
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-portal-private.h"

const PortalAction portal_comment_actions[] = {
  { NULL, NULL, FALSE, NULL },
};
