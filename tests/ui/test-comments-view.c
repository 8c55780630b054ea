/* test-comments-view.c: the Comments section under the headless display,
 * against the test portal: the inbox, a thread, the reply path pressed
 * button by button
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ckan-client-comments.h"
#include "ckan-client-datasets.h"
#include "ckan-client-private.h"
#include "drafts-test-utils.h"
#include "pub-comment-inbox-row.h"
#include "pub-comment-row.h"
#include "pub-comment-thread-view.h"
#include "pub-comments-view.h"
#include "pub-window.h"
#include "test-portal.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

typedef struct {
  PubTestPortal   *portal;
  CkanClient      *sysadmin;
  PubAccount      *account;
  PubCommentInbox *inbox;
  char            *cache_dir;
  GtkWidget       *window;
  PubCommentsView *view;
  char            *dataset_id;
} Fixture;

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (*result == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  return *result;
}

static CkanClient *
client_for (Fixture    *f,
            const char *user)
{
  g_autoptr(GError) error = NULL;
  CkanClient *client = ckan_client_new (pub_test_portal_get_url (f->portal), TRUE, &error);

  g_assert_no_error (error);
  ckan_client_set_token (client, pub_test_portal_get_token (f->portal, user));
  return client;
}

static JsonNode *
call (CkanClient *client,
      const char *action,
      const char *json)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) params = json_from_string (json, &error);
  JsonNode *node;

  g_assert_no_error (error);
  ckan_client_call_async (client, action, json_node_get_object (params), CKAN_CALL_WRITE, NULL, result_cb, &result);
  node = ckan_client_call_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  return node;
}

/* A citizen's approved comment on a new dataset of the editor's
 * organization; returns the dataset id. */
