/* pub-application.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "pub-accessible.h"
#include "pub-application.h"
#include "pub-comments-view.h"
#include "pub-dataset-open.h"
#include "pub-new-dataset-window.h"
#include "pub-preferences-window.h"
#include "pub-resource-window.h"
#include "pub-sign-in-page.h"
#include "pub-window.h"

struct _PubApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  PubAccountManager *account_manager;
  PubPublishQueue *publish_queue;
  PubOverdueMonitor *overdue_monitor;
  guint           sigterm_id;
  guint           sigint_id;
};

G_DEFINE_FINAL_TYPE (PubApplication, pub_application, ADW_TYPE_APPLICATION)

enum {
  DATASET_DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
pub_application_dataset_deleted (PubApplication *self,
                                 const char     *portal,
                                 const char     *dataset_id)
{
  g_return_if_fail (PUB_IS_APPLICATION (self));
  g_signal_emit (self, signals[DATASET_DELETED], 0, portal, dataset_id);
}

GSettings *
pub_application_get_settings (PubApplication *self)
{
  g_return_val_if_fail (PUB_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (BASE_APPLICATION_ID);
  return self->settings;
}

PubAccountManager *
pub_application_get_account_manager (PubApplication *self)
{
  g_return_val_if_fail (PUB_IS_APPLICATION (self), NULL);

  if (self->account_manager == NULL)
    self->account_manager = pub_account_manager_new (pub_application_get_settings (self));
  return self->account_manager;
}

/* Whether or not a window shows it: queued jobs often end unwatched. */
static void
job_finished_cb (PubApplication  *self,
                 PubPublishJob   *job,
                 GError          *error,
                 PubPublishQueue *queue)
{
  PubDraft *draft = pub_publish_job_get_draft (job);
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = NULL;
  g_autofree char *id = NULL;

  g_assert (PUB_IS_APPLICATION (self));

  if (error != NULL)
    return;
  body = g_strdup_printf (_("“%s” is on the portal."), pub_draft_get_display_title (draft));
  notification = g_notification_new (_("Dataset published"));
  g_notification_set_body (notification, body);
  id = g_strdup_printf ("published-%s", pub_draft_get_id (draft));
  g_application_send_notification (G_APPLICATION (self), id, notification);
}

PubPublishQueue *
pub_application_get_publish_queue (PubApplication *self)
{
  g_return_val_if_fail (PUB_IS_APPLICATION (self), NULL);

  if (self->publish_queue == NULL)
    {
      self->publish_queue = pub_publish_queue_new (pub_draft_store_get_default (), NULL);
      pub_publish_queue_set_account_manager (self->publish_queue,
                                             pub_application_get_account_manager (self));
      g_settings_bind (pub_application_get_settings (self), "publish-when-online",
                       self->publish_queue, "auto-start", G_SETTINGS_BIND_GET);
      g_settings_bind (pub_application_get_settings (self), "check-personal-data",
                       self->publish_queue, "check-personal-data", G_SETTINGS_BIND_GET);
      g_signal_connect_object (self->publish_queue, "job-finished", G_CALLBACK (job_finished_cb),
                               self, G_CONNECT_SWAPPED);
    }
  return self->publish_queue;
}

/* At most once a day (the monitor decides), the person hears how many of
 * their datasets are overdue; clicking opens the filtered list. */
static void
overdue_remind_cb (PubApplication    *self,
                   guint              count,
                   PubOverdueMonitor *monitor)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dataset is overdue", "%u datasets are overdue", count), count);
  notification = g_notification_new (title);
  g_notification_set_body (notification,
                           _("The institution committed to updating them more often. Publish their new data "
                             "to keep the commitment."));
  g_notification_set_default_action (notification, "app.show-overdue");
  g_application_send_notification (G_APPLICATION (self), "overdue", notification);
}

PubOverdueMonitor *
pub_application_get_overdue_monitor (PubApplication *self)
{
  g_return_val_if_fail (PUB_IS_APPLICATION (self), NULL);

  if (self->overdue_monitor == NULL)
    {
      self->overdue_monitor = pub_overdue_monitor_new (pub_application_get_account_manager (self),
                                                       pub_application_get_settings (self));
      g_signal_connect_object (self->overdue_monitor, "remind", G_CALLBACK (overdue_remind_cb),
                               self, G_CONNECT_SWAPPED);
    }
  return self->overdue_monitor;
}

static void
overdue_count_cb (PubWindow         *window,
                  GParamSpec        *pspec,
                  PubOverdueMonitor *monitor)
{
  pub_window_set_section_count (window, "datasets", pub_overdue_monitor_get_count (monitor));
}

