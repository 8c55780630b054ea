/* pub-publish-queue.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pub-personal-data.h"
#include "pub-publish-queue.h"

/* The key the wizard already looks the running job up by. */

typedef struct
{
  PubDraft   *draft;
  CkanClient *client;  /* the one the person published with, or NULL */
  /* Pressed while online: starts even without auto-start. */
  gboolean    go;
} Entry;

struct _PubPublishQueue
{
  GObject            parent_instance;

  PubDraftStore     *store;
  GNetworkMonitor   *monitor;
  CkanClient        *client;
  PubAccountManager *accounts;
  PubAccount        *account;   /* the current one, watched for its token */
  gboolean           auto_start;
  gboolean           check_personal_data;

  GQueue             waiting;   /* Entry */
  Entry             *running;
  PubPublishJob     *job;
  GCancellable      *cancellable;
  guint              idle_id;
};

G_DEFINE_FINAL_TYPE (PubPublishQueue, pub_publish_queue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_NETWORK_MONITOR,
  PROP_CLIENT,
  PROP_AUTO_START,
  PROP_CHECK_PERSONAL_DATA,
  PROP_NETWORK_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  JOB_STARTED,
  JOB_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->draft);
  g_clear_object (&entry->client);
  g_free (entry);
}

static Entry *
find_waiting (PubPublishQueue *self,
              PubDraft        *draft)
{
  for (GList *l = self->waiting.head; l != NULL; l = l->next)
    {
      Entry *entry = l->data;

      if (entry->draft == draft)
        return entry;
    }
  return NULL;
}

static CkanClient *
client_for (PubPublishQueue *self,
            Entry           *entry)
{
  CkanClient *client = entry->client != NULL ? entry->client : self->client;
  const char *portal = pub_draft_get_portal (entry->draft);

  /* What was already sent lives on one portal: the rest must follow it
   * there, not start over on another account's portal. */
  if (client == NULL ||
      (portal != NULL && g_strcmp0 (portal, ckan_client_get_base_url (client)) != 0))
    return NULL;
  return client;
}

static void try_next (PubPublishQueue *self);

static gboolean
try_next_idle (gpointer user_data)
{
  PubPublishQueue *self = user_data;

  g_assert (PUB_IS_PUBLISH_QUEUE (self));

  self->idle_id = 0;
  try_next (self);
  return G_SOURCE_REMOVE;
}

/* Not from inside a job's callback: the next job starts on a clean stack. */
static void
schedule (PubPublishQueue *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, try_next_idle,
                                     g_object_ref (self), g_object_unref);
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PubPublishQueue) self = user_data;
  g_autoptr(PubPublishJob) job = PUB_PUBLISH_JOB (object);
  g_autoptr(GError) error = NULL;
  Entry *entry = g_steal_pointer (&self->running);

  g_assert (PUB_IS_PUBLISH_QUEUE (self));

  pub_publish_job_run_finish (job, result, &error);
  g_clear_object (&self->job);
  g_clear_object (&self->cancellable);
  /* Ended, well or not: a failure waits for Retry, not for the network. */
  pub_draft_set_queued (entry->draft, FALSE);
  g_signal_emit (self, signals[JOB_FINISHED], 0, job, error);
  entry_free (entry);
  schedule (self);
}

static void
start (PubPublishQueue *self,
       Entry           *entry,
       CkanClient      *client)
{
  PubPublishJob *job = pub_publish_job_new (entry->draft, client, self->store);

  g_queue_remove (&self->waiting, entry);
  self->running = entry;
  self->job = g_object_ref (job);
  self->cancellable = g_cancellable_new ();
  /* The job holds itself through its callback's reference. */
  pub_publish_job_run_async (job, self->cancellable, job_done_cb, g_object_ref (self));
  g_signal_emit (self, signals[JOB_STARTED], 0, job);
}

static void
try_next (PubPublishQueue *self)
{
  if (self->running != NULL || !g_network_monitor_get_network_available (self->monitor))
    return;

  for (GList *l = self->waiting.head; l != NULL; l = l->next)
    {
      Entry *entry = l->data;
      CkanClient *client = client_for (self, entry);

      /* A job started elsewhere (a wizard of its own) finishes first. */
      if (client == NULL || pub_draft_get_publishing (entry->draft) ||
          !(self->auto_start || entry->go))
        continue;
      /* Personal data goes public only after a person said yes to it,
       * never because the network came back. */
      if (self->check_personal_data && pub_personal_data_needs_answer (entry->draft))
        continue;
      start (self, entry, client);
      return;
    }
}

