/* test-resource-window.c: a resource's portal services window against the
 * test portal: which parts show, the DataStore load and the validation in
 * each state, reruns followed to their end and stopped. With
 * PUB_SCREENSHOT_DIR set, it saves what it shows as PNGs.
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "ckan-client-datastore.h"
#include "pub-dictionary-row.h"
#include "pub-preview-page.h"
#include "pub-preview-row.h"
#include "pub-resource-window.h"
#include "pub-validation-report-view.h"
#include "resource-test-utils.h"
#include "test-portal.h"
#include "../portal-resource-utils.h"

static const char good_csv[] = "region,anio,valor\nArica,2020,10\nTarapaca,2020,12\n";
static const char broken_csv[] = "region,anio,valor,region\nArica,2020\nTarapaca,2020,12,x,extra\n";

typedef struct {
  PubTestPortal     *portal;
  CkanClient        *client;
  char              *dataset_id;
  PubResourceWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->portal = pub_test_portal_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pub_test_portal_listen (f->portal, 0, &error));
  f->client = ckan_client_new (pub_test_portal_get_url (f->portal), FALSE, &error);
  g_assert_no_error (error);
  ckan_client_set_token (f->client, pub_test_portal_get_token (f->portal, "editor"));
  f->dataset_id = create_dataset (f->client, "servicios-del-recurso");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window)
    gtk_window_destroy (GTK_WINDOW (f->window));
  flush_events ();
  g_free (f->dataset_id);
  g_clear_object (&f->client);
  g_clear_object (&f->portal);
}

static gboolean
window_ready (gpointer data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (data, PUB_TYPE_RESOURCE_WINDOW, "main_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") != 0;
}

static GtkWidget *
part (Fixture    *f,
      const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), PUB_TYPE_RESOURCE_WINDOW, name));
}

static void
open_window (Fixture       *f,
             const char    *resource_id,
             PubDraftStore *drafts)
{
  f->window = pub_resource_window_new (NULL, f->client, f->dataset_id, resource_id, drafts);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate_until (window_ready, f->window);
}

static void
show_part (Fixture    *f,
           const char *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (part (f, "view_stack"));

  adw_view_stack_set_visible_child_name (stack, name);
}

/* Not in the DataStore: it says so and offers to load; loading is
 * followed through running to the rows. */
static void
test_datastore_load (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *id = upload_csv (f->client, f->dataset_id, good_csv, NULL);
  GtkWidget *page;

  open_window (f, id, NULL);
  g_assert_true (pub_resource_window_has_part (f->window, "datastore"));
  g_assert_true (pub_resource_window_has_part (f->window, "validation"));
  g_assert_true (pub_resource_window_has_part (f->window, "ai"));
  page = part (f, "datastore_page");
  show_part (f, "datastore");
  wait_for_text (page, "This resource is not in the DataStore");
  save_screenshot (GTK_WIDGET (f->window), "resource-datastore-none.png");

  /* Long enough for a poll (1 s, then 1.5 s) to see each state. */
  pub_test_portal_set_job_delay (f->portal, 1500);
  click (page, "_Load into the DataStore");
  wait_for_text (page, "Waiting for the portal to load it");
  wait_for_text (page, "Loading into the DataStore…");
  g_assert_true (gtk_widget_get_visible (find_button (page, "_Stop Following")));
  g_assert_false (gtk_widget_is_sensitive (find_button (page, "_Load Again")));
  wait_for_text (page, "Loaded into the DataStore");
  wait_for_text (page, "Rows in the DataStore");
  g_assert_true (shows (page, "Last attempt:"));
  g_assert_true (has_label (page, "2"));
  g_assert_false (gtk_widget_get_visible (find_button (page, "_Stop Following")));
  g_assert_true (gtk_widget_is_sensitive (find_button (page, "_Load Again")));
  save_screenshot (GTK_WIDGET (f->window), "resource-datastore-complete.png");
}

