/* dataset-window-test-utils.h: the dataset page tests' fixture: a test
 * portal with a published dataset of two files, and the page open on it
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <string.h>

#include "ckan-client-datasets.h"
#include "ckan-client-resources.h"
#include "drafts-test-utils.h"
#include "pub-dataset-edit.h"
#include "pub-dataset-metadata-editor.h"
#include "pub-dataset-resource-row.h"
#include "pub-dataset-resources-page.h"
#include "pub-dataset-window.h"
#include "test-portal.h"

#define FILE_A "region,casos\nArica,10\nTarapacá,12\n"
#define FILE_B "fecha,valor\n2025-01-01,3.5\n2025-02-01,4.25\n"

typedef struct
{
  char             *dir;
  PubDraftStore    *edits;
  PubTestPortal    *portal;
  CkanClient       *client;      /* the editor */
  CkanClient       *other;       /* the admin, changing things meanwhile */
  char             *dataset_id;
  char             *resource_ids[2];
  PubDatasetWindow *window;
} Fixture;

static inline GAsyncResult *
wait_result (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  return *slot;
}

static inline void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static inline JsonNode *
call (CkanClient *client,
      const char *action,
      const char *json)
{
  g_autoptr(JsonNode) params = json != NULL ? json_from_string (json, NULL) : NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  ckan_client_call_async (client, action, params != NULL ? json_node_get_object (params) : NULL,
                          g_str_has_suffix (action, "_show") ? CKAN_CALL_READ : CKAN_CALL_WRITE,
                          NULL, result_cb, &result);
  node = ckan_client_call_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  return node;
}

static inline char *
upload (Fixture    *f,
        const char *name,
        const char *contents)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkanResource) resource = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  json_object_set_string_member (fields, "package_id", f->dataset_id);
  json_object_set_string_member (fields, "name", name);
  ckan_client_resource_create_upload_async (f->client, fields, file, NULL, NULL, NULL, NULL, NULL,
                                            result_cb, &result);
  resource = ckan_client_resource_create_upload_finish (f->client, wait_result (&result), &error);
  g_assert_no_error (error);
  return g_strdup (ckan_resource_get_id (resource));
}

static inline gboolean
window_ready (gpointer data)
{
  return g_strcmp0 (pub_dataset_window_get_status (data), "loading") != 0;
}

static inline void
open_window (Fixture *f)
{
  g_autofree char *records = g_build_filename (f->dir, "replacements", NULL);

  f->window = pub_dataset_window_new (NULL, f->client, f->dataset_id, f->edits);
  pub_dataset_resources_page_set_records_dir (PUB_DATASET_RESOURCES_PAGE (gtk_widget_get_template_child (
                                                GTK_WIDGET (f->window), PUB_TYPE_DATASET_WINDOW, "resources_page")),
                                              records);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate_until (window_ready, f->window);
  iterate_until (widget_is_mapped, f->window);
}

static inline void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autofree char *edits_dir = NULL;

  f->dir = g_dir_make_tmp ("dataset-window-XXXXXX", NULL);
  edits_dir = g_build_filename (f->dir, "edits", NULL);
  f->edits = pub_draft_store_new (edits_dir);
  pub_draft_store_set_save_delay (f->edits, 20);

  f->portal = pub_test_portal_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pub_test_portal_listen (f->portal, 0, &error));
  f->client = ckan_client_new (pub_test_portal_get_url (f->portal), FALSE, &error);
  ckan_client_set_token (f->client, pub_test_portal_get_token (f->portal, "editor"));
  f->other = ckan_client_new (pub_test_portal_get_url (f->portal), FALSE, &error);
  ckan_client_set_token (f->other, pub_test_portal_get_token (f->portal, "admin"));

  created = call (f->client, "package_create",
                  "{\"name\": \"matricula-2025\", \"title\": \"Matrícula 2025\","
                  " \"notes\": \"Estudiantes por región.\", \"author\": \"Unidad de Estudios\","
                  " \"author_email\": \"estudios@example.cl\", \"license_id\": \"cc-by\","
                  " \"owner_org\": \"ministerio-de-prueba\", \"frequency\": \"1y\","
                  " \"tags\": [{\"name\": \"educación\"}], \"private\": false}");
  f->dataset_id = g_strdup (json_object_get_string_member (json_node_get_object (created), "id"));
  f->resource_ids[0] = upload (f, "regiones.csv", FILE_A);
  f->resource_ids[1] = upload (f, "valores.csv", FILE_B);

  if (data != NULL)
    open_window (f);
}

static inline void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  flush_events ();
  g_clear_object (&f->edits);
  g_clear_object (&f->client);
  g_clear_object (&f->other);
  g_clear_object (&f->portal);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->dataset_id);
  g_free (f->resource_ids[0]);
  g_free (f->resource_ids[1]);
}

static inline GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (found);
  return GTK_WIDGET (found);
}

#define WINDOW_CHILD(f, name) child ((f)->window, PUB_TYPE_DATASET_WINDOW, name)

#define EDITOR_CHILD(f, name) \
  child (WINDOW_CHILD (f, "metadata_editor"), PUB_TYPE_DATASET_METADATA_EDITOR, name)

static inline void
clicked_cb (GtkButton *button,
            gboolean  *clicked)
{
  *clicked = TRUE;
}

static inline gboolean
is_set (gpointer data)
{
  return *(gboolean *) data;
}

/* As a person presses it: shown, sensitive, activated (keyboard or
 * pointer do the same), and its "clicked" waited for. */
static inline void
click (GtkWidget *button)
{
  gboolean clicked = FALSE;
  gulong handler;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  handler = g_signal_connect (button, "clicked", G_CALLBACK (clicked_cb), &clicked);
  /* What it does may take it away (a dialog's response). */
  g_object_add_weak_pointer (G_OBJECT (button), (gpointer *) &button);
  g_assert_true (gtk_widget_activate (button));
  iterate_until (is_set, &clicked);
  if (button != NULL)
    {
      g_signal_handler_disconnect (button, handler);
      g_object_remove_weak_pointer (G_OBJECT (button), (gpointer *) &button);
    }
  flush_events ();
}

static inline const char *
label_text (Fixture    *f,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (WINDOW_CHILD (f, name)));
}

static inline JsonObject *
stored (Fixture *f)
{
  return pub_test_portal_dup_dataset (f->portal, f->dataset_id);
}

static inline GtkWindow *
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

static inline gboolean
message_dialog_shown (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* Presses a message dialog's response by its label. */

static inline void
respond (const char *label)
{
  GtkWindow *dialog;

  iterate_until (message_dialog_shown, NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  click (find_button (GTK_WIDGET (dialog), label));
}

static inline gboolean
saved (gpointer data)
{
  Fixture *f = data;
  g_auto(GStrv) changed = pub_dataset_edit_changed_fields (pub_dataset_window_get_edit_draft (f->window));

  return changed[0] == NULL;
}

static inline gboolean
conflict_resolved (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

/* Someone else changes the description while the title is edited here. */

static inline GtkListBox *
resource_list (Fixture *f)
{
  return pub_dataset_resources_page_get_list (PUB_DATASET_RESOURCES_PAGE (WINDOW_CHILD (f, "resources_page")));
}

static inline const char *
row_id (GtkListBox *list,
        int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  return ckan_resource_get_id (pub_dataset_resource_row_get_resource (PUB_DATASET_RESOURCE_ROW (row)));
}
