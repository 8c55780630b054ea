/* test-check-csv.c: the streaming tokenizer and the dialect sniffer
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pub-check-csv.h"

/* Records rendered as "a|b|c" lines, flags as a suffix. */
static void
collect_cb (const PubCsvCell *cells,
            guint             n_cells,
            guint64           record_number,
            guint64           byte_offset,
            guint             flags,
            gpointer          user_data)
{
  GString *out = user_data;

  g_string_append_printf (out, "%" G_GUINT64_FORMAT "@%" G_GUINT64_FORMAT ":", record_number, byte_offset);
  for (guint i = 0; i < n_cells; i++)
    {
      if (i)
        g_string_append_c (out, '|');
      if (cells[i].quoted)
        g_string_append_c (out, '^');
      g_string_append_len (out, cells[i].data, cells[i].len);
    }
  if (flags & PUB_CSV_RECORD_TOO_LONG)
    g_string_append (out, " LONG");
  if (flags & PUB_CSV_RECORD_UNTERMINATED)
    g_string_append (out, " UNTERMINATED");
  if (flags & PUB_CSV_RECORD_STRAY_QUOTE)
    g_string_append (out, " STRAY");
  g_string_append_c (out, '\n');
}

static char *
parse (const char *data,
       gsize       len,
       char        delimiter,
       gsize       max_record,
       gsize       piece)
{
  GString *out = g_string_new (NULL);
  g_autoptr(PubCsvReader) reader = pub_csv_reader_new (delimiter, '"', max_record, collect_cb, out);

  for (gsize i = 0; i < len; i += piece)
    pub_csv_reader_feed (reader, data + i, MIN (piece, len - i));
  pub_csv_reader_finish (reader);
  return g_string_free (out, FALSE);
}

static void
assert_parses (const char *data,
               char        delimiter,
               const char *expected)
{
  gsize len = strlen (data);
  g_autofree char *whole = parse (data, len, delimiter, 1024, len ? len : 1);

  g_assert_cmpstr (whole, ==, expected);
  /* Fed one byte at a time, or in odd pieces, the result is the same. */
  for (gsize piece = 1; piece < 8; piece++)
    {
      g_autofree char *pieces = parse (data, len, delimiter, 1024, piece);
      g_assert_cmpstr (pieces, ==, expected);
    }
}

static void
test_tokenizer (void)
{
  assert_parses ("a,b,c\n1,2,3\n", ',', "1@0:a|b|c\n2@6:1|2|3\n");
  assert_parses ("a,b\n1,2", ',', "1@0:a|b\n2@4:1|2\n");
  assert_parses ("a;b\r\n1;2\r\n", ';', "1@0:a|b\n2@5:1|2\n");
  assert_parses ("a,b\r1,2\r", ',', "1@0:a|b\n2@4:1|2\n");
  assert_parses ("\"x,y\",\"di\"\"jo\"\n", ',', "1@0:^x,y|^di\"jo\n");
  assert_parses ("\"two\nlines\",b\n", ',', "1@0:^two\nlines|b\n");
  assert_parses ("\"a\r\nb\",c\r\nd,e\r\n", ',', "1@0:^a\r\nb|c\n2@10:d|e\n");
  assert_parses (",,\n\n", ',', "1@0:||\n2@3:\n");
  assert_parses ("a\tb\n", '\t', "1@0:a|b\n");
  assert_parses ("ab\"c,d\n", ',', "1@0:ab\"c|d STRAY\n");
  assert_parses ("\"ab\"c,d\n", ',', "1@0:^abc|d STRAY\n");
  assert_parses ("a,\"open\n", ',', "1@0:a|^open\n UNTERMINATED\n");
  assert_parses ("", ',', "");
}

static void
test_record_cap (void)
{
  GString *data = g_string_new ("a,b\n");
  g_autofree char *out = NULL;

  for (int i = 0; i < 5000; i++)
    g_string_append (data, "x");
  g_string_append (data, ",y\n1,2\n");
  out = parse (data->str, data->len, ',', 100, 4096);
  /* The long record is cut at the cap, the rest of its line dropped, and
   * the next record comes out intact. */
  g_assert_true (g_str_has_prefix (out, "1@0:a|b\n2@4:"));
  g_assert_nonnull (strstr (out, " LONG\n3@5007:1|2\n"));
  g_string_free (data, TRUE);
}

