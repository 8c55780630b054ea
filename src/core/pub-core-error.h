/* pub-core-error.h: the error domain of the core layer
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PUB_CORE_ERROR (pub_core_error_quark ())

typedef enum {
  PUB_CORE_ERROR_FAILED,
  PUB_CORE_ERROR_NO_KEYRING,    /* no Secret Service to keep a token in */
  PUB_CORE_ERROR_CORRUPT,       /* a local file (draft, settings) is unreadable */
  PUB_CORE_ERROR_NO_SPACE,      /* the disk is full */
  PUB_CORE_ERROR_NOT_FOUND,
  PUB_CORE_ERROR_LEFT_UNCHANGED, /* the portal accepted a change but did not make it */
} PubCoreErrorCode;

GQuark pub_core_error_quark (void);

G_END_DECLS
