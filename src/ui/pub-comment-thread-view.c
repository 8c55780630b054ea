/* pub-comment-thread-view.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-error.h"
#include "pub-comment-row.h"
#include "pub-comment-thread-view.h"

typedef enum {
  COMPOSE_REPLY,
  COMPOSE_EDIT,
} ComposeMode;

struct _PubCommentThreadView
{
  AdwBin               parent_instance;

  PubCommentInbox     *inbox;
  PubCommentInboxItem *item;
  GCancellable        *cancellable;

  ComposeMode          mode;
  char                *target_id;     /* replied to, or edited */
  gboolean             sending;
  /* The portal refused an approval: moderation is not this user's, so
   * the button is not offered again. */
  gboolean             approve_denied;

  GtkLabel            *title_label;
  GtkWidget           *failed_box;
  GtkRevealer         *notice_revealer;
  GtkLabel            *notice_label;
  GtkListBox          *comment_list;
  GtkLabel            *target_label;
  GtkWidget           *cancel_target_button;
  GtkTextView         *text_view;
  GtkButton           *send_button;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (PubCommentThreadView, pub_comment_thread_view, ADW_TYPE_BIN)

static void rebuild (PubCommentThreadView *self);

static char *
describe_error (const GError *error)
{
  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION))
    return g_strdup (_("The portal did not allow it. A comment that is still awaiting moderation can’t be answered until a moderator approves it."));
  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NETWORK) ||
      g_error_matches (error, CKAN_ERROR, CKAN_ERROR_TIMEOUT))
    return g_strdup (_("The portal could not be reached. Your text is kept: check the connection and try again."));
  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND))
    return g_strdup (_("That comment is no longer on the portal. Your text is kept."));
  return g_strdup_printf (_("The portal did not take it (%s). Your text is kept: try again in a moment."),
                          error->message);
}

