/* pub-dataset-metadata-editor-portal.c: what the form asks the portal:
 * organizations, licences, whether the name is free; and what the portal
 * answered wrong about each field
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-error.h"
#include "pub-dataset-metadata-editor-private.h"
#include "pub-slug.h"

#define NAME_CHECK_DELAY_MS 500

static void
remote_list_done (PubDatasetMetadataEditor *self,
                  GObject                  *client,
                  GAsyncResult             *result,
                  const char               *cache_key)
{
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(GError) error = NULL;
  gboolean is_orgs = g_str_equal (cache_key, "organizations");

  list = ckan_client_call_finish (CKAN_CLIENT (client), result, &error);
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    {
      if (error != NULL)
        g_debug ("Listing %s failed: %s", cache_key, error->message);
      return;
    }
  if (self->draft == NULL)
    return;
  pub_draft_set_cache (self->draft, cache_key, list);
  _pub_dataset_metadata_editor_fill_choices (self, is_orgs ? &self->org : &self->license, list,
                          is_orgs ? "name" : "id", _("Choose…"));
  /* The portal says this person may publish in one organization only:
   * that is the answer, so it is chosen (as if picked; it can change). */
  if (is_orgs && self->org.values->len == 2 &&
      pub_draft_get_field (self->draft, PUB_DRAFT_FIELD_OWNER_ORG) == NULL)
    adw_combo_row_set_selected (self->org.row, 1);
}

static void
organizations_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PubDatasetMetadataEditor) self = user_data;

  g_assert (PUB_IS_DATASET_METADATA_EDITOR (self));

  remote_list_done (self, object, result, "organizations");
}

static void
licenses_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PubDatasetMetadataEditor) self = user_data;

  g_assert (PUB_IS_DATASET_METADATA_EDITOR (self));

  remote_list_done (self, object, result, "licenses");
}

void
_pub_dataset_metadata_editor_fetch_lists (PubDatasetMetadataEditor *self)
{
  g_autoptr(JsonObject) org_params = json_object_new ();

  if (self->client == NULL || self->draft == NULL)
    return;

  /* Only the organizations where this person may create datasets. */
  json_object_set_string_member (org_params, "permission", "create_dataset");
  ckan_client_call_async (self->client, "organization_list_for_user", org_params,
                          CKAN_CALL_READ, self->cancellable, organizations_cb, g_object_ref (self));
  _pub_dataset_metadata_editor_fetch_schema (self);
  ckan_client_call_async (self->client, "license_list", NULL,
                          CKAN_CALL_READ, self->cancellable, licenses_cb, g_object_ref (self));
}

/* The web address name: is it free on the portal? */

void
_pub_dataset_metadata_editor_set_name_availability (PubDatasetMetadataEditor *self,
                       PubNameAvailability       availability)
{
  const char *text = "";
  const char *css = NULL;

  switch (availability)
    {
    case PUB_NAME_UNCHECKED:
      text = self->client == NULL ? _("Not checked: sign in to check") : "";
      css = "dim-label";
      break;
    case PUB_NAME_CHECKING:
      text = _("Checking…");
      css = "dim-label";
      break;
    case PUB_NAME_FREE:
      text = _("Available");
      css = "success";
      break;
    case PUB_NAME_TAKEN:
      text = _("Already in use");
      css = "error";
      break;
    case PUB_NAME_OURS:
      text = _("This dataset");
      css = "success";
      break;
    case PUB_NAME_UNKNOWN:
      text = _("Not checked: offline");
      css = "warning";
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (self->name_status, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_status), "dim-label");
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_status), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_status), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_status), "warning");
  if (css != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_status), css);

  if (self->name_availability == availability)
    return;
  self->name_availability = availability;
  g_object_notify (G_OBJECT (self), "name-availability");
}

