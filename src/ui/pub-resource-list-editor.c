/* pub-resource-list-editor.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-resource-list-editor-private.h"


G_DEFINE_FINAL_TYPE (PubResourceListEditor, pub_resource_list_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RESOURCE_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const editable_fields[] = { "name", "description", "format", "url" };

static char *
describe_resource (PubDraftResource *resource)
{
  const char *format = pub_draft_resource_get_format (resource);
  const char *problem = pub_draft_resource_get_problem (resource);
  gint64 size = pub_draft_resource_get_size (resource);
  g_autofree char *size_text = NULL;
  g_autofree char *flag = NULL;

  if (problem != NULL)
    return g_strdup (problem);
  if (pub_draft_resource_get_kind (resource) == PUB_DRAFT_RESOURCE_LINK)
    return g_strdup (pub_draft_resource_get_url (resource));
  if (size < 0)
    return g_strdup_printf ("%s · %s", format ? format : _("Unknown format"), _("Reading…"));
  size_text = g_format_size (size);
  flag = _pub_resource_list_editor_check_flag (resource);
  if (flag != NULL)
    return g_strdup_printf ("%s · %s · %s", format ? format : _("Unknown format"), size_text, flag);
  return g_strdup_printf ("%s · %s", format ? format : _("Unknown format"), size_text);
}

static void
update_row (AdwExpanderRow   *row,
            PubDraftResource *resource)
{
  g_autofree char *subtitle = describe_resource (resource);
  g_autofree char *escaped = g_markup_escape_text (pub_draft_resource_get_name (resource) != NULL ? pub_draft_resource_get_name (resource) : "", -1);
  g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);
  GtkWidget *check_row = g_object_get_data (G_OBJECT (row), "check-row");
  GtkWidget *flag_icon = g_object_get_data (G_OBJECT (row), "flag-icon");
  const char *summary = pub_draft_resource_get_check_summary (resource);
  g_autofree char *flag = _pub_resource_list_editor_check_flag (resource);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_expander_row_set_subtitle (row, escaped_subtitle);
  /* libadwaita 1.2 names the row's header, not the row a screen reader
   * lands on in the list. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  pub_draft_resource_get_name (resource) != NULL ? pub_draft_resource_get_name (resource) : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  /* Open, a link's missing address is marked on its field alone: a red
   * row would paint every field red. */
  if (pub_draft_resource_get_problem (resource) != NULL &&
      !(g_object_get_data (G_OBJECT (row), "url") != NULL && adw_expander_row_get_expanded (row)))
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");

  gtk_widget_set_visible (check_row, pub_draft_resource_get_check_status (resource) != PUB_RESOURCE_CHECK_NONE);
  gtk_widget_set_visible (flag_icon, flag != NULL && pub_draft_resource_get_problem (resource) == NULL);
  gtk_widget_set_tooltip_text (flag_icon, flag);

  /* Changes made elsewhere (another window, the publish job) show here. */
  for (guint i = 0; i < G_N_ELEMENTS (editable_fields); i++)
    {
      GtkWidget *entry = g_object_get_data (G_OBJECT (row), editable_fields[i]);
      g_autofree char *value = NULL;

      if (entry == NULL)
        continue;
      g_object_get (resource, editable_fields[i], &value, NULL);
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), value ? value : "") != 0)
        gtk_editable_set_text (GTK_EDITABLE (entry), value ? value : "");
    }
  /* A link's address is required: its field says so where it is typed. */
  {
    GtkWidget *url_entry = g_object_get_data (G_OBJECT (row), "url");
    GtkWidget *url_error = g_object_get_data (G_OBJECT (row), "url-error");

    if (url_entry != NULL)
      {
        gboolean missing = pub_draft_resource_get_problem (resource) != NULL;

        if (missing)
          gtk_widget_add_css_class (url_entry, "error");
        else
          gtk_widget_remove_css_class (url_entry, "error");
        gtk_label_set_text (GTK_LABEL (url_error), missing ? pub_draft_resource_get_problem (resource) : "");
        gtk_widget_set_visible (url_error, missing);
      }
  }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (check_row), summary ? summary : "");
}

static void
resource_notify_cb (AdwExpanderRow *row,
                    GParamSpec     *pspec,
                    PubDraftResource *resource)
{
  update_row (row, resource);
}

static void
field_changed_cb (GtkEditable      *editable,
                  PubDraftResource *resource)
{
  const char *field = g_object_get_data (G_OBJECT (editable), "field");
  const char *text = gtk_editable_get_text (editable);

  g_object_set (resource, field, text[0] != '\0' ? text : NULL, NULL);
}

