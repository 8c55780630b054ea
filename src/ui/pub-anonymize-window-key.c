/* pub-anonymize-window-key.c: the organization's pseudonym key for the
 * anonymised copy: from the keyring, from a passphrase where there is no
 * keyring, exported to colleagues and imported from them
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-anonymize-window-private.h"
#include "pub-core-error.h"
#include "pub-pseudonym.h"
#include "pub-pseudonym-secret.h"

/* Short passphrases can be guessed even through 200 000 rounds. */
#define MIN_PASSPHRASE 12

static const char *
organization_of (PubAnonymizeWindow *self)
{
  const char *organization = pub_draft_get_field (self->draft, PUB_DRAFT_FIELD_OWNER_ORG);

  return organization != NULL && *organization != '\0' ? organization : NULL;
}

static const char *
portal_of (PubAnonymizeWindow *self)
{
  const char *portal = pub_draft_get_portal (self->draft);

  return portal != NULL ? portal : "";
}

static void
derive_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  char **parts = task_data;   /* passphrase, salt */

  g_task_return_pointer (task, pub_pseudonym_key_derive (parts[0], parts[1], PUB_PSEUDONYM_PASSPHRASE_ROUNDS),
                         (GDestroyNotify) g_bytes_unref);
}

static void
wipe_strv (gpointer data)
{
  char **parts = data;

  for (guint i = 0; parts[i] != NULL; i++)
    memset (parts[i], 0, strlen (parts[i]));
  g_strfreev (parts);
}

static void
derived_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  g_task_return_pointer (task, g_task_propagate_pointer (G_TASK (result), NULL), (GDestroyNotify) g_bytes_unref);
}

static void
passphrase_text_cb (GtkEditable      *entry,
                    AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "use",
                                           g_utf8_strlen (gtk_editable_get_text (entry), -1) >= MIN_PASSPHRASE);
}

static void
passphrase_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        GTask            *task)
{
  g_autoptr(GTask) owned = task;
  PubAnonymizeWindow *self = g_task_get_source_object (task);
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GTask) derive = NULL;
  char **parts;

  if (!g_str_equal (response, "use"))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      return;
    }
  parts = g_new0 (char *, 3);
  parts[0] = g_strdup (gtk_editable_get_text (entry));
  parts[1] = pub_pseudonym_passphrase_salt (organization_of (self));
  gtk_editable_set_text (entry, "");
  /* 200 000 rounds: a worker, not the main loop. */
  derive = g_task_new (self, NULL, derived_cb, g_steal_pointer (&owned));
  g_task_set_task_data (derive, parts, wipe_strv);
  g_task_run_in_thread (derive, derive_thread);
}

static void
ask_passphrase (GTask *task)
{
  PubAnonymizeWindow *self = g_task_get_source_object (task);
  GtkWidget *dialog, *entry;
  g_autofree char *body = NULL;

  body = g_strdup_printf (_("Publicador keeps each organization's pseudonym key in the keyring, and this "
                            "computer has none. Type the passphrase of “%s” instead, at least %d characters: "
                            "the same passphrase gives the same pseudonyms on every computer. Ask whoever "
                            "set it up in your institution."),
                          organization_of (self), MIN_PASSPHRASE);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("No Keyring on This Computer"), body);
  /* A plain entry with its text hidden: GTK 4.8's GtkPasswordEntry warns
   * about its caps-lock handler when its dialog goes away. */
  entry = gtk_entry_new ();
  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Passphrase"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "use", _("_Use Passphrase"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "use", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "use", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "use");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (passphrase_text_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (passphrase_response_cb), task);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GBytes *key = pub_pseudonym_secret_lookup_finish (result, &error);

  if (key != NULL)
    g_task_return_pointer (task, key, (GDestroyNotify) g_bytes_unref);
  else if (g_error_matches (error, PUB_CORE_ERROR, PUB_CORE_ERROR_NO_KEYRING))
    ask_passphrase (g_steal_pointer (&task));
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
_pub_anonymize_window_get_key_async (PubAnonymizeWindow  *self,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (task, _pub_anonymize_window_get_key_async);
  if (organization_of (self) == NULL)
    {
      g_task_return_new_error (task, PUB_CORE_ERROR, PUB_CORE_ERROR_FAILED, "%s",
                               _("Pseudonyms belong to an organization: choose the dataset's organization "
                                 "in the first step, or choose another action for those columns."));
      return;
    }
  pub_pseudonym_secret_lookup_async (portal_of (self), organization_of (self), TRUE, NULL,
                                     lookup_cb, g_steal_pointer (&task));
}

GBytes *
_pub_anonymize_window_get_key_finish (PubAnonymizeWindow  *self,
                                      GAsyncResult        *result,
                                      GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Export: warn, choose where, then write the file readable by its owner
 * only. */

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PubAnonymizeWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (object));

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    text = g_strdup_printf (_("The key could not be saved: %s"), error->message);
  else
    text = g_strdup_printf (_("Key saved in “%s”. Give it only to colleagues who anonymise this organization's data."),
                            name);
  _pub_anonymize_window_toast (self, text);
}

