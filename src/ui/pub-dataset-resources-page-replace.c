/* pub-dataset-resources-page-replace.c: "Upload New Version": the new file
 * checked, its columns compared with the published ones (the DataStore's
 * where there are some, else the start of the published file), the
 * changes listed before anything is sent, then resource_patch in place,
 * written down first so an interrupted one is resumed, never duplicated
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-client-datastore.h"
#include "ckan-client-download.h"
#include "ckan-client-resources.h"
#include "pub-column-diff.h"
#include "pub-dataset-resources-page-private.h"

/* Enough of a CSV file for its header and the rows that give the types. */
#define HEAD_BYTES (64 * 1024)

typedef struct {
  PubDatasetResourcesPage *self;
  CkanResource            *resource;
  GFile                   *file;
  gint64                   size;
  PubCheckResult          *check;
  GPtrArray               *published;   /* PubColumn, or NULL */
  GtkFileChooserNative    *chooser;
  PubReplaceRecord        *record;
} Replace;

static void
replace_free (Replace *replace)
{
  g_clear_object (&replace->self);
  g_clear_object (&replace->resource);
  g_clear_object (&replace->file);
  g_clear_object (&replace->check);
  g_clear_pointer (&replace->published, g_ptr_array_unref);
  if (replace->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (replace->chooser));
  g_clear_object (&replace->chooser);
  g_clear_pointer (&replace->record, pub_replace_record_free);
  g_free (replace);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Replace, replace_free)

static Replace *
replace_new (PubDatasetResourcesPage *self,
             CkanResource            *resource)
{
  Replace *replace = g_new0 (Replace, 1);

  replace->self = g_object_ref (self);
  replace->resource = g_object_ref (resource);
  return replace;
}

static const char *
resource_name (CkanResource *resource)
{
  const char *name = ckan_resource_get_name (resource);

  return name != NULL && name[0] != '\0' ? name : _("Unnamed resource");
}

static void
end_operation (PubDatasetResourcesPage *self)
{
  g_clear_object (&self->op_cancellable);
  _pub_dataset_resources_page_progress (self, NULL, 0);
  _pub_dataset_resources_page_update_pending (self);
}

/* Cancel pressed while comparing: nothing was sent, nothing is asked. */
static void
cancelled (Replace *replace)
{
  end_operation (replace->self);
  replace_free (replace);
}

static void
show_interrupted (PubDatasetResourcesPage *self)
{
  CkanResource *resource = self->interrupted != NULL
                           ? _pub_dataset_resources_page_find (self, self->interrupted->resource_id) : NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->interrupted_box, resource != NULL && self->op_cancellable == NULL);
  if (resource == NULL)
    return;
  text = g_strdup_printf (_("The new version of “%s” did not finish uploading. Resume it: the resource "
                            "is replaced in place, never duplicated."), resource_name (resource));
  gtk_label_set_text (self->interrupted_label, text);
}

/* Sending */

static void
progress_cb (goffset  sent,
             goffset  total,
             gpointer user_data)
{
  PubDatasetResourcesPage *self = user_data;

  g_assert (PUB_IS_DATASET_RESOURCES_PAGE (self));

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
  end_operation (self);
  if (resource == NULL)
    {
      /* Not there, or not known to be: the record stays, to resume. A
       * refusal (the portal answered) needs the person, not a retry. */
      if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_VALIDATION) ||
          g_error_matches (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION) ||
          g_error_matches (error, CKAN_ERROR, CKAN_ERROR_TOO_LARGE))
        pub_replace_record_remove (self->records_dir, replace->record->resource_id);
      else
        {
          g_clear_pointer (&self->interrupted, pub_replace_record_free);
          self->interrupted = g_steal_pointer (&replace->record);
          show_interrupted (self);
        }
      _pub_dataset_resources_page_failed (self, error, NULL);
      return;
    }
  pub_replace_record_remove (self->records_dir, replace->record->resource_id);
  g_clear_pointer (&self->interrupted, pub_replace_record_free);
  gtk_widget_set_visible (self->interrupted_box, FALSE);
  _pub_dataset_resources_page_toast (self, _("New version uploaded"));
  _pub_dataset_resources_page_changed (self, NULL);
}

static void
send (Replace *replace)
{
  PubDatasetResourcesPage *self = replace->self;
  g_autofree char *name = g_file_get_basename (replace->file);
  g_autofree char *text = g_strdup_printf (_("Uploading the new version of “%s”"), resource_name (replace->resource));

  g_clear_object (&self->op_cancellable);
  self->op_cancellable = g_cancellable_new ();
  gtk_widget_set_visible (self->interrupted_box, FALSE);
  gtk_widget_set_visible (self->pending_box, FALSE);
  _pub_dataset_resources_page_progress (self, text, 0.0);
  ckan_client_resource_patch_upload_async (self->client, ckan_resource_get_id (replace->resource), NULL,
                                           replace->file, name, progress_cb, self, NULL,
                                           self->op_cancellable, patched_cb, replace);
}

