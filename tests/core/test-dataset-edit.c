/* test-dataset-edit.c: a published dataset as a draft, the fields changed
 * in it, the patch, and what the portal changed meanwhile
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pub-dataset-edit.h"

static CkanDataset *
load_dataset (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "..", "ckan", "data", "dataset.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  CkanDataset *dataset;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  dataset = ckan_dataset_new_from_json (json_node_get_object (json_parser_get_root (parser)), &error);
  g_assert_no_error (error);
  return dataset;
}

/* The dataset with one change, as the portal would send it later. */
static CkanDataset *
changed_copy (CkanDataset *dataset,
              const char  *json_changes,
              const char  *modified)
{
  g_autoptr(JsonObject) object = ckan_record_to_json (CKAN_RECORD (dataset));
  g_autoptr(JsonNode) changes = json_from_string (json_changes, NULL);
  g_autoptr(GList) members = json_object_get_members (json_node_get_object (changes));

  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (object, l->data,
                            json_node_copy (json_object_get_member (json_node_get_object (changes), l->data)));
  json_object_set_string_member (object, "metadata_modified", modified);
  return ckan_dataset_new_from_json (object, NULL);
}

static void
test_draft_from_dataset (void)
{
  g_autoptr(CkanDataset) dataset = load_dataset ();
  g_autoptr(PubDraft) draft = pub_dataset_edit_new_draft (dataset, "https://datos.example");
  g_autoptr(CkanDataset) base = pub_dataset_edit_dup_base (draft);
  g_auto(GStrv) changed = pub_dataset_edit_changed_fields (draft);
  const char * const *tags = pub_draft_get_tags (draft);

  g_assert_cmpstr (pub_draft_get_field (draft, "title"), ==, "Presupuesto municipal 2025");
  g_assert_cmpstr (pub_draft_get_field (draft, "name"), ==, "presupuesto-municipal-2025");
  g_assert_cmpstr (pub_draft_get_field (draft, "notes"), ==, "Ejecución presupuestaria **mensual**.");
  /* The form chooses organizations by name, not by id. */
  g_assert_cmpstr (pub_draft_get_field (draft, "owner_org"), ==, "municipio-ejemplo");
  g_assert_cmpstr (pub_draft_get_field (draft, "visibility"), ==, "public");
  g_assert_cmpstr (pub_draft_get_field (draft, "frequency"), ==, "1m");
  g_assert_cmpstr (pub_draft_get_field (draft, "license_id"), ==, "cc-by");
  /* Bookkeeping is not metadata; empty strings are unset. */
  g_assert_null (pub_draft_get_field (draft, "metadata_modified"));
  g_assert_null (pub_draft_get_field (draft, "state"));
  g_assert_null (pub_draft_get_field (draft, "license_title"));
  g_assert_null (pub_draft_get_field (draft, "url"));
  g_assert_null (pub_draft_get_field (draft, "maintainer"));
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "presupuesto");
  g_assert_cmpstr (pub_draft_get_remote_id (draft), ==, "8e1f9a52-5c1e-4d8a-9a55-0b7e3c1d2f10");
  g_assert_cmpstr (pub_draft_get_portal (draft), ==, "https://datos.example");
  g_assert_nonnull (base);
  g_assert_cmpstr (ckan_dataset_get_id (base), ==, ckan_dataset_get_id (dataset));
  /* Nothing edited yet. */
  g_assert_cmpuint (g_strv_length (changed), ==, 0);
}

static void
test_only_changed_fields_patched (void)
{
  g_autoptr(CkanDataset) dataset = load_dataset ();
  g_autoptr(PubDraft) draft = pub_dataset_edit_new_draft (dataset, NULL);
  g_auto(GStrv) changed = NULL;
  g_autoptr(JsonObject) patch = NULL;
  const char *new_tags[] = { "finanzas públicas", "presupuesto", "municipal", NULL };
  JsonArray *tag_list;

  pub_draft_set_field (draft, "title", "Presupuesto municipal 2025 (actualizado)");
  pub_draft_set_field (draft, "version", NULL);
  pub_draft_set_field (draft, "visibility", "private");
  pub_draft_set_tags (draft, new_tags);
  /* Typed, then put back: not a change. */
  pub_draft_set_field (draft, "author", "Otra persona");
  pub_draft_set_field (draft, "author", "Dirección de Finanzas");

  changed = pub_dataset_edit_changed_fields (draft);
  g_assert_cmpuint (g_strv_length (changed), ==, 4);
  /* In the form's order. */
  g_assert_cmpstr (changed[0], ==, "title");
  g_assert_cmpstr (changed[1], ==, "visibility");
  g_assert_cmpstr (changed[2], ==, "tags");
  g_assert_cmpstr (changed[3], ==, "version");

  patch = pub_dataset_edit_build_patch (draft, (const char * const *) changed);
  g_assert_cmpuint (json_object_get_size (patch), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (patch, "title"), ==, "Presupuesto municipal 2025 (actualizado)");
  /* Emptied on the portal too, not left as it was. */
  g_assert_cmpstr (json_object_get_string_member (patch, "version"), ==, "");
  g_assert_true (json_object_get_boolean_member (patch, "private"));
  tag_list = json_object_get_array_member (patch, "tags");
  g_assert_cmpuint (json_array_get_length (tag_list), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tag_list, 2), "name"), ==, "municipal");
  g_assert_cmpstr (json_object_get_string_member (patch, "tag_string"), ==, "finanzas públicas,presupuesto,municipal");
  g_assert_false (json_object_has_member (patch, "author"));
  g_assert_false (json_object_has_member (patch, "notes"));
}

