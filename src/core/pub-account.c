/* pub-account.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ckan-client-datasets.h"
#include "ckan-error.h"
#include "ckan-organization.h"
#include "ckan-record.h"
#include "ckan-user.h"
#include "pub-account.h"
#include "pub-core-error.h"
#include "pub-secret-store.h"

struct _PubAccount
{
  GObject          parent_instance;

  char            *portal_url;
  char            *user_id;
  char            *user_name;
  char            *display_name;
  char            *token_id;
  gboolean         allow_insecure;
  gboolean         session_only;
  PubAccountState  state;

  CkanClient      *client;
  GListStore      *organizations;

  /* Lives as long as the account: background checks end with it. */
  GCancellable    *cancellable;
  gboolean         checking;
};

G_DEFINE_QUARK (pub-account-error-quark, pub_account_error)

G_DEFINE_ENUM_TYPE (PubAccountState, pub_account_state,
  G_DEFINE_ENUM_VALUE (PUB_ACCOUNT_STATE_LOADING, "loading"),
  G_DEFINE_ENUM_VALUE (PUB_ACCOUNT_STATE_READY, "ready"),
  G_DEFINE_ENUM_VALUE (PUB_ACCOUNT_STATE_NEEDS_TOKEN, "needs-token"))

G_DEFINE_FINAL_TYPE (PubAccount, pub_account, G_TYPE_OBJECT)

static void start_check (PubAccount *self);

enum {
  PROP_0,
  PROP_PORTAL_URL,
  PROP_USER_ID,
  PROP_USER_NAME,
  PROP_DISPLAY_NAME,
  PROP_STATE,
  PROP_SESSION_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pub_account_dispose (GObject *object)
{
  PubAccount *self = PUB_ACCOUNT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->organizations);

  G_OBJECT_CLASS (pub_account_parent_class)->dispose (object);
}

static void
pub_account_finalize (GObject *object)
{
  PubAccount *self = PUB_ACCOUNT (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->portal_url, g_free);
  g_clear_pointer (&self->user_id, g_free);
  g_clear_pointer (&self->user_name, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->token_id, g_free);

  G_OBJECT_CLASS (pub_account_parent_class)->finalize (object);
}

