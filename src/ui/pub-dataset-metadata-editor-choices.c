/* pub-dataset-metadata-editor-choices.c: the form's drop-down rows, each
 * a list of labels standing for values (position 0: nothing chosen)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-dataset-metadata-editor-private.h"


void
_pub_dataset_metadata_editor_choices_init (Choices     *choices,
                                           AdwComboRow *row,
                                           const char  *field)
{
  choices->row = row;
  choices->field = field;
  choices->labels = gtk_string_list_new (NULL);
  choices->values = g_ptr_array_new_with_free_func (g_free);
  adw_combo_row_set_model (row, G_LIST_MODEL (choices->labels));
}

void
_pub_dataset_metadata_editor_choices_clear (Choices *choices)
{
  g_clear_object (&choices->labels);
  g_clear_pointer (&choices->values, g_ptr_array_unref);
}

void
_pub_dataset_metadata_editor_choices_set (PubDatasetMetadataEditor *self,
                                          Choices                  *choices,
                                          const char               *none_label,
                                          const char * const       *values,
                                          const char * const       *labels)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (choices->labels));
  g_autoptr(GPtrArray) new_labels = g_ptr_array_new ();
  gboolean was_loading = self->loading;

  g_ptr_array_set_size (choices->values, 0);
  g_ptr_array_add (choices->values, NULL);
  g_ptr_array_add (new_labels, (gpointer) none_label);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_ptr_array_add (choices->values, g_strdup (values[i]));
      g_ptr_array_add (new_labels, (gpointer) labels[i]);
    }
  g_ptr_array_add (new_labels, NULL);

  self->loading = TRUE;
  gtk_string_list_splice (choices->labels, 0, n_old, (const char * const *) new_labels->pdata);
  self->loading = was_loading;
  if (self->draft != NULL)
    _pub_dataset_metadata_editor_choices_select (self, choices, pub_draft_get_field (self->draft, choices->field));
}

void
_pub_dataset_metadata_editor_choices_select (PubDatasetMetadataEditor *self,
                                             Choices                  *choices,
                                             const char               *value)
{
  gboolean was_loading = self->loading;
  guint position = 0;

  for (guint i = 1; value != NULL && i < choices->values->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (choices->values, i), value) == 0)
        position = i;
    }
  /* A value the list doesn't know (chosen with another account, or the
   * list is not loaded yet) is kept and shown as it is. */
  if (value != NULL && position == 0)
    {
      g_ptr_array_add (choices->values, g_strdup (value));
      self->loading = TRUE;
      gtk_string_list_append (choices->labels, value);
      self->loading = was_loading;
      position = choices->values->len - 1;
    }

  self->loading = TRUE;
  adw_combo_row_set_selected (choices->row, position);
  self->loading = was_loading;
}

void
_pub_dataset_metadata_editor_combo_selected_cb (PubDatasetMetadataEditor *self,
                                                GParamSpec               *pspec,
                                                AdwComboRow              *row)
{
  Choices *all[] = { &self->org, &self->visibility, &self->license, &self->frequency };
  guint position = adw_combo_row_get_selected (row);

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      if (all[i]->row != row || all[i]->values == NULL)
        continue;
      if (position == GTK_INVALID_LIST_POSITION || position >= all[i]->values->len)
        return;
      _pub_dataset_metadata_editor_field_edited (self, all[i]->field, g_ptr_array_index (all[i]->values, position));
    }
}

