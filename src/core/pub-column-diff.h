/* pub-column-diff.h: the columns of a published file against those of its
 * new version: added, removed, renamed, retyped (what breaks people's
 * scripts)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ckan-datastore-info.h"
#include "pub-check.h"

G_BEGIN_DECLS

typedef struct {
  char          *name;
  PubColumnType  type;
  /* FALSE when the source can't tell (a DataStore loaded everything as
   * text): then a different type is not a change. */
  gboolean       type_known;
} PubColumn;

typedef enum {
  PUB_COLUMN_ADDED,
  PUB_COLUMN_REMOVED,
  PUB_COLUMN_RENAMED,
  PUB_COLUMN_RETYPED,
} PubColumnChangeKind;

typedef struct {
  PubColumnChangeKind kind;
  char               *old_name;   /* NULL when added */
  char               *new_name;   /* NULL when removed */
  PubColumnType       old_type;
  PubColumnType       new_type;
} PubColumnChange;

PubColumn *pub_column_new                (const char          *name,
                                          PubColumnType        type,
                                          gboolean             type_known);
void       pub_column_free               (PubColumn           *column);
void       pub_column_change_free        (PubColumnChange     *change);

/* GPtrArray of PubColumn, in file order. */
GPtrArray *pub_columns_from_stats        (const PubCsvStats   *stats);
/* The DataStore's columns; its types mapped (int → integer, numeric →
 * number, timestamp → date, bool → boolean); a type_override wins. */
GPtrArray *pub_columns_from_datastore    (CkanDatastoreInfo   *info);
/* The first bytes of a published CSV file: cut at the last line end and
 * checked. NULL when they are not a table. */
GPtrArray *pub_columns_from_head         (GBytes              *head,
                                          const char          *filename);

/* GPtrArray of PubColumnChange. Same name: same column (retyped when both
 * types are known and differ). A column gone and another new at the same
 * place, of the same type: renamed. The rest: removed and added. */
GPtrArray *pub_column_diff               (GPtrArray           *published,
                                          GPtrArray           *replacement);
/* "Column “region” renamed to “región”", translated. */
char      *pub_column_change_describe    (const PubColumnChange *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PubColumn, pub_column_free)

G_END_DECLS
