/* pub-publish-job-resources.c: the publish job's second step: each file
 * or link, matched to what the portal already holds before anything is sent
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ckan-error.h"
#include "pub-publish-job-private.h"

/* Step 2: the resources */

/* Every resource id this draft ever made on the portal, kept in the draft
 * so one removed from the draft later can be removed from the portal too,
 * and nobody else's ever is. */
#define RECORD_CREATED "created_resources"

static gboolean
is_ours (PubPublishJob *self,
         const char    *id)
{
  JsonNode *node = pub_draft_get_publish_record (self->draft, RECORD_CREATED);
  JsonArray *ids = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
    {
      if (g_strcmp0 (json_array_get_string_element (ids, i), id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
remember_ours (PubPublishJob *self,
               const char    *id)
{
  JsonNode *old = pub_draft_get_publish_record (self->draft, RECORD_CREATED);
  g_autoptr(JsonNode) node = NULL;

  if (is_ours (self, id))
    return;
  node = old != NULL && JSON_NODE_HOLDS_ARRAY (old) ? json_node_copy (old)
                                                    : json_node_init_array (json_node_alloc (), json_array_new ());
  json_array_add_string_element (json_node_get_array (node), id);
  pub_draft_set_publish_record (self->draft, RECORD_CREATED, node);
}

static JsonArray *
remote_resources (PubPublishJob *self)
{
  JsonNode *node = json_object_get_member (self->dataset, "resources");

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* What each file's last upload sent (sha256, size), by path, written
 * before it goes; "done" once the portal confirmed it. Matching and change
 * detection go by these, not by the draft's idea of the file, which may be
 * older than the file (it changed between attempts). */
#define RECORD_UPLOADS "uploads"

static JsonObject *
sent_record (PubPublishJob    *self,
             PubDraftResource *resource)
{
  JsonNode *node = pub_draft_get_publish_record (self->draft, RECORD_UPLOADS);
  JsonNode *entry;

  if (pub_draft_resource_get_kind (resource) != PUB_DRAFT_RESOURCE_FILE ||
      node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  entry = json_object_get_member (json_node_get_object (node), pub_draft_resource_get_path (resource));
  return entry != NULL && JSON_NODE_HOLDS_OBJECT (entry) ? json_node_get_object (entry) : NULL;
}

static void
record_sent (PubPublishJob    *self,
             PubDraftResource *resource,
             gboolean          done)
{
  JsonNode *old = pub_draft_get_publish_record (self->draft, RECORD_UPLOADS);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *entry = json_object_new ();

  if (pub_draft_resource_get_kind (resource) != PUB_DRAFT_RESOURCE_FILE)
    {
      json_object_unref (entry);
      return;
    }
  node = old != NULL && JSON_NODE_HOLDS_OBJECT (old) ? json_node_copy (old)
                                                     : json_node_init_object (json_node_alloc (), json_object_new ());
  if (pub_draft_resource_get_sha256 (resource) != NULL)
    json_object_set_string_member (entry, "sha256", pub_draft_resource_get_sha256 (resource));
  json_object_set_int_member (entry, "size", pub_draft_resource_get_size (resource));
  json_object_set_boolean_member (entry, "done", done);
  json_object_set_object_member (json_node_get_object (node), pub_draft_resource_get_path (resource), entry);
  pub_draft_set_publish_record (self->draft, RECORD_UPLOADS, node);
}

/* Whether the portal's copy (found by id, else by name and size) holds
 * other bytes than the file now has. */
static gboolean
file_changed (PubPublishJob    *self,
              PubDraftResource *resource,
              JsonObject       *remote,
              gboolean          by_id)
{
  JsonObject *sent = sent_record (self, resource);
  gint64 remote_size;

  if (pub_draft_resource_get_kind (resource) != PUB_DRAFT_RESOURCE_FILE)
    return FALSE;
  if (sent == NULL)
    {
      /* A draft from before the record: the size is all there is. */
      remote_size = json_object_get_int_member_with_default (remote, "size", -1);
      return remote_size >= 0 && remote_size != pub_draft_resource_get_size (resource);
    }
  /* A replacement whose answer was lost may or may not have landed; sent
   * again it replaces, never duplicates. (Found by name, it was a create,
   * which only exists once all of it arrived.) */
  if (by_id && !json_object_get_boolean_member_with_default (sent, "done", FALSE))
    return TRUE;
  return g_strcmp0 (json_object_get_string_member_with_default (sent, "sha256", NULL),
                    pub_draft_resource_get_sha256 (resource)) != 0 ||
         json_object_get_int_member_with_default (sent, "size", -1) != pub_draft_resource_get_size (resource);
}

/* The portal's copy of this resource: by the id we recorded, else one of
 * the same name and size (or address) that nothing else claimed, which an
 * earlier run sent without hearing the answer. */
static JsonObject *
find_remote (PubPublishJob    *self,
             PubDraftResource *resource,
             gboolean         *by_id)
{
  JsonArray *remote = remote_resources (self);
  const char *recorded = pub_draft_resource_get_remote_id (resource);
  gboolean is_link = pub_draft_resource_get_kind (resource) == PUB_DRAFT_RESOURCE_LINK;
  JsonObject *sent = sent_record (self, resource);
  /* What was sent, which may not be the file as it is now. */
  gint64 size = sent != NULL ? json_object_get_int_member_with_default (sent, "size", -1)
                             : pub_draft_resource_get_size (resource);

  for (guint pass = 0; remote != NULL && pass < 2; pass++)
    {
      for (guint i = 0; i < json_array_get_length (remote); i++)
        {
          JsonObject *r = json_array_get_object_element (remote, i);
          const char *id = r ? json_object_get_string_member_with_default (r, "id", NULL) : NULL;

          if (id == NULL || g_hash_table_contains (self->claimed, id))
            continue;
          *by_id = pass == 0;
          if (pass == 0 && g_strcmp0 (id, recorded) == 0)
            return r;
          if (pass == 1 &&
              g_strcmp0 (json_object_get_string_member_with_default (r, "name", NULL),
                         pub_draft_resource_get_name (resource)) == 0 &&
              (is_link ? g_strcmp0 (json_object_get_string_member_with_default (r, "url", NULL),
                                    pub_draft_resource_get_url (resource)) == 0
                       : json_object_get_int_member_with_default (r, "size", -1) == size))
            return r;
        }
    }
  return NULL;
}

static PubDraftResource *
current_resource (PubPublishJob *self)
{
  return g_list_model_get_item (pub_draft_get_resources (self->draft), self->index);
}

static void
resource_done (PubPublishJob    *self,
               PubDraftResource *resource,
               const char       *remote_id)
{
  g_hash_table_add (self->claimed, g_strdup (remote_id));
  remember_ours (self, remote_id);
  record_sent (self, resource, TRUE);
  g_clear_pointer (&self->replacing, g_free);
  pub_draft_resource_set_remote_id (resource, remote_id);
  if (pub_draft_resource_get_kind (resource) == PUB_DRAFT_RESOURCE_FILE)
    self->done_bytes += MAX (pub_draft_resource_get_size (resource), 0);
  self->index++;
  _pub_publish_job_save_then (self, _pub_publish_job_next_resource);
}

static void
update_progress (PubPublishJob *self,
                 goffset        sent,
                 goffset        total)
{
  double elapsed = (g_get_monotonic_time () - self->upload_started) / (double) G_USEC_PER_SEC;

  if (sent != self->last_sent)
    _pub_publish_job_note_activity (self);
  self->last_sent = sent;

  self->file_fraction = total > 0 ? (double) sent / total : 0.0;
  self->fraction = self->total_bytes > 0 ? (double) (self->done_bytes + sent) / self->total_bytes : 0.0;
  self->fraction = CLAMP (self->fraction, 0.0, 1.0);
  self->speed = elapsed > 0.2 ? sent / elapsed : 0.0;
  self->seconds_left = self->speed > 0 ? (gint64) ((self->total_bytes - self->done_bytes - sent) / self->speed) : -1;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify (G_OBJECT (self), "file-fraction");
  g_object_notify (G_OBJECT (self), "fraction");
  g_object_notify (G_OBJECT (self), "speed");
  g_object_notify (G_OBJECT (self), "seconds-left");
  g_object_thaw_notify (G_OBJECT (self));
  pub_draft_set_progress (self->draft, self->fraction);
}

static void
upload_progress_cb (goffset  sent,
                    goffset  total,
                    gpointer user_data)
{
  update_progress (user_data, sent, total);
}

static void
resource_created_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  PubPublishJob *self = user_data;
  g_autoptr(PubDraftResource) resource = current_resource (self);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  const char *id;

  g_assert (PUB_IS_PUBLISH_JOB (self));

  if (pub_draft_resource_get_kind (resource) == PUB_DRAFT_RESOURCE_FILE)
    node = ckan_client_upload_finish (CKAN_CLIENT (object), result, &error);
  else
    node = ckan_client_call_finish (CKAN_CLIENT (object), result, &error);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      (id = json_object_get_string_member_with_default (json_node_get_object (node), "id", NULL)) == NULL)
    {
      if (error == NULL)
        error = g_error_new_literal (CKAN_ERROR, CKAN_ERROR_NOT_JSON, _("The portal gave an unexpected answer."));
      /* Whether it arrived is unknown: look again before sending it again. */
      _pub_publish_job_handle_error (self, error, _pub_publish_job_lookup_by_id);
      return;
    }

  if (remote_resources (self) != NULL && self->replacing == NULL)
    json_array_add_element (remote_resources (self), json_node_copy (node));
  resource_done (self, resource, id);
}

static void
add_fields (JsonObject       *fields,
            PubDraftResource *resource)
{
  json_object_set_string_member (fields, "name", pub_draft_resource_get_name (resource));
  json_object_set_string_member (fields, "description",
                                 pub_draft_resource_get_description (resource) != NULL ?
                                 pub_draft_resource_get_description (resource) : "");
  if (pub_draft_resource_get_format (resource) != NULL)
    json_object_set_string_member (fields, "format", pub_draft_resource_get_format (resource));
  if (pub_draft_resource_get_kind (resource) == PUB_DRAFT_RESOURCE_LINK)
    json_object_set_string_member (fields, "url", pub_draft_resource_get_url (resource));
}

static gboolean
same_text (JsonObject *remote,
           const char *member,
           const char *local)
{
  const char *text = json_object_get_string_member_with_default (remote, member, NULL);

  return g_strcmp0 (text != NULL ? text : "", local != NULL ? local : "") == 0;
}

/* Whether the person changed what the portal shows of it since it went. */
static gboolean
differs (JsonObject       *remote,
         PubDraftResource *resource)
{
  return !same_text (remote, "name", pub_draft_resource_get_name (resource)) ||
         !same_text (remote, "description", pub_draft_resource_get_description (resource)) ||
         (pub_draft_resource_get_format (resource) != NULL &&
          g_ascii_strcasecmp (json_object_get_string_member_with_default (remote, "format", ""),
                              pub_draft_resource_get_format (resource)) != 0) ||
         (pub_draft_resource_get_kind (resource) == PUB_DRAFT_RESOURCE_LINK &&
          !same_text (remote, "url", pub_draft_resource_get_url (resource)));
}

static void
resource_patched_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  PubPublishJob *self = user_data;
  g_autoptr(PubDraftResource) resource = current_resource (self);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  const char *id;

  g_assert (PUB_IS_PUBLISH_JOB (self));

  node = ckan_client_call_finish (CKAN_CLIENT (object), result, &error);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      (id = json_object_get_string_member_with_default (json_node_get_object (node), "id", NULL)) == NULL)
    {
      if (error == NULL)
        error = g_error_new_literal (CKAN_ERROR, CKAN_ERROR_NOT_JSON, _("The portal gave an unexpected answer."));
      _pub_publish_job_handle_error (self, error, _pub_publish_job_lookup_by_id);
      return;
    }
  resource_done (self, resource, id);
}

/* After the files: what this draft once sent but no longer holds goes, and
 * the portal takes the draft's order. */

static void delete_leftovers (PubPublishJob *self);

static void
reordered_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PubPublishJob *self = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  g_assert (PUB_IS_PUBLISH_JOB (self));

  node = ckan_client_call_finish (CKAN_CLIENT (object), result, &error);
  if (error != NULL)
    {
      _pub_publish_job_handle_error (self, error, _pub_publish_job_lookup_by_id);
      return;
    }
  _pub_publish_job_set_step (self, PUB_PUBLISH_STEP_SET_VISIBILITY);
  _pub_publish_job_save_then (self, _pub_publish_job_set_visibility);
}

static void
reorder (PubPublishJob *self)
{
  GListModel *resources = pub_draft_get_resources (self->draft);
  JsonArray *remote = remote_resources (self);
  g_autoptr(JsonObject) params = json_object_new ();
  JsonArray *order = json_array_new ();
  /* Already in order: ours first, in the draft's order (anything someone
   * else added stays after them, as package_resource_reorder leaves it). */
  gboolean same = remote != NULL && json_array_get_length (remote) >= g_list_model_get_n_items (resources);

  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(PubDraftResource) resource = g_list_model_get_item (resources, i);
      const char *id = pub_draft_resource_get_remote_id (resource);

      json_array_add_string_element (order, id);
      same = same && g_strcmp0 (json_object_get_string_member_with_default (json_array_get_object_element (remote, i),
                                                                            "id", NULL), id) == 0;
    }
  json_object_set_string_member (params, "id", pub_draft_get_remote_id (self->draft));
  json_object_set_array_member (params, "order", order);
  if (same)
    {
      _pub_publish_job_set_step (self, PUB_PUBLISH_STEP_SET_VISIBILITY);
      _pub_publish_job_save_then (self, _pub_publish_job_set_visibility);
      return;
    }
  ckan_client_call_async (self->client, "package_resource_reorder", params, CKAN_CALL_WRITE,
                          _pub_publish_job_job_cancellable (self), reordered_cb, self);
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  PubPublishJob *self = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  JsonArray *remote = remote_resources (self);

  g_assert (PUB_IS_PUBLISH_JOB (self));

  node = ckan_client_call_finish (CKAN_CLIENT (object), result, &error);
  if (error != NULL && !g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND))
    {
      _pub_publish_job_handle_error (self, error, _pub_publish_job_lookup_by_id);
      return;
    }
  g_clear_error (&error);
  for (guint i = 0; remote != NULL && i < json_array_get_length (remote); i++)
    {
      JsonObject *r = json_array_get_object_element (remote, i);

      if (r != NULL && g_strcmp0 (json_object_get_string_member_with_default (r, "id", NULL), self->deleting) == 0)
        {
          json_array_remove_element (remote, i);
          break;
        }
    }
  g_clear_pointer (&self->deleting, g_free);
  delete_leftovers (self);
}

