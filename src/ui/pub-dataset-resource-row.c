/* pub-dataset-resource-row.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pub-dataset-resource-row.h"
#include "pub-relative-time.h"

struct _PubDatasetResourceRow
{
  AdwActionRow   parent_instance;

  CkanResource  *resource;

  GtkWidget     *handle;
  GtkButton     *validation_badge;
  GtkWidget     *datastore_badge;
  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (PubDatasetResourceRow, pub_dataset_resource_row, ADW_TYPE_ACTION_ROW)

/* Passes the row's own action on to the page, naming the resource. */
static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PubDatasetResourceRow *self = PUB_DATASET_RESOURCE_ROW (widget);
  g_autofree char *page_action = g_strconcat ("resources.", action_name + strlen ("row."), NULL);

  gtk_widget_activate_action (widget, page_action, "s", ckan_resource_get_id (self->resource));
}

static void
set_badge (PubDatasetResourceRow *self)
{
  const char *status = ckan_resource_get_validation_status (self->resource);
  const char *label = NULL, *tooltip = NULL, *css = NULL;
  GtkWidget *badge = GTK_WIDGET (self->validation_badge);

  if (g_strcmp0 (status, "success") == 0)
    label = _("Valid"), tooltip = _("The portal’s validation found no errors"), css = "success";
  else if (g_strcmp0 (status, "failure") == 0)
    label = _("Errors"), tooltip = _("The portal’s validation found errors in this file"), css = "error";
  else if (g_strcmp0 (status, "error") == 0)
    label = _("Not Validated"), tooltip = _("The portal could not validate this file"), css = "warning";
  else if (g_strcmp0 (status, "created") == 0 || g_strcmp0 (status, "running") == 0)
    label = _("Validating…"), tooltip = _("The portal is validating this file");

  gtk_widget_remove_css_class (badge, "success");
  gtk_widget_remove_css_class (badge, "error");
  gtk_widget_remove_css_class (badge, "warning");
  gtk_widget_set_visible (badge, label != NULL);
  if (label == NULL)
    return;
  gtk_button_set_label (self->validation_badge, label);
  gtk_widget_set_tooltip_text (badge, tooltip);
  if (css != NULL)
    gtk_widget_add_css_class (badge, css);
}

static void
fill (PubDatasetResourceRow *self)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDateTime *changed = ckan_resource_get_last_modified (self->resource);
  const char *name = ckan_resource_get_name (self->resource);
  const char *format = ckan_resource_get_format (self->resource);
  gint64 size = ckan_resource_get_size (self->resource);
  g_autofree char *when = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();

  if (changed == NULL)
    changed = ckan_resource_get_metadata_modified (self->resource);
  if (changed == NULL)
    changed = ckan_resource_get_created (self->resource);
  when = pub_relative_time_format (changed, now);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 name != NULL && name[0] != '\0' ? name : _("Unnamed resource"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  g_string_append (subtitle, format != NULL && format[0] != '\0' ? format
                             : ckan_resource_is_upload (self->resource) ? _("File") : _("Link"));
  if (size >= 0 && ckan_resource_is_upload (self->resource))
    {
      g_autofree char *text = g_format_size (size);

      g_string_append_printf (subtitle, " · %s", text);
    }
  if (when != NULL)
    /* Translators: when a resource last changed, "changed 2 days ago" */
    g_string_append_printf (subtitle, " · %s", when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);

  set_badge (self);
  gtk_widget_set_visible (self->datastore_badge, ckan_resource_get_datastore_active (self->resource));

  g_menu_append (edit, _("_Edit…"), "row.edit");
  if (ckan_resource_is_upload (self->resource))
    g_menu_append (edit, _("_Upload New Version…"), "row.replace");
  g_menu_append (order, _("Move _Up"), "row.move-up");
  g_menu_append (order, _("Move _Down"), "row.move-down");
  g_menu_append (danger, _("_Delete…"), "row.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
}

static void
activated_cb (PubDatasetResourceRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "resources.open", "s", ckan_resource_get_id (self->resource));
}

static void
pub_dataset_resource_row_dispose (GObject *object)
{
  PubDatasetResourceRow *self = PUB_DATASET_RESOURCE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_DATASET_RESOURCE_ROW);
  g_clear_object (&self->resource);

  G_OBJECT_CLASS (pub_dataset_resource_row_parent_class)->dispose (object);
}

static void
pub_dataset_resource_row_class_init (PubDatasetResourceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_dataset_resource_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/publicador/Publicador/ui/pub-dataset-resource-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PubDatasetResourceRow, handle);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetResourceRow, validation_badge);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetResourceRow, datastore_badge);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetResourceRow, menu_button);

  gtk_widget_class_install_action (widget_class, "row.edit", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "row.replace", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "row.move-up", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "row.move-down", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "row.open", NULL, forward_action);
  /* Reordering without a mouse. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "row.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "row.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "row.delete", NULL);
}

static void
pub_dataset_resource_row_init (PubDatasetResourceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "activated", G_CALLBACK (activated_cb), NULL);
}

GtkWidget *
pub_dataset_resource_row_new (CkanResource *resource)
{
  PubDatasetResourceRow *self;

  g_return_val_if_fail (CKAN_IS_RESOURCE (resource), NULL);

  self = g_object_new (PUB_TYPE_DATASET_RESOURCE_ROW, NULL);
  self->resource = g_object_ref (resource);
  fill (self);
  return GTK_WIDGET (self);
}

CkanResource *
pub_dataset_resource_row_get_resource (PubDatasetResourceRow *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_RESOURCE_ROW (self), NULL);
  return self->resource;
}

char *
pub_dataset_resource_row_dup_badges (PubDatasetResourceRow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) badges = NULL;

  g_return_val_if_fail (PUB_IS_DATASET_RESOURCE_ROW (self), NULL);

  if (gtk_widget_get_visible (GTK_WIDGET (self->validation_badge)))
    g_strv_builder_add (builder, gtk_button_get_label (self->validation_badge));
  if (gtk_widget_get_visible (self->datastore_badge))
    g_strv_builder_add (builder, gtk_button_get_label (GTK_BUTTON (self->datastore_badge)));
  badges = g_strv_builder_end (builder);
  return g_strjoinv (", ", badges);
}
