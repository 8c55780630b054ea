/* pub-publish-job-dataset.c: the publish job's first step: the dataset,
 * found where an earlier run left it (by recorded id, or by name when it is
 * provably this draft's) before anything is created
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ckan-client-datasets.h"
#include "ckan-error.h"
#include "pub-publish-job-private.h"

/* Recorded before package_create: who sent it and when, so a dataset found
 * by name later is adopted only if that request made it. */
#define RECORD_CREATOR "creator_user_id"
#define RECORD_ATTEMPT "create_attempt"
/* How far the portal's clock may be behind ours. */
#define CLOCK_SKEW_SECONDS (5 * 60)

static void lookup_by_name (PubPublishJob *self);
static void create_dataset (PubPublishJob *self);

/* Step 1: the dataset */

void
_pub_publish_job_adopt_dataset (PubPublishJob *self,
                                JsonNode      *node)
{
  const char *id, *name;
  g_autofree char *url = NULL;

  g_clear_pointer (&self->dataset, json_object_unref);
  self->dataset = json_object_ref (json_node_get_object (node));
  id = json_object_get_string_member_with_default (self->dataset, "id", NULL);
  name = json_object_get_string_member_with_default (self->dataset, "name", id);
  url = g_strdup_printf ("%s/dataset/%s", ckan_client_get_base_url (self->client), name);
  pub_draft_set_remote_id (self->draft, id);
  pub_draft_set_remote_url (self->draft, url);
}

static gboolean
is_deleted (JsonNode *node)
{
  return JSON_NODE_HOLDS_OBJECT (node) &&
         g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (node), "state", NULL),
                    "deleted") == 0;
}

static void
start_uploads (PubPublishJob *self)
{
  _pub_publish_job_set_step (self, PUB_PUBLISH_STEP_UPLOAD_RESOURCES);
  self->index = 0;
  self->done_bytes = 0;
  g_hash_table_remove_all (self->claimed);
  _pub_publish_job_save_then (self, _pub_publish_job_refresh_files);
}

static void
shown_by_id_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PubPublishJob *self = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  g_assert (PUB_IS_PUBLISH_JOB (self));

  node = ckan_client_call_finish (CKAN_CLIENT (object), result, &error);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) && !is_deleted (node))
    {
      _pub_publish_job_adopt_dataset (self, node);
      start_uploads (self);
      return;
    }
  if (node != NULL || g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND))
    {
      /* Deleted on the portal since: this draft makes a new one. */
      g_clear_error (&error);
      pub_draft_set_remote_id (self->draft, NULL);
      lookup_by_name (self);
      return;
    }
  _pub_publish_job_handle_error (self, error, _pub_publish_job_lookup_by_id);
}

void
_pub_publish_job_lookup_by_id (PubPublishJob *self)
{
  g_autoptr(JsonObject) params = json_object_new ();

  if (pub_draft_get_remote_id (self->draft) == NULL)
    {
      lookup_by_name (self);
      return;
    }
  json_object_set_string_member (params, "id", pub_draft_get_remote_id (self->draft));
  ckan_client_call_async (self->client, "package_show", params, CKAN_CALL_READ,
                          _pub_publish_job_job_cancellable (self), shown_by_id_cb, self);
}

static const char *
record_string (PubPublishJob *self,
               const char    *key)
{
  JsonNode *node = pub_draft_get_publish_record (self->draft, key);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

/* CKAN's timestamps are naive UTC ("2026-11-25T16:02:11.123456"). */
static gboolean
created_since_attempt (PubPublishJob *self,
                       JsonObject    *dataset)
{
  JsonNode *attempt = pub_draft_get_publish_record (self->draft, RECORD_ATTEMPT);
  const char *created = json_object_get_string_member_with_default (dataset, "metadata_created", NULL);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = NULL;

  if (attempt == NULL || !JSON_NODE_HOLDS_VALUE (attempt) ||
      json_node_get_value_type (attempt) != G_TYPE_INT64 || created == NULL)
    return FALSE;
  when = g_date_time_new_from_iso8601 (created, utc);
  return when != NULL &&
         g_date_time_to_unix (when) >= json_node_get_int (attempt) - CLOCK_SKEW_SECONDS;
}

/* Found by name: ours only if the package_create an earlier run sent (its
 * answer lost) made it. The same title in the same organization is not
 * enough: two colleagues drafting "Presupuesto 2024" get the same name, and
 * taking over theirs would send our files into it and publish it. */
static gboolean
looks_like_ours (PubPublishJob *self,
                 JsonObject    *dataset)
{
  const char *org = pub_draft_get_field (self->draft, PUB_DRAFT_FIELD_OWNER_ORG);
  JsonNode *organization = json_object_get_member (dataset, "organization");
  const char *org_name = NULL;
  const char *creator = record_string (self, RECORD_CREATOR);

  if (pub_draft_get_publish_step (self->draft) < PUB_PUBLISH_STEP_CREATE_DATASET ||
      g_strcmp0 (json_object_get_string_member_with_default (dataset, "title", NULL),
                 pub_draft_get_field (self->draft, PUB_DRAFT_FIELD_TITLE)) != 0)
    return FALSE;
  /* We always create it private; by the time it is made public its id is
   * recorded, so a public one found by name was made by someone else. */
  if (creator == NULL ||
      g_strcmp0 (json_object_get_string_member_with_default (dataset, "creator_user_id", NULL), creator) != 0 ||
      !json_object_get_boolean_member_with_default (dataset, "private", FALSE) ||
      !created_since_attempt (self, dataset))
    return FALSE;
  if (organization != NULL && JSON_NODE_HOLDS_OBJECT (organization))
    org_name = json_object_get_string_member_with_default (json_node_get_object (organization), "name", NULL);
  return g_strcmp0 (org, org_name) == 0 ||
         g_strcmp0 (org, json_object_get_string_member_with_default (dataset, "owner_org", NULL)) == 0;
}

static void
shown_by_name_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PubPublishJob *self = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  g_assert (PUB_IS_PUBLISH_JOB (self));

  node = ckan_client_call_finish (CKAN_CLIENT (object), result, &error);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) && !is_deleted (node) &&
      looks_like_ours (self, json_node_get_object (node)))
    {
      _pub_publish_job_adopt_dataset (self, node);
      start_uploads (self);
      return;
    }
  /* Free, or someone else's: create, and let the portal say if the name
   * is taken (its 409 goes under the name field). */
  if (node != NULL || g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND) ||
      g_error_matches (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION))
    {
      g_autoptr(JsonNode) creator = json_node_init_string (json_node_alloc (), self->user_id);
      g_autoptr(JsonNode) attempt = json_node_init_int (json_node_alloc (), g_get_real_time () / G_USEC_PER_SEC);

      g_clear_error (&error);
      pub_draft_set_publish_record (self->draft, RECORD_CREATOR, creator);
      pub_draft_set_publish_record (self->draft, RECORD_ATTEMPT, attempt);
      _pub_publish_job_set_step (self, PUB_PUBLISH_STEP_CREATE_DATASET);
      _pub_publish_job_save_then (self, create_dataset);
      return;
    }
  _pub_publish_job_handle_error (self, error, lookup_by_name);
}

