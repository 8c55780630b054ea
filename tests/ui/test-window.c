/* test-window.c: the main window, its sections, and the windows it opens
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <adwaita.h>

#include "pub-application.h"
#include "pub-window.h"

#include "drafts-test-utils.h"

static PubApplication *app;

static GtkWindow *
find_toplevel_of_type (GType type)
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

static GSettings *
new_settings (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();

  return g_settings_new_with_backend (BASE_APPLICATION_ID, backend);
}

static void
test_window_opens (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  PubWindow *window = pub_window_new (ADW_APPLICATION (app), settings);

  gtk_window_present (GTK_WINDOW (window));
  iterate_until (widget_is_mapped, window);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Publicador");
  /* First run: the drafts are the first thing a person sees. */
  g_assert_cmpstr (pub_window_get_visible_section (window), ==, "drafts");

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_sections_reachable_by_action (void)
{
  static const char *names[] = { "drafts", "datasets", "organization", "comments" };
  g_autoptr(GSettings) settings = new_settings ();
  PubWindow *window = pub_window_new (ADW_APPLICATION (app), settings);

  gtk_window_present (GTK_WINDOW (window));
  iterate_until (widget_is_mapped, window);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *stored = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", names[i]));
      flush_events ();
      g_assert_cmpstr (pub_window_get_visible_section (window), ==, names[i]);
      stored = g_settings_get_string (settings, "last-section");
      g_assert_cmpstr (stored, ==, names[i]);
    }

  /* The section shown last is the one a new window opens on. */
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  window = pub_window_new (ADW_APPLICATION (app), settings);
  g_assert_cmpstr (pub_window_get_visible_section (window), ==, "comments");
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static GtkShortcut *
find_shortcut (GtkWidget       *widget,
               guint            keyval,
               GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods)
            return shortcut;
        }
    }
  return NULL;
}

