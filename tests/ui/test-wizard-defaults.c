/* test-wizard-defaults.c: what the wizard chooses before anyone asks: the
 * only organization a person can publish in; and a Publish button that
 * waits for something to publish, saying so
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "drafts-test-utils.h"
#include "pub-dataset-metadata-editor.h"
#include "pub-new-dataset-window.h"
#include "test-portal.h"

typedef struct
{
  char                *dir;
  PubDraftStore       *store;
  PubDraft            *draft;
  PubNewDatasetWindow *window;
  PubTestPortal       *portal;
  CkanClient          *client;
} Fixture;

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(gboolean *) user_data = pub_draft_store_flush_finish (PUB_DRAFT_STORE (object), result, NULL);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* data: the fixture user to sign in as. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("defaults-XXXXXX", NULL);
  f->store = pub_draft_store_new (f->dir);
  pub_draft_store_set_save_delay (f->store, 10);
  f->portal = pub_test_portal_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pub_test_portal_listen (f->portal, 0, &error));
  f->client = ckan_client_new (pub_test_portal_get_url (f->portal), FALSE, &error);
  g_assert_no_error (error);
  ckan_client_set_token (f->client, pub_test_portal_get_token (f->portal, data));
  f->draft = g_object_ref (pub_draft_store_create (f->store));
}

static void
open_wizard (Fixture *f)
{
  f->window = pub_new_dataset_window_new (NULL, f->store, f->draft, f->client);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate_until (widget_is_mapped, f->window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gboolean flushed = FALSE;

  gtk_window_destroy (GTK_WINDOW (f->window));
  pub_draft_store_flush_async (f->store, NULL, flushed_cb, &flushed);
  iterate_until (is_true, &flushed);
  g_clear_object (&f->draft);
  g_clear_object (&f->store);
  g_clear_object (&f->client);
  g_clear_object (&f->portal);
  remove_tree (f->dir);
  g_free (f->dir);
}

static AdwComboRow *
org_row (Fixture *f)
{
  PubDatasetMetadataEditor *editor = pub_new_dataset_window_get_metadata_editor (f->window);
  GObject *row = gtk_widget_get_template_child (GTK_WIDGET (editor), PUB_TYPE_DATASET_METADATA_EDITOR,
                                                "owner_org_row");

  g_assert_nonnull (row);
  return ADW_COMBO_ROW (row);
}

static gboolean
orgs_listed (gpointer data)
{
  Fixture *f = data;

  /* "Choose…" and the portal's organizations. */
  return g_list_model_get_n_items (adw_combo_row_get_model (org_row (f))) > 1;
}

/* The editor may publish in one organization: it is chosen already. */
static void
test_one_organization (Fixture       *f,
                       gconstpointer  data)
{
  GObject *item;

  open_wizard (f);
  iterate_until (orgs_listed, f);
  flush_events ();
  g_assert_cmpuint (adw_combo_row_get_selected (org_row (f)), ==, 1);
  item = adw_combo_row_get_selected_item (org_row (f));
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), ==, "Ministerio de Prueba");
  g_assert_cmpstr (pub_draft_get_field (f->draft, "owner_org"), ==, "ministerio-de-prueba");
}

/* The admin may publish in two: the choice is theirs. */
static void
test_two_organizations (Fixture       *f,
                        gconstpointer  data)
{
  open_wizard (f);
  iterate_until (orgs_listed, f);
  flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (org_row (f))), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (org_row (f)), ==, 0);
  g_assert_null (pub_draft_get_field (f->draft, "owner_org"));
}

