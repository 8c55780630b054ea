/* ckan-load-status.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-load-status.h"

struct _CkanLoadStatus
{
  CkanRecord  parent_instance;

  GPtrArray  *logs;
};

G_DEFINE_FINAL_TYPE (CkanLoadStatus, ckan_load_status, CKAN_TYPE_RECORD)

CkanLoadLogEntry *
ckan_load_log_entry_copy (const CkanLoadLogEntry *entry)
{
  CkanLoadLogEntry *copy = g_new0 (CkanLoadLogEntry, 1);

  copy->timestamp = entry->timestamp != NULL ? g_date_time_ref (entry->timestamp) : NULL;
  copy->message = g_strdup (entry->message);
  copy->level = g_strdup (entry->level);
  return copy;
}

void
ckan_load_log_entry_free (CkanLoadLogEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_pointer (&entry->timestamp, g_date_time_unref);
  g_clear_pointer (&entry->message, g_free);
  g_clear_pointer (&entry->level, g_free);
  g_free (entry);
}

G_DEFINE_BOXED_TYPE (CkanLoadLogEntry, ckan_load_log_entry,
                     ckan_load_log_entry_copy, ckan_load_log_entry_free)

static const struct {
  const char    *name;
  CkanLoadState  state;
} state_names[] = {
  { "submitting", CKAN_LOAD_STATE_SUBMITTING },
  { "pending", CKAN_LOAD_STATE_PENDING },
  { "running", CKAN_LOAD_STATE_RUNNING },
  { "running_but_viewable", CKAN_LOAD_STATE_RUNNING_BUT_VIEWABLE },
  { "complete", CKAN_LOAD_STATE_COMPLETE },
  { "error", CKAN_LOAD_STATE_ERROR },
};

CkanLoadState
ckan_load_state_from_string (const char *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (status, state_names[i].name) == 0)
      return state_names[i].state;
  return CKAN_LOAD_STATE_UNKNOWN;
}

gboolean
ckan_load_state_is_final (CkanLoadState state)
{
  switch (state)
    {
    case CKAN_LOAD_STATE_COMPLETE:
    case CKAN_LOAD_STATE_ERROR:
      return TRUE;
    case CKAN_LOAD_STATE_UNKNOWN:
    case CKAN_LOAD_STATE_SUBMITTING:
    case CKAN_LOAD_STATE_PENDING:
    case CKAN_LOAD_STATE_RUNNING:
    case CKAN_LOAD_STATE_RUNNING_BUT_VIEWABLE:
    default:
      return FALSE;
    }
}

static JsonObject *
get_task_info (CkanLoadStatus *self)
{
  return ckan_record_get_member_object (CKAN_RECORD (self), "task_info");
}

static gboolean
is_credential (const char *name)
{
  return g_ascii_strcasecmp (name, "api_key") == 0 || g_ascii_strcasecmp (name, "apikey") == 0 ||
         g_ascii_strcasecmp (name, "api_token") == 0;
}

static void strip_credentials (JsonNode *node);

static void
strip_object_credentials (JsonObject *object)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    {
      if (is_credential (l->data))
        json_object_remove_member (object, l->data);
      else
        strip_credentials (json_object_get_member (object, l->data));
    }
}

static void
strip_credentials (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      strip_object_credentials (json_node_get_object (node));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        strip_credentials (json_array_get_element (array, i));
    }
}

static void
ckan_load_status_parse (CkanRecord *record)
{
  CkanLoadStatus *self = CKAN_LOAD_STATUS (record);
  JsonObject *task_info;
  JsonNode *logs_node;
  JsonArray *logs;

  /* xloader_status hands any editor the job's task_info, api_key included:
   * the token of the portal's xloader sysadmin. Nothing here needs it, so
   * the record's copy (what to_json, get_object and any dump of the record
   * show) never holds it. */
  strip_object_credentials (ckan_record_get_object (record));

  task_info = get_task_info (self);
  logs_node = task_info != NULL ? json_object_get_member (task_info, "logs") : NULL;
  if (logs_node == NULL || !JSON_NODE_HOLDS_ARRAY (logs_node))
    return;

  logs = json_node_get_array (logs_node);
  for (guint i = 0; i < json_array_get_length (logs); i++)
    {
      JsonNode *element = json_array_get_element (logs, i);
      JsonObject *log;
      CkanLoadLogEntry *entry;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      log = json_node_get_object (element);
      entry = g_new0 (CkanLoadLogEntry, 1);
      entry->timestamp = ckan_parse_timestamp (ckan_json_object_get_string_lenient (log, "timestamp"));
      entry->message = g_strdup (ckan_json_object_get_string_lenient (log, "message"));
      entry->level = g_strdup (ckan_json_object_get_string_lenient (log, "level"));
      g_ptr_array_add (self->logs, entry);
    }
}

static void
ckan_load_status_finalize (GObject *object)
{
  CkanLoadStatus *self = CKAN_LOAD_STATUS (object);

  g_clear_pointer (&self->logs, g_ptr_array_unref);

  G_OBJECT_CLASS (ckan_load_status_parent_class)->finalize (object);
}

static void
ckan_load_status_class_init (CkanLoadStatusClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ckan_load_status_finalize;
  CKAN_RECORD_CLASS (klass)->required_key = NULL;
  CKAN_RECORD_CLASS (klass)->parse = ckan_load_status_parse;
}

static void
ckan_load_status_init (CkanLoadStatus *self)
{
  self->logs = g_ptr_array_new_with_free_func ((GDestroyNotify) ckan_load_log_entry_free);
}

CkanLoadStatus *
ckan_load_status_new_from_json (JsonObject  *object,
                                GError     **error)
{
  return ckan_record_new_from_json (CKAN_TYPE_LOAD_STATUS, object, error);
}

CkanLoadState
ckan_load_status_get_state (CkanLoadStatus *self)
{
  const char *status = ckan_record_get_string (CKAN_RECORD (self), "status");

  if (status == NULL)
    status = ckan_json_object_get_string_lenient (get_task_info (self), "status");
  return ckan_load_state_from_string (status);
}

const char *
ckan_load_status_get_job_id (CkanLoadStatus *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "job_id");
}

GDateTime *
ckan_load_status_get_last_updated (CkanLoadStatus *self)
{
  return ckan_record_get_datetime (CKAN_RECORD (self), "last_updated");
}

/* "error" is a string, an object with "message", or absent; the task may
 * hold it instead. */
static const char *
error_message_of (JsonObject *object)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, "error");
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return ckan_json_object_get_string_lenient (json_node_get_object (node), "message");
  return ckan_json_object_get_string_lenient (object, "error");
}

const char *
ckan_load_status_get_error_message (CkanLoadStatus *self)
{
  const char *message = error_message_of (ckan_record_get_object (CKAN_RECORD (self)));

  if (message == NULL || *message == '\0')
    message = error_message_of (get_task_info (self));
  if (message != NULL && *message == '\0')
    return NULL;
  return message;
}

GPtrArray *
ckan_load_status_get_logs (CkanLoadStatus *self)
{
  g_return_val_if_fail (CKAN_IS_LOAD_STATUS (self), NULL);
  return self->logs;
}
