/* pub-account-row.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pub-account-row.h"

struct _PubAccountRow
{
  GtkListBoxRow  parent_instance;

  PubAccount    *account;
  gboolean       current;

  AdwAvatar     *avatar;
  GtkLabel      *name_label;
  GtkLabel      *where_label;
  GtkWidget     *check;
};

G_DEFINE_FINAL_TYPE (PubAccountRow, pub_account_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_CURRENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pub_account_row_constructed (GObject *object)
{
  PubAccountRow *self = PUB_ACCOUNT_ROW (object);
  const char *name;
  g_autofree char *portal = NULL;
  g_autofree char *where = NULL;
  g_autofree char *a11y = NULL;

  G_OBJECT_CLASS (pub_account_row_parent_class)->constructed (object);

  g_assert (PUB_IS_ACCOUNT (self->account));

  name = pub_account_get_display_name (self->account);
  portal = pub_account_dup_portal_label (self->account);
  where = g_strdup_printf ("%s@%s", pub_account_get_user_name (self->account), portal);
  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->where_label, where);
  /* Hidden, not removed, so every row keeps the same width. */
  gtk_widget_set_opacity (self->check, self->current ? 1.0 : 0.0);

  a11y = g_strdup_printf ("%s, %s", name, where);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  if (self->current)
    gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_CHECKED,
                                 GTK_ACCESSIBLE_TRISTATE_TRUE, -1);
}

static void
pub_account_row_dispose (GObject *object)
{
  PubAccountRow *self = PUB_ACCOUNT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_ACCOUNT_ROW);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (pub_account_row_parent_class)->dispose (object);
}

static void
pub_account_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PubAccountRow *self = PUB_ACCOUNT_ROW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_CURRENT:
      g_value_set_boolean (value, self->current);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_account_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PubAccountRow *self = PUB_ACCOUNT_ROW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;
    case PROP_CURRENT:
      self->current = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_account_row_class_init (PubAccountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pub_account_row_constructed;
  object_class->dispose = pub_account_row_dispose;
  object_class->get_property = pub_account_row_get_property;
  object_class->set_property = pub_account_row_set_property;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, PUB_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The account in use: the row shows a check. */
  properties[PROP_CURRENT] =
    g_param_spec_boolean ("current", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/publicador/Publicador/ui/pub-account-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PubAccountRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, PubAccountRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, PubAccountRow, where_label);
  gtk_widget_class_bind_template_child (widget_class, PubAccountRow, check);
}

static void
pub_account_row_init (PubAccountRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pub_account_row_new (PubAccount *account,
                     gboolean    current)
{
  g_return_val_if_fail (PUB_IS_ACCOUNT (account), NULL);

  return g_object_new (PUB_TYPE_ACCOUNT_ROW,
                       "account", account,
                       "current", current,
                       NULL);
}

PubAccount *
pub_account_row_get_account (PubAccountRow *self)
{
  g_return_val_if_fail (PUB_IS_ACCOUNT_ROW (self), NULL);

  return self->account;
}
