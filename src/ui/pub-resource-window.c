/* pub-resource-window.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ckan-client-datasets.h"
#include "ckan-client-datastore.h"
#include "ckan-client-resources.h"
#include "pub-datastore-page.h"
#include "pub-dictionary-page.h"
#include "pub-portal-job.h"
#include "pub-preview-page.h"
#include "pub-portal-services.h"
#include "pub-report-compare.h"
#include "pub-resource-messages.h"
#include "pub-resource-window-private.h"
#include "pub-validation-report-view.h"

G_DEFINE_FINAL_TYPE (PubResourceWindow, pub_resource_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_DATASET_ID,
  PROP_RESOURCE_ID,
  PROP_DRAFTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_loading (PubResourceWindow *self);

void
pub_resource_window_toast (PubResourceWindow *self,
                           const char        *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* ---- DataStore: its table, read again after each load ---- */

static void
info_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PubResourceWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanDatastoreInfo) info = ckan_client_datastore_info_finish (CKAN_CLIENT (source), result, &error);

  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
    return;
  if (error && !g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND))
    {
      g_autofree char *text = pub_resource_describe_error (error);

      pub_resource_window_toast (self, text);
    }
  pub_datastore_page_set_info (self->datastore_page, info);
  if (!error || g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND))
    pub_dictionary_page_set_info (self->dictionary_page, info);
}



static void
read_table (PubResourceWindow *self)
{
  ckan_client_datastore_info_async (self->client, self->resource_id, self->cancellable, info_cb, g_object_ref (self));
}

/* Saved: read back what the portal kept. */
static void
dictionary_saved_cb (PubResourceWindow *self)
{
  read_table (self);
}

static void
load_finished_cb (PubResourceWindow *self,
                  gboolean           loaded)
{
  read_table (self);
  pub_preview_page_reload (self->preview_page);
}

/* "Load into the DataStore" from a part that needs the table. */
static void
load_requested_cb (PubResourceWindow *self)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "datastore");
  pub_datastore_page_load (self->datastore_page);
}

/* ---- Validation ---- */

void
pub_resource_window_show_differences (PubResourceWindow *self)
{
  CkanValidationReport *portal = pub_portal_job_get_report (self->validation_job);
  g_auto(GStrv) sentences = NULL;

  if (self->local && portal && pub_portal_job_get_state (self->validation_job) == PUB_PORTAL_JOB_STATE_DONE)
    sentences = pub_report_compare (pub_check_result_get_report (self->local), portal);
  pub_validation_report_view_set_differences (self->validation_view, (const char * const *) sentences);
}

static void
validation_changed_cb (PubResourceWindow *self)
{
  PubPortalJobState state = pub_portal_job_get_state (self->validation_job);

  pub_validation_report_view_set_portal (self->validation_view, pub_portal_job_get_report (self->validation_job));
  /* Busy while the portal works on it, not while its answer is awaited. */
  pub_validation_report_view_set_portal_busy (self->validation_view,
                                              pub_portal_job_get_busy (self->validation_job) &&
                                              (state == PUB_PORTAL_JOB_STATE_QUEUED ||
                                               state == PUB_PORTAL_JOB_STATE_RUNNING));
  pub_resource_window_show_differences (self);
}

static void
validation_followed_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(PubResourceWindow) self = user_data;
  PubPortalJob *job = PUB_PORTAL_JOB (source);
  gpointer tag = g_task_get_source_tag (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (tag == pub_portal_job_run_async)
    pub_portal_job_run_finish (job, result, &error);
  else if (tag == pub_portal_job_follow_async)
    pub_portal_job_follow_finish (job, result, &error);
  else
    pub_portal_job_refresh_finish (job, result, &error);

  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
    return;
  /* The portal has resource_validation_run; whether this account may run
   * it is only known by trying (a 403 is said in a toast). */
  pub_validation_report_view_set_can_validate_again (self->validation_view, TRUE);
  if (error)
    {
      g_autofree char *text = pub_resource_describe_error (error);
      g_autofree char *message = g_strdup_printf (_("The portal's validation could not be read: %s"), text);

      pub_resource_window_toast (self, tag == pub_portal_job_run_async ? text : message);
      return;
    }
  /* Opened while the portal validates: follow it. */
  if (tag == pub_portal_job_refresh_async && !pub_portal_job_state_is_final (pub_portal_job_get_state (job)))
    pub_portal_job_follow_async (job, self->validation_cancellable, validation_followed_cb, g_object_ref (self));
}

