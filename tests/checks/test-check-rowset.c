/* test-check-rowset.c: the duplicate-row table finds every row it holds,
 * only those, through growing, being sized ahead and filling up
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pub-check-rowset.h"

/* Distinct odd hashes: the table treats h and h | 1 as one row. */
static guint64
nth_hash (guint64 i)
{
  guint64 h = (i + 1) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  h ^= h >> 31;
  h *= G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F);
  h ^= h >> 29;
  return h | 1;
}

static void
assert_holds (PubRowSet *set,
              guint64    from,
              guint64    to)
{
  for (guint64 i = from; i < to; i++)
    if (!pub_row_set_check (set, nth_hash (i)))
      g_error ("row %" G_GUINT64_FORMAT " was added but is not found", i);
}

/* Through several doublings: every row added is found again, and a row
 * never added is not. */
static void
test_grows (void)
{
  PubRowSet set;
  gsize first_slots;

  pub_row_set_init (&set);
  first_slots = set.n_slots;
  for (guint64 i = 0; i < 300000; i++)
    g_assert_false (pub_row_set_check (&set, nth_hash (i)));
  g_assert_cmpuint (set.n_slots, >=, 8 * first_slots);
  g_assert_cmpuint (set.count, ==, 300000);
  assert_holds (&set, 0, 300000);
  g_assert_cmpuint (set.count, ==, 300000);
  for (guint64 i = 300000; i < 310000; i++)
    g_assert_false (pub_row_set_check (&set, nth_hash (i)));
  g_assert_false (set.full);
  pub_row_set_clear (&set);
}

/* Sized ahead with rows already in it: they are kept, and the rows
 * promised fit without growing again. */
static void
test_reserve (void)
{
  PubRowSet set;
  guint64 *slots;
  gsize n_slots;

  pub_row_set_init (&set);
  for (guint64 i = 0; i < 20000; i++)
    g_assert_false (pub_row_set_check (&set, nth_hash (i)));
  pub_row_set_reserve (&set, 1000000);
  slots = set.slots;
  n_slots = set.n_slots;
  /* Big enough to be mapped rather than allocated. */
  g_assert_cmpuint (n_slots * sizeof (guint64), >=, 2 * 1024 * 1024);
  assert_holds (&set, 0, 20000);
  for (guint64 i = 20000; i < 1000000; i++)
    g_assert_false (pub_row_set_check (&set, nth_hash (i)));
  g_assert_true (set.slots == slots);
  g_assert_cmpuint (set.n_slots, ==, n_slots);
  assert_holds (&set, 0, 1000000);

  /* Asking for less never shrinks it. */
  pub_row_set_reserve (&set, 10);
  g_assert_cmpuint (set.n_slots, ==, n_slots);
  pub_row_set_clear (&set);
}

/* Past about six million rows the table stops taking new ones: those it
 * holds are still found, later ones are not remembered. */
static void
test_full (void)
{
  PubRowSet set;
  guint64 held, i;

  pub_row_set_init (&set);
  pub_row_set_reserve (&set, G_MAXUINT32);
  g_assert_cmpuint (set.n_slots, ==, PUB_ROW_SET_MAX_SLOTS);
  for (i = 0; !set.full; i++)
    g_assert_false (pub_row_set_check (&set, nth_hash (i)));
  held = set.count;
  g_assert_cmpuint (held, >=, 6000000);
  g_assert_cmpuint (held, <=, PUB_ROW_SET_MAX_SLOTS);
  for (guint64 j = i; j < i + 1000; j++)
    {
      g_assert_false (pub_row_set_check (&set, nth_hash (j)));
      g_assert_false (pub_row_set_check (&set, nth_hash (j)));
    }
  g_assert_cmpuint (set.count, ==, held);
  assert_holds (&set, 0, held);
  pub_row_set_clear (&set);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rowset/grows", test_grows);
  g_test_add_func ("/rowset/reserve", test_reserve);
  g_test_add_func ("/rowset/full", test_full);
  return g_test_run ();
}
