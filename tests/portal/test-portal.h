/* test-portal.h: a CKAN-compatible portal in memory, for tests and demos
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define PUB_TYPE_TEST_PORTAL (pub_test_portal_get_type ())

/* The sysadmin token xloader_status leaks in task_info.api_key, as CKAN
 * 2.11 does: clients must never keep it. */
#define PUB_TEST_PORTAL_XLOADER_API_KEY "xloader-sysadmin-token-never-kept"

G_DECLARE_FINAL_TYPE (PubTestPortal, pub_test_portal, PUB, TEST_PORTAL, GObject)

typedef enum {
  PUB_TEST_FAULT_NONE,
  PUB_TEST_FAULT_HTTP_500_JSON,     /* Internal Server Error envelope */
  PUB_TEST_FAULT_HTML_502,          /* a proxy's Bad Gateway page */
  PUB_TEST_FAULT_HTML_413,          /* a proxy's Request Entity Too Large page,
                                     * before the body is read */
  PUB_TEST_FAULT_HTML_200,          /* a captive portal answering 200 HTML */
  PUB_TEST_FAULT_RATE_LIMIT_429,    /* HTML 429 with Retry-After: `value` s (0: 1) */
  PUB_TEST_FAULT_UNAVAILABLE_503,   /* HTML 503 with Retry-After: `value` s (0: 1) */
  PUB_TEST_FAULT_DELAY,             /* answer normally after `value` ms */
  PUB_TEST_FAULT_CLOSE_AFTER_BYTES, /* close the connection after `value` body bytes */
  PUB_TEST_FAULT_DROP_ANSWER,       /* do the action and keep what it did, then close
                                     * the connection before answering: a lost answer */
} PubTestFault;

/* fixture: a JSON file (tests/portal/fixture.json); NULL for the default. */
PubTestPortal *pub_test_portal_new          (const char    *fixture_path,
                                             GError       **error);
/* Listens on 127.0.0.1 on `port` (0: any free port). */
gboolean       pub_test_portal_listen       (PubTestPortal *self,
                                             guint          port,
                                             GError       **error);
/* "http://127.0.0.1:PORT" (plus an optional path prefix, see set_prefix). */
const char    *pub_test_portal_get_url      (PubTestPortal *self);
void           pub_test_portal_set_prefix   (PubTestPortal *self,
                                             const char    *prefix);
/* The token of a fixture user ("admin", "editor", "member", "outsider",
 * "sysadmin"). */
const char    *pub_test_portal_get_token    (PubTestPortal *self,
                                             const char    *user_name);
void           pub_test_portal_revoke_token (PubTestPortal *self,
                                             const char    *token);
/* The next `times` calls of `action` (NULL: any) fail with `fault`. */
void           pub_test_portal_inject_fault (PubTestPortal *self,
                                             const char    *action,
                                             PubTestFault   fault,
                                             guint          value,
                                             guint          times);
void           pub_test_portal_set_max_upload (PubTestPortal *self,
                                             goffset        bytes);
/* Calls received of an action (GET or POST, faulted ones included). */
guint          pub_test_portal_get_call_count (PubTestPortal *self,
                                             const char    *action);
/* The stored state, for assertions: the dataset as package_show would return
 * it to a sysadmin (deleted ones too), or NULL. count_datasets: those not
 * deleted. */
JsonObject    *pub_test_portal_dup_dataset  (PubTestPortal *self,
                                             const char    *id_or_name);
guint          pub_test_portal_count_datasets (PubTestPortal *self);
/* The bytes stored for an uploaded resource. */
GBytes        *pub_test_portal_dup_upload   (PubTestPortal *self,
                                             const char    *resource_id);

/* Added API (beyond the first draft above). */
void           pub_test_portal_clear_faults (PubTestPortal *self);
/* ckanext.comments.require_approval (default TRUE, or the fixture's). */
void           pub_test_portal_set_require_approval (PubTestPortal *self,
                                             gboolean       require);
/* Enforce the scheming schema's required fields (title, notes, author,
 * author_email, license_id, tags, private for the fixture's datos.gob.cl-like
 * schema), as the real portal does. Default: the fixture's
 * "scheming_required" (FALSE in tests/portal/fixture.json). */
void           pub_test_portal_set_strict_schema (PubTestPortal *self,
                                             gboolean       strict);
/* The language of error messages: "en" (default, or the fixture's
 * "locale_default") or "es", as datos.gob.cl answers. Clients must branch
 * on __type and field keys, never on the text. */
void           pub_test_portal_set_locale   (PubTestPortal *self,
                                             const char    *locale);
/* Background jobs (validation, xloader) start ("running") this long after
 * they were queued and finish this long after that; 0 (the default): on
 * the next main loop iterations. */
void           pub_test_portal_set_job_delay (PubTestPortal *self,
                                             guint          msec);
/* The next validation job breaks (ckanext-validation's job catches the
 * exception): status "error", error {"message": message}, no report. */
void           pub_test_portal_fail_next_validation (PubTestPortal *self,
                                             const char    *message);
/* Turns a plugin of status_show's `extensions` on or off; its actions
 * come and go with it ("datastore", "xloader", "datapusher", "validation",
 * "comments", "activity", "scheming_datasets"). */
void           pub_test_portal_set_extension (PubTestPortal *self,
                                             const char    *name,
                                             gboolean       enabled);
/* Where an uploaded resource's bytes are stored on disk, or NULL. */
const char    *pub_test_portal_get_upload_path (PubTestPortal *self,
                                             const char    *resource_id);
/* Ids of fixture users and organizations, by name. */
const char    *pub_test_portal_get_user_id  (PubTestPortal *self,
                                             const char    *user_name);
const char    *pub_test_portal_get_org_id   (PubTestPortal *self,
                                             const char    *org_name);
/* Request bodies being received or parsed right now (multipart uploads
 * spooled to disk); 0 once every upload has finished or was dropped. */
guint          pub_test_portal_count_pending_uploads (PubTestPortal *self);

/* Adds `n` datasets to the organization `org_name`, spread as a real
 * organization's are (about 70 % public, 20 % private, 10 % drafts; most
 * with a frequency, some with none or one the app does not know; changes
 * over the last two years; 0 to 3 resources of common formats), created by
 * "editor" and "admin" in turn. The same seed gives the same datasets.
 * Returns how many were added. */
guint          pub_test_portal_seed_datasets (PubTestPortal *self,
                                             const char    *org_name,
                                             guint          n,
                                             guint32        seed);
/* FALSE answers package_search as CKAN before 2.9 did: include_drafts is
 * an unknown parameter (400 Search Query Error). Default TRUE. */
void           pub_test_portal_set_drafts_supported (PubTestPortal *self,
                                             gboolean       supported);

G_END_DECLS
