/* ckan-client-validation.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-client-action-private.h"
#include "ckan-client-validation.h"
#include "ckan-error.h"

/* The report carries its own JSON string to parse; that happens where every
 * action's result is parsed, off the main loop. */
static gpointer
parse_validation_report (JsonNode  *result,
                         GType      type,
                         GError   **error)
{
  return ckan_validation_report_new_from_json (result, error);
}

static const CkanActionInfo validation_show = { "resource_validation_show", CKAN_CALL_READ, parse_validation_report, NULL, g_object_unref };
static const CkanActionInfo validation_run = { "resource_validation_run", CKAN_CALL_WRITE, NULL, NULL, NULL };
static const CkanActionInfo help_show = { "help_show", CKAN_CALL_READ, NULL, NULL, NULL };

void
ckan_client_validation_show_async (CkanClient          *client,
                                   const char          *resource_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(JsonObject) params = NULL;

  g_return_if_fail (resource_id != NULL);

  params = ckan_params_new ("resource_id", resource_id, NULL);
  ckan_client_action_async (client, &validation_show, params, cancellable, callback, user_data);
}

CkanValidationReport *
ckan_client_validation_show_finish (CkanClient    *client,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return ckan_client_action_finish (client, result, &validation_show, error);
}

void
ckan_client_validation_run_async (CkanClient          *client,
                                  const char          *resource_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(JsonObject) params = NULL;

  g_return_if_fail (resource_id != NULL);

  params = ckan_params_new ("resource_id", resource_id, NULL);
  /* The portal queues the job; the caller polls validation_show. */
  json_object_set_boolean_member (params, "async", TRUE);
  ckan_client_action_async (client, &validation_run, params, cancellable, callback, user_data);
}

gboolean
ckan_client_validation_run_finish (CkanClient    *client,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return ckan_client_action_finish_boolean (client, result, &validation_run, error);
}

void
ckan_client_action_exists_async (CkanClient          *client,
                                 const char          *action,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(JsonObject) params = NULL;

  g_return_if_fail (action != NULL);

  params = ckan_params_new ("name", action, NULL);
  ckan_client_action_async (client, &help_show, params, cancellable, callback, user_data);
}

gboolean
ckan_client_action_exists_finish (CkanClient    *client,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (ckan_client_action_finish_boolean (client, result, &help_show, &local_error))
    return TRUE;
  /* help_show answers 404 for an action the portal does not have. */
  if (local_error != NULL && !g_error_matches (local_error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
