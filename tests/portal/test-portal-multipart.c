/* test-portal-multipart.c: multipart/form-data parsed as it arrives
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* memmem () */
#define _GNU_SOURCE 1

#include "test-portal-private.h"

#include <glib/gstdio.h>
#include <string.h>

/* A multipart part that is not a file may not exceed this (CKAN 2.11.5). */
#define MAX_FORM_FIELD 500000
#define MAX_FORM_PARTS 1000
#define MAX_PART_HEADERS 16384

/* SoupMultipartInputStream is meant for client responses and misreads
 * curl's dash-heavy boundaries; and the body must never sit in memory
 * whole. So: a small state machine fed chunk by chunk, writing the file
 * part straight to disk. */

typedef enum {
  STATE_PREAMBLE,
  STATE_AFTER_DELIMITER,
  STATE_HEADERS,
  STATE_BODY,
  STATE_END,
} State;

static gssize
find (const guint8 *haystack,
      gsize         len,
      const char   *needle,
      gsize         needle_len)
{
  const guint8 *p = memmem (haystack, len, needle, needle_len);

  return p ? (gssize) (p - haystack) : -1;
}

PortalMultipart *
portal_multipart_new (const char *content_type,
                      const char *upload_dir)
{
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  const char *boundary;
  PortalMultipart *mp;

  if (!content_type)
    return NULL;
  soup_message_headers_replace (headers, "Content-Type", content_type);
  if (!soup_message_headers_get_content_type (headers, &params) || !params)
    return NULL;
  boundary = g_hash_table_lookup (params, "boundary");
  if (!boundary || !*boundary)
    return NULL;

  mp = g_new0 (PortalMultipart, 1);
  mp->delimiter = g_strconcat ("\r\n--", boundary, NULL);
  mp->delimiter_len = strlen (mp->delimiter);
  mp->upload_dir = g_strdup (upload_dir);
  mp->pending = g_byte_array_new ();
  mp->fields = json_object_new ();
  /* The first delimiter has no CRLF before it: pretend it had one. */
  g_byte_array_append (mp->pending, (const guint8 *) "\r\n", 2);
  return mp;
}

void
portal_multipart_free (PortalMultipart *mp)
{
  if (!mp)
    return;
  g_clear_object (&mp->file);
  if (mp->upload_path)
    g_unlink (mp->upload_path);
  g_free (mp->upload_path);
  g_free (mp->upload_filename);
  g_free (mp->upload_content_type);
  g_free (mp->part_name);
  g_clear_pointer (&mp->field, g_byte_array_unref);
  g_free (mp->delimiter);
  g_free (mp->upload_dir);
  g_byte_array_unref (mp->pending);
  g_clear_pointer (&mp->fields, json_object_unref);
  g_free (mp);
}

static void
part_data (PortalMultipart *mp,
           const guint8    *data,
           gsize            len)
{
  if (len == 0)
    return;
  if (mp->file)
    {
      if (!g_output_stream_write_all (mp->file, data, len, NULL, NULL, NULL))
        mp->failed = TRUE;
      mp->upload_size += len;
    }
  else if (mp->field)
    {
      if (mp->field->len + len > MAX_FORM_FIELD)
        mp->too_large = TRUE;
      else
        g_byte_array_append (mp->field, data, (guint) len);
    }
}

static void
part_end (PortalMultipart *mp)
{
  if (mp->file)
    {
      if (!g_output_stream_close (mp->file, NULL, NULL))
        mp->failed = TRUE;
      g_clear_object (&mp->file);
    }
  if (mp->field)
    {
      g_byte_array_append (mp->field, (const guint8 *) "", 1);
      if (g_utf8_validate ((const char *) mp->field->data, -1, NULL))
        json_object_set_string_member (mp->fields, mp->part_name, (const char *) mp->field->data);
      g_clear_pointer (&mp->field, g_byte_array_unref);
    }
  g_clear_pointer (&mp->part_name, g_free);
}

