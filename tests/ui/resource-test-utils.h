/* resource-test-utils.h: reading what the resource window's parts show
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "drafts-test-utils.h"

/* Every visible row title, subtitle and label under `root`, one per line. */
static inline void
collect_visible_text (GtkWidget *root,
                      GString   *out)
{
  if (!gtk_widget_get_visible (root) || !gtk_widget_get_child_visible (root))
    return;
  if (ADW_IS_PREFERENCES_ROW (root))
    g_string_append_printf (out, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)));
  if (ADW_IS_ACTION_ROW (root) && adw_action_row_get_subtitle (ADW_ACTION_ROW (root)))
    g_string_append_printf (out, "%s\n", adw_action_row_get_subtitle (ADW_ACTION_ROW (root)));
  if (ADW_IS_EXPANDER_ROW (root) && adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (root)))
    g_string_append_printf (out, "%s\n", adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (root)));
  if (ADW_IS_STATUS_PAGE (root))
    g_string_append_printf (out, "%s\n%s\n", adw_status_page_get_title (ADW_STATUS_PAGE (root)),
                            adw_status_page_get_description (ADW_STATUS_PAGE (root)) ?: "");
  if (GTK_IS_LABEL (root))
    g_string_append_printf (out, "%s\n", gtk_label_get_label (GTK_LABEL (root)));
  if (GTK_IS_INSCRIPTION (root) && gtk_inscription_get_text (GTK_INSCRIPTION (root)))
    g_string_append_printf (out, "%s\n", gtk_inscription_get_text (GTK_INSCRIPTION (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_visible_text (child, out);
}

static inline char *
visible_text (GtkWidget *root)
{
  GString *out = g_string_new (NULL);

  collect_visible_text (root, out);
  return g_string_free (out, FALSE);
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} ShowsText;

static inline gboolean
shows_text_cb (gpointer data)
{
  ShowsText *s = data;
  g_autofree char *text = visible_text (s->root);

  return strstr (text, s->text) != NULL;
}

/* Runs the main loop until `root` shows `text` (visible), at most 10 s. */
static inline void
wait_for_text (GtkWidget  *root,
               const char *text)
{
  ShowsText s = { root, text };
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!shows_text_cb (&s))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
      if (g_get_monotonic_time () > deadline)
        {
          g_autofree char *shown = visible_text (root);

          g_error ("“%s” not shown after 10 s; shown:\n%s", text, shown);
        }
    }
}

static inline gboolean
shows (GtkWidget  *root,
       const char *text)
{
  g_autofree char *all = visible_text (root);

  return strstr (all, text) != NULL;
}

/* A visible, sensitive button by label; fails when there is none. */
static inline void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = find_button (root, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* An icon button by its tooltip (which is also its accessible label). */
static inline GtkWidget *
find_icon_button (GtkWidget  *widget,
                  const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_icon_button (c, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}