static void
delete_leftovers (PubPublishJob *self)
{
  JsonArray *remote = remote_resources (self);

  for (guint i = 0; remote != NULL && i < json_array_get_length (remote); i++)
    {
      JsonObject *r = json_array_get_object_element (remote, i);
      const char *id = r != NULL ? json_object_get_string_member_with_default (r, "id", NULL) : NULL;
      g_autoptr(JsonObject) params = NULL;

      if (id == NULL || g_hash_table_contains (self->claimed, id) || !is_ours (self, id))
        continue;
      params = json_object_new ();
      json_object_set_string_member (params, "id", id);
      g_free (self->deleting);
      self->deleting = g_strdup (id);
      ckan_client_call_async (self->client, "resource_delete", params, CKAN_CALL_WRITE,
                              _pub_publish_job_job_cancellable (self), deleted_cb, self);
      return;
    }
  reorder (self);
}

static void send_current (PubPublishJob *self);

void
_pub_publish_job_next_resource (PubPublishJob *self)
{
  GListModel *resources = pub_draft_get_resources (self->draft);
  g_autoptr(PubDraftResource) resource = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  JsonObject *remote;
  gboolean by_id = FALSE;

  g_clear_pointer (&self->replacing, g_free);
  if (self->index >= g_list_model_get_n_items (resources))
    {
      _pub_publish_job_set_current_name (self, NULL);
      delete_leftovers (self);
      return;
    }

  resource = current_resource (self);
  _pub_publish_job_set_current_name (self, pub_draft_resource_get_name (resource));
  remote = find_remote (self, resource, &by_id);
  if (remote != NULL && file_changed (self, resource, remote, by_id))
    {
      /* The file changed since it went: its bytes replace the old ones. */
      self->replacing = g_strdup (json_object_get_string_member (remote, "id"));
      record_sent (self, resource, FALSE);
      _pub_publish_job_save_then (self, send_current);
      return;
    }
  if (remote != NULL)
    {
      if (differs (remote, resource))
        {
          /* Renamed or described again after an earlier run sent it. */
          json_object_set_string_member (fields, "id", json_object_get_string_member (remote, "id"));
          add_fields (fields, resource);
          ckan_client_call_async (self->client, "resource_patch", fields, CKAN_CALL_WRITE,
                                  _pub_publish_job_job_cancellable (self), resource_patched_cb, self);
          return;
        }
      resource_done (self, resource, json_object_get_string_member (remote, "id"));
      return;
    }
  /* What goes is on disk first, so a lost answer is recognised. */
  record_sent (self, resource, FALSE);
  _pub_publish_job_save_then (self, send_current);
}

