/* pub-sibling-file.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* O_TMPFILE is a GNU extension of fcntl.h. */
#define _GNU_SOURCE 1

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pub-sibling-file.h"

#define MAX_NUMBERED 100

struct _PubSiblingFile {
  GFile         *dest;
  int            fd;
  char          *tmp_path;   /* the hidden name, when O_TMPFILE is missing */
  GOutputStream *out;
  gboolean       committed;
};

static char *
numbered_path (GFile *dest,
               guint  n)
{
  g_autofree char *path = g_file_get_path (dest);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  const char *dot = strrchr (name, '.');
  g_autofree char *numbered = NULL;

  if (n < 2)
    return g_steal_pointer (&path);
  if (dot != NULL && dot != name)
    numbered = g_strdup_printf ("%.*s-%u%s", (int) (dot - name), name, n, dot);
  else
    numbered = g_strdup_printf ("%s-%u", name, n);
  return g_build_filename (dir, numbered, NULL);
}

PubSiblingFile *
pub_sibling_file_new (GFile   *dest,
                      GError **error)
{
  g_autoptr(PubSiblingFile) self = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (G_IS_FILE (dest), NULL);

  path = g_file_get_path (dest);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Copies can only be written to folders on this computer"));
      return NULL;
    }
  dir = g_path_get_dirname (path);

  self = g_new0 (PubSiblingFile, 1);
  self->dest = g_object_ref (dest);
  self->fd = -1;
#ifdef O_TMPFILE
  self->fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
#endif
  if (self->fd < 0)
    {
      /* File systems without O_TMPFILE: a hidden name, removed on failure. */
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *hidden = g_strdup_printf (".%s.XXXXXX", name);

      self->tmp_path = g_build_filename (dir, hidden, NULL);
      self->fd = g_mkstemp_full (self->tmp_path, O_WRONLY | O_CLOEXEC, 0644);
      if (self->fd < 0)
        {
          int saved = errno;

          g_clear_pointer (&self->tmp_path, g_free);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not write in the folder “%s”: %s"), dir, g_strerror (saved));
          return NULL;
        }
    }
  self->out = g_unix_output_stream_new (self->fd, FALSE);
  return g_steal_pointer (&self);
}

GOutputStream *
pub_sibling_file_get_output_stream (PubSiblingFile *self)
{
  return self->out;
}

static gboolean
link_free_name (PubSiblingFile  *self,
                GFile          **written,
                GError         **error)
{
  g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", self->fd);

  for (guint n = 1; n < MAX_NUMBERED; n++)
    {
      g_autofree char *candidate = numbered_path (self->dest, n);
      int rc;

      /* link() and linkat() refuse an existing name, so a file someone
       * made meanwhile is never replaced (rename() would replace it). */
      if (self->tmp_path != NULL)
        rc = link (self->tmp_path, candidate);
      else
        rc = linkat (AT_FDCWD, proc, AT_FDCWD, candidate, AT_SYMLINK_FOLLOW);
      if (rc == 0)
        {
          *written = g_file_new_for_path (candidate);
          return TRUE;
        }
      if (errno != EEXIST)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not save “%s”: %s"), candidate, g_strerror (saved));
          return FALSE;
        }
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("Too many copies of this file are already in its folder"));
  return FALSE;
}

GFile *
pub_sibling_file_commit (PubSiblingFile  *self,
                         GCancellable    *cancellable,
                         GError         **error)
{
  g_autoptr(GFile) written = NULL;

  g_return_val_if_fail (self != NULL && !self->committed, NULL);

  if (!g_output_stream_flush (self->out, cancellable, error))
    return NULL;
  if (fsync (self->fd) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write the copy to disk: %s"), g_strerror (saved));
      return NULL;
    }
  if (!link_free_name (self, &written, error))
    return NULL;
  self->committed = TRUE;
  return g_steal_pointer (&written);
}

void
pub_sibling_file_free (PubSiblingFile *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->out);
  if (self->fd >= 0)
    close (self->fd);
  /* The hidden name goes either way: after a commit the file lives on under
   * its real name. */
  if (self->tmp_path != NULL)
    g_unlink (self->tmp_path);
  g_free (self->tmp_path);
  g_clear_object (&self->dest);
  g_free (self);
}

GFile *
pub_sibling_file_suffixed (GFile      *source,
                           const char *suffix)
{
  g_autofree char *name = g_file_get_basename (source);
  g_autoptr(GFile) parent = g_file_get_parent (source);
  const char *dot = strrchr (name, '.');
  g_autofree char *copy = NULL;

  if (dot != NULL && dot != name)
    copy = g_strdup_printf ("%.*s-%s%s", (int) (dot - name), name, suffix, dot);
  else
    copy = g_strdup_printf ("%s-%s", name, suffix);
  return parent != NULL ? g_file_get_child (parent, copy) : g_file_new_for_path (copy);
}
