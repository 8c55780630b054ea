/* pub-dataset-metadata-editor-choices.c: the form's drop-down rows, each
 * a list of labels standing for values (position 0: nothing chosen)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-accessible.h"
#include "pub-dataset-metadata-editor-private.h"
#include "pub-licenses.h"


/* The list to choose from: each title whole, wrapped, and what tells
 * look-alikes apart below it. */
static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 40);
  gtk_label_set_width_chars (GTK_LABEL (title), 24);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 40);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                Choices                  *choices)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_last_child (box);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));
  guint position = gtk_list_item_get_position (item);
  const char *detail = NULL;

  if (choices->subtitles != NULL && position < choices->subtitles->len)
    detail = g_ptr_array_index (choices->subtitles, position);
  gtk_label_set_text (GTK_LABEL (title), text);
  gtk_label_set_text (GTK_LABEL (subtitle), detail != NULL ? detail : "");
  gtk_widget_set_visible (subtitle, detail != NULL && detail[0] != '\0');
  pub_accessible_name_list_item (box, text, detail);
}

void
_pub_dataset_metadata_editor_choices_init (Choices     *choices,
              AdwComboRow *row,
              const char  *field)
{
  g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();

  choices->row = row;
  choices->field = field;
  choices->labels = gtk_string_list_new (NULL);
  choices->values = g_ptr_array_new_with_free_func (g_free);
  choices->subtitles = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (list, "setup", G_CALLBACK (setup_choice_cb), NULL);
  /* The Choices live as long as the editor, which owns the row. */
  g_signal_connect (list, "bind", G_CALLBACK (bind_choice_cb), choices);
  /* The chosen item on the row: its title on one line. */
  pub_accessible_name_combo_items (row);
  adw_combo_row_set_list_factory (row, list);
  adw_combo_row_set_model (row, G_LIST_MODEL (choices->labels));
}

void
_pub_dataset_metadata_editor_choices_clear (Choices *choices)
{
  g_clear_object (&choices->labels);
  g_clear_pointer (&choices->values, g_ptr_array_unref);
  g_clear_pointer (&choices->subtitles, g_ptr_array_unref);
}

/* Stable: g_array_sort_with_data is a merge sort, so licences of one
 * rank keep the portal's order. */
static int
compare_license_rank (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const char * const *values = user_data;
  guint rank_a = pub_license_rank (values[*(const guint *) a]);
  guint rank_b = pub_license_rank (values[*(const guint *) b]);

  return rank_a < rank_b ? -1 : rank_a > rank_b;
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

  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean licenses = choices == &self->license;

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    g_array_append_val (order, i);
  /* Licences: the recommended ones first, each with what tells it from
   * its look-alikes ("Open Data Commons …" three times otherwise). */
  if (licenses)
    g_array_sort_with_data (order, compare_license_rank, (gpointer) values);

  g_ptr_array_set_size (choices->values, 0);
  g_ptr_array_set_size (choices->subtitles, 0);
  g_ptr_array_add (choices->values, NULL);
  g_ptr_array_add (choices->subtitles, NULL);
  g_ptr_array_add (new_labels, (gpointer) none_label);
  for (guint k = 0; k < order->len; k++)
    {
      guint i = g_array_index (order, guint, k);
      const char *detail = licenses ? pub_license_describe (values[i]) : NULL;

      g_ptr_array_add (choices->values, g_strdup (values[i]));
      g_ptr_array_add (new_labels, (gpointer) labels[i]);
      /* An unknown licence shows its id: two titles alike still differ. */
      g_ptr_array_add (choices->subtitles, licenses ? g_strdup (detail != NULL ? detail : values[i]) : NULL);
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