static GtkWidget *
find_shown_button (GtkWidget  *widget,
                   const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_shown_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
button_shown (gpointer data)
{
  gpointer *args = data;

  return find_shown_button (args[0], args[1]) != NULL;
}

static GtkWidget *
wait_button (GtkWidget  *root,
             const char *label)
{
  gpointer args[] = { root, (gpointer) label };

  iterate_until (button_shown, args);
  return find_shown_button (root, label);
}

/* Step 2 with nothing in it: Publish is greyed out and says why; a link
 * added, it can be pressed. */
static void
test_publish_needs_data (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(PubDraftResource) link = pub_draft_resource_new_link ("https://example.cl/api/matricula.json");
  GtkWidget *publish;

  pub_draft_set_field (f->draft, "title", "Matrícula 2025");
  pub_draft_set_field (f->draft, "name", "matricula-2025");
  pub_draft_set_field (f->draft, "notes", "Matrícula por establecimiento.");
  pub_draft_set_field (f->draft, "author", "Unidad de Estadísticas");
  pub_draft_set_field (f->draft, "author_email", "estadisticas@example.cl");
  pub_draft_set_field (f->draft, "owner_org", "ministerio-de-prueba");
  pub_draft_set_field (f->draft, "visibility", "public");
  pub_draft_set_field (f->draft, "license_id", "cc-by");
  pub_draft_add_tag (f->draft, "educación");
  open_wizard (f);

  g_signal_emit_by_name (wait_button (GTK_WIDGET (f->window), "_Next"), "clicked");
  g_assert_cmpstr (pub_new_dataset_window_get_step (f->window), ==, "resources");
  publish = wait_button (GTK_WIDGET (f->window), "_Publish");
  g_assert_false (gtk_widget_is_sensitive (publish));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (publish), ==,
                   "Add a file or a link first: there is nothing to publish yet.");
  save_screenshot (GTK_WIDGET (f->window), "wizard-publish-needs-data.png");

  pub_draft_add_resource (f->draft, link);
  flush_events ();
  g_assert_true (gtk_widget_is_sensitive (publish));
  g_assert_null (gtk_widget_get_tooltip_text (publish));
}

static AdwComboRow *
license_row (Fixture *f)
{
  PubDatasetMetadataEditor *editor = pub_new_dataset_window_get_metadata_editor (f->window);
  GObject *row = gtk_widget_get_template_child (GTK_WIDGET (editor), PUB_TYPE_DATASET_METADATA_EDITOR,
                                                "license_row");

  g_assert_nonnull (row);
  return ADW_COMBO_ROW (row);
}

static gboolean
portal_licenses_listed (gpointer data)
{
  Fixture *f = data;

  /* The portal's 15, not the 4 known offline. */
  return g_list_model_get_n_items (adw_combo_row_get_model (license_row (f))) > 10;
}

static GtkWidget *
find_label_with_prefix (GtkWidget  *widget,
                        const char *prefix)
{
  if (GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label_with_prefix (c, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The portal's licences: CC BY 4.0 first, then the others datos.gob.cl
 * recommends; opened, each title whole, on as many lines as it needs,
 * with a line that tells the look-alikes apart. */
static void
test_license_list (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const first[] = {
    "Choose…",
    "Creative Commons Attribution",
    "Creative Commons CCZero",
    "Creative Commons Attribution Share-Alike",
    "Open Data Commons Attribution License",
    "Open Data Commons Open Database License (ODbL)",
    "Open Data Commons Public Domain Dedication and License (PDDL)",
  };
  GListModel *model;
  GtkWindow *window;
  GtkWidget *list, *scrolled, *title, *subtitle;

  open_wizard (f);
  iterate_until (portal_licenses_listed, f);
  model = adw_combo_row_get_model (license_row (f));
  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i), ==, first[i]);

  /* The row's own list, in a window of its own: what its popover shows
   * (the popover itself trips a GTK 4.8 critical on Xvfb's monitor-less
   * screen while it is placed). */
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 360, 640);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (model))),
                            g_object_ref (adw_combo_row_get_list_factory (license_row (f))));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_window_set_child (window, scrolled);
  gtk_window_present (window);
  iterate_until (widget_is_mapped, window);
  flush_events ();

  title = find_label_with_prefix (list, "Open Data Commons Public Domain Dedication and License (PDDL)");
  g_assert_nonnull (title);
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (title)));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (title)), ==, PANGO_ELLIPSIZE_NONE);
  /* Whole: on more than one line in this narrow list. */
  g_assert_cmpint (gtk_widget_get_height (title), >, gtk_widget_get_height (find_label_with_prefix (list, "Choose…")));
  subtitle = find_label_with_prefix (list, "CC BY 4.0 · ");
  g_assert_nonnull (subtitle);
  g_assert_true (gtk_widget_get_visible (subtitle));
  g_assert_nonnull (find_label_with_prefix (list, "ODbL · for databases"));
  save_screenshot (GTK_WIDGET (window), "license-list.png");
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/wizard-defaults/one-organization", Fixture, "editor", fixture_setup,
              test_one_organization, fixture_teardown);
  g_test_add ("/wizard-defaults/two-organizations", Fixture, "admin", fixture_setup,
              test_two_organizations, fixture_teardown);
  g_test_add ("/wizard-defaults/license-list", Fixture, "editor", fixture_setup,
              test_license_list, fixture_teardown);
  g_test_add ("/wizard-defaults/publish-needs-data", Fixture, "editor", fixture_setup,
              test_publish_needs_data, fixture_teardown);

  return g_test_run ();
}
