/* test-comment-inbox.c: the comments inbox against the test portal or, with
 * PUB_CKAN_URL (build-aux/ckan-stack), a real CKAN 2.11 with
 * ckanext-comments
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ckan-client-comments.h"
#include "ckan-client-private.h"
#include "ckan-client-tokens.h"
#include "ckan-test-target.h"
#include "../fake-network-monitor.h"
#include "pub-comment-inbox.h"

#define SYNC CKAN_TEST_SYNC

typedef struct {
  CkanTestFixture  base;
  char            *cache_dir;
  CkanClient      *citizen;   /* someone in no organization */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  ckan_test_fixture_setup (&f->base, data);
  f->cache_dir = g_dir_make_tmp ("pub-comments-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->citizen);
  remove_tree (f->cache_dir);
  g_free (f->cache_dir);
  ckan_test_fixture_teardown (&f->base, data);
}

/* A citizen: on the test portal its "outsider"; on a real CKAN a new user
 * (the stack's sysadmin created, and so administers, the organizations). */
static CkanClient *
citizen (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CkanClient *sysadmin = f->base.clients[CKAN_TEST_SYSADMIN];
  g_autofree char *name = NULL;
  g_autofree char *token = NULL;
  g_autoptr(JsonObject) params = json_object_new ();
  g_autoptr(JsonNode) user = NULL;

  if (f->citizen != NULL)
    return f->citizen;
  f->citizen = ckan_client_new (f->base.target->url, TRUE, &error);
  g_assert_no_error (error);
  if (!ckan_test_target_is_real (f->base.target))
    {
      ckan_client_set_token (f->citizen, pub_test_portal_get_token (f->base.target->portal, "outsider"));
      return f->citizen;
    }
  name = ckan_test_target_unique_name ("ciudadana");
  json_object_set_string_member (params, "name", name);
  json_object_set_string_member (params, "email", "ciudadana@example.org");
  json_object_set_string_member (params, "password", "contraseña-de-prueba-123");
  json_object_set_string_member (params, "fullname", "Ciudadana de Prueba");
  SYNC (user, ckan_client_call_async (sysadmin, "user_create", params, CKAN_CALL_WRITE, NULL, ckan_test_wait_cb, &_r),
        ckan_client_call_finish (sysadmin, _r, &error));
  g_assert_no_error (error);
  SYNC (token, ckan_client_api_token_create_async (sysadmin, name, "pub-test", NULL, ckan_test_wait_cb, &_r),
        ckan_client_api_token_create_finish (sysadmin, _r, &error));
  g_assert_no_error (error);
  ckan_client_set_token (f->citizen, token);
  return f->citizen;
}

/* A signed-in account of `role`, with its organizations, as the app has it. */
static PubAccount *
account_for (Fixture      *f,
             CkanTestRole  role)
{
  CkanClient *client = f->base.clients[role];
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanUser) user = NULL;
  g_autoptr(GPtrArray) organizations = NULL;
  PubAccount *account;

  SYNC (user, ckan_client_user_show_async (client, NULL, NULL, ckan_test_wait_cb, &_r),
        ckan_client_user_show_finish (client, _r, &error));
  g_assert_no_error (error);
  SYNC (organizations,
        ckan_client_organization_list_for_user_async (client, NULL, "read", NULL, ckan_test_wait_cb, &_r),
        ckan_client_organization_list_for_user_finish (client, _r, &error));
  g_assert_no_error (error);
  account = pub_account_new (f->base.target->url, ckan_user_get_id (user), ckan_user_get_name (user),
                             ckan_user_get_display_name (user), TRUE, &error);
  g_assert_no_error (error);
  pub_account_set_token (account, f->base.target->tokens[role], TRUE);
  pub_account_set_organizations (account, organizations);
  return account;
}

#define CITIZEN CKAN_TEST_N_ROLES

