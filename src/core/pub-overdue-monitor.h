/* pub-overdue-monitor.h: how many of the signed-in person's datasets are overdue, checked now and then
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pub-account-manager.h"

G_BEGIN_DECLS

#define PUB_TYPE_OVERDUE_MONITOR (pub_overdue_monitor_get_type ())

/* Counts the current account's overdue datasets (those it created, as "My
 * Datasets" lists them) when an account becomes ready and every hour. The
 * "count" property is -1 until known. When the count is above zero and no
 * reminder was given today ("overdue-notified-on" in `settings`), it emits
 * "remind" once, with the count: the application turns it into a
 * notification. */
G_DECLARE_FINAL_TYPE (PubOverdueMonitor, pub_overdue_monitor, PUB, OVERDUE_MONITOR, GObject)

PubOverdueMonitor *pub_overdue_monitor_new       (PubAccountManager *manager,
                                                  GSettings         *settings);
gint64             pub_overdue_monitor_get_count (PubOverdueMonitor *self);
/* Counts again now. */
void               pub_overdue_monitor_refresh   (PubOverdueMonitor *self);

G_END_DECLS
