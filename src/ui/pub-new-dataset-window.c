/* pub-new-dataset-window.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-error.h"
#include "pub-application.h"
#include "pub-new-dataset-window-private.h"

G_DEFINE_FINAL_TYPE (PubNewDatasetWindow, pub_new_dataset_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DRAFT,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_pub_new_dataset_window_show_toast (PubNewDatasetWindow *self,
                                    const char          *text)
{
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  self->toast = adw_toast_new (text);
  g_object_add_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
  adw_toast_overlay_add_toast (self->toast_overlay, self->toast);
}

static void
update_publish_button (PubNewDatasetWindow *self)
{
  gboolean can_send = self->client != NULL || _pub_new_dataset_window_app_queue (self) != NULL;
  /* Nothing to publish yet: a dataset without data is not what anyone
   * means to send. Other problems with the files are said on press. */
  gboolean has_data = self->draft != NULL && g_list_model_get_n_items (pub_draft_get_resources (self->draft)) > 0;
  const char *why = NULL;

  if (!has_data)
    why = _("Add a file or a link first: there is nothing to publish yet.");
  else if (self->client == NULL && _pub_new_dataset_window_app_queue (self) != NULL)
    why = _("Not signed in: the dataset is published once you sign in to a portal account.");
  else if (!can_send)
    why = _("Sign in to a portal account to publish. The draft is kept on this computer meanwhile.");
  gtk_widget_set_sensitive (self->publish_button, can_send && has_data);
  gtk_widget_set_tooltip_text (self->publish_button, why);
  /* Read with the button, not only on hover. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->publish_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why != NULL ? why : "",
                                  -1);
}

static void
update_header (PubNewDatasetWindow *self)
{
  const char *step = gtk_stack_get_visible_child_name (self->steps);
  gboolean on_metadata = g_strcmp0 (step, "metadata") == 0;
  gboolean on_resources = g_strcmp0 (step, "resources") == 0;

  if (on_metadata)
    adw_window_title_set_subtitle (self->window_title, _("Step 1 of 2: General Information"));
  else if (on_resources)
    adw_window_title_set_subtitle (self->window_title, _("Step 2 of 2: Add Data"));
  else
    adw_window_title_set_subtitle (self->window_title, _("Publishing"));

  gtk_widget_set_visible (self->back_button, on_resources);
  gtk_widget_set_visible (self->next_button, on_metadata);
  gtk_widget_set_visible (self->publish_button, on_resources);
  update_publish_button (self);
}

void
_pub_new_dataset_window_show_step (PubNewDatasetWindow *self,
                                   const char          *step)
{
  /* A complaint about the page left behind no longer applies. */
  if (self->toast != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->steps), step) != 0)
    adw_toast_dismiss (self->toast);
  gtk_stack_set_visible_child_name (self->steps, step);
  update_header (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PubNewDatasetWindow *self = PUB_NEW_DATASET_WINDOW (widget);

  _pub_new_dataset_window_show_step (self, g_strcmp0 (gtk_stack_get_visible_child_name (self->steps), "progress") == 0
                   ? "resources" : "metadata");
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PubNewDatasetWindow *self = PUB_NEW_DATASET_WINDOW (widget);

  /* As on the portal: the second step opens once the first is complete. */
  if (!pub_dataset_metadata_editor_validate (self->metadata_editor))
    {
      _pub_new_dataset_window_show_toast (self, _("Complete the marked fields to continue"));
      return;
    }
  _pub_new_dataset_window_show_step (self, "resources");
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PubNewDatasetWindow *self = PUB_NEW_DATASET_WINDOW (widget);
  g_autofree char *resources_problem = pub_draft_check_field (self->draft, PUB_DRAFT_FIELD_RESOURCES);

  if (!pub_dataset_metadata_editor_validate (self->metadata_editor))
    {
      _pub_new_dataset_window_show_step (self, "metadata");
      _pub_new_dataset_window_show_toast (self, _("Complete the marked fields to publish"));
      return;
    }
  if (resources_problem != NULL)
    {
      _pub_new_dataset_window_show_toast (self, resources_problem);
      return;
    }
  if (self->client == NULL && _pub_new_dataset_window_app_queue (self) == NULL)
    {
      _pub_new_dataset_window_show_toast (self, _("Sign in to publish; the draft is saved"));
      return;
    }
  _pub_new_dataset_window_start_publish (self);
}

