/* pub-dataset-resources-page.c: the list of published resources: edit,
 * reorder (drag and drop, Alt+Up/Down), delete, open
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-client-datasets.h"
#include "ckan-client-resources.h"
#include "pub-dataset-resource-row.h"
#include "pub-dataset-resources-page-private.h"

G_DEFINE_FINAL_TYPE (PubDatasetResourcesPage, pub_dataset_resources_page, ADW_TYPE_BIN)

enum {
  DATASET_CHANGED,
  FAILED,
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_pub_dataset_resources_page_changed (PubDatasetResourcesPage *self,
                                     CkanDataset             *dataset)
{
  g_signal_emit (self, signals[DATASET_CHANGED], 0, dataset);
}

void
_pub_dataset_resources_page_failed (PubDatasetResourcesPage *self,
                                    const GError            *error,
                                    const char              *retry_action)
{
  g_signal_emit (self, signals[FAILED], 0, error, retry_action);
}

void
_pub_dataset_resources_page_toast (PubDatasetResourcesPage *self,
                                   const char              *text)
{
  g_signal_emit (self, signals[TOAST], 0, text);
}

void
_pub_dataset_resources_page_progress (PubDatasetResourcesPage *self,
                                      const char              *text,
                                      double                   fraction)
{
  gtk_widget_set_visible (self->progress_box, text != NULL);
  gtk_widget_set_sensitive (self->add_button, text == NULL);
  if (text == NULL)
    return;
  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

CkanResource *
_pub_dataset_resources_page_find (PubDatasetResourcesPage *self,
                                  const char              *id)
{
  return self->dataset != NULL && id != NULL ? ckan_dataset_get_resource (self->dataset, id) : NULL;
}

static int
index_of (PubDatasetResourcesPage *self,
          const char              *id)
{
  GPtrArray *resources = self->dataset != NULL ? ckan_dataset_get_resources (self->dataset) : NULL;

  for (guint i = 0; resources != NULL && i < resources->len; i++)
    {
      if (g_strcmp0 (ckan_resource_get_id (g_ptr_array_index (resources, i)), id) == 0)
        return i;
    }
  return -1;
}

/* Drag and drop: a row carries its resource id; dropped on another row it
 * takes that row's place. */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource         *source,
                 double                 x,
                 double                 y,
                 PubDatasetResourceRow *row)
{
  return gdk_content_provider_new_typed (G_TYPE_STRING,
                                         ckan_resource_get_id (pub_dataset_resource_row_get_resource (row)));
}

static void
drag_begin_cb (GtkDragSource         *source,
               GdkDrag               *drag,
               PubDatasetResourceRow *row)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (row));

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static gboolean
row_drop_cb (GtkDropTarget         *target,
             const GValue          *value,
             double                 x,
             double                 y,
             PubDatasetResourceRow *row)
{
  PubDatasetResourcesPage *self = PUB_DATASET_RESOURCES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (row),
                                                                                      PUB_TYPE_DATASET_RESOURCES_PAGE));
  int from = index_of (self, g_value_get_string (value));
  int to = index_of (self, ckan_resource_get_id (pub_dataset_resource_row_get_resource (row)));

  if (from < 0 || to < 0 || from == to)
    return FALSE;
  pub_dataset_resources_page_move (self, from, to - from);
  return TRUE;
}

static void
rebuild (PubDatasetResourcesPage *self)
{
  GPtrArray *resources = self->dataset != NULL ? ckan_dataset_get_resources (self->dataset) : NULL;
  guint n = resources != NULL ? resources->len : 0;
  GtkWidget *child, *focus = NULL;
  g_autofree char *count = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < n; i++)
    {
      CkanResource *resource = g_ptr_array_index (resources, i);
      GtkWidget *row = pub_dataset_resource_row_new (resource);
      GtkDragSource *source = gtk_drag_source_new ();
      GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

      gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
      g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
      g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), row);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
      g_signal_connect (target, "drop", G_CALLBACK (row_drop_cb), row);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
      gtk_list_box_append (self->list, row);
      if (g_strcmp0 (self->focus_id, ckan_resource_get_id (resource)) == 0)
        focus = row;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);
  gtk_widget_set_visible (self->empty_label, n == 0);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Resource", "%u Resources", n), n);
  gtk_label_set_text (self->count_label, count);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  g_clear_pointer (&self->focus_id, g_free);
}

/* Reordering */

static void
reordered_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PubDatasetResourcesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  g_assert (PUB_IS_DATASET_RESOURCES_PAGE (self));

  if (!ckan_client_package_resource_reorder_finish (CKAN_CLIENT (object), result, &error))
    {
      _pub_dataset_resources_page_failed (self, error, NULL);
      /* The list goes back to the portal's order. */
      rebuild (self);
      return;
    }
  _pub_dataset_resources_page_changed (self, NULL);
}

