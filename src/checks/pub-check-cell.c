/* pub-check-cell.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pub-check-cell.h"

#define IS_DIGIT(c) ((guchar) ((c) - '0') < 10)

static guint
parse_digits (const char *s,
              gsize       len,
              gsize      *i)
{
  guint n = 0;

  while (*i < len && IS_DIGIT (s[*i]))
    {
      (*i)++;
      n++;
    }
  return n;
}

static gboolean
is_leap (guint year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static gboolean
valid_date (guint year,
            guint month,
            guint day)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month < 1 || month > 12 || day < 1 || year < 1000)
    return FALSE;
  return day <= days[month - 1] + (guint) (month == 2 && is_leap (year));
}

static guint
number_of (const char *s,
           gsize       n)
{
  guint v = 0;

  for (gsize i = 0; i < n; i++)
    v = v * 10 + (guint) (s[i] - '0');
  return v;
}

static guint
classify_date (const char *s,
               gsize       len)
{
  gsize i = 0, a, b, c, ia, ib, ic;
  char sep;

  a = parse_digits (s, len, &i);
  ia = 0;
  if (i >= len || (s[i] != '-' && s[i] != '/'))
    return 0;
  sep = s[i++];
  ib = i;
  b = parse_digits (s, len, &i);
  if (i >= len || s[i] != sep)
    return 0;
  i++;
  ic = i;
  c = parse_digits (s, len, &i);
  if (i != len)
    return 0;

  if (a == 4 && b == 2 && c == 2 && sep == '-')
    return valid_date (number_of (s + ia, 4), number_of (s + ib, 2), number_of (s + ic, 2))
           ? PUB_CELL_DATE_ISO : 0;
  if (a >= 1 && a <= 2 && b >= 1 && b <= 2 && c == 4 &&
      valid_date (number_of (s + ic, 4), number_of (s + ib, b), number_of (s + ia, a)))
    return sep == '-' ? PUB_CELL_DATE_DMY_DASH : PUB_CELL_DATE_DMY_SLASH;
  return 0;
}

static gboolean
grouped (const guint *groups,
         guint        n)
{
  if (groups[0] < 1 || groups[0] > 3)
    return FALSE;
  for (guint k = 1; k < n; k++)
    if (groups[k] != 3)
      return FALSE;
  return TRUE;
}

static guint
classify_number (const char *s,
                 gsize       len)
{
  guint groups[12];
  char seps[12];
  guint n = 0;
  gsize i = 0;
  gboolean lead_zero;

  if (s[0] == '-' || s[0] == '+')
    i = 1;
  if (i >= len || !IS_DIGIT (s[i]))
    return 0;
  lead_zero = s[i] == '0';

  for (;;)
    {
      guint g = parse_digits (s, len, &i);

      if (!g || n == G_N_ELEMENTS (groups))
        return 0;
      groups[n++] = g;
      if (i == len)
        break;
      if (s[i] == 'e' || s[i] == 'E')
        {
          /* An exponent makes it a plain decimal (1e5, 2.5E-3). */
          if (n > 2 || (n == 2 && seps[0] != '.'))
            return 0;
          i++;
          if (i < len && (s[i] == '-' || s[i] == '+'))
            i++;
          return parse_digits (s, len, &i) && i == len ? PUB_CELL_DECIMAL_DOT : 0;
        }
      if (s[i] != '.' && s[i] != ',')
        return 0;
      seps[n - 1] = s[i++];
    }

  if (n == 1)
    return PUB_CELL_INTEGER;

  {
    char last = seps[n - 2];
    gboolean same = TRUE;
    guint kinds = 0;

    for (guint k = 0; k + 1 < n - 1; k++)
      if (seps[k] != last)
        same = FALSE;

    if (same && n == 2)
      {
        kinds = last == '.' ? PUB_CELL_DECIMAL_DOT : PUB_CELL_DECIMAL_COMMA;
        if (!lead_zero && grouped (groups, n))
          kinds |= last == '.' ? PUB_CELL_GROUPED_DOT : PUB_CELL_GROUPED_COMMA;
        return kinds;
      }
    if (same)
      return grouped (groups, n) && !lead_zero
             ? (last == '.' ? PUB_CELL_GROUPED_DOT : PUB_CELL_GROUPED_COMMA) : 0;

    /* Mixed: every separator but the last groups thousands. */
    for (guint k = 0; k + 1 < n - 1; k++)
      if (seps[k] == last)
        return 0;
    if (lead_zero || !grouped (groups, n - 1))
      return 0;
    return last == ',' ? PUB_CELL_DECIMAL_COMMA : PUB_CELL_DECIMAL_DOT;
  }
}

