/* pub-pseudonym.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <nettle/hmac.h>
#include <nettle/pbkdf2.h>
#include <string.h>

#include "pub-check-rowset.h"
#include "pub-pseudonym.h"

/* 12 hex digits are 48 bits: among a million different people the chance
 * that two share a pseudonym is about 1 in 500, where 8 digits (32 bits)
 * would give a hundred collisions and link rows of different people. */
#define PSEUDONYM_HEX_DIGITS 12
#define PSEUDONYM_LENGTH (2 + PSEUDONYM_HEX_DIGITS)

static gboolean
is_separator (char c)
{
  return c == '.' || c == '-' || c == ' ' || c == '(' || c == ')' || c == '+' || c == '/';
}

/* Appends the digits (and a final K) of `value` with separators taken out;
 * FALSE, leaving `out` as it was, when the value holds anything else. */
static gboolean
append_digits (GString    *out,
               const char *value,
               gsize       len)
{
  gsize start = out->len;

  for (gsize i = 0; i < len; i++)
    {
      char c = value[i];

      if (g_ascii_isdigit (c))
        g_string_append_c (out, c);
      else if ((c == 'k' || c == 'K') && i + 1 == len)
        g_string_append_c (out, 'K');
      else if (!is_separator (c))
        {
          g_string_truncate (out, start);
          return FALSE;
        }
    }
  if (out->len == start)
    return FALSE;
  return TRUE;
}

/* Written into `out` (emptied first) so that a million cells cost no
 * allocations: this runs once per pseudonymised cell. */
static void
normalize_into (GString    *out,
                const char *value,
                gsize       len)
{
  gboolean ascii = TRUE;
  gsize i;

  g_string_truncate (out, 0);
  while (len > 0 && g_ascii_isspace (value[0]))
    value++, len--;
  while (len > 0 && g_ascii_isspace (value[len - 1]))
    len--;
  if (len == 0)
    return;

  if (memchr (value, '@', len) != NULL)
    {
      g_autofree char *down = g_utf8_strdown (value, len);

      g_string_append (out, down);
      return;
    }

  if (append_digits (out, value, len))
    {
      gsize skip = 0;

      /* A Chilean phone written with its country code (+56 9 1234 5678) is
       * the same line as 9 1234 5678; RUTs never reach eleven digits. */
      if (out->len == 11 && strncmp (out->str, "56", 2) == 0)
        skip = 2;
      while (skip + 1 < out->len && out->str[skip] == '0')
        skip++;
      g_string_erase (out, 0, skip);
      return;
    }

  /* Names and other text: case and spacing don't make another person. */
  for (i = 0; i < len && ascii; i++)
    ascii = (guchar) value[i] < 0x80;
  if (ascii)
    {
      for (i = 0; i < len; i++)
        {
          if (g_ascii_isspace (value[i]))
            {
              if (out->len > 0 && out->str[out->len - 1] != ' ')
                g_string_append_c (out, ' ');
            }
          else
            g_string_append_c (out, g_ascii_tolower (value[i]));
        }
      return;
    }
  {
    g_autofree char *folded = g_utf8_casefold (value, len);

    for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (g_unichar_isspace (c))
          {
            if (out->len > 0 && out->str[out->len - 1] != ' ')
              g_string_append_c (out, ' ');
          }
        else
          g_string_append_unichar (out, c);
      }
  }
}

char *
pub_pseudonym_normalize (const char *value,
                         gsize       len)
{
  GString *out = g_string_sized_new (len + 1);

  normalize_into (out, value, len);
  return g_string_free (out, FALSE);
}

/* Nettle rather than GHmac: with the processor's SHA instructions it is
 * about ten times faster, and a file of a million RUTs makes a million
 * HMACs. Its context is a plain struct, so a keyed copy costs no
 * allocation. */
struct _PubPseudonymizer {
  struct hmac_sha256_ctx base;   /* keyed once; each value works on a copy */
  GString    *normalized;
  char        pseudonym[PSEUDONYM_LENGTH + 1];

