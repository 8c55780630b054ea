/* pub-sign-in-page.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-error.h"
#include "ckan-organization.h"
#include "pub-core-error.h"
#include "pub-sign-in.h"
#include "pub-sign-in-messages.h"
#include "pub-accessible.h"
#include "pub-sign-in-page.h"

struct _PubSignInPage
{
  AdwBin             parent_instance;

  PubAccountManager *manager;
  PubAccount        *reauth;
  PubAccount        *account;
  PubAccount        *candidate;
  GCancellable      *cancellable;
  guint              timeout;
  gboolean           first_run;
  gboolean           allow_insecure;
  gboolean           busy;

  AdwWindowTitle    *window_title;
  GtkButton         *cancel_button;
  GtkButton         *sign_in_button;
  GtkStack          *stack;
  GtkImage          *intro_icon;
  GtkLabel          *intro_title;
  GtkLabel          *intro_text;
  AdwEntryRow       *portal_row;
  AdwPasswordEntryRow *token_row;
  GtkBox            *busy_box;
  GtkSpinner        *spinner;
  GtkLabel          *busy_label;
  GtkBox            *error_box;
  GtkLabel          *error_label;
  GtkExpander       *details_expander;
  GtkLabel          *details_label;
  AdwAvatar         *avatar;
  GtkLabel          *name_label;
  GtkLabel          *where_label;
  GtkLabel          *session_label;
  AdwPreferencesGroup *organizations_group;
  GtkListBox        *organizations_list;
  GtkButton         *continue_button;
};

G_DEFINE_FINAL_TYPE (PubSignInPage, pub_sign_in_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MANAGER,
  PROP_ACCOUNT,
  PROP_FIRST_RUN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_sign_in (PubSignInPage *self);

static void
update_actions (PubSignInPage *self)
{
  const char *portal = gtk_editable_get_text (GTK_EDITABLE (self->portal_row));
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->token_row));
  gboolean on_form = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.sign-in",
                                 on_form && !self->busy && *portal != '\0' && *token != '\0');
  gtk_widget_set_sensitive (GTK_WIDGET (self->portal_row), !self->busy && self->reauth == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->token_row), !self->busy);
}

static void
set_busy (PubSignInPage *self,
          const char    *message)
{
  self->busy = message != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->busy_box), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_label_set_label (self->busy_label, message);
  if (self->busy)
    gtk_widget_set_visible (GTK_WIDGET (self->error_box), FALSE);
  update_actions (self);
}

static void
show_error (PubSignInPage *self,
            const char    *message)
{
  set_busy (self, NULL);
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_box), message != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->details_expander), FALSE);
}

/* What happened, for whoever helps the person: the error as the client saw
 * it, the HTTP status and the start of what the address answered. */
static void
show_error_with_details (PubSignInPage *self,
                         const char    *message,
                         const GError  *error)
{
  g_autoptr(GString) details = g_string_new (error->message);
  guint status = ckan_error_get_status (error);
  const char *answer = ckan_error_get_detail (error);

  show_error (self, message);
  if (status > 0)
    g_string_append_printf (details, "\nHTTP %u", status);
  if (answer != NULL && *answer != '\0' && g_strcmp0 (answer, error->message) != 0)
    g_string_append_printf (details, "\n%s", answer);
  gtk_label_set_label (self->details_label, details->str);
  gtk_expander_set_expanded (self->details_expander, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->details_expander), TRUE);
}

static char *
describe_error (PubSignInPage *self,
                const GError  *error)
{
  return pub_sign_in_describe_error (error,
                                     gtk_editable_get_text (GTK_EDITABLE (self->portal_row)),
                                     self->reauth != NULL ? pub_account_get_user_name (self->reauth) : NULL);
}

