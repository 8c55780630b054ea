/* publish-test-utils.h: what the publish tests share to build a draft's
 * files (include it in one test file)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pub-draft-resource.h"

/* A CSV file of about `size` bytes in `dir`; returns its bytes. */
static GBytes *
make_file (const char *dir,
           const char *name,
           gsize       size,
           char        fill)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GString *text = g_string_new ("id,valor\n");

  while (text->len < size)
    g_string_append_printf (text, "%u,%c%c%c\n", (guint) text->len, fill, fill, fill);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  return g_string_free_to_bytes (text);
}

/* pub_draft_resource_refresh_async()'s callback; counts down `*pending`. */
static void
refreshed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  guint *pending = user_data;

  g_assert_true (pub_draft_resource_refresh_finish (PUB_DRAFT_RESOURCE (object), result, NULL));
  (*pending)--;
}
