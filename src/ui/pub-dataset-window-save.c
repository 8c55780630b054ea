/* pub-dataset-window-save.c: the dataset page's saves: the changed fields
 * with package_patch, after a look for changes made on the portal
 * meanwhile; the visibility switch
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-client-datasets.h"
#include "pub-dataset-conflict-dialog.h"
#include "pub-dataset-edit.h"
#include "pub-dataset-window-private.h"

static void
end_saving (PubDatasetWindow *self)
{
  self->saving = FALSE;
  _pub_dataset_window_update_save_button (self);
}

static void
patched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PubDatasetWindow) self = user_data;
  g_autoptr(CkanDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (PUB_IS_DATASET_WINDOW (self));

  dataset = ckan_client_package_patch_finish (CKAN_CLIENT (object), result, &error);
  end_saving (self);
  if (dataset == NULL)
    {
      /* The edits are still in the draft (and on disk) whatever happened. */
      if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_VALIDATION))
        {
          pub_dataset_metadata_editor_show_portal_errors (self->metadata_editor, error);
          pub_dataset_metadata_editor_validate (self->metadata_editor);
        }
      _pub_dataset_window_report_error (self, error, "dataset.save");
      return;
    }
  pub_dataset_edit_rebase (self->draft, dataset);
  gtk_revealer_set_reveal_child (self->restored_revealer, FALSE);
  _pub_dataset_window_set_dataset (self, dataset);
  _pub_dataset_window_toast (self, _("Changes saved"));
}

/* Only what the person changed since the version they started from. */
static void
send_patch (PubDatasetWindow   *self,
            const char * const *fields)
{
  g_autoptr(JsonObject) patch = pub_dataset_edit_build_patch (self->draft, fields);

  self->saving = TRUE;
  _pub_dataset_window_update_save_button (self);
  ckan_client_package_patch_async (self->client, ckan_dataset_get_id (self->dataset), patch,
                                   self->cancellable, patched_cb, g_object_ref (self));
}

typedef struct {
  PubDatasetWindow *self;
  CkanDataset      *current;
  GStrv             mine;
} ConflictData;

static void
conflict_data_free (ConflictData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->current);
  g_strfreev (data->mine);
  g_free (data);
}

static void
conflict_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      ConflictData     *data)
{
  PubDatasetWindow *self = data->self;

  if (g_str_equal (response, PUB_DATASET_CONFLICT_RELOAD))
    {
      /* Theirs wins where they changed something; the rest of the edits stay. */
      pub_dataset_edit_rebase (self->draft, data->current);
      _pub_dataset_window_set_dataset (self, data->current);
      _pub_dataset_window_toast (self, _("The portal’s version is loaded; your other changes are still to be saved"));
    }
  else if (g_str_equal (response, PUB_DATASET_CONFLICT_OVERWRITE))
    send_patch (self, (const char * const *) data->mine);
}

static void
fresh_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PubDatasetWindow) self = user_data;
  g_autoptr(CkanDataset) current = NULL;
  g_autoptr(CkanDataset) base = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) mine = NULL;
  g_auto(GStrv) theirs = NULL;
  AdwMessageDialog *dialog;
  ConflictData *data;

  g_assert (PUB_IS_DATASET_WINDOW (self));

  current = ckan_client_package_show_finish (CKAN_CLIENT (object), result, &error);
  if (current == NULL)
    {
      end_saving (self);
      _pub_dataset_window_report_error (self, error, "dataset.save");
      return;
    }
  if (g_strcmp0 (ckan_dataset_get_state (current), "deleted") == 0)
    {
      end_saving (self);
      _pub_dataset_window_show_gone (self);
      return;
    }

  mine = pub_dataset_edit_changed_fields (self->draft);
  base = pub_dataset_edit_dup_base (self->draft);
  if (mine[0] == NULL || base == NULL || !pub_dataset_edit_portal_is_newer (self->draft, current))
    {
      send_patch (self, (const char * const *) mine);
      return;
    }

  /* Newer on the portal. Changes to its files only touch nothing here:
   * the edits go on top without asking. */
  theirs = pub_dataset_edit_diff_datasets (base, current);
  if (theirs[0] == NULL)
    {
      pub_dataset_edit_rebase (self->draft, current);
      send_patch (self, (const char * const *) mine);
      return;
    }

  end_saving (self);
  dialog = pub_dataset_conflict_dialog_new (GTK_WINDOW (self), self->draft, base, current);
  data = g_new0 (ConflictData, 1);
  data->self = g_object_ref (self);
  data->current = g_object_ref (current);
  data->mine = g_steal_pointer (&mine);
  g_signal_connect_data (dialog, "response", G_CALLBACK (conflict_response_cb), data,
                         (GClosureNotify) conflict_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_pub_dataset_window_save_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  PubDatasetWindow *self = PUB_DATASET_WINDOW (widget);
  g_auto(GStrv) changed = NULL;

  if (self->saving || self->draft == NULL || self->dataset == NULL)
    return;
  changed = pub_dataset_edit_changed_fields (self->draft);
  if (changed[0] == NULL)
    return;
  if (!pub_dataset_metadata_editor_validate (self->metadata_editor))
    {
      _pub_dataset_window_toast (self, _("Complete the marked fields to save"));
      return;
    }

  /* Is the portal still at the version the edits started from? */
  self->saving = TRUE;
  _pub_dataset_window_update_save_button (self);
  ckan_client_package_show_async (self->client, ckan_dataset_get_id (self->dataset), self->cancellable,
                                  fresh_cb, g_object_ref (self));
}

