/* test-draft.c: the draft model, its JSON form, and its validation
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <string.h>

#include "pub-core-error.h"
#include "pub-draft.h"
#include "pub-publish-job.h"

static void
fill_required (PubDraft *draft)
{
  pub_draft_set_field (draft, PUB_DRAFT_FIELD_TITLE, "Año 2024");
  pub_draft_set_field (draft, PUB_DRAFT_FIELD_NAME, "ano-2024");
  pub_draft_set_field (draft, PUB_DRAFT_FIELD_NOTES, "Datos del **año**.");
  pub_draft_set_field (draft, PUB_DRAFT_FIELD_AUTHOR, "Unidad de Estudios");
  pub_draft_set_field (draft, PUB_DRAFT_FIELD_AUTHOR_EMAIL, "estudios@example.cl");
  pub_draft_set_field (draft, PUB_DRAFT_FIELD_OWNER_ORG, "ministerio");
  pub_draft_set_field (draft, PUB_DRAFT_FIELD_VISIBILITY, "public");
  pub_draft_set_field (draft, PUB_DRAFT_FIELD_LICENSE, "cc-by");
  pub_draft_add_tag (draft, "población");
}

static void
count_cb (gpointer instance,
          guint   *count)
{
  (*count)++;
}

static void
test_draft_fields (void)
{
  g_autoptr(PubDraft) draft = pub_draft_new ();
  guint changes = 0;

  g_assert_true (g_uuid_string_is_valid (pub_draft_get_id (draft)));
  g_assert_cmpstr (pub_draft_get_display_title (draft), ==, "Untitled dataset");
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_EDITING);
  g_signal_connect (draft, "changed", G_CALLBACK (count_cb), &changes);

  pub_draft_set_field (draft, "title", "Hola");
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (pub_draft_get_revision (draft), ==, 1);
  pub_draft_set_field (draft, "title", "Hola");
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpstr (pub_draft_get_display_title (draft), ==, "Hola");

  /* An emptied entry unsets the field. */
  pub_draft_set_field (draft, "title", "");
  g_assert_null (pub_draft_get_field (draft, "title"));
  g_assert_cmpuint (changes, ==, 2);

  pub_draft_add_tag (draft, " salud ");
  pub_draft_add_tag (draft, "salud");
  pub_draft_add_tag (draft, "educación");
  g_assert_cmpuint (g_strv_length ((GStrv) pub_draft_get_tags (draft)), ==, 2);
  g_assert_cmpstr (pub_draft_get_tags (draft)[0], ==, "salud");
  pub_draft_remove_tag (draft, "salud");
  g_assert_cmpstr (pub_draft_get_tags (draft)[0], ==, "educación");
  g_assert_cmpuint (changes, ==, 5);
}

