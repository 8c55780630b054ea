/* pub-new-dataset-window.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-error.h"
#include "pub-application.h"
#include "pub-new-dataset-window.h"
#include "pub-publish-job.h"

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
};

G_DEFINE_FINAL_TYPE (PubNewDatasetWindow, pub_new_dataset_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DRAFT,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void attach_job (PubNewDatasetWindow *self, PubPublishJob *job);
static void show_publish_state (PubNewDatasetWindow *self);

/* The application's queue, when it serves this window's store: then the
 * job runs there, waits there when offline, and outlives the window. */
static PubPublishQueue *
app_queue (PubNewDatasetWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  PubPublishQueue *queue;

  if (!PUB_IS_APPLICATION (app))
    return NULL;
  queue = pub_application_get_publish_queue (PUB_APPLICATION (app));
  return pub_publish_queue_get_store (queue) == self->store ? queue : NULL;
}

static void
show_toast (PubNewDatasetWindow *self,
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
  gtk_widget_set_sensitive (self->publish_button, self->client != NULL || app_queue (self) != NULL);
  gtk_widget_set_tooltip_text (self->publish_button,
                               self->client != NULL ? NULL
                               : app_queue (self) != NULL
                               ? _("Not signed in: the dataset is published once you sign in to a portal account.")
                               : _("Sign in to a portal account to publish. "
                                   "The draft is kept on this computer meanwhile."));
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

static void
show_step (PubNewDatasetWindow *self,
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

  show_step (self, g_strcmp0 (gtk_stack_get_visible_child_name (self->steps), "progress") == 0
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
      show_toast (self, _("Complete the marked fields to continue"));
      return;
    }
  show_step (self, "resources");
}

static char *
describe_time_left (gint64 seconds)
{
  if (seconds < 0)
    return g_strdup ("");
  if (seconds < 60)
    return g_strdup (_("less than a minute left"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "about %u minute left", "about %u minutes left",
                                       (guint) ((seconds + 59) / 60)),
                          (guint) ((seconds + 59) / 60));
}

static void
update_progress (PubNewDatasetWindow *self)
{
  PubPublishJob *job = self->job;
  g_autofree char *file_text = NULL;
  g_autofree char *overall_text = NULL;
  g_autofree char *speed = NULL;
  g_autofree char *left = NULL;

  if (job == NULL || self->steps == NULL)
    return;

  if (pub_publish_job_get_waiting_for_network (job))
    file_text = g_strdup (_("Waiting for the network to come back…"));
  else if (pub_publish_job_get_current_name (job) != NULL)
    file_text = g_strdup_printf (_("Uploading “%s”"), pub_publish_job_get_current_name (job));
  else if (pub_publish_job_get_step (job) == PUB_PUBLISH_STEP_SET_VISIBILITY)
    file_text = g_strdup (_("Setting the visibility…"));
  else
    file_text = g_strdup (_("Creating the dataset…"));
  gtk_label_set_text (self->progress_file_label, file_text);
  gtk_progress_bar_set_fraction (self->file_progress, pub_publish_job_get_file_fraction (job));

  speed = g_format_size ((guint64) pub_publish_job_get_speed (job));
  left = describe_time_left (pub_publish_job_get_seconds_left (job));
  /* Translators: overall percentage, upload speed (e.g. "1.2 MB"), time left */
  overall_text = g_strdup_printf (_("%.0f %% in all · %s/s · %s"),
                                  100.0 * pub_publish_job_get_fraction (job), speed, left);
  gtk_label_set_text (self->progress_overall_label, overall_text);
  gtk_progress_bar_set_fraction (self->overall_progress, pub_publish_job_get_fraction (job));
}

/* The progress page shows the running job, or how the last one ended. */
static void
show_publish_state (PubNewDatasetWindow *self)
{
  PubDraftState state = pub_draft_get_state (self->draft);
  gboolean running = self->job != NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  if (running)
    {
      adw_status_page_set_icon_name (self->progress_page, "send-to-symbolic");
      title = g_strdup (_("Publishing"));
      description = g_strdup (_("You can close this window: publishing goes on, and the Drafts list shows how far it got."));
    }
  else if (state == PUB_DRAFT_STATE_QUEUED)
    {
      adw_status_page_set_icon_name (self->progress_page, "network-offline-symbolic");
      title = g_strdup (_("Waiting for a Connection"));
      description = g_strdup (_("It is published as soon as the network and a portal account are available. "
                                "You can close this window; the Drafts list shows it as waiting."));
    }
  else if (state == PUB_DRAFT_STATE_PUBLISHED)
    {
      adw_status_page_set_icon_name (self->progress_page, "emblem-ok-symbolic");
      title = g_strdup (_("Published"));
      description = g_strdup_printf (_("“%s” is on the portal, with all its files."),
                                     pub_draft_get_display_title (self->draft));
    }
  else
    {
      adw_status_page_set_icon_name (self->progress_page, "dialog-warning-symbolic");
      title = g_strdup (_("Not Published Yet"));
      description = g_strdup (pub_draft_get_last_error (self->draft));
    }
  adw_status_page_set_title (self->progress_page, title);
  adw_status_page_set_description (self->progress_page, description);
  adw_window_title_set_subtitle (self->window_title, title);

  gtk_widget_set_visible (GTK_WIDGET (self->progress_file_label), running);
  gtk_widget_set_visible (GTK_WIDGET (self->file_progress), running);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_overall_label), running);
  gtk_widget_set_visible (GTK_WIDGET (self->overall_progress), running);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_button), running || state == PUB_DRAFT_STATE_QUEUED);
  gtk_widget_set_visible (self->portal_button, !running && state == PUB_DRAFT_STATE_PUBLISHED);
  gtk_widget_set_visible (self->retry_button, !running && (state == PUB_DRAFT_STATE_FAILED ||
                                                           state == PUB_DRAFT_STATE_QUEUED));
  gtk_button_set_label (GTK_BUTTON (self->retry_button),
                        state == PUB_DRAFT_STATE_QUEUED ? _("_Publish Now") : _("_Retry"));
  gtk_widget_set_visible (self->edit_button, !running && state == PUB_DRAFT_STATE_FAILED);
  update_progress (self);
}

