/* pub-window.h
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PUB_TYPE_WINDOW (pub_window_get_type ())

G_DECLARE_FINAL_TYPE (PubWindow, pub_window, PUB, WINDOW, AdwApplicationWindow)

PubWindow  *pub_window_new                 (AdwApplication *application,
                                            GSettings      *settings);
GSettings  *pub_window_get_settings        (PubWindow      *self);
/* The page of a section ("comments"), as pub_window_show_section names it. */
GtkWidget  *pub_window_get_section_page    (PubWindow      *self,
                                            const char     *name);
const char *pub_window_get_visible_section (PubWindow      *self);
void        pub_window_show_section        (PubWindow      *self,
                                            const char     *name);
void        pub_window_add_toast           (PubWindow      *self,
                                            AdwToast       *toast);
/* A number on a section's sidebar row (overdue datasets); 0 or less
 * hides it. */
void        pub_window_set_section_count   (PubWindow      *self,
                                            const char     *name,
                                            gint64          count);
/* "My Datasets", filtered to the overdue ones. */
void        pub_window_show_overdue        (PubWindow      *self);

G_END_DECLS
