/* ckan-client-call.c: the call primitive, one attempt per message with a
 * cancellable backoff between attempts for reads
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ckan-client-private.h"
#include "ckan-response-private.h"

static char *
encode_query (JsonObject *params)
{
  g_autoptr(GString) query = g_string_new (NULL);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (!params)
    return NULL;
  json_object_iter_init (&iter, params);
  while (json_object_iter_next (&iter, &name, &node))
    {
      g_autofree char *value = NULL;

      /* "callback" turns CKAN's answer into JSONP and drops the token. */
      if (g_str_equal (name, "callback"))
        continue;
      value = ckan_client_param_to_string (node);
      if (!value)
        continue;
      if (query->len)
        g_string_append_c (query, '&');
      g_string_append_uri_escaped (query, name, NULL, FALSE);
      g_string_append_c (query, '=');
      g_string_append_uri_escaped (query, value, NULL, FALSE);
    }
  return g_string_free (g_steal_pointer (&query), query->len == 0);
}

/* The call primitive: one attempt per message, a cancellable backoff between
 * attempts for reads. */

typedef struct {
  char          *action;
  const CkanActionInfo *parser;   /* NULL: the JsonNode is the result */
  CkanCallFlags  flags;
  char          *query;
  GBytes        *body;
  SoupMessage   *msg;
  guint          attempt;
  GSource       *delay_source;
  GSource       *cancel_source;
} CallData;

static void
call_data_clear_sources (CallData *data)
{
  if (data->delay_source)
    g_source_destroy (data->delay_source);
  g_clear_pointer (&data->delay_source, g_source_unref);
  if (data->cancel_source)
    g_source_destroy (data->cancel_source);
  g_clear_pointer (&data->cancel_source, g_source_unref);
}

static void
call_data_free (CallData *data)
{
  call_data_clear_sources (data);
  g_clear_object (&data->msg);
  g_clear_pointer (&data->body, g_bytes_unref);
  g_free (data->query);
  g_free (data->action);
  g_free (data);
}

static void call_send_attempt (GTask *task);

static void
call_return_cancelled (GTask *task)
{
  g_task_return_error (task, ckan_error_new_full (CKAN_ERROR_CANCELLED, NULL, 0, NULL, NULL, 0));
}

/* Both sources hold a reference to the task, dropped when either fires and
 * destroys the pair (GLib keeps the data alive during the dispatch). */
static gboolean
call_delay_done_cb (gpointer user_data)
{
  GTask *task = user_data;
  CallData *data = g_task_get_task_data (task);

  g_assert (G_IS_TASK (task));

  call_data_clear_sources (data);
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    call_return_cancelled (task);
  else
    call_send_attempt (g_object_ref (task));
  return G_SOURCE_REMOVE;
}

static gboolean
call_delay_cancelled_cb (GCancellable *cancellable,
                         gpointer      user_data)
{
  GTask *task = user_data;
  CallData *data = g_task_get_task_data (task);

  g_assert (G_IS_TASK (task));

  call_data_clear_sources (data);
  call_return_cancelled (task);
  return G_SOURCE_REMOVE;
}

/* Whether an answer may be asked again, and after how long. */
static gboolean
call_should_retry (CkanClient   *self,
                   CallData     *data,
                   const GError *error,
                   guint        *delay_ms)
{
  guint status = ckan_error_get_status (error);
  guint retry_after = ckan_error_get_retry_after (error);
  guint64 delay;

  if ((data->flags & CKAN_CALL_WRITE) || data->attempt >= ckan_client_get_max_attempts (self))
    return FALSE;
  if (error->domain != CKAN_ERROR)
    return FALSE;

  switch ((CkanErrorCode) error->code)
    {
    case CKAN_ERROR_NETWORK:
    case CKAN_ERROR_TIMEOUT:
      break;
    case CKAN_ERROR_RATE_LIMITED:
      if (retry_after > CKAN_CLIENT_MAX_RETRY_AFTER)
        return FALSE;
      break;
    case CKAN_ERROR_SERVER:
      if (status != SOUP_STATUS_BAD_GATEWAY && status != SOUP_STATUS_SERVICE_UNAVAILABLE &&
          status != SOUP_STATUS_GATEWAY_TIMEOUT)
        return FALSE;
      break;
    case CKAN_ERROR_VALIDATION:
    case CKAN_ERROR_AUTHORIZATION:
    case CKAN_ERROR_NOT_FOUND:
    case CKAN_ERROR_BAD_REQUEST:
    case CKAN_ERROR_SEARCH:
    case CKAN_ERROR_NOT_JSON:
    case CKAN_ERROR_TOO_LARGE:
    case CKAN_ERROR_TLS:
    case CKAN_ERROR_CANCELLED:
    case CKAN_ERROR_INSECURE:
    case CKAN_ERROR_INVALID_URL:
    case CKAN_ERROR_FILE_CHANGED:
    default:
      return FALSE;
    }

  delay = (guint64) ckan_client_get_retry_base_delay_ms (self) << (data->attempt - 1);
  delay = MAX (delay, (guint64) retry_after * 1000);
  *delay_ms = (guint) MIN (delay, (guint64) CKAN_CLIENT_MAX_RETRY_AFTER * 1000);
  return TRUE;
}

