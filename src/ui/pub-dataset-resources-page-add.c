/* pub-dataset-resources-page-add.c: files and links added to a published
 * dataset: checked in the wizard's editor, kept in the edit draft until
 * they are on the portal, uploaded one by one with progress
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-client-datasets.h"
#include "ckan-client-resources.h"
#include "pub-application.h"
#include "pub-add-resources-window.h"
#include "pub-dataset-resources-page-private.h"
#include "pub-personal-data-dialog.h"

static void upload_next (PubDatasetResourcesPage *self);

void
_pub_dataset_resources_page_update_pending (PubDatasetResourcesPage *self)
{
  guint n = self->draft != NULL ? g_list_model_get_n_items (pub_draft_get_resources (self->draft)) : 0;
  g_autofree char *text = NULL;

  /* While they upload, the progress says it. */
  gtk_widget_set_visible (self->pending_box, n > 0 && self->op_cancellable == NULL);
  if (n == 0)
    return;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u file or link is waiting to be uploaded.",
                                       "%u files or links are waiting to be uploaded.", n), n);
  gtk_label_set_text (self->pending_label, text);
}

static void
upload_requested_cb (PubDatasetResourcesPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "resources.upload", NULL);
}

static PubAddResourcesWindow *
open_add_window (PubDatasetResourcesPage *self)
{
  PubAddResourcesWindow *window;

  window = pub_add_resources_window_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->draft,
                                         self->dataset != NULL ? ckan_dataset_get_display_title (self->dataset) : NULL);
  g_signal_connect_object (window, "upload", G_CALLBACK (upload_requested_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

void
_pub_dataset_resources_page_add_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param)
{
  PubDatasetResourcesPage *self = PUB_DATASET_RESOURCES_PAGE (widget);

  if (self->draft != NULL)
    open_add_window (self);
}

gboolean
_pub_dataset_resources_page_drop_cb (PubDatasetResourcesPage *self,
                                     const GValue            *value,
                                     double                   x,
                                     double                   y)
{
  GSList *files = g_value_get_boxed (value);
  PubAddResourcesWindow *window;

  if (self->draft == NULL || files == NULL)
    return FALSE;
  window = open_add_window (self);
  return pub_resource_list_editor_add_files (pub_add_resources_window_get_editor (window), files) > 0;
}

static void
upload_progress_cb (goffset  sent,
                    goffset  total,
                    gpointer user_data)
{
  PubDatasetResourcesPage *self = user_data;

  g_assert (PUB_IS_DATASET_RESOURCES_PAGE (self));

  if (total > 0 && self->op_cancellable != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, (double) sent / total);
}

static void
finish (PubDatasetResourcesPage *self)
{
  g_clear_object (&self->op_cancellable);
  _pub_dataset_resources_page_progress (self, NULL, 0);
  _pub_dataset_resources_page_update_pending (self);
}

typedef struct {
  PubDatasetResourcesPage *self;
  PubDraftResource        *resource;
} Upload;

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Upload *upload = user_data;
  g_autoptr(PubDatasetResourcesPage) self = upload->self;
  g_autoptr(PubDraftResource) resource = upload->resource;
  g_autoptr(CkanResource) created = NULL;
  g_autoptr(GError) error = NULL;

  g_free (upload);
  if (pub_draft_resource_get_kind (resource) == PUB_DRAFT_RESOURCE_FILE)
    created = ckan_client_resource_create_upload_finish (CKAN_CLIENT (object), result, &error);
  else
    created = ckan_client_resource_create_finish (CKAN_CLIENT (object), result, &error);

  if (created == NULL)
    {
      /* What was not sent stays in the draft, to try again. */
      finish (self);
      if (self->uploaded > 0)
        _pub_dataset_resources_page_changed (self, NULL);
      _pub_dataset_resources_page_failed (self, error, "resources.upload");
      return;
    }
  /* On the portal now: no longer waiting. */
  pub_draft_remove_resource (self->draft, resource);
  self->uploaded++;
  upload_next (self);
}

