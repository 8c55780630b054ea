/* pub-publish-job.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ckan-error.h"
#include "pub-core-error.h"
#include "pub-publish-job-private.h"

/* One publication, in order. Each step runs when the one before it has
 * saved the draft (_pub_publish_job_save_then: what a request is about to
 * create is on disk before it is sent, so a crash or a lost answer never
 * makes a second copy). "Saves" is what lands in the draft file then.
 *
 *   pub_publish_job_run_async       here
 *     Marks the draft publishing, on this portal; clears its last error.
 *
 * 1 The dataset                     pub-publish-job-dataset.c
 *   _pub_publish_job_lookup_by_id   package_show of the recorded id.
 *                                   Found: adopted (remote id, address).
 *   lookup_by_name                  user_show once, then package_show of
 *                                   the name; adopted only if our own
 *                                   earlier package_create made it.
 *   create_dataset                  package_create, private. Saves first:
 *                                   step CREATE_DATASET, the creator and
 *                                   the time of the attempt.
 *   start_uploads                   Saves: step UPLOAD_RESOURCES, the
 *                                   dataset's id and address.
 *
 * 2 Files and links                 pub-publish-job-resources.c
 *   _pub_publish_job_refresh_files  Each file read again (size, SHA-256).
 *   _pub_publish_job_next_resource  Each resource in the draft's order,
 *                                   matched to the portal's (by id, then
 *                                   name and size or address):
 *     same on the portal            nothing sent;
 *     renamed or described again    resource_patch;
 *     new, or its file changed      saves first what goes (path, SHA-256,
 *                                   size), then send_current uploads it
 *                                   (resource_create, or resource_patch
 *                                   with the new bytes).
 *     resource_done                 Saves: the resource's remote id, the
 *                                   ids this draft made, the upload done.
 *   delete_leftovers                resource_delete of what this draft
 *                                   made and no longer holds.
 *   reorder                         package_resource_reorder if needed.
 *                                   Saves: step SET_VISIBILITY.
 *
 * 3 Visibility                      here
 *   _pub_publish_job_set_visibility package_patch: all the metadata and
 *                                   the chosen visibility. Saves: step
 *                                   DONE, the address, progress 1.
 *
 *   finish                          here: the draft stops publishing.
 *
 * Any step's error goes to _pub_publish_job_handle_error: a dropped
 * network is waited out, then that step runs again; anything else ends in
 * fail(), which saves the last error. An answer lost after a write goes
 * back to _pub_publish_job_lookup_by_id, so the next try looks first. */

G_DEFINE_FINAL_TYPE (PubPublishJob, pub_publish_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STEP,
  PROP_CURRENT_NAME,
  PROP_FILE_FRACTION,
  PROP_FRACTION,
  PROP_SPEED,
  PROP_SECONDS_LEFT,
  PROP_WAITING_FOR_NETWORK,
  PROP_STALL_TIMEOUT,
  PROP_STALLED,
  PROP_STALLED_SECONDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Draft → the job running on it. One at most per draft: a second refuses
 * to start while the draft says it is publishing. Main context only. */
static GHashTable *running_jobs;

static gboolean wait_cancelled_idle (gpointer user_data);

GCancellable *
_pub_publish_job_job_cancellable (PubPublishJob *self)
{
  return g_task_get_cancellable (self->task);
}

void
_pub_publish_job_note_activity (PubPublishJob *self)
{
  self->last_activity = g_get_monotonic_time ();
  if (!self->stalled)
    return;
  self->stalled = FALSE;
  self->stalled_seconds = 0;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALLED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALLED_SECONDS]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Looked at a few times per timeout: "not answering for 12 s" counts up
 * by the second. Waiting for the network is not the portal's silence. */
static gboolean
check_stall_cb (gpointer user_data)
{
  PubPublishJob *self = user_data;
  gint64 silent_ms = (g_get_monotonic_time () - self->last_activity) / 1000;
  guint seconds;

  if (self->waiting)
    {
      _pub_publish_job_note_activity (self);
      return G_SOURCE_CONTINUE;
    }
  if (silent_ms < self->stall_timeout)
    return G_SOURCE_CONTINUE;
  seconds = (guint) (silent_ms / 1000);
  g_object_freeze_notify (G_OBJECT (self));
  if (!self->stalled)
    {
      self->stalled = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALLED]);
    }
  if (self->stalled_seconds != seconds)
    {
      self->stalled_seconds = seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALLED_SECONDS]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  return G_SOURCE_CONTINUE;
}

