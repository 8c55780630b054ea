/* pub-personal-data.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pub-personal-data.h"

G_DEFINE_ENUM_TYPE (PubPersonalDataChoice, pub_personal_data_choice,
  G_DEFINE_ENUM_VALUE (PUB_PERSONAL_DATA_REVIEW, "review"),
  G_DEFINE_ENUM_VALUE (PUB_PERSONAL_DATA_PUBLISH_PRIVATE, "publish-private"),
  G_DEFINE_ENUM_VALUE (PUB_PERSONAL_DATA_PUBLISH_ANYWAY, "publish-anyway"))

static void
add_finding (JsonBuilder *builder,
             const char  *column,
             const char  *kind,
             guint64      count)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "column");
  json_builder_add_string_value (builder, column);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind);
  if (count > 0)
    {
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, (gint64) MIN (count, (guint64) G_MAXINT64));
    }
  json_builder_end_object (builder);
}

JsonNode *
pub_personal_data_findings_from_check (PubCheckResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const PubCsvStats *stats;
  guint n = 0;

  g_return_val_if_fail (PUB_IS_CHECK_RESULT (result), NULL);

  stats = pub_check_result_get_stats (result);
  if (stats == NULL)
    return NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < stats->n_columns; i++)
    {
      const PubColumnStats *col = &stats->columns[i];
      /* The checks zero the plain-digit RUTs of a column where most such
       * numbers fail the check digit: what is left counts. One written as
       * a RUT with a wrong digit still points at a person. */
      guint64 ruts = col->n_personal[PUB_PERSONAL_RUT_FORMATTED] + col->n_personal[PUB_PERSONAL_RUT_PLAIN] +
                     col->n_personal[PUB_PERSONAL_RUT_WRONG_DIGIT];
      guint64 emails = col->n_personal[PUB_PERSONAL_EMAIL];
      guint64 phones = col->n_personal[PUB_PERSONAL_PHONE];
      guint before = n;

      if (ruts > 0)
        add_finding (builder, col->name, "rut", ruts), n++;
      if (emails > 0)
        add_finding (builder, col->name, "email", emails), n++;
      if (phones > 0)
        add_finding (builder, col->name, "phone", phones), n++;
      if (n == before && col->personal_label != NULL)
        add_finding (builder, col->name, "named", 0), n++;
    }
  json_builder_end_array (builder);
  return n > 0 ? json_builder_get_root (builder) : NULL;
}

static char *
describe_finding (JsonObject *finding)
{
  const char *column = json_object_get_string_member_with_default (finding, "column", "");
  const char *kind = json_object_get_string_member_with_default (finding, "kind", "");
  guint64 count = (guint64) MAX (json_object_get_int_member_with_default (finding, "count", 0), 0);
  unsigned long long n = count;

  if (g_str_equal (kind, "rut"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%llu RUT number in “%s”",
                                         "%llu RUT numbers in “%s”", count), n, column);
  if (g_str_equal (kind, "email"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%llu e-mail address in “%s”",
                                         "%llu e-mail addresses in “%s”", count), n, column);
  if (g_str_equal (kind, "phone"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%llu phone number in “%s”",
                                         "%llu phone numbers in “%s”", count), n, column);
  return g_strdup_printf (_("A column named “%s”, a name for personal data"), column);
}

GStrv
pub_personal_data_describe (JsonNode *findings)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();

  if (findings != NULL && JSON_NODE_HOLDS_ARRAY (findings))
    {
      JsonArray *array = json_node_get_array (findings);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);

          g_autofree char *line = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          line = describe_finding (json_node_get_object (node));
          g_strv_builder_add (lines, line);
        }
    }
  return g_strv_builder_end (lines);
}

/* Anything but an explicit "private" ends public: CKAN's own default. */
static gboolean
will_be_public (PubDraft *draft)
{
  return g_strcmp0 (pub_draft_get_field (draft, PUB_DRAFT_FIELD_VISIBILITY), "private") != 0;
}

GPtrArray *
pub_personal_data_dup_unanswered (PubDraft *draft)
{
  GPtrArray *flagged = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *resources;

  g_return_val_if_fail (PUB_IS_DRAFT (draft), flagged);

  if (!will_be_public (draft))
    return flagged;
  resources = pub_draft_get_resources (draft);
  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(PubDraftResource) resource = g_list_model_get_item (resources, i);

      /* Already uploaded files count too: they become public with the
       * dataset at the last step. */
      if (pub_draft_resource_get_personal_data (resource) != NULL &&
          !pub_draft_resource_get_personal_data_accepted (resource))
        g_ptr_array_add (flagged, g_steal_pointer (&resource));
    }
  return flagged;
}

gboolean
pub_personal_data_needs_answer (PubDraft *draft)
{
  g_autoptr(GPtrArray) flagged = pub_personal_data_dup_unanswered (draft);

  return flagged->len > 0;
}

void
pub_personal_data_answer (PubDraft              *draft,
                          PubPersonalDataChoice  choice)
{
  g_autoptr(GPtrArray) flagged = NULL;

  g_return_if_fail (PUB_IS_DRAFT (draft));

  switch (choice)
    {
    case PUB_PERSONAL_DATA_REVIEW:
      return;
    case PUB_PERSONAL_DATA_PUBLISH_PRIVATE:
      pub_draft_set_field (draft, PUB_DRAFT_FIELD_VISIBILITY, "private");
      return;
    case PUB_PERSONAL_DATA_PUBLISH_ANYWAY:
      flagged = pub_personal_data_dup_unanswered (draft);
      for (guint i = 0; i < flagged->len; i++)
        pub_draft_resource_set_personal_data_accepted (g_ptr_array_index (flagged, i), TRUE);
      return;
    default:
      g_return_if_reached ();
    }
}
