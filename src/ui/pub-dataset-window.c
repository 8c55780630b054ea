/* pub-dataset-window.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-client-datasets.h"
#include "pub-application.h"
#include "pub-dataset-delete-dialog.h"
#include "pub-dataset-edit.h"
#include "pub-dataset-errors.h"
#include "pub-dataset-window-private.h"

G_DEFINE_FINAL_TYPE (PubDatasetWindow, pub_dataset_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_REFERENCE,
  PROP_EDITS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load (PubDatasetWindow *self);

PubDraftStore *
pub_dataset_window_get_edits_store (void)
{
  static PubDraftStore *store;

  if (store == NULL)
    {
      g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "publicador", "edits", NULL);

      store = pub_draft_store_new (dir);
    }
  return store;
}

void
_pub_dataset_window_toast (PubDatasetWindow *self,
                           const char       *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

void
_pub_dataset_window_report_error (PubDatasetWindow *self,
                                  const GError     *error,
                                  const char       *retry_action)
{
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND))
    {
      _pub_dataset_window_show_gone (self);
      return;
    }
  message = pub_dataset_error_message (error, self->dataset);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);
  if (retry_action != NULL && pub_dataset_error_can_retry (error))
    {
      adw_toast_set_button_label (toast, _("_Retry"));
      adw_toast_set_action_name (toast, retry_action);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_pub_dataset_window_update_save_button (PubDatasetWindow *self)
{
  g_auto(GStrv) changed = NULL;
  gboolean on_metadata;

  if (self->draft == NULL)
    {
      gtk_widget_set_visible (self->save_button, FALSE);
      return;
    }
  changed = pub_dataset_edit_changed_fields (self->draft);
  on_metadata = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "metadata") == 0;
  gtk_widget_set_visible (self->save_button, on_metadata && changed[0] != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dataset.save", changed[0] != NULL && !self->saving);
  if (changed[0] == NULL)
    gtk_revealer_set_reveal_child (self->restored_revealer, FALSE);
}

void
_pub_dataset_window_set_dataset (PubDatasetWindow *self,
                                 CkanDataset      *dataset)
{
  g_set_object (&self->dataset, dataset);
  _pub_dataset_window_update_header (self);
  pub_dataset_resources_page_set_dataset (self->resources_page, dataset);
  pub_dataset_activity_page_set_dataset (self->activity_page, dataset);
  _pub_dataset_window_fetch_last_change (self);
  gtk_stack_set_visible_child_name (self->status_stack, "dataset");
  _pub_dataset_window_update_save_button (self);
}

static void
show_error_page (PubDatasetWindow *self,
                 const char       *title,
                 const char       *description,
                 gboolean          can_retry)
{
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, description);
  gtk_widget_set_visible (self->error_retry_button, can_retry);
  gtk_stack_set_visible_child_name (self->status_stack, "error");
  gtk_widget_set_visible (self->save_button, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dataset.backup", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dataset.delete", FALSE);
}

void
_pub_dataset_window_show_gone (PubDatasetWindow *self)
{
  show_error_page (self, _("Dataset Deleted"),
                   _("This dataset is no longer on the portal: someone deleted it. "
                     "Your unsaved changes to it were kept on this computer."),
                   FALSE);
}

static PubDraft *
find_edit_draft (PubDatasetWindow *self,
                 CkanDataset      *dataset)
{
  GListModel *drafts = pub_draft_store_get_drafts (self->edits);

  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(PubDraft) draft = g_list_model_get_item (drafts, i);

      if (!pub_draft_is_damaged (draft) &&
          g_strcmp0 (pub_draft_get_remote_id (draft), ckan_dataset_get_id (dataset)) == 0 &&
          g_strcmp0 (pub_draft_get_portal (draft), ckan_client_get_base_url (self->client)) == 0)
        return g_steal_pointer (&draft);
    }
  return NULL;
}

/* The disk refused to keep the edits: say so while they can still be saved. */
static void
edits_save_failed_cb (PubDatasetWindow *self,
                      PubDraft         *draft,
                      GError           *error)
{
  if (draft == self->draft)
    _pub_dataset_window_toast (self, error->message);
}

static void
draft_changed_cb (PubDatasetWindow *self)
{
  _pub_dataset_window_update_save_button (self);
}