void
_pub_publish_job_set_step (PubPublishJob  *self,
          PubPublishStep  step)
{
  _pub_publish_job_note_activity (self);
  pub_draft_set_publish_step (self->draft, step);
  if (self->step == step)
    return;
  self->step = step;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

void
_pub_publish_job_set_current_name (PubPublishJob *self,
                  const char    *name)
{
  _pub_publish_job_note_activity (self);
  if (g_strcmp0 (self->current_name, name) == 0)
    return;
  g_free (self->current_name);
  self->current_name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_NAME]);
}

static void
set_waiting (PubPublishJob *self,
             gboolean       waiting)
{
  if (self->waiting == waiting)
    return;
  self->waiting = waiting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING_FOR_NETWORK]);
}

static void
finish (PubPublishJob *self,
        GError        *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  GNetworkMonitor *monitor = g_network_monitor_get_default ();

  g_clear_signal_handler (&self->network_handler, monitor);
  g_clear_handle_id (&self->stall_source, g_source_remove);
  _pub_publish_job_note_activity (self);
  if (self->cancel_handler != 0)
    g_cancellable_disconnect (g_task_get_cancellable (task), self->cancel_handler);
  self->cancel_handler = 0;
  set_waiting (self, FALSE);
  _pub_publish_job_set_current_name (self, NULL);
  g_hash_table_remove (running_jobs, self->draft);
  pub_draft_set_publishing (self->draft, FALSE);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* What is already on the portal, said plainly: "the dataset and 1 of 2
 * files are already on the portal". NULL before the dataset exists. */
static char *
describe_kept (PubPublishJob *self)
{
  GListModel *resources = pub_draft_get_resources (self->draft);
  guint n_files = 0;
  guint n_sent = 0;

  if (pub_draft_get_remote_id (self->draft) == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(PubDraftResource) resource = g_list_model_get_item (resources, i);

      if (pub_draft_resource_get_kind (resource) != PUB_DRAFT_RESOURCE_FILE)
        continue;
      n_files++;
      n_sent += pub_draft_resource_get_remote_id (resource) != NULL;
    }
  if (n_files == 0)
    return g_strdup (_("the dataset is already on the portal"));
  if (n_sent == n_files)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "the dataset and its file are already on the portal",
                                         "the dataset and its %u files are already on the portal",
                                         n_files),
                            n_files);
  /* Translators: "the dataset and 1 of 2 files are already on the portal" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "the dataset and %u of %u file are already on the portal",
                                       "the dataset and %u of %u files are already on the portal",
                                       n_files),
                          n_sent, n_files);
}

/* What a person reads in the Drafts list and the wizard: the step, the
 * file, what happened, and what is kept. What to do about it is the UI's
 * to say (it knows its buttons); the draft's step tells it where this
 * stopped. */
