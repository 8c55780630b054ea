/* test-wizard.c: the two-step wizard, driven through its widgets, offline
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "drafts-test-utils.h"
#include "pub-application.h"
#include "pub-new-dataset-window.h"
#include "pub-window.h"
#include "pub-tag-editor.h"
#include "pub-validation-report-view.h"
#include "test-portal.h"

typedef struct
{
  char                *dir;
  PubDraftStore       *store;
  PubNewDatasetWindow *window;
  PubTestPortal       *portal;
  CkanClient          *client;
} Fixture;

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (found);
  return GTK_WIDGET (found);
}

#define EDITOR_CHILD(f, name) \
  child (pub_new_dataset_window_get_metadata_editor ((f)->window), PUB_TYPE_DATASET_METADATA_EDITOR, name)

static void
store_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (pub_draft_store_flush_finish (PUB_DRAFT_STORE (object), result, NULL));
  *done = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
flush_store (PubDraftStore *store)
{
  gboolean done = FALSE;

  pub_draft_store_flush_async (store, NULL, store_done_cb, &done);
  iterate_until (is_true, &done);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(PubDraft) earlier = pub_draft_new ();
  g_autoptr(JsonNode) orgs = json_from_string ("[{\"name\": \"min-salud\", \"title\": \"Ministerio de Salud\"},"
                                               " {\"name\": \"ine\", \"title\": \"Instituto Nacional de Estadísticas\"}]",
                                               NULL);

  fixture->dir = g_dir_make_tmp ("wizard-XXXXXX", NULL);
  fixture->store = pub_draft_store_new (fixture->dir);
  pub_draft_store_set_save_delay (fixture->store, 50);

  /* An earlier draft remembers the organizations from a session online. */
  pub_draft_set_field (earlier, "title", "Anterior");
  pub_draft_add_tag (earlier, "salud pública");
  pub_draft_set_cache (earlier, "organizations", orgs);
  pub_draft_store_add (fixture->store, earlier);

  /* With data: signed in to a test portal as an editor. */
  if (data != NULL)
    {
      g_autoptr(GError) error = NULL;

      fixture->portal = pub_test_portal_new (NULL, &error);
      g_assert_no_error (error);
      g_assert_true (pub_test_portal_listen (fixture->portal, 0, &error));
      fixture->client = ckan_client_new (pub_test_portal_get_url (fixture->portal), FALSE, &error);
      g_assert_no_error (error);
      ckan_client_set_token (fixture->client, pub_test_portal_get_token (fixture->portal, "editor"));
    }

  fixture->window = pub_new_dataset_window_new (NULL, fixture->store, NULL, fixture->client);
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate_until (widget_is_mapped, fixture->window);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  flush_store (fixture->store);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->portal);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
type_text (GtkWidget  *editable,
           const char *text)
{
  gtk_widget_grab_focus (editable);
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  flush_events ();
}

static void
select_value (GtkWidget  *combo,
              const char *label)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (combo), i);
          return;
        }
    }
  g_error ("No choice “%s”", label);
}

static char *
without_mnemonic (const char *label)
{
  GString *text = g_string_new (label);

  for (gsize i = 0; i < text->len; i++)
    if (text->str[i] == '_')
      g_string_erase (text, i, 1);
  return g_string_free (text, FALSE);
}

/* What a screen reader says a button is: its accessible label (set by the
 * .ui or the code for icon-only buttons; GTK 4.8 sets a labelled button's
 * to its label, mnemonic mark included, which is not spoken). */
static gboolean
button_is_named (GtkWidget  *button,
                 const char *name)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (button);
  const char *label = gtk_button_get_label (GTK_BUTTON (button));
  g_autofree char *mismatch = NULL;
  g_autofree char *spoken = NULL;

  if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;
  mismatch = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  if (mismatch == NULL)
    return TRUE;
  if (label == NULL || !gtk_button_get_use_underline (GTK_BUTTON (button)))
    return FALSE;
  g_clear_pointer (&mismatch, g_free);
  mismatch = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  spoken = without_mnemonic (label);
  return mismatch == NULL && g_str_equal (spoken, name);
}