void
pub_dataset_resources_page_move (PubDatasetResourcesPage *self,
                                 guint                    index,
                                 int                      delta)
{
  GPtrArray *resources;
  g_autoptr(GPtrArray) order = NULL;
  CkanResource *moved;
  int target;

  g_return_if_fail (PUB_IS_DATASET_RESOURCES_PAGE (self));

  resources = self->dataset != NULL ? ckan_dataset_get_resources (self->dataset) : NULL;
  if (resources == NULL || index >= resources->len)
    return;
  target = CLAMP ((int) index + delta, 0, (int) resources->len - 1);
  if (target == (int) index)
    return;

  moved = g_ptr_array_index (resources, index);
  order = g_ptr_array_new_null_terminated (resources->len, NULL, TRUE);
  for (guint i = 0; i < resources->len; i++)
    {
      if (i != index)
        g_ptr_array_add (order, (gpointer) ckan_resource_get_id (g_ptr_array_index (resources, i)));
    }
  g_ptr_array_insert (order, target, (gpointer) ckan_resource_get_id (moved));

  /* Shown at once, the portal told after; focus stays on the moved row. */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, index);

    g_object_ref (row);
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
    gtk_list_box_insert (self->list, GTK_WIDGET (row), target);
    gtk_widget_grab_focus (GTK_WIDGET (row));
    g_object_unref (row);
  }
  g_free (self->focus_id);
  self->focus_id = g_strdup (ckan_resource_get_id (moved));
  ckan_client_package_resource_reorder_async (self->client, ckan_dataset_get_id (self->dataset),
                                              (const char * const *) order->pdata, self->cancellable,
                                              reordered_cb, g_object_ref (self));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PubDatasetResourcesPage *self = PUB_DATASET_RESOURCES_PAGE (widget);
  int index = index_of (self, g_variant_get_string (param, NULL));

  if (index >= 0)
    pub_dataset_resources_page_move (self, index, g_str_equal (action_name, "resources.move-up") ? -1 : 1);
}

/* What a dialog about one resource answers to. */
typedef struct {
  PubDatasetResourcesPage *self;
  char                    *id;
  GtkEditable             *name;
  GtkEditable             *description;
  GtkEditable             *format;
} Response;

static void
response_free (Response *response)
{
  g_object_unref (response->self);
  g_free (response->id);
  g_free (response);
}

static void
connect_response (GtkWidget               *dialog,
                  PubDatasetResourcesPage *self,
                  CkanResource            *resource,
                  GCallback                callback,
                  Response               **out)
{
  Response *response = g_new0 (Response, 1);

  response->self = g_object_ref (self);
  response->id = g_strdup (ckan_resource_get_id (resource));
  g_signal_connect_data (dialog, "response", callback, response, (GClosureNotify) response_free, 0);
  if (out != NULL)
    *out = response;
}

/* Deleting */

