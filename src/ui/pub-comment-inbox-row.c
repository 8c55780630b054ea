/* pub-comment-inbox-row.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-comment.h"
#include "pub-comment-inbox-row.h"
#include "pub-relative-time.h"

struct _PubCommentInboxRow
{
  AdwBin               parent_instance;

  PubCommentInboxItem *item;

  GtkLabel            *title_label;
  GtkLabel            *time_label;
  GtkLabel            *excerpt_label;
  GtkLabel            *count_label;
  GtkWidget           *unanswered_label;
  GtkWidget           *failed_image;
};

G_DEFINE_FINAL_TYPE (PubCommentInboxRow, pub_comment_inbox_row, ADW_TYPE_BIN)

/* One line of the newest comment: its line breaks would only be cut. */
static char *
excerpt (PubCommentInboxItem *item)
{
  const char *name = pub_comment_inbox_item_get_last_author_name (item);
  const char *content = pub_comment_inbox_item_get_last_content (item);
  g_autofree char *text = g_strdup (content ? content : "");

  g_strdelimit (text, "\r\n\t", ' ');
  if (name == NULL || *name == '\0')
    return g_steal_pointer (&text);
  /* TRANSLATORS: the author and the text of the newest comment */
  return g_strdup_printf (_("%s: %s"), name, text);
}

static void
update (PubCommentInboxRow *self)
{
  PubCommentInboxItem *item = self->item;
  gboolean failed = pub_comment_inbox_item_get_status (item) == PUB_COMMENT_INBOX_ITEM_FAILED;
  gboolean unanswered = pub_comment_inbox_item_get_unanswered (item);
  guint n = pub_comment_inbox_item_get_n_comments (item);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = pub_relative_time_format (pub_comment_inbox_item_get_last_activity (item), now);
  g_autofree char *text = pub_comment_inbox_item_get_last_activity (item) || pub_comment_inbox_item_get_last_content (item)
                          ? excerpt (item) : g_strdup (_("The comments could not be loaded"));
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comment", "%u comments", n), n);
  g_autofree char *accessible = NULL;

  gtk_label_set_text (self->title_label, pub_comment_inbox_item_get_dataset_title (item));
  gtk_label_set_text (self->time_label, when ? when : "");
  gtk_label_set_text (self->excerpt_label, text);
  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_visible (self->unanswered_label, unanswered);
  gtk_widget_set_visible (self->failed_image, failed);
  accessible = g_strjoin (", ", pub_comment_inbox_item_get_dataset_title (item),
                          unanswered ? _("Unanswered") : count, text, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
pub_comment_inbox_row_dispose (GObject *object)
{
  PubCommentInboxRow *self = PUB_COMMENT_INBOX_ROW (object);

  pub_comment_inbox_row_set_item (self, NULL);
  /* The bin's child is a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_COMMENT_INBOX_ROW);

  G_OBJECT_CLASS (pub_comment_inbox_row_parent_class)->dispose (object);
}

static void
pub_comment_inbox_row_class_init (PubCommentInboxRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_comment_inbox_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/publicador/Publicador/ui/pub-comment-inbox-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PubCommentInboxRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PubCommentInboxRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, PubCommentInboxRow, excerpt_label);
  gtk_widget_class_bind_template_child (widget_class, PubCommentInboxRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, PubCommentInboxRow, unanswered_label);
  gtk_widget_class_bind_template_child (widget_class, PubCommentInboxRow, failed_image);
}

static void
pub_comment_inbox_row_init (PubCommentInboxRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pub_comment_inbox_row_new (void)
{
  return g_object_new (PUB_TYPE_COMMENT_INBOX_ROW, NULL);
}

void
pub_comment_inbox_row_set_item (PubCommentInboxRow  *self,
                                PubCommentInboxItem *item)
{
  g_return_if_fail (PUB_IS_COMMENT_INBOX_ROW (self));
  g_return_if_fail (item == NULL || PUB_IS_COMMENT_INBOX_ITEM (item));

  if (self->item == item)
    return;
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_set_object (&self->item, item);
  if (item == NULL)
    return;
  g_signal_connect_swapped (item, "notify::thread", G_CALLBACK (update), self);
  g_signal_connect_swapped (item, "notify::status", G_CALLBACK (update), self);
  g_signal_connect_swapped (item, "notify::unanswered", G_CALLBACK (update), self);
  g_signal_connect_swapped (item, "notify::dataset-title", G_CALLBACK (update), self);
  update (self);
}

PubCommentInboxItem *
pub_comment_inbox_row_get_item (PubCommentInboxRow *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX_ROW (self), NULL);
  return self->item;
}
