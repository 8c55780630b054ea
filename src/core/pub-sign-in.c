/* pub-sign-in.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ckan-client-datasets.h"
#include "ckan-error.h"
#include "ckan-organization.h"
#include "ckan-user.h"
#include "pub-sign-in.h"

typedef struct
{
  CkanClient *client;
  char       *token;
  PubAccount *account;
  GError     *network_error;
  guint       timeout;
  gboolean    allow_insecure;
} SignIn;

static void
sign_in_free (SignIn *data)
{
  g_clear_object (&data->client);
  g_clear_object (&data->account);
  g_clear_error (&data->network_error);
  if (data->token != NULL)
    {
      /* The token should not linger in freed memory either. */
      memset (data->token, 0, strlen (data->token));
      g_free (data->token);
    }
  g_free (data);
}

char *
pub_sign_in_normalize_url (const char  *text,
                           GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *with_scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *path = NULL;
  g_autofree char *scheme = NULL;
  gsize len;

  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*trimmed == '\0' || strchr (trimmed, ' ') != NULL)
    goto invalid;

  /* People copy "datos.gob.cl" from a card or a browser's address bar. */
  if (strstr (trimmed, "://") == NULL)
    with_scheme = g_strconcat ("https://", trimmed, NULL);
  else
    with_scheme = g_strdup (trimmed);

  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    goto invalid;

  scheme = g_ascii_strdown (g_uri_get_scheme (uri), -1);
  if (!g_str_equal (scheme, "https") && !g_str_equal (scheme, "http"))
    goto invalid;
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    goto invalid;
  /* A portal address never carries a user or password ("mailto:a@b" typed
   * without a scheme would otherwise pass as one). */
  if (g_uri_get_userinfo (uri) != NULL)
    goto invalid;

  path = g_strdup (g_uri_get_path (uri));
  len = strlen (path);
  while (len > 0 && path[len - 1] == '/')
    path[--len] = '\0';

  return g_uri_join (G_URI_FLAGS_NONE,
                     scheme,
                     NULL,
                     g_uri_get_host (uri),
                     g_uri_get_port (uri),
                     path,
                     NULL, NULL);

invalid:
  g_set_error (error, CKAN_ERROR, CKAN_ERROR_INVALID_URL,
               _("“%s” is not a web address. Write the portal's address, such as https://datos.gob.cl."),
               text != NULL ? text : "");
  return NULL;
}

char *
pub_sign_in_build_token_page_url (const char *portal,
                                  const char *user_name)
{
  g_autofree char *base = pub_sign_in_normalize_url (portal, NULL);
  g_autofree char *escaped = NULL;

  if (base == NULL)
    return NULL;
  if (user_name == NULL || *user_name == '\0')
    return g_strconcat (base, "/dashboard/datasets", NULL);

  escaped = g_uri_escape_string (user_name, NULL, FALSE);
  return g_strconcat (base, "/user/", escaped, "/api-tokens", NULL);
}

static gboolean
version_at_least_2_10 (const char *version)
{
  guint64 major = 0;
  guint64 minor = 0;
  char *end = NULL;

  major = g_ascii_strtoull (version, &end, 10);
  if (end != NULL && *end == '.')
    minor = g_ascii_strtoull (end + 1, NULL, 10);
  return major > 2 || (major == 2 && minor >= 10);
}

static void
organizations_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignIn *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) organizations = NULL;

  g_assert (G_IS_TASK (task));

  organizations = ckan_client_organization_list_for_user_finish (CKAN_CLIENT (object), result, &error);
  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Knowing the organizations is welcome but not needed to sign in. */
  if (organizations != NULL)
    pub_account_set_organizations (data->account, organizations);

  g_task_return_pointer (task, g_steal_pointer (&data->account), g_object_unref);
}

static void
user_show_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignIn *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanUser) user = NULL;
  GCancellable *cancellable;
  CkanClient *client;

  g_assert (G_IS_TASK (task));

  user = ckan_client_user_show_finish (CKAN_CLIENT (object), result, &error);
  if (user == NULL)
    {
      /* The portal ignores a token it does not know and answers as to an
       * anonymous visitor: "who am I" is then not found (or forbidden). */
      if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND) ||
          g_error_matches (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION))
        g_task_return_new_error (task, PUB_ACCOUNT_ERROR, PUB_ACCOUNT_ERROR_TOKEN_REJECTED,
                                 _("The portal did not accept the token."));
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->account = pub_account_new (ckan_client_get_base_url (data->client),
                                   ckan_user_get_id (user),
                                   ckan_user_get_name (user),
                                   ckan_user_get_display_name (user),
                                   data->allow_insecure,
                                   &error);
  if (data->account == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  pub_account_set_token (data->account, data->token, FALSE);

  client = pub_account_get_client (data->account);
  if (data->timeout > 0)
    ckan_client_set_timeout (client, data->timeout);

  /* The default permission would list only the organizations they manage. */
  cancellable = g_task_get_cancellable (task);
  ckan_client_organization_list_for_user_async (client, ckan_user_get_id (user), "read",
                                                cancellable, organizations_cb,
                                                g_steal_pointer (&task));
}