/* The button called `name` that is on screen (mapped), or NULL. */
static GtkWidget *
find_shown_button (GtkWidget  *widget,
                   const char *name)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) && button_is_named (widget, name))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_shown_button (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
clicked_cb (GtkButton *button,
            gboolean  *clicked)
{
  *clicked = TRUE;
}

/* A person presses it: it must be on screen and sensitive. Activated as
 * the keyboard does, a button shows itself pressed for a moment and then
 * emits "clicked": that is waited for. */
static void
press (gpointer    root,
       const char *name)
{
  GtkWidget *button = find_shown_button (GTK_WIDGET (root), name);
  gboolean clicked = FALSE;
  gulong handler;

  if (button == NULL)
    g_error ("No button “%s” on screen", name);
  g_assert_true (gtk_widget_is_sensitive (button));
  handler = g_signal_connect (button, "clicked", G_CALLBACK (clicked_cb), &clicked);
  /* What it does may take it away (a chip's close button). */
  g_object_add_weak_pointer (G_OBJECT (button), (gpointer *) &button);
  g_assert_true (gtk_widget_activate (button));
  iterate_until (is_true, &clicked);
  if (button != NULL)
    {
      g_signal_handler_disconnect (button, handler);
      g_object_remove_weak_pointer (G_OBJECT (button), (gpointer *) &button);
    }
  flush_events ();
}

/* Step one filled in as a person does, offline (the organization from what
 * an earlier draft learned), then Next. */
static void
fill_step_one (Fixture    *fixture,
               const char *title)
{
  PubTagEditor *tags = PUB_TAG_EDITOR (EDITOR_CHILD (fixture, "tag_editor"));

  type_text (EDITOR_CHILD (fixture, "title_row"), title);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (EDITOR_CHILD (fixture, "notes_view"))),
                            "Notas.", -1);
  type_text (EDITOR_CHILD (fixture, "author_row"), "Unidad de Estudios");
  type_text (EDITOR_CHILD (fixture, "author_email_row"), "estudios@salud.cl");
  select_value (EDITOR_CHILD (fixture, "owner_org_row"), "Ministerio de Salud");
  select_value (EDITOR_CHILD (fixture, "visibility_row"), "Public");
  select_value (EDITOR_CHILD (fixture, "license_row"), "Creative Commons Attribution");
  type_text (GTK_WIDGET (pub_tag_editor_get_entry (tags)), "comunas,");
  press (fixture->window, "Next");
  g_assert_cmpstr (pub_new_dataset_window_get_step (fixture->window), ==, "resources");
}

static char *
write_data_file (const char *dir,
                 const char *name,
                 const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static gboolean
resources_hashed (gpointer data)
{
  GListModel *resources = pub_draft_get_resources (data);

  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(PubDraftResource) resource = g_list_model_get_item (resources, i);

      if (pub_draft_resource_get_sha256 (resource) == NULL)
        return FALSE;
    }
  return TRUE;
}