/* A quoted cell over the cap: the rest of the line is dropped from the cap
 * on, whether the quote closes in the same piece fed or a later one. */
static void
test_record_cap_in_quotes (void)
{
  GString *data = g_string_new ("a,b\n\"");
  g_autofree char *whole = NULL;

  for (int i = 0; i < 200; i++)
    g_string_append_c (data, 'x');
  g_string_append (data, "\nq\",z\n1,2\n");
  whole = parse (data->str, data->len, ',', 100, data->len);
  g_assert_nonnull (strstr (whole, " LONG\n3@206:q\"|z STRAY\n4@211:1|2\n"));
  for (gsize piece = 1; piece < 8; piece++)
    {
      g_autofree char *pieces = parse (data->str, data->len, ',', 100, piece);
      g_assert_cmpstr (pieces, ==, whole);
    }
  g_string_free (data, TRUE);
}

static void
test_unterminated_quote_is_bounded (void)
{
  GString *data = g_string_new ("a,\"");
  g_autofree char *out = NULL;

  for (int i = 0; i < 10000; i++)
    g_string_append (data, "line\n");
  out = parse (data->str, data->len, ',', 256, 1000);
  /* Memory stays at the cap; the reader resynchronises on line ends. */
  g_assert_true (g_str_has_prefix (out, "1@0:a|^"));
  g_assert_nonnull (strstr (out, " LONG\n"));
  g_assert_nonnull (strstr (out, ":line\n"));
  g_string_free (data, TRUE);
}

static void
assert_dialect (const char *data,
                char        delimiter,
                char        quote,
                guint       endings)
{
  PubCsvDialect dialect;

  pub_csv_sniff_dialect (data, strlen (data), &dialect);
  g_assert_cmpint (dialect.delimiter, ==, delimiter);
  g_assert_cmpint (dialect.quote, ==, quote);
  g_assert_cmpuint (dialect.line_endings, ==, endings);
}

static void
test_sniffer (void)
{
  assert_dialect ("a,b,c\n1,2,3\n4,5,6\n", ',', '"', PUB_CSV_LINE_ENDING_LF);
  assert_dialect ("región;monto\nArica;1.234,5\nMaule;2,5\n", ';', '"', PUB_CSV_LINE_ENDING_LF);
  assert_dialect ("a\tb\tc\r\n1\t2,5\t3\r\n", '\t', '"', PUB_CSV_LINE_ENDING_CRLF);
  assert_dialect ("a|b\r1|2\r3|4\r", '|', '"', PUB_CSV_LINE_ENDING_CR);
  assert_dialect ("'a','b'\n'1','x'\n'2','y'\n'3','z'\n", ',', '\'', PUB_CSV_LINE_ENDING_LF);
  /* Commas inside quotes do not fool it. */
  assert_dialect ("a;b\n\"1,2,3\";x\n\"4,5,6\";y\n", ';', '"', PUB_CSV_LINE_ENDING_LF);
  assert_dialect ("a,b\n1,2\r\n", ',', '"', PUB_CSV_LINE_ENDING_LF | PUB_CSV_LINE_ENDING_CRLF);
  /* One column: nothing to split, the comma is assumed. */
  assert_dialect ("solo\nuno\ndos\n", ',', '"', PUB_CSV_LINE_ENDING_LF);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check-csv/tokenizer", test_tokenizer);
  g_test_add_func ("/check-csv/record-cap", test_record_cap);
  g_test_add_func ("/check-csv/record-cap-in-quotes", test_record_cap_in_quotes);
  g_test_add_func ("/check-csv/unterminated-quote", test_unterminated_quote_is_bounded);
  g_test_add_func ("/check-csv/sniffer", test_sniffer);

  return g_test_run ();
}
