/* test-update-status.c: due dates from a dataset's frequency, and human times
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pub-relative-time.h"
#include "pub-update-status.h"

static GDateTime *
at (const char *iso)
{
  GDateTime *time = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (time);
  return time;
}

static void
check (const char      *frequency,
       const char      *last_change,
       const char      *now,
       PubUpdateStatus  status,
       int              days)
{
  g_autoptr(GDateTime) changed = last_change ? at (last_change) : NULL;
  g_autoptr(GDateTime) today = at (now);
  int got_days = -1;

  g_assert_cmpint (pub_update_status_compute (frequency, changed, today, &got_days), ==, status);
  g_assert_cmpint (got_days, ==, days);
}

static void
test_every_frequency (void)
{
  /* Changed on 1 March; for each period: the day before it is due, the due
   * day, and the day after. */
  static const struct {
    const char *frequency;
    const char *due;
    const char *day_before;
    const char *day_after;
  } cases[] = {
    { "1d", "2025-03-02T10:00:00Z", "2025-03-01T23:00:00Z", "2025-03-03T10:00:00Z" },
    { "7d", "2025-03-08T10:00:00Z", "2025-03-07T10:00:00Z", "2025-03-09T10:00:00Z" },
    { "1m", "2025-04-01T10:00:00Z", "2025-03-31T10:00:00Z", "2025-04-02T10:00:00Z" },
    { "3m", "2025-06-01T10:00:00Z", "2025-05-31T10:00:00Z", "2025-06-02T10:00:00Z" },
    { "4m", "2025-07-01T10:00:00Z", "2025-06-30T10:00:00Z", "2025-07-02T10:00:00Z" },
    { "6m", "2025-09-01T10:00:00Z", "2025-08-31T10:00:00Z", "2025-09-02T10:00:00Z" },
    { "1y", "2026-03-01T10:00:00Z", "2026-02-28T10:00:00Z", "2026-03-02T10:00:00Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *changed = "2025-03-01T09:00:00Z";

      check (cases[i].frequency, changed, cases[i].due, PUB_UPDATE_STATUS_DUE_SOON, 0);
      check (cases[i].frequency, changed, cases[i].day_after, PUB_UPDATE_STATUS_OVERDUE, 1);
      if (g_str_equal (cases[i].frequency, "1d"))
        check (cases[i].frequency, changed, cases[i].day_before, PUB_UPDATE_STATUS_UP_TO_DATE, 0);
      else
        check (cases[i].frequency, changed, cases[i].day_before, PUB_UPDATE_STATUS_DUE_SOON, 1);
    }
}

static void
test_warning_window (void)
{
  /* Monthly: five days of warning, then up to date before that. */
  check ("1m", "2025-03-01T09:00:00Z", "2025-03-27T09:00:00Z", PUB_UPDATE_STATUS_DUE_SOON, 5);
  check ("1m", "2025-03-01T09:00:00Z", "2025-03-26T09:00:00Z", PUB_UPDATE_STATUS_UP_TO_DATE, 0);
  /* Yearly: a fortnight. */
  check ("1y", "2025-03-01T09:00:00Z", "2026-02-15T09:00:00Z", PUB_UPDATE_STATUS_DUE_SOON, 14);
  check ("1y", "2025-03-01T09:00:00Z", "2026-02-14T09:00:00Z", PUB_UPDATE_STATUS_UP_TO_DATE, 0);
  /* Weekly: two days. */
  check ("7d", "2025-03-01T09:00:00Z", "2025-03-06T09:00:00Z", PUB_UPDATE_STATUS_DUE_SOON, 2);
  check ("7d", "2025-03-01T09:00:00Z", "2025-03-05T09:00:00Z", PUB_UPDATE_STATUS_UP_TO_DATE, 0);
  /* Long overdue. */
  check ("1m", "2024-01-15T09:00:00Z", "2025-03-01T09:00:00Z", PUB_UPDATE_STATUS_OVERDUE, 380);
}

