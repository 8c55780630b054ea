/* pub-secret-store.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pub-core-error.h"
#include "pub-secret-store.h"

const SecretSchema *
pub_secret_store_get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.publicador.Publicador.Token", SECRET_SCHEMA_NONE,
    {
      { "portal", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/* Whatever keeps libsecret from reaching a keyring (no session bus, no
 * Secret Service on it, a locked or missing collection) means the same to a
 * person: the token cannot be kept safely on this computer. */
GError *
pub_secret_store_translate_error (GError     *error,
                                  const char *no_keyring)
{
  g_autoptr(GError) owned = error;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_steal_pointer (&owned);

  if (error->domain == G_DBUS_ERROR ||
      error->domain == G_IO_ERROR ||
      g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED) ||
      g_error_matches (error, SECRET_ERROR, SECRET_ERROR_NO_SUCH_OBJECT))
    {
      g_debug ("Keyring unavailable: %s", error->message);
      return g_error_new_literal (PUB_CORE_ERROR, PUB_CORE_ERROR_NO_KEYRING, no_keyring);
    }

  return g_error_new (PUB_CORE_ERROR, PUB_CORE_ERROR_FAILED,
                      _("The keyring could not be used: %s"), error->message);
}

static GError *
translate_error (GError *error)
{
  return pub_secret_store_translate_error (error, _("No keyring is available to keep the token safely on this computer."));
}

static char *
build_label (const char *portal,
             const char *label_user)
{
  g_autoptr(GUri) uri = g_uri_parse (portal, G_URI_FLAGS_NONE, NULL);
  g_autofree char *place = NULL;

  if (uri != NULL && g_uri_get_host (uri) != NULL)
    {
      const char *path = g_uri_get_path (uri);

      place = g_strconcat (g_uri_get_host (uri),
                           (path != NULL && g_strcmp0 (path, "/") != 0) ? path : "",
                           NULL);
    }
  else
    place = g_strdup (portal);

  return g_strdup_printf ("Publicador — %s@%s", label_user, place);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  g_assert (G_IS_TASK (task));

  if (!secret_password_store_finish (result, &error))
    {
      if (error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "not stored");
      g_task_return_error (task, translate_error (error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
pub_secret_store_store_async (const char          *portal,
                              const char          *user,
                              const char          *label_user,
                              const char          *token,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (portal != NULL);
  g_return_if_fail (user != NULL);
  g_return_if_fail (label_user != NULL);
  g_return_if_fail (token != NULL && *token != '\0');

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_secret_store_store_async);

  label = build_label (portal, label_user);
  secret_password_store (pub_secret_store_get_schema (), SECRET_COLLECTION_DEFAULT,
                         label, token, cancellable, store_cb, g_steal_pointer (&task),
                         "portal", portal,
                         "user", user,
                         NULL);
}

gboolean
pub_secret_store_store_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pub_secret_store_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *token;

  g_assert (G_IS_TASK (task));

  token = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, translate_error (error));
      return;
    }
  if (token == NULL)
    {
      g_task_return_new_error (task, PUB_CORE_ERROR, PUB_CORE_ERROR_NOT_FOUND,
                               _("No token is stored for this account."));
      return;
    }
  g_task_return_pointer (task, token, (GDestroyNotify) secret_password_free);
}

void
pub_secret_store_lookup_async (const char          *portal,
                               const char          *user,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (portal != NULL);
  g_return_if_fail (user != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_secret_store_lookup_async);

  secret_password_lookup (pub_secret_store_get_schema (), cancellable,
                                      lookup_cb, g_steal_pointer (&task),
                                      "portal", portal,
                                      "user", user,
                                      NULL);
}

char *
pub_secret_store_lookup_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pub_secret_store_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  g_assert (G_IS_TASK (task));

  /* FALSE without an error only means there was nothing to remove. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, translate_error (error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
pub_secret_store_clear_async (const char          *portal,
                              const char          *user,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (portal != NULL);
  g_return_if_fail (user != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_secret_store_clear_async);

  secret_password_clear (pub_secret_store_get_schema (), cancellable,
                         clear_cb, g_steal_pointer (&task),
                         "portal", portal,
                         "user", user,
                         NULL);
}

gboolean
pub_secret_store_clear_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pub_secret_store_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
