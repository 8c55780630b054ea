/* pub-dataset-row.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-dataset-row.h"
#include "pub-relative-time.h"
#include "pub-update-status.h"

/* A row names at most this many formats; more would push the time away. */
#define MAX_FORMATS 3

struct _PubDatasetRow
{
  GtkBox              parent_instance;

  PubDatasetListItem *item;
  gboolean            selection_mode;
  GBinding           *selected_binding;

  GtkCheckButton     *check;
  GtkLabel           *title_label;
  GtkWidget          *details_box;
  GtkLabel           *visibility_label;
  GtkLabel           *state_label;
  GtkWidget          *formats_box;
  GtkLabel           *changed_label;
  GtkLabel           *error_label;
  GtkLabel           *status_label;
  GtkWidget          *retry_button;
};

G_DEFINE_FINAL_TYPE (PubDatasetRow, pub_dataset_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_SELECTION_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_formats (PubDatasetRow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->formats_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->formats_box), child);
}

static void
show_formats (PubDatasetRow *self,
              CkanDataset   *dataset)
{
  GPtrArray *resources = ckan_dataset_get_resources (dataset);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);

  clear_formats (self);
  for (guint i = 0; i < resources->len && shown->len < MAX_FORMATS; i++)
    {
      const char *format = ckan_resource_get_format (resources->pdata[i]);
      g_autofree char *upper = NULL;
      GtkWidget *badge;

      if (format == NULL || *format == '\0')
        continue;
      upper = g_utf8_strup (format, -1);
      if (g_ptr_array_find_with_equal_func (shown, upper, g_str_equal, NULL))
        continue;
      badge = gtk_label_new (upper);
      gtk_widget_add_css_class (badge, "dataset-badge");
      gtk_widget_add_css_class (badge, "format");
      gtk_box_append (GTK_BOX (self->formats_box), badge);
      g_ptr_array_add (shown, g_steal_pointer (&upper));
    }
}

static const char *
status_css_class (PubUpdateStatus status)
{
  switch (status)
    {
    case PUB_UPDATE_STATUS_UP_TO_DATE:
      return "success";
    case PUB_UPDATE_STATUS_DUE_SOON:
      return "warning";
    case PUB_UPDATE_STATUS_OVERDUE:
      return "error";
    case PUB_UPDATE_STATUS_NONE:
    default:
      return NULL;
    }
}

static void
show_status (PubDatasetRow *self,
             CkanDataset   *dataset,
             GDateTime     *now)
{
  static const char * const classes[] = { "success", "warning", "error" };
  g_autoptr(GDateTime) changed = pub_update_status_last_change (dataset);
  const char *frequency = ckan_dataset_get_extra_field (dataset, "frequency");
  int days = 0;
  PubUpdateStatus status = PUB_UPDATE_STATUS_NONE;
  g_autofree char *text = NULL;
  g_autofree char *when = NULL;
  g_autofree char *changed_text = NULL;

  /* A draft was never published: no commitment runs yet. */
  if (changed != NULL && g_strcmp0 (ckan_dataset_get_state (dataset), "draft") != 0)
    status = pub_update_status_compute (frequency, changed, now, &days);
  text = pub_update_status_describe (status, days);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), classes[i]);
  if (status_css_class (status) != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_css_class (status));
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);

  when = pub_relative_time_format (changed, now);
  /* Translators: when the data last changed, e.g. "Changed 3 days ago" */
  changed_text = when != NULL ? g_strdup_printf (_("Changed %s"), when) : NULL;
  gtk_label_set_text (self->changed_label, changed_text != NULL ? changed_text : "");
}

