/* pub-check-encoding.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "pub-check-encoding.h"
#include "pub-utf8-converter.h"

static gboolean
ascii_only (const char *data,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) data[i] >= 0x80)
      return FALSE;
  return TRUE;
}

static void
count_invalid_cb (guint64  offset,
                  gpointer user_data)
{
}

PubEncoding
pub_check_detect_encoding (const char *data,
                           gsize       len,
                           gsize      *bom_len)
{
  PubEncodingValidator v;

  *bom_len = 0;
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      *bom_len = 3;
      return PUB_ENCODING_UTF8_BOM;
    }
  if (len >= 2 && ((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE))
    {
      *bom_len = 2;
      return PUB_ENCODING_UTF16_LE;
    }
  if (len >= 2 && ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF))
    {
      *bom_len = 2;
      return PUB_ENCODING_UTF16_BE;
    }
  if (ascii_only (data, len))
    return PUB_ENCODING_UTF8;

  /* Broken bytes outnumbering well-formed UTF-8 sequences mean, in
   * Chilean data, almost always Windows-1252; otherwise UTF-8 with errors.
   * A tie goes to UTF-8: Windows-1252 text rarely forms a UTF-8 sequence
   * by chance, and taking UTF-8 for Windows-1252 would make the offered
   * copy garble every accented letter. (A sequence cut at the end of the
   * sample is not counted.) */
  pub_encoding_validator_init (&v, PUB_ENCODING_UTF8, 0);
  pub_encoding_validator_feed (&v, data, len, count_invalid_cb, NULL);
  return v.n_invalid > v.n_multibyte ? PUB_ENCODING_WINDOWS_1252 : PUB_ENCODING_UTF8;
}

const char *
pub_encoding_to_charset (PubEncoding encoding)
{
  switch (encoding)
    {
    case PUB_ENCODING_WINDOWS_1252: return "WINDOWS-1252";
    case PUB_ENCODING_UTF16_LE: return "UTF-16LE";
    case PUB_ENCODING_UTF16_BE: return "UTF-16BE";
    case PUB_ENCODING_UTF8:
    case PUB_ENCODING_UTF8_BOM:
    default:
      return "UTF-8";
    }
}

void
pub_encoding_validator_init (PubEncodingValidator *v,
                             PubEncoding           encoding,
                             guint64               start_offset)
{
  memset (v, 0, sizeof *v);
  v->encoding = encoding;
  v->offset = start_offset;
}

static const guint8 cp1252_undefined[256] = {
  [0x81] = 1, [0x8D] = 1, [0x8F] = 1, [0x90] = 1, [0x9D] = 1,
};

#define HIGH_BITS G_GUINT64_CONSTANT (0x8080808080808080)