  /* Names, communes and programmes repeat down a column, and a repeated
   * cell skips normalising and hashing. Keyed by the cell's bytes as they
   * are, so it can never give another value's pseudonym. Where fewer
   * than a quarter of MEMO_TRIAL lookups in a row hit (a column of ids),
   * it is dropped and costs nothing more. */
  GHashTable *memo;              /* MemoEntry, set-like */
  guint       lookups;           /* since the last MEMO_TRIAL */
  guint       hits;
};

#define MEMO_TRIAL 256
#define MEMO_MAX_ENTRIES 4096

typedef struct {
  const char *data;
  gsize       len;
} MemoKey;

/* The key is first, so an entry is its own key in the set; the bytes
 * follow it in the same block. */
typedef struct {
  MemoKey key;
  char    pseudonym[PSEUDONYM_LENGTH + 1];
  char    bytes[];
} MemoEntry;

/* The checks' row hash: word at a time, and already well mixed in its low
 * bits. */
static guint
memo_key_hash (gconstpointer data)
{
  const MemoKey *key = data;

  return (guint) pub_row_hash (0, key->data, key->len);
}

static gboolean
memo_key_equal (gconstpointer a,
                gconstpointer b)
{
  const MemoKey *x = a, *y = b;

  return x->len == y->len && memcmp (x->data, y->data, x->len) == 0;
}

PubPseudonymizer *
pub_pseudonymizer_new (GBytes *key)
{
  PubPseudonymizer *self;
  gsize key_len = 0;
  const guint8 *key_data;

  g_return_val_if_fail (key != NULL, NULL);
  key_data = g_bytes_get_data (key, &key_len);
  g_return_val_if_fail (key_len > 0, NULL);

  self = g_new0 (PubPseudonymizer, 1);
  hmac_sha256_set_key (&self->base, key_len, key_data);
  self->normalized = g_string_new (NULL);
  self->memo = g_hash_table_new_full (memo_key_hash, memo_key_equal, g_free, NULL);
  return self;
}

void
pub_pseudonymizer_free (PubPseudonymizer *self)
{
  if (self == NULL)
    return;
  memset (&self->base, 0, sizeof self->base);
  g_string_free (self->normalized, TRUE);
  g_clear_pointer (&self->memo, g_hash_table_unref);
  g_free (self);
}

/* Into self->pseudonym. */
static void
compute (PubPseudonymizer *self,
         const char       *value,
         gsize             len)
{
  static const char hex[] = "0123456789abcdef";
  struct hmac_sha256_ctx hmac;
  guint8 digest[SHA256_DIGEST_SIZE];
  char *pseudonym = self->pseudonym;

  normalize_into (self->normalized, value, len);
  if (self->normalized->len == 0)
    {
      pseudonym[0] = '\0';
      return;
    }
  hmac = self->base;
  hmac_sha256_update (&hmac, self->normalized->len, (const guint8 *) self->normalized->str);
  hmac_sha256_digest (&hmac, sizeof digest, digest);
  pseudonym[0] = 'P';
  pseudonym[1] = '-';
  for (guint i = 0; i < PSEUDONYM_HEX_DIGITS / 2; i++)
    {
      pseudonym[2 + 2 * i] = hex[digest[i] >> 4];
      pseudonym[3 + 2 * i] = hex[digest[i] & 0xf];
    }
  pseudonym[PSEUDONYM_LENGTH] = '\0';
}

const char *
pub_pseudonymizer_apply (PubPseudonymizer *self,
                         const char       *value,
                         gsize             len)
{
  MemoKey probe = { value, len };
  MemoEntry *entry;

  if (self->memo == NULL)
    {
      compute (self, value, len);
      return self->pseudonym;
    }

  self->lookups++;
  entry = g_hash_table_lookup (self->memo, &probe);
  if (entry != NULL)
    {
      self->hits++;
      return entry->pseudonym;
    }
  compute (self, value, len);
  if (self->lookups >= MEMO_TRIAL)
    {
      gboolean worth_it = self->hits >= MEMO_TRIAL / 4;

      self->lookups = self->hits = 0;
      if (!worth_it)
        {
          g_clear_pointer (&self->memo, g_hash_table_unref);
          return self->pseudonym;
        }
    }
  if (g_hash_table_size (self->memo) < MEMO_MAX_ENTRIES)
    {
      entry = g_malloc (sizeof (MemoEntry) + len);
      memcpy (entry->bytes, value, len);
      entry->key.data = entry->bytes;
      entry->key.len = len;
      memcpy (entry->pseudonym, self->pseudonym, sizeof entry->pseudonym);
      g_hash_table_add (self->memo, entry);
    }
  return self->pseudonym;
}

