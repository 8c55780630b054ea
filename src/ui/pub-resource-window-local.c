/* pub-resource-window-local.c: the resource's file on this computer (a
 * draft's, or the portal's copy downloaded), its local checks and score,
 * and the portal's AI validation
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ckan-client-download.h"
#include "pub-ai-validation.h"
#include "pub-resource-messages.h"
#include "pub-resource-window-private.h"

/* ---- The local file: a draft that published this resource, or the
 * portal's copy downloaded ---- */

static void
update_file_bars (PubResourceWindow *self)
{
  const char *url = self->resource ? ckan_resource_get_url (self->resource) : NULL;
  gboolean offer = !self->local && url && (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://"));

  gtk_widget_set_visible (self->validation_file_bar, offer);
  gtk_widget_set_visible (self->ai_file_bar, offer && !self->portal_ai);
  gtk_widget_set_visible (self->validation_file_spinner, self->fetching_file);
  gtk_widget_set_visible (self->ai_file_spinner, self->fetching_file);
  gtk_spinner_set_spinning (GTK_SPINNER (self->validation_file_spinner), self->fetching_file);
  gtk_spinner_set_spinning (GTK_SPINNER (self->ai_file_spinner), self->fetching_file);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "resource.check-file", offer && !self->fetching_file);
}

static GFile *
find_local_file (PubResourceWindow *self)
{
  GListModel *drafts = self->drafts ? pub_draft_store_get_drafts (self->drafts) : NULL;

  for (guint i = 0; drafts && i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(PubDraft) draft = g_list_model_get_item (drafts, i);
      GListModel *resources = pub_draft_get_resources (draft);

      for (guint j = 0; j < g_list_model_get_n_items (resources); j++)
        {
          g_autoptr(PubDraftResource) resource = g_list_model_get_item (resources, j);

          if (pub_draft_resource_get_kind (resource) == PUB_DRAFT_RESOURCE_FILE &&
              g_strcmp0 (pub_draft_resource_get_remote_id (resource), self->resource_id) == 0)
            return pub_draft_resource_dup_file (resource);
        }
    }
  return NULL;
}

static void
show_local_score (PubResourceWindow *self)
{
  if (!self->local || self->portal_ai)
    return;
  pub_validation_report_view_set_local (self->ai_view, NULL, pub_check_result_get_score (self->local));
  pub_validation_report_view_set_score_origin (self->ai_view,
                                               _("Computed on this computer from the local file: the portal "
                                                 "shows no AI validation for this resource"));
}

/* The portal's own AI validation, in the same score widget, said to be
 * the portal's. */
static void
show_portal_ai (PubResourceWindow *self,
                PubAiValidation   *ai)
{
  g_autoptr(PubQualityScore) score = pub_ai_validation_to_score (ai);

  self->portal_ai = TRUE;
  pub_validation_report_view_set_local (self->ai_view, NULL, score);
  pub_validation_report_view_set_ai_result (self->ai_view, -1, pub_ai_validation_get_recommendations (ai));
  pub_validation_report_view_set_score_origin (self->ai_view, _("Score from the portal's AI validation"));
  update_file_bars (self);
}

static void
ai_fetched_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PubResourceWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PubAiValidation) ai = pub_ai_validation_fetch_finish (result, &error);

  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
    return;
  if (error)
    {
      g_autofree char *text = pub_resource_describe_error (error);
      g_autofree char *message = g_strdup_printf (_("The portal's AI validation could not be read: %s"), text);

      pub_resource_window_toast (self, message);
    }
  if (ai)
    show_portal_ai (self, ai);
}

void
pub_resource_window_read_ai_validation (PubResourceWindow *self)
{
  g_autoptr(PubAiValidation) ai = pub_ai_validation_new_from_resource (self->resource);
  const char *action = pub_portal_services_get_ai_action (self->services);

  self->portal_ai = FALSE;
  if (ai)
    show_portal_ai (self, ai);
  else if (action)
    pub_ai_validation_fetch_async (self->client, action, self->resource_id, self->cancellable, ai_fetched_cb,
                                   g_object_ref (self));
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PubResourceWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PubCheckResult) checked = pub_check_file_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->fetching_file = FALSE;
  if (!checked)
    {
      g_autofree char *text = g_strdup_printf (_("The local file could not be checked: %s"), error->message);

      pub_resource_window_toast (self, text);
      update_file_bars (self);
      return;
    }
  g_set_object (&self->local, checked);
  update_file_bars (self);
  pub_validation_report_view_set_result (self->validation_view, checked);
  pub_resource_window_show_differences (self);
  show_local_score (self);
}

static void
downloaded_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PubResourceWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (ckan_client_download_finish (CKAN_CLIENT (source), result, &error) < 0)
    {
      g_autofree char *text = NULL;
      g_autofree char *message = NULL;

      if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
        return;
      text = pub_resource_describe_error (error);
      message = g_strdup_printf (_("The file could not be downloaded: %s"), text);
      self->fetching_file = FALSE;
      pub_resource_window_toast (self, message);
      update_file_bars (self);
      return;
    }
  file = g_file_new_build_filename (self->download_dir, self->download_name, NULL);
  pub_check_file_async (file, NULL, NULL, NULL, NULL, self->cancellable, checked_cb, g_object_ref (self));
}

/* "Check the File Here": the portal's copy, into a folder of this window's
 * that goes when it closes. */
void
pub_resource_window_check_file_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  PubResourceWindow *self = PUB_RESOURCE_WINDOW (widget);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (self->fetching_file || !self->resource)
    return;
  if (!self->download_dir && !(self->download_dir = g_dir_make_tmp ("publicador-resource-XXXXXX", &error)))
    {
      pub_resource_window_toast (self, error->message);
      return;
    }
  if (!self->download_name)
    {
      g_autoptr(GUri) uri = g_uri_parse (ckan_resource_get_url (self->resource), G_URI_FLAGS_NONE, NULL);
      g_autofree char *base = uri ? g_path_get_basename (g_uri_get_path (uri)) : NULL;

      /* The name's extension tells the checks the format; nothing else of
       * the URL reaches the disk. */
      self->download_name = base && *base != '/' && *base != '.' && !strchr (base, G_DIR_SEPARATOR)
                            ? g_steal_pointer (&base) : g_strdup ("recurso");
    }
  self->fetching_file = TRUE;
  update_file_bars (self);
  file = g_file_new_build_filename (self->download_dir, self->download_name, NULL);
  ckan_client_download_async (self->client, ckan_resource_get_url (self->resource), file, NULL, NULL, NULL,
                              self->cancellable, downloaded_cb, g_object_ref (self));
}

void
pub_resource_window_check_local_file (PubResourceWindow *self)
{
  g_autoptr(GFile) file = find_local_file (self);

  update_file_bars (self);
  if (!file || !g_file_query_exists (file, NULL))
    return;
  pub_check_file_async (file, NULL, NULL, NULL, NULL, self->cancellable, checked_cb, g_object_ref (self));
}