static void
record_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Replace *replace = user_data;
  g_autoptr(GError) error = NULL;

  /* Without the record an interruption could not be resumed safely. */
  if (!pub_replace_record_save_finish (result, &error))
    {
      end_operation (replace->self);
      _pub_dataset_resources_page_failed (replace->self, error, NULL);
      replace_free (replace);
      return;
    }
  send (replace);
}

static void
start_sending (Replace *replace)
{
  PubDatasetResourcesPage *self = replace->self;

  replace->record = pub_replace_record_new (ckan_client_get_base_url (self->client), replace->resource,
                                            replace->file, replace->size);
  self->op_cancellable = g_cancellable_new ();
  _pub_dataset_resources_page_progress (self, _("Preparing the upload…"), 0.0);
  pub_replace_record_save_async (replace->record, self->records_dir, NULL, record_saved_cb, replace);
}

/* Asking, with the changes */

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Replace          *replace)
{
  if (g_str_equal (response, "upload"))
    start_sending (replace);
  else
    replace_free (replace);
}

static void
confirm (Replace *replace)
{
  PubDatasetResourcesPage *self = replace->self;
  const PubCsvStats *stats = replace->check != NULL ? pub_check_result_get_stats (replace->check) : NULL;
  CkanValidationReport *report = replace->check != NULL ? pub_check_result_get_report (replace->check) : NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *heading = g_strdup_printf (_("Upload a New Version of “%s”?"), resource_name (replace->resource));
  gboolean breaking = FALSE;
  GtkWidget *dialog;
  guint errors = report != NULL ? (guint) ckan_validation_report_get_n_errors (report) : 0;

  end_operation (self);
  if (replace->published != NULL && stats != NULL)
    {
      g_autoptr(GPtrArray) replacement = pub_columns_from_stats (stats);

      changes = pub_column_diff (replace->published, replacement);
    }

  if (changes == NULL)
    g_string_append (body, _("The columns could not be compared with the published file."));
  else if (changes->len == 0)
    g_string_append (body, _("The columns are the same as in the published file."));
  else
    {
      /* People's programs read columns by name and type: say it first. */
      g_string_append (body, _("The columns change. Programs and spreadsheets that use this file may stop working:"));
      for (guint i = 0; i < changes->len; i++)
        {
          PubColumnChange *change = g_ptr_array_index (changes, i);
          g_autofree char *line = pub_column_change_describe (change);

          g_string_append_printf (body, "\n• %s", line);
          breaking |= change->kind != PUB_COLUMN_ADDED;
        }
    }
  if (errors > 0)
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                                 "The checks found %u problem in the new file.",
                                                 "The checks found %u problems in the new file.", errors),
                              errors);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "upload", _("_Upload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "upload",
                                              breaking ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), breaking ? "cancel" : "upload");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), replace);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The published columns */


static void
head_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Replace *replace = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) head = ckan_client_download_head_finish (CKAN_CLIENT (object), result, &error);

  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
    {
      cancelled (replace);
      return;
    }
  if (head != NULL)
    replace->published = pub_columns_from_head (head, ckan_resource_get_url (replace->resource));
  confirm (replace);
}

static void
read_head (Replace *replace)
{
  PubDatasetResourcesPage *self = replace->self;

  ckan_client_download_head_async (self->client, ckan_resource_get_url (replace->resource), HEAD_BYTES,
                                   self->op_cancellable, head_cb, replace);
}

static void
datastore_info_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Replace *replace = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanDatastoreInfo) info = ckan_client_datastore_info_finish (CKAN_CLIENT (object), result, &error);

  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
    {
      cancelled (replace);
      return;
    }
  /* Not in the DataStore after all, or it did not answer: the file then. */
  if (info != NULL && ckan_datastore_info_get_fields (info)->len > 0)
    {
      replace->published = pub_columns_from_datastore (info);
      confirm (replace);
      return;
    }
  read_head (replace);
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Replace *replace = user_data;
  PubDatasetResourcesPage *self = replace->self;
  g_autoptr(GError) error = NULL;

  replace->check = pub_check_file_finish (result, &error);
  if (replace->check == NULL)
    {
      end_operation (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _pub_dataset_resources_page_failed (self, error, NULL);
      replace_free (replace);
      return;
    }
  _pub_dataset_resources_page_progress (self, _("Comparing the columns with the published file…"), 0.0);
  if (ckan_resource_get_datastore_active (replace->resource))
    ckan_client_datastore_info_async (self->client, ckan_resource_get_id (replace->resource),
                                      self->op_cancellable, datastore_info_cb, replace);
  else
    read_head (replace);
}

