/* ckan-client-validation.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-client-validation.h"
#include "ckan-error.h"

static void
validation_show_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ckan_client_call_finish (CKAN_CLIENT (source), result, &error);
  CkanValidationReport *report;

  if (!node)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  report = ckan_validation_report_new_from_json (node, &error);
  if (!report)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, report, g_object_unref);
}

void
ckan_client_validation_show_async (CkanClient          *client,
                                   const char          *resource_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonObject) params = json_object_new ();

  g_return_if_fail (CKAN_IS_CLIENT (client));
  g_return_if_fail (resource_id);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, ckan_client_validation_show_async);
  json_object_set_string_member (params, "resource_id", resource_id);
  ckan_client_call_async (client, "resource_validation_show", params, CKAN_CALL_READ,
                          cancellable, validation_show_cb, g_steal_pointer (&task));
}

CkanValidationReport *
ckan_client_validation_show_finish (CkanClient    *client,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
validation_run_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ckan_client_call_finish (CKAN_CLIENT (source), result, &error);

  if (!node && error)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
ckan_client_validation_run_async (CkanClient          *client,
                                  const char          *resource_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonObject) params = json_object_new ();

  g_return_if_fail (CKAN_IS_CLIENT (client));
  g_return_if_fail (resource_id);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, ckan_client_validation_run_async);
  json_object_set_string_member (params, "resource_id", resource_id);
  /* The portal queues the job; the caller polls validation_show. */
  json_object_set_boolean_member (params, "async", TRUE);
  ckan_client_call_async (client, "resource_validation_run", params, CKAN_CALL_WRITE,
                          cancellable, validation_run_cb, g_steal_pointer (&task));
}

gboolean
ckan_client_validation_run_finish (CkanClient    *client,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
action_exists_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ckan_client_call_finish (CKAN_CLIENT (source), result, &error);

  if (node || !error)
    g_task_return_boolean (task, TRUE);
  else if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND))
    g_task_return_boolean (task, FALSE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
ckan_client_action_exists_async (CkanClient          *client,
                                 const char          *action,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonObject) params = json_object_new ();

  g_return_if_fail (CKAN_IS_CLIENT (client));
  g_return_if_fail (action);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, ckan_client_action_exists_async);
  json_object_set_string_member (params, "name", action);
  ckan_client_call_async (client, "help_show", params, CKAN_CALL_READ,
                          cancellable, action_exists_cb, g_steal_pointer (&task));
}

gboolean
ckan_client_action_exists_finish (CkanClient    *client,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
