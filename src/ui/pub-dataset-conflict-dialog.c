/* pub-dataset-conflict-dialog.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-dataset-conflict-dialog.h"
#include "pub-dataset-edit.h"

static GtkWidget *
cell (const char *text,
      gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text != NULL && text[0] != '\0' ? text : "—");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_lines (GTK_LABEL (label), 4);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, !heading);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

AdwMessageDialog *
pub_dataset_conflict_dialog_new (GtkWindow   *parent,
                                 PubDraft    *mine,
                                 CkanDataset *base,
                                 CkanDataset *current)
{
  g_auto(GStrv) theirs = pub_dataset_edit_diff_datasets (base, current);
  g_auto(GStrv) own = pub_dataset_edit_changed_fields (mine);
  g_autoptr(PubDraft) portal = pub_draft_new ();
  GtkWidget *dialog, *grid;

  g_return_val_if_fail (PUB_IS_DRAFT (mine), NULL);
  g_return_val_if_fail (CKAN_IS_DATASET (base), NULL);
  g_return_val_if_fail (CKAN_IS_DATASET (current), NULL);

  pub_dataset_edit_fill_draft (portal, current);

  dialog = adw_message_dialog_new (parent, _("Changed on the Portal Meanwhile"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("Someone changed this dataset on the portal after you began editing. "
                                 "Reload takes their version of these fields and keeps your other changes; "
                                 "Save Anyway replaces their values with yours where you changed the same field."));

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_attach (GTK_GRID (grid), cell (_("Field"), TRUE), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell (_("On the portal now"), TRUE), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell (_("Your change"), TRUE), 2, 0, 1, 1);
  for (guint i = 0; theirs[i] != NULL; i++)
    {
      g_autofree char *their_value = pub_dataset_edit_display_value (portal, theirs[i]);
      g_autofree char *my_value = g_strv_contains ((const char * const *) own, theirs[i])
                                  ? pub_dataset_edit_display_value (mine, theirs[i]) : NULL;
      GtkWidget *name = cell (pub_dataset_edit_field_label (theirs[i]), FALSE);

      gtk_widget_set_hexpand (name, FALSE);
      gtk_widget_add_css_class (name, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), name, 0, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (their_value, FALSE), 1, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (my_value != NULL ? my_value : _("(not changed)"), FALSE), 2, i + 1, 1, 1);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Fields changed on the portal"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    PUB_DATASET_CONFLICT_CANCEL, _("_Cancel"),
                                    PUB_DATASET_CONFLICT_RELOAD, _("_Reload"),
                                    PUB_DATASET_CONFLICT_OVERWRITE, _("Save _Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), PUB_DATASET_CONFLICT_RELOAD,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), PUB_DATASET_CONFLICT_OVERWRITE,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), PUB_DATASET_CONFLICT_RELOAD);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), PUB_DATASET_CONFLICT_CANCEL);
  return ADW_MESSAGE_DIALOG (dialog);
}
