/* pub-load-messages.h: a DataStore load's failure in plain words
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One sentence, in the user's language, for what the loader reported
 * (xloader puts the last frame of a Python traceback before the
 * exception); the technical text is for an expander. NULL: a generic one. */
char     *pub_load_error_explain    (const char *technical);
/* Whether the text holds a Python traceback. */
gboolean  pub_load_text_has_traceback (const char *text);
/* At most `max_lines` lines of at most `max_columns` characters: the first
 * and the last ones, with a line saying how many were left out. */
char     *pub_load_log_cut          (const char *text,
                                     guint       max_lines,
                                     guint       max_columns);

G_END_DECLS