static void
part_begin (PortalMultipart *mp,
            const char      *raw_headers,
            gsize            len)
{
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_MULTIPART);
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *disposition = NULL;
  const char *name;
  const char *filename;

  if (++mp->parts > MAX_FORM_PARTS)
    {
      mp->too_large = TRUE;
      return;
    }
  /* soup_headers_parse wants a status line; parts have none. */
  {
    g_autofree char *text = g_strdup_printf ("X\r\n%.*s", (int) len, raw_headers);

    soup_headers_parse (text, (int) strlen (text), headers);
  }
  if (!soup_message_headers_get_content_disposition (headers, &disposition, &params))
    return;
  name = g_hash_table_lookup (params, "name");
  filename = g_hash_table_lookup (params, "filename");
  if (!name)
    return;
  if (filename && *filename && g_str_equal (name, "upload"))
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *file_name = g_strconcat ("file-", uuid, NULL);
      g_autoptr(GFile) file = NULL;

      if (mp->upload_path)
        g_unlink (mp->upload_path);
      g_free (mp->upload_path);
      mp->upload_path = g_build_filename (mp->upload_dir, file_name, NULL);
      file = g_file_new_for_path (mp->upload_path);
      {
        g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, NULL);

        /* libsoup hands over small chunks: write to disk in bigger ones. */
        if (out)
          mp->file = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (out), 1024 * 1024);
        else
          mp->failed = TRUE;
      }
      mp->upload_size = 0;
      g_free (mp->upload_filename);
      mp->upload_filename = g_strdup (filename);
      g_free (mp->upload_content_type);
      mp->upload_content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
    }
  else
    {
      mp->field = g_byte_array_new ();
    }
  mp->part_name = g_strdup (name);
}

static void
consume (PortalMultipart *mp,
         gsize            len)
{
  g_byte_array_remove_range (mp->pending, 0, (guint) len);
}

void
portal_multipart_feed (PortalMultipart *mp,
                       const guint8    *data,
                       gsize            len)
{
  g_byte_array_append (mp->pending, data, (guint) len);

  while (!mp->failed && !mp->too_large)
    {
      const guint8 *buf = mp->pending->data;
      gsize avail = mp->pending->len;
      gssize at;

      switch ((State) mp->state)
        {
        case STATE_PREAMBLE:
        case STATE_BODY:
          at = find (buf, avail, mp->delimiter, mp->delimiter_len);
          if (at < 0)
            {
              /* Keep what could be the start of a delimiter. */
              gsize keep = MIN (avail, mp->delimiter_len - 1);

              if (mp->state == STATE_BODY)
                part_data (mp, buf, avail - keep);
              consume (mp, avail - keep);
              return;
            }
          if (mp->state == STATE_BODY)
            {
              part_data (mp, buf, (gsize) at);
              part_end (mp);
            }
          consume (mp, (gsize) at + mp->delimiter_len);
          mp->state = STATE_AFTER_DELIMITER;
          break;

        case STATE_AFTER_DELIMITER:
          if (avail < 2)
            return;
          if (buf[0] == '-' && buf[1] == '-')
            {
              mp->state = STATE_END;
              break;
            }
          /* Transport padding, then CRLF. */
          at = find (buf, avail, "\r\n", 2);
          if (at < 0)
            return;
          consume (mp, (gsize) at + 2);
          mp->state = STATE_HEADERS;
          break;

        case STATE_HEADERS:
          at = find (buf, avail, "\r\n\r\n", 4);
          if (at < 0)
            {
              if (avail > MAX_PART_HEADERS)
                mp->failed = TRUE;
              return;
            }
          part_begin (mp, (const char *) buf, (gsize) at + 2);
          consume (mp, (gsize) at + 4);
          mp->state = STATE_BODY;
          break;

        case STATE_END:
        default:
          g_byte_array_set_size (mp->pending, 0);
          return;
        }
    }
}

/* TRUE when the body ended with the closing delimiter. */
gboolean
portal_multipart_finish (PortalMultipart *mp)
{
  if (mp->state != STATE_END)
    {
      mp->failed = TRUE;
      part_end (mp);
    }
  return !mp->failed;
}
