/* pub-window.c: the main window, a sidebar of sections beside their content
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-accessible.h"
#include "pub-account-switcher.h"
#include "pub-dataset-list-view.h"
#include "pub-comments-view.h"
#include "pub-drafts-view.h"
#include "pub-new-dataset-window.h"
#include "pub-window.h"

struct _PubWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkStack             *stack;
  AdwWindowTitle       *content_title;
  GtkWidget            *primary_menu_button;
};

G_DEFINE_FINAL_TYPE (PubWindow, pub_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_VISIBLE_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *name;
  const char *icon_name;
  const char *title;
  const char *description;
  GtkWidget *(*create_page) (void);
} PubSection;

/* Until a section's own issue fills it, its page says plainly what will be
 * there, so nobody mistakes an empty list for lost work. */
static const PubSection sections[] = {
  {
    "drafts", "document-edit-symbolic", N_("Drafts"),
    N_("Datasets you are preparing are kept here, saved on this computer as you type. "
       "You can work without a connection and publish when you are ready."),
    pub_drafts_view_new_for_window,
  },
  {
    "datasets", "folder-documents-symbolic", N_("My Datasets"),
    N_("The datasets you have published on the portal will be listed here, "
       "public and private, so you can edit them and their files."),
    pub_dataset_list_view_new_mine,
  },
  {
    "organization", "system-users-symbolic", N_("Organization"),
    N_("Organization administrators will see every dataset of their organization here, "
       "and make many public, private or deleted in one step."),
    pub_dataset_list_view_new_organization,
  },
  {
    "comments", "chat-message-new-symbolic", N_("Comments"),
    N_("Comments that people leave on your organization's datasets will gather here, "
       "unanswered ones first, so you can reply to them."),
    pub_comments_view_new_for_window,
  },
};

static const PubSection *
find_section (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      if (g_strcmp0 (sections[i].name, name) == 0)
        return &sections[i];
    }
  return NULL;
}

static GtkWidget *
create_sidebar_row (const PubSection *section)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (section->icon_name);
  GtkWidget *label = gtk_label_new (_(section->title));
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_set_name (row, section->name);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_visible (count, FALSE);
  gtk_widget_add_css_class (count, "section-count");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(section->title),
                                  -1);
  return row;
}

/* A page with a "count" property (unanswered comments) shows it beside its
 * row, the last child of the row's box. */
static void
page_count_cb (GtkWidget     *page,
               GParamSpec    *pspec,
               GtkListBoxRow *row)
{
  GtkWidget *count = gtk_widget_get_last_child (gtk_list_box_row_get_child (row));
  const char *title = gtk_label_get_text (GTK_LABEL (gtk_widget_get_prev_sibling (count)));
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;
  guint n = 0;

  g_object_get (page, "count", &n, NULL);
  text = g_strdup_printf ("%u", n);
  gtk_label_set_text (GTK_LABEL (count), text);
  gtk_widget_set_visible (count, n > 0);
  /* TRANSLATORS: a sidebar section and how many of its items wait, "Comments, 3 waiting" */
  accessible = n > 0 ? g_strdup_printf (_("%s, %u waiting"), title, n) : g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static GtkWidget *
create_placeholder_page (const PubSection *section)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), section->icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _(section->title));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), _(section->description));
  return page;
}

static GtkListBoxRow *
find_sidebar_row (PubWindow  *self,
                  const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return GTK_LIST_BOX_ROW (child);
    }
  return NULL;
}

void
pub_window_show_section (PubWindow  *self,
                         const char *name)
{
  const PubSection *section;
  GtkListBoxRow *row;

  g_return_if_fail (PUB_IS_WINDOW (self));

  section = find_section (name);
  if (section == NULL)
    {
      g_warning ("Unknown section “%s”", name);
      return;
    }

  row = find_sidebar_row (self, section->name);
  if (gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);

  gtk_stack_set_visible_child_name (self->stack, section->name);
  adw_window_title_set_title (self->content_title, _(section->title));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  g_settings_set_string (self->settings, "last-section", section->name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_SECTION]);
}