static void
test_draft_validation (void)
{
  g_autoptr(PubDraft) draft = pub_draft_new ();
  g_autoptr(PubDraftResource) link = pub_draft_resource_new_link ("https://example.cl/datos/poblacion.csv");
  g_autoptr(GHashTable) problems = pub_draft_validate (draft);
  g_autofree char *email_problem = NULL;
  g_autofree char *tag_problem = NULL;
  static const char * const required[] = {
    "title", "name", "notes", "author", "author_email", "owner_org",
    "visibility", "license_id", "tags", "resources",
  };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_true (g_hash_table_contains (problems, required[i]));
  /* Optional fields are not asked for. */
  g_assert_false (g_hash_table_contains (problems, "version"));
  g_assert_false (g_hash_table_contains (problems, "url"));
  g_assert_false (g_hash_table_contains (problems, "frequency"));

  fill_required (draft);
  g_clear_pointer (&problems, g_hash_table_unref);
  problems = pub_draft_validate (draft);
  g_assert_cmpuint (g_hash_table_size (problems), ==, 1);
  g_assert_true (g_hash_table_contains (problems, "resources"));
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_EDITING);

  pub_draft_add_resource (draft, link);
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_READY);

  pub_draft_set_field (draft, PUB_DRAFT_FIELD_AUTHOR_EMAIL, "estudios@example");
  email_problem = pub_draft_check_field (draft, PUB_DRAFT_FIELD_AUTHOR_EMAIL);
  g_assert_nonnull (email_problem);
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_EDITING);
  pub_draft_set_field (draft, PUB_DRAFT_FIELD_AUTHOR_EMAIL, "estudios@example.cl");

  pub_draft_add_tag (draft, "x");
  tag_problem = pub_draft_check_field (draft, PUB_DRAFT_FIELD_TAGS);
  g_assert_nonnull (tag_problem);
  g_assert_nonnull (strstr (tag_problem, "“x”"));
  pub_draft_remove_tag (draft, "x");

  /* Spaces alone (a no-break space too) fill no required field. */
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_READY);
  pub_draft_set_field (draft, PUB_DRAFT_FIELD_TITLE, "   ");
  pub_draft_set_field (draft, PUB_DRAFT_FIELD_AUTHOR, "\xc2\xa0\t");
  {
    g_autofree char *title_problem = pub_draft_check_field (draft, PUB_DRAFT_FIELD_TITLE);
    g_autofree char *author_problem = pub_draft_check_field (draft, PUB_DRAFT_FIELD_AUTHOR);

    g_assert_cmpstr (title_problem, ==, "Enter a title for the dataset.");
    g_assert_cmpstr (author_problem, ==, "Enter who is responsible for the data.");
  }
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_EDITING);
  g_assert_cmpstr (pub_draft_get_display_title (draft), ==, "Untitled dataset");
  pub_draft_set_field (draft, PUB_DRAFT_FIELD_TITLE, "Población");
  pub_draft_set_field (draft, PUB_DRAFT_FIELD_AUTHOR, "Autora");
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_READY);

  pub_draft_set_field (draft, PUB_DRAFT_FIELD_SOURCE_URL, "ftp://example.cl");
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_EDITING);
  pub_draft_set_field (draft, PUB_DRAFT_FIELD_SOURCE_URL, "https://example.cl/fuente");
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_READY);

  pub_draft_resource_set_url (link, "not a link");
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_EDITING);
}

static void
test_draft_states (void)
{
  g_autoptr(PubDraft) draft = pub_draft_new ();
  g_autoptr(PubDraft) damaged = pub_draft_new_damaged ("abc", "broken", NULL);

  pub_draft_set_publishing (draft, TRUE);
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_PUBLISHING);
  pub_draft_set_publishing (draft, FALSE);

  pub_draft_set_publish_step (draft, PUB_PUBLISH_STEP_UPLOAD_RESOURCES);
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_FAILED);
  pub_draft_set_last_error (draft, "boom");
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_FAILED);
  pub_draft_set_last_error (draft, NULL);
  pub_draft_set_publish_step (draft, PUB_PUBLISH_STEP_DONE);
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_PUBLISHED);

  g_assert_true (pub_draft_is_damaged (damaged));
  g_assert_cmpint (pub_draft_get_state (damaged), ==, PUB_DRAFT_STATE_DAMAGED);
  g_assert_cmpstr (pub_draft_get_last_error (damaged), ==, "broken");
}

static PubDraft *
round_trip (PubDraft *draft)
{
  g_autoptr(JsonNode) node = pub_draft_to_json (draft);
  g_autofree char *text = json_to_string (node, TRUE);
  g_autoptr(JsonNode) parsed = json_from_string (text, NULL);
  g_autoptr(GError) error = NULL;
  PubDraft *copy = pub_draft_new_from_json (parsed, &error);

  g_assert_no_error (error);
  return copy;
}

