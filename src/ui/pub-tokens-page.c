/* pub-tokens-page.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-client-tokens.h"
#include "ckan-error.h"
#include "pub-token-row.h"
#include "pub-tokens-page.h"

struct _PubTokensPage
{
  AdwBin               parent_instance;

  PubAccountManager   *manager;
  PubAccount          *account;
  GCancellable        *cancellable;
  char                *new_token;
  gboolean             busy;

  AdwWindowTitle      *window_title;
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  AdwPreferencesGroup *new_token_group;
  GtkLabel            *new_token_label;
  AdwEntryRow         *name_row;
  GtkListBox          *tokens_list;
  GtkButton           *refresh_button;
};

G_DEFINE_FINAL_TYPE (PubTokensPage, pub_tokens_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MANAGER,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNED_OUT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (PubTokensPage *self);

static void
toast (PubTokensPage *self,
       const char    *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
update_actions (PubTokensPage *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tokens.create", !self->busy && *name != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tokens.refresh", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tokens.copy", self->new_token != NULL);
}

/* Something a call said about the account: a 403 may be a revoked token. */
static char *
describe_error (PubTokensPage *self,
                const GError  *error)
{
  pub_account_check_error (self->account, error);
  if (error->domain == CKAN_ERROR)
    return g_strdup (ckan_error_code_to_message (error->code));
  return g_strdup (error->message);
}

static gboolean
is_in_use (PubTokensPage *self,
           CkanApiToken  *token)
{
  return g_strcmp0 (ckan_api_token_get_id (token), pub_account_get_token_id (self->account)) == 0;
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PubTokensPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tokens = NULL;
  GtkWidget *child;

  g_assert (PUB_IS_TOKENS_PAGE (self));

  tokens = ckan_client_api_token_list_finish (CKAN_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
    return;

  self->busy = FALSE;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  update_actions (self);

  if (tokens == NULL)
    {
      g_autofree char *message = describe_error (self, error);

      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tokens_list))) != NULL)
    gtk_list_box_remove (self->tokens_list, child);
  for (guint i = 0; i < tokens->len; i++)
    {
      CkanApiToken *token = g_ptr_array_index (tokens, i);

      gtk_list_box_append (self->tokens_list, pub_token_row_new (token, is_in_use (self, token)));
    }
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
reload (PubTokensPage *self)
{
  self->busy = TRUE;
  update_actions (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") != 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_set_spinning (self->spinner, TRUE);
    }
  ckan_client_api_token_list_async (pub_account_get_client (self->account),
                                    pub_account_get_user_id (self->account),
                                    self->cancellable, list_cb, g_object_ref (self));
}


/* The token shown once: its bytes don't outlive the page or a newer one. */
static void
clear_new_token (PubTokensPage *self)
{
  if (self->new_token == NULL)
    return;
  memset (self->new_token, 0, strlen (self->new_token));
  g_clear_pointer (&self->new_token, g_free);
}

static void
create_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PubTokensPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  g_assert (PUB_IS_TOKENS_PAGE (self));

  token = ckan_client_api_token_create_finish (CKAN_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (token == NULL)
    {
      g_autofree char *message = describe_error (self, error);

      toast (self, message);
      update_actions (self);
      return;
    }

  clear_new_token (self);
  self->new_token = g_steal_pointer (&token);
  gtk_label_set_label (self->new_token_label, self->new_token);
  gtk_widget_set_visible (GTK_WIDGET (self->new_token_group), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->new_token_label));
  reload (self);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PubTokensPage *self = PUB_TOKENS_PAGE (widget);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  if (self->busy || *name == '\0')
    return;
  self->busy = TRUE;
  update_actions (self);
  /* CKAN's api_token_create takes the user's name or id as "user". */
  ckan_client_api_token_create_async (pub_account_get_client (self->account),
                                      pub_account_get_user_name (self->account), name,
                                      self->cancellable, create_cb, g_object_ref (self));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PubTokensPage *self = PUB_TOKENS_PAGE (widget);

  if (self->new_token == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->new_token);
  toast (self, _("Token copied"));
}

static void
signed_out_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PubTokensPage) self = user_data;
  g_autoptr(GError) error = NULL;

  g_assert (PUB_IS_TOKENS_PAGE (self));

  if (!pub_account_manager_sign_out_finish (PUB_ACCOUNT_MANAGER (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNED_OUT], 0);
}

static void
after_revoke_verify_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(PubTokensPage) self = user_data;
  g_autoptr(GError) error = NULL;

  g_assert (PUB_IS_TOKENS_PAGE (self));

  /* The token revoked was the one in use: nothing can be done with this
   * account until a new token is in, so sign it out as promised. */
  if (!pub_account_verify_finish (PUB_ACCOUNT (object), result, &error) &&
      g_error_matches (error, PUB_ACCOUNT_ERROR, PUB_ACCOUNT_ERROR_TOKEN_REJECTED))
    {
      pub_account_manager_sign_out_async (self->manager, self->account, self->cancellable,
                                          signed_out_cb, g_object_ref (self));
      return;
    }
  reload (self);
}

static void
revoke_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PubTokensPage) self = user_data;
  g_autoptr(GError) error = NULL;

  g_assert (PUB_IS_TOKENS_PAGE (self));

  if (!ckan_client_api_token_revoke_finish (CKAN_CLIENT (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
        return;
      message = describe_error (self, error);
      self->busy = FALSE;
      update_actions (self);
      toast (self, message);
      return;
    }

  toast (self, _("Token revoked"));
  /* Whether it was ours is certain only by asking: the token id is not
   * known for every token. */
  pub_account_verify_async (self->account, self->cancellable, after_revoke_verify_cb,
                            g_object_ref (self));
}

static void
revoke_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  PubTokensPage *self = PUB_TOKENS_PAGE (user_data);
  const char *token_id = g_object_get_data (G_OBJECT (dialog), "pub-token-id");

  if (g_strcmp0 (response, "revoke") != 0)
    return;
  self->busy = TRUE;
  update_actions (self);
  ckan_client_api_token_revoke_async (pub_account_get_client (self->account), token_id,
                                      self->cancellable, revoke_cb, g_object_ref (self));
}