/* Creates the current resource, or replaces the file of `replacing`. */
static void
send_current (PubPublishJob *self)
{
  g_autoptr(PubDraftResource) resource = current_resource (self);
  g_autoptr(JsonObject) fields = json_object_new ();

  if (self->replacing != NULL)
    json_object_set_string_member (fields, "id", self->replacing);
  else
    json_object_set_string_member (fields, "package_id", pub_draft_get_remote_id (self->draft));
  add_fields (fields, resource);

  self->upload_started = g_get_monotonic_time ();
  update_progress (self, 0, 0);
  if (pub_draft_resource_get_kind (resource) == PUB_DRAFT_RESOURCE_LINK)
    {
      ckan_client_call_async (self->client, "resource_create", fields, CKAN_CALL_WRITE,
                              _pub_publish_job_job_cancellable (self), resource_created_cb, self);
    }
  else
    {
      g_autoptr(GFile) file = pub_draft_resource_dup_file (resource);
      g_autofree char *basename = g_file_get_basename (file);

      ckan_client_upload_async (self->client, self->replacing != NULL ? "resource_patch" : "resource_create",
                                fields, file, basename, upload_progress_cb, self, NULL,
                                _pub_publish_job_job_cancellable (self), resource_created_cb, self);
    }
}

/* Each file as it is now (size, time, SHA-256, read in a worker), not as
 * the draft last saw it: it may have changed since, and the queue resumes
 * at startup before anything else looks. */
