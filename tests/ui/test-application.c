/* test-application.c: the application as a whole: a session that ends
 * (SIGTERM, SIGINT) does not lose what was typed in the last moments
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <signal.h>

#include "drafts-test-utils.h"
#include "pub-application.h"
#include "pub-resource-window.h"
#include "test-portal.h"
#include "../portal-resource-utils.h"

typedef struct
{
  int   signal;
  char *id;
} Edit;

/* Typed just now: still inside the store's save delay when the signal
 * comes. */
static gboolean
edit_then_signal_cb (gpointer user_data)
{
  Edit *edit = user_data;
  PubDraft *draft = pub_draft_store_create (pub_draft_store_get_default ());

  pub_draft_set_field (draft, "title", "Escrito justo antes de cerrar la sesión");
  edit->id = g_strdup (pub_draft_get_id (draft));
  raise (edit->signal);
  return G_SOURCE_REMOVE;
}

static void
test_signal_saves_and_quits (gconstpointer data)
{
  g_autoptr(PubApplication) app = pub_application_new ();
  g_autoptr(PubDraft) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  Edit edit = { GPOINTER_TO_INT (data), NULL };

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_idle_add (edit_then_signal_cb, &edit);
  /* Without a handler the signal ends the test process right here. */
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);

  name = g_strconcat (edit.id, ".json", NULL);
  path = g_build_filename (pub_draft_store_get_directory (pub_draft_store_get_default ()), name, NULL);
  on_disk = pub_draft_store_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pub_draft_get_field (on_disk, "title"), ==, "Escrito justo antes de cerrar la sesión");
  g_free (edit.id);
}

static void
added_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static PubResourceWindow *
resource_window_of (PubApplication *app,
                    guint          *n)
{
  PubResourceWindow *found = NULL;

  *n = 0;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (PUB_IS_RESOURCE_WINDOW (l->data))
      {
        found = l->data;
        (*n)++;
      }
  return found;
}

static gboolean
part_shown (gpointer data)
{
  return pub_resource_window_has_part (data, "datastore");
}

/* app.open-resource ("(ss)": dataset, resource) opens the resource's window
 * for the current account, once: asked again, the same window comes up. */
static void
test_open_resource (void)
{
  g_autoptr(PubApplication) app = pub_application_new ();
  g_autoptr(PubTestPortal) portal = pub_test_portal_new (NULL, NULL);
  g_autoptr(CkanClient) client = NULL;
  g_autoptr(PubAccount) account = NULL;
  g_autoptr(PubAccount) added = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dataset_id = NULL;
  g_autofree char *resource_id = NULL;
  const GVariantType *type;
  PubResourceWindow *window;
  guint n;

  g_assert_true (pub_test_portal_listen (portal, 0, &error));
  client = ckan_client_new (pub_test_portal_get_url (portal), FALSE, &error);
  ckan_client_set_token (client, pub_test_portal_get_token (portal, "editor"));
  dataset_id = create_dataset (client, "abierto-desde-la-app");
  resource_id = upload_csv (client, dataset_id, "a,b\n1,2\n", NULL);

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  type = g_action_group_get_action_parameter_type (G_ACTION_GROUP (app), "open-resource");
  g_assert_nonnull (type);
  g_assert_true (g_variant_type_equal (type, G_VARIANT_TYPE ("(ss)")));

  /* Nobody signed in: nothing opens. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-resource", g_variant_new ("(ss)", dataset_id, resource_id));
  g_assert_null (resource_window_of (app, &n));

  account = pub_account_new (pub_test_portal_get_url (portal), pub_test_portal_get_user_id (portal, "editor"),
                             "editor", "Editora", TRUE, &error);
  g_assert_no_error (error);
  pub_account_manager_add_async (pub_application_get_account_manager (app), account,
                                 pub_test_portal_get_token (portal, "editor"), TRUE, NULL, added_cb, &result);
  added = pub_account_manager_add_finish (pub_application_get_account_manager (app), resource_utils_wait (&result), &error);
  g_assert_no_error (error);

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-resource", g_variant_new ("(ss)", dataset_id, resource_id));
  window = resource_window_of (app, &n);
  g_assert_nonnull (window);
  g_assert_cmpstr (pub_resource_window_get_resource_id (window), ==, resource_id);
  iterate_until (part_shown, window);
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-resource", g_variant_new ("(ss)", dataset_id, resource_id));
  g_assert_true (resource_window_of (app, &n) == window);
  g_assert_cmpuint (n, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

typedef struct
{
  PubApplication *app;
  char           *body;
  gint64          deadline;
} Seen;

static gboolean
look_for_dialog_cb (gpointer user_data)
{
  Seen *seen = user_data;
  GtkWindow *dialog = find_dialog ();

  if (dialog == NULL && g_get_monotonic_time () < seen->deadline)
    return G_SOURCE_CONTINUE;
  if (dialog != NULL)
    seen->body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_action_group_activate_action (G_ACTION_GROUP (seen->app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

/* `publicador https://portal/dataset/NAME` with no account on that portal
 * says so, instead of opening an empty draft. */
static void
open_address_without_account (void)
{
  g_autoptr(PubApplication) app = pub_application_new ();
  char *argv[] = { (char *) "publicador", (char *) "https://datos.example.cl/dataset/matricula-2025", NULL };
  Seen seen = { app, NULL, g_get_monotonic_time () + 10 * G_USEC_PER_SEC };

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (20, look_for_dialog_cb, &seen);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_assert_cmpstr (seen.body, ==, "You have no account on datos.example.cl. Sign in to it with “Add Account…” in the sidebar, then open the address again.");
  g_free (seen.body);
}

/* In a child: a second application can't register on this process's bus
 * connection once another test has. */
static void
test_open_address_without_account (void)
{
  if (g_test_subprocess ())
    {
      open_address_without_account ();
      return;
    }
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_data_func ("/application/sigterm-saves-and-quits", GINT_TO_POINTER (SIGTERM),
                        test_signal_saves_and_quits);
  g_test_add_data_func ("/application/sigint-saves-and-quits", GINT_TO_POINTER (SIGINT),
                        test_signal_saves_and_quits);

  g_test_add_func ("/application/open-resource", test_open_resource);
  g_test_add_func ("/application/open-address-without-account", test_open_address_without_account);

  return g_test_run ();
}