void
pub_encoding_validator_feed (PubEncodingValidator *v,
                             const char           *data,
                             gsize                 len,
                             PubInvalidByteFunc    func,
                             gpointer              user_data)
{
  const guchar *p = (const guchar *) data, *end = p + len;
  const guchar *base = p;
  guint64 base_offset = v->offset;

  /* UTF-16 is checked as it is decoded (PubUtf16Decoder). */
  if (PUB_ENCODING_IS_UTF16 (v->encoding))
    {
      v->offset += len;
      return;
    }

  while (p < end)
    {
      guchar c;

      /* The common case: plain ASCII, 16 then 8 bytes at a time. */
      if (!v->need)
        {
#ifdef __SSE2__
          while (end - p >= 16 && !_mm_movemask_epi8 (_mm_loadu_si128 ((const __m128i *) (const void *) p)))
            p += 16;
#endif
          while (end - p >= 8)
            {
              guint64 word;

              memcpy (&word, p, 8);
              if (word & HIGH_BITS)
                break;
              p += 8;
            }
          while (p < end && *p < 0x80)
            p++;
          if (p == end)
            break;
        }

      c = *p;
      v->non_ascii = TRUE;

      if (v->encoding == PUB_ENCODING_WINDOWS_1252)
        {
          if (cp1252_undefined[c])
            {
              v->n_invalid++;
              func (base_offset + (guint64) (p - base), user_data);
            }
          p++;
          continue;
        }

      if (v->need)
        {
          if (c >= v->lo && c <= v->hi)
            {
              if (!--v->need)
                v->n_multibyte++;
              v->lo = 0x80;
              v->hi = 0xBF;
              p++;
              continue;
            }
          /* The sequence broke: report where it began, look at c again. */
          v->n_invalid++;
          func (v->seq_start, user_data);
          v->need = 0;
          continue;
        }

      v->seq_start = base_offset + (guint64) (p - base);
      v->lo = 0x80;
      v->hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF)
        v->need = 1;
      else if (c >= 0xE0 && c <= 0xEF)
        {
          v->need = 2;
          if (c == 0xE0)
            v->lo = 0xA0;
          else if (c == 0xED)
            v->hi = 0x9F;
        }
      else if (c >= 0xF0 && c <= 0xF4)
        {
          v->need = 3;
          if (c == 0xF0)
            v->lo = 0x90;
          else if (c == 0xF4)
            v->hi = 0x8F;
        }
      else
        {
          v->n_invalid++;
          func (v->seq_start, user_data);
        }
      p++;
    }
  v->offset = base_offset + len;
}

void
pub_encoding_validator_finish (PubEncodingValidator *v,
                               PubInvalidByteFunc    func,
                               gpointer              user_data)
{
  if (v->need)
    {
      v->n_invalid++;
      func (v->seq_start, user_data);
      v->need = 0;
    }
}

void
pub_utf16_decoder_init (PubUtf16Decoder *d,
                        gboolean         big_endian,
                        guint64          start_offset)
{
  memset (d, 0, sizeof *d);
  d->big_endian = big_endian;
  d->offset = start_offset;
}

static void
append_unichar (GByteArray *out,
                gunichar    c)
{
  guint8 buf[4];
  int n = g_unichar_to_utf8 (c, (char *) buf);

  g_byte_array_append (out, buf, (guint) n);
}

static void
broken_unit (PubUtf16Decoder    *d,
             guint64             offset,
             GByteArray         *out,
             PubInvalidByteFunc  func,
             gpointer            user_data)
{
  if (func)
    func (offset, user_data);
  append_unichar (out, 0xFFFD);
}

void
pub_utf16_decoder_feed (PubUtf16Decoder    *d,
                        const char         *data,
                        gsize               len,
                        GByteArray         *out,
                        PubInvalidByteFunc  func,
                        gpointer            user_data)
{
  const guchar *p = (const guchar *) data, *end = p + len;

  while (p < end)
    {
      guint64 at;
      guint16 unit;

      if (d->have_byte)
        {
          at = d->offset - 1;
          unit = d->big_endian ? (guint16) (d->byte << 8 | p[0]) : (guint16) (p[0] << 8 | d->byte);
          d->have_byte = FALSE;
          p++;
          d->offset++;
        }
      else if (end - p >= 2)
        {
          at = d->offset;
          unit = d->big_endian ? (guint16) (p[0] << 8 | p[1]) : (guint16) (p[1] << 8 | p[0]);
          p += 2;
          d->offset += 2;
        }
      else
        {
          d->byte = *p++;
          d->have_byte = TRUE;
          d->offset++;
          break;
        }

      if (unit >= 0xDC00 && unit <= 0xDFFF)
        {
          if (d->high)
            {
              append_unichar (out, 0x10000 + (((gunichar) d->high - 0xD800) << 10) + (unit - 0xDC00));
              d->high = 0;
            }
          else
            broken_unit (d, at, out, func, user_data);
          continue;
        }
      if (d->high)
        {
          broken_unit (d, d->high_offset, out, func, user_data);
          d->high = 0;
        }
      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          d->high = unit;
          d->high_offset = at;
        }
      else if (unit < 0x80)
        {
          guint8 c = (guint8) unit;

          g_byte_array_append (out, &c, 1);
        }
      else
        append_unichar (out, unit);
    }
}

