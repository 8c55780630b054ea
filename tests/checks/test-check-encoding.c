/* test-check-encoding.c: detection, invalid byte positions, the UTF-8 copy
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "pub-check-encoding.h"
#include "pub-utf8-converter.h"

static PubEncoding
detect (const char *data,
        gsize       len,
        gsize      *bom)
{
  return pub_check_detect_encoding (data, len, bom);
}

static void
test_detect (void)
{
  gsize bom;

  g_assert_cmpint (detect ("a,b\n1,2\n", 8, &bom), ==, PUB_ENCODING_UTF8);
  g_assert_cmpuint (bom, ==, 0);
  g_assert_cmpint (detect ("\xEF\xBB\xBF" "a\n", 5, &bom), ==, PUB_ENCODING_UTF8_BOM);
  g_assert_cmpuint (bom, ==, 3);
  g_assert_cmpint (detect ("Ñuñoa\n", 8, &bom), ==, PUB_ENCODING_UTF8);
  g_assert_cmpint (detect ("\xD1u\xF1oa;s\xED\n", 9, &bom), ==, PUB_ENCODING_WINDOWS_1252);
  g_assert_cmpint (detect ("\xFF\xFE" "a\0", 4, &bom), ==, PUB_ENCODING_UTF16_LE);
  g_assert_cmpuint (bom, ==, 2);
  g_assert_cmpint (detect ("\xFE\xFF" "\0a", 4, &bom), ==, PUB_ENCODING_UTF16_BE);
  g_assert_cmpuint (bom, ==, 2);
  /* A sequence cut by the end of the sample is not held against UTF-8. */
  g_assert_cmpint (detect ("Ñu\xC3", 4, &bom), ==, PUB_ENCODING_UTF8);
  /* Mostly good UTF-8 with a stray byte stays UTF-8 (the byte is an error). */
  g_assert_cmpint (detect ("ñañañá\xFF\n", strlen ("ñañañá\xFF\n"), &bom), ==, PUB_ENCODING_UTF8);
  /* Even one of each: its copy would otherwise turn «niño» into «niÃ±o». */
  g_assert_cmpint (detect ("a,b\nniño,x\xFFy\n", strlen ("a,b\nniño,x\xFFy\n"), &bom), ==, PUB_ENCODING_UTF8);
  g_assert_cmpint (detect ("a,b\nni\xF1o,x\xFFy\n", strlen ("a,b\nni\xF1o,x\xFFy\n"), &bom), ==,
                   PUB_ENCODING_WINDOWS_1252);
}

static void
offset_cb (guint64  offset,
           gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, offset);
}

static GArray *
validate (PubEncoding encoding,
          const char *data,
          gsize       len,
          gsize       piece)
{
  GArray *offsets = g_array_new (FALSE, FALSE, sizeof (guint64));
  PubEncodingValidator v;

  pub_encoding_validator_init (&v, encoding, 0);
  for (gsize i = 0; i < len; i += piece)
    pub_encoding_validator_feed (&v, data + i, MIN (piece, len - i), offset_cb, offsets);
  pub_encoding_validator_finish (&v, offset_cb, offsets);
  g_assert_cmpuint (v.n_invalid, ==, offsets->len);
  return offsets;
}

static void
test_invalid_positions (void)
{
  /* A long ASCII run (the fast path), then: a lone continuation byte at 20,
   * an overlong lead at 23, a surrogate at 26, a sequence broken by ASCII
   * at 30, a good "ñ", and a sequence cut by the end at 35. */
  static const char data[] = "abcdefghijklmnopqrst\x80xy\xC0yz\xED\xA0\x80q\xE2\x82zñ\xF0\x9F";
  gsize len = sizeof data - 1;
  static const guint64 expected[] = { 20, 23, 26, 27, 28, 30, 35 };

  for (gsize piece = 1; piece <= len; piece++)
    {
      g_autoptr(GArray) offsets = validate (PUB_ENCODING_UTF8, data, len, piece);

      g_assert_cmpuint (offsets->len, ==, G_N_ELEMENTS (expected));
      for (guint i = 0; i < offsets->len; i++)
        g_assert_cmpuint (g_array_index (offsets, guint64, i), ==, expected[i]);
    }
}

