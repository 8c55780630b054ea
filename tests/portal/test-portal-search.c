/* test-portal-search.c: package_search and the activity streams
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-portal-private.h"

#include <string.h>

#define ROWS_MAX 1000

static const char *const search_params[] = {
  "q", "fl", "fq", "rows", "sort", "start", "wt", "qf", "bf", "boost", "facet",
  "facet.mincount", "facet.limit", "facet.field", "extras", "fq_list", "tie",
  "defType", "mm", "df", "include_drafts", "include_private", "include_deleted",
  "use_default_schema", NULL,
};

static gboolean
casefold_contains (const char *haystack,
                   const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (!haystack)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, folded_needle) != NULL;
}

/* A bound of a date range: "*", "NOW", "NOW-7DAYS", "NOW/DAY-1MONTH" (from
 * midnight UTC) or a timestamp, as Solr's date math reads it; NULL for "*". */
static GDateTime *
parse_date_bound (const char *bound,
                  gboolean   *ok)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *math;
  char *end;
  gint64 amount;

  *ok = TRUE;
  if (g_str_equal (bound, "*"))
    return NULL;
  if (!g_str_has_prefix (bound, "NOW"))
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      GDateTime *time = g_date_time_new_from_iso8601 (bound, utc);

      *ok = time != NULL;
      return time;
    }
  math = bound + 3;
  if (g_str_has_prefix (math, "/DAY"))
    {
      GDateTime *midnight = g_date_time_new_utc (g_date_time_get_year (now), g_date_time_get_month (now),
                                                 g_date_time_get_day_of_month (now), 0, 0, 0);

      g_date_time_unref (now);
      now = midnight;
      math += 4;
    }
  if (*math == '\0')
    return g_date_time_ref (now);
  if (*math != '-' && *math != '+')
    {
      *ok = FALSE;
      return NULL;
    }
  amount = g_ascii_strtoll (math + 1, &end, 10);
  if (*math == '-')
    amount = -amount;
  if (g_str_has_prefix (end, "DAY"))
    return g_date_time_add_days (now, amount);
  if (g_str_has_prefix (end, "MONTH"))
    return g_date_time_add_months (now, amount);
  if (g_str_has_prefix (end, "YEAR"))
    return g_date_time_add_years (now, amount);
  if (g_str_has_prefix (end, "HOUR"))
    return g_date_time_add_hours (now, amount);
  *ok = FALSE;
  return NULL;
}

/* field:[from TO to] over a timestamp field (CKAN's are naive UTC). */
static gboolean
match_range (JsonObject *dataset,
             const char *field,
             const char *range)
{
  g_autofree char *inner = g_strndup (range + 1, strlen (range) - 2);
  g_auto(GStrv) bounds = g_strsplit (inner, " TO ", 2);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GDateTime) value = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const char *text = portal_object_string (dataset, field);
  gboolean ok_from, ok_to;

  if (g_strv_length (bounds) != 2 || text == NULL)
    return FALSE;
  from = parse_date_bound (g_strstrip (bounds[0]), &ok_from);
  to = parse_date_bound (g_strstrip (bounds[1]), &ok_to);
  value = g_date_time_new_from_iso8601 (text, utc);
  if (!ok_from || !ok_to || value == NULL)
    return FALSE;
  return (from == NULL || g_date_time_compare (value, from) >= 0) &&
         (to == NULL || g_date_time_compare (value, to) <= 0);
}

