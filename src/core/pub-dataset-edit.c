/* pub-dataset-edit.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pub-dataset-edit.h"

/* Members of package_show that are the portal's bookkeeping, not metadata a
 * person edits: never copied into the draft, never patched back. */
static const char * const portal_members[] = {
  "id", "type", "state", "metadata_created", "metadata_modified",
  "creator_user_id", "license_title", "license_url", "num_resources",
  "num_tags", "revision_id", "isopen", "private", "owner_org",
  "organization", "tag_string", "url_type",
};

/* The form's order, for lists of changes that read top to bottom. */
static const struct {
  const char *field;
  const char *label;
} known_fields[] = {
  { PUB_DRAFT_FIELD_TITLE, N_("Title") },
  { PUB_DRAFT_FIELD_NAME, N_("Web address") },
  { PUB_DRAFT_FIELD_NOTES, N_("Description") },
  { PUB_DRAFT_FIELD_AUTHOR, N_("Author") },
  { PUB_DRAFT_FIELD_AUTHOR_EMAIL, N_("Author’s e-mail") },
  { PUB_DRAFT_FIELD_OWNER_ORG, N_("Organization") },
  { PUB_DRAFT_FIELD_VISIBILITY, N_("Visibility") },
  { PUB_DRAFT_FIELD_LICENSE, N_("Licence") },
  { PUB_DRAFT_FIELD_TAGS, N_("Tags") },
  { PUB_DRAFT_FIELD_FREQUENCY, N_("Update frequency") },
  { PUB_DRAFT_FIELD_PERIOD, N_("Period covered") },
  { PUB_DRAFT_FIELD_SOURCE_URL, N_("Source") },
  { PUB_DRAFT_FIELD_VERSION, N_("Version") },
};

static const struct {
  const char *id;
  const char *label;
} frequencies[] = {
  { "1d", N_("Daily") },
  { "7d", N_("Weekly") },
  { "1m", N_("Monthly") },
  { "3m", N_("Quarterly") },
  { "4m", N_("Every Four Months") },
  { "6m", N_("Every Six Months") },
  { "1y", N_("Yearly") },
};

static gboolean
is_portal_member (const char *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (portal_members); i++)
    {
      if (g_str_equal (portal_members[i], member))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_field_name (const char *field)
{
  if (field == NULL || field[0] == '\0')
    return FALSE;
  for (const char *p = field; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
        return FALSE;
    }
  return TRUE;
}

void
pub_dataset_edit_fill_draft (PubDraft    *draft,
                             CkanDataset *dataset)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;
  g_auto(GStrv) old_fields = NULL;
  CkanOrganization *org;
  const char *org_name = NULL;

  g_return_if_fail (PUB_IS_DRAFT (draft));
  g_return_if_fail (CKAN_IS_DATASET (dataset));

  object = ckan_record_get_object (CKAN_RECORD (dataset));

  /* Fields the dataset no longer has are unset, not left over. */
  old_fields = pub_draft_dup_field_names (draft);
  for (guint i = 0; old_fields[i] != NULL; i++)
    {
      const char *value = json_object_has_member (object, old_fields[i])
                          ? ckan_json_object_get_string_lenient (object, old_fields[i]) : NULL;

      if (value == NULL && !g_str_equal (old_fields[i], PUB_DRAFT_FIELD_OWNER_ORG) &&
          !g_str_equal (old_fields[i], PUB_DRAFT_FIELD_VISIBILITY))
        pub_draft_set_field (draft, old_fields[i], NULL);
    }

  /* Every top-level string is metadata: a portal form's own fields
   * (frequency, period...) come back with their own names. */
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      JsonNode *node = json_object_get_member (object, member);

      if (is_portal_member (member) || !is_field_name (member))
        continue;
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        pub_draft_set_field (draft, member, json_node_get_string (node));
      else if (JSON_NODE_HOLDS_NULL (node))
        pub_draft_set_field (draft, member, NULL);
    }

  /* The form chooses organizations by name; owner_org holds the id. */
  org = ckan_dataset_get_organization (dataset);
  if (org != NULL)
    org_name = ckan_organization_get_name (org);
  pub_draft_set_field (draft, PUB_DRAFT_FIELD_OWNER_ORG,
                       org_name != NULL ? org_name : ckan_dataset_get_owner_org (dataset));
  pub_draft_set_field (draft, PUB_DRAFT_FIELD_VISIBILITY,
                       ckan_dataset_get_private (dataset) ? "private" : "public");
  pub_draft_set_tags (draft, ckan_dataset_get_tags (dataset));
}

