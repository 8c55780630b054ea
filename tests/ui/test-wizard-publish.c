/* test-wizard-publish.c: the wizard publishing to the test portal, driven
 * through its widgets
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wizard-test-utils.h"

static gboolean
combo_has (gpointer data)
{
  GtkWidget *combo = ((gpointer *) data)[0];
  const char *label = ((gpointer *) data)[1];
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
        return TRUE;
    }
  return FALSE;
}

static gboolean
name_checked (gpointer data)
{
  PubNameAvailability availability = pub_dataset_metadata_editor_get_name_availability (data);

  return availability != PUB_NAME_UNCHECKED && availability != PUB_NAME_CHECKING;
}

static gboolean
has_maintainer_row (gpointer data)
{
  return find_named (data, "maintainer") != NULL;
}

static gboolean
back_on_metadata (gpointer data)
{
  return g_strcmp0 (pub_new_dataset_window_get_step (data), "metadata") == 0;
}

static gboolean
draft_published (gpointer data)
{
  return pub_draft_get_state (data) == PUB_DRAFT_STATE_PUBLISHED;
}

static void
test_wizard_publish (Fixture       *fixture,
                     gconstpointer  data)
{
  PubDatasetMetadataEditor *editor = pub_new_dataset_window_get_metadata_editor (fixture->window);
  PubDraft *draft = pub_new_dataset_window_get_draft (fixture->window);
  PubTagEditor *tags = PUB_TAG_EDITOR (EDITOR_CHILD (fixture, "tag_editor"));
  GtkWidget *org_row = EDITOR_CHILD (fixture, "owner_org_row");
  gpointer org_wait[] = { org_row, (gpointer) "Ministerio de Prueba" };
  g_autofree char *csv = write_data_file (fixture->dir, "matricula.csv", "rbd,matricula\n101,340\n102,512\n");
  g_autofree char *tsv = write_data_file (fixture->dir, "docentes.tsv", "rbd\tdocentes\n101\t21\n");
  g_autoslist(GFile) files = NULL;
  g_autoptr(JsonObject) dataset = NULL;
  JsonArray *resources;
  guint datasets_before = pub_test_portal_count_datasets (fixture->portal);

  /* A name the portal already has is reported while typing. */
  type_text (EDITOR_CHILD (fixture, "title_row"), "Calidad del aire");
  iterate_until (name_checked, editor);
  g_assert_cmpint (pub_dataset_metadata_editor_get_name_availability (editor), ==, PUB_NAME_TAKEN);

  type_text (EDITOR_CHILD (fixture, "title_row"), "Matrícula 2025");
  iterate_until (name_checked, editor);
  g_assert_cmpint (pub_dataset_metadata_editor_get_name_availability (editor), ==, PUB_NAME_FREE);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (EDITOR_CHILD (fixture, "notes_view"))),
                            "Matrícula por establecimiento.", -1);
  type_text (EDITOR_CHILD (fixture, "author_row"), "Unidad de Estadísticas");
  type_text (EDITOR_CHILD (fixture, "author_email_row"), "estadisticas@example.cl");
  /* The organizations where this account may publish, from the portal. */
  iterate_until (combo_has, org_wait);
  select_value (org_row, "Ministerio de Prueba");
  select_value (EDITOR_CHILD (fixture, "visibility_row"), "Public");
  iterate_until (combo_has, ((gpointer[]) { EDITOR_CHILD (fixture, "license_row"), (gpointer) "Creative Commons Attribution" }));
  select_value (EDITOR_CHILD (fixture, "license_row"), "Creative Commons Attribution");
  type_text (GTK_WIDGET (pub_tag_editor_get_entry (tags)), "educación,");

  /* The portal's own form: its extra fields get rows, its choices are used. */
  iterate_until (has_maintainer_row, editor);
  type_text (find_named (GTK_WIDGET (editor), "maintainer"), "Oficina de Datos");
  g_assert_cmpstr (pub_draft_get_field (draft, "maintainer"), ==, "Oficina de Datos");
  iterate_until (combo_has, ((gpointer[]) { EDITOR_CHILD (fixture, "frequency_row"), (gpointer) "Anual" }));
  select_value (EDITOR_CHILD (fixture, "frequency_row"), "Anual");
  g_assert_cmpstr (pub_draft_get_field (draft, "frequency"), ==, "1y");
  save_screenshot (GTK_WIDGET (fixture->window), "wizard-online-step1.png");

  press (fixture->window, "Next");
  g_assert_cmpstr (pub_new_dataset_window_get_step (fixture->window), ==, "resources");
  files = g_slist_append (files, g_file_new_for_path (csv));
  files = g_slist_append (files, g_file_new_for_path (tsv));
  pub_resource_list_editor_add_files (pub_new_dataset_window_get_resource_editor (fixture->window), files);
  iterate_until (resources_hashed, draft);

  /* A name the portal refuses (409) comes back under its field. */
  pub_draft_set_field (draft, "name", "calidad-del-aire");
  press (fixture->window, "Publish");
  iterate_until (back_on_metadata, fixture->window);
  g_assert_nonnull (pub_dataset_metadata_editor_get_field_error (editor, "name"));
  g_assert_true (gtk_widget_has_css_class (EDITOR_CHILD (fixture, "name_row"), "error"));
  save_screenshot (GTK_WIDGET (fixture->window), "wizard-portal-409.png");
  g_assert_cmpuint (pub_test_portal_count_datasets (fixture->portal), ==, datasets_before);

  /* Fixed where it is shown, the error goes, and publishing goes through. */
  type_text (EDITOR_CHILD (fixture, "name_row"), "matricula-2025");
  g_assert_null (pub_dataset_metadata_editor_get_field_error (editor, "name"));
  press (fixture->window, "Next");
  press (fixture->window, "Publish");
  g_assert_cmpstr (pub_new_dataset_window_get_step (fixture->window), ==, "progress");
  iterate_until (draft_published, draft);
  save_screenshot (GTK_WIDGET (fixture->window), "wizard-published.png");

  /* What the portal now holds. */
  dataset = pub_test_portal_dup_dataset (fixture->portal, "matricula-2025");
  g_assert_nonnull (dataset);
  g_assert_cmpuint (pub_test_portal_count_datasets (fixture->portal), ==, datasets_before + 1);
  g_assert_false (json_object_get_boolean_member (dataset, "private"));
  g_assert_cmpstr (json_object_get_string_member (dataset, "author_email"), ==, "estadisticas@example.cl");
  g_assert_cmpstr (json_object_get_string_member (dataset, "maintainer"), ==, "Oficina de Datos");
  g_assert_cmpstr (json_object_get_string_member (dataset, "frequency"), ==, "1y");
  resources = json_object_get_array_member (dataset, "resources");
  g_assert_cmpuint (json_array_get_length (resources), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (resources, 0), "name"), ==, "matricula.csv");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (resources, 1), "name"), ==, "docentes.tsv");
  g_assert_true (g_str_has_suffix (pub_draft_get_remote_url (draft), "/dataset/matricula-2025"));
}