static GtkWidget *
create_field_row (PubDraftResource *resource,
                  const char       *field,
                  const char       *title)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *value = NULL;

  g_object_get (resource, field, &value, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
  g_signal_connect_object (row, "changed", G_CALLBACK (field_changed_cb), resource, 0);
  gtk_widget_set_name (row, field);
  return row;
}

/* Under the address field: what it lacks, in the error colour. */
static GtkWidget *
create_error_row (GtkWidget *row)
{
  GtkWidget *error_row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_name (label, "url-error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (error_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_widget_set_visible (label, FALSE);
  g_object_bind_property (label, "visible", error_row, "visible", G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (row), "url-error", label);
  return error_row;
}

/* File names wrap where they must, without a hyphen Pango would add
 * ("metro-/politana" reads as part of the name). */
static void
no_hyphens (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      PangoAttrList *attrs = gtk_label_get_attributes (GTK_LABEL (widget));
      g_autoptr(PangoAttrList) copy = attrs != NULL ? pango_attr_list_copy (attrs) : pango_attr_list_new ();

      pango_attr_list_insert (copy, pango_attr_insert_hyphens_new (FALSE));
      gtk_label_set_attributes (GTK_LABEL (widget), copy);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    no_hyphens (c);
}

static void move_resource (PubResourceListEditor *self, PubDraftResource *resource, int delta);

static void
move_up_cb (GtkButton             *button,
            PubResourceListEditor *self)
{
  g_assert (PUB_IS_RESOURCE_LIST_EDITOR (self));

  move_resource (self, g_object_get_data (G_OBJECT (button), "resource"), -1);
}

static void
move_down_cb (GtkButton             *button,
              PubResourceListEditor *self)
{
  g_assert (PUB_IS_RESOURCE_LIST_EDITOR (self));

  move_resource (self, g_object_get_data (G_OBJECT (button), "resource"), 1);
}

static void
remove_cb (GtkButton             *button,
           PubResourceListEditor *self)
{
  PubDraftResource *resource = g_object_get_data (G_OBJECT (button), "resource");

  g_assert (PUB_IS_RESOURCE_LIST_EDITOR (self));

  g_hash_table_remove (self->expanded, resource);
  pub_draft_remove_resource (self->draft, resource);
}

static GtkWidget *
create_button (PubResourceListEditor *self,
               PubDraftResource      *resource,
               const char            *icon_name,
               const char            *tooltip,
               GCallback              callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data (G_OBJECT (button), "resource", resource);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
expanded_cb (AdwExpanderRow        *row,
             GParamSpec            *pspec,
             PubResourceListEditor *self)
{
  PubDraftResource *resource = g_object_get_data (G_OBJECT (row), "resource");

  g_assert (PUB_IS_RESOURCE_LIST_EDITOR (self));

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, resource);
  else
    g_hash_table_remove (self->expanded, resource);
  update_row (row, resource);
}

static GtkWidget *
create_row (PubResourceListEditor *self,
            PubDraftResource      *resource,
            guint                  position,
            guint                  n_items)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *up, *down, *check_row;
  gboolean is_link = pub_draft_resource_get_kind (resource) == PUB_DRAFT_RESOURCE_LINK;

  g_object_set_data_full (G_OBJECT (row), "resource", g_object_ref (resource), g_object_unref);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row),
                               gtk_image_new_from_icon_name (is_link ? "web-browser-symbolic"
                                                                     : "text-x-generic-symbolic"));
  up = create_button (self, resource, "go-up-symbolic", _("Move Up"), G_CALLBACK (move_up_cb));
  down = create_button (self, resource, "go-down-symbolic", _("Move Down"), G_CALLBACK (move_down_cb));
  gtk_widget_set_sensitive (up, position > 0);
  gtk_widget_set_sensitive (down, position + 1 < n_items);
  /* Each action goes before the previous one. */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               create_button (self, resource, "user-trash-symbolic", _("Remove"),
                                              G_CALLBACK (remove_cb)));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), down);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), up);
  /* Personal data or a low score, seen without opening the row. */
  {
    GtkWidget *flag_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

    gtk_widget_add_css_class (flag_icon, "warning");
    gtk_widget_set_valign (flag_icon, GTK_ALIGN_CENTER);
    gtk_widget_set_margin_end (flag_icon, 6);
    gtk_widget_set_name (flag_icon, "check-flag");
    gtk_widget_set_visible (flag_icon, FALSE);
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), flag_icon);
    g_object_set_data (G_OBJECT (row), "flag-icon", flag_icon);
  }

  {
    const char *titles[] = { _("Name"), _("Description"), _("Format"), _("Web Address") };

    for (guint i = 0; i < G_N_ELEMENTS (editable_fields); i++)
      {
        GtkWidget *entry;

        if (g_str_equal (editable_fields[i], "url") && !is_link)
          continue;
        entry = create_field_row (resource, editable_fields[i], titles[i]);
        g_object_set_data (G_OBJECT (row), editable_fields[i], entry);
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry);
        if (g_str_equal (editable_fields[i], "url"))
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), create_error_row (row));
      }
  }

  /* Filled by the local checks, through the resource's check result; opens
   * the full report. */
  check_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (check_row), _("Checks"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (check_row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (check_row), TRUE);
  g_object_set_data (G_OBJECT (check_row), "resource", resource);
  g_signal_connect (check_row, "activated", G_CALLBACK (_pub_resource_list_editor_show_report_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), check_row);
  g_object_set_data (G_OBJECT (row), "check-row", check_row);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (self->expanded, resource));
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_cb), self);
  g_signal_connect_object (resource, "notify", G_CALLBACK (resource_notify_cb), row, G_CONNECT_SWAPPED);
  update_row (ADW_EXPANDER_ROW (row), resource);
  no_hyphens (row);
  return row;
}

