/* pub-token-row.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-token-row.h"

struct _PubTokenRow
{
  AdwActionRow  parent_instance;

  CkanApiToken *token;
  gboolean      in_use;

  GtkWidget    *in_use_label;
  GtkWidget    *revoke_button;
};

G_DEFINE_FINAL_TYPE (PubTokenRow, pub_token_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_TOKEN,
  PROP_IN_USE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_day (GDateTime *when)
{
  g_autoptr(GDateTime) local = NULL;

  if (when == NULL)
    return NULL;
  local = g_date_time_to_local (when);
  /* Translators: a date, as in "25 Nov 2026"; see g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %Y"));
}

static void
revoke_clicked_cb (PubTokenRow *self,
                   GtkButton   *button)
{
  g_assert (PUB_IS_TOKEN_ROW (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "tokens.revoke", "s", ckan_api_token_get_id (self->token));
}

static void
pub_token_row_constructed (GObject *object)
{
  PubTokenRow *self = PUB_TOKEN_ROW (object);
  g_autofree char *created = NULL;
  g_autofree char *used = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *a11y = NULL;
  const char *name;

  G_OBJECT_CLASS (pub_token_row_parent_class)->constructed (object);

  g_assert (CKAN_IS_API_TOKEN (self->token));

  created = format_day (ckan_api_token_get_created_at (self->token));
  used = format_day (ckan_api_token_get_last_access (self->token));
  name = ckan_api_token_get_name (self->token);
  if (name == NULL || *name == '\0')
    name = _("Unnamed token");
  if (used != NULL)
    subtitle = g_strdup_printf (_("Created %s · Last used %s"), created ? created : "—", used);
  else
    subtitle = g_strdup_printf (_("Created %s · Never used"), created ? created : "—");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_widget_set_visible (self->in_use_label, self->in_use);

  /* The tooltip says what the icon does; the name says to which token. */
  a11y = g_strdup_printf (_("Revoke %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->revoke_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                  -1);
}

static void
pub_token_row_dispose (GObject *object)
{
  PubTokenRow *self = PUB_TOKEN_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_TOKEN_ROW);
  g_clear_object (&self->token);

  G_OBJECT_CLASS (pub_token_row_parent_class)->dispose (object);
}

static void
pub_token_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PubTokenRow *self = PUB_TOKEN_ROW (object);

  switch (prop_id)
    {
    case PROP_TOKEN:
      g_value_set_object (value, self->token);
      break;
    case PROP_IN_USE:
      g_value_set_boolean (value, self->in_use);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_token_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PubTokenRow *self = PUB_TOKEN_ROW (object);

  switch (prop_id)
    {
    case PROP_TOKEN:
      self->token = g_value_dup_object (value);
      break;
    case PROP_IN_USE:
      self->in_use = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_token_row_class_init (PubTokenRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pub_token_row_constructed;
  object_class->dispose = pub_token_row_dispose;
  object_class->get_property = pub_token_row_get_property;
  object_class->set_property = pub_token_row_set_property;

  properties[PROP_TOKEN] =
    g_param_spec_object ("token", NULL, NULL, CKAN_TYPE_API_TOKEN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IN_USE] =
    g_param_spec_boolean ("in-use", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/publicador/Publicador/ui/pub-token-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PubTokenRow, in_use_label);
  gtk_widget_class_bind_template_child (widget_class, PubTokenRow, revoke_button);
  gtk_widget_class_bind_template_callback (widget_class, revoke_clicked_cb);
}

static void
pub_token_row_init (PubTokenRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pub_token_row_new (CkanApiToken *token,
                   gboolean      in_use)
{
  g_return_val_if_fail (CKAN_IS_API_TOKEN (token), NULL);

  return g_object_new (PUB_TYPE_TOKEN_ROW,
                       "token", token,
                       "in-use", in_use,
                       NULL);
}

CkanApiToken *
pub_token_row_get_token (PubTokenRow *self)
{
  g_return_val_if_fail (PUB_IS_TOKEN_ROW (self), NULL);

  return self->token;
}