void
pub_utf16_decoder_finish (PubUtf16Decoder    *d,
                          GByteArray         *out,
                          PubInvalidByteFunc  func,
                          gpointer            user_data)
{
  if (d->high)
    broken_unit (d, d->high_offset, out, func, user_data);
  if (d->have_byte)
    broken_unit (d, d->offset - 1, out, func, user_data);
  d->high = 0;
  d->have_byte = FALSE;
}

/* 0x80-0x9F; the rest of the upper half is Latin-1. The five bytes
 * Windows-1252 leaves undefined are U+FFFD, as the validator flags them. */
static const guint16 cp1252_high[32] = {
  0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

void
pub_windows_1252_to_utf8 (const char *data,
                          gsize       len,
                          GByteArray *out)
{
  const guchar *p = (const guchar *) data, *end = p + len;

  while (p < end)
    {
      const guchar *run = p;

      while (p < end && *p < 0x80)
        p++;
      if (p > run)
        g_byte_array_append (out, run, (guint) (p - run));
      if (p == end)
        break;
      append_unichar (out, *p < 0xA0 ? cp1252_high[*p - 0x80] : *p);
      p++;
    }
}

char *
pub_encoding_cell_to_utf8 (const char  *data,
                           gsize        len,
                           PubEncoding  encoding,
                           guint        max_chars)
{
  g_autofree char *utf8 = NULL;
  const char *end;
  glong n;

  if (encoding == PUB_ENCODING_WINDOWS_1252)
    {
      GByteArray *out = g_byte_array_sized_new ((guint) len + 1);

      pub_windows_1252_to_utf8 (data, len, out);
      g_byte_array_append (out, (const guint8 *) "", 1);
      utf8 = (char *) g_byte_array_free (out, FALSE);
    }
  else
    utf8 = g_utf8_make_valid (data, (gssize) len);

  n = g_utf8_strlen (utf8, -1);
  if (n <= (glong) max_chars)
    return g_steal_pointer (&utf8);
  end = g_utf8_offset_to_pointer (utf8, max_chars);
  return g_strdup_printf ("%.*s\xE2\x80\xA6", (int) (end - utf8), utf8);
}

GFile *
pub_check_utf8_copy_destination (GFile *source)
{
  g_autofree char *name = g_file_get_basename (source);
  g_autoptr(GFile) parent = g_file_get_parent (source);
  const char *dot = strrchr (name, '.');
  g_autofree char *copy = NULL;

  if (dot && dot != name)
    copy = g_strdup_printf ("%.*s-utf8%s", (int) (dot - name), name, dot);
  else
    copy = g_strdup_printf ("%s-utf8", name);
  return parent ? g_file_get_child (parent, copy) : g_file_new_for_path (copy);
}

typedef struct {
  GFile       *source;
  GFile       *dest;
  PubEncoding  encoding;
  GFile       *written;   /* where the copy went: dest, or dest-2, ... */
} CopyData;

static void
copy_data_free (gpointer data)
{
  CopyData *copy = data;

  g_clear_object (&copy->source);
  g_clear_object (&copy->dest);
  g_clear_object (&copy->written);
  g_free (copy);
}

/* "datos-utf8.csv", then "datos-utf8-2.csv", "datos-utf8-3.csv"... */
static GFile *
numbered_sibling (GFile *dest,
                  guint  n)
{
  g_autofree char *name = g_file_get_basename (dest);
  g_autoptr(GFile) parent = g_file_get_parent (dest);
  const char *dot = strrchr (name, '.');
  g_autofree char *numbered = NULL;

  if (n < 2)
    return g_object_ref (dest);
  if (dot && dot != name)
    numbered = g_strdup_printf ("%.*s-%u%s", (int) (dot - name), name, n, dot);
  else
    numbered = g_strdup_printf ("%s-%u", name, n);
  return parent ? g_file_get_child (parent, numbered) : g_file_new_for_path (numbered);
}

/* The finished copy takes the first free name: a file already there (an
 * earlier copy the person may have edited) is never overwritten. */
static GFile *
move_to_free_name (GFile         *tmp,
                   GFile         *dest,
                   GCancellable  *cancellable,
                   GError       **error)
{
  for (guint n = 1; n < 100; n++)
    {
      g_autoptr(GFile) candidate = numbered_sibling (dest, n);
      g_autoptr(GError) local_error = NULL;

      if (g_file_move (tmp, candidate, G_FILE_COPY_NO_FALLBACK_FOR_MOVE, cancellable, NULL, NULL, &local_error))
        return g_steal_pointer (&candidate);
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("Too many UTF-8 copies of this file are already in its folder"));
  return NULL;
}

static void
write_utf8_copy_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  CopyData *copy = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GInputStream) converted = NULL;
  g_autoptr(GFile) tmp = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (copy->dest);
  g_autofree char *dest_name = g_file_get_basename (copy->dest);
  g_autofree char *tmp_name = NULL;
  char bom[3];
  gsize got = 0, skip = 0;

  in = g_file_read (copy->source, cancellable, &error);
  if (!in)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Skip the BOM (iconv would keep a UTF-16 one as U+FEFF); anything
   * else is data. */
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), bom, sizeof bom, &got, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (got == 3 && memcmp (bom, "\xEF\xBB\xBF", 3) == 0)
    skip = 3;
  else if (got >= 2 && PUB_ENCODING_IS_UTF16 (copy->encoding) &&
           (memcmp (bom, "\xFF\xFE", 2) == 0 || memcmp (bom, "\xFE\xFF", 2) == 0))
    skip = 2;
  if (skip != got &&
      !g_seekable_seek (G_SEEKABLE (in), skip, G_SEEK_SET, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (copy->encoding == PUB_ENCODING_WINDOWS_1252 || PUB_ENCODING_IS_UTF16 (copy->encoding))
    {
      g_autoptr(PubUtf8Converter) converter = pub_utf8_converter_new (copy->encoding);

      converted = g_converter_input_stream_new (G_INPUT_STREAM (in), G_CONVERTER (converter));
    }
  else
    converted = g_object_ref (G_INPUT_STREAM (in));

  /* Written under a hidden name beside it, then moved to a free name: a
   * half-written file never takes a name, an existing one is never
   * replaced. */
  tmp_name = g_strdup_printf (".%s.%08x.part", dest_name, g_random_int ());
  tmp = parent ? g_file_get_child (parent, tmp_name) : g_file_new_for_path (tmp_name);
  out = g_file_create (tmp, G_FILE_CREATE_NONE, cancellable, &error);
  if (!out)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_output_stream_splice (G_OUTPUT_STREAM (out), converted,
                              G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE, cancellable, &error) < 0 ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &error) ||
      !(copy->written = move_to_free_name (tmp, copy->dest, cancellable, &error)))
    {
      g_output_stream_close (G_OUTPUT_STREAM (out), NULL, NULL);
      g_file_delete (tmp, NULL, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
pub_check_write_utf8_copy_async (GFile               *source,
                                 PubEncoding          encoding,
                                 GFile               *dest,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CopyData *copy;

  g_return_if_fail (G_IS_FILE (source));
  g_return_if_fail (G_IS_FILE (dest));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_check_write_utf8_copy_async);
  copy = g_new0 (CopyData, 1);
  copy->source = g_object_ref (source);
  copy->dest = g_object_ref (dest);
  copy->encoding = encoding;
  g_task_set_task_data (task, copy, copy_data_free);
  g_task_run_in_thread (task, write_utf8_copy_thread);
}

GFile *
pub_check_write_utf8_copy_finish (GAsyncResult  *result,
                                  GError       **error)
{
  CopyData *copy;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  copy = g_task_get_task_data (G_TASK (result));
  return g_object_ref (copy->written);
}
