/* test-publish-job-faults.c: a fault at every portal call the publish job
 * makes, a lost answer after every write, and a draft that cannot be saved
 * (disk full); each time the job stops, says so, and a retry publishes
 * exactly once: no resource sent twice, none deleted that should stay
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include "../fake-network-monitor.h"
#include "pub-core-error.h"
#include "pub-draft-store-private.h"
#include "publish-job-fixture.h"

/* Where the draft must be for the faulted call to be made. */
typedef enum {
  FRESH,            /* nothing sent yet */
  SENT,             /* every file sent, the dataset still private */
  SENT_RENAMED,     /* then the second file renamed: resource_patch */
  SENT_FILE_CHANGED,/* then the first file rewritten: a resource_patch upload */
  SENT_REMOVED,     /* then the first file taken out: resource_delete */
  SENT_MOVED,       /* then the link moved first: package_resource_reorder */
} Prepare;

typedef struct
{
  const char   *action;
  PubTestFault  fault;
  Prepare       prepare;
  int           arm_after;  /* >= 0: faulted once the resource at this index is recorded */
  guint         calls;      /* calls of `action` by the end */
  guint         creates;    /* resource_create calls by the end */
  guint         deletes;    /* resource_delete calls by the end */
} FaultCase;

static FaultCase *armed;

static void
arm_fault (gpointer data)
{
  Fixture *f = data;

  pub_test_portal_inject_fault (f->portal, armed->action, armed->fault, 0, 1);
}

static void
prepare (Fixture         *f,
         const FaultCase *c)
{
  g_autoptr(PubDraftResource) first = g_list_model_get_item (pub_draft_get_resources (f->draft), 0);
  g_autoptr(PubDraftResource) second = g_list_model_get_item (pub_draft_get_resources (f->draft), 1);
  g_autoptr(PubDraftResource) link = g_list_model_get_item (pub_draft_get_resources (f->draft), 2);

  if (c->prepare == FRESH)
    return;
  publish_until_visibility (f);
  switch (c->prepare)
    {
    case SENT_RENAMED:
      pub_draft_resource_set_name (second, "Viviendas por comuna");
      break;
    case SENT_FILE_CHANGED:
      rewrite_first_file (f, 230 * 1024);
      break;
    case SENT_REMOVED:
      pub_draft_remove_resource (f->draft, first);
      break;
    case SENT_MOVED:
      pub_draft_move_resource (f->draft, link, 0);
      break;
    case FRESH:
    case SENT:
    default:
      break;
    }
}

static void
test_fault (Fixture       *f,
            gconstpointer  data)
{
  const FaultCase *c = data;
  g_autoptr(GError) error = NULL;
  guint before;

  prepare (f, c);
  before = pub_test_portal_get_call_count (f->portal, c->action);
  armed = (FaultCase *) c;
  if (c->arm_after >= 0)
    {
      f->after_index = (guint) c->arm_after;
      f->after_first = arm_fault;
    }
  else
    arm_fault (f);

  error = publish (f);
  /* The call was made, and its failure stopped the job with a message. */
  g_assert_nonnull (error);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, c->action), >, before);
  g_assert_cmpint (pub_draft_get_state (f->draft), ==, PUB_DRAFT_STATE_FAILED);
  g_assert_nonnull (pub_draft_get_last_error (f->draft));
  g_test_message ("%s: %s", c->action, pub_draft_get_last_error (f->draft));
  if (c->fault == PUB_TEST_FAULT_DROP_ANSWER)
    g_assert_error (error, CKAN_ERROR, CKAN_ERROR_NETWORK);

  g_clear_error (&error);
  error = publish (f);
  g_assert_no_error (error);
  f->expected_deletes = c->deletes;
  assert_published_once (f, c->creates);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, c->action), ==, c->calls);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==,
                    g_str_equal (c->action, "package_create") ? c->calls : 1);
}

/* The record of what goes next cannot reach the disk: the job stops before
 * the request it was for, with the store's message, and publishes once the
 * disk has room again. */
static void
fill_disk (gpointer data)
{
  Fixture *f = data;

  _pub_draft_store_fail_writes (f->store, ENOSPC, 1);
}

