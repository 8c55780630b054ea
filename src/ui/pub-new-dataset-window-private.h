/* pub-new-dataset-window-private.h: the wizard's insides, shared with its
 * publishing half (pub-new-dataset-window-publish.c)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pub-new-dataset-window.h"
#include "pub-publish-queue.h"

G_BEGIN_DECLS

struct _PubNewDatasetWindow
{
  AdwWindow                 parent_instance;

  PubDraftStore            *store;
  PubDraft                 *draft;
  CkanClient               *client;

  AdwToastOverlay          *toast_overlay;
  AdwWindowTitle           *window_title;
  GtkWidget                *back_button;
  GtkWidget                *next_button;
  GtkWidget                *publish_button;
  GtkStack                 *steps;
  PubDatasetMetadataEditor *metadata_editor;
  PubResourceListEditor    *resource_editor;
  AdwStatusPage            *progress_page;
  GtkLabel                 *progress_file_label;
  GtkProgressBar           *file_progress;
  GtkLabel                 *progress_overall_label;
  GtkProgressBar           *overall_progress;
  GtkButton                *progress_button;
  GtkWidget                *portal_button;
  GtkWidget                *retry_button;
  GtkWidget                *edit_button;

  AdwToast                 *toast;   /* the last one, while shown */
  PubPublishJob            *job;
  GCancellable             *publish_cancellable;
  gboolean                  asking_personal_data;
  gboolean                  waiting_for_checks;
  /* Unowned, only compared: the queue whose job signals are connected. */
  PubPublishQueue          *watched_queue;
};

void             _pub_new_dataset_window_show_toast         (PubNewDatasetWindow *self,
                                                             const char          *text);
/* "metadata", "resources" or "progress". */
void             _pub_new_dataset_window_show_step          (PubNewDatasetWindow *self,
                                                             const char          *step);

/* Publishing (pub-new-dataset-window-publish.c). */
PubPublishQueue *_pub_new_dataset_window_app_queue          (PubNewDatasetWindow *self);
void             _pub_new_dataset_window_attach_job         (PubNewDatasetWindow *self,
                                                             PubPublishJob       *job);
void             _pub_new_dataset_window_show_publish_state (PubNewDatasetWindow *self);
void             _pub_new_dataset_window_draft_state_cb     (PubNewDatasetWindow *self);
void             _pub_new_dataset_window_start_publish      (PubNewDatasetWindow *self);
void             _pub_new_dataset_window_cancel_publish_action (GtkWidget  *widget,
                                                             const char *action_name,
                                                             GVariant   *param);
void             _pub_new_dataset_window_open_portal_action (GtkWidget  *widget,
                                                             const char *action_name,
                                                             GVariant   *param);

G_END_DECLS
