/* pub-dataset-list-item.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pub-dataset-list-item.h"

struct _PubDatasetListItem
{
  GObject                  parent_instance;

  guint                    position;
  PubDatasetListItemState  state;
  CkanDataset             *dataset;
  char                    *error_message;
  gboolean                 selected;
};

G_DEFINE_FINAL_TYPE (PubDatasetListItem, pub_dataset_list_item, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (PubDatasetListItemState, pub_dataset_list_item_state,
  G_DEFINE_ENUM_VALUE (PUB_DATASET_LIST_ITEM_LOADING, "loading"),
  G_DEFINE_ENUM_VALUE (PUB_DATASET_LIST_ITEM_READY, "ready"),
  G_DEFINE_ENUM_VALUE (PUB_DATASET_LIST_ITEM_FAILED, "failed"))

enum {
  PROP_0,
  PROP_POSITION,
  PROP_STATE,
  PROP_DATASET,
  PROP_ERROR_MESSAGE,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

PubDatasetListItem *
pub_dataset_list_item_new (guint position)
{
  return g_object_new (PUB_TYPE_DATASET_LIST_ITEM, "position", position, NULL);
}

guint
pub_dataset_list_item_get_position (PubDatasetListItem *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_LIST_ITEM (self), 0);

  return self->position;
}

PubDatasetListItemState
pub_dataset_list_item_get_state (PubDatasetListItem *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_LIST_ITEM (self), PUB_DATASET_LIST_ITEM_LOADING);

  return self->state;
}

CkanDataset *
pub_dataset_list_item_get_dataset (PubDatasetListItem *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_LIST_ITEM (self), NULL);

  return self->dataset;
}

const char *
pub_dataset_list_item_get_error_message (PubDatasetListItem *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_LIST_ITEM (self), NULL);

  return self->error_message;
}

gboolean
pub_dataset_list_item_get_selected (PubDatasetListItem *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_LIST_ITEM (self), FALSE);

  return self->selected;
}

void
pub_dataset_list_item_set_selected (PubDatasetListItem *self,
                                    gboolean            selected)
{
  g_return_if_fail (PUB_IS_DATASET_LIST_ITEM (self));

  selected = !!selected;
  if (self->selected == selected)
    return;
  self->selected = selected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
set_state (PubDatasetListItem      *self,
           PubDatasetListItemState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
pub_dataset_list_item_set_dataset (PubDatasetListItem *self,
                                   CkanDataset        *dataset)
{
  g_return_if_fail (PUB_IS_DATASET_LIST_ITEM (self));
  g_return_if_fail (CKAN_IS_DATASET (dataset));

  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->dataset, dataset))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
  g_clear_pointer (&self->error_message, g_free);
  set_state (self, PUB_DATASET_LIST_ITEM_READY);
  g_object_thaw_notify (G_OBJECT (self));
}

void
pub_dataset_list_item_set_failed (PubDatasetListItem *self,
                                  const char         *message)
{
  g_return_if_fail (PUB_IS_DATASET_LIST_ITEM (self));

  /* A row already shown keeps its dataset: only rows still waiting fail. */
  if (self->state == PUB_DATASET_LIST_ITEM_READY)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
  set_state (self, PUB_DATASET_LIST_ITEM_FAILED);
  g_object_thaw_notify (G_OBJECT (self));
}

void
pub_dataset_list_item_set_loading (PubDatasetListItem *self)
{
  g_return_if_fail (PUB_IS_DATASET_LIST_ITEM (self));

  if (self->state == PUB_DATASET_LIST_ITEM_FAILED)
    set_state (self, PUB_DATASET_LIST_ITEM_LOADING);
}

static void
pub_dataset_list_item_finalize (GObject *object)
{
  PubDatasetListItem *self = PUB_DATASET_LIST_ITEM (object);

  g_clear_object (&self->dataset);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (pub_dataset_list_item_parent_class)->finalize (object);
}

static void
pub_dataset_list_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PubDatasetListItem *self = PUB_DATASET_LIST_ITEM (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;

    case PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_dataset_list_item_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PubDatasetListItem *self = PUB_DATASET_LIST_ITEM (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      self->position = g_value_get_uint (value);
      break;

    case PROP_SELECTED:
      pub_dataset_list_item_set_selected (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_dataset_list_item_class_init (PubDatasetListItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pub_dataset_list_item_finalize;
  object_class->get_property = pub_dataset_list_item_get_property;
  object_class->set_property = pub_dataset_list_item_set_property;

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       PUB_TYPE_DATASET_LIST_ITEM_STATE, PUB_DATASET_LIST_ITEM_LOADING,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         CKAN_TYPE_DATASET,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pub_dataset_list_item_init (PubDatasetListItem *self)
{
}
