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

/* Letters compared without case: `c | 0x20` is a lowercase letter only
 * for that letter in either case. */
#define LOWER(c) ((guchar) (c) | 0x20)

static guint
classify_bool (const char *s,
               gsize       len)
{
  switch (len)
    {
    case 2:
      if ((LOWER (s[0]) == 's' && LOWER (s[1]) == 'i') || (LOWER (s[0]) == 'n' && LOWER (s[1]) == 'o'))
        return PUB_CELL_BOOL_ES;
      /* "sí" in Windows-1252 (í, Í). */
      return LOWER (s[0]) == 's' && ((guchar) s[1] == 0xED || (guchar) s[1] == 0xCD) ? PUB_CELL_BOOL_ES : 0;
    case 3:
      /* "sí" in UTF-8 (í, Í). */
      return LOWER (s[0]) == 's' && (guchar) s[1] == 0xC3 && ((guchar) s[2] == 0xAD || (guchar) s[2] == 0x8D)
             ? PUB_CELL_BOOL_ES : 0;
    case 4:
      return LOWER (s[0]) == 't' && LOWER (s[1]) == 'r' && LOWER (s[2]) == 'u' && LOWER (s[3]) == 'e'
             ? PUB_CELL_BOOL_EN : 0;
    case 5:
      return LOWER (s[0]) == 'f' && LOWER (s[1]) == 'a' && LOWER (s[2]) == 'l' && LOWER (s[3]) == 's' &&
             LOWER (s[4]) == 'e' ? PUB_CELL_BOOL_EN : 0;
    default:
      return 0;
    }
}

/* Two digits' value; the caller checked they are digits. */
#define TWO(s) ((guint) ((s)[0] - '0') * 10 + (guint) ((s)[1] - '0'))
#define FOUR(s) (TWO (s) * 100 + TWO ((s) + 2))

/* valid_date without a division in the common case: only the 29th of
 * February asks whether the year is a leap year. */
static inline gboolean
valid_date_fast (guint year,
                 guint month,
                 guint day)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month - 1 >= 12 || day == 0 || year < 1000)
    return FALSE;
  if (day <= days[month - 1])
    return TRUE;
  return month == 2 && day == 29 && is_leap (year);
}

/* The shapes that fill most columns, decided without the general parsers
 * (which give the same answer, only slower): plain integers, one decimal
 * or thousands separator, dd-mm-yyyy, dd/mm/yyyy and yyyy-mm-dd. Returns
 * G_MAXUINT when the shape is another. */
static guint
classify_common (const char *s,
                 gsize       len)
{
  gsize i = 0, j;

  if (len == 10)
    {
      if ((s[2] == '-' || s[2] == '/') && s[5] == s[2] &&
          IS_DIGIT (s[0]) && IS_DIGIT (s[1]) && IS_DIGIT (s[3]) && IS_DIGIT (s[4]) &&
          IS_DIGIT (s[6]) && IS_DIGIT (s[7]) && IS_DIGIT (s[8]) && IS_DIGIT (s[9]))
        return valid_date_fast (FOUR (s + 6), TWO (s + 3), TWO (s))
               ? (s[2] == '-' ? PUB_CELL_DATE_DMY_DASH : PUB_CELL_DATE_DMY_SLASH) : 0;
      if (s[4] == '-' && s[7] == '-' &&
          IS_DIGIT (s[0]) && IS_DIGIT (s[1]) && IS_DIGIT (s[2]) && IS_DIGIT (s[3]) &&
          IS_DIGIT (s[5]) && IS_DIGIT (s[6]) && IS_DIGIT (s[8]) && IS_DIGIT (s[9]))
        return valid_date_fast (FOUR (s), TWO (s + 5), TWO (s + 8)) ? PUB_CELL_DATE_ISO : 0;
    }

  while (i < len && IS_DIGIT (s[i]))
    i++;
  if (i == len)
    return PUB_CELL_INTEGER;
  if ((s[i] != '.' && s[i] != ',') || i + 1 == len)
    return G_MAXUINT;
  for (j = i + 1; j < len && IS_DIGIT (s[j]); j++)
    ;
  if (j != len)
    return G_MAXUINT;
  if (s[0] != '0' && i <= 3 && len - i - 1 == 3)
    return s[i] == '.' ? PUB_CELL_DECIMAL_DOT | PUB_CELL_GROUPED_DOT : PUB_CELL_DECIMAL_COMMA | PUB_CELL_GROUPED_COMMA;
  return s[i] == '.' ? PUB_CELL_DECIMAL_DOT : PUB_CELL_DECIMAL_COMMA;
}

guint
pub_check_classify_cell (const char *s,
                         gsize       len)
{
  if (!len)
    return 0;
  if (IS_DIGIT (s[0]))
    {
      guint kind = classify_common (s, len);

      if (kind != G_MAXUINT)
        return kind;
      if (len >= 8 && len <= 10 && (memchr (s, '-', len) || memchr (s, '/', len)))
        return classify_date (s, len);
      return classify_number (s, len);
    }
  if (s[0] == '-' || s[0] == '+')
    return classify_number (s, len);
  return classify_bool (s, len);
}

