/* test-check-cell.c: cell types, RUT check digits, personal data, masking
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pub-check-cell.h"

static guint
kind (const char *s)
{
  return pub_check_classify_cell (s, strlen (s));
}

static void
test_numbers (void)
{
  g_assert_cmpuint (kind ("123"), ==, PUB_CELL_INTEGER);
  g_assert_cmpuint (kind ("-5"), ==, PUB_CELL_INTEGER);
  g_assert_cmpuint (kind ("12.5"), ==, PUB_CELL_DECIMAL_DOT);
  g_assert_cmpuint (kind ("12,5"), ==, PUB_CELL_DECIMAL_COMMA);
  /* Chilean: dots group thousands, the comma is decimal. */
  g_assert_cmpuint (kind ("1.234,56"), ==, PUB_CELL_DECIMAL_COMMA);
  g_assert_cmpuint (kind ("1.234.567"), ==, PUB_CELL_GROUPED_DOT);
  g_assert_cmpuint (kind ("1.234.567,5"), ==, PUB_CELL_DECIMAL_COMMA);
  g_assert_cmpuint (kind ("1,234.56"), ==, PUB_CELL_DECIMAL_DOT);
  /* Ambiguous on its own. */
  g_assert_cmpuint (kind ("1.234"), ==, PUB_CELL_DECIMAL_DOT | PUB_CELL_GROUPED_DOT);
  g_assert_cmpuint (kind ("0.234"), ==, PUB_CELL_DECIMAL_DOT);
  g_assert_cmpuint (kind ("1e5"), ==, PUB_CELL_DECIMAL_DOT);
  g_assert_cmpuint (kind ("2.5E-3"), ==, PUB_CELL_DECIMAL_DOT);
  g_assert_cmpuint (kind ("12.34.5"), ==, 0);
  g_assert_cmpuint (kind ("1.234,5.6"), ==, 0);
  g_assert_cmpuint (kind ("12a"), ==, 0);
  g_assert_cmpuint (kind ("-"), ==, 0);
  g_assert_cmpuint (kind ("1,"), ==, 0);
  g_assert_cmpuint (kind (""), ==, 0);
}

static void
test_dates_and_booleans (void)
{
  g_assert_cmpuint (kind ("31-12-2024"), ==, PUB_CELL_DATE_DMY_DASH);
  g_assert_cmpuint (kind ("1/2/2024"), ==, PUB_CELL_DATE_DMY_SLASH);
  g_assert_cmpuint (kind ("2024-02-29"), ==, PUB_CELL_DATE_ISO);
  g_assert_cmpuint (kind ("2023-02-29"), ==, 0);
  g_assert_cmpuint (kind ("32-01-2024"), ==, 0);
  g_assert_cmpuint (kind ("12-13-2024"), ==, 0);
  g_assert_cmpuint (kind ("2024/01/05"), ==, 0);

  g_assert_cmpuint (kind ("sí"), ==, PUB_CELL_BOOL_ES);
  g_assert_cmpuint (kind ("SÍ"), ==, PUB_CELL_BOOL_ES);
  g_assert_cmpuint (kind ("s\xed"), ==, PUB_CELL_BOOL_ES);  /* Windows-1252 */
  g_assert_cmpuint (kind ("No"), ==, PUB_CELL_BOOL_ES);
  g_assert_cmpuint (kind ("TRUE"), ==, PUB_CELL_BOOL_EN);
  g_assert_cmpuint (kind ("false"), ==, PUB_CELL_BOOL_EN);
  g_assert_cmpuint (kind ("nope"), ==, 0);
}

static void
test_rut_check_digit (void)
{
  g_assert_cmpint (pub_check_rut_digit (12345678), ==, '5');
  g_assert_cmpint (pub_check_rut_digit (11111111), ==, '1');
  g_assert_cmpint (pub_check_rut_digit (7654321), ==, '6');
  g_assert_cmpint (pub_check_rut_digit (10000013), ==, 'K');
  g_assert_cmpint (pub_check_rut_digit (10000004), ==, '0');

  /* The three written forms. */
  g_assert_true (pub_check_rut_is_valid ("12.345.678-5", 12));
  g_assert_true (pub_check_rut_is_valid ("12345678-5", 10));
  g_assert_true (pub_check_rut_is_valid ("123456785", 9));
  g_assert_true (pub_check_rut_is_valid ("10.000.013-k", 12));
  g_assert_true (pub_check_rut_is_valid ("10000013K", 9));
  g_assert_true (pub_check_rut_is_valid ("7.654.321-6", 11));

  /* Wrong digit, misplaced dots, too short or long. */
  g_assert_false (pub_check_rut_is_valid ("12.345.678-4", 12));
  g_assert_false (pub_check_rut_is_valid ("123456784", 9));
  g_assert_false (pub_check_rut_is_valid ("1.2345.678-5", 12));
  g_assert_false (pub_check_rut_is_valid ("12.345678-5", 11));
  g_assert_false (pub_check_rut_is_valid ("123456-0", 8));
  g_assert_false (pub_check_rut_is_valid ("1234567890-1", 12));
  g_assert_false (pub_check_rut_is_valid ("12.345.678-", 11));
}