static void
validate_again_cb (PubResourceWindow *self)
{
  /* A new run supersedes a read or a follow under way. */
  g_cancellable_cancel (self->validation_cancellable);
  g_clear_object (&self->validation_cancellable);
  self->validation_cancellable = g_cancellable_new ();
  pub_portal_job_run_async (self->validation_job, self->validation_cancellable, validation_followed_cb,
                            g_object_ref (self));
}

static void
cancel_validation_cb (PubResourceWindow *self)
{
  g_cancellable_cancel (self->validation_cancellable);
  g_clear_object (&self->validation_cancellable);
  self->validation_cancellable = g_cancellable_new ();
  pub_resource_window_toast (self, _("Stopped following the validation; the portal goes on with it"));
}

/* ---- Reading the resource and what the portal offers ---- */

static void
setup_parts (PubResourceWindow *self)
{
  gboolean datastore = pub_portal_services_has_datastore (self->services);
  CkanLoader loader = pub_portal_services_get_loader (self->services);
  gboolean validation = pub_portal_services_has_validation (self->services);
  const char *name = ckan_resource_get_name (self->resource);

  adw_view_switcher_title_set_title (self->switcher_title, name && *name ? name : _("Resource"));
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        self->dataset ? ckan_dataset_get_display_title (self->dataset) : "");
  gtk_window_set_title (GTK_WINDOW (self), name && *name ? name : _("Resource"));

  adw_view_stack_page_set_visible (self->datastore_part, datastore);
  adw_view_stack_page_set_visible (self->preview_part, datastore);
  adw_view_stack_page_set_visible (self->dictionary_part, datastore);
  adw_view_stack_page_set_visible (self->validation_part, validation);
  /* Always there: the portal's AI result, or the local score. */
  adw_view_stack_page_set_visible (self->ai_part, TRUE);

  if (datastore)
    {
      g_autoptr(PubPortalJob) job = NULL;

      if (loader != CKAN_LOADER_NONE)
        job = pub_portal_job_new (self->client, loader == CKAN_LOADER_DATAPUSHER ? PUB_PORTAL_JOB_DATAPUSHER
                                                                                 : PUB_PORTAL_JOB_XLOADER,
                                  self->resource_id);
      pub_datastore_page_set_job (self->datastore_page, job);
      read_table (self);
      pub_preview_page_set_source (self->preview_page, self->client, self->resource_id);
      pub_dictionary_page_set_source (self->dictionary_page, self->client, self->resource_id);
    }
  if (validation)
    {
      g_clear_object (&self->validation_job);
      self->validation_job = pub_portal_job_new (self->client, PUB_PORTAL_JOB_VALIDATION, self->resource_id);
      g_signal_connect_swapped (self->validation_job, "updated", G_CALLBACK (validation_changed_cb), self);
      g_signal_connect_swapped (self->validation_job, "notify::busy", G_CALLBACK (validation_changed_cb), self);
      pub_portal_job_refresh_async (self->validation_job, self->validation_cancellable, validation_followed_cb,
                                    g_object_ref (self));
    }
  pub_resource_window_read_ai_validation (self);
  pub_resource_window_check_local_file (self);
  gtk_stack_set_visible_child_name (self->main_stack, "content");
}

