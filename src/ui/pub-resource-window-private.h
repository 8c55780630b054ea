/* pub-resource-window-private.h: the resource window's state, shared by
 * its files
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-dataset.h"
#include "ckan-resource.h"
#include "pub-check.h"
#include "pub-datastore-page.h"
#include "pub-dictionary-page.h"
#include "pub-portal-job.h"
#include "pub-portal-services.h"
#include "pub-preview-page.h"
#include "pub-resource-window.h"
#include "pub-validation-report-view.h"

G_BEGIN_DECLS

struct _PubResourceWindow
{
  AdwWindow                parent_instance;

  CkanClient              *client;
  char                    *dataset_id;
  char                    *resource_id;
  PubDraftStore           *drafts;
  GCancellable            *cancellable;

  /* What the first reads brought. */
  guint                    pending;
  GError                  *load_error;
  PubPortalServices       *services;
  CkanResource            *resource;
  CkanDataset             *dataset;

  PubPortalJob            *validation_job;
  GCancellable            *validation_cancellable;
  PubCheckResult          *local;
  gboolean                 portal_ai;
  char                    *download_dir;   /* the portal's copy of the file, while open */
  char                    *download_name;
  gboolean                 fetching_file;

  AdwToastOverlay         *toast_overlay;
  AdwViewSwitcherTitle    *switcher_title;
  GtkStack                *main_stack;
  AdwStatusPage           *error_page;
  AdwViewStack            *view_stack;
  AdwViewStackPage        *datastore_part;
  AdwViewStackPage        *dictionary_part;
  AdwViewStackPage        *preview_part;
  AdwViewStackPage        *validation_part;
  AdwViewStackPage        *ai_part;
  PubDatastorePage        *datastore_page;
  PubDictionaryPage       *dictionary_page;
  PubPreviewPage          *preview_page;
  PubValidationReportView *validation_view;
  PubValidationReportView *ai_view;
  GtkWidget               *validation_file_bar;
  GtkWidget               *validation_file_spinner;
  GtkWidget               *ai_file_bar;
  GtkWidget               *ai_file_spinner;
};

void pub_resource_window_toast              (PubResourceWindow *self,
                                             const char        *text);
/* The local report beside the portal's: why they differ. */
void pub_resource_window_show_differences   (PubResourceWindow *self);

/* pub-resource-window-local.c */
void pub_resource_window_read_ai_validation (PubResourceWindow *self);
void pub_resource_window_check_local_file   (PubResourceWindow *self);
/* resource.check-file */
void pub_resource_window_check_file_action  (GtkWidget         *widget,
                                             const char        *action_name,
                                             GVariant          *parameter);

G_END_DECLS
