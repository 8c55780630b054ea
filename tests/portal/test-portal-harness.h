/* test-portal-harness.h: plain libsoup requests to the test portal, for its
 * own tests
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "test-portal.h"

G_BEGIN_DECLS

typedef struct {
  PubTestPortal *portal;
  SoupSession *session;
} Fixture;

typedef struct {
  guint status;
  char *content_type;
  GBytes *body;
  JsonNode *json;          /* NULL when the body is not JSON */
  GError *error;           /* a transport error */
  SoupMessageHeaders *headers;
} Reply;

void        fixture_set_up      (Fixture       *f,
                                 gconstpointer  data);
void        fixture_tear_down   (Fixture       *f,
                                 gconstpointer  data);

void        reply_free          (Reply         *reply);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, reply_free)

/* POST a JSON body (a printf format) as `user` (NULL: anonymous). */
Reply      *call_post           (Fixture       *f,
                                 const char    *user,
                                 const char    *action,
                                 const char    *format,
                                 ...) G_GNUC_PRINTF (4, 5);
/* GET with a query string (may be NULL). */
Reply      *call_get            (Fixture       *f,
                                 const char    *user,
                                 const char    *action,
                                 const char    *query);
/* Any method, any body, any URL path below the portal. */
Reply      *call_raw            (Fixture       *f,
                                 const char    *method,
                                 const char    *path,
                                 const char    *content_type,
                                 GBytes        *body,
                                 const char    *token);
/* GET with one extra request header (e.g. X-CKAN-API-Key). */
Reply      *call_get_header     (Fixture       *f,
                                 const char    *action,
                                 const char    *query,
                                 const char    *header,
                                 const char    *value);
/* multipart/form-data: `fields` (NULL-terminated name, value pairs) and an
 * "upload" part with `filename` and `content` when content is not NULL. */
Reply      *call_multipart      (Fixture       *f,
                                 const char    *user,
                                 const char    *action,
                                 const char    *filename,
                                 GBytes        *content,
                                 const char    *const *fields);

/* The envelope, asserting success / failure. */
JsonObject *reply_result_object (Reply         *reply);
JsonArray  *reply_result_array  (Reply         *reply);
void        reply_result_null   (Reply         *reply);
/* The error object, asserting the status and __type. */
JsonObject *reply_error         (Reply         *reply,
                                 guint          status,
                                 const char    *type);
/* The first message of a Validation Error field. */
const char *reply_field_message (Reply         *reply,
                                 const char    *field);

/* error.message */
const char *reply_error_message (Reply         *reply,
                                 guint          status,
                                 const char    *type);
/* Runs the main context until nothing is pending (queued jobs ran). */
void        run_pending         (void);
/* Runs the main context for `msec` milliseconds. */
void        wait_ms             (guint          msec);

/* Creates a dataset as `user` and returns its id (asserts success). */
char       *create_dataset      (Fixture       *f,
                                 const char    *user,
                                 const char    *name,
                                 const char    *extra_json);

G_END_DECLS