static char *
commented_dataset (Fixture    *f,
                   const char *name,
                   const char *content)
{
  g_autofree char *json = g_strdup_printf ("{\"name\": \"%s\", \"title\": \"Datos de %s\", "
                                           "\"owner_org\": \"ministerio-de-prueba\"}", name, name);
  g_autoptr(JsonNode) dataset = call (f->sysadmin, "package_create", json);
  const char *id = json_object_get_string_member (json_node_get_object (dataset), "id");
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(JsonNode) comment = NULL;
  g_autoptr(JsonNode) params_node = NULL;
  g_autofree char *text = NULL;

  json_object_set_string_member (params, "subject_id", id);
  json_object_set_string_member (params, "subject_type", "package");
  json_object_set_string_member (params, "content", content);
  json_object_set_boolean_member (params, "create_thread", TRUE);
  params_node = json_node_init_object (json_node_alloc (), params);
  text = json_to_string (params_node, FALSE);
  comment = call (f->sysadmin, "comments_comment_create", text);
  g_free (text);
  text = g_strdup_printf ("{\"id\": \"%s\"}", json_object_get_string_member (json_node_get_object (comment), "id"));
  g_clear_pointer (&params_node, json_node_unref);
  params_node = call (f->sysadmin, "comments_comment_approve", text);
  return g_strdup (id);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanClient) editor = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) organizations = NULL;

  f->portal = pub_test_portal_new (NULL, &error);
  g_assert_no_error (error);
  pub_test_portal_listen (f->portal, 0, &error);
  g_assert_no_error (error);
  f->sysadmin = client_for (f, "sysadmin");
  /* The sysadmin plays the citizen: its comments are approved, and it is
   * no member of the organization. */
  f->dataset_id = commented_dataset (f, "presupuesto-2025", "Faltan datos de <b>mayo</b>. ¿Cuándo se publican?");

  editor = client_for (f, "editor");
  ckan_client_organization_list_for_user_async (editor, NULL, "read", NULL, result_cb, &result);
  organizations = ckan_client_organization_list_for_user_finish (editor, wait_result (&result), &error);
  g_assert_no_error (error);
  f->account = pub_account_new (pub_test_portal_get_url (f->portal),
                                pub_test_portal_get_user_id (f->portal, "editor"),
                                "editor", "Eduardo Editor", TRUE, &error);
  g_assert_no_error (error);
  pub_account_set_token (f->account, pub_test_portal_get_token (f->portal, "editor"), TRUE);
  pub_account_set_organizations (f->account, organizations);
  ckan_client_set_max_attempts (pub_account_get_client (f->account), 1);

  f->cache_dir = g_dir_make_tmp ("pub-comments-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->inbox = pub_comment_inbox_new (f->account, f->cache_dir);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 820, 640);
  f->view = PUB_COMMENTS_VIEW (pub_comments_view_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  flush_events ();
  g_clear_object (&f->inbox);
  g_clear_object (&f->account);
  g_clear_object (&f->sysadmin);
  g_clear_object (&f->portal);
  remove_tree (f->cache_dir);
  g_free (f->cache_dir);
  g_free (f->dataset_id);
}

static gboolean
inbox_ready (gpointer data)
{
  Fixture *f = data;

  return pub_comment_inbox_get_updated_at (f->inbox) != NULL && !pub_comment_inbox_get_refreshing (f->inbox);
}

static GtkWidget *
find_inbox_row (GtkWidget  *widget,
                const char *dataset_id)
{
  if (PUB_IS_COMMENT_INBOX_ROW (widget) &&
      g_strcmp0 (pub_comment_inbox_item_get_dataset_id (pub_comment_inbox_row_get_item (PUB_COMMENT_INBOX_ROW (widget))),
                 dataset_id) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_inbox_row (c, dataset_id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What a click on the row does: the list activates its position. */
static void
activate_inbox_row (Fixture *f)
{
  GtkWidget *row = find_inbox_row (GTK_WIDGET (f->view), f->dataset_id);
  GtkListView *list = GTK_LIST_VIEW (gtk_widget_get_ancestor (row, GTK_TYPE_LIST_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  guint position = G_MAXUINT;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PubCommentInboxItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (pub_comment_inbox_item_get_dataset_id (item), f->dataset_id) == 0)
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  g_assert_true (gtk_widget_activate_action (row, "list.activate-item", "u", position));
}

static GtkWidget *
thread_view (Fixture *f)
{
  return find_descendant (GTK_WIDGET (f->view), PUB_TYPE_COMMENT_THREAD_VIEW);
}

static void
type_reply (Fixture    *f,
            const char *text)
{
  GtkWidget *text_view = find_descendant (thread_view (f), GTK_TYPE_TEXT_VIEW);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), text, -1);
}

static char *
typed_text (Fixture *f)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_descendant (thread_view (f), GTK_TYPE_TEXT_VIEW)));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A button whose content is an icon and a label (AdwButtonContent). */
static GtkWidget *
find_content_button (GtkWidget  *widget,
                     const char *label)
{
  if (ADW_IS_BUTTON_CONTENT (widget) && g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (widget)), label) == 0)
    return gtk_widget_get_ancestor (widget, GTK_TYPE_BUTTON);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_content_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A button showing `label`, hidden ones skipped. */
static GtkWidget *
find_shown_button (GtkWidget  *widget,
                   const char *label)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_shown_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
press (GtkWidget  *within,
       const char *label)
{
  GtkWidget *button = find_shown_button (within, label) ? find_shown_button (within, label)
                                                        : find_content_button (within, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
}

typedef struct {
  GtkWidget  *widget;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *w = data;
  GtkWidget *label = find_label (w->widget, w->text);

  return label != NULL && gtk_widget_is_visible (label);
}

static void
wait_for_label (GtkWidget  *widget,
                const char *text)
{
  LabelWait w = { widget, text };

  iterate_until (label_shown, &w);
}

static gboolean
row_listed (gpointer data);

static gboolean
count_gone (gpointer data)
{
  GtkWidget *count = find_label (data, "1");

  return count == NULL || !gtk_widget_get_visible (count);
}

static void
type_reply_in (GtkWidget  *page,
               const char *text)
{
  GtkWidget *text_view = find_descendant (page, GTK_TYPE_TEXT_VIEW);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), text, -1);
}

static gboolean
retry_offered (gpointer data)
{
  GtkWidget *button = find_button (thread_view (data), "_Retry");

  return button != NULL && gtk_widget_is_sensitive (button);
}

static gboolean
row_listed (gpointer data)
{
  Fixture *f = data;

  return find_inbox_row (GTK_WIDGET (f->view), f->dataset_id) != NULL;
}

