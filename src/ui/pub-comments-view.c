/* pub-comments-view.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-error.h"
#include "pub-application.h"
#include "pub-comment-inbox-row.h"
#include "pub-comment-thread-view.h"
#include "pub-comments-view.h"
#include "pub-relative-time.h"

/* Often enough that an answer goes out the same morning, rarely enough
 * that hundreds of datasets don't keep the portal busy. */
#define REFRESH_INTERVAL_SECONDS (5 * 60)

struct _PubCommentsView
{
  AdwBin              parent_instance;

  PubAccountManager  *manager;
  PubCommentInbox    *inbox;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GCancellable       *cancellable;
  GError             *refresh_error;
  guint               age_timeout_id;

  gboolean            reading_cache;

  GtkStack           *main_stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *error_page;
  GtkStack           *inner_stack;
  GtkToggleButton    *unanswered_button;
  GtkLabel           *age_label;
  GtkStack           *list_stack;
  GtkListView        *inbox_list;
  AdwStatusPage      *empty_page;
  PubCommentThreadView *thread_view;
};

G_DEFINE_FINAL_TYPE (PubCommentsView, pub_comments_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_age (PubCommentsView *self)
{
  GDateTime *updated = self->inbox ? pub_comment_inbox_get_updated_at (self->inbox) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = updated ? pub_relative_time_format (updated, now) : NULL;
  g_autofree char *text = NULL;

  if (self->inbox != NULL && pub_comment_inbox_get_refreshing (self->inbox))
    text = g_strdup (_("Updating…"));
  else if (self->refresh_error != NULL && when != NULL)
    /* TRANSLATORS: %s is a relative time such as "3 hours ago" */
    text = g_strdup_printf (_("No connection to the portal. Showing what was saved %s"), when);
  else if (when != NULL)
    /* TRANSLATORS: %s is a relative time such as "5 minutes ago" */
    text = g_strdup_printf (_("Updated %s"), when);
  gtk_label_set_text (self->age_label, text ? text : "");
}

static void
update_page (PubCommentsView *self)
{
  gboolean only_unanswered = gtk_toggle_button_get_active (self->unanswered_button);
  guint n_items = self->inbox ? g_list_model_get_n_items (G_LIST_MODEL (self->inbox)) : 0;
  guint n_shown = self->filtered ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;
  gboolean refreshing = self->inbox && pub_comment_inbox_get_refreshing (self->inbox);
  gboolean known = self->inbox && pub_comment_inbox_get_updated_at (self->inbox) != NULL;

  update_age (self);
  if (self->inbox == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "no-account");
  else if (pub_comment_inbox_get_support (self->inbox) == PUB_COMMENT_INBOX_SUPPORT_UNSUPPORTED)
    gtk_stack_set_visible_child_name (self->main_stack, "unsupported");
  else if (n_items == 0 && !known && self->refresh_error != NULL && !refreshing)
    gtk_stack_set_visible_child_name (self->main_stack, "error");
  else if (n_items == 0 && !known)
    gtk_stack_set_visible_child_name (self->main_stack, "loading");
  else
    gtk_stack_set_visible_child_name (self->main_stack, "inbox");
  /* Reading the cache takes a few milliseconds: a spinner's frames would
   * only compete with it. */
  gtk_spinner_set_spinning (self->spinner,
                            g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "loading") == 0 &&
                            !self->reading_cache);

  if (n_shown > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    {
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      if (refreshing)
        {
          adw_status_page_set_title (self->empty_page, _("Looking for comments…"));
          adw_status_page_set_description (self->empty_page, _("Threads appear here as they arrive."));
        }
      else if (only_unanswered && n_items > 0)
        {
          adw_status_page_set_title (self->empty_page, _("Everything Answered"));
          adw_status_page_set_description (self->empty_page, _("Every comment on your organization’s datasets has an answer."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Comments Yet"));
          adw_status_page_set_description (self->empty_page, _("When someone comments on your organization’s datasets, it shows here."));
        }
    }
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  PubCommentsView *self = user_data;

  return !gtk_toggle_button_get_active (self->unanswered_button) ||
         pub_comment_inbox_item_get_unanswered (item) ||
         pub_comment_inbox_item_get_status (item) == PUB_COMMENT_INBOX_ITEM_FAILED;
}

static void
setup_row_cb (GtkListItemFactory *factory,
              GtkListItem        *list_item)
{
  gtk_list_item_set_child (list_item, pub_comment_inbox_row_new ());
}

static void
bind_row_cb (GtkListItemFactory *factory,
             GtkListItem        *list_item)
{
  pub_comment_inbox_row_set_item (PUB_COMMENT_INBOX_ROW (gtk_list_item_get_child (list_item)),
                                  gtk_list_item_get_item (list_item));
}

static void
unbind_row_cb (GtkListItemFactory *factory,
               GtkListItem        *list_item)
{
  pub_comment_inbox_row_set_item (PUB_COMMENT_INBOX_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
refilter (PubCommentsView *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_page (self);
}

static void
count_changed_cb (PubCommentsView *self)
{
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

static void
refresh_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PubCommentsView) self = user_data;
  g_autoptr(GError) error = NULL;

  g_assert (PUB_IS_COMMENTS_VIEW (self));
  if (!pub_comment_inbox_refresh_finish (PUB_COMMENT_INBOX (source), result, &error) &&
      g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
    return;
  if (PUB_COMMENT_INBOX (source) != self->inbox)
    return;
  g_clear_error (&self->refresh_error);
  self->refresh_error = g_steal_pointer (&error);
  if (self->refresh_error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The portal could not be reached (%s). Check the connection and try again."),
                                               self->refresh_error->message);

      adw_status_page_set_description (self->error_page, text);
    }
  update_page (self);
}

static void
refresh (PubCommentsView *self)
{
  if (self->inbox == NULL || pub_account_get_state (pub_comment_inbox_get_account (self->inbox)) != PUB_ACCOUNT_STATE_READY)
    return;
  pub_comment_inbox_refresh_async (self->inbox, self->cancellable, refresh_cb, g_object_ref (self));
  update_page (self);
}

static void
account_state_cb (PubCommentsView *self)
{
  if (self->inbox != NULL && !pub_comment_inbox_get_refreshing (self->inbox) &&
      pub_comment_inbox_get_updated_at (self->inbox) == NULL)
    refresh (self);
}

static void
cache_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PubCommentsView) self = user_data;
  g_autoptr(GError) error = NULL;

  g_assert (PUB_IS_COMMENTS_VIEW (self));
  pub_comment_inbox_load_cache_finish (PUB_COMMENT_INBOX (source), result, &error);
  if (PUB_COMMENT_INBOX (source) != self->inbox)
    return;
  self->reading_cache = FALSE;
  update_page (self);
  refresh (self);
}

static char *
notification_body (PubCommentInboxItem *item)
{
  CkanComment *last = pub_comment_inbox_item_get_last_comment (item);
  const char *text = last ? ckan_comment_get_content (last) : NULL;

  if (text == NULL)
    return NULL;
  return g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 200));
}