static GtkWindow *
get_or_create_window (PubApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  PubOverdueMonitor *monitor;

  if (window != NULL)
    return window;
  window = GTK_WINDOW (pub_window_new (ADW_APPLICATION (self), pub_application_get_settings (self)));
  monitor = pub_application_get_overdue_monitor (self);
  g_signal_connect_object (monitor, "notify::count", G_CALLBACK (overdue_count_cb), window, G_CONNECT_SWAPPED);
  overdue_count_cb (PUB_WINDOW (window), NULL, monitor);
  return window;
}

static void
pub_application_activate (GApplication *app)
{
  PubApplication *self = PUB_APPLICATION (app);
  GtkWindow *window = get_or_create_window (self);
  GSettings *settings = pub_application_get_settings (self);

  gtk_window_present (window);

  /* The first time, offer to sign in; drafting works without an account,
   * so the welcome can be skipped and is not shown again. */
  if (!g_settings_get_boolean (settings, "first-run-done") &&
      g_list_model_get_n_items (G_LIST_MODEL (pub_application_get_account_manager (self))) == 0)
    {
      g_settings_set_boolean (settings, "first-run-done", TRUE);
      pub_sign_in_page_present (window, pub_application_get_account_manager (self), NULL, TRUE);
    }
}

static void
show_open_error (GtkWindow    *window,
                 const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (window, _("The Dataset Could Not Be Opened"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* `publicador file.csv` and "Open With": a new draft with those files.
 * `publicador https://portal/dataset/NAME`: that dataset's page. */
static void
pub_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  PubApplication *self = PUB_APPLICATION (app);
  GtkWindow *window = get_or_create_window (self);
  g_autoptr(GSList) list = NULL;

  gtk_window_present (window);
  for (int i = n_files - 1; i >= 0; i--)
    {
      if (g_file_has_uri_scheme (files[i], "https") || g_file_has_uri_scheme (files[i], "http"))
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          g_autoptr(GError) error = NULL;

          if (!pub_dataset_open_address (window, pub_application_get_account_manager (self), uri, &error))
            show_open_error (window, error);
          continue;
        }
      list = g_slist_prepend (list, files[i]);
    }
  if (list != NULL)
    pub_new_dataset_window_open (window, NULL, list);
}

static void
open_dataset_action_cb (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  PubApplication *self = user_data;
  GtkWindow *window = get_or_create_window (self);
  g_autoptr(GError) error = NULL;

  if (!pub_dataset_open_reference (window, pub_application_get_account_manager (self),
                                   g_variant_get_string (param, NULL), &error))
    show_open_error (window, error);
}

static void
open_from_portal_action_cb (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       user_data)
{
  PubApplication *self = user_data;

  pub_dataset_open_dialog (get_or_create_window (self), pub_application_get_account_manager (self));
}

static void
restore_backup_action_cb (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  pub_dataset_restore_backup (get_or_create_window (user_data));
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  PubApplication *self = user_data;
  static const char *developers[] = { "The Publicador authors", NULL };
  GtkWindow *about;

  g_assert (PUB_IS_APPLICATION (self));

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Publicador"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Publicador authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Publish open data to CKAN portals such as datos.gob.cl, "
                                      "without learning an API."),
                        "developers", developers,
                        /* Translators: your name, and optionally an e-mail address */
                        "translator-credits", _("translator-credits"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Publicador authors",
                        NULL);
  gtk_window_present (about);
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  PubApplication *self = user_data;
  PubPreferencesWindow *prefs;

  g_assert (PUB_IS_APPLICATION (self));

  prefs = pub_preferences_window_new (pub_application_get_settings (self));
  gtk_window_set_transient_for (GTK_WINDOW (prefs),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (prefs));
}

/* ("dataset id", "resource id") of the current account: the resource's
 * portal services, in their own window (one per resource). */
static void
open_resource_action_cb (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  PubApplication *self = user_data;
  PubAccount *account = pub_account_manager_get_current (pub_application_get_account_manager (self));
  const char *dataset_id, *resource_id;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  PubResourceWindow *window;

  g_variant_get (param, "(&s&s)", &dataset_id, &resource_id);
  if (!account || !*resource_id)
    return;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (PUB_IS_RESOURCE_WINDOW (l->data) &&
        g_strcmp0 (pub_resource_window_get_resource_id (l->data), resource_id) == 0)
      {
        gtk_window_present (l->data);
        return;
      }
  window = pub_resource_window_new (GTK_APPLICATION (self), pub_account_get_client (account), dataset_id, resource_id,
                                    pub_draft_store_get_default ());
  /* The window it was asked from, taken before the new one joins the
   * application and becomes the active one. */
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_present (GTK_WINDOW (window));
}

