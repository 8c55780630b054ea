/* pub-dictionary-page.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-client-datastore.h"
#include "pub-dictionary-page.h"
#include "pub-dictionary-row.h"
#include "pub-resource-messages.h"

struct _PubDictionaryPage
{
  GtkWidget            parent_instance;

  CkanClient          *client;
  char                *resource_id;
  CkanDatastoreInfo   *info;
  GCancellable        *cancellable;
  GPtrArray           *rows;        /* PubDictionaryRow, owned by the group */
  gboolean             saving;
  gboolean             types_changed;

  GtkStack            *stack;
  AdwPreferencesGroup *reload_group;
  AdwPreferencesGroup *columns_group;
  GtkWidget           *saving_spinner;
};

G_DEFINE_FINAL_TYPE (PubDictionaryPage, pub_dictionary_page, GTK_TYPE_WIDGET)

enum {
  SAVED,
  LOAD_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
any_modified (PubDictionaryPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (pub_dictionary_row_get_modified (g_ptr_array_index (self->rows, i)))
      return TRUE;
  return FALSE;
}

static void
update_actions (PubDictionaryPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dictionary.save", !self->saving && any_modified (self));
  gtk_widget_set_visible (self->saving_spinner, self->saving);
  gtk_spinner_set_spinning (GTK_SPINNER (self->saving_spinner), self->saving);
  gtk_widget_set_visible (GTK_WIDGET (self->reload_group), self->types_changed);
}

static void
toast (PubDictionaryPage *self,
       const char        *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

void
pub_dictionary_page_set_info (PubDictionaryPage *self,
                              CkanDatastoreInfo *info)
{
  GPtrArray *fields;

  g_return_if_fail (PUB_IS_DICTIONARY_PAGE (self));

  g_set_object (&self->info, info);
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  if (!info)
    {
      gtk_stack_set_visible_child_name (self->stack, "missing");
      update_actions (self);
      return;
    }
  fields = ckan_datastore_info_get_fields (info);
  for (guint i = 0; i < fields->len; i++)
    {
      GtkWidget *row = pub_dictionary_row_new (g_ptr_array_index (fields, i));

      g_signal_connect_swapped (row, "changed", G_CALLBACK (update_actions), self);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->rows, row);
    }
  gtk_stack_set_visible_child_name (self->stack, "dictionary");
  update_actions (self);
}

void
pub_dictionary_page_set_source (PubDictionaryPage *self,
                                CkanClient        *client,
                                const char        *resource_id)
{
  g_return_if_fail (PUB_IS_DICTIONARY_PAGE (self));

  g_set_object (&self->client, client);
  g_free (self->resource_id);
  self->resource_id = g_strdup (resource_id);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PubDictionaryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean types_changed = FALSE;

  ckan_client_datastore_set_dictionary_finish (CKAN_CLIENT (source), result, &error);
  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
    return;
  self->saving = FALSE;
  if (error)
    {
      g_autofree char *text = pub_resource_describe_error (error);
      g_autofree char *message = g_strdup_printf (_("The dictionary was not saved: %s"), text);

      /* What was typed stays in the rows, to try again. */
      toast (self, message);
      update_actions (self);
      return;
    }
  for (guint i = 0; i < self->rows->len; i++)
    types_changed = types_changed || pub_dictionary_row_type_modified (g_ptr_array_index (self->rows, i));
  self->types_changed = self->types_changed || types_changed;
  toast (self, _("Data dictionary saved"));
  update_actions (self);
  g_signal_emit (self, signals[SAVED], 0);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PubDictionaryPage *self = PUB_DICTIONARY_PAGE (widget);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_object_unref);

  if (!self->client || !self->info || self->saving)
    return;
  /* The rows keep their fields as read: the copies carry the edits, so a
   * failed save leaves both as they were. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      PubDictionaryRow *row = g_ptr_array_index (self->rows, i);
      g_autoptr(JsonObject) json = ckan_record_to_json (CKAN_RECORD (pub_dictionary_row_get_field (row)));
      CkanDatastoreField *copy = ckan_datastore_field_new_from_json (json, NULL);

      pub_dictionary_row_apply_to (row, copy);
      g_ptr_array_add (fields, copy);
    }
  self->saving = TRUE;
  update_actions (self);
  ckan_client_datastore_set_dictionary_async (self->client, self->resource_id, fields, self->cancellable,
                                              saved_cb, g_object_ref (self));
}

static void
load_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PubDictionaryPage *self = PUB_DICTIONARY_PAGE (widget);

  self->types_changed = FALSE;
  update_actions (self);
  g_signal_emit (self, signals[LOAD_REQUESTED], 0);
}

GtkWidget *
pub_dictionary_page_new (void)
{
  return g_object_new (PUB_TYPE_DICTIONARY_PAGE, NULL);
}

static void
pub_dictionary_page_dispose (GObject *object)
{
  PubDictionaryPage *self = PUB_DICTIONARY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_DICTIONARY_PAGE);
  g_clear_object (&self->client);
  g_clear_object (&self->info);

  G_OBJECT_CLASS (pub_dictionary_page_parent_class)->dispose (object);
}

static void
pub_dictionary_page_finalize (GObject *object)
{
  PubDictionaryPage *self = PUB_DICTIONARY_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->resource_id, g_free);

  G_OBJECT_CLASS (pub_dictionary_page_parent_class)->finalize (object);
}

static void
pub_dictionary_page_class_init (PubDictionaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_dictionary_page_dispose;
  object_class->finalize = pub_dictionary_page_finalize;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LOAD_REQUESTED] =
    g_signal_new ("load-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/publicador/Publicador/ui/pub-dictionary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PubDictionaryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PubDictionaryPage, reload_group);
  gtk_widget_class_bind_template_child (widget_class, PubDictionaryPage, columns_group);
  gtk_widget_class_bind_template_child (widget_class, PubDictionaryPage, saving_spinner);

  gtk_widget_class_install_action (widget_class, "dictionary.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dictionary.load", NULL, load_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pub_dictionary_page_init (PubDictionaryPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}
