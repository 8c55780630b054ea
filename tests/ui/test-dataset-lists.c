/* test-dataset-lists.c: "My Datasets" and "Organization" against the test
 * portal: the list draws, a filter narrows it, selection mode with its
 * confirmation and Undo, what each role sees, and the offline cache
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <adwaita.h>
#include <string.h>

#include "drafts-test-utils.h"
#include "pub-dataset-cache.h"
#include "pub-dataset-list-view.h"
#include "pub-dataset-row.h"
#include "pub-sign-in.h"
#include "pub-window.h"
#include "test-portal.h"

#define ORG "ministerio-de-prueba"

typedef struct
{
  PubTestPortal     *portal;
  GSettings         *settings;
  PubAccountManager *manager;
  GtkWindow         *window;
  PubDatasetListView *view;
  gint64             before;   /* a count to see change */
} Fixture;

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
result_arrived (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
sign_in (Fixture    *f,
         const char *user)
{
  g_autoptr(GAsyncResult) signed_in = NULL;
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(PubAccount) candidate = NULL;
  g_autoptr(PubAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  const char *token = pub_test_portal_get_token (f->portal, user);

  pub_sign_in_async (pub_test_portal_get_url (f->portal), token, FALSE, 0, NULL, result_cb, &signed_in);
  iterate_until (result_arrived, &signed_in);
  candidate = pub_sign_in_finish (signed_in, &error);
  g_assert_no_error (error);
  /* Session only: these tests are about lists, not the keyring. */
  pub_account_manager_add_async (f->manager, candidate, token, TRUE, NULL, result_cb, &added);
  iterate_until (result_arrived, &added);
  account = pub_account_manager_add_finish (f->manager, added, &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();

  f->portal = pub_test_portal_new (NULL, &error);
  g_assert_no_error (error);
  pub_test_portal_seed_datasets (f->portal, ORG, 300, 3);
  g_assert_true (pub_test_portal_listen (f->portal, 0, &error));
  f->settings = g_settings_new_with_backend (BASE_APPLICATION_ID, backend);
  f->manager = pub_account_manager_new (f->settings);
  sign_in (f, data != NULL ? data : "admin");
}

static void
show_view (Fixture            *f,
           PubDatasetListMode  mode)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 900, 640);
  f->view = PUB_DATASET_LIST_VIEW (pub_dataset_list_view_new (mode, f->manager, f->settings));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  g_object_ref (f->window);
  gtk_window_present (f->window);
  iterate_until (widget_is_mapped, f->window);
}

static void
close_view (Fixture *f)
{
  if (f->window == NULL)
    return;
  gtk_window_destroy (f->window);
  flush_events ();
  g_assert_finalize_object (g_steal_pointer (&f->window));
  f->view = NULL;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  close_view (f);
  g_clear_object (&f->manager);
  g_clear_object (&f->settings);
  g_clear_object (&f->portal);
}

static gpointer
child (gpointer    widget,
       const char *name)
{
  gpointer found = gtk_widget_get_template_child (GTK_WIDGET (widget), PUB_TYPE_DATASET_LIST_VIEW, name);

  g_assert_nonnull (found);
  return found;
}

/* A row with its dataset drawn. */
static gboolean
has_ready_row (gpointer data)
{
  Fixture *f = data;
  GtkWidget *row = find_descendant (GTK_WIDGET (f->view), PUB_TYPE_DATASET_ROW);

  return row != NULL && gtk_widget_get_mapped (row) && pub_dataset_row_get_item (PUB_DATASET_ROW (row)) != NULL &&
         pub_dataset_list_item_get_dataset (pub_dataset_row_get_item (PUB_DATASET_ROW (row))) != NULL;
}

static gboolean
list_settled (gpointer data)
{
  Fixture *f = data;
  PubDatasetList *list = pub_dataset_list_view_get_list (f->view);

  return list != NULL && !pub_dataset_list_get_loading (list) && pub_dataset_list_get_count (list) >= 0 &&
         has_ready_row (f);
}

/* A new first page arrived and the count moved from `before`. */
static gboolean
count_changed (gpointer data)
{
  Fixture *f = data;
  PubDatasetList *list = pub_dataset_list_view_get_list (f->view);

  return list_settled (f) && pub_dataset_list_get_count (list) != f->before;
}

static char *
count_text (guint n)
{
  return g_strdup_printf ("%'u datasets", n);
}

static void
test_list_draws (Fixture       *f,
                 gconstpointer  data)
{
  PubDatasetList *list;
  g_autofree char *text = NULL;
  GtkWidget *row;

  show_view (f, PUB_DATASET_LIST_MODE_ORGANIZATION);
  iterate_until (list_settled, f);
  list = pub_dataset_list_view_get_list (f->view);
  g_assert_cmpint (pub_dataset_list_get_count (list), >=, 300);
  text = count_text (pub_dataset_list_get_count (list));
  g_assert_true (has_label (GTK_WIDGET (f->view), text));
  /* The organization's name in the dropdown, rows with their badges. */
  g_assert_true (has_label (GTK_WIDGET (f->view), "Ministerio de Prueba"));
  row = find_descendant (GTK_WIDGET (f->view), PUB_TYPE_DATASET_ROW);
  g_assert_true (has_label (row, "Public") || has_label (row, "Private"));
  save_screenshot (GTK_WIDGET (f->window), "dataset-list-organization");
  close_view (f);

  show_view (f, PUB_DATASET_LIST_MODE_MINE);
  iterate_until (list_settled, f);
  list = pub_dataset_list_view_get_list (f->view);
  /* The seed alternates editor and admin as creators. */
  g_assert_cmpint (pub_dataset_list_get_count (list), ==, 150);
  g_assert_false (gtk_widget_get_visible (child (f->view, "org_dropdown")));
  g_assert_false (gtk_widget_get_visible (child (f->view, "select_button")));
  save_screenshot (GTK_WIDGET (f->window), "dataset-list-mine");
}

static void
test_filter_narrows (Fixture       *f,
                     gconstpointer  data)
{
  PubDatasetList *list;
  guint all;
  g_autoptr(GPtrArray) loaded = NULL;

  show_view (f, PUB_DATASET_LIST_MODE_ORGANIZATION);
  iterate_until (list_settled, f);
  list = pub_dataset_list_view_get_list (f->view);
  all = pub_dataset_list_get_count (list);

  f->before = all;
  gtk_drop_down_set_selected (child (f->view, "visibility_dropdown"), 2);
  iterate_until (count_changed, f);
  g_assert_cmpint (pub_dataset_list_get_count (list), <, all);
  loaded = pub_dataset_list_dup_loaded (list);
  g_assert_cmpuint (loaded->len, >, 0);
  for (guint i = 0; i < loaded->len; i++)
    g_assert_true (ckan_dataset_get_private (loaded->pdata[i]));
  g_assert_false (has_label (child (f->view, "list_view"), "Public"));
  g_assert_true (has_label (child (f->view, "list_view"), "Private"));

  /* Typing narrows further, after the typing pauses. */
  f->before = pub_dataset_list_get_count (list);
  gtk_editable_set_text (GTK_EDITABLE (child (f->view, "search_entry")), "aire");
  iterate_until (count_changed, f);
  g_assert_cmpint (pub_dataset_list_get_count (list), <, f->before);
  g_assert_cmpstr (pub_dataset_list_get_search_text (list), ==, "aire");
  save_screenshot (GTK_WIDGET (f->window), "dataset-list-filtered");
}

static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
label_shown (gpointer data)
{
  gpointer *pair = data;

  return has_label (pair[0], pair[1]);
}

static void
wait_for_label (GtkWidget  *widget,
                const char *text)
{
  gpointer pair[2] = { widget, (gpointer) text };

  iterate_until (label_shown, pair);
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  flush_events ();
}

/* A GtkToggleButton by its accessible name, which for an icon button is
 * also its tooltip. */
static GtkWidget *
find_toggle (GtkWidget  *widget,
             const char *tooltip)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_toggle (c, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
portal_private (Fixture    *f,
                const char *id)
{
  g_autoptr(JsonObject) dataset = pub_test_portal_dup_dataset (f->portal, id);

  return json_object_get_boolean_member (dataset, "private");
}

/* Select two public rows, make them private after the confirmation, then
 * Undo from the toast. */
static void
test_selection_mode (Fixture       *f,
                     gconstpointer  data)
{
  PubDatasetList *list;
  GtkListView *list_view;
  GtkWidget *select;
  GtkWidget *dialog;
  g_autofree char *ids[2] = { NULL, NULL };
  guint picked = 0;

  show_view (f, PUB_DATASET_LIST_MODE_ORGANIZATION);
  iterate_until (list_settled, f);
  list = pub_dataset_list_view_get_list (f->view);
  list_view = child (f->view, "list_view");

  select = find_toggle (GTK_WIDGET (f->view), "Select Datasets");
  click (select);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (select)));
  g_assert_true (gtk_action_bar_get_revealed (child (f->view, "selection_bar")));
  g_assert_false (gtk_widget_is_sensitive (find_button (GTK_WIDGET (f->view), "Make P_rivate")));

  /* Clicking rows ticks them (the first two public ones). */
  for (guint i = 0; picked < 2 && i < 20; i++)
    {
      g_autoptr(PubDatasetListItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      CkanDataset *dataset = pub_dataset_list_item_get_dataset (item);

      if (ckan_dataset_get_private (dataset) || g_strcmp0 (ckan_dataset_get_state (dataset), "active") != 0)
        continue;
      { gboolean sm; g_object_get (f->view, "selection-mode", &sm, NULL); g_printerr ("DBG sm=%d list=%d\n", sm, pub_dataset_list_view_get_list (f->view) == list); }
      gtk_widget_activate_action (GTK_WIDGET (list_view), "list.activate-item", "u", i);
      flush_events ();
      { gboolean sm; g_object_get (f->view, "selection-mode", &sm, NULL); g_printerr ("DBG after sm=%d list=%d label=%s n=%u i=%u windows=%u\n", sm, pub_dataset_list_view_get_list (f->view) == list, gtk_label_get_label (child (f->view, "selected_label")), g_list_model_get_n_items (G_LIST_MODEL (list)), i, g_list_model_get_n_items (gtk_window_get_toplevels ())); }
      /* The row now shown there: the list may have swapped its cached page
       * for the portal's answer meanwhile, with new items for the same
       * datasets. */
      {
        g_autoptr(PubDatasetListItem) now = g_list_model_get_item (G_LIST_MODEL (list), i);

        g_assert_cmpstr (ckan_dataset_get_id (pub_dataset_list_item_get_dataset (now)), ==,
                         ckan_dataset_get_id (dataset));
        g_assert_true (pub_dataset_list_item_get_selected (now));
      }
      ids[picked++] = g_strdup (ckan_dataset_get_id (dataset));
    }
  g_assert_cmpuint (picked, ==, 2);
  g_assert_true (has_label (GTK_WIDGET (f->view), "2 selected"));

  click (find_button (GTK_WIDGET (f->view), "Make P_rivate"));
  iterate_until (dialog_shown, NULL);
  dialog = GTK_WIDGET (find_dialog ());
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Make 2 Datasets Private?");
  save_screenshot (dialog, "dataset-list-confirm");
  /* Nothing happens before the answer. */
  g_assert_false (portal_private (f, ids[0]));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));

  wait_for_label (GTK_WIDGET (f->view), "2 datasets are now private");
  g_assert_true (portal_private (f, ids[0]));
  g_assert_true (portal_private (f, ids[1]));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (select)));
  save_screenshot (GTK_WIDGET (f->window), "dataset-list-undo-toast");

  click (find_button (GTK_WIDGET (f->view), "_Undo"));
  wait_for_label (GTK_WIDGET (f->view), "Undone: 2 datasets are back as they were");
  g_assert_false (portal_private (f, ids[0]));
  g_assert_false (portal_private (f, ids[1]));
}