static void
read_done (PubResourceWindow *self)
{
  g_autofree char *text = NULL;

  if (--self->pending > 0)
    return;
  if (!self->load_error && self->resource && self->services)
    {
      setup_parts (self);
      return;
    }
  if (g_error_matches (self->load_error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND) ||
      g_error_matches (self->load_error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION))
    text = g_strdup (_("The resource is no longer on the portal, or your account may not see it."));
  else if (self->load_error)
    text = pub_resource_describe_error (self->load_error);
  adw_status_page_set_description (self->error_page, text);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static void
keep_error (PubResourceWindow *self,
            GError            *error)
{
  if (!self->load_error)
    self->load_error = error;
  else
    g_error_free (error);
}

static void
services_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PubResourceWindow) self = user_data;
  GError *error = NULL;

  self->services = pub_portal_services_detect_finish (result, &error);
  if (error)
    keep_error (self, error);
  read_done (self);
}

static void
resource_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PubResourceWindow) self = user_data;
  GError *error = NULL;

  self->resource = ckan_client_resource_show_finish (CKAN_CLIENT (source), result, &error);
  if (error)
    keep_error (self, error);
  read_done (self);
}

static void
dataset_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PubResourceWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Only its title is wanted: the resource's parts work without it. */
  self->dataset = ckan_client_package_show_finish (CKAN_CLIENT (source), result, &error);
  read_done (self);
}

static void
start_loading (PubResourceWindow *self)
{
  g_clear_error (&self->load_error);
  g_clear_object (&self->services);
  g_clear_object (&self->resource);
  g_clear_object (&self->dataset);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  self->pending = 3;
  pub_portal_services_detect_async (self->client, self->cancellable, services_cb, g_object_ref (self));
  ckan_client_resource_show_async (self->client, self->resource_id, self->cancellable, resource_cb, g_object_ref (self));
  ckan_client_package_show_async (self->client, self->dataset_id, self->cancellable, dataset_cb, g_object_ref (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PubResourceWindow *self = PUB_RESOURCE_WINDOW (widget);

  if (self->pending == 0)
    start_loading (self);
}

/* ---- The object ---- */

PubResourceWindow *
pub_resource_window_new (GtkApplication *application,
                         CkanClient     *client,
                         const char     *dataset_id,
                         const char     *resource_id,
                         PubDraftStore  *drafts)
{
  g_return_val_if_fail (CKAN_IS_CLIENT (client), NULL);
  g_return_val_if_fail (resource_id != NULL, NULL);

  return g_object_new (PUB_TYPE_RESOURCE_WINDOW,
                       "application", application,
                       "client", client,
                       "dataset-id", dataset_id,
                       "resource-id", resource_id,
                       "drafts", drafts,
                       NULL);
}

const char *
pub_resource_window_get_resource_id (PubResourceWindow *self)
{
  g_return_val_if_fail (PUB_IS_RESOURCE_WINDOW (self), NULL);
  return self->resource_id;
}

gboolean
pub_resource_window_has_part (PubResourceWindow *self,
                              const char        *name)
{
  GtkWidget *child;

  g_return_val_if_fail (PUB_IS_RESOURCE_WINDOW (self), FALSE);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "content") != 0)
    return FALSE;
  child = adw_view_stack_get_child_by_name (self->view_stack, name);
  return child && adw_view_stack_page_get_visible (adw_view_stack_get_page (self->view_stack, child));
}

static void
pub_resource_window_constructed (GObject *object)
{
  PubResourceWindow *self = PUB_RESOURCE_WINDOW (object);

  G_OBJECT_CLASS (pub_resource_window_parent_class)->constructed (object);

  start_loading (self);
}

static void
pub_resource_window_dispose (GObject *object)
{
  PubResourceWindow *self = PUB_RESOURCE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->validation_cancellable);
  if (self->validation_job)
    g_signal_handlers_disconnect_by_data (self->validation_job, self);
  g_clear_object (&self->validation_job);
  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_RESOURCE_WINDOW);

  G_OBJECT_CLASS (pub_resource_window_parent_class)->dispose (object);
}

