/* pub-draft.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pub-core-error.h"
#include "pub-draft-private.h"

G_DEFINE_ENUM_TYPE (PubPublishStep, pub_publish_step,
  G_DEFINE_ENUM_VALUE (PUB_PUBLISH_STEP_NONE, "none"),
  G_DEFINE_ENUM_VALUE (PUB_PUBLISH_STEP_CREATE_DATASET, "create-dataset"),
  G_DEFINE_ENUM_VALUE (PUB_PUBLISH_STEP_UPLOAD_RESOURCES, "upload-resources"),
  G_DEFINE_ENUM_VALUE (PUB_PUBLISH_STEP_SET_VISIBILITY, "set-visibility"),
  G_DEFINE_ENUM_VALUE (PUB_PUBLISH_STEP_DONE, "done"))

G_DEFINE_ENUM_TYPE (PubDraftState, pub_draft_state,
  G_DEFINE_ENUM_VALUE (PUB_DRAFT_STATE_EDITING, "editing"),
  G_DEFINE_ENUM_VALUE (PUB_DRAFT_STATE_READY, "ready"),
  G_DEFINE_ENUM_VALUE (PUB_DRAFT_STATE_PUBLISHING, "publishing"),
  G_DEFINE_ENUM_VALUE (PUB_DRAFT_STATE_FAILED, "failed"),
  G_DEFINE_ENUM_VALUE (PUB_DRAFT_STATE_PUBLISHED, "published"),
  G_DEFINE_ENUM_VALUE (PUB_DRAFT_STATE_DAMAGED, "damaged"),
  G_DEFINE_ENUM_VALUE (PUB_DRAFT_STATE_QUEUED, "queued"))

G_DEFINE_FINAL_TYPE (PubDraft, pub_draft, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DISPLAY_TITLE,
  PROP_STATE,
  PROP_PROGRESS,
  PROP_REVISION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];


void
_pub_draft_update_state (PubDraft *self)
{
  PubDraftState state = pub_draft_get_state (self);

  if (state == self->state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* Every change a person (or the publish job) makes goes through here, so
 * the store sees each one and nothing is left unsaved. */
static void
mark_changed (PubDraft *self)
{
  self->revision++;
  self->modified = g_get_real_time ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
  _pub_draft_update_state (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
resource_notify_cb (PubDraft         *self,
                    GParamSpec       *pspec,
                    PubDraftResource *resource)
{
  g_assert (PUB_IS_DRAFT (self));

  /* The checks' results are recomputed, not saved. */
  if (g_str_has_prefix (pspec->name, "check-"))
    return;
  mark_changed (self);
}

static void
resources_items_changed_cb (PubDraft   *self,
                            guint       position,
                            guint       removed,
                            guint       added,
                            GListModel *model)
{
  g_assert (PUB_IS_DRAFT (self));

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(PubDraftResource) resource = g_list_model_get_item (model, i);

      g_signal_handlers_disconnect_by_func (resource, resource_notify_cb, self);
      g_signal_connect_object (resource, "notify", G_CALLBACK (resource_notify_cb),
                               self, G_CONNECT_SWAPPED);
    }
  mark_changed (self);
}

static void
pub_draft_dispose (GObject *object)
{
  PubDraft *self = PUB_DRAFT (object);

  if (self->resources != NULL)
    g_signal_handlers_disconnect_by_data (self->resources, self);
  g_clear_object (&self->resources);

  G_OBJECT_CLASS (pub_draft_parent_class)->dispose (object);
}

static void
pub_draft_finalize (GObject *object)
{
  PubDraft *self = PUB_DRAFT (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->portal, g_free);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->anonymize, g_hash_table_unref);
  g_clear_pointer (&self->record, g_hash_table_unref);
  g_clear_pointer (&self->remote_id, g_free);
  g_clear_pointer (&self->remote_url, g_free);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->damage, g_free);
  g_clear_pointer (&self->damage_detail, g_free);

  G_OBJECT_CLASS (pub_draft_parent_class)->finalize (object);
}

