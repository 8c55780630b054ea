/* pub-column-diff.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pub-column-diff.h"

PubColumn *
pub_column_new (const char    *name,
                PubColumnType  type,
                gboolean       type_known)
{
  PubColumn *column = g_new0 (PubColumn, 1);

  column->name = g_strdup (name != NULL ? name : "");
  column->type = type;
  column->type_known = type_known;
  return column;
}

void
pub_column_free (PubColumn *column)
{
  if (column == NULL)
    return;
  g_free (column->name);
  g_free (column);
}

void
pub_column_change_free (PubColumnChange *change)
{
  if (change == NULL)
    return;
  g_free (change->old_name);
  g_free (change->new_name);
  g_free (change);
}

GPtrArray *
pub_columns_from_stats (const PubCsvStats *stats)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func ((GDestroyNotify) pub_column_free);

  for (guint i = 0; stats != NULL && i < stats->n_columns; i++)
    g_ptr_array_add (columns, pub_column_new (stats->columns[i].name, stats->columns[i].type, TRUE));
  return columns;
}

/* PostgreSQL's names as the DataStore reports them. */
static gboolean
datastore_type (const char    *name,
                PubColumnType *out)
{
  static const struct {
    const char    *name;
    PubColumnType  type;
  } types[] = {
    { "int", PUB_COLUMN_INTEGER }, { "int4", PUB_COLUMN_INTEGER }, { "int8", PUB_COLUMN_INTEGER },
    { "integer", PUB_COLUMN_INTEGER }, { "bigint", PUB_COLUMN_INTEGER }, { "smallint", PUB_COLUMN_INTEGER },
    { "numeric", PUB_COLUMN_NUMBER }, { "float", PUB_COLUMN_NUMBER }, { "float4", PUB_COLUMN_NUMBER },
    { "float8", PUB_COLUMN_NUMBER }, { "double precision", PUB_COLUMN_NUMBER }, { "real", PUB_COLUMN_NUMBER },
    { "timestamp", PUB_COLUMN_DATE }, { "date", PUB_COLUMN_DATE }, { "timestamptz", PUB_COLUMN_DATE },
    { "bool", PUB_COLUMN_BOOLEAN }, { "boolean", PUB_COLUMN_BOOLEAN },
    { "text", PUB_COLUMN_TEXT },
  };

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (types); i++)
    {
      if (g_ascii_strcasecmp (types[i].name, name) == 0)
        {
          *out = types[i].type;
          return TRUE;
        }
    }
  return FALSE;
}

GPtrArray *
pub_columns_from_datastore (CkanDatastoreInfo *info)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func ((GDestroyNotify) pub_column_free);
  GPtrArray *fields;

  g_return_val_if_fail (CKAN_IS_DATASTORE_INFO (info), columns);

  fields = ckan_datastore_info_get_fields (info);
  for (guint i = 0; i < fields->len; i++)
    {
      CkanDatastoreField *field = g_ptr_array_index (fields, i);
      const char *override = ckan_datastore_field_get_type_override (field);
      PubColumnType type = PUB_COLUMN_TEXT;
      gboolean known;

      if (override != NULL && override[0] != '\0')
        known = datastore_type (override, &type);
      else
        {
          /* xloader loads every column as text unless told otherwise:
           * text from the DataStore says nothing about the data. */
          known = datastore_type (ckan_datastore_field_get_field_type (field), &type) && type != PUB_COLUMN_TEXT;
        }
      g_ptr_array_add (columns, pub_column_new (ckan_datastore_field_get_id (field), type, known));
    }
  return columns;
}