/* A failed load: one sentence, the log behind the expander. */
static void
test_datastore_failed (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = upload_csv (f->client, f->dataset_id, broken_csv, NULL);
  GtkWidget *page;
  AdwExpanderRow *log_row;

  open_window (f, id, NULL);
  page = part (f, "datastore_page");
  show_part (f, "datastore");
  wait_for_text (page, "This resource is not in the DataStore");
  click (page, "_Load into the DataStore");
  wait_for_text (page, "The last load failed");
  g_assert_true (shows (page, "A row has more values than the header has columns. Fix the file and upload it again."));
  log_row = ADW_EXPANDER_ROW (gtk_widget_get_template_child (page, g_type_from_name ("PubDatastorePage"), "log_row"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (log_row)));
  g_assert_false (adw_expander_row_get_expanded (log_row));
  adw_expander_row_set_expanded (log_row, TRUE);
  wait_for_text (page, "Row 3 has more values than the 4 column(s) in the header.");
  save_screenshot (GTK_WIDGET (f->window), "resource-datastore-failed.png");
}

static CkanDatastoreInfo *
read_info (Fixture    *f,
           const char *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CkanDatastoreInfo *info;

  ckan_client_datastore_info_async (f->client, id, NULL, resource_utils_wait_cb, &result);
  info = ckan_client_datastore_info_finish (f->client, resource_utils_wait (&result), &error);
  g_assert_no_error (error);
  return info;
}

/* A load that ends in a Python traceback: one sentence on the page, the
 * traceback only behind the expander. */
static void
test_datastore_traceback (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id = upload_csv (f->client, f->dataset_id, "region,valor\nArica,10\nTarapaca,n/a\n", NULL);
  g_autoptr(CkanDatastoreInfo) info = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page, *log_label;
  AdwExpanderRow *log_row;

  open_window (f, id, NULL);
  page = part (f, "datastore_page");
  wait_for_text (page, "This resource is not in the DataStore");
  click (page, "_Load into the DataStore");
  wait_for_text (page, "Loaded into the DataStore");
  info = read_info (f, id);
  ckan_datastore_field_set_type_override (ckan_datastore_info_get_field (info, "valor"), "numeric");
  ckan_client_datastore_set_dictionary_async (f->client, id, ckan_datastore_info_get_fields (info), NULL,
                                              resource_utils_wait_cb, &result);
  g_assert_true (ckan_client_datastore_set_dictionary_finish (f->client, resource_utils_wait (&result), &error));
  click (page, "_Load Again");
  wait_for_text (page, "The last load failed");
  g_assert_true (shows (page, "A value does not fit its column's type. Check the types in the data dictionary."));
  log_row = ADW_EXPANDER_ROW (gtk_widget_get_template_child (page, g_type_from_name ("PubDatastorePage"), "log_row"));
  log_label = GTK_WIDGET (gtk_widget_get_template_child (page, g_type_from_name ("PubDatastorePage"), "log_label"));
  /* Collapsed: the traceback is not on screen. */
  g_assert_false (adw_expander_row_get_expanded (log_row));
  g_assert_false (shows (page, "Traceback (most recent call last)"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (log_label)), "Traceback (most recent call last)"));
  adw_expander_row_set_expanded (log_row, TRUE);
  wait_for_text (page, "DataError('invalid input syntax for type numeric");
  save_screenshot (GTK_WIDGET (f->window), "resource-datastore-traceback.png");
}

/* Stop Following: the spinner goes, the load goes on on the portal. */
static void
test_datastore_stop_following (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *id = upload_csv (f->client, f->dataset_id, good_csv, NULL);
  GtkWidget *page;

  open_window (f, id, NULL);
  page = part (f, "datastore_page");
  show_part (f, "datastore");
  wait_for_text (page, "This resource is not in the DataStore");
  pub_test_portal_set_job_delay (f->portal, 60000);
  click (page, "_Load into the DataStore");
  wait_for_text (page, "Waiting for the portal to load it");
  save_screenshot (GTK_WIDGET (f->window), "resource-datastore-waiting.png");
  click (page, "_Stop Following");
  flush_events ();
  g_assert_false (gtk_widget_get_visible (find_button (page, "_Stop Following")));
  g_assert_true (gtk_widget_is_sensitive (find_button (page, "_Load Again")));
  g_assert_true (has_label (GTK_WIDGET (f->window), "Stopped following the load; the portal goes on with it"));
}

