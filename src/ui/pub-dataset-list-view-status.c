/* pub-dataset-list-view-status.c: what a dataset list says about itself,
 * above it (count, offline, cache age, drafts) or in its place (loading,
 * empty, failed)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-error.h"
#include "pub-dataset-list-view-private.h"
#include "pub-relative-time.h"

static gboolean
network_trouble (const GError *error)
{
  return g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NETWORK) ||
         g_error_matches (error, CKAN_ERROR, CKAN_ERROR_TIMEOUT) ||
         g_error_matches (error, CKAN_ERROR, CKAN_ERROR_TLS);
}

static gboolean
filtered (PubDatasetListView *self)
{
  return pub_dataset_list_get_search_text (self->list) != NULL ||
         pub_dataset_list_get_visibility (self->list) != PUB_VISIBILITY_FILTER_ALL ||
         pub_dataset_list_get_state_filter (self->list) != PUB_STATE_FILTER_ALL ||
         pub_dataset_list_get_format (self->list) != NULL ||
         pub_dataset_list_get_overdue_only (self->list);
}

void
_pub_dataset_list_view_show_message (PubDatasetListView *self,
                                     const char         *icon_name,
                                     const char         *title,
                                     const char         *description,
                                     gboolean            retry)
{
  adw_status_page_set_icon_name (self->message_page, icon_name);
  adw_status_page_set_title (self->message_page, title);
  adw_status_page_set_description (self->message_page, description);
  gtk_widget_set_visible (self->message_button, retry);
  gtk_stack_set_visible_child_name (self->stack, "message");
  gtk_widget_set_visible (self->status_box, FALSE);
  gtk_label_set_text (self->count_label, "");
}

static void
set_status (PubDatasetListView *self,
            const char         *icon_name,
            const char         *text,
            gboolean            retry)
{
  gtk_widget_set_visible (self->status_box, text != NULL);
  gtk_image_set_from_icon_name (self->status_icon, icon_name);
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (self->status_retry_button, retry);
}

gboolean
_pub_dataset_list_view_token_rejected (PubDatasetListView *self)
{
  return self->account != NULL && pub_account_get_state (self->account) == PUB_ACCOUNT_STATE_NEEDS_TOKEN;
}

void
_pub_dataset_list_view_update_status (PubDatasetListView *self)
{
  PubDatasetList *list = self->list;
  guint n_items;
  gint64 count;
  const GError *error;

  if (list == NULL)
    return;
  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  count = pub_dataset_list_get_count (list);
  error = pub_dataset_list_get_error (list);

  if (count >= 0)
    {
      g_autofree char *number = g_strdup_printf ("%'" G_GINT64_FORMAT, count);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s dataset", "%s datasets", count), number);

      gtk_label_set_text (self->count_label, text);
    }
  else
    gtk_label_set_text (self->count_label, "");

  if (n_items > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (pub_dataset_list_get_loading (list) || (count < 0 && error == NULL))
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else if (error != NULL)
    {
      _pub_dataset_list_view_show_message (self, network_trouble (error) ? "network-offline-symbolic" : "dialog-warning-symbolic",
                    _("The List Could Not Be Loaded"), error->message, TRUE);
      return;
    }
  else
    {
      adw_status_page_set_description (self->empty_page,
                                       filtered (self) ? _("No dataset matches the search and filters.")
                                       : self->mode == PUB_DATASET_LIST_MODE_MINE
                                       ? _("Datasets you publish on the portal will be listed here.")
                                       : _("This organization has no datasets yet."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  if (_pub_dataset_list_view_token_rejected (self))
    set_status (self, "dialog-warning-symbolic",
                _("The portal no longer accepts this account's token: this is the last list loaded. "
                  "Sign in again to see it up to date."), FALSE);
  else if (pub_dataset_list_get_from_cache (list))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *when = pub_relative_time_format (pub_dataset_list_get_cache_time (list), now);
      g_autofree char *text = NULL;

      if (error == NULL)
        /* Translators: %s is how long ago, e.g. "2 hours ago" */
        text = g_strdup_printf (_("Updating… · saved %s"), when);
      else if (network_trouble (error))
        /* Translators: %s is how long ago, e.g. "2 hours ago" */
        text = g_strdup_printf (_("Offline · updated %s"), when);
      else
        /* Translators: the first %s says what failed, the second how long ago */
        text = g_strdup_printf (_("%s · This list was saved %s."), error->message, when);
      set_status (self, error != NULL ? "network-offline-symbolic" : "view-refresh-symbolic", text, error != NULL);
    }
  else if (error != NULL)
    set_status (self, "dialog-warning-symbolic", error->message, TRUE);
  else if (!pub_dataset_list_get_drafts_supported (list))
    set_status (self, "dialog-information-symbolic",
                _("This portal does not list drafts: only published datasets are shown."), FALSE);
  else
    set_status (self, NULL, NULL, FALSE);
}
