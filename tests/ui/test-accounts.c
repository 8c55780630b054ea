/* test-accounts.c: the account switcher, a revoked token asked again in
 * place, and the tokens page, through the real widgets
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "ckan-client-tokens.h"
#include "ckan-error.h"
#include "pub-account-manager.h"
#include "pub-account-row.h"
#include "pub-application.h"
#include "pub-window.h"
#include "pub-account-switcher.h"
#include "pub-secret-store.h"
#include "pub-sign-in.h"
#include "pub-sign-in-page.h"
#include "pub-token-row.h"
#include "pub-tokens-page.h"
#include "test-portal.h"

typedef struct
{
  PubTestPortal     *portal;
  GSettings         *settings;
  PubAccountManager *manager;
  GtkWindow         *window;
  GtkWidget         *switcher;
  GtkEntry          *work;
} Fixture;

static char *scratch_dir;

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      g_main_context_iteration (NULL, FALSE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  return *slot;
}

static void
iterate_until (gboolean (*done) (gpointer),
               gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_main_context_iteration (NULL, FALSE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

static void
flush_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWindow *
find_toplevel (GType    type,
               gboolean (*match) (GtkWindow *))
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (match == NULL || match (window)))
        return window;
    }
  return NULL;
}

static gboolean
has_sign_in_page (GtkWindow *window)
{
  return ADW_IS_WINDOW (window) && PUB_IS_SIGN_IN_PAGE (adw_window_get_content (ADW_WINDOW (window)));
}

static gboolean
has_tokens_page (GtkWindow *window)
{
  return ADW_IS_WINDOW (window) && PUB_IS_TOKENS_PAGE (adw_window_get_content (ADW_WINDOW (window)));
}

static gboolean
dialog_shown (gpointer data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL) != NULL;
}

static void
answer_dialog (const char *response)
{
  GtkWindow *dialog;

  iterate_until (dialog_shown, NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  if (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL) == dialog)
    gtk_window_destroy (dialog);
  flush_events ();
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  gpointer found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (found);
  return found;
}

static PubAccount *
sign_in (Fixture    *f,
         const char *user)
{
  g_autoptr(GAsyncResult) signed_in = NULL;
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(PubAccount) candidate = NULL;
  g_autoptr(GError) error = NULL;
  const char *token = pub_test_portal_get_token (f->portal, user);
  PubAccount *account;

  pub_sign_in_async (pub_test_portal_get_url (f->portal), token, FALSE, 0, NULL, result_cb, &signed_in);
  candidate = pub_sign_in_finish (wait_for (&signed_in), &error);
  g_assert_no_error (error);
  pub_account_manager_add_async (f->manager, candidate, token, FALSE, NULL, result_cb, &added);
  account = pub_account_manager_add_finish (f->manager, wait_for (&added), &error);
  g_assert_no_error (error);
  return account;
}

static char *
create_token (PubAccount *account,
              const char *name)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  ckan_client_api_token_create_async (pub_account_get_client (account),
                                      pub_account_get_user_name (account), name,
                                      NULL, result_cb, &result);
  token = ckan_client_api_token_create_finish (pub_account_get_client (account),
                                               wait_for (&result), &error);
  g_assert_no_error (error);
  return token;
}

static char *
keyring_lookup (PubAccount *account)
{
  g_autoptr(GAsyncResult) result = NULL;
  char *token;
  char *copy;

  pub_secret_store_lookup_async (pub_account_get_portal_url (account),
                                 pub_account_get_user_id (account), NULL, result_cb, &result);
  token = pub_secret_store_lookup_finish (wait_for (&result), NULL);
  copy = g_strdup (token);
  secret_password_free (token);
  return copy;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  GtkWidget *box;

  f->portal = pub_test_portal_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pub_test_portal_listen (f->portal, 0, &error));
  f->settings = g_settings_new_with_backend (BASE_APPLICATION_ID, backend);
  f->manager = pub_account_manager_new (f->settings);

  /* A window with some work in progress beside the switcher. */
  f->window = GTK_WINDOW (gtk_window_new ());
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  f->work = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (f->work), "Calidad del aire 2026 (borrador)");
  f->switcher = pub_account_switcher_new ();
  pub_account_switcher_set_manager (PUB_ACCOUNT_SWITCHER (f->switcher), f->manager);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->work));
  gtk_box_append (GTK_BOX (box), f->switcher);
  gtk_window_set_child (f->window, box);
  g_object_ref (f->window);
  gtk_window_present (f->window);
  flush_events ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GtkWindow *window;

  while ((window = find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL)) != NULL)
    gtk_window_destroy (window);
  while ((window = find_toplevel (ADW_TYPE_WINDOW, NULL)) != NULL)
    gtk_window_destroy (window);
  gtk_window_destroy (f->window);
  flush_events ();
  g_assert_finalize_object (f->window);
  g_clear_object (&f->manager);
  g_clear_object (&f->settings);
  g_clear_object (&f->portal);
}