static void
resolve_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignIn *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autolist(GInetAddress) addresses = NULL;

  g_assert (G_IS_TASK (task));

  addresses = g_resolver_lookup_by_name_finish (G_RESOLVER (object), result, &error);
  if (g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND))
    {
      g_task_return_new_error (task, PUB_ACCOUNT_ERROR, PUB_ACCOUNT_ERROR_NO_SUCH_HOST,
                               _("No computer answers to this address."));
      return;
    }
  g_task_return_error (task, g_steal_pointer (&data->network_error));
}

/* The transport says "network" for both a dead connection and a name that
 * does not exist; a person fixes them differently (check the cable, or the
 * spelling), so ask the resolver which one it was. */
static void
tell_network_errors_apart (GTask  *task,
                           GError *error)
{
  SignIn *data = g_task_get_task_data (task);
  g_autoptr(GUri) uri = g_uri_parse (ckan_client_get_base_url (data->client), G_URI_FLAGS_NONE, NULL);
  g_autoptr(GResolver) resolver = g_resolver_get_default ();

  data->network_error = error;
  if (uri == NULL || g_hostname_is_ip_address (g_uri_get_host (uri)))
    {
      g_task_return_error (task, g_steal_pointer (&data->network_error));
      g_object_unref (task);
      return;
    }
  g_resolver_lookup_by_name_async (resolver, g_uri_get_host (uri),
                                   g_task_get_cancellable (task), resolve_cb, task);
}

static void
status_show_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignIn *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanCapabilities) status = NULL;
  GCancellable *cancellable;
  const char *version = NULL;

  g_assert (G_IS_TASK (task));

  status = ckan_client_status_show_finish (data->client, result, &error);
  if (status == NULL)
    {
      if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_JSON) ||
          g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND) ||
          g_error_matches (error, CKAN_ERROR, CKAN_ERROR_BAD_REQUEST) ||
          g_error_matches (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION) ||
          g_error_matches (error, CKAN_ERROR, CKAN_ERROR_VALIDATION))
        /* What the address said stays in the message, for the details. */
        g_task_return_new_error (task, PUB_ACCOUNT_ERROR, PUB_ACCOUNT_ERROR_NOT_CKAN,
                                 "%s (HTTP %u: %s)",
                                 _("The address does not answer as a CKAN portal."),
                                 ckan_error_get_status (error), error->message);
      else if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NETWORK))
        tell_network_errors_apart (g_steal_pointer (&task), g_steal_pointer (&error));
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  version = ckan_capabilities_get_ckan_version (status);
  if (version == NULL || *version == '\0')
    {
      g_task_return_new_error (task, PUB_ACCOUNT_ERROR, PUB_ACCOUNT_ERROR_NOT_CKAN,
                               _("The address does not answer as a CKAN portal."));
      return;
    }
  if (!version_at_least_2_10 (version))
    {
      g_task_return_new_error (task, PUB_ACCOUNT_ERROR, PUB_ACCOUNT_ERROR_OLD_CKAN,
                               _("The portal runs CKAN %s; Publicador needs CKAN 2.10 or newer."),
                               version);
      return;
    }

  ckan_client_set_token (data->client, data->token);
  cancellable = g_task_get_cancellable (task);
  ckan_client_user_show_async (data->client, NULL, cancellable,
                               user_show_cb, g_steal_pointer (&task));
}

void
pub_sign_in_async (const char          *portal_url,
                   const char          *token,
                   gboolean             allow_insecure,
                   guint                timeout,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  SignIn *data;

  g_return_if_fail (portal_url != NULL);
  g_return_if_fail (token != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_sign_in_async);
  data = g_new0 (SignIn, 1);
  data->token = g_strstrip (g_strdup (token));
  g_task_set_task_data (task, data, (GDestroyNotify) sign_in_free);

  url = pub_sign_in_normalize_url (portal_url, &error);
  if (url == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->client = ckan_client_new (url, allow_insecure, &error);
  if (data->client == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data->timeout = timeout;
  data->allow_insecure = allow_insecure;
  if (timeout > 0)
    ckan_client_set_timeout (data->client, timeout);

  /* Asked without the token: a site that turns out not to be the portal
   * never sees it. */
  ckan_client_status_show_async (data->client, cancellable, status_show_cb,
                                 g_steal_pointer (&task));
}

PubAccount *
pub_sign_in_finish (GAsyncResult  *result,
                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pub_sign_in_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
