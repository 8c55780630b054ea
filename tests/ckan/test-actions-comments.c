/* test-actions-comments.c: ckanext-comments threads, replies and
 * moderation, against the test portal or a real CKAN
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "ckan-client-comments.h"
#include "ckan-client-private.h"
#include "ckan-test-target.h"

#define SYNC CKAN_TEST_SYNC

typedef struct {
  CkanTestFixture base;
  CkanDataset    *dataset;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  ckan_test_fixture_setup (&f->base, data);
  f->dataset = ckan_test_fixture_create_dataset (&f->base, CKAN_TEST_EDITOR, "comentarios", FALSE);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->dataset);
  ckan_test_fixture_teardown (&f->base, data);
}

static CkanComment *
comment (Fixture      *f,
         CkanTestRole  role,
         const char   *content,
         const char   *reply_to_id)
{
  CkanClient *client = f->base.clients[role];
  g_autoptr(GError) error = NULL;
  CkanComment *created;

  SYNC (created,
        ckan_client_comments_comment_create_async (client, ckan_dataset_get_id (f->dataset), "package",
                                                   content, reply_to_id, NULL, ckan_test_wait_cb, &_r),
        ckan_client_comments_comment_create_finish (client, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ckan_comment_get_content (created), ==, content);
  return created;
}

static CkanCommentThread *
show_thread (Fixture      *f,
             CkanTestRole  role)
{
  CkanClient *client = f->base.clients[role];
  g_autoptr(GError) error = NULL;
  CkanCommentThread *thread;

  SYNC (thread,
        ckan_client_comments_thread_show_async (client, ckan_dataset_get_id (f->dataset), "package",
                                                NULL, ckan_test_wait_cb, &_r),
        ckan_client_comments_thread_show_finish (client, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ckan_comment_thread_get_subject_id (thread), ==, ckan_dataset_get_id (f->dataset));
  return thread;
}

static gboolean
approve (Fixture      *f,
         CkanTestRole  role,
         const char   *id,
         GError      **error)
{
  CkanClient *client = f->base.clients[role];
  gboolean ok;

  SYNC (ok,
        ckan_client_comments_comment_approve_async (client, id, NULL, ckan_test_wait_cb, &_r),
        ckan_client_comments_comment_approve_finish (client, _r, error));
  return ok;
}

static void
test_no_thread_yet (Fixture       *f,
                    gconstpointer  data)
{
  CkanClient *client = f->base.clients[CKAN_TEST_EDITOR];
  g_autoptr(CkanCommentThread) thread = NULL;
  g_autoptr(GError) error = NULL;

  SYNC (thread,
        ckan_client_comments_thread_show_async (client, ckan_dataset_get_id (f->dataset), "package",
                                                NULL, ckan_test_wait_cb, &_r),
        ckan_client_comments_thread_show_finish (client, _r, &error));
  g_assert_null (thread);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND);
}

/* comments_thread_show goes as a POST (the extension refuses a GET) but is
 * a read: a proxy's 502 is asked again, as for any read. */
static void
test_thread_show_is_retried (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(CkanComment) first = comment (f, CKAN_TEST_EDITOR, "Primera", NULL);
  g_autoptr(CkanCommentThread) thread = NULL;
  PubTestPortal *portal = f->base.target->portal;
  guint before = pub_test_portal_get_call_count (portal, "comments_thread_show");

  ckan_client_set_retry_base_delay_ms (f->base.clients[CKAN_TEST_EDITOR], 10);
  pub_test_portal_inject_fault (portal, "comments_thread_show", PUB_TEST_FAULT_HTML_502, 0, 1);
  thread = show_thread (f, CKAN_TEST_EDITOR);
  g_assert_cmpuint (pub_test_portal_get_call_count (portal, "comments_thread_show"), ==, before + 2);
}