static GtkWidget *
find_titled_row (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_titled_row (c, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
find_window_with (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (find_descendant (GTK_WIDGET (window), type) != NULL)
        return window;
    }
  return NULL;
}

static gboolean
resources_checked (gpointer data)
{
  GListModel *resources = pub_draft_get_resources (data);

  for (guint i = 0; i < g_list_model_get_n_items (resources); i++)
    {
      g_autoptr(PubDraftResource) resource = g_list_model_get_item (resources, i);
      PubResourceCheckStatus status = pub_draft_resource_get_check_status (resource);

      if (status == PUB_RESOURCE_CHECK_NONE || status == PUB_RESOURCE_CHECK_RUNNING)
        return FALSE;
    }
  return TRUE;
}

static void
test_wizard_offline (Fixture       *fixture,
                     gconstpointer  data)
{
  PubDatasetMetadataEditor *editor = pub_new_dataset_window_get_metadata_editor (fixture->window);
  PubDraft *draft = pub_new_dataset_window_get_draft (fixture->window);
  PubTagEditor *tags = PUB_TAG_EDITOR (EDITOR_CHILD (fixture, "tag_editor"));
  GtkTextBuffer *notes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (EDITOR_CHILD (fixture, "notes_view")));
  g_autofree char *csv = write_data_file (fixture->dir, "población.csv", "region,habitantes\nÑuble,480609\n");
  g_autofree char *xlsx = write_data_file (fixture->dir, "anexo.xlsx", "PK\003\004 not really a workbook");
  g_autofree char *draft_path = NULL;
  g_autoslist(GFile) files = NULL;
  g_autoptr(PubDraft) on_disk = NULL;
  g_autoptr(PubDraftResource) first = NULL;
  g_autoptr(PubDraftResource) second = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) suggestions = NULL;

  g_assert_cmpstr (pub_new_dataset_window_get_step (fixture->window), ==, "metadata");
  save_screenshot (GTK_WIDGET (fixture->window), "wizard-step1-empty.png");

  /* Title: the web address name follows it, transliterated. */
  type_text (EDITOR_CHILD (fixture, "title_row"), "Año 2024: Población de Ñuble");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (EDITOR_CHILD (fixture, "name_row"))), ==,
                   "ano-2024-poblacion-de-nuble");
  g_assert_cmpstr (pub_draft_get_field (draft, "name"), ==, "ano-2024-poblacion-de-nuble");
  /* No account: the name can't be checked, and says so. */
  g_assert_cmpint (pub_dataset_metadata_editor_get_name_availability (editor), ==, PUB_NAME_UNCHECKED);

  /* Next with fields missing: stays, and each one says what it needs. */
  press (fixture->window, "Next");
  g_assert_cmpstr (pub_new_dataset_window_get_step (fixture->window), ==, "metadata");
  g_assert_nonnull (pub_dataset_metadata_editor_get_field_error (editor, "notes"));
  g_assert_nonnull (pub_dataset_metadata_editor_get_field_error (editor, "owner_org"));
  g_assert_nonnull (pub_dataset_metadata_editor_get_field_error (editor, "tags"));
  g_assert_null (pub_dataset_metadata_editor_get_field_error (editor, "title"));
  g_assert_true (gtk_widget_has_css_class (EDITOR_CHILD (fixture, "author_row"), "error"));
  save_screenshot (GTK_WIDGET (fixture->window), "wizard-step1-errors.png");

  gtk_text_buffer_set_text (notes, "Población estimada por comuna.\n\n**Fuente**: INE.", -1);
  type_text (EDITOR_CHILD (fixture, "author_row"), "Unidad de Estudios");
  type_text (EDITOR_CHILD (fixture, "author_email_row"), "estudios@");
  g_assert_nonnull (pub_dataset_metadata_editor_get_field_error (editor, "author_email"));
  type_text (EDITOR_CHILD (fixture, "author_email_row"), "estudios@salud.cl");
  g_assert_null (pub_dataset_metadata_editor_get_field_error (editor, "author_email"));
  g_assert_false (gtk_widget_has_css_class (EDITOR_CHILD (fixture, "author_email_row"), "error"));

  /* Offline, the organizations come from what an earlier draft learned. */
  select_value (EDITOR_CHILD (fixture, "owner_org_row"), "Ministerio de Salud");
  select_value (EDITOR_CHILD (fixture, "visibility_row"), "Public");
  select_value (EDITOR_CHILD (fixture, "license_row"), "Creative Commons Attribution");
  select_value (EDITOR_CHILD (fixture, "frequency_row"), "Yearly");
  type_text (EDITOR_CHILD (fixture, "period_row"), "2024");
  type_text (EDITOR_CHILD (fixture, "source_url_row"), "https://www.ine.gob.cl");

  /* Tags: typed with a comma, and offered from other drafts. */
  type_text (GTK_WIDGET (pub_tag_editor_get_entry (tags)), "población,");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pub_tag_editor_get_entry (tags))), ==, "");
  type_text (GTK_WIDGET (pub_tag_editor_get_entry (tags)), "SAL");
  suggestions = pub_tag_editor_dup_suggestions (tags);
  g_assert_cmpstrv (suggestions, ((const char *[]) { "salud pública", NULL }));
  g_signal_emit_by_name (pub_tag_editor_get_entry (tags), "apply");
  type_text (GTK_WIDGET (pub_tag_editor_get_entry (tags)), "");
  g_assert_cmpstrv (pub_draft_get_tags (draft), ((const char *[]) { "población", "SAL", NULL }));
  /* Taken back through its chip's close button. */
  press (tags, "Remove the tag “SAL”");
  g_assert_cmpstrv (pub_draft_get_tags (draft), ((const char *[]) { "población", NULL }));
  g_assert_null (find_shown_button (GTK_WIDGET (tags), "Remove the tag “SAL”"));

  g_assert_cmpstr (pub_draft_get_field (draft, "owner_org"), ==, "min-salud");
  g_assert_cmpstr (pub_draft_get_field (draft, "visibility"), ==, "public");
  g_assert_cmpstr (pub_draft_get_field (draft, "license_id"), ==, "cc-by");
  g_assert_cmpstr (pub_draft_get_field (draft, "frequency"), ==, "1y");
  save_screenshot (GTK_WIDGET (fixture->window), "wizard-step1-filled.png");

  press (fixture->window, "Next");
  g_assert_cmpstr (pub_new_dataset_window_get_step (fixture->window), ==, "resources");
  save_screenshot (GTK_WIDGET (fixture->window), "wizard-step2-empty.png");

  /* Two files, through the code path of the file chooser and of a drop. */
  files = g_slist_append (files, g_file_new_for_path (csv));
  files = g_slist_append (files, g_file_new_for_path (xlsx));
  g_assert_cmpuint (pub_resource_list_editor_add_files (pub_new_dataset_window_get_resource_editor (fixture->window),
                                                        files), ==, 2);
  iterate_until (resources_hashed, draft);
  /* The local checks ran on each file as it was added. */
  iterate_until (resources_checked, draft);
  first = g_list_model_get_item (pub_draft_get_resources (draft), 0);
  g_assert_cmpint (pub_draft_resource_get_check_status (first), !=, PUB_RESOURCE_CHECK_ERRORS);
  g_assert_true (g_str_has_prefix (pub_draft_resource_get_check_summary (first), "Quality "));
  pub_draft_resource_set_description (first, "Habitantes por región");
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_READY);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_descendant (GTK_WIDGET (pub_new_dataset_window_get_resource_editor (fixture->window)),
                                                                    ADW_TYPE_EXPANDER_ROW)), TRUE);
  save_screenshot (GTK_WIDGET (fixture->window), "wizard-step2-files.png");

  /* The Checks row opens the local checks' full report. */
  {
    GtkWidget *row = find_titled_row (GTK_WIDGET (pub_new_dataset_window_get_resource_editor (fixture->window)), "Checks");
    GtkWindow *report;

    g_assert_nonnull (row);
    g_signal_emit_by_name (row, "activated");
    report = find_window_with (PUB_TYPE_VALIDATION_REPORT_VIEW);
    g_assert_nonnull (report);
    g_assert_true (gtk_window_get_transient_for (report) == GTK_WINDOW (fixture->window));
    save_screenshot (GTK_WIDGET (report), "wizard-checks-report.png");
    gtk_window_destroy (report);
  }

  /* Everything is on disk without anyone pressing Save. */
  flush_store (fixture->store);
  draft_path = g_strdup_printf ("%s/%s.json", fixture->dir, pub_draft_get_id (draft));
  on_disk = pub_draft_store_read_file (draft_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pub_draft_get_field (on_disk, "title"), ==, "Año 2024: Población de Ñuble");
  g_assert_cmpstr (pub_draft_get_field (on_disk, "name"), ==, "ano-2024-poblacion-de-nuble");
  g_assert_cmpstr (pub_draft_get_field (on_disk, "notes"), ==, "Población estimada por comuna.\n\n**Fuente**: INE.");
  g_assert_cmpstr (pub_draft_get_field (on_disk, "author_email"), ==, "estudios@salud.cl");
  g_assert_cmpstr (pub_draft_get_field (on_disk, "owner_org"), ==, "min-salud");
  g_assert_cmpstr (pub_draft_get_field (on_disk, "period"), ==, "2024");
  g_assert_cmpstrv (pub_draft_get_tags (on_disk), ((const char *[]) { "población", NULL }));
  g_assert_cmpuint (g_list_model_get_n_items (pub_draft_get_resources (on_disk)), ==, 2);
  g_clear_object (&first);
  first = g_list_model_get_item (pub_draft_get_resources (on_disk), 0);
  second = g_list_model_get_item (pub_draft_get_resources (on_disk), 1);
  g_assert_cmpstr (pub_draft_resource_get_name (first), ==, "población.csv");
  g_assert_cmpstr (pub_draft_resource_get_format (first), ==, "CSV");
  g_assert_cmpstr (pub_draft_resource_get_description (first), ==, "Habitantes por región");
  g_assert_cmpint (pub_draft_resource_get_size (first), ==, strlen ("region,habitantes\nÑuble,480609\n"));
  g_assert_cmpuint (strlen (pub_draft_resource_get_sha256 (first)), ==, 64);
  g_assert_cmpstr (pub_draft_resource_get_format (second), ==, "XLSX");
  g_assert_cmpint (pub_draft_get_state (on_disk), ==, PUB_DRAFT_STATE_READY);

  /* Publishing without an account is refused: the button says why and
   * can't be pressed, and the action, reached some other way, starts
   * nothing and says what to do. */
  {
    GtkWidget *publish = find_shown_button (GTK_WIDGET (fixture->window), "Publish");

    g_assert_nonnull (publish);
    g_assert_false (gtk_widget_is_sensitive (publish));
    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (publish), "Sign in"));
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "wizard.publish", NULL);
    flush_events ();
    g_assert_cmpstr (pub_new_dataset_window_get_step (fixture->window), ==, "resources");
    g_assert_false (pub_draft_get_publishing (draft));
    g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_READY);
    g_assert_null (g_object_get_data (G_OBJECT (draft), "pub-publish-job"));
    g_assert_true (has_label (GTK_WIDGET (fixture->window), "Sign in to publish; the draft is saved"));
    save_screenshot (GTK_WIDGET (fixture->window), "wizard-publish-refused.png");
  }

  /* Back keeps everything. */
  press (fixture->window, "Back");
  g_assert_cmpstr (pub_new_dataset_window_get_step (fixture->window), ==, "metadata");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (EDITOR_CHILD (fixture, "author_row"))), ==,
                   "Unidad de Estudios");
}

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