static void
rebuild_rows (PubResourceListEditor *self)
{
  GListModel *resources = self->draft ? pub_draft_get_resources (self->draft) : NULL;
  guint n_items = resources ? g_list_model_get_n_items (resources) : 0;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->resources_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PubDraftResource) resource = g_list_model_get_item (resources, i);
      GtkWidget *row = create_row (self, resource, i, n_items);

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (self->resources_group, row);
    }

  /* An empty list invites; the link entry must stay reachable once asked for. */
  if (n_items > 0 || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") != 0)
    gtk_stack_set_visible_child_name (self->stack, n_items > 0 ? "list" : "empty");
}

static void
resources_changed_cb (PubResourceListEditor *self)
{
  g_assert (PUB_IS_RESOURCE_LIST_EDITOR (self));

  rebuild_rows (self);
}

static void
move_resource (PubResourceListEditor *self,
               PubDraftResource      *resource,
               int                    delta)
{
  GListModel *resources = pub_draft_get_resources (self->draft);

  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(PubDraftResource) item = g_list_model_get_item (resources, i);

      if (item == resource && (delta > 0 || i > 0))
        {
          pub_draft_move_resource (self->draft, resource, i + delta);
          return;
        }
    }
}


guint
pub_resource_list_editor_add_files (PubResourceListEditor *self,
                                    GSList                *files)
{
  guint added = 0;

  g_return_val_if_fail (PUB_IS_RESOURCE_LIST_EDITOR (self), 0);
  g_return_val_if_fail (self->draft != NULL, 0);

  for (GSList *l = files; l != NULL; l = l->next)
    {
      GFile *file = l->data;
      g_autoptr(PubDraftResource) resource = NULL;
      g_autofree char *path = g_file_get_path (file);

      /* Remote places can't be uploaded as they are; a folder is told
       * apart from a file by the refresh, in a worker. */
      if (path == NULL)
        continue;

      resource = pub_draft_resource_new_for_file (file);
      pub_draft_add_resource (self->draft, resource);
      _pub_resource_list_editor_refresh_resource (self, resource);
      g_signal_emit (self, signals[RESOURCE_ADDED], 0, resource);
      added++;
    }
  return added;
}

gboolean
pub_resource_list_editor_add_link (PubResourceListEditor *self,
                                   const char            *url)
{
  g_autoptr(PubDraftResource) resource = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (PUB_IS_RESOURCE_LIST_EDITOR (self), FALSE);
  g_return_val_if_fail (self->draft != NULL, FALSE);

  stripped = g_strstrip (g_strdup (url));
  uri = g_uri_parse (stripped, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
    {
      gtk_label_set_text (self->link_error, _("Write the full web address, starting with https://."));
      gtk_widget_set_visible (GTK_WIDGET (self->link_error_row), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->link_row), "error");
      return FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->link_error_row), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->link_row), "error");
  resource = pub_draft_resource_new_link (stripped);
  pub_draft_add_resource (self->draft, resource);
  g_signal_emit (self, signals[RESOURCE_ADDED], 0, resource);
  return TRUE;
}

static void
link_apply_cb (PubResourceListEditor *self)
{
  g_assert (PUB_IS_RESOURCE_LIST_EDITOR (self));

  if (pub_resource_list_editor_add_link (self, gtk_editable_get_text (GTK_EDITABLE (self->link_row))))
    gtk_editable_set_text (GTK_EDITABLE (self->link_row), "");
}

