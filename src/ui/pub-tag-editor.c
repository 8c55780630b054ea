/* pub-tag-editor.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pub-accessible.h"
#include "pub-tag-editor.h"

#define TAG_LOOKUP_DELAY_MS 300
#define MAX_SUGGESTIONS 8

struct _PubTagEditor
{
  GtkWidget     parent_instance;

  PubDraft     *draft;
  CkanClient   *client;
  GCancellable *cancellable;
  guint         lookup_id;
  GStrv         known_tags;

  GtkFlowBox   *chips;
  GtkListBox   *list;
  AdwEntryRow  *entry;
  GtkListBoxRow *error_row;
  GtkLabel     *error_label;
  GtkFlowBox   *suggestions;
};

G_DEFINE_FINAL_TYPE (PubTagEditor, pub_tag_editor, GTK_TYPE_WIDGET)

enum {
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
remove_tag_cb (GtkButton    *button,
               PubTagEditor *self)
{
  const char *tag = g_object_get_data (G_OBJECT (button), "tag");

  g_assert (PUB_IS_TAG_EDITOR (self));

  pub_draft_remove_tag (self->draft, tag);
  g_signal_emit (self, signals[EDITED], 0);
}

static GtkWidget *
create_chip (PubTagEditor *self,
             const char   *tag)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (tag);
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *tooltip = g_strdup_printf (_("Remove the tag “%s”"), tag);

  gtk_widget_add_css_class (box, "tag-chip");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (button), "tag", g_strdup (tag), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_tag_cb), self);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static void
rebuild_chips (PubTagEditor *self)
{
  const char * const *tags = self->draft ? pub_draft_get_tags (self->draft) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips))) != NULL)
    gtk_flow_box_remove (self->chips, child);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      GtkWidget *chip = create_chip (self, tags[i]);

      gtk_flow_box_append (self->chips, chip);
      /* The box's own child is what a screen reader lands on. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (chip)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tags[i], -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->chips), tags != NULL && tags[0] != NULL);
}

static gboolean
chips_match_draft (PubTagEditor *self)
{
  const char * const *tags = pub_draft_get_tags (self->draft);
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->chips));
  guint i = 0;

  for (; child != NULL; child = gtk_widget_get_next_sibling (child), i++)
    {
      GtkWidget *box = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      GtkWidget *label = gtk_widget_get_first_child (box);

      if (tags[i] == NULL || g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), tags[i]) != 0)
        return FALSE;
    }
  return tags[i] == NULL;
}

static void
draft_changed_cb (PubTagEditor *self,
                  PubDraft     *draft)
{
  g_assert (PUB_IS_TAG_EDITOR (self));

  if (!chips_match_draft (self))
    rebuild_chips (self);
}

static void
add_tags_from_text (PubTagEditor *self,
                    const char   *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  if (self->draft == NULL)
    return;
  for (guint i = 0; parts[i] != NULL; i++)
    pub_draft_add_tag (self->draft, parts[i]);
  g_signal_emit (self, signals[EDITED], 0);
}

static void
apply_cb (PubTagEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  g_assert (PUB_IS_TAG_EDITOR (self));

  if (text[0] == '\0')
    return;
  add_tags_from_text (self, text);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}

static void
suggestion_clicked_cb (GtkButton    *button,
                       PubTagEditor *self)
{
  g_assert (PUB_IS_TAG_EDITOR (self));

  add_tags_from_text (self, gtk_widget_get_name (GTK_WIDGET (button)));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
show_suggestions (PubTagEditor       *self,
                  const char * const *remote)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *needle = g_utf8_casefold (text, -1);
  const char * const *sources[] = { remote, (const char * const *) self->known_tags };
  guint shown = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions))) != NULL)
    gtk_flow_box_remove (self->suggestions, child);

  for (guint s = 0; needle[0] != '\0' && self->draft != NULL && s < G_N_ELEMENTS (sources); s++)
    {
      for (guint i = 0; sources[s] != NULL && sources[s][i] != NULL && shown < MAX_SUGGESTIONS; i++)
        {
          const char *tag = sources[s][i];
          g_autofree char *folded = g_utf8_casefold (tag, -1);
          GtkWidget *button;
          gboolean seen = FALSE;

          for (child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions)); child != NULL;
               child = gtk_widget_get_next_sibling (child))
            seen |= g_str_equal (gtk_widget_get_name (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child))), tag);
          if (seen || !g_str_has_prefix (folded, needle) ||
              g_strv_contains (pub_draft_get_tags (self->draft), tag))
            continue;

          button = gtk_button_new_with_label (tag);
          gtk_widget_set_name (button, tag);
          gtk_widget_add_css_class (button, "pill");
          gtk_widget_add_css_class (button, "small");
          gtk_widget_set_tooltip_text (button, _("Add this tag"));
          g_signal_connect (button, "clicked", G_CALLBACK (suggestion_clicked_cb), self);
          gtk_flow_box_append (self->suggestions, button);
          shown++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->suggestions), shown > 0);
}

static void
tags_found_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PubTagEditor) self = user_data;
  g_autoptr(JsonNode) found = NULL;
  g_autoptr(GPtrArray) tags = g_ptr_array_new_null_terminated (0, NULL, TRUE);
  JsonArray *array;

  g_assert (PUB_IS_TAG_EDITOR (self));

  found = ckan_client_call_finish (CKAN_CLIENT (object), result, NULL);
  if (found == NULL || !JSON_NODE_HOLDS_ARRAY (found))
    return;
  array = json_node_get_array (found);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *tag = json_array_get_string_element (array, i);

      if (tag != NULL)
        g_ptr_array_add (tags, (gpointer) tag);
    }
  show_suggestions (self, (const char * const *) tags->pdata);
}

static gboolean
lookup_timeout_cb (gpointer user_data)
{
  PubTagEditor *self = user_data;
  g_autoptr(JsonObject) params = json_object_new ();
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  g_assert (PUB_IS_TAG_EDITOR (self));

  self->lookup_id = 0;
  if (self->client == NULL || g_utf8_strlen (text, -1) < 2)
    return G_SOURCE_REMOVE;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  json_object_set_string_member (params, "q", text);
  json_object_set_int_member (params, "limit", MAX_SUGGESTIONS);
  ckan_client_call_async (self->client, "tag_autocomplete", params, CKAN_CALL_READ,
                          self->cancellable, tags_found_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
text_changed_cb (PubTagEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  g_assert (PUB_IS_TAG_EDITOR (self));

  /* A comma ends a tag, as on the portal's form. */
  if (strchr (text, ',') != NULL)
    {
      apply_cb (self);
      return;
    }
  show_suggestions (self, NULL);
  g_clear_handle_id (&self->lookup_id, g_source_remove);
  if (self->client != NULL)
    self->lookup_id = g_timeout_add (TAG_LOOKUP_DELAY_MS, lookup_timeout_cb, self);
}

