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

static JsonArray *
remote_resources (PubPublishJob *self)
{
  JsonNode *node = json_object_get_member (self->dataset, "resources");

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The portal's copy of this resource: by the id we recorded, else one of
 * the same name and size (or address) that nothing else claimed, which an
 * earlier run sent without hearing the answer. */
static const char *
find_remote (PubPublishJob    *self,
             PubDraftResource *resource)
{
  JsonArray *remote = remote_resources (self);
  const char *recorded = pub_draft_resource_get_remote_id (resource);
  gboolean is_link = pub_draft_resource_get_kind (resource) == PUB_DRAFT_RESOURCE_LINK;

  for (guint pass = 0; remote != NULL && pass < 2; pass++)
    {
      for (guint i = 0; i < json_array_get_length (remote); i++)
        {
          JsonObject *r = json_array_get_object_element (remote, i);
          const char *id = r ? json_object_get_string_member_with_default (r, "id", NULL) : NULL;

          if (id == NULL || g_hash_table_contains (self->claimed, id))
            continue;
          if (pass == 0 && g_strcmp0 (id, recorded) == 0)
            return id;
          if (pass == 1 &&
              g_strcmp0 (json_object_get_string_member_with_default (r, "name", NULL),
                         pub_draft_resource_get_name (resource)) == 0 &&
              (is_link ? g_strcmp0 (json_object_get_string_member_with_default (r, "url", NULL),
                                    pub_draft_resource_get_url (resource)) == 0
                       : json_object_get_int_member_with_default (r, "size", -1) ==
                         pub_draft_resource_get_size (resource)))
            return id;
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

  if (remote_resources (self) != NULL)
    json_array_add_element (remote_resources (self), json_node_copy (node));
  resource_done (self, resource, id);
}

void
_pub_publish_job_next_resource (PubPublishJob *self)
{
  GListModel *resources = pub_draft_get_resources (self->draft);
  g_autoptr(PubDraftResource) resource = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  const char *remote_id;

  if (self->index >= g_list_model_get_n_items (resources))
    {
      _pub_publish_job_set_current_name (self, NULL);
      _pub_publish_job_set_step (self, PUB_PUBLISH_STEP_SET_VISIBILITY);
      _pub_publish_job_save_then (self, _pub_publish_job_set_visibility);
      return;
    }

  resource = current_resource (self);
  _pub_publish_job_set_current_name (self, pub_draft_resource_get_name (resource));
  remote_id = find_remote (self, resource);
  if (remote_id != NULL)
    {
      resource_done (self, resource, remote_id);
      return;
    }

  json_object_set_string_member (fields, "package_id", pub_draft_get_remote_id (self->draft));
  json_object_set_string_member (fields, "name", pub_draft_resource_get_name (resource));
  if (pub_draft_resource_get_description (resource) != NULL)
    json_object_set_string_member (fields, "description", pub_draft_resource_get_description (resource));
  if (pub_draft_resource_get_format (resource) != NULL)
    json_object_set_string_member (fields, "format", pub_draft_resource_get_format (resource));

  self->upload_started = g_get_monotonic_time ();
  update_progress (self, 0, 0);
  if (pub_draft_resource_get_kind (resource) == PUB_DRAFT_RESOURCE_LINK)
    {
      json_object_set_string_member (fields, "url", pub_draft_resource_get_url (resource));
      ckan_client_call_async (self->client, "resource_create", fields, CKAN_CALL_WRITE,
                              _pub_publish_job_job_cancellable (self), resource_created_cb, self);
    }
  else
    {
      g_autoptr(GFile) file = pub_draft_resource_dup_file (resource);
      g_autofree char *basename = g_file_get_basename (file);

      ckan_client_upload_async (self->client, "resource_create", fields, file, basename,
                                upload_progress_cb, self, NULL,
                                _pub_publish_job_job_cancellable (self), resource_created_cb, self);
    }
}

