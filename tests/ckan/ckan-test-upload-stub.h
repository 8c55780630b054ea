/* ckan-test-upload-stub.h: the server the upload tests send files to: it
 * checks the multipart body (whole or hashed as it streams), can read
 * slowly or hold the request, and answers by action name
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-client-private.h"
#include "ckan-test-stub.h"

G_BEGIN_DECLS

#define TOKEN "upload-test-token"

typedef enum {
  CHANGE_NONE,
  CHANGE_TRUNCATE,
  CHANGE_EDIT,
  CHANGE_DELETE,
  CHANGE_REPLACE,
} Change;

typedef struct {
  SoupServer *server;
  CkanClient *client;
  char       *dir;
  GHashTable *counts;          /* action -> completed requests */

  /* The request as the server saw it. */
  gboolean    streaming;       /* don't keep the body; hash the file part */
  goffset     content_length;
  goffset     received;
  gboolean    finished;
  char       *authorization;
  char       *api_key;
  GHashTable *parts;           /* name -> text value */
  char       *file_name;
  char       *file_type;
  char       *file_sha256;
  /* Streaming state. */
  GString    *preamble;
  gboolean    in_file;
  GByteArray *holdback;
  gsize       tail_len;
  char       *tail;
  GChecksum  *checksum;
  guint64     max_ahead;       /* file read by the client minus received */
  double      rate;            /* bytes a second the server reads, 0: all */
  gint64      start;
  guint64     read_at_start;
  /* The server stops reading at the first chunk until the client's first
   * progress report has been handled: whatever that report does (cancel,
   * change the file) then happens while the body is on its way, however
   * the two sides are scheduled. */
  gboolean    hold;
  gboolean    released;
  SoupServerMessage *held;

  /* The client side. */
  goffset     last_sent;
  goffset     last_total;
  guint       reports;
  gboolean    monotonic;
  Change      change;
  char       *path;
  GCancellable *cancel_on_progress;
  GCancellable *cancel_on_arrival;
} CkanTestUploadFixture;

/* For g_test_add (): a temporary folder, the server and a client with
 * TOKEN. */
void      ckan_test_upload_setup                (CkanTestUploadFixture *f,
                                                 gconstpointer          data);
void      ckan_test_upload_teardown             (CkanTestUploadFixture *f,
                                                 gconstpointer          data);
/* Writes `size` pseudo-random bytes to `name` in the folder (f->path);
 * returns the file's SHA-256. */
char     *ckan_test_upload_write_file           (CkanTestUploadFixture *f,
                                                 const char            *name,
                                                 goffset                size);
/* ckan_client_upload_async () of f->path run to its end, with progress
 * recorded in f (and f->change, f->cancel_on_progress applied). */
JsonNode *ckan_test_upload_sync                 (CkanTestUploadFixture *f,
                                                 const char            *action,
                                                 JsonObject            *fields,
                                                 const char            *filename,
                                                 GCancellable          *cancellable,
                                                 GError               **error);
/* Until the server has seen the request end (5 s at most). */
void      ckan_test_upload_wait_server_finished (CkanTestUploadFixture *f);

G_END_DECLS
