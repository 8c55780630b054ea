/* pub-check-rowset.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <sys/mman.h>

#include "pub-check-rowset.h"

/* Large tables are mapped, not allocated: the kernel hands out zeroed
 * pages as probes first touch them, so no pass clears them beforehand,
 * and huge pages spare a TLB miss per probe in a table of tens of MB. */
#define MAP_FROM ((gsize) 2 * 1024 * 1024)

static guint64 *
alloc_slots (gsize n)
{
  gsize bytes = n * sizeof (guint64);
  void *slots;

  if (bytes >= MAP_FROM)
    {
      slots = mmap (NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (slots == MAP_FAILED)
        g_error ("out of memory for %" G_GSIZE_FORMAT " row hashes", n);
#ifdef MADV_HUGEPAGE
      madvise (slots, bytes, MADV_HUGEPAGE);
#endif
      return slots;
    }
  slots = calloc (n, sizeof (guint64));
  if (!slots)
    g_error ("out of memory for %" G_GSIZE_FORMAT " row hashes", n);
  return slots;
}

static void
free_slots (guint64 *slots,
            gsize    n)
{
  if (n * sizeof (guint64) >= MAP_FROM)
    munmap (slots, n * sizeof (guint64));
  else
    free (slots);
}

static void
resize (PubRowSet *set,
        gsize      n)
{
  guint64 *slots = alloc_slots (n);

  for (gsize i = 0; i < set->n_slots; i++)
    {
      guint64 h = set->slots[i];
      gsize j;

      if (!h)
        continue;
      for (j = h & (n - 1); slots[j]; j = (j + 1) & (n - 1))
        ;
      slots[j] = h;
    }
  if (set->slots)
    free_slots (set->slots, set->n_slots);
  set->slots = slots;
  set->n_slots = n;
}

void
pub_row_set_init (PubRowSet *set)
{
  memset (set, 0, sizeof *set);
  resize (set, (gsize) 1 << 16);
}

/* Each doubling rehashes every row held, a cache miss each: a caller that
 * can tell how many rows are coming sizes the table once. */
void
pub_row_set_reserve (PubRowSet *set,
                     gsize      n_rows)
{
  gsize n = set->n_slots;

  while (n < PUB_ROW_SET_MAX_SLOTS && n_rows * 10 >= n * 6)
    n *= 2;
  if (n > set->n_slots)
    resize (set, n);
}

void
pub_row_set_clear (PubRowSet *set)
{
  if (set->slots)
    free_slots (set->slots, set->n_slots);
  memset (set, 0, sizeof *set);
}

gboolean
pub_row_set_check (PubRowSet *set,
                   guint64    h)
{
  gsize j, mask;

  h |= 1;  /* 0 marks an empty slot */
  if (set->count * 10 >= set->n_slots * 6)
    {
      if (set->n_slots < PUB_ROW_SET_MAX_SLOTS)
        resize (set, set->n_slots * 2);
      else if (set->count * 4 >= set->n_slots * 3)
        set->full = TRUE;
    }
  mask = set->n_slots - 1;
  for (j = h & mask; set->slots[j]; j = (j + 1) & mask)
    if (set->slots[j] == h)
      return TRUE;
  if (!set->full)
    {
      set->slots[j] = h;
      set->count++;
    }
  return FALSE;
}
