/* pub-utf8-converter.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pub-utf8-converter.h"

struct _PubUtf8Converter
{
  GObject          parent_instance;
  PubEncoding      encoding;
  PubUtf16Decoder  utf16;
  /* Decoded text not yet handed out: the caller's buffer may be small. */
  GByteArray      *pending;
  gsize            pending_start;
  gboolean         bom_checked;
  gboolean         finished;
};

static void pub_utf8_converter_iface_init (GConverterIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PubUtf8Converter, pub_utf8_converter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_CONVERTER, pub_utf8_converter_iface_init))

static gsize
pending_len (PubUtf8Converter *self)
{
  return self->pending->len - self->pending_start;
}

static GConverterResult
pub_utf8_converter_convert (GConverter       *converter,
                            const void       *inbuf,
                            gsize             inbuf_size,
                            void             *outbuf,
                            gsize             outbuf_size,
                            GConverterFlags   flags,
                            gsize            *bytes_read,
                            gsize            *bytes_written,
                            GError          **error)
{
  PubUtf8Converter *self = PUB_UTF8_CONVERTER (converter);
  gsize n = 0;

  *bytes_read = 0;
  *bytes_written = 0;
  /* New input only once the last is handed out (memory stays bounded by
   * what the caller gives at a time), or while too little has come to
   * tell whether it starts with a byte order mark. */
  if ((pending_len (self) == 0 || !self->bom_checked) && inbuf_size > 0)
    {
      if (PUB_ENCODING_IS_UTF16 (self->encoding))
        pub_utf16_decoder_feed (&self->utf16, inbuf, inbuf_size, self->pending, NULL, NULL);
      else
        pub_windows_1252_to_utf8 (inbuf, inbuf_size, self->pending);
      *bytes_read = inbuf_size;
    }
  if ((flags & G_CONVERTER_INPUT_AT_END) && *bytes_read == inbuf_size && !self->finished)
    {
      if (PUB_ENCODING_IS_UTF16 (self->encoding))
        pub_utf16_decoder_finish (&self->utf16, self->pending, NULL, NULL);
      self->finished = TRUE;
    }
  if (!self->bom_checked && (pending_len (self) >= 3 || self->finished))
    {
      if (pending_len (self) >= 3 && memcmp (self->pending->data + self->pending_start, "\xEF\xBB\xBF", 3) == 0)
        self->pending_start += 3;
      self->bom_checked = TRUE;
    }

  /* An empty array's data may be NULL: nothing to copy, nothing to add. */
  if (self->bom_checked && pending_len (self) > 0)
    {
      n = MIN (pending_len (self), outbuf_size);
      memcpy (outbuf, self->pending->data + self->pending_start, n);
      self->pending_start += n;
      *bytes_written = n;
    }
  if (pending_len (self) == 0)
    {
      g_byte_array_set_size (self->pending, 0);
      self->pending_start = 0;
    }

  if (pending_len (self) == 0 && self->finished)
    return G_CONVERTER_FINISHED;
  if (pending_len (self) == 0 && (flags & G_CONVERTER_FLUSH) && *bytes_read == inbuf_size)
    return G_CONVERTER_FLUSHED;
  if (*bytes_read == 0 && *bytes_written == 0)
    {
      if (pending_len (self) > 0)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "Need more room for the decoded text");
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT, "Need more input");
      return G_CONVERTER_ERROR;
    }
  return G_CONVERTER_CONVERTED;
}

static void
pub_utf8_converter_reset (GConverter *converter)
{
  PubUtf8Converter *self = PUB_UTF8_CONVERTER (converter);

  pub_utf16_decoder_init (&self->utf16, self->encoding == PUB_ENCODING_UTF16_BE, 0);
  g_byte_array_set_size (self->pending, 0);
  self->pending_start = 0;
  self->bom_checked = !PUB_ENCODING_IS_UTF16 (self->encoding);
  self->finished = FALSE;
}

static void
pub_utf8_converter_iface_init (GConverterIface *iface)
{
  iface->convert = pub_utf8_converter_convert;
  iface->reset = pub_utf8_converter_reset;
}

static void
pub_utf8_converter_finalize (GObject *object)
{
  PubUtf8Converter *self = PUB_UTF8_CONVERTER (object);

  g_byte_array_unref (self->pending);
  G_OBJECT_CLASS (pub_utf8_converter_parent_class)->finalize (object);
}

static void
pub_utf8_converter_class_init (PubUtf8ConverterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pub_utf8_converter_finalize;
}

static void
pub_utf8_converter_init (PubUtf8Converter *self)
{
  self->pending = g_byte_array_new ();
}

PubUtf8Converter *
pub_utf8_converter_new (PubEncoding encoding)
{
  PubUtf8Converter *self;

  g_return_val_if_fail (encoding == PUB_ENCODING_WINDOWS_1252 || PUB_ENCODING_IS_UTF16 (encoding), NULL);

  self = g_object_new (PUB_TYPE_UTF8_CONVERTER, NULL);
  self->encoding = encoding;
  pub_utf8_converter_reset (G_CONVERTER (self));
  return self;
}
