/* pub-drafts-view.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-application.h"
#include "pub-accessible.h"
#include "pub-draft-row.h"
#include "pub-drafts-view.h"
#include "pub-new-dataset-window.h"

struct _PubDraftsView
{
  AdwBin         parent_instance;

  PubDraftStore *store;
  PubPublishQueue *queue;

  AdwToastOverlay *toast_overlay;
  GtkStack      *stack;
  GtkListBox    *list;
  AdwStatusPage *error_page;

  gboolean       load_failed;
};

G_DEFINE_FINAL_TYPE (PubDraftsView, pub_drafts_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_DRAFT,
  RETRY_DRAFT,
  CANCEL_DRAFT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  PubDraftsView *self = user_data;
  GtkWidget *row = pub_draft_row_new (PUB_DRAFT (item));

  g_assert (PUB_IS_DRAFTS_VIEW (self));

  pub_draft_row_set_queue (PUB_DRAFT_ROW (row), self->queue);
  return row;
}

static void
row_activated_cb (PubDraftsView *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list)
{
  PubDraft *draft;

  g_assert (PUB_IS_DRAFTS_VIEW (self));

  draft = pub_draft_row_get_draft (PUB_DRAFT_ROW (row));
  if (!pub_draft_is_damaged (draft))
    g_signal_emit (self, signals[OPEN_DRAFT], 0, draft);
}

static void
update_visible_page (PubDraftsView *self)
{
  GListModel *drafts = pub_draft_store_get_drafts (self->store);

  /* An empty list after a failed read is not "No Drafts": they may all
   * be there, unread. */
  if (g_list_model_get_n_items (drafts) > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    gtk_stack_set_visible_child_name (self->stack, self->load_failed ? "error" : "empty");
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PubDraftsView *self = PUB_DRAFTS_VIEW (widget);
  PubDraft *draft = pub_draft_store_find (self->store, g_variant_get_string (param, NULL));

  if (draft != NULL)
    g_signal_emit (self, signals[OPEN_DRAFT], 0, draft);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PubDraftsView *self = PUB_DRAFTS_VIEW (widget);
  PubDraft *draft = pub_draft_store_find (self->store, g_variant_get_string (param, NULL));

  if (draft != NULL)
    g_signal_emit (self, signals[RETRY_DRAFT], 0, draft);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PubDraftsView *self = PUB_DRAFTS_VIEW (widget);
  PubDraft *draft = pub_draft_store_find (self->store, g_variant_get_string (param, NULL));

  if (draft == NULL)
    return;
  if (self->queue != NULL)
    pub_publish_queue_cancel (self->queue, draft);
  g_signal_emit (self, signals[CANCEL_DRAFT], 0, draft);
}

static void
show_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PubDraftsView *self = PUB_DRAFTS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *uri = g_filename_to_uri (pub_draft_store_get_directory (self->store), NULL, NULL);

  /* The folder that holds it: gtk_show_uri can't select one file. */
  if (uri != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PubDraftsView *self = PUB_DRAFTS_VIEW (widget);
  PubDraft *draft = pub_draft_store_find (self->store, g_variant_get_string (param, NULL));

  if (draft != NULL && !pub_draft_is_damaged (draft))
    pub_draft_store_duplicate (self->store, draft);
}