static char *
get_text (PubCommentThreadView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_send_button (PubCommentThreadView *self)
{
  g_autofree char *text = get_text (self);
  gboolean has_text = g_strstrip (text)[0] != '\0';

  gtk_widget_set_sensitive (GTK_WIDGET (self->send_button),
                            has_text && !self->sending && self->item != NULL &&
                            pub_comment_inbox_item_get_thread (self->item) != NULL);
}

static CkanComment *
find_comment (GPtrArray  *comments,
              const char *id)
{
  for (guint i = 0; comments != NULL && i < comments->len; i++)
    {
      CkanComment *comment = g_ptr_array_index (comments, i);
      CkanComment *found;

      if (g_strcmp0 (ckan_comment_get_id (comment), id) == 0)
        return comment;
      if ((found = find_comment (ckan_comment_get_replies (comment), id)) != NULL)
        return found;
    }
  return NULL;
}

static const char *
user_id (PubCommentThreadView *self)
{
  return pub_account_get_user_id (pub_comment_inbox_get_account (self->inbox));
}

static const char *
author_name (PubCommentThreadView *self,
             CkanComment          *comment)
{
  CkanUser *author = ckan_comment_get_author (comment);

  if (g_strcmp0 (ckan_comment_get_author_id (comment), user_id (self)) == 0)
    return _("yourself");
  if (author != NULL && ckan_user_get_display_name (author) != NULL)
    return ckan_user_get_display_name (author);
  return _("someone");
}

/* By default a reply answers the newest comment that is not the user's. */
static void
find_default_target (PubCommentThreadView  *self,
                     GPtrArray             *comments,
                     CkanComment          **best)
{
  for (guint i = 0; i < comments->len; i++)
    {
      CkanComment *comment = g_ptr_array_index (comments, i);

      if (g_strcmp0 (ckan_comment_get_author_id (comment), user_id (self)) != 0 &&
          (*best == NULL || ckan_comment_get_created_at (*best) == NULL ||
           (ckan_comment_get_created_at (comment) != NULL &&
            g_date_time_compare (ckan_comment_get_created_at (comment), ckan_comment_get_created_at (*best)) >= 0)))
        *best = comment;
      find_default_target (self, ckan_comment_get_replies (comment), best);
    }
}

static void
update_target_label (PubCommentThreadView *self)
{
  CkanCommentThread *thread = self->item ? pub_comment_inbox_item_get_thread (self->item) : NULL;
  CkanComment *target = thread && self->target_id
                        ? find_comment (ckan_comment_thread_get_comments (thread), self->target_id) : NULL;
  g_autofree char *text = NULL;

  if (self->mode == COMPOSE_EDIT)
    text = g_strdup (_("Editing your comment"));
  else if (target != NULL)
    text = g_strdup_printf (_("Replying to %s"), author_name (self, target));
  else
    text = g_strdup (_("New comment"));
  gtk_label_set_text (self->target_label, text);
  gtk_widget_set_visible (self->cancel_target_button, self->mode == COMPOSE_EDIT);
  gtk_button_set_label (self->send_button, self->mode == COMPOSE_EDIT ? _("_Save") : _("_Send"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
reset_composer (PubCommentThreadView *self)
{
  CkanCommentThread *thread = self->item ? pub_comment_inbox_item_get_thread (self->item) : NULL;
  CkanComment *target = NULL;

  self->mode = COMPOSE_REPLY;
  g_clear_pointer (&self->target_id, g_free);
  if (thread != NULL)
    find_default_target (self, ckan_comment_thread_get_comments (thread), &target);
  if (target == NULL)
    target = self->item ? pub_comment_inbox_item_get_last_comment (self->item) : NULL;
  self->target_id = target ? g_strdup (ckan_comment_get_id (target)) : NULL;
  update_target_label (self);
}

static void
show_notice (PubCommentThreadView *self,
             const char           *text)
{
  gtk_label_set_text (self->notice_label, text);
  gtk_revealer_set_reveal_child (self->notice_revealer, TRUE);
}

static void
row_reply_cb (PubCommentRow        *row,
              PubCommentThreadView *self)
{
  self->mode = COMPOSE_REPLY;
  g_free (self->target_id);
  self->target_id = g_strdup (ckan_comment_get_id (pub_comment_row_get_comment (row)));
  update_target_label (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
row_edit_cb (PubCommentRow        *row,
             PubCommentThreadView *self)
{
  CkanComment *comment = pub_comment_row_get_comment (row);

  self->mode = COMPOSE_EDIT;
  g_free (self->target_id);
  self->target_id = g_strdup (ckan_comment_get_id (comment));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            ckan_comment_get_content (comment) ? ckan_comment_get_content (comment) : "", -1);
  update_target_label (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
approve_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PubCommentThreadView) self = user_data;
  g_autoptr(GError) error = NULL;

  g_assert (PUB_IS_COMMENT_THREAD_VIEW (self));
  if (pub_comment_inbox_approve_finish (PUB_COMMENT_INBOX (source), result, &error))
    return;
  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION))
    {
      self->approve_denied = TRUE;
      rebuild (self);
      show_notice (self, _("Only the portal’s moderators can approve comments; organization administrators can’t. "
                         "Ask the portal’s team to approve it. Until then only its author and the moderators see it."));
    }
  else
    {
      g_autofree char *text = describe_error (error);

      show_notice (self, text);
    }
}

static void
row_approve_cb (PubCommentRow        *row,
                PubCommentThreadView *self)
{
  pub_comment_inbox_approve_async (self->inbox, self->item, ckan_comment_get_id (pub_comment_row_get_comment (row)),
                                   self->cancellable, approve_cb, g_object_ref (self));
}

static void
add_rows (PubCommentThreadView *self,
          GPtrArray            *comments,
          guint                 depth,
          GDateTime            *now)
{
  for (guint i = 0; i < comments->len; i++)
    {
      CkanComment *comment = g_ptr_array_index (comments, i);
      GtkWidget *row = pub_comment_row_new (comment, depth,
                                            g_strcmp0 (ckan_comment_get_author_id (comment), user_id (self)) == 0,
                                            !self->approve_denied, now);

      g_signal_connect (row, "reply", G_CALLBACK (row_reply_cb), self);
      g_signal_connect (row, "edit", G_CALLBACK (row_edit_cb), self);
      g_signal_connect (row, "approve", G_CALLBACK (row_approve_cb), self);
      gtk_list_box_append (self->comment_list, row);
      add_rows (self, ckan_comment_get_replies (comment), depth + 1, now);
    }
}

static void
rebuild (PubCommentThreadView *self)
{
  CkanCommentThread *thread = self->item ? pub_comment_inbox_item_get_thread (self->item) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->comment_list))) != NULL)
    gtk_list_box_remove (self->comment_list, child);
  gtk_label_set_text (self->title_label, self->item ? pub_comment_inbox_item_get_dataset_title (self->item) : "");
  gtk_widget_set_visible (self->failed_box, self->item != NULL &&
                          pub_comment_inbox_item_get_status (self->item) == PUB_COMMENT_INBOX_ITEM_FAILED);
  if (thread != NULL)
    add_rows (self, ckan_comment_thread_get_comments (thread), 0, now);
  gtk_widget_set_visible (GTK_WIDGET (self->comment_list), thread != NULL);
  /* Keep what the person chose to answer when the thread refreshes. */
  if (self->target_id == NULL || thread == NULL ||
      find_comment (ckan_comment_thread_get_comments (thread), self->target_id) == NULL)
    reset_composer (self);
  else
    update_target_label (self);
  update_send_button (self);
}

static void
item_changed_cb (PubCommentThreadView *self)
{
  rebuild (self);
}

static void
send_done (PubCommentThreadView *self,
           CkanComment          *comment,
           GError               *error)
{
  self->sending = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->text_view), TRUE);
  if (comment != NULL)
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      reset_composer (self);
    }
  else if (!g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
    {
      g_autofree char *text = describe_error (error);

      /* The text stays in the box; the button offers to send it again. */
      gtk_label_set_text (self->error_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_button_set_label (self->send_button, _("_Retry"));
    }
  update_send_button (self);
}

static void
reply_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PubCommentThreadView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanComment) comment = pub_comment_inbox_reply_finish (PUB_COMMENT_INBOX (source), result, &error);

  g_assert (PUB_IS_COMMENT_THREAD_VIEW (self));
  send_done (self, comment, error);
}

