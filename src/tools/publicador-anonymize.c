/* publicador-anonymize.c: an anonymised copy of a CSV file from the command
 * line, for monthly scripts
 *
 *   publicador-anonymize -c rut=pseudonym -c nombre=drop FILE [-o OUT]
 *
 * The same transformation as the app's "Crear copia anonimizada…" (src/checks),
 * with the organization's pseudonym key from the keyring, from a key file
 * exported by the app, or derived from a passphrase read from a file (never
 * from the command line, where other users could read it).
 * Exit status: 0 the copy was written, 1 the request was wrong (a column or
 * key missing), 2 a file could not be read or written.
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "pub-anonymize.h"
#include "pub-core-error.h"
#include "pub-pseudonym.h"
#include "pub-pseudonym-secret.h"

enum {
  EXIT_WRITTEN = 0,
  EXIT_USAGE = 1,
  EXIT_IO = 2,
};

static gboolean
add_columns (PubAnonymizePlan  *plan,
             char             **columns,
             gboolean          *pseudonyms,
             GError           **error)
{
  for (guint i = 0; columns != NULL && columns[i] != NULL; i++)
    {
      const char *eq = strrchr (columns[i], '=');
      g_autofree char *name = NULL;
      PubAnonymizeAction action;

      if (eq == NULL || eq == columns[i] || !pub_anonymize_action_from_string (eq + 1, &action))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not COLUMN=ACTION, with ACTION one of drop, pseudonym, generalize or keep"),
                       columns[i]);
          return FALSE;
        }
      name = g_strndup (columns[i], eq - columns[i]);
      pub_anonymize_plan_set_action (plan, name, action);
      *pseudonyms |= action == PUB_ANONYMIZE_PSEUDONYMIZE;
    }
  return TRUE;
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GBytes *
keyring_key (const char  *portal,
             const char  *organization,
             GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pub_pseudonym_secret_lookup_async (portal, organization, FALSE, NULL, lookup_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return pub_pseudonym_secret_lookup_finish (result, error);
}

static GBytes *
find_key (const char  *key_file,
          const char  *passphrase_file,
          const char  *portal,
          const char  *organization,
          GError     **error)
{
  if (key_file != NULL)
    {
      g_autofree char *text = NULL;

      if (!g_file_get_contents (key_file, &text, NULL, error))
        return NULL;
      return pub_pseudonym_secret_import (text, NULL, error);
    }
  if (passphrase_file != NULL)
    {
      g_autofree char *passphrase = NULL;
      g_autofree char *salt = NULL;

      if (organization == NULL)
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("A passphrase needs --organization: each organization's pseudonyms differ"));
          return NULL;
        }
      if (!g_file_get_contents (passphrase_file, &passphrase, NULL, error))
        return NULL;
      g_strchomp (passphrase);
      salt = pub_pseudonym_passphrase_salt (organization);
      return pub_pseudonym_key_derive (passphrase, salt, PUB_PSEUDONYM_PASSPHRASE_ROUNDS);
    }
  if (organization != NULL && portal != NULL)
    return keyring_key (portal, organization, error);

  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Pseudonyms need the organization's key: give --key-file, or --portal and "
                         "--organization to read it from the keyring, or --passphrase-file"));
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PubAnonymizePlan) plan = pub_anonymize_plan_new ();
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GFile) written = NULL;
  g_auto(GStrv) columns = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *output = NULL;
  g_autofree char *key_file = NULL;
  g_autofree char *passphrase_file = NULL;
  g_autofree char *portal = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *written_name = NULL;
  gboolean comma = FALSE;
  gboolean pseudonyms = FALSE;
  const char *localedir = g_getenv ("PUBLICADOR_LOCALEDIR");
  GOptionEntry entries[] = {
    { "column", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &columns,
      N_("What to do with a column: drop, pseudonym, generalize or keep (repeat for each column)"),
      N_("COLUMN=ACTION") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the copy (default: FILE-anonimizado.csv beside FILE; an existing file is never replaced)"),
      N_("OUT") },
    { "comma", 0, 0, G_OPTION_ARG_NONE, &comma, N_("Separate the copy's columns with commas, whatever the original used"), NULL },
    { "key-file", 0, 0, G_OPTION_ARG_FILENAME, &key_file, N_("The organization's pseudonym key, as exported by Publicador"), N_("FILE") },
    { "portal", 0, 0, G_OPTION_ARG_STRING, &portal, N_("The portal whose organization's key is in the keyring"), N_("URL") },
    { "organization", 0, 0, G_OPTION_ARG_STRING, &organization, N_("The organization (its name on the portal)"), N_("NAME") },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("Derive the key from the passphrase in this file (for computers without a keyring)"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Writes an anonymised copy of a CSV file: each column named with --column is "
                                  "dropped, replaced by a stable pseudonym, generalised (an e-mail's domain, a "
                                  "phone's area code, a name's initials) or kept. The original is never changed."));
  g_option_context_set_description (context,
                                    _("Exit status: 0 when the copy was written, 1 when the request is wrong "
                                      "(a column or the key is missing), 2 when a file cannot be read or written."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("publicador-anonymize: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (files == NULL || files[0] == NULL || files[1] != NULL || columns == NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return EXIT_USAGE;
    }
  if (!add_columns (plan, columns, &pseudonyms, &error))
    {
      g_printerr ("publicador-anonymize: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (pseudonyms)
    {
      g_autoptr(GBytes) key = find_key (key_file, passphrase_file, portal, organization, &error);

      if (key == NULL)
        {
          g_printerr ("publicador-anonymize: %s\n", error->message);
          return g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ? EXIT_IO : EXIT_USAGE;
        }
      pub_anonymize_plan_set_key (plan, key);
    }
  if (comma)
    pub_anonymize_plan_set_delimiter (plan, ',');

  source = g_file_new_for_commandline_arg (files[0]);
  dest = output != NULL ? g_file_new_for_commandline_arg (output) : NULL;
  written = pub_anonymize_file_sync (source, dest, plan, NULL, NULL, NULL, &error);
  if (written == NULL)
    {
      g_autofree char *shown = g_filename_display_name (files[0]);

      g_printerr ("publicador-anonymize: %s: %s\n", shown, error->message);
      return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT) ? EXIT_USAGE : EXIT_IO;
    }
  written_name = g_file_get_parse_name (written);
  g_print (_("Anonymised copy written to %s\n"), written_name);
  return EXIT_WRITTEN;
}