/* Opens the inbox and the thread of the fixture's dataset. */
static void
open_thread (Fixture *f)
{

  pub_comments_view_set_inbox (f->view, f->inbox);
  iterate_until (inbox_ready, f);
  iterate_until (row_listed, f);
  activate_inbox_row (f);
  iterate_until (widget_is_mapped, thread_view (f));
}

/* The inbox lists the unanswered thread (count and filter); the reply
 * typed and sent shows in place, pending moderation, and the thread leaves
 * "Unanswered". */
static void
test_reply (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (f->view);
  GtkWidget *all;

  pub_comments_view_set_inbox (f->view, f->inbox);
  iterate_until (inbox_ready, f);
  g_assert_cmpuint (pub_comments_view_get_count (f->view), ==, 1);
  iterate_until (row_listed, f);
  g_assert_true (has_label (view, "Unanswered"));
  save_screenshot (f->window, "comments-inbox.png");

  activate_inbox_row (f);
  iterate_until (widget_is_mapped, thread_view (f));
  /* Markup in a comment is text, never formatting. */
  wait_for_label (thread_view (f), "Faltan datos de <b>mayo</b>. ¿Cuándo se publican?");
  g_assert_true (has_label (thread_view (f), "Replying to Administración del portal"));

  type_reply (f, "Se publican el 15 de cada mes.");
  press (thread_view (f), "_Send");
  wait_for_label (thread_view (f), "Se publican el 15 de cada mes.");
  /* The portal holds it for moderation, and says so. */
  g_assert_true (has_label (thread_view (f), "Awaiting moderation"));
  {
    g_autofree char *left = typed_text (f);

    g_assert_cmpstr (left, ==, "");
  }
  save_screenshot (f->window, "comments-thread.png");

  g_assert_cmpuint (pub_comments_view_get_count (f->view), ==, 0);
  press (view, "_All Threads");
  wait_for_label (view, "Everything Answered");
  g_assert_null (find_inbox_row (view, f->dataset_id));
  all = find_button (view, "_All");
  gtk_widget_activate (all);
  iterate_until (row_listed, f);
}

/* A reply the portal does not take keeps its text and offers a retry,
 * which sends it. */
static void
test_reply_fails_then_retry (Fixture       *f,
                             gconstpointer  data)
{
  open_thread (f);
  type_reply (f, "Gracias por avisar.");
  pub_test_portal_inject_fault (f->portal, "comments_comment_create", PUB_TEST_FAULT_HTTP_500_JSON, 0, 1);
  press (thread_view (f), "_Send");
  iterate_until (retry_offered, f);
  {
    g_autofree char *kept = typed_text (f);

    g_assert_cmpstr (kept, ==, "Gracias por avisar.");
  }
  g_assert_null (find_label (thread_view (f), "Gracias por avisar."));

  press (thread_view (f), "_Retry");
  wait_for_label (thread_view (f), "Gracias por avisar.");
  g_assert_false (pub_comment_inbox_item_get_unanswered (pub_comment_inbox_find (f->inbox, f->dataset_id)));
}

/* Only moderators approve: the editor's try is refused and explained. */
static void
test_approve_refused (Fixture       *f,
                      gconstpointer  data)
{
  open_thread (f);
  type_reply (f, "Respuesta pendiente.");
  press (thread_view (f), "_Send");
  wait_for_label (thread_view (f), "Respuesta pendiente.");
  press (thread_view (f), "_Approve");
  wait_for_label (thread_view (f),
                  "Only the portal’s moderators can approve comments; organization administrators can’t. "
                  "Ask the portal’s team to approve it. Until then only its author and the moderators see it.");
  g_assert_null (find_shown_button (thread_view (f), "_Approve"));
  g_assert_true (has_label (thread_view (f), "Awaiting moderation"));
}