static CkanComment *
comment_on (Fixture      *f,
            CkanTestRole  role,
            CkanDataset  *dataset,
            const char   *content,
            const char   *reply_to_id)
{
  CkanClient *client = role == CITIZEN ? citizen (f) : f->base.clients[role];
  g_autoptr(GError) error = NULL;
  CkanComment *created;

  SYNC (created,
        ckan_client_comments_comment_create_async (client, ckan_dataset_get_id (dataset), "package",
                                                   content, reply_to_id, NULL, ckan_test_wait_cb, &_r),
        ckan_client_comments_comment_create_finish (client, _r, &error));
  g_assert_no_error (error);
  return created;
}

/* Citizens' comments only show once a moderator approved them. */
static void
approve_as_sysadmin (Fixture     *f,
                     CkanComment *comment)
{
  CkanClient *client = f->base.clients[CKAN_TEST_SYSADMIN];
  g_autoptr(GError) error = NULL;
  gboolean ok;

  SYNC (ok, ckan_client_comments_comment_approve_async (client, ckan_comment_get_id (comment), NULL,
                                                        ckan_test_wait_cb, &_r),
        ckan_client_comments_comment_approve_finish (client, _r, &error));
  g_assert_no_error (error);
  g_assert_true (ok);
}

static gboolean
refresh (PubCommentInbox  *inbox,
         GError          **error)
{
  gboolean ok;

  SYNC (ok, pub_comment_inbox_refresh_async (inbox, NULL, ckan_test_wait_cb, &_r),
        pub_comment_inbox_refresh_finish (inbox, _r, error));
  return ok;
}

static gboolean
load_cache (PubCommentInbox *inbox)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  SYNC (ok, pub_comment_inbox_load_cache_async (inbox, NULL, ckan_test_wait_cb, &_r),
        pub_comment_inbox_load_cache_finish (inbox, _r, &error));
  g_assert_no_error (error);
  return ok;
}

static guint
position_of (PubCommentInbox *inbox,
             CkanDataset     *dataset)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (inbox)); i++)
    {
      g_autoptr(PubCommentInboxItem) item = g_list_model_get_item (G_LIST_MODEL (inbox), i);

      if (g_strcmp0 (pub_comment_inbox_item_get_dataset_id (item), ckan_dataset_get_id (dataset)) == 0)
        return i;
    }
  return G_MAXUINT;
}

/* The last comment (by time) anywhere in the tree. */
static CkanComment *
find_comment (GPtrArray  *comments,
              const char *id)
{
  for (guint i = 0; i < comments->len; i++)
    {
      CkanComment *comment = g_ptr_array_index (comments, i);
      CkanComment *found;

      if (g_strcmp0 (ckan_comment_get_id (comment), id) == 0)
        return comment;
      found = find_comment (ckan_comment_get_replies (comment), id);
      if (found)
        return found;
    }
  return NULL;
}

/* Runs on the real stack too: another user's comment reaches the editor's
 * inbox unanswered; the editor's reply is stored under it on the portal and
 * the thread leaves "unanswered", there and after a fresh refresh. */