static void
test_tag_order_is_not_a_change (void)
{
  g_autoptr(CkanDataset) dataset = load_dataset ();
  g_autoptr(PubDraft) draft = pub_dataset_edit_new_draft (dataset, NULL);
  const char *reordered[] = { "finanzas públicas", "presupuesto", NULL };
  g_auto(GStrv) changed = NULL;

  pub_draft_set_tags (draft, reordered);
  changed = pub_dataset_edit_changed_fields (draft);
  g_assert_cmpuint (g_strv_length (changed), ==, 0);
}

static void
test_conflict_diff (void)
{
  g_autoptr(CkanDataset) dataset = load_dataset ();
  g_autoptr(CkanDataset) theirs = changed_copy (dataset, "{\"notes\": \"Otra descripción\", \"private\": true,"
                                                " \"frequency\": \"1y\"}", "2025-03-05T10:00:00");
  g_autoptr(CkanDataset) resources_only = changed_copy (dataset, "{\"num_resources\": 3}", "2025-03-05T10:00:00");
  g_autoptr(CkanDataset) older = changed_copy (dataset, "{}", "2025-03-01T00:00:00");
  g_autoptr(PubDraft) draft = pub_dataset_edit_new_draft (dataset, NULL);
  g_auto(GStrv) diff = pub_dataset_edit_diff_datasets (dataset, theirs);
  g_auto(GStrv) none = pub_dataset_edit_diff_datasets (dataset, resources_only);
  g_autoptr(PubDraft) theirs_draft = pub_dataset_edit_new_draft (theirs, NULL);
  g_autofree char *visibility = pub_dataset_edit_display_value (theirs_draft, "visibility");
  g_autofree char *frequency = pub_dataset_edit_display_value (theirs_draft, "frequency");

  g_assert_cmpuint (g_strv_length (diff), ==, 3);
  g_assert_cmpstr (diff[0], ==, "notes");
  g_assert_cmpstr (diff[1], ==, "visibility");
  g_assert_cmpstr (diff[2], ==, "frequency");
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpstr (visibility, ==, "Private");
  g_assert_cmpstr (frequency, ==, "Yearly");
  g_assert_cmpstr (pub_dataset_edit_field_label ("notes"), ==, "Description");
  g_assert_cmpstr (pub_dataset_edit_field_label ("custom_field"), ==, "custom_field");

  g_assert_true (pub_dataset_edit_portal_is_newer (draft, theirs));
  g_assert_false (pub_dataset_edit_portal_is_newer (draft, dataset));
  g_assert_false (pub_dataset_edit_portal_is_newer (draft, older));
}

static void
test_rebase_keeps_own_edits (void)
{
  g_autoptr(CkanDataset) dataset = load_dataset ();
  g_autoptr(CkanDataset) theirs = changed_copy (dataset, "{\"notes\": \"Su descripción\", \"title\": \"Su título\"}",
                                                "2025-03-05T10:00:00");
  g_autoptr(PubDraft) draft = pub_dataset_edit_new_draft (dataset, NULL);
  g_auto(GStrv) changed = NULL;

  pub_draft_set_field (draft, "title", "Mi título");
  pub_draft_set_field (draft, "author", "Mi autora");

  pub_dataset_edit_rebase (draft, theirs);
  /* Both changed the title: the portal's wins on reload. */
  g_assert_cmpstr (pub_draft_get_field (draft, "title"), ==, "Su título");
  g_assert_cmpstr (pub_draft_get_field (draft, "notes"), ==, "Su descripción");
  g_assert_cmpstr (pub_draft_get_field (draft, "author"), ==, "Mi autora");
  g_assert_false (pub_dataset_edit_portal_is_newer (draft, theirs));

  changed = pub_dataset_edit_changed_fields (draft);
  g_assert_cmpuint (g_strv_length (changed), ==, 1);
  g_assert_cmpstr (changed[0], ==, "author");
}

static void
test_draft_survives_round_trip (void)
{
  g_autoptr(CkanDataset) dataset = load_dataset ();
  g_autoptr(PubDraft) draft = pub_dataset_edit_new_draft (dataset, NULL);
  g_autoptr(JsonNode) saved = NULL;
  g_autoptr(PubDraft) read = NULL;
  g_auto(GStrv) changed = NULL;
  g_autoptr(GError) error = NULL;

  pub_draft_set_field (draft, "notes", "Cambiado antes del corte de luz");
  saved = pub_draft_to_json (draft);
  read = pub_draft_new_from_json (saved, &error);
  g_assert_no_error (error);

  /* The base travels with the edits: what was changed is still known. */
  changed = pub_dataset_edit_changed_fields (read);
  g_assert_cmpuint (g_strv_length (changed), ==, 1);
  g_assert_cmpstr (changed[0], ==, "notes");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dataset-edit/draft-from-dataset", test_draft_from_dataset);
  g_test_add_func ("/dataset-edit/only-changed-fields-patched", test_only_changed_fields_patched);
  g_test_add_func ("/dataset-edit/tag-order-is-not-a-change", test_tag_order_is_not_a_change);
  g_test_add_func ("/dataset-edit/conflict-diff", test_conflict_diff);
  g_test_add_func ("/dataset-edit/rebase-keeps-own-edits", test_rebase_keeps_own_edits);
  g_test_add_func ("/dataset-edit/draft-survives-round-trip", test_draft_survives_round_trip);

  return g_test_run ();
}
