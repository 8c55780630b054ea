/* pub-check-csv.h: a streaming CSV tokenizer in bounded memory, and the
 * dialect sniffer
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *data;     /* not nul-terminated; valid during the callback only */
  guint32     len;
  gboolean    quoted;
} PubCsvCell;

typedef enum {
  PUB_CSV_RECORD_TOO_LONG   = 1 << 0,  /* cut at the record cap, rest of the line skipped */
  PUB_CSV_RECORD_UNTERMINATED = 1 << 1,  /* the file ended inside quotes */
  PUB_CSV_RECORD_STRAY_QUOTE = 1 << 2,  /* a quote inside an unquoted cell, or text after a closing quote */
} PubCsvRecordFlags;

/* record_number counts records from 1 (the header), as Frictionless does. */
typedef void (*PubCsvRecordFunc) (const PubCsvCell *cells,
                                  guint             n_cells,
                                  guint64           record_number,
                                  guint64           byte_offset,
                                  guint             flags,
                                  gpointer          user_data);

typedef enum {
  PUB_CSV_LINE_ENDING_NONE = 0,
  PUB_CSV_LINE_ENDING_LF   = 1 << 0,
  PUB_CSV_LINE_ENDING_CRLF = 1 << 1,
  PUB_CSV_LINE_ENDING_CR   = 1 << 2,
} PubCsvLineEnding;

typedef struct {
  char              delimiter;
  char              quote;        /* 0: no quoting */
  PubCsvLineEnding  line_endings; /* every kind seen in the sample */
  gboolean          header;       /* the first record looks like labels */
} PubCsvDialect;

typedef struct _PubCsvReader PubCsvReader;

/* max_record: bytes one record may take; longer ones are cut and flagged,
 * so a file with no line ends cannot eat memory. */
PubCsvReader *pub_csv_reader_new      (char              delimiter,
                                       char              quote,
                                       gsize             max_record,
                                       PubCsvRecordFunc  func,
                                       gpointer          user_data);
void          pub_csv_reader_feed     (PubCsvReader     *self,
                                       const char       *data,
                                       gsize             len);
/* Flushes a last record without a line end. */
void          pub_csv_reader_finish   (PubCsvReader     *self);
void          pub_csv_reader_free     (PubCsvReader     *self);
guint64       pub_csv_reader_get_n_records (PubCsvReader *self);
/* Record ends counted by kind: index 0 LF, 1 CRLF, 2 CR. */
const guint64 *pub_csv_reader_get_line_endings (PubCsvReader *self);
/* Between two records: nothing of a record seen, not inside quotes. */
gboolean      pub_csv_reader_at_record_start (PubCsvReader *self);
/* Where the next byte fed is (record offsets count from it). */
void          pub_csv_reader_set_offset (PubCsvReader   *self,
                                         guint64         offset);
/* Counts records and bytes read by another reader, as if fed here. */
void          pub_csv_reader_skip       (PubCsvReader   *self,
                                         guint64         n_records,
                                         guint64         n_bytes,
                                         const guint64  *line_endings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PubCsvReader, pub_csv_reader_free)

/* Looks at the start of a file: delimiter among , ; TAB |, the quote
 * character, line endings. */
void          pub_csv_sniff_dialect   (const char       *data,
                                       gsize             len,
                                       PubCsvDialect    *dialect);

G_END_DECLS
