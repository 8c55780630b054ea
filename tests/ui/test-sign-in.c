/* test-sign-in.c: signing in through the real widgets, against the test portal
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <libsoup/soup.h>

#include "ckan-organization.h"
#include "pub-account-manager.h"
#include "pub-secret-store.h"
#include "pub-sign-in-page.h"
#include "test-portal.h"

typedef struct
{
  PubTestPortal     *portal;
  GSettings         *settings;
  PubAccountManager *manager;
  GtkWindow         *window;
  PubSignInPage     *page;
} Fixture;

static char *scratch_dir;

static gpointer
child (Fixture    *f,
       const char *name)
{
  gpointer widget = gtk_widget_get_template_child (GTK_WIDGET (f->page), PUB_TYPE_SIGN_IN_PAGE, name);

  g_assert_nonnull (widget);
  return widget;
}

static GtkWindow *
find_toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* Until the page settled: an error shown, the last step reached, or a
 * question asked in a dialog. */
static gboolean
page_settled (Fixture *f)
{
  const char *visible = gtk_stack_get_visible_child_name (child (f, "stack"));

  if (gtk_widget_get_visible (child (f, "busy_box")))
    return FALSE;
  return gtk_widget_get_visible (child (f, "error_box")) ||
         g_strcmp0 (visible, "done") == 0 ||
         find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
wait_until_settled (Fixture *f)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!page_settled (f))
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