/* Never validated, then "Validate Again" followed to the report. */
static void
test_validation_rerun (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = upload_csv (f->client, f->dataset_id, broken_csv, NULL);
  GtkWidget *view;

  open_window (f, id, NULL);
  view = part (f, "validation_view");
  show_part (f, "validation");
  wait_for_text (view, "The portal has not validated this resource yet");
  pub_test_portal_set_job_delay (f->portal, 1500);
  click (view, "Validate _Again");
  wait_for_text (view, "The portal has queued the validation");
  g_assert_true (gtk_widget_get_visible (find_button (view, "_Stop Following")));
  wait_for_text (view, "The portal is validating the file");
  wait_for_text (view, "The portal found errors");
  g_assert_true (shows (view, "Validated on"));
  g_assert_false (gtk_widget_get_visible (find_button (view, "_Stop Following")));
  g_assert_true (gtk_widget_is_sensitive (find_button (view, "Validate _Again")));
  save_screenshot (GTK_WIDGET (f->window), "resource-validation-failure.png");
}

/* Stop Following a validation: the spinner goes, the button comes back. */
static void
test_validation_stop_following (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *id = upload_csv (f->client, f->dataset_id, good_csv, NULL);
  GtkWidget *view;

  open_window (f, id, NULL);
  view = part (f, "validation_view");
  show_part (f, "validation");
  wait_for_text (view, "The portal has not validated this resource yet");
  pub_test_portal_set_job_delay (f->portal, 60000);
  click (view, "Validate _Again");
  wait_for_text (view, "The portal has queued the validation");
  save_screenshot (GTK_WIDGET (f->window), "resource-validation-queued.png");
  click (view, "_Stop Following");
  flush_events ();
  g_assert_false (gtk_widget_get_visible (find_button (view, "_Stop Following")));
  g_assert_true (gtk_widget_is_sensitive (find_button (view, "Validate _Again")));
  g_assert_true (has_label (GTK_WIDGET (f->window), "Stopped following the validation; the portal goes on with it"));
}

/* The portal's job broke: said so, with its message. */
static void
test_validation_error (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = upload_csv (f->client, f->dataset_id, good_csv, NULL);
  GtkWidget *view;

  open_window (f, id, NULL);
  view = part (f, "validation_view");
  show_part (f, "validation");
  wait_for_text (view, "The portal has not validated this resource yet");
  pub_test_portal_fail_next_validation (f->portal, "Error reading the file: connection reset");
  click (view, "Validate _Again");
  wait_for_text (view, "The portal could not validate the file");
  g_assert_true (shows (view, "Error reading the file: connection reset"));
  g_assert_true (gtk_widget_is_sensitive (find_button (view, "Validate _Again")));
  save_screenshot (GTK_WIDGET (f->window), "resource-validation-error.png");
}

/* A format the portal does not validate: said in a toast, nothing runs. */
static void
test_validation_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *id = upload_csv (f->client, f->dataset_id, good_csv, "PDF");
  GtkWidget *view;

  open_window (f, id, NULL);
  view = part (f, "validation_view");
  show_part (f, "validation");
  wait_for_text (view, "The portal has not validated this resource yet");
  click (view, "Validate _Again");
  wait_for_text (GTK_WIDGET (f->window), "The portal validates only CSV and Excel files (XLS, XLSX).");
  g_assert_true (gtk_widget_is_sensitive (find_button (view, "Validate _Again")));
}

/* Without xloader and validation, those parts are hidden. */
static void
test_parts_hidden (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *id = upload_csv (f->client, f->dataset_id, good_csv, NULL);

  pub_test_portal_set_extension (f->portal, "validation", FALSE);
  pub_test_portal_set_extension (f->portal, "xloader", FALSE);
  pub_test_portal_set_extension (f->portal, "datastore", FALSE);
  open_window (f, id, NULL);
  g_assert_false (pub_resource_window_has_part (f->window, "datastore"));
  g_assert_false (pub_resource_window_has_part (f->window, "validation"));
  g_assert_true (pub_resource_window_has_part (f->window, "ai"));
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "xloader_status"), ==, 0);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_validation_show"), ==, 0);
}