typedef struct {
  PubAnonymizeWindow *self;
  GFile              *file;
} ExportData;

static void
export_key_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr(PubAnonymizeWindow) self = data->self;
  g_autoptr(GFile) file = data->file;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) key = _pub_anonymize_window_get_key_finish (self, result, &error);
  g_autofree char *text = NULL;
  gsize len;

  g_free (data);
  if (key == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _pub_anonymize_window_toast (self, error->message);
      return;
    }
  text = pub_pseudonym_secret_export (organization_of (self), key);
  len = strlen (text);
  g_file_replace_contents_async (file, g_steal_pointer (&text), len, NULL, FALSE,
                                 G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                 NULL, exported_cb, g_object_ref (self));
}

static void
export_chosen_cb (GtkNativeDialog    *chooser,
                  int                 response,
                  PubAnonymizeWindow *self)
{
  g_autoptr(GFile) file = NULL;
  ExportData *data;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  data = g_new0 (ExportData, 1);
  data->self = g_object_ref (self);
  data->file = g_steal_pointer (&file);
  _pub_anonymize_window_get_key_async (self, export_key_cb, data);
}

static GtkFileChooserNative *
new_chooser (PubAnonymizeWindow   *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Pseudonym keys"));
  gtk_file_filter_add_suffix (filter, "key");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  return self->chooser;
}

static void
export_warning_cb (AdwMessageDialog   *dialog,
                   const char         *response,
                   PubAnonymizeWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "export"))
    return;
  chooser = new_chooser (self, _("Export Pseudonym Key"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  name = g_strdup_printf ("clave-seudonimos-%s.key", organization_of (self));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_pub_anonymize_window_export_key (PubAnonymizeWindow *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export the Pseudonym Key?"),
                                   _("Whoever holds this file can find out who is behind each pseudonym. Give it "
                                     "only to colleagues who anonymise this organization's data, keep it as you "
                                     "would keep the original data, and delete it once they have imported it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_warning_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Import: read, check whose it is, then keep it (asking first when it
 * replaces a different key). */

typedef struct {
  PubAnonymizeWindow *self;
  GBytes             *key;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_object_unref (data->self);
  g_bytes_unref (data->key);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportData, import_data_free)

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PubAnonymizeWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!pub_pseudonym_secret_store_finish (result, &error))
    text = g_strdup_printf (_("The key could not be kept: %s"), error->message);
  else
    text = g_strdup_printf (_("Key of “%s” imported: the pseudonyms made here now match your colleagues'."),
                            organization_of (self));
  _pub_anonymize_window_toast (self, text);
}

static void
store_key (ImportData *data)
{
  pub_pseudonym_secret_store_async (portal_of (data->self), organization_of (data->self), data->key, NULL,
                                    stored_cb, g_object_ref (data->self));
}

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ImportData       *data)
{
  g_autoptr(ImportData) owned = data;

  if (g_str_equal (response, "replace"))
    store_key (data);
}

static void
current_key_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ImportData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) current = pub_pseudonym_secret_lookup_finish (result, &error);
  GtkWidget *dialog;

  if (current == NULL || g_bytes_equal (current, data->key))
    {
      store_key (data);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (data->self), _("Replace This Computer's Key?"),
                                   _("This computer already has another key for this organization. Copies "
                                     "made here before will not match the pseudonyms made with the new key."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace Key"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (replace_response_cb), g_steal_pointer (&data));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PubAnonymizeWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *owner = NULL;
  g_autoptr(GBytes) key = NULL;
  ImportData *data;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, NULL, NULL, &error) ||
      (key = pub_pseudonym_secret_import (contents, &owner, &error)) == NULL)
    {
      _pub_anonymize_window_toast (self, error->message);
      return;
    }
  if (g_strcmp0 (owner, organization_of (self)) != 0)
    {
      g_autofree char *text = g_strdup_printf (_("This key belongs to “%s”, not to “%s”: it was not imported."),
                                               owner, organization_of (self));

      _pub_anonymize_window_toast (self, text);
      return;
    }
  data = g_new0 (ImportData, 1);
  data->self = g_object_ref (self);
  data->key = g_steal_pointer (&key);
  pub_pseudonym_secret_lookup_async (portal_of (self), organization_of (self), FALSE, NULL, current_key_cb, data);
}

static void
import_chosen_cb (GtkNativeDialog    *chooser,
                  int                 response,
                  PubAnonymizeWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_file_load_contents_async (file, NULL, import_loaded_cb, g_object_ref (self));
}

void
_pub_anonymize_window_import_key (PubAnonymizeWindow *self)
{
  GtkFileChooserNative *chooser;

  chooser = new_chooser (self, _("Import Pseudonym Key"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