static void
open_page (Fixture    *f,
           PubAccount *account)
{
  f->window = pub_sign_in_page_present (NULL, f->manager, account, FALSE);
  g_object_ref (f->window);
  f->page = PUB_SIGN_IN_PAGE (adw_window_get_content (ADW_WINDOW (f->window)));
  g_assert_true (PUB_IS_SIGN_IN_PAGE (f->page));
  flush_events ();
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();

  f->portal = pub_test_portal_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pub_test_portal_listen (f->portal, 0, &error));
  g_assert_no_error (error);

  f->settings = g_settings_new_with_backend (BASE_APPLICATION_ID, backend);
  f->manager = pub_account_manager_new (f->settings);
  open_page (f, NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GtkWindow *dialog;

  while ((dialog = find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
  if (f->window != NULL)
    {
      gtk_window_destroy (f->window);
      flush_events ();
      g_assert_finalize_object (f->window);
    }
  g_clear_object (&f->manager);
  g_clear_object (&f->settings);
  g_clear_object (&f->portal);
}

static void
submit (Fixture    *f,
        const char *portal,
        const char *token)
{
  gtk_editable_set_text (GTK_EDITABLE (child (f, "portal_row")), portal);
  gtk_editable_set_text (GTK_EDITABLE (child (f, "token_row")), token);
  g_assert_true (gtk_widget_is_sensitive (child (f, "sign_in_button")));
  g_signal_emit_by_name (child (f, "sign_in_button"), "clicked");
  wait_until_settled (f);
}

static const char *
shown_error (Fixture *f)
{
  if (!gtk_widget_get_visible (child (f, "error_box")))
    return NULL;
  return gtk_label_get_label (child (f, "error_label"));
}

static void
answer_dialog (const char *response)
{
  GtkWindow *dialog = find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  if (find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG) == dialog)
    gtk_window_destroy (dialog);
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static char *
keyring_lookup (PubAccount *account)
{
  g_autoptr(GAsyncResult) result = NULL;
  char *token;
  char *copy;

  pub_secret_store_lookup_async (pub_account_get_portal_url (account),
                                 pub_account_get_user_id (account), NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  token = pub_secret_store_lookup_finish (result, NULL);
  copy = g_strdup (token);
  secret_password_free (token);
  return copy;
}

static void
test_success (Fixture       *f,
              gconstpointer  data)
{
  const char *token = pub_test_portal_get_token (f->portal, "editor");
  PubAccount *account;
  GtkListBox *orgs;
  GtkWidget *row;
  g_autofree char *expected_where = NULL;
  guint n_rows = 0;

  /* The address is offered from the settings, and may carry a path. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "portal_row"))), ==,
                   "https://datos.gob.cl");

  submit (f, pub_test_portal_get_url (f->portal), token);
  g_assert_null (shown_error (f));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f, "stack")), ==, "done");

  /* Who signed in: name, avatar initials, organizations with the role. */
  g_assert_cmpstr (gtk_label_get_label (child (f, "name_label")), ==, "Eduardo Editor");
  g_assert_cmpstr (adw_avatar_get_text (child (f, "avatar")), ==, "Eduardo Editor");
  g_assert_true (adw_avatar_get_show_initials (child (f, "avatar")));
  orgs = child (f, "organizations_list");
  for (row = gtk_widget_get_first_child (GTK_WIDGET (orgs)); row; row = gtk_widget_get_next_sibling (row))
    {
      g_assert_true (ADW_IS_ACTION_ROW (row));
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), !=, NULL);
      n_rows++;
    }
  g_assert_cmpuint (n_rows, >, 0);
  row = gtk_widget_get_first_child (GTK_WIDGET (orgs));
  g_assert_true (g_str_equal (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Editor") ||
                 g_str_equal (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Member") ||
                 g_str_equal (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Administrator"));

  /* Status first, without the token; then who am I. */
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "status_show"), ==, 1);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "user_show"), ==, 1);

  /* The account is in the list, current, and its token in the keyring. */
  account = pub_account_manager_get_current (f->manager);
  g_assert_nonnull (account);
  g_assert_true (pub_sign_in_page_get_account (f->page) == account);
  g_assert_cmpstr (pub_account_get_user_name (account), ==, "editor");
  g_assert_cmpint (pub_account_get_state (account), ==, PUB_ACCOUNT_STATE_READY);
  g_assert_false (pub_account_get_session_only (account));
  expected_where = g_strdup_printf ("editor@%s", pub_test_portal_get_url (f->portal) + strlen ("http://"));
  g_assert_cmpstr (gtk_label_get_label (child (f, "where_label")), ==, expected_where);

  {
    g_autofree char *stored = keyring_lookup (account);

    g_assert_cmpstr (stored, ==, token);
  }

  /* Continue closes the window. */
  g_signal_emit_by_name (child (f, "continue_button"), "clicked");
  flush_events ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
}

/* A web server that is not a CKAN portal: every path is an HTML page, and
 * the API paths a 404 page, as a typical site answers. */
typedef struct
{
  SoupServer *server;
  guint       requests;
  guint       with_token;
  char       *url;
} HtmlSite;

static void
html_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  static const char page[] = "<!DOCTYPE html><html><body><h1>Bienvenido</h1></body></html>";
  HtmlSite *site = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  site->requests++;
  if (soup_message_headers_get_one (headers, "Authorization") != NULL ||
      soup_message_headers_get_one (headers, "X-CKAN-API-Key") != NULL)
    site->with_token++;

  soup_server_message_set_status (msg, strstr (path, "/api/") ? 404 : 200, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                    page, strlen (page));
}

static HtmlSite *
html_site_new (gboolean all_interfaces)
{
  HtmlSite *site = g_new0 (HtmlSite, 1);
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  site->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (site->server, NULL, html_handler, site, NULL);
  if (all_interfaces)
    soup_server_listen_all (site->server, 0, 0, &error);
  else
    soup_server_listen_local (site->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (site->server);
  site->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  return site;
}

static void
html_site_free (HtmlSite *site)
{
  soup_server_disconnect (site->server);
  g_object_unref (site->server);
  g_free (site->url);
  g_free (site);
}

static void
test_wrong_address (Fixture       *f,
                    gconstpointer  data)
{
  submit (f, "esto no es una dirección", "un-token");
  g_assert_cmpstr (shown_error (f), ==,
                   "This is not a web address. Write the portal's address, such as https://datos.gob.cl.");

  submit (f, "ftp://datos.gob.cl", "un-token");
  g_assert_cmpstr (shown_error (f), ==,
                   "This is not a web address. Write the portal's address, such as https://datos.gob.cl.");

  /* .invalid never resolves (RFC 6761): a misspelt portal name. */
  submit (f, "https://portal-que-no-existe.invalid", "un-token");
  g_assert_cmpstr (shown_error (f), ==,
                   "No portal was found at https://portal-que-no-existe.invalid. "
                   "Check the address for typing mistakes.");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->manager)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f, "stack")), ==, "form");
}

