/* pub-check-cell.h: what one cell holds (types, personal data), masking
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a cell could be read as; several bits may be set ("1.234" is both a
 * Chilean thousand and an English decimal). All 0: text. */
typedef enum {
  PUB_CELL_INTEGER       = 1 << 0,   /* 123, -5 */
  PUB_CELL_GROUPED_DOT   = 1 << 1,   /* 1.234, 1.234.567: thousands, Chilean style */
  PUB_CELL_GROUPED_COMMA = 1 << 2,   /* 1,234, 1,234,567: thousands, English style */
  PUB_CELL_DECIMAL_DOT   = 1 << 3,   /* 12.5, 1,234.5, 1e3 */
  PUB_CELL_DECIMAL_COMMA = 1 << 4,   /* 12,5, 1.234,56 */
  PUB_CELL_DATE_DMY_DASH = 1 << 5,   /* 31-12-2024 */
  PUB_CELL_DATE_DMY_SLASH = 1 << 6,  /* 31/12/2024 */
  PUB_CELL_DATE_ISO      = 1 << 7,   /* 2024-12-31 */
  PUB_CELL_BOOL_ES       = 1 << 8,   /* sí, si, no */
  PUB_CELL_BOOL_EN       = 1 << 9,   /* true, false */
} PubCellKind;

#define PUB_CELL_ANY_NUMBER (PUB_CELL_INTEGER | PUB_CELL_GROUPED_DOT | PUB_CELL_GROUPED_COMMA | \
                             PUB_CELL_DECIMAL_DOT | PUB_CELL_DECIMAL_COMMA)
#define PUB_CELL_ANY_INTEGER (PUB_CELL_INTEGER | PUB_CELL_GROUPED_DOT | PUB_CELL_GROUPED_COMMA)
#define PUB_CELL_ANY_DATE (PUB_CELL_DATE_DMY_DASH | PUB_CELL_DATE_DMY_SLASH | PUB_CELL_DATE_ISO)
#define PUB_CELL_ANY_BOOL (PUB_CELL_BOOL_ES | PUB_CELL_BOOL_EN)

/* `s` need not be nul-terminated; bytes may be UTF-8 or Windows-1252. */
guint     pub_check_classify_cell (const char *s,
                                   gsize       len);

typedef enum {
  PUB_PERSONAL_NONE = 0,
  PUB_PERSONAL_RUT_FORMATTED,  /* 12.345.678-5 or 12345678-5, valid check digit */
  PUB_PERSONAL_RUT_PLAIN,      /* 123456785, valid check digit: weak alone */
  PUB_PERSONAL_EMAIL,
  PUB_PERSONAL_PHONE,
  PUB_PERSONAL_RUT_WRONG_DIGIT, /* 12.345.678-4, 22345678-4: written as a RUT, wrong check digit */
  PUB_N_PERSONAL_KINDS,
} PubPersonalKind;

PubPersonalKind pub_check_personal_cell (const char *s,
                                         gsize       len);
/* The same for a value made of digits only (ids, amounts), faster. */
PubPersonalKind pub_check_personal_digits (const char *s,
                                           gsize       len);

/* body: the digits before the check digit. Returns '0'..'9' or 'K'. */
char      pub_check_rut_digit     (guint32     body);
/* Accepts the three written forms; FALSE for a wrong check digit. */
gboolean  pub_check_rut_is_valid  (const char *s,
                                   gsize       len);

/* What Publicador's anonymised copy writes in place of personal data: a
 * pseudonym ("P-" and 12 hex digits), an e-mail's domain ("@ejemplo.cl"),
 * a phone's code ("+56 9", "+56 32") or a name's initials ("J. P."). */
gboolean  pub_check_is_anonymized (const char *s,
                                   gsize       len);

/* A header that names personal data (nombre, rut, correo, ...). `label` is
 * UTF-8. Returns the matched word, or NULL. */
const char *pub_check_label_is_personal (const char *label);

/* A copy safe to show and store: the shape stays, the identifying
 * characters become "•". The result is valid UTF-8. */
char     *pub_check_mask          (const char *s,
                                   gsize       len,
                                   PubPersonalKind kind);

/* A CkanValidationMaskFunc: masks the personal values in a cell, or in
 * each part of a row given as "a, b, c"; NULL when there are none. */
char     *pub_check_mask_value    (const char *value,
                                   gpointer    user_data);

G_END_DECLS
