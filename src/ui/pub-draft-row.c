/* pub-draft-row.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-accessible.h"
#include "pub-draft-row.h"
#include "pub-publish-messages.h"

struct _PubDraftRow
{
  AdwActionRow     parent_instance;

  PubDraft        *draft;
  PubPublishQueue *queue;

  GtkImage        *icon;
  GtkWidget       *retry_button;
  GtkWidget       *cancel_button;
  GtkWidget       *portal_button;
  GtkMenuButton   *menu_button;
};

G_DEFINE_FINAL_TYPE (PubDraftRow, pub_draft_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DRAFT,
  PROP_QUEUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
pub_draft_row_describe_state (PubDraft *draft)
{
  g_autoptr(GHashTable) problems = NULL;
  guint n_resources = g_list_model_get_n_items (pub_draft_get_resources (draft));

  switch (pub_draft_get_state (draft))
    {
    case PUB_DRAFT_STATE_EDITING:
      problems = pub_draft_validate (draft);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Being written: %u thing left to complete",
                                           "Being written: %u things left to complete",
                                           g_hash_table_size (problems)),
                              g_hash_table_size (problems));
    case PUB_DRAFT_STATE_READY:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Ready to publish, with %u file or link",
                                           "Ready to publish, with %u files or links",
                                           n_resources),
                              n_resources);
    case PUB_DRAFT_STATE_PUBLISHING:
      return g_strdup_printf (_("Publishing… %.0f %%"), 100.0 * pub_draft_get_progress (draft));
    case PUB_DRAFT_STATE_FAILED:
      {
        g_autofree char *failure = pub_publish_describe_failure (draft);

        if (pub_draft_get_last_error (draft) != NULL)
          return g_strdup_printf (_("Not published: %s"), failure);
        return g_steal_pointer (&failure);
      }
    case PUB_DRAFT_STATE_PUBLISHED:
      return g_strdup (_("Published"));
    case PUB_DRAFT_STATE_DAMAGED:
      return g_strdup_printf (_("Can’t be opened: %s"), pub_draft_get_last_error (draft));
    case PUB_DRAFT_STATE_QUEUED:
      return g_strdup (_("Waiting for a connection"));
    default:
      g_assert_not_reached ();
    }
}

static const char *
state_icon (PubDraftState state)
{
  switch (state)
    {
    case PUB_DRAFT_STATE_EDITING: return "document-edit-symbolic";
    case PUB_DRAFT_STATE_READY: return "document-send-symbolic";
    case PUB_DRAFT_STATE_PUBLISHING: return "emblem-synchronizing-symbolic";
    case PUB_DRAFT_STATE_FAILED: return "dialog-warning-symbolic";
    case PUB_DRAFT_STATE_PUBLISHED: return "emblem-ok-symbolic";
    case PUB_DRAFT_STATE_DAMAGED: return "dialog-error-symbolic";
    case PUB_DRAFT_STATE_QUEUED: return "network-offline-symbolic";
    default: g_assert_not_reached ();
    }
}

/* What the draft waits for, when the queue knows better than its state. */
static char *
describe_waiting (PubDraftRow *self)
{
  PubDraft *draft = self->draft;
  PubDraftState state = pub_draft_get_state (draft);
  PubPublishQueue *queue = self->queue;

  if (queue == NULL)
    return NULL;

  /* Held until a person answers, whatever the network does. */
  if (state == PUB_DRAFT_STATE_QUEUED && pub_publish_queue_is_held_for_personal_data (queue, draft))
    return g_strdup (_("Waiting: it has personal data. Open it and press Publish Now to decide"));
  /* Offline is the usual reason to wait; say so when it is another. */
  if (state == PUB_DRAFT_STATE_QUEUED && pub_publish_queue_get_network_available (queue))
    {
      CkanClient *client = pub_publish_queue_get_client (queue);
      const char *portal = pub_draft_get_portal (draft);

      if (client == NULL)
        return g_strdup (_("Waiting for a portal account: sign in to publish it"));
      /* Its first part went to another portal: it finishes there. */
      if (portal != NULL && g_strcmp0 (portal, ckan_client_get_base_url (client)) != 0)
        return g_strdup_printf (_("Waiting for your account on %s: switch to it to publish"), portal);
      if (!pub_publish_queue_get_auto_start (queue))
        return g_strdup (_("Waiting: open it and press Publish Now to send it"));
      return g_strdup (_("Waiting for its turn to be published"));
    }
  /* A running job that lost the network waits for it too. */
  if (state == PUB_DRAFT_STATE_PUBLISHING &&
      pub_publish_queue_get_job (queue, draft) != NULL &&
      pub_publish_job_get_waiting_for_network (pub_publish_queue_get_job (queue, draft)))
    return g_strdup_printf (_("Waiting for a connection; %.0f %% sent"),
                            100.0 * pub_draft_get_progress (draft));
  return NULL;
}