static void
resource_deleted_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(PubDatasetResourcesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  g_assert (PUB_IS_DATASET_RESOURCES_PAGE (self));

  if (!ckan_client_resource_delete_finish (CKAN_CLIENT (object), result, &error))
    {
      _pub_dataset_resources_page_failed (self, error, NULL);
      return;
    }
  _pub_dataset_resources_page_toast (self, _("Resource deleted"));
  _pub_dataset_resources_page_changed (self, NULL);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *answer,
                    Response         *response)
{
  PubDatasetResourcesPage *self = response->self;

  if (!g_str_equal (answer, "delete"))
    return;
  ckan_client_resource_delete_async (self->client, response->id, self->cancellable,
                                     resource_deleted_cb, g_object_ref (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PubDatasetResourcesPage *self = PUB_DATASET_RESOURCES_PAGE (widget);
  CkanResource *resource = _pub_dataset_resources_page_find (self, g_variant_get_string (param, NULL));
  GtkWidget *dialog;

  if (resource == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Delete the Resource?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will be removed from the portal, with its file. "
                                    "Links to it will stop working."),
                                  ckan_resource_get_name (resource) ? ckan_resource_get_name (resource) : "");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  connect_response (dialog, self, resource, G_CALLBACK (delete_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Editing name, description and format */

static void send_edit (PubDatasetResourcesPage *self);

static void
patched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PubDatasetResourcesPage) self = user_data;
  g_autoptr(CkanResource) resource = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (PUB_IS_DATASET_RESOURCES_PAGE (self));

  resource = ckan_client_resource_patch_finish (CKAN_CLIENT (object), result, &error);
  if (resource == NULL)
    {
      /* What was typed is kept, to send again. */
      _pub_dataset_resources_page_failed (self, error, "resources.retry-edit");
      return;
    }
  g_clear_pointer (&self->edit_changes, json_object_unref);
  g_clear_pointer (&self->edit_id, g_free);
  _pub_dataset_resources_page_toast (self, _("Resource saved"));
  _pub_dataset_resources_page_changed (self, NULL);
}

static void
put_if_changed (JsonObject  *changes,
                const char  *key,
                const char  *before,
                GtkEditable *entry)
{
  const char *after = gtk_editable_get_text (entry);

  if (g_strcmp0 (before != NULL ? before : "", after) != 0)
    json_object_set_string_member (changes, key, after);
}

static void
edit_response_cb (AdwMessageDialog *dialog,
                  const char       *answer,
                  Response         *response)
{
  PubDatasetResourcesPage *self = response->self;
  CkanResource *resource = _pub_dataset_resources_page_find (self, response->id);
  g_autoptr(JsonObject) changes = json_object_new ();

  if (!g_str_equal (answer, "save") || resource == NULL)
    return;
  /* Only what was changed: the rest of the resource is left alone. */
  put_if_changed (changes, "name", ckan_resource_get_name (resource), response->name);
  put_if_changed (changes, "description", ckan_resource_get_description (resource), response->description);
  put_if_changed (changes, "format", ckan_resource_get_format (resource), response->format);
  if (json_object_get_size (changes) == 0)
    return;
  g_clear_pointer (&self->edit_changes, json_object_unref);
  g_free (self->edit_id);
  self->edit_changes = json_object_ref (changes);
  self->edit_id = g_strdup (ckan_resource_get_id (resource));
  send_edit (self);
}

static void
send_edit (PubDatasetResourcesPage *self)
{
  ckan_client_resource_patch_async (self->client, self->edit_id, self->edit_changes, self->cancellable,
                                    patched_cb, g_object_ref (self));
}

static void
retry_edit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PubDatasetResourcesPage *self = PUB_DATASET_RESOURCES_PAGE (widget);

  if (self->edit_changes != NULL)
    send_edit (self);
}

static GtkWidget *
entry_row (const char *title,
           const char *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
  return row;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PubDatasetResourcesPage *self = PUB_DATASET_RESOURCES_PAGE (widget);
  CkanResource *resource = _pub_dataset_resources_page_find (self, g_variant_get_string (param, NULL));
  GtkWidget *dialog, *box, *name, *description, *format;
  Response *response;

  if (resource == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Edit Resource"), NULL);
  box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (box, "boxed-list");
  name = entry_row (_("Name"), ckan_resource_get_name (resource));
  description = entry_row (_("Description"), ckan_resource_get_description (resource));
  format = entry_row (_("Format"), ckan_resource_get_format (resource));
  gtk_list_box_append (GTK_LIST_BOX (box), name);
  gtk_list_box_append (GTK_LIST_BOX (box), description);
  gtk_list_box_append (GTK_LIST_BOX (box), format);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  connect_response (dialog, self, resource, G_CALLBACK (edit_response_cb), &response);
  /* The rows live as long as the dialog, which outlives the response. */
  response->name = GTK_EDITABLE (name);
  response->description = GTK_EDITABLE (description);
  response->format = GTK_EDITABLE (format);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opening: the resource page where the application has one, else the
 * portal's. */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PubDatasetResourcesPage *self = PUB_DATASET_RESOURCES_PAGE (widget);
  const char *id = g_variant_get_string (param, NULL);
  GApplication *app = g_application_get_default ();
  g_autofree char *url = NULL;

  if (self->dataset == NULL)
    return;
  if (app != NULL && g_action_group_has_action (G_ACTION_GROUP (app), "open-resource"))
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "open-resource",
                                      g_variant_new ("(ss)", ckan_dataset_get_id (self->dataset), id));
      return;
    }
  url = g_strdup_printf ("%s/dataset/%s/resource/%s", ckan_client_get_base_url (self->client),
                         ckan_dataset_get_name (self->dataset), id);
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), url, GDK_CURRENT_TIME);
}

static void
replace_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PubDatasetResourcesPage *self = PUB_DATASET_RESOURCES_PAGE (widget);
  CkanResource *resource = _pub_dataset_resources_page_find (self, g_variant_get_string (param, NULL));

  if (resource != NULL)
    _pub_dataset_resources_page_replace (self, resource);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_cancellable_cancel (PUB_DATASET_RESOURCES_PAGE (widget)->op_cancellable);
}

