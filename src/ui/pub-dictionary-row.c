/* pub-dictionary-row.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-dictionary-row.h"
#include "pub-resource-messages.h"

const char * const pub_dictionary_types[] = { "", "text", "numeric", "timestamp", NULL };
#define N_TYPES 4
G_STATIC_ASSERT (G_N_ELEMENTS (pub_dictionary_types) == N_TYPES + 1);

struct _PubDictionaryRow
{
  AdwExpanderRow      parent_instance;

  CkanDatastoreField *field;
  gboolean            filling;

  AdwEntryRow        *label_row;
  AdwEntryRow        *notes_row;
  GtkWidget          *type_row;
  GtkWidget          *type_box;
  GtkToggleButton    *type_buttons[N_TYPES];
};

G_DEFINE_FINAL_TYPE (PubDictionaryRow, pub_dictionary_row, ADW_TYPE_EXPANDER_ROW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
nonnull (const char *text)
{
  return text ? text : "";
}

static const char *
chosen_type (PubDictionaryRow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->type_buttons); i++)
    if (gtk_toggle_button_get_active (self->type_buttons[i]))
      return pub_dictionary_types[i];
  return "";
}

static void
update_subtitle (PubDictionaryRow *self)
{
  const char *label = gtk_editable_get_text (GTK_EDITABLE (self->label_row));
  const char *type = *chosen_type (self) ? chosen_type (self) : ckan_datastore_field_get_field_type (self->field);
  g_autofree char *subtitle = NULL;

  /* Translators: a column's label and its type, "Mes de pago · Number" */
  subtitle = *label ? g_strdup_printf (_("%s · %s"), label, pub_resource_type_label (type))
                    : g_strdup (pub_resource_type_label (type));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
changed_cb (PubDictionaryRow *self)
{
  if (self->filling)
    return;
  update_subtitle (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

GtkWidget *
pub_dictionary_row_new (CkanDatastoreField *field)
{
  PubDictionaryRow *self;
  const char *override;

  g_return_val_if_fail (CKAN_IS_DATASTORE_FIELD (field), NULL);

  self = g_object_new (PUB_TYPE_DICTIONARY_ROW, NULL);
  self->field = g_object_ref (field);
  override = nonnull (ckan_datastore_field_get_type_override (field));
  self->filling = TRUE;
  /* Four choices: buttons side by side, each named, rather than a list
   * in a popover. */
  for (guint i = 0; i < G_N_ELEMENTS (self->type_buttons); i++)
    {
      GtkWidget *button;

      if (!*pub_dictionary_types[i])
        {
          /* Translators: the type override that keeps the type the portal guessed */
          g_autofree char *guessed = g_strdup_printf (_("As loaded (%s)"),
                                                      pub_resource_type_label (ckan_datastore_field_get_field_type (field)));

          button = gtk_toggle_button_new_with_label (guessed);
        }
      else
        button = gtk_toggle_button_new_with_label (pub_resource_type_label (pub_dictionary_types[i]));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->type_buttons[0]);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), g_str_equal (override, pub_dictionary_types[i]));
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (changed_cb), self);
      gtk_box_append (GTK_BOX (self->type_box), button);
      self->type_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
  /* An override the form does not offer keeps the guess selected. */
  if (!*chosen_type (self) && !gtk_toggle_button_get_active (self->type_buttons[0]))
    gtk_toggle_button_set_active (self->type_buttons[0], TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), ckan_datastore_field_get_id (field));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->label_row), nonnull (ckan_datastore_field_get_label (field)));
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), nonnull (ckan_datastore_field_get_notes (field)));
  self->filling = FALSE;
  gtk_widget_set_name (GTK_WIDGET (self), ckan_datastore_field_get_id (field));
  /* The expander's own row is what a screen reader lands on first. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ckan_datastore_field_get_id (field), -1);
  update_subtitle (self);
  return GTK_WIDGET (self);
}

CkanDatastoreField *
pub_dictionary_row_get_field (PubDictionaryRow *self)
{
  g_return_val_if_fail (PUB_IS_DICTIONARY_ROW (self), NULL);
  return self->field;
}

gboolean
pub_dictionary_row_type_modified (PubDictionaryRow *self)
{
  g_return_val_if_fail (PUB_IS_DICTIONARY_ROW (self), FALSE);
  return !g_str_equal (chosen_type (self), nonnull (ckan_datastore_field_get_type_override (self->field)));
}

gboolean
pub_dictionary_row_get_modified (PubDictionaryRow *self)
{
  g_return_val_if_fail (PUB_IS_DICTIONARY_ROW (self), FALSE);
  return pub_dictionary_row_type_modified (self) ||
         !g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->label_row)),
                       nonnull (ckan_datastore_field_get_label (self->field))) ||
         !g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->notes_row)),
                       nonnull (ckan_datastore_field_get_notes (self->field)));
}

void
pub_dictionary_row_apply_to (PubDictionaryRow   *self,
                             CkanDatastoreField *field)
{
  g_return_if_fail (PUB_IS_DICTIONARY_ROW (self));
  g_return_if_fail (CKAN_IS_DATASTORE_FIELD (field));

  ckan_datastore_field_set_label (field, gtk_editable_get_text (GTK_EDITABLE (self->label_row)));
  ckan_datastore_field_set_notes (field, gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
  ckan_datastore_field_set_type_override (field, chosen_type (self));
}

static void
pub_dictionary_row_dispose (GObject *object)
{
  PubDictionaryRow *self = PUB_DICTIONARY_ROW (object);

  g_clear_object (&self->field);

  G_OBJECT_CLASS (pub_dictionary_row_parent_class)->dispose (object);
}

static void
pub_dictionary_row_class_init (PubDictionaryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_dictionary_row_dispose;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/publicador/Publicador/ui/pub-dictionary-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PubDictionaryRow, label_row);
  gtk_widget_class_bind_template_child (widget_class, PubDictionaryRow, notes_row);
  gtk_widget_class_bind_template_child (widget_class, PubDictionaryRow, type_row);
  gtk_widget_class_bind_template_child (widget_class, PubDictionaryRow, type_box);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
pub_dictionary_row_init (PubDictionaryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
