/* ckan-user.h: a portal account
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-record.h"

G_BEGIN_DECLS

#define CKAN_TYPE_USER (ckan_user_get_type ())

G_DECLARE_FINAL_TYPE (CkanUser, ckan_user, CKAN, USER, CkanRecord)

CkanUser *ckan_user_new_from_json (JsonObject  *object,
                                   GError     **error);

const char *ckan_user_get_id           (CkanUser *self);
const char *ckan_user_get_name         (CkanUser *self);
const char *ckan_user_get_fullname     (CkanUser *self);
/* display_name, else the full name, else the user name. */
const char *ckan_user_get_display_name (CkanUser *self);
/* Only present for the token's own user and for sysadmins. */
const char *ckan_user_get_email        (CkanUser *self);
gboolean    ckan_user_get_sysadmin     (CkanUser *self);
const char *ckan_user_get_state        (CkanUser *self);
GDateTime  *ckan_user_get_created      (CkanUser *self);

G_END_DECLS
