/* pub-check-table.h: the checks of a CSV table, fed as it streams by
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-validation-report.h"
#include "pub-check-cell.h"
#include "pub-check-csv.h"
#include "pub-check-encoding.h"

G_BEGIN_DECLS

typedef enum {
  PUB_COLUMN_TEXT,
  PUB_COLUMN_INTEGER,
  PUB_COLUMN_NUMBER,
  PUB_COLUMN_DATE,
  PUB_COLUMN_BOOLEAN,
} PubColumnType;

typedef struct {
  char          *name;              /* UTF-8; "field3" for a blank label */
  PubColumnType  type;              /* inferred from the first rows */
  guint64        n_empty;
  guint64        n_type_errors;
  guint64        n_decimal_comma;   /* 12,5 and 1.234,56 */
  guint64        n_decimal_dot;     /* 12.5 and 1,234.5 */
  guint64        n_date[3];         /* dd-mm-yyyy, dd/mm/yyyy, yyyy-mm-dd */
  guint64        n_bool_es;
  guint64        n_bool_en;
  guint64        n_personal[PUB_N_PERSONAL_KINDS];
  guint64        n_plain_candidates;/* 8-9 digit values that could be RUTs */
  guint64        n_anonymized;      /* in a column named personal: pseudonyms and generalised values */
  guint          n_examples;
  char          *examples[4];       /* at most 3, masked, NULL-terminated */
  const char    *personal_label;    /* the word of the header that names personal data */
  /* The first row from which every cell of the column is masked in the
   * report (its name, its first rows or a value since said it holds
   * personal data); 0: not yet. */
  guint64        masked_from_row;
} PubColumnStats;

typedef struct {
  PubEncoding     encoding;
  PubCsvDialect   dialect;
  guint64         bytes;
  guint64         n_rows;           /* data rows, blank ones included */
  guint64         n_cells;          /* data cells inside the header's width */
  guint64         n_blank_rows;
  guint64         n_duplicate_rows;
  guint64         n_short_rows;
  guint64         n_long_rows;
  guint64         n_too_long_records;
  guint64         n_stray_quotes;
  guint64         n_invalid_bytes;
  guint64         line_endings[3];  /* LF, CRLF, CR */
  gboolean        unterminated_quote;
  gboolean        duplicates_limited; /* the duplicate set filled up */
  gboolean        header_blank;
  gboolean        header_missing;
  gboolean        no_data_rows;     /* column names, and nothing (or only blank rows) below */
  guint           n_blank_labels;
  guint           n_duplicate_labels;
  guint           n_columns;
  PubColumnStats *columns;
} PubCsvStats;

typedef struct _PubTableChecker PubTableChecker;

/* Errors go into `report` (which it keeps a reference to). */
PubTableChecker   *pub_table_checker_new       (PubEncoding            encoding,
                                                const PubCsvDialect   *dialect,
                                                gsize                  max_record,
                                                CkanValidationReport  *report);
/* Infers the column types from the start of the data (after any BOM). */
void               pub_table_checker_infer     (PubTableChecker       *self,
                                                const char            *sample,
                                                gsize                  len);
/* All the data after any BOM, in pieces of any size; offsets for encoding
 * errors count from `start_offset` (the BOM's length). */
void               pub_table_checker_feed      (PubTableChecker       *self,
                                                const char            *data,
                                                gsize                  len);
void               pub_table_checker_finish    (PubTableChecker       *self);
const PubCsvStats *pub_table_checker_get_stats (PubTableChecker       *self);
void               pub_table_checker_set_start_offset (PubTableChecker *self,
                                                       guint64          offset);
void               pub_table_checker_free      (PubTableChecker       *self);

/* One large file checked in pieces by several threads (pub-check-split.c).
 * The whole checker reads the header; each piece, a run of whole records
 * starting at `offset` (counted after any BOM), is checked by its own
 * checker, then joins the whole in file order as if the whole had read
 * it: the report is the same finding for finding. */
/* Where the header's record ends, as inference saw it; 0: unknown. */
guint64            pub_table_checker_get_header_end   (PubTableChecker *self);
/* TRUE between two records (not inside quotes, nothing pending). */
gboolean           pub_table_checker_at_record_start  (PubTableChecker *self);
PubTableChecker   *pub_table_checker_new_piece        (PubTableChecker *whole,
                                                       guint64          offset);
/* at_end: the piece ends the file. */
void               pub_table_checker_end_piece        (PubTableChecker *piece,
                                                       gboolean         at_end);
/* Only when the whole was between two records where the piece starts. */
void               pub_table_checker_merge_piece      (PubTableChecker *whole,
                                                       PubTableChecker *piece);
/* About how many rows the file has in all: room to compare them for
 * duplicates is made once rather than grown into. */
void               pub_table_checker_expect_rows      (PubTableChecker *self,
                                                       guint64          n_rows);

const char        *pub_column_type_to_string   (PubColumnType          type);
/* For people: "número entero", "fecha", ... */
const char        *pub_column_type_to_label    (PubColumnType          type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PubTableChecker, pub_table_checker_free)

G_END_DECLS
