/* pub-dataset-metadata-editor-schema.c: the portal's own dataset form
 * (ckanext-scheming): its extra fields become rows, its choices are offered
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-client-datasets.h"
#include "pub-dataset-metadata-editor-private.h"

/* Fields the form already has a row for. */
static const char * const handled_fields[] = {
  "title", "name", "notes", "tag_string", "tags", "license_id", "owner_org",
  "private", "author", "author_email", "url", "version", "frequency", "period",
};

static gboolean
is_handled (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (handled_fields); i++)
    {
      if (g_str_equal (handled_fields[i], field))
        return TRUE;
    }
  return FALSE;
}

static void
extra_entry_changed_cb (PubDatasetMetadataEditor *self,
                        GtkEditable              *entry)
{
  g_assert (PUB_IS_DATASET_METADATA_EDITOR (self));

  if (self->loading)
    return;
  _pub_dataset_metadata_editor_field_edited (self, gtk_widget_get_name (GTK_WIDGET (entry)),
                                             gtk_editable_get_text (entry));
}

static void
extra_combo_cb (PubDatasetMetadataEditor *self,
                GParamSpec               *pspec,
                AdwComboRow              *row)
{
  g_assert (PUB_IS_DATASET_METADATA_EDITOR (self));

  const char * const *values = g_object_get_data (G_OBJECT (row), "values");
  guint position = adw_combo_row_get_selected (row);

  if (self->loading || position == GTK_INVALID_LIST_POSITION)
    return;
  _pub_dataset_metadata_editor_field_edited (self, gtk_widget_get_name (GTK_WIDGET (row)),
                                             position > 0 ? values[position - 1] : NULL);
}

void
_pub_dataset_metadata_editor_clear_schema (PubDatasetMetadataEditor *self)
{
  for (guint i = 0; i < self->extra_rows->len; i++)
    adw_preferences_group_remove (self->details_group, g_ptr_array_index (self->extra_rows, i));
  g_ptr_array_set_size (self->extra_rows, 0);
}

static GtkWidget *
create_extra_row (PubDatasetMetadataEditor *self,
                  CkanSchemingField        *field)
{
  const char *name = ckan_scheming_field_get_field_name (field);
  const char *label = ckan_scheming_field_get_label (field);
  const char *value = pub_draft_get_field (self->draft, name);
  GPtrArray *choices = ckan_scheming_field_get_choices (field);
  GtkWidget *row;

  if (label == NULL || label[0] == '\0')
    label = name;

  if (choices != NULL && choices->len > 0)
    {
      GtkStringList *labels = gtk_string_list_new (NULL);
      g_auto(GStrv) values = g_new0 (char *, choices->len + 1);
      guint selected = 0;

      gtk_string_list_append (labels, ckan_scheming_field_get_required (field) ? _("Choose…") : _("Not specified"));
      for (guint i = 0; i < choices->len; i++)
        {
          CkanSchemingChoice *choice = g_ptr_array_index (choices, i);

          values[i] = g_strdup (choice->value);
          gtk_string_list_append (labels, choice->label ? choice->label : choice->value);
          if (g_strcmp0 (choice->value, value) == 0)
            selected = i + 1;
        }
      row = adw_combo_row_new ();
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      g_object_unref (labels);
      g_object_set_data_full (G_OBJECT (row), "values", g_steal_pointer (&values), (GDestroyNotify) g_strfreev);
      if (ckan_scheming_field_get_help_text (field) != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ckan_scheming_field_get_help_text (field));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (extra_combo_cb), self, G_CONNECT_SWAPPED);
    }
  else
    {
      row = adw_entry_row_new ();
      gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
      g_signal_connect_object (row, "changed", G_CALLBACK (extra_entry_changed_cb), self, G_CONNECT_SWAPPED);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_widget_set_name (row, name);
  return row;
}

static void
schema_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PubDatasetMetadataEditor) self = user_data;
  g_autoptr(CkanSchemingSchema) schema = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *fields;
  gboolean was_loading = self->loading;

  g_assert (PUB_IS_DATASET_METADATA_EDITOR (self));

  schema = ckan_client_scheming_dataset_schema_show_finish (CKAN_CLIENT (object), result, &error);
  /* Most portals have no such form: the standard fields are all there is. */
  if (schema == NULL || self->draft == NULL)
    return;

  _pub_dataset_metadata_editor_clear_schema (self);
  fields = ckan_scheming_schema_get_dataset_fields (schema);
  self->loading = TRUE;
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      CkanSchemingField *field = g_ptr_array_index (fields, i);
      const char *name = ckan_scheming_field_get_field_name (field);
      GPtrArray *choices = ckan_scheming_field_get_choices (field);
      GtkWidget *row;

      if (name == NULL)
        continue;
      /* The portal's own list of frequencies wins over the built-in one. */
      if (g_str_equal (name, PUB_DRAFT_FIELD_FREQUENCY) && choices != NULL && choices->len > 0)
        {
          g_autoptr(GPtrArray) values = g_ptr_array_new_null_terminated (choices->len, NULL, TRUE);
          g_autoptr(GPtrArray) labels = g_ptr_array_new_null_terminated (choices->len, NULL, TRUE);

          for (guint c = 0; c < choices->len; c++)
            {
              CkanSchemingChoice *choice = g_ptr_array_index (choices, c);

              g_ptr_array_add (values, choice->value);
              g_ptr_array_add (labels, choice->label ? choice->label : choice->value);
            }
          _pub_dataset_metadata_editor_choices_set (self, &self->frequency, _("Not specified"),
                                                    (const char * const *) values->pdata,
                                                    (const char * const *) labels->pdata);
          continue;
        }
      if (is_handled (name))
        continue;

      row = create_extra_row (self, field);
      g_ptr_array_add (self->extra_rows, row);
      adw_preferences_group_add (self->details_group, row);
    }
  self->loading = was_loading;
}

void
_pub_dataset_metadata_editor_fetch_schema (PubDatasetMetadataEditor *self)
{
  if (self->client == NULL || self->draft == NULL)
    return;
  ckan_client_scheming_dataset_schema_show_async (self->client, NULL, self->cancellable,
                                                  schema_cb, g_object_ref (self));
}

/* The row of a field the portal's form added, or NULL. */
GtkWidget *
_pub_dataset_metadata_editor_find_extra (PubDatasetMetadataEditor *self,
                                         const char               *field)
{
  for (guint i = 0; i < self->extra_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->extra_rows, i);

      if (g_str_equal (gtk_widget_get_name (row), field))
        return row;
    }
  return NULL;
}