static void
test_not_ckan (Fixture       *f,
               gconstpointer  data)
{
  HtmlSite *site = html_site_new (FALSE);
  g_autofree char *expected = g_strdup_printf ("%s does not answer as a CKAN data portal. Check that the "
                                               "address is the portal's home page, such as "
                                               "https://datos.gob.cl.", site->url);

  submit (f, site->url, pub_test_portal_get_token (f->portal, "editor"));
  g_assert_cmpstr (shown_error (f), ==, expected);
  /* What the site answered is there for whoever helps, folded away. */
  g_assert_true (gtk_widget_get_visible (child (f, "details_expander")));
  g_assert_false (gtk_expander_get_expanded (child (f, "details_expander")));
  g_assert_nonnull (strstr (gtk_label_get_label (child (f, "details_label")), "HTTP 404"));
  g_assert_null (strstr (gtk_label_get_label (child (f, "details_label")),
                         pub_test_portal_get_token (f->portal, "editor")));
  g_assert_cmpuint (site->requests, >, 0);
  /* The token is only sent once the address proved to be a portal. */
  g_assert_cmpuint (site->with_token, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->manager)), ==, 0);

  html_site_free (site);
}

static void
test_revoked_token (Fixture       *f,
                    gconstpointer  data)
{
  const char *token = pub_test_portal_get_token (f->portal, "member");
  g_autofree char *copy = g_strdup (token);

  pub_test_portal_revoke_token (f->portal, copy);
  submit (f, pub_test_portal_get_url (f->portal), copy);
  g_assert_cmpstr (shown_error (f), ==,
                   "The portal did not accept this token. It may be incomplete, expired or revoked. "
                   "Create a new one on your profile page and paste it here.");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->manager)), ==, 0);
  g_assert_null (pub_account_manager_get_current (f->manager));

  /* Fixing the token in place signs in, without starting over. */
  submit (f, pub_test_portal_get_url (f->portal), pub_test_portal_get_token (f->portal, "admin"));
  g_assert_null (shown_error (f));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f, "stack")), ==, "done");
}

static guint
closed_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  guint port;

  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  return port;
}

static void
test_no_network (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", closed_port ());

  submit (f, url, pub_test_portal_get_token (f->portal, "editor"));
  g_assert_cmpstr (shown_error (f), ==,
                   "Could not connect to the portal. Check that this computer is connected to the "
                   "internet, then try again.");
}

static void
test_certificate_problem (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *pem = g_build_filename (TEST_DATA_DIR, "accounts", "self-signed.pem", NULL);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autofree char *url = NULL;

  /* A portal whose certificate nobody vouches for (self-signed). */
  certificate = g_tls_certificate_new_from_file (pem, &error);
  g_assert_no_error (error);
  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("https://127.0.0.1:%d", g_uri_get_port (uris->data));

  submit (f, url, pub_test_portal_get_token (f->portal, "editor"));
  g_assert_cmpstr (shown_error (f), ==,
                   "The portal's security certificate could not be verified, so the connection is not "
                   "safe. Check the address; if it is right, the portal's administrators must fix "
                   "their certificate.");
  soup_server_disconnect (server);
}

static void
test_not_answering (Fixture       *f,
                    gconstpointer  data)
{
  pub_test_portal_inject_fault (f->portal, "status_show", PUB_TEST_FAULT_DELAY, 5000, 10);
  pub_sign_in_page_set_timeout (f->page, 1);

  submit (f, pub_test_portal_get_url (f->portal), pub_test_portal_get_token (f->portal, "editor"));
  g_assert_cmpstr (shown_error (f), ==,
                   "The portal is not answering. It may be busy or down; try again in a few minutes.");
}

