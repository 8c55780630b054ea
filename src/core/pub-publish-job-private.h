/* pub-publish-job-private.h: the job's state, shared by its steps
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pub-publish-job.h"

G_BEGIN_DECLS

typedef void (*StepFunc) (PubPublishJob *self);

struct _PubPublishJob
{
  GObject         parent_instance;

  PubDraft       *draft;
  CkanClient     *client;
  PubDraftStore  *store;

  GTask          *task;          /* while running */
  JsonObject     *dataset;       /* what the portal last said it holds */
  GHashTable     *claimed;       /* remote resource ids matched to ours */
  char           *user_id;       /* the client's user, asked once per run */
  char           *deleting;      /* the leftover resource being deleted */
  char           *replacing;     /* the resource whose file is being replaced */
  guint           index;         /* the resource being handled */
  StepFunc        resume;        /* what to do when the network is back */
  StepFunc        after_save;    /* what to do once the draft is written */
  gulong          network_handler;
  gulong          cancel_handler;

  PubPublishStep  step;
  char           *current_name;
  double          file_fraction;
  double          fraction;
  double          speed;
  gint64          seconds_left;
  gboolean        waiting;
  goffset         total_bytes;
  goffset         done_bytes;
  gint64          upload_started;
  goffset         last_sent;

  /* A portal that stops answering: how long it may stay silent (ms), when
   * it last did something, and what the person is told. */
  guint           stall_timeout;
  gint64          last_activity;
  guint           stall_source;
  gboolean        stalled;
  guint           stalled_seconds;
};

GCancellable *_pub_publish_job_job_cancellable (PubPublishJob  *self);
/* Bytes moved, or a request answered: the portal is not silent. */
void          _pub_publish_job_note_activity   (PubPublishJob  *self);
void          _pub_publish_job_set_step        (PubPublishJob  *self,
                                                PubPublishStep  step);
void          _pub_publish_job_set_current_name (PubPublishJob *self,
                                                const char     *name);
/* A dropped network is waited out (then `retry` runs); else the job stops. */
void          _pub_publish_job_handle_error    (PubPublishJob  *self,
                                                GError         *error,
                                                StepFunc        retry);
/* Saves the draft, then runs `next` (NULL: the job is done). */
void          _pub_publish_job_save_then       (PubPublishJob  *self,
                                                StepFunc        next);
void          _pub_publish_job_lookup_by_id    (PubPublishJob  *self);
/* Takes the portal's dataset as ours: its id and address go to the draft. */
void          _pub_publish_job_adopt_dataset   (PubPublishJob  *self,
                                                JsonNode       *node);
/* The draft's metadata as package_create/package_patch parameters. */
JsonObject   *_pub_publish_job_dataset_params  (PubDraft       *draft,
                                                gboolean        private);
/* Reads every file again, then goes through them from the first. */
void          _pub_publish_job_refresh_files   (PubPublishJob  *self);
void          _pub_publish_job_next_resource   (PubPublishJob  *self);
void          _pub_publish_job_set_visibility  (PubPublishJob  *self);

G_END_DECLS
