/* pub-anonymize-private.h: the plan's insides, and the pipeline that
 * turns records into the copy's bytes
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pub-anonymize.h"
#include "pub-check-csv.h"

G_BEGIN_DECLS

struct _PubAnonymizePlan {
  gatomicrefcount  ref_count;
  GHashTable      *actions;   /* column label -> PubAnonymizeAction */
  GBytes          *key;
  char             delimiter;
};

typedef struct _PubAnonymizePipeline PubAnonymizePipeline;

/* Records go in (as a PubCsvRecordFunc) in file order; the copy's bytes
 * come out on `out` in the same order, transformed by worker threads. */
PubAnonymizePipeline *_pub_anonymize_pipeline_new    (PubAnonymizePlan     *plan,
                                                      char                  delimiter,
                                                      GOutputStream        *out,
                                                      GCancellable         *cancellable);
void                  _pub_anonymize_pipeline_record (const PubCsvCell     *cells,
                                                      guint                 n_cells,
                                                      guint64               record_number,
                                                      guint64               byte_offset,
                                                      guint                 flags,
                                                      gpointer              user_data);
/* Set once something failed (a missing column, a write): stop feeding. */
gboolean              _pub_anonymize_pipeline_failed (PubAnonymizePipeline *self);
gboolean              _pub_anonymize_pipeline_saw_header (PubAnonymizePipeline *self);
/* Waits for every batch and writes it; FALSE with the first error. */
gboolean              _pub_anonymize_pipeline_finish (PubAnonymizePipeline *self,
                                                      GError              **error);
void                  _pub_anonymize_pipeline_free   (PubAnonymizePipeline *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PubAnonymizePipeline, _pub_anonymize_pipeline_free)

G_END_DECLS