static PubPersonalKind
personal (const char *s)
{
  return pub_check_personal_cell (s, strlen (s));
}

static void
test_personal_cells (void)
{
  g_assert_cmpint (personal ("12.345.678-5"), ==, PUB_PERSONAL_RUT_FORMATTED);
  g_assert_cmpint (personal ("12345678-5"), ==, PUB_PERSONAL_RUT_FORMATTED);
  g_assert_cmpint (personal ("123456785"), ==, PUB_PERSONAL_RUT_PLAIN);
  /* Written as a RUT with a wrong check digit: its own kind, and never a
   * phone number even when its nine digits would dial (223456784). */
  g_assert_cmpint (personal ("12.345.678-4"), ==, PUB_PERSONAL_RUT_WRONG_DIGIT);
  g_assert_cmpint (personal ("22345678-4"), ==, PUB_PERSONAL_RUT_WRONG_DIGIT);
  g_assert_cmpint (personal ("9876543-1"), ==, PUB_PERSONAL_RUT_WRONG_DIGIT);
  g_assert_cmpint (personal ("98765432-1"), ==, PUB_PERSONAL_RUT_WRONG_DIGIT);
  /* Padded or spaced out as people type them: still RUTs, not phones,
   * and not missed. */
  g_assert_cmpint (personal (" 12.345.678-5"), ==, PUB_PERSONAL_RUT_FORMATTED);
  g_assert_cmpint (personal ("12345678-5 "), ==, PUB_PERSONAL_RUT_FORMATTED);
  g_assert_cmpint (personal ("\t12345678-5\t"), ==, PUB_PERSONAL_RUT_FORMATTED);
  g_assert_cmpint (personal ("23456789-1 "), ==, PUB_PERSONAL_RUT_WRONG_DIGIT);
  g_assert_cmpint (personal ("23456789 - 1"), ==, PUB_PERSONAL_RUT_WRONG_DIGIT);
  g_assert_cmpint (personal ("23456789 -1"), ==, PUB_PERSONAL_RUT_WRONG_DIGIT);
  g_assert_cmpint (personal ("23 456 789-1"), ==, PUB_PERSONAL_RUT_WRONG_DIGIT);
  g_assert_cmpint (personal ("12 345 678 - 5"), ==, PUB_PERSONAL_RUT_FORMATTED);
  g_assert_cmpint (personal ("12 345 678 - k"), ==, PUB_PERSONAL_RUT_WRONG_DIGIT);
  g_assert_cmpint (personal (" 9 8765 4321 "), ==, PUB_PERSONAL_PHONE);
  g_assert_cmpint (personal ("9 8765-4321"), ==, PUB_PERSONAL_PHONE);
  /* A company's RUT is no phone number either. */
  g_assert_cmpint (personal ("76543210-3"), ==, PUB_PERSONAL_NONE);
  /* Plain digits with a wrong check digit prove nothing. */
  g_assert_cmpint (personal ("123456784"), ==, PUB_PERSONAL_NONE);
  /* Companies' RUTs (above 50 million) are not personal data. */
  g_assert_cmpint (personal ("76.086.428-5"), ==, PUB_PERSONAL_NONE);

  g_assert_cmpint (personal ("juan.perez@example.cl"), ==, PUB_PERSONAL_EMAIL);
  g_assert_cmpint (personal ("escribir a ana@gob.cl hoy"), ==, PUB_PERSONAL_EMAIL);
  g_assert_cmpint (personal ("@usuario"), ==, PUB_PERSONAL_NONE);
  g_assert_cmpint (personal ("a@b"), ==, PUB_PERSONAL_NONE);
  g_assert_cmpint (personal ("nombre@dominio"), ==, PUB_PERSONAL_NONE);

  g_assert_cmpint (personal ("+56 9 8765 4321"), ==, PUB_PERSONAL_PHONE);
  g_assert_cmpint (personal ("+56987654321"), ==, PUB_PERSONAL_PHONE);
  g_assert_cmpint (personal ("56987654321"), ==, PUB_PERSONAL_PHONE);
  g_assert_cmpint (personal ("987654321"), ==, PUB_PERSONAL_PHONE);
  g_assert_cmpint (personal ("9 8765 4321"), ==, PUB_PERSONAL_PHONE);
  g_assert_cmpint (personal ("(2) 2123 4567"), ==, PUB_PERSONAL_PHONE);
  g_assert_cmpint (personal ("+56 2 2123 4567"), ==, PUB_PERSONAL_PHONE);
  g_assert_cmpint (personal ("212345678"), ==, PUB_PERSONAL_NONE);
  g_assert_cmpint (personal ("1500000"), ==, PUB_PERSONAL_NONE);
  g_assert_cmpint (personal ("2024-01-01"), ==, PUB_PERSONAL_NONE);
}