static void
enqueue (PubPublishQueue *self,
         PubDraft        *draft,
         CkanClient      *client,
         gboolean         go)
{
  Entry *entry = find_waiting (self, draft);

  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->draft = g_object_ref (draft);
      g_queue_push_tail (&self->waiting, entry);
    }
  if (client != NULL)
    g_set_object (&entry->client, client);
  entry->go = entry->go || go;
  pub_draft_set_queued (draft, TRUE);
}

/* Asked to publish and not ended: queued, or a job cut short by a crash
 * or by quitting (a step begun, and no error to show for it). */
static gboolean
needs_resume (PubDraft *draft)
{
  PubPublishStep step;

  if (pub_draft_is_damaged (draft) || pub_draft_get_publishing (draft))
    return FALSE;
  if (pub_draft_get_queued (draft))
    return TRUE;
  step = pub_draft_get_publish_step (draft);
  return step != PUB_PUBLISH_STEP_NONE && step != PUB_PUBLISH_STEP_DONE &&
         pub_draft_get_last_error (draft) == NULL;
}

static void
drafts_changed_cb (PubPublishQueue *self,
                   guint            position,
                   guint            removed,
                   guint            added,
                   GListModel      *drafts)
{
  GList *l = self->waiting.head;

  g_assert (PUB_IS_PUBLISH_QUEUE (self));

  /* Deleted drafts leave the queue. */
  while (removed > 0 && l != NULL)
    {
      Entry *entry = l->data;
      GList *next = l->next;

      if (pub_draft_store_find (self->store, pub_draft_get_id (entry->draft)) != entry->draft)
        {
          g_queue_delete_link (&self->waiting, l);
          entry_free (entry);
        }
      l = next;
    }

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(PubDraft) draft = g_list_model_get_item (drafts, i);

      if (needs_resume (draft) && find_waiting (self, draft) == NULL &&
          (self->running == NULL || self->running->draft != draft))
        enqueue (self, draft, NULL, FALSE);
    }
  if (added > 0)
    schedule (self);
}

static void
network_changed_cb (PubPublishQueue *self,
                    gboolean         available,
                    GNetworkMonitor *monitor)
{
  g_assert (PUB_IS_PUBLISH_QUEUE (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NETWORK_AVAILABLE]);
  if (g_network_monitor_get_network_available (monitor))
    schedule (self);
}

static void
store_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The Drafts list reports an unreadable folder; here it only means
   * nothing to take up again. */
  if (!pub_draft_store_load_finish (PUB_DRAFT_STORE (object), result, &error))
    g_debug ("No drafts to resume: %s", error->message);
}

static void
pub_publish_queue_constructed (GObject *object)
{
  PubPublishQueue *self = PUB_PUBLISH_QUEUE (object);
  GListModel *drafts;

  G_OBJECT_CLASS (pub_publish_queue_parent_class)->constructed (object);

  g_assert (PUB_IS_DRAFT_STORE (self->store));
  if (self->monitor == NULL)
    self->monitor = g_object_ref (g_network_monitor_get_default ());
  g_signal_connect_object (self->monitor, "network-changed",
                           G_CALLBACK (network_changed_cb), self, G_CONNECT_SWAPPED);

  drafts = pub_draft_store_get_drafts (self->store);
  g_signal_connect_object (drafts, "items-changed", G_CALLBACK (drafts_changed_cb),
                           self, G_CONNECT_SWAPPED);
  drafts_changed_cb (self, 0, 0, g_list_model_get_n_items (drafts), drafts);
  if (!pub_draft_store_is_loaded (self->store))
    pub_draft_store_load_async (self->store, NULL, store_loaded_cb, NULL);
}

static void
pub_publish_queue_dispose (GObject *object)
{
  PubPublishQueue *self = PUB_PUBLISH_QUEUE (object);

  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_clear_object (&self->accounts);
  g_clear_object (&self->account);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_queue_clear_full (&self->waiting, (GDestroyNotify) entry_free);
  g_clear_object (&self->client);
  g_clear_object (&self->monitor);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pub_publish_queue_parent_class)->dispose (object);
}

