/* pub-sibling-file.h: a new file written beside another, that appears
 * whole under the first free name or not at all
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _PubSiblingFile PubSiblingFile;

/* Opens a nameless file in `dest`'s folder (Linux O_TMPFILE; elsewhere a
 * hidden temporary name). Nothing named `dest` exists until commit, and a
 * crash before it leaves nothing a person can see. */
PubSiblingFile *pub_sibling_file_new    (GFile           *dest,
                                         GError         **error);
GOutputStream  *pub_sibling_file_get_output_stream (PubSiblingFile *self);
/* Flushes to disk, then gives the file the first free name among "dest",
 * "dest-2", "dest-3"...: an existing file is never replaced. Returns the
 * file written. */
GFile          *pub_sibling_file_commit (PubSiblingFile  *self,
                                         GCancellable    *cancellable,
                                         GError         **error);
/* Discards the file unless it was committed. */
void            pub_sibling_file_free   (PubSiblingFile  *self);

/* "datos.csv" + "anonimizado" -> "datos-anonimizado.csv" beside it. */
GFile          *pub_sibling_file_suffixed (GFile      *source,
                                           const char *suffix);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PubSiblingFile, pub_sibling_file_free)

G_END_DECLS
