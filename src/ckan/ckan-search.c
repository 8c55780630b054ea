/* ckan-search.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-dataset.h"
#include "ckan-search.h"

/* -1 in the tri-states means "not set: let the portal decide". */
struct _CkanSearchParams
{
  char      *q;
  GPtrArray *filters;
  char      *sort;
  guint      start;
  guint      rows;
  int        include_private;
  int        include_drafts;
  int        include_deleted;
  GPtrArray *facet_fields;
  int        facet_limit;
};

G_DEFINE_BOXED_TYPE (CkanSearchParams, ckan_search_params,
                     ckan_search_params_copy, ckan_search_params_free)

CkanSearchParams *
ckan_search_params_new (void)
{
  CkanSearchParams *self = g_new0 (CkanSearchParams, 1);

  self->filters = g_ptr_array_new_with_free_func (g_free);
  self->facet_fields = g_ptr_array_new_with_free_func (g_free);
  self->include_private = -1;
  self->include_drafts = -1;
  self->include_deleted = -1;
  self->facet_limit = -1;
  return self;
}

static gpointer
copy_string (gconstpointer string,
             gpointer      data)
{
  return g_strdup (string);
}

static GPtrArray *
copy_strings (GPtrArray *strings)
{
  return g_ptr_array_copy (strings, copy_string, NULL);
}

CkanSearchParams *
ckan_search_params_copy (const CkanSearchParams *self)
{
  CkanSearchParams *copy = g_new0 (CkanSearchParams, 1);

  *copy = *self;
  copy->q = g_strdup (self->q);
  copy->sort = g_strdup (self->sort);
  copy->filters = copy_strings (self->filters);
  g_ptr_array_set_free_func (copy->filters, g_free);
  copy->facet_fields = copy_strings (self->facet_fields);
  g_ptr_array_set_free_func (copy->facet_fields, g_free);
  return copy;
}

void
ckan_search_params_free (CkanSearchParams *self)
{
  if (self == NULL)
    return;
  g_free (self->q);
  g_free (self->sort);
  g_ptr_array_unref (self->filters);
  g_ptr_array_unref (self->facet_fields);
  g_free (self);
}

void
ckan_search_params_set_query (CkanSearchParams *self,
                              const char       *q)
{
  g_free (self->q);
  self->q = g_strdup (q);
}

void
ckan_search_params_add_filter (CkanSearchParams *self,
                               const char       *fq)
{
  g_return_if_fail (fq != NULL);
  g_ptr_array_add (self->filters, g_strdup (fq));
}

void
ckan_search_params_set_sort (CkanSearchParams *self,
                             const char       *sort)
{
  g_free (self->sort);
  self->sort = g_strdup (sort);
}

void
ckan_search_params_set_start (CkanSearchParams *self,
                              guint             start)
{
  self->start = start;
}

guint
ckan_search_params_get_start (const CkanSearchParams *self)
{
  return self->start;
}

void
ckan_search_params_set_rows (CkanSearchParams *self,
                             guint             rows)
{
  self->rows = rows;
}

guint
ckan_search_params_get_rows (const CkanSearchParams *self)
{
  return self->rows;
}

void
ckan_search_params_set_include_private (CkanSearchParams *self,
                                        gboolean          include)
{
  self->include_private = !!include;
}

void
ckan_search_params_set_include_drafts (CkanSearchParams *self,
                                       gboolean          include)
{
  self->include_drafts = !!include;
}

void
ckan_search_params_set_include_deleted (CkanSearchParams *self,
                                        gboolean          include)
{
  self->include_deleted = !!include;
}

void
ckan_search_params_add_facet_field (CkanSearchParams *self,
                                    const char       *field)
{
  g_return_if_fail (field != NULL);
  g_ptr_array_add (self->facet_fields, g_strdup (field));
}

void
ckan_search_params_set_facet_limit (CkanSearchParams *self,
                                    int               limit)
{
  self->facet_limit = limit;
}

/* Each filter becomes a required clause ("+field:value"), as CKAN writes
 * its own: Solr then needs every one whatever its default operator. */
