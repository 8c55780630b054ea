/* pub-account-manager.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-organization.h"
#include "pub-account-manager.h"
#include "pub-core-error.h"
#include "pub-secret-store.h"

struct _PubAccountManager
{
  GObject       parent_instance;

  GSettings    *settings;
  GPtrArray    *accounts;
  PubAccount   *current;
  GCancellable *cancellable;
  gboolean      loading;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PubAccountManager, pub_account_manager, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CURRENT_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return PUB_TYPE_ACCOUNT;
}

static guint
get_n_items (GListModel *model)
{
  return PUB_ACCOUNT_MANAGER (model)->accounts->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  PubAccountManager *self = PUB_ACCOUNT_MANAGER (model);

  if (position >= self->accounts->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->accounts, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static GVariant *
serialize_organizations (PubAccount *account)
{
  GListModel *organizations = pub_account_get_organizations (account);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ssss)"));
  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(CkanOrganization) org = g_list_model_get_item (organizations, i);
      const char *title = ckan_organization_get_title (org);
      const char *capacity = ckan_organization_get_capacity (org);

      g_variant_builder_add (&builder, "(ssss)",
                             ckan_organization_get_id (org),
                             ckan_organization_get_name (org) ? ckan_organization_get_name (org) : "",
                             title ? title : "",
                             capacity ? capacity : "");
    }
  return g_variant_builder_end (&builder);
}

static GVariant *
serialize_account (PubAccount *account)
{
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "portal", "s", pub_account_get_portal_url (account));
  g_variant_dict_insert (&dict, "user-id", "s", pub_account_get_user_id (account));
  g_variant_dict_insert (&dict, "user-name", "s", pub_account_get_user_name (account));
  g_variant_dict_insert (&dict, "display-name", "s", pub_account_get_display_name (account));
  g_variant_dict_insert (&dict, "allow-insecure", "b", pub_account_get_allow_insecure (account));
  g_variant_dict_insert_value (&dict, "organizations", serialize_organizations (account));
  return g_variant_dict_end (&dict);
}

static void
save (PubAccountManager *self)
{
  GVariantBuilder builder;

  if (self->loading)
    return;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; i < self->accounts->len; i++)
    g_variant_builder_add_value (&builder, serialize_account (g_ptr_array_index (self->accounts, i)));
  g_settings_set_value (self->settings, "accounts", g_variant_builder_end (&builder));

  if (self->current != NULL)
    g_settings_set (self->settings, "current-account", "(ss)",
                    pub_account_get_portal_url (self->current),
                    pub_account_get_user_id (self->current));
  else
    g_settings_set (self->settings, "current-account", "(ss)", "", "");
}

static PubAccount *
deserialize_account (GVariant *value)
{
  g_autoptr(GVariantDict) dict = g_variant_dict_new (value);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariantIter) orgs = NULL;
  g_autoptr(GPtrArray) organizations = NULL;
  const char *portal = NULL;
  const char *user_id = NULL;
  const char *user_name = NULL;
  const char *display_name = NULL;
  gboolean allow_insecure = FALSE;
  const char *id, *name, *title, *capacity;
  PubAccount *account;

  if (!g_variant_dict_lookup (dict, "portal", "&s", &portal) ||
      !g_variant_dict_lookup (dict, "user-id", "&s", &user_id) ||
      !g_variant_dict_lookup (dict, "user-name", "&s", &user_name))
    return NULL;
  g_variant_dict_lookup (dict, "display-name", "&s", &display_name);
  g_variant_dict_lookup (dict, "allow-insecure", "b", &allow_insecure);

  account = pub_account_new (portal, user_id, user_name, display_name, allow_insecure, &error);
  if (account == NULL)
    {
      g_debug ("Skipping a stored account: %s", error->message);
      return NULL;
    }

  organizations = g_ptr_array_new_with_free_func (g_object_unref);
  if (g_variant_dict_lookup (dict, "organizations", "a(ssss)", &orgs))
    {
      while (g_variant_iter_next (orgs, "(&s&s&s&s)", &id, &name, &title, &capacity))
        {
          g_autoptr(JsonObject) object = json_object_new ();
          CkanOrganization *org;

          json_object_set_string_member (object, "id", id);
          json_object_set_string_member (object, "name", name);
          json_object_set_string_member (object, "title", title);
          json_object_set_string_member (object, "capacity", capacity);
          org = ckan_organization_new_from_json (object, NULL);
          if (org != NULL)
            g_ptr_array_add (organizations, org);
        }
    }
  pub_account_set_organizations (account, organizations);
  return account;
}

static void
account_changed_cb (PubAccountManager *self)
{
  g_assert (PUB_IS_ACCOUNT_MANAGER (self));

  save (self);
}

static void
track_account (PubAccountManager *self,
               PubAccount        *account)
{
  g_signal_connect_object (account, "notify::display-name",
                           G_CALLBACK (account_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pub_account_get_organizations (account), "items-changed",
                           G_CALLBACK (account_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
untrack_account (PubAccountManager *self,
                 PubAccount        *account)
{
  g_signal_handlers_disconnect_by_data (account, self);
  g_signal_handlers_disconnect_by_data (pub_account_get_organizations (account), self);
}

static void
startup_verify_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Offline at startup is fine; a rejected token has already turned the
   * account NEEDS_TOKEN and the UI shows it. */
  if (!pub_account_verify_finish (PUB_ACCOUNT (object), result, &error))
    g_debug ("Startup check of %s: %s",
             pub_account_get_user_name (PUB_ACCOUNT (object)), error->message);
}