static void
test_reply_leaves_unanswered (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(CkanDataset) dataset = ckan_test_fixture_create_dataset (&f->base, CKAN_TEST_EDITOR, "inbox", FALSE);
  g_autoptr(CkanComment) question = comment_on (f, CITIZEN, dataset, "¿Hay datos de 2019?", NULL);
  g_autoptr(PubAccount) account = NULL;
  g_autoptr(PubCommentInbox) inbox = NULL;
  g_autoptr(PubCommentInboxItem) item = NULL;
  g_autoptr(CkanComment) reply = NULL;
  g_autoptr(CkanCommentThread) stored = NULL;
  g_autoptr(GError) error = NULL;
  CkanComment *under;
  guint unanswered_before;

  approve_as_sysadmin (f, question);
  account = account_for (f, CKAN_TEST_EDITOR);
  inbox = pub_comment_inbox_new (account, f->cache_dir);
  g_assert_true (refresh (inbox, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pub_comment_inbox_get_support (inbox), ==, PUB_COMMENT_INBOX_SUPPORT_AVAILABLE);

  g_assert_cmpuint (position_of (inbox, dataset), !=, G_MAXUINT);
  item = g_list_model_get_item (G_LIST_MODEL (inbox), position_of (inbox, dataset));
  g_assert_true (pub_comment_inbox_item_get_unanswered (item));
  g_assert_cmpstr (ckan_comment_get_content (pub_comment_inbox_item_get_last_comment (item)), ==, "¿Hay datos de 2019?");
  g_assert_nonnull (ckan_comment_get_author (pub_comment_inbox_item_get_last_comment (item)));
  unanswered_before = pub_comment_inbox_get_unanswered_count (inbox);
  g_assert_cmpuint (unanswered_before, >=, 1);

  SYNC (reply, pub_comment_inbox_reply_async (inbox, item, ckan_comment_get_id (question), "Sí, desde marzo.",
                                              NULL, ckan_test_wait_cb, &_r),
        pub_comment_inbox_reply_finish (inbox, _r, &error));
  g_assert_no_error (error);
  /* In place at once, under the question, with the user as author. */
  under = find_comment (ckan_comment_get_replies (find_comment (ckan_comment_thread_get_comments (pub_comment_inbox_item_get_thread (item)),
                                                                ckan_comment_get_id (question))),
                        ckan_comment_get_id (reply));
  g_assert_nonnull (under);
  g_assert_cmpstr (ckan_user_get_id (ckan_comment_get_author (under)), ==, pub_account_get_user_id (account));
  g_assert_false (pub_comment_inbox_item_get_unanswered (item));
  g_assert_cmpuint (pub_comment_inbox_get_unanswered_count (inbox), ==, unanswered_before - 1);

  /* Stored on the portal under the question. */
  SYNC (stored,
        ckan_client_comments_thread_show_async (f->base.clients[CKAN_TEST_SYSADMIN], ckan_dataset_get_id (dataset),
                                                "package", NULL, ckan_test_wait_cb, &_r),
        ckan_client_comments_thread_show_finish (f->base.clients[CKAN_TEST_SYSADMIN], _r, &error));
  g_assert_no_error (error);
  under = find_comment (ckan_comment_thread_get_comments (stored), ckan_comment_get_id (reply));
  g_assert_nonnull (under);
  g_assert_cmpstr (ckan_comment_get_reply_to_id (under), ==, ckan_comment_get_id (question));

  /* And the portal agrees on the next refresh. */
  g_assert_true (refresh (inbox, &error));
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (inbox), position_of (inbox, dataset));
  g_assert_false (pub_comment_inbox_item_get_unanswered (item));
}