static void
test_thread_replies_and_moderation (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(CkanComment) question = comment (f, CKAN_TEST_MEMBER, "¿Hay datos de 2024?", NULL);
  g_autoptr(CkanComment) answer = NULL;
  g_autoptr(CkanCommentThread) public_before = NULL;
  g_autoptr(CkanCommentThread) full = NULL;
  g_autoptr(CkanCommentThread) public_after = NULL;
  g_autoptr(GError) error = NULL;
  CkanComment *top;
  CkanComment *reply;

  /* Moderation is on: new comments wait as drafts, unseen by the public. */
  g_assert_cmpstr (ckan_comment_get_state (question), ==, "draft");
  g_assert_false (ckan_comment_is_approved (question));
  public_before = show_thread (f, CKAN_TEST_ANONYMOUS);
  g_assert_cmpuint (ckan_comment_thread_count_comments (public_before), ==, 0);

  /* Only sysadmins moderate by default. */
  g_assert_false (approve (f, CKAN_TEST_ADMIN, ckan_comment_get_id (question), &error));
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION);
  g_clear_error (&error);
  g_assert_true (approve (f, CKAN_TEST_SYSADMIN, ckan_comment_get_id (question), &error));
  g_assert_no_error (error);

  /* A reply to an approved comment, in the same thread. */
  answer = comment (f, CKAN_TEST_EDITOR, "Sí, en el recurso 2.", ckan_comment_get_id (question));
  g_assert_cmpstr (ckan_comment_get_reply_to_id (answer), ==, ckan_comment_get_id (question));
  g_assert_cmpstr (ckan_comment_get_thread_id (answer), ==, ckan_comment_get_thread_id (question));

  full = show_thread (f, CKAN_TEST_SYSADMIN);
  g_assert_cmpuint (ckan_comment_thread_get_comments (full)->len, ==, 1);
  g_assert_cmpuint (ckan_comment_thread_count_comments (full), ==, 2);
  top = g_ptr_array_index (ckan_comment_thread_get_comments (full), 0);
  g_assert_cmpstr (ckan_comment_get_id (top), ==, ckan_comment_get_id (question));
  g_assert_true (ckan_comment_is_approved (top));
  g_assert_nonnull (ckan_comment_get_author (top));
  g_assert_cmpstr (ckan_user_get_name (ckan_comment_get_author (top)), ==, f->base.target->user_names[CKAN_TEST_MEMBER]);
  g_assert_cmpuint (ckan_comment_get_replies (top)->len, ==, 1);
  reply = g_ptr_array_index (ckan_comment_get_replies (top), 0);
  g_assert_cmpstr (ckan_comment_get_content (reply), ==, "Sí, en el recurso 2.");
  g_assert_false (ckan_comment_is_approved (reply));

  /* The public sees the approved question, not the draft answer. */
  public_after = show_thread (f, CKAN_TEST_ANONYMOUS);
  g_assert_cmpuint (ckan_comment_thread_get_comments (public_after)->len, ==, 1);
  g_assert_cmpuint (ckan_comment_thread_count_comments (public_after), ==, 1);
}

static void
test_update_and_delete (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CkanComment) first = comment (f, CKAN_TEST_MEMBER, "Primera versión", NULL);
  g_autoptr(CkanComment) other = comment (f, CKAN_TEST_MEMBER, "Otro", NULL);
  g_autoptr(CkanComment) updated = NULL;
  g_autoptr(CkanCommentThread) thread = NULL;
  g_autoptr(GError) error = NULL;
  CkanClient *member = f->base.clients[CKAN_TEST_MEMBER];
  CkanClient *sysadmin = f->base.clients[CKAN_TEST_SYSADMIN];
  CkanComment *remaining;
  gboolean ok;

  /* The author may still edit a draft. */
  SYNC (updated,
        ckan_client_comments_comment_update_async (member, ckan_comment_get_id (first), "Versión corregida",
                                                   NULL, ckan_test_wait_cb, &_r),
        ckan_client_comments_comment_update_finish (member, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ckan_comment_get_id (updated), ==, ckan_comment_get_id (first));
  g_assert_cmpstr (ckan_comment_get_content (updated), ==, "Versión corregida");

  SYNC (ok,
        ckan_client_comments_comment_delete_async (sysadmin, ckan_comment_get_id (other), NULL, ckan_test_wait_cb, &_r),
        ckan_client_comments_comment_delete_finish (sysadmin, _r, &error));
  g_assert_no_error (error);
  g_assert_true (ok);

  thread = show_thread (f, CKAN_TEST_SYSADMIN);
  g_assert_cmpuint (ckan_comment_thread_count_comments (thread), ==, 1);
  remaining = g_ptr_array_index (ckan_comment_thread_get_comments (thread), 0);
  g_assert_cmpstr (ckan_comment_get_content (remaining), ==, "Versión corregida");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ckan/actions/comments/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("no-thread-yet", test_no_thread_yet);
  ADD ("thread-replies-moderation", test_thread_replies_and_moderation);
  ADD ("update-and-delete", test_update_and_delete);
  /* Only the test portal can be told to fail. */
  if (g_getenv ("PUB_CKAN_URL") == NULL)
    ADD ("thread-show-retried", test_thread_show_is_retried);

  return g_test_run ();
}