GPtrArray *
pub_columns_from_head (GBytes     *head,
                       const char *filename)
{
  gsize size;
  const char *data;
  const char *end;
  g_autoptr(PubCheckResult) result = NULL;
  const PubCsvStats *stats;

  g_return_val_if_fail (head != NULL, NULL);

  data = g_bytes_get_data (head, &size);
  /* The last line may be cut in the middle: it is left out. */
  end = NULL;
  for (gsize i = size; i > 0 && end == NULL; i--)
    {
      if (data[i - 1] == '\n')
        end = data + i - 1;
    }
  if (end == NULL)
    return NULL;
  result = pub_check_data (data, end - data + 1, filename, NULL);
  stats = result != NULL ? pub_check_result_get_stats (result) : NULL;
  if (stats == NULL || stats->n_columns == 0 || stats->header_missing)
    return NULL;
  return pub_columns_from_stats (stats);
}

static PubColumnChange *
change_new (PubColumnChangeKind  kind,
            PubColumn           *before,
            PubColumn           *after)
{
  PubColumnChange *change = g_new0 (PubColumnChange, 1);

  change->kind = kind;
  change->old_name = before != NULL ? g_strdup (before->name) : NULL;
  change->new_name = after != NULL ? g_strdup (after->name) : NULL;
  change->old_type = before != NULL ? before->type : PUB_COLUMN_TEXT;
  change->new_type = after != NULL ? after->type : PUB_COLUMN_TEXT;
  return change;
}

static PubColumn *
find_column (GPtrArray  *columns,
             const char *name)
{
  for (guint i = 0; i < columns->len; i++)
    {
      PubColumn *column = g_ptr_array_index (columns, i);

      if (g_str_equal (column->name, name))
        return column;
    }
  return NULL;
}

static gboolean
same_type (PubColumn *a,
           PubColumn *b)
{
  return !a->type_known || !b->type_known || a->type == b->type;
}

GPtrArray *
pub_column_diff (GPtrArray *published,
                 GPtrArray *replacement)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) pub_column_change_free);
  g_autoptr(GHashTable) paired = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (published != NULL, changes);
  g_return_val_if_fail (replacement != NULL, changes);

  /* Kept, perhaps retyped; or gone, perhaps renamed. */
  for (guint i = 0; i < published->len; i++)
    {
      PubColumn *before = g_ptr_array_index (published, i);
      PubColumn *after = find_column (replacement, before->name);

      if (after != NULL)
        {
          g_hash_table_add (paired, after);
          if (!same_type (before, after))
            g_ptr_array_add (changes, change_new (PUB_COLUMN_RETYPED, before, after));
          continue;
        }
      /* The new column in its place, if it is new and alike. */
      after = i < replacement->len ? g_ptr_array_index (replacement, i) : NULL;
      if (after != NULL && find_column (published, after->name) == NULL &&
          !g_hash_table_contains (paired, after) && same_type (before, after))
        {
          g_hash_table_add (paired, after);
          g_ptr_array_add (changes, change_new (PUB_COLUMN_RENAMED, before, after));
          continue;
        }
      g_ptr_array_add (changes, change_new (PUB_COLUMN_REMOVED, before, NULL));
    }
  for (guint i = 0; i < replacement->len; i++)
    {
      PubColumn *after = g_ptr_array_index (replacement, i);

      if (!g_hash_table_contains (paired, after))
        g_ptr_array_add (changes, change_new (PUB_COLUMN_ADDED, NULL, after));
    }
  return changes;
}

char *
pub_column_change_describe (const PubColumnChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  switch (change->kind)
    {
    case PUB_COLUMN_ADDED:
      return g_strdup_printf (_("Column “%s” added"), change->new_name);
    case PUB_COLUMN_REMOVED:
      return g_strdup_printf (_("Column “%s” removed"), change->old_name);
    case PUB_COLUMN_RENAMED:
      return g_strdup_printf (_("Column “%s” renamed to “%s”"), change->old_name, change->new_name);
    case PUB_COLUMN_RETYPED:
      return g_strdup_printf (_("Column “%s” changes from %s to %s"), change->new_name,
                              pub_column_type_to_label (change->old_type),
                              pub_column_type_to_label (change->new_type));
    default:
      g_assert_not_reached ();
    }
}