/* Which threads show, in which order, and what counts as answered. */
static void
test_contents (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CkanDataset) answered = ckan_test_fixture_create_dataset (&f->base, CKAN_TEST_EDITOR, "answered", FALSE);
  g_autoptr(CkanDataset) waiting = ckan_test_fixture_create_dataset (&f->base, CKAN_TEST_EDITOR, "waiting", FALSE);
  g_autoptr(CkanDataset) quiet = ckan_test_fixture_create_dataset (&f->base, CKAN_TEST_EDITOR, "quiet", FALSE);
  g_autoptr(CkanDataset) elsewhere = ckan_test_fixture_create_dataset (&f->base, CKAN_TEST_SYSADMIN, "elsewhere", FALSE);
  g_autoptr(CkanComment) q1 = NULL, a1 = NULL, q2 = NULL, q3 = NULL;
  g_autoptr(PubAccount) account = NULL;
  g_autoptr(PubCommentInbox) inbox = NULL;
  g_autoptr(PubCommentInboxItem) first = NULL;
  g_autoptr(PubCommentInboxItem) second = NULL;
  g_autoptr(GError) error = NULL;

  pub_test_portal_set_require_approval (f->base.target->portal, FALSE);
  ckan_test_fixture_patch_dataset (&f->base, CKAN_TEST_SYSADMIN, ckan_dataset_get_id (elsewhere),
                                   "{\"owner_org\": \"servicio-de-ejemplo\"}");
  /* Answered by the organization's admin, not by the user: member_list
   * tells. */
  q1 = comment_on (f, CITIZEN, answered, "¿Qué significa la columna X?", NULL);
  a1 = comment_on (f, CKAN_TEST_ADMIN, answered, "Es el código comunal.", ckan_comment_get_id (q1));
  ckan_test_sleep (5);
  q2 = comment_on (f, CITIZEN, waiting, "Faltan datos de <b>mayo</b>", NULL);
  q3 = comment_on (f, CITIZEN, elsewhere, "Otro organismo", NULL);

  account = account_for (f, CKAN_TEST_EDITOR);
  inbox = pub_comment_inbox_new (account, f->cache_dir);
  g_assert_true (refresh (inbox, &error));
  g_assert_no_error (error);

  /* Two threads (no thread is no item; another organization is not ours),
   * the newest first. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (inbox)), ==, 2);
  g_assert_cmpuint (position_of (inbox, quiet), ==, G_MAXUINT);
  g_assert_cmpuint (position_of (inbox, elsewhere), ==, G_MAXUINT);
  first = g_list_model_get_item (G_LIST_MODEL (inbox), 0);
  second = g_list_model_get_item (G_LIST_MODEL (inbox), 1);
  g_assert_cmpstr (pub_comment_inbox_item_get_dataset_id (first), ==, ckan_dataset_get_id (waiting));
  g_assert_cmpstr (pub_comment_inbox_item_get_dataset_title (first), ==, ckan_dataset_get_title (waiting));
  g_assert_true (pub_comment_inbox_item_get_unanswered (first));
  g_assert_cmpstr (pub_comment_inbox_item_get_dataset_id (second), ==, ckan_dataset_get_id (answered));
  g_assert_false (pub_comment_inbox_item_get_unanswered (second));
  g_assert_cmpuint (pub_comment_inbox_item_get_n_comments (second), ==, 2);
  g_assert_cmpuint (pub_comment_inbox_get_unanswered_count (inbox), ==, 1);
  /* The text is kept as sent; showing it as plain text is the UI's part. */
  g_assert_cmpstr (ckan_comment_get_content (pub_comment_inbox_item_get_last_comment (first)), ==,
                   "Faltan datos de <b>mayo</b>");
  g_assert_nonnull (pub_comment_inbox_get_updated_at (inbox));
}

/* The editor's reply awaits moderation and says so; only moderators
 * approve: the editor gets a 403 and the comment stays a draft. */
static void
test_draft_and_approve_refused (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(CkanDataset) dataset = ckan_test_fixture_create_dataset (&f->base, CKAN_TEST_EDITOR, "draft", FALSE);
  g_autoptr(CkanComment) question = comment_on (f, CITIZEN, dataset, "¿Actualizan este mes?", NULL);
  g_autoptr(PubAccount) account = NULL;
  g_autoptr(PubCommentInbox) inbox = NULL;
  g_autoptr(PubCommentInboxItem) item = NULL;
  g_autoptr(CkanComment) reply = NULL;
  g_autoptr(GError) error = NULL;
  CkanComment *shown;
  gboolean approved;

  approve_as_sysadmin (f, question);
  account = account_for (f, CKAN_TEST_ADMIN);
  inbox = pub_comment_inbox_new (account, f->cache_dir);
  g_assert_true (refresh (inbox, &error));
  item = g_object_ref (pub_comment_inbox_find (inbox, ckan_dataset_get_id (dataset)));

  SYNC (reply, pub_comment_inbox_reply_async (inbox, item, ckan_comment_get_id (question), "Sí.",
                                              NULL, ckan_test_wait_cb, &_r),
        pub_comment_inbox_reply_finish (inbox, _r, &error));
  g_assert_no_error (error);
  shown = find_comment (ckan_comment_thread_get_comments (pub_comment_inbox_item_get_thread (item)),
                        ckan_comment_get_id (reply));
  g_assert_cmpstr (ckan_comment_get_state (shown), ==, "draft");
  g_assert_false (ckan_comment_is_approved (shown));

  SYNC (approved, pub_comment_inbox_approve_async (inbox, item, ckan_comment_get_id (reply), NULL,
                                                   ckan_test_wait_cb, &_r),
        pub_comment_inbox_approve_finish (inbox, _r, &error));
  g_assert_false (approved);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION);
  shown = find_comment (ckan_comment_thread_get_comments (pub_comment_inbox_item_get_thread (item)),
                        ckan_comment_get_id (reply));
  g_assert_cmpstr (ckan_comment_get_state (shown), ==, "draft");

  /* The author may still edit it while it waits. */
  g_clear_error (&error);
  g_clear_object (&reply);
  SYNC (reply, pub_comment_inbox_edit_async (inbox, item, ckan_comment_get_id (shown), "Sí, el día 15.",
                                             NULL, ckan_test_wait_cb, &_r),
        pub_comment_inbox_edit_finish (inbox, _r, &error));
  g_assert_no_error (error);
  shown = find_comment (ckan_comment_thread_get_comments (pub_comment_inbox_item_get_thread (item)),
                        ckan_comment_get_id (reply));
  g_assert_cmpstr (ckan_comment_get_content (shown), ==, "Sí, el día 15.");
}

