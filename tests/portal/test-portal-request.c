/* test-portal-request.c: how the test portal receives and answers requests
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-portal-private.h"

#include <glib/gstdio.h>
#include <string.h>

/* A multipart part that is not a file may not exceed this (CKAN 2.11.5). */
#define MAX_FORM_FIELD 500000
#define MAX_FORM_PARTS 1000

/* Per request, from its headers on. */
typedef struct {
  PubTestPortal *portal;   /* weak */
  char *action;            /* NULL: not an API path */
  PubTestFault fault;
  guint fault_value;
  guint64 received;
  PortalMultipart *multipart; /* a multipart body, parsed as it comes */
  gboolean closed;
} PortalMessage;

static void
portal_message_free (gpointer data)
{
  PortalMessage *state = data;

  if (state->multipart && state->portal)
    state->portal->pending_uploads--;
  g_clear_pointer (&state->multipart, portal_multipart_free);
  g_free (state->action);
  g_clear_weak_pointer (&state->portal);
  g_free (state);
}

static void
respond_html (SoupServerMessage *msg,
              guint              status,
              const char        *body)
{
  g_autofree char *page = g_strdup_printf ("<!DOCTYPE html>\n<html><head><title>%u %s</title></head>"
                                           "<body><h1>%s</h1><hr><center>nginx</center></body></html>\n",
                                           status, soup_status_get_phrase (status), body);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&page), strlen (page));
}

static void
respond_json_node (SoupServerMessage *msg,
                   guint              status,
                   JsonNode          *root)
{
  g_autofree char *text = portal_json_to_string (root);
  gsize len = strlen (text);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json;charset=utf-8", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&text), len);
}

/* CKAN's answer for a request it can't route to an action: a bare JSON
 * string. */
static void
respond_bare (SoupServerMessage *msg,
              const char        *message)
{
  PortalMessage *state = g_object_get_data (G_OBJECT (msg), "portal-message");
  g_autofree char *text = state && state->portal ? portal_translate (state->portal, message) : g_strdup (message);
  g_autoptr(JsonNode) node = portal_node_string (text);

  respond_json_node (msg, 400, node);
}

static char *
help_url (PubTestPortal *self,
          const char    *action)
{
  return g_strdup_printf ("%s/api/3/action/help_show?name=%s", portal_site_url (self), action);
}

static void
respond_envelope (PubTestPortal     *self,
                  SoupServerMessage *msg,
                  const char        *action,
                  guint              status,
                  JsonNode          *result,
                  JsonObject        *error)
{
  g_autoptr(JsonObject) envelope = json_object_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *help = help_url (self, action);

  json_object_set_string_member (envelope, "help", help);
  json_object_set_boolean_member (envelope, "success", !error);
  if (error)
    {
      portal_translate_error (self, error);
      json_object_set_object_member (envelope, "error", json_object_ref (error));
    }
  else
    json_object_set_member (envelope, "result", result ? json_node_ref (result) : json_node_new (JSON_NODE_NULL));
  root = json_node_init_object (json_node_alloc (), envelope);
  respond_json_node (msg, status, root);
}

static void
close_connection (SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);

  /* Like a proxy or a worker dying mid-request: the client sees the
   * connection go away, not an HTTP answer. */
  if (socket)
    g_socket_shutdown (socket, TRUE, TRUE, NULL);
}

/* "{prefix}/api/3/action/NAME" or "{prefix}/api/action/NAME" → NAME. */
static char *
parse_action_path (PubTestPortal *self,
                   const char    *path)
{
  const char *rest;

  if (!g_str_has_prefix (path, self->prefix))
    return NULL;
  rest = path + strlen (self->prefix);
  if (g_str_has_prefix (rest, "/api/3/action/"))
    rest += strlen ("/api/3/action/");
  else if (g_str_has_prefix (rest, "/api/action/"))
    rest += strlen ("/api/action/");
  else
    return NULL;
  if (!*rest || strchr (rest, '/'))
    return NULL;
  return g_strdup (rest);
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              PortalMessage     *state)
{
  gsize len = g_bytes_get_size (chunk);

  if (state->closed)
    return;
  state->received += len;
  if (state->fault == PUB_TEST_FAULT_CLOSE_AFTER_BYTES && state->received >= state->fault_value)
    {
      state->closed = TRUE;
      close_connection (msg);
      return;
    }
  /* The file part goes to disk as it comes (a local write is quick
   * enough to do in place), so the body never sits in memory. */
  if (state->multipart)
    portal_multipart_feed (state->multipart, g_bytes_get_data (chunk, NULL), len);
}