/* DataStore without a loader: the table, no loading offered. */
static void
test_datastore_without_loader (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *id = upload_csv (f->client, f->dataset_id, good_csv, NULL);
  GtkWidget *page;

  pub_test_portal_set_extension (f->portal, "xloader", FALSE);
  open_window (f, id, NULL);
  g_assert_true (pub_resource_window_has_part (f->window, "datastore"));
  page = part (f, "datastore_page");
  wait_for_text (page, "This resource is not in the DataStore");
  g_assert_false (gtk_widget_get_visible (find_button (page, "_Load into the DataStore")));
}

static void
click_icon (GtkWidget  *root,
            const char *tooltip)
{
  GtkWidget *button = find_icon_button (root, tooltip);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

typedef struct {
  GtkWidget  *page;
  const char *column;
  const char *value;
} FirstCell;

/* The first row's cell, read from the column view's model. */
static gboolean
first_cell_is (gpointer data)
{
  FirstCell *c = data;
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (find_descendant (c->page, GTK_TYPE_COLUMN_VIEW))));
  g_autoptr(PubPreviewRow) row = g_list_model_get_n_items (model) ? g_list_model_get_item (model, 0) : NULL;
  g_autofree char *text = row ? pub_preview_row_dup_text (row, c->column) : NULL;

  return g_strcmp0 (text, c->value) == 0;
}

static char *
months_csv (guint rows)
{
  GString *text = g_string_new ("mes,monto,comuna\n");

  for (guint i = 0; i < rows; i++)
    g_string_append_printf (text, "%u,%u,%s\n", i % 12 + 1, 1000 + i, i % 5 == 0 ? "Arica" : "Iquique");
  return g_string_free (text, FALSE);
}

/* Not loaded: the preview says so and offers to load; once loaded, pages
 * of rows with each column's type, next and previous, sort, filter. */
static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *csv = months_csv (25);
  g_autofree char *id = upload_csv (f->client, f->dataset_id, csv, NULL);
  GtkWidget *page;
  GtkDropDown *sort;
  GListModel *columns;
  g_autoptr(GtkColumnViewColumn) monto = NULL;

  open_window (f, id, NULL);
  g_assert_true (pub_resource_window_has_part (f->window, "preview"));
  page = part (f, "preview_page");
  pub_preview_page_set_page_size (PUB_PREVIEW_PAGE (page), 10);
  show_part (f, "preview");
  wait_for_text (page, "Not in the DataStore");
  save_screenshot (GTK_WIDGET (f->window), "resource-preview-missing.png");
  /* Its button loads, in the DataStore part. */
  click (page, "_Load into the DataStore");
  wait_for_text (part (f, "datastore_page"), "Rows in the DataStore");
  show_part (f, "preview");
  pub_preview_page_reload (PUB_PREVIEW_PAGE (page));
  wait_for_text (page, "Rows 1–10 of 25");

  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (find_descendant (page, GTK_TYPE_COLUMN_VIEW)));
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 3);
  monto = g_list_model_get_item (columns, 1);
  g_assert_cmpstr (gtk_column_view_column_get_title (monto), ==, "monto · Text");
  {
    FirstCell first = { page, "monto", "1000" };

    iterate_until (first_cell_is, &first);
  }
  save_screenshot (GTK_WIDGET (f->window), "resource-preview.png");

  g_assert_false (gtk_widget_is_sensitive (find_icon_button (page, "Previous Rows")));
  click_icon (page, "Next Rows");
  wait_for_text (page, "Rows 11–20 of 25");
  click_icon (page, "Next Rows");
  wait_for_text (page, "Rows 21–25 of 25");
  g_assert_false (gtk_widget_is_sensitive (find_icon_button (page, "Next Rows")));
  click_icon (page, "Previous Rows");
  wait_for_text (page, "Rows 11–20 of 25");
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "datastore_search"), >=, 4);

  /* Sorted by the portal: monto, largest first, from the first page. */
  sort = GTK_DROP_DOWN (find_descendant (page, GTK_TYPE_DROP_DOWN));
  gtk_drop_down_set_selected (sort, 2);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_icon_button (page, "Largest First")), TRUE);
  {
    FirstCell largest = { page, "monto", "1024" };

    iterate_until (first_cell_is, &largest);
    wait_for_text (page, "Rows 1–10 of 25");
  }

  /* Filtered by the portal (q). */
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (page, GTK_TYPE_SEARCH_ENTRY)), "Arica");
  wait_for_text (page, "Rows 1–5 of 5");
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (page, GTK_TYPE_SEARCH_ENTRY)), "Nada");
  wait_for_text (page, "No Rows Match");
}