static gboolean
is_published_page (gpointer data)
{
  PubNewDatasetWindow *window = data;
  GtkWidget *portal_button = child (window, PUB_TYPE_NEW_DATASET_WINDOW, "portal_button");

  return gtk_widget_get_visible (portal_button);
}

/* The wizard is closed while publishing and opened again: the job went on,
 * and the new window shows it and how it ends. */
static void
test_wizard_reopen_while_publishing (Fixture       *fixture,
                                     gconstpointer  data)
{
  PubDraft *draft = pub_new_dataset_window_get_draft (fixture->window);
  g_autofree char *csv = write_data_file (fixture->dir, "datos.csv", "a,b\n1,2\n");
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(PubDraftResource) resource = pub_draft_resource_new_for_file (file);
  PubNewDatasetWindow *again;

  pub_draft_set_field (draft, "title", "Reabierto");
  pub_draft_set_field (draft, "name", "reabierto");
  pub_draft_set_field (draft, "notes", "Notas.");
  pub_draft_set_field (draft, "author", "Autora");
  pub_draft_set_field (draft, "author_email", "autora@example.cl");
  pub_draft_set_field (draft, "owner_org", "ministerio-de-prueba");
  pub_draft_set_field (draft, "visibility", "public");
  pub_draft_set_field (draft, "license_id", "cc-by");
  pub_draft_add_tag (draft, "prueba");
  pub_draft_add_resource (draft, resource);
  pub_draft_resource_refresh_async (resource, NULL, NULL, NULL);
  iterate_until (resources_hashed, draft);

  /* The last step takes a while on this portal. */
  pub_test_portal_inject_fault (fixture->portal, "package_patch", PUB_TEST_FAULT_DELAY, 1500, 1);
  press (fixture->window, "Next");
  press (fixture->window, "Publish");
  g_assert_true (pub_draft_get_publishing (draft));
  gtk_window_close (GTK_WINDOW (fixture->window));
  flush_events ();

  fixture->window = pub_new_dataset_window_open (NULL, draft, NULL);
  again = fixture->window;
  g_assert_cmpstr (pub_new_dataset_window_get_step (again), ==, "progress");
  g_assert_true (pub_draft_get_publishing (draft));
  /* Publishing again from here is not possible while the first goes on:
   * nothing on screen offers it, and the action (reached any other way)
   * starts no second job. */
  g_assert_null (find_shown_button (GTK_WIDGET (again), "Publish"));
  g_assert_null (find_shown_button (GTK_WIDGET (again), "Retry"));
  g_assert_nonnull (find_shown_button (GTK_WIDGET (again), "Cancel"));
  gtk_widget_activate_action (GTK_WIDGET (again), "wizard.publish", NULL);
  iterate_until (is_published_page, again);
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_PUBLISHED);
  g_assert_cmpuint (pub_test_portal_get_call_count (fixture->portal, "package_create"), ==, 1);
  g_assert_cmpuint (pub_test_portal_get_call_count (fixture->portal, "resource_create"), ==, 1);
}

