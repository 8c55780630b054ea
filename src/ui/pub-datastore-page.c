/* pub-datastore-page.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-datastore-page.h"
#include "pub-load-messages.h"
#include "pub-resource-messages.h"

/* What the expander shows of a log: enough to report it, never a wall. */
#define LOG_MAX_LINES 60
#define LOG_MAX_COLUMNS 300

struct _PubDatastorePage
{
  AdwBin              parent_instance;

  PubPortalJob       *job;
  CkanDatastoreInfo  *info;
  GCancellable       *cancellable;
  GError             *error;      /* the last read or run that failed */

  GtkWidget          *spinner;
  GtkWidget          *cancel_button;
  GtkWidget          *load_button;
  AdwActionRow       *state_row;
  GtkImage           *state_icon;
  GtkWidget          *rows_row;
  GtkLabel           *rows_label;
  AdwActionRow       *problem_row;
  AdwExpanderRow     *log_row;
  GtkLabel           *log_label;
};

G_DEFINE_FINAL_TYPE (PubDatastorePage, pub_datastore_page, ADW_TYPE_BIN)

enum {
  LOAD_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
state_text (PubDatastorePage  *self,
            const char       **title,
            const char       **icon)
{
  PubPortalJobState state = self->job ? pub_portal_job_get_state (self->job) : PUB_PORTAL_JOB_STATE_NONE;

  switch (state)
    {
    case PUB_PORTAL_JOB_STATE_UNKNOWN:
      *title = _("Asking the portal…");
      *icon = "content-loading-symbolic";
      break;
    case PUB_PORTAL_JOB_STATE_QUEUED:
      *title = _("Waiting for the portal to load it");
      *icon = "content-loading-symbolic";
      break;
    case PUB_PORTAL_JOB_STATE_RUNNING:
      *title = _("Loading into the DataStore…");
      *icon = "content-loading-symbolic";
      break;
    case PUB_PORTAL_JOB_STATE_DONE:
      *title = _("Loaded into the DataStore");
      *icon = "emblem-ok-symbolic";
      break;
    case PUB_PORTAL_JOB_STATE_FAILED:
      *title = _("The last load failed");
      *icon = "dialog-error-symbolic";
      break;
    case PUB_PORTAL_JOB_STATE_NONE:
    default:
      if (self->info)
        {
          *title = _("In the DataStore");
          *icon = "emblem-ok-symbolic";
        }
      else
        {
          *title = _("This resource is not in the DataStore");
          *icon = "dialog-information-symbolic";
        }
      break;
    }
}

/* Every line of the log, as the loader wrote it, then its error. */
static char *
technical_text (CkanLoadStatus *status)
{
  GPtrArray *logs = ckan_load_status_get_logs (status);
  const char *message = ckan_load_status_get_error_message (status);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < logs->len; i++)
    {
      CkanLoadLogEntry *entry = g_ptr_array_index (logs, i);
      g_autoptr(GDateTime) local = entry->timestamp ? g_date_time_to_local (entry->timestamp) : NULL;
      g_autofree char *when = local ? g_date_time_format (local, "%H:%M:%S") : NULL;

      g_string_append_printf (text, "%s %s %s\n", when ? when : "--:--:--", entry->level ? entry->level : "",
                              entry->message ? entry->message : "");
    }
  if (message && (!logs->len || !strstr (text->str, message)))
    g_string_append_printf (text, "%s\n", message);
  return pub_load_log_cut (text->str, LOG_MAX_LINES, LOG_MAX_COLUMNS);
}