static void
new_comments_cb (PubCommentsView     *self,
                 PubCommentInboxItem *item,
                 guint                n)
{
  GApplication *app = g_application_get_default ();
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = notification_body (item);
  g_autofree char *id = NULL;

  if (app == NULL)
    return;
  if (n == 1)
    title = g_strdup_printf (_("New comment on “%s”"), pub_comment_inbox_item_get_dataset_title (item));
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new comment on “%s”", "%u new comments on “%s”", n),
                             n, pub_comment_inbox_item_get_dataset_title (item));
  notification = g_notification_new (title);
  if (body != NULL)
    g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.open-comment-thread", "s",
                                                pub_comment_inbox_item_get_dataset_id (item));
  id = g_strconcat ("comments-", pub_comment_inbox_item_get_dataset_id (item), NULL);
  g_application_send_notification (app, id, notification);
}

static void
show_thread (PubCommentsView     *self,
             PubCommentInboxItem *item)
{
  pub_comment_thread_view_set_item (self->thread_view, self->inbox, item);
  gtk_stack_set_visible_child_name (self->inner_stack, "thread");
}

static void
row_activated_cb (PubCommentsView *self,
                  guint            position)
{
  g_autoptr(PubCommentInboxItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (item != NULL)
    show_thread (self, item);
}

static void
back_clicked_cb (PubCommentsView *self)
{
  gtk_stack_set_visible_child_name (self->inner_stack, "list");
}

static void
refresh_clicked_cb (PubCommentsView *self)
{
  refresh (self);
}

static void
filter_toggled_cb (PubCommentsView *self)
{
  refilter (self);
}

static gboolean
age_tick_cb (gpointer user_data)
{
  update_age (user_data);
  return G_SOURCE_CONTINUE;
}

void
pub_comments_view_set_inbox (PubCommentsView *self,
                             PubCommentInbox *inbox)
{
  g_return_if_fail (PUB_IS_COMMENTS_VIEW (self));
  g_return_if_fail (inbox == NULL || PUB_IS_COMMENT_INBOX (inbox));

  if (self->inbox == inbox)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_error (&self->refresh_error);
  self->reading_cache = FALSE;
  pub_comment_thread_view_set_item (self->thread_view, NULL, NULL);
  gtk_stack_set_visible_child_name (self->inner_stack, "list");
  if (self->inbox != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->inbox, self);
      g_signal_handlers_disconnect_by_data (pub_comment_inbox_get_account (self->inbox), self);
      pub_comment_inbox_set_auto_refresh (self->inbox, NULL, 0);
    }
  g_set_object (&self->inbox, inbox);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (inbox));
  if (inbox != NULL)
    {
      g_signal_connect_swapped (inbox, "items-changed", G_CALLBACK (update_page), self);
      g_signal_connect_swapped (inbox, "notify::support", G_CALLBACK (update_page), self);
      g_signal_connect_swapped (inbox, "notify::refreshing", G_CALLBACK (update_page), self);
      g_signal_connect_swapped (inbox, "notify::updated-at", G_CALLBACK (update_page), self);
      g_signal_connect_swapped (inbox, "notify::unanswered-count", G_CALLBACK (count_changed_cb), self);
      g_signal_connect_swapped (inbox, "new-comments", G_CALLBACK (new_comments_cb), self);
      g_signal_connect_swapped (pub_comment_inbox_get_account (inbox), "notify::state",
                                G_CALLBACK (account_state_cb), self);
      pub_comment_inbox_set_auto_refresh (inbox, NULL, REFRESH_INTERVAL_SECONDS);
      self->reading_cache = TRUE;
      pub_comment_inbox_load_cache_async (inbox, self->cancellable, cache_loaded_cb, g_object_ref (self));
    }
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

