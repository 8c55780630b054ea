/* ckan-client.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ckan-client-private.h"
#include "ckan-response-private.h"

struct _CkanClient
{
  GObject      parent_instance;

  char        *base_url;   /* normalized, no trailing slash */
  char        *token;      /* memory only; wiped before it is freed */
  SoupSession *session;
  guint        timeout;
  guint        retry_base_delay_ms;
  guint        max_attempts;
};

G_DEFINE_FINAL_TYPE (CkanClient, ckan_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  AUTHORIZATION_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A plain memset before free may be optimized away; writes through a
 * volatile pointer may not. */
void
ckan_wipe_string (char *secret)
{
  volatile char *p = (volatile char *) secret;

  if (!secret)
    return;
  while (*p)
    *p++ = '\0';
}

void
ckan_wipe_free (char *secret)
{
  ckan_wipe_string (secret);
  g_free (secret);
}

static void
clear_token (CkanClient *self)
{
  ckan_wipe_string (self->token);
  g_clear_pointer (&self->token, g_free);
}

static void
ckan_client_dispose (GObject *object)
{
  CkanClient *self = CKAN_CLIENT (object);

  if (self->session)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (ckan_client_parent_class)->dispose (object);
}

static void
ckan_client_finalize (GObject *object)
{
  CkanClient *self = CKAN_CLIENT (object);

  clear_token (self);
  g_clear_pointer (&self->base_url, g_free);

  G_OBJECT_CLASS (ckan_client_parent_class)->finalize (object);
}

static void
ckan_client_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CkanClient *self = CKAN_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ckan_client_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CkanClient *self = CKAN_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_free (self->base_url);
      self->base_url = g_value_dup_string (value);
      break;
    case PROP_TIMEOUT:
      ckan_client_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ckan_client_class_init (CkanClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ckan_client_dispose;
  object_class->finalize = ckan_client_finalize;
  object_class->get_property = ckan_client_get_property;
  object_class->set_property = ckan_client_set_property;

  /* Set through ckan_client_new (), which validates it. */
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Seconds without any progress on a connection before giving up: an idle
   * timeout, so a slow upload that keeps moving is never cut. */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, 3600, CKAN_CLIENT_DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A call ended in an Authorization Error (403): the token may have been
   * revoked. Whoever holds the account checks; the call's own callback
   * still gets the error. */
  signals[AUTHORIZATION_FAILED] =
    g_signal_new ("authorization-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ckan_client_init (CkanClient *self)
{
  self->timeout = CKAN_CLIENT_DEFAULT_TIMEOUT;
  self->retry_base_delay_ms = CKAN_CLIENT_DEFAULT_RETRY_BASE_MS;
  self->max_attempts = CKAN_CLIENT_DEFAULT_ATTEMPTS;
  /* No SoupCookieJar on purpose: a CKAN session cookie would win over the
   * token and turn on CSRF checks. */
  self->session = soup_session_new_with_options ("user-agent", CKAN_CLIENT_USER_AGENT,
                                                 "timeout", self->timeout,
                                                 NULL);
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address && g_inet_address_get_is_loopback (address);
}

/* Validates and normalizes a portal address the way a person types it. */
static char *
normalize_base_url (const char  *base_url,
                    gboolean     allow_insecure,
                    GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *path = NULL;
  g_autofree char *scheme_lower = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) normalized = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *scheme;
  const char *host;
  gsize len;

  if (!base_url)
    base_url = "";
  trimmed = g_strstrip (g_strdup (base_url));
  uri = g_uri_parse (trimmed, G_URI_FLAGS_ENCODED, &parse_error);
  if (!uri)
    {
      g_set_error_literal (error, CKAN_ERROR, CKAN_ERROR_INVALID_URL,
                           ckan_error_code_to_message (CKAN_ERROR_INVALID_URL));
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  /* Credentials, a query or a fragment have no place in a portal address
   * (and credentials there would leak into logs). */
  if ((g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0) ||
      !host || !*host || g_uri_get_userinfo (uri) || g_uri_get_query (uri) || g_uri_get_fragment (uri))
    {
      g_set_error_literal (error, CKAN_ERROR, CKAN_ERROR_INVALID_URL,
                           ckan_error_code_to_message (CKAN_ERROR_INVALID_URL));
      return NULL;
    }

  if (g_ascii_strcasecmp (scheme, "http") == 0 && !allow_insecure && !host_is_loopback (host))
    {
      g_set_error_literal (error, CKAN_ERROR, CKAN_ERROR_INSECURE,
                           ckan_error_code_to_message (CKAN_ERROR_INSECURE));
      return NULL;
    }

  path = g_strdup (g_uri_get_path (uri));
  len = strlen (path);
  while (len > 0 && path[len - 1] == '/')
    path[--len] = '\0';

  scheme_lower = g_ascii_strdown (scheme, -1);
  normalized = g_uri_build (G_URI_FLAGS_ENCODED, scheme_lower, NULL, host,
                            g_uri_get_port (uri), path, NULL, NULL);
  return g_uri_to_string (normalized);
}

CkanClient *
ckan_client_new (const char  *base_url,
                 gboolean     allow_insecure,
                 GError     **error)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  normalized = normalize_base_url (base_url, allow_insecure, error);
  if (!normalized)
    return NULL;
  return g_object_new (CKAN_TYPE_CLIENT, "base-url", normalized, NULL);
}

const char *
ckan_client_get_base_url (CkanClient *self)
{
  g_return_val_if_fail (CKAN_IS_CLIENT (self), NULL);

  return self->base_url;
}

void
ckan_client_set_token (CkanClient *self,
                       const char *token)
{
  g_return_if_fail (CKAN_IS_CLIENT (self));

  clear_token (self);
  if (token && *token)
    self->token = g_strdup (token);
}

gboolean
ckan_client_has_token (CkanClient *self)
{
  g_return_val_if_fail (CKAN_IS_CLIENT (self), FALSE);

  return self->token != NULL;
}

void
ckan_client_set_timeout (CkanClient *self,
                         guint       seconds)
{
  g_return_if_fail (CKAN_IS_CLIENT (self));
  g_return_if_fail (seconds > 0);

  if (self->timeout == seconds)
    return;
  self->timeout = seconds;
  g_object_set (self->session, "timeout", seconds, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

void
ckan_client_set_retry_base_delay_ms (CkanClient *self,
                                     guint       delay_ms)
{
  g_return_if_fail (CKAN_IS_CLIENT (self));

  self->retry_base_delay_ms = delay_ms;
}

void
ckan_client_set_max_attempts (CkanClient *self,
                              guint       attempts)
{
  g_return_if_fail (CKAN_IS_CLIENT (self));
  g_return_if_fail (attempts > 0);

  self->max_attempts = attempts;
}

void
ckan_client_emit_authorization_failed (CkanClient *self)
{
  g_return_if_fail (CKAN_IS_CLIENT (self));

  g_signal_emit (self, signals[AUTHORIZATION_FAILED], 0);
}

guint
ckan_client_get_timeout (CkanClient *self)
{
  g_return_val_if_fail (CKAN_IS_CLIENT (self), 0);

  return self->timeout;
}

static gboolean
action_name_is_valid (const char *action)
{
  if (!action || !*action)
    return FALSE;
  for (const char *p = action; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
      return FALSE;
  return TRUE;
}

char *
ckan_client_build_action_url (CkanClient *self,
                              const char *action)
{
  g_return_val_if_fail (CKAN_IS_CLIENT (self), NULL);
  g_return_val_if_fail (action_name_is_valid (action), NULL);

  return g_strconcat (self->base_url, "/api/3/action/", action, NULL);
}

SoupMessage *
ckan_client_new_message (CkanClient *self,
                         const char *method,
                         const char *action,
                         const char *query)
{
  g_autofree char *url = ckan_client_build_action_url (self, action);
  g_autofree char *full = NULL;
  SoupMessageHeaders *headers;
  SoupMessage *msg;

  full = query && *query ? g_strconcat (url, "?", query, NULL) : g_steal_pointer (&url);
  msg = soup_message_new (method, full);
  g_assert (msg);

  /* Never follow a redirect: it turns a POST into a GET and may carry the
   * token to another host. */
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (self->token)
    {
      /* Raw, no "Bearer": 2.11 reads Authorization, 2.10 X-CKAN-API-Key. */
      soup_message_headers_replace (headers, "Authorization", self->token);
      soup_message_headers_replace (headers, "X-CKAN-API-Key", self->token);
    }
  return msg;
}

char *
ckan_client_param_to_string (JsonNode *node)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      return NULL;
    case JSON_NODE_OBJECT:
    case JSON_NODE_ARRAY:
      return json_to_string (node, FALSE);
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
    default:
      return json_to_string (node, FALSE);
    }
}

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

  if ((data->flags & CKAN_CALL_WRITE) || data->attempt >= self->max_attempts)
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

  delay = (guint64) self->retry_base_delay_ms << (data->attempt - 1);
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

  soup_session_send_and_read_async (self->session, data->msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), call_sent_cb, task);
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
  g_return_if_fail (action_name_is_valid (action));
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
  g_return_if_fail (action != NULL && action_name_is_valid (action->name));
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
