/* pub-draft-validate.c: what a draft still needs before it can be published
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pub-draft.h"
#include "pub-slug.h"

/* The fields datos.gob.cl's manual requires, with what to say when empty. */
static const struct {
  const char *field;
  const char *missing;
} required_fields[] = {
  { PUB_DRAFT_FIELD_TITLE, N_("Enter a title for the dataset.") },
  { PUB_DRAFT_FIELD_NOTES, N_("Describe what the data is about.") },
  { PUB_DRAFT_FIELD_AUTHOR, N_("Enter who is responsible for the data.") },
  { PUB_DRAFT_FIELD_AUTHOR_EMAIL, N_("Enter a contact e-mail address.") },
  { PUB_DRAFT_FIELD_OWNER_ORG, N_("Choose the organization that publishes the dataset.") },
  { PUB_DRAFT_FIELD_VISIBILITY, N_("Choose whether the dataset is public or private.") },
  { PUB_DRAFT_FIELD_LICENSE, N_("Choose a licence.") },
};

static gboolean
is_blank (const char *value)
{
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_email (const char *value)
{
  return g_regex_match_simple ("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$", value, 0, 0);
}

static gboolean
is_web_address (const char *value)
{
  g_autoptr(GUri) uri = g_uri_parse (value, G_URI_FLAGS_NONE, NULL);

  return uri != NULL &&
         (g_strcmp0 (g_uri_get_scheme (uri), "http") == 0 ||
          g_strcmp0 (g_uri_get_scheme (uri), "https") == 0) &&
         g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0';
}

/* CKAN: 2–100 characters of letters, digits, spaces, "-", "_" and ".". */
static gboolean
is_tag (const char *tag)
{
  glong len = g_utf8_strlen (tag, -1);

  if (len < 2 || len > 100)
    return FALSE;
  for (const char *p = tag; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && c != '_' && c != ' ' && c != '-' && c != '.')
        return FALSE;
    }
  return TRUE;
}

static char *
check_resources (PubDraft *self)
{
  GListModel *resources = pub_draft_get_resources (self);
  guint n_items = g_list_model_get_n_items (resources);

  if (n_items == 0)
    return g_strdup (_("Add at least one file or link."));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PubDraftResource) resource = g_list_model_get_item (resources, i);
      const char *name = pub_draft_resource_get_name (resource);

      if (pub_draft_resource_get_problem (resource) != NULL)
        return g_strdup_printf (_("“%s”: %s"), name, pub_draft_resource_get_problem (resource));
      if (name == NULL || name[0] == '\0')
        return g_strdup_printf (_("Resource %u needs a name."), i + 1);
      if (pub_draft_resource_get_kind (resource) == PUB_DRAFT_RESOURCE_LINK &&
          !is_web_address (pub_draft_resource_get_url (resource)))
        return g_strdup_printf (_("“%s”: the link must start with http:// or https://."), name);
    }
  return NULL;
}

char *
pub_draft_check_field (PubDraft   *self,
                       const char *field)
{
  const char *value;

  g_return_val_if_fail (PUB_IS_DRAFT (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, PUB_DRAFT_FIELD_TAGS))
    {
      const char * const *tags = pub_draft_get_tags (self);

      if (tags[0] == NULL)
        return g_strdup (_("Add at least one tag."));
      for (guint i = 0; tags[i] != NULL; i++)
        {
          if (!is_tag (tags[i]))
            return g_strdup_printf (_("The tag “%s” must have 2 to 100 letters, numbers, "
                                      "spaces, “-”, “_” or “.”."), tags[i]);
        }
      return NULL;
    }

  if (g_str_equal (field, PUB_DRAFT_FIELD_RESOURCES))
    return check_resources (self);

  value = pub_draft_get_field (self, field);
  /* Spaces alone are not a title, an author or a licence. */
  if (value != NULL && is_blank (value) && !g_str_equal (field, PUB_DRAFT_FIELD_NAME))
    value = NULL;

  if (g_str_equal (field, PUB_DRAFT_FIELD_NAME))
    {
      const char *problem = pub_slug_check (value);

      return problem != NULL ? g_strdup (problem) : NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (required_fields); i++)
    {
      if (g_str_equal (field, required_fields[i].field) && value == NULL)
        return g_strdup (_(required_fields[i].missing));
    }

  if (value == NULL)
    return NULL;

  if (g_str_equal (field, PUB_DRAFT_FIELD_AUTHOR_EMAIL) && !is_email (value))
    return g_strdup (_("This is not an e-mail address; write it as name@example.cl."));
  if (g_str_equal (field, PUB_DRAFT_FIELD_SOURCE_URL) && !is_web_address (value))
    return g_strdup (_("The source must be a web address starting with http:// or https://."));
  if (g_str_equal (field, PUB_DRAFT_FIELD_VERSION) && strlen (value) > 100)
    return g_strdup (_("The version can be at most 100 characters long."));
  if (g_str_equal (field, PUB_DRAFT_FIELD_VISIBILITY) &&
      !g_str_equal (value, "public") && !g_str_equal (value, "private"))
    return g_strdup (_("Choose whether the dataset is public or private."));

  return NULL;
}

GHashTable *
pub_draft_validate (PubDraft *self)
{
  static const char * const checked[] = {
    PUB_DRAFT_FIELD_TITLE, PUB_DRAFT_FIELD_NAME, PUB_DRAFT_FIELD_NOTES,
    PUB_DRAFT_FIELD_AUTHOR, PUB_DRAFT_FIELD_AUTHOR_EMAIL, PUB_DRAFT_FIELD_OWNER_ORG,
    PUB_DRAFT_FIELD_VISIBILITY, PUB_DRAFT_FIELD_LICENSE, PUB_DRAFT_FIELD_SOURCE_URL,
    PUB_DRAFT_FIELD_VERSION, PUB_DRAFT_FIELD_TAGS, PUB_DRAFT_FIELD_RESOURCES,
  };
  GHashTable *problems;

  g_return_val_if_fail (PUB_IS_DRAFT (self), NULL);

  problems = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (checked); i++)
    {
      char *problem = pub_draft_check_field (self, checked[i]);

      if (problem != NULL)
        g_hash_table_insert (problems, (gpointer) checked[i], problem);
    }
  return problems;
}