static void refresh_next (PubPublishJob *self);

static void
file_refreshed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PubPublishJob *self = user_data;
  GError *error = NULL;

  g_assert (PUB_IS_PUBLISH_JOB (self));

  if (!pub_draft_resource_refresh_finish (PUB_DRAFT_RESOURCE (object), result, &error))
    {
      _pub_publish_job_set_current_name (self, pub_draft_resource_get_name (PUB_DRAFT_RESOURCE (object)));
      _pub_publish_job_handle_error (self, error, _pub_publish_job_refresh_files);
      return;
    }
  self->index++;
  refresh_next (self);
}

static void
refresh_next (PubPublishJob *self)
{
  GListModel *resources = pub_draft_get_resources (self->draft);
  g_autoptr(PubDraftResource) resource = NULL;

  if (self->index >= g_list_model_get_n_items (resources))
    {
      self->index = 0;
      self->total_bytes = 0;
      for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
        {
          g_autoptr(PubDraftResource) item = g_list_model_get_item (resources, i);

          if (pub_draft_resource_get_kind (item) == PUB_DRAFT_RESOURCE_FILE)
            self->total_bytes += MAX (pub_draft_resource_get_size (item), 0);
        }
      _pub_publish_job_next_resource (self);
      return;
    }
  resource = current_resource (self);
  pub_draft_resource_refresh_async (resource, _pub_publish_job_job_cancellable (self), file_refreshed_cb, self);
}

void
_pub_publish_job_refresh_files (PubPublishJob *self)
{
  self->index = 0;
  refresh_next (self);
}