static void
test_windows_1252 (void)
{
  static const char data[] = "ok \xD1\xF1 \x81 \x9D\x80";
  g_autoptr(GArray) offsets = validate (PUB_ENCODING_WINDOWS_1252, data, sizeof data - 1, 3);

  /* Only the five undefined bytes are invalid. */
  g_assert_cmpuint (offsets->len, ==, 2);
  g_assert_cmpuint (g_array_index (offsets, guint64, 0), ==, 6);
  g_assert_cmpuint (g_array_index (offsets, guint64, 1), ==, 8);
}

static void
test_utf16_decoder (void)
{
  /* "Añ" then U+1F600 (a pair), a lone low surrogate at 10, a lone high
   * surrogate at 12 broken by "z", and half a unit at the end (17), in
   * little-endian after a BOM (offsets count it). */
  static const char le[] = "A\0\xF1\0\x3D\xD8\x00\xDE\x00\xDC\x00\xD8z\0\n\0q";
  static const guint64 expected[] = { 10, 12, 18 };
  gsize len = sizeof le - 1;

  for (gsize piece = 1; piece <= len; piece++)
    {
      g_autoptr(GByteArray) out = g_byte_array_new ();
      g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint64));
      PubUtf16Decoder d;

      pub_utf16_decoder_init (&d, FALSE, 2);
      for (gsize i = 0; i < len; i += piece)
        pub_utf16_decoder_feed (&d, le + i, MIN (piece, len - i), out, offset_cb, offsets);
      pub_utf16_decoder_finish (&d, out, offset_cb, offsets);
      g_byte_array_append (out, (const guint8 *) "", 1);
      g_assert_cmpstr ((char *) out->data, ==, "Añ\xF0\x9F\x98\x80\xEF\xBF\xBD\xEF\xBF\xBDz\n\xEF\xBF\xBD");
      g_assert_cmpuint (offsets->len, ==, G_N_ELEMENTS (expected));
      for (guint i = 0; i < offsets->len; i++)
        g_assert_cmpuint (g_array_index (offsets, guint64, i), ==, expected[i]);
    }

  {
    g_autoptr(GByteArray) out = g_byte_array_new ();
    PubUtf16Decoder d;

    pub_utf16_decoder_init (&d, TRUE, 0);
    pub_utf16_decoder_feed (&d, "\0\xD1\0u", 4, out, NULL, NULL);
    pub_utf16_decoder_finish (&d, out, NULL, NULL);
    g_byte_array_append (out, (const guint8 *) "", 1);
    g_assert_cmpstr ((char *) out->data, ==, "Ñu");
  }
}

static void
test_cell_to_utf8 (void)
{
  g_autofree char *a = pub_encoding_cell_to_utf8 ("Pe\xF1" "alol\xE9n", 9, PUB_ENCODING_WINDOWS_1252, 80);
  g_autofree char *b = pub_encoding_cell_to_utf8 ("ma\xFF", 3, PUB_ENCODING_UTF8, 80);
  g_autofree char *c = pub_encoding_cell_to_utf8 ("abcdefghij", 10, PUB_ENCODING_UTF8, 4);

  g_assert_cmpstr (a, ==, "Peñalolén");
  g_assert_cmpstr (b, ==, "ma\xEF\xBF\xBD");
  g_assert_cmpstr (c, ==, "abcd…");
}

typedef struct {
  GError *error;
  GFile  *written;
  gboolean done;
} CopyState;

static void
copy_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CopyState *state = user_data;

  state->written = pub_check_write_utf8_copy_finish (result, &state->error);
  g_assert_true ((state->written == NULL) == (state->error != NULL));
  state->done = TRUE;
}

/* The error, or NULL with the file written in *written. */
static GError *
write_copy (GFile        *source,
            PubEncoding   encoding,
            GFile        *dest,
            GCancellable *cancellable,
            GFile       **written)
{
  CopyState state = { 0 };

  pub_check_write_utf8_copy_async (source, encoding, dest, cancellable, copy_done_cb, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  if (written)
    *written = state.written;
  else
    g_clear_object (&state.written);
  return state.error;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d))
    n++;
  return n;
}

/* `data` as the source, copied over `dest` (removed first), must read
 * back as `expected`. */