static gboolean
ascii_equal_nocase (const char *s,
                    gsize       len,
                    const char *word)
{
  return strlen (word) == len && g_ascii_strncasecmp (s, word, len) == 0;
}

static guint
classify_bool (const char *s,
               gsize       len)
{
  if (len > 5)
    return 0;
  if (ascii_equal_nocase (s, len, "true") || ascii_equal_nocase (s, len, "false"))
    return PUB_CELL_BOOL_EN;
  if (ascii_equal_nocase (s, len, "si") || ascii_equal_nocase (s, len, "no"))
    return PUB_CELL_BOOL_ES;
  /* "sí" in UTF-8 (í, Í) and in Windows-1252. */
  if ((s[0] == 's' || s[0] == 'S') &&
      ((len == 3 && (guchar) s[1] == 0xC3 && ((guchar) s[2] == 0xAD || (guchar) s[2] == 0x8D)) ||
       (len == 2 && ((guchar) s[1] == 0xED || (guchar) s[1] == 0xCD))))
    return PUB_CELL_BOOL_ES;
  return 0;
}

guint
pub_check_classify_cell (const char *s,
                         gsize       len)
{
  if (!len)
    return 0;
  if (IS_DIGIT (s[0]))
    {
      if (len >= 8 && len <= 10 && (memchr (s, '-', len) || memchr (s, '/', len)))
        return classify_date (s, len);
      return classify_number (s, len);
    }
  if (s[0] == '-' || s[0] == '+')
    return classify_number (s, len);
  return classify_bool (s, len);
}

char
pub_check_rut_digit (guint32 body)
{
  guint sum = 0, factor = 2, dv;

  for (; body; body /= 10)
    {
      sum += (body % 10) * factor;
      factor = factor == 7 ? 2 : factor + 1;
    }
  dv = 11 - sum % 11;
  if (dv == 11)
    return '0';
  if (dv == 10)
    return 'K';
  return (char) ('0' + dv);
}

/* The body's value, or 0 when `s` is not written as a RUT. */
static guint32
rut_body (const char *s,
          gsize       len,
          gboolean   *formatted)
{
  guint32 body = 0;
  guint digits = 0, since_dot = 0, dots = 0;
  gsize end;

  if (len < 8 || len > 12 || !(IS_DIGIT (s[len - 1]) || s[len - 1] == 'k' || s[len - 1] == 'K'))
    return 0;
  end = len - 1;
  *formatted = s[end - 1] == '-';
  if (*formatted)
    end--;
  for (gsize i = 0; i < end; i++)
    {
      if (IS_DIGIT (s[i]))
        {
          body = body * 10 + (guint32) (s[i] - '0');
          digits++;
          since_dot++;
        }
      else if (s[i] == '.' && *formatted && (dots ? since_dot == 3 : since_dot >= 1 && since_dot <= 2))
        {
          dots++;
          since_dot = 0;
        }
      else
        return 0;
    }
  if ((dots && (dots != 2 || since_dot != 3)) || digits < 7 || digits > 8)
    return 0;
  return body;
}

gboolean
pub_check_rut_is_valid (const char *s,
                        gsize       len)
{
  gboolean formatted;
  guint32 body = rut_body (s, len, &formatted);
  char dv;

  if (!body)
    return FALSE;
  dv = g_ascii_toupper (s[len - 1]);
  return dv == pub_check_rut_digit (body);
}

static gboolean
is_email_char (guchar c)
{
  return g_ascii_isalnum (c) || c >= 0x80 || strchr ("._%+-'", c);
}