void
_pub_dataset_window_discard_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  PubDatasetWindow *self = PUB_DATASET_WINDOW (widget);

  if (self->draft == NULL || self->dataset == NULL)
    return;
  pub_dataset_edit_fill_draft (self->draft, self->dataset);
  pub_dataset_edit_set_base (self->draft, self->dataset);
  gtk_revealer_set_reveal_child (self->restored_revealer, FALSE);
  _pub_dataset_window_update_save_button (self);
  _pub_dataset_window_toast (self, _("Changes discarded"));
}

/* Visibility */

static void
visibility_patched_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(PubDatasetWindow) self = user_data;
  g_autoptr(CkanDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (PUB_IS_DATASET_WINDOW (self));

  dataset = ckan_client_package_patch_finish (CKAN_CLIENT (object), result, &error);
  gtk_widget_set_sensitive (GTK_WIDGET (self->visibility_switch), TRUE);
  if (dataset == NULL)
    {
      /* Back to what the portal still has. */
      if (self->dataset != NULL)
        _pub_dataset_window_set_dataset (self, self->dataset);
      _pub_dataset_window_report_error (self, error, NULL);
      return;
    }
  pub_dataset_edit_rebase (self->draft, dataset);
  _pub_dataset_window_set_dataset (self, dataset);
  _pub_dataset_window_toast (self, ckan_dataset_get_private (dataset)
                                   ? _("The dataset is now private")
                                   : _("The dataset is now public"));
}

static void
set_private (PubDatasetWindow *self,
             gboolean          private_)
{
  g_autoptr(JsonObject) patch = json_object_new ();

  json_object_set_boolean_member (patch, "private", private_);
  gtk_widget_set_sensitive (GTK_WIDGET (self->visibility_switch), FALSE);
  ckan_client_package_patch_async (self->client, ckan_dataset_get_id (self->dataset), patch,
                                   self->cancellable, visibility_patched_cb, g_object_ref (self));
}

static void
make_private_response_cb (PubDatasetWindow *self,
                          const char       *response)
{
  if (g_str_equal (response, "private"))
    {
      set_private (self, TRUE);
      return;
    }
  /* Kept public: the switch goes back. */
  _pub_dataset_window_set_dataset (self, self->dataset);
}

gboolean
_pub_dataset_window_visibility_cb (PubDatasetWindow *self,
                                   gboolean          state,
                                   GtkSwitch        *sw)
{
  GtkWidget *dialog;

  if (self->setting_visibility || self->dataset == NULL)
    return FALSE;
  if (state == !ckan_dataset_get_private (self->dataset))
    return TRUE;
  if (state)
    {
      set_private (self, FALSE);
      return TRUE;
    }

  /* Links, downloads and other people's scripts stop working. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Make the Dataset Private?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will no longer be visible on the portal. People and programs "
                                    "that use its data or links will lose access to it."),
                                  ckan_dataset_get_display_title (self->dataset));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "private", _("_Make Private"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "private", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (make_private_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
