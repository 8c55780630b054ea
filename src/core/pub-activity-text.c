/* pub-activity-text.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ckan-dataset.h"
#include "pub-activity-text.h"
#include "pub-dataset-edit.h"

#define VALUE_CHARS 60

/* What CKAN's own activity page compares to say a resource changed. */
static const char * const resource_keys[] = {
  "name", "description", "format", "url", "size", "last_modified", "hash",
};

typedef struct {
  GPtrArray *added;     /* CkanResource of the newer version */
  GPtrArray *removed;   /* CkanResource of the older version */
  GPtrArray *changed;   /* CkanResource of the newer version */
  gboolean   reordered;
  GStrv      fields;    /* metadata, without visibility */
  int        visibility; /* -1 none, 0 made public, 1 made private */
} Changes;

static void
changes_clear (Changes *changes)
{
  g_clear_pointer (&changes->added, g_ptr_array_unref);
  g_clear_pointer (&changes->removed, g_ptr_array_unref);
  g_clear_pointer (&changes->changed, g_ptr_array_unref);
  g_clear_pointer (&changes->fields, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Changes, changes_clear)

static CkanDataset *
package_of (CkanActivity *activity)
{
  JsonObject *data;
  JsonNode *package;

  if (activity == NULL)
    return NULL;
  data = ckan_record_get_member_object (CKAN_RECORD (activity), "data");
  package = data != NULL ? json_object_get_member (data, "package") : NULL;
  if (package == NULL || !JSON_NODE_HOLDS_OBJECT (package))
    return NULL;
  return ckan_dataset_new_from_json (json_node_get_object (package), NULL);
}

static char *
member_text (CkanResource *resource,
             const char   *key)
{
  JsonNode *node = json_object_get_member (ckan_record_get_object (CKAN_RECORD (resource)), key);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? json_to_string (node, FALSE) : NULL;
}

static gboolean
same_resource (CkanResource *a,
               CkanResource *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (resource_keys); i++)
    {
      g_autofree char *va = member_text (a, resource_keys[i]);
      g_autofree char *vb = member_text (b, resource_keys[i]);

      if (g_strcmp0 (va, vb) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Whether the two versions can be compared at all. */
static gboolean
compare (CkanActivity *activity,
         CkanActivity *older,
         Changes      *changes)
{
  g_autoptr(CkanDataset) after = package_of (activity);
  g_autoptr(CkanDataset) before = package_of (older);
  GPtrArray *old_resources, *new_resources;
  guint common = 0;

  changes->visibility = -1;
  if (after == NULL || before == NULL)
    return FALSE;

  changes->added = g_ptr_array_new_with_free_func (g_object_unref);
  changes->removed = g_ptr_array_new_with_free_func (g_object_unref);
  changes->changed = g_ptr_array_new_with_free_func (g_object_unref);
  old_resources = ckan_dataset_get_resources (before);
  new_resources = ckan_dataset_get_resources (after);
  for (guint i = 0; i < new_resources->len; i++)
    {
      CkanResource *resource = g_ptr_array_index (new_resources, i);
      CkanResource *previous = ckan_dataset_get_resource (before, ckan_resource_get_id (resource));

      if (previous == NULL)
        g_ptr_array_add (changes->added, g_object_ref (resource));
      else
        {
          /* The order of the ones both versions hold. */
          if (g_ptr_array_index (old_resources, MIN (common, old_resources->len - 1)) != previous)
            changes->reordered = TRUE;
          common++;
          if (!same_resource (previous, resource))
            g_ptr_array_add (changes->changed, g_object_ref (resource));
        }
    }
  for (guint i = 0; i < old_resources->len; i++)
    {
      CkanResource *resource = g_ptr_array_index (old_resources, i);

      if (ckan_dataset_get_resource (after, ckan_resource_get_id (resource)) == NULL)
        g_ptr_array_add (changes->removed, g_object_ref (resource));
    }
  /* Removals shift the rest: only a different order of the survivors counts. */
  if (changes->removed->len > 0)
    {
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();

      changes->reordered = FALSE;
      for (guint i = 0; i < old_resources->len; i++)
        {
          CkanResource *resource = g_ptr_array_index (old_resources, i);

          if (ckan_dataset_get_resource (after, ckan_resource_get_id (resource)) != NULL)
            g_ptr_array_add (kept, resource);
        }
      for (guint i = 0, k = 0; i < new_resources->len; i++)
        {
          CkanResource *resource = g_ptr_array_index (new_resources, i);

          if (ckan_dataset_get_resource (before, ckan_resource_get_id (resource)) == NULL)
            continue;
          if (g_strcmp0 (ckan_resource_get_id (g_ptr_array_index (kept, k++)), ckan_resource_get_id (resource)) != 0)
            changes->reordered = TRUE;
        }
    }

  {
    g_auto(GStrv) fields = pub_dataset_edit_diff_datasets (before, after);
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

    for (guint i = 0; fields[i] != NULL; i++)
      {
        if (g_str_equal (fields[i], "visibility"))
          changes->visibility = ckan_dataset_get_private (after) ? 1 : 0;
        else
          g_strv_builder_add (builder, fields[i]);
      }
    changes->fields = g_strv_builder_end (builder);
  }
  return TRUE;
}

static const char *
resource_name (CkanResource *resource)
{
  const char *name = ckan_resource_get_name (resource);

  return name != NULL && name[0] != '\0' ? name : _("Unnamed resource");
}

char *
pub_activity_describe (CkanActivity *activity,
                       CkanActivity *older,
                       const char   *actor)
{
  const char *type;
  g_auto(Changes) changes = { 0 };
  guint kinds;

  g_return_val_if_fail (CKAN_IS_ACTIVITY (activity), NULL);

  if (actor == NULL || actor[0] == '\0')
    actor = ckan_activity_get_actor (activity);
  if (actor == NULL || actor[0] == '\0')
    actor = _("Someone");
  type = ckan_activity_get_activity_type (activity);

  if (g_strcmp0 (type, "new package") == 0)
    return g_strdup_printf (_("%s created the dataset"), actor);
  if (g_strcmp0 (type, "deleted package") == 0)
    return g_strdup_printf (_("%s deleted the dataset"), actor);
  if (g_strcmp0 (type, "changed package") != 0 || !compare (activity, older, &changes))
    return g_strdup_printf (_("%s updated the dataset"), actor);

  kinds = (changes.added->len > 0) + (changes.removed->len > 0) + (changes.changed->len > 0) +
          changes.reordered + (changes.fields[0] != NULL) + (changes.visibility >= 0);
  if (kinds != 1)
    return g_strdup_printf (_("%s updated the dataset"), actor);
  if (changes.added->len == 1)
    return g_strdup_printf (_("%s added the resource “%s”"), actor, resource_name (changes.added->pdata[0]));
  if (changes.added->len > 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s added %u resource", "%s added %u resources",
                                         changes.added->len), actor, changes.added->len);
  if (changes.removed->len == 1)
    return g_strdup_printf (_("%s deleted the resource “%s”"), actor, resource_name (changes.removed->pdata[0]));
  if (changes.removed->len > 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s deleted %u resource", "%s deleted %u resources",
                                         changes.removed->len), actor, changes.removed->len);
  if (changes.changed->len == 1)
    return g_strdup_printf (_("%s updated the resource “%s”"), actor, resource_name (changes.changed->pdata[0]));
  if (changes.changed->len > 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s updated %u resource", "%s updated %u resources",
                                         changes.changed->len), actor, changes.changed->len);
  if (changes.reordered)
    return g_strdup_printf (_("%s reordered the resources"), actor);
  if (changes.visibility == 1)
    return g_strdup_printf (_("%s made the dataset private"), actor);
  if (changes.visibility == 0)
    return g_strdup_printf (_("%s made the dataset public"), actor);
  return g_strdup_printf (_("%s changed the metadata"), actor);
}