static void
test_draft_json (void)
{
  g_autoptr(PubDraft) draft = pub_draft_new ();
  g_autoptr(PubDraft) copy = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/datos/región.csv");
  g_autoptr(PubDraftResource) file_res = pub_draft_resource_new_for_file (file);
  g_autoptr(PubDraftResource) link_res = pub_draft_resource_new_link ("https://example.cl/api/datos.json");
  g_autoptr(PubDraftResource) loaded = NULL;
  g_autoptr(JsonNode) orgs = json_from_string ("[{\"name\":\"min\",\"title\":\"Ministerio\"}]", NULL);
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;

  fill_required (draft);
  pub_draft_set_field (draft, PUB_DRAFT_FIELD_FREQUENCY, "1m");
  pub_draft_set_field (draft, "custom_extra", "valor");
  pub_draft_resource_set_description (file_res, "Población por región");
  pub_draft_resource_set_remote_id (file_res, "res-1");
  pub_draft_add_resource (draft, file_res);
  pub_draft_add_resource (draft, link_res);
  pub_draft_set_cache (draft, "organizations", orgs);
  pub_draft_set_portal (draft, "https://datos.gob.cl");
  pub_draft_set_publish_step (draft, PUB_PUBLISH_STEP_UPLOAD_RESOURCES);
  pub_draft_set_remote_id (draft, "pkg-1");
  pub_draft_set_last_error (draft, "Se cortó la conexión");

  copy = round_trip (draft);
  a = pub_draft_to_json (draft);
  b = pub_draft_to_json (copy);
  g_assert_true (json_node_equal (a, b));

  g_assert_cmpstr (pub_draft_get_id (copy), ==, pub_draft_get_id (draft));
  g_assert_cmpuint (pub_draft_get_revision (copy), ==, pub_draft_get_revision (draft));
  g_assert_cmpstr (pub_draft_get_field (copy, "title"), ==, "Año 2024");
  g_assert_cmpstr (pub_draft_get_field (copy, "custom_extra"), ==, "valor");
  g_assert_cmpstr (pub_draft_get_tags (copy)[0], ==, "población");
  g_assert_cmpint (pub_draft_get_publish_step (copy), ==, PUB_PUBLISH_STEP_UPLOAD_RESOURCES);
  g_assert_cmpstr (pub_draft_get_remote_id (copy), ==, "pkg-1");
  g_assert_cmpint (pub_draft_get_state (copy), ==, PUB_DRAFT_STATE_FAILED);
  g_assert_cmpuint (g_list_model_get_n_items (pub_draft_get_resources (copy)), ==, 2);
  loaded = g_list_model_get_item (pub_draft_get_resources (copy), 0);
  g_assert_cmpint (pub_draft_resource_get_kind (loaded), ==, PUB_DRAFT_RESOURCE_FILE);
  g_assert_cmpstr (pub_draft_resource_get_path (loaded), ==, "/tmp/datos/región.csv");
  g_assert_cmpstr (pub_draft_resource_get_name (loaded), ==, "región.csv");
  g_assert_cmpstr (pub_draft_resource_get_format (loaded), ==, "CSV");
  g_assert_cmpstr (pub_draft_resource_get_remote_id (loaded), ==, "res-1");
  g_assert_true (json_node_equal (pub_draft_get_cache (copy, "organizations"), orgs));
}

static void
test_draft_json_rejects (void)
{
  static const char * const bad[] = {
    "[]",
    "{\"id\": \"x\", \"dataset\": {}}",                  /* no schema */
    "{\"schema\": 99, \"id\": \"x\", \"dataset\": {}}",  /* from the future */
    "{\"schema\": 1, \"dataset\": {}}",                  /* no id */
    "{\"schema\": 1, \"id\": \"x\", \"dataset\": {}, \"resources\": [{\"kind\": \"boat\"}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (bad[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(PubDraft) draft = pub_draft_new_from_json (node, &error);

      g_assert_null (draft);
      g_assert_error (error, PUB_CORE_ERROR, PUB_CORE_ERROR_CORRUPT);
    }
}

/* A file without its path or a link without its address costs that
 * resource a problem, not the whole draft. */
static void
test_draft_json_keeps_incomplete_resources (void)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"schema\": 1, \"id\": \"x\", \"dataset\": {},"
                                               " \"resources\": [{\"kind\": \"file\"}, {\"kind\": \"link\"},"
                                               " {\"kind\": \"link\", \"url\": \"  \"}]}", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PubDraft) draft = pub_draft_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_cmpuint (g_list_model_get_n_items (pub_draft_get_resources (draft)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PubDraftResource) resource = g_list_model_get_item (pub_draft_get_resources (draft), i);

      g_assert_nonnull (pub_draft_resource_get_problem (resource));
    }
  {
    g_autofree char *problem = pub_draft_check_field (draft, PUB_DRAFT_FIELD_RESOURCES);

    g_assert_nonnull (problem);
  }
}

