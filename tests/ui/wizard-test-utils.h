/* wizard-test-utils.h: the wizard tests' fixture, and how a person fills
 * step one and presses buttons (include it in one test file)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <string.h>

#include "drafts-test-utils.h"
#include "pub-new-dataset-window.h"
#include "pub-tag-editor.h"
#include "test-portal.h"

typedef struct
{
  char                *dir;
  PubDraftStore       *store;
  PubNewDatasetWindow *window;
  PubTestPortal       *portal;
  CkanClient          *client;
} Fixture;

static inline GtkWidget *
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

static inline void
store_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (pub_draft_store_flush_finish (PUB_DRAFT_STORE (object), result, NULL));
  *done = TRUE;
}

static inline gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static inline void
flush_store (PubDraftStore *store)
{
  gboolean done = FALSE;

  pub_draft_store_flush_async (store, NULL, store_done_cb, &done);
  iterate_until (is_true, &done);
}

static inline void
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

static inline void
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

static inline void
type_text (GtkWidget  *editable,
           const char *text)
{
  gtk_widget_grab_focus (editable);
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  flush_events ();
}

static inline void
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

static inline char *
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
static inline gboolean
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
static inline GtkWidget *
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

static inline void
clicked_cb (GtkButton *button,
            gboolean  *clicked)
{
  *clicked = TRUE;
}

/* A person presses it: it must be on screen and sensitive. Activated as
 * the keyboard does, a button shows itself pressed for a moment and then
 * emits "clicked": that is waited for. */
static inline void
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
static inline void
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

static inline char *
write_data_file (const char *dir,
                 const char *name,
                 const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static inline gboolean
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

static inline GtkWidget *
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

static inline GtkWindow *
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

static inline gboolean
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