static void
pub_draft_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PubDraft *self = PUB_DRAFT (object);

  switch (prop_id)
    {
    case PROP_DISPLAY_TITLE:
      g_value_set_string (value, pub_draft_get_display_title (self));
      break;
    case PROP_STATE:
      g_value_set_enum (value, pub_draft_get_state (self));
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_REVISION:
      g_value_set_uint64 (value, self->revision);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_draft_class_init (PubDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = pub_draft_dispose;
  object_class->finalize = pub_draft_finalize;
  object_class->get_property = pub_draft_get_property;

  properties[PROP_DISPLAY_TITLE] = g_param_spec_string ("display-title", NULL, NULL, NULL, ro);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, PUB_TYPE_DRAFT_STATE,
                                                PUB_DRAFT_STATE_EDITING, ro);
  properties[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0, ro);
  properties[PROP_REVISION] = g_param_spec_uint64 ("revision", NULL, NULL, 0, G_MAXUINT64, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after every change that must be saved. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pub_draft_init (PubDraft *self)
{
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->tags = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) json_node_unref);
  self->record = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) json_node_unref);
  self->anonymize = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->resources = g_list_store_new (PUB_TYPE_DRAFT_RESOURCE);
  g_signal_connect_object (self->resources, "items-changed",
                           G_CALLBACK (resources_items_changed_cb), self, G_CONNECT_SWAPPED);
}

PubDraft *
pub_draft_new (void)
{
  PubDraft *self = g_object_new (PUB_TYPE_DRAFT, NULL);

  self->id = g_uuid_string_random ();
  self->created = self->modified = g_get_real_time ();
  self->state = pub_draft_get_state (self);
  return self;
}

PubDraft *
pub_draft_new_damaged (const char *id,
                       const char *reason,
                       const char *detail)
{
  PubDraft *self = g_object_new (PUB_TYPE_DRAFT, NULL);

  self->id = g_strdup (id);
  self->damage = g_strdup (reason);
  self->damage_detail = g_strdup (detail);
  self->state = PUB_DRAFT_STATE_DAMAGED;
  return self;
}

PubDraft *
pub_draft_duplicate (PubDraft *self)
{
  PubDraft *copy = pub_draft_new ();
  GHashTableIter iter;
  gpointer key, value;
  const char *title;

  g_return_val_if_fail (PUB_IS_DRAFT (self), NULL);

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->fields, g_strdup (key), g_strdup (value));

  /* A second dataset can't share the first one's web address. */
  title = pub_draft_get_field (self, PUB_DRAFT_FIELD_TITLE);
  if (title != NULL)
    g_hash_table_insert (copy->fields, g_strdup (PUB_DRAFT_FIELD_TITLE),
                         g_strdup_printf (_("%s (copy)"), title));
  g_hash_table_remove (copy->fields, PUB_DRAFT_FIELD_NAME);

  for (guint i = 0; i < self->tags->len; i++)
    g_ptr_array_add (copy->tags, g_strdup (g_ptr_array_index (self->tags, i)));

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->cache, g_strdup (key), json_node_copy (value));
  /* Next month's draft, duplicated from this one, offers the same choices. */
  g_hash_table_iter_init (&iter, self->anonymize);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->anonymize, g_strdup (key), value);

  copy->portal = g_strdup (self->portal);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->resources)); i++)
    {
      g_autoptr(PubDraftResource) resource = g_list_model_get_item (G_LIST_MODEL (self->resources), i);
      g_autoptr(PubDraftResource) resource_copy = pub_draft_resource_copy (resource);

      g_list_store_append (copy->resources, resource_copy);
    }
  copy->revision = 0;
  copy->state = pub_draft_get_state (copy);
  return copy;
}

const char *
pub_draft_get_id (PubDraft *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT (self), NULL);
  return self->id;
}

gint64
pub_draft_get_created (PubDraft *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT (self), 0);
  return self->created;
}