static void
edit_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PubCommentThreadView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanComment) comment = pub_comment_inbox_edit_finish (PUB_COMMENT_INBOX (source), result, &error);

  g_assert (PUB_IS_COMMENT_THREAD_VIEW (self));
  send_done (self, comment, error);
}

static void
send_clicked_cb (PubCommentThreadView *self)
{
  g_autofree char *text = get_text (self);

  if (self->item == NULL || self->sending || g_strstrip (g_strdup (text))[0] == '\0')
    return;
  self->sending = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->text_view), FALSE);
  update_send_button (self);
  if (self->mode == COMPOSE_EDIT)
    pub_comment_inbox_edit_async (self->inbox, self->item, self->target_id, text,
                                  self->cancellable, edit_cb, g_object_ref (self));
  else
    pub_comment_inbox_reply_async (self->inbox, self->item, self->target_id, text,
                                   self->cancellable, reply_cb, g_object_ref (self));
}

static void
cancel_target_clicked_cb (PubCommentThreadView *self)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
  reset_composer (self);
}

static void
retry_clicked_cb (PubCommentThreadView *self)
{
  pub_comment_inbox_refresh_async (self->inbox, self->cancellable, NULL, NULL);
}

static void
close_notice_clicked_cb (PubCommentThreadView *self)
{
  gtk_revealer_set_reveal_child (self->notice_revealer, FALSE);
}

static void
text_changed_cb (PubCommentThreadView *self)
{
  update_send_button (self);
}

static void
pub_comment_thread_view_dispose (GObject *object)
{
  PubCommentThreadView *self = PUB_COMMENT_THREAD_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  pub_comment_thread_view_set_item (self, NULL, NULL);
  /* The bin's child is a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_COMMENT_THREAD_VIEW);

  G_OBJECT_CLASS (pub_comment_thread_view_parent_class)->dispose (object);
}

static void
pub_comment_thread_view_finalize (GObject *object)
{
  PubCommentThreadView *self = PUB_COMMENT_THREAD_VIEW (object);

  g_clear_object (&self->cancellable);
  g_free (self->target_id);

  G_OBJECT_CLASS (pub_comment_thread_view_parent_class)->finalize (object);
}

static void
pub_comment_thread_view_class_init (PubCommentThreadViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_comment_thread_view_dispose;
  object_class->finalize = pub_comment_thread_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/publicador/Publicador/ui/pub-comment-thread-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PubCommentThreadView, title_label);
  gtk_widget_class_bind_template_child (widget_class, PubCommentThreadView, failed_box);
  gtk_widget_class_bind_template_child (widget_class, PubCommentThreadView, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, PubCommentThreadView, notice_label);
  gtk_widget_class_bind_template_child (widget_class, PubCommentThreadView, comment_list);
  gtk_widget_class_bind_template_child (widget_class, PubCommentThreadView, target_label);
  gtk_widget_class_bind_template_child (widget_class, PubCommentThreadView, cancel_target_button);
  gtk_widget_class_bind_template_child (widget_class, PubCommentThreadView, text_view);
  gtk_widget_class_bind_template_child (widget_class, PubCommentThreadView, send_button);
  gtk_widget_class_bind_template_child (widget_class, PubCommentThreadView, error_label);
  gtk_widget_class_bind_template_callback (widget_class, send_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_target_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_notice_clicked_cb);
}

static void
pub_comment_thread_view_init (PubCommentThreadView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  update_send_button (self);
}

GtkWidget *
pub_comment_thread_view_new (void)
{
  return g_object_new (PUB_TYPE_COMMENT_THREAD_VIEW, NULL);
}

void
pub_comment_thread_view_set_item (PubCommentThreadView *self,
                                  PubCommentInbox      *inbox,
                                  PubCommentInboxItem  *item)
{
  g_return_if_fail (PUB_IS_COMMENT_THREAD_VIEW (self));
  g_return_if_fail ((inbox == NULL) == (item == NULL));

  if (self->item == item && self->inbox == inbox)
    return;
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_set_object (&self->inbox, inbox);
  g_set_object (&self->item, item);
  g_clear_pointer (&self->target_id, g_free);
  gtk_revealer_set_reveal_child (self->notice_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (item != NULL)
    {
      g_signal_connect_swapped (item, "notify::thread", G_CALLBACK (item_changed_cb), self);
      g_signal_connect_swapped (item, "notify::status", G_CALLBACK (item_changed_cb), self);
    }
  if (gtk_widget_get_first_child (GTK_WIDGET (self)) != NULL)
    rebuild (self);
}

PubCommentInboxItem *
pub_comment_thread_view_get_item (PubCommentThreadView *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_THREAD_VIEW (self), NULL);
  return self->item;
}