CkanDataset *
pub_dataset_edit_dup_base (PubDraft *draft)
{
  JsonNode *node;

  g_return_val_if_fail (PUB_IS_DRAFT (draft), NULL);

  node = pub_draft_get_cache (draft, PUB_DATASET_EDIT_CACHE_BASE);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return ckan_dataset_new_from_json (json_node_get_object (node), NULL);
}

void
pub_dataset_edit_set_base (PubDraft    *draft,
                           CkanDataset *dataset)
{
  g_autoptr(JsonNode) node = json_node_alloc ();

  g_return_if_fail (PUB_IS_DRAFT (draft));
  g_return_if_fail (CKAN_IS_DATASET (dataset));

  /* A deep copy: the record may be changed later, the base may not. */
  json_node_take_object (json_node_init (node, JSON_NODE_OBJECT), ckan_record_to_json (CKAN_RECORD (dataset)));
  pub_draft_set_cache (draft, PUB_DATASET_EDIT_CACHE_BASE, node);
}

PubDraft *
pub_dataset_edit_new_draft (CkanDataset *dataset,
                            const char  *portal)
{
  PubDraft *draft = pub_draft_new ();

  g_return_val_if_fail (CKAN_IS_DATASET (dataset), NULL);

  pub_dataset_edit_fill_draft (draft, dataset);
  pub_dataset_edit_set_base (draft, dataset);
  pub_draft_set_remote_id (draft, ckan_dataset_get_id (dataset));
  pub_draft_set_portal (draft, portal);
  return draft;
}

static int
field_rank (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_fields); i++)
    {
      if (g_str_equal (known_fields[i].field, field))
        return i;
    }
  return G_N_ELEMENTS (known_fields);
}

static int
compare_fields (gconstpointer a,
                gconstpointer b)
{
  const char *fa = *(const char * const *) a;
  const char *fb = *(const char * const *) b;
  int ra = field_rank (fa), rb = field_rank (fb);

  return ra != rb ? ra - rb : strcmp (fa, fb);
}

static gboolean
same_tags (PubDraft *a,
           PubDraft *b)
{
  const char * const *ta = pub_draft_get_tags (a);
  const char * const *tb = pub_draft_get_tags (b);
  guint na = g_strv_length ((char **) ta), nb = g_strv_length ((char **) tb);

  /* The portal sorts tags its own way: the same set is the same tags. */
  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    {
      if (!g_strv_contains (tb, ta[i]))
        return FALSE;
    }
  return TRUE;
}

GStrv
pub_dataset_edit_diff_drafts (PubDraft *a,
                              PubDraft *b)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) fa = NULL;
  g_auto(GStrv) fb = NULL;
  GStrv result;

  g_return_val_if_fail (PUB_IS_DRAFT (a), NULL);
  g_return_val_if_fail (PUB_IS_DRAFT (b), NULL);

  fa = pub_draft_dup_field_names (a);
  fb = pub_draft_dup_field_names (b);
  for (guint round = 0; round < 2; round++)
    {
      GStrv names = round == 0 ? fa : fb;

      for (guint i = 0; names[i] != NULL; i++)
        {
          if (!g_hash_table_add (seen, names[i]))
            continue;
          if (g_strcmp0 (pub_draft_get_field (a, names[i]), pub_draft_get_field (b, names[i])) != 0)
            g_ptr_array_add (changed, names[i]);
        }
    }
  if (!same_tags (a, b))
    g_ptr_array_add (changed, (gpointer) PUB_DRAFT_FIELD_TAGS);
  g_ptr_array_sort (changed, compare_fields);

  result = g_new0 (char *, changed->len + 1);
  for (guint i = 0; i < changed->len; i++)
    result[i] = g_strdup (g_ptr_array_index (changed, i));
  return result;
}

GStrv
pub_dataset_edit_changed_fields (PubDraft *draft)
{
  g_autoptr(CkanDataset) base = NULL;
  g_autoptr(PubDraft) original = NULL;

  g_return_val_if_fail (PUB_IS_DRAFT (draft), NULL);

  base = pub_dataset_edit_dup_base (draft);
  if (base == NULL)
    return g_new0 (char *, 1);
  original = pub_draft_new ();
  pub_dataset_edit_fill_draft (original, base);
  return pub_dataset_edit_diff_drafts (original, draft);
}

GStrv
pub_dataset_edit_diff_datasets (CkanDataset *before,
                                CkanDataset *after)
{
  g_autoptr(PubDraft) a = pub_draft_new ();
  g_autoptr(PubDraft) b = pub_draft_new ();

  g_return_val_if_fail (CKAN_IS_DATASET (before), NULL);
  g_return_val_if_fail (CKAN_IS_DATASET (after), NULL);

  pub_dataset_edit_fill_draft (a, before);
  pub_dataset_edit_fill_draft (b, after);
  return pub_dataset_edit_diff_drafts (a, b);
}

