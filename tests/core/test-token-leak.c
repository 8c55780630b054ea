/* test-token-leak.c: the token never lands in a file or a log line
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signs in against the test portal, makes a few calls, publishes a draft,
 * signs out; then reads every file under the private HOME and XDG folders,
 * TMPDIR and XDG_RUNTIME_DIR (the drafts folder and the cache folder among
 * them) and every log message, debug included, and expects the token
 * nowhere: not raw, not URL-encoded, not base64-encoded. The files read
 * must include the account list and the draft, so an empty scan cannot pass.
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#include "ckan-client-datasets.h"
#include "ckan-client-tokens.h"
#include "ckan-error.h"
#include "pub-account-manager.h"
#include "pub-draft-store.h"
#include "pub-publish-job.h"
#include "pub-sign-in.h"
#include "test-portal.h"
#include "publish-test-utils.h"

static char *scratch_dir;
static GString *captured_log;
static guint warnings_seen;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_autofree char *line = g_log_writer_format_fields (log_level, fields, n_fields, FALSE);

  g_string_append (captured_log, line);
  g_string_append_c (captured_log, '\n');
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    warnings_seen++;
  return G_LOG_WRITER_HANDLED;
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static gboolean
contains_bytes (const char *haystack,
                gsize       length,
                const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    {
      if (memcmp (haystack + i, needle, needle_length) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The forms a token could be written in: as is, URL-encoded (as a query
 * parameter or a form field), and base64 (standard and URL alphabets) at
 * each of the three byte alignments it could start at inside a longer
 * encoded text; for those, only the characters that depend on the token
 * alone are searched. */
static GPtrArray *
leak_forms (const char *token)
{
  GPtrArray *forms = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *escaped = g_uri_escape_string (token, NULL, FALSE);
  gsize length = strlen (token);

  g_ptr_array_add (forms, g_strdup (token));
  if (!g_str_equal (escaped, token))
    g_ptr_array_add (forms, g_strdup (escaped));
  for (guint shift = 0; shift < 3; shift++)
    {
      g_autofree guchar *shifted = g_malloc0 (length + shift);
      g_autofree char *encoded = NULL;
      gsize skip = shift ? 4 : 0;
      gsize keep;

      memcpy (shifted + shift, token, length);
      encoded = g_base64_encode (shifted, length + shift);
      keep = strlen (encoded) - skip - 4;
      g_ptr_array_add (forms, g_strndup (encoded + skip, keep));
      g_strdelimit (encoded, "+", '-');
      g_strdelimit (encoded, "/", '_');
      if (strncmp (encoded + skip, g_ptr_array_index (forms, forms->len - 1), keep) != 0)
        g_ptr_array_add (forms, g_strndup (encoded + skip, keep));
    }
  return forms;
}

/* Every regular file under `dir`, each read once (roots may nest): the
 * paths read go to `scanned`, those holding any form to `leaks`. */
static void
scan_tree (const char *dir,
           GPtrArray  *forms,
           GHashTable *scanned,
           GPtrArray  *leaks)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          scan_tree (path, forms, scanned, leaks);
          continue;
        }
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && !g_hash_table_contains (scanned, path))
        {
          g_autofree char *contents = NULL;
          gsize length = 0;

          g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
          for (guint i = 0; i < forms->len; i++)
            if (contains_bytes (contents, length, g_ptr_array_index (forms, i)))
              {
                g_ptr_array_add (leaks, g_strdup_printf ("%s (form %u)", path, i));
                break;
              }
          g_hash_table_add (scanned, g_steal_pointer (&path));
        }
    }
}

/* Where anything this process writes could land. */
static GPtrArray *
scan_roots (void)
{
  GPtrArray *roots = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (roots, g_strdup (g_get_home_dir ()));
  g_ptr_array_add (roots, g_strdup (g_get_user_config_dir ()));
  g_ptr_array_add (roots, g_strdup (g_get_user_data_dir ()));
  g_ptr_array_add (roots, g_build_filename (g_get_user_data_dir (), "publicador", "drafts", NULL));
  g_ptr_array_add (roots, g_strdup (g_get_user_cache_dir ()));
  g_ptr_array_add (roots, g_strdup (g_get_user_state_dir ()));
  g_ptr_array_add (roots, g_strdup (g_get_tmp_dir ()));
  g_ptr_array_add (roots, g_strdup (g_get_user_runtime_dir ()));
  for (guint i = 0; i < roots->len; i++)
    {
      /* Each one private to this run, and there to be read. */
      g_assert_true (g_str_has_prefix (g_ptr_array_index (roots, i), scratch_dir));
      g_assert_true (g_file_test (g_ptr_array_index (roots, i), G_FILE_TEST_IS_DIR));
    }
  return roots;
}

