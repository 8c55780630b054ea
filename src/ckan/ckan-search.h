/* ckan-search.h: package_search: its parameters and one page of results
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-record.h"

G_BEGIN_DECLS

#define CKAN_TYPE_SEARCH_RESULT (ckan_search_result_get_type ())

G_DECLARE_FINAL_TYPE (CkanSearchResult, ckan_search_result, CKAN, SEARCH_RESULT, CkanRecord)

CkanSearchResult *ckan_search_result_new_from_json (JsonObject  *object,
                                                    GError     **error);

/* The parameters of package_search. Unset members are not sent, so the
 * portal's defaults apply (q=*:*, rows=10, relevance order). */
#define CKAN_TYPE_SEARCH_PARAMS (ckan_search_params_get_type ())

typedef struct _CkanSearchParams CkanSearchParams;

GType             ckan_search_params_get_type            (void) G_GNUC_CONST;
CkanSearchParams *ckan_search_params_new                 (void);
CkanSearchParams *ckan_search_params_copy                (const CkanSearchParams *self);
void              ckan_search_params_free                (CkanSearchParams       *self);
void              ckan_search_params_set_query           (CkanSearchParams       *self,
                                                          const char             *q);
/* One Solr filter clause, such as owner_org:"<uuid>" or tags:(a OR b);
 * several filters all apply. */
void              ckan_search_params_add_filter          (CkanSearchParams       *self,
                                                          const char             *fq);
void              ckan_search_params_set_sort            (CkanSearchParams       *self,
                                                          const char             *sort);
void              ckan_search_params_set_start           (CkanSearchParams       *self,
                                                          guint                   start);
guint             ckan_search_params_get_start           (const CkanSearchParams *self);
/* 0 leaves the portal's default; the portal clamps at 1000. */
void              ckan_search_params_set_rows            (CkanSearchParams       *self,
                                                          guint                   rows);
guint             ckan_search_params_get_rows            (const CkanSearchParams *self);
void              ckan_search_params_set_include_private (CkanSearchParams       *self,
                                                          gboolean                include);
void              ckan_search_params_set_include_drafts  (CkanSearchParams       *self,
                                                          gboolean                include);
void              ckan_search_params_set_include_deleted (CkanSearchParams       *self,
                                                          gboolean                include);
void              ckan_search_params_add_facet_field     (CkanSearchParams       *self,
                                                          const char             *field);
void              ckan_search_params_set_facet_limit     (CkanSearchParams       *self,
                                                          int                     limit);
/* The action's parameters. Filters go as one fq of required clauses
 * ("+a +b"): CKAN leaves fq_list unvalidated and a GET query string can't
 * carry it as a list. */
JsonObject       *ckan_search_params_to_json             (const CkanSearchParams *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CkanSearchParams, ckan_search_params_free)

/* One value of a facet with how many datasets have it. */
#define CKAN_TYPE_FACET_ITEM (ckan_facet_item_get_type ())

typedef struct
{
  char   *name;
  char   *display_name;
  gint64  count;
} CkanFacetItem;

GType          ckan_facet_item_get_type (void) G_GNUC_CONST;
CkanFacetItem *ckan_facet_item_copy     (const CkanFacetItem *item);
void           ckan_facet_item_free     (CkanFacetItem       *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CkanFacetItem, ckan_facet_item_free)

/* Datasets matching in all, not just on this page. */
gint64     ckan_search_result_get_count       (CkanSearchResult *self);
/* CkanDataset of this page; never NULL. */
GPtrArray *ckan_search_result_get_results     (CkanSearchResult *self);
/* CkanFacetItem of search_facets[field], most frequent first; a new array,
 * empty when the facet was not asked for. */
GPtrArray *ckan_search_result_dup_facet_items (CkanSearchResult *self,
                                               const char       *field);

G_END_DECLS
