/* pub-dataset-window-header.c: the dataset page's header: title,
 * organization, state, visibility, who changed it last and when, and
 * whether its next update is due
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-client-datasets.h"
#include "pub-dataset-window-private.h"
#include "pub-relative-time.h"
#include "pub-update-status.h"

static const char *
display_name (PubDatasetWindow *self,
              const char       *user_id)
{
  return user_id != NULL ? g_hash_table_lookup (self->user_names, user_id) : NULL;
}

static void
update_last_change (PubDatasetWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDateTime *modified = ckan_dataset_get_metadata_modified (self->dataset);
  g_autofree char *when = pub_relative_time_format (modified, now);
  const char *who = display_name (self, self->last_change_user_id);
  g_autofree char *text = NULL;

  if (when == NULL)
    text = g_strdup ("");
  else if (who != NULL)
    /* Translators: "Changed by Ana Pérez · 2 hours ago" */
    text = g_strdup_printf (_("Changed by %s · %s"), who, when);
  else
    /* Translators: "Changed 2 hours ago" */
    text = g_strdup_printf (_("Changed %s"), when);
  gtk_label_set_text (self->last_change_label, text);
}

static void
update_status (PubDatasetWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) last = pub_update_status_last_change (self->dataset);
  const char *frequency = ckan_dataset_get_extra_field (self->dataset, "frequency");
  int days = 0;
  PubUpdateStatus status = pub_update_status_compute (frequency, last, now, &days);
  g_autofree char *text = pub_update_status_describe (status, days);
  GtkWidget *label = GTK_WIDGET (self->update_status_label);

  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_set_visible (label, text != NULL);
  gtk_label_set_text (self->update_status_label, text != NULL ? text : "");
  if (status == PUB_UPDATE_STATUS_UP_TO_DATE)
    gtk_widget_add_css_class (label, "success");
  else if (status == PUB_UPDATE_STATUS_DUE_SOON)
    gtk_widget_add_css_class (label, "warning");
  else if (status == PUB_UPDATE_STATUS_OVERDUE)
    gtk_widget_add_css_class (label, "error");
}

void
_pub_dataset_window_update_header (PubDatasetWindow *self)
{
  CkanOrganization *org = ckan_dataset_get_organization (self->dataset);
  const char *state = ckan_dataset_get_state (self->dataset);
  const char *org_title = org != NULL ? ckan_organization_get_title (org) : NULL;

  gtk_label_set_text (self->title_label, ckan_dataset_get_display_title (self->dataset));
  gtk_window_set_title (GTK_WINDOW (self), ckan_dataset_get_display_title (self->dataset));
  adw_view_switcher_title_set_subtitle (self->switcher_title, ckan_dataset_get_display_title (self->dataset));
  if (org_title == NULL || org_title[0] == '\0')
    org_title = org != NULL ? ckan_organization_get_name (org) : _("No organization");
  gtk_label_set_text (self->organization_label, org_title);

  gtk_widget_set_visible (GTK_WIDGET (self->state_label), g_strcmp0 (state, "active") != 0);
  if (g_strcmp0 (state, "draft") == 0)
    gtk_label_set_text (self->state_label, _("Draft"));
  else if (g_strcmp0 (state, "deleted") == 0)
    gtk_label_set_text (self->state_label, _("Deleted"));
  else if (state != NULL)
    gtk_label_set_text (self->state_label, state);

  /* Shown as it is on the portal; the handler only reacts to people. */
  self->setting_visibility = TRUE;
  gtk_switch_set_active (self->visibility_switch, !ckan_dataset_get_private (self->dataset));
  gtk_switch_set_state (self->visibility_switch, !ckan_dataset_get_private (self->dataset));
  self->setting_visibility = FALSE;

  update_last_change (self);
  update_status (self);
}

static void
user_shown_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PubDatasetWindow) self = user_data;
  g_autoptr(CkanUser) user = ckan_client_user_show_finish (CKAN_CLIENT (object), result, NULL);

  g_assert (PUB_IS_DATASET_WINDOW (self));

  if (user == NULL || self->dataset == NULL)
    return;
  g_hash_table_insert (self->user_names, g_strdup (ckan_user_get_id (user)),
                       g_strdup (ckan_user_get_display_name (user)));
  update_last_change (self);
}

/* Who made the last change: the newest activity says (the dataset does not). */
static void
last_activity_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PubDatasetWindow) self = user_data;
  g_autoptr(GPtrArray) activities = NULL;
  CkanActivity *newest;

  g_assert (PUB_IS_DATASET_WINDOW (self));

  activities = ckan_client_package_activity_list_finish (CKAN_CLIENT (object), result, NULL);
  if (activities == NULL || activities->len == 0 || self->dataset == NULL)
    return;
  newest = g_ptr_array_index (activities, 0);
  g_free (self->last_change_user_id);
  self->last_change_user_id = g_strdup (ckan_activity_get_user_id (newest));
  if (self->last_change_user_id == NULL)
    return;
  if (display_name (self, self->last_change_user_id) != NULL)
    update_last_change (self);
  else
    ckan_client_user_show_async (self->client, self->last_change_user_id, self->cancellable,
                                 user_shown_cb, g_object_ref (self));
}

void
_pub_dataset_window_fetch_last_change (PubDatasetWindow *self)
{
  ckan_client_package_activity_list_async (self->client, ckan_dataset_get_id (self->dataset), 0, 1,
                                           self->cancellable, last_activity_cb, g_object_ref (self));
}
