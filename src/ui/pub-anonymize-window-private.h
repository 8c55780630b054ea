/* pub-anonymize-window-private.h: shared by the window and its key half
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pub-anonymize-window.h"

G_BEGIN_DECLS

struct _PubAnonymizeWindow
{
  AdwWindow          parent_instance;

  AdwToastOverlay   *toasts;
  GtkStack          *stack;
  AdwPreferencesGroup *columns_group;
  AdwActionRow      *destination_row;
  AdwComboRow       *delimiter_row;
  GtkStringList     *delimiter_choices;
  AdwActionRow      *key_row;
  AdwStatusPage     *writing_page;
  GtkProgressBar    *progress_bar;
  GtkWidget         *create_button;

  PubDraft          *draft;
  PubCheckResult    *result;
  GPtrArray         *rows;         /* PubAnonymizeColumnRow, owned by the group */
  GCancellable      *cancellable;
  GtkFileChooserNative *chooser;
  gboolean           writing;
};

void _pub_anonymize_window_toast           (PubAnonymizeWindow  *self,
                                            const char          *text);
/* The organization's key, from the keyring or (with no keyring) from a
 * passphrase the person types; NULL and a toast when there is none. */
void _pub_anonymize_window_get_key_async   (PubAnonymizeWindow  *self,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GBytes *_pub_anonymize_window_get_key_finish (PubAnonymizeWindow *self,
                                              GAsyncResult       *result,
                                              GError            **error);
void _pub_anonymize_window_export_key      (PubAnonymizeWindow  *self);
void _pub_anonymize_window_import_key      (PubAnonymizeWindow  *self);

G_END_DECLS