static void
test_wizard_name_edited_by_hand (Fixture       *fixture,
                                 gconstpointer  data)
{
  PubDraft *draft = pub_new_dataset_window_get_draft (fixture->window);

  type_text (EDITOR_CHILD (fixture, "title_row"), "Camión");
  g_assert_cmpstr (pub_draft_get_field (draft, "name"), ==, "camion");
  type_text (EDITOR_CHILD (fixture, "name_row"), "flota-2024");
  type_text (EDITOR_CHILD (fixture, "title_row"), "Camiones municipales");
  g_assert_cmpstr (pub_draft_get_field (draft, "name"), ==, "flota-2024");

  type_text (EDITOR_CHILD (fixture, "name_row"), "Flota 2024");
  g_assert_nonnull (pub_dataset_metadata_editor_get_field_error (pub_new_dataset_window_get_metadata_editor (fixture->window),
                                                                 "name"));
}

static void
test_wizard_empty_draft_not_kept (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wizard-XXXXXX", NULL);
  g_autoptr(PubDraftStore) store = pub_draft_store_new (dir);
  PubNewDatasetWindow *window = pub_new_dataset_window_new (NULL, store, NULL, NULL);
  GListModel *drafts = pub_draft_store_get_drafts (store);

  gtk_window_present (GTK_WINDOW (window));
  iterate_until (widget_is_mapped, window);
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 1);
  gtk_window_close (GTK_WINDOW (window));
  flush_store (store);
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 0);
  remove_tree (dir);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