/* The user's own reply, still awaiting moderation, can be corrected. */
static void
test_edit_own (Fixture       *f,
               gconstpointer  data)
{
  open_thread (f);
  type_reply (f, "Se publica el 51.");
  press (thread_view (f), "_Send");
  wait_for_label (thread_view (f), "Se publica el 51.");

  press (thread_view (f), "_Edit");
  wait_for_label (thread_view (f), "Editing your comment");
  {
    g_autofree char *loaded = typed_text (f);

    g_assert_cmpstr (loaded, ==, "Se publica el 51.");
  }
  type_reply (f, "Se publica el 15.");
  press (thread_view (f), "_Save");
  wait_for_label (thread_view (f), "Se publica el 15.");
  g_assert_null (find_label (thread_view (f), "Se publica el 51."));
  g_assert_true (has_label (thread_view (f), "Replying to Administración del portal"));
}

/* A portal without the comments plugin: a plain sentence, no dialog. */
static void
test_no_extension (Fixture       *f,
                   gconstpointer  data)
{
  pub_test_portal_set_extension (f->portal, "comments", FALSE);
  pub_comments_view_set_inbox (f->view, f->inbox);
  iterate_until (inbox_ready, f);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_descendant (GTK_WIDGET (f->view), GTK_TYPE_STACK))),
                   ==, "unsupported");
  g_assert_true (has_label (GTK_WIDGET (f->view), "This portal does not let people comment on datasets, so there is nothing to answer here."));
}

static gboolean
count_shown (gpointer data)
{
  GtkWidget *sidebar = data;
  GtkWidget *count = find_label (sidebar, "1");

  return count != NULL && gtk_widget_get_visible (count);
}

/* In the main window: the section replaces its placeholder, and its row
 * in the sidebar carries the number of unanswered threads. */
static void
test_window_count (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (BASE_APPLICATION_ID, backend);
  PubWindow *window = pub_window_new (NULL, settings);
  GtkWidget *page = pub_window_get_section_page (window, "comments");
  GtkWidget *sidebar = find_named (GTK_WIDGET (window), "comments");

  g_assert_true (PUB_IS_COMMENTS_VIEW (page));
  g_assert_true (GTK_IS_LIST_BOX_ROW (sidebar));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  gtk_window_present (GTK_WINDOW (window));
  pub_window_show_section (window, "comments");
  g_assert_null (find_label (sidebar, "1"));
  pub_comments_view_set_inbox (PUB_COMMENTS_VIEW (page), f->inbox);
  iterate_until (inbox_ready, f);
  iterate_until (count_shown, sidebar);
  save_screenshot (GTK_WIDGET (window), "comments-window.png");

  /* Answered: the number goes. */
  pub_comments_view_open_thread (PUB_COMMENTS_VIEW (page), f->dataset_id);
  type_reply_in (page, "Gracias, ya está corregido.");
  press (page, _("_Send"));
  iterate_until (count_gone, sidebar);
  save_screenshot (GTK_WIDGET (window), "comments-window-thread.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *lang = g_getenv ("PUB_SCREENSHOT_LANG");

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init forces en_US. Screenshots may be taken in Spanish
   * (PUB_SCREENSHOT_LANG=es, only the window test: the others read
   * English labels). */
  if (lang != NULL && g_str_equal (lang, "es") && setlocale (LC_ALL, "es_CL.UTF-8") != NULL)
    {
      g_setenv ("LANGUAGE", "es", TRUE);
      bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  else
    {
      setlocale (LC_ALL, "C.UTF-8");
      g_setenv ("LANGUAGE", "C", TRUE);
    }
  adw_init ();
  {
    /* The application's style sheet, as the screenshots should look. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/publicador/Publicador/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add ("/ui/comments-view/reply", Fixture, NULL, fixture_setup, test_reply, fixture_teardown);
  g_test_add ("/ui/comments-view/reply-fails-then-retry", Fixture, NULL, fixture_setup, test_reply_fails_then_retry, fixture_teardown);
  g_test_add ("/ui/comments-view/approve-refused", Fixture, NULL, fixture_setup, test_approve_refused, fixture_teardown);
  g_test_add ("/ui/comments-view/edit-own", Fixture, NULL, fixture_setup, test_edit_own, fixture_teardown);
  g_test_add ("/ui/comments-view/no-extension", Fixture, NULL, fixture_setup, test_no_extension, fixture_teardown);
  g_test_add ("/ui/comments-view/window-count", Fixture, NULL, fixture_setup, test_window_count, fixture_teardown);

  return g_test_run ();
}
