/* pub-comment-row.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-comment-row.h"
#include "pub-relative-time.h"

/* Deeper replies stop moving right, so long conversations stay readable
 * in a narrow window. */
#define MAX_INDENT_DEPTH 4
#define INDENT 36

struct _PubCommentRow
{
  GtkListBoxRow  parent_instance;

  CkanComment   *comment;

  GtkWidget     *content_box;
  AdwAvatar     *avatar;
  GtkLabel      *author_label;
  GtkLabel      *time_label;
  GtkWidget     *pending_label;
  GtkLabel      *text_label;
  GtkWidget     *edit_button;
  GtkWidget     *approve_button;
};

G_DEFINE_FINAL_TYPE (PubCommentRow, pub_comment_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  REPLY,
  EDIT,
  APPROVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
reply_clicked_cb (PubCommentRow *self)
{
  g_signal_emit (self, signals[REPLY], 0);
}

static void
edit_clicked_cb (PubCommentRow *self)
{
  g_signal_emit (self, signals[EDIT], 0);
}

static void
approve_clicked_cb (PubCommentRow *self)
{
  g_signal_emit (self, signals[APPROVE], 0);
}

static void
pub_comment_row_dispose (GObject *object)
{
  PubCommentRow *self = PUB_COMMENT_ROW (object);

  /* The row's child is a template child: let the row drop it first. */
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_COMMENT_ROW);
  g_clear_object (&self->comment);

  G_OBJECT_CLASS (pub_comment_row_parent_class)->dispose (object);
}

static void
pub_comment_row_class_init (PubCommentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_comment_row_dispose;

  signals[REPLY] = g_signal_new ("reply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[APPROVE] = g_signal_new ("approve", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/publicador/Publicador/ui/pub-comment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PubCommentRow, content_box);
  gtk_widget_class_bind_template_child (widget_class, PubCommentRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, PubCommentRow, author_label);
  gtk_widget_class_bind_template_child (widget_class, PubCommentRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, PubCommentRow, pending_label);
  gtk_widget_class_bind_template_child (widget_class, PubCommentRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, PubCommentRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, PubCommentRow, approve_button);
  gtk_widget_class_bind_template_callback (widget_class, reply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, approve_clicked_cb);
}

static void
pub_comment_row_init (PubCommentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pub_comment_row_new (CkanComment *comment,
                     guint        depth,
                     gboolean     own,
                     gboolean     can_approve,
                     GDateTime   *now)
{
  PubCommentRow *self;
  CkanUser *author;
  const char *name;
  g_autofree char *when = NULL;
  g_autofree char *exact = NULL;
  g_autoptr(GDateTime) local = NULL;
  gboolean draft;

  g_return_val_if_fail (CKAN_IS_COMMENT (comment), NULL);

  self = g_object_new (PUB_TYPE_COMMENT_ROW, NULL);
  self->comment = g_object_ref (comment);
  author = ckan_comment_get_author (comment);
  name = author ? ckan_user_get_display_name (author) : NULL;
  if (own)
    name = _("You");
  else if (name == NULL || *name == '\0')
    name = _("Someone");
  draft = !ckan_comment_is_approved (comment);

  gtk_widget_set_margin_start (self->content_box, 12 + INDENT * MIN (depth, MAX_INDENT_DEPTH));
  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_text (self->author_label, name);
  if (ckan_comment_get_created_at (comment) != NULL)
    {
      when = pub_relative_time_format (ckan_comment_get_created_at (comment), now);
      local = g_date_time_to_local (ckan_comment_get_created_at (comment));
      exact = g_date_time_format (local, "%x %H:%M");
      gtk_label_set_text (self->time_label, when);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_label), exact);
    }
  gtk_widget_set_visible (self->pending_label, draft);
  /* Whatever citizens type is shown as they typed it: never as markup. */
  gtk_label_set_text (self->text_label, ckan_comment_get_content (comment) ? ckan_comment_get_content (comment) : "");
  /* Authors may change a comment only while it awaits moderation. */
  gtk_widget_set_visible (self->edit_button, own && draft);
  gtk_widget_set_visible (self->approve_button, draft && can_approve);
  return GTK_WIDGET (self);
}

CkanComment *
pub_comment_row_get_comment (PubCommentRow *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_ROW (self), NULL);
  return self->comment;
}