wizard_shown (gpointer data)
{
  return find_toplevel (PUB_TYPE_NEW_DATASET_WINDOW) != NULL;
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

/* Clearing a link's address shows what is missing under the field, and
 * the draft (saved with "url": "") still loads. */
static void
test_wizard_link_address_cleared (Fixture       *fixture,
                                  gconstpointer  data)
{
  PubDraft *draft = pub_new_dataset_window_get_draft (fixture->window);
  GtkWidget *editor = GTK_WIDGET (pub_new_dataset_window_get_resource_editor (fixture->window));
  g_autoptr(PubDraftResource) loaded_link = NULL;
  GtkWidget *url_row, *url_error;
  PubDraft *loaded;

  fill_step_one (fixture, "Enlaces");
  g_assert_true (pub_resource_list_editor_add_link (PUB_RESOURCE_LIST_EDITOR (editor),
                                                    "https://datos.example.cl/comunas.csv"));
  flush_events ();
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_descendant (editor, ADW_TYPE_EXPANDER_ROW)), TRUE);
  url_row = find_named (editor, "url");
  url_error = find_named (editor, "url-error");
  g_assert_nonnull (url_row);
  g_assert_nonnull (url_error);
  g_assert_false (gtk_widget_get_visible (url_error));

  type_text (url_row, "");
  g_assert_true (gtk_widget_has_css_class (url_row, "error"));
  g_assert_true (gtk_widget_get_visible (url_error));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (url_error)), ==, "Enter the link’s web address");
  save_screenshot (GTK_WIDGET (fixture->window), "wizard-link-without-address.png");

  flush_store (fixture->store);
  {
    g_autofree char *path = g_strdup_printf ("%s/%s.json", fixture->dir, pub_draft_get_id (draft));
    g_autoptr(GError) error = NULL;

    loaded = pub_draft_store_read_file (path, &error);
    g_assert_no_error (error);
  }
  g_assert_false (pub_draft_is_damaged (loaded));
  loaded_link = g_list_model_get_item (pub_draft_get_resources (loaded), 0);
  g_assert_nonnull (pub_draft_resource_get_problem (loaded_link));
  g_object_unref (loaded);

  type_text (url_row, "https://datos.example.cl/comunas.csv");
  g_assert_false (gtk_widget_has_css_class (url_row, "error"));
  g_assert_false (gtk_widget_get_visible (url_error));
}

