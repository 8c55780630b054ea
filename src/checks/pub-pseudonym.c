/* pub-pseudonym.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pub-pseudonym.h"

/* 12 hex digits are 48 bits: among a million different people the chance
 * that two share a pseudonym is about 1 in 500, where 8 digits (32 bits)
 * would give a hundred collisions and link rows of different people. */
#define PSEUDONYM_HEX_DIGITS 12

static gboolean
is_separator (char c)
{
  return c == '.' || c == '-' || c == ' ' || c == '(' || c == ')' || c == '+' || c == '/';
}

/* Digits (and a final K) with separators taken out, or NULL when the value
 * holds anything else. */
static char *
digits_only (const char *value,
             gsize       len)
{
  GString *digits = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      char c = value[i];

      if (g_ascii_isdigit (c))
        g_string_append_c (digits, c);
      else if ((c == 'k' || c == 'K') && i + 1 == len)
        g_string_append_c (digits, 'K');
      else if (!is_separator (c))
        {
          g_string_free (digits, TRUE);
          return NULL;
        }
    }
  if (digits->len == 0)
    {
      g_string_free (digits, TRUE);
      return NULL;
    }
  return g_string_free (digits, FALSE);
}

char *
pub_pseudonym_normalize (const char *value,
                         gsize       len)
{
  g_autofree char *stripped = g_strstrip (g_strndup (value, len));
  g_autofree char *digits = NULL;
  g_autofree char *folded = NULL;
  GString *words;
  const char *p;

  if (memchr (stripped, '@', strlen (stripped)) != NULL)
    return g_utf8_strdown (stripped, -1);

  digits = digits_only (stripped, strlen (stripped));
  if (digits != NULL)
    {
      const char *start = digits;

      /* A Chilean phone written with its country code (+56 9 1234 5678) is
       * the same line as 9 1234 5678; RUTs never reach eleven digits. */
      if (strlen (digits) == 11 && g_str_has_prefix (digits, "56"))
        start += 2;
      while (*start == '0' && start[1] != '\0')
        start++;
      return g_strdup (start);
    }

  /* Names and other text: case and spacing don't make another person. */
  folded = g_utf8_casefold (stripped, -1);
  words = g_string_sized_new (strlen (folded));
  for (p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (words->len > 0 && words->str[words->len - 1] != ' ')
            g_string_append_c (words, ' ');
        }
      else
        g_string_append_unichar (words, c);
    }
  if (words->len > 0 && words->str[words->len - 1] == ' ')
    g_string_truncate (words, words->len - 1);
  return g_string_free (words, FALSE);
}

char *
pub_pseudonym_make (GBytes     *key,
                    const char *value,
                    gsize       len)
{
  g_autofree char *normalized = NULL;
  g_autoptr(GHmac) hmac = NULL;
  const char *digest;
  gsize key_len = 0;
  const guint8 *key_data;

  g_return_val_if_fail (key != NULL, NULL);

  key_data = g_bytes_get_data (key, &key_len);
  g_return_val_if_fail (key_len > 0, NULL);

  normalized = pub_pseudonym_normalize (value, len);
  if (normalized[0] == '\0')
    return g_strdup ("");

  hmac = g_hmac_new (G_CHECKSUM_SHA256, key_data, key_len);
  g_hmac_update (hmac, (const guchar *) normalized, -1);
  digest = g_hmac_get_string (hmac);
  return g_strdup_printf ("P-%.*s", PSEUDONYM_HEX_DIGITS, digest);
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
  g_autofree char *digits = NULL;
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

  digits = digits_only (stripped, strlen (stripped));
  if (digits != NULL)
    return strchr (digits, 'K') == NULL ? generalize_phone (digits) : g_strdup ("");

  return initials (stripped);
}

GBytes *
pub_pseudonym_key_derive (const char *passphrase,
                          const char *salt,
                          guint       iterations)
{
  /* One block of output is all a 32-byte key needs (SHA-256's length). */
  g_autoptr(GHmac) base = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) passphrase, strlen (passphrase));
  g_autoptr(GHmac) first = g_hmac_copy (base);
  static const guchar block_index[4] = { 0, 0, 0, 1 };
  guint8 u[32], t[32];
  gsize len = sizeof u;

  g_return_val_if_fail (iterations > 0, NULL);

  g_hmac_update (first, (const guchar *) salt, strlen (salt));
  g_hmac_update (first, block_index, sizeof block_index);
  g_hmac_get_digest (first, u, &len);
  memcpy (t, u, sizeof t);
  for (guint i = 1; i < iterations; i++)
    {
      g_autoptr(GHmac) round = g_hmac_copy (base);

      g_hmac_update (round, u, sizeof u);
      len = sizeof u;
      g_hmac_get_digest (round, u, &len);
      for (guint j = 0; j < sizeof t; j++)
        t[j] ^= u[j];
    }
  memset (u, 0, sizeof u);
  return g_bytes_new (t, sizeof t);
}

char *
pub_pseudonym_passphrase_salt (const char *organization)
{
  return g_strconcat ("publicador-pseudonym:", organization, NULL);
}