static char *
join_filters (GPtrArray *filters)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  if (filters->len == 1)
    return g_strdup (g_ptr_array_index (filters, 0));

  for (guint i = 0; i < filters->len; i++)
    {
      const char *filter = g_ptr_array_index (filters, i);

      if (i > 0)
        g_string_append_c (joined, ' ');
      if (*filter != '+' && *filter != '-')
        g_string_append_c (joined, '+');
      g_string_append (joined, filter);
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static void
set_tristate (JsonObject *object,
              const char *key,
              int         value)
{
  if (value >= 0)
    json_object_set_boolean_member (object, key, value);
}

JsonObject *
ckan_search_params_to_json (const CkanSearchParams *self)
{
  JsonObject *object = json_object_new ();

  if (self->q != NULL)
    json_object_set_string_member (object, "q", self->q);
  if (self->filters->len > 0)
    {
      g_autofree char *fq = join_filters (self->filters);

      json_object_set_string_member (object, "fq", fq);
    }
  if (self->sort != NULL)
    json_object_set_string_member (object, "sort", self->sort);
  if (self->start > 0)
    json_object_set_int_member (object, "start", self->start);
  if (self->rows > 0)
    json_object_set_int_member (object, "rows", self->rows);
  set_tristate (object, "include_private", self->include_private);
  set_tristate (object, "include_drafts", self->include_drafts);
  set_tristate (object, "include_deleted", self->include_deleted);
  if (self->facet_fields->len > 0)
    {
      JsonArray *fields = json_array_new ();

      for (guint i = 0; i < self->facet_fields->len; i++)
        json_array_add_string_element (fields, g_ptr_array_index (self->facet_fields, i));
      json_object_set_array_member (object, "facet.field", fields);
    }
  if (self->facet_limit >= 0)
    json_object_set_int_member (object, "facet.limit", self->facet_limit);
  return object;
}

/* ------------------------------------------------------------------ */

CkanFacetItem *
ckan_facet_item_copy (const CkanFacetItem *item)
{
  CkanFacetItem *copy = g_new0 (CkanFacetItem, 1);

  copy->name = g_strdup (item->name);
  copy->display_name = g_strdup (item->display_name);
  copy->count = item->count;
  return copy;
}

void
ckan_facet_item_free (CkanFacetItem *item)
{
  if (item == NULL)
    return;
  g_free (item->name);
  g_free (item->display_name);
  g_free (item);
}

G_DEFINE_BOXED_TYPE (CkanFacetItem, ckan_facet_item, ckan_facet_item_copy, ckan_facet_item_free)

/* ------------------------------------------------------------------ */

struct _CkanSearchResult
{
  CkanRecord  parent_instance;

  GPtrArray  *results;
};

G_DEFINE_FINAL_TYPE (CkanSearchResult, ckan_search_result, CKAN_TYPE_RECORD)

static void
ckan_search_result_parse (CkanRecord *record)
{
  CkanSearchResult *self = CKAN_SEARCH_RESULT (record);

  g_clear_pointer (&self->results, g_ptr_array_unref);
  self->results = ckan_record_list_from_array (CKAN_TYPE_DATASET,
                                               ckan_record_get_member_array (record, "results"));
}

static void
ckan_search_result_dispose (GObject *object)
{
  CkanSearchResult *self = CKAN_SEARCH_RESULT (object);

  g_clear_pointer (&self->results, g_ptr_array_unref);

  G_OBJECT_CLASS (ckan_search_result_parent_class)->dispose (object);
}

static void
ckan_search_result_class_init (CkanSearchResultClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ckan_search_result_dispose;
  CKAN_RECORD_CLASS (klass)->required_key = NULL;
  CKAN_RECORD_CLASS (klass)->parse = ckan_search_result_parse;
}

static void
ckan_search_result_init (CkanSearchResult *self)
{
  self->results = g_ptr_array_new_with_free_func (g_object_unref);
}

CkanSearchResult *
ckan_search_result_new_from_json (JsonObject  *object,
                                  GError     **error)
{
  return ckan_record_new_from_json (CKAN_TYPE_SEARCH_RESULT, object, error);
}

gint64
ckan_search_result_get_count (CkanSearchResult *self)
{
  return ckan_record_get_int (CKAN_RECORD (self), "count", 0);
}

GPtrArray *
ckan_search_result_get_results (CkanSearchResult *self)
{
  g_return_val_if_fail (CKAN_IS_SEARCH_RESULT (self), NULL);
  return self->results;
}

static int
compare_items_by_count (gconstpointer a,
                        gconstpointer b)
{
  const CkanFacetItem *item_a = *(const CkanFacetItem **) a;
  const CkanFacetItem *item_b = *(const CkanFacetItem **) b;

  if (item_a->count != item_b->count)
    return item_a->count > item_b->count ? -1 : 1;
  return g_strcmp0 (item_a->name, item_b->name);
}

GPtrArray *
ckan_search_result_dup_facet_items (CkanSearchResult *self,
                                    const char       *field)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) ckan_facet_item_free);
  JsonObject *facets = ckan_record_get_member_object (CKAN_RECORD (self), "search_facets");
  JsonNode *facet;
  JsonNode *list;

  if (facets == NULL || field == NULL)
    return items;
  facet = json_object_get_member (facets, field);
  if (facet == NULL || !JSON_NODE_HOLDS_OBJECT (facet))
    return items;
  list = json_object_get_member (json_node_get_object (facet), "items");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    return items;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (list), i);
      JsonObject *object;
      CkanFacetItem *item;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      object = json_node_get_object (element);
      item = g_new0 (CkanFacetItem, 1);
      item->name = g_strdup (ckan_json_object_get_string_lenient (object, "name"));
      item->display_name = g_strdup (ckan_json_object_get_string_lenient (object, "display_name"));
      if (item->display_name == NULL)
        item->display_name = g_strdup (item->name);
      item->count = ckan_json_object_get_int_lenient (object, "count", 0);
      g_ptr_array_add (items, item);
    }
  g_ptr_array_sort (items, compare_items_by_count);
  return items;
}
