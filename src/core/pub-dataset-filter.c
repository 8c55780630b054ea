/* pub-dataset-filter.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pub-dataset-filter.h"

G_DEFINE_ENUM_TYPE (PubDatasetSort, pub_dataset_sort,
  G_DEFINE_ENUM_VALUE (PUB_DATASET_SORT_LAST_CHANGED, "last-changed"),
  G_DEFINE_ENUM_VALUE (PUB_DATASET_SORT_TITLE, "title"))

G_DEFINE_ENUM_TYPE (PubVisibilityFilter, pub_visibility_filter,
  G_DEFINE_ENUM_VALUE (PUB_VISIBILITY_FILTER_ALL, "all"),
  G_DEFINE_ENUM_VALUE (PUB_VISIBILITY_FILTER_PUBLIC, "public"),
  G_DEFINE_ENUM_VALUE (PUB_VISIBILITY_FILTER_PRIVATE, "private"))

G_DEFINE_ENUM_TYPE (PubStateFilter, pub_state_filter,
  G_DEFINE_ENUM_VALUE (PUB_STATE_FILTER_ALL, "all"),
  G_DEFINE_ENUM_VALUE (PUB_STATE_FILTER_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (PUB_STATE_FILTER_DRAFT, "draft"))

const char *
pub_dataset_sort_to_param (PubDatasetSort sort)
{
  switch (sort)
    {
    case PUB_DATASET_SORT_TITLE:
      /* title_string is the untokenized copy CKAN indexes for sorting. */
      return "title_string asc, metadata_modified desc";
    case PUB_DATASET_SORT_LAST_CHANGED:
    default:
      return "metadata_modified desc";
    }
}

const char *
pub_visibility_filter_to_clause (PubVisibilityFilter filter)
{
  switch (filter)
    {
    case PUB_VISIBILITY_FILTER_PUBLIC:
      /* CKAN indexes a dataset's visibility as capacity:public/private. */
      return "capacity:public";
    case PUB_VISIBILITY_FILTER_PRIVATE:
      return "capacity:private";
    case PUB_VISIBILITY_FILTER_ALL:
    default:
      return NULL;
    }
}

const char *
pub_state_filter_to_clause (PubStateFilter filter)
{
  switch (filter)
    {
    case PUB_STATE_FILTER_ACTIVE:
      return "state:active";
    case PUB_STATE_FILTER_DRAFT:
      return "state:draft";
    case PUB_STATE_FILTER_ALL:
    default:
      return NULL;
    }
}

static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (strchr ("+-&|!(){}[]^\"~*?:\\/", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

char *
pub_dataset_filter_format_clause (const char *format)
{
  GString *clause;

  g_return_val_if_fail (format != NULL, NULL);

  clause = g_string_new ("res_format:\"");
  for (const char *p = format; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (clause, '\\');
      g_string_append_c (clause, *p);
    }
  g_string_append_c (clause, '"');
  return g_string_free (clause, FALSE);
}

/* The frequencies pub-update-status knows, in both spellings, with Solr's
 * date math for their period. */
static const struct {
  const char *codes[2];
  const char *period;
} frequencies[] = {
  { { "1d", "P1D" }, "1DAY" },
  { { "7d", "P1W" }, "7DAYS" },
  { { "1m", "P1M" }, "1MONTH" },
  { { "3m", "P3M" }, "3MONTHS" },
  { { "4m", "P4M" }, "4MONTHS" },
  { { "6m", "P6M" }, "6MONTHS" },
  { { "1y", "P1Y" }, "1YEAR" },
};

/* The search index has no resource dates (CKAN indexes a resource's
 * format, name, url and description only), so the portal can only compare
 * the frequency with metadata_modified. Uploading or editing a resource
 * moves metadata_modified too, so every dataset this clause finds is really
 * overdue; a dataset whose description was edited after its data went stale
 * is missed here, though its row (which knows the resources' dates) says
 * it is overdue. Counting from the start of today (NOW/DAY) makes a due
 * date of today "due", not yet "overdue", as the rows say it. */
char *
pub_dataset_filter_overdue_clause (void)
{
  GString *clause = g_string_new ("(");

  for (guint i = 0; i < G_N_ELEMENTS (frequencies); i++)
    for (guint j = 0; j < G_N_ELEMENTS (frequencies[i].codes); j++)
      g_string_append_printf (clause, "%s(frequency:%s AND metadata_modified:[* TO NOW/DAY-%s])",
                              clause->len > 1 ? " OR " : "",
                              frequencies[i].codes[j], frequencies[i].period);
  g_string_append_c (clause, ')');
  return g_string_free (clause, FALSE);
}

char *
pub_dataset_filter_escape_query (const char *text)
{
  g_auto(GStrv) words = NULL;
  GString *q;

  if (text == NULL)
    return NULL;
  words = g_strsplit_set (text, " \t\n", -1);
  q = g_string_new (NULL);
  for (guint i = 0; words[i]; i++)
    {
      /* AND, OR and NOT would be operators: lower case, they are words. */
      g_autofree char *word = g_str_equal (words[i], "AND") || g_str_equal (words[i], "OR") ||
                              g_str_equal (words[i], "NOT") ? g_ascii_strdown (words[i], -1)
                                                            : g_strdup (words[i]);

      if (*word == '\0')
        continue;
      if (q->len)
        g_string_append_c (q, ' ');
      append_escaped (q, word);
    }
  if (q->len == 0)
    {
      g_string_free (q, TRUE);
      return NULL;
    }
  return g_string_free (q, FALSE);
}