static void
test_month_ends_and_leap_years (void)
{
  /* 31 January + 1 month is the last day of February: 29 in 2024... */
  check ("1m", "2024-01-31T12:00:00Z", "2024-02-29T12:00:00Z", PUB_UPDATE_STATUS_DUE_SOON, 0);
  check ("1m", "2024-01-31T12:00:00Z", "2024-03-01T12:00:00Z", PUB_UPDATE_STATUS_OVERDUE, 1);
  /* ...and 28 in 2025. */
  check ("1m", "2025-01-31T12:00:00Z", "2025-02-28T12:00:00Z", PUB_UPDATE_STATUS_DUE_SOON, 0);
  check ("1m", "2025-01-31T12:00:00Z", "2025-03-01T12:00:00Z", PUB_UPDATE_STATUS_OVERDUE, 1);
  /* 29 February + 1 year is 28 February. */
  check ("1y", "2024-02-29T12:00:00Z", "2025-02-28T12:00:00Z", PUB_UPDATE_STATUS_DUE_SOON, 0);
  check ("1y", "2024-02-29T12:00:00Z", "2025-03-01T12:00:00Z", PUB_UPDATE_STATUS_OVERDUE, 1);
  /* 31 August + 6 months is the end of February. */
  check ("6m", "2023-08-31T12:00:00Z", "2024-02-29T12:00:00Z", PUB_UPDATE_STATUS_DUE_SOON, 0);
  /* Daily across a leap day. */
  check ("1d", "2024-02-28T12:00:00Z", "2024-03-01T12:00:00Z", PUB_UPDATE_STATUS_OVERDUE, 1);
}

static void
test_time_zones (void)
{
  /* 02:00 UTC on 1 February is still 31 January in Santiago (UTC-3): seen
   * from Santiago the monthly update is due on the last day of February. */
  check ("1m", "2024-02-01T02:00:00Z", "2024-02-29T12:00:00-03:00", PUB_UPDATE_STATUS_DUE_SOON, 0);
  check ("1m", "2024-02-01T02:00:00Z", "2024-03-01T00:30:00-03:00", PUB_UPDATE_STATUS_OVERDUE, 1);
  /* Seen from UTC it was a February change, due on 1 March. */
  check ("1m", "2024-02-01T02:00:00Z", "2024-03-01T00:30:00Z", PUB_UPDATE_STATUS_DUE_SOON, 0);
  /* A daily dataset changed at 23:30 local is due the next local day. */
  check ("1d", "2025-06-11T02:30:00Z", "2025-06-11T20:00:00-04:00", PUB_UPDATE_STATUS_DUE_SOON, 0);
}

static void
test_missing_and_unknown (void)
{
  check (NULL, "2025-03-01T09:00:00Z", "2025-03-02T09:00:00Z", PUB_UPDATE_STATUS_NONE, 0);
  check ("", "2025-03-01T09:00:00Z", "2025-03-02T09:00:00Z", PUB_UPDATE_STATUS_NONE, 0);
  check ("2w", "2025-03-01T09:00:00Z", "2026-03-02T09:00:00Z", PUB_UPDATE_STATUS_NONE, 0);
  check ("irregular", "2025-03-01T09:00:00Z", "2026-03-02T09:00:00Z", PUB_UPDATE_STATUS_NONE, 0);
  check ("1m", NULL, "2025-03-02T09:00:00Z", PUB_UPDATE_STATUS_NONE, 0);
  /* ISO 8601 spellings and stray spaces or case are the same promise. */
  check ("R/P1M", "2025-03-01T09:00:00Z", "2025-04-02T09:00:00Z", PUB_UPDATE_STATUS_OVERDUE, 1);
  check (" p1w ", "2025-03-01T09:00:00Z", "2025-03-09T09:00:00Z", PUB_UPDATE_STATUS_OVERDUE, 1);
  check ("1Y", "2025-03-01T09:00:00Z", "2026-03-02T09:00:00Z", PUB_UPDATE_STATUS_OVERDUE, 1);
}

static void
test_describe (void)
{
  g_autofree char *none = pub_update_status_describe (PUB_UPDATE_STATUS_NONE, 0);
  g_autofree char *ok = pub_update_status_describe (PUB_UPDATE_STATUS_UP_TO_DATE, 0);
  g_autofree char *today = pub_update_status_describe (PUB_UPDATE_STATUS_DUE_SOON, 0);
  g_autofree char *soon = pub_update_status_describe (PUB_UPDATE_STATUS_DUE_SOON, 5);
  g_autofree char *late = pub_update_status_describe (PUB_UPDATE_STATUS_OVERDUE, 12);
  g_autofree char *late1 = pub_update_status_describe (PUB_UPDATE_STATUS_OVERDUE, 1);

  g_assert_null (none);
  g_assert_cmpstr (ok, ==, "Up to date");
  g_assert_cmpstr (today, ==, "Due today");
  g_assert_cmpstr (soon, ==, "Due in 5 days");
  g_assert_cmpstr (late, ==, "Overdue by 12 days");
  g_assert_cmpstr (late1, ==, "Overdue by 1 day");
  {
    g_autofree char *name = g_enum_to_string (PUB_TYPE_UPDATE_STATUS, PUB_UPDATE_STATUS_OVERDUE);

    g_assert_cmpstr (name, ==, "PUB_UPDATE_STATUS_OVERDUE");
  }
}

