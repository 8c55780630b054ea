/* pub-dataset-list-view-private.h: what the halves of PubDatasetListView share
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pub-bulk-job.h"
#include "pub-dataset-list-view.h"

G_BEGIN_DECLS

struct _PubDatasetListView
{
  AdwBin              parent_instance;

  PubDatasetListMode  mode;
  PubAccountManager  *manager;
  GSettings          *settings;
  PubAccount         *account;
  CkanOrganization   *organization;
  PubDatasetList     *list;
  GtkNoSelection     *selection_model;
  gboolean            updating;
  gboolean            list_needs_token;
  char               *filters;      /* filter_signature () last applied */

  /* Selection mode: ids ticked, or every dataset that matches. */
  gboolean            selection_mode;
  GHashTable         *selected;
  gboolean            all_matching;
  PubBulkJob         *job;        /* running, or the last one (for Undo) */
  gboolean            job_running;
  gboolean            undoing;
  CkanBulkAction      pending_action;
  GCancellable       *cancellable;

  AdwToastOverlay    *toast_overlay;
  GtkDropDown        *org_dropdown;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *sort_dropdown;
  GtkToggleButton    *select_button;
  GtkFlowBox         *filter_bar;
  GtkDropDown        *visibility_dropdown;
  GtkDropDown        *state_dropdown;
  GtkDropDown        *format_dropdown;
  GtkStringList      *format_model;
  GtkToggleButton    *overdue_button;
  GtkLabel           *count_label;
  GtkWidget          *status_box;
  GtkImage           *status_icon;
  GtkLabel           *status_label;
  GtkWidget          *status_retry_button;
  GtkStack           *stack;
  GtkScrolledWindow  *scrolled_window;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *message_page;
  GtkWidget          *message_button;
  GtkActionBar       *selection_bar;
  GtkLabel           *selected_label;
};

/* pub-dataset-list-view-status.c */
/* What the list says about itself, shown above it or in its place. */
void     _pub_dataset_list_view_update_status     (PubDatasetListView *self);
/* A page in place of the list: nobody signed in, no organization, … */
void     _pub_dataset_list_view_show_message      (PubDatasetListView *self,
                                                   const char         *icon_name,
                                                   const char         *title,
                                                   const char         *description,
                                                   gboolean            retry);
/* The portal refused the account's token: what is shown is the cache. */
gboolean _pub_dataset_list_view_token_rejected    (PubDatasetListView *self);

/* pub-dataset-list-view-bulk.c */
void     _pub_dataset_list_view_class_init_bulk   (GtkWidgetClass     *widget_class);
void     _pub_dataset_list_view_bind_item         (PubDatasetListView *self,
                                                   PubDatasetListItem *item);
void     _pub_dataset_list_view_unbind_item       (PubDatasetListView *self,
                                                   PubDatasetListItem *item);
void     _pub_dataset_list_view_set_selection_mode (PubDatasetListView *self,
                                                   gboolean            selection_mode);
void     _pub_dataset_list_view_update_selection  (PubDatasetListView *self);
/* Whether the current person may change many datasets at once here. */
gboolean _pub_dataset_list_view_can_bulk          (PubDatasetListView *self);
void     _pub_dataset_list_view_toast             (PubDatasetListView *self,
                                                   AdwToast           *toast);

G_END_DECLS
