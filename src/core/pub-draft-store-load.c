/* pub-draft-store-load.c: reading the drafts folder (in the store's
 * worker): each file a draft, or a damaged placeholder that says why
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <time.h>

#include "pub-core-error.h"
#include "pub-draft-store-private.h"

/* `error` says what happened in a plain sentence; `detail`, when there
 * is more, what the system or the parser said. */
static PubDraft *
read_draft (const char  *path,
            char       **detail,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error_literal (error, PUB_CORE_ERROR, PUB_CORE_ERROR_CORRUPT,
                           _("The draft file can’t be read."));
      *detail = g_strdup (local_error->message);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, contents, length, &local_error))
    {
      g_set_error_literal (error, PUB_CORE_ERROR, PUB_CORE_ERROR_CORRUPT,
                           _("The draft file is damaged; its contents could not be recovered."));
      *detail = g_strdup (local_error->message);
      return NULL;
    }
  return pub_draft_new_from_json (json_parser_get_root (parser), error);
}

PubDraft *
pub_draft_store_read_file (const char *path,
                           GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *detail = NULL;
  PubDraft *draft = read_draft (path, &detail, &local_error);

  if (draft != NULL)
    return draft;
  if (detail != NULL)
    g_set_error (error, local_error->domain, local_error->code, "%s (%s)", local_error->message, detail);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static gboolean
is_stale_temporary (const char *directory,
                    const char *name)
{
  g_autofree char *path = NULL;
  GStatBuf st;

  /* g_file_set_contents_full() writes "<name>.json.XXXXXX" first; one left
   * behind by a crash is garbage (the draft itself is intact). */
  if (strstr (name, ".json.") == NULL)
    return FALSE;
  path = g_build_filename (directory, name, NULL);
  return g_stat (path, &st) == 0 && st.st_mtime < (time (NULL) - 60);
}

GPtrArray *
_pub_draft_store_load_directory (const char *directory,
                                 GError    **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  dir = g_dir_open (directory, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&drafts);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_autofree char *id = NULL;
      g_autofree char *detail = NULL;
      PubDraft *draft;

      if (is_stale_temporary (directory, name))
        {
          g_unlink (path);
          continue;
        }
      if (!g_str_has_suffix (name, ".json") || name[0] == '.')
        continue;

      id = g_strndup (name, strlen (name) - strlen (".json"));
      draft = read_draft (path, &detail, &local_error);
      if (draft == NULL)
        {
          draft = pub_draft_new_damaged (id, local_error->message, detail);
          g_clear_error (&local_error);
          g_clear_pointer (&detail, g_free);
        }
      else if (g_strcmp0 (pub_draft_get_id (draft), id) != 0)
        {
          g_autofree char *found = g_strdup_printf ("id “%s” in %s", pub_draft_get_id (draft), name);

          g_clear_object (&draft);
          draft = pub_draft_new_damaged (id, _("The draft file was renamed or copied by hand; "
                                               "its name does not match its contents."), found);
        }
      g_ptr_array_add (drafts, draft);
    }
  return g_steal_pointer (&drafts);
}