gint64
pub_draft_get_modified (PubDraft *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT (self), 0);
  return self->modified;
}

guint64
pub_draft_get_revision (PubDraft *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT (self), 0);
  return self->revision;
}


const char *
pub_draft_get_field (PubDraft   *self,
                     const char *field)
{
  g_return_val_if_fail (PUB_IS_DRAFT (self), NULL);
  return g_hash_table_lookup (self->fields, field);
}

void
pub_draft_set_field (PubDraft   *self,
                     const char *field,
                     const char *value)
{
  g_return_if_fail (PUB_IS_DRAFT (self));
  g_return_if_fail (_pub_draft_is_field_name (field));

  /* An emptied entry is an unset field, not an empty string for the portal. */
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (pub_draft_get_field (self, field), value) == 0)
    return;

  if (value == NULL)
    g_hash_table_remove (self->fields, field);
  else
    g_hash_table_insert (self->fields, g_strdup (field), g_strdup (value));

  if (g_str_equal (field, PUB_DRAFT_FIELD_TITLE))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_TITLE]);
  mark_changed (self);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GStrv
pub_draft_dup_field_names (PubDraft *self)
{
  g_autofree const char **keys = NULL;
  GStrv names;

  g_return_val_if_fail (PUB_IS_DRAFT (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->fields, NULL);
  names = g_strdupv ((char **) keys);
  g_qsort_with_data (names, g_strv_length (names), sizeof (char *), compare_strings, NULL);
  return names;
}

const char * const *
pub_draft_get_tags (PubDraft *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (PUB_IS_DRAFT (self), NULL);
  /* An empty null-terminated GPtrArray may have no storage at all. */
  return self->tags->pdata != NULL ? (const char * const *) self->tags->pdata : none;
}

void
pub_draft_set_tags (PubDraft           *self,
                    const char * const *tags)
{
  g_return_if_fail (PUB_IS_DRAFT (self));

  g_ptr_array_set_size (self->tags, 0);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      if (!g_strv_contains (pub_draft_get_tags (self), tags[i]))
        g_ptr_array_add (self->tags, g_strdup (tags[i]));
    }
  mark_changed (self);
}

void
pub_draft_add_tag (PubDraft   *self,
                   const char *tag)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (PUB_IS_DRAFT (self));
  g_return_if_fail (tag != NULL);

  stripped = g_strstrip (g_strdup (tag));
  if (stripped[0] == '\0' || g_strv_contains (pub_draft_get_tags (self), stripped))
    return;
  g_ptr_array_add (self->tags, g_steal_pointer (&stripped));
  mark_changed (self);
}

void
pub_draft_remove_tag (PubDraft   *self,
                      const char *tag)
{
  g_return_if_fail (PUB_IS_DRAFT (self));

  for (guint i = 0; i < self->tags->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->tags, i), tag) == 0)
        {
          g_ptr_array_remove_index (self->tags, i);
          mark_changed (self);
          return;
        }
    }
}

const char *
pub_draft_get_display_title (PubDraft *self)
{
  const char *title;

  g_return_val_if_fail (PUB_IS_DRAFT (self), NULL);

  if (self->damage != NULL)
    return _("Damaged draft");
  title = pub_draft_get_field (self, PUB_DRAFT_FIELD_TITLE);
  for (const char *p = title; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return title;
    }
  return _("Untitled dataset");
}

const char *
pub_draft_get_portal (PubDraft *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT (self), NULL);
  return self->portal;
}

void
pub_draft_set_portal (PubDraft   *self,
                      const char *portal)
{
  g_return_if_fail (PUB_IS_DRAFT (self));

  if (g_strcmp0 (self->portal, portal) == 0)
    return;
  g_free (self->portal);
  self->portal = g_strdup (portal);
  mark_changed (self);
}

GListModel *
pub_draft_get_resources (PubDraft *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT (self), NULL);
  return G_LIST_MODEL (self->resources);
}