char *
pub_pseudonym_make (GBytes     *key,
                    const char *value,
                    gsize       len)
{
  g_autoptr(PubPseudonymizer) one = pub_pseudonymizer_new (key);

  return g_strdup (pub_pseudonymizer_apply (one, value, len));
}

/* 12.345.678-5, 12345678-K, 1.234.567-0: a body of 7 or 8 digits, a dash
 * and a check digit, whether or not the check digit is right. */
static gboolean
looks_like_rut (const char *text)
{
  guint n_digits = 0;
  const char *p;

  for (p = text; *p != '\0' && *p != '-'; p++)
    {
      if (g_ascii_isdigit (*p))
        n_digits++;
      else if (*p != '.')
        return FALSE;
    }
  return *p == '-' && (n_digits == 7 || n_digits == 8) &&
         (g_ascii_isdigit (p[1]) || p[1] == 'k' || p[1] == 'K') && p[2] == '\0';
}

static char *
generalize_phone (const char *digits)
{
  const char *national = digits;

  if (strlen (digits) == 11 && g_str_has_prefix (digits, "56"))
    national = digits + 2;
  if (strlen (national) != 9)
    return g_strdup ("");
  /* Mobiles start with 9; Santiago's landlines with 2; the rest carry a
   * two-digit area code (32 Valparaíso, 41 Concepción...). */
  if (national[0] == '9' || national[0] == '2')
    return g_strdup_printf ("+56 %c", national[0]);
  return g_strdup_printf ("+56 %.2s", national);
}

static char *
initials (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gunichar first;

      if (words[i][0] == '\0')
        continue;
      first = g_utf8_get_char_validated (words[i], -1);
      if (first == (gunichar) -1 || first == (gunichar) -2 || !g_unichar_isalpha (first))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_unichar (out, g_unichar_toupper (first));
      g_string_append_c (out, '.');
    }
  return g_string_free (out, FALSE);
}

char *
pub_pseudonym_generalize (const char *value,
                          gsize       len)
{
  g_autofree char *stripped = g_strstrip (g_strndup (value, len));
  g_autoptr(GString) digits = NULL;
  const char *at;

  if (stripped[0] == '\0')
    return g_strdup ("");

  at = strrchr (stripped, '@');
  if (at != NULL)
    return at[1] != '\0' ? g_utf8_strdown (at, -1) : g_strdup ("");

  /* Anything shaped like a RUT, right check digit or not, is a person's
   * number: nothing of it is a group to keep. */
  if (looks_like_rut (stripped))
    return g_strdup ("");

  digits = g_string_new (NULL);
  if (append_digits (digits, stripped, strlen (stripped)))
    return strchr (digits->str, 'K') == NULL ? generalize_phone (digits->str) : g_strdup ("");

  return initials (stripped);
}

GBytes *
pub_pseudonym_key_derive (const char *passphrase,
                          const char *salt,
                          guint       iterations)
{
  guint8 key[PUB_PSEUDONYM_KEY_LENGTH];
  GBytes *bytes;

  g_return_val_if_fail (iterations > 0, NULL);

  pbkdf2_hmac_sha256 (strlen (passphrase), (const guint8 *) passphrase, iterations,
                      strlen (salt), (const guint8 *) salt, sizeof key, key);
  bytes = g_bytes_new (key, sizeof key);
  memset (key, 0, sizeof key);
  return bytes;
}

char *
pub_pseudonym_passphrase_salt (const char *organization)
{
  return g_strconcat ("publicador-pseudonym:", organization, NULL);
}