/* What other drafts remember of the portal (organizations, licences) and
 * the tags they use, so a new draft offline offers them too. */
static void
borrow_from_other_drafts (PubNewDatasetWindow *self,
                          gboolean             new_draft)
{
  GListModel *drafts = pub_draft_store_get_drafts (self->store);
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
  g_auto(GStrv) known = NULL;
  static const char * const cache_keys[] = { "organizations", "licenses" };

  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(PubDraft) other = g_list_model_get_item (drafts, i);
      const char * const *other_tags;

      if (other == self->draft || pub_draft_is_damaged (other))
        continue;
      other_tags = pub_draft_get_tags (other);
      for (guint t = 0; other_tags[t] != NULL; t++)
        g_strv_builder_add (tags, other_tags[t]);

      /* The list is newest first: the first draft that knows, wins. */
      for (guint k = 0; new_draft && k < G_N_ELEMENTS (cache_keys); k++)
        {
          JsonNode *value = pub_draft_get_cache (other, cache_keys[k]);

          if (value != NULL && pub_draft_get_cache (self->draft, cache_keys[k]) == NULL)
            pub_draft_set_cache (self->draft, cache_keys[k], value);
        }
    }
  known = g_strv_builder_end (tags);
  pub_dataset_metadata_editor_set_known_tags (self->metadata_editor, (const char * const *) known);
}

static gboolean
draft_is_empty (PubDraft *draft)
{
  g_auto(GStrv) fields = pub_draft_dup_field_names (draft);

  return fields[0] == NULL &&
         pub_draft_get_tags (draft)[0] == NULL &&
         g_list_model_get_n_items (pub_draft_get_resources (draft)) == 0 &&
         pub_draft_get_remote_id (draft) == NULL;
}

/* Its draft was deleted (from the Drafts list, say): edits here would
 * go nowhere, so the window goes too. */