static gboolean
contains_email (const char *s,
                gsize       len)
{
  const char *at = memchr (s, '@', len);
  const char *end = s + len;

  while (at)
    {
      const char *l = at, *r = at + 1, *last_dot = NULL;

      while (l > s && is_email_char ((guchar) l[-1]))
        l--;
      while (r < end && (g_ascii_isalnum (*r) || *r == '-' || *r == '.'))
        {
          if (*r == '.')
            last_dot = r;
          r++;
        }
      if (last_dot && last_dot[-1] != '.' && l < at && at[1] != '.' &&
          last_dot > at + 1 && r - last_dot >= 3 && g_ascii_isalpha (last_dot[1]))
        return TRUE;
      at = memchr (at + 1, '@', (gsize) (end - at - 1));
    }
  return FALSE;
}

static gboolean
is_phone (const char *s,
          gsize       len)
{
  char digits[24];
  guint n = 0;
  gboolean formatted = FALSE;

  if (len < 9 || len > 20)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (IS_DIGIT (s[i]))
        {
          if (n == sizeof digits)
            return FALSE;
          digits[n++] = s[i];
        }
      else if (s[i] == '+' && i == 0)
        formatted = TRUE;
      else if (s[i] == ' ' || s[i] == '-' || s[i] == '(' || s[i] == ')')
        formatted = TRUE;
      else
        return FALSE;
    }
  if (n == 11 && digits[0] == '5' && digits[1] == '6' && (digits[2] == '9' || digits[2] == '2' || formatted))
    return TRUE;
  if (n == 9 && digits[0] == '9')
    return TRUE;
  return n == 9 && formatted && digits[0] >= '2' && digits[0] <= '7';
}

PubPersonalKind
pub_check_personal_cell (const char *s,
                         gsize       len)
{
  gboolean formatted;
  guint32 body;

  if (len < 6 || len > 320)
    return PUB_PERSONAL_NONE;
  if (memchr (s, '@', len))
    return contains_email (s, len) ? PUB_PERSONAL_EMAIL : PUB_PERSONAL_NONE;
  if (!IS_DIGIT (s[0]) && s[0] != '+' && s[0] != '(')
    return PUB_PERSONAL_NONE;
  body = rut_body (s, len, &formatted);
  if (body && formatted)
    {
      /* Written as a RUT (a dash before the check digit): never a phone
       * number, even when its digits would dial. A wrong check digit is
       * a typo or a made-up value, still likely a person's. People's
       * RUTs are below 50 million; higher ones are companies. */
      if (g_ascii_toupper (s[len - 1]) != pub_check_rut_digit (body))
        return PUB_PERSONAL_RUT_WRONG_DIGIT;
      return body < 50000000 ? PUB_PERSONAL_RUT_FORMATTED : PUB_PERSONAL_NONE;
    }
  /* Plain digits prove little: only a matching check digit counts. */
  if (body && body < 50000000 && g_ascii_toupper (s[len - 1]) == pub_check_rut_digit (body))
    return PUB_PERSONAL_RUT_PLAIN;
  return is_phone (s, len) ? PUB_PERSONAL_PHONE : PUB_PERSONAL_NONE;
}

static char *
fold_label (const char *label)
{
  g_autofree char *lower = g_utf8_strdown (label, -1);
  g_autofree char *nfd = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (" ");

  for (const char *p = nfd; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x300 && c <= 0x36F)
        continue;
      g_string_append_c (out, c < 0x80 && g_ascii_isalnum (c) ? (char) c : ' ');
    }
  g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

/* "nombre_region" names a place, not a person. */
static const char *not_people[] = {
  " region ", " comuna ", " provincia ", " pais ", " ciudad ", " localidad ",
  " establecimiento ", " institucion ", " organismo ", " servicio ", " empresa ",
  " proveedor ", " programa ", " proyecto ", " colegio ", " escuela ", " liceo ",
  " curso ", " producto ", " item ", " categoria ", " tipo ", " municipio ",
  " municipalidad ", " unidad ", " area ", " cargo ", " sede ", " oficina ",
  " calle ", " via ", " carrera ", " especie ", " variable ", " indicador ",
};