static gboolean
match_value (PubTestPortal *self,
             JsonObject    *dataset,
             const char    *field,
             const char    *value)
{
  gboolean any = g_str_equal (value, "*");
  gsize len = strlen (value);

  if (len > 2 && value[0] == '[' && value[len - 1] == ']')
    return match_range (dataset, field, value);

  if (g_str_equal (field, "tags") || g_str_equal (field, "res_format"))
    {
      gboolean tags = g_str_equal (field, "tags");
      JsonArray *list = portal_object_array (dataset, tags ? "tags" : "resources");

      for (guint i = 0; list && i < json_array_get_length (list); i++)
        {
          const char *v = portal_object_string (json_array_get_object_element (list, i), tags ? "name" : "format");

          if (v && (any || (tags ? g_str_equal (v, value) : g_ascii_strcasecmp (v, value) == 0)))
            return TRUE;
        }
      return FALSE;
    }
  if (g_str_equal (field, "organization"))
    {
      PortalOrg *org = portal_find_org (self, portal_object_string (dataset, "owner_org"));

      return org && (any || g_str_equal (org->name, value));
    }
  if (g_str_equal (field, "capacity"))
    {
      gboolean private = json_object_get_boolean_member_with_default (dataset, "private", FALSE);

      return g_str_equal (value, private ? "private" : "public");
    }
  if (g_str_equal (field, "private"))
    {
      gboolean private = json_object_get_boolean_member_with_default (dataset, "private", FALSE);

      return g_ascii_strcasecmp (value, private ? "true" : "false") == 0;
    }
  if (portal_object_string (dataset, field))
    return any || g_str_equal (portal_object_string (dataset, field), value);
  return FALSE;
}

static char *
unquote (const char *value)
{
  gsize len = strlen (value);

  if (len >= 2 && value[0] == '"' && value[len - 1] == '"')
    return g_strndup (value + 1, len - 2);
  return g_strdup (value);
}

static gboolean match_clause (PubTestPortal *self,
                              JsonObject    *dataset,
                              const char    *clause);

/* Splits `text` at each top-level `separator` (outside quotes, parentheses
 * and brackets). */
static GStrv
split_top_level (const char *text,
                 const char *separator)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gsize sep_len = strlen (separator);
  const char *start = text;
  gboolean quoted = FALSE;
  int depth = 0;

  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '(' || *p == '['))
        depth++;
      else if (!quoted && (*p == ')' || *p == ']'))
        depth--;
      else if (!quoted && depth == 0 && strncmp (p, separator, sep_len) == 0)
        {
          g_autofree char *part = g_strndup (start, p - start);

          g_strv_builder_add (builder, g_strstrip (part));
          p += sep_len - 1;
          start = p + 1;
        }
    }
  {
    g_autofree char *part = g_strdup (start);

    g_strv_builder_add (builder, g_strstrip (part));
  }
  return g_strv_builder_end (builder);
}

/* "(a AND b) OR (c AND d)": Solr's boolean operators over clauses. */
static gboolean
match_boolean (PubTestPortal *self,
               JsonObject    *dataset,
               const char    *expression)
{
  g_auto(GStrv) alternatives = split_top_level (expression, " OR ");

  for (guint i = 0; alternatives[i]; i++)
    {
      g_auto(GStrv) terms = split_top_level (alternatives[i], " AND ");
      gboolean all = TRUE;

      for (guint j = 0; all && terms[j]; j++)
        {
          gsize len = strlen (terms[j]);

          if (len >= 2 && terms[j][0] == '(' && terms[j][len - 1] == ')')
            {
              g_autofree char *inner = g_strndup (terms[j] + 1, len - 2);

              all = match_boolean (self, dataset, inner);
            }
          else
            all = match_clause (self, dataset, terms[j]);
        }
      if (all)
        return TRUE;
    }
  return FALSE;
}

/* One "field:value", "field:\"value\"", "field:(a OR b)",
 * "field:[from TO to]" or "(boolean expression)" clause. */
static gboolean
match_clause (PubTestPortal *self,
              JsonObject    *dataset,
              const char    *clause)
{
  const char *colon = strchr (clause, ':');
  g_autofree char *field = NULL;
  const char *value;
  gboolean negate = FALSE;

  if (*clause == '+')
    clause++;
  else if (*clause == '-')
    {
      negate = TRUE;
      clause++;
    }
  if (*clause == '(' && clause[strlen (clause) - 1] == ')')
    {
      g_autofree char *inner = g_strndup (clause + 1, strlen (clause) - 2);

      return match_boolean (self, dataset, inner) != negate;
    }
  colon = strchr (clause, ':');
  if (!colon)
    return TRUE;
  field = g_strndup (clause, colon - clause);
  value = colon + 1;
  if (*value == '(' && value[strlen (value) - 1] == ')')
    {
      g_autofree char *inner = g_strndup (value + 1, strlen (value) - 2);
      g_auto(GStrv) options = g_strsplit (inner, " OR ", -1);
      gboolean matched = FALSE;

      for (guint i = 0; options[i]; i++)
        {
          g_autofree char *option = unquote (g_strstrip (options[i]));

          matched = matched || match_value (self, dataset, field, option);
        }
      return matched != negate;
    }
  {
    g_autofree char *plain = unquote (value);

    return match_value (self, dataset, field, plain) != negate;
  }
}