static gboolean
account_needs_token (gpointer data)
{
  return pub_account_get_state (PUB_ACCOUNT (data)) == PUB_ACCOUNT_STATE_NEEDS_TOKEN;
}

static gboolean
account_ready (gpointer data)
{
  return pub_account_get_state (PUB_ACCOUNT (data)) == PUB_ACCOUNT_STATE_READY;
}

static gboolean
page_settled (gpointer data)
{
  PubSignInPage *page = data;

  return !gtk_widget_get_visible (child (page, PUB_TYPE_SIGN_IN_PAGE, "busy_box")) &&
         (gtk_widget_get_visible (child (page, PUB_TYPE_SIGN_IN_PAGE, "error_box")) ||
          g_strcmp0 (gtk_stack_get_visible_child_name (child (page, PUB_TYPE_SIGN_IN_PAGE, "stack")), "done") == 0);
}

static void
submit_token (PubSignInPage *page,
              const char    *token)
{
  gtk_widget_set_visible (child (page, PUB_TYPE_SIGN_IN_PAGE, "error_box"), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (child (page, PUB_TYPE_SIGN_IN_PAGE, "token_row")), token);
  g_signal_emit_by_name (child (page, PUB_TYPE_SIGN_IN_PAGE, "sign_in_button"), "clicked");
  iterate_until (page_settled, page);
}