static void
name_checked_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PubDatasetMetadataEditor) self = user_data;
  g_autoptr(JsonNode) dataset = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (PUB_IS_DATASET_METADATA_EDITOR (self));

  dataset = ckan_client_call_finish (CKAN_CLIENT (object), result, &error);
  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (dataset != NULL && JSON_NODE_HOLDS_OBJECT (dataset))
    {
      const char *id = json_object_get_string_member_with_default (json_node_get_object (dataset), "id", NULL);
      const char *ours = self->draft ? pub_draft_get_remote_id (self->draft) : NULL;

      _pub_dataset_metadata_editor_set_name_availability (self, ours != NULL && g_strcmp0 (id, ours) == 0 ? PUB_NAME_OURS : PUB_NAME_TAKEN);
    }
  else if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND))
    _pub_dataset_metadata_editor_set_name_availability (self, PUB_NAME_FREE);
  else if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION))
    /* A private dataset of someone else's: the name exists. */
    _pub_dataset_metadata_editor_set_name_availability (self, PUB_NAME_TAKEN);
  else
    _pub_dataset_metadata_editor_set_name_availability (self, PUB_NAME_UNKNOWN);
}

static gboolean
name_check_timeout_cb (gpointer user_data)
{
  PubDatasetMetadataEditor *self = user_data;
  g_autoptr(JsonObject) params = json_object_new ();
  const char *name = self->draft ? pub_draft_get_field (self->draft, PUB_DRAFT_FIELD_NAME) : NULL;

  g_assert (PUB_IS_DATASET_METADATA_EDITOR (self));

  self->name_check_id = 0;

  if (self->client == NULL || pub_slug_check (name) != NULL)
    {
      _pub_dataset_metadata_editor_set_name_availability (self, PUB_NAME_UNCHECKED);
      return G_SOURCE_REMOVE;
    }
  if (!g_network_monitor_get_network_available (g_network_monitor_get_default ()))
    {
      _pub_dataset_metadata_editor_set_name_availability (self, PUB_NAME_UNKNOWN);
      return G_SOURCE_REMOVE;
    }

  g_cancellable_cancel (self->name_cancellable);
  g_clear_object (&self->name_cancellable);
  self->name_cancellable = g_cancellable_new ();

  _pub_dataset_metadata_editor_set_name_availability (self, PUB_NAME_CHECKING);
  json_object_set_string_member (params, "id", name);
  ckan_client_call_async (self->client, "package_show", params, CKAN_CALL_READ,
                          self->name_cancellable, name_checked_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

void
_pub_dataset_metadata_editor_schedule_name_check (PubDatasetMetadataEditor *self)
{
  g_clear_handle_id (&self->name_check_id, g_source_remove);
  if (self->client == NULL)
    {
      _pub_dataset_metadata_editor_set_name_availability (self, PUB_NAME_UNCHECKED);
      return;
    }
  /* An answer about the previous name must not show for this one. */
  _pub_dataset_metadata_editor_set_name_availability (self, PUB_NAME_CHECKING);
  self->name_check_id = g_timeout_add (NAME_CHECK_DELAY_MS, name_check_timeout_cb, self);
}

/* CKAN's keys for the fields the form shows differently. */
static const char *
field_for_portal_key (const char *key)
{
  if (g_str_equal (key, "private"))
    return PUB_DRAFT_FIELD_VISIBILITY;
  if (g_str_equal (key, "tag_string"))
    return PUB_DRAFT_FIELD_TAGS;
  return key;
}

void
pub_dataset_metadata_editor_show_portal_errors (PubDatasetMetadataEditor *self,
                                                const GError             *error)
{
  JsonObject *fields = ckan_error_get_fields (error);
  g_autoptr(GList) members = NULL;

  g_return_if_fail (PUB_IS_DATASET_METADATA_EDITOR (self));

  g_hash_table_remove_all (self->portal_errors);
  if (fields == NULL)
    return;

  members = json_object_get_members (fields);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (fields, l->data);
      g_autoptr(GString) message = g_string_new (NULL);

      /* ["msg", ...], "msg", or {"message": "msg"}. */
      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              const char *text = json_array_get_string_element (array, i);

              if (text == NULL)
                continue;
              if (message->len > 0)
                g_string_append_c (message, ' ');
              g_string_append (message, text);
            }
        }
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_string_append (message, json_node_get_string (node));
      else if (JSON_NODE_HOLDS_OBJECT (node))
        g_string_append (message, json_object_get_string_member_with_default (json_node_get_object (node), "message", ""));

      if (message->len > 0)
        g_hash_table_insert (self->portal_errors,
                             (gpointer) g_intern_string (field_for_portal_key (l->data)),
                             g_string_free (g_steal_pointer (&message), FALSE));
    }
  _pub_dataset_metadata_editor_refresh_errors (self);
  _pub_dataset_metadata_editor_focus_first_error (self);
}

