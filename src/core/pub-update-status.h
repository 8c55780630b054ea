/* pub-update-status.h: when a dataset's next update is due, from its frequency
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ckan-dataset.h"

G_BEGIN_DECLS

typedef enum {
  PUB_UPDATE_STATUS_NONE,        /* no frequency, an unknown one, or no date */
  PUB_UPDATE_STATUS_UP_TO_DATE,
  PUB_UPDATE_STATUS_DUE_SOON,
  PUB_UPDATE_STATUS_OVERDUE,
} PubUpdateStatus;

#define PUB_TYPE_UPDATE_STATUS (pub_update_status_get_type ())
GType pub_update_status_get_type (void) G_GNUC_CONST;

/* `frequency` is the dataset's frequency field: 1d, 7d, 1m, 3m, 4m, 6m or
 * 1y (ISO 8601 durations such as P1M or R/P1M are read too). The due date
 * is `last_change` plus that period, counted on the calendar of `now`'s time
 * zone. `out_days` receives the whole days until it (DUE_SOON, 0 = today) or
 * since it (OVERDUE), else 0. */
PubUpdateStatus  pub_update_status_compute       (const char  *frequency,
                                                  GDateTime   *last_change,
                                                  GDateTime   *now,
                                                  int         *out_days);
/* "Up to date", "Due in 5 days", "Overdue by 12 days"; NULL for NONE. */
char            *pub_update_status_describe      (PubUpdateStatus status,
                                                  int              days);
/* When the dataset's data last changed, or NULL (transfer full). */
GDateTime       *pub_update_status_last_change   (CkanDataset *dataset);

G_END_DECLS