static void
store_drafts_changed_cb (PubNewDatasetWindow *self)
{
  g_assert (PUB_IS_NEW_DATASET_WINDOW (self));

  if (self->steps == NULL || pub_draft_store_find (self->store, pub_draft_get_id (self->draft)) == self->draft)
    return;
  g_signal_handlers_disconnect_by_func (pub_draft_store_get_drafts (self->store), store_drafts_changed_cb, self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
pub_new_dataset_window_close_request (GtkWindow *window)
{
  PubNewDatasetWindow *self = PUB_NEW_DATASET_WINDOW (window);

  /* Closing anyway: the empty draft deleted below must not close it twice. */
  g_signal_handlers_disconnect_by_func (pub_draft_store_get_drafts (self->store), store_drafts_changed_cb, self);

  /* Everything typed is already saved; a wizard opened and closed without
   * typing leaves no empty draft behind. */
  if (self->draft != NULL && draft_is_empty (self->draft))
    pub_draft_store_delete_async (self->store, self->draft, NULL, NULL, NULL);

  return GTK_WINDOW_CLASS (pub_new_dataset_window_parent_class)->close_request (window);
}

/* The disk refused a save: say so where the person is typing. */
static void
save_failed_cb (PubNewDatasetWindow *self,
                PubDraft            *draft,
                GError              *error)
{
  g_assert (PUB_IS_NEW_DATASET_WINDOW (self));

  if (draft == self->draft && self->steps != NULL)
    _pub_new_dataset_window_show_toast (self, error->message);
}

/* A new dataset starts with its title, not with the Next button. */
static void
focus_title_cb (PubNewDatasetWindow *self)
{
  g_assert (PUB_IS_NEW_DATASET_WINDOW (self));

  g_signal_handlers_disconnect_by_func (self, focus_title_cb, NULL);
  pub_dataset_metadata_editor_focus_title (self->metadata_editor);
}

static void
pub_new_dataset_window_constructed (GObject *object)
{
  PubNewDatasetWindow *self = PUB_NEW_DATASET_WINDOW (object);
  gboolean new_draft = self->draft == NULL;

  G_OBJECT_CLASS (pub_new_dataset_window_parent_class)->constructed (object);

  if (self->store == NULL)
    self->store = g_object_ref (pub_draft_store_get_default ());
  if (new_draft)
    self->draft = g_object_ref (pub_draft_store_create (self->store));

  borrow_from_other_drafts (self, new_draft);
  pub_dataset_metadata_editor_set_client (self->metadata_editor, self->client);
  pub_dataset_metadata_editor_set_draft (self->metadata_editor, self->draft);
  pub_resource_list_editor_set_draft (self->resource_editor, self->draft);
  if (!new_draft)
    gtk_window_set_title (GTK_WINDOW (self), pub_draft_get_display_title (self->draft));
  adw_window_title_set_title (self->window_title,
                              new_draft ? _("New Dataset") : pub_draft_get_display_title (self->draft));
  update_header (self);

  if (new_draft)
    g_signal_connect (self, "map", G_CALLBACK (focus_title_cb), NULL);
  g_signal_connect_object (self->store, "save-failed", G_CALLBACK (save_failed_cb), self, G_CONNECT_SWAPPED);
  if (pub_draft_store_find (self->store, pub_draft_get_id (self->draft)) == self->draft)
    g_signal_connect_object (pub_draft_store_get_drafts (self->store), "items-changed",
                             G_CALLBACK (store_drafts_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->draft, "notify::state", G_CALLBACK (_pub_new_dataset_window_draft_state_cb), self, G_CONNECT_SWAPPED);
  /* The application is set after construction (pub_new_dataset_window_open). */
  g_signal_connect (self, "notify::application", G_CALLBACK (update_publish_button), NULL);
  g_signal_connect_object (pub_draft_get_resources (self->draft), "items-changed",
                           G_CALLBACK (update_publish_button), self, G_CONNECT_SWAPPED);
  if (pub_publish_job_get_running (self->draft) != NULL)
    _pub_new_dataset_window_attach_job (self, pub_publish_job_get_running (self->draft));
  /* A publication that stopped, or finished, opens where it ended. */
  else if (pub_draft_get_state (self->draft) == PUB_DRAFT_STATE_FAILED ||
           pub_draft_get_state (self->draft) == PUB_DRAFT_STATE_QUEUED ||
           pub_draft_get_state (self->draft) == PUB_DRAFT_STATE_PUBLISHED)
    {
      _pub_new_dataset_window_show_step (self, "progress");
      _pub_new_dataset_window_show_publish_state (self);
    }
}

static void
pub_new_dataset_window_dispose (GObject *object)
{
  PubNewDatasetWindow *self = PUB_NEW_DATASET_WINDOW (object);

  if (self->toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
  self->toast = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_NEW_DATASET_WINDOW);
  self->steps = NULL;
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_clear_object (&self->client);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pub_new_dataset_window_parent_class)->dispose (object);
}

static void
pub_new_dataset_window_finalize (GObject *object)
{
  PubNewDatasetWindow *self = PUB_NEW_DATASET_WINDOW (object);

  /* Kept to the end: a publication outlives its window, and says so. */
  g_clear_object (&self->draft);
  g_clear_object (&self->job);
  g_clear_object (&self->publish_cancellable);

  G_OBJECT_CLASS (pub_new_dataset_window_parent_class)->finalize (object);
}

static void
pub_new_dataset_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PubNewDatasetWindow *self = PUB_NEW_DATASET_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_new_dataset_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PubNewDatasetWindow *self = PUB_NEW_DATASET_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_DRAFT:
      self->draft = g_value_dup_object (value);
      break;
    case PROP_CLIENT:
      pub_new_dataset_window_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_new_dataset_window_class_init (PubNewDatasetWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = pub_new_dataset_window_constructed;
  object_class->dispose = pub_new_dataset_window_dispose;
  object_class->finalize = pub_new_dataset_window_finalize;
  object_class->get_property = pub_new_dataset_window_get_property;
  object_class->set_property = pub_new_dataset_window_set_property;
  window_class->close_request = pub_new_dataset_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PUB_TYPE_DRAFT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, PUB_TYPE_DRAFT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, CKAN_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PUB_TYPE_DATASET_METADATA_EDITOR);
  g_type_ensure (PUB_TYPE_RESOURCE_LIST_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/publicador/Publicador/ui/pub-new-dataset-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PubNewDatasetWindow, name)
  BIND (toast_overlay);
  BIND (window_title);
  BIND (back_button);
  BIND (next_button);
  BIND (publish_button);
  BIND (steps);
  BIND (metadata_editor);
  BIND (resource_editor);
  BIND (progress_page);
  BIND (progress_file_label);
  BIND (file_progress);
  BIND (progress_overall_label);
  BIND (overall_progress);
  BIND (progress_button);
  BIND (portal_button);
  BIND (retry_button);
  BIND (edit_button);
#undef BIND

  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "wizard.cancel-publish", NULL, _pub_new_dataset_window_cancel_publish_action);
  gtk_widget_class_install_action (widget_class, "wizard.open-portal", NULL, _pub_new_dataset_window_open_portal_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pub_new_dataset_window_init (PubNewDatasetWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PubNewDatasetWindow *
pub_new_dataset_window_new (GtkWindow     *parent,
                            PubDraftStore *store,
                            PubDraft      *draft,
                            CkanClient    *client)
{
  return g_object_new (PUB_TYPE_NEW_DATASET_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       "draft", draft,
                       "client", client,
                       NULL);
}

PubDraft *
pub_new_dataset_window_get_draft (PubNewDatasetWindow *self)
{
  g_return_val_if_fail (PUB_IS_NEW_DATASET_WINDOW (self), NULL);
  return self->draft;
}

void
pub_new_dataset_window_set_client (PubNewDatasetWindow *self,
                                   CkanClient          *client)
{
  g_return_if_fail (PUB_IS_NEW_DATASET_WINDOW (self));

  if (!g_set_object (&self->client, client))
    return;
  pub_dataset_metadata_editor_set_client (self->metadata_editor, client);
  update_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

PubDatasetMetadataEditor *
pub_new_dataset_window_get_metadata_editor (PubNewDatasetWindow *self)
{
  g_return_val_if_fail (PUB_IS_NEW_DATASET_WINDOW (self), NULL);
  return self->metadata_editor;
}

PubResourceListEditor *
pub_new_dataset_window_get_resource_editor (PubNewDatasetWindow *self)
{
  g_return_val_if_fail (PUB_IS_NEW_DATASET_WINDOW (self), NULL);
  return self->resource_editor;
}

const char *
pub_new_dataset_window_get_step (PubNewDatasetWindow *self)
{
  g_return_val_if_fail (PUB_IS_NEW_DATASET_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->steps);
}

/* The signed-in account's client, when the window belongs to the app. */
static CkanClient *
current_client (GtkWindow *parent)
{
  GtkApplication *app = parent != NULL ? gtk_window_get_application (parent) : NULL;
  PubAccount *account;

  if (!PUB_IS_APPLICATION (app))
    return NULL;
  account = pub_account_manager_get_current (pub_application_get_account_manager (PUB_APPLICATION (app)));
  return account != NULL ? pub_account_get_client (account) : NULL;
}

PubNewDatasetWindow *
pub_new_dataset_window_find (PubDraft *draft)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_return_val_if_fail (PUB_IS_DRAFT (draft), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (PUB_IS_NEW_DATASET_WINDOW (window) && PUB_NEW_DATASET_WINDOW (window)->draft == draft)
        return PUB_NEW_DATASET_WINDOW (window);
    }
  return NULL;
}

PubNewDatasetWindow *
pub_new_dataset_window_open (GtkWindow *parent,
                             PubDraft  *draft,
                             GSList    *files)
{
  PubNewDatasetWindow *self;

  /* One wizard per draft: opening it again brings the window forward. */
  self = draft != NULL ? pub_new_dataset_window_find (draft) : NULL;
  if (self != NULL)
    {
      gtk_window_present (GTK_WINDOW (self));
      return self;
    }

  self = pub_new_dataset_window_new (parent, NULL, draft, current_client (parent));
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  if (files != NULL)
    pub_resource_list_editor_add_files (self->resource_editor, files);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

void
pub_new_dataset_window_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  pub_new_dataset_window_open (GTK_WINDOW (widget), NULL, NULL);
}

void
pub_new_dataset_window_publish (PubNewDatasetWindow *self)
{
  g_return_if_fail (PUB_IS_NEW_DATASET_WINDOW (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "wizard.publish", NULL);
}