static void
load_token_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PubAccountManager) self = user_data;
  PubAccount *account = PUB_ACCOUNT (object);
  g_autoptr(GError) error = NULL;

  g_assert (PUB_IS_ACCOUNT_MANAGER (self));

  if (!pub_account_load_token_finish (account, result, &error))
    {
      g_debug ("No token for %s: %s", pub_account_get_user_name (account), error->message);
      return;
    }
  /* A token revoked while the app was closed shows up now, not in the middle
   * of a publish. */
  if (account == self->current)
    pub_account_verify_async (account, self->cancellable, startup_verify_cb, NULL);
}

static void
load (PubAccountManager *self)
{
  g_autoptr(GVariant) accounts = g_settings_get_value (self->settings, "accounts");
  g_autofree char *current_portal = NULL;
  g_autofree char *current_user = NULL;
  GVariantIter iter;
  GVariant *child;

  self->loading = TRUE;

  g_variant_iter_init (&iter, accounts);
  while ((child = g_variant_iter_next_value (&iter)) != NULL)
    {
      PubAccount *account = deserialize_account (child);

      g_variant_unref (child);
      if (account == NULL)
        continue;
      if (pub_account_manager_find (self, pub_account_get_portal_url (account),
                                    pub_account_get_user_id (account)) != NULL)
        {
          g_object_unref (account);
          continue;
        }
      g_ptr_array_add (self->accounts, account);
      track_account (self, account);
    }

  g_settings_get (self->settings, "current-account", "(ss)", &current_portal, &current_user);
  self->current = pub_account_manager_find (self, current_portal, current_user);
  if (self->current == NULL && self->accounts->len > 0)
    self->current = g_ptr_array_index (self->accounts, 0);
  if (self->current != NULL)
    g_object_ref (self->current);

  self->loading = FALSE;

  for (guint i = 0; i < self->accounts->len; i++)
    pub_account_load_token_async (g_ptr_array_index (self->accounts, i), self->cancellable,
                                  load_token_cb, g_object_ref (self));
}

static void
pub_account_manager_constructed (GObject *object)
{
  PubAccountManager *self = PUB_ACCOUNT_MANAGER (object);

  G_OBJECT_CLASS (pub_account_manager_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (BASE_APPLICATION_ID);
  load (self);
}

static void
pub_account_manager_dispose (GObject *object)
{
  PubAccountManager *self = PUB_ACCOUNT_MANAGER (object);

  g_cancellable_cancel (self->cancellable);
  for (guint i = 0; i < self->accounts->len; i++)
    untrack_account (self, g_ptr_array_index (self->accounts, i));
  g_ptr_array_set_size (self->accounts, 0);
  g_clear_object (&self->current);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pub_account_manager_parent_class)->dispose (object);
}

static void
pub_account_manager_finalize (GObject *object)
{
  PubAccountManager *self = PUB_ACCOUNT_MANAGER (object);

  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pub_account_manager_parent_class)->finalize (object);
}

