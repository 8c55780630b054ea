/* pub-dataset-resources-page-replace.c: "Upload New Version": the new file
 * checked, its columns compared with the published ones, then sent in
 * place of the old one with resource_patch
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-client-resources.h"
#include "pub-dataset-resources-page-private.h"

typedef struct {
  PubDatasetResourcesPage *self;
  CkanResource            *resource;
  GFile                   *file;
  GtkFileChooserNative    *chooser;
} Replace;

static void
replace_free (Replace *replace)
{
  g_clear_object (&replace->self);
  g_clear_object (&replace->resource);
  g_clear_object (&replace->file);
  if (replace->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (replace->chooser));
  g_clear_object (&replace->chooser);
  g_free (replace);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Replace, replace_free)

static void
progress_cb (goffset  sent,
             goffset  total,
             gpointer user_data)
{
  PubDatasetResourcesPage *self = user_data;

  if (total > 0 && self->op_cancellable != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, (double) sent / total);
}

static void
patched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Replace) replace = user_data;
  PubDatasetResourcesPage *self = replace->self;
  g_autoptr(CkanResource) resource = NULL;
  g_autoptr(GError) error = NULL;

  resource = ckan_client_resource_patch_upload_finish (CKAN_CLIENT (object), result, &error);
  g_clear_object (&self->op_cancellable);
  _pub_dataset_resources_page_progress (self, NULL, 0);
  _pub_dataset_resources_page_update_pending (self);
  if (resource == NULL)
    {
      _pub_dataset_resources_page_failed (self, error, NULL);
      return;
    }
  _pub_dataset_resources_page_toast (self, _("New version uploaded"));
  _pub_dataset_resources_page_changed (self, NULL);
}

static void
send (Replace *replace)
{
  PubDatasetResourcesPage *self = replace->self;
  g_autofree char *name = g_file_get_basename (replace->file);
  g_autofree char *text = g_strdup_printf (_("Uploading the new version of “%s”"),
                                           ckan_resource_get_name (replace->resource));

  self->op_cancellable = g_cancellable_new ();
  _pub_dataset_resources_page_progress (self, text, 0.0);
  gtk_widget_set_visible (self->pending_box, FALSE);
  ckan_client_resource_patch_upload_async (self->client, ckan_resource_get_id (replace->resource), NULL,
                                           replace->file, name, progress_cb, self, NULL,
                                           self->op_cancellable, patched_cb, replace);
}

static void
chosen_cb (GtkNativeDialog *chooser,
           int              response,
           Replace         *replace)
{
  if (response != GTK_RESPONSE_ACCEPT)
    {
      replace_free (replace);
      return;
    }
  replace->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  send (replace);
}

void
_pub_dataset_resources_page_replace (PubDatasetResourcesPage *self,
                                     CkanResource            *resource)
{
  Replace *replace;

  if (self->op_cancellable != NULL)
    return;
  replace = g_new0 (Replace, 1);
  replace->self = g_object_ref (self);
  replace->resource = g_object_ref (resource);
  replace->chooser = gtk_file_chooser_native_new (_("Choose the New Version"),
                                                  GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                  GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (replace->chooser), TRUE);
  g_signal_connect (replace->chooser, "response", G_CALLBACK (chosen_cb), replace);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (replace->chooser));
}
