/* pub-anonymize-window.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-anonymize-column-row.h"
#include "pub-anonymize-columns.h"
#include "pub-anonymize-window-private.h"

G_DEFINE_FINAL_TYPE (PubAnonymizeWindow, pub_anonymize_window, ADW_TYPE_WINDOW)

enum {
  COPY_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_pub_anonymize_window_toast (PubAnonymizeWindow *self,
                             const char         *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static gboolean
wants_pseudonyms (PubAnonymizeWindow *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (pub_anonymize_column_row_get_action (g_ptr_array_index (self->rows, i)) == PUB_ANONYMIZE_PSEUDONYMIZE)
      return TRUE;
  return FALSE;
}

static void
set_writing (PubAnonymizeWindow *self,
             gboolean            writing)
{
  self->writing = writing;
  gtk_stack_set_visible_child_name (self->stack, writing ? "writing" : "choices");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "anonymize.create", !writing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "anonymize.export-key", !writing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "anonymize.import-key", !writing);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  PubAnonymizeWindow *self = user_data;
  g_autofree char *text = g_strdup_printf ("%.0f %%", fraction * 100);

  g_assert (PUB_IS_ANONYMIZE_WINDOW (self));
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PubAnonymizeWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = pub_anonymize_file_finish (result, &error);

  g_assert (PUB_IS_ANONYMIZE_WINDOW (self));
  g_clear_object (&self->cancellable);
  if (copy == NULL)
    {
      set_writing (self, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("No copy was made: %s"), error->message);

          _pub_anonymize_window_toast (self, text);
        }
      return;
    }
  g_signal_emit (self, signals[COPY_CREATED], 0, copy);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_writing (PubAnonymizeWindow *self,
               GBytes             *key)
{
  g_autoptr(PubAnonymizePlan) plan = pub_anonymize_plan_new ();
  const PubCsvStats *stats = pub_check_result_get_stats (self->result);

  for (guint i = 0; i < self->rows->len; i++)
    {
      PubAnonymizeColumnRow *row = g_ptr_array_index (self->rows, i);

      pub_anonymize_plan_set_action (plan, pub_anonymize_column_row_get_column (row),
                                     pub_anonymize_column_row_get_action (row));
    }
  pub_anonymize_plan_set_key (plan, key);
  if (adw_combo_row_get_selected (self->delimiter_row) == 1 || stats->dialect.delimiter == '\t')
    pub_anonymize_plan_set_delimiter (plan, ',');

  set_writing (self, TRUE);
  self->cancellable = g_cancellable_new ();
  pub_anonymize_file_async (pub_check_result_get_file (self->result), NULL, plan,
                            progress_cb, self, self->cancellable, written_cb, g_object_ref (self));
}

static void
key_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(PubAnonymizeWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) key = _pub_anonymize_window_get_key_finish (self, result, &error);

  if (key == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "anonymize.create", TRUE);
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _pub_anonymize_window_toast (self, error->message);
      return;
    }
  start_writing (self, key);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PubAnonymizeWindow *self = PUB_ANONYMIZE_WINDOW (widget);

  /* Remembered first: next month's file offers the same choices even if
   * this copy is cancelled. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      PubAnonymizeColumnRow *row = g_ptr_array_index (self->rows, i);

      pub_draft_set_anonymize_action (self->draft, pub_anonymize_column_row_get_column (row),
                                      pub_anonymize_column_row_get_action (row));
    }
  if (!wants_pseudonyms (self))
    {
      start_writing (self, NULL);
      return;
    }
  gtk_widget_action_set_enabled (widget, "anonymize.create", FALSE);
  _pub_anonymize_window_get_key_async (self, key_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PubAnonymizeWindow *self = PUB_ANONYMIZE_WINDOW (widget);

  /* While writing, Cancel stops the copy (nothing is left behind) and
   * goes back to the choices; otherwise it closes. */
  if (self->writing && self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
export_key_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _pub_anonymize_window_export_key (PUB_ANONYMIZE_WINDOW (widget));
}

static void
import_key_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _pub_anonymize_window_import_key (PUB_ANONYMIZE_WINDOW (widget));
}