/* CKAN 2.11 lets only organization admins bulk-update: an editor sees the
 * selection button disabled with the reason, a member does not see it. */
static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *select;

  show_view (f, PUB_DATASET_LIST_MODE_ORGANIZATION);
  iterate_until (list_settled, f);
  select = child (f->view, "select_button");
  if (g_str_equal (data, "editor"))
    {
      g_assert_true (gtk_widget_get_visible (select));
      g_assert_false (gtk_widget_get_sensitive (select));
      g_assert_cmpstr (gtk_widget_get_tooltip_text (select), ==,
                       "Only administrators of the organization can change many datasets at once");
    }
  else
    {
      g_assert_false (gtk_widget_get_visible (select));
    }
  g_assert_false (gtk_action_bar_get_revealed (child (f->view, "selection_bar")));
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
status_says_offline (gpointer data)
{
  Fixture *f = data;
  GtkWidget *status = child (f->view, "status_box");

  return gtk_widget_get_visible (status) &&
         g_str_has_prefix (gtk_label_get_text (child (f->view, "status_label")), "Offline · updated");
}

/* The list seen last opens at once from the cache when the portal can't be
 * reached, and says so. */
static void
test_offline (Fixture       *f,
              gconstpointer  data)
{
  PubDatasetList *list;
  PubAccount *account;
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;
  gint64 count;

  show_view (f, PUB_DATASET_LIST_MODE_ORGANIZATION);
  iterate_until (list_settled, f);
  count = pub_dataset_list_get_count (pub_dataset_list_view_get_list (f->view));
  account = pub_account_manager_get_current (f->manager);
  key = g_strdup_printf ("org-%s", pub_test_portal_get_org_id (f->portal, ORG));
  path = pub_dataset_cache_path (pub_account_get_portal_url (account), pub_account_get_user_id (account), key);
  close_view (f);
  /* Closing saves what was loaded, in the background. */
  iterate_until (file_exists, path);

  /* The portal is gone: connections are refused. */
  g_clear_object (&f->portal);
  show_view (f, PUB_DATASET_LIST_MODE_ORGANIZATION);
  /* The rows from the cache come first, while the client still retries. */
  iterate_until (has_ready_row, f);
  g_assert_true (has_label (GTK_WIDGET (f->view), "Updating… · saved just now"));
  {
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    while (!status_says_offline (f))
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, TRUE);
      }
  }
  list = pub_dataset_list_view_get_list (f->view);
  g_assert_true (pub_dataset_list_get_from_cache (list));
  g_assert_cmpint (pub_dataset_list_get_count (list), ==, count);
  g_assert_true (has_ready_row (f));
  save_screenshot (GTK_WIDGET (f->window), "dataset-list-offline");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/dataset-lists/draws", Fixture, NULL, fixture_setup, test_list_draws, fixture_teardown);
  g_test_add ("/dataset-lists/filter-narrows", Fixture, NULL, fixture_setup, test_filter_narrows, fixture_teardown);
  g_test_add ("/dataset-lists/selection-mode", Fixture, NULL, fixture_setup, test_selection_mode, fixture_teardown);
  g_test_add ("/dataset-lists/roles/editor", Fixture, "editor", fixture_setup, test_roles, fixture_teardown);
  g_test_add ("/dataset-lists/roles/member", Fixture, "member", fixture_setup, test_roles, fixture_teardown);
  g_test_add ("/dataset-lists/offline", Fixture, NULL, fixture_setup, test_offline, fixture_teardown);

  return g_test_run ();
}
