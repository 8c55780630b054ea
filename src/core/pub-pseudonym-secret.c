/* pub-pseudonym-secret.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <string.h>
#include <sys/random.h>

#include "pub-core-error.h"
#include "pub-pseudonym.h"
#include "pub-pseudonym-secret.h"
#include "pub-secret-store.h"

#define GROUP "Publicador Pseudonym Key"

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.publicador.Publicador.PseudonymKey", SECRET_SCHEMA_NONE,
    {
      { "portal", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "organization", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static GError *
translate_error (GError *error)
{
  return pub_secret_store_translate_error (error,
    _("No keyring is available to keep the organization's pseudonym key on this computer."));
}

typedef struct {
  char    *portal;
  char    *organization;
  GBytes  *key;
  gboolean create;
} SecretData;

static void
secret_data_free (gpointer data)
{
  SecretData *d = data;

  g_free (d->portal);
  g_free (d->organization);
  g_clear_pointer (&d->key, g_bytes_unref);
  g_free (d);
}

static GTask *
new_task (const char          *portal,
          const char          *organization,
          GBytes              *key,
          gboolean             create,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             tag)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  SecretData *d = g_new0 (SecretData, 1);

  g_task_set_source_tag (task, tag);
  d->portal = g_strdup (portal);
  d->organization = g_strdup (organization);
  d->key = key != NULL ? g_bytes_ref (key) : NULL;
  d->create = create;
  g_task_set_task_data (task, d, secret_data_free);
  return task;
}

static void
store_key (GTask  *task,
           GBytes *key);

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SecretData *d = g_task_get_task_data (task);
  GError *error = NULL;
  g_autofree char *encoded = secret_password_lookup_finish (result, &error);
  g_autofree guchar *raw = NULL;
  gsize len = 0;

  if (error != NULL)
    {
      g_task_return_error (task, translate_error (error));
      return;
    }
  if (encoded != NULL)
    {
      raw = g_base64_decode (encoded, &len);
      secret_password_wipe (encoded);
      if (len == PUB_PSEUDONYM_KEY_LENGTH)
        {
          g_task_return_pointer (task, g_bytes_new_take (g_steal_pointer (&raw), len),
                                 (GDestroyNotify) g_bytes_unref);
          return;
        }
    }
  if (!d->create)
    {
      g_task_return_new_error (task, PUB_CORE_ERROR, PUB_CORE_ERROR_NOT_FOUND,
                               _("This computer has no pseudonym key for “%s” yet"), d->organization);
      return;
    }
  {
    guint8 fresh[PUB_PSEUDONYM_KEY_LENGTH];

    /* The kernel's generator, not g_random (a Mersenne Twister whose output
     * can be predicted from earlier output). */
    if (getrandom (fresh, sizeof fresh, 0) != (ssize_t) sizeof fresh)
      {
        g_task_return_new_error (task, PUB_CORE_ERROR, PUB_CORE_ERROR_FAILED,
                                 _("No random key could be made on this computer"));
        return;
      }
    d->key = g_bytes_new (fresh, sizeof fresh);
    memset (fresh, 0, sizeof fresh);
    store_key (g_steal_pointer (&task), d->key);
  }
}

void
pub_pseudonym_secret_lookup_async (const char          *portal,
                                   const char          *organization,
                                   gboolean             create,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (portal != NULL && organization != NULL);

  task = new_task (portal, organization, NULL, create, cancellable, callback, user_data,
                   pub_pseudonym_secret_lookup_async);
  secret_password_lookup (get_schema (), cancellable, lookup_cb, task,
                          "portal", portal, "organization", organization, NULL);
}

GBytes *
pub_pseudonym_secret_lookup_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SecretData *d = g_task_get_task_data (task);
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      g_task_return_error (task, translate_error (error));
      return;
    }
  if (g_task_get_source_tag (task) == pub_pseudonym_secret_lookup_async)
    g_task_return_pointer (task, g_bytes_ref (d->key), (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_boolean (task, TRUE);
}

static void
store_key (GTask  *task,
           GBytes *key)
{
  SecretData *d = g_task_get_task_data (task);
  gsize len;
  const guchar *data = g_bytes_get_data (key, &len);
  g_autofree char *encoded = g_base64_encode (data, len);
  g_autofree char *label = g_strdup_printf (_("Publicador — pseudonym key of %s"), d->organization);

  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, encoded,
                         g_task_get_cancellable (task), store_cb, task,
                         "portal", d->portal, "organization", d->organization, NULL);
  secret_password_free (g_steal_pointer (&encoded));
}

void
pub_pseudonym_secret_store_async (const char          *portal,
                                  const char          *organization,
                                  GBytes              *key,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (portal != NULL && organization != NULL && key != NULL);

  task = new_task (portal, organization, key, FALSE, cancellable, callback, user_data,
                   pub_pseudonym_secret_store_async);
  store_key (task, key);
}

gboolean
pub_pseudonym_secret_store_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
pub_pseudonym_secret_export (const char *organization,
                             GBytes     *key)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *encoded = NULL;
  gsize len;
  const guchar *data = g_bytes_get_data (key, &len);

  encoded = g_base64_encode (data, len);
  g_key_file_set_string (file, GROUP, "Organization", organization);
  g_key_file_set_string (file, GROUP, "Key", encoded);
  g_key_file_set_comment (file, NULL, NULL,
                          _(" Publicador: the key that turns personal data into pseudonyms.\n"
                            " Whoever holds this file can find out who is behind each pseudonym:\n"
                            " keep it as you would keep the original data, and delete it once imported."),
                          NULL);
  secret_password_free (g_steal_pointer (&encoded));
  return g_key_file_to_data (file, NULL, NULL);
}

GBytes *
pub_pseudonym_secret_import (const char  *text,
                             char       **organization,
                             GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *encoded = NULL;
  g_autofree char *org = NULL;
  g_autofree guchar *raw = NULL;
  gsize len = 0;

  if (!g_key_file_load_from_data (file, text, -1, G_KEY_FILE_NONE, NULL) ||
      (org = g_key_file_get_string (file, GROUP, "Organization", NULL)) == NULL ||
      (encoded = g_key_file_get_string (file, GROUP, "Key", NULL)) == NULL ||
      (raw = g_base64_decode (encoded, &len)) == NULL || len != PUB_PSEUDONYM_KEY_LENGTH)
    {
      g_set_error_literal (error, PUB_CORE_ERROR, PUB_CORE_ERROR_FAILED,
                           _("This file is not a pseudonym key exported by Publicador"));
      return NULL;
    }
  secret_password_free (g_steal_pointer (&encoded));
  if (organization != NULL)
    *organization = g_steal_pointer (&org);
  return g_bytes_new_take (g_steal_pointer (&raw), len);
}