static void
pub_publish_queue_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PubPublishQueue *self = PUB_PUBLISH_QUEUE (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_NETWORK_MONITOR: g_value_set_object (value, self->monitor); break;
    case PROP_CLIENT: g_value_set_object (value, self->client); break;
    case PROP_AUTO_START: g_value_set_boolean (value, self->auto_start); break;
    case PROP_CHECK_PERSONAL_DATA: g_value_set_boolean (value, self->check_personal_data); break;
    case PROP_NETWORK_AVAILABLE:
      g_value_set_boolean (value, pub_publish_queue_get_network_available (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_publish_queue_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PubPublishQueue *self = PUB_PUBLISH_QUEUE (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_NETWORK_MONITOR: self->monitor = g_value_dup_object (value); break;
    case PROP_CLIENT: pub_publish_queue_set_client (self, g_value_get_object (value)); break;
    case PROP_AUTO_START: pub_publish_queue_set_auto_start (self, g_value_get_boolean (value)); break;
    case PROP_CHECK_PERSONAL_DATA:
      pub_publish_queue_set_check_personal_data (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_publish_queue_class_init (PubPublishQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = pub_publish_queue_constructed;
  object_class->dispose = pub_publish_queue_dispose;
  object_class->get_property = pub_publish_queue_get_property;
  object_class->set_property = pub_publish_queue_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, PUB_TYPE_DRAFT_STORE, construct);
  properties[PROP_NETWORK_MONITOR] = g_param_spec_object ("network-monitor", NULL, NULL,
                                                          G_TYPE_NETWORK_MONITOR, construct);
  properties[PROP_CLIENT] = g_param_spec_object ("client", NULL, NULL, CKAN_TYPE_CLIENT, rw);
  properties[PROP_AUTO_START] = g_param_spec_boolean ("auto-start", NULL, NULL, TRUE, rw);
  properties[PROP_CHECK_PERSONAL_DATA] = g_param_spec_boolean ("check-personal-data", NULL, NULL, TRUE, rw);
  /* Notified on every change the monitor reports. */
  properties[PROP_NETWORK_AVAILABLE] = g_param_spec_boolean ("network-available", NULL, NULL, FALSE,
                                                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                             G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[JOB_STARTED] = g_signal_new ("job-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, PUB_TYPE_PUBLISH_JOB);
  signals[JOB_FINISHED] = g_signal_new ("job-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 2, PUB_TYPE_PUBLISH_JOB,
                                        G_TYPE_ERROR);
}

static void
pub_publish_queue_init (PubPublishQueue *self)
{
  self->auto_start = TRUE;
  self->check_personal_data = TRUE;
  g_queue_init (&self->waiting);
}

PubPublishQueue *
pub_publish_queue_new (PubDraftStore   *store,
                       GNetworkMonitor *monitor)
{
  g_return_val_if_fail (PUB_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (!monitor || G_IS_NETWORK_MONITOR (monitor), NULL);

  return g_object_new (PUB_TYPE_PUBLISH_QUEUE, "store", store, "network-monitor", monitor, NULL);
}

PubDraftStore *
pub_publish_queue_get_store (PubPublishQueue *self)
{
  g_return_val_if_fail (PUB_IS_PUBLISH_QUEUE (self), NULL);
  return self->store;
}

CkanClient *
pub_publish_queue_get_client (PubPublishQueue *self)
{
  g_return_val_if_fail (PUB_IS_PUBLISH_QUEUE (self), NULL);
  return self->client;
}

void
pub_publish_queue_set_client (PubPublishQueue *self,
                              CkanClient      *client)
{
  g_return_if_fail (PUB_IS_PUBLISH_QUEUE (self));
  g_return_if_fail (!client || CKAN_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
  schedule (self);
}

/* Only an account whose token is loaded can publish. */
static void
account_changed_cb (PubPublishQueue *self)
{
  PubAccount *account = self->accounts != NULL ? pub_account_manager_get_current (self->accounts) : NULL;

  g_assert (PUB_IS_PUBLISH_QUEUE (self));

  if (account != self->account)
    {
      if (self->account != NULL)
        g_signal_handlers_disconnect_by_data (self->account, self);
      g_set_object (&self->account, account);
      if (account != NULL)
        g_signal_connect_object (account, "notify::state", G_CALLBACK (account_changed_cb),
                                 self, G_CONNECT_SWAPPED);
    }
  pub_publish_queue_set_client (self, account != NULL && pub_account_get_state (account) == PUB_ACCOUNT_STATE_READY
                                      ? pub_account_get_client (account) : NULL);
}

void
pub_publish_queue_set_account_manager (PubPublishQueue   *self,
                                       PubAccountManager *manager)
{
  g_return_if_fail (PUB_IS_PUBLISH_QUEUE (self));
  g_return_if_fail (!manager || PUB_IS_ACCOUNT_MANAGER (manager));

  if (self->accounts == manager)
    return;
  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  g_set_object (&self->accounts, manager);
  if (manager != NULL)
    g_signal_connect_object (manager, "notify::current-account", G_CALLBACK (account_changed_cb),
                             self, G_CONNECT_SWAPPED);
  account_changed_cb (self);
}

gboolean
pub_publish_queue_get_auto_start (PubPublishQueue *self)
{
  g_return_val_if_fail (PUB_IS_PUBLISH_QUEUE (self), FALSE);
  return self->auto_start;
}

void
pub_publish_queue_set_auto_start (PubPublishQueue *self,
                                  gboolean         auto_start)
{
  g_return_if_fail (PUB_IS_PUBLISH_QUEUE (self));

  if (self->auto_start == !!auto_start)
    return;
  self->auto_start = !!auto_start;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTO_START]);
  schedule (self);
}

gboolean
pub_publish_queue_get_check_personal_data (PubPublishQueue *self)
{
  g_return_val_if_fail (PUB_IS_PUBLISH_QUEUE (self), FALSE);
  return self->check_personal_data;
}

void
pub_publish_queue_set_check_personal_data (PubPublishQueue *self,
                                           gboolean         check)
{
  g_return_if_fail (PUB_IS_PUBLISH_QUEUE (self));

  if (self->check_personal_data == !!check)
    return;
  self->check_personal_data = !!check;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECK_PERSONAL_DATA]);
  schedule (self);
}

gboolean
pub_publish_queue_is_held_for_personal_data (PubPublishQueue *self,
                                             PubDraft        *draft)
{
  g_return_val_if_fail (PUB_IS_PUBLISH_QUEUE (self), FALSE);
  g_return_val_if_fail (PUB_IS_DRAFT (draft), FALSE);
  return self->check_personal_data && find_waiting (self, draft) != NULL &&
         pub_personal_data_needs_answer (draft);
}

void
pub_publish_queue_publish (PubPublishQueue *self,
                           PubDraft        *draft,
                           CkanClient      *client)
{
  g_return_if_fail (PUB_IS_PUBLISH_QUEUE (self));
  g_return_if_fail (PUB_IS_DRAFT (draft));
  g_return_if_fail (!client || CKAN_IS_CLIENT (client));

  if (pub_draft_get_publishing (draft))
    return;
  enqueue (self, draft, client, g_network_monitor_get_network_available (self->monitor));
  /* Now, so the caller sees the job at once when it could start. */
  try_next (self);
}

void
pub_publish_queue_cancel (PubPublishQueue *self,
                          PubDraft        *draft)
{
  Entry *entry;

  g_return_if_fail (PUB_IS_PUBLISH_QUEUE (self));
  g_return_if_fail (PUB_IS_DRAFT (draft));

  if (self->running != NULL && self->running->draft == draft)
    {
      g_cancellable_cancel (self->cancellable);
      return;
    }
  entry = find_waiting (self, draft);
  if (entry != NULL)
    {
      g_queue_remove (&self->waiting, entry);
      entry_free (entry);
    }
  pub_draft_set_queued (draft, FALSE);
}

PubPublishJob *
pub_publish_queue_get_job (PubPublishQueue *self,
                           PubDraft        *draft)
{
  g_return_val_if_fail (PUB_IS_PUBLISH_QUEUE (self), NULL);
  if (self->running == NULL || (draft != NULL && self->running->draft != draft))
    return NULL;
  return self->job;
}

gboolean
pub_publish_queue_is_waiting (PubPublishQueue *self,
                              PubDraft        *draft)
{
  g_return_val_if_fail (PUB_IS_PUBLISH_QUEUE (self), FALSE);
  return find_waiting (self, draft) != NULL;
}

gboolean
pub_publish_queue_get_network_available (PubPublishQueue *self)
{
  g_return_val_if_fail (PUB_IS_PUBLISH_QUEUE (self), FALSE);
  return g_network_monitor_get_network_available (self->monitor);
}
