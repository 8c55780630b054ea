/* pub-draft-store-private.h: the draft store's parts in other files
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pub-draft-store.h"

G_BEGIN_DECLS

/* Every draft in `directory` (blocking: the store's worker); a file that
 * can't be read is listed as a damaged draft. A missing folder is empty. */
GPtrArray *_pub_draft_store_load_directory (const char  *directory,
                                            GError     **error);

/* Tests: the next `times` draft writes fail as if the system had said
 * `errno_value` (ENOSPC: the disk is full), through the same messages. */
void       _pub_draft_store_fail_writes     (PubDraftStore *self,
                                             int            errno_value,
                                             guint          times);

G_END_DECLS
