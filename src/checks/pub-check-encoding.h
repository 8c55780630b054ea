/* pub-check-encoding.h: which encoding a file uses, where it breaks, and a
 * UTF-8 copy
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  PUB_ENCODING_UTF8,
  PUB_ENCODING_UTF8_BOM,
  PUB_ENCODING_WINDOWS_1252,   /* also covers Latin-1 */
  PUB_ENCODING_UTF16,          /* recognised by its BOM, not checked */
} PubEncoding;

/* From the first bytes of a file. bom_len: bytes to skip. */
PubEncoding  pub_check_detect_encoding (const char *data,
                                        gsize       len,
                                        gsize      *bom_len);
/* The iconv name ("UTF-8", "WINDOWS-1252", "UTF-16"). */
const char  *pub_encoding_to_charset   (PubEncoding encoding);

typedef void (*PubInvalidByteFunc) (guint64  offset,
                                    gpointer user_data);

/* Checks bytes as they stream by; a sequence split between two feeds is
 * fine. Windows-1252: only the five undefined bytes are invalid. */
typedef struct {
  PubEncoding encoding;
  guint8      need;        /* continuation bytes still expected */
  guint8      lo, hi;      /* the range of the next continuation byte */
  guint64     offset;      /* of the next byte fed */
  guint64     seq_start;
  guint64     n_invalid;
  guint64     n_multibyte;  /* well-formed non-ASCII sequences */
  gboolean    non_ascii;
} PubEncodingValidator;

void         pub_encoding_validator_init   (PubEncodingValidator *v,
                                            PubEncoding           encoding,
                                            guint64               start_offset);
void         pub_encoding_validator_feed   (PubEncodingValidator *v,
                                            const char           *data,
                                            gsize                 len,
                                            PubInvalidByteFunc    func,
                                            gpointer              user_data);
/* A sequence cut off by the end of the file counts as invalid. */
void         pub_encoding_validator_finish (PubEncodingValidator *v,
                                            PubInvalidByteFunc    func,
                                            gpointer              user_data);

/* Converts a cell for display: valid UTF-8, at most max_chars characters. */
char        *pub_encoding_cell_to_utf8     (const char           *data,
                                            gsize                 len,
                                            PubEncoding           encoding,
                                            guint                 max_chars);

/* Writes a UTF-8 copy of `source` (no BOM), streaming, in a worker
 * thread, as `dest` or, when that name is taken, as "dest-2", "dest-3"...:
 * an existing file is never replaced. The copy appears whole: a
 * half-written file never takes its name. Bytes that cannot be converted
 * become U+FFFD. Finish returns the file written, NULL on error. */
void         pub_check_write_utf8_copy_async  (GFile               *source,
                                               PubEncoding          encoding,
                                               GFile               *dest,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GFile       *pub_check_write_utf8_copy_finish (GAsyncResult        *result,
                                               GError             **error);
/* "datos.csv" -> "datos-utf8.csv" beside it. */
GFile       *pub_check_utf8_copy_destination  (GFile               *source);

G_END_DECLS
