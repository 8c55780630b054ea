/* pub-load-messages.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pub-load-messages.h"

/* The exception is the last line that says something. */
static const char *
last_line (const char  *text,
           gsize       *length)
{
  const char *end = text + strlen (text);

  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  for (const char *p = end; p > text; p--)
    if (p[-1] == '\n')
      {
        *length = end - p;
        return p;
      }
  *length = end - text;
  return text;
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  return strstr (haystack, needle) != NULL;
}

char *
pub_load_error_explain (const char *technical)
{
  g_autofree char *line = NULL;
  g_autofree char *lower = NULL;
  gsize length;
  const char *start;

  if (!technical || !*technical)
    return g_strdup (_("The portal could not load the file into the DataStore."));
  start = last_line (technical, &length);
  line = g_strndup (start, length);
  lower = g_ascii_strdown (line, -1);

  if (contains (lower, "more values than") || contains (lower, "extra value"))
    return g_strdup (_("A row has more values than the header has columns. Fix the file and upload it again."));
  if (contains (lower, "datatoobig") || contains (lower, "too large") || contains (lower, "too big"))
    return g_strdup (_("The file is larger than the portal loads into the DataStore."));
  if (contains (lower, "unicodedecode") || contains (lower, "codec") || contains (lower, "encoding"))
    return g_strdup (_("The portal could not read the file's characters. Save it as UTF-8 and upload it again."));
  if (contains (lower, "invalid input syntax") || contains (lower, "datatype") || contains (lower, "out of range"))
    return g_strdup (_("A value does not fit its column's type. Check the types in the data dictionary."));
  if (contains (lower, "httperror") || contains (lower, "could not fetch") || contains (lower, "connection") ||
      contains (lower, "timed out") || contains (lower, "timeout"))
    return g_strdup (_("The portal could not download the file to load it. Try again later."));
  if (contains (lower, "filecouldnotbeloaded") || contains (lower, "tabulator") || contains (lower, "format") ||
      contains (lower, "not an uploaded"))
    return g_strdup (_("The portal could not read the file as a table."));
  return g_strdup (_("The portal could not load the file into the DataStore."));
}

gboolean
pub_load_text_has_traceback (const char *text)
{
  return text && (strstr (text, "Traceback (most recent call last)") || strstr (text, "  File \""));
}

static void
append_line (GString    *out,
             const char *line,
             guint       max_columns)
{
  glong chars = g_utf8_strlen (line, -1);

  if ((guint) chars <= max_columns)
    g_string_append (out, line);
  else
    {
      const char *cut = g_utf8_offset_to_pointer (line, max_columns);

      g_string_append_len (out, line, cut - line);
      g_string_append (out, "…");
    }
  g_string_append_c (out, '\n');
}

char *
pub_load_log_cut (const char *text,
                  guint       max_lines,
                  guint       max_columns)
{
  g_auto(GStrv) lines = NULL;
  GString *out;
  guint n, head, tail;

  if (!text)
    return g_strdup ("");
  g_return_val_if_fail (max_lines >= 2 && max_columns > 0, NULL);

  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  while (n > 0 && !*lines[n - 1])
    n--;
  out = g_string_new (NULL);
  head = n <= max_lines ? n : (max_lines - 1) / 2;
  tail = n <= max_lines ? 0 : max_lines - 1 - head;
  for (guint i = 0; i < head; i++)
    append_line (out, lines[i], max_columns);
  if (n > max_lines)
    {
      guint left_out = n - head - tail;

      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "… %u line left out …",
                                                "… %u lines left out …", left_out), left_out);
      g_string_append_c (out, '\n');
      for (guint i = n - tail; i < n; i++)
        append_line (out, lines[i], max_columns);
    }
  if (out->len > 0)
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}