static void
test_revoked_token_asked_in_place (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(PubAccount) account = sign_in (f, "editor");
  g_autofree char *old_token = g_strdup (pub_test_portal_get_token (f->portal, "editor"));
  g_autofree char *new_token = create_token (account, "otro computador");
  g_autofree char *stored = NULL;
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  GtkWindow *reauth;
  PubSignInPage *page;

  g_assert_false (gtk_widget_get_visible (child (f->switcher, PUB_TYPE_ACCOUNT_SWITCHER, "reauth_card")));

  /* Revoked on the portal while the app runs; the next write fails. */
  pub_test_portal_revoke_token (f->portal, old_token);
  json_object_set_string_member (params, "name", "calidad-del-aire-2026");
  json_object_set_string_member (params, "owner_org", "ministerio-de-prueba");
  ckan_client_call_async (pub_account_get_client (account), "package_create", params,
                          CKAN_CALL_WRITE, NULL, result_cb, &result);
  node = ckan_client_call_finish (pub_account_get_client (account), wait_for (&result), &error);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION);
  /* Nobody had to report it: the account watches its client. */
  iterate_until (account_needs_token, account);

  /* The sidebar asks for a new token; nothing was closed or cleared. */
  flush_events ();
  g_assert_true (gtk_widget_get_visible (child (f->switcher, PUB_TYPE_ACCOUNT_SWITCHER, "reauth_card")));
  g_assert_true (gtk_widget_get_visible (child (f->switcher, PUB_TYPE_ACCOUNT_SWITCHER, "state_icon")));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->work)), ==, "Calidad del aire 2026 (borrador)");

  g_assert_true (gtk_widget_activate_action (f->switcher, "accounts.reauth", NULL));
  flush_events ();
  reauth = find_toplevel (ADW_TYPE_WINDOW, has_sign_in_page);
  g_assert_nonnull (reauth);
  /* Not modal: the work behind stays usable. */
  g_assert_false (gtk_window_get_modal (reauth));
  page = PUB_SIGN_IN_PAGE (adw_window_get_content (ADW_WINDOW (reauth)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (page, PUB_TYPE_SIGN_IN_PAGE, "portal_row"))), ==,
                   pub_account_get_portal_url (account));
  g_assert_false (gtk_widget_get_sensitive (child (page, PUB_TYPE_SIGN_IN_PAGE, "portal_row")));

  /* Someone else's token is refused... */
  submit_token (page, pub_test_portal_get_token (f->portal, "member"));
  g_assert_cmpstr (gtk_label_get_label (child (page, PUB_TYPE_SIGN_IN_PAGE, "error_label")), ==,
                   "This token belongs to another user. Paste a token of editor.");
  g_assert_cmpint (pub_account_get_state (account), ==, PUB_ACCOUNT_STATE_NEEDS_TOKEN);

  /* ... the person's new one brings the same account back. */
  submit_token (page, new_token);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, PUB_TYPE_SIGN_IN_PAGE, "stack")), ==, "done");
  iterate_until (account_ready, account);
  g_assert_true (pub_account_manager_get_current (f->manager) == account);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->manager)), ==, 1);
  stored = keyring_lookup (account);
  g_assert_cmpstr (stored, ==, new_token);
  flush_events ();
  g_assert_false (gtk_widget_get_visible (child (f->switcher, PUB_TYPE_ACCOUNT_SWITCHER, "reauth_card")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->work)), ==, "Calidad del aire 2026 (borrador)");

  /* And calls work again. */
  g_clear_object (&result);
  g_clear_pointer (&node, json_node_unref);
  g_clear_error (&error);
  ckan_client_call_async (pub_account_get_client (account), "user_show", NULL, CKAN_CALL_READ,
                          NULL, result_cb, &result);
  node = ckan_client_call_finish (pub_account_get_client (account), wait_for (&result), &error);
  g_assert_no_error (error);
}

static void
test_switch_and_sign_out (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PubAccount) editor = sign_in (f, "editor");
  g_autoptr(PubAccount) admin = sign_in (f, "admin");
  GtkListBox *list = child (f->switcher, PUB_TYPE_ACCOUNT_SWITCHER, "accounts_list");
  GtkListBoxRow *row;
  g_autofree char *left = NULL;

  flush_events ();
  g_assert_true (pub_account_manager_get_current (f->manager) == admin);
  g_assert_cmpstr (gtk_label_get_label (child (f->switcher, PUB_TYPE_ACCOUNT_SWITCHER, "name_label")), ==,
                   "Ana Administradora");

  /* Switch by activating the first row (editor). */
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  flush_events ();
  g_assert_true (pub_account_manager_get_current (f->manager) == editor);
  g_assert_cmpstr (gtk_label_get_label (child (f->switcher, PUB_TYPE_ACCOUNT_SWITCHER, "name_label")), ==,
                   "Eduardo Editor");
  /* Only the current account's row shows the check. */
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *account_row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, i));
      GtkWidget *check = GTK_WIDGET (gtk_widget_get_template_child (account_row, PUB_TYPE_ACCOUNT_ROW, "check"));
      PubAccount *shown = pub_account_row_get_account (PUB_ACCOUNT_ROW (account_row));

      g_assert_cmpfloat (gtk_widget_get_opacity (check), ==, shown == editor ? 1.0 : 0.0);
    }

  /* Sign out asks first; cancelling keeps everything. */
  g_assert_true (gtk_widget_activate_action (f->switcher, "accounts.sign-out", NULL));
  answer_dialog ("cancel");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->manager)), ==, 2);

  g_assert_true (gtk_widget_activate_action (f->switcher, "accounts.sign-out", NULL));
  answer_dialog ("sign-out");
  while (g_list_model_get_n_items (G_LIST_MODEL (f->manager)) != 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (pub_account_manager_get_current (f->manager) == admin);
  left = keyring_lookup (editor);
  g_assert_null (left);
  flush_events ();
  g_assert_cmpstr (gtk_label_get_label (child (f->switcher, PUB_TYPE_ACCOUNT_SWITCHER, "name_label")), ==,
                   "Ana Administradora");

  g_assert_true (gtk_widget_activate_action (f->switcher, "accounts.sign-out", NULL));
  answer_dialog ("sign-out");
  while (g_list_model_get_n_items (G_LIST_MODEL (f->manager)) != 0)
    g_main_context_iteration (NULL, TRUE);
  flush_events ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f->switcher, PUB_TYPE_ACCOUNT_SWITCHER, "stack")), ==,
                   "signed-out");
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static gboolean
tokens_loaded (gpointer data)
{
  PubTokensPage *page = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (child (page, PUB_TYPE_TOKENS_PAGE, "stack")), "list") == 0 &&
         gtk_widget_is_sensitive (child (page, PUB_TYPE_TOKENS_PAGE, "refresh_button"));
}