static gboolean
is_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (data);
}

/* Label, description and type written with datastore_create, read back;
 * the type applies at the next load, which the page offers. A failed save
 * keeps what was typed. */
static void
test_dictionary_round_trip (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *id = upload_csv (f->client, f->dataset_id, good_csv, NULL);
  g_autoptr(CkanDatastoreInfo) saved = NULL;
  g_autoptr(CkanDatastoreInfo) reloaded = NULL;
  GtkWidget *page, *valor, *entry;
  GtkWidget *save;

  open_window (f, id, NULL);
  page = part (f, "dictionary_page");
  show_part (f, "dictionary");
  wait_for_text (page, "Not in the DataStore");
  click (page, "_Load into the DataStore");
  wait_for_text (part (f, "datastore_page"), "Rows in the DataStore");
  show_part (f, "dictionary");
  wait_for_text (page, "valor");
  valor = find_named (page, "valor");
  g_assert_true (PUB_IS_DICTIONARY_ROW (valor));
  save = find_button (page, "_Save");
  g_assert_false (gtk_widget_is_sensitive (save));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (valor), TRUE);
  entry = GTK_WIDGET (gtk_widget_get_template_child (valor, PUB_TYPE_DICTIONARY_ROW, "label_row"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Valor en pesos");
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (valor, PUB_TYPE_DICTIONARY_ROW, "notes_row")),
                         "Monto anual");
  click (valor, "Number");
  g_assert_true (gtk_widget_is_sensitive (save));
  save_screenshot (GTK_WIDGET (f->window), "resource-dictionary-editing.png");

  /* The portal fails once: nothing lost. */
  pub_test_portal_inject_fault (f->portal, "datastore_create", PUB_TEST_FAULT_HTTP_500_JSON, 0, 1);
  click (page, "_Save");
  iterate_until (is_sensitive, save);
  g_assert_true (has_label (GTK_WIDGET (f->window), "The dictionary was not saved: The portal had an internal problem. Wait a few minutes and try again."));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Valor en pesos");

  click (page, "_Save");
  wait_for_text (page, "The new types apply when the file is loaded again");
  saved = read_info (f, id);
  g_assert_cmpstr (ckan_datastore_field_get_label (ckan_datastore_info_get_field (saved, "valor")), ==, "Valor en pesos");
  g_assert_cmpstr (ckan_datastore_field_get_notes (ckan_datastore_info_get_field (saved, "valor")), ==, "Monto anual");
  g_assert_cmpstr (ckan_datastore_field_get_type_override (ckan_datastore_info_get_field (saved, "valor")), ==, "numeric");
  /* Still text until loaded again. */
  g_assert_cmpstr (ckan_datastore_field_get_field_type (ckan_datastore_info_get_field (saved, "valor")), ==, "text");
  /* Read back into the page: nothing left to save. */
  wait_for_text (page, "Valor en pesos · Number");
  save_screenshot (GTK_WIDGET (f->window), "resource-dictionary-saved.png");

  click (page, "_Load Again");
  wait_for_text (part (f, "datastore_page"), "Loaded into the DataStore");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (part (f, "view_stack"))), ==, "datastore");
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    for (;;)
      {
        g_clear_object (&reloaded);
        reloaded = read_info (f, id);
        if (g_strcmp0 (ckan_datastore_field_get_field_type (ckan_datastore_info_get_field (reloaded, "valor")), "numeric") == 0)
          break;
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      }
  }
  g_assert_cmpstr (ckan_datastore_field_get_label (ckan_datastore_info_get_field (reloaded, "valor")), ==, "Valor en pesos");
}

