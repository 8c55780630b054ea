/* ckan-test-target.h: where the action tests run, the in-process test
 * portal or a real CKAN given by the environment
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-client-datasets.h"
#include "ckan-client.h"
#include "ckan-error.h"
#include "test-portal.h"

G_BEGIN_DECLS

typedef enum {
  CKAN_TEST_SYSADMIN,
  CKAN_TEST_ADMIN,      /* admin of `org` */
  CKAN_TEST_EDITOR,     /* editor of `org` */
  CKAN_TEST_MEMBER,     /* member of `org` */
  CKAN_TEST_ANONYMOUS,
  CKAN_TEST_N_ROLES,
} CkanTestRole;

/* The same assertions run against both: PUB_CKAN_URL set (with
 * PUB_CKAN_TOKEN_SYSADMIN/_ADMIN/_EDITOR/_MEMBER, PUB_CKAN_USER_*,
 * PUB_CKAN_ORG, PUB_CKAN_ORG_OTHER, as build-aux/ckan-stack/ gives them)
 * selects a real CKAN; otherwise a PubTestPortal is started in-process. */
typedef struct {
  PubTestPortal *portal;                      /* NULL on a real CKAN */
  char          *url;
  char          *tokens[CKAN_TEST_N_ROLES];   /* the token never gets logged */
  char          *user_names[CKAN_TEST_N_ROLES];
  char          *org;                         /* admin, editor and member are in it */
  char          *other_org;                   /* the editor has no role in it */
} CkanTestTarget;

CkanTestTarget *ckan_test_target_new          (void);
void            ckan_test_target_free         (CkanTestTarget *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CkanTestTarget, ckan_test_target_free)

gboolean        ckan_test_target_is_real      (CkanTestTarget *self);
CkanClient     *ckan_test_target_new_client   (CkanTestTarget *self,
                                               CkanTestRole    role);
/* A name no other test run uses: "pub-test-<prefix>-<random>". */
char           *ckan_test_target_unique_name  (const char     *prefix);
/* Fields of a dataset every target accepts (datos.gob.cl's scheming form
 * requires notes, author, author_email, license and tags). */
JsonObject     *ckan_test_target_dataset_fields (CkanTestTarget *self,
                                                 const char     *name,
                                                 gboolean        private_);

/* Runs async_call (which passes ckan_test_wait_cb, &_r) to completion and
 * stores finish_call (which reads _r) in out. */
#define CKAN_TEST_SYNC(out, async_call, finish_call) \
  G_STMT_START { \
    g_autoptr(GAsyncResult) _r = NULL; \
    async_call; \
    ckan_test_wait (&_r); \
    out = finish_call; \
  } G_STMT_END

/* package_create of ckan_test_target_dataset_fields with a unique name;
 * asserts success. */
CkanDataset    *ckan_test_create_dataset      (CkanTestTarget *self,
                                               CkanClient     *client,
                                               const char     *prefix,
                                               gboolean        private_);
/* package_show. */
CkanDataset    *ckan_test_show_dataset        (CkanClient     *client,
                                               const char     *id,
                                               GError        **error);

/* package_patch with the changes given as JSON text; asserts success. */
CkanDataset    *ckan_test_patch_dataset       (CkanClient     *client,
                                               const char     *id,
                                               const char     *json);

/* Runs the default main context until the callback given as
 * ckan_test_wait_cb with &result has been called. */
void            ckan_test_wait_cb             (GObject        *source,
                                               GAsyncResult   *result,
                                               gpointer        user_data);
GAsyncResult   *ckan_test_wait                (GAsyncResult  **result);

/* Runs the default main context for `msec` (the in-process portal's
 * background jobs run meanwhile). */
void            ckan_test_sleep               (guint           msec);

/* The fixture of the action tests: a target and a client for each role. */
typedef struct {
  CkanTestTarget *target;
  CkanClient     *clients[CKAN_TEST_N_ROLES];
} CkanTestFixture;

void            ckan_test_fixture_setup       (CkanTestFixture *f,
                                               gconstpointer    data);
void            ckan_test_fixture_teardown    (CkanTestFixture *f,
                                               gconstpointer    data);
/* ckan_test_create_dataset, _show_dataset and _patch_dataset with the
 * client of `role`. */
CkanDataset    *ckan_test_fixture_create_dataset (CkanTestFixture *f,
                                                  CkanTestRole     role,
                                                  const char      *prefix,
                                                  gboolean         private_);
CkanDataset    *ckan_test_fixture_show_dataset   (CkanTestFixture *f,
                                                  CkanTestRole     role,
                                                  const char      *id,
                                                  GError         **error);
CkanDataset    *ckan_test_fixture_patch_dataset  (CkanTestFixture *f,
                                                  CkanTestRole     role,
                                                  const char      *id,
                                                  const char      *json);

/* The first message for `field` of a validation error, or NULL. */
const char     *ckan_test_field_message       (const GError   *error,
                                               const char     *field);

G_END_DECLS