void
pub_draft_add_resource (PubDraft         *self,
                        PubDraftResource *resource)
{
  g_return_if_fail (PUB_IS_DRAFT (self));
  g_return_if_fail (PUB_IS_DRAFT_RESOURCE (resource));

  g_list_store_append (self->resources, resource);
}

void
pub_draft_remove_resource (PubDraft         *self,
                           PubDraftResource *resource)
{
  guint position;

  g_return_if_fail (PUB_IS_DRAFT (self));

  if (g_list_store_find (self->resources, resource, &position))
    g_list_store_remove (self->resources, position);
}

void
pub_draft_move_resource (PubDraft         *self,
                         PubDraftResource *resource,
                         guint             position)
{
  g_autoptr(PubDraftResource) keep = NULL;
  guint old_position;
  guint n_items;

  g_return_if_fail (PUB_IS_DRAFT (self));

  if (!g_list_store_find (self->resources, resource, &old_position))
    return;
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->resources));
  position = MIN (position, n_items - 1);
  if (position == old_position)
    return;

  keep = g_object_ref (resource);
  g_list_store_remove (self->resources, old_position);
  g_list_store_insert (self->resources, position, keep);
}

JsonNode *
pub_draft_get_cache (PubDraft   *self,
                     const char *key)
{
  g_return_val_if_fail (PUB_IS_DRAFT (self), NULL);
  return g_hash_table_lookup (self->cache, key);
}

void
pub_draft_set_cache (PubDraft   *self,
                     const char *key,
                     JsonNode   *value)
{
  JsonNode *old;

  g_return_if_fail (PUB_IS_DRAFT (self));
  g_return_if_fail (key != NULL);

  old = g_hash_table_lookup (self->cache, key);
  if (old != NULL && value != NULL && json_node_equal (old, value))
    return;
  if (value == NULL)
    g_hash_table_remove (self->cache, key);
  else
    g_hash_table_insert (self->cache, g_strdup (key), json_node_copy (value));
  mark_changed (self);
}

PubAnonymizeAction
pub_draft_get_anonymize_action (PubDraft   *self,
                                const char *column,
                                gboolean   *chosen)
{
  gpointer value = NULL;
  gboolean found;

  g_return_val_if_fail (PUB_IS_DRAFT (self), PUB_ANONYMIZE_KEEP);
  g_return_val_if_fail (column != NULL, PUB_ANONYMIZE_KEEP);

  found = g_hash_table_lookup_extended (self->anonymize, column, NULL, &value);
  if (chosen != NULL)
    *chosen = found;
  return GPOINTER_TO_UINT (value);
}

void
pub_draft_set_anonymize_action (PubDraft           *self,
                                const char         *column,
                                PubAnonymizeAction  action)
{
  gpointer old;

  g_return_if_fail (PUB_IS_DRAFT (self));
  g_return_if_fail (column != NULL);

  if (g_hash_table_lookup_extended (self->anonymize, column, NULL, &old) &&
      GPOINTER_TO_UINT (old) == action)
    return;
  g_hash_table_insert (self->anonymize, g_strdup (column), GUINT_TO_POINTER (action));
  mark_changed (self);
}

JsonNode *
pub_draft_get_publish_record (PubDraft   *self,
                              const char *key)
{
  g_return_val_if_fail (PUB_IS_DRAFT (self), NULL);
  return g_hash_table_lookup (self->record, key);
}

void
pub_draft_set_publish_record (PubDraft   *self,
                              const char *key,
                              JsonNode   *value)
{
  JsonNode *old;

  g_return_if_fail (PUB_IS_DRAFT (self));
  g_return_if_fail (key != NULL);

  old = g_hash_table_lookup (self->record, key);
  if ((old == NULL && value == NULL) || (old != NULL && value != NULL && json_node_equal (old, value)))
    return;
  if (value == NULL)
    g_hash_table_remove (self->record, key);
  else
    g_hash_table_insert (self->record, g_strdup (key), json_node_copy (value));
  mark_changed (self);
}

