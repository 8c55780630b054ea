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

struct _PubDictionaryRow
{
  AdwExpanderRow      parent_instance;

  CkanDatastoreField *field;
  gboolean            filling;

  AdwEntryRow        *label_row;
  AdwEntryRow        *notes_row;
  AdwComboRow        *type_row;
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
  guint selected = adw_combo_row_get_selected (self->type_row);

  return selected < g_strv_length ((GStrv) pub_dictionary_types) ? pub_dictionary_types[selected] : "";
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
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  guint selected = 0;

  g_return_val_if_fail (CKAN_IS_DATASTORE_FIELD (field), NULL);

  self = g_object_new (PUB_TYPE_DICTIONARY_ROW, NULL);
  self->field = g_object_ref (field);
  override = nonnull (ckan_datastore_field_get_type_override (field));
  for (guint i = 0; pub_dictionary_types[i]; i++)
    {
      if (!*pub_dictionary_types[i])
        {
          /* Translators: the type override that keeps the type the portal guessed */
          g_autofree char *guessed = g_strdup_printf (_("As loaded (%s)"),
                                                      pub_resource_type_label (ckan_datastore_field_get_field_type (field)));

          gtk_string_list_append (types, guessed);
        }
      else
        gtk_string_list_append (types, pub_resource_type_label (pub_dictionary_types[i]));
      if (g_str_equal (override, pub_dictionary_types[i]))
        selected = i;
    }
  self->filling = TRUE;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), ckan_datastore_field_get_id (field));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->label_row), nonnull (ckan_datastore_field_get_label (field)));
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), nonnull (ckan_datastore_field_get_notes (field)));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  adw_combo_row_set_selected (self->type_row, selected);
  self->filling = FALSE;
  gtk_widget_set_name (GTK_WIDGET (self), ckan_datastore_field_get_id (field));
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
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
pub_dictionary_row_init (PubDictionaryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