static void
check_progress_cb (double   fraction,
                   gpointer user_data)
{
  PubDatasetResourcesPage *self = user_data;

  g_assert (PUB_IS_DATASET_RESOURCES_PAGE (self));

  if (self->op_cancellable != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
info_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Replace *replace = user_data;
  PubDatasetResourcesPage *self = replace->self;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  info = g_file_query_info_finish (G_FILE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      cancelled (replace);
      return;
    }
  if (info == NULL)
    {
      end_operation (self);
      _pub_dataset_resources_page_failed (self, error, NULL);
      replace_free (replace);
      return;
    }
  replace->size = g_file_info_get_size (info);
  text = g_strdup_printf (_("Checking “%s”…"), g_file_info_get_display_name (info));
  _pub_dataset_resources_page_progress (self, text, 0.0);
  pub_check_file_async (replace->file, NULL, check_progress_cb, self, NULL, self->op_cancellable,
                        checked_cb, replace);
}

void
pub_dataset_resources_page_replace_with (PubDatasetResourcesPage *self,
                                         const char              *resource_id,
                                         GFile                   *file)
{
  CkanResource *resource;
  Replace *replace;

  g_return_if_fail (PUB_IS_DATASET_RESOURCES_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  resource = _pub_dataset_resources_page_find (self, resource_id);
  if (resource == NULL || self->op_cancellable != NULL)
    return;
  replace = replace_new (self, resource);
  replace->file = g_object_ref (file);
  self->op_cancellable = g_cancellable_new ();
  gtk_widget_set_visible (self->pending_box, FALSE);
  _pub_dataset_resources_page_progress (self, _("Checking the new file…"), 0.0);
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, self->op_cancellable, info_cb, replace);
}

static void
chosen_cb (GtkNativeDialog *chooser,
           int              response,
           Replace         *replace)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    pub_dataset_resources_page_replace_with (replace->self, ckan_resource_get_id (replace->resource), file);
  replace_free (replace);
}

void
_pub_dataset_resources_page_replace (PubDatasetResourcesPage *self,
                                     CkanResource            *resource)
{
  Replace *replace;

  if (self->op_cancellable != NULL)
    return;
  replace = replace_new (self, resource);
  replace->chooser = gtk_file_chooser_native_new (_("Choose the New Version"),
                                                  GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                  GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (replace->chooser), TRUE);
  g_signal_connect (replace->chooser, "response", G_CALLBACK (chosen_cb), replace);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (replace->chooser));
}

/* Resuming */

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PubDatasetResourcesPage) self = user_data;
  g_autoptr(GPtrArray) records = pub_replace_record_list_finish (result, NULL);

  g_assert (PUB_IS_DATASET_RESOURCES_PAGE (self));

  g_clear_pointer (&self->interrupted, pub_replace_record_free);
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      PubReplaceRecord *record = g_ptr_array_index (records, i);
      CkanResource *resource = _pub_dataset_resources_page_find (self, record->resource_id);

      switch (pub_replace_record_check (record, resource))
        {
        case PUB_REPLACE_DONE:
          {
            g_autofree char *text = g_strdup_printf (_("The new version of “%s” is on the portal"),
                                                     resource_name (resource));

            _pub_dataset_resources_page_toast (self, text);
          }
          pub_replace_record_remove (self->records_dir, record->resource_id);
          break;
        case PUB_REPLACE_RESOURCE_GONE:
          pub_replace_record_remove (self->records_dir, record->resource_id);
          break;
        case PUB_REPLACE_PENDING:
        default:
          if (self->interrupted == NULL)
            self->interrupted = g_steal_pointer (&records->pdata[i]);
          break;
        }
    }
  show_interrupted (self);
}

void
_pub_dataset_resources_page_find_interrupted (PubDatasetResourcesPage *self)
{
  if (self->dataset == NULL || self->client == NULL || self->op_cancellable != NULL)
    return;
  pub_replace_record_list_async (self->records_dir, ckan_client_get_base_url (self->client),
                                 ckan_dataset_get_id (self->dataset), self->cancellable,
                                 listed_cb, g_object_ref (self));
}

static void
resume_info_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Replace *replace = user_data;
  PubDatasetResourcesPage *self = replace->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Still to resume another time. */
      self->interrupted = g_steal_pointer (&replace->record);
      end_operation (self);
      show_interrupted (self);
      replace_free (replace);
      return;
    }
  /* The file chosen then, as it was then; anything else needs choosing. */
  if (info == NULL || g_file_info_get_size (info) != replace->record->size)
    {
      end_operation (self);
      pub_replace_record_remove (self->records_dir, replace->record->resource_id);
      _pub_dataset_resources_page_toast (self, _("The new file changed or is gone since: choose it again"));
      replace_free (replace);
      return;
    }
  send (replace);
}

void
_pub_dataset_resources_page_resume_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *param)
{
  PubDatasetResourcesPage *self = PUB_DATASET_RESOURCES_PAGE (widget);
  CkanResource *resource;
  Replace *replace;

  if (self->interrupted == NULL || self->op_cancellable != NULL)
    return;
  resource = _pub_dataset_resources_page_find (self, self->interrupted->resource_id);
  if (resource == NULL)
    return;
  replace = replace_new (self, resource);
  replace->record = g_steal_pointer (&self->interrupted);
  replace->file = g_file_new_for_path (replace->record->path);
  replace->size = replace->record->size;
  self->op_cancellable = g_cancellable_new ();
  gtk_widget_set_visible (self->interrupted_box, FALSE);
  _pub_dataset_resources_page_progress (self, _("Resuming the upload…"), 0.0);
  g_file_query_info_async (replace->file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, self->op_cancellable, resume_info_cb, replace);
}