static void
fail (PubPublishJob *self,
      GError        *error)
{
  g_autofree char *message = NULL;
  g_autofree char *kept = describe_kept (self);
  const char *what = error->message;

  if ((g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
       g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED)) && kept != NULL)
    message = g_strdup_printf (_("Publishing was cancelled before it finished; %s."), kept);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
           g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
    message = g_strdup (_("Publishing was cancelled before it finished."));
  else if (self->step == PUB_PUBLISH_STEP_UPLOAD_RESOURCES && self->current_name != NULL && kept != NULL)
    message = g_strdup_printf (_("Uploading “%s” failed. %s For now, %s."), self->current_name, what, kept);
  else if (self->step == PUB_PUBLISH_STEP_UPLOAD_RESOURCES && self->current_name != NULL)
    message = g_strdup_printf (_("Uploading “%s” failed. %s What was already sent is kept."),
                               self->current_name, what);
  else if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_VALIDATION))
    message = g_strdup_printf (_("The portal did not accept the dataset. %s"), what);
  else if (self->step == PUB_PUBLISH_STEP_SET_VISIBILITY)
    message = g_strdup_printf (_("The files are on the portal, but setting the dataset’s visibility failed. %s"),
                               what);
  else
    message = g_strdup_printf (_("Creating the dataset on the portal failed. %s"), what);

  pub_draft_set_last_error (self->draft, message);
  finish (self, error);
}

static void
network_changed_cb (PubPublishJob   *self,
                    gboolean         available,
                    GNetworkMonitor *monitor)
{
  StepFunc resume;

  g_assert (PUB_IS_PUBLISH_JOB (self));

  if (!available || self->resume == NULL)
    return;
  g_clear_signal_handler (&self->network_handler, monitor);
  set_waiting (self, FALSE);
  resume = g_steal_pointer (&self->resume);
  resume (self);
}

static void
cancelled_cb (GCancellable  *cancellable,
              PubPublishJob *self)
{
  g_assert (PUB_IS_PUBLISH_JOB (self));

  /* Only matters while waiting: a running request fails by itself. May
   * come from another thread, so the job is stopped from the main loop. */
  g_idle_add (wait_cancelled_idle, g_object_ref (self));
}

static gboolean
wait_cancelled_idle (gpointer user_data)
{
  PubPublishJob *self = user_data;

  g_assert (PUB_IS_PUBLISH_JOB (self));

  if (self->task != NULL && self->resume != NULL)
    {
      self->resume = NULL;
      fail (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled")));
    }
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

/* Runs `next` now, or when the network comes back. */
static void
when_online (PubPublishJob *self,
             StepFunc       next)
{
  GNetworkMonitor *monitor = g_network_monitor_get_default ();

  if (next == NULL)
    {
      finish (self, NULL);
      return;
    }
  if (g_cancellable_is_cancelled (_pub_publish_job_job_cancellable (self)))
    {
      fail (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled")));
      return;
    }
  if (g_network_monitor_get_network_available (monitor))
    {
      _pub_publish_job_note_activity (self);
      next (self);
      return;
    }
  self->resume = next;
  set_waiting (self, TRUE);
  if (self->network_handler == 0)
    self->network_handler = g_signal_connect_swapped (monitor, "network-changed",
                                                      G_CALLBACK (network_changed_cb), self);
}

/* A dropped network is waited out; anything else stops the job. */
void
_pub_publish_job_handle_error (PubPublishJob *self,
              GError        *error,
              StepFunc       retry)
{
  if ((g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NETWORK) ||
       g_error_matches (error, CKAN_ERROR, CKAN_ERROR_TIMEOUT)) &&
      !g_network_monitor_get_network_available (g_network_monitor_get_default ()))
    {
      g_error_free (error);
      when_online (self, retry);
      return;
    }
  fail (self, error);
}

/* Saving */

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PubPublishJob) self = user_data;
  StepFunc next = self->after_save;
  GError *error = NULL;

  g_assert (PUB_IS_PUBLISH_JOB (self));

  self->after_save = NULL;
  if (!pub_draft_store_flush_finish (PUB_DRAFT_STORE (object), result, &error))
    {
      /* Without the record on disk a crash could duplicate; stop here. */
      fail (self, error);
      return;
    }
  when_online (self, next);
}

/* The remote ids are on disk before the next request can create anything. */
void
_pub_publish_job_save_then (PubPublishJob *self,
                            StepFunc       next)
{
  if (self->store == NULL)
    {
      when_online (self, next);
      return;
    }
  /* One step at a time: nothing else saves until this one is written. */
  g_assert (self->after_save == NULL);
  self->after_save = next;
  pub_draft_store_flush_async (self->store, NULL, saved_cb, g_object_ref (self));
}

