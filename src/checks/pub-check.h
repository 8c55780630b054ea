/* pub-check.h: check a data file before upload (the entry point)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ckan-validation-report.h"
#include "pub-check-format.h"
#include "pub-check-score.h"
#include "pub-check-table.h"

G_BEGIN_DECLS

typedef struct {
  gsize   max_record;      /* bytes one CSV record may take; 0: 1 MiB */
  guint   error_cap;       /* errors kept per type; 0: 1000 */
  /* Threads one large CSV file is split between; 0: one per processor,
   * 1: read in one go. The report is the same whatever the number. */
  guint   threads;
  gsize   piece_size;      /* bytes per piece when split; 0: 16 MiB */
} PubCheckOptions;

/* fraction: 0.0 – 1.0. Called on the thread-default main context of the
 * caller of pub_check_file_async, at most ten times a second. */
typedef void (*PubCheckProgressFunc) (double   fraction,
                                      gpointer user_data);

#define PUB_TYPE_CHECK_RESULT (pub_check_result_get_type ())

G_DECLARE_FINAL_TYPE (PubCheckResult, pub_check_result, PUB, CHECK_RESULT, GObject)

CkanValidationReport *pub_check_result_get_report   (PubCheckResult *self);
PubQualityScore      *pub_check_result_get_score    (PubCheckResult *self);
PubFileFormat         pub_check_result_get_format   (PubCheckResult *self);
/* CSV only; NULL otherwise. Column types, empty shares, dialect, encoding. */
const PubCsvStats    *pub_check_result_get_stats    (PubCheckResult *self);
/* The file checked; NULL for pub_check_data. */
GFile                *pub_check_result_get_file     (PubCheckResult *self);
/* TRUE when the file is text but not UTF-8: offer
 * pub_check_write_utf8_copy_async (see pub-check-encoding.h). */
gboolean              pub_check_result_wants_utf8_copy (PubCheckResult *self);

/* Reads the file once, in a worker thread, in bounded memory (a few MiB
 * whatever its size). Cancelling stops it within one read. options may be
 * NULL. */
void            pub_check_file_async  (GFile                *file,
                                       const PubCheckOptions *options,
                                       PubCheckProgressFunc  progress,
                                       gpointer              progress_data,
                                       GDestroyNotify        progress_destroy,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
PubCheckResult *pub_check_file_finish (GAsyncResult         *result,
                                       GError              **error);

/* The same, blocking: for worker threads, tools and tests. progress is
 * called in the calling thread. */
PubCheckResult *pub_check_file_sync   (GFile                *file,
                                       const PubCheckOptions *options,
                                       PubCheckProgressFunc  progress,
                                       gpointer              progress_data,
                                       GCancellable         *cancellable,
                                       GError              **error);
/* Checks bytes in memory (tests, the fuzzer). filename may be NULL. */
PubCheckResult *pub_check_data        (const char           *data,
                                       gsize                 len,
                                       const char           *filename,
                                       const PubCheckOptions *options);

G_END_DECLS
