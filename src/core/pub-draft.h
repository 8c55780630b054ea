/* pub-draft.h: a dataset being prepared on this computer, and how far its
 * publication got
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pub-anonymize.h"
#include "pub-draft-resource.h"

G_BEGIN_DECLS

#define PUB_TYPE_DRAFT (pub_draft_get_type ())

G_DECLARE_FINAL_TYPE (PubDraft, pub_draft, PUB, DRAFT, GObject)

#define PUB_DRAFT_SCHEMA_VERSION 1

/* The dataset fields, named as CKAN names them. "visibility" is "public" or
 * "private" (CKAN's boolean "private"), unset until the person chooses. Any
 * other lower-case key is kept too (a portal schema's extra fields). */
#define PUB_DRAFT_FIELD_TITLE        "title"
#define PUB_DRAFT_FIELD_NAME         "name"
#define PUB_DRAFT_FIELD_NOTES        "notes"
#define PUB_DRAFT_FIELD_AUTHOR       "author"
#define PUB_DRAFT_FIELD_AUTHOR_EMAIL "author_email"
#define PUB_DRAFT_FIELD_OWNER_ORG    "owner_org"
#define PUB_DRAFT_FIELD_VISIBILITY   "visibility"
#define PUB_DRAFT_FIELD_LICENSE      "license_id"
#define PUB_DRAFT_FIELD_FREQUENCY    "frequency"
#define PUB_DRAFT_FIELD_PERIOD       "period"
#define PUB_DRAFT_FIELD_SOURCE_URL   "url"
#define PUB_DRAFT_FIELD_VERSION      "version"
/* Not a text field: see pub_draft_get_tags(); named for validation. */
#define PUB_DRAFT_FIELD_TAGS         "tags"
#define PUB_DRAFT_FIELD_RESOURCES    "resources"

/* How far the publish job got; each step is recorded before the next. */
typedef enum {
  PUB_PUBLISH_STEP_NONE,
  PUB_PUBLISH_STEP_CREATE_DATASET,
  PUB_PUBLISH_STEP_UPLOAD_RESOURCES,
  PUB_PUBLISH_STEP_SET_VISIBILITY,
  PUB_PUBLISH_STEP_DONE,
} PubPublishStep;

#define PUB_TYPE_PUBLISH_STEP (pub_publish_step_get_type ())
GType pub_publish_step_get_type (void);

typedef enum {
  PUB_DRAFT_STATE_EDITING,     /* required fields missing */
  PUB_DRAFT_STATE_READY,       /* complete, not published yet */
  PUB_DRAFT_STATE_PUBLISHING,  /* a publish job runs now */
  PUB_DRAFT_STATE_FAILED,      /* a publish stopped: see the last error */
  PUB_DRAFT_STATE_PUBLISHED,
  PUB_DRAFT_STATE_DAMAGED,     /* the file on disk can't be read */
  PUB_DRAFT_STATE_QUEUED,      /* to be published when the network (or an
                                * account) is there: see PubPublishQueue */
} PubDraftState;

#define PUB_TYPE_DRAFT_STATE (pub_draft_state_get_type ())
GType pub_draft_state_get_type (void);

PubDraft       *pub_draft_new                 (void);
/* NULL with PUB_CORE_ERROR_CORRUPT when the JSON is not a draft, or one of a
 * newer schema than this version knows. Older schemas are migrated. */
PubDraft       *pub_draft_new_from_json       (JsonNode     *root,
                                               GError      **error);
JsonNode       *pub_draft_to_json             (PubDraft     *self);
/* A new draft with the same metadata and files, not yet published. */
PubDraft       *pub_draft_duplicate           (PubDraft     *self);
/* A placeholder for a file that could not be read, so it is listed (and can
 * be deleted) instead of silently vanishing. `reason`: a plain sentence
 * for people (its last error); `detail`: what the parser or the system
 * said, or NULL. */
PubDraft       *pub_draft_new_damaged         (const char   *id,
                                               const char   *reason,
                                               const char   *detail);
/* A damaged draft's technical reason, or NULL. */
const char     *pub_draft_get_damage_detail   (PubDraft     *self);

const char     *pub_draft_get_id              (PubDraft     *self);
gint64          pub_draft_get_created         (PubDraft     *self);
gint64          pub_draft_get_modified        (PubDraft     *self);
/* Bumped on every change; saved with the draft. */
guint64         pub_draft_get_revision        (PubDraft     *self);