static void
current_account_cb (PubCommentsView *self)
{
  PubAccount *account = pub_account_manager_get_current (self->manager);
  g_autoptr(PubCommentInbox) inbox = account ? pub_comment_inbox_new (account, NULL) : NULL;

  pub_comments_view_set_inbox (self, inbox);
}

void
pub_comments_view_set_account_manager (PubCommentsView   *self,
                                       PubAccountManager *manager)
{
  g_return_if_fail (PUB_IS_COMMENTS_VIEW (self));

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_set_object (&self->manager, manager);
  if (manager != NULL)
    {
      g_signal_connect_swapped (manager, "notify::current-account", G_CALLBACK (current_account_cb), self);
      current_account_cb (self);
    }
}

PubCommentInbox *
pub_comments_view_get_inbox (PubCommentsView *self)
{
  g_return_val_if_fail (PUB_IS_COMMENTS_VIEW (self), NULL);
  return self->inbox;
}

void
pub_comments_view_open_thread (PubCommentsView *self,
                               const char      *dataset_id)
{
  PubCommentInboxItem *item;

  g_return_if_fail (PUB_IS_COMMENTS_VIEW (self));

  item = self->inbox ? pub_comment_inbox_find (self->inbox, dataset_id) : NULL;
  if (item != NULL)
    show_thread (self, item);
}

guint
pub_comments_view_get_count (PubCommentsView *self)
{
  g_return_val_if_fail (PUB_IS_COMMENTS_VIEW (self), 0);
  return self->inbox ? pub_comment_inbox_get_unanswered_count (self->inbox) : 0;
}

static void
pub_comments_view_dispose (GObject *object)
{
  PubCommentsView *self = PUB_COMMENTS_VIEW (object);

  g_clear_handle_id (&self->age_timeout_id, g_source_remove);
  pub_comments_view_set_account_manager (self, NULL);
  pub_comments_view_set_inbox (self, NULL);
  g_cancellable_cancel (self->cancellable);
  if (self->inbox_list != NULL)
    gtk_list_view_set_model (self->inbox_list, NULL);
  /* The bin's child is a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_COMMENTS_VIEW);
  g_clear_object (&self->filtered);

  G_OBJECT_CLASS (pub_comments_view_parent_class)->dispose (object);
}

static void
pub_comments_view_finalize (GObject *object)
{
  PubCommentsView *self = PUB_COMMENTS_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_error (&self->refresh_error);

  G_OBJECT_CLASS (pub_comments_view_parent_class)->finalize (object);
}

static void
pub_comments_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_COUNT: g_value_set_uint (value, pub_comments_view_get_count (PUB_COMMENTS_VIEW (object))); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_comments_view_class_init (PubCommentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_comments_view_dispose;
  object_class->finalize = pub_comments_view_finalize;
  object_class->get_property = pub_comments_view_get_property;

  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PUB_TYPE_COMMENT_THREAD_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/publicador/Publicador/ui/pub-comments-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PubCommentsView, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PubCommentsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, PubCommentsView, error_page);
  gtk_widget_class_bind_template_child (widget_class, PubCommentsView, inner_stack);
  gtk_widget_class_bind_template_child (widget_class, PubCommentsView, unanswered_button);
  gtk_widget_class_bind_template_child (widget_class, PubCommentsView, age_label);
  gtk_widget_class_bind_template_child (widget_class, PubCommentsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PubCommentsView, inbox_list);
  gtk_widget_class_bind_template_child (widget_class, PubCommentsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PubCommentsView, thread_view);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, refresh_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_toggled_cb);
}

static void
pub_comments_view_init (PubCommentsView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->inbox_list, factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->inbox_list, GTK_SELECTION_MODEL (selection));
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_page), self);
  /* "5 minutes ago" must not stay "just now". */
  self->age_timeout_id = g_timeout_add_seconds (60, age_tick_cb, self);
  update_page (self);
}

GtkWidget *
pub_comments_view_new (void)
{
  return g_object_new (PUB_TYPE_COMMENTS_VIEW, NULL);
}

GtkWidget *
pub_comments_view_new_for_window (void)
{
  GtkWidget *view = pub_comments_view_new ();
  GApplication *app = g_application_get_default ();

  if (PUB_IS_APPLICATION (app))
    pub_comments_view_set_account_manager (PUB_COMMENTS_VIEW (view),
                                           pub_application_get_account_manager (PUB_APPLICATION (app)));
  return view;
}
