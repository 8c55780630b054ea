/* ckan-test-call-stub.h: the stub portal the call primitive's tests talk
 * to: it records each request and answers by action name (see
 * ckan-test-call-stub.c for the actions it knows)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-client-private.h"
#include "ckan-test-stub.h"

G_BEGIN_DECLS

#define TOKEN "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.secret-token-for-tests"

typedef struct {
  SoupServer *server;
  guint       port;          /* of http://127.0.0.1:port/ */
  char       *base_url;      /* ...:port/data/ */
  CkanClient *client;
  GHashTable *counts;        /* action -> number of requests */
  /* What the last request carried. */
  char       *method;
  char       *query;
  char       *authorization;
  char       *api_key;
  char       *cookie;
  char       *content_type;
  char       *user_agent;
  char       *body;
  GHashTable *params;
} CkanTestCallFixture;


/* For g_test_add (): the server and a client of .../data/ on it (retry
 * backoff 10 ms). */
void      ckan_test_call_setup    (CkanTestCallFixture *f,
                                   gconstpointer        data);
void      ckan_test_call_teardown (CkanTestCallFixture *f,
                                   gconstpointer        data);
/* Requests the server got for `action`. */
guint     ckan_test_call_count    (CkanTestCallFixture *f,
                                   const char          *action);
/* ckan_client_call_async () run to its end. */
JsonNode *ckan_test_call_sync     (CkanClient          *client,
                                   const char          *action,
                                   JsonObject          *params,
                                   CkanCallFlags        flags,
                                   GCancellable        *cancellable,
                                   GError             **error);

G_END_DECLS
