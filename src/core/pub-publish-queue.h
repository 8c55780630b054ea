/* pub-publish-queue.h: publications that wait for the network or an
 * account, and the one that runs
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ckan-client.h"
#include "pub-account-manager.h"
#include "pub-draft-store.h"
#include "pub-publish-job.h"

G_BEGIN_DECLS

#define PUB_TYPE_PUBLISH_QUEUE (pub_publish_queue_get_type ())

G_DECLARE_FINAL_TYPE (PubPublishQueue, pub_publish_queue, PUB, PUBLISH_QUEUE, GObject)

/* Runs one PubPublishJob at a time, first asked first run. A draft asked
 * to publish is marked queued (pub_draft_set_queued(), saved) until its
 * job ends, so one left waiting or cut short by a crash is taken up again
 * by the next queue over the same store. monitor: NULL for the default. */
PubPublishQueue *pub_publish_queue_new                (PubDraftStore     *store,
                                                       GNetworkMonitor   *monitor);
PubDraftStore   *pub_publish_queue_get_store          (PubPublishQueue   *self);

/* The client jobs use when the person gave none ("client"); with an
 * account manager, the current account's once its token is loaded. */
CkanClient      *pub_publish_queue_get_client         (PubPublishQueue   *self);
void             pub_publish_queue_set_client         (PubPublishQueue   *self,
                                                       CkanClient        *client);
void             pub_publish_queue_set_account_manager (PubPublishQueue  *self,
                                                       PubAccountManager *manager);
/* "auto-start" (the "publish-when-online" setting): whether a queued
 * draft starts by itself when the network and an account are there.
 * Without it, only pressing Publish while online starts one. */
gboolean         pub_publish_queue_get_auto_start     (PubPublishQueue   *self);
void             pub_publish_queue_set_auto_start     (PubPublishQueue   *self,
                                                       gboolean           auto_start);

/* "check-personal-data" (the setting of the same name): while on, a
 * draft whose files would make personal data public waits until the
 * person answers (see pub-personal-data.h), even with auto-start. */
gboolean         pub_publish_queue_get_check_personal_data (PubPublishQueue *self);
void             pub_publish_queue_set_check_personal_data (PubPublishQueue *self,
                                                            gboolean         check);
/* The draft waits in the queue for that answer. */
gboolean         pub_publish_queue_is_held_for_personal_data (PubPublishQueue *self,
                                                              PubDraft        *draft);

/* The person pressed Publish: the job starts now if it can, else the
 * draft waits in the queue. client: NULL for the queue's. */
void             pub_publish_queue_publish            (PubPublishQueue   *self,
                                                       PubDraft          *draft,
                                                       CkanClient        *client);
/* Signals: "job-started" (PubPublishJob *job) when a job begins, and
 * "job-finished" (PubPublishJob *job, GError *error or NULL) when it ends;
 * meanwhile the draft's "pub-publish-job" data holds the job, as the
 * wizard expects. */

/* Takes a waiting draft out of the queue, or cancels its running job. */
void             pub_publish_queue_cancel             (PubPublishQueue   *self,
                                                       PubDraft          *draft);
/* The job running for `draft` (NULL: whichever runs), or NULL. */
PubPublishJob   *pub_publish_queue_get_job            (PubPublishQueue   *self,
                                                       PubDraft          *draft);
gboolean         pub_publish_queue_is_waiting         (PubPublishQueue   *self,
                                                       PubDraft          *draft);
gboolean         pub_publish_queue_get_network_available (PubPublishQueue *self);

G_END_DECLS