static void
show_toast (PubDraftsView *self,
            const char    *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

typedef struct {
  PubDraftsView *self;
  PubDraft      *draft;
} Deletion;

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Deletion *deletion = user_data;
  g_autoptr(PubDraftsView) self = deletion->self;
  g_autoptr(PubDraft) draft = deletion->draft;
  PubDraftStore *store = PUB_DRAFT_STORE (object);
  g_autoptr(GError) error = NULL;

  g_free (deletion);
  if (pub_draft_store_delete_finish (store, result, &error))
    return;
  /* Still on disk: back in the list, and said why. */
  if (pub_draft_store_find (store, pub_draft_get_id (draft)) == NULL)
    pub_draft_store_add (store, draft);
  show_toast (self, error->message);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PubDraftsView    *self)
{
  PubDraft *draft = g_object_get_data (G_OBJECT (dialog), "draft");
  Deletion *deletion;
  gboolean had_window;

  g_assert (PUB_IS_DRAFTS_VIEW (self));

  if (g_strcmp0 (response, "delete") != 0)
    return;
  /* The open wizard closes itself once its draft leaves the store. */
  had_window = pub_new_dataset_window_find (draft) != NULL;
  deletion = g_new0 (Deletion, 1);
  deletion->self = g_object_ref (self);
  deletion->draft = g_object_ref (draft);
  pub_draft_store_delete_async (self->store, draft, NULL, deleted_cb, deletion);
  if (had_window)
    {
      g_autofree char *title = g_strdup_printf (_("“%s” deleted, and its window closed"),
                                                pub_draft_get_display_title (draft));

      show_toast (self, title);
    }
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PubDraftsView *self = PUB_DRAFTS_VIEW (widget);
  PubDraft *draft = pub_draft_store_find (self->store, g_variant_get_string (param, NULL));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  const char *body;
  g_autofree char *with_window = NULL;

  if (draft == NULL)
    return;

  /* Its job is writing to it and to the portal right now. */
  if (pub_draft_get_publishing (draft))
    {
      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("Publishing in Progress"),
                                       _("Wait until it finishes, or cancel it in its window, before deleting it."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (pub_draft_get_state (draft) == PUB_DRAFT_STATE_PUBLISHED)
    body = _("The draft is deleted from this computer. The dataset stays on the portal.");
  else if (pub_draft_get_remote_id (draft) != NULL)
    body = _("The draft is deleted from this computer. The part already sent stays on the portal "
             "as a private dataset; delete it there if you don’t need it.");
  else
    body = _("Everything written in it is deleted from this computer. Your data files are not touched.");

  if (pub_new_dataset_window_find (draft) != NULL)
    body = with_window = g_strconcat (body, " ", _("Its window, open now, is closed."), NULL);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   NULL, body);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete “%s”?"),
                                     pub_draft_get_display_title (draft));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "draft", g_object_ref (draft), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PubDraftsView) self = user_data;
  PubDraftStore *store = PUB_DRAFT_STORE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  g_assert (PUB_IS_DRAFTS_VIEW (self));

  self->load_failed = !pub_draft_store_load_finish (store, result, &error);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "drafts.reload", TRUE);
  if (self->load_failed)
    {
      g_message ("The drafts could not be listed: %s", error->message);
      description = g_strdup_printf (_("The folder where drafts are kept, “%s”, could not be read. "
                                       "Nothing has been deleted. Check that the folder can be opened, "
                                       "then try again.\n\n%s"),
                                     pub_draft_store_get_directory (store), error->message);
      adw_status_page_set_description (self->error_page, description);
    }
  update_visible_page (self);
}