static void
test_no_extension (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PubAccount) account = account_for (f, CKAN_TEST_EDITOR);
  g_autoptr(PubCommentInbox) inbox = pub_comment_inbox_new (account, f->cache_dir);
  g_autoptr(GError) error = NULL;

  pub_test_portal_set_extension (f->base.target->portal, "comments", FALSE);
  g_assert_true (refresh (inbox, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pub_comment_inbox_get_support (inbox), ==, PUB_COMMENT_INBOX_SUPPORT_UNSUPPORTED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (inbox)), ==, 0);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->base.target->portal, "comments_thread_show"), ==, 0);
}

static gboolean
cache_written (gpointer data)
{
  const char *dir = data;
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;
  gboolean json = FALSE;

  /* The atomic write's temporary file is gone and the cache is in place. */
  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      n++;
      json |= g_str_has_suffix (name, ".json");
    }
  return n == 1 && json;
}

static void
wait_for (gboolean (*done) (gpointer),
          gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_main_context_iteration (NULL, FALSE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

static char *
only_file (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);

  return g_build_filename (dir, g_dir_read_name (d), NULL);
}

/* Reopening shows the last inbox at once, with its age; offline it stays
 * as it was; a damaged cache is dropped without a word. */
static void
test_cache_offline (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CkanDataset) dataset = ckan_test_fixture_create_dataset (&f->base, CKAN_TEST_EDITOR, "cached", FALSE);
  g_autoptr(CkanComment) question = comment_on (f, CITIZEN, dataset, "¿Y el diccionario?", NULL);
  g_autoptr(PubAccount) account = NULL;
  g_autoptr(PubCommentInbox) inbox = NULL;
  g_autoptr(PubCommentInbox) reopened = NULL;
  g_autoptr(PubCommentInbox) damaged = NULL;
  g_autoptr(PubCommentInboxItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  approve_as_sysadmin (f, question);
  account = account_for (f, CKAN_TEST_EDITOR);
  inbox = pub_comment_inbox_new (account, f->cache_dir);
  g_assert_false (load_cache (inbox));
  g_assert_true (refresh (inbox, &error));
  wait_for (cache_written, f->cache_dir);
  g_clear_object (&inbox);
  path = only_file (f->cache_dir);

  /* The portal is gone: every call fails to connect. */
  ckan_client_set_max_attempts (pub_account_get_client (account), 1);
  pub_test_portal_inject_fault (f->base.target->portal, NULL, PUB_TEST_FAULT_CLOSE_AFTER_BYTES, 0, 1000);
  reopened = pub_comment_inbox_new (account, f->cache_dir);
  g_assert_true (load_cache (reopened));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reopened)), ==, 1);
  g_assert_nonnull (pub_comment_inbox_get_updated_at (reopened));
  item = g_list_model_get_item (G_LIST_MODEL (reopened), 0);
  g_assert_cmpstr (pub_comment_inbox_item_get_dataset_id (item), ==, ckan_dataset_get_id (dataset));
  g_assert_true (pub_comment_inbox_item_get_unanswered (item));
  g_assert_cmpuint (pub_comment_inbox_get_unanswered_count (reopened), ==, 1);
  g_assert_cmpstr (ckan_comment_get_content (pub_comment_inbox_item_get_last_comment (item)), ==, "¿Y el diccionario?");
  g_assert_false (refresh (reopened, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reopened)), ==, 1);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "{\"version\": 1, \"items\": [tr", -1, NULL));
  damaged = pub_comment_inbox_new (account, f->cache_dir);
  g_assert_false (load_cache (damaged));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (damaged)), ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A thread that fails is asked again; one that keeps failing is marked
 * while the others show. */