const char     *pub_draft_get_field           (PubDraft     *self,
                                               const char   *field);
void            pub_draft_set_field           (PubDraft     *self,
                                               const char   *field,
                                               const char   *value);
/* The field names that hold a value, sorted. */
GStrv           pub_draft_dup_field_names     (PubDraft     *self);
const char * const *pub_draft_get_tags        (PubDraft     *self);
void            pub_draft_set_tags            (PubDraft     *self,
                                               const char * const *tags);
void            pub_draft_add_tag             (PubDraft     *self,
                                               const char   *tag);
void            pub_draft_remove_tag          (PubDraft     *self,
                                               const char   *tag);
/* The title to show in lists: the title, or "Untitled dataset". */
const char     *pub_draft_get_display_title   (PubDraft     *self);

/* The portal it is meant for (the account's base URL), or NULL. */
const char     *pub_draft_get_portal          (PubDraft     *self);
void            pub_draft_set_portal          (PubDraft     *self,
                                               const char   *portal);

/* A GListModel of PubDraftResource, in upload order. */
GListModel     *pub_draft_get_resources       (PubDraft     *self);
void            pub_draft_add_resource        (PubDraft     *self,
                                               PubDraftResource *resource);
void            pub_draft_remove_resource     (PubDraft     *self,
                                               PubDraftResource *resource);
void            pub_draft_move_resource       (PubDraft     *self,
                                               PubDraftResource *resource,
                                               guint         position);

/* What the portal last told us, kept so the editor works offline:
 * "organizations" [{name, title}], "licenses" [{id, title}]. */
JsonNode       *pub_draft_get_cache           (PubDraft     *self,
                                               const char   *key);
void            pub_draft_set_cache           (PubDraft     *self,
                                               const char   *key,
                                               JsonNode     *value);

/* The anonymised copy's choice for a column, by its label, so the same
 * columns in next month's file are offered the same way. `chosen` says
 * whether one was ever made (KEEP is returned otherwise). */
PubAnonymizeAction pub_draft_get_anonymize_action (PubDraft          *self,
                                                   const char        *column,
                                                   gboolean          *chosen);
void            pub_draft_set_anonymize_action (PubDraft           *self,
                                                const char         *column,
                                                PubAnonymizeAction  action);

/* Publish state. */
PubPublishStep  pub_draft_get_publish_step    (PubDraft     *self);
void            pub_draft_set_publish_step    (PubDraft     *self,
                                               PubPublishStep step);
const char     *pub_draft_get_remote_id       (PubDraft     *self);
void            pub_draft_set_remote_id       (PubDraft     *self,
                                               const char   *remote_id);
const char     *pub_draft_get_remote_url      (PubDraft     *self);
void            pub_draft_set_remote_url      (PubDraft     *self,
                                               const char   *url);
const char     *pub_draft_get_last_error      (PubDraft     *self);
void            pub_draft_set_last_error      (PubDraft     *self,
                                               const char   *message);
/* The publish job's own bookkeeping (as whom and when it created the
 * dataset, what each upload sent), saved with the draft and not copied by
 * pub_draft_duplicate(); NULL when unset. `value` is copied. */
JsonNode       *pub_draft_get_publish_record  (PubDraft     *self,
                                               const char   *key);
void            pub_draft_set_publish_record  (PubDraft     *self,
                                               const char   *key,
                                               JsonNode     *value);
/* Not saved: only true while a job runs in this process. */
gboolean        pub_draft_get_publishing      (PubDraft     *self);
void            pub_draft_set_publishing      (PubDraft     *self,
                                               gboolean      publishing);
/* Saved: the person asked to publish and the publication has not ended
 * (it waits, runs, or was interrupted by a crash), so it is picked up again
 * at the next start. */
gboolean        pub_draft_get_queued          (PubDraft     *self);
void            pub_draft_set_queued          (PubDraft     *self,
                                               gboolean      queued);
double          pub_draft_get_progress        (PubDraft     *self);
void            pub_draft_set_progress        (PubDraft     *self,
                                               double        fraction);

gboolean        pub_draft_is_damaged          (PubDraft     *self);
PubDraftState   pub_draft_get_state           (PubDraft     *self);

/* Field name -> translated message for every problem a person must fix
 * before publishing; empty when the draft is complete. */
GHashTable     *pub_draft_validate            (PubDraft     *self);
/* The translated problem with one field, or NULL. */
char           *pub_draft_check_field         (PubDraft     *self,
                                               const char   *field);

G_END_DECLS
