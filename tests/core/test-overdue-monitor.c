/* test-overdue-monitor.c: the overdue count of the current account's
 * datasets, and the reminder given at most once a day
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "pub-overdue-monitor.h"
#include "pub-sign-in.h"
#include "test-portal.h"

#define WAIT_UNTIL(condition) \
  G_STMT_START { \
    gint64 _deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC; \
    while (!(condition)) \
      { \
        g_assert_cmpint (g_get_monotonic_time (), <, _deadline); \
        g_main_context_iteration (NULL, TRUE); \
      } \
  } G_STMT_END

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
sign_in (PubTestPortal     *portal,
         PubAccountManager *manager,
         const char        *user)
{
  g_autoptr(GAsyncResult) signed_in = NULL;
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(PubAccount) candidate = NULL;
  g_autoptr(PubAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  const char *token = pub_test_portal_get_token (portal, user);

  pub_sign_in_async (pub_test_portal_get_url (portal), token, FALSE, 0, NULL, result_cb, &signed_in);
  WAIT_UNTIL (signed_in != NULL);
  candidate = pub_sign_in_finish (signed_in, &error);
  g_assert_no_error (error);
  pub_account_manager_add_async (manager, candidate, token, TRUE, NULL, result_cb, &added);
  WAIT_UNTIL (added != NULL);
  account = pub_account_manager_add_finish (manager, added, &error);
  g_assert_no_error (error);
}

static void
remind_cb (PubOverdueMonitor *monitor,
           guint              count,
           guint             *reminded)
{
  g_assert_cmpuint (count, ==, pub_overdue_monitor_get_count (monitor));
  (*reminded)++;
}

static void
test_count_and_daily_reminder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PubTestPortal) portal = pub_test_portal_new (NULL, &error);
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (BASE_APPLICATION_ID, backend);
  g_autoptr(PubAccountManager) manager = pub_account_manager_new (settings);
  g_autoptr(PubOverdueMonitor) monitor = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *notified = NULL;
  guint reminded = 0;
  guint calls;
  gint64 admins;

  g_assert_no_error (error);
  pub_test_portal_seed_datasets (portal, "ministerio-de-prueba", 400, 5);
  g_assert_true (pub_test_portal_listen (portal, 0, &error));
  monitor = pub_overdue_monitor_new (manager, settings);
  g_signal_connect (monitor, "remind", G_CALLBACK (remind_cb), &reminded);
  g_assert_cmpint (pub_overdue_monitor_get_count (monitor), ==, -1);

  sign_in (portal, manager, "admin");
  WAIT_UNTIL (pub_overdue_monitor_get_count (monitor) >= 0);
  admins = pub_overdue_monitor_get_count (monitor);
  /* The seed gives the admin 200 datasets; a good share are overdue. */
  g_assert_cmpint (admins, >, 10);
  g_assert_cmpint (admins, <, 200);
  g_assert_cmpuint (reminded, ==, 1);
  notified = g_settings_get_string (settings, "overdue-notified-on");
  g_assert_cmpstr (notified, ==, today);

  /* Counted again the same day: no second reminder. */
  calls = pub_test_portal_get_call_count (portal, "package_search");
  pub_overdue_monitor_refresh (monitor);
  WAIT_UNTIL (pub_test_portal_get_call_count (portal, "package_search") > calls);
  calls = pub_test_portal_get_call_count (portal, "package_search");
  pub_overdue_monitor_refresh (monitor);
  WAIT_UNTIL (pub_test_portal_get_call_count (portal, "package_search") > calls);
  g_assert_cmpuint (reminded, ==, 1);

  /* A new day: reminded again. */
  g_settings_set_string (settings, "overdue-notified-on", "2000-01-01");
  pub_overdue_monitor_refresh (monitor);
  WAIT_UNTIL (reminded == 2);

  /* Another account: its count is asked for. */
  calls = pub_test_portal_get_call_count (portal, "package_search");
  sign_in (portal, manager, "editor");
  WAIT_UNTIL (pub_test_portal_get_call_count (portal, "package_search") > calls &&
              pub_overdue_monitor_get_count (monitor) >= 0);
  g_assert_cmpint (pub_overdue_monitor_get_count (monitor), >, 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/overdue-monitor/count-and-daily-reminder", test_count_and_daily_reminder);

  return g_test_run ();
}