static void
test_failed_thread (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CkanDataset) one = ckan_test_fixture_create_dataset (&f->base, CKAN_TEST_EDITOR, "uno", FALSE);
  g_autoptr(CkanDataset) two = ckan_test_fixture_create_dataset (&f->base, CKAN_TEST_EDITOR, "dos", FALSE);
  g_autoptr(CkanComment) c1 = NULL, c2 = NULL;
  g_autoptr(PubAccount) account = NULL;
  g_autoptr(PubCommentInbox) inbox = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  PubTestPortal *portal = f->base.target->portal;
  guint loaded = 0, failed = 0;
  guint n_datasets, base;

  pub_test_portal_set_require_approval (f->base.target->portal, FALSE);
  c1 = comment_on (f, CKAN_TEST_MEMBER, one, "uno", NULL);
  c2 = comment_on (f, CKAN_TEST_MEMBER, two, "dos", NULL);
  account = account_for (f, CKAN_TEST_EDITOR);
  ckan_client_set_max_attempts (pub_account_get_client (account), 1);
  inbox = pub_comment_inbox_new (account, f->cache_dir);
  pub_comment_inbox_set_concurrency (inbox, 1);

  /* How many datasets the organization has: one call each. */
  g_assert_true (refresh (inbox, &error));
  n_datasets = pub_test_portal_get_call_count (portal, "comments_thread_show");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (inbox)), ==, 2);

  /* One failure: the second try brings it. */
  pub_test_portal_inject_fault (portal, "comments_thread_show", PUB_TEST_FAULT_HTTP_500_JSON, 0, 1);
  g_assert_true (refresh (inbox, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (inbox)), ==, 2);
  g_assert_cmpuint (pub_test_portal_get_call_count (portal, "comments_thread_show"), ==, 2 * n_datasets + 1);

  /* The first dataset asked (the latest modified: "dos") fails, and so
   * does its retry, which comes after every other: marked failed, keeping
   * its comments, while the other one loads. */
  base = pub_test_portal_get_call_count (portal, "comments_thread_show");
  pub_test_portal_inject_fault (portal, "comments_thread_show", PUB_TEST_FAULT_HTTP_500_JSON, 0, 1);
  pub_comment_inbox_refresh_async (inbox, NULL, ckan_test_wait_cb, &result);
  while (pub_test_portal_get_call_count (portal, "comments_thread_show") < base + n_datasets)
    g_main_context_iteration (NULL, TRUE);
  pub_test_portal_inject_fault (portal, "comments_thread_show", PUB_TEST_FAULT_HTTP_500_JSON, 0, 1);
  g_assert_true (pub_comment_inbox_refresh_finish (inbox, ckan_test_wait (&result), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (inbox)); i++)
    {
      g_autoptr(PubCommentInboxItem) item = g_list_model_get_item (G_LIST_MODEL (inbox), i);

      if (pub_comment_inbox_item_get_status (item) == PUB_COMMENT_INBOX_ITEM_FAILED)
        {
          failed++;
          g_assert_cmpstr (pub_comment_inbox_item_get_dataset_id (item), ==, ckan_dataset_get_id (two));
          g_assert_nonnull (pub_comment_inbox_item_get_thread (item));
        }
      else
        loaded++;
    }
  g_assert_cmpuint (failed, ==, 1);
  g_assert_cmpuint (loaded, ==, 1);
}

/* New comments from others raise "new-comments" on a later refresh, never
 * on the first; the background refresh waits while offline, and leaves
 * datasets that had no thread for later. */