static inline char
ascii_upper (char c)
{
  return c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
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

/* "23456789 - 1", "23 456 789-1": written as a RUT with spaces in it,
 * which a phone number's test would take for its own. The body; 0 when
 * it is not one. `s` is trimmed, so it ends with the check digit. */
static guint32
spaced_rut_body (const char *s,
                 gsize       len)
{
  char compact[12];
  gsize n = 0;
  gboolean formatted;
  guint32 body;

  if (len > 24 || !memchr (s, ' ', len))
    return 0;
  for (gsize i = 0; i < len; i++)
    if (s[i] != ' ')
      {
        if (n == sizeof compact)
          return 0;
        compact[n++] = s[i];
      }
  body = rut_body (compact, n, &formatted);
  return body && formatted ? body : 0;
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
  dv = ascii_upper (s[len - 1]);
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

  /* "a, b" files and hand-typed cells pad values with spaces. */
  while (len && (s[0] == ' ' || s[0] == '\t'))
    {
      s++;
      len--;
    }
  while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
    len--;
  if (len < 6 || len > 320)
    return PUB_PERSONAL_NONE;
  if (memchr (s, '@', len))
    return contains_email (s, len) ? PUB_PERSONAL_EMAIL : PUB_PERSONAL_NONE;
  if (!IS_DIGIT (s[0]) && s[0] != '+' && s[0] != '(')
    return PUB_PERSONAL_NONE;
  body = rut_body (s, len, &formatted);
  if (!body)
    formatted = (body = spaced_rut_body (s, len)) != 0;
  if (body && formatted)
    {
      /* Written as a RUT (a dash before the check digit): never a phone
       * number, even when its digits would dial. A wrong check digit is
       * a typo or a made-up value, still likely a person's. People's
       * RUTs are below 50 million; higher ones are companies. */
      if (ascii_upper (s[len - 1]) != pub_check_rut_digit (body))
        return PUB_PERSONAL_RUT_WRONG_DIGIT;
      return body < 50000000 ? PUB_PERSONAL_RUT_FORMATTED : PUB_PERSONAL_NONE;
    }
  /* Plain digits prove little: only a matching check digit counts. */
  if (body && body < 50000000 && ascii_upper (s[len - 1]) == pub_check_rut_digit (body))
    return PUB_PERSONAL_RUT_PLAIN;
  return is_phone (s, len) ? PUB_PERSONAL_PHONE : PUB_PERSONAL_NONE;
}

PubPersonalKind
pub_check_personal_digits (const char *s,
                           gsize       len)
{
  /* A RUT without separators: 7 or 8 digits and the check digit, below 50
   * million, not all zeros. The digit is computed from the text, right to
   * left, without dividing. */
  if ((len == 8 || (len == 9 && s[0] < '5')) && (s[0] != '0' || number_of (s, len - 1)))
    {
      guint sum = 0, factor = 2, dv;

      for (gsize i = len - 1; i-- > 0;)
        {
          sum += (guint) (s[i] - '0') * factor;
          factor = factor == 7 ? 2 : factor + 1;
        }
      dv = 11 - sum % 11;
      if (s[len - 1] == (dv == 11 ? '0' : dv == 10 ? 'K' : (char) ('0' + dv)))
        return PUB_PERSONAL_RUT_PLAIN;
    }
  /* Phones: 9 digits from 9 (mobiles), or 56 and 9 or 2. */
  if (len == 9 && s[0] == '9')
    return PUB_PERSONAL_PHONE;
  if (len == 11 && s[0] == '5' && s[1] == '6' && (s[2] == '9' || s[2] == '2'))
    return PUB_PERSONAL_PHONE;
  return PUB_PERSONAL_NONE;
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

static gboolean
is_initials (const char *s,
             gsize       len)
{
  const char *p = s, *end = s + len;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2 || !g_unichar_isalpha (c))
        return FALSE;
      p = g_utf8_next_char (p);
      if (p >= end || *p != '.')
        return FALSE;
      p++;
      if (p == end)
        return TRUE;
      if (*p != ' ' || p + 1 >= end)
        return FALSE;
      p++;
    }
  return FALSE;
}

gboolean
pub_check_is_anonymized (const char *s,
                         gsize       len)
{
  if (len == 14 && s[0] == 'P' && s[1] == '-')
    {
      for (gsize i = 2; i < len; i++)
        if (!g_ascii_isxdigit (s[i]) || g_ascii_isupper (s[i]))
          return FALSE;
      return TRUE;
    }
  if (len > 3 && s[0] == '@')
    {
      gboolean dot = FALSE;

      for (gsize i = 1; i < len; i++)
        {
          if (s[i] == '@' || g_ascii_isspace (s[i]))
            return FALSE;
          dot |= s[i] == '.';
        }
      return dot;
    }
  if ((len == 5 || len == 6) && memcmp (s, "+56 ", 4) == 0)
    return g_ascii_isdigit (s[4]) && (len == 5 || g_ascii_isdigit (s[5]));
  return is_initials (s, len);
}

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
