/* pub-new-dataset-window-publish.c: the wizard's progress page, and the
 * publication it starts (through the application's queue when there is one)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-error.h"
#include "pub-application.h"
#include "pub-new-dataset-window-private.h"
#include "pub-personal-data-dialog.h"
#include "pub-publish-messages.h"

/* The application's queue, when it serves this window's store: then the
 * job runs there, waits there when offline, and outlives the window. */
PubPublishQueue *
_pub_new_dataset_window_app_queue (PubNewDatasetWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  PubPublishQueue *queue;

  if (!PUB_IS_APPLICATION (app))
    return NULL;
  queue = pub_application_get_publish_queue (PUB_APPLICATION (app));
  return pub_publish_queue_get_store (queue) == self->store ? queue : NULL;
}

static void watch_queue (PubNewDatasetWindow *self, PubPublishQueue *queue);

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
  /* Silence from the portal, said as it lasts; Cancel is just below. */
  else if (pub_publish_job_get_stalled (job))
    file_text = g_strdup_printf (_("The portal has not answered for %u s…"),
                                 pub_publish_job_get_stalled_seconds (job));
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
  if (pub_publish_job_get_seconds_left (job) < 0)
    /* Translators: overall percentage, upload speed (e.g. "1.2 MB") */
    overall_text = g_strdup_printf (_("%.0f %% in all · %s/s"), 100.0 * pub_publish_job_get_fraction (job), speed);
  else
    /* Translators: overall percentage, upload speed (e.g. "1.2 MB"), time left */
    overall_text = g_strdup_printf (_("%.0f %% in all · %s/s · %s"),
                                    100.0 * pub_publish_job_get_fraction (job), speed, left);
  gtk_label_set_text (self->progress_overall_label, overall_text);
  gtk_progress_bar_set_fraction (self->overall_progress, pub_publish_job_get_fraction (job));
}

/* The progress page shows the running job, or how the last one ended. */
void
_pub_new_dataset_window_show_publish_state (PubNewDatasetWindow *self)
{
  PubDraftState state = pub_draft_get_state (self->draft);
  gboolean running = self->job != NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  if (self->waiting_for_checks)
    {
      adw_status_page_set_icon_name (self->progress_page, "edit-find-symbolic");
      title = g_strdup (_("Checking the Files"));
      description = g_strdup (_("Publishing starts once the checks have looked for personal data in every file."));
    }
  else if (running)
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
      if (pub_draft_get_last_error (self->draft) != NULL)
        description = pub_publish_describe_failure (self->draft);
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
  gtk_widget_set_visible (self->retry_button, !running && !self->waiting_for_checks &&
                                             (state == PUB_DRAFT_STATE_FAILED ||
                                              state == PUB_DRAFT_STATE_QUEUED));
  gtk_button_set_label (GTK_BUTTON (self->retry_button),
                        state == PUB_DRAFT_STATE_QUEUED ? _("_Publish Now") : _("_Retry"));
  gtk_widget_set_visible (self->edit_button, !running && (state == PUB_DRAFT_STATE_FAILED || self->waiting_for_checks));
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

/* How a job ended, whether run here or by the queue: fields the portal
 * refused are marked on the metadata step, anything else on the
 * progress page. */
static void
show_job_result (PubNewDatasetWindow *self,
                 const GError        *error)
{
  if (ckan_error_get_fields (error) != NULL)
    {
      pub_dataset_metadata_editor_show_portal_errors (self->metadata_editor, error);
      _pub_new_dataset_window_show_step (self, "metadata");
      _pub_new_dataset_window_show_toast (self, _("The portal did not accept some fields; they are marked"));
      return;
    }
  _pub_new_dataset_window_show_publish_state (self);
}

static void
publish_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PubNewDatasetWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean published;

  g_assert (PUB_IS_NEW_DATASET_WINDOW (self));

  published = pub_publish_job_run_finish (PUB_PUBLISH_JOB (object), result, &error);
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_clear_object (&self->job);
  g_clear_object (&self->publish_cancellable);
  if (published)
    notify_published (self->draft);

  /* The window may have been closed while the job went on. */
  if (self->steps == NULL)
    return;
  show_job_result (self, error);
}