static void
on_new_comments (PubCommentInbox     *inbox,
                 PubCommentInboxItem *item,
                 guint                n,
                 gpointer             user_data)
{
  *(guint *) user_data += n;
}

static gboolean
not_refreshing (gpointer data)
{
  return !pub_comment_inbox_get_refreshing (data);
}

static void
test_new_comments_and_offline (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(CkanDataset) dataset = ckan_test_fixture_create_dataset (&f->base, CKAN_TEST_EDITOR, "nuevo", FALSE);
  g_autoptr(CkanDataset) quiet = ckan_test_fixture_create_dataset (&f->base, CKAN_TEST_EDITOR, "callado", FALSE);
  g_autoptr(CkanComment) c1 = NULL, c2 = NULL, c3 = NULL;
  g_autoptr(PubAccount) account = NULL;
  g_autoptr(PubCommentInbox) inbox = NULL;
  g_autoptr(FakeMonitor) monitor = g_object_new (FAKE_TYPE_MONITOR, NULL);
  g_autoptr(GError) error = NULL;
  guint fresh = 0;
  guint calls;

  pub_test_portal_set_require_approval (f->base.target->portal, FALSE);
  c1 = comment_on (f, CKAN_TEST_MEMBER, dataset, "primero", NULL);
  account = account_for (f, CKAN_TEST_EDITOR);
  inbox = pub_comment_inbox_new (account, f->cache_dir);
  g_signal_connect (inbox, "new-comments", G_CALLBACK (on_new_comments), &fresh);
  g_assert_true (refresh (inbox, &error));
  g_assert_cmpuint (fresh, ==, 0);

  c2 = comment_on (f, CKAN_TEST_MEMBER, dataset, "segundo", NULL);
  /* A first comment where there was no thread: background refreshes look
   * there again only after a while. */
  c3 = comment_on (f, CKAN_TEST_MEMBER, quiet, "primero aquí", NULL);
  monitor->available = FALSE;
  pub_comment_inbox_set_auto_refresh (inbox, G_NETWORK_MONITOR (monitor), 3600);
  g_assert_true (pub_comment_inbox_get_paused (inbox));
  calls = pub_test_portal_get_call_count (f->base.target->portal, "status_show");

  /* Back online: it catches up at once. */
  monitor->available = TRUE;
  g_signal_emit_by_name (monitor, "network-changed", TRUE);
  g_assert_false (pub_comment_inbox_get_paused (inbox));
  g_assert_true (pub_comment_inbox_get_refreshing (inbox));
  wait_for (not_refreshing, inbox);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->base.target->portal, "status_show"), ==, calls + 1);
  g_assert_cmpuint (fresh, ==, 1);
  g_assert_null (pub_comment_inbox_find (inbox, ckan_dataset_get_id (quiet)));
  g_assert_nonnull (pub_comment_inbox_find (inbox, ckan_dataset_get_id (dataset)));

  /* Asked for by the person, every dataset is looked at. */
  g_assert_true (refresh (inbox, &error));
  g_assert_nonnull (pub_comment_inbox_find (inbox, ckan_dataset_get_id (quiet)));
  g_assert_cmpuint (fresh, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  gboolean real;

  g_test_init (&argc, &argv, NULL);
  install_fake_network_monitor ();
  real = g_getenv ("PUB_CKAN_URL") != NULL && *g_getenv ("PUB_CKAN_URL") != '\0';

#define ADD(path, func) g_test_add ("/core/comment-inbox/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("reply-leaves-unanswered", test_reply_leaves_unanswered);
  if (!real)
    {
      /* These steer the test portal (approval, plugins, faults). */
      ADD ("contents", test_contents);
      ADD ("draft-and-approve-refused", test_draft_and_approve_refused);
      ADD ("no-extension", test_no_extension);
      ADD ("cache-offline", test_cache_offline);
      ADD ("failed-thread", test_failed_thread);
      ADD ("new-comments-and-offline", test_new_comments_and_offline);
    }
#undef ADD

  return g_test_run ();
}
