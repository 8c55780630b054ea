/* bench-org-list.c: the Organization section over a big organization:
 * time to the first rows, frames while scrolling to the end, memory, and
 * package_search calls (benchmarks/org-list.sh runs it; not a test)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <adwaita.h>
#include <string.h>
#include <time.h>

#include "pub-dataset-list-view.h"
#include "pub-dataset-row.h"
#include "pub-sign-in.h"

typedef struct {
  GtkWindow          *window;
  PubDatasetListView *view;
  gint64              opened;
  gint64              first_rows;
  gint64              last_paint;
  gboolean            scrolling;
  gboolean            done;
  GArray             *frames;    /* gint64 µs between paints while scrolling */
  /* The main thread's own CPU time, which other programs on a busy
   * machine do not inflate the way they do wall-clock frame times. */
  GArray             *frame_cpu;
  gint64              last_cpu;
  gint64              opened_cpu;
  gint64              first_rows_cpu;
  guint               searches;
  gint64              idle_rss_kb;
  gint64              first_rows_rss_kb;
} Bench;

static Bench bench;

static GLogWriterOutput
count_writer (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
        g_str_has_prefix (fields[i].value, "package_search page "))
      {
        bench.searches++;
        return G_LOG_WRITER_HANDLED;
      }
  if (level & G_LOG_LEVEL_DEBUG)
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static gint64
status_kb (const char *key)
{
  g_autofree char *text = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL))
    return -1;
  line = strstr (text, key);
  return line != NULL ? g_ascii_strtoll (line + strlen (key), NULL, 10) : -1;
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
ready_row_shown (void)
{
  GtkWidget *list_view = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (bench.view), PUB_TYPE_DATASET_LIST_VIEW,
                                                        "list_view");

  for (GtkWidget *c = gtk_widget_get_first_child (list_view); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *row = gtk_widget_get_first_child (c);

      if (PUB_IS_DATASET_ROW (row) && gtk_widget_get_mapped (row) && pub_dataset_row_get_item (PUB_DATASET_ROW (row)) &&
          pub_dataset_list_item_get_dataset (pub_dataset_row_get_item (PUB_DATASET_ROW (row))) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
last_row_ready (void)
{
  PubDatasetList *list = pub_dataset_list_view_get_list (bench.view);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(PubDatasetListItem) item = n > 0 ? g_list_model_get_item (G_LIST_MODEL (list), n - 1) : NULL;

  return item != NULL && pub_dataset_list_item_get_dataset (item) != NULL;
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));
  double value = gtk_adjustment_get_value (adjustment);
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (!bench.scrolling)
    return G_SOURCE_CONTINUE;
  /* A steady fling: one screenful a frame, about 40 rows. */
  if (value < end)
    gtk_adjustment_set_value (adjustment, MIN (value + gtk_adjustment_get_page_size (adjustment), end));
  else if (last_row_ready () && ready_row_shown ())
    {
      bench.done = TRUE;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();

  if (bench.first_rows == 0 && ready_row_shown ())
    {
      GtkWidget *scrolled = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (bench.view), PUB_TYPE_DATASET_LIST_VIEW,
                                                           "scrolled_window");

      bench.first_rows = now;
      bench.first_rows_cpu = cpu;
      bench.first_rows_rss_kb = status_kb ("VmRSS:");
      bench.scrolling = TRUE;
      gtk_widget_add_tick_callback (scrolled, scroll_tick_cb, NULL, NULL);
    }
  else if (bench.scrolling && !bench.done && bench.last_paint > 0)
    {
      gint64 interval = now - bench.last_paint;
      gint64 cpu_interval = cpu - bench.last_cpu;

      g_array_append_val (bench.frames, interval);
      g_array_append_val (bench.frame_cpu, cpu_interval);
    }
  bench.last_paint = now;
  bench.last_cpu = cpu;
}