/* Shows a job that runs for this draft, started here or by a window
 * closed since. */
void
_pub_new_dataset_window_attach_job (PubNewDatasetWindow *self,
                                    PubPublishJob       *job)
{
  if (self->job == job)
    return;
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_set_object (&self->job, job);
  g_signal_connect_object (job, "notify", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  _pub_new_dataset_window_show_step (self, "progress");
  _pub_new_dataset_window_show_publish_state (self);
}

void
_pub_new_dataset_window_draft_state_cb (PubNewDatasetWindow *self)
{
  PubPublishJob *job;

  if (self->steps == NULL)
    return;
  /* A queued draft shown here has just started (by the queue). */
  job = pub_publish_job_get_running (self->draft);
  if (job != NULL && job != self->job && pub_draft_get_publishing (self->draft))
    {
      if (_pub_new_dataset_window_app_queue (self) != NULL)
        watch_queue (self, _pub_new_dataset_window_app_queue (self));
      _pub_new_dataset_window_attach_job (self, job);
      return;
    }
  /* Queued, or taken out of the queue, while the progress page shows
   * (not while it waits for the checks: that page is the wizard's own). */
  if (self->job == NULL && !self->waiting_for_checks &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->steps), "progress") == 0)
    {
      if (pub_draft_get_state (self->draft) == PUB_DRAFT_STATE_READY)
        _pub_new_dataset_window_show_step (self, "resources");
      else
        _pub_new_dataset_window_show_publish_state (self);
      return;
    }
  if (self->job == NULL || pub_draft_get_publishing (self->draft))
    return;
  g_signal_handlers_disconnect_by_data (self->job, self);
  g_clear_object (&self->job);
  _pub_new_dataset_window_show_publish_state (self);
}

static void
queue_job_started_cb (PubNewDatasetWindow *self,
                      PubPublishJob       *job,
                      PubPublishQueue     *queue)
{
  g_assert (PUB_IS_NEW_DATASET_WINDOW (self));

  if (pub_publish_job_get_draft (job) == self->draft && self->steps != NULL)
    _pub_new_dataset_window_attach_job (self, job);
}

static void
queue_job_finished_cb (PubNewDatasetWindow *self,
                       PubPublishJob       *job,
                       GError              *error,
                       PubPublishQueue     *queue)
{
  g_assert (PUB_IS_NEW_DATASET_WINDOW (self));

  if (pub_publish_job_get_draft (job) != self->draft || self->steps == NULL)
    return;
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_clear_object (&self->job);
  show_job_result (self, error);
}

static void
watch_queue (PubNewDatasetWindow *self,
             PubPublishQueue     *queue)
{
  if (self->watched_queue == queue)
    return;
  self->watched_queue = queue;
  g_signal_connect_object (queue, "job-started", G_CALLBACK (queue_job_started_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (queue, "job-finished", G_CALLBACK (queue_job_finished_cb), self, G_CONNECT_SWAPPED);
}

/* The "check-personal-data" setting; without the application's settings
 * (a window of its own, in tests) the check is on, as by default. */
static gboolean
checks_personal_data (PubNewDatasetWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!PUB_IS_APPLICATION (app))
    return TRUE;
  return g_settings_get_boolean (pub_application_get_settings (PUB_APPLICATION (app)), "check-personal-data");
}

static void
personal_data_chosen_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(PubNewDatasetWindow) self = user_data;
  PubPersonalDataChoice choice;

  choice = pub_personal_data_dialog_choose_finish (PUB_PERSONAL_DATA_DIALOG (object), result);
  self->asking_personal_data = FALSE;
  if (self->steps == NULL)
    return;
  pub_personal_data_answer (self->draft, choice);
  if (choice == PUB_PERSONAL_DATA_REVIEW)
    {
      _pub_new_dataset_window_show_step (self, "resources");
      return;
    }
  _pub_new_dataset_window_start_publish (self);
}

static gboolean
files_being_checked (PubNewDatasetWindow *self)
{
  GListModel *resources = pub_draft_get_resources (self->draft);

  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(PubDraftResource) resource = g_list_model_get_item (resources, i);

      if (pub_draft_resource_get_check_status (resource) == PUB_RESOURCE_CHECK_RUNNING)
        return TRUE;
    }
  return FALSE;
}

