/* pub-check-format.h: what kind of file this is, from its first bytes
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-validation-report.h"

G_BEGIN_DECLS

typedef enum {
  PUB_FORMAT_EMPTY,
  PUB_FORMAT_CSV,
  PUB_FORMAT_JSON,
  PUB_FORMAT_XLSX,
  PUB_FORMAT_ODS,
  PUB_FORMAT_XLS,
  PUB_FORMAT_PDF,
  PUB_FORMAT_IMAGE,
  PUB_FORMAT_ARCHIVE,
  PUB_FORMAT_BINARY,
} PubFileFormat;

/* `filename` only breaks ties (GIO's content type guess); the bytes decide.
 * `data` is the file's start: one that is only blank space (past a byte
 * order mark) is taken for an empty file. */
PubFileFormat pub_check_sniff_format     (const char    *filename,
                                          const guint8  *data,
                                          gsize          len);
const char   *pub_file_format_to_string  (PubFileFormat  format);
/* Translated, for people; _to_string is the identifier JSON carries. */
const char   *pub_file_format_to_label   (PubFileFormat  format);

G_END_DECLS