static gboolean
resource_has_problem (gpointer data)
{
  return pub_draft_resource_get_problem (data) != NULL;
}

/* A folder dropped with files is listed, and says (once the worker looked
 * at it) that its files are what can be added; it is not checked. */
static void
test_wizard_folder_added (Fixture       *fixture,
                          gconstpointer  data)
{
  PubDraft *draft = pub_new_dataset_window_get_draft (fixture->window);
  GtkWidget *editor = GTK_WIDGET (pub_new_dataset_window_get_resource_editor (fixture->window));
  g_autofree char *folder = g_build_filename (fixture->dir, "carpeta", NULL);
  g_autoslist(GFile) files = NULL;
  g_autoptr(PubDraftResource) resource = NULL;
  AdwExpanderRow *row;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  files = g_slist_append (files, g_file_new_for_path (folder));
  g_assert_cmpuint (pub_resource_list_editor_add_files (PUB_RESOURCE_LIST_EDITOR (editor), files), ==, 1);
  resource = g_list_model_get_item (pub_draft_get_resources (draft), 0);
  iterate_until (resource_has_problem, resource);
  g_assert_cmpstr (pub_draft_resource_get_problem (resource), ==, "This is a folder: add the files in it instead");
  g_assert_cmpint (pub_draft_resource_get_check_status (resource), ==, PUB_RESOURCE_CHECK_NONE);
  flush_events ();
  row = ADW_EXPANDER_ROW (find_descendant (editor, ADW_TYPE_EXPANDER_ROW));
  g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, "This is a folder: add the files in it instead");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_rmdir (folder);
}

static gboolean
path_is_copy (gpointer data)
{
  return g_str_has_suffix (pub_draft_resource_get_path (data), "comunas-utf8-2.csv");
}

/* A Windows-1252 file: the report (in a window with room for its toasts)
 * saves a UTF-8 copy beside it, under a free name, and the draft then
 * publishes the copy, checked again. */
