/* pub-preview-page.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-client-datastore.h"
#include "pub-preview-page.h"
#include "pub-preview-row.h"
#include "pub-resource-messages.h"

#define DEFAULT_PAGE_SIZE 100

struct _PubPreviewPage
{
  GtkWidget       parent_instance;

  CkanClient     *client;
  char           *resource_id;
  GCancellable   *cancellable;
  guint           page_size;
  guint           offset;
  gint64          total;
  GStrv           columns;     /* ids shown, in order, without _id */
  GStrv           header;      /* id, type, id, type... as last built */
  GListStore     *rows;
  GtkStringList  *sort_names;
  gboolean        filling_sort;

  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *error_page;
  GtkSearchEntry *filter_entry;
  GtkDropDown    *sort_dropdown;
  GtkToggleButton *descending_button;
  GtkColumnView  *column_view;
  GtkWidget      *empty_page;
  GtkLabel       *range_label;
};

G_DEFINE_FINAL_TYPE (PubPreviewPage, pub_preview_page, GTK_TYPE_WIDGET)

enum {
  LOAD_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_range (PubPreviewPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autofree char *first = pub_resource_format_count (self->offset + 1);
  g_autofree char *last = pub_resource_format_count (self->offset + shown);
  g_autofree char *total = pub_resource_format_count (self->total);
  g_autofree char *text = NULL;

  if (shown)
    /* Translators: "Rows 1–100 of 2.345" */
    text = g_strdup_printf (_("Rows %s–%s of %s"), first, last, total);
  else
    text = g_strdup (_("No rows"));
  gtk_label_set_label (self->range_label, text);
  gtk_widget_set_visible (self->empty_page, shown == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous", self->offset > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next", self->offset + shown < self->total);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 6);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), 14);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  const char *column = user_data;
  g_autofree char *text = pub_preview_row_dup_text (gtk_list_item_get_item (item), column);

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text);
}

/* Columns change only when the table does (a new load, a type override). */
static void
set_columns (PubPreviewPage *self,
             JsonArray      *fields)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) new_columns = NULL;
  GListModel *current;
  g_autofree char *sort_column = NULL;
  guint selected = gtk_drop_down_get_selected (self->sort_dropdown);

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && self->columns && selected - 1 < g_strv_length (self->columns))
    sort_column = g_strdup (self->columns[selected - 1]);

  /* The header is the same whatever the page: rebuild only when it changed. */
  for (guint i = 0; fields && i < json_array_get_length (fields); i++)
    {
      JsonObject *field = json_array_get_object_element (fields, i);
      const char *id = field ? json_object_get_string_member_with_default (field, "id", NULL) : NULL;
      const char *type = field ? json_object_get_string_member_with_default (field, "type", "") : "";

      if (!id || g_str_equal (id, "_id"))
        continue;
      g_strv_builder_add (ids, id);
      g_strv_builder_add (ids, type);
    }
  new_columns = g_strv_builder_end (ids);
  if (self->header && g_strv_equal ((const char * const *) self->header, (const char * const *) new_columns))
    return;

  current = gtk_column_view_get_columns (self->column_view);
  while (g_list_model_get_n_items (current) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (current, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }

  self->filling_sort = TRUE;
  gtk_string_list_splice (self->sort_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sort_names)), NULL);
  gtk_string_list_append (self->sort_names, _("Table order"));
  selected = 0;
  g_clear_pointer (&self->columns, g_strfreev);
  {
    g_autoptr(GStrvBuilder) only_ids = g_strv_builder_new ();

    for (guint i = 0; new_columns[i] && new_columns[i + 1]; i += 2)
      {
        GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
        g_autoptr(GtkColumnViewColumn) column = NULL;
        /* Translators: a column's header: its name and its type, "monto · Number" */
        g_autofree char *title = g_strdup_printf (_("%s · %s"), new_columns[i], pub_resource_type_label (new_columns[i + 1]));

        g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
        g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cell_cb), g_strdup (new_columns[i]),
                               (GClosureNotify) (void (*) (void)) g_free, 0);
        column = gtk_column_view_column_new (title, factory);
        gtk_column_view_column_set_resizable (column, TRUE);
        gtk_column_view_append_column (self->column_view, column);
        gtk_string_list_append (self->sort_names, new_columns[i]);
        g_strv_builder_add (only_ids, new_columns[i]);
        if (g_strcmp0 (sort_column, new_columns[i]) == 0)
          selected = i / 2 + 1;
      }
    self->columns = g_strv_builder_end (only_ids);
  }
  gtk_drop_down_set_selected (self->sort_dropdown, selected);
  self->filling_sort = FALSE;
  g_strfreev (self->header);
  self->header = g_steal_pointer (&new_columns);
}

static char *
sort_clause (PubPreviewPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->sort_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || !self->columns ||
      selected - 1 >= g_strv_length (self->columns))
    return NULL;
  return ckan_datastore_sort_clause (self->columns[selected - 1],
                                     gtk_toggle_button_get_active (self->descending_button));
}

