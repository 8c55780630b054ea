/* pub-anonymize-column-row.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-accessible.h"
#include "pub-anonymize-column-row.h"

#define MAX_CHOICES 4

struct _PubAnonymizeColumnRow
{
  AdwComboRow         parent_instance;

  GtkStringList      *choices;
  char               *column;
  /* The action of each entry of the list: generalising is offered only
   * where it keeps something (not for RUT numbers). */
  PubAnonymizeAction  actions[MAX_CHOICES];
  guint               n_actions;
};

G_DEFINE_FINAL_TYPE (PubAnonymizeColumnRow, pub_anonymize_column_row, ADW_TYPE_COMBO_ROW)

enum {
  PROP_0,
  PROP_ACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
action_label (PubAnonymizeAction action)
{
  switch (action)
    {
    case PUB_ANONYMIZE_DROP:
      return _("Remove");
    case PUB_ANONYMIZE_PSEUDONYMIZE:
      return _("Pseudonymise");
    case PUB_ANONYMIZE_GENERALIZE:
      return _("Generalise");
    case PUB_ANONYMIZE_KEEP:
    default:
      return _("Keep");
    }
}

static void
add_choice (PubAnonymizeColumnRow *self,
            PubAnonymizeAction     action)
{
  self->actions[self->n_actions++] = action;
  gtk_string_list_append (self->choices, action_label (action));
}

PubAnonymizeAction
pub_anonymize_column_row_get_action (PubAnonymizeColumnRow *self)
{
  guint selected;

  g_return_val_if_fail (PUB_IS_ANONYMIZE_COLUMN_ROW (self), PUB_ANONYMIZE_KEEP);

  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  return selected < self->n_actions ? self->actions[selected] : PUB_ANONYMIZE_KEEP;
}

void
pub_anonymize_column_row_set_action (PubAnonymizeColumnRow *self,
                                     PubAnonymizeAction     action)
{
  g_return_if_fail (PUB_IS_ANONYMIZE_COLUMN_ROW (self));

  for (guint i = 0; i < self->n_actions; i++)
    if (self->actions[i] == action)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self), i);
}

const char *
pub_anonymize_column_row_get_column (PubAnonymizeColumnRow *self)
{
  g_return_val_if_fail (PUB_IS_ANONYMIZE_COLUMN_ROW (self), NULL);
  return self->column;
}

static void
selected_cb (PubAnonymizeColumnRow *self)
{
  g_assert (PUB_IS_ANONYMIZE_COLUMN_ROW (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION]);
}

static void
pub_anonymize_column_row_finalize (GObject *object)
{
  PubAnonymizeColumnRow *self = PUB_ANONYMIZE_COLUMN_ROW (object);

  g_free (self->column);
  G_OBJECT_CLASS (pub_anonymize_column_row_parent_class)->finalize (object);
}

static void
pub_anonymize_column_row_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  PubAnonymizeColumnRow *self = PUB_ANONYMIZE_COLUMN_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTION:
      g_value_set_enum (value, pub_anonymize_column_row_get_action (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_anonymize_column_row_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  PubAnonymizeColumnRow *self = PUB_ANONYMIZE_COLUMN_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTION:
      pub_anonymize_column_row_set_action (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_anonymize_column_row_class_init (PubAnonymizeColumnRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pub_anonymize_column_row_finalize;
  object_class->get_property = pub_anonymize_column_row_get_property;
  object_class->set_property = pub_anonymize_column_row_set_property;

  properties[PROP_ACTION] =
    g_param_spec_enum ("action", NULL, NULL, PUB_TYPE_ANONYMIZE_ACTION, PUB_ANONYMIZE_KEEP,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/publicador/Publicador/ui/pub-anonymize-column-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PubAnonymizeColumnRow, choices);
}

static void
pub_anonymize_column_row_init (PubAnonymizeColumnRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pub_accessible_name_combo_items (ADW_COMBO_ROW (self));
  g_signal_connect_swapped (self, "notify::selected", G_CALLBACK (selected_cb), self);
}

GtkWidget *
pub_anonymize_column_row_new (const char         *column,
                              const char         *found,
                              const char * const *examples,
                              gboolean            can_generalize)
{
  PubAnonymizeColumnRow *self = g_object_new (PUB_TYPE_ANONYMIZE_COLUMN_ROW, NULL);
  GString *subtitle = g_string_new (found);

  self->column = g_strdup (column);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), column);
  /* Column names and examples are data: never read as markup (this covers
   * the subtitle too). */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  add_choice (self, PUB_ANONYMIZE_PSEUDONYMIZE);
  if (can_generalize)
    add_choice (self, PUB_ANONYMIZE_GENERALIZE);
  add_choice (self, PUB_ANONYMIZE_DROP);
  add_choice (self, PUB_ANONYMIZE_KEEP);

  if (examples != NULL && examples[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) examples);

      if (subtitle->len > 0)
        g_string_append (subtitle, "\n");
      g_string_append_printf (subtitle, _("For example: %s"), joined);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);
  g_string_free (subtitle, TRUE);
  return GTK_WIDGET (self);
}