static void
chooser_response_cb (PubResourceListEditor *self,
                     int                    response,
                     GtkFileChooserNative  *chooser)
{
  g_autoptr(GListModel) files = NULL;
  g_autoslist(GFile) list = NULL;

  g_assert (PUB_IS_RESOURCE_LIST_EDITOR (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
      pub_resource_list_editor_add_files (self, list);
    }
  g_clear_object (&self->chooser);
}

static void
add_files_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PubResourceListEditor *self = PUB_RESOURCE_LIST_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->chooser != NULL || self->draft == NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Add Files"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Add"), NULL);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
add_link_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  PubResourceListEditor *self = PUB_RESOURCE_LIST_EDITOR (widget);

  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->link_row));
}

static gboolean
drop_cb (GtkDropTarget         *target,
         const GValue          *value,
         double                 x,
         double                 y,
         PubResourceListEditor *self)
{
  GdkFileList *file_list;
  g_autoslist(GFile) files = NULL;

  g_assert (PUB_IS_RESOURCE_LIST_EDITOR (self));

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->draft == NULL)
    return FALSE;
  file_list = g_value_get_boxed (value);
  files = gdk_file_list_get_files (file_list);
  for (GSList *l = files; l != NULL; l = l->next)
    g_object_ref (l->data);
  return pub_resource_list_editor_add_files (self, files) > 0;
}

PubDraft *
pub_resource_list_editor_get_draft (PubResourceListEditor *self)
{
  g_return_val_if_fail (PUB_IS_RESOURCE_LIST_EDITOR (self), NULL);
  return self->draft;
}

void
pub_resource_list_editor_set_draft (PubResourceListEditor *self,
                                    PubDraft              *draft)
{
  g_return_if_fail (PUB_IS_RESOURCE_LIST_EDITOR (self));

  if (self->draft == draft)
    return;
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (pub_draft_get_resources (self->draft), self);
  g_set_object (&self->draft, draft);
  g_hash_table_remove_all (self->expanded);
  if (draft != NULL)
    {
      GListModel *resources = pub_draft_get_resources (draft);

      g_signal_connect_object (resources, "items-changed", G_CALLBACK (resources_changed_cb),
                               self, G_CONNECT_SWAPPED);
      /* Files may have changed since the draft was saved. */
      for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
        {
          g_autoptr(PubDraftResource) resource = g_list_model_get_item (resources, i);

          _pub_resource_list_editor_refresh_resource (self, resource);
        }
    }
  rebuild_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

static void
pub_resource_list_editor_dispose (GObject *object)
{
  PubResourceListEditor *self = PUB_RESOURCE_LIST_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (pub_draft_get_resources (self->draft), self);
  g_clear_object (&self->draft);

  /* The bin's child is a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_RESOURCE_LIST_EDITOR);

  G_OBJECT_CLASS (pub_resource_list_editor_parent_class)->dispose (object);
}

static void
pub_resource_list_editor_finalize (GObject *object)
{
  PubResourceListEditor *self = PUB_RESOURCE_LIST_EDITOR (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (pub_resource_list_editor_parent_class)->finalize (object);
}

static void
pub_resource_list_editor_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  PubResourceListEditor *self = PUB_RESOURCE_LIST_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_resource_list_editor_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  PubResourceListEditor *self = PUB_RESOURCE_LIST_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      pub_resource_list_editor_set_draft (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_resource_list_editor_class_init (PubResourceListEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_resource_list_editor_dispose;
  object_class->finalize = pub_resource_list_editor_finalize;
  object_class->get_property = pub_resource_list_editor_get_property;
  object_class->set_property = pub_resource_list_editor_set_property;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, PUB_TYPE_DRAFT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A file or link was added (its local checks have just started; their
   * summary lands in the resource's check result). */
  signals[RESOURCE_ADDED] = g_signal_new ("resource-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, PUB_TYPE_DRAFT_RESOURCE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/publicador/Publicador/ui/pub-resource-list-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PubResourceListEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, PubResourceListEditor, resources_group);
  gtk_widget_class_bind_template_child (widget_class, PubResourceListEditor, link_row);
  gtk_widget_class_bind_template_child (widget_class, PubResourceListEditor, link_error_row);
  gtk_widget_class_bind_template_child (widget_class, PubResourceListEditor, link_error);

  gtk_widget_class_install_action (widget_class, "resources.add-files", NULL, add_files_action);
  gtk_widget_class_install_action (widget_class, "resources.add-link", NULL, add_link_action);
}

static void
pub_resource_list_editor_init (PubResourceListEditor *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  self->expanded = g_hash_table_new (NULL, NULL);

  g_signal_connect_object (self->link_row, "apply", G_CALLBACK (link_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->link_row, "entry-activated", G_CALLBACK (link_apply_cb), self, G_CONNECT_SWAPPED);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
pub_resource_list_editor_new (void)
{
  return g_object_new (PUB_TYPE_RESOURCE_LIST_EDITOR, NULL);
}
