/* pub-guess-format.c: a file's format name ("CSV", "XLSX"...), as the
 * portal lists it, from its name or its content type
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pub-draft-resource.h"

static const struct {
  const char *extension;
  const char *format;
} extension_formats[] = {
  { "csv", "CSV" }, { "tsv", "TSV" }, { "txt", "TXT" }, { "json", "JSON" },
  { "geojson", "GeoJSON" }, { "xml", "XML" }, { "xls", "XLS" },
  { "xlsx", "XLSX" }, { "ods", "ODS" }, { "pdf", "PDF" }, { "zip", "ZIP" },
  { "kml", "KML" }, { "kmz", "KMZ" }, { "shp", "SHP" }, { "parquet", "Parquet" },
  { "doc", "DOC" }, { "docx", "DOCX" }, { "odt", "ODT" }, { "rdf", "RDF" },
  { "html", "HTML" }, { "htm", "HTML" }, { "png", "PNG" }, { "jpg", "JPEG" },
  { "jpeg", "JPEG" }, { "gpkg", "GPKG" }, { "sav", "SAV" }, { "dta", "DTA" },
};

static const struct {
  const char *content_type;
  const char *format;
} content_type_formats[] = {
  { "text/csv", "CSV" }, { "text/tab-separated-values", "TSV" },
  { "application/json", "JSON" }, { "application/geo+json", "GeoJSON" },
  { "application/xml", "XML" }, { "text/xml", "XML" },
  { "application/vnd.ms-excel", "XLS" },
  { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX" },
  { "application/vnd.oasis.opendocument.spreadsheet", "ODS" },
  { "application/pdf", "PDF" }, { "application/zip", "ZIP" },
  { "text/html", "HTML" }, { "text/plain", "TXT" },
};

const char *
pub_guess_format (const char *filename,
                  const char *content_type)
{
  const char *dot = filename != NULL ? strrchr (filename, '.') : NULL;

  if (dot != NULL && strchr (dot, '/') == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (extension_formats); i++)
        {
          if (g_ascii_strcasecmp (dot + 1, extension_formats[i].extension) == 0)
            return extension_formats[i].format;
        }
    }

  if (content_type == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (content_type_formats); i++)
    {
      g_autofree char *mime = g_content_type_get_mime_type (content_type);

      if (g_strcmp0 (mime, content_type_formats[i].content_type) == 0 ||
          g_strcmp0 (content_type, content_type_formats[i].content_type) == 0)
        return content_type_formats[i].format;
    }
  return NULL;
}