static void
pub_account_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PubAccount *self = PUB_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_PORTAL_URL:
      g_value_set_string (value, self->portal_url);
      break;

    case PROP_USER_ID:
      g_value_set_string (value, self->user_id);
      break;

    case PROP_USER_NAME:
      g_value_set_string (value, self->user_name);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, pub_account_get_display_name (self));
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_SESSION_ONLY:
      g_value_set_boolean (value, self->session_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_account_class_init (PubAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pub_account_dispose;
  object_class->finalize = pub_account_finalize;
  object_class->get_property = pub_account_get_property;

  properties[PROP_PORTAL_URL] =
    g_param_spec_string ("portal-url", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_USER_ID] =
    g_param_spec_string ("user-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_USER_NAME] =
    g_param_spec_string ("user-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       PUB_TYPE_ACCOUNT_STATE, PUB_ACCOUNT_STATE_LOADING,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SESSION_ONLY] =
    g_param_spec_boolean ("session-only", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pub_account_init (PubAccount *self)
{
  self->cancellable = g_cancellable_new ();
  self->organizations = g_list_store_new (CKAN_TYPE_ORGANIZATION);
  self->state = PUB_ACCOUNT_STATE_LOADING;
}

PubAccount *
pub_account_new (const char  *portal_url,
                 const char  *user_id,
                 const char  *user_name,
                 const char  *display_name,
                 gboolean     allow_insecure,
                 GError     **error)
{
  g_autoptr(PubAccount) self = NULL;
  g_autoptr(CkanClient) client = NULL;

  g_return_val_if_fail (portal_url != NULL, NULL);
  g_return_val_if_fail (user_id != NULL, NULL);
  g_return_val_if_fail (user_name != NULL, NULL);

  client = ckan_client_new (portal_url, allow_insecure, error);
  if (client == NULL)
    return NULL;

  self = g_object_new (PUB_TYPE_ACCOUNT, NULL);
  self->client = g_steal_pointer (&client);
  /* Every call through this account, whoever made it, can reveal a revoked
   * token. */
  g_signal_connect_object (self->client, "authorization-failed",
                           G_CALLBACK (start_check), self, G_CONNECT_SWAPPED);
  self->portal_url = g_strdup (ckan_client_get_base_url (self->client));
  self->user_id = g_strdup (user_id);
  self->user_name = g_strdup (user_name);
  self->display_name = g_strdup (display_name);
  self->allow_insecure = allow_insecure;

  return g_steal_pointer (&self);
}

const char *
pub_account_get_portal_url (PubAccount *self)
{
  g_return_val_if_fail (PUB_IS_ACCOUNT (self), NULL);

  return self->portal_url;
}

char *
pub_account_dup_portal_label (PubAccount *self)
{
  g_autoptr(GUri) uri = NULL;
  const char *path;

  g_return_val_if_fail (PUB_IS_ACCOUNT (self), NULL);

  uri = g_uri_parse (self->portal_url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (self->portal_url);

  path = g_uri_get_path (uri);
  if (path == NULL || *path == '\0' || g_str_equal (path, "/"))
    {
      if (g_uri_get_port (uri) > 0)
        return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
      return g_strdup (g_uri_get_host (uri));
    }
  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d%s", g_uri_get_host (uri), g_uri_get_port (uri), path);
  return g_strconcat (g_uri_get_host (uri), path, NULL);
}

const char *
pub_account_get_user_id (PubAccount *self)
{
  g_return_val_if_fail (PUB_IS_ACCOUNT (self), NULL);

  return self->user_id;
}

const char *
pub_account_get_user_name (PubAccount *self)
{
  g_return_val_if_fail (PUB_IS_ACCOUNT (self), NULL);

  return self->user_name;
}

const char *
pub_account_get_display_name (PubAccount *self)
{
  g_return_val_if_fail (PUB_IS_ACCOUNT (self), NULL);

  if (self->display_name == NULL || *self->display_name == '\0')
    return self->user_name;
  return self->display_name;
}

gboolean
pub_account_get_allow_insecure (PubAccount *self)
{
  g_return_val_if_fail (PUB_IS_ACCOUNT (self), FALSE);

  return self->allow_insecure;
}

PubAccountState
pub_account_get_state (PubAccount *self)
{
  g_return_val_if_fail (PUB_IS_ACCOUNT (self), PUB_ACCOUNT_STATE_NEEDS_TOKEN);

  return self->state;
}

const char *
pub_account_get_token_id (PubAccount *self)
{
  g_return_val_if_fail (PUB_IS_ACCOUNT (self), NULL);

  return self->token_id;
}

gboolean
pub_account_get_session_only (PubAccount *self)
{
  g_return_val_if_fail (PUB_IS_ACCOUNT (self), FALSE);

  return self->session_only;
}

GListModel *
pub_account_get_organizations (PubAccount *self)
{
  g_return_val_if_fail (PUB_IS_ACCOUNT (self), NULL);

  return G_LIST_MODEL (self->organizations);
}

void
pub_account_set_organizations (PubAccount *self,
                               GPtrArray  *organizations)
{
  g_return_if_fail (PUB_IS_ACCOUNT (self));

  g_list_store_splice (self->organizations, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->organizations)),
                       organizations != NULL ? organizations->pdata : NULL,
                       organizations != NULL ? organizations->len : 0);
}

CkanClient *
pub_account_get_client (PubAccount *self)
{
  g_return_val_if_fail (PUB_IS_ACCOUNT (self), NULL);

  return self->client;
}

gboolean
pub_account_same_as (PubAccount *self,
                     PubAccount *other)
{
  g_return_val_if_fail (PUB_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (PUB_IS_ACCOUNT (other), FALSE);

  return g_str_equal (self->portal_url, other->portal_url) &&
         g_str_equal (self->user_id, other->user_id);
}

static void
set_names (PubAccount *self,
           const char *user_name,
           const char *display_name)
{
  if (user_name != NULL && g_strcmp0 (self->user_name, user_name) != 0)
    {
      g_free (self->user_name);
      self->user_name = g_strdup (user_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_NAME]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
    }
  if (g_strcmp0 (self->display_name, display_name) != 0)
    {
      g_free (self->display_name);
      self->display_name = g_strdup (display_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
    }
}

static void
set_state (PubAccount      *self,
           PubAccountState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
pub_account_update_from (PubAccount *self,
                         PubAccount *other)
{
  g_autoptr(GPtrArray) organizations = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (PUB_IS_ACCOUNT (self));
  g_return_if_fail (PUB_IS_ACCOUNT (other));

  set_names (self, other->user_name, other->display_name);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (other->organizations)); i++)
    g_ptr_array_add (organizations, g_list_model_get_item (G_LIST_MODEL (other->organizations), i));
  pub_account_set_organizations (self, organizations);
}

/* CKAN tokens are JWTs whose payload names the token ("jti"); knowing it
 * lets the tokens page mark the one this app uses. Anything else stays
 * opaque: no id, nothing lost. */
static char *
token_id_from_token (const char *token)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) payload = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree guchar *decoded = NULL;
  JsonNode *root;
  gsize length = 0;

  if (token == NULL)
    return NULL;
  parts = g_strsplit (token, ".", 4);
  if (g_strv_length (parts) != 3)
    return NULL;

  payload = g_string_new (parts[1]);
  g_string_replace (payload, "-", "+", 0);
  g_string_replace (payload, "_", "/", 0);
  while (payload->len % 4 != 0)
    g_string_append_c (payload, '=');
  decoded = g_base64_decode (payload->str, &length);
  if (decoded == NULL || length == 0)
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, (const char *) decoded, length, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return g_strdup (ckan_json_object_get_string_lenient (json_node_get_object (root), "jti"));
}

void
pub_account_set_token (PubAccount *self,
                       const char *token,
                       gboolean    session_only)
{
  g_return_if_fail (PUB_IS_ACCOUNT (self));

  ckan_client_set_token (self->client, token);
  g_free (self->token_id);
  self->token_id = token_id_from_token (token);
  if (self->session_only != session_only)
    {
      self->session_only = session_only;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ONLY]);
    }
  set_state (self, token != NULL ? PUB_ACCOUNT_STATE_READY : PUB_ACCOUNT_STATE_NEEDS_TOKEN);
}

static void
load_token_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PubAccount *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  char *token;

  g_assert (G_IS_TASK (task));

  token = pub_secret_store_lookup_finish (result, &error);
  if (token == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_state (self, PUB_ACCOUNT_STATE_NEEDS_TOKEN);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  pub_account_set_token (self, token, FALSE);
  secret_password_free (token);
  g_task_return_boolean (task, TRUE);
}

void
pub_account_load_token_async (PubAccount          *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PUB_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_account_load_token_async);

  set_state (self, PUB_ACCOUNT_STATE_LOADING);
  pub_secret_store_lookup_async (self->portal_url, self->user_id, cancellable,
                                 load_token_cb, g_steal_pointer (&task));
}