static void
searched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PubPreviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) page = ckan_client_datastore_search_finish (CKAN_CLIENT (source), result, &error);
  JsonArray *records;

  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
    return;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND))
    {
      gtk_stack_set_visible_child_name (self->stack, "missing");
      return;
    }
  if (error)
    {
      g_autofree char *text = pub_resource_describe_error (error);

      adw_status_page_set_description (self->error_page, text);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  set_columns (self, json_object_get_array_member (page, "fields"));
  self->total = json_object_get_int_member_with_default (page, "total", 0);
  records = json_object_get_array_member (page, "records");
  g_list_store_remove_all (self->rows);
  for (guint i = 0; records && i < json_array_get_length (records); i++)
    {
      JsonObject *record = json_array_get_object_element (records, i);
      g_autoptr(PubPreviewRow) row = NULL;

      if (!record)
        continue;
      row = pub_preview_row_new (record);
      g_list_store_append (self->rows, row);
    }
  update_range (self);
  gtk_stack_set_visible_child_name (self->stack, "table");
}

void
pub_preview_page_reload (PubPreviewPage *self)
{
  g_autofree char *sort = NULL;
  const char *q;

  g_return_if_fail (PUB_IS_PREVIEW_PAGE (self));

  if (!self->client || !self->resource_id)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  q = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  sort = sort_clause (self);
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "table"))
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_set_spinning (self->spinner, TRUE);
    }
  ckan_client_datastore_search_async (self->client, self->resource_id, *q ? q : NULL, sort, self->offset,
                                      self->page_size, self->cancellable, searched_cb, g_object_ref (self));
}

void
pub_preview_page_set_source (PubPreviewPage *self,
                             CkanClient     *client,
                             const char     *resource_id)
{
  g_return_if_fail (PUB_IS_PREVIEW_PAGE (self));

  g_set_object (&self->client, client);
  g_free (self->resource_id);
  self->resource_id = g_strdup (resource_id);
  self->offset = 0;
  gtk_stack_set_visible_child_name (self->stack, "loading");
  pub_preview_page_reload (self);
}

void
pub_preview_page_set_page_size (PubPreviewPage *self,
                                guint           rows)
{
  g_return_if_fail (PUB_IS_PREVIEW_PAGE (self));

  self->page_size = MAX (rows, 1);
}

static void
filter_changed_cb (PubPreviewPage *self)
{
  self->offset = 0;
  pub_preview_page_reload (self);
}

static void
sort_changed_cb (PubPreviewPage *self)
{
  if (self->filling_sort)
    return;
  self->offset = 0;
  pub_preview_page_reload (self);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PubPreviewPage *self = PUB_PREVIEW_PAGE (widget);

  if (g_str_equal (action_name, "preview.next"))
    self->offset += self->page_size;
  else
    self->offset = self->offset > self->page_size ? self->offset - self->page_size : 0;
  pub_preview_page_reload (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  pub_preview_page_reload (PUB_PREVIEW_PAGE (widget));
}

static void
load_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[LOAD_REQUESTED], 0);
}

GtkWidget *
pub_preview_page_new (void)
{
  return g_object_new (PUB_TYPE_PREVIEW_PAGE, NULL);
}

static void
pub_preview_page_dispose (GObject *object)
{
  PubPreviewPage *self = PUB_PREVIEW_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_PREVIEW_PAGE);
  g_clear_object (&self->rows);
  g_clear_object (&self->sort_names);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (pub_preview_page_parent_class)->dispose (object);
}

static void
pub_preview_page_finalize (GObject *object)
{
  PubPreviewPage *self = PUB_PREVIEW_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->resource_id, g_free);
  g_clear_pointer (&self->columns, g_strfreev);
  g_clear_pointer (&self->header, g_strfreev);

  G_OBJECT_CLASS (pub_preview_page_parent_class)->finalize (object);
}

static void
pub_preview_page_class_init (PubPreviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_preview_page_dispose;
  object_class->finalize = pub_preview_page_finalize;

  signals[LOAD_REQUESTED] =
    g_signal_new ("load-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/publicador/Publicador/ui/pub-preview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PubPreviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PubPreviewPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PubPreviewPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, PubPreviewPage, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, PubPreviewPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PubPreviewPage, descending_button);
  gtk_widget_class_bind_template_child (widget_class, PubPreviewPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PubPreviewPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PubPreviewPage, range_label);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_changed_cb);

  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "preview.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "preview.load", NULL, load_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pub_preview_page_init (PubPreviewPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  self->page_size = DEFAULT_PAGE_SIZE;
  self->cancellable = g_cancellable_new ();
  self->rows = g_list_store_new (PUB_TYPE_PREVIEW_ROW);
  self->sort_names = gtk_string_list_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  self->filling_sort = TRUE;
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (self->sort_names));
  self->filling_sort = FALSE;
  gtk_string_list_append (self->sort_names, _("Table order"));
  /* GTK 4.8's drop-down gives its inner button no name of its own. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sort_dropdown)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sort by"), -1);
}