static void
test_wizard_utf8_copy_used (Fixture       *fixture,
                            gconstpointer  data)
{
  PubDraft *draft = pub_new_dataset_window_get_draft (fixture->window);
  GtkWidget *editor = GTK_WIDGET (pub_new_dataset_window_get_resource_editor (fixture->window));
  g_autofree char *src = g_build_filename (TEST_DATA_DIR, "checks", "latin1.csv", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "comunas.csv", NULL);
  g_autofree char *taken = g_build_filename (fixture->dir, "comunas-utf8.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *still = NULL;
  g_autoslist(GFile) files = NULL;
  g_autoptr(PubDraftResource) resource = NULL;
  GtkWindow *report;
  GtkWidget *view;
  gsize len;

  g_assert_true (g_file_get_contents (src, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) len, NULL));
  /* An earlier copy, edited by hand since: never overwritten. */
  g_assert_true (g_file_set_contents (taken, "mi copia\n", -1, NULL));

  fill_step_one (fixture, "Comunas");
  files = g_slist_append (files, g_file_new_for_path (path));
  g_assert_cmpuint (pub_resource_list_editor_add_files (PUB_RESOURCE_LIST_EDITOR (editor), files), ==, 1);
  iterate_until (resources_checked, draft);
  resource = g_list_model_get_item (pub_draft_get_resources (draft), 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_descendant (editor, ADW_TYPE_EXPANDER_ROW)), TRUE);
  flush_events ();
  g_signal_emit_by_name (find_titled_row (editor, "Checks"), "activated");
  report = find_window_with (PUB_TYPE_VALIDATION_REPORT_VIEW);
  g_assert_nonnull (report);
  view = find_descendant (GTK_WIDGET (report), PUB_TYPE_VALIDATION_REPORT_VIEW);
  /* "Report exported" and export errors have somewhere to show. */
  g_assert_nonnull (gtk_widget_get_ancestor (view, ADW_TYPE_TOAST_OVERLAY));

  g_object_add_weak_pointer (G_OBJECT (report), (gpointer *) &report);
  g_assert_true (gtk_widget_activate_action (view, "report.utf8-copy", NULL));
  iterate_until (path_is_copy, resource);
  g_assert_null (report);
  g_assert_cmpstr (pub_draft_resource_get_name (resource), ==, "comunas-utf8-2.csv");
  g_assert_true (g_file_get_contents (taken, &still, NULL, NULL));
  g_assert_cmpstr (still, ==, "mi copia\n");
  g_assert_true (has_label (GTK_WIDGET (fixture->window),
                            "Now using “comunas-utf8-2.csv”, the UTF-8 copy; checking it again"));
  save_screenshot (GTK_WIDGET (fixture->window), "wizard-utf8-copy-used.png");

  /* Checked again, as UTF-8 now: no copy offered any more. */
  iterate_until (resources_hashed, draft);
  iterate_until (resources_checked, draft);
  g_assert_false (pub_check_result_wants_utf8_copy (pub_draft_resource_get_last_check (resource)));
}

static gboolean
hyphens_off (GtkWidget *label)
{
  PangoAttrList *attrs = gtk_label_get_attributes (GTK_LABEL (label));
  g_autoptr(PangoAttrIterator) iter = NULL;
  PangoAttrInt *attr;

  if (attrs == NULL)
    return FALSE;
  iter = pango_attr_list_get_iterator (attrs);
  attr = (PangoAttrInt *) pango_attr_iterator_get (iter, PANGO_ATTR_INSERT_HYPHENS);
  return attr != NULL && attr->value == FALSE;
}

/* A file with personal data says so on its closed row (icon and words);
 * a long name wraps without hyphens. */