static void
test_draft_duplicate (void)
{
  g_autoptr(PubDraft) draft = pub_draft_new ();
  g_autoptr(PubDraft) copy = NULL;
  g_autoptr(PubDraftResource) link = pub_draft_resource_new_link ("https://example.cl/a.csv");
  g_autoptr(PubDraftResource) copied = NULL;

  fill_required (draft);
  pub_draft_resource_set_remote_id (link, "res-9");
  pub_draft_add_resource (draft, link);
  pub_draft_set_remote_id (draft, "pkg-9");
  pub_draft_set_publish_step (draft, PUB_PUBLISH_STEP_DONE);

  copy = pub_draft_duplicate (draft);
  g_assert_cmpstr (pub_draft_get_id (copy), !=, pub_draft_get_id (draft));
  g_assert_cmpstr (pub_draft_get_field (copy, "title"), ==, "Año 2024 (copy)");
  g_assert_null (pub_draft_get_field (copy, "name"));
  g_assert_cmpstr (pub_draft_get_field (copy, "author"), ==, "Unidad de Estudios");
  g_assert_null (pub_draft_get_remote_id (copy));
  g_assert_cmpint (pub_draft_get_publish_step (copy), ==, PUB_PUBLISH_STEP_NONE);
  copied = g_list_model_get_item (pub_draft_get_resources (copy), 0);
  g_assert_true (copied != link);
  g_assert_null (pub_draft_resource_get_remote_id (copied));
  g_assert_cmpstr (pub_draft_resource_get_url (copied), ==, "https://example.cl/a.csv");
}

static void
test_draft_move_resource (void)
{
  g_autoptr(PubDraft) draft = pub_draft_new ();
  g_autoptr(PubDraftResource) a = pub_draft_resource_new_link ("https://example.cl/a.csv");
  g_autoptr(PubDraftResource) b = pub_draft_resource_new_link ("https://example.cl/b.csv");
  g_autoptr(PubDraftResource) c = pub_draft_resource_new_link ("https://example.cl/c.csv");
  g_autoptr(PubDraftResource) first = NULL;
  g_autoptr(PubDraftResource) last = NULL;
  GListModel *resources = pub_draft_get_resources (draft);

  pub_draft_add_resource (draft, a);
  pub_draft_add_resource (draft, b);
  pub_draft_add_resource (draft, c);
  pub_draft_move_resource (draft, c, 0);
  pub_draft_move_resource (draft, a, 99);
  first = g_list_model_get_item (resources, 0);
  last = g_list_model_get_item (resources, 2);
  g_assert_true (first == c);
  g_assert_true (last == a);
  pub_draft_remove_resource (draft, b);
  g_assert_cmpuint (g_list_model_get_n_items (resources), ==, 2);
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **error = user_data;

  pub_draft_resource_refresh_finish (PUB_DRAFT_RESOURCE (object), result, error);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, 0, "done");
}

