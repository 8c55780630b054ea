/* pub-dataset-list-view-bulk.c: selection mode, and many datasets made public, private or deleted
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-client-search.h"
#include "pub-dataset-list-view-private.h"
#include "pub-dataset-row.h"

static void
foreach_row (GtkWidget *widget,
             void     (*func) (PubDatasetRow *row, gpointer data),
             gpointer   data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (PUB_IS_DATASET_ROW (child))
        func (PUB_DATASET_ROW (child), data);
      else
        foreach_row (child, func, data);
    }
}

gboolean
_pub_dataset_list_view_can_bulk (PubDatasetListView *self)
{
  return self->mode == PUB_DATASET_LIST_MODE_ORGANIZATION && self->organization != NULL &&
         pub_bulk_job_allowed_for (ckan_organization_get_capacity (self->organization));
}

static guint
n_selected (PubDatasetListView *self)
{
  if (self->all_matching && self->list != NULL)
    return (guint) MAX (pub_dataset_list_get_count (self->list), 0);
  return g_hash_table_size (self->selected);
}

void
_pub_dataset_list_view_update_selection (PubDatasetListView *self)
{
  gboolean can_bulk = _pub_dataset_list_view_can_bulk (self);
  guint n = n_selected (self);
  g_autofree char *text = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->select_button), can_bulk);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->select_button),
                               can_bulk ? _("Select Datasets")
                               : _("Only administrators of the organization can change many datasets at once"));
  if (self->job_running)
    text = g_strdup (_("Applying…"));
  else if (self->all_matching)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The %u matching dataset", "All %u matching datasets", n), n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected", n), n);
  gtk_label_set_text (self->selected_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.bulk", can_bulk && n > 0 && !self->job_running);
}

static void
item_selected_cb (PubDatasetListItem *item,
                  GParamSpec         *pspec,
                  PubDatasetListView *self)
{
  CkanDataset *dataset = pub_dataset_list_item_get_dataset (item);

  if (dataset == NULL)
    return;
  if (pub_dataset_list_item_get_selected (item))
    g_hash_table_add (self->selected, g_strdup (ckan_dataset_get_id (dataset)));
  else
    {
      g_hash_table_remove (self->selected, ckan_dataset_get_id (dataset));
      /* Unticking one means "these", no longer "all that match". */
      self->all_matching = FALSE;
    }
  _pub_dataset_list_view_update_selection (self);
}

void
_pub_dataset_list_view_bind_item (PubDatasetListView *self,
                                  PubDatasetListItem *item)
{
  CkanDataset *dataset = pub_dataset_list_item_get_dataset (item);
  gboolean selected = self->selection_mode && dataset != NULL &&
                      (self->all_matching || g_hash_table_contains (self->selected, ckan_dataset_get_id (dataset)));

  pub_dataset_list_item_set_selected (item, selected);
  g_signal_connect_object (item, "notify::selected", G_CALLBACK (item_selected_cb), self, 0);
}

void
_pub_dataset_list_view_unbind_item (PubDatasetListView *self,
                                    PubDatasetListItem *item)
{
  g_signal_handlers_disconnect_by_func (item, item_selected_cb, self);
}

static void
tick_row (PubDatasetRow *row,
          gpointer       data)
{
  PubDatasetListItem *item = pub_dataset_row_get_item (row);

  if (item != NULL && pub_dataset_list_item_get_dataset (item) != NULL)
    pub_dataset_list_item_set_selected (item, GPOINTER_TO_INT (data));
}

static void
clear_selection (PubDatasetListView *self)
{
  self->all_matching = FALSE;
  foreach_row (GTK_WIDGET (self->list_view), tick_row, GINT_TO_POINTER (FALSE));
  g_hash_table_remove_all (self->selected);
  _pub_dataset_list_view_update_selection (self);
}

void
_pub_dataset_list_view_set_selection_mode (PubDatasetListView *self,
                                           gboolean            selection_mode)
{
  selection_mode = !!selection_mode;
  if (self->selection_mode == selection_mode)
    return;
  self->selection_mode = selection_mode;
  if (!selection_mode)
    clear_selection (self);
  _pub_dataset_list_view_update_selection (self);
  g_object_notify (G_OBJECT (self), "selection-mode");
}

typedef struct {
  PubDatasetListView *self;
  graphene_rect_t     viewport;
} ShownData;