static CkanDataset *
dataset_from (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  CkanDataset *dataset;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  dataset = ckan_dataset_new_from_json (json_node_get_object (json_parser_get_root (parser)), &error);
  g_assert_no_error (error);
  return dataset;
}

static void
test_last_change (void)
{
  g_autoptr(CkanDataset) with_files = dataset_from (
    "{\"id\": \"a\", \"name\": \"a\", \"metadata_modified\": \"2025-05-20T10:00:00.123456\","
    " \"resources\": ["
    "  {\"id\": \"r1\", \"last_modified\": \"2025-03-01T09:00:00\"},"
    "  {\"id\": \"r2\", \"last_modified\": \"2025-04-02T08:00:00.5\"},"
    "  {\"id\": \"r3\", \"last_modified\": null}]}");
  g_autoptr(CkanDataset) links_only = dataset_from (
    "{\"id\": \"b\", \"name\": \"b\", \"metadata_modified\": \"2025-05-20T10:00:00\","
    " \"resources\": [{\"id\": \"r1\", \"url\": \"https://example.org\"}]}");
  g_autoptr(CkanDataset) nothing = dataset_from ("{\"id\": \"c\", \"name\": \"c\"}");
  g_autoptr(GDateTime) newest = pub_update_status_last_change (with_files);
  g_autoptr(GDateTime) fallback = pub_update_status_last_change (links_only);
  g_autoptr(GDateTime) none = pub_update_status_last_change (nothing);
  g_autofree char *newest_text = g_date_time_format_iso8601 (newest);
  g_autofree char *fallback_text = g_date_time_format_iso8601 (fallback);

  /* The newest file wins over a later metadata edit. */
  g_assert_cmpstr (newest_text, ==, "2025-04-02T08:00:00.500000Z");
  g_assert_cmpstr (fallback_text, ==, "2025-05-20T10:00:00Z");
  g_assert_null (none);
}

static void
test_relative_time (void)
{
  static const struct {
    const char *then;
    const char *now;
    const char *text;
  } cases[] = {
    { "2025-03-10T12:00:00Z", "2025-03-10T12:00:30Z", "just now" },
    { "2025-03-10T12:00:00Z", "2025-03-10T12:01:00Z", "1 minute ago" },
    { "2025-03-10T12:00:00Z", "2025-03-10T12:45:00Z", "45 minutes ago" },
    { "2025-03-10T08:00:00Z", "2025-03-10T12:00:00Z", "4 hours ago" },
    { "2025-03-09T20:00:00Z", "2025-03-10T09:00:00Z", "yesterday" },
    { "2025-03-07T12:00:00Z", "2025-03-10T09:00:00Z", "3 days ago" },
    { "2025-01-05T12:00:00Z", "2025-03-10T09:00:00Z", "2 months ago" },
    { "2023-03-01T12:00:00Z", "2025-03-10T09:00:00Z", "2 years ago" },
    { "2025-03-10T14:00:00Z", "2025-03-10T12:00:00Z", "in 2 hours" },
    { "2025-03-15T14:00:00Z", "2025-03-10T12:00:00Z", "in 5 days" },
    /* 22:00 in Santiago on the 9th is 01:00 UTC on the 10th: seen from
     * Santiago the next morning, it was yesterday. */
    { "2025-03-10T01:00:00Z", "2025-03-10T09:00:00-03:00", "yesterday" },
    { "2025-03-10T01:00:00Z", "2025-03-10T14:00:00Z", "13 hours ago" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) then = at (cases[i].then);
      g_autoptr(GDateTime) now = at (cases[i].now);
      g_autofree char *text = pub_relative_time_format (then, now);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    g_assert_null (pub_relative_time_format (NULL, now));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/update-status/every-frequency", test_every_frequency);
  g_test_add_func ("/update-status/warning-window", test_warning_window);
  g_test_add_func ("/update-status/month-ends-and-leap-years", test_month_ends_and_leap_years);
  g_test_add_func ("/update-status/time-zones", test_time_zones);
  g_test_add_func ("/update-status/missing-and-unknown", test_missing_and_unknown);
  g_test_add_func ("/update-status/describe", test_describe);
  g_test_add_func ("/update-status/last-change", test_last_change);
  g_test_add_func ("/relative-time/format", test_relative_time);

  return g_test_run ();
}