/* The shortcut for digits-only values says what the general test says. */
static void
test_personal_digits (void)
{
  static const char *values[] = { "123456785", "12345678", "1234567K", "00000000", "000000000", "76086428",
                                  "760864285", "987654321", "912345678", "56987654321", "56212345678",
                                  "56312345678", "11111111", "499999995", "50000000", "100000009" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  char buf[16];

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      gsize len = strlen (values[i]);
      gboolean digits = TRUE;

      for (gsize k = 0; k < len; k++)
        digits &= g_ascii_isdigit (values[i][k]);
      if (digits)
        g_assert_cmpint (pub_check_personal_digits (values[i], len), ==, pub_check_personal_cell (values[i], len));
    }
  for (guint i = 0; i < 2000000; i++)
    {
      gsize len = (gsize) g_rand_int_range (rand, 1, 15);

      for (gsize k = 0; k < len; k++)
        buf[k] = (char) ('0' + g_rand_int_range (rand, 0, 10));
      if (g_rand_boolean (rand))
        buf[0] = "0159"[g_rand_int_range (rand, 0, 4)];
      g_assert_cmpint (pub_check_personal_digits (buf, len), ==, pub_check_personal_cell (buf, len));
    }
  g_assert_cmpint (pub_check_personal_digits ("123456785", 9), ==, PUB_PERSONAL_RUT_PLAIN);
  g_assert_cmpint (pub_check_personal_digits ("987654321", 9), ==, PUB_PERSONAL_PHONE);
}

static void
test_personal_labels (void)
{
  g_assert_nonnull (pub_check_label_is_personal ("Nombre"));
  g_assert_nonnull (pub_check_label_is_personal ("RUT"));
  g_assert_nonnull (pub_check_label_is_personal ("rut_beneficiario"));
  g_assert_nonnull (pub_check_label_is_personal ("Dirección"));
  g_assert_nonnull (pub_check_label_is_personal ("TELÉFONO"));
  g_assert_nonnull (pub_check_label_is_personal ("Correo electrónico"));
  g_assert_nonnull (pub_check_label_is_personal ("fecha_de_nacimiento"));
  g_assert_nonnull (pub_check_label_is_personal ("e-mail"));
  /* Places and programmes have names too. */
  g_assert_null (pub_check_label_is_personal ("nombre_region"));
  g_assert_null (pub_check_label_is_personal ("Nombre del establecimiento"));
  g_assert_null (pub_check_label_is_personal ("ruta"));
  g_assert_null (pub_check_label_is_personal ("monto"));
  g_assert_null (pub_check_label_is_personal (""));
}

static void
assert_masked (const char      *value,
               PubPersonalKind  k,
               const char      *expected)
{
  g_autofree char *masked = pub_check_mask (value, strlen (value), k);

  g_assert_cmpstr (masked, ==, expected);
  g_assert_true (g_utf8_validate (masked, -1, NULL));
}

static void
test_masking (void)
{
  assert_masked ("12.345.678-5", PUB_PERSONAL_RUT_FORMATTED, "1•.•••.•••-•");
  assert_masked ("123456785", PUB_PERSONAL_RUT_PLAIN, "1••••••••");
  assert_masked ("22345678-4", PUB_PERSONAL_RUT_WRONG_DIGIT, "2•••••••-•");
  assert_masked ("juan.perez@example.cl", PUB_PERSONAL_EMAIL, "j•••@e•••.cl");
  assert_masked ("+56 9 8765 4321", PUB_PERSONAL_PHONE, "+56 • •••• ••21");
  assert_masked ("987654321", PUB_PERSONAL_PHONE, "•••••••21");
  assert_masked ("Peñalolén", PUB_PERSONAL_NONE, "P••••••••");
  /* Windows-1252 bytes never leak as invalid UTF-8. */
  assert_masked ("Pe\xf1" "a", PUB_PERSONAL_NONE, "P•••");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check-cell/numbers", test_numbers);
  g_test_add_func ("/check-cell/dates-booleans", test_dates_and_booleans);
  g_test_add_func ("/check-cell/rut", test_rut_check_digit);
  g_test_add_func ("/check-cell/personal", test_personal_cells);
  g_test_add_func ("/check-cell/personal-digits", test_personal_digits);
  g_test_add_func ("/check-cell/labels", test_personal_labels);
  g_test_add_func ("/check-cell/masking", test_masking);

  return g_test_run ();
}
