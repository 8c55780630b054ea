/* pub-check-score.h: the 1–10 quality score, each point tied to a finding
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-validation-report.h"
#include "pub-check-format.h"
#include "pub-check-table.h"

G_BEGIN_DECLS

typedef enum {
  PUB_CRITERION_STRUCTURE,
  PUB_CRITERION_COMPLETENESS,
  PUB_CRITERION_COHERENCE,
  PUB_CRITERION_ACCESSIBILITY,
  PUB_CRITERION_CONSISTENCY,
  PUB_CRITERION_PRIVACY,
  PUB_N_CRITERIA,
} PubQualityCriterion;

/* One deduction: what was found, how much it cost, what to do about it. */
typedef struct {
  PubQualityCriterion  criterion;
  double               points;
  char                *finding;         /* stable id: "type-error", "mixed-decimal", ... */
  char                *field_name;      /* NULL when about the whole file */
  guint64              count;
  char                *recommendation;  /* a sentence in the user's language */
} PubQualityFinding;

#define PUB_TYPE_QUALITY_SCORE (pub_quality_score_get_type ())

G_DECLARE_FINAL_TYPE (PubQualityScore, pub_quality_score, PUB, QUALITY_SCORE, GObject)

/* Deterministic: the same file always gives the same score and findings.
 * stats is NULL for anything but CSV. */
PubQualityScore *pub_quality_score_compute       (PubFileFormat         format,
                                                  const PubCsvStats    *stats,
                                                  CkanValidationReport *report);
/* A score someone else computed (a portal's AI validation): `criteria`
 * holds PUB_N_CRITERIA values, < 0 where unknown; no findings. */
PubQualityScore *pub_quality_score_new_from_values (double               overall,
                                                    const double        *criteria);
/* 1.0 – 10.0, one decimal. */
double           pub_quality_score_get_overall   (PubQualityScore      *self);
double           pub_quality_score_get_criterion (PubQualityScore      *self,
                                                  PubQualityCriterion   criterion);
/* PubQualityFinding*, costliest first. */
GPtrArray       *pub_quality_score_get_findings  (PubQualityScore      *self);

const char      *pub_quality_criterion_to_string (PubQualityCriterion   criterion);
const char      *pub_quality_criterion_to_label  (PubQualityCriterion   criterion);

G_END_DECLS
