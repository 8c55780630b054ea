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
  /* libsoup's default of 2 connections per host makes the comments inbox,
   * which asks for hundreds of threads, wait in line; 6 is what browsers
   * open to one host. */
  self->session = soup_session_new_with_options ("user-agent", CKAN_CLIENT_USER_AGENT,
                                                 "timeout", self->timeout,
                                                 "max-conns-per-host", 6,
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

gboolean
ckan_client_action_name_is_valid (const char *action)
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
  g_return_val_if_fail (ckan_client_action_name_is_valid (action), NULL);

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

guint
ckan_client_get_max_attempts (CkanClient *self)
{
  g_return_val_if_fail (CKAN_IS_CLIENT (self), 1);

  return self->max_attempts;
}

guint
ckan_client_get_retry_base_delay_ms (CkanClient *self)
{
  g_return_val_if_fail (CKAN_IS_CLIENT (self), 0);

  return self->retry_base_delay_ms;
}

void
ckan_client_send_and_read_async (CkanClient          *self,
                                 SoupMessage         *msg,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (CKAN_IS_CLIENT (self));

  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    callback, user_data);
}