gboolean
pub_account_load_token_finish (PubAccount    *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pub_account_load_token_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
organizations_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PubAccount *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) organizations = NULL;

  g_assert (G_IS_TASK (task));

  organizations = ckan_client_organization_list_for_user_finish (CKAN_CLIENT (object), result, &error);
  /* The list is a nicety: without it the cached one stays. */
  if (organizations != NULL)
    pub_account_set_organizations (self, organizations);
  else
    g_debug ("Organizations of %s not refreshed: %s", self->user_name, error->message);

  g_task_return_boolean (task, TRUE);
}

static void
verify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PubAccount *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanUser) user = NULL;
  GCancellable *cancellable;

  g_assert (G_IS_TASK (task));

  user = ckan_client_user_show_finish (CKAN_CLIENT (object), result, &error);
  if (user == NULL)
    {
      /* "Who am I" asked anonymously is 404 (403 on closed sites): the
       * portal no longer knows this token. */
      if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND) ||
          g_error_matches (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION))
        {
          set_state (self, PUB_ACCOUNT_STATE_NEEDS_TOKEN);
          g_task_return_new_error (task, PUB_ACCOUNT_ERROR, PUB_ACCOUNT_ERROR_TOKEN_REJECTED,
                                   _("The portal no longer accepts this account's token."));
          return;
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_strcmp0 (ckan_user_get_id (user), self->user_id) != 0)
    {
      set_state (self, PUB_ACCOUNT_STATE_NEEDS_TOKEN);
      g_task_return_new_error (task, PUB_ACCOUNT_ERROR, PUB_ACCOUNT_ERROR_WRONG_USER,
                               _("The token belongs to another user."));
      return;
    }

  set_names (self, ckan_user_get_name (user), ckan_user_get_display_name (user));

  /* The default permission lists only organizations the user manages. */
  cancellable = g_task_get_cancellable (task);
  ckan_client_organization_list_for_user_async (self->client, self->user_id, "read", cancellable,
                                                organizations_cb, g_steal_pointer (&task));
}

void
pub_account_verify_async (PubAccount          *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PUB_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_account_verify_async);

  if (self->state != PUB_ACCOUNT_STATE_READY)
    {
      g_task_return_new_error (task, PUB_ACCOUNT_ERROR, PUB_ACCOUNT_ERROR_TOKEN_REJECTED,
                               _("This account has no token."));
      return;
    }

  ckan_client_user_show_async (self->client, NULL, cancellable, verify_cb,
                               g_steal_pointer (&task));
}

gboolean
pub_account_verify_finish (PubAccount    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pub_account_verify_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
check_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PubAccount) self = user_data;
  g_autoptr(GError) error = NULL;

  g_assert (PUB_IS_ACCOUNT (self));

  self->checking = FALSE;
  if (!pub_account_verify_finish (self, result, &error))
    g_debug ("Token check for %s: %s", self->user_name, error->message);
}

static void
start_check (PubAccount *self)
{
  /* A 403 is also what a user without rights in an organization gets; only
   * "who am I" tells a revoked token from a missing permission. */
  if (self->checking || self->state != PUB_ACCOUNT_STATE_READY)
    return;

  self->checking = TRUE;
  pub_account_verify_async (self, self->cancellable, check_cb, g_object_ref (self));
}

void
pub_account_check_error (PubAccount   *self,
                         const GError *error)
{
  g_return_if_fail (PUB_IS_ACCOUNT (self));

  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION))
    start_check (self);
}
