/* pub-dataset-resources-page-private.h: the resources page's insides,
 * shared with its halves that add and replace files
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pub-dataset-resources-page.h"
#include "pub-replace-record.h"

G_BEGIN_DECLS

struct _PubDatasetResourcesPage
{
  AdwBin          parent_instance;

  CkanClient     *client;
  CkanDataset    *dataset;
  PubDraft       *draft;          /* files and links waiting to be added */
  GCancellable   *cancellable;    /* the page's own calls */
  GCancellable   *op_cancellable; /* the upload or replace running now */
  char           *focus_id;       /* the row to focus after a refresh */
  guint           n_uploads;
  guint           uploaded;
  char           *records_dir;    /* NULL: the default one */
  PubReplaceRecord *interrupted;  /* a replace to resume */
  char           *edit_id;        /* the last edit sent, kept until it */
  JsonObject     *edit_changes;   /* went through, to retry */

  GtkLabel       *count_label;
  GtkWidget      *add_button;
  GtkListBox     *list;
  GtkWidget      *empty_label;
  GtkWidget      *pending_box;
  GtkLabel       *pending_label;
  GtkWidget      *interrupted_box;
  GtkLabel       *interrupted_label;
  GtkWidget      *progress_box;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
};

void _pub_dataset_resources_page_changed   (PubDatasetResourcesPage *self,
                                            CkanDataset             *dataset);
void _pub_dataset_resources_page_failed    (PubDatasetResourcesPage *self,
                                            const GError            *error,
                                            const char              *retry_action);
void _pub_dataset_resources_page_toast     (PubDatasetResourcesPage *self,
                                            const char              *text);
/* Shows (text not NULL) or hides the progress bar with its Cancel. */
void _pub_dataset_resources_page_progress  (PubDatasetResourcesPage *self,
                                            const char              *text,
                                            double                   fraction);
CkanResource *_pub_dataset_resources_page_find (PubDatasetResourcesPage *self,
                                                const char              *id);

/* Adding (pub-dataset-resources-page-add.c). */
void _pub_dataset_resources_page_update_pending (PubDatasetResourcesPage *self);
void _pub_dataset_resources_page_add_action     (GtkWidget  *widget,
                                                 const char *action_name,
                                                 GVariant   *param);
void _pub_dataset_resources_page_upload_action  (GtkWidget  *widget,
                                                 const char *action_name,
                                                 GVariant   *param);
gboolean _pub_dataset_resources_page_drop_cb    (PubDatasetResourcesPage *self,
                                                 const GValue            *value,
                                                 double                   x,
                                                 double                   y);

/* Replacing a file (pub-dataset-resources-page-replace.c). */
void _pub_dataset_resources_page_replace (PubDatasetResourcesPage *self,
                                          CkanResource            *resource);
/* Looks for replaces of this dataset left unfinished. */
void _pub_dataset_resources_page_find_interrupted (PubDatasetResourcesPage *self);
void _pub_dataset_resources_page_resume_action    (GtkWidget  *widget,
                                                   const char *action_name,
                                                   GVariant   *param);

G_END_DECLS