static void
check_status_cb (PubNewDatasetWindow *self)
{
  GListModel *resources = pub_draft_get_resources (self->draft);

  if (files_being_checked (self))
    return;
  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(PubDraftResource) resource = g_list_model_get_item (resources, i);

      g_signal_handlers_disconnect_by_func (resource, check_status_cb, self);
    }
  self->waiting_for_checks = FALSE;
  /* Gone back to editing meanwhile: that was a change of mind. */
  if (self->steps != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->steps), "progress") == 0)
    _pub_new_dataset_window_start_publish (self);
}

/* Publish pressed while the checks still read a file (just added, or
 * changed since): what they find decides whether to ask first. */
static void
wait_for_checks (PubNewDatasetWindow *self)
{
  GListModel *resources = pub_draft_get_resources (self->draft);

  self->waiting_for_checks = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(PubDraftResource) resource = g_list_model_get_item (resources, i);

      g_signal_connect_object (resource, "notify::check-status", G_CALLBACK (check_status_cb),
                               self, G_CONNECT_SWAPPED);
    }
  _pub_new_dataset_window_show_step (self, "progress");
  _pub_new_dataset_window_show_publish_state (self);
}

void
_pub_new_dataset_window_start_publish (PubNewDatasetWindow *self)
{
  g_autoptr(PubPublishJob) job = NULL;
  g_autoptr(GPtrArray) flagged = NULL;
  PubPublishQueue *queue = _pub_new_dataset_window_app_queue (self);

  if (self->job != NULL || pub_draft_get_publishing (self->draft) || self->asking_personal_data ||
      self->waiting_for_checks)
    return;
  if (checks_personal_data (self) && files_being_checked (self))
    {
      wait_for_checks (self);
      return;
    }

  /* Before anything is sent: personal data goes public only with a yes,
   * and the yes is kept in the draft so a retry does not ask again. */
  flagged = pub_personal_data_dup_unanswered (self->draft);
  if (flagged->len > 0 && checks_personal_data (self))
    {
      PubPersonalDataDialog *dialog = pub_personal_data_dialog_new (GTK_WINDOW (self));

      pub_personal_data_dialog_add_resources (dialog, flagged);
      self->asking_personal_data = TRUE;
      pub_personal_data_dialog_choose_async (dialog, NULL, personal_data_chosen_cb, g_object_ref (self));
      return;
    }

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
            _pub_new_dataset_window_show_toast (self, _("Still no connection: it is published as soon as it returns"));
          else if (was_queued && self->client == NULL && pub_publish_queue_get_client (queue) == NULL)
            _pub_new_dataset_window_show_toast (self, _("Sign in to a portal account to publish it"));
          _pub_new_dataset_window_show_step (self, "progress");
          _pub_new_dataset_window_show_publish_state (self);
        }
      return;
    }
  if (self->client == NULL)
    return;

  job = pub_publish_job_new (self->draft, self->client, self->store);
  self->publish_cancellable = g_cancellable_new ();
  pub_publish_job_run_async (job, self->publish_cancellable, publish_done_cb, g_object_ref (self));
  _pub_new_dataset_window_attach_job (self, job);
}


void
_pub_new_dataset_window_cancel_publish_action (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *param)
{
  PubNewDatasetWindow *self = PUB_NEW_DATASET_WINDOW (widget);
  PubPublishQueue *queue = _pub_new_dataset_window_app_queue (self);

  if (self->publish_cancellable != NULL)
    g_cancellable_cancel (self->publish_cancellable);
  else if (queue != NULL)
    pub_publish_queue_cancel (queue, self->draft);
}

void
_pub_new_dataset_window_open_portal_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *param)
{
  PubNewDatasetWindow *self = PUB_NEW_DATASET_WINDOW (widget);

  if (pub_draft_get_remote_url (self->draft) != NULL)
    gtk_show_uri (GTK_WINDOW (self), pub_draft_get_remote_url (self->draft), GDK_CURRENT_TIME);
}