/* Rows inside the visible part of the list, not those kept just beyond. */
static void
tick_if_shown (PubDatasetRow *row,
               gpointer       data)
{
  ShownData *shown = data;
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (shown->self->scrolled_window), &bounds))
    return;
  if (bounds.origin.y + bounds.size.height > shown->viewport.origin.y &&
      bounds.origin.y < shown->viewport.origin.y + shown->viewport.size.height)
    tick_row (row, GINT_TO_POINTER (TRUE));
}

static void
select_shown_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PubDatasetListView *self = PUB_DATASET_LIST_VIEW (widget);
  ShownData shown = { self, GRAPHENE_RECT_INIT (0, 0, 0, 0) };

  shown.viewport.size.width = gtk_widget_get_width (GTK_WIDGET (self->scrolled_window));
  shown.viewport.size.height = gtk_widget_get_height (GTK_WIDGET (self->scrolled_window));
  foreach_row (GTK_WIDGET (self->list_view), tick_if_shown, &shown);
}

static void
select_matching_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  PubDatasetListView *self = PUB_DATASET_LIST_VIEW (widget);

  foreach_row (GTK_WIDGET (self->list_view), tick_row, GINT_TO_POINTER (TRUE));
  self->all_matching = TRUE;
  _pub_dataset_list_view_update_selection (self);
}

static void
select_none_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  clear_selection (PUB_DATASET_LIST_VIEW (widget));
}

static char *
done_message (CkanBulkAction action,
              guint          n,
              gboolean       undo)
{
  if (undo)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Undone: %u dataset is back as it was",
                                         "Undone: %u datasets are back as they were", n), n);
  switch (action)
    {
    case CKAN_BULK_MAKE_PUBLIC:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dataset is now public", "%u datasets are now public", n), n);
    case CKAN_BULK_MAKE_PRIVATE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dataset is now private", "%u datasets are now private", n), n);
    case CKAN_BULK_DELETE:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dataset deleted", "%u datasets deleted", n), n);
    }
}

static void run_job (PubDatasetListView *self,
                     PubBulkJob         *job);

static void
partial_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     PubDatasetListView *self)
{
  g_autoptr(PubBulkJob) retry = NULL;

  if (g_strcmp0 (response, "retry") != 0 || self->job == NULL || self->list == NULL)
    return;
  retry = pub_bulk_job_new (pub_dataset_list_get_client (self->list), pub_bulk_job_get_action (self->job),
                            pub_bulk_job_get_org_id (self->job), pub_bulk_job_get_not_done (self->job));
  run_job (self, retry);
}

static void
report_partial (PubDatasetListView *self,
                const GError       *error)
{
  guint done = g_strv_length ((GStrv) pub_bulk_job_get_done (self->job));
  guint not_done = g_strv_length ((GStrv) pub_bulk_job_get_not_done (self->job));
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  heading = done == 0 ? g_strdup (_("No Dataset Was Changed"))
                      : g_strdup_printf (_("Only %u of %u Datasets Were Changed"), done, done + not_done);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dataset was not changed: %s\n\nThe others were. Nothing was left half done: "
                                             "you can try again with the one not changed.",
                                       "%u datasets were not changed: %s\n\nThe others were. Nothing was left half done: "
                                       "you can try again with those not changed.", not_done),
                          not_done, error != NULL ? error->message : "");
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "retry", _("_Try Again"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "retry");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (partial_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PubDatasetListView) self = user_data;
  PubBulkJob *job = PUB_BULK_JOB (object);
  g_autoptr(GError) error = NULL;
  gboolean undo = self->undoing;

  pub_bulk_job_run_finish (job, result, &error);
  self->job_running = FALSE;
  self->undoing = FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;
  g_set_object (&self->job, job);
  gtk_toggle_button_set_active (self->select_button, FALSE);
  _pub_dataset_list_view_update_selection (self);
  if (self->list != NULL)
    pub_dataset_list_reload (self->list);

  if (*pub_bulk_job_get_not_done (job) != NULL)
    {
      report_partial (self, error);
      return;
    }
  {
    g_autofree char *text = done_message (pub_bulk_job_get_action (job),
                                          g_strv_length ((GStrv) pub_bulk_job_get_done (job)), undo);
    AdwToast *toast = adw_toast_new (text);

    /* A visibility change has its reverse; a delete does not. */
    if (!undo && pub_bulk_job_get_action (job) != CKAN_BULK_DELETE)
      {
        adw_toast_set_button_label (toast, _("_Undo"));
        adw_toast_set_action_name (toast, "list.undo");
        adw_toast_set_timeout (toast, 10);
      }
    _pub_dataset_list_view_toast (self, toast);
  }
}

