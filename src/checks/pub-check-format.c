/* pub-check-format.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "pub-check-format.h"

static gboolean
starts_with (const guint8 *data,
             gsize         len,
             const char   *magic,
             gsize         magic_len)
{
  return len >= magic_len && memcmp (data, magic, magic_len) == 0;
}

static gboolean
contains (const guint8 *data,
          gsize         len,
          const char   *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (data[i] == (guint8) needle[0] && memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

PubFileFormat
pub_check_sniff_format (const char   *filename,
                        const guint8 *data,
                        gsize         len)
{
  g_autofree char *content_type = NULL;
  gsize skip = 0;

  if (!len)
    return PUB_FORMAT_EMPTY;
  if (starts_with (data, len, "%PDF", 4))
    return PUB_FORMAT_PDF;
  if (starts_with (data, len, "\x89PNG", 4) || starts_with (data, len, "\xFF\xD8\xFF", 3) ||
      starts_with (data, len, "GIF8", 4) || starts_with (data, len, "II*\0", 4) ||
      starts_with (data, len, "MM\0*", 4) || starts_with (data, len, "BM", 2) ||
      (starts_with (data, len, "RIFF", 4) && len >= 12 && memcmp (data + 8, "WEBP", 4) == 0))
    return PUB_FORMAT_IMAGE;
  if (starts_with (data, len, "\xD0\xCF\x11\xE0", 4))
    return PUB_FORMAT_XLS;
  if (starts_with (data, len, "PK\x03\x04", 4))
    {
      if (contains (data, MIN (len, 256), "application/vnd.oasis.opendocument.spreadsheet"))
        return PUB_FORMAT_ODS;
      if (contains (data, len, "xl/") || contains (data, len, "[Content_Types].xml"))
        return PUB_FORMAT_XLSX;
      return PUB_FORMAT_ARCHIVE;
    }
  if (starts_with (data, len, "\x1F\x8B", 2) || starts_with (data, len, "7z\xBC\xAF", 4) ||
      starts_with (data, len, "Rar!", 4))
    return PUB_FORMAT_ARCHIVE;
  if (starts_with (data, len, "\xFF\xFE", 2) || starts_with (data, len, "\xFE\xFF", 2))
    return len == 2 ? PUB_FORMAT_EMPTY : PUB_FORMAT_CSV;  /* UTF-16 text: the encoding check explains it */

  if (memchr (data, '\0', MIN (len, 8192)))
    {
      /* GIO knows many more formats by their magic. */
      content_type = g_content_type_guess (filename, data, len, NULL);
      if (content_type && g_content_type_is_a (content_type, "image/*"))
        return PUB_FORMAT_IMAGE;
      return PUB_FORMAT_BINARY;
    }

  if (starts_with (data, len, "\xEF\xBB\xBF", 3))
    skip = 3;
  while (skip < len && g_ascii_isspace (data[skip]))
    skip++;
  /* A byte order mark and blank lines or spaces hold nothing to check. */
  if (skip == len)
    return PUB_FORMAT_EMPTY;
  if (data[skip] == '[' || data[skip] == '{')
    return PUB_FORMAT_JSON;
  return PUB_FORMAT_CSV;
}

const char *
pub_file_format_to_string (PubFileFormat format)
{
  switch (format)
    {
    case PUB_FORMAT_EMPTY: return "empty";
    case PUB_FORMAT_CSV: return "csv";
    case PUB_FORMAT_JSON: return "json";
    case PUB_FORMAT_XLSX: return "xlsx";
    case PUB_FORMAT_ODS: return "ods";
    case PUB_FORMAT_XLS: return "xls";
    case PUB_FORMAT_PDF: return "pdf";
    case PUB_FORMAT_IMAGE: return "image";
    case PUB_FORMAT_ARCHIVE: return "archive";
    case PUB_FORMAT_BINARY: return "binary";
    default: return "unknown";
    }
}

/* For people: "hoja de cálculo Excel (.xlsx)", "archivo vacío", ... */
const char *
pub_file_format_to_label (PubFileFormat format)
{
  switch (format)
    {
    case PUB_FORMAT_EMPTY: return _("empty file");
    case PUB_FORMAT_CSV: return "CSV";
    case PUB_FORMAT_JSON: return "JSON";
    case PUB_FORMAT_XLSX: return _("Excel spreadsheet (.xlsx)");
    case PUB_FORMAT_ODS: return _("OpenDocument spreadsheet (.ods)");
    case PUB_FORMAT_XLS: return _("old Excel spreadsheet (.xls)");
    case PUB_FORMAT_PDF: return "PDF";
    case PUB_FORMAT_IMAGE: return _("image");
    case PUB_FORMAT_ARCHIVE: return _("compressed archive");
    case PUB_FORMAT_BINARY: return _("binary file");
    default: return _("unknown format");
    }
}