static void
notify_published (PubDraft *draft)
{
  GApplication *app = g_application_get_default ();
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = NULL;
  g_autofree char *id = NULL;

  if (app == NULL)
    return;
  body = g_strdup_printf (_("“%s” is on the portal."), pub_draft_get_display_title (draft));
  notification = g_notification_new (_("Dataset published"));
  g_notification_set_body (notification, body);
  id = g_strdup_printf ("published-%s", pub_draft_get_id (draft));
  g_application_send_notification (app, id, notification);
}

static void
publish_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PubNewDatasetWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean published;

  published = pub_publish_job_run_finish (PUB_PUBLISH_JOB (object), result, &error);
  g_object_set_data (G_OBJECT (self->draft), "pub-publish-job", NULL);
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_clear_object (&self->job);
  g_clear_object (&self->publish_cancellable);
  if (published)
    notify_published (self->draft);

  /* The window may have been closed while the job went on. */
  if (self->steps == NULL)
    return;

  if (ckan_error_get_fields (error) != NULL)
    {
      pub_dataset_metadata_editor_show_portal_errors (self->metadata_editor, error);
      show_step (self, "metadata");
      show_toast (self, _("The portal did not accept some fields; they are marked"));
      return;
    }
  show_publish_state (self);
}

/* Shows a job that runs for this draft, started here or by a window
 * closed since. */
static void
attach_job (PubNewDatasetWindow *self,
            PubPublishJob       *job)
{
  if (self->job == job)
    return;
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_set_object (&self->job, job);
  g_signal_connect_object (job, "notify", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  show_step (self, "progress");
  show_publish_state (self);
}

static void
draft_state_cb (PubNewDatasetWindow *self)
{
  if (self->steps == NULL)
    return;
  /* Queued, or taken out of the queue, while the progress page shows. */
  if (self->job == NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->steps), "progress") == 0)
    {
      if (pub_draft_get_state (self->draft) == PUB_DRAFT_STATE_READY)
        show_step (self, "resources");
      else
        show_publish_state (self);
      return;
    }
  if (self->job == NULL || pub_draft_get_publishing (self->draft))
    return;
  g_signal_handlers_disconnect_by_data (self->job, self);
  g_clear_object (&self->job);
  show_publish_state (self);
}

static void
queue_job_started_cb (PubNewDatasetWindow *self,
                      PubPublishJob       *job,
                      PubPublishQueue     *queue)
{
  if (pub_publish_job_get_draft (job) == self->draft && self->steps != NULL)
    attach_job (self, job);
}

static void
queue_job_finished_cb (PubNewDatasetWindow *self,
                       PubPublishJob       *job,
                       GError              *error,
                       PubPublishQueue     *queue)
{
  if (pub_publish_job_get_draft (job) != self->draft || self->steps == NULL)
    return;
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_clear_object (&self->job);
  if (ckan_error_get_fields (error) != NULL)
    {
      pub_dataset_metadata_editor_show_portal_errors (self->metadata_editor, error);
      show_step (self, "metadata");
      show_toast (self, _("The portal did not accept some fields; they are marked"));
      return;
    }
  show_publish_state (self);
}