static void
assert_copy (GFile       *source,
             const char  *data,
             gsize        len,
             PubEncoding  encoding,
             GFile       *dest,
             const char  *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_file_delete (dest, NULL, NULL);
  g_assert_true (g_file_set_contents (g_file_peek_path (source), data, (gssize) len, NULL));
  error = write_copy (source, encoding, dest, NULL, NULL);
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (dest, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static void
test_utf8_copy (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pub-check-XXXXXX", NULL);
  g_autofree char *src_path = g_build_filename (dir, "comunas.csv", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (src_path);
  g_autoptr(GFile) dest = pub_check_utf8_copy_destination (source);
  g_autoptr(GFile) bom_dest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *dest_name = g_file_get_basename (dest);
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  GFile *written = NULL;

  g_assert_cmpstr (dest_name, ==, "comunas-utf8.csv");
  g_assert_true (g_file_set_contents (src_path, "comuna;activo\n\xD1u\xF1oa;s\xED\n", -1, NULL));

  error = write_copy (source, PUB_ENCODING_WINDOWS_1252, dest, NULL, &written);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (written, dest));
  g_clear_object (&written);
  g_assert_true (g_file_load_contents (dest, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, "comuna;activo\nÑuñoa;sí\n");
  g_clear_pointer (&contents, g_free);

  /* Saved again: the first copy (maybe edited since) stays, the new one
   * takes the next free name. */
  g_assert_true (g_file_set_contents (g_file_peek_path (dest), "editada\n", -1, NULL));
  error = write_copy (source, PUB_ENCODING_WINDOWS_1252, dest, NULL, &written);
  g_assert_no_error (error);
  {
    g_autofree char *name = g_file_get_basename (written);

    g_assert_cmpstr (name, ==, "comunas-utf8-2.csv");
  }
  g_assert_true (g_file_load_contents (written, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, "comuna;activo\nÑuñoa;sí\n");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_load_contents (dest, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, "editada\n");
  g_clear_pointer (&contents, g_free);
  g_file_delete (written, NULL, NULL);
  g_clear_object (&written);
  g_assert_true (g_file_set_contents (g_file_peek_path (dest), "comuna;activo\nÑuñoa;sí\n", -1, NULL));

  /* A UTF-8 file with a BOM loses the BOM. */
  g_assert_true (g_file_set_contents (src_path, "\xEF\xBB\xBF" "a\nñ\n", -1, NULL));
  bom_dest = g_file_new_build_filename (dir, "bom.csv", NULL);
  error = write_copy (source, PUB_ENCODING_UTF8_BOM, bom_dest, NULL, NULL);
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (bom_dest, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, "a\nñ\n");

  /* UTF-16 (Excel's "Unicode text"), either byte order: the BOM goes. */
  g_clear_object (&bom_dest);
  bom_dest = g_file_new_build_filename (dir, "bom.csv", NULL);
  assert_copy (source, "\xFF\xFE" "a\0\t\0\xF1\0\n\0", 10, PUB_ENCODING_UTF16_LE, bom_dest, "a\tñ\n");
  assert_copy (source, "\xFE\xFF" "\0a\0\xF1", 6, PUB_ENCODING_UTF16_BE, bom_dest, "añ");

  /* Broken text is copied, not refused: what the checks show as U+FFFD
   * (a lone surrogate, an odd last byte, a byte Windows-1252 leaves
   * undefined) is U+FFFD in the copy, and the rest is kept. */
  assert_copy (source, "\xFF\xFE" "a\0\x00\xD8\n\0b\0c", 11, PUB_ENCODING_UTF16_LE, bom_dest,
               "a\xEF\xBF\xBD\nb\xEF\xBF\xBD");
  assert_copy (source, "x\x81y\x80\n", 5, PUB_ENCODING_WINDOWS_1252, bom_dest, "x\xEF\xBF\xBDy€\n");
  g_assert_true (g_file_set_contents (src_path, "comuna;activo\n\xD1u\xF1oa;s\xED\n", -1, NULL));

  /* Cancelled: an error, and the earlier copy is left as it was. */
  g_cancellable_cancel (cancelled);
  error = write_copy (source, PUB_ENCODING_WINDOWS_1252, dest, cancelled, NULL);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Nothing half-written is left behind. */
  g_assert_cmpuint (count_files (dir), ==, 3);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_load_contents (dest, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, "comuna;activo\nÑuñoa;sí\n");

  g_file_delete (dest, NULL, NULL);
  g_file_delete (bom_dest, NULL, NULL);
  g_file_delete (source, NULL, NULL);
  g_rmdir (dir);
}

/* All of `in` through the converter, `in_step` bytes in and `out_step`
 * out at a time, as a stream with small buffers would call it. */
static GString *
convert_in_steps (PubEncoding  encoding,
                  const char  *in,
                  gsize        len,
                  gsize        in_step,
                  gsize        out_step)
{
  g_autoptr(PubUtf8Converter) converter = pub_utf8_converter_new (encoding);
  GString *out = g_string_new (NULL);
  gsize at = 0;
  guint calls = 0;

  for (;;)
    {
      char buf[16];
      gsize n = MIN (in_step, len - at), read = 0, written = 0;
      GConverterFlags flags = at + n == len ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS;
      g_autoptr(GError) error = NULL;
      GConverterResult r;

      g_assert_cmpuint (out_step, <=, sizeof buf);
      r = g_converter_convert (G_CONVERTER (converter), in + at, n, buf, out_step, flags, &read, &written, &error);
      g_assert_no_error (error);
      g_assert_cmpint (r, !=, G_CONVERTER_ERROR);
      /* Each call moves something, or the stream would spin. */
      g_assert_true (read > 0 || written > 0 || r == G_CONVERTER_FINISHED);
      g_assert_cmpuint (++calls, <, 10 * len + 10);
      at += read;
      g_string_append_len (out, buf, (gssize) written);
      if (r == G_CONVERTER_FINISHED)
        break;
    }
  g_assert_cmpuint (at, ==, len);
  return out;
}

static void
test_utf8_converter (void)
{
  static const char utf16[] = "\xFF\xFE" "a\0\xF1\0\x3D\xD8\x00\xDE" "\t\0\x00\xD8" "b\0\x00\xDC" "z";
  static const char utf16_be[] = "\xFE\xFF" "\0a\0\xF1";
  /* As the copy sees it: the file's BOM already skipped. */
  static const char no_bom[] = "\0a\0\xF1\0b";
  static const char latin[] = "\xD1u\xF1oa;\x81\x80\x9F\xFF;x";

  for (gsize in_step = 1; in_step <= 7; in_step++)
    for (gsize out_step = 1; out_step <= 5; out_step++)
      {
        g_autoptr(GString) a = convert_in_steps (PUB_ENCODING_UTF16_LE, utf16, sizeof utf16 - 1, in_step, out_step);
        g_autoptr(GString) b = convert_in_steps (PUB_ENCODING_UTF16_BE, utf16_be, sizeof utf16_be - 1, in_step, out_step);
        g_autoptr(GString) c = convert_in_steps (PUB_ENCODING_WINDOWS_1252, latin, sizeof latin - 1, in_step, out_step);
        g_autoptr(GString) d = convert_in_steps (PUB_ENCODING_UTF16_BE, no_bom, sizeof no_bom - 1, in_step, out_step);

        /* The BOM dropped; a pair joined across any cut; a lone high and
         * a lone low surrogate and the odd last byte each one U+FFFD. */
        g_assert_cmpstr (a->str, ==, "añ😀\t\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD");
        g_assert_cmpstr (b->str, ==, "añ");
        g_assert_cmpstr (d->str, ==, "añb");
        g_assert_cmpstr (c->str, ==, "Ñuñoa;\xEF\xBF\xBD€Ÿÿ;x");
      }
  /* An empty file is an empty copy, in every encoding. */
  for (PubEncoding e = PUB_ENCODING_WINDOWS_1252; e <= PUB_ENCODING_UTF16_BE; e++)
    {
      g_autoptr(GString) empty = convert_in_steps (e, "", 0, 1, 1);

      g_assert_cmpstr (empty->str, ==, "");
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check-encoding/detect", test_detect);
  g_test_add_func ("/check-encoding/invalid-positions", test_invalid_positions);
  g_test_add_func ("/check-encoding/windows-1252", test_windows_1252);
  g_test_add_func ("/check-encoding/utf16-decoder", test_utf16_decoder);
  g_test_add_func ("/check-encoding/cell-to-utf8", test_cell_to_utf8);
  g_test_add_func ("/check-encoding/utf8-copy", test_utf8_copy);
  g_test_add_func ("/check-encoding/utf8-converter", test_utf8_converter);

  return g_test_run ();
}
