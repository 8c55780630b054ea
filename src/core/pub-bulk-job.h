/* pub-bulk-job.h: many datasets of one organization made public, private or deleted
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ckan-client-datasets.h"

G_BEGIN_DECLS

#define PUB_TYPE_BULK_JOB (pub_bulk_job_get_type ())

G_DECLARE_FINAL_TYPE (PubBulkJob, pub_bulk_job, PUB, BULK_JOB, GObject)

/* CkanBulkAction as a GType, for properties. */
#define PUB_TYPE_BULK_ACTION (pub_bulk_action_get_type ())
GType pub_bulk_action_get_type (void) G_GNUC_CONST;

/* Whether CKAN 2.11 lets someone of `capacity` in an organization ("admin",
 * "editor", "member") run bulk_update_*: its auth functions ask for the
 * organization's "update" permission, which only admins (and sysadmins,
 * listed as admins of every organization) have. Editors may delete datasets
 * one by one, not in bulk. */
gboolean        pub_bulk_job_allowed_for  (const char          *capacity);

/* `ids`: dataset ids of the organization `org_id` (its id, not its name). */
PubBulkJob     *pub_bulk_job_new          (CkanClient          *client,
                                           CkanBulkAction       action,
                                           const char          *org_id,
                                           const char * const  *ids);
/* The reverse visibility change on the datasets `job` changed: its Undo.
 * NULL for a delete, which has no reverse in the API. */
PubBulkJob     *pub_bulk_job_new_reverse  (PubBulkJob          *job);

CkanBulkAction  pub_bulk_job_get_action   (PubBulkJob          *self);
const char     *pub_bulk_job_get_org_id   (PubBulkJob          *self);
/* Rows per bulk call (default 100): a call reindexes every dataset it
 * names, and a proxy cuts requests that take too long. */
void            pub_bulk_job_set_batch_size (PubBulkJob        *self,
                                           guint                batch_size);

/* Sends the ids in batches, one call at a time, and looks each batch up
 * afterwards: a failed call may have changed some datasets anyway (the
 * answer lost after the portal did the work), and a successful one may
 * have skipped some (CKAN 2.11 leaves drafts as they are). A failed call
 * stops the job. Afterwards every id is either done or not done, never
 * unknown. FALSE with the first error (PUB_CORE_ERROR_LEFT_UNCHANGED for
 * skipped ones) when anything is not done. */
void            pub_bulk_job_run_async    (PubBulkJob          *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean        pub_bulk_job_run_finish   (PubBulkJob          *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* After the run: the ids changed, and those not changed. */
const char * const *pub_bulk_job_get_done     (PubBulkJob      *self);
const char * const *pub_bulk_job_get_not_done (PubBulkJob      *self);

G_END_DECLS
