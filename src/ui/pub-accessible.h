/* pub-accessible.h: names a screen reader can speak, where GTK 4.8 and
 * libadwaita 1.2 leave none or a wrong one
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* GTK 4.8 names a button with a mnemonic twice, its raw label and then
 * its label's text ("_Omitir Omitir"). Every such button under `root`
 * gets its text alone as its name, now and whenever its label changes. */
void pub_accessible_name_text_buttons     (GtkWidget  *root);

/* Does the above for every window as it is shown, message dialogs
 * included. Called once by the application. */
void pub_accessible_watch_windows         (void);

/* Names the buttons libadwaita builds inside a row (an entry row's apply
 * button, a password row's show-text button), which come with none. */
void pub_accessible_name_inner_buttons    (GtkWidget  *row,
                                           const char *label);

/* The same for the search entry an AdwPreferencesWindow builds. */
void pub_accessible_name_inner_search     (GtkWidget  *root,
                                           const char *label);

/* GTK 4.8 gives a list item no name: a combo row over a GtkStringList
 * gets a factory whose items are named after the string they show (the
 * chosen one on the row, and each in the list). */
void pub_accessible_name_combo_items      (AdwComboRow *row);

/* Names the widget that holds a list item's child after what it shows. */
void pub_accessible_name_list_item        (GtkWidget  *child,
                                           const char *name,
                                           const char *description);

G_END_DECLS
