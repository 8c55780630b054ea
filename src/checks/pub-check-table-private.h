/* pub-check-table-private.h: the table checker's state, shared by its
 * row-by-row checks (pub-check-table.c) and the pieces a large file is
 * split into (pub-check-table-piece.c)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pub-check-rowset.h"
#include "pub-check-table.h"

G_BEGIN_DECLS

#define SAMPLE_ROWS 1000
#define CELL_CHARS  80
/* Each duplicate-row lookup is a cache miss in a big table: probes wait
 * DUP_DELAY rows after a prefetch, so memory works while rows are parsed. */
#define DUP_DELAY 32

typedef struct {
  guint64  hash;
  guint64  row;
} DupPending;

/* An encoding error and where it is in the text the reader sees (which
 * for UTF-16 is not its offset in the file). */
typedef struct {
  CkanValidationError *error;
  guint64              at;
} Unplaced;

typedef struct {
  CkanValidationError *error;
  guint                field;   /* 1-based */
} ClearCell;

typedef struct {
  guint64 n_nonempty;
  guint64 n_number;
  guint64 n_integer;
  guint64 n_date;
  guint64 n_bool;
  guint64 n_personal;        /* RUTs with separators, e-mails, phones */
  guint64 n_plain_ruts;
  guint64 n_plain_candidates;
} Sample;

struct _PubTableChecker
{
  CkanValidationReport *report;
  PubCsvReader         *reader;
  PubEncodingValidator  validator;
  gsize                 max_record;
  PubCsvStats           stats;
  Sample               *sample;       /* per column, during inference */
  guint                 sample_columns;
  gboolean              inferred;
  gboolean              header_seen;
  PubRowSet             dups;
  DupPending            pending[DUP_DELAY];
  guint                 n_pending;
  guint                 next;
  guint64               start_offset;   /* the BOM's length */
  PubUtf16Decoder       utf16;
  GByteArray           *decoded;        /* UTF-16 only: the last piece as UTF-8 */
  guint64               decoded_base;   /* UTF-8 bytes given to the reader before it */
  GQueue                unplaced;       /* Unplaced: encoding errors waiting for their row */
  guint64               last_row;
  guint64               last_row_offset;
  guint64               header_end;     /* where the second record starts; 0: unknown */
  /* Errors whose cell is shown as it is: masked at the end if their
   * column turns out to hold personal data (ClearCell). */
  GArray               *clear_cells;
  /* A piece of a split file: row hashes (0 for a blank row) in order,
   * compared for duplicates when the piece joins the whole. NULL for the
   * whole. */
  GArray               *hashes;
};

gboolean _pub_table_column_is_personal (const PubColumnStats *col);
void     _pub_table_checker_invalid_byte_cb (guint64  offset,
                                             gpointer user_data);
void     _pub_table_checker_place_encoding_errors (PubTableChecker *self,
                                                   guint64          next_offset);
void     _pub_table_checker_dup_queue  (PubTableChecker *self,
                                        guint64          hash,
                                        guint64          row);
void     _pub_table_checker_dup_rows   (PubTableChecker *self,
                                        const guint64   *hashes,
                                        gsize            n,
                                        guint64          first_row);
void     _pub_table_checker_report_personal (PubTableChecker *self);
void     _pub_table_checker_mask_clear_cells (PubTableChecker *self);

G_END_DECLS