const char *
pub_check_label_is_personal (const char *label)
{
  static const char *parts[] = {
    "nombre", "apellido", "direccion", "domicilio", "telefono", "celular",
    "correo", "email", "nacimiento", "pasaporte", "paciente",
  };
  static const char *words[] = { " rut ", " run ", " fono ", " mail ", " dni ", " e mail " };
  g_autofree char *folded = NULL;

  if (!label || !*label)
    return NULL;
  folded = fold_label (label);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (folded, words[i]))
      return words[i];
  for (guint i = 0; i < G_N_ELEMENTS (not_people); i++)
    if (strstr (folded, not_people[i]))
      return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (strstr (folded, parts[i]))
      return parts[i];
  return NULL;
}

#define BULLET "\xe2\x80\xa2"

char *
pub_check_mask (const char      *s,
                gsize            len,
                PubPersonalKind  kind)
{
  GString *out = g_string_new (NULL);
  guint kept_digits = 0, total_digits = 0;

  switch (kind)
    {
    case PUB_PERSONAL_EMAIL:
      {
        const char *at = memchr (s, '@', len);
        const char *dot = NULL;

        for (const char *p = at ? at : s; p < s + len; p++)
          if (*p == '.')
            dot = p;
        if (len && g_ascii_isalnum (s[0]))
          g_string_append_c (out, s[0]);
        g_string_append (out, BULLET BULLET BULLET "@");
        if (at && at + 1 < s + len && g_ascii_isalnum (at[1]))
          g_string_append_c (out, at[1]);
        g_string_append (out, BULLET BULLET BULLET);
        for (const char *p = dot; p && p < s + len && (g_ascii_isalnum (*p) || *p == '.'); p++)
          g_string_append_c (out, *p);
        return g_string_free (out, FALSE);
      }

    case PUB_PERSONAL_PHONE:
      for (gsize i = 0; i < len; i++)
        total_digits += IS_DIGIT (s[i]);
      for (gsize i = 0; i < len; i++)
        {
          if (!IS_DIGIT (s[i]))
            g_string_append_c (out, (guchar) s[i] < 0x80 ? s[i] : ' ');
          else if (kept_digits++ >= total_digits - 2 || (i < 3 && s[0] == '+'))
            g_string_append_c (out, s[i]);
          else
            g_string_append (out, BULLET);
        }
      return g_string_free (out, FALSE);

    case PUB_PERSONAL_RUT_FORMATTED:
    case PUB_PERSONAL_RUT_PLAIN:
    case PUB_PERSONAL_RUT_WRONG_DIGIT:
      for (gsize i = 0; i < len; i++)
        {
          if (IS_DIGIT (s[i]) || s[i] == 'k' || s[i] == 'K')
            g_string_append (out, i == 0 ? (char[]) { s[0], 0 } : BULLET);
          else
            g_string_append_c (out, (guchar) s[i] < 0x80 ? s[i] : ' ');
        }
      return g_string_free (out, FALSE);

    case PUB_PERSONAL_NONE:
    case PUB_N_PERSONAL_KINDS:
    default:
      {
        guint shown = 0;

        if (len && (guchar) s[0] < 0x80)
          g_string_append_c (out, s[0]);
        for (gsize i = 1; i < len && shown < 12; i++)
          {
            /* One bullet per character: skip UTF-8 continuation bytes. */
            if (((guchar) s[i] & 0xC0) == 0x80)
              continue;
            g_string_append (out, s[i] == ' ' ? " " : BULLET);
            shown++;
          }
        return g_string_free (out, FALSE);
      }
    }
}

char *
pub_check_mask_value (const char *value,
                      gpointer    user_data)
{
  g_auto(GStrv) parts = g_strsplit (value, ", ", -1);
  gboolean masked = FALSE;

  for (guint i = 0; parts[i]; i++)
    {
      gsize len = strlen (parts[i]);
      PubPersonalKind kind = pub_check_personal_cell (parts[i], len);

      g_autofree char *raw = NULL;

      if (kind == PUB_PERSONAL_NONE)
        continue;
      raw = parts[i];
      parts[i] = pub_check_mask (raw, len, kind);
      masked = TRUE;
    }
  return masked ? g_strjoinv (", ", parts) : NULL;
}
