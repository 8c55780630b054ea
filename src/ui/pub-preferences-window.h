/* pub-preferences-window.h
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PUB_TYPE_PREFERENCES_WINDOW (pub_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (PubPreferencesWindow, pub_preferences_window, PUB, PREFERENCES_WINDOW, AdwPreferencesWindow)

PubPreferencesWindow *pub_preferences_window_new (GSettings *settings);

G_END_DECLS
