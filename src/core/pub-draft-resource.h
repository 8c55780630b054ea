/* pub-draft-resource.h: one file or link of a draft, and where it went
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pub-check.h"

G_BEGIN_DECLS

#define PUB_TYPE_DRAFT_RESOURCE (pub_draft_resource_get_type ())

G_DECLARE_FINAL_TYPE (PubDraftResource, pub_draft_resource, PUB, DRAFT_RESOURCE, GObject)

typedef enum {
  PUB_DRAFT_RESOURCE_FILE,
  PUB_DRAFT_RESOURCE_LINK,
} PubDraftResourceKind;

#define PUB_TYPE_DRAFT_RESOURCE_KIND (pub_draft_resource_kind_get_type ())
GType pub_draft_resource_kind_get_type (void);

/* Filled by the local checks (another module) once they exist; the draft
 * only carries the result so lists can show it. */
typedef enum {
  PUB_RESOURCE_CHECK_NONE,
  PUB_RESOURCE_CHECK_RUNNING,
  PUB_RESOURCE_CHECK_PASSED,
  PUB_RESOURCE_CHECK_WARNINGS,
  PUB_RESOURCE_CHECK_ERRORS,
} PubResourceCheckStatus;

#define PUB_TYPE_RESOURCE_CHECK_STATUS (pub_resource_check_status_get_type ())
GType pub_resource_check_status_get_type (void);

PubDraftResource    *pub_draft_resource_new_for_file   (GFile            *file);
PubDraftResource    *pub_draft_resource_new_link       (const char       *url);
PubDraftResource    *pub_draft_resource_new_from_json  (JsonObject       *object,
                                                        GError          **error);
JsonNode            *pub_draft_resource_to_json        (PubDraftResource *self);
PubDraftResource    *pub_draft_resource_copy           (PubDraftResource *self);

PubDraftResourceKind pub_draft_resource_get_kind       (PubDraftResource *self);
const char          *pub_draft_resource_get_path       (PubDraftResource *self);
GFile               *pub_draft_resource_dup_file       (PubDraftResource *self);
/* Puts another file in its place (a UTF-8 copy, say): what was read of
 * the old one is forgotten; a name that was the old file's own becomes
 * the new one's. Refresh it afterwards. Files only. */
void                 pub_draft_resource_set_file       (PubDraftResource *self,
                                                        GFile            *file);
const char          *pub_draft_resource_get_url        (PubDraftResource *self);
void                 pub_draft_resource_set_url        (PubDraftResource *self,
                                                        const char       *url);
const char          *pub_draft_resource_get_name       (PubDraftResource *self);
void                 pub_draft_resource_set_name       (PubDraftResource *self,
                                                        const char       *name);
const char          *pub_draft_resource_get_description (PubDraftResource *self);
void                 pub_draft_resource_set_description (PubDraftResource *self,
                                                        const char       *description);
const char          *pub_draft_resource_get_format     (PubDraftResource *self);
void                 pub_draft_resource_set_format     (PubDraftResource *self,
                                                        const char       *format);
const char          *pub_draft_resource_get_mimetype   (PubDraftResource *self);
gint64               pub_draft_resource_get_size       (PubDraftResource *self);
/* Seconds since the epoch, as the file system reported it. */
gint64               pub_draft_resource_get_mtime      (PubDraftResource *self);
/* Lower-case hex, or NULL until computed. */
const char          *pub_draft_resource_get_sha256     (PubDraftResource *self);
/* Why the file can't be used (vanished, unreadable), or why a link
 * can't (no address), or NULL. */
const char          *pub_draft_resource_get_problem    (PubDraftResource *self);

const char          *pub_draft_resource_get_remote_id  (PubDraftResource *self);
void                 pub_draft_resource_set_remote_id  (PubDraftResource *self,
                                                        const char       *remote_id);

PubResourceCheckStatus pub_draft_resource_get_check_status  (PubDraftResource *self);
const char          *pub_draft_resource_get_check_summary (PubDraftResource *self);
void                 pub_draft_resource_set_check_result  (PubDraftResource      *self,
                                                           PubResourceCheckStatus status,
                                                           const char            *summary);
/* The last local checks that finished on the file (report, score), so a
 * report can be shown again without reading the file; NULL until then.
 * Kept while a new check runs, and not saved with the draft. */
PubCheckResult      *pub_draft_resource_get_last_check    (PubDraftResource *self);
void                 pub_draft_resource_set_last_check    (PubDraftResource *self,
                                                           PubCheckResult   *result);

/* What the checks found of people in the file (see pub-personal-data.h
 * for its shape), or NULL: none found, or not checked. Saved with the
 * draft. Changing it withdraws the person's answer. */
JsonNode            *pub_draft_resource_get_personal_data (PubDraftResource *self);
void                 pub_draft_resource_set_personal_data (PubDraftResource *self,
                                                           JsonNode         *findings);
/* The person said to publish this file with its personal data. */
gboolean             pub_draft_resource_get_personal_data_accepted (PubDraftResource *self);
void                 pub_draft_resource_set_personal_data_accepted (PubDraftResource *self,
                                                                    gboolean          accepted);

/* Reads size and modification time and computes the SHA-256 in a worker
 * thread, then updates the resource on the caller's main context. Also
 * refines the format from the content type when the extension said
 * nothing. A file whose size and modification time (in seconds) are those
 * recorded with its hash is not read again. */
void                 pub_draft_resource_refresh_async  (PubDraftResource *self,
                                                        GCancellable     *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer          user_data);
gboolean             pub_draft_resource_refresh_finish (PubDraftResource *self,
                                                        GAsyncResult     *result,
                                                        GError          **error);

/* "CSV", "XLSX"...: from the file name's extension, else the content type;
 * NULL when neither says. */
const char          *pub_guess_format                  (const char       *filename,
                                                        const char       *content_type);

G_END_DECLS
