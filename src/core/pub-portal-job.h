/* pub-portal-job.h: a job the portal runs on a resource (its validation, its
 * DataStore load), read and followed until it ends
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ckan-client.h"
#include "ckan-load-status.h"
#include "ckan-validation-report.h"

G_BEGIN_DECLS

typedef enum {
  PUB_PORTAL_JOB_VALIDATION,   /* ckanext-validation: resource_validation_show/_run */
  PUB_PORTAL_JOB_XLOADER,      /* xloader_status/_submit */
  PUB_PORTAL_JOB_DATAPUSHER,   /* datapusher_status/_submit */
} PubPortalJobKind;

#define PUB_TYPE_PORTAL_JOB_KIND (pub_portal_job_kind_get_type ())
GType pub_portal_job_kind_get_type (void);

typedef enum {
  PUB_PORTAL_JOB_STATE_UNKNOWN,  /* not asked yet */
  PUB_PORTAL_JOB_STATE_NONE,     /* the portal never ran it on this resource */
  PUB_PORTAL_JOB_STATE_QUEUED,   /* created, submitting, pending */
  PUB_PORTAL_JOB_STATE_RUNNING,  /* running (running_but_viewable too) */
  PUB_PORTAL_JOB_STATE_DONE,     /* complete; a validation that found errors too */
  PUB_PORTAL_JOB_STATE_FAILED,   /* the job itself broke: a load error, a validation "error" */
} PubPortalJobState;

#define PUB_TYPE_PORTAL_JOB_STATE (pub_portal_job_state_get_type ())
GType pub_portal_job_state_get_type (void);

#define PUB_TYPE_PORTAL_JOB (pub_portal_job_get_type ())

G_DECLARE_FINAL_TYPE (PubPortalJob, pub_portal_job, PUB, PORTAL_JOB, GObject)

PubPortalJob         *pub_portal_job_new               (CkanClient        *client,
                                                        PubPortalJobKind   kind,
                                                        const char        *resource_id);
PubPortalJobKind      pub_portal_job_get_kind          (PubPortalJob      *self);
const char           *pub_portal_job_get_resource_id   (PubPortalJob      *self);
/* "state": what the last answer said; ::updated after every answer read. */
PubPortalJobState     pub_portal_job_get_state         (PubPortalJob      *self);
/* "busy": a run or follow is under way. */
gboolean              pub_portal_job_get_busy          (PubPortalJob      *self);
/* The last answer: the report of a validation, the status of a load; NULL
 * before one arrived or when there is none. */
CkanValidationReport *pub_portal_job_get_report        (PubPortalJob      *self);
CkanLoadStatus       *pub_portal_job_get_load_status   (PubPortalJob      *self);
/* When the portal last worked on it (finished, or created/updated); NULL
 * when unknown. */
GDateTime            *pub_portal_job_dup_last_attempt  (PubPortalJob      *self);

/* Polling waits `initial_ms` after the first answer, then half as long
 * again each time, never more than `max_ms` (defaults: 1 s and 15 s). */
void                  pub_portal_job_set_delays        (PubPortalJob      *self,
                                                        guint              initial_ms,
                                                        guint              max_ms);

/* One look: the status is read once. A job never run is not an error
 * (state NONE). */
void                  pub_portal_job_refresh_async     (PubPortalJob      *self,
                                                        GCancellable      *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer           user_data);
gboolean              pub_portal_job_refresh_finish    (PubPortalJob      *self,
                                                        GAsyncResult      *result,
                                                        GError           **error);
/* Reads the status until the job is over (DONE, FAILED or NONE), waiting
 * longer between reads as it goes. Cancelling stops following at once
 * (CKAN_ERROR_CANCELLED); the job goes on on the portal. */
void                  pub_portal_job_follow_async      (PubPortalJob      *self,
                                                        GCancellable      *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer           user_data);
gboolean              pub_portal_job_follow_finish     (PubPortalJob      *self,
                                                        GAsyncResult      *result,
                                                        GError           **error);
/* Asks the portal to run it again (resource_validation_run, or a submit
 * with ignore_hash so an unchanged file loads too), then follows it. */
void                  pub_portal_job_run_async         (PubPortalJob      *self,
                                                        GCancellable      *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer           user_data);
gboolean              pub_portal_job_run_finish        (PubPortalJob      *self,
                                                        GAsyncResult      *result,
                                                        GError           **error);

gboolean              pub_portal_job_state_is_final    (PubPortalJobState  state);
PubPortalJobState     pub_portal_job_state_from_validation (const char     *status);
PubPortalJobState     pub_portal_job_state_from_load   (CkanLoadState      state);
/* The wait after `delay_ms`: half as long again, at most `max_ms`. */
guint                 pub_portal_job_next_delay        (guint              delay_ms,
                                                        guint              max_ms);

G_END_DECLS
