/* pub-relative-time.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pub-relative-time.h"

/* Whole calendar days from `a` to `b`, both seen in `b`'s time zone. */
static int
calendar_days_between (GDateTime *a,
                       GDateTime *b)
{
  g_autoptr(GDateTime) a_local = g_date_time_to_timezone (a, g_date_time_get_timezone (b));
  GDate da, db;

  g_date_clear (&da, 1);
  g_date_clear (&db, 1);
  g_date_set_dmy (&da, g_date_time_get_day_of_month (a_local),
                  g_date_time_get_month (a_local), g_date_time_get_year (a_local));
  g_date_set_dmy (&db, g_date_time_get_day_of_month (b),
                  g_date_time_get_month (b), g_date_time_get_year (b));
  return g_date_days_between (&da, &db);
}

static char *
format_past (GTimeSpan  span,
             int        days)
{
  gint64 minutes = span / G_TIME_SPAN_MINUTE;
  gint64 hours = span / G_TIME_SPAN_HOUR;

  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (_("just now"));
  if (minutes < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", minutes),
                            (int) minutes);
  if (days == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", hours),
                            (int) hours);
  if (days == 1)
    return g_strdup (_("yesterday"));
  if (days < 31)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days), days);
  if (days < 365)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month ago", "%d months ago", days / 30),
                            days / 30);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year ago", "%d years ago", days / 365),
                          days / 365);
}

static char *
format_future (GTimeSpan  span,
               int        days)
{
  gint64 minutes = span / G_TIME_SPAN_MINUTE;
  gint64 hours = span / G_TIME_SPAN_HOUR;

  if (span < G_TIME_SPAN_MINUTE)
    return g_strdup (_("in a moment"));
  if (minutes < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d minute", "in %d minutes", minutes),
                            (int) minutes);
  if (days == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d hour", "in %d hours", hours),
                            (int) hours);
  if (days == 1)
    return g_strdup (_("tomorrow"));
  if (days < 31)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", days), days);
  if (days < 365)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d month", "in %d months", days / 30),
                            days / 30);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d year", "in %d years", days / 365),
                          days / 365);
}

char *
pub_relative_time_format (GDateTime *then,
                          GDateTime *now)
{
  GTimeSpan span;
  int days;

  g_return_val_if_fail (now != NULL, NULL);

  if (then == NULL)
    return NULL;

  span = g_date_time_difference (now, then);
  days = calendar_days_between (then, now);
  if (span >= 0)
    return format_past (span, MAX (days, 0));
  return format_future (-span, MAX (-days, 0));
}