static void
revoke_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PubTokensPage *self = PUB_TOKENS_PAGE (widget);
  const char *token_id = g_variant_get_string (param, NULL);
  gboolean in_use = g_strcmp0 (token_id, pub_account_get_token_id (self->account)) == 0;
  const char *name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *portal = pub_account_dup_portal_label (self->account);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->tokens_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      CkanApiToken *token = PUB_IS_TOKEN_ROW (row) ? pub_token_row_get_token (PUB_TOKEN_ROW (row)) : NULL;

      if (token != NULL && g_strcmp0 (ckan_api_token_get_id (token), token_id) == 0)
        name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
    }

  heading = g_strdup_printf (_("Revoke “%s”?"), name ? name : token_id);
  if (in_use)
    body = g_strdup_printf (_("Publicador uses this token, so you will be signed out of %s. "
                              "Your drafts stay on this computer. This cannot be undone."), portal);
  else
    body = g_strdup (_("Any computer or app using this token will no longer be able to act "
                       "as you on the portal. This cannot be undone."));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "revoke", in_use ? _("_Revoke and Sign Out") : _("_Revoke"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "revoke",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pub-token-id", g_strdup (token_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (revoke_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  reload (PUB_TOKENS_PAGE (widget));
}

static void
name_changed_cb (PubTokensPage *self)
{
  g_assert (PUB_IS_TOKENS_PAGE (self));

  update_actions (self);
}

static void
name_activated_cb (PubTokensPage *self)
{
  g_assert (PUB_IS_TOKENS_PAGE (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "tokens.create", NULL);
}

static void
pub_tokens_page_constructed (GObject *object)
{
  PubTokensPage *self = PUB_TOKENS_PAGE (object);
  g_autofree char *portal = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *default_name = NULL;

  G_OBJECT_CLASS (pub_tokens_page_parent_class)->constructed (object);

  portal = pub_account_dup_portal_label (self->account);
  subtitle = g_strdup_printf ("%s@%s", pub_account_get_user_name (self->account), portal);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* Translators: the default name of a new token; %s is this computer's name */
  default_name = g_strdup_printf (_("Publicador on %s"), g_get_host_name ());
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), default_name);

  reload (self);
}

static void
pub_tokens_page_dispose (GObject *object)
{
  PubTokensPage *self = PUB_TOKENS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_TOKENS_PAGE);
  g_clear_object (&self->manager);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (pub_tokens_page_parent_class)->dispose (object);
}

static void
pub_tokens_page_finalize (GObject *object)
{
  PubTokensPage *self = PUB_TOKENS_PAGE (object);

  g_clear_object (&self->cancellable);
  clear_new_token (self);

  G_OBJECT_CLASS (pub_tokens_page_parent_class)->finalize (object);
}

static void
pub_tokens_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PubTokensPage *self = PUB_TOKENS_PAGE (object);

  switch (prop_id)
    {
    case PROP_MANAGER:
      g_value_set_object (value, self->manager);
      break;

    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_tokens_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PubTokensPage *self = PUB_TOKENS_PAGE (object);

  switch (prop_id)
    {
    case PROP_MANAGER:
      self->manager = g_value_dup_object (value);
      break;

    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_tokens_page_class_init (PubTokensPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pub_tokens_page_constructed;
  object_class->dispose = pub_tokens_page_dispose;
  object_class->finalize = pub_tokens_page_finalize;
  object_class->get_property = pub_tokens_page_get_property;
  object_class->set_property = pub_tokens_page_set_property;

  properties[PROP_MANAGER] =
    g_param_spec_object ("manager", NULL, NULL,
                         PUB_TYPE_ACCOUNT_MANAGER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL,
                         PUB_TYPE_ACCOUNT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The token in use was revoked here and the account signed out. */
  signals[SIGNED_OUT] = g_signal_new ("signed-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/publicador/Publicador/ui/pub-tokens-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PubTokensPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, PubTokensPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PubTokensPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PubTokensPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PubTokensPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, PubTokensPage, new_token_group);
  gtk_widget_class_bind_template_child (widget_class, PubTokensPage, new_token_label);
  gtk_widget_class_bind_template_child (widget_class, PubTokensPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, PubTokensPage, tokens_list);
  gtk_widget_class_bind_template_child (widget_class, PubTokensPage, refresh_button);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_activated_cb);

  gtk_widget_class_install_action (widget_class, "tokens.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "tokens.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "tokens.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "tokens.revoke", "s", revoke_action);
}

static void
pub_tokens_page_init (PubTokensPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

PubTokensPage *
pub_tokens_page_new (PubAccountManager *manager,
                     PubAccount        *account)
{
  g_return_val_if_fail (PUB_IS_ACCOUNT_MANAGER (manager), NULL);
  g_return_val_if_fail (PUB_IS_ACCOUNT (account), NULL);

  return g_object_new (PUB_TYPE_TOKENS_PAGE,
                       "manager", manager,
                       "account", account,
                       NULL);
}

GtkWindow *
pub_tokens_page_present (GtkWindow         *parent,
                         PubAccountManager *manager,
                         PubAccount        *account)
{
  PubTokensPage *page = pub_tokens_page_new (manager, account);
  GtkWidget *window = adw_window_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("API Tokens"));
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 640);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  g_signal_connect_object (page, "signed-out", G_CALLBACK (gtk_window_destroy), window,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}
