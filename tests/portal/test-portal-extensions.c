/* test-portal-extensions.c: DataStore, xloader/DataPusher and validation
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-portal-private.h"

const PortalAction portal_extension_actions[] = {
  { NULL, NULL, FALSE, NULL },
};
