/* test-portal.c: the test portal's server: routing, envelope, auth, faults
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-portal-private.h"

#include <glib/gstdio.h>
#include <string.h>

G_DEFINE_FINAL_TYPE (PubTestPortal, pub_test_portal, G_TYPE_OBJECT)

static void
portal_user_free (gpointer data)
{
  PortalUser *user = data;

  g_free (user->id);
  g_free (user->name);
  g_free (user->fullname);
  g_free (user->email);
  g_free (user->created);
  g_free (user);
}

static void
portal_token_free (gpointer data)
{
  PortalToken *token = data;

  g_free (token->token);
  g_free (token->jti);
  g_free (token->user_id);
  g_free (token->name);
  g_free (token->created_at);
  g_free (token->last_access);
  g_free (token);
}

static void
portal_org_free (gpointer data)
{
  PortalOrg *org = data;

  g_free (org->id);
  g_free (org->name);
  g_free (org->title);
  g_free (org->description);
  g_free (org->created);
  g_hash_table_unref (org->members);
  g_free (org);
}

static void
portal_fault_free (gpointer data)
{
  PortalFault *fault = data;

  g_free (fault->action);
  g_free (fault);
}

static void
remove_upload_cb (gpointer key,
                  gpointer value,
                  gpointer user_data)
{
  g_unlink (value);
}

static void
pub_test_portal_finalize (GObject *object)
{
  PubTestPortal *self = PUB_TEST_PORTAL (object);

  portal_cancel_jobs (self);
  portal_cancel_delays (self);
  if (self->server)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_hash_table_foreach (self->uploads, remove_upload_cb, NULL);
  if (self->upload_dir)
    g_rmdir (self->upload_dir);
  g_clear_pointer (&self->upload_dir, g_free);
  g_clear_pointer (&self->locale, g_free);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->site_title, g_free);
  g_clear_pointer (&self->ckan_version, g_free);
  g_clear_pointer (&self->extensions, g_ptr_array_unref);
  g_clear_pointer (&self->licenses, json_array_unref);
  g_clear_pointer (&self->dataset_schema, json_object_unref);
  g_clear_pointer (&self->users, g_hash_table_unref);
  g_clear_pointer (&self->tokens, g_hash_table_unref);
  g_clear_pointer (&self->orgs, g_hash_table_unref);
  g_clear_pointer (&self->datasets, g_ptr_array_unref);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
  g_clear_pointer (&self->threads, g_ptr_array_unref);
  g_clear_pointer (&self->comments, g_ptr_array_unref);
  g_clear_pointer (&self->uploads, g_hash_table_unref);
  g_clear_pointer (&self->validations, g_hash_table_unref);
  g_clear_pointer (&self->validation_crash, g_free);
  g_clear_pointer (&self->load_status, g_hash_table_unref);
  g_clear_pointer (&self->datastore, g_hash_table_unref);
  g_clear_pointer (&self->call_counts, g_hash_table_unref);
  g_list_free_full (g_steal_pointer (&self->faults), portal_fault_free);

  G_OBJECT_CLASS (pub_test_portal_parent_class)->finalize (object);
}

static void
pub_test_portal_class_init (PubTestPortalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pub_test_portal_finalize;
}

static void
pub_test_portal_init (PubTestPortal *self)
{
  self->prefix = g_strdup ("");
  self->extensions = g_ptr_array_new_with_free_func (g_free);
  self->users = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, portal_user_free);
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, portal_token_free);
  self->orgs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, portal_org_free);
  self->datasets = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->activities = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->threads = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->comments = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->uploads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->validations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) json_object_unref);
  self->load_status = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) json_object_unref);
  self->datastore = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) json_object_unref);
  self->call_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->max_upload = 10 * 1024 * 1024;
  self->require_approval = TRUE;
}

PubTestPortal *
pub_test_portal_new (const char  *fixture_path,
                     GError     **error)
{
  g_autoptr(PubTestPortal) self = g_object_new (PUB_TYPE_TEST_PORTAL, NULL);

  self->upload_dir = g_dir_make_tmp ("publicador-test-portal-XXXXXX", error);
  if (!self->upload_dir)
    return NULL;
  if (!portal_load_fixture (self, fixture_path, error))
    return NULL;
  return g_steal_pointer (&self);
}

static void
update_url (PubTestPortal *self)
{
  g_free (self->url);
  self->url = g_strdup_printf ("http://127.0.0.1:%u%s", self->port, self->prefix);
}

gboolean
pub_test_portal_listen (PubTestPortal  *self,
                        guint           port,
                        GError        **error)
{
  g_autoptr(SoupServer) server = NULL;
  GSList *uris;

  g_return_val_if_fail (PUB_IS_TEST_PORTAL (self), FALSE);
  g_return_val_if_fail (!self->server, FALSE);

  server = soup_server_new ("server-header", "Werkzeug/3.1 Python/3.11 (publicador test portal)", NULL);
  soup_server_add_early_handler (server, NULL, portal_early_handler_cb, self, NULL);
  soup_server_add_handler (server, NULL, portal_handler_cb, self, NULL);
  if (!soup_server_listen_local (server, port, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return FALSE;

  uris = soup_server_get_uris (server);
  self->port = uris ? (guint) g_uri_get_port (uris->data) : port;
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  self->server = g_steal_pointer (&server);
  update_url (self);
  return TRUE;
}

const char *
pub_test_portal_get_url (PubTestPortal *self)
{
  g_return_val_if_fail (PUB_IS_TEST_PORTAL (self), NULL);

  return self->url;
}

const char *
portal_site_url (PubTestPortal *self)
{
  return self->url ? self->url : "http://127.0.0.1";
}

void
pub_test_portal_set_prefix (PubTestPortal *self,
                            const char    *prefix)
{
  g_autofree char *clean = g_strdup (prefix ? prefix : "");

  g_return_if_fail (PUB_IS_TEST_PORTAL (self));

  while (*clean && clean[strlen (clean) - 1] == '/')
    clean[strlen (clean) - 1] = '\0';
  g_free (self->prefix);
  self->prefix = *clean && clean[0] != '/' ? g_strconcat ("/", clean, NULL) : g_strdup (clean);
  if (self->server)
    update_url (self);
}

const char *
pub_test_portal_get_token (PubTestPortal *self,
                           const char    *user_name)
{
  GHashTableIter iter;
  PortalToken *token;
  PortalUser *user;

  g_return_val_if_fail (PUB_IS_TEST_PORTAL (self), NULL);

  user = portal_find_user (self, user_name);
  if (!user)
    return NULL;
  /* The fixture's token comes first: it is the oldest one. */
  g_hash_table_iter_init (&iter, self->tokens);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &token))
    if (g_str_equal (token->user_id, user->id) && g_str_equal (token->name, "fixture"))
      return token->token;
  g_hash_table_iter_init (&iter, self->tokens);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &token))
    if (g_str_equal (token->user_id, user->id))
      return token->token;
  return NULL;
}