static void
pub_dataset_resources_page_dispose (GObject *object)
{
  PubDatasetResourcesPage *self = PUB_DATASET_RESOURCES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->op_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_DATASET_RESOURCES_PAGE);
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (pub_draft_get_resources (self->draft), self);
  g_clear_object (&self->client);
  g_clear_object (&self->dataset);
  g_clear_object (&self->draft);

  G_OBJECT_CLASS (pub_dataset_resources_page_parent_class)->dispose (object);
}

static void
pub_dataset_resources_page_finalize (GObject *object)
{
  PubDatasetResourcesPage *self = PUB_DATASET_RESOURCES_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->op_cancellable);
  g_clear_pointer (&self->interrupted, pub_replace_record_free);
  g_clear_pointer (&self->edit_changes, json_object_unref);
  g_free (self->edit_id);
  g_free (self->records_dir);
  g_free (self->focus_id);

  G_OBJECT_CLASS (pub_dataset_resources_page_parent_class)->finalize (object);
}

static void
pub_dataset_resources_page_class_init (PubDatasetResourcesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_dataset_resources_page_dispose;
  object_class->finalize = pub_dataset_resources_page_finalize;

  signals[DATASET_CHANGED] =
    g_signal_new ("dataset-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CKAN_TYPE_DATASET);
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_ERROR, G_TYPE_STRING);
  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (PUB_TYPE_DATASET_RESOURCE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/publicador/Publicador/ui/pub-dataset-resources-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PubDatasetResourcesPage, name)
  BIND (count_label);
  BIND (add_button);
  BIND (list);
  BIND (empty_label);
  BIND (pending_box);
  BIND (pending_label);
  BIND (interrupted_box);
  BIND (interrupted_label);
  BIND (progress_box);
  BIND (progress_label);
  BIND (progress_bar);
#undef BIND

  gtk_widget_class_install_action (widget_class, "resources.add", NULL, _pub_dataset_resources_page_add_action);
  gtk_widget_class_install_action (widget_class, "resources.upload", NULL, _pub_dataset_resources_page_upload_action);
  gtk_widget_class_install_action (widget_class, "resources.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "resources.resume", NULL, _pub_dataset_resources_page_resume_action);
  gtk_widget_class_install_action (widget_class, "resources.retry-edit", NULL, retry_edit_action);
  gtk_widget_class_install_action (widget_class, "resources.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "resources.replace", "s", replace_action);
  gtk_widget_class_install_action (widget_class, "resources.move-up", "s", move_action);
  gtk_widget_class_install_action (widget_class, "resources.move-down", "s", move_action);
  gtk_widget_class_install_action (widget_class, "resources.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "resources.open", "s", open_action);
}

static void
pub_dataset_resources_page_init (PubDatasetResourcesPage *self)
{
  GtkDropTarget *files;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  /* Files dropped anywhere on the page join the ones to add. */
  files = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_swapped (files, "drop", G_CALLBACK (_pub_dataset_resources_page_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (files));
}

void
pub_dataset_resources_page_set_client (PubDatasetResourcesPage *self,
                                       CkanClient              *client)
{
  g_return_if_fail (PUB_IS_DATASET_RESOURCES_PAGE (self));
  g_set_object (&self->client, client);
}

void
pub_dataset_resources_page_set_dataset (PubDatasetResourcesPage *self,
                                        CkanDataset             *dataset)
{
  g_return_if_fail (PUB_IS_DATASET_RESOURCES_PAGE (self));

  g_set_object (&self->dataset, dataset);
  rebuild (self);
  _pub_dataset_resources_page_find_interrupted (self);
}

void
pub_dataset_resources_page_set_records_dir (PubDatasetResourcesPage *self,
                                            const char              *dir)
{
  g_return_if_fail (PUB_IS_DATASET_RESOURCES_PAGE (self));

  g_free (self->records_dir);
  self->records_dir = g_strdup (dir);
}

static void
pending_changed_cb (PubDatasetResourcesPage *self)
{
  _pub_dataset_resources_page_update_pending (self);
}

void
pub_dataset_resources_page_set_draft (PubDatasetResourcesPage *self,
                                      PubDraft                *draft)
{
  g_return_if_fail (PUB_IS_DATASET_RESOURCES_PAGE (self));

  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (pub_draft_get_resources (self->draft), self);
  g_set_object (&self->draft, draft);
  if (draft != NULL)
    g_signal_connect_object (pub_draft_get_resources (draft), "items-changed", G_CALLBACK (pending_changed_cb),
                             self, G_CONNECT_SWAPPED);
  _pub_dataset_resources_page_update_pending (self);
}

GtkListBox *
pub_dataset_resources_page_get_list (PubDatasetResourcesPage *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_RESOURCES_PAGE (self), NULL);
  return self->list;
}
