/* ckan-api-token.h: an API token's metadata (never the token itself)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-record.h"

G_BEGIN_DECLS

#define CKAN_TYPE_API_TOKEN (ckan_api_token_get_type ())

G_DECLARE_FINAL_TYPE (CkanApiToken, ckan_api_token, CKAN, API_TOKEN, CkanRecord)

CkanApiToken *ckan_api_token_new_from_json (JsonObject  *object,
                                            GError     **error);

/* The token id (the JWT's jti), used to revoke it. */
const char *ckan_api_token_get_id          (CkanApiToken *self);
const char *ckan_api_token_get_name        (CkanApiToken *self);
const char *ckan_api_token_get_user_id     (CkanApiToken *self);
GDateTime  *ckan_api_token_get_created_at  (CkanApiToken *self);
/* NULL when never used. */
GDateTime  *ckan_api_token_get_last_access (CkanApiToken *self);

G_END_DECLS