int
main (int   argc,
      char *argv[])
{
  const char *url = g_getenv ("PUB_BENCH_URL");
  const char *token = g_getenv ("PUB_BENCH_TOKEN");
  const char *org_name = g_getenv ("PUB_BENCH_ORG");
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(PubAccountManager) manager = NULL;
  g_autoptr(PubAccount) candidate = NULL;
  g_autoptr(PubAccount) account = NULL;
  g_autoptr(GAsyncResult) signed_in = NULL;
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkCssProvider) css = NULL;
  GListModel *organizations;
  gint64 deadline, longest = 0, over_50 = 0, over_100 = 0, peak_kb, end_kb;
  gint64 longest_cpu = 0, cpu_over_50 = 0, cpu_over_100 = 0;

  if (url == NULL || token == NULL)
    {
      g_printerr ("Set PUB_BENCH_URL and PUB_BENCH_TOKEN (and PUB_BENCH_ORG, an organization's name)\n");
      return 2;
    }
  g_log_set_writer_func (count_writer, NULL, NULL);
  gtk_init ();
  adw_init ();
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/publicador/Publicador/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  bench.frames = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.frame_cpu = g_array_new (FALSE, FALSE, sizeof (gint64));

  settings = g_settings_new_with_backend (BASE_APPLICATION_ID, backend);
  manager = pub_account_manager_new (settings);
  pub_sign_in_async (url, token, TRUE, 0, NULL, result_cb, &signed_in);
  candidate = pub_sign_in_finish (wait_for (&signed_in), &error);
  if (candidate == NULL)
    g_error ("Sign-in failed: %s", error->message);
  pub_account_manager_add_async (manager, candidate, token, TRUE, NULL, result_cb, &added);
  account = pub_account_manager_add_finish (manager, wait_for (&added), &error);
  if (account == NULL)
    g_error ("Adding the account failed: %s", error->message);
  organizations = pub_account_get_organizations (account);
  for (guint i = 0; org_name != NULL && i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(CkanOrganization) org = g_list_model_get_item (organizations, i);
      g_autofree char *key = g_strdup_printf ("%s %s", pub_account_get_portal_url (account),
                                              pub_account_get_user_id (account));

      if (g_strcmp0 (ckan_organization_get_name (org), org_name) == 0)
        g_settings_set_value (settings, "list-organizations",
                              g_variant_new_parsed ("{%s: %s}", key, ckan_organization_get_id (org)));
    }

  /* The idle app: its window up, the list not opened yet. */
  bench.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (bench.window, 1000, 700);
  gtk_window_set_child (bench.window, gtk_label_new ("Publicador"));
  gtk_window_present (bench.window);
  deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  bench.idle_rss_kb = status_kb ("VmRSS:");

  /* Opening "Organization". */
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (bench.window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  bench.opened = g_get_monotonic_time ();
  bench.opened_cpu = thread_cpu_us ();
  bench.view = PUB_DATASET_LIST_VIEW (pub_dataset_list_view_new (PUB_DATASET_LIST_MODE_ORGANIZATION, manager, settings));
  gtk_window_set_child (bench.window, GTK_WIDGET (bench.view));

  deadline = g_get_monotonic_time () + 600 * G_USEC_PER_SEC;
  while (!bench.done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (!bench.done)
    g_error ("The end of the list was not reached in 10 minutes");

  peak_kb = status_kb ("VmHWM:");
  end_kb = status_kb ("VmRSS:");
  for (guint i = 0; i < bench.frames->len; i++)
    {
      gint64 frame = g_array_index (bench.frames, gint64, i);

      longest = MAX (longest, frame);
      over_50 += frame > 50000;
      over_100 += frame > 100000;
    }
  for (guint i = 0; i < bench.frame_cpu->len; i++)
    {
      gint64 frame = g_array_index (bench.frame_cpu, gint64, i);

      longest_cpu = MAX (longest_cpu, frame);
      cpu_over_50 += frame > 50000;
      cpu_over_100 += frame > 100000;
    }
  g_print ("datasets listed:             %u\n", g_list_model_get_n_items (G_LIST_MODEL (pub_dataset_list_view_get_list (bench.view))));
  g_print ("open to first rows (ms):     %" G_GINT64_FORMAT "   goal <= 500\n", (bench.first_rows - bench.opened) / 1000);
  g_print ("  main thread CPU (ms):      %" G_GINT64_FORMAT "\n", (bench.first_rows_cpu - bench.opened_cpu) / 1000);
  g_print ("frames while scrolling:      %u\n", bench.frames->len);
  g_print ("  over 50 ms:                %" G_GINT64_FORMAT "\n", over_50);
  g_print ("  over 100 ms:               %" G_GINT64_FORMAT "   goal 0\n", over_100);
  g_print ("  longest (ms):              %.1f\n", longest / 1000.0);
  g_print ("main thread CPU per frame:   %" G_GINT64_FORMAT " over 50 ms, %" G_GINT64_FORMAT " over 100 ms, longest %.1f ms\n",
           cpu_over_50, cpu_over_100, longest_cpu / 1000.0);
  g_print ("load average at the end:     %s", "");
  {
    g_autofree char *loadavg = NULL;

    if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
      g_print ("%.*s\n", 14, loadavg);
  }
  g_print ("idle RSS (MB):               %.1f\n", bench.idle_rss_kb / 1024.0);
  g_print ("RSS at first rows (MB):      %.1f\n", bench.first_rows_rss_kb / 1024.0);
  g_print ("peak RSS (MB):               %.1f   growth %.1f, goal <= 60\n", peak_kb / 1024.0,
           (peak_kb - bench.idle_rss_kb) / 1024.0);
  g_print ("RSS at the end (MB):         %.1f\n", end_kb / 1024.0);
  g_print ("package_search calls:        %u\n", bench.searches);
  return 0;
}