void
pub_test_portal_revoke_token (PubTestPortal *self,
                              const char    *token)
{
  g_return_if_fail (PUB_IS_TEST_PORTAL (self));

  if (token)
    g_hash_table_remove (self->tokens, token);
}

void
pub_test_portal_inject_fault (PubTestPortal *self,
                              const char    *action,
                              PubTestFault   fault,
                              guint          value,
                              guint          times)
{
  PortalFault *f;

  g_return_if_fail (PUB_IS_TEST_PORTAL (self));

  if (fault == PUB_TEST_FAULT_NONE || times == 0)
    return;
  f = g_new0 (PortalFault, 1);
  f->action = g_strdup (action);
  f->fault = fault;
  f->value = value;
  f->times = times;
  self->faults = g_list_append (self->faults, f);
}

void
pub_test_portal_clear_faults (PubTestPortal *self)
{
  g_return_if_fail (PUB_IS_TEST_PORTAL (self));

  g_list_free_full (g_steal_pointer (&self->faults), portal_fault_free);
}

/* Takes one use of the first fault set for `action`, if any. */
PubTestFault
portal_take_fault (PubTestPortal *self,
                   const char    *action,
                   guint         *value)
{
  for (GList *l = self->faults; l; l = l->next)
    {
      PortalFault *f = l->data;
      PubTestFault fault = f->fault;

      if (f->action && g_strcmp0 (f->action, action) != 0)
        continue;
      *value = f->value;
      if (--f->times == 0)
        {
          self->faults = g_list_delete_link (self->faults, l);
          portal_fault_free (f);
        }
      return fault;
    }
  return PUB_TEST_FAULT_NONE;
}

void
pub_test_portal_set_max_upload (PubTestPortal *self,
                                goffset        bytes)
{
  g_return_if_fail (PUB_IS_TEST_PORTAL (self));

  self->max_upload = bytes;
}

