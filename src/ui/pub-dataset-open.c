/* pub-dataset-open.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-application.h"
#include "pub-core-error.h"
#include "pub-dataset-address.h"
#include "pub-dataset-backup.h"
#include "pub-dataset-open.h"
#include "pub-dataset-window.h"
#include "pub-new-dataset-window.h"

gboolean
pub_dataset_open_reference (GtkWindow          *parent,
                            PubAccountManager  *accounts,
                            const char         *id,
                            GError            **error)
{
  PubAccount *account = accounts != NULL ? pub_account_manager_get_current (accounts) : NULL;

  g_return_val_if_fail (id != NULL, FALSE);

  if (account == NULL || pub_account_get_client (account) == NULL)
    {
      g_set_error_literal (error, PUB_CORE_ERROR, PUB_CORE_ERROR_NOT_FOUND,
                           _("Sign in to a portal account to open its datasets."));
      return FALSE;
    }
  pub_dataset_window_open (parent, pub_account_get_client (account), id);
  return TRUE;
}

gboolean
pub_dataset_open_address (GtkWindow          *parent,
                          PubAccountManager  *accounts,
                          const char         *address,
                          GError            **error)
{
  PubAccount *current = accounts != NULL ? pub_account_manager_get_current (accounts) : NULL;
  g_autofree char *name = NULL;
  PubAccount *account = NULL;

  g_return_val_if_fail (address != NULL, FALSE);

  if (!pub_dataset_address_looks_like (address))
    {
      g_set_error_literal (error, PUB_CORE_ERROR, PUB_CORE_ERROR_FAILED,
                           _("That is not a dataset’s address. Copy it from the portal: it looks like "
                             "https://datos.gob.cl/dataset/name-of-the-dataset."));
      return FALSE;
    }
  /* The current account first: one person may have two on one portal. */
  if (current != NULL && pub_dataset_address_match (address, pub_account_get_portal_url (current), &name))
    account = current;
  for (guint i = 0; account == NULL && accounts != NULL &&
                    i < g_list_model_get_n_items (G_LIST_MODEL (accounts)); i++)
    {
      g_autoptr(PubAccount) other = g_list_model_get_item (G_LIST_MODEL (accounts), i);

      g_clear_pointer (&name, g_free);
      if (pub_dataset_address_match (address, pub_account_get_portal_url (other), &name))
        account = other;
    }
  if (account == NULL || pub_account_get_client (account) == NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (address, G_URI_FLAGS_NONE, NULL);

      g_set_error (error, PUB_CORE_ERROR, PUB_CORE_ERROR_NOT_FOUND,
                   _("You have no account on %s. Sign in to it with “Add Account…” in the sidebar, "
                     "then open the address again."),
                   uri != NULL ? g_uri_get_host (uri) : address);
      return FALSE;
    }
  pub_dataset_window_open (parent, pub_account_get_client (account), name);
  return TRUE;
}

gboolean
pub_dataset_open_published_draft (GtkWindow *parent,
                                  PubDraft  *draft)
{
  GApplication *app = g_application_get_default ();

  g_return_val_if_fail (PUB_IS_DRAFT (draft), FALSE);

  if (pub_draft_get_state (draft) != PUB_DRAFT_STATE_PUBLISHED || pub_draft_get_remote_url (draft) == NULL ||
      !PUB_IS_APPLICATION (app))
    return FALSE;
  return pub_dataset_open_address (parent, pub_application_get_account_manager (PUB_APPLICATION (app)),
                                   pub_draft_get_remote_url (draft), NULL);
}

/* "Open from Portal…" */

typedef struct {
  GtkWindow         *parent;
  PubAccountManager *accounts;
  GtkEditable       *entry;
} OpenDialog;

static void
open_dialog_free (OpenDialog *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->accounts);
  g_free (data);
}

static void
open_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  OpenDialog       *data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *failure;

  if (!g_str_equal (response, "open"))
    return;
  if (pub_dataset_open_address (data->parent, data->accounts, gtk_editable_get_text (data->entry), &error))
    return;
  failure = adw_message_dialog_new (data->parent, _("The Dataset Could Not Be Opened"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failure), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (failure));
}

void
pub_dataset_open_dialog (GtkWindow         *parent,
                         PubAccountManager *accounts)
{
  GtkWidget *dialog, *list, *entry;
  OpenDialog *data;

  dialog = adw_message_dialog_new (parent, _("Open from the Portal"),
                                   _("Paste the address of a dataset’s page on the portal."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Dataset address"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (entry), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  data = g_new0 (OpenDialog, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->accounts = accounts != NULL ? g_object_ref (accounts) : NULL;
  data->entry = GTK_EDITABLE (entry);
  g_signal_connect_data (dialog, "response", G_CALLBACK (open_response_cb), data,
                         (GClosureNotify) open_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* "Restore Backup as Draft…" */

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(PubDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *failure;

  draft = pub_dataset_backup_restore_finish (result, &error);
  if (draft != NULL)
    {
      /* Publishing it again is the undo of the deletion. */
      pub_draft_store_add (pub_draft_store_get_default (), draft);
      pub_new_dataset_window_open (parent, draft, NULL);
      return;
    }
  failure = adw_message_dialog_new (parent, _("The Backup Could Not Be Restored"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failure), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (failure));
}

static void
backup_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  GtkWindow       *parent)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (folder != NULL)
    pub_dataset_backup_restore_async (folder, NULL, restored_cb, parent != NULL ? g_object_ref (parent) : NULL);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
pub_dataset_restore_backup (GtkWindow *parent)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Backup Folder"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Restore as Draft"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (backup_chosen_cb), parent);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
