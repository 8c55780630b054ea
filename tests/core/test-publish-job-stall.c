/* test-publish-job-stall.c: a portal that stops answering is reported
 * while it lasts, and a failure says what is already on the portal
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../fake-network-monitor.h"
#include "publish-job-fixture.h"

typedef struct
{
  gboolean stalled_seen;
  guint    max_seconds;
  gboolean done;
  GError  *error;
} Watch;

static void
stalled_cb (PubPublishJob *job,
            GParamSpec    *pspec,
            Watch         *w)
{
  w->stalled_seen |= pub_publish_job_get_stalled (job);
  w->max_seconds = MAX (w->max_seconds, pub_publish_job_get_stalled_seconds (job));
  /* Said only while it lasts. */
  if (!pub_publish_job_get_stalled (job))
    g_assert_cmpuint (pub_publish_job_get_stalled_seconds (job), ==, 0);
}

static void
watched_run_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Watch *w = user_data;

  pub_publish_job_run_finish (PUB_PUBLISH_JOB (object), result, &w->error);
  w->done = TRUE;
}

static void
run_watched (Fixture       *f,
             PubPublishJob *job,
             Watch         *w)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_signal_connect (job, "notify::stalled", G_CALLBACK (stalled_cb), w);
  g_signal_connect (job, "notify::stalled-seconds", G_CALLBACK (stalled_cb), w);
  pub_publish_job_run_async (job, NULL, watched_run_cb, w);
  while (!w->done)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

/* The first upload's answer takes 1.5 s; with the silence allowed cut to
 * 0.2 s (10 s in the app), the job says it is stalled, counts the
 * seconds, and stops saying so when the portal answers. */
static void
test_stall_reported (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PubPublishJob) job = pub_publish_job_new (f->draft, f->client, f->store);
  Watch w = { 0 };

  g_assert_cmpuint (pub_publish_job_get_stall_timeout (job), ==, 10000);
  pub_publish_job_set_stall_timeout (job, 200);
  pub_test_portal_inject_fault (f->portal, "resource_create", PUB_TEST_FAULT_DELAY, 1500, 1);
  run_watched (f, job, &w);
  g_assert_no_error (w.error);
  g_assert_true (w.stalled_seen);
  g_assert_cmpuint (w.max_seconds, >=, 1);
  g_assert_false (pub_publish_job_get_stalled (job));
  assert_published_once (f, 3);
}

/* A portal that answers in time is never called silent. */
static void
test_no_stall (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PubPublishJob) job = pub_publish_job_new (f->draft, f->client, f->store);
  Watch w = { 0 };

  run_watched (f, job, &w);
  g_assert_no_error (w.error);
  g_assert_false (w.stalled_seen);
  assert_published_once (f, 3);
}

static void
fail_next_upload (gpointer fixture)
{
  Fixture *f = fixture;

  pub_test_portal_inject_fault (f->portal, "resource_create", PUB_TEST_FAULT_HTTP_500_JSON, 0, 1);
}

/* The second file fails: the sentence says what is already there. */
static void
test_failure_says_what_is_kept (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->after_first = fail_next_upload;
  error = publish (f);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (pub_draft_get_last_error (f->draft), "viviendas.csv"));
  g_assert_nonnull (strstr (pub_draft_get_last_error (f->draft),
                            "the dataset and 1 of 2 files are already on the portal"));

  g_clear_error (&error);
  error = publish (f);
  g_assert_no_error (error);
  /* The faulted create counts: four in all. */
  assert_published_once (f, 4);
}

static void
cancel_when_stalled (PubPublishJob *job,
                     GParamSpec    *pspec,
                     GCancellable  *cancellable)
{
  if (pub_publish_job_get_stalled (job))
    g_cancellable_cancel (cancellable);
}

/* Cancelled while the portal is silent about the first file, all of whose
 * bytes went: the client waits for that answer (so the new resource is
 * known, not duplicated later), and the sentence counts it. */
static void
test_cancel_says_what_is_kept (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(PubPublishJob) job = pub_publish_job_new (f->draft, f->client, f->store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Watch w = { 0 };
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  pub_publish_job_set_stall_timeout (job, 200);
  pub_test_portal_inject_fault (f->portal, "resource_create", PUB_TEST_FAULT_DELAY, 5000, 1);
  g_signal_connect (job, "notify::stalled", G_CALLBACK (cancel_when_stalled), cancellable);
  pub_publish_job_run_async (job, cancellable, watched_run_cb, &w);
  while (!w.done)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  g_assert_nonnull (w.error);
  g_clear_error (&w.error);
  g_assert_cmpstr (pub_draft_get_last_error (f->draft), ==,
                   "Publishing was cancelled before it finished; "
                   "the dataset and 1 of 2 files are already on the portal.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  install_fake_network_monitor ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/publish-job/stall-reported", test_stall_reported);
  ADD ("/publish-job/no-stall", test_no_stall);
  ADD ("/publish-job/failure-says-what-is-kept", test_failure_says_what_is_kept);
  ADD ("/publish-job/cancel-says-what-is-kept", test_cancel_says_what_is_kept);
#undef ADD

  return g_test_run ();
}
