/* pub-check-rowset.h: which rows were seen already, in bounded memory
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>
#include <glib.h>

G_BEGIN_DECLS

/* 64-bit row hashes, open addressing. At most 2^23 slots (64 MiB), which
 * hold about six million distinct rows; past that, later rows are still
 * compared with the ones held but no longer added (`full`). A false
 * duplicate needs a 64-bit hash collision. */
#define PUB_ROW_SET_MAX_SLOTS ((gsize) 1 << 23)

typedef struct {
  guint64  *slots;
  gsize     n_slots;
  gsize     count;
  gboolean  full;
} PubRowSet;

void     pub_row_set_init  (PubRowSet *set);
void     pub_row_set_clear (PubRowSet *set);
/* Room for `n_rows` distinct rows (up to the cap) without growing again. */
void     pub_row_set_reserve (PubRowSet *set,
                              gsize      n_rows);
/* TRUE when `hash` was there already; adds it otherwise. */
gboolean pub_row_set_check (PubRowSet *set,
                            guint64    hash);

static inline void
pub_row_set_prefetch (PubRowSet *set,
                      guint64    hash)
{
  __builtin_prefetch (&set->slots[(hash | 1) & (set->n_slots - 1)]);
}

/* Where a row's hash starts. Not 0: from 0 an empty cell hashes to 0,
 * so ",x" would repeat "x". */
#define PUB_ROW_HASH_SEED G_GUINT64_CONSTANT (0x243F6A8885A308D3)

/* Folds `n` bytes into the hash `h` of a row, cell by cell. */
static inline guint64
pub_row_hash (guint64     h,
              const char *p,
              gsize       n)
{
  guint64 w;

  h ^= n * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  while (n >= 8)
    {
      memcpy (&w, p, 8);
      h = (h ^ w) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
      h ^= h >> 29;
      p += 8;
      n -= 8;
    }
  /* The tail in at most two overlapping loads: bytes copied one by one
   * into a word stall the load that reads it back. */
  if (n >= 4)
    {
      guint32 a, b;

      memcpy (&a, p, 4);
      memcpy (&b, p + n - 4, 4);
      w = a | (guint64) b << 32;
    }
  else if (n)
    w = (guint64) (guchar) p[0] | (guint64) (guchar) p[n / 2] << 8 | (guint64) (guchar) p[n - 1] << 16;
  else
    w = 0;
  h = (h ^ w) * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F);
  return h ^ (h >> 31);
}

G_END_DECLS
