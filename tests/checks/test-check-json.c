/* test-check-json.c: the streaming JSON checks
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pub-check-json.h"

typedef struct {
  gboolean    valid;
  guint64     items;
  guint64     errors;      /* format-error count */
  const char *message;     /* a substring of the first error's message, or NULL */
} Expect;

static void
check (const char   *json,
       const Expect *expect)
{
  gsize len = strlen (json);

  /* Whole, and in every split into pieces of 1 to 7 bytes: the same. */
  for (gsize piece = 0; piece < 8; piece++)
    {
      g_autoptr(CkanValidationReport) report = ckan_validation_report_new (0);
      g_autoptr(PubJsonChecker) checker = pub_json_checker_new (report);
      gsize step = piece ? piece : MAX (len, 1);

      for (gsize i = 0; i < len; i += step)
        pub_json_checker_feed (checker, json + i, MIN (step, len - i));
      pub_json_checker_finish (checker);

      if (pub_json_checker_get_valid (checker) != expect->valid)
        g_error ("%s: valid %d, expected %d", json, pub_json_checker_get_valid (checker), expect->valid);
      g_assert_cmpuint (pub_json_checker_get_n_items (checker), ==, expect->items);
      g_assert_cmpuint (ckan_validation_report_get_n_errors_of_type (report, "format-error"), ==, expect->errors);
      if (expect->message)
        {
          GPtrArray *errors = ckan_validation_report_get_errors_of_type (report, "format-error");
          CkanValidationError *e = g_ptr_array_index (errors, 0);

          if (!strstr (e->message, expect->message))
            g_error ("%s: \"%s\" does not say \"%s\"", json, e->message, expect->message);
        }
    }
}

static void
test_valid (void)
{
  check ("[]", &(Expect) { TRUE, 0, 0, NULL });
  check (" [ {\"a\": 1, \"b\": \"x\"} , {\"a\": -2.5e+3, \"b\": null} ] \n",
         &(Expect) { TRUE, 2, 0, NULL });
  check ("[{\"t\": true, \"f\": false, \"n\": null, \"l\": [1, [2, {}]], \"o\": {\"x\": {}}}]",
         &(Expect) { TRUE, 1, 0, NULL });
  check ("[{\"s\": \"dijo \\\"hola\\\" \\u00f1 \\n \\/ ñ\", \"z\": 0, \"d\": 0.5, \"e\": 1E9}]",
         &(Expect) { TRUE, 1, 0, NULL });
}

static void
test_not_records (void)
{
  check ("{\"a\": 1}", &(Expect) { FALSE, 0, 1, "not a list of records" });
  check ("[{\"a\": 1}, 2, \"x\", [3]]", &(Expect) { FALSE, 4, 3, "not a record" });
  check ("42", &(Expect) { FALSE, 0, 1, "not a list of records" });
}

static void
test_malformed (void)
{
  check ("", &(Expect) { FALSE, 0, 1, "no data" });
  check ("   \n", &(Expect) { FALSE, 0, 1, "no data" });
  check ("[{\"a\": 1}, {\"a\": ", &(Expect) { FALSE, 2, 1, "cut short" });
  check ("[{\"a\": \"open", &(Expect) { FALSE, 1, 1, "cut short" });
  check ("[{\"a\": 1},]", &(Expect) { FALSE, 1, 1, "value was expected" });
  check ("[{\"a\" 1}]", &(Expect) { FALSE, 1, 1, "colon" });
  check ("[{a: 1}]", &(Expect) { FALSE, 1, 1, "key in quotes" });
  check ("[{\"a\": 1}}", &(Expect) { FALSE, 1, 1, "not open" });
  check ("[{\"a\": tru}]", &(Expect) { FALSE, 1, 1, "true, false or null" });
  check ("[{\"a\": 01}]", &(Expect) { FALSE, 1, 1, "comma or a closing" });
  check ("[{\"a\": 1.}]", &(Expect) { FALSE, 1, 1, "number is incomplete" });
  check ("[{\"a\": -}]", &(Expect) { FALSE, 1, 1, "number is incomplete" });
  check ("[{\"a\": \"\\x\"}]", &(Expect) { FALSE, 1, 1, "unknown escape" });
  check ("[{\"a\": \"\\u12G4\"}]", &(Expect) { FALSE, 1, 1, "unknown escape" });
  check ("[{\"a\": \"two\nlines\"}]", &(Expect) { FALSE, 1, 1, "control character" });
  check ("[{}] [{}]", &(Expect) { FALSE, 1, 1, "more after the end" });
  /* Where: the line of the fault. */
  check ("[\n{\"a\": 1},\n{\"a\": ?}\n]", &(Expect) { FALSE, 2, 1, "at line 3" });
}

static void
test_depth_is_bounded (void)
{
  GString *deep = g_string_new (NULL);

  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  check (deep->str, &(Expect) { FALSE, 1, 2, NULL });
  g_string_free (deep, TRUE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check-json/valid", test_valid);
  g_test_add_func ("/check-json/not-records", test_not_records);
  g_test_add_func ("/check-json/malformed", test_malformed);
  g_test_add_func ("/check-json/depth", test_depth_is_bounded);

  return g_test_run ();
}