static gboolean
is_multipart (SoupServerMessage *msg)
{
  const char *ct = soup_message_headers_get_content_type (soup_server_message_get_request_headers (msg), NULL);

  return ct && g_ascii_strcasecmp (ct, "multipart/form-data") == 0;
}

void
portal_early_handler_cb (SoupServer        *server,
                         SoupServerMessage *msg,
                         const char        *path,
                         GHashTable        *query,
                         gpointer           user_data)
{
  PubTestPortal *self = user_data;
  g_autofree char *action = parse_action_path (self, path);
  const char *method = soup_server_message_get_method (msg);
  PortalMessage *state;
  gboolean spool;

  /* Other methods are refused (405) without counting as a call. */
  if (!action || (!g_str_equal (method, "GET") && !g_str_equal (method, "POST")))
    return;

  state = g_new0 (PortalMessage, 1);
  /* Weak: a request the client dropped must not keep the portal alive. */
  g_set_weak_pointer (&state->portal, self);
  state->action = g_steal_pointer (&action);
  g_object_set_data_full (G_OBJECT (msg), "portal-message", state, portal_message_free);

  portal_count_call (self, state->action);
  state->fault = portal_take_fault (self, state->action, &state->fault_value);

  if (state->fault == PUB_TEST_FAULT_HTML_413)
    {
      /* A proxy refusing the body before it reaches CKAN. */
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
      respond_html (msg, 413, "413 Request Entity Too Large");
      return;
    }

  spool = g_str_equal (method, "POST") && is_multipart (msg);
  if (spool)
    {
      const char *ct = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Content-Type");

      state->multipart = portal_multipart_new (ct, self->upload_dir);
      spool = state->multipart != NULL;
      if (spool)
        self->pending_uploads++;
    }
  if (spool || state->fault == PUB_TEST_FAULT_CLOSE_AFTER_BYTES)
    {
      soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
      g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), state);
    }
  if (state->fault == PUB_TEST_FAULT_CLOSE_AFTER_BYTES && state->fault_value == 0)
    {
      state->closed = TRUE;
      close_connection (msg);
    }
}

/* ---- Answering ---- */

/* The action named `name`, if the portal has it (its plugin is on). */
gboolean
portal_lookup_action (PubTestPortal       *self,
                      const char          *name,
                      const PortalAction **out)
{
  const PortalAction *tables[] = {
    portal_core_actions, portal_dataset_actions, portal_resource_actions,
    portal_extension_actions, portal_datastore_actions, portal_comment_actions,
  };

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    for (const PortalAction *a = tables[t]; a->name; a++)
      if (g_str_equal (a->name, name))
        {
          if (a->extension && !portal_has_extension (self, a->extension))
            return FALSE;
          *out = a;
          return TRUE;
        }
  return FALSE;
}

static JsonObject *
params_from_form (GHashTable *form)
{
  JsonObject *params = json_object_new ();
  GHashTableIter iter;
  const char *key;
  const char *value;

  if (!form)
    return params;
  g_hash_table_iter_init (&iter, form);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    json_object_set_string_member (params, key, value);
  return params;
}

static PortalUser *
authenticate (PubTestPortal     *self,
              SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *value = soup_message_headers_get_one (headers, "Authorization");
  PortalToken *token;

  /* 2.11 reads only Authorization; 2.10 also X-CKAN-API-Key. */
  if (!value || !*value)
    value = soup_message_headers_get_one (headers, "X-CKAN-API-Key");
  if (!value || !*value)
    return NULL;
  token = g_hash_table_lookup (self->tokens, value);
  if (!token)
    return NULL;
  g_free (token->last_access);
  token->last_access = portal_now ();
  return g_hash_table_lookup (self->users, token->user_id);
}

