/* pub-personal-data.h: which of a draft's files would make personal data
 * public, and what the person answered about them
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pub-check.h"
#include "pub-draft.h"

G_BEGIN_DECLS

/* The answers to "these files hold personal data and would be public". */
typedef enum {
  PUB_PERSONAL_DATA_REVIEW,          /* go back and look: nothing is sent */
  PUB_PERSONAL_DATA_PUBLISH_PRIVATE, /* the dataset goes private instead */
  PUB_PERSONAL_DATA_PUBLISH_ANYWAY,  /* public, with the person's yes recorded */
} PubPersonalDataChoice;

#define PUB_TYPE_PERSONAL_DATA_CHOICE (pub_personal_data_choice_get_type ())
GType      pub_personal_data_choice_get_type (void);

/* A file's findings, as saved on its PubDraftResource: an array of
 * {"column": name, "kind": "rut"|"email"|"phone"|"named", "count": n}
 * ("named": the column's name says it is personal; no count). NULL when
 * the checks found nobody. */
JsonNode  *pub_personal_data_findings_from_check (PubCheckResult *result);

/* One translated line per finding: "200 e-mail addresses in “correo”". */
GStrv      pub_personal_data_describe            (JsonNode       *findings);

/* The draft's files whose personal data would go public without a yes:
 * none when the dataset is to be private. PubDraftResource, in order. */
GPtrArray *pub_personal_data_dup_unanswered      (PubDraft       *draft);
gboolean   pub_personal_data_needs_answer        (PubDraft       *draft);

/* Records the answer in the draft, so a retry does not ask again:
 * PUBLISH_PRIVATE makes it private, PUBLISH_ANYWAY marks each file the
 * question named; REVIEW changes nothing. */
void       pub_personal_data_answer              (PubDraft       *draft,
                                                  PubPersonalDataChoice choice);

G_END_DECLS