static void
show_done (PubSignInPage *self)
{
  GListModel *organizations = pub_account_get_organizations (self->account);
  g_autofree char *portal = pub_account_dup_portal_label (self->account);
  g_autofree char *where = g_strdup_printf ("%s@%s", pub_account_get_user_name (self->account), portal);
  GtkWidget *child;
  guint n;

  set_busy (self, NULL);

  adw_avatar_set_text (self->avatar, pub_account_get_display_name (self->account));
  gtk_label_set_label (self->name_label, pub_account_get_display_name (self->account));
  gtk_label_set_label (self->where_label, where);
  gtk_widget_set_visible (GTK_WIDGET (self->session_label),
                          pub_account_get_session_only (self->account));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->organizations_list))) != NULL)
    gtk_list_box_remove (self->organizations_list, child);

  n = g_list_model_get_n_items (organizations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CkanOrganization) org = g_list_model_get_item (organizations, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ckan_organization_get_display_name (org));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   pub_sign_in_capacity_label (ckan_organization_get_capacity (org)));
      gtk_list_box_append (self->organizations_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->organizations_list), n > 0);
  adw_preferences_group_set_description (self->organizations_group,
                                         n > 0 ? NULL
                                               : _("You are not a member of any organization yet. "
                                                   "Ask an administrator of your institution to add you, "
                                                   "so you can publish."));

  adw_window_title_set_title (self->window_title, _("Signed In"));
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "done");
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->avatar));
}

static void add_account (PubSignInPage *self,
                         PubAccount    *account,
                         gboolean       session_only);

typedef struct
{
  PubSignInPage *self;
  PubAccount    *account;
} KeyringChoice;

static void
no_keyring_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  KeyringChoice *choice = user_data;

  if (g_strcmp0 (response, "session") == 0)
    add_account (choice->self, choice->account, TRUE);
  else
    show_error (choice->self, _("The token was not kept. Sign in again when a keyring is available."));

  g_object_unref (choice->self);
  g_object_unref (choice->account);
  g_free (choice);
}

static void
ask_session_only (PubSignInPage *self,
                  PubAccount    *account)
{
  GtkWidget *dialog;
  KeyringChoice *choice;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("No Keyring Available"),
                                   _("Publicador keeps tokens in the system keyring, and this computer "
                                     "has none available. You can use the token only until you close "
                                     "Publicador; it will not be saved anywhere."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "session", _("_Use for This Session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "session",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "session");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  choice = g_new0 (KeyringChoice, 1);
  choice->self = g_object_ref (self);
  choice->account = g_object_ref (account);
  g_signal_connect (dialog, "response", G_CALLBACK (no_keyring_response_cb), choice);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(PubSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PubAccount) account = NULL;

  g_assert (PUB_IS_SIGN_IN_PAGE (self));

  account = pub_account_manager_add_finish (PUB_ACCOUNT_MANAGER (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, PUB_CORE_ERROR, PUB_CORE_ERROR_NO_KEYRING))
    {
      set_busy (self, NULL);
      ask_session_only (self, self->candidate);
      return;
    }
  if (account == NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_set_object (&self->account, account);
  show_done (self);
}

static void
add_account (PubSignInPage *self,
             PubAccount    *account,
             gboolean       session_only)
{
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->token_row));

  set_busy (self, _("Saving the token in the keyring…"));
  /* Kept for the question to ask when there is no keyring. */
  g_set_object (&self->candidate, account);
  pub_account_manager_add_async (self->manager, account, token, session_only,
                                 self->cancellable, add_cb, g_object_ref (self));
}

static void
insecure_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  g_autoptr(PubSignInPage) self = user_data;

  g_assert (PUB_IS_SIGN_IN_PAGE (self));

  if (g_strcmp0 (response, "accept") != 0)
    {
      show_error (self, _("Not connected: the address does not use a secure connection (https)."));
      return;
    }
  self->allow_insecure = TRUE;
  start_sign_in (self);
}

static void
ask_insecure (PubSignInPage *self)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  body = g_strdup_printf (_("%s does not use a secure connection (https). Anyone on the network "
                            "between you and the portal could read your token and use it to change "
                            "your data. Continue only if you trust this network, for example for "
                            "a test portal."),
                          gtk_editable_get_text (GTK_EDITABLE (self->portal_row)));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Connect Without Encryption?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "accept", _("Connect _Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (insecure_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sign_in_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PubSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PubAccount) account = NULL;
  g_autofree char *message = NULL;

  g_assert (PUB_IS_SIGN_IN_PAGE (self));

  account = pub_sign_in_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_INSECURE))
    {
      set_busy (self, NULL);
      ask_insecure (self);
      return;
    }
  if (account == NULL)
    {
      message = describe_error (self, error);
      show_error_with_details (self, message, error);
      return;
    }
  if (self->reauth != NULL && !pub_account_same_as (self->reauth, account))
    {
      g_autoptr(GError) wrong = g_error_new_literal (PUB_ACCOUNT_ERROR, PUB_ACCOUNT_ERROR_WRONG_USER, "");

      message = describe_error (self, wrong);
      show_error (self, message);
      return;
    }

  add_account (self, account, FALSE);
}

