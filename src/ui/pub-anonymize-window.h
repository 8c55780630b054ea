/* pub-anonymize-window.h: "Crear copia anonimizada…": what to do with each
 * column that holds personal data, then the copy, written with progress
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pub-check.h"
#include "pub-draft.h"

G_BEGIN_DECLS

#define PUB_TYPE_ANONYMIZE_WINDOW (pub_anonymize_window_get_type ())

G_DECLARE_FINAL_TYPE (PubAnonymizeWindow, pub_anonymize_window, PUB, ANONYMIZE_WINDOW, AdwWindow)

/* `result`: the checks of the file to copy; `draft`: where the choices are
 * remembered, and whose organization's key makes the pseudonyms. Emits
 * "copy-created" (GFile) when the copy is written, then closes. */
GtkWidget *pub_anonymize_window_new (GtkWindow      *parent,
                                     PubDraft       *draft,
                                     PubCheckResult *result);

G_END_DECLS