void
pub_draft_row_update (PubDraftRow *self)
{
  PubDraft *draft;
  PubDraftState state;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped_subtitle = NULL;

  g_return_if_fail (PUB_IS_DRAFT_ROW (self));

  draft = self->draft;
  state = pub_draft_get_state (draft);
  title = g_markup_escape_text (pub_draft_get_display_title (draft), -1);
  subtitle = describe_waiting (self);
  if (subtitle == NULL)
    subtitle = pub_draft_row_describe_state (draft);
  escaped_subtitle = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), escaped_subtitle);
  gtk_image_set_from_icon_name (self->icon, state_icon (state));
  gtk_widget_set_visible (self->retry_button, state == PUB_DRAFT_STATE_FAILED);
  gtk_widget_set_visible (self->cancel_button, state == PUB_DRAFT_STATE_QUEUED);
  gtk_widget_set_visible (self->portal_button, state == PUB_DRAFT_STATE_PUBLISHED &&
                                               pub_draft_get_remote_url (draft) != NULL);
  /* The parser's or the system's own words, for whoever wants them. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                               state == PUB_DRAFT_STATE_DAMAGED ? pub_draft_get_damage_detail (draft) : NULL);
  if (state == PUB_DRAFT_STATE_FAILED || state == PUB_DRAFT_STATE_DAMAGED)
    gtk_widget_add_css_class (GTK_WIDGET (self->icon), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->icon), "error");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), state != PUB_DRAFT_STATE_DAMAGED);
}

static void
draft_notify_cb (PubDraftRow *self,
                 GParamSpec  *pspec,
                 PubDraft    *draft)
{
  g_assert (PUB_IS_DRAFT_ROW (self));

  pub_draft_row_update (self);
}

static void
retry_clicked_cb (PubDraftRow *self,
                  GtkButton   *button)
{
  g_assert (PUB_IS_DRAFT_ROW (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "drafts.retry", "s", pub_draft_get_id (self->draft));
}

static void
cancel_clicked_cb (PubDraftRow *self,
                   GtkButton   *button)
{
  g_assert (PUB_IS_DRAFT_ROW (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "drafts.cancel", "s", pub_draft_get_id (self->draft));
}

static void
portal_clicked_cb (PubDraftRow *self,
                   GtkButton   *button)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_assert (PUB_IS_DRAFT_ROW (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                pub_draft_get_remote_url (self->draft), GDK_CURRENT_TIME);
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             const char *id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target (item, action, "s", id);
  g_menu_append_item (menu, item);
}

/* Built here, not in the template: each item carries the draft's id. */
static void
build_menu (PubDraftRow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  const char *id = pub_draft_get_id (self->draft);

  if (!pub_draft_is_damaged (self->draft))
    {
      append_item (menu, _("_Open"), "drafts.open", id);
      append_item (menu, _("_Duplicate"), "drafts.duplicate", id);
    }
  else
    {
      /* To look at it, copy it or send it to someone who can help. */
      append_item (menu, _("Show _File"), "drafts.show-file", id);
    }
  append_item (menu, _("_Delete…"), "drafts.delete", id);
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
}

static void
pub_draft_row_constructed (GObject *object)
{
  PubDraftRow *self = PUB_DRAFT_ROW (object);

  G_OBJECT_CLASS (pub_draft_row_parent_class)->constructed (object);

  g_assert (PUB_IS_DRAFT (self->draft));

  /* Tests and the view find a draft's row by its id. */
  gtk_widget_set_name (GTK_WIDGET (self), pub_draft_get_id (self->draft));
  build_menu (self);
  g_signal_connect_object (self->draft, "notify::state", G_CALLBACK (draft_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->draft, "notify::display-title", G_CALLBACK (draft_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->draft, "notify::progress", G_CALLBACK (draft_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->draft, "changed", G_CALLBACK (pub_draft_row_update), self, G_CONNECT_SWAPPED);
  pub_draft_row_update (self);
}

static void
pub_draft_row_dispose (GObject *object)
{
  PubDraftRow *self = PUB_DRAFT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_DRAFT_ROW);
  g_clear_object (&self->draft);
  g_clear_object (&self->queue);

  G_OBJECT_CLASS (pub_draft_row_parent_class)->dispose (object);
}

static void
pub_draft_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PubDraftRow *self = PUB_DRAFT_ROW (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    case PROP_QUEUE:
      g_value_set_object (value, self->queue);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_draft_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PubDraftRow *self = PUB_DRAFT_ROW (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      self->draft = g_value_dup_object (value);
      break;
    case PROP_QUEUE:
      pub_draft_row_set_queue (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_draft_row_class_init (PubDraftRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pub_draft_row_constructed;
  object_class->dispose = pub_draft_row_dispose;
  object_class->get_property = pub_draft_row_get_property;
  object_class->set_property = pub_draft_row_set_property;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, PUB_TYPE_DRAFT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUEUE] =
    g_param_spec_object ("queue", NULL, NULL, PUB_TYPE_PUBLISH_QUEUE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/publicador/Publicador/ui/pub-draft-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PubDraftRow, icon);
  gtk_widget_class_bind_template_child (widget_class, PubDraftRow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, PubDraftRow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PubDraftRow, portal_button);
  gtk_widget_class_bind_template_child (widget_class, PubDraftRow, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, portal_clicked_cb);
}

static void
pub_draft_row_init (PubDraftRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The menu button's inner button is what takes focus; Retry and
   * Cancel are read once each ("Retry", not "_Retry Retry"). */
  pub_accessible_name_inner_buttons (GTK_WIDGET (self->menu_button), _("More"));
  pub_accessible_name_text_buttons (GTK_WIDGET (self));
}

GtkWidget *
pub_draft_row_new (PubDraft *draft)
{
  g_return_val_if_fail (PUB_IS_DRAFT (draft), NULL);

  return g_object_new (PUB_TYPE_DRAFT_ROW, "draft", draft, NULL);
}

PubDraft *
pub_draft_row_get_draft (PubDraftRow *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT_ROW (self), NULL);

  return self->draft;
}

void
pub_draft_row_set_queue (PubDraftRow     *self,
                         PubPublishQueue *queue)
{
  g_return_if_fail (PUB_IS_DRAFT_ROW (self));
  g_return_if_fail (queue == NULL || PUB_IS_PUBLISH_QUEUE (queue));

  if (!g_set_object (&self->queue, queue))
    return;
  if (self->draft != NULL)
    pub_draft_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUEUE]);
}