/* `must_read`: files the scan has to have read (NULL-terminated). */
static void
assert_no_leak (const char         *token,
                const char * const *must_read)
{
  g_autoptr(GPtrArray) forms = leak_forms (token);
  g_autoptr(GPtrArray) roots = scan_roots ();
  g_autoptr(GPtrArray) leaks = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) scanned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < roots->len; i++)
    scan_tree (g_ptr_array_index (roots, i), forms, scanned, leaks);
  for (guint i = 0; i < leaks->len; i++)
    g_test_message ("token found in %s", (char *) g_ptr_array_index (leaks, i));
  g_assert_cmpuint (leaks->len, ==, 0);
  /* The scan read what the app wrote, not an empty tree. */
  for (guint i = 0; must_read[i] != NULL; i++)
    {
      if (!g_hash_table_contains (scanned, must_read[i]))
        g_error ("The scan did not read %s", must_read[i]);
    }
  g_test_message ("%u files scanned for %u forms of the token", g_hash_table_size (scanned), forms->len);

  for (guint i = 0; i < forms->len; i++)
    g_assert_false (contains_bytes (captured_log->str, captured_log->len, g_ptr_array_index (forms, i)));
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pub_publish_job_run_finish (PUB_PUBLISH_JOB (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
flushed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_assert_true (pub_draft_store_flush_finish (PUB_DRAFT_STORE (object), result, NULL));
  *(gboolean *) user_data = TRUE;
}

/* A draft in the drafts folder, published with the account: the draft on
 * disk then holds the portal's address and what the job recorded. */
static char *
publish_a_draft (PubDraftStore *store,
                 CkanClient    *client)
{
  g_autofree char *documents = g_build_filename (g_get_home_dir (), "Documentos", NULL);
  g_autoptr(PubPublishJob) job = NULL;
  GBytes *contents[2] = { NULL, NULL };
  PubDraft *draft = pub_draft_store_create (store);
  gboolean done = FALSE, flushed = FALSE;
  g_autofree char *name = NULL;

  g_assert_cmpint (g_mkdir_with_parents (documents, 0700), ==, 0);
  fill_census_draft (draft, documents, "ministerio-de-prueba", contents);
  job = pub_publish_job_new (draft, client, store);
  pub_publish_job_run_async (job, NULL, job_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (pub_draft_get_state (draft), ==, PUB_DRAFT_STATE_PUBLISHED);
  pub_draft_store_flush_async (store, NULL, flushed_cb, &flushed);
  while (!flushed)
    g_main_context_iteration (NULL, TRUE);
  g_bytes_unref (contents[0]);
  g_bytes_unref (contents[1]);
  name = g_strconcat (pub_draft_get_id (draft), ".json", NULL);
  return g_build_filename (g_get_user_data_dir (), "publicador", "drafts", name, NULL);
}

static void
test_no_token_anywhere (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PubTestPortal) portal = NULL;
  g_autoptr(GSettingsBackend) backend = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(PubAccountManager) manager = NULL;
  g_autoptr(PubAccount) candidate = NULL;
  g_autoptr(PubAccount) account = NULL;
  g_autoptr(GAsyncResult) signed_in = NULL;
  g_autoptr(GAsyncResult) added = NULL;
  g_autoptr(GAsyncResult) verified = NULL;
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GAsyncResult) created = NULL;
  g_autoptr(GAsyncResult) denied = NULL;
  g_autoptr(GAsyncResult) signed_out = NULL;
  g_autoptr(GPtrArray) tokens = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonObject) params = NULL;
  g_autofree char *token = NULL;
  g_autofree char *settings_path = NULL;
  g_autofree char *settings_text = NULL;
  g_autofree char *second_token = NULL;
  g_autoptr(PubDraftStore) store = NULL;
  g_autofree char *draft_path = NULL;
  const char *must_read[3] = { NULL, NULL, NULL };

  portal = pub_test_portal_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pub_test_portal_listen (portal, 0, &error));
  token = g_strdup (pub_test_portal_get_token (portal, "editor"));
  g_assert_nonnull (token);
  g_assert_cmpuint (strlen (token), >, 16);

  /* Settings really written to disk, where a leak would stay. */
  settings_path = g_build_filename (g_get_user_config_dir (), "publicador", "settings.ini", NULL);
  {
    g_autofree char *parent = g_path_get_dirname (settings_path);

    g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  }
  backend = g_keyfile_settings_backend_new (settings_path, "/io/github/publicador/Publicador/", "publicador");
  settings = g_settings_new_with_backend (BASE_APPLICATION_ID, backend);
  manager = pub_account_manager_new (settings);

  pub_sign_in_async (pub_test_portal_get_url (portal), token, FALSE, 0, NULL, result_cb, &signed_in);
  candidate = pub_sign_in_finish (wait_for (&signed_in), &error);
  g_assert_no_error (error);

  pub_account_manager_add_async (manager, candidate, token, FALSE, NULL, result_cb, &added);
  account = pub_account_manager_add_finish (manager, wait_for (&added), &error);
  g_assert_no_error (error);

  /* A few calls of the kinds the app makes. */
  pub_account_verify_async (account, NULL, result_cb, &verified);
  g_assert_true (pub_account_verify_finish (account, wait_for (&verified), &error));
  g_assert_no_error (error);

  ckan_client_api_token_list_async (pub_account_get_client (account),
                                    pub_account_get_user_id (account), NULL, result_cb, &listed);
  tokens = ckan_client_api_token_list_finish (pub_account_get_client (account), wait_for (&listed), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tokens->len, >=, 1);

  ckan_client_api_token_create_async (pub_account_get_client (account),
                                      pub_account_get_user_name (account), "leak-test",
                                      NULL, result_cb, &created);
  second_token = ckan_client_api_token_create_finish (pub_account_get_client (account),
                                                      wait_for (&created), &error);
  g_assert_no_error (error);

  /* A refused write goes through the error paths and their messages. */
  params = json_object_new ();
  json_object_set_string_member (params, "name", "no-permitido");
  json_object_set_string_member (params, "owner_org", "organizacion-que-no-existe");
  ckan_client_call_async (pub_account_get_client (account), "package_create", params,
                          CKAN_CALL_WRITE, NULL, result_cb, &denied);
  node = ckan_client_call_finish (pub_account_get_client (account), wait_for (&denied), &error);
  g_assert_null (node);
  g_assert_nonnull (error);
  pub_account_check_error (account, error);
  g_clear_error (&error);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* A publication, as the app makes them, into the drafts folder. */
  store = pub_draft_store_new (NULL);
  draft_path = publish_a_draft (store, pub_account_get_client (account));
  g_assert_true (g_file_test (draft_path, G_FILE_TEST_IS_REGULAR));

  /* While signed in: the account list is on disk, the token is not. */
  g_settings_sync ();
  g_assert_true (g_file_get_contents (settings_path, &settings_text, NULL, NULL));
  g_assert_nonnull (strstr (settings_text, "Eduardo Editor"));
  must_read[0] = settings_path;
  must_read[1] = draft_path;
  assert_no_leak (token, must_read);
  assert_no_leak (second_token, must_read);

  pub_account_manager_sign_out_async (manager, account, NULL, result_cb, &signed_out);
  g_assert_true (pub_account_manager_sign_out_finish (manager, wait_for (&signed_out), &error));
  g_assert_no_error (error);
  g_settings_sync ();

  assert_no_leak (token, must_read);
  assert_no_leak (second_token, must_read);

  /* The debug output was captured: the scan above looked at something. */
  g_assert_true (strstr (captured_log->str, "user_show") != NULL);
  g_assert_cmpuint (warnings_seen, ==, 0);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_tree (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  static const char *dirs[][2] = {
    { "HOME", "home" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_DATA_HOME", "data" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_STATE_HOME", "state" },
    { "TMPDIR", "tmp" },
    { "XDG_RUNTIME_DIR", "runtime" },
  };
  int ret;

  /* Tokens go to the private session's gnome-keyring (another process, its
   * own files); what this process writes lands in the tree below. */
  if (g_strcmp0 (g_getenv ("PUB_TEST_SESSION_INNER"), "1") != 0)
    g_error ("Run this test inside build-aux/test-session.sh: it needs a private keyring.");
  g_unsetenv ("SECRET_BACKEND");

  /* A private tree for everything the run writes, set before GLib caches
   * any of these directories. */
  /* Not g_dir_make_tmp(): GLib would cache the TMPDIR set below. */
  scratch_dir = g_build_filename (g_getenv ("TMPDIR") ? g_getenv ("TMPDIR") : "/tmp",
                                  "pub-token-leak-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (scratch_dir));
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (scratch_dir, dirs[i][1], NULL);

      g_mkdir_with_parents (path, 0700);
      g_setenv (dirs[i][0], path, TRUE);
    }
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);

  captured_log = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/token-leak/no-token-anywhere", test_no_token_anywhere);
  ret = g_test_run ();

  remove_tree (scratch_dir);
  g_free (scratch_dir);
  g_string_free (captured_log, TRUE);
  return ret;
}
