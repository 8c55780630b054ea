/* pub-personal-data-dialog.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-personal-data-dialog.h"

struct _PubPersonalDataDialog
{
  AdwMessageDialog  parent_instance;

  GtkListBox       *file_list;
  GTask            *task;    /* while a choice is awaited */
};

G_DEFINE_FINAL_TYPE (PubPersonalDataDialog, pub_personal_data_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
return_choice (PubPersonalDataDialog *self,
               PubPersonalDataChoice  choice)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (task != NULL)
    g_task_return_int (task, choice);
}

static void
pub_personal_data_dialog_dispose (GObject *object)
{
  PubPersonalDataDialog *self = PUB_PERSONAL_DATA_DIALOG (object);

  /* Destroyed with its parent, unanswered: nothing is sent. */
  return_choice (self, PUB_PERSONAL_DATA_REVIEW);
  G_OBJECT_CLASS (pub_personal_data_dialog_parent_class)->dispose (object);
}

static void
pub_personal_data_dialog_class_init (PubPersonalDataDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_personal_data_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/publicador/Publicador/ui/pub-personal-data-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PubPersonalDataDialog, file_list);
}

static void
pub_personal_data_dialog_init (PubPersonalDataDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PubPersonalDataDialog *
pub_personal_data_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (PUB_TYPE_PERSONAL_DATA_DIALOG, "transient-for", parent, NULL);
}

void
pub_personal_data_dialog_add_file (PubPersonalDataDialog *self,
                                   const char            *file_name,
                                   const char * const    *findings)
{
  g_autofree char *title = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  g_return_if_fail (PUB_IS_PERSONAL_DATA_DIALOG (self));
  g_return_if_fail (file_name != NULL);

  title = g_markup_escape_text (file_name, -1);
  joined = findings != NULL ? g_strjoinv ("\n", (char **) findings) : g_strdup ("");
  subtitle = g_markup_escape_text (joined, -1);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("security-high-symbolic"));
  /* A file name and its findings are read in full, never cut. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_append (self->file_list, row);
}

void
pub_personal_data_dialog_add_resources (PubPersonalDataDialog *self,
                                        GPtrArray             *resources)
{
  g_return_if_fail (PUB_IS_PERSONAL_DATA_DIALOG (self));

  for (guint i = 0; i < resources->len; i++)
    {
      PubDraftResource *resource = g_ptr_array_index (resources, i);
      g_auto(GStrv) findings = pub_personal_data_describe (pub_draft_resource_get_personal_data (resource));

      pub_personal_data_dialog_add_file (self, pub_draft_resource_get_name (resource),
                                         (const char * const *) findings);
    }
}

static void
response_cb (PubPersonalDataDialog *self,
             const char            *response)
{
  if (g_str_equal (response, "private"))
    return_choice (self, PUB_PERSONAL_DATA_PUBLISH_PRIVATE);
  else if (g_str_equal (response, "publish"))
    return_choice (self, PUB_PERSONAL_DATA_PUBLISH_ANYWAY);
  else
    return_choice (self, PUB_PERSONAL_DATA_REVIEW);
}

static void
cancelled_cb (GCancellable          *cancellable,
              PubPersonalDataDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

void
pub_personal_data_dialog_choose_async (PubPersonalDataDialog *self,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data)
{
  g_return_if_fail (PUB_IS_PERSONAL_DATA_DIALOG (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, pub_personal_data_dialog_choose_async);
  /* Closing the window (Escape, a cancel) answers "review". */
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (cancelled_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self));
}

PubPersonalDataChoice
pub_personal_data_dialog_choose_finish (PubPersonalDataDialog *self,
                                        GAsyncResult          *result)
{
  g_return_val_if_fail (g_task_is_valid (result, self), PUB_PERSONAL_DATA_REVIEW);

  return (PubPersonalDataChoice) g_task_propagate_int (G_TASK (result), NULL);
}
