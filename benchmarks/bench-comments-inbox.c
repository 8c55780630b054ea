/* bench-comments-inbox.c: how soon the Comments section shows the first
 * thread, the whole inbox, and the inbox again from its cache
 *
 *   bench-comments-inbox URL USER CACHE_DIR   (the token in PUB_BENCH_TOKEN)
 *
 * Run under a display (benchmarks/comments-inbox.sh starts one). Prints
 * first-thread-ms, complete-ms, reopen-ms, threads and unanswered.
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ckan-client-datasets.h"
#include "pub-comment-inbox-row.h"
#include "pub-comments-view.h"

static GAsyncResult *pending;

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  pending = g_object_ref (result);
}

static GAsyncResult *
wait_result (void)
{
  while (pending == NULL)
    g_main_context_iteration (NULL, TRUE);
  return g_steal_pointer (&pending);
}

typedef struct {
  gint64 start;
  gint64 painted;     /* first frame painted with a thread row in it */
  gboolean row_seen;
  GtkWidget *window;
  GtkWidget *view;
} Run;

static gboolean
has_row (GtkWidget *widget)
{
  if (PUB_IS_COMMENT_INBOX_ROW (widget))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (has_row (c))
      return TRUE;
  return FALSE;
}

/* Checked after every paint: the first one that shows a row is the one
 * the person sees. */
static void
after_paint_cb (GdkFrameClock *clock,
                Run           *run)
{
  if (run->painted == 0 && run->start != 0 && has_row (run->view))
    run->painted = g_get_monotonic_time ();
}

static void
run_init (Run *run)
{
  memset (run, 0, sizeof *run);
  run->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (run->window), 900, 700);
  run->view = pub_comments_view_new ();
  gtk_window_set_child (GTK_WINDOW (run->window), run->view);
  gtk_window_present (GTK_WINDOW (run->window));
  while (!gtk_widget_get_mapped (run->window))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (run->window), "after-paint", G_CALLBACK (after_paint_cb), run);
}

static void
run_finish (Run *run)
{
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (run->window), run);
  gtk_window_destroy (GTK_WINDOW (run->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
wait_painted (Run *run)
{
  /* New rows queue their own frame: forcing more would only slow the
   * main loop being measured. */
  while (run->painted == 0)
    g_main_context_iteration (NULL, TRUE);
}

static gint64 cache_applied;

static void
updated_at_cb (PubCommentInbox *inbox)
{
  if (cache_applied == 0)
    cache_applied = g_get_monotonic_time ();
}

static gboolean
cache_in_place (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0, json = 0;

  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      n++;
      json += g_str_has_suffix (name, ".json");
    }
  return n == 1 && json == 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanClient) client = NULL;
  g_autoptr(CkanUser) user = NULL;
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(PubAccount) account = NULL;
  g_autoptr(PubCommentInbox) inbox = NULL;
  g_autoptr(PubCommentInbox) reopened = NULL;
  const char *token = g_getenv ("PUB_BENCH_TOKEN");
  Run run;
  gint64 complete;

  if (argc != 4 || token == NULL)
    {
      g_printerr ("usage: PUB_BENCH_TOKEN=… %s URL USER CACHE_DIR\n", argv[0]);
      return 2;
    }
  gtk_init ();
  adw_init ();

  client = ckan_client_new (argv[1], TRUE, &error);
  g_assert_no_error (error);
  ckan_client_set_token (client, token);
  ckan_client_user_show_async (client, NULL, NULL, result_cb, NULL);
  user = ckan_client_user_show_finish (client, wait_result (), &error);
  g_assert_no_error (error);
  ckan_client_organization_list_for_user_async (client, NULL, "read", NULL, result_cb, NULL);
  organizations = ckan_client_organization_list_for_user_finish (client, wait_result (), &error);
  g_assert_no_error (error);
  account = pub_account_new (argv[1], ckan_user_get_id (user), argv[2], ckan_user_get_display_name (user), TRUE, &error);
  g_assert_no_error (error);
  pub_account_set_token (account, token, TRUE);
  pub_account_set_organizations (account, organizations);

  /* First open: nothing cached. */
  inbox = pub_comment_inbox_new (account, argv[3]);
  run_init (&run);
  run.start = g_get_monotonic_time ();
  pub_comments_view_set_inbox (PUB_COMMENTS_VIEW (run.view), inbox);
  wait_painted (&run);
  g_print ("first-thread-ms %.0f\n", (run.painted - run.start) / 1000.0);
  while (pub_comment_inbox_get_updated_at (inbox) == NULL || pub_comment_inbox_get_refreshing (inbox))
    g_main_context_iteration (NULL, TRUE);
  complete = g_get_monotonic_time ();
  g_print ("complete-ms %.0f\n", (complete - run.start) / 1000.0);
  g_print ("threads %u\nunanswered %u\n", g_list_model_get_n_items (G_LIST_MODEL (inbox)),
           pub_comment_inbox_get_unanswered_count (inbox));
  while (!cache_in_place (argv[3]))
    g_main_context_iteration (NULL, TRUE);
  pub_comments_view_set_inbox (PUB_COMMENTS_VIEW (run.view), NULL);
  run_finish (&run);

  /* Reopen: a new inbox for the same account shows the cached one. */
  reopened = pub_comment_inbox_new (account, argv[3]);
  g_signal_connect (reopened, "notify::updated-at", G_CALLBACK (updated_at_cb), NULL);
  run_init (&run);
  run.start = g_get_monotonic_time ();
  pub_comments_view_set_inbox (PUB_COMMENTS_VIEW (run.view), reopened);
  wait_painted (&run);
  g_print ("reopen-ms %.0f\n", (run.painted - run.start) / 1000.0);
  /* Of which reading the cache, before any row is made. */
  g_print ("reopen-cache-ms %.0f\n", (cache_applied - run.start) / 1000.0);
  g_print ("reopen-threads %u\n", g_list_model_get_n_items (G_LIST_MODEL (reopened)));
  pub_comments_view_set_inbox (PUB_COMMENTS_VIEW (run.view), NULL);
  run_finish (&run);

  /* The cache alone, no window, best of ten: what reading it costs
   * without the machine's other work in the way. */
  {
    gint64 best = G_MAXINT64;

    for (guint i = 0; i < 10; i++)
      {
        g_autoptr(PubCommentInbox) again = pub_comment_inbox_new (account, argv[3]);
        gint64 start = g_get_monotonic_time ();

        pub_comment_inbox_load_cache_async (again, NULL, result_cb, NULL);
        pub_comment_inbox_load_cache_finish (again, wait_result (), NULL);
        best = MIN (best, g_get_monotonic_time () - start);
      }
    g_print ("cache-read-best-ms %.1f\n", best / 1000.0);
  }
  return 0;
}
