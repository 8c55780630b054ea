/* pub-update-status.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pub-update-status.h"

G_DEFINE_ENUM_TYPE (PubUpdateStatus, pub_update_status,
  G_DEFINE_ENUM_VALUE (PUB_UPDATE_STATUS_NONE, "none"),
  G_DEFINE_ENUM_VALUE (PUB_UPDATE_STATUS_UP_TO_DATE, "up-to-date"),
  G_DEFINE_ENUM_VALUE (PUB_UPDATE_STATUS_DUE_SOON, "due-soon"),
  G_DEFINE_ENUM_VALUE (PUB_UPDATE_STATUS_OVERDUE, "overdue"))

typedef struct {
  const char *code;
  const char *iso;
  int         days;
  int         months;
  /* How many days ahead "due soon" starts: a daily dataset is only due
   * today, a yearly one is worth a fortnight's warning. */
  int         warn_days;
} Period;

static const Period periods[] = {
  { "1d", "P1D", 1, 0, 0 },
  { "7d", "P1W", 7, 0, 2 },
  { "1m", "P1M", 0, 1, 5 },
  { "3m", "P3M", 0, 3, 14 },
  { "4m", "P4M", 0, 4, 14 },
  { "6m", "P6M", 0, 6, 14 },
  { "1y", "P1Y", 0, 12, 14 },
};

static const Period *
find_period (const char *frequency)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *code = NULL;

  if (frequency == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (frequency));
  code = g_ascii_strup (trimmed, -1);
  /* A repeating interval (R/P1M) is the same commitment as its period. */
  if (g_str_has_prefix (code, "R/"))
    memmove (code, code + 2, strlen (code + 2) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    if (g_ascii_strcasecmp (code, periods[i].code) == 0 || strcmp (code, periods[i].iso) == 0)
      return &periods[i];
  return NULL;
}

static void
date_of (GDateTime *time,
         GDate     *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (time),
                  g_date_time_get_month (time), g_date_time_get_year (time));
}

PubUpdateStatus
pub_update_status_compute (const char *frequency,
                           GDateTime  *last_change,
                           GDateTime  *now,
                           int        *out_days)
{
  const Period *period = find_period (frequency);
  g_autoptr(GDateTime) local = NULL;
  GDate changed, today;
  int until;

  g_return_val_if_fail (now != NULL, PUB_UPDATE_STATUS_NONE);

  if (out_days != NULL)
    *out_days = 0;
  if (period == NULL || last_change == NULL)
    return PUB_UPDATE_STATUS_NONE;

  /* Calendar arithmetic happens on the user's calendar: data changed late on
   * 31 January in Santiago is a January change even if UTC says February. */
  local = g_date_time_to_timezone (last_change, g_date_time_get_timezone (now));
  date_of (local, &changed);
  date_of (now, &today);
  /* GDate clamps a month end (31 January + 1 month is the last day of
   * February, 29 in a leap year), which is what a monthly promise means. */
  if (period->months > 0)
    g_date_add_months (&changed, period->months);
  else
    g_date_add_days (&changed, period->days);

  until = g_date_days_between (&today, &changed);
  if (until < 0)
    {
      if (out_days != NULL)
        *out_days = -until;
      return PUB_UPDATE_STATUS_OVERDUE;
    }
  if (until <= period->warn_days)
    {
      if (out_days != NULL)
        *out_days = until;
      return PUB_UPDATE_STATUS_DUE_SOON;
    }
  return PUB_UPDATE_STATUS_UP_TO_DATE;
}

char *
pub_update_status_describe (PubUpdateStatus status,
                            int             days)
{
  switch (status)
    {
    case PUB_UPDATE_STATUS_UP_TO_DATE:
      return g_strdup (_("Up to date"));
    case PUB_UPDATE_STATUS_DUE_SOON:
      if (days == 0)
        return g_strdup (_("Due today"));
      if (days == 1)
        return g_strdup (_("Due tomorrow"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due in %d day", "Due in %d days", days), days);
    case PUB_UPDATE_STATUS_OVERDUE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d day", "Overdue by %d days", days), days);
    case PUB_UPDATE_STATUS_NONE:
    default:
      return NULL;
    }
}

GDateTime *
pub_update_status_last_change (CkanDataset *dataset)
{
  GPtrArray *resources;
  GDateTime *newest = NULL;

  g_return_val_if_fail (CKAN_IS_DATASET (dataset), NULL);

  /* The commitment is about the data, so a resource's last_modified (set
   * when its file is uploaded again) counts; metadata_modified also moves on
   * a typo fixed in the description, and would hide an overdue dataset. It is
   * only the fallback for datasets whose resources never carry the date
   * (links, portals that don't set it). */
  resources = ckan_dataset_get_resources (dataset);
  for (guint i = 0; i < resources->len; i++)
    {
      GDateTime *modified = ckan_resource_get_last_modified (g_ptr_array_index (resources, i));

      if (modified != NULL && (newest == NULL || g_date_time_compare (modified, newest) > 0))
        newest = modified;
    }
  if (newest == NULL)
    newest = ckan_dataset_get_metadata_modified (dataset);
  return newest != NULL ? g_date_time_ref (newest) : NULL;
}