/* The file at hand (a draft published it): the local report beside the
 * portal's, why they differ, and the local score as this computer's. */
static void
test_local_report (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *id = upload_csv (f->client, f->dataset_id, broken_csv, NULL);
  g_autofree char *dir = g_dir_make_tmp ("resource-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "datos.csv", NULL);
  g_autofree char *store_dir = g_build_filename (dir, "drafts", NULL);
  g_autoptr(PubDraftStore) store = NULL;
  g_autoptr(PubDraft) draft = pub_draft_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(PubDraftResource) resource = NULL;
  GtkWidget *view, *ai;

  /* The local copy has one row more than the one on the portal. */
  g_assert_true (g_file_set_contents (path, "region,anio,valor,region\nArica,2020\nTarapaca,2020,12,x,extra\n"
                                            "Antofagasta,2021,3,y\n", -1, NULL));
  g_mkdir (store_dir, 0700);
  store = pub_draft_store_new (store_dir);
  file = g_file_new_for_path (path);
  resource = pub_draft_resource_new_for_file (file);
  pub_draft_resource_set_remote_id (resource, id);
  pub_draft_add_resource (draft, resource);
  pub_draft_store_add (store, draft);

  open_window (f, id, store);
  view = part (f, "validation_view");
  show_part (f, "validation");
  wait_for_text (view, "Errors in the File");
  wait_for_text (view, "The portal has not validated this resource yet");
  click (view, "Validate _Again");
  wait_for_text (view, "The portal found errors");
  wait_for_text (view, "Why the Reports Differ");
  g_assert_true (shows (view, "The portal read 2 rows and this computer 3: the portal may hold another version of the file."));
  save_screenshot (GTK_WIDGET (f->window), "resource-validation-local.png");

  ai = part (f, "ai_view");
  show_part (f, "ai");
  g_assert_true (shows (ai, "Computed on this computer from the local file: the portal shows no AI validation for this resource"));
  g_assert_true (shows (ai, "Quality by Criterion"));
  save_screenshot (GTK_WIDGET (f->window), "resource-ai-local.png");

  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  g_unlink (path);
  remove_tree (dir);
}

/* No local file: the portal's copy is downloaded and checked here. */
static void
test_check_file_here (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id = upload_csv (f->client, f->dataset_id, broken_csv, NULL);
  GtkWidget *view, *ai;

  open_window (f, id, NULL);
  view = part (f, "validation_view");
  show_part (f, "validation");
  wait_for_text (view, "The portal has not validated this resource yet");
  g_assert_true (gtk_widget_get_visible (part (f, "validation_file_bar")));
  save_screenshot (GTK_WIDGET (f->window), "resource-validation-no-file.png");
  click (part (f, "validation_file_bar"), "_Check the File Here");
  wait_for_text (view, "Errors in the File");
  g_assert_false (gtk_widget_get_visible (part (f, "validation_file_bar")));
  click (view, "Validate _Again");
  wait_for_text (view, "Why the Reports Differ");
  ai = part (f, "ai_view");
  g_assert_true (shows (ai, "Computed on this computer from the local file: the portal shows no AI validation for this resource"));
}

/* An AI result on the resource: its score in the same widget, said to be
 * the portal's, with its recommendations. */
static void
test_portal_ai (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *id = upload_csv (f->client, f->dataset_id, good_csv, NULL);
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkanResource) patched = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *ai;

  json_object_set_string_member (changes, "ai_validation",
                                 "{\"puntaje\": 7.5, \"criterios\": {\"estructura\": 9, \"privacidad\": 6},"
                                 " \"recomendaciones\": [{\"texto\": \"x\", \"descripcion\": \"Agregue un diccionario de datos\"},"
                                 " \"Use fechas ISO 8601\"]}");
  ckan_client_resource_patch_async (f->client, id, changes, NULL, resource_utils_wait_cb, &result);
  patched = ckan_client_resource_patch_finish (f->client, resource_utils_wait (&result), &error);
  g_assert_no_error (error);

  open_window (f, id, NULL);
  ai = part (f, "ai_view");
  show_part (f, "ai");
  wait_for_text (ai, "Score from the portal's AI validation");
  g_assert_true (has_label (ai, "7.5"));
  g_assert_true (shows (ai, "Agregue un diccionario de datos"));
  g_assert_true (shows (ai, "Use fechas ISO 8601"));
  g_assert_nonnull (find_named (ai, "structure"));
  g_assert_null (find_named (ai, "coherence"));
  save_screenshot (GTK_WIDGET (f->window), "resource-ai-portal.png");
}