/* Step 3: visibility */

static void
visibility_set_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PubPublishJob *self = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  g_assert (PUB_IS_PUBLISH_JOB (self));

  node = ckan_client_call_finish (CKAN_CLIENT (object), result, &error);
  if (error != NULL)
    {
      _pub_publish_job_handle_error (self, error, _pub_publish_job_set_visibility);
      return;
    }
  /* The name may have changed, and with it the address. */
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    _pub_publish_job_adopt_dataset (self, node);
  _pub_publish_job_set_step (self, PUB_PUBLISH_STEP_DONE);
  pub_draft_set_last_error (self->draft, NULL);
  pub_draft_set_progress (self->draft, 1.0);
  self->fraction = 1.0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  _pub_publish_job_save_then (self, (StepFunc) NULL);
}

/* With the visibility, all of the draft's metadata: a dataset made by an
 * earlier run still holds what the draft said then, and the person may
 * have edited it since (so this is sent even when nothing seems to differ). */
void
_pub_publish_job_set_visibility (PubPublishJob *self)
{
  gboolean private = g_strcmp0 (pub_draft_get_field (self->draft, PUB_DRAFT_FIELD_VISIBILITY), "public") != 0;
  g_autoptr(JsonObject) params = _pub_publish_job_dataset_params (self->draft, private);

  json_object_set_string_member (params, "id", pub_draft_get_remote_id (self->draft));
  ckan_client_call_async (self->client, "package_patch", params, CKAN_CALL_WRITE,
                          _pub_publish_job_job_cancellable (self), visibility_set_cb, self);
}

static goffset
count_bytes (PubDraft *draft)
{
  GListModel *resources = pub_draft_get_resources (draft);
  goffset total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(PubDraftResource) resource = g_list_model_get_item (resources, i);

      if (pub_draft_resource_get_kind (resource) == PUB_DRAFT_RESOURCE_FILE)
        total += MAX (pub_draft_resource_get_size (resource), 0);
    }
  return total;
}

void
pub_publish_job_run_async (PubPublishJob      *self,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  g_autoptr(GCancellable) own_cancellable = NULL;

  g_return_if_fail (PUB_IS_PUBLISH_JOB (self));
  g_return_if_fail (self->task == NULL);

  /* Two jobs on one draft could both create what the other is creating. */
  if (pub_draft_get_publishing (self->draft))
    {
      g_task_report_new_error (self, callback, user_data, pub_publish_job_run_async,
                               PUB_CORE_ERROR, PUB_CORE_ERROR_FAILED,
                               _("This draft is already being published."));
      return;
    }

  if (cancellable == NULL)
    cancellable = own_cancellable = g_cancellable_new ();
  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, pub_publish_job_run_async);
  self->cancel_handler = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), self, NULL);

  /* The token may have changed since the last run. */
  g_clear_pointer (&self->user_id, g_free);
  self->total_bytes = count_bytes (self->draft);
  self->done_bytes = 0;
  self->fraction = 0.0;
  pub_draft_set_portal (self->draft, ckan_client_get_base_url (self->client));
  pub_draft_set_last_error (self->draft, NULL);
  pub_draft_set_progress (self->draft, 0.0);
  /* Found before anyone sees the draft publishing. */
  if (running_jobs == NULL)
    running_jobs = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (running_jobs, self->draft, self);
  pub_draft_set_publishing (self->draft, TRUE);
  /* Shown as the job's step; the draft's own step only moves when
   * something was done, since it decides what a dataset found by name is. */
  self->step = MAX (pub_draft_get_publish_step (self->draft), PUB_PUBLISH_STEP_CREATE_DATASET);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);

  self->last_activity = g_get_monotonic_time ();
  self->stall_source = g_timeout_add_full (G_PRIORITY_DEFAULT, CLAMP (self->stall_timeout / 4, 50, 1000),
                                           check_stall_cb, g_object_ref (self), g_object_unref);

  /* Whatever a previous run did, look before creating anything. */
  when_online (self, _pub_publish_job_lookup_by_id);
}

