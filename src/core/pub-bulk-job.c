/* pub-bulk-job.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ckan-client-search.h"
#include "ckan-error.h"
#include "pub-bulk-job.h"
#include "pub-core-error.h"

#define DEFAULT_BATCH_SIZE 100

struct _PubBulkJob
{
  GObject         parent_instance;

  CkanClient     *client;
  CkanBulkAction  action;
  char           *org_id;
  GStrv           ids;
  guint           batch_size;

  guint           next;      /* index of the first id of the next batch */
  guint           batch_len;
  gboolean        batch_failed;
  GPtrArray      *done;      /* char*, NULL-terminated when handed out */
  GPtrArray      *not_done;
  GError         *error;
  gboolean        running;
};

G_DEFINE_FINAL_TYPE (PubBulkJob, pub_bulk_job, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (CkanBulkAction, pub_bulk_action,
  G_DEFINE_ENUM_VALUE (CKAN_BULK_MAKE_PRIVATE, "make-private"),
  G_DEFINE_ENUM_VALUE (CKAN_BULK_MAKE_PUBLIC, "make-public"),
  G_DEFINE_ENUM_VALUE (CKAN_BULK_DELETE, "delete"))

gboolean
pub_bulk_job_allowed_for (const char *capacity)
{
  return g_strcmp0 (capacity, "admin") == 0;
}

PubBulkJob *
pub_bulk_job_new (CkanClient          *client,
                  CkanBulkAction       action,
                  const char          *org_id,
                  const char * const  *ids)
{
  PubBulkJob *self;

  g_return_val_if_fail (CKAN_IS_CLIENT (client), NULL);
  g_return_val_if_fail (org_id != NULL, NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  self = g_object_new (PUB_TYPE_BULK_JOB, NULL);
  self->client = g_object_ref (client);
  self->action = action;
  self->org_id = g_strdup (org_id);
  self->ids = g_strdupv ((char **) ids);
  return self;
}

PubBulkJob *
pub_bulk_job_new_reverse (PubBulkJob *job)
{
  g_return_val_if_fail (PUB_IS_BULK_JOB (job), NULL);

  if (job->action == CKAN_BULK_DELETE)
    return NULL;
  return pub_bulk_job_new (job->client,
                           job->action == CKAN_BULK_MAKE_PUBLIC ? CKAN_BULK_MAKE_PRIVATE : CKAN_BULK_MAKE_PUBLIC,
                           job->org_id, pub_bulk_job_get_done (job));
}

CkanBulkAction
pub_bulk_job_get_action (PubBulkJob *self)
{
  g_return_val_if_fail (PUB_IS_BULK_JOB (self), CKAN_BULK_MAKE_PRIVATE);

  return self->action;
}

const char *
pub_bulk_job_get_org_id (PubBulkJob *self)
{
  g_return_val_if_fail (PUB_IS_BULK_JOB (self), NULL);

  return self->org_id;
}

void
pub_bulk_job_set_batch_size (PubBulkJob *self,
                             guint       batch_size)
{
  g_return_if_fail (PUB_IS_BULK_JOB (self));
  g_return_if_fail (batch_size > 0);

  self->batch_size = batch_size;
}

static const char * const *
terminated (GPtrArray *array)
{
  /* The arrays keep a trailing NULL so they read as string vectors. */
  return (const char * const *) array->pdata;
}

const char * const *
pub_bulk_job_get_done (PubBulkJob *self)
{
  g_return_val_if_fail (PUB_IS_BULK_JOB (self), NULL);

  return terminated (self->done);
}

const char * const *
pub_bulk_job_get_not_done (PubBulkJob *self)
{
  g_return_val_if_fail (PUB_IS_BULK_JOB (self), NULL);

  return terminated (self->not_done);
}

static void
add_id (GPtrArray  *array,
        const char *id)
{
  g_ptr_array_insert (array, array->len - 1, g_strdup (id));
}

static void send_batch (GTask *task);

static void
finish (GTask *task)
{
  PubBulkJob *self = g_task_get_source_object (task);

  /* What was never sent is not done either. */
  for (guint i = self->next; self->ids[i] != NULL; i++)
    add_id (self->not_done, self->ids[i]);
  self->next = g_strv_length (self->ids);
  self->running = FALSE;
  if (self->error != NULL)
    g_task_return_error (task, g_error_copy (self->error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Whether a dataset as the portal shows it now has had the change. */
static gboolean
changed (PubBulkJob  *self,
         CkanDataset *dataset)
{
  switch (self->action)
    {
    case CKAN_BULK_MAKE_PRIVATE:
      return ckan_dataset_get_private (dataset);
    case CKAN_BULK_MAKE_PUBLIC:
      return !ckan_dataset_get_private (dataset);
    case CKAN_BULK_DELETE:
    default:
      return g_strcmp0 (ckan_dataset_get_state (dataset), "deleted") == 0;
    }
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PubBulkJob *self = g_task_get_source_object (task);
  g_autoptr(CkanSearchResult) search = NULL;
  g_autoptr(GHashTable) changed_ids = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *datasets;

  /* Without an answer, nothing of the batch can be claimed as done. */
  search = ckan_client_package_search_finish (CKAN_CLIENT (object), result, NULL);
  datasets = search != NULL ? ckan_search_result_get_results (search) : NULL;
  for (guint i = 0; datasets != NULL && i < datasets->len; i++)
    if (changed (self, datasets->pdata[i]))
      g_hash_table_add (changed_ids, (gpointer) ckan_dataset_get_id (datasets->pdata[i]));
  for (guint i = self->next; i < self->next + self->batch_len; i++)
    {
      if (g_hash_table_contains (changed_ids, self->ids[i]))
        add_id (self->done, self->ids[i]);
      else
        {
          add_id (self->not_done, self->ids[i]);
          /* CKAN 2.11 answers success and leaves drafts as they are. */
          if (self->error == NULL)
            self->error = g_error_new_literal (PUB_CORE_ERROR, PUB_CORE_ERROR_LEFT_UNCHANGED,
                                               _("The portal left them as they were. Drafts can't be "
                                                 "made public, private or deleted with others: open "
                                                 "them one by one."));
        }
    }
  self->next += self->batch_len;
  if (self->batch_failed)
    finish (task);
  else
    send_batch (task);
}

/* After each call, the datasets are looked up: a failed call may still
 * have changed some, and a successful one may have skipped some. */
static void
check_batch (GTask *task)
{
  PubBulkJob *self = g_task_get_source_object (task);
  g_autoptr(CkanSearchParams) params = ckan_search_params_new ();
  g_autoptr(GString) clause = g_string_new ("id:(");

  for (guint i = self->next; i < self->next + self->batch_len; i++)
    g_string_append_printf (clause, "%s\"%s\"", i > self->next ? " OR " : "", self->ids[i]);
  g_string_append_c (clause, ')');
  ckan_search_params_add_filter (params, clause->str);
  ckan_search_params_set_include_private (params, TRUE);
  ckan_search_params_set_include_drafts (params, TRUE);
  ckan_search_params_set_include_deleted (params, self->action == CKAN_BULK_DELETE);
  ckan_search_params_set_rows (params, self->batch_len);
  /* Not cancellable: the person asked to stop, but must still learn
   * what was done. */
  ckan_client_package_search_async (self->client, params, NULL, checked_cb, g_object_ref (task));
}

static void
batch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PubBulkJob *self = g_task_get_source_object (task);
  GError *error = NULL;

  self->batch_failed = FALSE;
  if (!ckan_client_bulk_update_finish (CKAN_CLIENT (object), result, &error))
    {
      g_clear_error (&self->error);
      self->error = error;
      self->batch_failed = TRUE;
      /* Refused outright: the portal did nothing. */
      if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION))
        {
          finish (task);
          return;
        }
    }
  check_batch (task);
}

static void
send_batch (GTask *task)
{
  PubBulkJob *self = g_task_get_source_object (task);
  guint total = g_strv_length (self->ids);
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();

  if (self->next >= total)
    {
      finish (task);
      return;
    }
  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &self->error))
    {
      finish (task);
      return;
    }
  self->batch_len = MIN (self->batch_size, total - self->next);
  for (guint i = self->next; i < self->next + self->batch_len; i++)
    g_ptr_array_add (batch, self->ids[i]);
  g_ptr_array_add (batch, NULL);
  ckan_client_bulk_update_async (self->client, self->action, self->org_id,
                                 (const char * const *) batch->pdata,
                                 g_task_get_cancellable (task), batch_cb, g_object_ref (task));
}

void
pub_bulk_job_run_async (PubBulkJob          *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PUB_IS_BULK_JOB (self));
  g_return_if_fail (!self->running);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_bulk_job_run_async);
  /* The job reports its own cancellation, with what was done by then. */
  g_task_set_check_cancellable (task, FALSE);
  self->running = TRUE;
  send_batch (task);
}

gboolean
pub_bulk_job_run_finish (PubBulkJob    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
pub_bulk_job_finalize (GObject *object)
{
  PubBulkJob *self = PUB_BULK_JOB (object);

  g_clear_object (&self->client);
  g_clear_pointer (&self->org_id, g_free);
  g_clear_pointer (&self->ids, g_strfreev);
  g_clear_pointer (&self->done, g_ptr_array_unref);
  g_clear_pointer (&self->not_done, g_ptr_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (pub_bulk_job_parent_class)->finalize (object);
}

static void
pub_bulk_job_class_init (PubBulkJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pub_bulk_job_finalize;
}

static void
pub_bulk_job_init (PubBulkJob *self)
{
  self->batch_size = DEFAULT_BATCH_SIZE;
  self->done = g_ptr_array_new_with_free_func (g_free);
  self->not_done = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->done, NULL);
  g_ptr_array_add (self->not_done, NULL);
}
