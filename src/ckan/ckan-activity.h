/* ckan-activity.h: one entry of a dataset's or the dashboard's activity stream
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-record.h"

G_BEGIN_DECLS

#define CKAN_TYPE_ACTIVITY (ckan_activity_get_type ())

G_DECLARE_FINAL_TYPE (CkanActivity, ckan_activity, CKAN, ACTIVITY, CkanRecord)

CkanActivity *ckan_activity_new_from_json (JsonObject  *object,
                                           GError     **error);

const char *ckan_activity_get_id            (CkanActivity *self);
GDateTime  *ckan_activity_get_timestamp     (CkanActivity *self);
const char *ckan_activity_get_user_id       (CkanActivity *self);
const char *ckan_activity_get_object_id     (CkanActivity *self);
/* "new package", "changed package", "deleted package", ... */
const char *ckan_activity_get_activity_type (CkanActivity *self);
/* From data.package, as it was at the time of the activity. */
const char *ckan_activity_get_package_name  (CkanActivity *self);
const char *ckan_activity_get_package_title (CkanActivity *self);
/* The actor's user name when the portal says it (data.actor), else NULL. */
const char *ckan_activity_get_actor         (CkanActivity *self);
/* dashboard_activity_list only. */
gboolean    ckan_activity_get_is_new        (CkanActivity *self);

G_END_DECLS