static gboolean
rows_are (PubTokensPage *page,
          guint          n)
{
  return tokens_loaded (page) && count_rows (child (page, PUB_TYPE_TOKENS_PAGE, "tokens_list")) == n;
}

static gboolean
two_rows (gpointer data)
{
  return rows_are (data, 2);
}

static gboolean
one_row (gpointer data)
{
  return rows_are (data, 1);
}

static void
clipboard_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(char **) user_data = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
}

static gboolean
string_set (gpointer data)
{
  return *(char **) data != NULL;
}

static gboolean
no_accounts (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (data)) == 0;
}

static void
test_tokens_page (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PubAccount) account = sign_in (f, "editor");
  GtkWindow *window;
  PubTokensPage *page;
  GtkListBox *list;
  GtkWidget *row;
  const char *shown;
  g_autofree char *copied = NULL;
  g_autofree char *left = NULL;
  g_autofree char *in_use_id = NULL;
  g_autofree char *other_id = NULL;

  g_assert_nonnull (pub_account_get_token_id (account));
  g_assert_true (gtk_widget_activate_action (f->switcher, "accounts.tokens", NULL));
  flush_events ();
  window = find_toplevel (ADW_TYPE_WINDOW, has_tokens_page);
  g_assert_nonnull (window);
  page = PUB_TOKENS_PAGE (adw_window_get_content (ADW_WINDOW (window)));
  iterate_until (tokens_loaded, page);
  list = child (page, PUB_TYPE_TOKENS_PAGE, "tokens_list");
  g_assert_cmpuint (count_rows (list), ==, 1);
  row = gtk_widget_get_first_child (GTK_WIDGET (list));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "fixture");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Created "));

  /* Create one: shown once, with a copy button. */
  gtk_editable_set_text (GTK_EDITABLE (child (page, PUB_TYPE_TOKENS_PAGE, "name_row")), "Notebook de la oficina");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "tokens.create", NULL));
  iterate_until (two_rows, page);
  g_assert_true (gtk_widget_get_visible (child (page, PUB_TYPE_TOKENS_PAGE, "new_token_group")));
  shown = gtk_label_get_label (child (page, PUB_TYPE_TOKENS_PAGE, "new_token_label"));
  g_assert_cmpuint (strlen (shown), >, 16);
  g_assert_cmpstr (shown, !=, pub_test_portal_get_token (f->portal, "editor"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "tokens.copy", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (page)), NULL, clipboard_cb, &copied);
  iterate_until (string_set, &copied);
  g_assert_cmpstr (copied, ==, shown);

  for (row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    {
      CkanApiToken *token = pub_token_row_get_token (PUB_TOKEN_ROW (row));

      gboolean in_use = g_strcmp0 (ckan_api_token_get_id (token), pub_account_get_token_id (account)) == 0;

      /* The token Publicador signs in with says so. */
      g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (row, PUB_TYPE_TOKEN_ROW, "in_use_label"))),
                       ==, in_use);
      if (in_use)
        in_use_id = g_strdup (ckan_api_token_get_id (token));
      else
        other_id = g_strdup (ckan_api_token_get_id (token));
    }
  g_assert_nonnull (in_use_id);
  g_assert_nonnull (other_id);

  /* Revoking another token asks, then leaves the account signed in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "tokens.revoke", "s", other_id));
  answer_dialog ("revoke");
  iterate_until (one_row, page);
  g_assert_cmpint (pub_account_get_state (account), ==, PUB_ACCOUNT_STATE_READY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->manager)), ==, 1);

  /* Revoking the one in use signs out and closes the page. */
  g_object_ref (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "tokens.revoke", "s", in_use_id));
  answer_dialog ("revoke");
  iterate_until (no_accounts, f->manager);
  flush_events ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_object_unref (window);
  left = keyring_lookup (account);
  g_assert_null (left);
}