static void
update (PubDatastorePage *self)
{
  CkanLoadStatus *status = self->job ? pub_portal_job_get_load_status (self->job) : NULL;
  PubPortalJobState state = self->job ? pub_portal_job_get_state (self->job) : PUB_PORTAL_JOB_STATE_NONE;
  gboolean busy = self->job && pub_portal_job_get_busy (self->job);
  gboolean following = busy && !pub_portal_job_state_is_final (state);
  const char *title, *icon;
  g_autoptr(GDateTime) when = self->job ? pub_portal_job_dup_last_attempt (self->job) : NULL;
  g_autofree char *when_text = when ? pub_resource_format_time (when) : NULL;
  g_autofree char *subtitle = when_text ? g_strdup_printf (_("Last attempt: %s"), when_text) : NULL;
  gboolean failed = state == PUB_PORTAL_JOB_STATE_FAILED && status;

  state_text (self, &title, &icon);
  if (self->error)
    {
      title = _("The portal did not say how the load went");
      icon = "dialog-warning-symbolic";
      g_free (subtitle);
      subtitle = pub_resource_describe_error (self->error);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row), title);
  adw_action_row_set_subtitle (self->state_row, subtitle ? subtitle : "");
  gtk_image_set_from_icon_name (self->state_icon, icon);
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "error");
  if (g_str_equal (icon, "emblem-ok-symbolic"))
    gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), "success");
  else if (g_str_equal (icon, "dialog-error-symbolic"))
    gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), "error");

  gtk_widget_set_visible (self->rows_row, self->info && ckan_datastore_info_get_count (self->info) >= 0);
  if (self->info)
    {
      g_autofree char *rows = pub_resource_format_count (ckan_datastore_info_get_count (self->info));

      gtk_label_set_label (self->rows_label, rows);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->problem_row), failed);
  gtk_widget_set_visible (GTK_WIDGET (self->log_row), status && (failed || ckan_load_status_get_logs (status)->len));
  if (failed)
    {
      g_autofree char *sentence = pub_load_error_explain (ckan_load_status_get_error_message (status));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->problem_row), sentence);
    }
  if (status)
    {
      g_autofree char *log = technical_text (status);

      gtk_label_set_label (self->log_label, log);
    }

  gtk_widget_set_visible (self->load_button, self->job != NULL);
  gtk_button_set_label (GTK_BUTTON (self->load_button),
                        !self->info && state == PUB_PORTAL_JOB_STATE_NONE ? _("_Load into the DataStore") : _("_Load Again"));
  gtk_widget_set_visible (self->spinner, following);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), following);
  gtk_widget_set_visible (self->cancel_button, following);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "datastore.load", self->job && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "datastore.cancel", following);
}

static void
toast (PubDatastorePage *self,
       const char       *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static void
followed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PubDatastorePage) self = user_data;
  PubPortalJob *job = PUB_PORTAL_JOB (source);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_task_get_source_tag (G_TASK (result)) == pub_portal_job_run_async)
    ok = pub_portal_job_run_finish (job, result, &error);
  else if (g_task_get_source_tag (G_TASK (result)) == pub_portal_job_follow_async)
    ok = pub_portal_job_follow_finish (job, result, &error);
  else
    ok = pub_portal_job_refresh_finish (job, result, &error);

  if (job != self->job)
    return;
  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
    {
      update (self);
      return;
    }
  if (error && g_task_get_source_tag (G_TASK (result)) == pub_portal_job_run_async)
    {
      /* A refused submit leaves the last state as it was: say why. */
      g_autofree char *text = pub_resource_describe_error (error);
      g_autofree char *message = g_strdup_printf (_("The portal did not load the file: %s"), text);

      toast (self, message);
      update (self);
      return;
    }
  g_clear_error (&self->error);
  self->error = g_steal_pointer (&error);
  update (self);
  if (!ok)
    return;
  if (g_task_get_source_tag (G_TASK (result)) == pub_portal_job_refresh_async &&
      !pub_portal_job_state_is_final (pub_portal_job_get_state (job)))
    {
      /* A load was under way when the page opened: follow it too. */
      pub_portal_job_follow_async (job, self->cancellable, followed_cb, g_object_ref (self));
      return;
    }
  if (g_task_get_source_tag (G_TASK (result)) != pub_portal_job_refresh_async)
    g_signal_emit (self, signals[LOAD_FINISHED], 0, pub_portal_job_get_state (job) == PUB_PORTAL_JOB_STATE_DONE);
}

static void
job_changed_cb (PubDatastorePage *self)
{
  update (self);
}