void
pub_tag_editor_set_draft (PubTagEditor *self,
                          PubDraft     *draft)
{
  g_return_if_fail (PUB_IS_TAG_EDITOR (self));

  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);
  g_set_object (&self->draft, draft);
  if (draft != NULL)
    g_signal_connect_object (draft, "changed", G_CALLBACK (draft_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild_chips (self);
}

void
pub_tag_editor_set_client (PubTagEditor *self,
                           CkanClient   *client)
{
  g_return_if_fail (PUB_IS_TAG_EDITOR (self));
  g_set_object (&self->client, client);
}

void
pub_tag_editor_set_known_tags (PubTagEditor       *self,
                               const char * const *tags)
{
  g_return_if_fail (PUB_IS_TAG_EDITOR (self));

  g_strfreev (self->known_tags);
  self->known_tags = g_strdupv ((char **) tags);
}

void
pub_tag_editor_set_error (PubTagEditor *self,
                          const char   *message)
{
  g_return_if_fail (PUB_IS_TAG_EDITOR (self));

  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_row), message != NULL);
}

AdwEntryRow *
pub_tag_editor_get_entry (PubTagEditor *self)
{
  g_return_val_if_fail (PUB_IS_TAG_EDITOR (self), NULL);
  return self->entry;
}

GStrv
pub_tag_editor_dup_suggestions (PubTagEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    g_strv_builder_add (builder, gtk_widget_get_name (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (c))));
  return g_strv_builder_end (builder);
}

static void
pub_tag_editor_dispose (GObject *object)
{
  PubTagEditor *self = PUB_TAG_EDITOR (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->lookup_id, g_source_remove);
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);
  g_clear_object (&self->draft);
  g_clear_object (&self->client);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pub_tag_editor_parent_class)->dispose (object);
}

static void
pub_tag_editor_finalize (GObject *object)
{
  PubTagEditor *self = PUB_TAG_EDITOR (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->known_tags, g_strfreev);

  G_OBJECT_CLASS (pub_tag_editor_parent_class)->finalize (object);
}

static void
pub_tag_editor_class_init (PubTagEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_tag_editor_dispose;
  object_class->finalize = pub_tag_editor_finalize;

  /* A person added or removed a tag. */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pub-tag-editor");
}

static void
pub_tag_editor_init (PubTagEditor *self)
{
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (layout, 12);

  self->chips = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->chips, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (self->chips, 20);
  gtk_flow_box_set_row_spacing (self->chips, 6);
  gtk_flow_box_set_column_spacing (self->chips, 6);
  gtk_widget_set_visible (GTK_WIDGET (self->chips), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->chips), GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));

  self->entry = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entry), _("Add a Tag"));
  adw_entry_row_set_show_apply_button (self->entry, TRUE);
  pub_accessible_name_inner_buttons (GTK_WIDGET (self->entry), _("Add the Tag"));
  gtk_list_box_append (self->list, GTK_WIDGET (self->entry));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->error_label, 0.0f);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "caption");
  g_object_set (self->error_label, "margin-start", 12, "margin-end", 12,
                "margin-top", 6, "margin-bottom", 6, NULL);
  self->error_row = GTK_LIST_BOX_ROW (gtk_list_box_row_new ());
  gtk_list_box_row_set_activatable (self->error_row, FALSE);
  gtk_list_box_row_set_child (self->error_row, GTK_WIDGET (self->error_label));
  gtk_widget_set_visible (GTK_WIDGET (self->error_row), FALSE);
  gtk_list_box_append (self->list, GTK_WIDGET (self->error_row));

  /* Suggestions sit under the entry rather than in a popover, so typing
   * never loses focus and they stay readable by screen readers. */
  self->suggestions = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->suggestions, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (self->suggestions, 20);
  gtk_flow_box_set_row_spacing (self->suggestions, 6);
  gtk_flow_box_set_column_spacing (self->suggestions, 6);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->suggestions),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Suggested tags"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->suggestions), GTK_WIDGET (self));

  g_signal_connect_object (self->entry, "apply", G_CALLBACK (apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "entry-activated", G_CALLBACK (apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
pub_tag_editor_new (void)
{
  return g_object_new (PUB_TYPE_TAG_EDITOR, NULL);
}
