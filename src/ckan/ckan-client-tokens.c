/* ckan-client-tokens.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ckan-client-action-private.h"
#include "ckan-client-private.h"
#include "ckan-client-tokens.h"
#include "ckan-record.h"

/* {"token": "<jwt>"}: the caller gets the only copy the client keeps. The
 * parsed answer is this call's alone, so the string in it is overwritten
 * (the answer's bytes are, by CKAN_CALL_SECRET). What libsoup's and
 * json-glib's own buffers held on the way cannot be reached. */
static gpointer
parse_token (JsonNode  *result,
             GType      type,
             GError   **error)
{
  const char *token = NULL;
  char *copy;

  if (JSON_NODE_HOLDS_OBJECT (result))
    token = ckan_json_object_get_string_lenient (json_node_get_object (result), "token");
  if (token == NULL || *token == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The portal did not return the new token. Try again, or create the token on the portal's website."));
      return NULL;
    }
  copy = g_strdup (token);
  ckan_wipe_string ((char *) token);
  return copy;
}

static const CkanActionInfo api_token_list = { "api_token_list", CKAN_CALL_READ, ckan_parse_record_list, ckan_api_token_get_type, (GDestroyNotify) g_ptr_array_unref };
/* Wiped when dropped unread (the caller cancelled, say). */
static const CkanActionInfo api_token_create = { "api_token_create", CKAN_CALL_WRITE | CKAN_CALL_SECRET, parse_token, NULL, (GDestroyNotify) ckan_wipe_free };
static const CkanActionInfo api_token_revoke = { "api_token_revoke", CKAN_CALL_WRITE, NULL, NULL, NULL };

void
ckan_client_api_token_list_async (CkanClient          *self,
                                  const char          *user_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  /* 2.10 names the parameter user_id, 2.11 accepts user too. */
  g_autoptr(JsonObject) params = ckan_params_new ("user_id", user_id, NULL);

  g_return_if_fail (user_id != NULL);
  ckan_client_action_async (self, &api_token_list, params, cancellable, callback, user_data);
}

GPtrArray *
ckan_client_api_token_list_finish (CkanClient    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return ckan_client_action_finish (self, result, &api_token_list, error);
}

void
ckan_client_api_token_create_async (CkanClient          *self,
                                    const char          *user_id,
                                    const char          *name,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("user", user_id, "name", name, NULL);

  g_return_if_fail (user_id != NULL && name != NULL);
  ckan_client_action_async (self, &api_token_create, params, cancellable, callback, user_data);
}

char *
ckan_client_api_token_create_finish (CkanClient    *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return ckan_client_action_finish (self, result, &api_token_create, error);
}

void
ckan_client_api_token_revoke_async (CkanClient          *self,
                                    const char          *token_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonObject) params = ckan_params_new ("jti", token_id, NULL);

  g_return_if_fail (token_id != NULL);
  ckan_client_action_async (self, &api_token_revoke, params, cancellable, callback, user_data);
}

gboolean
ckan_client_api_token_revoke_finish (CkanClient    *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return ckan_client_action_finish_boolean (self, result, &api_token_revoke, error);
}