static void
pub_account_manager_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PubAccountManager *self = PUB_ACCOUNT_MANAGER (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_CURRENT_ACCOUNT:
      g_value_set_object (value, self->current);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_account_manager_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PubAccountManager *self = PUB_ACCOUNT_MANAGER (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_CURRENT_ACCOUNT:
      pub_account_manager_set_current (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_account_manager_class_init (PubAccountManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pub_account_manager_constructed;
  object_class->dispose = pub_account_manager_dispose;
  object_class->finalize = pub_account_manager_finalize;
  object_class->get_property = pub_account_manager_get_property;
  object_class->set_property = pub_account_manager_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CURRENT_ACCOUNT] =
    g_param_spec_object ("current-account", NULL, NULL,
                         PUB_TYPE_ACCOUNT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pub_account_manager_init (PubAccountManager *self)
{
  self->accounts = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
}

PubAccountManager *
pub_account_manager_new (GSettings *settings)
{
  return g_object_new (PUB_TYPE_ACCOUNT_MANAGER,
                       "settings", settings,
                       NULL);
}

PubAccount *
pub_account_manager_get_current (PubAccountManager *self)
{
  g_return_val_if_fail (PUB_IS_ACCOUNT_MANAGER (self), NULL);

  return self->current;
}

void
pub_account_manager_set_current (PubAccountManager *self,
                                 PubAccount        *account)
{
  g_return_if_fail (PUB_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (account == NULL || PUB_IS_ACCOUNT (account));

  if (account != NULL && !g_ptr_array_find (self->accounts, account, NULL))
    {
      g_critical ("Account %s is not in the list", pub_account_get_user_name (account));
      return;
    }
  if (!g_set_object (&self->current, account))
    return;

  save (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_ACCOUNT]);
}

PubAccount *
pub_account_manager_find (PubAccountManager *self,
                          const char        *portal_url,
                          const char        *user_id)
{
  g_return_val_if_fail (PUB_IS_ACCOUNT_MANAGER (self), NULL);

  for (guint i = 0; i < self->accounts->len; i++)
    {
      PubAccount *account = g_ptr_array_index (self->accounts, i);

      if (g_strcmp0 (pub_account_get_portal_url (account), portal_url) == 0 &&
          g_strcmp0 (pub_account_get_user_id (account), user_id) == 0)
        return account;
    }
  return NULL;
}

typedef struct
{
  PubAccount *account;
  char       *token;
  gboolean    session_only;
} AddData;

static void
add_data_free (AddData *data)
{
  g_clear_object (&data->account);
  if (data->token != NULL)
    {
      memset (data->token, 0, strlen (data->token));
      g_free (data->token);
    }
  g_free (data);
}

static void
finish_add (GTask *task)
{
  PubAccountManager *self = g_task_get_source_object (task);
  AddData *data = g_task_get_task_data (task);
  PubAccount *account;

  account = pub_account_manager_find (self, pub_account_get_portal_url (data->account),
                                      pub_account_get_user_id (data->account));
  if (account != NULL)
    {
      /* The same person signing in again (a new token after a revoked one):
       * keep the object everybody already holds. */
      pub_account_update_from (account, data->account);
    }
  else
    {
      account = data->account;
      g_ptr_array_add (self->accounts, g_object_ref (account));
      track_account (self, account);
      g_list_model_items_changed (G_LIST_MODEL (self), self->accounts->len - 1, 0, 1);
    }

  pub_account_set_token (account, data->token, data->session_only);
  save (self);
  pub_account_manager_set_current (self, account);

  g_task_return_pointer (task, g_object_ref (account), g_object_unref);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  g_assert (G_IS_TASK (task));

  if (!pub_secret_store_store_finish (result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  finish_add (task);
}

void
pub_account_manager_add_async (PubAccountManager   *self,
                               PubAccount          *account,
                               const char          *token,
                               gboolean             session_only,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AddData *data;

  g_return_if_fail (PUB_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (PUB_IS_ACCOUNT (account));
  g_return_if_fail (token != NULL && *token != '\0');

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_account_manager_add_async);
  data = g_new0 (AddData, 1);
  data->account = g_object_ref (account);
  data->token = g_strdup (token);
  data->session_only = session_only;
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);

  if (session_only)
    {
      finish_add (task);
      return;
    }

  pub_secret_store_store_async (pub_account_get_portal_url (account),
                                pub_account_get_user_id (account),
                                pub_account_get_user_name (account),
                                token, cancellable, store_cb, g_steal_pointer (&task));
}

PubAccount *
pub_account_manager_add_finish (PubAccountManager  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pub_account_manager_add_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PubAccountManager *self = g_task_get_source_object (task);
  PubAccount *account = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  guint position;

  g_assert (G_IS_TASK (task));

  /* Without a keyring nothing was ever stored there: signing out only has
   * to forget the token in memory. */
  if (!pub_secret_store_clear_finish (result, &error) &&
      !g_error_matches (error, PUB_CORE_ERROR, PUB_CORE_ERROR_NO_KEYRING))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  pub_account_set_token (account, NULL, FALSE);
  if (g_ptr_array_find (self->accounts, account, &position))
    {
      untrack_account (self, account);
      if (self->current == account)
        {
          g_clear_object (&self->current);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_ACCOUNT]);
        }
      g_ptr_array_remove_index (self->accounts, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
    }
  if (self->current == NULL && self->accounts->len > 0)
    pub_account_manager_set_current (self, g_ptr_array_index (self->accounts, 0));
  save (self);

  g_task_return_boolean (task, TRUE);
}

void
pub_account_manager_sign_out_async (PubAccountManager   *self,
                                    PubAccount          *account,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PUB_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (PUB_IS_ACCOUNT (account));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_account_manager_sign_out_async);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);

  pub_secret_store_clear_async (pub_account_get_portal_url (account),
                                pub_account_get_user_id (account),
                                cancellable, clear_cb, g_steal_pointer (&task));
}

gboolean
pub_account_manager_sign_out_finish (PubAccountManager  *self,
                                     GAsyncResult       *result,
                                     GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pub_account_manager_sign_out_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