static void
user_shown_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  PubPublishJob *self = user_data;
  g_autoptr(CkanUser) user = NULL;
  GError *error = NULL;

  g_assert (PUB_IS_PUBLISH_JOB (self));

  user = ckan_client_user_show_finish (CKAN_CLIENT (object), result, &error);
  if (user == NULL)
    {
      _pub_publish_job_handle_error (self, error, lookup_by_name);
      return;
    }
  self->user_id = g_strdup (ckan_user_get_id (user));
  lookup_by_name (self);
}

static void
lookup_by_name (PubPublishJob *self)
{
  g_autoptr(JsonObject) params = json_object_new ();

  /* Who we are, once per run: recorded before creating, compared after. */
  if (self->user_id == NULL)
    {
      ckan_client_user_show_async (self->client, NULL, _pub_publish_job_job_cancellable (self),
                                   user_shown_cb, self);
      return;
    }
  json_object_set_string_member (params, "id", pub_draft_get_field (self->draft, PUB_DRAFT_FIELD_NAME));
  ckan_client_call_async (self->client, "package_show", params, CKAN_CALL_READ,
                          _pub_publish_job_job_cancellable (self), shown_by_name_cb, self);
}

/* The field names an earlier request sent, so one emptied since in the
 * draft is emptied on the portal too (and no other is touched). */
#define RECORD_FIELDS "fields"

JsonObject *
_pub_publish_job_dataset_params (PubDraft *draft,
                                 gboolean  private)
{
  JsonObject *params = json_object_new ();
  g_auto(GStrv) fields = pub_draft_dup_field_names (draft);
  const char * const *tags = pub_draft_get_tags (draft);
  JsonArray *tag_list = json_array_new ();
  JsonNode *sent = pub_draft_get_publish_record (draft, RECORD_FIELDS);
  g_autoptr(JsonNode) names = json_node_init_array (json_node_alloc (), json_array_new ());

  for (guint i = 0; sent != NULL && JSON_NODE_HOLDS_ARRAY (sent) && i < json_array_get_length (json_node_get_array (sent)); i++)
    {
      const char *name = json_array_get_string_element (json_node_get_array (sent), i);

      if (name != NULL && !g_strv_contains ((const char * const *) fields, name))
        json_object_set_string_member (params, name, "");
    }

  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (g_str_equal (fields[i], PUB_DRAFT_FIELD_VISIBILITY))
        continue;
      json_object_set_string_member (params, fields[i], pub_draft_get_field (draft, fields[i]));
      json_array_add_string_element (json_node_get_array (names), fields[i]);
    }
  pub_draft_set_publish_record (draft, RECORD_FIELDS, names);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      JsonObject *tag = json_object_new ();

      json_object_set_string_member (tag, "name", tags[i]);
      json_array_add_object_element (tag_list, tag);
    }
  json_object_set_array_member (params, "tags", tag_list);
  /* Portals with a scheming form (datos.gob.cl) require tag_string. */
  {
    g_autofree char *tag_string = g_strjoinv (",", (char **) tags);

    json_object_set_string_member (params, "tag_string", tag_string);
  }
  json_object_set_boolean_member (params, "private", private);
  return params;
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  PubPublishJob *self = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  g_assert (PUB_IS_PUBLISH_JOB (self));

  node = ckan_client_call_finish (CKAN_CLIENT (object), result, &error);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      _pub_publish_job_adopt_dataset (self, node);
      start_uploads (self);
      return;
    }
  /* A refusal means nothing was created; anything else leaves it unknown,
   * and the next run looks for it by name. */
  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_VALIDATION))
    _pub_publish_job_set_step (self, PUB_PUBLISH_STEP_NONE);
  if (error == NULL)
    error = g_error_new_literal (CKAN_ERROR, CKAN_ERROR_NOT_JSON, _("The portal gave an unexpected answer."));
  _pub_publish_job_handle_error (self, error, lookup_by_name);
}

static void
create_dataset (PubPublishJob *self)
{
  /* Hidden until every file is there. */
  g_autoptr(JsonObject) params = _pub_publish_job_dataset_params (self->draft, TRUE);

  ckan_client_call_async (self->client, "package_create", params, CKAN_CALL_WRITE,
                          _pub_publish_job_job_cancellable (self), created_cb, self);
}