static void
watch_queue (PubNewDatasetWindow *self,
             PubPublishQueue     *queue)
{
  if (g_object_get_data (G_OBJECT (self), "pub-watched-queue") == queue)
    return;
  g_object_set_data (G_OBJECT (self), "pub-watched-queue", queue);
  g_signal_connect_object (queue, "job-started", G_CALLBACK (queue_job_started_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (queue, "job-finished", G_CALLBACK (queue_job_finished_cb), self, G_CONNECT_SWAPPED);
}

static void
start_publish (PubNewDatasetWindow *self)
{
  g_autoptr(PubPublishJob) job = NULL;
  PubPublishQueue *queue = app_queue (self);

  if (self->job != NULL || pub_draft_get_publishing (self->draft))
    return;

  /* Offline or signed out, the queue keeps it until it can go. */
  if (queue != NULL)
    {
      gboolean was_queued = pub_draft_get_queued (self->draft);

      watch_queue (self, queue);
      pub_publish_queue_publish (queue, self->draft, self->client);
      if (pub_publish_queue_get_job (queue, self->draft) == NULL)
        {
          /* Publish Now on a waiting draft: say why it still waits. */
          if (was_queued && !pub_publish_queue_get_network_available (queue))
            show_toast (self, _("Still no connection: it is published as soon as it returns"));
          else if (was_queued && self->client == NULL && pub_publish_queue_get_client (queue) == NULL)
            show_toast (self, _("Sign in to a portal account to publish it"));
          show_step (self, "progress");
          show_publish_state (self);
        }
      return;
    }
  if (self->client == NULL)
    return;

  job = pub_publish_job_new (self->draft, self->client, self->store);
  g_object_set_data_full (G_OBJECT (self->draft), "pub-publish-job", g_object_ref (job), g_object_unref);
  self->publish_cancellable = g_cancellable_new ();
  pub_publish_job_run_async (job, self->publish_cancellable, publish_done_cb, g_object_ref (self));
  attach_job (self, job);
}


static void
cancel_publish_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PubNewDatasetWindow *self = PUB_NEW_DATASET_WINDOW (widget);
  PubPublishQueue *queue = app_queue (self);

  if (self->publish_cancellable != NULL)
    g_cancellable_cancel (self->publish_cancellable);
  else if (queue != NULL)
    pub_publish_queue_cancel (queue, self->draft);
}

static void
open_portal_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PubNewDatasetWindow *self = PUB_NEW_DATASET_WINDOW (widget);

  if (pub_draft_get_remote_url (self->draft) != NULL)
    gtk_show_uri (GTK_WINDOW (self), pub_draft_get_remote_url (self->draft), GDK_CURRENT_TIME);
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
      show_step (self, "metadata");
      show_toast (self, _("Complete the marked fields to publish"));
      return;
    }
  if (resources_problem != NULL)
    {
      show_toast (self, resources_problem);
      return;
    }
  if (self->client == NULL && app_queue (self) == NULL)
    {
      show_toast (self, _("Sign in to publish; the draft is saved"));
      return;
    }
  start_publish (self);
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

static gboolean
pub_new_dataset_window_close_request (GtkWindow *window)
{
  PubNewDatasetWindow *self = PUB_NEW_DATASET_WINDOW (window);

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
  if (draft == self->draft && self->steps != NULL)
    show_toast (self, error->message);
}

/* A new dataset starts with its title, not with the Next button. */
static void
focus_title_cb (PubNewDatasetWindow *self)
{
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
  g_signal_connect_object (self->draft, "notify::state", G_CALLBACK (draft_state_cb), self, G_CONNECT_SWAPPED);
  /* The application is set after construction (pub_new_dataset_window_open). */
  g_signal_connect (self, "notify::application", G_CALLBACK (update_publish_button), NULL);
  if (g_object_get_data (G_OBJECT (self->draft), "pub-publish-job") != NULL)
    attach_job (self, g_object_get_data (G_OBJECT (self->draft), "pub-publish-job"));
  /* A publication that stopped, or finished, opens where it ended. */
  else if (pub_draft_get_state (self->draft) == PUB_DRAFT_STATE_FAILED ||
           pub_draft_get_state (self->draft) == PUB_DRAFT_STATE_QUEUED ||
           pub_draft_get_state (self->draft) == PUB_DRAFT_STATE_PUBLISHED)
    {
      show_step (self, "progress");
      show_publish_state (self);
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
  gtk_widget_class_install_action (widget_class, "wizard.cancel-publish", NULL, cancel_publish_action);
  gtk_widget_class_install_action (widget_class, "wizard.open-portal", NULL, open_portal_action);
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
pub_new_dataset_window_open (GtkWindow *parent,
                             PubDraft  *draft,
                             GSList    *files)
{
  PubNewDatasetWindow *self;

  /* One wizard per draft: opening it again brings the window forward. */
  if (draft != NULL)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

          if (PUB_IS_NEW_DATASET_WINDOW (window) &&
              PUB_NEW_DATASET_WINDOW (window)->draft == draft)
            {
              gtk_window_present (window);
              return PUB_NEW_DATASET_WINDOW (window);
            }
        }
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