static void
run_job (PubDatasetListView *self,
         PubBulkJob         *job)
{
  g_set_object (&self->job, job);
  self->job_running = TRUE;
  _pub_dataset_list_view_update_selection (self);
  pub_bulk_job_run_async (job, self->cancellable, job_done_cb, g_object_ref (self));
}

static void
run_on_ids (PubDatasetListView  *self,
            CkanBulkAction       action,
            const char * const  *ids)
{
  g_autoptr(PubBulkJob) job = pub_bulk_job_new (pub_dataset_list_get_client (self->list), action,
                                                ckan_organization_get_id (self->organization), ids);

  run_job (self, job);
}

static void
matching_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PubDatasetListView) self = user_data;
  g_autoptr(GPtrArray) datasets = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  datasets = ckan_client_package_search_all_finish (CKAN_CLIENT (object), result, &error);
  self->job_running = FALSE;
  if (datasets == NULL)
    {
      if (!g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _pub_dataset_list_view_toast (self, adw_toast_new (error->message));
      _pub_dataset_list_view_update_selection (self);
      return;
    }
  for (guint i = 0; i < datasets->len; i++)
    g_strv_builder_add (builder, ckan_dataset_get_id (datasets->pdata[i]));
  ids = g_strv_builder_end (builder);
  run_on_ids (self, self->pending_action, (const char * const *) ids);
}

static void
start (PubDatasetListView *self)
{
  if (self->list == NULL || self->organization == NULL)
    return;
  if (self->all_matching)
    {
      g_autoptr(CkanSearchParams) params = pub_dataset_list_dup_search_params (self->list);

      /* Every id that matches now, a thousand at a time. */
      self->job_running = TRUE;
      _pub_dataset_list_view_update_selection (self);
      ckan_client_package_search_all_async (pub_dataset_list_get_client (self->list), params, 1000,
                                            self->cancellable, matching_cb, g_object_ref (self));
      return;
    }
  {
    g_autofree char **ids = (char **) g_hash_table_get_keys_as_array (self->selected, NULL);

    run_on_ids (self, self->pending_action, (const char * const *) ids);
  }
}

static void
confirm_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     PubDatasetListView *self)
{
  if (g_strcmp0 (response, "apply") == 0)
    start (self);
}

static void
bulk_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PubDatasetListView *self = PUB_DATASET_LIST_VIEW (widget);
  const char *name = g_variant_get_string (param, NULL);
  guint n = n_selected (self);
  g_autofree char *heading = NULL;
  const char *body;
  const char *apply;
  GtkWidget *dialog;

  if (g_str_equal (name, "make-public"))
    {
      self->pending_action = CKAN_BULK_MAKE_PUBLIC;
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Make %u Dataset Public?", "Make %u Datasets Public?", n), n);
      body = _("Anyone will be able to see and download them on the portal.");
      apply = _("Make _Public");
    }
  else if (g_str_equal (name, "make-private"))
    {
      self->pending_action = CKAN_BULK_MAKE_PRIVATE;
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Make %u Dataset Private?", "Make %u Datasets Private?", n), n);
      body = _("Only members of the organization will see them. Links people saved will stop working.");
      apply = _("Make P_rivate");
    }
  else
    {
      self->pending_action = CKAN_BULK_DELETE;
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Dataset?", "Delete %u Datasets?", n), n);
      body = _("They disappear from the portal with their files. This cannot be undone from Publicador.");
      apply = _("_Delete");
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", apply,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              self->pending_action == CKAN_BULK_DELETE ? ADW_RESPONSE_DESTRUCTIVE
                                                                                       : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PubDatasetListView *self = PUB_DATASET_LIST_VIEW (widget);
  g_autoptr(PubBulkJob) reverse = NULL;

  if (self->job == NULL || self->job_running)
    return;
  reverse = pub_bulk_job_new_reverse (self->job);
  if (reverse == NULL)
    return;
  self->undoing = TRUE;
  run_job (self, reverse);
}

void
_pub_dataset_list_view_class_init_bulk (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "list.bulk", "s", bulk_action);
  gtk_widget_class_install_action (widget_class, "list.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "list.select-shown", NULL, select_shown_action);
  gtk_widget_class_install_action (widget_class, "list.select-matching", NULL, select_matching_action);
  gtk_widget_class_install_action (widget_class, "list.select-none", NULL, select_none_action);
}