const char *
pub_window_get_visible_section (PubWindow *self)
{
  g_return_val_if_fail (PUB_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
pub_window_get_section_page (PubWindow  *self,
                             const char *name)
{
  g_return_val_if_fail (PUB_IS_WINDOW (self), NULL);

  return gtk_stack_get_child_by_name (self->stack, name);
}

GSettings *
pub_window_get_settings (PubWindow *self)
{
  g_return_val_if_fail (PUB_IS_WINDOW (self), NULL);

  return self->settings;
}

void
pub_window_add_toast (PubWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (PUB_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
pub_window_set_section_count (PubWindow  *self,
                              const char *name,
                              gint64      count)
{
  const PubSection *section = find_section (name);
  GtkListBoxRow *row = find_sidebar_row (self, name);
  GtkWidget *box;
  GtkWidget *label = NULL;
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  g_return_if_fail (PUB_IS_WINDOW (self));
  g_return_if_fail (section != NULL && row != NULL);

  box = gtk_list_box_row_get_child (row);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "section-count"))
      label = child;
  if (label == NULL)
    {
      label = gtk_label_new (NULL);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_halign (label, GTK_ALIGN_END);
      gtk_widget_add_css_class (label, "section-count");
      gtk_box_append (GTK_BOX (box), label);
    }
  text = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_visible (label, count > 0);
  gtk_widget_set_tooltip_text (label, count > 0 ? g_dngettext (GETTEXT_PACKAGE, "Overdue dataset", "Overdue datasets", count) : NULL);
  /* Translators: a section's name and how many of its datasets are overdue */
  accessible = count > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s overdue", "%s, %s overdue", count),
                                            _(section->title), text)
                         : g_strdup (_(section->title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

void
pub_window_show_overdue (PubWindow *self)
{
  GtkWidget *view;

  g_return_if_fail (PUB_IS_WINDOW (self));

  pub_window_show_section (self, "datasets");
  view = gtk_stack_get_child_by_name (self->stack, "datasets");
  if (PUB_IS_DATASET_LIST_VIEW (view))
    pub_dataset_list_view_show_overdue (PUB_DATASET_LIST_VIEW (view));
}

static void
sidebar_row_activated_cb (GtkListBox    *list,
                          GtkListBoxRow *row,
                          PubWindow     *self)
{
  g_assert (PUB_IS_WINDOW (self));

  pub_window_show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  pub_window_show_section (PUB_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PubWindow *self = PUB_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
save_window_state (PubWindow *self)
{
  int width = 0;
  int height = 0;
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  /* A maximized window's size is the screen's: keep the last normal size. */
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set (self->settings, "window-size", "(ii)", width, height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
}

static gboolean
pub_window_close_request (GtkWindow *window)
{
  save_window_state (PUB_WINDOW (window));

  return GTK_WINDOW_CLASS (pub_window_parent_class)->close_request (window);
}

static void
benchmark_after_paint_cb (GdkFrameClock *frame_clock,
                          PubWindow     *self)
{
  g_assert (PUB_IS_WINDOW (self));

  g_signal_handlers_disconnect_by_func (frame_clock, benchmark_after_paint_cb, self);
  /* Wall-clock time, so the benchmark script can subtract its launch time. */
  g_print ("first-frame-realtime-us %" G_GINT64_FORMAT "\n", g_get_real_time ());
}

static void
benchmark_map_cb (PubWindow *self)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_assert (PUB_IS_WINDOW (self));

  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (benchmark_after_paint_cb), self);
}

static void
pub_window_constructed (GObject *object)
{
  PubWindow *self = PUB_WINDOW (object);
  g_autofree char *last_section = NULL;
  int width, height;

  G_OBJECT_CLASS (pub_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (BASE_APPLICATION_ID);

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  last_section = g_settings_get_string (self->settings, "last-section");
  pub_window_show_section (self, find_section (last_section) ? last_section : sections[0].name);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);

  /* benchmarks/startup.sh measures launch to first frame through this. */
  if (g_getenv ("PUBLICADOR_BENCHMARK") != NULL)
    g_signal_connect (self, "map", G_CALLBACK (benchmark_map_cb), NULL);
}

static void
pub_window_dispose (GObject *object)
{
  PubWindow *self = PUB_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_WINDOW);

  G_OBJECT_CLASS (pub_window_parent_class)->dispose (object);
}

static void
pub_window_finalize (GObject *object)
{
  PubWindow *self = PUB_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pub_window_parent_class)->finalize (object);
}

static void
pub_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PubWindow *self = PUB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_VISIBLE_SECTION:
      g_value_set_string (value, pub_window_get_visible_section (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PubWindow *self = PUB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_VISIBLE_SECTION:
      pub_window_show_section (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_window_class_init (PubWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = pub_window_constructed;
  object_class->dispose = pub_window_dispose;
  object_class->finalize = pub_window_finalize;
  object_class->get_property = pub_window_get_property;
  object_class->set_property = pub_window_set_property;

  window_class->close_request = pub_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VISIBLE_SECTION] =
    g_param_spec_string ("visible-section", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PUB_TYPE_ACCOUNT_SWITCHER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/publicador/Publicador/ui/pub-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PubWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PubWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PubWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, PubWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PubWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, PubWindow, primary_menu_button);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.new-dataset", NULL, pub_new_dataset_window_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-dataset", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-section", "s", sections[i].name);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.go-back", NULL);
}

static void
pub_window_init (PubWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The menu button's own inner button is what takes focus. */
  pub_accessible_name_inner_buttons (self->primary_menu_button, _("Main Menu"));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *row = create_sidebar_row (&sections[i]);
      GtkWidget *page = sections[i].create_page ? sections[i].create_page ()
                                                : create_placeholder_page (&sections[i]);

      gtk_list_box_append (self->sidebar_list, row);
      gtk_stack_add_named (self->stack, page, sections[i].name);
      if (g_object_class_find_property (G_OBJECT_GET_CLASS (page), "count") != NULL)
        {
          g_signal_connect_object (page, "notify::count", G_CALLBACK (page_count_cb), row, 0);
          page_count_cb (page, NULL, GTK_LIST_BOX_ROW (row));
        }
    }

#if DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

PubWindow *
pub_window_new (AdwApplication *application,
                GSettings      *settings)
{
  return g_object_new (PUB_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       NULL);
}