JsonObject *
pub_dataset_edit_build_patch (PubDraft           *draft,
                              const char * const *fields)
{
  JsonObject *patch = json_object_new ();

  g_return_val_if_fail (PUB_IS_DRAFT (draft), NULL);

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      const char *field = fields[i];

      if (g_str_equal (field, PUB_DRAFT_FIELD_VISIBILITY))
        json_object_set_boolean_member (patch, "private",
                                        g_strcmp0 (pub_draft_get_field (draft, field), "public") != 0);
      else if (g_str_equal (field, PUB_DRAFT_FIELD_TAGS))
        {
          const char * const *tags = pub_draft_get_tags (draft);
          JsonArray *list = json_array_new ();
          g_autofree char *tag_string = g_strjoinv (",", (char **) tags);

          for (guint t = 0; tags[t] != NULL; t++)
            {
              JsonObject *tag = json_object_new ();

              json_object_set_string_member (tag, "name", tags[t]);
              json_array_add_object_element (list, tag);
            }
          json_object_set_array_member (patch, "tags", list);
          /* Portals with a scheming form (datos.gob.cl) check tag_string. */
          json_object_set_string_member (patch, "tag_string", tag_string);
        }
      else
        {
          const char *value = pub_draft_get_field (draft, field);

          json_object_set_string_member (patch, field, value != NULL ? value : "");
        }
    }
  return patch;
}

void
pub_dataset_edit_rebase (PubDraft    *draft,
                         CkanDataset *current)
{
  g_autoptr(CkanDataset) base = NULL;
  g_auto(GStrv) theirs = NULL;
  g_autoptr(PubDraft) portal = pub_draft_new ();

  g_return_if_fail (PUB_IS_DRAFT (draft));
  g_return_if_fail (CKAN_IS_DATASET (current));

  base = pub_dataset_edit_dup_base (draft);
  theirs = base != NULL ? pub_dataset_edit_diff_datasets (base, current) : NULL;
  pub_dataset_edit_fill_draft (portal, current);

  /* What the portal changed wins; what only the person changed stays. */
  for (guint i = 0; theirs != NULL && theirs[i] != NULL; i++)
    {
      if (g_str_equal (theirs[i], PUB_DRAFT_FIELD_TAGS))
        pub_draft_set_tags (draft, pub_draft_get_tags (portal));
      else
        pub_draft_set_field (draft, theirs[i], pub_draft_get_field (portal, theirs[i]));
    }
  if (base == NULL)
    pub_dataset_edit_fill_draft (draft, current);
  pub_dataset_edit_set_base (draft, current);
  pub_draft_set_remote_id (draft, ckan_dataset_get_id (current));
}

gboolean
pub_dataset_edit_portal_is_newer (PubDraft    *draft,
                                  CkanDataset *current)
{
  g_autoptr(CkanDataset) base = NULL;
  GDateTime *loaded, *now;

  g_return_val_if_fail (PUB_IS_DRAFT (draft), FALSE);
  g_return_val_if_fail (CKAN_IS_DATASET (current), FALSE);

  base = pub_dataset_edit_dup_base (draft);
  if (base == NULL)
    return TRUE;
  loaded = ckan_dataset_get_metadata_modified (base);
  now = ckan_dataset_get_metadata_modified (current);
  if (loaded == NULL || now == NULL)
    return g_strcmp0 (ckan_record_get_string (CKAN_RECORD (base), "metadata_modified"),
                      ckan_record_get_string (CKAN_RECORD (current), "metadata_modified")) != 0;
  return g_date_time_compare (now, loaded) > 0;
}

const char *
pub_dataset_edit_field_label (const char *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (known_fields); i++)
    {
      if (g_str_equal (known_fields[i].field, field))
        return _(known_fields[i].label);
    }
  /* A portal form's own field: its key is all there is to say. */
  return field;
}

char *
pub_dataset_edit_display_value (PubDraft   *draft,
                                const char *field)
{
  const char *value;

  g_return_val_if_fail (PUB_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, PUB_DRAFT_FIELD_TAGS))
    return g_strjoinv (", ", (char **) pub_draft_get_tags (draft));

  value = pub_draft_get_field (draft, field);
  if (value == NULL)
    return g_strdup ("");
  if (g_str_equal (field, PUB_DRAFT_FIELD_VISIBILITY))
    return g_strdup (g_str_equal (value, "public") ? _("Public") : _("Private"));
  if (g_str_equal (field, PUB_DRAFT_FIELD_FREQUENCY))
    {
      for (guint i = 0; i < G_N_ELEMENTS (frequencies); i++)
        {
          if (g_str_equal (frequencies[i].id, value))
            return g_strdup (_(frequencies[i].label));
        }
    }
  return g_strdup (value);
}
