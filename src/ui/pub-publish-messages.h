/* pub-publish-messages.h: how a publication that stopped is said to a
 * person, with what the Retry button will do
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pub-draft.h"

G_BEGIN_DECLS

/* The draft's last error (what happened, in the core's words), then what
 * Retry does from the step it stopped at. The core never names buttons:
 * the words for the action are chosen here. */
char *pub_publish_describe_failure (PubDraft *draft);

G_END_DECLS
