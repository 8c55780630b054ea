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
  PUB_ENCODING_UTF16_LE,       /* recognised by its BOM; Excel's "Unicode text" */
  PUB_ENCODING_UTF16_BE,       /* recognised by its BOM */
} PubEncoding;

#define PUB_ENCODING_IS_UTF16(e) ((e) == PUB_ENCODING_UTF16_LE || (e) == PUB_ENCODING_UTF16_BE)

/* From the first bytes of a file. bom_len: bytes to skip. */
PubEncoding  pub_check_detect_encoding (const char *data,
                                        gsize       len,
                                        gsize      *bom_len);
/* The iconv name ("UTF-8", "WINDOWS-1252", "UTF-16LE", "UTF-16BE"). */
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

/* UTF-16 turned into UTF-8 as it streams by, so the CSV checks read it
 * like any other file. A unit pair split between two feeds is fine; a
 * lone surrogate becomes U+FFFD and is reported by its offset in the
 * file. Not GLib's g_utf16_to_utf8 (which stops at the first broken
 * unit) nor GCharsetConverter (which cannot say where it broke). */
typedef struct {
  gboolean  big_endian;
  gboolean  have_byte;     /* half a unit waits for its other byte */
  guint8    byte;
  guint16   high;          /* a high surrogate waits for its pair; 0: none */
  guint64   offset;        /* of the next byte fed */
  guint64   high_offset;
} PubUtf16Decoder;

void         pub_utf16_decoder_init        (PubUtf16Decoder      *d,
                                            gboolean              big_endian,
                                            guint64               start_offset);
/* Appends the UTF-8 to `out`. `func` may be NULL; it is called when
 * `out` holds the text decoded before the broken unit. */
void         pub_utf16_decoder_feed        (PubUtf16Decoder      *d,
                                            const char           *data,
                                            gsize                 len,
                                            GByteArray           *out,
                                            PubInvalidByteFunc    func,
                                            gpointer              user_data);
/* An odd last byte or a surrogate left alone at the end is broken. */
void         pub_utf16_decoder_finish      (PubUtf16Decoder      *d,
                                            GByteArray           *out,
                                            PubInvalidByteFunc    func,
                                            gpointer              user_data);

/* Appends Windows-1252 text to `out` as UTF-8; an undefined byte becomes
 * U+FFFD. */
void         pub_windows_1252_to_utf8      (const char           *data,
                                            gsize                 len,
                                            GByteArray           *out);

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