/* Splits on spaces outside quotes and parentheses. */
static GStrv
split_clauses (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) current = g_string_new (NULL);
  gboolean quoted = FALSE;
  int depth = 0;

  for (const char *p = text; ; p++)
    {
      if (*p == '\0' || (*p == ' ' && !quoted && depth == 0))
        {
          if (current->len)
            g_strv_builder_add (builder, current->str);
          g_string_truncate (current, 0);
          if (*p == '\0')
            break;
          continue;
        }
      if (*p == '"')
        quoted = !quoted;
      else if ((*p == '(' || *p == '[') && !quoted)
        depth++;
      else if ((*p == ')' || *p == ']') && !quoted)
        depth--;
      g_string_append_c (current, *p);
    }
  return g_strv_builder_end (builder);
}

static gboolean
match_filters (PubTestPortal *self,
               JsonObject    *dataset,
               const char    *filters)
{
  g_auto(GStrv) clauses = NULL;

  if (!filters)
    return TRUE;
  clauses = split_clauses (filters);
  for (guint i = 0; clauses[i]; i++)
    if (!match_clause (self, dataset, clauses[i]))
      return FALSE;
  return TRUE;
}

static gboolean
match_query (PubTestPortal *self,
             JsonObject    *dataset,
             const char    *q)
{
  g_auto(GStrv) words = NULL;

  if (!q || !*q || g_str_equal (q, "*:*"))
    return TRUE;
  words = split_clauses (q);
  for (guint i = 0; words[i]; i++)
    {
      g_autofree char *needle = NULL;
      JsonArray *tags = portal_object_array (dataset, "tags");
      gboolean found;

      if (strchr (words[i], ':'))
        {
          if (!match_clause (self, dataset, words[i]))
            return FALSE;
          continue;
        }
      needle = g_utf8_casefold (words[i], -1);
      found = casefold_contains (portal_object_string (dataset, "name"), needle) ||
              casefold_contains (portal_object_string (dataset, "title"), needle) ||
              casefold_contains (portal_object_string (dataset, "notes"), needle);
      for (guint j = 0; !found && tags && j < json_array_get_length (tags); j++)
        found = casefold_contains (portal_object_string (json_array_get_object_element (tags, j), "name"), needle);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* CKAN's permission labels: public datasets for everyone, the rest for
 * their creator and the members of their organization. */
static gboolean
visible (PubTestPortal *self,
         PortalUser    *user,
         JsonObject    *dataset,
         gboolean       include_private,
         gboolean       include_drafts,
         gboolean       include_deleted)
{
  const char *state = portal_object_string (dataset, "state");
  const char *owner_org = portal_object_string (dataset, "owner_org");
  gboolean private = json_object_get_boolean_member_with_default (dataset, "private", FALSE);

  if (g_strcmp0 (state, "draft") == 0 && !include_drafts)
    return FALSE;
  if (g_strcmp0 (state, "deleted") == 0 && !include_deleted)
    return FALSE;
  if (private && !include_private)
    return FALSE;
  if (user && user->sysadmin)
    return TRUE;
  if (g_strcmp0 (state, "active") == 0 && !private)
    return TRUE;
  if (!user)
    return FALSE;
  if (g_strcmp0 (portal_object_string (dataset, "creator_user_id"), user->id) == 0)
    return TRUE;
  return owner_org && portal_capacity (self, user, owner_org);
}

typedef struct {
  char *field;
  gboolean descending;
} SortKey;

static gint
compare_datasets (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  JsonObject *x = *(JsonObject * const *) a;
  JsonObject *y = *(JsonObject * const *) b;
  SortKey *key = user_data;
  int cmp = g_strcmp0 (portal_object_string (x, key->field), portal_object_string (y, key->field));

  return key->descending ? -cmp : cmp;
}

/* The first clause that is not "score"; FALSE on a malformed one. */
static gboolean
parse_sort (const char *sort,
            SortKey    *key)
{
  g_auto(GStrv) clauses = g_strsplit (sort, ",", -1);

  for (guint i = 0; clauses[i]; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_strstrip (clauses[i]), " ", -1);

      if (g_strv_length (parts) != 2 ||
          (!g_str_equal (parts[1], "asc") && !g_str_equal (parts[1], "desc")))
        return FALSE;
      if (key->field || g_str_equal (parts[0], "score"))
        continue;
      /* title_string is Solr's untokenized copy of the title. */
      key->field = g_strdup (g_str_equal (parts[0], "title_string") ? "title" : parts[0]);
      key->descending = g_str_equal (parts[1], "desc");
    }
  if (!key->field)
    {
      key->field = g_strdup ("metadata_modified");
      key->descending = TRUE;
    }
  return TRUE;
}

static void
add_facet_value (GHashTable *counts,
                 GHashTable *labels,
                 const char *value,
                 const char *label)
{
  if (!value)
    return;
  g_hash_table_replace (counts, g_strdup (value),
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, value)) + 1));
  g_hash_table_replace (labels, g_strdup (value), g_strdup (label ? label : value));
}