static void
test_sections_by_keyboard (void)
{
  static const char *names[] = { "drafts", "datasets", "organization", "comments" };
  g_autoptr(GSettings) settings = new_settings ();
  PubWindow *window = pub_window_new (ADW_APPLICATION (app), settings);

  gtk_window_present (GTK_WINDOW (window));
  iterate_until (widget_is_mapped, window);

  /* Ctrl+1…4 are what the shortcuts window promises: find each binding and
   * fire it the way a key press would. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkShortcut *shortcut = find_shortcut (GTK_WIDGET (window), GDK_KEY_1 + i, GDK_CONTROL_MASK);

      g_assert_nonnull (shortcut);
      g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                   GTK_WIDGET (window),
                                                   gtk_shortcut_get_arguments (shortcut)));
      flush_events ();
      g_assert_cmpstr (pub_window_get_visible_section (window), ==, names[i]);
    }

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static GtkWidget *
find_widget_with_class (GtkWidget  *widget,
                        const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_with_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_sidebar_stays_narrow (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  PubWindow *window;
  GtkWidget *list;
  GtkWidget *sidebar;

  g_settings_set (settings, "window-size", "(ii)", 1000, 700);
  window = pub_window_new (ADW_APPLICATION (app), settings);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (widget_is_mapped, window);
  flush_events ();

  /* The content gets the room: an expanding row in the sidebar once
   * pulled it to half the window. */
  list = find_widget_with_class (GTK_WIDGET (window), "navigation-sidebar");
  g_assert_nonnull (list);
  sidebar = gtk_widget_get_ancestor (list, GTK_TYPE_BOX);
  g_assert_nonnull (sidebar);
  g_assert_cmpint (gtk_widget_get_width (sidebar), >=, 240);
  g_assert_cmpint (gtk_widget_get_width (sidebar), <=, 320);

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* The content header's title: the one whose header bar sits above the stack
 * of pages (the sidebar's always says "Publicador"). */
static GtkWidget *
find_content_title (GtkWidget *widget)
{
  if (ADW_IS_WINDOW_TITLE (widget))
    {
      GtkWidget *header = gtk_widget_get_ancestor (widget, ADW_TYPE_HEADER_BAR);
      GtkWidget *box = header != NULL ? gtk_widget_get_parent (header) : NULL;

      if (box != NULL && GTK_IS_STACK (gtk_widget_get_last_child (box)))
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_content_title (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_sidebar_rows_activate (void)
{
  static const struct {
    const char *name;
    const char *title;
  } expected[] = {
    { "datasets", "My Datasets" },
    { "organization", "Organization" },
    { "comments", "Comments" },
    { "drafts", "Drafts" },
  };
  g_autoptr(GSettings) settings = new_settings ();
  PubWindow *window;
  GtkWidget *list;
  GtkWidget *stack;
  GtkWidget *title;

  g_settings_set (settings, "window-size", "(ii)", 1000, 700);
  window = pub_window_new (ADW_APPLICATION (app), settings);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (widget_is_mapped, window);
  flush_events ();

  list = find_widget_with_class (GTK_WIDGET (window), "navigation-sidebar");
  g_assert_nonnull (list);
  title = find_content_title (GTK_WIDGET (window));
  g_assert_nonnull (title);
  stack = gtk_widget_get_last_child (gtk_widget_get_parent (gtk_widget_get_ancestor (title, ADW_TYPE_HEADER_BAR)));
  g_assert_true (GTK_IS_STACK (stack));
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==, "Drafts");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GtkListBoxRow *row = NULL;
      GtkWidget *page;

      for (GtkWidget *child = gtk_widget_get_first_child (list);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (gtk_widget_get_name (child), expected[i].name) == 0)
            row = GTK_LIST_BOX_ROW (child);
        }
      g_assert_nonnull (row);

      /* What a click ends in: the list box selects the row, then emits
       * row-activated, through the row's own activate. */
      gtk_list_box_select_row (GTK_LIST_BOX (list), row);
      g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
      flush_events ();

      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, expected[i].name);
      page = gtk_stack_get_visible_child (GTK_STACK (stack));
      g_assert_true (gtk_widget_get_mapped (page));
      g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==, expected[i].title);
      g_assert_cmpstr (pub_window_get_visible_section (window), ==, expected[i].name);
      if (ADW_IS_STATUS_PAGE (page))
        g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, expected[i].title);

      {
        g_autofree char *shot = g_strdup_printf ("sidebar-%s.png", expected[i].name);
        save_screenshot (GTK_WIDGET (window), shot);
      }
    }

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_about_opens (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  PubWindow *window = pub_window_new (ADW_APPLICATION (app), settings);
  GtkWindow *about;

  gtk_window_present (GTK_WINDOW (window));
  iterate_until (widget_is_mapped, window);

  g_assert_null (find_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  flush_events ();
  about = find_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Publicador");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));

  gtk_window_destroy (about);
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_shortcuts_opens (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  PubWindow *window = pub_window_new (ADW_APPLICATION (app), settings);
  GtkWindow *overlay;

  gtk_window_present (GTK_WINDOW (window));
  iterate_until (widget_is_mapped, window);

  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  flush_events ();
  overlay = find_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_preferences_opens (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  PubWindow *window = pub_window_new (ADW_APPLICATION (app), settings);
  GtkWindow *prefs;

  gtk_window_present (GTK_WINDOW (window));
  iterate_until (widget_is_mapped, window);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  flush_events ();
  prefs = find_toplevel_of_type (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);

  gtk_window_destroy (prefs);
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_window_size_persists (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  PubWindow *window = pub_window_new (ADW_APPLICATION (app), settings);
  int width, height;

  gtk_window_present (GTK_WINDOW (window));
  iterate_until (widget_is_mapped, window);

  gtk_window_set_default_size (GTK_WINDOW (window), 812, 613);
  flush_events ();
  gtk_window_close (GTK_WINDOW (window));
  flush_events ();

  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 812);
  g_assert_cmpint (height, ==, 613);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = pub_window_new (ADW_APPLICATION (app), settings);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 812);
  g_assert_cmpint (height, ==, 613);
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = pub_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  /* Windows keep the application alive between tests. */
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/ui/window/opens", test_window_opens);
  g_test_add_func ("/ui/window/sections-by-action", test_sections_reachable_by_action);
  g_test_add_func ("/ui/window/sections-by-keyboard", test_sections_by_keyboard);
  g_test_add_func ("/ui/window/sidebar-narrow", test_sidebar_stays_narrow);
  g_test_add_func ("/ui/window/sidebar-rows-activate", test_sidebar_rows_activate);
  g_test_add_func ("/ui/window/about", test_about_opens);
  g_test_add_func ("/ui/window/shortcuts", test_shortcuts_opens);
  g_test_add_func ("/ui/window/preferences", test_preferences_opens);
  g_test_add_func ("/ui/window/size-persists", test_window_size_persists);

  ret = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  return ret;
}