static void
start_sign_in (PubSignInPage *self)
{
  const char *portal = gtk_editable_get_text (GTK_EDITABLE (self->portal_row));
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->token_row));

  if (self->busy || *portal == '\0' || *token == '\0')
    return;

  set_busy (self, _("Checking the portal and the token…"));
  pub_sign_in_async (portal, token, self->allow_insecure, self->timeout, self->cancellable,
                     sign_in_cb, g_object_ref (self));
}

static void
form_changed_cb (PubSignInPage *self)
{
  g_assert (PUB_IS_SIGN_IN_PAGE (self));

  update_actions (self);
}

static void
portal_changed_cb (PubSignInPage *self)
{
  g_assert (PUB_IS_SIGN_IN_PAGE (self));

  /* A new address needs its own decision about http. */
  self->allow_insecure = FALSE;
  update_actions (self);
}

static void
portal_activated_cb (PubSignInPage *self)
{
  g_assert (PUB_IS_SIGN_IN_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->token_row));
}

static void
token_activated_cb (PubSignInPage *self)
{
  g_assert (PUB_IS_SIGN_IN_PAGE (self));

  start_sign_in (self);
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  start_sign_in (PUB_SIGN_IN_PAGE (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PubSignInPage *self = PUB_SIGN_IN_PAGE (widget);

  g_cancellable_cancel (self->cancellable);
  g_signal_emit (self, signals[DONE], 0);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_signal_emit (widget, signals[DONE], 0);
}

static void
open_token_page_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  PubSignInPage *self = PUB_SIGN_IN_PAGE (widget);
  const char *portal = gtk_editable_get_text (GTK_EDITABLE (self->portal_row));
  g_autofree char *uri = NULL;

  uri = pub_sign_in_build_token_page_url (portal, self->reauth ? pub_account_get_user_name (self->reauth) : NULL);
  if (uri == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (CKAN_ERROR, CKAN_ERROR_INVALID_URL, "");
      g_autofree char *message = describe_error (self, error);

      show_error (self, message);
      return;
    }
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), uri, GDK_CURRENT_TIME);
}

static void
pub_sign_in_page_constructed (GObject *object)
{
  PubSignInPage *self = PUB_SIGN_IN_PAGE (object);

  G_OBJECT_CLASS (pub_sign_in_page_parent_class)->constructed (object);

  if (self->reauth != NULL)
    {
      g_autofree char *portal = pub_account_dup_portal_label (self->reauth);
      g_autofree char *text = g_strdup_printf (_("The portal %s no longer accepts the token of %s. "
                                                 "Paste a new token to continue where you left off."),
                                               portal, pub_account_get_user_name (self->reauth));

      gtk_editable_set_text (GTK_EDITABLE (self->portal_row), pub_account_get_portal_url (self->reauth));
      self->allow_insecure = pub_account_get_allow_insecure (self->reauth);
      adw_window_title_set_title (self->window_title, _("New Token"));
      gtk_image_set_from_icon_name (self->intro_icon, "dialog-password-symbolic");
      gtk_label_set_label (self->intro_title, _("Enter a new token"));
      gtk_label_set_label (self->intro_text, text);
    }
  else
    {
      g_autoptr(GSettings) settings = NULL;
      g_autofree char *portal = NULL;

      g_object_get (self->manager, "settings", &settings, NULL);
      portal = g_settings_get_string (settings, "default-portal");
      gtk_editable_set_text (GTK_EDITABLE (self->portal_row), portal);
    }

  if (self->first_run)
    {
      gtk_button_set_label (self->cancel_button, _("_Skip"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->cancel_button),
                                   _("Sign in later; you can prepare drafts without an account"));
      gtk_label_set_label (self->intro_title, _("Welcome to Publicador"));
      gtk_label_set_label (self->intro_text,
                           _("Sign in to your open data portal to publish from this computer. "
                             "You can also skip this and prepare drafts offline."));
    }
  update_actions (self);
}