void
pub_datastore_page_set_job (PubDatastorePage *self,
                            PubPortalJob     *job)
{
  g_return_if_fail (PUB_IS_DATASTORE_PAGE (self));

  if (self->job)
    g_signal_handlers_disconnect_by_data (self->job, self);
  pub_datastore_page_cancel (self);
  g_set_object (&self->job, job);
  g_clear_error (&self->error);
  if (job)
    {
      g_signal_connect_swapped (job, "updated", G_CALLBACK (job_changed_cb), self);
      g_signal_connect_swapped (job, "notify::busy", G_CALLBACK (job_changed_cb), self);
      pub_portal_job_refresh_async (job, self->cancellable, followed_cb, g_object_ref (self));
    }
  update (self);
}

PubPortalJob *
pub_datastore_page_get_job (PubDatastorePage *self)
{
  g_return_val_if_fail (PUB_IS_DATASTORE_PAGE (self), NULL);
  return self->job;
}

void
pub_datastore_page_set_info (PubDatastorePage  *self,
                             CkanDatastoreInfo *info)
{
  g_return_if_fail (PUB_IS_DATASTORE_PAGE (self));

  g_set_object (&self->info, info);
  update (self);
}

void
pub_datastore_page_load (PubDatastorePage *self)
{
  g_return_if_fail (PUB_IS_DATASTORE_PAGE (self));

  if (!self->job || pub_portal_job_get_busy (self->job))
    return;
  g_clear_error (&self->error);
  pub_portal_job_run_async (self->job, self->cancellable, followed_cb, g_object_ref (self));
  update (self);
}

void
pub_datastore_page_cancel (PubDatastorePage *self)
{
  g_return_if_fail (PUB_IS_DATASTORE_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

static void
load_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  pub_datastore_page_load (PUB_DATASTORE_PAGE (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PubDatastorePage *self = PUB_DATASTORE_PAGE (widget);

  pub_datastore_page_cancel (self);
  toast (self, _("Stopped following the load; the portal goes on with it"));
}

GtkWidget *
pub_datastore_page_new (void)
{
  return g_object_new (PUB_TYPE_DATASTORE_PAGE, NULL);
}

static void
pub_datastore_page_dispose (GObject *object)
{
  PubDatastorePage *self = PUB_DATASTORE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->job)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_clear_object (&self->job);
  g_clear_object (&self->info);
  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_DATASTORE_PAGE);

  G_OBJECT_CLASS (pub_datastore_page_parent_class)->dispose (object);
}

static void
pub_datastore_page_finalize (GObject *object)
{
  PubDatastorePage *self = PUB_DATASTORE_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (pub_datastore_page_parent_class)->finalize (object);
}

static void
pub_datastore_page_class_init (PubDatastorePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_datastore_page_dispose;
  object_class->finalize = pub_datastore_page_finalize;

  /* A run or a followed load ended (TRUE: loaded). */
  signals[LOAD_FINISHED] =
    g_signal_new ("load-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/publicador/Publicador/ui/pub-datastore-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PubDatastorePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PubDatastorePage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PubDatastorePage, load_button);
  gtk_widget_class_bind_template_child (widget_class, PubDatastorePage, state_row);
  gtk_widget_class_bind_template_child (widget_class, PubDatastorePage, state_icon);
  gtk_widget_class_bind_template_child (widget_class, PubDatastorePage, rows_row);
  gtk_widget_class_bind_template_child (widget_class, PubDatastorePage, rows_label);
  gtk_widget_class_bind_template_child (widget_class, PubDatastorePage, problem_row);
  gtk_widget_class_bind_template_child (widget_class, PubDatastorePage, log_row);
  gtk_widget_class_bind_template_child (widget_class, PubDatastorePage, log_label);

  gtk_widget_class_install_action (widget_class, "datastore.load", NULL, load_action);
  gtk_widget_class_install_action (widget_class, "datastore.cancel", NULL, cancel_action);
}

static void
pub_datastore_page_init (PubDatastorePage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}
