/* ckan-response.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ckan-response-private.h"

#define EXCERPT_CHARS 300
/* An HTML page's text worth showing is near its top. */
#define EXCERPT_SCAN_BYTES (64 * 1024)

GError *
ckan_response_error_from_transport (const GError *error,
                                    SoupMessage  *msg)
{
  CkanErrorCode code = CKAN_ERROR_NETWORK;

  g_assert (error);

  /* Already ours (the upload stream's FILE_CHANGED travels through libsoup). */
  if (error->domain == CKAN_ERROR)
    return g_error_copy (error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    code = CKAN_ERROR_CANCELLED;
  else if (error->domain == G_TLS_ERROR ||
           (msg && soup_message_get_tls_peer_certificate_errors (msg) != 0))
    code = CKAN_ERROR_TLS;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    code = CKAN_ERROR_TIMEOUT;
  /* Resolver failures, refused, unreachable, reset, broken pipe, a
   * connection closed before an answer, garbage instead of HTTP: all mean
   * the portal could not be reached properly. */

  return ckan_error_new_full (code, NULL, 0, error->message, NULL, 0);
}

guint
ckan_response_parse_retry_after (const char *value)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint64 seconds;
  GTimeSpan span;

  if (value == NULL)
    return 0;
  while (g_ascii_isspace (*value))
    value++;
  if (g_ascii_isdigit (*value))
    {
      char *end = NULL;

      seconds = g_ascii_strtoull (value, &end, 10);
      while (end != NULL && g_ascii_isspace (*end))
        end++;
      if (end == NULL || *end)
        return 0;
      return (guint) MIN (seconds, G_MAXUINT);
    }

  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return 0;
  now = g_date_time_new_now_utc ();
  span = g_date_time_difference (when, now);
  if (span <= 0)
    return 0;
  return (guint) MIN ((span + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND, G_MAXUINT);
}

/* Enough of HTML's entities for error pages in Spanish and English. */
static void
append_entity (GString    *out,
               const char *entity,
               gsize       len)
{
  static const struct { const char *name; const char *text; } entities[] = {
    { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" },
    { "apos", "'" }, { "nbsp", " " },
    { "aacute", "á" }, { "eacute", "é" }, { "iacute", "í" }, { "oacute", "ó" },
    { "uacute", "ú" }, { "ntilde", "ñ" }, { "uuml", "ü" },
    { "Aacute", "Á" }, { "Eacute", "É" }, { "Iacute", "Í" }, { "Oacute", "Ó" },
    { "Uacute", "Ú" }, { "Ntilde", "Ñ" }, { "Uuml", "Ü" },
    { "iexcl", "¡" }, { "iquest", "¿" }, { "laquo", "«" }, { "raquo", "»" },
    { "ndash", "–" }, { "mdash", "—" }, { "hellip", "…" }, { "copy", "©" },
  };
  g_autofree char *name = g_strndup (entity, len);

  if (name[0] == '#')
    {
      gboolean hex = name[1] == 'x' || name[1] == 'X';
      char *end = NULL;
      guint64 code = g_ascii_strtoull (name + (hex ? 2 : 1), &end, hex ? 16 : 10);

      if (end != NULL && !*end && end != name + (hex ? 2 : 1) && code > 0 &&
          g_unichar_validate ((gunichar) code) && code <= 0x10FFFF)
        {
          g_string_append_unichar (out, g_unichar_isspace ((gunichar) code) || g_unichar_iscntrl ((gunichar) code) ? ' ' : (gunichar) code);
          return;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_str_equal (name, entities[i].name))
      {
        g_string_append (out, entities[i].text);
        return;
      }
  g_string_append_c (out, '&');
  g_string_append (out, name);
  g_string_append_c (out, ';');
}

/* The readable text of the start of an HTML (or any) body: tags, scripts and
 * styles removed, whitespace collapsed, cut at EXCERPT_CHARS characters. */
char *
ckan_response_excerpt (GBytes *body)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *valid = NULL;
  const char *data;
  const char *p;
  const char *end;
  gsize size = 0;
  gboolean space = FALSE;

  if (body == NULL)
    return g_strdup ("");
  data = g_bytes_get_data (body, &size);
  valid = g_utf8_make_valid (data ? data : "", MIN (size, EXCERPT_SCAN_BYTES));

  p = valid;
  end = valid + strlen (valid);
  while (p < end && g_utf8_strlen (text->str, -1) < EXCERPT_CHARS)
    {
      if (*p == '<')
        {
          const char *close;

          if (g_ascii_strncasecmp (p, "<script", 7) == 0 || g_ascii_strncasecmp (p, "<style", 6) == 0)
            {
              const char *tag = g_ascii_strncasecmp (p, "<script", 7) == 0 ? "</script" : "</style";
              g_autofree char *lower = g_ascii_strdown (p, -1);
              const char *stop = strstr (lower, tag);

              if (stop == NULL)
                break;
              p += stop - lower;
            }
          close = strchr (p, '>');
          if (close == NULL)
            break;
          p = close + 1;
          space = TRUE;
          continue;
        }
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          p++;
          continue;
        }
      if (space && text->len > 0)
        g_string_append_c (text, ' ');
      space = FALSE;
      if (*p == '&')
        {
          const char *semi = strchr (p, ';');

          if (semi != NULL && semi - p <= 8)
            {
              append_entity (text, p + 1, semi - p - 1);
              p = semi + 1;
              continue;
            }
        }
      g_string_append_len (text, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }

  if (g_utf8_strlen (text->str, -1) > EXCERPT_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (text->str, 0, EXCERPT_CHARS);
      return g_strdup_printf ("%s…", cut);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
content_type_is_json (SoupMessageHeaders *headers)
{
  const char *type = headers ? soup_message_headers_get_content_type (headers, NULL) : NULL;

  if (type == NULL)
    return FALSE;
  return g_ascii_strcasecmp (type, "application/json") == 0 || g_str_has_suffix (type, "+json");
}

/* The answers decided by status and headers alone, whatever the body: a
 * redirect, a proxy's 413/429/502/503/504, and anything that is not JSON. */
GError *
ckan_response_check_http (guint               status,
                          SoupMessageHeaders *headers,
                          GBytes             *body)
{
  g_autofree char *excerpt = NULL;
  const char *retry_after = headers ? soup_message_headers_get_one (headers, "Retry-After") : NULL;

  if (status >= 300 && status < 400)
    {
      const char *location = headers ? soup_message_headers_get_one (headers, "Location") : NULL;
      g_autofree char *message = NULL;

      /* Following it would turn a POST into a GET and could send the token
       * to another host: tell the person instead. */
      message = g_strdup_printf (_("The portal answered from another address (%s). Check the portal address in the account settings; it may have moved."),
                                 location ? location : "?");
      return ckan_error_new_full (CKAN_ERROR_NOT_JSON, message, status, location, NULL, 0);
    }

  if (status == SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE)
    {
      excerpt = ckan_response_excerpt (body);
      return ckan_error_new_full (CKAN_ERROR_TOO_LARGE, NULL, status, excerpt, NULL, 0);
    }

  if (status == 429 /* Too Many Requests */ ||
      (status == SOUP_STATUS_SERVICE_UNAVAILABLE && retry_after != NULL))
    {
      excerpt = ckan_response_excerpt (body);
      return ckan_error_new_full (CKAN_ERROR_RATE_LIMITED, NULL, status, excerpt, NULL,
                                  ckan_response_parse_retry_after (retry_after));
    }

  if (status == SOUP_STATUS_BAD_GATEWAY || status == SOUP_STATUS_SERVICE_UNAVAILABLE ||
      status == SOUP_STATUS_GATEWAY_TIMEOUT)
    {
      excerpt = ckan_response_excerpt (body);
      return ckan_error_new_full (status == SOUP_STATUS_GATEWAY_TIMEOUT ? CKAN_ERROR_TIMEOUT : CKAN_ERROR_SERVER,
                                  NULL, status, excerpt, NULL, 0);
    }

  if (content_type_is_json (headers))
    return NULL;

  excerpt = ckan_response_excerpt (body);
  return ckan_error_new_full (status >= 500 ? CKAN_ERROR_SERVER : CKAN_ERROR_NOT_JSON,
                              NULL, status, excerpt, NULL, 0);
}

static CkanErrorCode
code_for_status (guint status)
{
  switch (status)
    {
    case SOUP_STATUS_FORBIDDEN:
    case SOUP_STATUS_UNAUTHORIZED:
      return CKAN_ERROR_AUTHORIZATION;
    case SOUP_STATUS_NOT_FOUND:
      return CKAN_ERROR_NOT_FOUND;
    case SOUP_STATUS_CONFLICT:
      return CKAN_ERROR_VALIDATION;
    default:
      return status >= 500 ? CKAN_ERROR_SERVER : CKAN_ERROR_BAD_REQUEST;
    }
}

static gboolean
code_for_type (const char    *type,
               CkanErrorCode *code)
{
  static const struct { const char *type; CkanErrorCode code; } types[] = {
    { "Validation Error", CKAN_ERROR_VALIDATION },
    { "Authorization Error", CKAN_ERROR_AUTHORIZATION },
    { "Not Found Error", CKAN_ERROR_NOT_FOUND },
    { "Search Query Error", CKAN_ERROR_SEARCH },
    { "Search Error", CKAN_ERROR_SEARCH },
    { "Integrity Error", CKAN_ERROR_BAD_REQUEST },
    { "Search Index Error", CKAN_ERROR_SERVER },
    { "Search Connection Error", CKAN_ERROR_SERVER },
    { "Internal Server Error", CKAN_ERROR_SERVER },
  };

  for (guint i = 0; type && i < G_N_ELEMENTS (types); i++)
    if (strcmp (type, types[i].type) == 0)
      {
        *code = types[i].code;
        return TRUE;
      }
  return FALSE;
}

/* CKAN's uploader raises {"upload": ["File upload too large"]} untranslated
 * once the whole body has arrived. */
static gboolean
fields_say_too_large (JsonObject *fields)
{
  JsonNode *upload = json_object_get_member (fields, "upload");
  JsonArray *messages;

  if (upload == NULL || !JSON_NODE_HOLDS_ARRAY (upload))
    return FALSE;
  messages = json_node_get_array (upload);
  for (guint i = 0; i < json_array_get_length (messages); i++)
    {
      JsonNode *item = json_array_get_element (messages, i);

      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING &&
          strcmp (json_node_get_string (item), "File upload too large") == 0)
        return TRUE;
    }
  return FALSE;
}

static GError *
error_from_envelope (guint       status,
                     JsonObject *error_object)
{
  g_autoptr(JsonObject) fields = NULL;
  const char *type = NULL;
  const char *message = NULL;
  CkanErrorCode code;
  JsonNode *node;

  node = json_object_get_member (error_object, "__type");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    type = json_node_get_string (node);
  node = json_object_get_member (error_object, "message");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    message = json_node_get_string (node);

  if (!code_for_type (type, &code))
    code = code_for_status (status);

  if (code == CKAN_ERROR_VALIDATION)
    {
      JsonObjectIter iter;
      const char *name;

      fields = json_object_new ();
      json_object_iter_init (&iter, error_object);
      while (json_object_iter_next (&iter, &name, &node))
        if (strcmp (name, "__type") != 0)
          json_object_set_member (fields, name, json_node_copy (node));
      if (fields_say_too_large (fields))
        {
          code = CKAN_ERROR_TOO_LARGE;
          message = NULL;
        }
    }

  return ckan_error_new_full (code, message, status, message ? message : type, fields, 0);
}

JsonNode *
ckan_response_unwrap (guint      status,
                      JsonNode  *root,
                      GError   **error)
{
  JsonObject *envelope;
  JsonNode *success;
  JsonNode *node;

  g_assert (root);

  /* A bare JSON string: unknown action, GET on a write, unparsable request. */
  if (JSON_NODE_HOLDS_VALUE (root) && json_node_get_value_type (root) == G_TYPE_STRING)
    {
      const char *message = json_node_get_string (root);

      g_propagate_error (error, ckan_error_new_full (code_for_status (status), message, status,
                                                     message, NULL, 0));
      return NULL;
    }

  envelope = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  success = envelope ? json_object_get_member (envelope, "success") : NULL;
  if (success == NULL || !JSON_NODE_HOLDS_VALUE (success) || json_node_get_value_type (success) != G_TYPE_BOOLEAN)
    {
      g_autofree char *text = json_to_string (root, FALSE);
      g_autofree char *excerpt = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), EXCERPT_CHARS));

      g_propagate_error (error, ckan_error_new_full (status >= 500 ? CKAN_ERROR_SERVER : CKAN_ERROR_NOT_JSON,
                                                     NULL, status, excerpt, NULL, 0));
      return NULL;
    }

  if (json_node_get_boolean (success))
    {
      node = json_object_get_member (envelope, "result");
      return node ? json_node_copy (node) : json_node_new (JSON_NODE_NULL);
    }

  node = json_object_get_member (envelope, "error");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      g_propagate_error (error, error_from_envelope (status, json_node_get_object (node)));
      return NULL;
    }

  g_propagate_error (error, ckan_error_new_full (code_for_status (status), NULL, status, NULL, NULL, 0));
  return NULL;
}

