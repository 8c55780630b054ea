/* pub-portal-job.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-client-datastore.h"
#include "ckan-client-validation.h"
#include "pub-portal-job.h"

#define DEFAULT_INITIAL_MS 1000
#define DEFAULT_MAX_MS 15000
/* Right after a submit a portal may not show the job yet (xloader queues
 * it from a hook): that many "not found" answers are waited out. */
#define MAX_MISSING_AFTER_RUN 5

struct _PubPortalJob
{
  GObject               parent_instance;

  CkanClient           *client;
  PubPortalJobKind      kind;
  char                 *resource_id;
  PubPortalJobState     state;
  CkanValidationReport *report;
  CkanLoadStatus       *load_status;
  guint                 initial_ms;
  guint                 max_ms;
  guint                 busy;
};

G_DEFINE_FINAL_TYPE (PubPortalJob, pub_portal_job, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (PubPortalJobKind, pub_portal_job_kind,
  G_DEFINE_ENUM_VALUE (PUB_PORTAL_JOB_VALIDATION, "validation"),
  G_DEFINE_ENUM_VALUE (PUB_PORTAL_JOB_XLOADER, "xloader"),
  G_DEFINE_ENUM_VALUE (PUB_PORTAL_JOB_DATAPUSHER, "datapusher"))

G_DEFINE_ENUM_TYPE (PubPortalJobState, pub_portal_job_state,
  G_DEFINE_ENUM_VALUE (PUB_PORTAL_JOB_STATE_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (PUB_PORTAL_JOB_STATE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (PUB_PORTAL_JOB_STATE_QUEUED, "queued"),
  G_DEFINE_ENUM_VALUE (PUB_PORTAL_JOB_STATE_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (PUB_PORTAL_JOB_STATE_DONE, "done"),
  G_DEFINE_ENUM_VALUE (PUB_PORTAL_JOB_STATE_FAILED, "failed"))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_KIND,
  PROP_RESOURCE_ID,
  PROP_STATE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
pub_portal_job_state_is_final (PubPortalJobState state)
{
  return state == PUB_PORTAL_JOB_STATE_NONE || state == PUB_PORTAL_JOB_STATE_DONE ||
         state == PUB_PORTAL_JOB_STATE_FAILED;
}

PubPortalJobState
pub_portal_job_state_from_validation (const char *status)
{
  if (g_strcmp0 (status, "created") == 0)
    return PUB_PORTAL_JOB_STATE_QUEUED;
  if (g_strcmp0 (status, "running") == 0)
    return PUB_PORTAL_JOB_STATE_RUNNING;
  if (g_strcmp0 (status, "error") == 0)
    return PUB_PORTAL_JOB_STATE_FAILED;
  /* success, failure (the file has errors: the job did its work), or a
   * report without a status. */
  return PUB_PORTAL_JOB_STATE_DONE;
}

PubPortalJobState
pub_portal_job_state_from_load (CkanLoadState state)
{
  switch (state)
    {
    case CKAN_LOAD_STATE_RUNNING:
    case CKAN_LOAD_STATE_RUNNING_BUT_VIEWABLE:
      return PUB_PORTAL_JOB_STATE_RUNNING;
    case CKAN_LOAD_STATE_COMPLETE:
      return PUB_PORTAL_JOB_STATE_DONE;
    case CKAN_LOAD_STATE_ERROR:
      return PUB_PORTAL_JOB_STATE_FAILED;
    case CKAN_LOAD_STATE_UNKNOWN:
    case CKAN_LOAD_STATE_SUBMITTING:
    case CKAN_LOAD_STATE_PENDING:
    default:
      return PUB_PORTAL_JOB_STATE_QUEUED;
    }
}

guint
pub_portal_job_next_delay (guint delay_ms,
                           guint max_ms)
{
  guint64 next = (guint64) delay_ms + delay_ms / 2;

  return (guint) MIN (MAX (next, 1), (guint64) max_ms);
}

static CkanLoader
loader_of (PubPortalJob *self)
{
  return self->kind == PUB_PORTAL_JOB_DATAPUSHER ? CKAN_LOADER_DATAPUSHER : CKAN_LOADER_XLOADER;
}

static void
set_state (PubPortalJob      *self,
           PubPortalJobState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_busy (PubPortalJob *self,
          gboolean      busy)
{
  gboolean was = self->busy > 0;

  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;
  if (was != (self->busy > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* ---- One read of the status ---- */

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PubPortalJob *self = g_task_get_source_object (task);
  CkanClient *client = CKAN_CLIENT (source);
  g_autoptr(GError) error = NULL;
  PubPortalJobState state = self->state;

  if (self->kind == PUB_PORTAL_JOB_VALIDATION)
    {
      g_autoptr(CkanValidationReport) report = ckan_client_validation_show_finish (client, result, &error);

      if (report)
        {
          state = pub_portal_job_state_from_validation (ckan_validation_report_get_status (report));
          g_set_object (&self->report, report);
        }
    }
  else
    {
      g_autoptr(CkanLoadStatus) status = ckan_client_load_status_finish (client, result, &error);

      if (status)
        {
          state = pub_portal_job_state_from_load (ckan_load_status_get_state (status));
          g_set_object (&self->load_status, status);
        }
    }

  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND))
    {
      g_clear_object (&self->report);
      g_clear_object (&self->load_status);
      state = PUB_PORTAL_JOB_STATE_NONE;
    }
  else if (error)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  set_state (self, state);
  g_signal_emit (self, signals[UPDATED], 0);
  g_task_return_boolean (task, TRUE);
}

static void
read_async (PubPortalJob        *self,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, read_async);
  /* Cancelled calls end in CKAN_ERROR_CANCELLED, as the client's do. */
  g_task_set_check_cancellable (task, FALSE);
  if (self->kind == PUB_PORTAL_JOB_VALIDATION)
    ckan_client_validation_show_async (self->client, self->resource_id, cancellable, read_cb, task);
  else
    ckan_client_load_status_async (self->client, loader_of (self), self->resource_id, cancellable, read_cb, task);
}

static gboolean
read_finish (PubPortalJob  *self,
             GAsyncResult  *result,
             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
refresh_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PubPortalJob *self = PUB_PORTAL_JOB (source);
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!read_finish (self, result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
pub_portal_job_refresh_async (PubPortalJob        *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PUB_IS_PORTAL_JOB (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_portal_job_refresh_async);
  g_task_set_check_cancellable (task, FALSE);
  set_busy (self, TRUE);
  read_async (self, cancellable, refresh_read_cb, task);
}

gboolean
pub_portal_job_refresh_finish (PubPortalJob  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pub_portal_job_refresh_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Following ---- */

typedef struct {
  guint    delay_ms;
  guint    missing;
  gboolean after_run;
} Follow;

static void follow_read_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data);

static void
follow_end (GTask  *task,
            GError *error)
{
  PubPortalJob *self = g_task_get_source_object (task);

  set_busy (self, FALSE);
  if (error)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static gboolean
follow_wait_cb (gpointer user_data)
{
  GTask *task = user_data;
  PubPortalJob *self = g_task_get_source_object (task);

  /* The wait is cut short by a cancel (the cancellable is a child source);
   * it ends as a cancelled call does. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      follow_end (task, g_error_new_literal (CKAN_ERROR, CKAN_ERROR_CANCELLED, "Cancelled"));
      return G_SOURCE_REMOVE;
    }
  read_async (self, g_task_get_cancellable (task), follow_read_cb, task);
  return G_SOURCE_REMOVE;
}

static void
follow_wait (GTask *task)
{
  Follow *follow = g_task_get_task_data (task);
  g_autoptr(GSource) source = g_timeout_source_new (follow->delay_ms);
  GCancellable *cancellable = g_task_get_cancellable (task);
  PubPortalJob *self = g_task_get_source_object (task);

  if (cancellable)
    {
      g_autoptr(GSource) cancelled = g_cancellable_source_new (cancellable);

      g_source_set_dummy_callback (cancelled);
      g_source_add_child_source (source, cancelled);
    }
  g_source_set_static_name (source, "[publicador] portal job poll");
  g_source_set_callback (source, follow_wait_cb, task, NULL);
  g_source_attach (source, g_task_get_context (task));
  follow->delay_ms = pub_portal_job_next_delay (follow->delay_ms, self->max_ms);
}

static void
follow_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  PubPortalJob *self = PUB_PORTAL_JOB (source);
  Follow *follow = g_task_get_task_data (task);
  GError *error = NULL;

  if (!read_finish (self, result, &error))
    {
      follow_end (task, error);
      return;
    }
  if (self->state == PUB_PORTAL_JOB_STATE_NONE && follow->after_run && follow->missing++ < MAX_MISSING_AFTER_RUN)
    {
      follow_wait (task);
      return;
    }
  if (pub_portal_job_state_is_final (self->state))
    {
      follow_end (task, NULL);
      return;
    }
  follow_wait (task);
}

static GTask *
follow_task_new (PubPortalJob        *self,
                 gboolean             after_run,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data,
                 gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Follow *follow = g_new0 (Follow, 1);

  follow->delay_ms = self->initial_ms;
  follow->after_run = after_run;
  g_task_set_task_data (task, follow, g_free);
  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  set_busy (self, TRUE);
  return task;
}

void
pub_portal_job_follow_async (PubPortalJob        *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PUB_IS_PORTAL_JOB (self));

  task = follow_task_new (self, FALSE, cancellable, callback, user_data, pub_portal_job_follow_async);
  read_async (self, cancellable, follow_read_cb, task);
}

gboolean
pub_portal_job_follow_finish (PubPortalJob  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pub_portal_job_follow_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
submitted_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  PubPortalJob *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (self->kind == PUB_PORTAL_JOB_VALIDATION)
    ckan_client_validation_run_finish (self->client, result, &error);
  else
    ckan_client_load_submit_finish (self->client, result, &error);
  if (error)
    {
      follow_end (task, error);
      return;
    }
  /* What was shown belongs to the run before this one. */
  set_state (self, PUB_PORTAL_JOB_STATE_QUEUED);
  read_async (self, g_task_get_cancellable (task), follow_read_cb, task);
}

void
pub_portal_job_run_async (PubPortalJob        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PUB_IS_PORTAL_JOB (self));

  task = follow_task_new (self, TRUE, cancellable, callback, user_data, pub_portal_job_run_async);
  if (self->kind == PUB_PORTAL_JOB_VALIDATION)
    ckan_client_validation_run_async (self->client, self->resource_id, cancellable, submitted_cb, task);
  else
    ckan_client_load_submit_async (self->client, loader_of (self), self->resource_id, TRUE,
                                   cancellable, submitted_cb, task);
}

gboolean
pub_portal_job_run_finish (PubPortalJob  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pub_portal_job_run_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Getters ---- */

PubPortalJob *
pub_portal_job_new (CkanClient       *client,
                    PubPortalJobKind  kind,
                    const char       *resource_id)
{
  g_return_val_if_fail (CKAN_IS_CLIENT (client), NULL);
  g_return_val_if_fail (resource_id != NULL, NULL);

  return g_object_new (PUB_TYPE_PORTAL_JOB, "client", client, "kind", kind, "resource-id", resource_id, NULL);
}

PubPortalJobKind
pub_portal_job_get_kind (PubPortalJob *self)
{
  g_return_val_if_fail (PUB_IS_PORTAL_JOB (self), PUB_PORTAL_JOB_VALIDATION);
  return self->kind;
}

const char *
pub_portal_job_get_resource_id (PubPortalJob *self)
{
  g_return_val_if_fail (PUB_IS_PORTAL_JOB (self), NULL);
  return self->resource_id;
}

PubPortalJobState
pub_portal_job_get_state (PubPortalJob *self)
{
  g_return_val_if_fail (PUB_IS_PORTAL_JOB (self), PUB_PORTAL_JOB_STATE_UNKNOWN);
  return self->state;
}

gboolean
pub_portal_job_get_busy (PubPortalJob *self)
{
  g_return_val_if_fail (PUB_IS_PORTAL_JOB (self), FALSE);
  return self->busy > 0;
}

CkanValidationReport *
pub_portal_job_get_report (PubPortalJob *self)
{
  g_return_val_if_fail (PUB_IS_PORTAL_JOB (self), NULL);
  return self->report;
}

CkanLoadStatus *
pub_portal_job_get_load_status (PubPortalJob *self)
{
  g_return_val_if_fail (PUB_IS_PORTAL_JOB (self), NULL);
  return self->load_status;
}

GDateTime *
pub_portal_job_dup_last_attempt (PubPortalJob *self)
{
  GDateTime *when;

  g_return_val_if_fail (PUB_IS_PORTAL_JOB (self), NULL);

  if (self->load_status)
    {
      when = ckan_load_status_get_last_updated (self->load_status);
      return when ? g_date_time_ref (when) : NULL;
    }
  if (!self->report)
    return NULL;
  when = ckan_parse_timestamp (ckan_validation_report_get_finished (self->report));
  if (!when)
    when = ckan_parse_timestamp (ckan_validation_report_get_created (self->report));
  return when;
}

void
pub_portal_job_set_delays (PubPortalJob *self,
                           guint         initial_ms,
                           guint         max_ms)
{
  g_return_if_fail (PUB_IS_PORTAL_JOB (self));

  self->initial_ms = MAX (initial_ms, 1);
  self->max_ms = MAX (max_ms, self->initial_ms);
}

static void
pub_portal_job_finalize (GObject *object)
{
  PubPortalJob *self = PUB_PORTAL_JOB (object);

  g_clear_object (&self->client);
  g_clear_object (&self->report);
  g_clear_object (&self->load_status);
  g_clear_pointer (&self->resource_id, g_free);

  G_OBJECT_CLASS (pub_portal_job_parent_class)->finalize (object);
}

static void
pub_portal_job_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PubPortalJob *self = PUB_PORTAL_JOB (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_RESOURCE_ID:
      g_value_set_string (value, self->resource_id);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_portal_job_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PubPortalJob *self = PUB_PORTAL_JOB (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_RESOURCE_ID:
      self->resource_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_portal_job_class_init (PubPortalJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pub_portal_job_finalize;
  object_class->get_property = pub_portal_job_get_property;
  object_class->set_property = pub_portal_job_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, CKAN_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, PUB_TYPE_PORTAL_JOB_KIND, PUB_PORTAL_JOB_VALIDATION,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESOURCE_ID] =
    g_param_spec_string ("resource-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, PUB_TYPE_PORTAL_JOB_STATE, PUB_PORTAL_JOB_STATE_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Each answer read, even when the state stayed (a report replaced by
   * the next run's "created" one). */
  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pub_portal_job_init (PubPortalJob *self)
{
  self->initial_ms = DEFAULT_INITIAL_MS;
  self->max_ms = DEFAULT_MAX_MS;
}