static GHashTable *facet_counts_for_sort;

static gint
compare_facet_items (gconstpointer a,
                     gconstpointer b)
{
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;
  guint cx = GPOINTER_TO_UINT (g_hash_table_lookup (facet_counts_for_sort, x));
  guint cy = GPOINTER_TO_UINT (g_hash_table_lookup (facet_counts_for_sort, y));

  if (cx != cy)
    return cx > cy ? -1 : 1;
  return g_strcmp0 (x, y);
}

static void
add_facets (PubTestPortal *self,
            GPtrArray     *matches,
            JsonArray     *fields,
            gint64         limit,
            JsonObject    *facets,
            JsonObject    *search_facets)
{
  for (guint f = 0; fields && f < json_array_get_length (fields); f++)
    {
      const char *field = json_node_get_string (json_array_get_element (fields, f));
      g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autoptr(GPtrArray) keys = NULL;
      JsonObject *plain = json_object_new ();
      JsonObject *described = json_object_new ();
      JsonArray *items = json_array_new ();
      guint n = 0;

      if (!field)
        {
          json_object_unref (plain);
          json_object_unref (described);
          json_array_unref (items);
          continue;
        }
      for (guint i = 0; i < matches->len; i++)
        {
          JsonObject *dataset = matches->pdata[i];

          if (g_str_equal (field, "tags") || g_str_equal (field, "res_format"))
            {
              gboolean tags = g_str_equal (field, "tags");
              JsonArray *list = portal_object_array (dataset, tags ? "tags" : "resources");

              for (guint j = 0; list && j < json_array_get_length (list); j++)
                {
                  const char *v = portal_object_string (json_array_get_object_element (list, j),
                                                        tags ? "name" : "format");

                  add_facet_value (counts, labels, v && *v ? v : NULL, NULL);
                }
            }
          else if (g_str_equal (field, "organization"))
            {
              PortalOrg *org = portal_find_org (self, portal_object_string (dataset, "owner_org"));

              if (org)
                add_facet_value (counts, labels, org->name, org->title);
            }
          else
            {
              add_facet_value (counts, labels, portal_object_string (dataset, field), NULL);
            }
        }
      keys = g_ptr_array_new ();
      {
        GHashTableIter iter;
        gpointer key;

        g_hash_table_iter_init (&iter, counts);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          g_ptr_array_add (keys, key);
      }
      facet_counts_for_sort = counts;
      g_ptr_array_sort (keys, compare_facet_items);
      facet_counts_for_sort = NULL;
      for (guint i = 0; i < keys->len && (limit < 0 || n < limit); i++, n++)
        {
          const char *key = keys->pdata[i];
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key));
          JsonObject *item = json_object_new ();

          json_object_set_int_member (plain, key, count);
          json_object_set_string_member (item, "name", key);
          json_object_set_string_member (item, "display_name", g_hash_table_lookup (labels, key));
          json_object_set_int_member (item, "count", count);
          json_array_add_object_element (items, item);
        }
      json_object_set_string_member (described, "title", field);
      json_object_set_array_member (described, "items", items);
      json_object_set_object_member (facets, field, plain);
      json_object_set_object_member (search_facets, field, described);
    }
}