PubPublishStep
pub_draft_get_publish_step (PubDraft *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT (self), 0);
  return self->step;
}

void
pub_draft_set_publish_step (PubDraft       *self,
                            PubPublishStep  step)
{
  g_return_if_fail (PUB_IS_DRAFT (self));

  if (self->step == step)
    return;
  self->step = step;
  mark_changed (self);
}

static void
set_string_and_save (PubDraft   *self,
                     char      **field,
                     const char *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  mark_changed (self);
}

const char *
pub_draft_get_remote_id (PubDraft *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT (self), NULL);
  return self->remote_id;
}

void
pub_draft_set_remote_id (PubDraft   *self,
                         const char *remote_id)
{
  g_return_if_fail (PUB_IS_DRAFT (self));
  set_string_and_save (self, &self->remote_id, remote_id);
}

const char *
pub_draft_get_remote_url (PubDraft *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT (self), NULL);
  return self->remote_url;
}

void
pub_draft_set_remote_url (PubDraft   *self,
                          const char *url)
{
  g_return_if_fail (PUB_IS_DRAFT (self));
  set_string_and_save (self, &self->remote_url, url);
}

const char *
pub_draft_get_damage_detail (PubDraft *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT (self), NULL);
  return self->damage_detail;
}

const char *
pub_draft_get_last_error (PubDraft *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT (self), NULL);
  return self->damage != NULL ? self->damage : self->last_error;
}

void
pub_draft_set_last_error (PubDraft   *self,
                          const char *message)
{
  g_return_if_fail (PUB_IS_DRAFT (self));
  set_string_and_save (self, &self->last_error, message);
}

gboolean
pub_draft_get_publishing (PubDraft *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT (self), FALSE);
  return self->publishing;
}

void
pub_draft_set_publishing (PubDraft *self,
                          gboolean  publishing)
{
  g_return_if_fail (PUB_IS_DRAFT (self));

  if (self->publishing == !!publishing)
    return;
  self->publishing = !!publishing;
  _pub_draft_update_state (self);
}

gboolean
pub_draft_get_queued (PubDraft *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT (self), FALSE);
  return self->queued;
}

void
pub_draft_set_queued (PubDraft *self,
                      gboolean  queued)
{
  g_return_if_fail (PUB_IS_DRAFT (self));

  if (self->queued == !!queued)
    return;
  self->queued = !!queued;
  mark_changed (self);
}

double
pub_draft_get_progress (PubDraft *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT (self), 0.0);
  return self->progress;
}

void
pub_draft_set_progress (PubDraft *self,
                        double    fraction)
{
  g_return_if_fail (PUB_IS_DRAFT (self));

  fraction = CLAMP (fraction, 0.0, 1.0);
  if (self->progress == fraction)
    return;
  self->progress = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

gboolean
pub_draft_is_damaged (PubDraft *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT (self), FALSE);
  return self->damage != NULL;
}

PubDraftState
pub_draft_get_state (PubDraft *self)
{
  g_autoptr(GHashTable) problems = NULL;

  g_return_val_if_fail (PUB_IS_DRAFT (self), PUB_DRAFT_STATE_EDITING);

  if (self->damage != NULL)
    return PUB_DRAFT_STATE_DAMAGED;
  if (self->publishing)
    return PUB_DRAFT_STATE_PUBLISHING;
  if (self->step == PUB_PUBLISH_STEP_DONE)
    return PUB_DRAFT_STATE_PUBLISHED;
  if (self->queued)
    return PUB_DRAFT_STATE_QUEUED;
  /* A publication that stopped halfway (an error, or the app closed) must
   * be finished, whatever the fields say now. */
  if (self->last_error != NULL || self->step != PUB_PUBLISH_STEP_NONE)
    return PUB_DRAFT_STATE_FAILED;

  problems = pub_draft_validate (self);
  return g_hash_table_size (problems) == 0 ? PUB_DRAFT_STATE_READY : PUB_DRAFT_STATE_EDITING;
}
