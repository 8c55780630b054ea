/* pub-add-resources-window.h: files and links to add to a published
 * dataset, checked as in the wizard before they are sent
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pub-draft.h"
#include "pub-resource-list-editor.h"

G_BEGIN_DECLS

#define PUB_TYPE_ADD_RESOURCES_WINDOW (pub_add_resources_window_get_type ())

G_DECLARE_FINAL_TYPE (PubAddResourcesWindow, pub_add_resources_window, PUB, ADD_RESOURCES_WINDOW, AdwWindow)

/* The resources wait in `draft`; signal "upload" when the person asks to
 * send them (the window then closes). */
PubAddResourcesWindow *pub_add_resources_window_new        (GtkWindow             *parent,
                                                            PubDraft              *draft,
                                                            const char            *dataset_title);
PubResourceListEditor *pub_add_resources_window_get_editor (PubAddResourcesWindow *self);

G_END_DECLS