/* The request's parameters, or NULL when an answer was already given. */
static JsonObject *
read_params (PubTestPortal      *self,
             SoupServerMessage  *msg,
             const PortalAction *action,
             PortalMultipart    *job)
{
  const char *method = soup_server_message_get_method (msg);
  const char *query = g_uri_get_query (soup_server_message_get_uri (msg));
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *ct = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize len;
  JsonNode *root;

  if (g_str_equal (method, "GET") || (action->side_effect_free && query && *query))
    {
      g_autoptr(GHashTable) form = query ? soup_form_decode (query) : NULL;

      return params_from_form (form);
    }

  if (job)
    return job->fields ? json_object_ref (job->fields) : json_object_new ();

  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  data = g_bytes_get_data (body, &len);
  if (ct && g_ascii_strcasecmp (ct, "application/x-www-form-urlencoded") == 0)
    {
      g_autofree char *text = g_strndup (data, len);
      g_autoptr(GHashTable) form = soup_form_decode (text);

      return params_from_form (form);
    }
  if (!ct && len == 0)
    return json_object_new ();
  if (!ct || g_ascii_strcasecmp (ct, "application/json") != 0)
    {
      respond_html (msg, 415, "Unsupported Media Type");
      return NULL;
    }
  if (len == 0)
    return json_object_new ();

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &error))
    {
      /* What CKAN 2.11 says (observed), whatever the parse error. */
      respond_bare (msg, "Bad request - JSON Error: Error decoding JSON data. Error: "
                         "<BadRequest '400: Bad Request'> JSON data extracted from the request: {}");
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      respond_bare (msg, "Bad request - JSON Error: Request data JSON decoded to a value "
                         "but it needs to be a dictionary.");
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

static void
dispatch (PubTestPortal     *self,
          SoupServerMessage *msg,
          PortalMessage     *state,
          PortalMultipart   *job)
{
  const PortalAction *action = NULL;
  g_autoptr(JsonObject) params = NULL;
  g_autoptr(JsonNode) result = NULL;
  PortalCall call = { 0 };

  if (!portal_lookup_action (self, state->action, &action))
    {
      g_autofree char *message = g_strdup_printf ("Bad request - Action name not known: %s", state->action);

      respond_bare (msg, message);
      return;
    }
  if (g_str_equal (soup_server_message_get_method (msg), "GET") && !action->side_effect_free)
    {
      respond_bare (msg, "Bad request - JSON Error: Invalid request. Please use POST method for your request");
      return;
    }
  if (job && job->too_large)
    {
      respond_html (msg, 413, "Request Entity Too Large");
      return;
    }
  params = read_params (self, msg, action, job);
  if (!params)
    return;

  call.portal = self;
  call.msg = msg;
  call.action = action->name;
  call.user = authenticate (self, msg);
  call.params = params;
  if (job && job->upload_path)
    {
      call.upload_path = g_steal_pointer (&job->upload_path);
      call.upload_filename = g_strdup (job->upload_filename);
      call.upload_content_type = g_strdup (job->upload_content_type);
      call.upload_size = job->upload_size;
    }

  result = action->func (self, &call);
  if (call.error)
    respond_envelope (self, msg, action->name, call.status, NULL, call.error);
  else
    respond_envelope (self, msg, action->name, 200, result, NULL);

  /* An upload the action did not keep. */
  if (call.upload_path)
    g_unlink (call.upload_path);
  g_free (call.upload_path);
  g_free (call.upload_filename);
  g_free (call.upload_content_type);
  g_clear_pointer (&call.error, json_object_unref);
}

/* `paused`: the message is paused already (a delayed answer). */
static void
answer (PubTestPortal     *self,
        SoupServerMessage *msg,
        PortalMessage     *state,
        gboolean           paused)
{
  if (state->multipart && !portal_multipart_finish (state->multipart))
    respond_bare (msg, "Bad request - the multipart body is malformed or could not be stored");
  else
    dispatch (self, msg, state, state->multipart);
  if (paused)
    soup_server_message_unpause (msg);
}

typedef struct {
  PubTestPortal *portal;
  SoupServerMessage *msg;
  guint source;
} Delayed;

static gboolean
delayed_answer_cb (gpointer user_data)
{
  Delayed *delayed = user_data;
  PubTestPortal *self = delayed->portal;
  PortalMessage *state = g_object_get_data (G_OBJECT (delayed->msg), "portal-message");

  self->delays = g_list_remove (self->delays, delayed);
  answer (self, delayed->msg, state, TRUE);
  g_object_unref (delayed->msg);
  g_free (delayed);
  return G_SOURCE_REMOVE;
}

/* Answers still waiting on a delay fault are dropped with the portal. */
void
portal_cancel_delays (PubTestPortal *self)
{
  for (GList *l = self->delays; l; l = l->next)
    {
      Delayed *delayed = l->data;

      g_source_remove (delayed->source);
      g_object_unref (delayed->msg);
      g_free (delayed);
    }
  g_clear_pointer (&self->delays, g_list_free);
}

static void
respond_retry_after (SoupServerMessage *msg,
                     guint              status,
                     guint              seconds)
{
  g_autofree char *value = g_strdup_printf ("%u", seconds ? seconds : 1);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", value);
  respond_html (msg, status, soup_status_get_phrase (status));
}

static void
serve_download (PubTestPortal     *self,
                SoupServerMessage *msg,
                const char        *path)
{
  g_auto(GStrv) parts = NULL;
  const char *rest = path + strlen (self->prefix);
  JsonObject *dataset = NULL;
  JsonObject *resource;
  const char *file;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *mimetype;

  /* /dataset/{id}/resource/{id}/download/{filename} */
  parts = g_strsplit (rest, "/", -1);
  if (g_strv_length (parts) != 7 || !g_str_equal (parts[1], "dataset") ||
      !g_str_equal (parts[3], "resource") || !g_str_equal (parts[5], "download"))
    {
      respond_html (msg, 404, "Not Found");
      return;
    }
  resource = portal_find_resource (self, parts[4], &dataset);
  file = resource ? g_hash_table_lookup (self->uploads, parts[4]) : NULL;
  if (!resource || !file || dataset != portal_find_dataset (self, parts[2]))
    {
      respond_html (msg, 404, "Not Found");
      return;
    }
  if (!portal_can_read_dataset (self, authenticate (self, msg), dataset))
    {
      respond_html (msg, 403, "Forbidden");
      return;
    }
  mapped = g_mapped_file_new (file, FALSE, NULL);
  if (!mapped)
    {
      respond_html (msg, 500, "Internal Server Error");
      return;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  mimetype = portal_object_string (resource, "mimetype");
  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                         mimetype ? mimetype : "application/octet-stream", NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), bytes);
}

