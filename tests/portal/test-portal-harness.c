/* test-portal-harness.c: plain libsoup requests to the test portal
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-portal-harness.h"

#include <string.h>

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->portal = pub_test_portal_new (NULL, &error);
  g_assert_no_error (error);
  if (data)
    pub_test_portal_set_prefix (f->portal, data);
  pub_test_portal_listen (f->portal, 0, &error);
  g_assert_no_error (error);
  f->session = soup_session_new ();
  soup_session_set_timeout (f->session, 30);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->session);
  g_assert_finalize_object (f->portal);
}

void
reply_free (Reply *reply)
{
  g_free (reply->content_type);
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->json, json_node_unref);
  g_clear_error (&reply->error);
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_free (reply);
}

typedef struct {
  GBytes *body;
  GError *error;
  gboolean done;
} Pending;

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Pending *pending = user_data;

  pending->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &pending->error);
  pending->done = TRUE;
}

/* The server runs on this thread's main context: send asynchronously and
 * spin the context until the answer is in. */
static Reply *
send (Fixture     *f,
      SoupMessage *msg)
{
  Reply *reply = g_new0 (Reply, 1);
  Pending pending = { 0 };
  const char *ct;

  soup_session_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, NULL, sent_cb, &pending);
  while (!pending.done)
    g_main_context_iteration (NULL, TRUE);
  reply->error = pending.error;
  reply->body = pending.body;
  reply->status = soup_message_get_status (msg);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  ct = soup_message_headers_get_one (reply->headers, "Content-Type");
  reply->content_type = g_strdup (ct);
  if (reply->body && ct && g_str_has_prefix (ct, "application/json"))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      gsize len;
      const char *data = g_bytes_get_data (reply->body, &len);

      if (json_parser_load_from_data (parser, data, (gssize) len, NULL))
        reply->json = json_node_ref (json_parser_get_root (parser));
    }
  return reply;
}

static char *
action_url (Fixture    *f,
            const char *action,
            const char *query)
{
  return g_strdup_printf ("%s/api/3/action/%s%s%s", pub_test_portal_get_url (f->portal), action,
                          query ? "?" : "", query ? query : "");
}

static void
authorize (Fixture     *f,
           SoupMessage *msg,
           const char  *user)
{
  const char *token = user ? pub_test_portal_get_token (f->portal, user) : NULL;

  if (user)
    g_assert_nonnull (token);
  if (token)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", token);
}

Reply *
call_post (Fixture    *f,
           const char *user,
           const char *action,
           const char *format,
           ...)
{
  g_autofree char *url = action_url (f, action, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autofree char *body = NULL;
  g_autoptr(GBytes) bytes = NULL;
  va_list args;

  va_start (args, format);
  body = g_strdup_vprintf (format, args);
  va_end (args);
  bytes = g_bytes_new (body, strlen (body));
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  authorize (f, msg, user);
  return send (f, msg);
}

Reply *
call_get (Fixture    *f,
          const char *user,
          const char *action,
          const char *query)
{
  g_autofree char *url = action_url (f, action, query);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);

  authorize (f, msg, user);
  return send (f, msg);
}

Reply *
call_get_header (Fixture    *f,
                 const char *action,
                 const char *query,
                 const char *header,
                 const char *value)
{
  g_autofree char *url = action_url (f, action, query);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);

  soup_message_headers_replace (soup_message_get_request_headers (msg), header, value);
  return send (f, msg);
}

Reply *
call_raw (Fixture    *f,
          const char *method,
          const char *path,
          const char *content_type,
          GBytes     *body,
          const char *token)
{
  g_autofree char *url = g_strconcat (pub_test_portal_get_url (f->portal), path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);

  if (body)
    soup_message_set_request_body_from_bytes (msg, content_type, body);
  if (token)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", token);
  return send (f, msg);
}

Reply *
call_multipart (Fixture           *f,
                const char        *user,
                const char        *action,
                const char        *filename,
                GBytes            *content,
                const char *const *fields)
{
  g_autofree char *url = action_url (f, action, NULL);
  g_autoptr(SoupMultipart) multipart = soup_multipart_new ("multipart/form-data");
  g_autoptr(SoupMessage) msg = NULL;

  for (guint i = 0; fields && fields[i]; i += 2)
    soup_multipart_append_form_string (multipart, fields[i], fields[i + 1]);
  if (content)
    soup_multipart_append_form_file (multipart, "upload", filename, "text/csv", content);
  msg = soup_message_new_from_multipart (url, multipart);
  authorize (f, msg, user);
  return send (f, msg);
}

static JsonObject *
envelope (Reply *reply)
{
  g_assert_no_error (reply->error);
  g_assert_nonnull (reply->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->json));
  g_assert_cmpstr (reply->content_type, ==, "application/json;charset=utf-8");
  return json_node_get_object (reply->json);
}

static JsonNode *
result_node (Reply *reply)
{
  JsonObject *root = envelope (reply);

  if (!json_object_get_boolean_member (root, "success"))
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (reply->body, NULL), g_bytes_get_size (reply->body));

      g_error ("expected success, got %u: %s", reply->status, text);
    }
  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_nonnull (strstr (json_object_get_string_member (root, "help"), "/api/3/action/help_show?name="));
  return json_object_get_member (root, "result");
}

JsonObject *
reply_result_object (Reply *reply)
{
  JsonNode *node = result_node (reply);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

JsonArray *
reply_result_array (Reply *reply)
{
  JsonNode *node = result_node (reply);

  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_node_get_array (node);
}

void
reply_result_null (Reply *reply)
{
  g_assert_true (JSON_NODE_HOLDS_NULL (result_node (reply)));
}

const char *
reply_error_message (Reply      *reply,
                     guint       status,
                     const char *type)
{
  return json_object_get_string_member (reply_error (reply, status, type), "message");
}

void
run_pending (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
wait_ms (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

JsonObject *
reply_error (Reply      *reply,
             guint       status,
             const char *type)
{
  JsonObject *root = envelope (reply);
  JsonObject *error;

  g_assert_false (json_object_get_boolean_member (root, "success"));
  g_assert_false (json_object_has_member (root, "result"));
  g_assert_cmpuint (reply->status, ==, status);
  error = json_object_get_object_member (root, "error");
  g_assert_cmpstr (json_object_get_string_member (error, "__type"), ==, type);
  return error;
}

const char *
reply_field_message (Reply      *reply,
                     const char *field)
{
  JsonObject *error = reply_error (reply, 409, "Validation Error");
  JsonNode *node = json_object_get_member (error, field);

  g_assert_nonnull (node);
  if (JSON_NODE_HOLDS_VALUE (node))
    return json_node_get_string (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_array_get_string_element (json_node_get_array (node), 0);
}

char *
create_dataset (Fixture    *f,
                const char *user,
                const char *name,
                const char *extra_json)
{
  g_autoptr(Reply) reply = call_post (f, user, "package_create",
                                      "{\"name\": \"%s\", \"owner_org\": \"ministerio-de-prueba\"%s%s}",
                                      name, extra_json ? ", " : "", extra_json ? extra_json : "");

  return g_strdup (json_object_get_string_member (reply_result_object (reply), "id"));
}