static void
setup (PubDatasetWindow *self)
{
  g_autoptr(CkanDataset) dataset = g_steal_pointer (&self->loaded);
  g_autoptr(GError) error = g_steal_pointer (&self->load_error);
  g_autoptr(PubDraft) draft = NULL;

  if (error != NULL || dataset == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND))
        {
          show_error_page (self, _("Dataset Not Found"),
                           _("The portal has no dataset at this address. It may have been deleted, "
                             "or the address may be mistyped."), FALSE);
          return;
        }
      message = error != NULL ? pub_dataset_error_message (error, NULL) : g_strdup (_("The portal gave an unexpected answer."));
      if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION))
        {
          g_free (message);
          message = g_strdup (_("This dataset is private. To see it you need to be a member of its organization."));
        }
      show_error_page (self, _("The Dataset Could Not Be Opened"), message,
                       error == NULL || pub_dataset_error_can_retry (error));
      return;
    }
  if (g_strcmp0 (ckan_dataset_get_state (dataset), "deleted") == 0)
    {
      _pub_dataset_window_show_gone (self);
      return;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dataset.backup", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dataset.delete", TRUE);

  if (self->draft == NULL)
    {
      draft = find_edit_draft (self, dataset);
      if (draft != NULL)
        {
          g_auto(GStrv) changed = pub_dataset_edit_changed_fields (draft);

          /* Edits left from last time are offered back; a draft without any
           * simply follows the portal. */
          self->restored = changed[0] != NULL;
          if (!self->restored)
            pub_dataset_edit_rebase (draft, dataset);
        }
      else
        {
          draft = pub_dataset_edit_new_draft (dataset, ckan_client_get_base_url (self->client));
          pub_draft_store_add (self->edits, draft);
        }
      self->draft = g_steal_pointer (&draft);
      g_signal_connect_object (self->draft, "changed", G_CALLBACK (draft_changed_cb), self, G_CONNECT_SWAPPED);
      pub_dataset_metadata_editor_set_draft (self->metadata_editor, self->draft);
      pub_dataset_resources_page_set_draft (self->resources_page, self->draft);
      gtk_revealer_set_reveal_child (self->restored_revealer, self->restored);
    }
  else
    {
      g_auto(GStrv) changed = pub_dataset_edit_changed_fields (self->draft);

      /* Reloaded: without edits the form follows the portal. */
      if (changed[0] == NULL)
        pub_dataset_edit_rebase (self->draft, dataset);
    }
  _pub_dataset_window_set_dataset (self, dataset);
}

static void
load_step_done (PubDatasetWindow *self)
{
  if (--self->pending_loads == 0)
    setup (self);
}

static void
store_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PubDatasetWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  g_assert (PUB_IS_DATASET_WINDOW (self));

  if (!pub_draft_store_load_finish (PUB_DRAFT_STORE (object), result, &error))
    g_warning ("Reading the unsaved edits failed: %s", error->message);
  load_step_done (self);
}

static void
shown_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PubDatasetWindow) self = user_data;

  g_assert (PUB_IS_DATASET_WINDOW (self));

  g_clear_object (&self->loaded);
  g_clear_error (&self->load_error);
  self->loaded = ckan_client_package_show_finish (CKAN_CLIENT (object), result, &self->load_error);
  load_step_done (self);
}

