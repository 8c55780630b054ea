/* pub-resource-list-editor-private.h: the editor's insides, shared with
 * its checks half (pub-resource-list-editor-checks.c)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pub-check.h"
#include "pub-resource-list-editor.h"
#include "pub-validation-report-view.h"

G_BEGIN_DECLS

struct _PubResourceListEditor
{
  AdwBin                parent_instance;

  PubDraft             *draft;
  GCancellable         *cancellable;
  GPtrArray            *rows;
  GHashTable           *expanded;   /* resources whose row is open */
  GtkFileChooserNative *chooser;

  GtkStack             *stack;
  AdwPreferencesGroup  *resources_group;
  AdwEntryRow          *link_row;
  GtkListBoxRow        *link_error_row;
  GtkLabel             *link_error;
};

/* What the checks found that the closed row should say (personal data, a
 * low score), or NULL. */
char *_pub_resource_list_editor_check_flag      (PubDraftResource      *resource);
/* The Checks row was activated: the report, in a window of its own. */
void  _pub_resource_list_editor_show_report_cb  (AdwActionRow          *check_row,
                                                 PubResourceListEditor *self);
/* Reads the file again (size, date, hash, whether it is one), then checks it. */
void  _pub_resource_list_editor_refresh_resource (PubResourceListEditor *self,
                                                  PubDraftResource      *resource);

G_END_DECLS