/* A new-comment notification's default action: the thread in the inbox. */
static void
open_comment_thread_action_cb (GSimpleAction *action,
                               GVariant      *param,
                               gpointer       user_data)
{
  PubApplication *self = user_data;
  GtkWindow *window = get_or_create_window (self);
  GtkWidget *page;

  g_assert (PUB_IS_APPLICATION (self));

  gtk_window_present (window);
  pub_window_show_section (PUB_WINDOW (window), "comments");
  page = pub_window_get_section_page (PUB_WINDOW (window), "comments");
  if (PUB_IS_COMMENTS_VIEW (page))
    pub_comments_view_open_thread (PUB_COMMENTS_VIEW (page), g_variant_get_string (param, NULL));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  PubApplication *self = user_data;
  /* A copy: each window closed leaves the application's own list. */
  g_autolist(GtkWindow) windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                                                    (GCopyFunc) g_object_ref, NULL);

  g_assert (PUB_IS_APPLICATION (self));

  /* Closing each window runs its close-request, which saves its state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
flushed_before_quit_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(PubApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  g_assert (PUB_IS_APPLICATION (self));

  if (!pub_draft_store_flush_finish (PUB_DRAFT_STORE (object), result, &error))
    g_warning ("Saving the drafts before quitting failed: %s", error->message);
  g_application_quit (G_APPLICATION (self));
}

/* Logging out or `kill` sends SIGTERM, Ctrl+C in a terminal SIGINT: the
 * changes still waiting for their save delay are written before quitting.
 * A second signal kills at once, as without the handler. */
static gboolean
terminate_cb (gpointer user_data)
{
  PubApplication *self = user_data;

  g_assert (PUB_IS_APPLICATION (self));

  g_clear_handle_id (&self->sigterm_id, g_source_remove);
  g_clear_handle_id (&self->sigint_id, g_source_remove);
  pub_draft_store_flush_async (pub_draft_store_get_default (), NULL, flushed_before_quit_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
show_overdue_action_cb (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  PubApplication *self = user_data;
  GtkWindow *window = get_or_create_window (self);

  gtk_window_present (window);
  pub_window_show_overdue (PUB_WINDOW (window));
}


static const GActionEntry app_actions[] = {
  { "show-overdue", show_overdue_action_cb },
  { "about", about_action_cb },
  { "preferences", preferences_action_cb },
  { "open-resource", open_resource_action_cb, "(ss)" },
  { "quit", quit_action_cb },
  { "open-dataset", open_dataset_action_cb, "s" },
  { "open-from-portal", open_from_portal_action_cb },
  { "restore-backup", restore_backup_action_cb },
  { "open-comment-thread", open_comment_thread_action_cb, "s" },
};

static void
pub_application_startup (GApplication *app)
{
  PubApplication *self = PUB_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (pub_application_parent_class)->startup (app);
  pub_accessible_watch_windows ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);

  /* Publications left queued or cut short by the last run go on. */
  pub_application_get_publish_queue (self);
  pub_application_get_overdue_monitor (self);

  self->sigterm_id = g_unix_signal_add (SIGTERM, terminate_cb, self);
  self->sigint_id = g_unix_signal_add (SIGINT, terminate_cb, self);
}

static void
pub_application_shutdown (GApplication *app)
{
  PubApplication *self = PUB_APPLICATION (app);

  g_clear_handle_id (&self->sigterm_id, g_source_remove);
  g_clear_handle_id (&self->sigint_id, g_source_remove);

  G_APPLICATION_CLASS (pub_application_parent_class)->shutdown (app);
}

static void
pub_application_finalize (GObject *object)
{
  PubApplication *self = PUB_APPLICATION (object);

  g_clear_handle_id (&self->sigterm_id, g_source_remove);
  g_clear_handle_id (&self->sigint_id, g_source_remove);
  g_clear_object (&self->publish_queue);
  g_clear_object (&self->overdue_monitor);
  g_clear_object (&self->account_manager);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pub_application_parent_class)->finalize (object);
}

static void
pub_application_class_init (PubApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = pub_application_finalize;

  app_class->activate = pub_application_activate;
  app_class->open = pub_application_open;
  app_class->startup = pub_application_startup;
  app_class->shutdown = pub_application_shutdown;

  signals[DATASET_DELETED] =
    g_signal_new ("dataset-deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
pub_application_init (PubApplication *self)
{
}

PubApplication *
pub_application_new (void)
{
  return g_object_new (PUB_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/publicador/Publicador",
                       NULL);
}
