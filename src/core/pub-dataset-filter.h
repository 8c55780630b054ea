/* pub-dataset-filter.h: the filters of the dataset lists, as package_search clauses
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  PUB_DATASET_SORT_LAST_CHANGED,  /* newest first */
  PUB_DATASET_SORT_TITLE,         /* A to Z */
} PubDatasetSort;

typedef enum {
  PUB_VISIBILITY_FILTER_ALL,
  PUB_VISIBILITY_FILTER_PUBLIC,
  PUB_VISIBILITY_FILTER_PRIVATE,
} PubVisibilityFilter;

typedef enum {
  PUB_STATE_FILTER_ALL,
  PUB_STATE_FILTER_ACTIVE,
  PUB_STATE_FILTER_DRAFT,
} PubStateFilter;

#define PUB_TYPE_DATASET_SORT (pub_dataset_sort_get_type ())
GType pub_dataset_sort_get_type (void) G_GNUC_CONST;
#define PUB_TYPE_VISIBILITY_FILTER (pub_visibility_filter_get_type ())
GType pub_visibility_filter_get_type (void) G_GNUC_CONST;
#define PUB_TYPE_STATE_FILTER (pub_state_filter_get_type ())
GType pub_state_filter_get_type (void) G_GNUC_CONST;

/* The sort parameter of package_search. */
const char *pub_dataset_sort_to_param        (PubDatasetSort       sort);
/* A filter clause, or NULL for ALL. */
const char *pub_visibility_filter_to_clause  (PubVisibilityFilter  filter);
const char *pub_state_filter_to_clause       (PubStateFilter       filter);
/* res_format:"CSV", quoted for Solr. */
char       *pub_dataset_filter_format_clause (const char          *format);
/* The datasets whose update is overdue, as far as the search index can
 * tell (see the .c for what it cannot). */
char       *pub_dataset_filter_overdue_clause (void);
/* What a person typed, as a q that matches those words: Solr's operators
 * and special characters lose their meaning. NULL for only spaces. */
char       *pub_dataset_filter_escape_query  (const char          *text);

G_END_DECLS