void
pub_test_portal_set_require_approval (PubTestPortal *self,
                                      gboolean       require)
{
  g_return_if_fail (PUB_IS_TEST_PORTAL (self));

  self->require_approval = require;
}

void
pub_test_portal_set_strict_schema (PubTestPortal *self,
                                   gboolean       strict)
{
  g_return_if_fail (PUB_IS_TEST_PORTAL (self));

  self->strict_schema = strict;
}

void
pub_test_portal_set_locale (PubTestPortal *self,
                            const char    *locale)
{
  g_return_if_fail (PUB_IS_TEST_PORTAL (self));

  g_free (self->locale);
  self->locale = g_strdup (g_strcmp0 (locale, "es") == 0 ? "es" : "en");
}

void
pub_test_portal_set_drafts_supported (PubTestPortal *self,
                                      gboolean       supported)
{
  g_return_if_fail (PUB_IS_TEST_PORTAL (self));

  self->no_include_drafts = !supported;
}

void
pub_test_portal_set_job_delay (PubTestPortal *self,
                               guint          msec)
{
  g_return_if_fail (PUB_IS_TEST_PORTAL (self));

  self->job_delay_ms = msec;
}

void
pub_test_portal_set_extension (PubTestPortal *self,
                               const char    *name,
                               gboolean       enabled)
{
  guint index;

  g_return_if_fail (PUB_IS_TEST_PORTAL (self));
  g_return_if_fail (name);

  if (g_ptr_array_find_with_equal_func (self->extensions, name, g_str_equal, &index))
    {
      if (!enabled)
        g_ptr_array_remove_index (self->extensions, index);
    }
  else if (enabled)
    {
      g_ptr_array_add (self->extensions, g_strdup (name));
    }
}

void
portal_count_call (PubTestPortal *self,
                   const char    *action)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->call_counts, action));

  g_hash_table_replace (self->call_counts, g_strdup (action), GUINT_TO_POINTER (count + 1));
}

guint
pub_test_portal_get_call_count (PubTestPortal *self,
                                const char    *action)
{
  g_return_val_if_fail (PUB_IS_TEST_PORTAL (self), 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->call_counts, action));
}

JsonObject *
pub_test_portal_dup_dataset (PubTestPortal *self,
                             const char    *id_or_name)
{
  JsonObject *dataset;

  g_return_val_if_fail (PUB_IS_TEST_PORTAL (self), NULL);

  dataset = portal_find_dataset (self, id_or_name);
  return dataset ? portal_dictize_dataset (self, dataset) : NULL;
}

guint
pub_test_portal_count_datasets (PubTestPortal *self)
{
  guint count = 0;

  g_return_val_if_fail (PUB_IS_TEST_PORTAL (self), 0);

  for (guint i = 0; i < self->datasets->len; i++)
    if (g_strcmp0 (portal_object_string (self->datasets->pdata[i], "state"), "deleted") != 0)
      count++;
  return count;
}

GBytes *
pub_test_portal_dup_upload (PubTestPortal *self,
                            const char    *resource_id)
{
  const char *path;
  g_autoptr(GMappedFile) mapped = NULL;

  g_return_val_if_fail (PUB_IS_TEST_PORTAL (self), NULL);

  path = g_hash_table_lookup (self->uploads, resource_id);
  if (!path)
    return NULL;
  mapped = g_mapped_file_new (path, FALSE, NULL);
  if (!mapped)
    return NULL;
  return g_mapped_file_get_bytes (mapped);
}

const char *
pub_test_portal_get_upload_path (PubTestPortal *self,
                                 const char    *resource_id)
{
  g_return_val_if_fail (PUB_IS_TEST_PORTAL (self), NULL);

  return g_hash_table_lookup (self->uploads, resource_id);
}

const char *
pub_test_portal_get_user_id (PubTestPortal *self,
                             const char    *user_name)
{
  PortalUser *user;

  g_return_val_if_fail (PUB_IS_TEST_PORTAL (self), NULL);

  user = portal_find_user (self, user_name);
  return user ? user->id : NULL;
}

const char *
pub_test_portal_get_org_id (PubTestPortal *self,
                            const char    *org_name)
{
  PortalOrg *org;

  g_return_val_if_fail (PUB_IS_TEST_PORTAL (self), NULL);

  org = portal_find_org (self, org_name);
  return org ? org->id : NULL;
}

guint
pub_test_portal_count_pending_uploads (PubTestPortal *self)
{
  g_return_val_if_fail (PUB_IS_TEST_PORTAL (self), 0);

  return self->pending_uploads;
}