static void
test_resource_file_info (void)
{
  g_autofree char *dir = g_dir_make_tmp ("draft-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "tabla", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PubDraftResource) resource = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "abc", 3, NULL));
  resource = pub_draft_resource_new_for_file (file);
  g_assert_cmpstr (pub_draft_resource_get_name (resource), ==, "tabla");
  g_assert_null (pub_draft_resource_get_format (resource));
  g_assert_null (pub_draft_resource_get_sha256 (resource));

  pub_draft_resource_refresh_async (resource, NULL, refresh_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (error->message, ==, "done");
  g_clear_error (&error);

  g_assert_cmpint (pub_draft_resource_get_size (resource), ==, 3);
  g_assert_cmpint (pub_draft_resource_get_mtime (resource), >, 0);
  g_assert_cmpstr (pub_draft_resource_get_sha256 (resource), ==,
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  /* No extension: the content type (plain text) decides. */
  g_assert_cmpstr (pub_draft_resource_get_format (resource), ==, "TXT");

  /* Same size and modification time: not read again (the hash stays,
   * though the bytes changed behind its back)... */
  {
    struct stat st;
    struct timespec times[2];

    g_assert_cmpint (stat (path, &st), ==, 0);
    times[0] = st.st_atim;
    times[1] = st.st_mtim;
    g_assert_true (g_file_set_contents (path, "xyz", 3, NULL));
    g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
    pub_draft_resource_refresh_async (resource, NULL, refresh_cb, &error);
    while (error == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_clear_error (&error);
    g_assert_cmpstr (pub_draft_resource_get_sha256 (resource), ==,
                     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

    /* ...a date changed by a microsecond makes it read the file again. */
    times[1].tv_nsec = (times[1].tv_nsec + 1000) % 1000000000;
    g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
    pub_draft_resource_refresh_async (resource, NULL, refresh_cb, &error);
    while (error == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_clear_error (&error);
    g_assert_cmpstr (pub_draft_resource_get_sha256 (resource), ==,
                     "3608bca1e44ea6c4d268eb6db02260269892c0b42b86bbf1e77a6fa16c3c9282");
  }

  g_unlink (path);
  pub_draft_resource_refresh_async (resource, NULL, refresh_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (pub_draft_resource_get_problem (resource));
  g_rmdir (dir);
}

/* A dropped folder is told apart in the worker, and says what to do. */
static void
test_resource_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("draft-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(PubDraftResource) resource = pub_draft_resource_new_for_file (file);
  g_autoptr(GError) error = NULL;

  g_assert_null (pub_draft_resource_get_problem (resource));
  pub_draft_resource_refresh_async (resource, NULL, refresh_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_cmpstr (pub_draft_resource_get_problem (resource), ==, "This is a folder: add the files in it instead");
  g_assert_null (pub_draft_resource_get_sha256 (resource));
  g_rmdir (dir);
}

/* Enum properties are typed, so bindings, GtkExpression and the
 * inspector see names, not numbers. */
static void
assert_enum_property (GType       owner,
                      const char *name,
                      GType       enum_type,
                      int         value,
                      const char *nick)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (owner);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), name);
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);

  g_assert_nonnull (pspec);
  g_assert_true (G_IS_PARAM_SPEC_ENUM (pspec));
  g_assert_true (pspec->value_type == enum_type);
  g_assert_cmpstr (g_enum_get_value (enum_class, value)->value_nick, ==, nick);
}

static void
test_enum_properties (void)
{
  g_autoptr(PubDraft) draft = pub_draft_new ();
  g_autoptr(PubDraftResource) link = pub_draft_resource_new_link ("https://example.org/a.csv");
  PubDraftState state = -1;
  PubDraftResourceKind kind = -1;

  assert_enum_property (PUB_TYPE_DRAFT, "state", PUB_TYPE_DRAFT_STATE, PUB_DRAFT_STATE_QUEUED, "queued");
  assert_enum_property (PUB_TYPE_DRAFT_RESOURCE, "kind", PUB_TYPE_DRAFT_RESOURCE_KIND,
                        PUB_DRAFT_RESOURCE_LINK, "link");
  assert_enum_property (PUB_TYPE_DRAFT_RESOURCE, "check-status", PUB_TYPE_RESOURCE_CHECK_STATUS,
                        PUB_RESOURCE_CHECK_WARNINGS, "warnings");
  assert_enum_property (PUB_TYPE_PUBLISH_JOB, "step", PUB_TYPE_PUBLISH_STEP,
                        PUB_PUBLISH_STEP_UPLOAD_RESOURCES, "upload-resources");

  g_object_get (draft, "state", &state, NULL);
  g_assert_cmpint (state, ==, PUB_DRAFT_STATE_EDITING);
  g_object_get (link, "kind", &kind, NULL);
  g_assert_cmpint (kind, ==, PUB_DRAFT_RESOURCE_LINK);
}

static void
test_resource_formats (void)
{
  g_assert_cmpstr (pub_guess_format ("datos.CSV", NULL), ==, "CSV");
  g_assert_cmpstr (pub_guess_format ("libro.xlsx", "application/zip"), ==, "XLSX");
  g_assert_cmpstr (pub_guess_format ("sin-extension", "text/csv"), ==, "CSV");
  g_assert_cmpstr (pub_guess_format ("a.dir/datos", "application/json"), ==, "JSON");
  g_assert_null (pub_guess_format ("datos.qqq", NULL));
  g_assert_null (pub_guess_format (NULL, NULL));
}

static void
test_resource_link_names (void)
{
  g_autoptr(PubDraftResource) file_link = pub_draft_resource_new_link ("https://example.cl/d/poblaci%C3%B3n.xlsx");
  g_autoptr(PubDraftResource) site_link = pub_draft_resource_new_link ("https://example.cl/");

  g_assert_cmpstr (pub_draft_resource_get_name (file_link), ==, "población.xlsx");
  g_assert_cmpstr (pub_draft_resource_get_format (file_link), ==, "XLSX");
  g_assert_cmpstr (pub_draft_resource_get_name (site_link), ==, "example.cl");
}

static void
test_draft_anonymize_choices (void)
{
  g_autoptr(PubDraft) draft = pub_draft_new ();
  g_autoptr(PubDraft) copy = NULL;
  g_autoptr(PubDraft) next_month = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(PubDraft) odd = NULL;
  g_autoptr(GError) error = NULL;
  guint64 revision;
  gboolean chosen = TRUE;

  fill_required (draft);
  g_assert_cmpint (pub_draft_get_anonymize_action (draft, "rut", &chosen), ==, PUB_ANONYMIZE_KEEP);
  g_assert_false (chosen);
  revision = pub_draft_get_revision (draft);
  pub_draft_set_anonymize_action (draft, "rut", PUB_ANONYMIZE_PSEUDONYMIZE);
  pub_draft_set_anonymize_action (draft, "correo institucional", PUB_ANONYMIZE_KEEP);
  g_assert_cmpuint (pub_draft_get_revision (draft), >, revision);
  revision = pub_draft_get_revision (draft);
  pub_draft_set_anonymize_action (draft, "rut", PUB_ANONYMIZE_PSEUDONYMIZE);
  g_assert_cmpuint (pub_draft_get_revision (draft), ==, revision);

  copy = round_trip (draft);
  g_assert_cmpint (pub_draft_get_anonymize_action (copy, "rut", &chosen), ==, PUB_ANONYMIZE_PSEUDONYMIZE);
  g_assert_true (chosen);
  g_assert_cmpint (pub_draft_get_anonymize_action (copy, "correo institucional", &chosen), ==, PUB_ANONYMIZE_KEEP);
  g_assert_true (chosen);
  next_month = pub_draft_duplicate (draft);
  g_assert_cmpint (pub_draft_get_anonymize_action (next_month, "rut", NULL), ==, PUB_ANONYMIZE_PSEUDONYMIZE);

  /* A word this version doesn't know is a choice not made, not damage. */
  node = pub_draft_to_json (draft);
  json_object_set_string_member (json_object_get_object_member (json_node_get_object (node), "anonymize"),
                                 "rut", "encrypt");
  odd = pub_draft_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pub_draft_get_anonymize_action (odd, "rut", &chosen), ==, PUB_ANONYMIZE_KEEP);
  g_assert_false (chosen);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/draft/fields", test_draft_fields);
  g_test_add_func ("/draft/validation", test_draft_validation);
  g_test_add_func ("/draft/states", test_draft_states);
  g_test_add_func ("/draft/json", test_draft_json);
  g_test_add_func ("/draft/json-rejects", test_draft_json_rejects);
  g_test_add_func ("/draft/json-keeps-incomplete-resources", test_draft_json_keeps_incomplete_resources);
  g_test_add_func ("/draft/duplicate", test_draft_duplicate);
  g_test_add_func ("/draft/anonymize-choices", test_draft_anonymize_choices);
  g_test_add_func ("/draft/move-resource", test_draft_move_resource);
  g_test_add_func ("/draft/resource/file-info", test_resource_file_info);
  g_test_add_func ("/draft/resource/folder", test_resource_folder);
  g_test_add_func ("/draft/resource/formats", test_resource_formats);
  g_test_add_func ("/draft/enum-properties", test_enum_properties);
  g_test_add_func ("/draft/resource/link-names", test_resource_link_names);

  return g_test_run ();
}