static char *
shorten (const char *text)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");

  g_strdelimit (flat, "\r\n\t", ' ');
  if (g_utf8_strlen (flat, -1) <= VALUE_CHARS)
    return g_steal_pointer (&flat);
  {
    g_autofree char *head = g_utf8_substring (flat, 0, VALUE_CHARS - 1);

    return g_strconcat (head, "…", NULL);
  }
}

GStrv
pub_activity_details (CkanActivity *activity,
                      CkanActivity *older,
                      guint         max)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(Changes) changes = { 0 };
  g_autoptr(CkanDataset) after = NULL;
  g_autoptr(CkanDataset) before = NULL;
  g_autoptr(PubDraft) a = pub_draft_new ();
  g_autoptr(PubDraft) b = pub_draft_new ();
  guint n = 0;

  g_return_val_if_fail (CKAN_IS_ACTIVITY (activity), NULL);

  if (g_strcmp0 (ckan_activity_get_activity_type (activity), "changed package") != 0 ||
      !compare (activity, older, &changes))
    return g_strv_builder_end (builder);

  before = package_of (older);
  after = package_of (activity);
  pub_dataset_edit_fill_draft (a, before);
  pub_dataset_edit_fill_draft (b, after);

#define ADD(...) G_STMT_START { \
    if (max == 0 || n < max) { g_autofree char *_line = g_strdup_printf (__VA_ARGS__); \
                               g_strv_builder_add (builder, _line); } \
    n++; } G_STMT_END

  for (guint i = 0; changes.fields[i] != NULL; i++)
    {
      g_autofree char *old_value = pub_dataset_edit_display_value (a, changes.fields[i]);
      g_autofree char *new_value = pub_dataset_edit_display_value (b, changes.fields[i]);
      g_autofree char *old_short = shorten (old_value);
      g_autofree char *new_short = shorten (new_value);

      /* Translators: a field and its old and new values */
      ADD (_("%s: “%s” → “%s”"), pub_dataset_edit_field_label (changes.fields[i]), old_short, new_short);
    }
  if (changes.visibility == 1)
    ADD ("%s", _("Made private"));
  else if (changes.visibility == 0)
    ADD ("%s", _("Made public"));
  /* One resource added or deleted: the sentence already says so. */
  for (guint i = 0; changes.added->len > 1 && i < changes.added->len; i++)
    ADD (_("Resource “%s” added"), resource_name (changes.added->pdata[i]));
  for (guint i = 0; changes.removed->len > 1 && i < changes.removed->len; i++)
    ADD (_("Resource “%s” deleted"), resource_name (changes.removed->pdata[i]));
  for (guint i = 0; i < changes.changed->len; i++)
    {
      CkanResource *resource = changes.changed->pdata[i];
      CkanResource *previous = ckan_dataset_get_resource (before, ckan_resource_get_id (resource));
      g_autofree char *old_url = member_text (previous, "url");
      g_autofree char *new_url = member_text (resource, "url");
      g_autofree char *old_size = member_text (previous, "size");
      g_autofree char *new_size = member_text (resource, "size");
      g_autofree char *old_modified = member_text (previous, "last_modified");
      g_autofree char *new_modified = member_text (resource, "last_modified");

      if (g_strcmp0 (ckan_resource_get_name (previous), ckan_resource_get_name (resource)) != 0)
        {
          g_autofree char *old_short = shorten (resource_name (previous));
          g_autofree char *new_short = shorten (resource_name (resource));

          ADD (_("Resource renamed: “%s” → “%s”"), old_short, new_short);
        }
      if (g_strcmp0 (old_url, new_url) != 0 || g_strcmp0 (old_size, new_size) != 0 ||
          g_strcmp0 (old_modified, new_modified) != 0)
        ADD (_("New file for “%s”"), resource_name (resource));
      if (g_strcmp0 (ckan_resource_get_description (previous), ckan_resource_get_description (resource)) != 0)
        ADD (_("Description of “%s” changed"), resource_name (resource));
      if (g_strcmp0 (ckan_resource_get_format (previous), ckan_resource_get_format (resource)) != 0)
        ADD (_("Format of “%s”: %s → %s"), resource_name (resource),
             ckan_resource_get_format (previous) ? ckan_resource_get_format (previous) : "—",
             ckan_resource_get_format (resource) ? ckan_resource_get_format (resource) : "—");
    }
  if (changes.reordered)
    ADD ("%s", _("Resources reordered"));
#undef ADD
  return g_strv_builder_end (builder);
}
