/* pub-publish-job.h: turns a draft into a dataset on the portal, resumably
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ckan-client.h"
#include "pub-draft-store.h"

G_BEGIN_DECLS

#define PUB_TYPE_PUBLISH_JOB (pub_publish_job_get_type ())

G_DECLARE_FINAL_TYPE (PubPublishJob, pub_publish_job, PUB, PUBLISH_JOB, GObject)

/* The steps: create the dataset private, upload each resource, then set the
 * chosen visibility. Each remote id lands in the draft and is saved (store:
 * may be NULL in tests) before the next step begins. Running a job again
 * on the same draft goes on from where the last one stopped: it looks up
 * what exists on the portal (by recorded id, then by name, adopted only if
 * this draft's own package_create made it: same creator, created since the
 * attempt, still private; resources by id, then by name and the size last
 * sent) and never creates a second dataset or resource. Files are read
 * again first: one changed since it was sent is replaced in place. The
 * portal ends up matching the draft even if it was edited in between: the
 * metadata goes with the final visibility change, renamed resources are
 * patched, ones this draft made but no longer holds are deleted (never
 * anyone else's), and the draft's order is applied. While the network is
 * down it waits for it. */
PubPublishJob  *pub_publish_job_new              (PubDraft      *draft,
                                                  CkanClient    *client,
                                                  PubDraftStore *store);
PubDraft       *pub_publish_job_get_draft        (PubPublishJob *self);
/* The job publishing `draft` now (from just before its state turns to
 * publishing until just before it turns back), wherever it was started:
 * a queue, or a window. NULL when none. */
PubPublishJob  *pub_publish_job_get_running      (PubDraft      *draft);

void            pub_publish_job_run_async        (PubPublishJob *self,
                                                  GCancellable  *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer       user_data);
/* On failure the draft's last error says, in words, which step and file
 * failed and what to do; the GError is the portal's (a 409 keeps its
 * per-field messages, see ckan_error_get_fields()). */
gboolean        pub_publish_job_run_finish       (PubPublishJob *self,
                                                  GAsyncResult  *result,
                                                  GError       **error);

/* Progress, all notified as they change. */
PubPublishStep  pub_publish_job_get_step         (PubPublishJob *self);
/* The resource being sent, or NULL. */
const char     *pub_publish_job_get_current_name (PubPublishJob *self);
double          pub_publish_job_get_file_fraction (PubPublishJob *self);
double          pub_publish_job_get_fraction     (PubPublishJob *self);
/* Bytes per second of the current upload; 0 when unknown. */
double          pub_publish_job_get_speed        (PubPublishJob *self);
/* Seconds until the last byte is sent; -1 when unknown. */
gint64          pub_publish_job_get_seconds_left (PubPublishJob *self);
gboolean        pub_publish_job_get_waiting_for_network (PubPublishJob *self);

/* How long (ms) the portal may stay silent, no byte moving and no answer,
 * before the job says it is "stalled". Tests shorten it. */
#define PUB_PUBLISH_JOB_STALL_TIMEOUT 10000
guint           pub_publish_job_get_stall_timeout (PubPublishJob *self);
void            pub_publish_job_set_stall_timeout (PubPublishJob *self,
                                                   guint          msec);
/* The portal has been silent for the stall timeout or longer (not while
 * waiting for the network); notified as it starts and ends. */
gboolean        pub_publish_job_get_stalled      (PubPublishJob *self);
/* For how long, in whole seconds, while stalled; 0 otherwise. */
guint           pub_publish_job_get_stalled_seconds (PubPublishJob *self);

G_END_DECLS