static void
fill (PubAnonymizeWindow *self)
{
  const PubCsvStats *stats = pub_check_result_get_stats (self->result);
  const char *organization = pub_draft_get_field (self->draft, PUB_DRAFT_FIELD_OWNER_ORG);
  g_autoptr(GFile) dest = pub_anonymize_destination (pub_check_result_get_file (self->result));
  g_autofree char *dest_name = g_file_get_basename (dest);
  g_autofree char *original = NULL;
  g_autofree char *key_text = NULL;

  for (guint i = 0; stats != NULL && i < stats->n_columns; i++)
    {
      const PubColumnStats *column = &stats->columns[i];
      g_autofree char *found = NULL;
      GtkWidget *row;
      gboolean chosen = FALSE;
      PubAnonymizeAction action;

      if (!pub_anonymize_column_is_flagged (column))
        continue;
      found = pub_anonymize_column_describe (column);
      row = pub_anonymize_column_row_new (column->name, found, (const char * const *) column->examples,
                                          pub_anonymize_column_can_generalize (column));
      action = pub_draft_get_anonymize_action (self->draft, column->name, &chosen);
      pub_anonymize_column_row_set_action (PUB_ANONYMIZE_COLUMN_ROW (row),
                                           chosen ? action : pub_anonymize_column_default_action (column));
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->rows, row);
    }

  adw_action_row_set_subtitle (self->destination_row, dest_name);

  if (stats != NULL && stats->dialect.delimiter == '\t')
    original = g_strdup (_("Same as the original (tab)"));
  else
    original = g_strdup_printf (_("Same as the original («%c»)"), stats != NULL ? stats->dialect.delimiter : ',');
  gtk_string_list_append (self->delimiter_choices, original);
  gtk_string_list_append (self->delimiter_choices, _("Comma («,»)"));
  /* A comma file has nothing to choose; a tab-separated one becomes CSV. */
  gtk_widget_set_visible (GTK_WIDGET (self->delimiter_row),
                          stats != NULL && stats->dialect.delimiter != ',' && stats->dialect.delimiter != '\t');

  if (organization != NULL && *organization != '\0')
    key_text = g_strdup_printf (_("The same person gets the same pseudonym in every file of “%s”. "
                                  "Colleagues on other computers need the same key."), organization);
  else
    key_text = g_strdup (_("Choose the dataset's organization first: each organization has its own key."));
  adw_action_row_set_subtitle (self->key_row, key_text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "anonymize.export-key",
                                 organization != NULL && *organization != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "anonymize.import-key",
                                 organization != NULL && *organization != '\0');
}

static void
pub_anonymize_window_dispose (GObject *object)
{
  PubAnonymizeWindow *self = PUB_ANONYMIZE_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  g_clear_object (&self->draft);
  g_clear_object (&self->result);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (pub_anonymize_window_parent_class)->dispose (object);
}

static void
pub_anonymize_window_class_init (PubAnonymizeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_anonymize_window_dispose;

  signals[COPY_CREATED] =
    g_signal_new ("copy-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/publicador/Publicador/ui/pub-anonymize-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PubAnonymizeWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, PubAnonymizeWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PubAnonymizeWindow, columns_group);
  gtk_widget_class_bind_template_child (widget_class, PubAnonymizeWindow, destination_row);
  gtk_widget_class_bind_template_child (widget_class, PubAnonymizeWindow, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, PubAnonymizeWindow, delimiter_choices);
  gtk_widget_class_bind_template_child (widget_class, PubAnonymizeWindow, key_row);
  gtk_widget_class_bind_template_child (widget_class, PubAnonymizeWindow, writing_page);
  gtk_widget_class_bind_template_child (widget_class, PubAnonymizeWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PubAnonymizeWindow, create_button);

  gtk_widget_class_install_action (widget_class, "anonymize.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "anonymize.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "anonymize.export-key", NULL, export_key_action);
  gtk_widget_class_install_action (widget_class, "anonymize.import-key", NULL, import_key_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "anonymize.cancel", NULL);
}

static void
pub_anonymize_window_init (PubAnonymizeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GtkWidget *
pub_anonymize_window_new (GtkWindow      *parent,
                          PubDraft       *draft,
                          PubCheckResult *result)
{
  PubAnonymizeWindow *self;

  g_return_val_if_fail (PUB_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (PUB_IS_CHECK_RESULT (result), NULL);

  self = g_object_new (PUB_TYPE_ANONYMIZE_WINDOW, "transient-for", parent, NULL);
  self->draft = g_object_ref (draft);
  self->result = g_object_ref (result);
  fill (self);
  return GTK_WIDGET (self);
}
