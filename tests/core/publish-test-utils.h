/* publish-test-utils.h: what the publish tests share to build a draft's
 * files (include it in one test file)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pub-draft.h"
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

/* The census draft every publish test starts from: complete metadata for
 * `org`, two CSV files written into `dir` (their bytes in `contents`) and a
 * link, with the files' sizes and hashes known, so the draft is ready. */
static void
fill_census_draft (PubDraft   *draft,
                   const char *dir,
                   const char *org,
                   GBytes     *contents[2])
{
  const char *names[] = { "poblacion.csv", "viviendas.csv" };
  g_autoptr(PubDraftResource) link = pub_draft_resource_new_link ("https://example.cl/api/censo.json");
  guint pending = 2;

  pub_draft_set_field (draft, "title", "Censo de población 2024");
  pub_draft_set_field (draft, "name", "censo-de-poblacion-2024");
  pub_draft_set_field (draft, "notes", "Resultados por comuna.");
  pub_draft_set_field (draft, "author", "Unidad de Estudios");
  pub_draft_set_field (draft, "author_email", "estudios@example.cl");
  pub_draft_set_field (draft, "owner_org", org);
  pub_draft_set_field (draft, "visibility", "public");
  pub_draft_set_field (draft, "license_id", "cc-by");
  pub_draft_add_tag (draft, "censo");

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(PubDraftResource) resource = NULL;

      contents[i] = make_file (dir, names[i], 200 * 1024 + i * 50 * 1024, 'a' + i);
      resource = pub_draft_resource_new_for_file (file);
      pub_draft_add_resource (draft, resource);
      pub_draft_resource_refresh_async (resource, NULL, refreshed_cb, &pending);
    }
  pub_draft_add_resource (draft, link);
  while (pending > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_READY);
}