static void
test_http_off_loopback (Fixture       *f,
                        gconstpointer  data)
{
  HtmlSite *site = html_site_new (TRUE);
  g_autoptr(GUri) uri = g_uri_parse (site->url, G_URI_FLAGS_NONE, NULL);
  /* This computer's name: not a loopback literal, yet it reaches the site. */
  g_autofree char *url = g_strdup_printf ("http://%s:%d", g_get_host_name (), g_uri_get_port (uri));
  g_autofree char *not_ckan = g_strdup_printf ("%s does not answer as a CKAN data portal. Check that the "
                                               "address is the portal's home page, such as "
                                               "https://datos.gob.cl.", url);

  /* Refused unless the person accepts the risk in a separate step. */
  submit (f, url, "un-token");
  g_assert_nonnull (find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
  answer_dialog ("cancel");
  flush_events ();
  g_assert_cmpstr (shown_error (f), ==,
                   "Not connected: the address does not use a secure connection (https).");
  g_assert_cmpuint (site->requests, ==, 0);

  /* Accepting lets the connection through (here: to a site that is no
   * portal, which is what the next check finds). */
  submit (f, url, "un-token");
  answer_dialog ("accept");
  wait_until_settled (f);
  g_assert_cmpstr (shown_error (f), ==, not_ckan);
  g_assert_cmpuint (site->requests, >, 0);
  g_assert_cmpuint (site->with_token, ==, 0);

  html_site_free (site);
}

/* No Secret Service: the person is told and may keep the token for this
 * session only, in memory. */
static void
test_no_keyring (Fixture       *f,
                 gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      PubAccount *account;
      GtkWindow *dialog;

      /* main() pointed this child at a session bus that is not there. */
      submit (f, pub_test_portal_get_url (f->portal), pub_test_portal_get_token (f->portal, "editor"));
      dialog = find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG);
      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "No Keyring Available");
      /* Declining keeps nothing. */
      answer_dialog ("cancel");
      flush_events ();
      g_assert_cmpstr (shown_error (f), ==, "The token was not kept. Sign in again when a keyring is available.");
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->manager)), ==, 0);

      submit (f, pub_test_portal_get_url (f->portal), pub_test_portal_get_token (f->portal, "editor"));
      answer_dialog ("session");
      wait_until_settled (f);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f, "stack")), ==, "done");
      g_assert_true (gtk_widget_get_visible (child (f, "session_label")));
      account = pub_account_manager_get_current (f->manager);
      g_assert_nonnull (account);
      g_assert_true (pub_account_get_session_only (account));
      g_assert_cmpint (pub_account_get_state (account), ==, PUB_ACCOUNT_STATE_READY);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *keyring_path = NULL;
  int ret;

  scratch_dir = g_dir_make_tmp ("pub-test-sign-in-XXXXXX", NULL);
  keyring_path = g_build_filename (scratch_dir, "keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring_path, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test-password", TRUE);

  /* The no-keyring child must reach no Secret Service. The session bus is
   * opened once per process, so it is taken away before anything runs (and
   * GTK's accessibility bridge, which would want it, stays off). */
  if (g_strv_contains ((const char * const *) argv, "--GTestSubprocess") &&
      g_strv_contains ((const char * const *) argv, "/ui/sign-in/no-keyring"))
    {
      g_autofree char *bus = g_strdup_printf ("unix:path=%s/no-bus-here", scratch_dir);

      g_setenv ("DBUS_SESSION_BUS_ADDRESS", bus, TRUE);
      g_setenv ("GTK_A11Y", "none", TRUE);
      g_setenv ("SECRET_BACKEND", "service", TRUE);
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/ui/sign-in/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("success", test_success);
  ADD ("wrong-address", test_wrong_address);
  ADD ("not-ckan", test_not_ckan);
  ADD ("revoked-token", test_revoked_token);
  ADD ("no-network", test_no_network);
  ADD ("certificate-problem", test_certificate_problem);
  ADD ("not-answering", test_not_answering);
  ADD ("http-off-loopback", test_http_off_loopback);
  ADD ("no-keyring", test_no_keyring);
#undef ADD

  ret = g_test_run ();

  g_remove (keyring_path);
  g_rmdir (scratch_dir);
  g_free (scratch_dir);
  return ret;
}