static void
update (PubDatasetRow *self)
{
  PubDatasetListItemState state = self->item != NULL ? pub_dataset_list_item_get_state (self->item)
                                                     : PUB_DATASET_LIST_ITEM_LOADING;
  CkanDataset *dataset = self->item != NULL ? pub_dataset_list_item_get_dataset (self->item) : NULL;
  gboolean ready = state == PUB_DATASET_LIST_ITEM_READY && dataset != NULL;
  gboolean failed = state == PUB_DATASET_LIST_ITEM_FAILED;

  gtk_widget_set_visible (self->details_box, ready);
  gtk_widget_set_visible (self->retry_button, failed);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), failed);
  gtk_widget_set_visible (GTK_WIDGET (self->check), self->selection_mode && ready);
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_label), ready || failed);

  if (ready)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      const char *state_name = ckan_dataset_get_state (dataset);
      gboolean private = ckan_dataset_get_private (dataset);

      gtk_label_set_text (self->title_label, ckan_dataset_get_display_title (dataset));
      gtk_label_set_text (self->visibility_label, private ? _("Private") : _("Public"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->visibility_label), private ? "public" : "private");
      gtk_widget_add_css_class (GTK_WIDGET (self->visibility_label), private ? "private" : "public");
      gtk_widget_set_visible (GTK_WIDGET (self->state_label), g_strcmp0 (state_name, "active") != 0);
      gtk_label_set_text (self->state_label,
                          g_strcmp0 (state_name, "deleted") == 0 ? _("Deleted") : _("Draft"));
      show_formats (self, dataset);
      show_status (self, dataset, now);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
      clear_formats (self);
      gtk_label_set_text (self->title_label,
                          failed ? _("This part of the list could not be loaded") : _("Loading…"));
      gtk_label_set_text (self->error_label,
                          failed ? pub_dataset_list_item_get_error_message (self->item) : "");
    }
}

static void
item_notify_cb (PubDatasetRow *self)
{
  update (self);
}

static void
retry_clicked_cb (PubDatasetRow *self)
{
  if (self->item == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "list.retry-page", "u",
                              pub_dataset_list_item_get_position (self->item));
}

GtkWidget *
pub_dataset_row_new (void)
{
  return g_object_new (PUB_TYPE_DATASET_ROW, NULL);
}

PubDatasetListItem *
pub_dataset_row_get_item (PubDatasetRow *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_ROW (self), NULL);

  return self->item;
}

void
pub_dataset_row_set_item (PubDatasetRow      *self,
                          PubDatasetListItem *item)
{
  g_return_if_fail (PUB_IS_DATASET_ROW (self));

  if (self->item == item)
    return;
  g_clear_pointer (&self->selected_binding, g_binding_unbind);
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, item_notify_cb, self);
  g_set_object (&self->item, item);
  if (item != NULL)
    {
      g_signal_connect_object (item, "notify::state", G_CALLBACK (item_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (item, "notify::dataset", G_CALLBACK (item_notify_cb), self, G_CONNECT_SWAPPED);
      self->selected_binding = g_object_bind_property (item, "selected", self->check, "active",
                                                       G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
    }
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

void
pub_dataset_row_set_selection_mode (PubDatasetRow *self,
                                    gboolean       selection_mode)
{
  g_return_if_fail (PUB_IS_DATASET_ROW (self));

  selection_mode = !!selection_mode;
  if (self->selection_mode == selection_mode)
    return;
  self->selection_mode = selection_mode;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_MODE]);
}

static void
pub_dataset_row_dispose (GObject *object)
{
  PubDatasetRow *self = PUB_DATASET_ROW (object);

  pub_dataset_row_set_item (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_DATASET_ROW);

  G_OBJECT_CLASS (pub_dataset_row_parent_class)->dispose (object);
}

static void
pub_dataset_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PubDatasetRow *self = PUB_DATASET_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_SELECTION_MODE:
      g_value_set_boolean (value, self->selection_mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_dataset_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PubDatasetRow *self = PUB_DATASET_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      pub_dataset_row_set_item (self, g_value_get_object (value));
      break;

    case PROP_SELECTION_MODE:
      pub_dataset_row_set_selection_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_dataset_row_class_init (PubDatasetRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_dataset_row_dispose;
  object_class->get_property = pub_dataset_row_get_property;
  object_class->set_property = pub_dataset_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         PUB_TYPE_DATASET_LIST_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTION_MODE] =
    g_param_spec_boolean ("selection-mode", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/publicador/Publicador/ui/pub-dataset-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PubDatasetRow, check);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetRow, details_box);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetRow, visibility_label);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetRow, formats_box);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetRow, changed_label);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetRow, retry_button);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_set_css_name (widget_class, "datasetrow");
}

static void
pub_dataset_row_init (PubDatasetRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