/* A portal with DataPusher instead of xloader: the same part, its actions. */
static void
test_datapusher (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *id = upload_csv (f->client, f->dataset_id, good_csv, NULL);
  GtkWidget *page;

  pub_test_portal_set_extension (f->portal, "xloader", FALSE);
  pub_test_portal_set_extension (f->portal, "datapusher", TRUE);
  open_window (f, id, NULL);
  page = part (f, "datastore_page");
  wait_for_text (page, "This resource is not in the DataStore");
  click (page, "_Load into the DataStore");
  wait_for_text (page, "Loaded into the DataStore");
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "datapusher_submit"), ==, 1);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "xloader_status"), ==, 0);
}

/* A resource that is gone: the error page, and Try Again. */
static void
test_missing_resource (Fixture       *f,
                       gconstpointer  data)
{
  open_window (f, "no-existe", NULL);
  g_assert_true (shows (GTK_WIDGET (f->window), "The resource is no longer on the portal, or your account may not see it."));
  click (GTK_WIDGET (f->window), "_Try Again");
  iterate_until (window_ready, f->window);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_show"), ==, 2);
}

/* A private dataset's resource, for someone outside its organization. */
static void
test_not_allowed (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanDataset) patched = NULL;

  json_object_set_boolean_member (changes, "private", TRUE);
  ckan_client_package_patch_async (f->client, f->dataset_id, changes, NULL, resource_utils_wait_cb, &result);
  patched = ckan_client_package_patch_finish (f->client, resource_utils_wait (&result), &error);
  g_assert_no_error (error);
  id = upload_csv (f->client, f->dataset_id, good_csv, NULL);
  ckan_client_set_token (f->client, pub_test_portal_get_token (f->portal, "outsider"));
  open_window (f, id, NULL);
  g_assert_true (shows (GTK_WIDGET (f->window), "The resource is no longer on the portal, or your account may not see it."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/resource-window/datastore/load", test_datastore_load);
  ADD ("/ui/resource-window/datastore/failed", test_datastore_failed);
  ADD ("/ui/resource-window/datastore/traceback", test_datastore_traceback);
  ADD ("/ui/resource-window/datastore/stop-following", test_datastore_stop_following);
  ADD ("/ui/resource-window/datastore/without-loader", test_datastore_without_loader);
  ADD ("/ui/resource-window/validation/rerun", test_validation_rerun);
  ADD ("/ui/resource-window/validation/refused", test_validation_refused);
  ADD ("/ui/resource-window/validation/error", test_validation_error);
  ADD ("/ui/resource-window/validation/stop-following", test_validation_stop_following);
  ADD ("/ui/resource-window/parts-hidden", test_parts_hidden);
  ADD ("/ui/resource-window/preview", test_preview);
  ADD ("/ui/resource-window/dictionary", test_dictionary_round_trip);
  ADD ("/ui/resource-window/local-report", test_local_report);
  ADD ("/ui/resource-window/portal-ai", test_portal_ai);
  ADD ("/ui/resource-window/check-file-here", test_check_file_here);
  ADD ("/ui/resource-window/datastore/datapusher", test_datapusher);
  ADD ("/ui/resource-window/missing", test_missing_resource);
  ADD ("/ui/resource-window/not-allowed", test_not_allowed);
#undef ADD

  return g_test_run ();
}