JsonNode *
portal_package_search (PubTestPortal *self,
                       PortalCall    *call)
{
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  g_autoptr(GString) unknown = g_string_new (NULL);
  const char *q = portal_param_string (call, "q");
  const char *fq = portal_param_string (call, "fq");
  const char *sort = portal_param_string (call, "sort");
  JsonNode *fq_list = portal_param_json (call, "fq_list");
  JsonNode *facet_fields = portal_param_json (call, "facet.field");
  gboolean include_private = portal_param_bool (call, "include_private", FALSE);
  gboolean include_drafts = portal_param_bool (call, "include_drafts", FALSE);
  gboolean include_deleted = portal_param_bool (call, "include_deleted", FALSE);
  gint64 rows, start, facet_limit;
  SortKey sort_key = { 0 };
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  JsonObject *result;
  JsonArray *results;
  JsonObject *facets;
  JsonObject *search_facets;
  g_autoptr(JsonArray) single_facet = NULL;

  json_object_iter_init (&iter, call->params);
  while (json_object_iter_next (&iter, &key, &value))
    if (!g_strv_contains (search_params, key) ||
        (self->no_include_drafts && g_str_equal (key, "include_drafts")))
      g_string_append_printf (unknown, "%s'%s'", unknown->len ? ", " : "", key);
  if (unknown->len)
    {
      g_autofree char *message = g_strdup_printf ("Search Query is invalid: \"Invalid search parameters: [%s]\"",
                                                  unknown->str);

      portal_call_fail (call, 400, "Search Query Error", message);
      return NULL;
    }
  if (!portal_param_int (call, "rows", 10, &rows))
    portal_call_field_error (call, "rows", "Invalid integer");
  if (!portal_param_int (call, "start", 0, &start))
    portal_call_field_error (call, "start", "Invalid integer");
  if (!portal_param_int (call, "facet.limit", 50, &facet_limit))
    portal_call_field_error (call, "facet.limit", "Invalid integer");
  if (portal_call_failed (call))
    return NULL;
  if (rows < 0)
    portal_call_field_error (call, "rows", "Must be a natural number");
  if (start < 0)
    portal_call_field_error (call, "start", "Must be a natural number");
  if (portal_call_failed (call))
    return NULL;
  rows = MIN (rows, ROWS_MAX);
  if (!parse_sort (sort && *sort ? sort : "score desc, metadata_modified desc", &sort_key))
    {
      g_free (sort_key.field);
      portal_call_fail (call, 400, "Search Query Error", "Search Query is invalid: 'Invalid \"sort\" parameter'");
      return NULL;
    }

  for (guint i = 0; i < self->datasets->len; i++)
    {
      JsonObject *dataset = self->datasets->pdata[i];
      gboolean ok;

      ok = visible (self, call->user, dataset, include_private, include_drafts, include_deleted) &&
           match_query (self, dataset, q) && match_filters (self, dataset, fq);
      for (guint j = 0; ok && fq_list && JSON_NODE_HOLDS_ARRAY (fq_list) &&
                        j < json_array_get_length (json_node_get_array (fq_list)); j++)
        ok = match_filters (self, dataset, portal_array_string (json_node_get_array (fq_list), j));
      if (ok)
        g_ptr_array_add (matches, dataset);
    }
  g_ptr_array_sort_with_data (matches, compare_datasets, &sort_key);
  g_free (sort_key.field);

  result = json_object_new ();
  results = json_array_new ();
  json_object_set_int_member (result, "count", matches->len);
  for (guint i = (guint) MIN (start, (gint64) matches->len); i < matches->len && i < start + rows; i++)
    json_array_add_object_element (results, portal_dictize_dataset (self, matches->pdata[i]));
  facets = json_object_new ();
  search_facets = json_object_new ();
  if (facet_fields && JSON_NODE_HOLDS_VALUE (facet_fields))
    {
      single_facet = json_array_new ();
      json_array_add_string_element (single_facet, json_node_get_string (facet_fields));
    }
  add_facets (self, matches,
              single_facet ? single_facet
                           : facet_fields && JSON_NODE_HOLDS_ARRAY (facet_fields) ? json_node_get_array (facet_fields)
                                                                                  : NULL,
              facet_limit, facets, search_facets);
  json_object_set_object_member (result, "facets", facets);
  json_object_set_array_member (result, "results", results);
  json_object_set_string_member (result, "sort", sort && *sort ? sort : "score desc, metadata_modified desc");
  /* Observed: no search_facets unless facet.field was asked for. */
  if (facet_fields)
    json_object_set_object_member (result, "search_facets", search_facets);
  else
    json_object_unref (search_facets);
  return portal_node_object (result);
}

