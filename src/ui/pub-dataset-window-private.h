/* pub-dataset-window-private.h: the dataset page's insides, shared with
 * its saving half (pub-dataset-window-save.c)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pub-dataset-activity-page.h"
#include "pub-dataset-metadata-editor.h"
#include "pub-dataset-resources-page.h"
#include "pub-dataset-window.h"

G_BEGIN_DECLS

struct _PubDatasetWindow
{
  AdwWindow                 parent_instance;

  CkanClient               *client;
  char                     *reference;     /* what it was opened with */
  PubDraftStore            *edits;
  CkanDataset              *dataset;
  PubDraft                 *draft;
  GCancellable             *cancellable;
  GHashTable               *user_names;    /* user id → display name */
  char                     *last_change_user_id;
  char                     *resources_retry;  /* the page's action a Retry runs */
  gboolean                  restored;
  gboolean                  saving;
  gboolean                  setting_visibility;
  guint                     pending_loads;
  GError                   *load_error;
  CkanDataset              *loaded;        /* package_show, until setup */

  AdwToastOverlay          *toast_overlay;
  AdwViewSwitcherTitle     *switcher_title;
  GtkWidget                *save_button;
  GtkWidget                *menu_button;
  GtkStack                 *status_stack;
  AdwStatusPage            *error_page;
  GtkWidget                *error_retry_button;
  GtkLabel                 *title_label;
  GtkLabel                 *organization_label;
  GtkLabel                 *state_label;
  GtkLabel                 *last_change_label;
  GtkLabel                 *update_status_label;
  GtkSwitch                *visibility_switch;
  GtkLabel                 *visibility_label;
  GtkWidget                *portal_button;
  AdwViewStack             *view_stack;
  GtkRevealer              *restored_revealer;
  PubDatasetMetadataEditor *metadata_editor;
  PubDatasetResourcesPage  *resources_page;
  PubDatasetActivityPage   *activity_page;
};

void  _pub_dataset_window_toast              (PubDatasetWindow *self,
                                              const char       *text);
/* A failed portal call: 404 turns the page into "deleted", anything else
 * is a toast (with Retry that runs `action_name` when the network or the
 * portal was at fault). */
void  _pub_dataset_window_report_error       (PubDatasetWindow *self,
                                              const GError     *error,
                                              const char       *retry_action);
/* The dataset as the portal has it now: header, pages, base of edits. */
void  _pub_dataset_window_set_dataset        (PubDatasetWindow *self,
                                              CkanDataset      *dataset);
void  _pub_dataset_window_update_save_button (PubDatasetWindow *self);

/* The header (pub-dataset-window-header.c). */
void  _pub_dataset_window_update_header      (PubDatasetWindow *self);
/* Who made the last change: the newest activity says. */
void  _pub_dataset_window_fetch_last_change  (PubDatasetWindow *self);
/* Gone from the portal (deleted here or by someone else). */
void  _pub_dataset_window_show_gone          (PubDatasetWindow *self);

/* Saving (pub-dataset-window-save.c). */
void  _pub_dataset_window_save_action        (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *param);
void  _pub_dataset_window_discard_action     (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *param);
/* The switch's "state-set": making a public dataset private asks first. */
gboolean _pub_dataset_window_visibility_cb   (PubDatasetWindow *self,
                                              gboolean          state,
                                              GtkSwitch        *sw);

G_END_DECLS