static void
upload_next (PubDatasetResourcesPage *self)
{
  GListModel *pending = pub_draft_get_resources (self->draft);
  g_autoptr(PubDraftResource) resource = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *text = NULL;
  const char *name;
  Upload *upload;

  if (g_list_model_get_n_items (pending) == 0 || self->dataset == NULL)
    {
      guint uploaded = self->uploaded;

      finish (self);
      if (uploaded > 0)
        {
          g_autofree char *done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u resource added",
                                                                "%u resources added", uploaded), uploaded);

          _pub_dataset_resources_page_toast (self, done);
          _pub_dataset_resources_page_changed (self, NULL);
        }
      return;
    }

  resource = g_list_model_get_item (pending, 0);
  name = pub_draft_resource_get_name (resource);
  text = g_strdup_printf (_("Uploading “%s” (%u of %u)"), name != NULL ? name : "",
                          self->uploaded + 1, self->n_uploads);
  _pub_dataset_resources_page_progress (self, text, 0.0);

  json_object_set_string_member (fields, "package_id", ckan_dataset_get_id (self->dataset));
  if (name != NULL)
    json_object_set_string_member (fields, "name", name);
  if (pub_draft_resource_get_description (resource) != NULL)
    json_object_set_string_member (fields, "description", pub_draft_resource_get_description (resource));
  if (pub_draft_resource_get_format (resource) != NULL)
    json_object_set_string_member (fields, "format", pub_draft_resource_get_format (resource));

  upload = g_new0 (Upload, 1);
  upload->self = g_object_ref (self);
  upload->resource = g_object_ref (resource);
  if (pub_draft_resource_get_kind (resource) == PUB_DRAFT_RESOURCE_FILE)
    {
      g_autoptr(GFile) file = pub_draft_resource_dup_file (resource);

      ckan_client_resource_create_upload_async (self->client, fields, file, NULL,
                                                upload_progress_cb, self, NULL,
                                                self->op_cancellable, created_cb, upload);
    }
  else
    {
      json_object_set_string_member (fields, "url", pub_draft_resource_get_url (resource));
      ckan_client_resource_create_async (self->client, fields, self->op_cancellable, created_cb, upload);
    }
}

/* The "check-personal-data" setting; without the application (tests) the
 * check is on, as by default. */
static gboolean
checks_personal_data (PubDatasetResourcesPage *self)
{
  GApplication *app = g_application_get_default ();

  if (!PUB_IS_APPLICATION (app))
    return TRUE;
  return g_settings_get_boolean (pub_application_get_settings (PUB_APPLICATION (app)), "check-personal-data");
}

static void
start_uploads (PubDatasetResourcesPage *self)
{
  GListModel *pending = pub_draft_get_resources (self->draft);

  self->op_cancellable = g_cancellable_new ();
  self->n_uploads = g_list_model_get_n_items (pending);
  self->uploaded = 0;
  gtk_widget_set_visible (self->pending_box, FALSE);
  upload_next (self);
}

static void
made_private_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PubDatasetResourcesPage) self = user_data;
  g_autoptr(CkanDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (PUB_IS_DATASET_RESOURCES_PAGE (self));

  dataset = ckan_client_package_patch_finish (CKAN_CLIENT (object), result, &error);
  if (dataset == NULL)
    {
      _pub_dataset_resources_page_failed (self, error, NULL);
      return;
    }
  g_set_object (&self->dataset, dataset);
  start_uploads (self);
}

static void
personal_data_chosen_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(PubDatasetResourcesPage) self = user_data;
  PubPersonalDataChoice choice;

  g_assert (PUB_IS_DATASET_RESOURCES_PAGE (self));

  choice = pub_personal_data_dialog_choose_finish (PUB_PERSONAL_DATA_DIALOG (object), result);
  if (choice == PUB_PERSONAL_DATA_REVIEW || self->draft == NULL || self->dataset == NULL)
    return;
  /* Remembered with the files, so a retry does not ask again. */
  pub_personal_data_answer (self->draft, choice);
  if (choice == PUB_PERSONAL_DATA_PUBLISH_PRIVATE)
    {
      g_autoptr(JsonObject) patch = json_object_new ();

      /* The dataset goes private first, then the files. */
      json_object_set_boolean_member (patch, "private", TRUE);
      ckan_client_package_patch_async (self->client, ckan_dataset_get_id (self->dataset), patch,
                                       self->cancellable, made_private_cb, g_object_ref (self));
      return;
    }
  start_uploads (self);
}

void
_pub_dataset_resources_page_upload_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *param)
{
  PubDatasetResourcesPage *self = PUB_DATASET_RESOURCES_PAGE (widget);
  GListModel *pending;

  if (self->draft == NULL || self->op_cancellable != NULL || self->dataset == NULL)
    return;
  pending = pub_draft_get_resources (self->draft);
  for (guint i = 0; i < g_list_model_get_n_items (pending); i++)
    {
      g_autoptr(PubDraftResource) resource = g_list_model_get_item (pending, i);

      /* A file that vanished, or a link without an address, can't go. */
      if (pub_draft_resource_get_problem (resource) != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("“%s” can’t be uploaded: %s"),
                                                   pub_draft_resource_get_name (resource),
                                                   pub_draft_resource_get_problem (resource));

          _pub_dataset_resources_page_toast (self, text);
          return;
        }
    }
  /* Files with personal data going into a public dataset: asked first,
   * as before a publication. */
  if (checks_personal_data (self) && pub_personal_data_needs_answer (self->draft))
    {
      g_autoptr(GPtrArray) files = pub_personal_data_dup_unanswered (self->draft);
      PubPersonalDataDialog *dialog;

      dialog = pub_personal_data_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
      pub_personal_data_dialog_add_resources (dialog, files);
      pub_personal_data_dialog_choose_async (dialog, self->cancellable, personal_data_chosen_cb, g_object_ref (self));
      return;
    }
  start_uploads (self);
}