static void
load (PubDatasetWindow *self)
{
  if (self->pending_loads > 0)
    return;
  gtk_stack_set_visible_child_name (self->status_stack, self->dataset != NULL ? "dataset" : "loading");
  if (!pub_draft_store_is_loaded (self->edits))
    {
      self->pending_loads++;
      pub_draft_store_load_async (self->edits, self->cancellable, store_loaded_cb, g_object_ref (self));
    }
  self->pending_loads++;
  ckan_client_package_show_async (self->client,
                                  self->dataset != NULL ? ckan_dataset_get_id (self->dataset) : self->reference,
                                  self->cancellable, shown_cb, g_object_ref (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  load (PUB_DATASET_WINDOW (widget));
}

static void
open_portal_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PubDatasetWindow *self = PUB_DATASET_WINDOW (widget);
  g_autofree char *url = NULL;

  if (self->dataset == NULL)
    return;
  url = g_strdup_printf ("%s/dataset/%s", ckan_client_get_base_url (self->client),
                         ckan_dataset_get_name (self->dataset));
  gtk_show_uri (GTK_WINDOW (self), url, GDK_CURRENT_TIME);
}

static void
deleted_cb (PubDatasetWindow *self)
{
  GApplication *app = g_application_get_default ();

  /* The lists learn it from the application (they drop the row). */
  if (PUB_IS_APPLICATION (app))
    pub_application_dataset_deleted (PUB_APPLICATION (app), ckan_client_get_base_url (self->client),
                                     ckan_dataset_get_id (self->dataset));
  if (self->draft != NULL)
    pub_draft_store_delete_async (self->edits, self->draft, NULL, NULL, NULL);
  g_clear_object (&self->draft);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
open_delete_dialog (PubDatasetWindow *self,
                    gboolean          delete)
{
  PubDatasetDeleteDialog *dialog;

  if (self->dataset == NULL)
    return;
  dialog = pub_dataset_delete_dialog_new (GTK_WINDOW (self), self->client, self->dataset, delete);
  g_signal_connect_object (dialog, "deleted", G_CALLBACK (deleted_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  open_delete_dialog (PUB_DATASET_WINDOW (widget), FALSE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  open_delete_dialog (PUB_DATASET_WINDOW (widget), TRUE);
}

static void
resources_changed_cb (PubDatasetWindow *self,
                      CkanDataset      *dataset)
{
  if (dataset != NULL)
    {
      /* A resource change bumps metadata_modified: not a conflict with
       * edits to the metadata, so the base follows. */
      if (self->draft != NULL)
        pub_dataset_edit_rebase (self->draft, dataset);
      _pub_dataset_window_set_dataset (self, dataset);
      return;
    }
  load (self);
}

static void
resources_error_cb (PubDatasetWindow *self,
                    GError           *error,
                    const char       *retry_action)
{
  /* A resource gone is not the dataset gone: reading it again tells. */
  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND))
    {
      _pub_dataset_window_toast (self, _("Someone changed this resource meanwhile; here is what the portal has now"));
      load (self);
      return;
    }
  /* The toast is not inside the page: its Retry goes through the window. */
  g_free (self->resources_retry);
  self->resources_retry = g_strdup (retry_action);
  _pub_dataset_window_report_error (self, error, retry_action != NULL ? "dataset.retry-resources" : NULL);
}

static void
retry_resources_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  PubDatasetWindow *self = PUB_DATASET_WINDOW (widget);
  g_autofree char *retry = g_steal_pointer (&self->resources_retry);

  if (retry != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->resources_page), retry, NULL);
}

static void
resources_toast_cb (PubDatasetWindow *self,
                    const char       *text)
{
  _pub_dataset_window_toast (self, text);
}

static void
visible_page_cb (PubDatasetWindow *self)
{
  _pub_dataset_window_update_save_button (self);
}

static gboolean
pub_dataset_window_close_request (GtkWindow *window)
{
  PubDatasetWindow *self = PUB_DATASET_WINDOW (window);

  g_cancellable_cancel (self->cancellable);
  /* Edits stay on disk for next time; a draft without any goes. */
  if (self->draft != NULL)
    {
      g_auto(GStrv) changed = pub_dataset_edit_changed_fields (self->draft);

      if (changed[0] == NULL && g_list_model_get_n_items (pub_draft_get_resources (self->draft)) == 0)
        pub_draft_store_delete_async (self->edits, self->draft, NULL, NULL, NULL);
    }
  return GTK_WINDOW_CLASS (pub_dataset_window_parent_class)->close_request (window);
}

static void
pub_dataset_window_constructed (GObject *object)
{
  PubDatasetWindow *self = PUB_DATASET_WINDOW (object);

  G_OBJECT_CLASS (pub_dataset_window_parent_class)->constructed (object);

  if (self->edits == NULL)
    self->edits = g_object_ref (pub_dataset_window_get_edits_store ());
  pub_dataset_metadata_editor_set_published (self->metadata_editor, TRUE);
  pub_dataset_metadata_editor_set_client (self->metadata_editor, self->client);
  pub_dataset_resources_page_set_client (self->resources_page, self->client);
  pub_dataset_activity_page_set_client (self->activity_page, self->client);
  g_signal_connect_object (self->resources_page, "dataset-changed", G_CALLBACK (resources_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->resources_page, "failed", G_CALLBACK (resources_error_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->resources_page, "toast", G_CALLBACK (resources_toast_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edits, "save-failed", G_CALLBACK (edits_save_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->visibility_switch, "state-set", G_CALLBACK (_pub_dataset_window_visibility_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name", G_CALLBACK (visible_page_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dataset.backup", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dataset.delete", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dataset.save", FALSE);
  load (self);
}

static void
pub_dataset_window_dispose (GObject *object)
{
  PubDatasetWindow *self = PUB_DATASET_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_DATASET_WINDOW);
  g_clear_object (&self->draft);
  g_clear_object (&self->dataset);
  g_clear_object (&self->loaded);
  g_clear_object (&self->client);
  g_clear_object (&self->edits);

  G_OBJECT_CLASS (pub_dataset_window_parent_class)->dispose (object);
}

static void
pub_dataset_window_finalize (GObject *object)
{
  PubDatasetWindow *self = PUB_DATASET_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_error (&self->load_error);
  g_clear_pointer (&self->user_names, g_hash_table_unref);
  g_free (self->last_change_user_id);
  g_free (self->resources_retry);
  g_free (self->reference);

  G_OBJECT_CLASS (pub_dataset_window_parent_class)->finalize (object);
}

static void
pub_dataset_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PubDatasetWindow *self = PUB_DATASET_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    case PROP_EDITS:
      g_value_set_object (value, self->edits);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_dataset_window_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PubDatasetWindow *self = PUB_DATASET_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_REFERENCE:
      self->reference = g_value_dup_string (value);
      break;
    case PROP_EDITS:
      self->edits = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_dataset_window_class_init (PubDatasetWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = pub_dataset_window_constructed;
  object_class->dispose = pub_dataset_window_dispose;
  object_class->finalize = pub_dataset_window_finalize;
  object_class->get_property = pub_dataset_window_get_property;
  object_class->set_property = pub_dataset_window_set_property;
  window_class->close_request = pub_dataset_window_close_request;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, CKAN_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITS] =
    g_param_spec_object ("edits", NULL, NULL, PUB_TYPE_DRAFT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PUB_TYPE_DATASET_METADATA_EDITOR);
  g_type_ensure (PUB_TYPE_DATASET_RESOURCES_PAGE);
  g_type_ensure (PUB_TYPE_DATASET_ACTIVITY_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/publicador/Publicador/ui/pub-dataset-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PubDatasetWindow, name)
  BIND (toast_overlay);
  BIND (switcher_title);
  BIND (save_button);
  BIND (menu_button);
  BIND (status_stack);
  BIND (error_page);
  BIND (error_retry_button);
  BIND (title_label);
  BIND (organization_label);
  BIND (state_label);
  BIND (last_change_label);
  BIND (update_status_label);
  BIND (visibility_switch);
  BIND (visibility_label);
  BIND (portal_button);
  BIND (view_stack);
  BIND (restored_revealer);
  BIND (metadata_editor);
  BIND (resources_page);
  BIND (activity_page);
#undef BIND

  gtk_widget_class_install_action (widget_class, "dataset.save", NULL, _pub_dataset_window_save_action);
  gtk_widget_class_install_action (widget_class, "dataset.discard", NULL, _pub_dataset_window_discard_action);
  gtk_widget_class_install_action (widget_class, "dataset.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "dataset.retry-resources", NULL, retry_resources_action);
  gtk_widget_class_install_action (widget_class, "dataset.open-portal", NULL, open_portal_action);
  gtk_widget_class_install_action (widget_class, "dataset.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "dataset.delete", NULL, delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "dataset.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pub_dataset_window_init (PubDatasetWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->user_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

PubDatasetWindow *
pub_dataset_window_new (GtkWindow     *parent,
                        CkanClient    *client,
                        const char    *dataset,
                        PubDraftStore *edits)
{
  g_return_val_if_fail (CKAN_IS_CLIENT (client), NULL);
  g_return_val_if_fail (dataset != NULL, NULL);

  return g_object_new (PUB_TYPE_DATASET_WINDOW,
                       "transient-for", parent,
                       "client", client,
                       "reference", dataset,
                       "edits", edits,
                       NULL);
}

PubDatasetWindow *
pub_dataset_window_open (GtkWindow  *parent,
                         CkanClient *client,
                         const char *dataset)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  PubDatasetWindow *self;

  g_return_val_if_fail (CKAN_IS_CLIENT (client), NULL);
  g_return_val_if_fail (dataset != NULL, NULL);

  /* One page per dataset: opening it again brings it forward. */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      PubDatasetWindow *other;

      if (!PUB_IS_DATASET_WINDOW (window))
        continue;
      other = PUB_DATASET_WINDOW (window);
      if (g_strcmp0 (ckan_client_get_base_url (other->client), ckan_client_get_base_url (client)) == 0 &&
          (g_strcmp0 (other->reference, dataset) == 0 ||
           (other->dataset != NULL && (g_strcmp0 (ckan_dataset_get_id (other->dataset), dataset) == 0 ||
                                       g_strcmp0 (ckan_dataset_get_name (other->dataset), dataset) == 0))))
        {
          gtk_window_present (window);
          return other;
        }
    }

  self = pub_dataset_window_new (NULL, client, dataset, NULL);
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

CkanDataset *
pub_dataset_window_get_dataset (PubDatasetWindow *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_WINDOW (self), NULL);
  return self->dataset;
}

PubDraft *
pub_dataset_window_get_edit_draft (PubDatasetWindow *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_WINDOW (self), NULL);
  return self->draft;
}

const char *
pub_dataset_window_get_status (PubDatasetWindow *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->status_stack);
}

void
pub_dataset_window_save (PubDatasetWindow *self)
{
  g_return_if_fail (PUB_IS_DATASET_WINDOW (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "dataset.save", NULL);
}