void
portal_handler_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  PubTestPortal *self = user_data;
  PortalMessage *state = g_object_get_data (G_OBJECT (msg), "portal-message");
  const char *method = soup_server_message_get_method (msg);
  Delayed *delayed;

  if (!state)
    {
      g_autofree char *action = parse_action_path (self, path);

      if (action)
        respond_html (msg, 405, "Method Not Allowed");
      else if ((g_str_equal (method, "GET") || g_str_equal (method, "HEAD")) &&
          g_str_has_prefix (path, self->prefix) &&
          g_str_has_prefix (path + strlen (self->prefix), "/dataset/"))
        serve_download (self, msg, path);
      else
        respond_html (msg, 404, "Not Found");
      return;
    }
  if (state->closed)
    return;

  switch (state->fault)
    {
    case PUB_TEST_FAULT_CLOSE_AFTER_BYTES:
      /* The body was shorter than the limit: drop it all the same. */
      state->closed = TRUE;
      close_connection (msg);
      return;
    case PUB_TEST_FAULT_HTTP_500_JSON:
      {
        g_autoptr(JsonObject) error = json_object_new ();

        json_object_set_string_member (error, "__type", "Internal Server Error");
        json_object_set_string_member (error, "message", "Internal Server Error");
        respond_envelope (self, msg, state->action, 500, NULL, error);
        return;
      }
    case PUB_TEST_FAULT_HTML_502:
      respond_html (msg, 502, "502 Bad Gateway");
      return;
    case PUB_TEST_FAULT_HTML_413:
      respond_html (msg, 413, "413 Request Entity Too Large");
      return;
    case PUB_TEST_FAULT_HTML_200:
      respond_html (msg, 200, "Bienvenido a la red WiFi. Acepte los términos para continuar.");
      return;
    case PUB_TEST_FAULT_RATE_LIMIT_429:
      respond_retry_after (msg, 429, state->fault_value);
      return;
    case PUB_TEST_FAULT_UNAVAILABLE_503:
      respond_retry_after (msg, 503, state->fault_value);
      return;
    case PUB_TEST_FAULT_DROP_ANSWER:
      /* Saved, then the proxy or the worker died before the answer left:
       * the change stays, the client hears nothing. */
      answer (self, msg, state, FALSE);
      state->closed = TRUE;
      close_connection (msg);
      return;
    case PUB_TEST_FAULT_DELAY:
      delayed = g_new0 (Delayed, 1);
      delayed->portal = self;
      delayed->msg = g_object_ref (msg);
      soup_server_message_pause (msg);
      delayed->source = g_timeout_add (state->fault_value, delayed_answer_cb, delayed);
      self->delays = g_list_prepend (self->delays, delayed);
      return;
    case PUB_TEST_FAULT_NONE:
    default:
      answer (self, msg, state, FALSE);
      return;
    }
}
