/* pub-ai-validation.h: a portal's AI validation of a resource (a 1–10
 * score, per criterion, and recommendations), wherever the portal puts it
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ckan-client.h"
#include "ckan-resource.h"
#include "pub-check-score.h"

G_BEGIN_DECLS

#define PUB_TYPE_AI_VALIDATION (pub_ai_validation_get_type ())

G_DECLARE_FINAL_TYPE (PubAiValidation, pub_ai_validation, PUB, AI_VALIDATION, GObject)

/* The resource fields read, in this order (docs/portal-services.md). */
extern const char * const pub_ai_validation_fields[];

/* What is accepted: an object with a score ("score", "overall_score",
 * "puntaje", "puntaje_total", "calificacion"; 1–10, or 0–100 scaled
 * down), optionally per criterion ("criteria"/"criterios"/"scores":
 * structure/estructura, completeness/completitud, coherence/coherencia,
 * accessibility/accesibilidad, consistency/consistencia,
 * privacy/privacidad) and recommendations ("recommendations"/
 * "recomendaciones": strings, or objects with "text", "message",
 * "recommendation", "recomendacion" or "descripcion"); or the same as a
 * JSON string. NULL when none of it is there. */
PubAiValidation    *pub_ai_validation_new_from_json     (JsonNode        *node);
/* From a field of the resource (pub_ai_validation_fields), or the flat
 * "ai_score" and "ai_recommendations"; NULL when it carries none. */
PubAiValidation    *pub_ai_validation_new_from_resource (CkanResource    *resource);

/* Calls `action` with resource_id; NULL without error when the portal has
 * no result for the resource (404). */
void                pub_ai_validation_fetch_async       (CkanClient          *client,
                                                         const char          *action,
                                                         const char          *resource_id,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
PubAiValidation    *pub_ai_validation_fetch_finish      (GAsyncResult        *result,
                                                         GError             **error);

/* 1–10; < 0 when the portal gave recommendations only. */
double              pub_ai_validation_get_score         (PubAiValidation     *self);
/* < 0 when not given. */
double              pub_ai_validation_get_criterion     (PubAiValidation     *self,
                                                         PubQualityCriterion  criterion);
const char * const *pub_ai_validation_get_recommendations (PubAiValidation   *self);
/* The score as the quality score widget shows it: unknown criteria < 0,
 * no findings (the recommendations are shown apart). NULL without score. */
PubQualityScore    *pub_ai_validation_to_score          (PubAiValidation     *self);

G_END_DECLS
