/* pub-preview-row.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pub-preview-row.h"

struct _PubPreviewRow
{
  GObject     parent_instance;

  JsonObject *record;
};

G_DEFINE_FINAL_TYPE (PubPreviewRow, pub_preview_row, G_TYPE_OBJECT)

PubPreviewRow *
pub_preview_row_new (JsonObject *record)
{
  PubPreviewRow *self = g_object_new (PUB_TYPE_PREVIEW_ROW, NULL);

  self->record = json_object_ref (record);
  return self;
}

char *
pub_preview_row_dup_text (PubPreviewRow *self,
                          const char    *column)
{
  JsonNode *node;

  g_return_val_if_fail (PUB_IS_PREVIEW_ROW (self), NULL);

  node = json_object_get_member (self->record, column);
  if (!node || !JSON_NODE_HOLDS_VALUE (node))
    return g_strdup ("");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        /* The decimal point as the portal has it: these are data, not prose. */
        return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (node)));
      }
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return g_strdup ("");
    }
}

static void
pub_preview_row_finalize (GObject *object)
{
  PubPreviewRow *self = PUB_PREVIEW_ROW (object);

  g_clear_pointer (&self->record, json_object_unref);

  G_OBJECT_CLASS (pub_preview_row_parent_class)->finalize (object);
}

static void
pub_preview_row_class_init (PubPreviewRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pub_preview_row_finalize;
}

static void
pub_preview_row_init (PubPreviewRow *self)
{
}