static void
test_first_run (void)
{
  g_autoptr(PubApplication) app = pub_application_new ();
  GSettings *settings;
  GtkWindow *welcome;
  PubSignInPage *page;
  GtkWindow *window;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_hold (G_APPLICATION (app));
  settings = pub_application_get_settings (app);
  g_assert_false (g_settings_get_boolean (settings, "first-run-done"));

  /* First start, nobody signed in: the welcome comes up over the window. */
  g_application_activate (G_APPLICATION (app));
  flush_events ();
  welcome = find_toplevel (ADW_TYPE_WINDOW, has_sign_in_page);
  g_assert_nonnull (welcome);
  g_assert_true (PUB_IS_WINDOW (gtk_window_get_transient_for (welcome)));
  page = PUB_SIGN_IN_PAGE (adw_window_get_content (ADW_WINDOW (welcome)));
  g_assert_cmpstr (gtk_button_get_label (child (page, PUB_TYPE_SIGN_IN_PAGE, "cancel_button")), ==, "_Skip");
  g_assert_true (g_settings_get_boolean (settings, "first-run-done"));

  /* Skipping leaves the app usable without an account... */
  g_signal_emit_by_name (child (page, PUB_TYPE_SIGN_IN_PAGE, "cancel_button"), "clicked");
  flush_events ();
  g_assert_null (find_toplevel (ADW_TYPE_WINDOW, has_sign_in_page));
  g_assert_nonnull (find_toplevel (PUB_TYPE_WINDOW, NULL));

  /* ... and the welcome is not shown again. */
  g_application_activate (G_APPLICATION (app));
  flush_events ();
  g_assert_null (find_toplevel (ADW_TYPE_WINDOW, has_sign_in_page));

  while ((window = find_toplevel (GTK_TYPE_WINDOW, NULL)) != NULL)
    gtk_window_destroy (window);
  flush_events ();
  g_application_release (G_APPLICATION (app));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *keyring_path = NULL;
  int ret;

  scratch_dir = g_dir_make_tmp ("pub-test-accounts-XXXXXX", NULL);
  keyring_path = g_build_filename (scratch_dir, "keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring_path, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test-password", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/ui/accounts/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("revoked-token-asked-in-place", test_revoked_token_asked_in_place);
  ADD ("switch-and-sign-out", test_switch_and_sign_out);
  ADD ("tokens-page", test_tokens_page);
#undef ADD
  g_test_add_func ("/ui/accounts/first-run", test_first_run);

  ret = g_test_run ();

  g_remove (keyring_path);
  g_rmdir (scratch_dir);
  g_free (scratch_dir);
  return ret;
}
