/* pub-application.h
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pub-account-manager.h"
#include "pub-overdue-monitor.h"
#include "pub-publish-queue.h"

G_BEGIN_DECLS

#define PUB_TYPE_APPLICATION (pub_application_get_type ())

G_DECLARE_FINAL_TYPE (PubApplication, pub_application, PUB, APPLICATION, AdwApplication)

PubApplication *pub_application_new          (void);
GSettings      *pub_application_get_settings (PubApplication *self);
/* The accounts, and the current one whose client every call goes through. */
PubAccountManager *pub_application_get_account_manager (PubApplication *self);
/* The publications of the default draft store: queued ones wait for the
 * network and the current account ("publish-when-online"). */
PubPublishQueue   *pub_application_get_publish_queue   (PubApplication *self);
/* Counts the current account's overdue datasets, for the sidebar and the
 * daily notification. */
PubOverdueMonitor *pub_application_get_overdue_monitor (PubApplication *self);

/* A dataset was deleted from this app: signal "dataset-deleted" (portal
 * base URL, dataset id), for the lists to drop it. */
void               pub_application_dataset_deleted     (PubApplication *self,
                                                        const char     *portal,
                                                        const char     *dataset_id);

G_END_DECLS