gboolean
pub_publish_job_run_finish (PubPublishJob *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
pub_publish_job_dispose (GObject *object)
{
  PubPublishJob *self = PUB_PUBLISH_JOB (object);

  g_clear_signal_handler (&self->network_handler, g_network_monitor_get_default ());
  g_clear_object (&self->client);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pub_publish_job_parent_class)->dispose (object);
}

static void
pub_publish_job_finalize (GObject *object)
{
  PubPublishJob *self = PUB_PUBLISH_JOB (object);

  g_clear_object (&self->draft);
  g_clear_pointer (&self->dataset, json_object_unref);
  g_clear_pointer (&self->claimed, g_hash_table_unref);
  g_clear_pointer (&self->current_name, g_free);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->deleting, g_free);
  g_clear_pointer (&self->replacing, g_free);

  G_OBJECT_CLASS (pub_publish_job_parent_class)->finalize (object);
}

static void
pub_publish_job_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PubPublishJob *self = PUB_PUBLISH_JOB (object);

  switch (prop_id)
    {
    case PROP_STEP: g_value_set_enum (value, self->step); break;
    case PROP_CURRENT_NAME: g_value_set_string (value, self->current_name); break;
    case PROP_FILE_FRACTION: g_value_set_double (value, self->file_fraction); break;
    case PROP_FRACTION: g_value_set_double (value, self->fraction); break;
    case PROP_SPEED: g_value_set_double (value, self->speed); break;
    case PROP_SECONDS_LEFT: g_value_set_int64 (value, self->seconds_left); break;
    case PROP_WAITING_FOR_NETWORK: g_value_set_boolean (value, self->waiting); break;
    case PROP_STALL_TIMEOUT: g_value_set_uint (value, self->stall_timeout); break;
    case PROP_STALLED: g_value_set_boolean (value, self->stalled); break;
    case PROP_STALLED_SECONDS: g_value_set_uint (value, self->stalled_seconds); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_publish_job_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PubPublishJob *self = PUB_PUBLISH_JOB (object);

  switch (prop_id)
    {
    case PROP_STALL_TIMEOUT: pub_publish_job_set_stall_timeout (self, g_value_get_uint (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_publish_job_class_init (PubPublishJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = pub_publish_job_dispose;
  object_class->finalize = pub_publish_job_finalize;
  object_class->get_property = pub_publish_job_get_property;
  object_class->set_property = pub_publish_job_set_property;

  properties[PROP_STEP] = g_param_spec_enum ("step", NULL, NULL, PUB_TYPE_PUBLISH_STEP,
                                              PUB_PUBLISH_STEP_NONE, ro);
  properties[PROP_CURRENT_NAME] = g_param_spec_string ("current-name", NULL, NULL, NULL, ro);
  properties[PROP_FILE_FRACTION] = g_param_spec_double ("file-fraction", NULL, NULL, 0, 1, 0, ro);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0, ro);
  properties[PROP_SPEED] = g_param_spec_double ("speed", NULL, NULL, 0, G_MAXDOUBLE, 0, ro);
  properties[PROP_SECONDS_LEFT] = g_param_spec_int64 ("seconds-left", NULL, NULL, -1, G_MAXINT64, -1, ro);
  properties[PROP_WAITING_FOR_NETWORK] = g_param_spec_boolean ("waiting-for-network", NULL, NULL, FALSE, ro);
  properties[PROP_STALL_TIMEOUT] = g_param_spec_uint ("stall-timeout", NULL, NULL, 1, G_MAXUINT,
                                                      PUB_PUBLISH_JOB_STALL_TIMEOUT,
                                                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                      G_PARAM_STATIC_STRINGS);
  properties[PROP_STALLED] = g_param_spec_boolean ("stalled", NULL, NULL, FALSE, ro);
  properties[PROP_STALLED_SECONDS] = g_param_spec_uint ("stalled-seconds", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pub_publish_job_init (PubPublishJob *self)
{
  self->claimed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->seconds_left = -1;
  self->stall_timeout = PUB_PUBLISH_JOB_STALL_TIMEOUT;
}

PubPublishJob *
pub_publish_job_new (PubDraft      *draft,
                     CkanClient    *client,
                     PubDraftStore *store)
{
  PubPublishJob *self;

  g_return_val_if_fail (PUB_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (CKAN_IS_CLIENT (client), NULL);
  g_return_val_if_fail (!store || PUB_IS_DRAFT_STORE (store), NULL);

  self = g_object_new (PUB_TYPE_PUBLISH_JOB, NULL);
  self->draft = g_object_ref (draft);
  self->client = g_object_ref (client);
  self->store = store ? g_object_ref (store) : NULL;
  return self;
}

PubDraft *
pub_publish_job_get_draft (PubPublishJob *self)
{
  g_return_val_if_fail (PUB_IS_PUBLISH_JOB (self), NULL);
  return self->draft;
}

PubPublishJob *
pub_publish_job_get_running (PubDraft *draft)
{
  g_return_val_if_fail (PUB_IS_DRAFT (draft), NULL);

  return running_jobs != NULL ? g_hash_table_lookup (running_jobs, draft) : NULL;
}

PubPublishStep
pub_publish_job_get_step (PubPublishJob *self)
{
  g_return_val_if_fail (PUB_IS_PUBLISH_JOB (self), 0);
  return self->step;
}

const char *
pub_publish_job_get_current_name (PubPublishJob *self)
{
  g_return_val_if_fail (PUB_IS_PUBLISH_JOB (self), NULL);
  return self->current_name;
}

double
pub_publish_job_get_file_fraction (PubPublishJob *self)
{
  g_return_val_if_fail (PUB_IS_PUBLISH_JOB (self), 0);
  return self->file_fraction;
}

double
pub_publish_job_get_fraction (PubPublishJob *self)
{
  g_return_val_if_fail (PUB_IS_PUBLISH_JOB (self), 0);
  return self->fraction;
}

double
pub_publish_job_get_speed (PubPublishJob *self)
{
  g_return_val_if_fail (PUB_IS_PUBLISH_JOB (self), 0);
  return self->speed;
}

gint64
pub_publish_job_get_seconds_left (PubPublishJob *self)
{
  g_return_val_if_fail (PUB_IS_PUBLISH_JOB (self), -1);
  return self->seconds_left;
}

gboolean
pub_publish_job_get_waiting_for_network (PubPublishJob *self)
{
  g_return_val_if_fail (PUB_IS_PUBLISH_JOB (self), FALSE);
  return self->waiting;
}

guint
pub_publish_job_get_stall_timeout (PubPublishJob *self)
{
  g_return_val_if_fail (PUB_IS_PUBLISH_JOB (self), 0);
  return self->stall_timeout;
}

void
pub_publish_job_set_stall_timeout (PubPublishJob *self,
                                   guint          msec)
{
  g_return_if_fail (PUB_IS_PUBLISH_JOB (self));
  g_return_if_fail (msec > 0);

  if (self->stall_timeout == msec)
    return;
  self->stall_timeout = msec;
  /* A running job looks again at the new pace. */
  if (self->stall_source != 0)
    {
      g_source_remove (self->stall_source);
      self->stall_source = g_timeout_add_full (G_PRIORITY_DEFAULT, CLAMP (msec / 4, 50, 1000),
                                               check_stall_cb, g_object_ref (self), g_object_unref);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALL_TIMEOUT]);
}

gboolean
pub_publish_job_get_stalled (PubPublishJob *self)
{
  g_return_val_if_fail (PUB_IS_PUBLISH_JOB (self), FALSE);
  return self->stalled;
}

guint
pub_publish_job_get_stalled_seconds (PubPublishJob *self)
{
  g_return_val_if_fail (PUB_IS_PUBLISH_JOB (self), 0);
  return self->stalled_seconds;
}