static void
pub_sign_in_page_dispose (GObject *object)
{
  PubSignInPage *self = PUB_SIGN_IN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_SIGN_IN_PAGE);
  g_clear_object (&self->manager);
  g_clear_object (&self->reauth);
  g_clear_object (&self->account);
  g_clear_object (&self->candidate);

  G_OBJECT_CLASS (pub_sign_in_page_parent_class)->dispose (object);
}

static void
pub_sign_in_page_finalize (GObject *object)
{
  PubSignInPage *self = PUB_SIGN_IN_PAGE (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pub_sign_in_page_parent_class)->finalize (object);
}

static void
pub_sign_in_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PubSignInPage *self = PUB_SIGN_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_MANAGER:
      g_value_set_object (value, self->manager);
      break;

    case PROP_ACCOUNT:
      g_value_set_object (value, self->reauth);
      break;

    case PROP_FIRST_RUN:
      g_value_set_boolean (value, self->first_run);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_sign_in_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PubSignInPage *self = PUB_SIGN_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_MANAGER:
      self->manager = g_value_dup_object (value);
      break;

    case PROP_ACCOUNT:
      self->reauth = g_value_dup_object (value);
      break;

    case PROP_FIRST_RUN:
      self->first_run = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_sign_in_page_class_init (PubSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pub_sign_in_page_constructed;
  object_class->dispose = pub_sign_in_page_dispose;
  object_class->finalize = pub_sign_in_page_finalize;
  object_class->get_property = pub_sign_in_page_get_property;
  object_class->set_property = pub_sign_in_page_set_property;

  properties[PROP_MANAGER] =
    g_param_spec_object ("manager", NULL, NULL,
                         PUB_TYPE_ACCOUNT_MANAGER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* The account that needs a new token, or NULL to add an account. */
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL,
                         PUB_TYPE_ACCOUNT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FIRST_RUN] =
    g_param_spec_boolean ("first-run", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted when the person is finished with the page: signed in and
   * moving on, cancelled, or skipped. */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/publicador/Publicador/ui/pub-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, intro_icon);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, intro_title);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, intro_text);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, portal_row);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, token_row);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, busy_box);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, busy_label);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, error_box);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, details_expander);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, where_label);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, session_label);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, organizations_group);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, organizations_list);
  gtk_widget_class_bind_template_child (widget_class, PubSignInPage, continue_button);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, portal_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, portal_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, token_activated_cb);

  gtk_widget_class_install_action (widget_class, "sign-in.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "sign-in.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "sign-in.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "sign-in.open-token-page", NULL, open_token_page_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "sign-in.cancel", NULL);
}

static void
pub_sign_in_page_init (PubSignInPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* libadwaita's show-text button comes without a name. */
  pub_accessible_name_inner_buttons (GTK_WIDGET (self->token_row), _("Show the Token"));
}

PubSignInPage *
pub_sign_in_page_new (PubAccountManager *manager,
                      PubAccount        *account,
                      gboolean           first_run)
{
  g_return_val_if_fail (PUB_IS_ACCOUNT_MANAGER (manager), NULL);
  g_return_val_if_fail (account == NULL || PUB_IS_ACCOUNT (account), NULL);

  return g_object_new (PUB_TYPE_SIGN_IN_PAGE,
                       "manager", manager,
                       "account", account,
                       "first-run", first_run,
                       NULL);
}

void
pub_sign_in_page_set_timeout (PubSignInPage *self,
                              guint          seconds)
{
  g_return_if_fail (PUB_IS_SIGN_IN_PAGE (self));

  self->timeout = seconds;
}

PubAccount *
pub_sign_in_page_get_account (PubSignInPage *self)
{
  g_return_val_if_fail (PUB_IS_SIGN_IN_PAGE (self), NULL);

  return self->account;
}

static void
page_done_cb (GtkWindow *window)
{
  gtk_window_destroy (window);
}

GtkWindow *
pub_sign_in_page_present (GtkWindow         *parent,
                          PubAccountManager *manager,
                          PubAccount        *account,
                          gboolean           first_run)
{
  PubSignInPage *page = pub_sign_in_page_new (manager, account, first_run);
  GtkWidget *window = adw_window_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Sign In"));
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 680);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  /* Asking for a new token must not lock the work behind it. */
  gtk_window_set_modal (GTK_WINDOW (window), account == NULL);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  g_signal_connect_object (page, "done", G_CALLBACK (page_done_cb), window, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}
