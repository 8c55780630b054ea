/* pub-account-switcher.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-accessible.h"
#include "pub-account-row.h"
#include "pub-account-switcher.h"
#include "pub-application.h"
#include "pub-sign-in-page.h"
#include "pub-tokens-page.h"
#include "pub-window.h"

struct _PubAccountSwitcher
{
  AdwBin             parent_instance;

  PubAccountManager *manager;
  PubAccount        *current;
  GCancellable      *cancellable;
  /* The re-authentication window, while it is open. */
  GtkWindow         *reauth_window;

  GtkWidget         *reauth_card;
  GtkLabel          *reauth_label;
  GtkStack          *stack;
  GtkMenuButton     *menu_button;
  GtkWidget         *menu_content;
  AdwAvatar         *avatar;
  GtkLabel          *name_label;
  GtkLabel          *portal_label;
  GtkImage          *state_icon;
  GtkListBox        *accounts_list;
};

G_DEFINE_FINAL_TYPE (PubAccountSwitcher, pub_account_switcher, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MANAGER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWindow *
get_parent_window (PubAccountSwitcher *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast (PubAccountSwitcher *self,
       const char         *title)
{
  GtkWindow *window = get_parent_window (self);

  if (PUB_IS_WINDOW (window))
    pub_window_add_toast (PUB_WINDOW (window), adw_toast_new (title));
}

static void
update_current (PubAccountSwitcher *self)
{
  PubAccount *account = self->current;
  gboolean needs_token;
  g_autofree char *portal = NULL;
  g_autofree char *text = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.add", self->manager != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.sign-out", account != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.tokens",
                                 account != NULL &&
                                 pub_account_get_state (account) == PUB_ACCOUNT_STATE_READY);

  if (account == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "signed-out");
      gtk_widget_set_visible (self->reauth_card, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.reauth", FALSE);
      return;
    }

  portal = pub_account_dup_portal_label (account);
  adw_avatar_set_text (self->avatar, pub_account_get_display_name (account));
  gtk_label_set_label (self->name_label, pub_account_get_display_name (account));
  gtk_label_set_label (self->portal_label, portal);
  gtk_stack_set_visible_child_name (self->stack, "account");

  needs_token = pub_account_get_state (account) == PUB_ACCOUNT_STATE_NEEDS_TOKEN;
  gtk_widget_set_visible (GTK_WIDGET (self->state_icon), needs_token);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.reauth", needs_token);
  text = g_strdup_printf (_("%s needs a new token for %s. Your drafts are safe."),
                          pub_account_get_display_name (account), portal);
  /* The card stays one line (a wrapped label there trips GTK 4.8's
   * height-for-width checks); the whole sentence is its tooltip. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reauth_label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reauth_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
  gtk_widget_set_visible (self->reauth_card, needs_token);

  {
    g_autofree char *a11y = g_strdup_printf (_("Account: %s on %s"),
                                             pub_account_get_display_name (account), portal);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                    -1);
    pub_accessible_name_inner_buttons (GTK_WIDGET (self->menu_button), a11y);
  }
}

static void
account_state_cb (PubAccountSwitcher *self,
                  GParamSpec         *pspec,
                  PubAccount         *account)
{
  gboolean was_revealed = gtk_widget_get_visible (self->reauth_card);

  g_assert (PUB_IS_ACCOUNT_SWITCHER (self));

  update_current (self);

  /* Said once, where the person looks, when the token stops working; the
   * card in the sidebar stays until a new token is in. */
  if (!was_revealed && pub_account_get_state (account) == PUB_ACCOUNT_STATE_NEEDS_TOKEN)
    toast (self, _("The portal no longer accepts your token. Enter a new one to keep publishing."));
}

static void
set_current (PubAccountSwitcher *self,
             PubAccount         *account)
{
  if (self->current != NULL)
    g_signal_handlers_disconnect_by_data (self->current, self);
  g_set_object (&self->current, account);
  if (account != NULL)
    {
      g_signal_connect_object (account, "notify::state", G_CALLBACK (account_state_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (account, "notify::display-name", G_CALLBACK (update_current),
                               self, G_CONNECT_SWAPPED);
    }
  update_current (self);
}

static GtkWidget *
create_account_row (gpointer item,
                    gpointer user_data)
{
  PubAccountSwitcher *self = user_data;

  g_assert (PUB_IS_ACCOUNT_SWITCHER (self));

  return pub_account_row_new (PUB_ACCOUNT (item), item == (gpointer) self->current);
}

static void
bind_rows (PubAccountSwitcher *self)
{
  if (self->manager == NULL)
    {
      gtk_list_box_bind_model (self->accounts_list, NULL, NULL, NULL, NULL);
      return;
    }
  gtk_list_box_bind_model (self->accounts_list, G_LIST_MODEL (self->manager),
                           create_account_row, self, NULL);
}

static void
manager_current_cb (PubAccountSwitcher *self)
{
  g_assert (PUB_IS_ACCOUNT_SWITCHER (self));

  set_current (self, pub_account_manager_get_current (self->manager));
  bind_rows (self);
}

static void
account_row_activated_cb (PubAccountSwitcher *self,
                          GtkListBoxRow      *row)
{
  PubAccount *account = pub_account_row_get_account (PUB_ACCOUNT_ROW (row));

  g_assert (PUB_IS_ACCOUNT_SWITCHER (self));

  gtk_menu_button_popdown (self->menu_button);
  if (self->manager != NULL)
    pub_account_manager_set_current (self->manager, account);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  PubAccountSwitcher *self = PUB_ACCOUNT_SWITCHER (widget);

  gtk_menu_button_popdown (self->menu_button);
  pub_sign_in_page_present (get_parent_window (self), self->manager, NULL, FALSE);
}

static void
reauth_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PubAccountSwitcher *self = PUB_ACCOUNT_SWITCHER (widget);

  if (self->current == NULL)
    return;
  if (self->reauth_window != NULL)
    {
      gtk_window_present (self->reauth_window);
      return;
    }
  self->reauth_window = pub_sign_in_page_present (get_parent_window (self), self->manager,
                                                  self->current, FALSE);
  g_object_add_weak_pointer (G_OBJECT (self->reauth_window), (gpointer *) &self->reauth_window);
}

static void
tokens_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PubAccountSwitcher *self = PUB_ACCOUNT_SWITCHER (widget);

  gtk_menu_button_popdown (self->menu_button);
  if (self->current != NULL)
    pub_tokens_page_present (get_parent_window (self), self->manager, self->current);
}

static void
sign_out_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PubAccountSwitcher) self = user_data;
  g_autoptr(GError) error = NULL;

  g_assert (PUB_IS_ACCOUNT_SWITCHER (self));

  if (!pub_account_manager_sign_out_finish (PUB_ACCOUNT_MANAGER (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  toast (self, _("Signed out. Your drafts are still on this computer."));
}

static void
sign_out_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  PubAccountSwitcher *self = PUB_ACCOUNT_SWITCHER (user_data);
  PubAccount *account = g_object_get_data (G_OBJECT (dialog), "pub-account");

  if (g_strcmp0 (response, "sign-out") != 0 || self->manager == NULL)
    return;
  pub_account_manager_sign_out_async (self->manager, account, self->cancellable,
                                      sign_out_cb, g_object_ref (self));
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  PubAccountSwitcher *self = PUB_ACCOUNT_SWITCHER (widget);
  g_autofree char *portal = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  gtk_menu_button_popdown (self->menu_button);
  if (self->current == NULL)
    return;

  portal = pub_account_dup_portal_label (self->current);
  heading = g_strdup_printf (_("Sign Out of %s?"), portal);
  dialog = adw_message_dialog_new (get_parent_window (self), heading,
                                   _("The token is removed from this computer. Your drafts stay "
                                     "here, and you can sign in again at any time."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "sign-out", _("_Sign Out"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign-out",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pub-account", g_object_ref (self->current), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (sign_out_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A window built from a template gets its application after its children
 * are in place, so look for the manager when first shown. */
static void
pub_account_switcher_map (GtkWidget *widget)
{
  PubAccountSwitcher *self = PUB_ACCOUNT_SWITCHER (widget);
  GtkWindow *window;
  GtkApplication *app;

  GTK_WIDGET_CLASS (pub_account_switcher_parent_class)->map (widget);

  if (self->manager != NULL)
    return;
  window = get_parent_window (self);
  app = window != NULL ? gtk_window_get_application (window) : NULL;
  if (PUB_IS_APPLICATION (app))
    pub_account_switcher_set_manager (self, pub_application_get_account_manager (PUB_APPLICATION (app)));
}

static void
pub_account_switcher_dispose (GObject *object)
{
  PubAccountSwitcher *self = PUB_ACCOUNT_SWITCHER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->reauth_window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->reauth_window), (gpointer *) &self->reauth_window);
      self->reauth_window = NULL;
    }
  if (self->manager != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->manager, self);
      gtk_list_box_bind_model (self->accounts_list, NULL, NULL, NULL, NULL);
    }
  set_current (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_ACCOUNT_SWITCHER);
  g_clear_object (&self->manager);

  G_OBJECT_CLASS (pub_account_switcher_parent_class)->dispose (object);
}

static void
pub_account_switcher_finalize (GObject *object)
{
  PubAccountSwitcher *self = PUB_ACCOUNT_SWITCHER (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pub_account_switcher_parent_class)->finalize (object);
}

static void
pub_account_switcher_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PubAccountSwitcher *self = PUB_ACCOUNT_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_MANAGER:
      g_value_set_object (value, self->manager);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_account_switcher_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PubAccountSwitcher *self = PUB_ACCOUNT_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_MANAGER:
      pub_account_switcher_set_manager (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_account_switcher_class_init (PubAccountSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_account_switcher_dispose;
  object_class->finalize = pub_account_switcher_finalize;
  object_class->get_property = pub_account_switcher_get_property;
  object_class->set_property = pub_account_switcher_set_property;

  widget_class->map = pub_account_switcher_map;

  properties[PROP_MANAGER] =
    g_param_spec_object ("manager", NULL, NULL,
                         PUB_TYPE_ACCOUNT_MANAGER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/publicador/Publicador/ui/pub-account-switcher.ui");
  gtk_widget_class_bind_template_child (widget_class, PubAccountSwitcher, reauth_card);
  gtk_widget_class_bind_template_child (widget_class, PubAccountSwitcher, reauth_label);
  gtk_widget_class_bind_template_child (widget_class, PubAccountSwitcher, stack);
  gtk_widget_class_bind_template_child (widget_class, PubAccountSwitcher, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PubAccountSwitcher, menu_content);
  gtk_widget_class_bind_template_child (widget_class, PubAccountSwitcher, avatar);
  gtk_widget_class_bind_template_child (widget_class, PubAccountSwitcher, name_label);
  gtk_widget_class_bind_template_child (widget_class, PubAccountSwitcher, portal_label);
  gtk_widget_class_bind_template_child (widget_class, PubAccountSwitcher, state_icon);
  gtk_widget_class_bind_template_child (widget_class, PubAccountSwitcher, accounts_list);
  gtk_widget_class_bind_template_callback (widget_class, account_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "accounts.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "accounts.reauth", NULL, reauth_action);
  gtk_widget_class_install_action (widget_class, "accounts.tokens", NULL, tokens_action);
  gtk_widget_class_install_action (widget_class, "accounts.sign-out", NULL, sign_out_action);
}

static void
pub_account_switcher_init (PubAccountSwitcher *self)
{
  GtkWidget *wrapper;

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  pub_accessible_name_inner_buttons (GTK_WIDGET (self->menu_button), _("Accounts"));

  /* GtkMenuButton centres its child in a box of its own; the account row
   * reads better flush left, like the sidebar rows above it. */
  wrapper = gtk_widget_get_parent (self->menu_content);
  if (GTK_IS_BOX (wrapper))
    gtk_widget_set_halign (wrapper, GTK_ALIGN_FILL);
  update_current (self);
}

GtkWidget *
pub_account_switcher_new (void)
{
  return g_object_new (PUB_TYPE_ACCOUNT_SWITCHER, NULL);
}

PubAccountManager *
pub_account_switcher_get_manager (PubAccountSwitcher *self)
{
  g_return_val_if_fail (PUB_IS_ACCOUNT_SWITCHER (self), NULL);

  return self->manager;
}

void
pub_account_switcher_set_manager (PubAccountSwitcher *self,
                                  PubAccountManager  *manager)
{
  g_return_if_fail (PUB_IS_ACCOUNT_SWITCHER (self));
  g_return_if_fail (manager == NULL || PUB_IS_ACCOUNT_MANAGER (manager));

  if (self->manager == manager)
    return;

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_set_object (&self->manager, manager);
  if (manager != NULL)
    g_signal_connect_object (manager, "notify::current-account",
                             G_CALLBACK (manager_current_cb), self, G_CONNECT_SWAPPED);

  set_current (self, manager != NULL ? pub_account_manager_get_current (manager) : NULL);
  bind_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANAGER]);
}
