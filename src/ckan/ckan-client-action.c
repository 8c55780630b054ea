/* ckan-client-action.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ckan-client-action-private.h"
#include "ckan-client-private.h"
#include "ckan-error-private.h"
#include "ckan-response-private.h"
#include "ckan-record.h"

/* The result's records were built by the worker that parsed the answer
 * (ckan_client_call_full_async), never on the main loop. */
static void
complete_action (GTask    *task,
                 gpointer  value,
                 GError   *error)
{
  const CkanActionInfo *action = g_task_get_task_data (task);

  if (value == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* A read cancelled after its answer came is still cancelled; a write's
   * answer says what the portal did (the created dataset's id), which the
   * caller needs even after a cancel, or a retry would make a duplicate. */
  if (!(action->flags & CKAN_CALL_WRITE) && g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      ckan_response_result_free_func (action) (value);
      g_task_return_error (task, ckan_error_new_full (CKAN_ERROR_CANCELLED, NULL, 0, NULL, NULL, 0));
      return;
    }

  if (action->parse == NULL)
    {
      json_node_unref (value);
      g_task_return_boolean (task, TRUE);
      return;
    }
  g_task_return_pointer (task, value, action->free_result);
}

static void
action_call_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gpointer value = ckan_client_call_full_finish (CKAN_CLIENT (source), result, &error);

  g_assert (G_IS_TASK (task));

  complete_action (task, value, error);
}

static void
action_upload_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gpointer value = ckan_client_upload_full_finish (CKAN_CLIENT (source), result, &error);

  g_assert (G_IS_TASK (task));

  complete_action (task, value, error);
}

static GTask *
new_action_task (CkanClient           *self,
                 const CkanActionInfo *action,
                 GCancellable         *cancellable,
                 GAsyncReadyCallback   callback,
                 gpointer              user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, (gpointer) action);
  g_task_set_task_data (task, (gpointer) action, NULL);
  g_task_set_name (task, action->name);
  /* Cancelling gives CKAN_ERROR_CANCELLED, as the call primitive does, and
   * only complete_action () decides it: GTask's own check would also turn a
   * write the portal did into G_IO_ERROR_CANCELLED. */
  g_task_set_check_cancellable (task, FALSE);
  return task;
}

void
ckan_client_action_async (CkanClient           *self,
                          const CkanActionInfo *action,
                          JsonObject           *params,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  GTask *task;

  g_return_if_fail (CKAN_IS_CLIENT (self));
  g_return_if_fail (action != NULL);

  task = new_action_task (self, action, cancellable, callback, user_data);
  ckan_client_call_full_async (self, action, params, cancellable, action_call_cb, task);
}

void
ckan_client_action_upload_async (CkanClient           *self,
                                 const CkanActionInfo *action,
                                 JsonObject           *fields,
                                 GFile                *file,
                                 const char           *filename,
                                 CkanProgressFunc      progress,
                                 gpointer              progress_data,
                                 GDestroyNotify        progress_destroy,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  GTask *task;

  g_return_if_fail (CKAN_IS_CLIENT (self));
  g_return_if_fail (action != NULL && (action->flags & CKAN_CALL_WRITE));
  g_return_if_fail (G_IS_FILE (file));

  task = new_action_task (self, action, cancellable, callback, user_data);
  ckan_client_upload_full_async (self, action, fields, file, filename,
                                 progress, progress_data, progress_destroy,
                                 cancellable, action_upload_cb, task);
}

gpointer
ckan_client_action_finish (CkanClient           *self,
                           GAsyncResult         *result,
                           const CkanActionInfo *action,
                           GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == action, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
ckan_client_action_finish_boolean (CkanClient           *self,
                                   GAsyncResult         *result,
                                   const CkanActionInfo *action,
                                   GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == action, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */

static void
set_unexpected (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The portal's answer does not have the expected form. The portal may run a version or extension Publicador does not support."));
}

gpointer
ckan_parse_record (JsonNode  *result,
                   GType      type,
                   GError   **error)
{
  return ckan_record_new_from_node (type, result, error);
}

gpointer
ckan_parse_record_list (JsonNode  *result,
                        GType      type,
                        GError   **error)
{
  if (!JSON_NODE_HOLDS_ARRAY (result))
    {
      set_unexpected (error);
      return NULL;
    }
  return ckan_record_list_from_array (type, json_node_get_array (result));
}

gpointer
ckan_parse_strv (JsonNode  *result,
                 GType      type,
                 GError   **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (result))
    {
      set_unexpected (error);
      return NULL;
    }

  array = json_node_get_array (result);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (element));
    }
  return g_strv_builder_end (builder);
}

gpointer
ckan_parse_object (JsonNode  *result,
                   GType      type,
                   GError   **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (result))
    {
      set_unexpected (error);
      return NULL;
    }
  return json_object_ref (json_node_get_object (result));
}

JsonObject *
ckan_params_new (const char *first_key,
                 ...)
{
  JsonObject *params = json_object_new ();
  const char *key = first_key;
  va_list args;

  va_start (args, first_key);
  while (key != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (value != NULL)
        json_object_set_string_member (params, key, value);
      key = va_arg (args, const char *);
    }
  va_end (args);

  return params;
}

void
ckan_params_set_strv (JsonObject         *params,
                      const char         *key,
                      const char * const *values)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);
  json_object_set_array_member (params, key, array);
}