/* ---- Activity streams (the activity plugin) ---- */

static gboolean
types_contain (JsonNode   *types,
               const char *type)
{
  if (!types)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (types))
    return g_strcmp0 (json_node_get_string (types), type) == 0;
  if (!JSON_NODE_HOLDS_ARRAY (types))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (types)); i++)
    if (g_strcmp0 (portal_array_string (json_node_get_array (types), i), type) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
read_paging (PortalCall *call,
             gint64     *offset,
             gint64     *limit)
{
  if (!portal_param_int (call, "offset", 0, offset))
    portal_call_field_error (call, "offset", "Invalid integer");
  if (!portal_param_int (call, "limit", 31, limit))
    portal_call_field_error (call, "limit", "Invalid integer");
  *limit = CLAMP (*limit, 0, 100);
  *offset = MAX (*offset, 0);
  return !portal_call_failed (call);
}

JsonNode *
portal_package_activity_list (PubTestPortal *self,
                              PortalCall    *call)
{
  const char *id = portal_param_string (call, "id");
  JsonNode *only = portal_param_json (call, "activity_types");
  JsonNode *except = portal_param_json (call, "exclude_activity_types");
  JsonObject *dataset;
  JsonArray *result;
  gint64 offset, limit, skipped = 0;

  if (!id || !*id)
    {
      portal_call_field_error (call, "id", "Missing value");
      return NULL;
    }
  if (!read_paging (call, &offset, &limit))
    return NULL;
  dataset = portal_find_dataset (self, id);
  if (!dataset)
    {
      portal_call_not_found (call, NULL);
      return NULL;
    }
  if (!portal_can_read_dataset (self, call->user, dataset))
    {
      g_autofree char *label = portal_call_user_label (call);
      g_autofree char *message = g_strdup_printf ("User %s not authorized to read package %s", label,
                                                  portal_object_string (dataset, "id"));

      portal_call_deny (call, message);
      return NULL;
    }
  result = json_array_new ();
  for (guint i = self->activities->len; i > 0 && json_array_get_length (result) < (guint) limit; i--)
    {
      JsonObject *activity = self->activities->pdata[i - 1];
      const char *type = portal_object_string (activity, "activity_type");

      if (g_strcmp0 (portal_object_string (activity, "object_id"), portal_object_string (dataset, "id")) != 0)
        continue;
      if ((only && !types_contain (only, type)) || types_contain (except, type))
        continue;
      if (skipped++ < offset)
        continue;
      json_array_add_object_element (result, portal_json_object_copy (activity));
    }
  return json_node_init_array (json_node_alloc (), result);
}

JsonNode *
portal_dashboard_activity_list (PubTestPortal *self,
                                PortalCall    *call)
{
  JsonArray *result;
  gint64 offset, limit, skipped = 0;

  if (!call->user)
    {
      portal_call_deny (call, "You must be logged in to access your dashboard.");
      return NULL;
    }
  if (!read_paging (call, &offset, &limit))
    return NULL;
  result = json_array_new ();
  for (guint i = self->activities->len; i > 0 && json_array_get_length (result) < (guint) limit; i--)
    {
      JsonObject *activity = self->activities->pdata[i - 1];
      JsonObject *dataset = portal_find_dataset (self, portal_object_string (activity, "object_id"));
      gboolean mine = g_strcmp0 (portal_object_string (activity, "user_id"), call->user->id) == 0;
      JsonObject *copy;

      if (!mine && !(dataset && portal_capacity (self, call->user, portal_object_string (dataset, "owner_org"))))
        continue;
      if (skipped++ < offset)
        continue;
      copy = portal_json_object_copy (activity);
      json_object_set_boolean_member (copy, "is_new", !mine);
      json_array_add_object_element (result, copy);
    }
  return json_node_init_array (json_node_alloc (), result);
}
