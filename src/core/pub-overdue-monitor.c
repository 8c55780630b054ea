/* pub-overdue-monitor.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pub-dataset-list.h"
#include "pub-overdue-monitor.h"

/* Datasets fall overdue by the day: once an hour notices a new day soon
 * enough without asking the portal often. */
#define CHECK_INTERVAL_S (60 * 60)

struct _PubOverdueMonitor
{
  GObject            parent_instance;

  PubAccountManager *manager;
  GSettings         *settings;
  PubAccount        *account;
  GCancellable      *cancellable;
  gint64             count;
  guint              timer_id;
};

G_DEFINE_FINAL_TYPE (PubOverdueMonitor, pub_overdue_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REMIND,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_count (PubOverdueMonitor *self,
           gint64             count)
{
  if (self->count == count)
    return;
  self->count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

static void
maybe_remind (PubOverdueMonitor *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *last = NULL;

  if (self->count <= 0 || self->settings == NULL)
    return;
  last = g_settings_get_string (self->settings, "overdue-notified-on");
  if (g_strcmp0 (last, today) == 0)
    return;
  g_settings_set_string (self->settings, "overdue-notified-on", today);
  g_signal_emit (self, signals[REMIND], 0, (guint) MIN (self->count, G_MAXUINT));
}

static void
counted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PubOverdueMonitor) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 count;

  count = pub_dataset_list_count_overdue_finish (result, &error);
  if (error != NULL)
    {
      /* Offline or refused: the last count stays; nobody is reminded. */
      g_debug ("Overdue datasets could not be counted: %s", error->message);
      return;
    }
  set_count (self, count);
  maybe_remind (self);
}

void
pub_overdue_monitor_refresh (PubOverdueMonitor *self)
{
  g_autofree char *scope = NULL;

  g_return_if_fail (PUB_IS_OVERDUE_MONITOR (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->account == NULL || pub_account_get_state (self->account) != PUB_ACCOUNT_STATE_READY)
    return;
  self->cancellable = g_cancellable_new ();
  scope = g_strdup_printf ("creator_user_id:%s", pub_account_get_user_id (self->account));
  pub_dataset_list_count_overdue_async (pub_account_get_client (self->account), scope, self->cancellable,
                                        counted_cb, g_object_ref (self));
}

static gboolean
timer_cb (gpointer user_data)
{
  pub_overdue_monitor_refresh (user_data);
  return G_SOURCE_CONTINUE;
}

static void
current_account_cb (PubOverdueMonitor *self)
{
  PubAccount *account = pub_account_manager_get_current (self->manager);

  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_set_object (&self->account, account);
  /* Another person's count is not this one's. */
  set_count (self, -1);
  if (account != NULL)
    g_signal_connect_object (account, "notify::state", G_CALLBACK (pub_overdue_monitor_refresh),
                             self, G_CONNECT_SWAPPED);
  pub_overdue_monitor_refresh (self);
}

PubOverdueMonitor *
pub_overdue_monitor_new (PubAccountManager *manager,
                         GSettings         *settings)
{
  PubOverdueMonitor *self;

  g_return_val_if_fail (PUB_IS_ACCOUNT_MANAGER (manager), NULL);

  self = g_object_new (PUB_TYPE_OVERDUE_MONITOR, NULL);
  self->manager = g_object_ref (manager);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  g_signal_connect_object (manager, "notify::current-account", G_CALLBACK (current_account_cb),
                           self, G_CONNECT_SWAPPED);
  self->timer_id = g_timeout_add_seconds (CHECK_INTERVAL_S, timer_cb, self);
  current_account_cb (self);
  return self;
}

gint64
pub_overdue_monitor_get_count (PubOverdueMonitor *self)
{
  g_return_val_if_fail (PUB_IS_OVERDUE_MONITOR (self), -1);

  return self->count;
}

static void
pub_overdue_monitor_dispose (GObject *object)
{
  PubOverdueMonitor *self = PUB_OVERDUE_MONITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_clear_object (&self->account);
  g_clear_object (&self->manager);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pub_overdue_monitor_parent_class)->dispose (object);
}

static void
pub_overdue_monitor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PubOverdueMonitor *self = PUB_OVERDUE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_COUNT:
      g_value_set_int64 (value, self->count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_overdue_monitor_class_init (PubOverdueMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pub_overdue_monitor_dispose;
  object_class->get_property = pub_overdue_monitor_get_property;

  properties[PROP_COUNT] =
    g_param_spec_int64 ("count", NULL, NULL,
                        -1, G_MAXINT64, -1,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[REMIND] =
    g_signal_new ("remind",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
pub_overdue_monitor_init (PubOverdueMonitor *self)
{
  self->count = -1;
}