static void
call_fail (GTask  *task,
           GError *error)
{
  CkanClient *self = g_task_get_source_object (task);
  CallData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  guint delay_ms = 0;

  if (!call_should_retry (self, data, error, &delay_ms))
    {
      if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION))
        ckan_client_emit_authorization_failed (self);
      g_task_return_error (task, error);
      return;
    }

  g_debug ("%s: attempt %u failed (%s), next in %u ms", data->action, data->attempt,
           ckan_error_code_to_string (error->code), delay_ms);
  g_error_free (error);

  data->delay_source = g_timeout_source_new (delay_ms);
  g_source_set_callback (data->delay_source, call_delay_done_cb, g_object_ref (task), g_object_unref);
  g_source_attach (data->delay_source, g_task_get_context (task));
  if (cancellable)
    {
      data->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (data->cancel_source, G_SOURCE_FUNC (call_delay_cancelled_cb),
                             g_object_ref (task), g_object_unref);
      g_source_attach (data->cancel_source, g_task_get_context (task));
    }
}

static void
call_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CallData *data = g_task_get_task_data (task);
  GError *error = NULL;
  gpointer value;

  g_assert (G_IS_TASK (task));

  value = ckan_response_read_finish (result, &error);
  if (value)
    {
      g_task_return_pointer (task, value, ckan_response_result_free_func (data->parser));
      return;
    }
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_error_free (error);
      call_return_cancelled (task);
      return;
    }
  call_fail (task, error);
}

static void
call_sent_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  CallData *data = g_task_get_task_data (task);
  GCancellable *cancellable;

  g_assert (G_IS_TASK (task));

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (!body)
    {
      g_debug ("%s: no answer", data->action);
      call_fail (task, ckan_response_error_from_transport (error, data->msg));
      return;
    }

  g_debug ("%s: HTTP %u", data->action, soup_message_get_status (data->msg));
  cancellable = g_task_get_cancellable (task);
  ckan_response_read_async (data->msg, body, (data->flags & CKAN_CALL_SECRET) != 0, data->parser,
                            cancellable, call_read_cb, g_steal_pointer (&task));
}

static void
call_send_attempt (GTask *task)
{
  CkanClient *self = g_task_get_source_object (task);
  CallData *data = g_task_get_task_data (task);
  gboolean post = (data->flags & (CKAN_CALL_WRITE | CKAN_CALL_POST)) != 0;

  data->attempt++;
  g_clear_object (&data->msg);
  data->msg = ckan_client_new_message (self, post ? SOUP_METHOD_POST : SOUP_METHOD_GET,
                                       data->action, data->query);
  if (post)
    soup_message_set_request_body_from_bytes (data->msg, "application/json", data->body);

  ckan_client_send_and_read_async (self, data->msg, g_task_get_cancellable (task), call_sent_cb, task);
}

static void
call_start (CkanClient           *self,
            const char           *action,
            const CkanActionInfo *parser,
            JsonObject           *params,
            CkanCallFlags         flags,
            GCancellable         *cancellable,
            GAsyncReadyCallback   callback,
            gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  CallData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ckan_client_call_async);
  g_task_set_name (task, "ckan_client_call_async");
  /* Cancellation is reported as CKAN_ERROR_CANCELLED, not G_IO_ERROR. */
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (CallData, 1);
  data->action = g_strdup (action);
  data->parser = parser;
  data->flags = flags;
  if (flags & (CKAN_CALL_WRITE | CKAN_CALL_POST))
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(JsonObject) body = json_object_new ();
      char *text;

      if (params)
        {
          JsonObjectIter iter;
          const char *name;
          JsonNode *node;

          json_object_iter_init (&iter, params);
          while (json_object_iter_next (&iter, &name, &node))
            if (!g_str_equal (name, "callback"))
              json_object_set_member (body, name, json_node_ref (node));
        }
      json_node_set_object (root, body);
      text = json_to_string (root, FALSE);
      data->body = g_bytes_new_take (text, strlen (text));
    }
  else
    {
      data->query = encode_query (params);
    }
  g_task_set_task_data (task, data, (GDestroyNotify) call_data_free);

  if (g_cancellable_is_cancelled (cancellable))
    {
      call_return_cancelled (task);
      return;
    }
  call_send_attempt (g_steal_pointer (&task));
}

void
ckan_client_call_async (CkanClient          *self,
                        const char          *action,
                        JsonObject          *params,
                        CkanCallFlags        flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (CKAN_IS_CLIENT (self));
  g_return_if_fail (ckan_client_action_name_is_valid (action));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  call_start (self, action, NULL, params, flags, cancellable, callback, user_data);
}

void
ckan_client_call_full_async (CkanClient           *self,
                             const CkanActionInfo *action,
                             JsonObject           *params,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  g_return_if_fail (CKAN_IS_CLIENT (self));
  g_return_if_fail (action != NULL && ckan_client_action_name_is_valid (action->name));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  call_start (self, action->name, action, params, action->flags, cancellable, callback, user_data);
}

gpointer
ckan_client_call_full_finish (CkanClient    *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (CKAN_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ckan_client_call_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

JsonNode *
ckan_client_call_finish (CkanClient    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (CKAN_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ckan_client_call_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