static void
test_wizard_file_flags (Fixture       *fixture,
                        gconstpointer  data)
{
  PubDraft *draft = pub_new_dataset_window_get_draft (fixture->window);
  GtkWidget *editor = GTK_WIDGET (pub_new_dataset_window_get_resource_editor (fixture->window));
  g_autofree char *src = g_build_filename (TEST_DATA_DIR, "checks", "personal.csv", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "beneficiarios-region-metropolitana-2024.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoslist(GFile) files = NULL;
  AdwExpanderRow *row;
  GtkWidget *flag;
  gsize len;

  g_assert_true (g_file_get_contents (src, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) len, NULL));
  fill_step_one (fixture, "Beneficiarios");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 420, 600);
  files = g_slist_append (files, g_file_new_for_path (path));
  g_assert_cmpuint (pub_resource_list_editor_add_files (PUB_RESOURCE_LIST_EDITOR (editor), files), ==, 1);
  iterate_until (resources_checked, draft);
  flush_events ();

  row = ADW_EXPANDER_ROW (find_descendant (editor, ADW_TYPE_EXPANDER_ROW));
  g_assert_false (adw_expander_row_get_expanded (row));
  g_assert_true (g_str_has_suffix (adw_expander_row_get_subtitle (row), " · Personal data"));
  flag = find_named (GTK_WIDGET (row), "check-flag");
  g_assert_nonnull (flag);
  g_assert_true (gtk_widget_get_visible (flag));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (flag), ==, "Personal data");
  g_assert_true (hyphens_off (find_label (GTK_WIDGET (row), "beneficiarios-region-metropolitana-2024.csv")));
  save_screenshot (GTK_WIDGET (fixture->window), "wizard-file-flagged.png");
}

/* `publicador file.csv`, and Open With in Files. */
static void
test_wizard_open_files (void)
{
  g_autoptr(PubApplication) app = pub_application_new ();
  g_autofree char *dir = g_dir_make_tmp ("open-XXXXXX", NULL);
  g_autofree char *path = write_data_file (dir, "comunas.csv", "codigo,nombre\n16101,Chillán\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PubDraftResource) resource = NULL;
  PubNewDatasetWindow *wizard;
  PubDraft *draft;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));

  g_application_open (G_APPLICATION (app), &file, 1, "");
  iterate_until (wizard_shown, NULL);
  wizard = PUB_NEW_DATASET_WINDOW (find_toplevel (PUB_TYPE_NEW_DATASET_WINDOW));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (wizard)) == find_toplevel (PUB_TYPE_WINDOW));
  draft = pub_new_dataset_window_get_draft (wizard);
  g_assert_cmpuint (g_list_model_get_n_items (pub_draft_get_resources (draft)), ==, 1);
  resource = g_list_model_get_item (pub_draft_get_resources (draft), 0);
  g_assert_cmpstr (pub_draft_resource_get_path (resource), ==, path);
  g_assert_cmpstr (pub_draft_resource_get_format (resource), ==, "CSV");
  /* The new draft is in the Drafts list of the main window's store. */
  g_assert_true (pub_draft_store_find (pub_draft_store_get_default (), pub_draft_get_id (draft)) == draft);

  gtk_window_destroy (GTK_WINDOW (wizard));
  gtk_window_destroy (find_toplevel (PUB_TYPE_WINDOW));
  flush_store (pub_draft_store_get_default ());
  g_application_release (G_APPLICATION (app));
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test accessibility backend keeps the accessible properties, so
   * buttons are found by the names a screen reader would speak ("none",
   * the suites' default, keeps none). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/wizard/offline", Fixture, NULL, fixture_setup, test_wizard_offline, fixture_teardown);
  g_test_add ("/wizard/name-edited-by-hand", Fixture, NULL, fixture_setup,
              test_wizard_name_edited_by_hand, fixture_teardown);
  g_test_add ("/wizard/link-address-cleared", Fixture, NULL, fixture_setup,
              test_wizard_link_address_cleared, fixture_teardown);
  g_test_add ("/wizard/folder-added", Fixture, NULL, fixture_setup,
              test_wizard_folder_added, fixture_teardown);
  g_test_add ("/wizard/utf8-copy-used", Fixture, NULL, fixture_setup,
              test_wizard_utf8_copy_used, fixture_teardown);
  g_test_add ("/wizard/file-flags", Fixture, NULL, fixture_setup,
              test_wizard_file_flags, fixture_teardown);
  g_test_add_func ("/wizard/empty-draft-not-kept", test_wizard_empty_draft_not_kept);
  g_test_add ("/wizard/publish-to-test-portal", Fixture, "portal", fixture_setup,
              test_wizard_publish, fixture_teardown);
  g_test_add ("/wizard/reopen-while-publishing", Fixture, "portal", fixture_setup,
              test_wizard_reopen_while_publishing, fixture_teardown);
  /* Last: it leaves a default application behind. */
  g_test_add_func ("/wizard/open-files", test_wizard_open_files);

  return g_test_run ();
}