static void
load (PubDraftsView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "drafts.reload", FALSE);
  pub_draft_store_load_async (self->store, NULL, loaded_cb, g_object_ref (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  load (PUB_DRAFTS_VIEW (widget));
}

static void
pub_drafts_view_constructed (GObject *object)
{
  PubDraftsView *self = PUB_DRAFTS_VIEW (object);
  GListModel *drafts;

  G_OBJECT_CLASS (pub_drafts_view_parent_class)->constructed (object);

  if (self->store == NULL)
    self->store = g_object_ref (pub_draft_store_get_default ());
  drafts = pub_draft_store_get_drafts (self->store);
  gtk_list_box_bind_model (self->list, drafts, create_row, self, NULL);
  g_signal_connect_object (drafts, "items-changed", G_CALLBACK (update_visible_page), self, G_CONNECT_SWAPPED);
  update_visible_page (self);
  if (!pub_draft_store_is_loaded (self->store))
    load (self);
}

static void
pub_drafts_view_dispose (GObject *object)
{
  PubDraftsView *self = PUB_DRAFTS_VIEW (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  /* The bin's child is a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_DRAFTS_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->queue);

  G_OBJECT_CLASS (pub_drafts_view_parent_class)->dispose (object);
}

static void
pub_drafts_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PubDraftsView *self = PUB_DRAFTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_drafts_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PubDraftsView *self = PUB_DRAFTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_drafts_view_class_init (PubDraftsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pub_drafts_view_constructed;
  object_class->dispose = pub_drafts_view_dispose;
  object_class->get_property = pub_drafts_view_get_property;
  object_class->set_property = pub_drafts_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PUB_TYPE_DRAFT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A draft to continue in the wizard. */
  signals[OPEN_DRAFT] = g_signal_new ("open-draft", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, PUB_TYPE_DRAFT);
  /* A failed publication to go on with. */
  signals[RETRY_DRAFT] = g_signal_new ("retry-draft", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, PUB_TYPE_DRAFT);
  /* A queued publication not to make after all (the view's queue, if
   * any, has already taken it out). */
  signals[CANCEL_DRAFT] = g_signal_new ("cancel-draft", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, PUB_TYPE_DRAFT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/publicador/Publicador/ui/pub-drafts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PubDraftsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PubDraftsView, error_page);
  gtk_widget_class_bind_template_child (widget_class, PubDraftsView, stack);
  gtk_widget_class_bind_template_child (widget_class, PubDraftsView, list);

  gtk_widget_class_install_action (widget_class, "drafts.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "drafts.retry", "s", retry_action);
  gtk_widget_class_install_action (widget_class, "drafts.cancel", "s", cancel_action);
  gtk_widget_class_install_action (widget_class, "drafts.duplicate", "s", duplicate_action);
  gtk_widget_class_install_action (widget_class, "drafts.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "drafts.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "drafts.show-file", "s", show_file_action);
}

static void
pub_drafts_view_init (PubDraftsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
pub_drafts_view_new (PubDraftStore *store)
{
  return g_object_new (PUB_TYPE_DRAFTS_VIEW, "store", store, NULL);
}

PubDraftStore *
pub_drafts_view_get_store (PubDraftsView *self)
{
  g_return_val_if_fail (PUB_IS_DRAFTS_VIEW (self), NULL);
  return self->store;
}

static void
update_rows (PubDraftsView *self)
{
  g_assert (PUB_IS_DRAFTS_VIEW (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (PUB_IS_DRAFT_ROW (row))
        pub_draft_row_update (PUB_DRAFT_ROW (row));
    }
}

static void
job_started_cb (PubDraftsView   *self,
                PubPublishJob   *job,
                PubPublishQueue *queue)
{
  g_assert (PUB_IS_DRAFTS_VIEW (self));

  g_signal_connect_object (job, "notify::waiting-for-network", G_CALLBACK (update_rows),
                           self, G_CONNECT_SWAPPED);
}

void
pub_drafts_view_set_queue (PubDraftsView   *self,
                           PubPublishQueue *queue)
{
  g_return_if_fail (PUB_IS_DRAFTS_VIEW (self));
  g_return_if_fail (!queue || PUB_IS_PUBLISH_QUEUE (queue));

  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  if (!g_set_object (&self->queue, queue))
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (PUB_IS_DRAFT_ROW (row))
        pub_draft_row_set_queue (PUB_DRAFT_ROW (row), queue);
    }
  if (queue == NULL)
    return;
  /* What a queued draft waits for changes with these. */
  g_signal_connect_object (queue, "notify::network-available", G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (queue, "notify::client", G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (queue, "notify::auto-start", G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (queue, "job-started", G_CALLBACK (job_started_cb), self, G_CONNECT_SWAPPED);
  if (pub_publish_queue_get_job (queue, NULL) != NULL)
    job_started_cb (self, pub_publish_queue_get_job (queue, NULL), queue);
  update_rows (self);
}

static GtkWindow *
root_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
open_in_wizard_cb (PubDraftsView *self,
                   PubDraft      *draft)
{
  g_assert (PUB_IS_DRAFTS_VIEW (self));

  pub_new_dataset_window_open (root_window (GTK_WIDGET (self)), draft, NULL);
}

static void
retry_in_wizard_cb (PubDraftsView *self,
                    PubDraft      *draft)
{
  PubNewDatasetWindow *wizard = pub_new_dataset_window_open (root_window (GTK_WIDGET (self)), draft, NULL);

  g_assert (PUB_IS_DRAFTS_VIEW (self));

  pub_new_dataset_window_publish (wizard);
}

GtkWidget *
pub_drafts_view_new_for_window (void)
{
  GtkWidget *view = pub_drafts_view_new (NULL);
  GApplication *app = g_application_get_default ();

  if (PUB_IS_APPLICATION (app))
    pub_drafts_view_set_queue (PUB_DRAFTS_VIEW (view), pub_application_get_publish_queue (PUB_APPLICATION (app)));
  g_signal_connect (view, "open-draft", G_CALLBACK (open_in_wizard_cb), NULL);
  g_signal_connect (view, "retry-draft", G_CALLBACK (retry_in_wizard_cb), NULL);
  return view;
}