static void
assert_stopped_for_disk (Fixture *f,
                         GError  *error)
{
  g_assert_error (error, PUB_CORE_ERROR, PUB_CORE_ERROR_NO_SPACE);
  g_assert_cmpint (pub_draft_get_state (f->draft), ==, PUB_DRAFT_STATE_FAILED);
  g_assert_nonnull (strstr (pub_draft_get_last_error (f->draft), "disk is full"));
  g_test_message ("disk full: %s", pub_draft_get_last_error (f->draft));
}

static void
test_disk_full_before_create (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Nothing is written between here and the flush before package_create. */
  fill_disk (f);
  error = publish (f);
  assert_stopped_for_disk (f, error);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 0);
  g_assert_cmpuint (pub_test_portal_count_datasets (f->portal), ==, f->datasets_before);

  g_clear_error (&error);
  error = publish (f);
  g_assert_no_error (error);
  assert_published_once (f, 3);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 1);
}

static void
test_disk_full_between_files (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* The first file's id cannot be saved: the second must not go. */
  f->after_first = fill_disk;
  error = publish (f);
  assert_stopped_for_disk (f, error);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_create"), ==, 1);

  g_clear_error (&error);
  error = publish (f);
  g_assert_no_error (error);
  assert_published_once (f, 3);
}

/* A JSON 500, which the client never asks again (it retries reads that
 * got a proxy's 502 or 503 by itself). */
#define ERR PUB_TEST_FAULT_HTTP_500_JSON
#define LOST PUB_TEST_FAULT_DROP_ANSWER

static const FaultCase faults[] = {
  /* A fault at every call. */
  { "user_show", ERR, FRESH, -1, 2, 3, 0 },
  { "package_show", ERR, FRESH, -1, 2, 3, 0 },          /* by name */
  { "package_show", ERR, SENT, -1, 3, 3, 0 },           /* by id */
  { "package_create", ERR, FRESH, -1, 2, 3, 0 },
  { "resource_create", ERR, FRESH, -1, 4, 4, 0 },
  { "resource_patch", ERR, SENT_RENAMED, -1, 2, 3, 0 },
  { "resource_patch", ERR, SENT_FILE_CHANGED, -1, 2, 3, 0 },
  { "resource_delete", ERR, SENT_REMOVED, -1, 2, 3, 2 },
  { "package_resource_reorder", ERR, SENT_MOVED, -1, 2, 3, 0 },
  { "package_patch", ERR, SENT, -1, 3, 3, 0 },
  /* Every write done, its answer lost. */
  { "package_create", LOST, FRESH, -1, 1, 3, 0 },
  { "resource_create", LOST, FRESH, -1, 3, 3, 0 },      /* the first file */
  { "resource_create", LOST, FRESH, 1, 3, 3, 0 },       /* the link */
  { "resource_patch", LOST, SENT_RENAMED, -1, 1, 3, 0 },
  { "resource_patch", LOST, SENT_FILE_CHANGED, -1, 2, 3, 0 },
  { "resource_delete", LOST, SENT_REMOVED, -1, 1, 3, 1 },
  { "package_resource_reorder", LOST, SENT_MOVED, -1, 1, 3, 0 },
  { "package_patch", LOST, FRESH, -1, 2, 3, 0 },
};

static const char * const prepare_names[] = {
  "fresh", "sent", "renamed", "file-changed", "removed", "moved",
};

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  install_fake_network_monitor ();

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      const FaultCase *c = &faults[i];
      g_autofree char *path = g_strdup_printf ("/publish-job/%s/%s/%s%s",
                                               c->fault == LOST ? "answer-lost" : "fault",
                                               c->action, prepare_names[c->prepare],
                                               c->arm_after >= 0 ? "-link" : "");

      g_test_add (path, Fixture, c, fixture_setup, test_fault, fixture_teardown);
    }
  g_test_add ("/publish-job/disk-full/before-create", Fixture, NULL,
              fixture_setup, test_disk_full_before_create, fixture_teardown);
  g_test_add ("/publish-job/disk-full/between-files", Fixture, NULL,
              fixture_setup, test_disk_full_between_files, fixture_teardown);

  return g_test_run ();
}