static gboolean
draft_failed (gpointer data)
{
  return pub_draft_get_state (data) == PUB_DRAFT_STATE_FAILED;
}

/* The portal fails the last step: the page says what happened in the
 * core's words, then what Retry does from there in the wizard's; Retry
 * finishes it. */
static void
test_wizard_failure_says_what_retry_does (Fixture       *fixture,
                                          gconstpointer  data)
{
  PubDraft *draft = pub_new_dataset_window_get_draft (fixture->window);
  AdwStatusPage *page = ADW_STATUS_PAGE (child (fixture->window, PUB_TYPE_NEW_DATASET_WINDOW, "progress_page"));
  g_autoptr(PubDraftResource) link = pub_draft_resource_new_link ("https://example.cl/datos.csv");
  const char *description;

  pub_draft_set_field (draft, "title", "Visibilidad pendiente");
  pub_draft_set_field (draft, "name", "visibilidad-pendiente");
  pub_draft_set_field (draft, "notes", "Notas.");
  pub_draft_set_field (draft, "author", "Autora");
  pub_draft_set_field (draft, "author_email", "autora@example.cl");
  pub_draft_set_field (draft, "owner_org", "ministerio-de-prueba");
  pub_draft_set_field (draft, "visibility", "public");
  pub_draft_set_field (draft, "license_id", "cc-by");
  pub_draft_add_tag (draft, "prueba");
  pub_draft_add_resource (draft, link);

  pub_test_portal_inject_fault (fixture->portal, "package_patch", PUB_TEST_FAULT_HTTP_500_JSON, 0, 1);
  press (fixture->window, "Next");
  press (fixture->window, "Publish");
  iterate_until (draft_failed, draft);
  flush_events ();
  description = adw_status_page_get_description (page);
  g_assert_nonnull (strstr (description, "setting the dataset’s visibility failed"));
  /* The portal's "Internal Server Error" gets its full stop. */
  g_assert_true (g_str_has_suffix (description, "Error. Retry to finish."));
  save_screenshot (GTK_WIDGET (fixture->window), "wizard-failed-visibility.png");

  press (fixture->window, "Retry");
  iterate_until (is_published_page, fixture->window);
  g_assert_cmpuint (pub_test_portal_get_call_count (fixture->portal, "package_create"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  /* Buttons are found by their accessible names (see press()). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/wizard/publish-to-test-portal", Fixture, "portal", fixture_setup,
              test_wizard_publish, fixture_teardown);
  g_test_add ("/wizard/reopen-while-publishing", Fixture, "portal", fixture_setup,
              test_wizard_reopen_while_publishing, fixture_teardown);
  g_test_add ("/wizard/failure-says-what-retry-does", Fixture, "portal", fixture_setup,
              test_wizard_failure_says_what_retry_does, fixture_teardown);

  return g_test_run ();
}
