/* pub-check-rowset.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <sys/mman.h>

#include "pub-check-rowset.h"

static guint64 *
alloc_slots (gsize n)
{
  gsize bytes = n * sizeof (guint64);
  void *slots = NULL;

#ifdef MADV_HUGEPAGE
  /* Huge pages spare a TLB miss per probe in a table of tens of MB. */
  if (bytes >= 2 * 1024 * 1024 && posix_memalign (&slots, 2 * 1024 * 1024, bytes) == 0)
    {
      madvise (slots, bytes, MADV_HUGEPAGE);
      memset (slots, 0, bytes);
      return slots;
    }
#endif
  slots = calloc (n, sizeof (guint64));
  if (!slots)
    g_error ("out of memory for %" G_GSIZE_FORMAT " row hashes", n);
  return slots;
}

static void
grow (PubRowSet *set)
{
  gsize n = set->n_slots ? set->n_slots * 2 : (gsize) 1 << 16;
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
  free (set->slots);
  set->slots = slots;
  set->n_slots = n;
}

void
pub_row_set_init (PubRowSet *set)
{
  memset (set, 0, sizeof *set);
  grow (set);
}

void
pub_row_set_clear (PubRowSet *set)
{
  free (set->slots);
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
        grow (set);
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