typedef struct
{
  guint                 status;
  GBytes               *body;
  gboolean              wipe_body;
  const CkanActionInfo *action;
} ReadData;

GDestroyNotify
ckan_response_result_free_func (const CkanActionInfo *action)
{
  if (action != NULL && action->parse != NULL)
    return action->free_result;
  return (GDestroyNotify) json_node_unref;
}

/* GBytes are immutable by contract, but libsoup hands over the only
 * reference to a body it no longer reads: overwriting it is safe. */
static void
wipe_bytes (GBytes *bytes)
{
  gsize size = 0;
  volatile guint8 *p = (volatile guint8 *) g_bytes_get_data (bytes, &size);

  for (gsize i = 0; p && i < size; i++)
    p[i] = 0;
}

static void
read_data_free (ReadData *data)
{
  if (data->wipe_body && data->body != NULL)
    wipe_bytes (data->body);
  g_clear_pointer (&data->body, g_bytes_unref);
  g_free (data);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ReadData *data = task_data;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  const CkanActionInfo *action;
  GError *error = NULL;
  gpointer parsed;
  const char *text;
  JsonNode *result;
  gsize size;

  text = g_bytes_get_data (data->body, &size);
  if (!json_parser_load_from_data (parser, text ? text : "", size, &parse_error) ||
      !json_parser_get_root (parser))
    {
      g_autofree char *excerpt = ckan_response_excerpt (data->body);

      /* Labelled JSON but not JSON: a broken proxy or a truncated answer. */
      g_task_return_error (task, ckan_error_new_full (data->status >= 500 ? CKAN_ERROR_SERVER : CKAN_ERROR_NOT_JSON,
                                                      NULL, data->status, excerpt, NULL, 0));
      return;
    }

  result = ckan_response_unwrap (data->status, json_parser_get_root (parser), &error);
  if (result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (data->action == NULL || data->action->parse == NULL)
    {
      g_task_return_pointer (task, result, (GDestroyNotify) json_node_unref);
      return;
    }

  /* Building the records (a deep copy of a 1000-row package_search, say)
   * happens here too, off the main loop. */
  action = data->action;
  parsed = action->parse (result, action->get_type != NULL ? action->get_type () : G_TYPE_NONE, &error);
  json_node_unref (result);
  if (parsed == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, parsed, action->free_result);
}

void
ckan_response_read_async (SoupMessage          *msg,
                          GBytes               *body,
                          gboolean              wipe_body,
                          const CkanActionInfo *action,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *data;
  GError *error;
  guint status;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ckan_response_read_async);
  g_task_set_check_cancellable (task, FALSE);

  status = soup_message_get_status (msg);
  error = ckan_response_check_http (status, soup_message_get_response_headers (msg), body);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (ReadData, 1);
  data->status = status;
  data->body = body ? g_bytes_ref (body) : g_bytes_new_static ("", 0);
  data->wipe_body = body && wipe_body;
  data->action = action;
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, parse_thread);
}

gpointer
ckan_response_read_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
