/* pub-dataset-delete-dialog.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-client-datasets.h"
#include "pub-dataset-backup.h"
#include "pub-dataset-delete-dialog.h"
#include "pub-dataset-errors.h"

struct _PubDatasetDeleteDialog
{
  AdwWindow         parent_instance;

  CkanClient       *client;
  CkanDataset      *dataset;
  gboolean          delete;
  PubDatasetBackup *backup;
  GFile            *backup_folder;
  GCancellable     *cancellable;
  GtkFileChooserNative *chooser;
  gboolean          busy;

  AdwWindowTitle   *window_title;
  GtkLabel         *heading_label;
  GtkLabel         *body_label;
  GtkWidget        *backup_button;
  GtkWidget        *progress_box;
  GtkLabel         *progress_label;
  GtkProgressBar   *progress_bar;
  GtkWidget        *done_box;
  GtkLabel         *done_label;
  GtkLabel         *error_label;
  GtkButton        *cancel_button;
  GtkWidget        *delete_button;
};

G_DEFINE_FINAL_TYPE (PubDatasetDeleteDialog, pub_dataset_delete_dialog, ADW_TYPE_WINDOW)

enum {
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (PubDatasetDeleteDialog *self,
          gboolean                busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delete.backup", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delete.delete", !busy);
}

static void
show_error (PubDatasetDeleteDialog *self,
            const char             *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
progress_cb (PubDatasetDeleteDialog *self)
{
  const char *file = pub_dataset_backup_get_current_file (self->backup);
  g_autofree char *text = file != NULL ? g_strdup_printf (_("Saving “%s”…"), file) : NULL;

  gtk_progress_bar_set_fraction (self->progress_bar, pub_dataset_backup_get_fraction (self->backup));
  gtk_label_set_text (self->progress_label, text != NULL ? text : _("Preparing the backup…"));
}

static void
backup_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PubDatasetDeleteDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;

  g_assert (PUB_IS_DATASET_DELETE_DIALOG (self));

  folder = pub_dataset_backup_write_finish (PUB_DATASET_BACKUP (object), result, &error);
  if (self->cancellable == NULL)
    return;
  set_busy (self, FALSE);
  gtk_widget_set_visible (self->progress_box, FALSE);
  gtk_button_set_label (self->cancel_button, self->delete ? _("_Cancel") : _("_Close"));
  if (folder == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("The backup is not complete: %s"), error->message);
      show_error (self, message);
      return;
    }
  g_set_object (&self->backup_folder, folder);
  {
    g_autofree char *name = g_file_get_basename (folder);
    g_autofree char *text = g_strdup_printf (_("Backup saved in “%s”."), name);

    gtk_label_set_text (self->done_label, text);
  }
  gtk_widget_set_visible (self->done_box, TRUE);
  gtk_widget_set_visible (self->backup_button, FALSE);
}

void
pub_dataset_delete_dialog_backup_to (PubDatasetDeleteDialog *self,
                                     GFile                  *parent_folder)
{
  g_return_if_fail (PUB_IS_DATASET_DELETE_DIALOG (self));
  g_return_if_fail (G_IS_FILE (parent_folder));

  if (self->busy)
    return;
  show_error (self, NULL);
  gtk_widget_set_visible (self->done_box, FALSE);
  gtk_widget_set_visible (self->progress_box, TRUE);
  gtk_button_set_label (self->cancel_button, _("_Stop Backup"));
  set_busy (self, TRUE);
  g_clear_object (&self->backup);
  self->backup = pub_dataset_backup_new (self->client, self->dataset);
  g_signal_connect_object (self->backup, "notify", G_CALLBACK (progress_cb), self, G_CONNECT_SWAPPED);
  progress_cb (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  pub_dataset_backup_write_async (self->backup, parent_folder, self->cancellable,
                                  backup_written_cb, g_object_ref (self));
}

static void
chooser_response_cb (PubDatasetDeleteDialog *self,
                     int                     response,
                     GtkNativeDialog        *chooser)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (folder != NULL)
    pub_dataset_delete_dialog_backup_to (self, folder);
}

static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PubDatasetDeleteDialog *self = PUB_DATASET_DELETE_DIALOG (widget);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose Where to Save the Backup"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Save Here"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
show_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PubDatasetDeleteDialog *self = PUB_DATASET_DELETE_DIALOG (widget);
  g_autofree char *uri = NULL;

  if (self->backup_folder == NULL)
    return;
  uri = g_file_get_uri (self->backup_folder);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PubDatasetDeleteDialog *self = PUB_DATASET_DELETE_DIALOG (widget);

  /* First press stops a running backup; the next closes. */
  if (self->busy && self->backup != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PubDatasetDeleteDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  g_assert (PUB_IS_DATASET_DELETE_DIALOG (self));

  if (!ckan_client_package_delete_finish (CKAN_CLIENT (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      /* Deleted by someone else already: the outcome is the same. */
      if (!g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND))
        {
          message = pub_dataset_error_message (error, self->dataset);
          show_error (self, message);
          return;
        }
    }
  g_signal_emit (self, signals[DELETED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PubDatasetDeleteDialog *self = PUB_DATASET_DELETE_DIALOG (widget);

  if (!self->delete || self->busy)
    return;
  show_error (self, NULL);
  set_busy (self, TRUE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  ckan_client_package_delete_async (self->client, ckan_dataset_get_id (self->dataset), self->cancellable,
                                    deleted_cb, g_object_ref (self));
}

static void
pub_dataset_delete_dialog_dispose (GObject *object)
{
  PubDatasetDeleteDialog *self = PUB_DATASET_DELETE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_DATASET_DELETE_DIALOG);
  g_clear_object (&self->backup);
  g_clear_object (&self->backup_folder);
  g_clear_object (&self->client);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (pub_dataset_delete_dialog_parent_class)->dispose (object);
}

static void
pub_dataset_delete_dialog_class_init (PubDatasetDeleteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_dataset_delete_dialog_dispose;

  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/publicador/Publicador/ui/pub-dataset-delete-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PubDatasetDeleteDialog, name)
  BIND (window_title);
  BIND (heading_label);
  BIND (body_label);
  BIND (backup_button);
  BIND (progress_box);
  BIND (progress_label);
  BIND (progress_bar);
  BIND (done_box);
  BIND (done_label);
  BIND (error_label);
  BIND (cancel_button);
  BIND (delete_button);
#undef BIND

  gtk_widget_class_install_action (widget_class, "delete.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "delete.show-folder", NULL, show_folder_action);
  gtk_widget_class_install_action (widget_class, "delete.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "delete.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "delete.cancel", NULL);
}

static void
pub_dataset_delete_dialog_init (PubDatasetDeleteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PubDatasetDeleteDialog *
pub_dataset_delete_dialog_new (GtkWindow   *parent,
                               CkanClient  *client,
                               CkanDataset *dataset,
                               gboolean     delete)
{
  PubDatasetDeleteDialog *self;
  const char *title;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (CKAN_IS_CLIENT (client), NULL);
  g_return_val_if_fail (CKAN_IS_DATASET (dataset), NULL);

  self = g_object_new (PUB_TYPE_DATASET_DELETE_DIALOG, "transient-for", parent, NULL);
  self->client = g_object_ref (client);
  self->dataset = g_object_ref (dataset);
  self->delete = delete;
  title = ckan_dataset_get_display_title (dataset);

  if (delete)
    {
      heading = g_strdup_printf (_("Delete “%s”?"), title);
      gtk_window_set_title (GTK_WINDOW (self), _("Delete Dataset"));
      gtk_label_set_text (self->body_label,
                          _("The dataset, its files and its links leave the portal, and Publicador cannot "
                            "bring them back. Download a backup first: its metadata and every file, into a "
                            "folder on this computer, to restore it as a draft if you need it again."));
      gtk_widget_add_css_class (self->backup_button, "suggested-action");
    }
  else
    {
      heading = g_strdup_printf (_("Back Up “%s”"), title);
      gtk_window_set_title (GTK_WINDOW (self), _("Download Backup"));
      gtk_label_set_text (self->body_label,
                          _("Its metadata and every uploaded file go into a new folder on this computer, "
                            "with a README saying what it is. You can restore it as a draft later."));
      gtk_widget_set_visible (self->delete_button, FALSE);
      gtk_button_set_label (self->cancel_button, _("_Close"));
    }
  gtk_label_set_text (self->heading_label, heading);
  return self;
}

GFile *
pub_dataset_delete_dialog_get_backup (PubDatasetDeleteDialog *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_DELETE_DIALOG (self), NULL);
  return self->backup_folder;
}
