/* pub-core-error.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pub-core-error.h"

G_DEFINE_QUARK (pub-core-error-quark, pub_core_error)