static void
pub_resource_window_finalize (GObject *object)
{
  PubResourceWindow *self = PUB_RESOURCE_WINDOW (object);

  g_clear_object (&self->client);
  g_clear_object (&self->drafts);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->validation_cancellable);
  g_clear_object (&self->services);
  g_clear_object (&self->resource);
  g_clear_object (&self->dataset);
  g_clear_object (&self->local);
  g_clear_error (&self->load_error);
  if (self->download_dir)
    {
      g_autofree char *path = g_build_filename (self->download_dir, self->download_name ? self->download_name : "", NULL);

      g_unlink (path);
      g_rmdir (self->download_dir);
    }
  g_clear_pointer (&self->download_dir, g_free);
  g_clear_pointer (&self->download_name, g_free);
  g_clear_pointer (&self->dataset_id, g_free);
  g_clear_pointer (&self->resource_id, g_free);

  G_OBJECT_CLASS (pub_resource_window_parent_class)->finalize (object);
}

static void
pub_resource_window_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PubResourceWindow *self = PUB_RESOURCE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_DATASET_ID:
      g_value_set_string (value, self->dataset_id);
      break;
    case PROP_RESOURCE_ID:
      g_value_set_string (value, self->resource_id);
      break;
    case PROP_DRAFTS:
      g_value_set_object (value, self->drafts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_resource_window_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PubResourceWindow *self = PUB_RESOURCE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_DATASET_ID:
      self->dataset_id = g_value_dup_string (value);
      break;
    case PROP_RESOURCE_ID:
      self->resource_id = g_value_dup_string (value);
      break;
    case PROP_DRAFTS:
      self->drafts = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_resource_window_class_init (PubResourceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pub_resource_window_constructed;
  object_class->dispose = pub_resource_window_dispose;
  object_class->finalize = pub_resource_window_finalize;
  object_class->get_property = pub_resource_window_get_property;
  object_class->set_property = pub_resource_window_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, CKAN_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASET_ID] =
    g_param_spec_string ("dataset-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESOURCE_ID] =
    g_param_spec_string ("resource-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRAFTS] =
    g_param_spec_object ("drafts", NULL, NULL, PUB_TYPE_DRAFT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PUB_TYPE_DATASTORE_PAGE);
  g_type_ensure (PUB_TYPE_PREVIEW_PAGE);
  g_type_ensure (PUB_TYPE_DICTIONARY_PAGE);
  g_type_ensure (PUB_TYPE_VALIDATION_REPORT_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/publicador/Publicador/ui/pub-resource-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PubResourceWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PubResourceWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PubResourceWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PubResourceWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, PubResourceWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PubResourceWindow, datastore_part);
  gtk_widget_class_bind_template_child (widget_class, PubResourceWindow, dictionary_part);
  gtk_widget_class_bind_template_child (widget_class, PubResourceWindow, preview_part);
  gtk_widget_class_bind_template_child (widget_class, PubResourceWindow, validation_part);
  gtk_widget_class_bind_template_child (widget_class, PubResourceWindow, ai_part);
  gtk_widget_class_bind_template_child (widget_class, PubResourceWindow, datastore_page);
  gtk_widget_class_bind_template_child (widget_class, PubResourceWindow, dictionary_page);
  gtk_widget_class_bind_template_child (widget_class, PubResourceWindow, preview_page);
  gtk_widget_class_bind_template_child (widget_class, PubResourceWindow, validation_view);
  gtk_widget_class_bind_template_child (widget_class, PubResourceWindow, ai_view);
  gtk_widget_class_bind_template_child (widget_class, PubResourceWindow, validation_file_bar);
  gtk_widget_class_bind_template_child (widget_class, PubResourceWindow, validation_file_spinner);
  gtk_widget_class_bind_template_child (widget_class, PubResourceWindow, ai_file_bar);
  gtk_widget_class_bind_template_child (widget_class, PubResourceWindow, ai_file_spinner);
  gtk_widget_class_bind_template_callback (widget_class, load_finished_cb);
  gtk_widget_class_bind_template_callback (widget_class, load_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, dictionary_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, validate_again_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_validation_cb);

  gtk_widget_class_install_action (widget_class, "resource.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "resource.check-file", NULL, pub_resource_window_check_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
pub_resource_window_init (PubResourceWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->validation_cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
