/* pub-add-resources-window.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-add-resources-window.h"

struct _PubAddResourcesWindow
{
  AdwWindow              parent_instance;

  PubDraft              *draft;

  AdwWindowTitle        *window_title;
  GtkWidget             *upload_button;
  PubResourceListEditor *editor;
};

G_DEFINE_FINAL_TYPE (PubAddResourcesWindow, pub_add_resources_window, ADW_TYPE_WINDOW)

enum {
  UPLOAD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_button (PubAddResourcesWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "add.upload",
                                 self->draft != NULL &&
                                 g_list_model_get_n_items (pub_draft_get_resources (self->draft)) > 0);
}

static void
upload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PubAddResourcesWindow *self = PUB_ADD_RESOURCES_WINDOW (widget);

  g_signal_emit (self, signals[UPLOAD], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
pub_add_resources_window_dispose (GObject *object)
{
  PubAddResourcesWindow *self = PUB_ADD_RESOURCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_ADD_RESOURCES_WINDOW);
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (pub_draft_get_resources (self->draft), self);
  g_clear_object (&self->draft);

  G_OBJECT_CLASS (pub_add_resources_window_parent_class)->dispose (object);
}

static void
pub_add_resources_window_class_init (PubAddResourcesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_add_resources_window_dispose;

  signals[UPLOAD] = g_signal_new ("upload", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (PUB_TYPE_RESOURCE_LIST_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/publicador/Publicador/ui/pub-add-resources-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PubAddResourcesWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PubAddResourcesWindow, upload_button);
  gtk_widget_class_bind_template_child (widget_class, PubAddResourcesWindow, editor);
  gtk_widget_class_install_action (widget_class, "add.upload", NULL, upload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pub_add_resources_window_init (PubAddResourcesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PubAddResourcesWindow *
pub_add_resources_window_new (GtkWindow  *parent,
                              PubDraft   *draft,
                              const char *dataset_title)
{
  PubAddResourcesWindow *self;

  g_return_val_if_fail (PUB_IS_DRAFT (draft), NULL);

  self = g_object_new (PUB_TYPE_ADD_RESOURCES_WINDOW, "transient-for", parent, NULL);
  self->draft = g_object_ref (draft);
  adw_window_title_set_subtitle (self->window_title, dataset_title);
  pub_resource_list_editor_set_draft (self->editor, draft);
  g_signal_connect_object (pub_draft_get_resources (draft), "items-changed", G_CALLBACK (update_button),
                           self, G_CONNECT_SWAPPED);
  update_button (self);
  return self;
}

PubResourceListEditor *
pub_add_resources_window_get_editor (PubAddResourcesWindow *self)
{
  g_return_val_if_fail (PUB_IS_ADD_RESOURCES_WINDOW (self), NULL);
  return self->editor;
}
