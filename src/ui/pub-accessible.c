/* pub-accessible.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pub-accessible.h"

static void
name_text_button (GtkButton *button)
{
  GtkWidget *child = gtk_button_get_child (button);

  if (!gtk_button_get_use_underline (button) || gtk_button_get_label (button) == NULL || !GTK_IS_LABEL (child))
    return;
  /* The label's text has no underline; the relation to the label is
   * what GTK reads a second time. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (child)),
                                  -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static void
label_changed_cb (GtkButton  *button,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  name_text_button (button);
}

void
pub_accessible_name_text_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    {
      if (g_signal_handler_find (root, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, label_changed_cb, NULL) == 0)
        {
          g_signal_connect (root, "notify::label", G_CALLBACK (label_changed_cb), NULL);
          g_signal_connect (root, "notify::use-underline", G_CALLBACK (label_changed_cb), NULL);
        }
      name_text_button (GTK_BUTTON (root));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    pub_accessible_name_text_buttons (child);
}

static void
window_mapped_cb (GtkWidget *window)
{
  pub_accessible_name_text_buttons (window);
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_signal_handler_find (window, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, window_mapped_cb, NULL) == 0)
        g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), NULL);
    }
}

void
pub_accessible_watch_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  if (g_signal_handler_find (toplevels, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, toplevels_changed_cb, NULL) != 0)
    return;
  g_signal_connect (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), NULL);
  toplevels_changed_cb (toplevels, 0, 0, g_list_model_get_n_items (toplevels));
}

void
pub_accessible_name_inner_buttons (GtkWidget  *row,
                                   const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (row));

  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) == NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      else
        pub_accessible_name_inner_buttons (child, label);
    }
}

void
pub_accessible_name_inner_search (GtkWidget  *root,
                                  const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SEARCH_ENTRY (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      else
        pub_accessible_name_inner_search (child, label);
    }
}

void
pub_accessible_name_list_item (GtkWidget  *child,
                               const char *name,
                               const char *description)
{
  GtkWidget *holder = gtk_widget_get_parent (child);

  if (holder == NULL)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (holder),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
}

static void
setup_string_item_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_string_item_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (label), text);
  pub_accessible_name_list_item (label, text, NULL);
}

void
pub_accessible_name_combo_items (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_string_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_string_item_cb), NULL);
  adw_combo_row_set_factory (row, factory);
}
