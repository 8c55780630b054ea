/* pub-preferences-window.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-accessible.h"
#include "pub-preferences-window.h"

struct _PubPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwEntryRow          *default_portal_row;
  GtkSwitch            *personal_data_switch;
  GtkSwitch            *auto_publish_switch;
};

G_DEFINE_FINAL_TYPE (PubPreferencesWindow, pub_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pub_preferences_window_constructed (GObject *object)
{
  PubPreferencesWindow *self = PUB_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (pub_preferences_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  g_settings_bind (self->settings, "default-portal", self->default_portal_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "check-personal-data", self->personal_data_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "publish-when-online", self->auto_publish_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
pub_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PUB_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (pub_preferences_window_parent_class)->dispose (object);
}

static void
pub_preferences_window_finalize (GObject *object)
{
  PubPreferencesWindow *self = PUB_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pub_preferences_window_parent_class)->finalize (object);
}

static void
pub_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PubPreferencesWindow *self = PUB_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PubPreferencesWindow *self = PUB_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_preferences_window_class_init (PubPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pub_preferences_window_constructed;
  object_class->dispose = pub_preferences_window_dispose;
  object_class->finalize = pub_preferences_window_finalize;
  object_class->get_property = pub_preferences_window_get_property;
  object_class->set_property = pub_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/publicador/Publicador/ui/pub-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PubPreferencesWindow, default_portal_row);
  gtk_widget_class_bind_template_child (widget_class, PubPreferencesWindow, personal_data_switch);
  gtk_widget_class_bind_template_child (widget_class, PubPreferencesWindow, auto_publish_switch);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pub_preferences_window_init (PubPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* libadwaita's search entry comes without a name. */
  pub_accessible_name_inner_search (GTK_WIDGET (self), _("Search Preferences"));
}

PubPreferencesWindow *
pub_preferences_window_new (GSettings *settings)
{
  return g_object_new (PUB_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       NULL);
}
