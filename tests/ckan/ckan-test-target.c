/* ckan-test-target.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-test-target.h"

static const char * const role_names[CKAN_TEST_N_ROLES] = {
  [CKAN_TEST_SYSADMIN] = "sysadmin",
  [CKAN_TEST_ADMIN] = "admin",
  [CKAN_TEST_EDITOR] = "editor",
  [CKAN_TEST_MEMBER] = "member",
  [CKAN_TEST_ANONYMOUS] = NULL,
};

static const char * const role_env[CKAN_TEST_N_ROLES] = {
  [CKAN_TEST_SYSADMIN] = "SYSADMIN",
  [CKAN_TEST_ADMIN] = "ADMIN",
  [CKAN_TEST_EDITOR] = "EDITOR",
  [CKAN_TEST_MEMBER] = "MEMBER",
  [CKAN_TEST_ANONYMOUS] = NULL,
};

static void
init_real (CkanTestTarget *self)
{
  self->url = g_strdup (g_getenv ("PUB_CKAN_URL"));
  self->org = g_strdup (g_getenv ("PUB_CKAN_ORG"));
  self->other_org = g_strdup (g_getenv ("PUB_CKAN_ORG_OTHER"));
  g_assert_nonnull (self->org);
  g_assert_nonnull (self->other_org);

  for (guint role = 0; role < CKAN_TEST_ANONYMOUS; role++)
    {
      g_autofree char *token_var = g_strconcat ("PUB_CKAN_TOKEN_", role_env[role], NULL);
      g_autofree char *user_var = g_strconcat ("PUB_CKAN_USER_", role_env[role], NULL);

      self->tokens[role] = g_strdup (g_getenv (token_var));
      self->user_names[role] = g_strdup (g_getenv (user_var));
      if (self->tokens[role] == NULL || self->user_names[role] == NULL)
        g_error ("PUB_CKAN_URL is set but %s or %s is not", token_var, user_var);
    }
}

static void
init_portal (CkanTestTarget *self)
{
  g_autoptr(GError) error = NULL;

  self->portal = pub_test_portal_new (NULL, &error);
  g_assert_no_error (error);
  pub_test_portal_listen (self->portal, 0, &error);
  g_assert_no_error (error);

  self->url = g_strdup (pub_test_portal_get_url (self->portal));
  self->org = g_strdup ("ministerio-de-prueba");
  self->other_org = g_strdup ("servicio-de-ejemplo");
  for (guint role = 0; role < CKAN_TEST_ANONYMOUS; role++)
    {
      self->tokens[role] = g_strdup (pub_test_portal_get_token (self->portal, role_names[role]));
      self->user_names[role] = g_strdup (role_names[role]);
      g_assert_nonnull (self->tokens[role]);
    }
}

CkanTestTarget *
ckan_test_target_new (void)
{
  CkanTestTarget *self = g_new0 (CkanTestTarget, 1);

  if (g_getenv ("PUB_CKAN_URL") != NULL && *g_getenv ("PUB_CKAN_URL") != '\0')
    init_real (self);
  else if (g_getenv ("PUB_CKAN_REQUIRED") != NULL)
    g_error ("The integration suite needs a real CKAN: run it through "
             "build-aux/ckan-stack/run-with-stack.sh (PUB_CKAN_URL is not set)");
  else
    init_portal (self);
  return self;
}

void
ckan_test_target_free (CkanTestTarget *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->portal);
  g_free (self->url);
  g_free (self->org);
  g_free (self->other_org);
  for (guint role = 0; role < CKAN_TEST_N_ROLES; role++)
    {
      g_free (self->tokens[role]);
      g_free (self->user_names[role]);
    }
  g_free (self);
}

gboolean
ckan_test_target_is_real (CkanTestTarget *self)
{
  return self->portal == NULL;
}

CkanClient *
ckan_test_target_new_client (CkanTestTarget *self,
                             CkanTestRole    role)
{
  g_autoptr(GError) error = NULL;
  CkanClient *client = ckan_client_new (self->url, FALSE, &error);

  g_assert_no_error (error);
  if (role != CKAN_TEST_ANONYMOUS)
    ckan_client_set_token (client, self->tokens[role]);
  return client;
}

char *
ckan_test_target_unique_name (const char *prefix)
{
  return g_strdup_printf ("pub-test-%s-%08x", prefix, g_random_int ());
}

JsonObject *
ckan_test_target_dataset_fields (CkanTestTarget *self,
                                 const char     *name,
                                 gboolean        private_)
{
  JsonObject *fields = json_object_new ();
  JsonArray *tags = json_array_new ();
  JsonObject *tag = json_object_new ();

  json_object_set_string_member (fields, "name", name);
  json_object_set_string_member (fields, "title", "Conjunto de prueba de Publicador");
  json_object_set_string_member (fields, "notes", "Creado por las pruebas de acciones.");
  json_object_set_string_member (fields, "author", "Pruebas");
  json_object_set_string_member (fields, "author_email", "pruebas@example.org");
  json_object_set_string_member (fields, "license_id", "cc-by");
  json_object_set_string_member (fields, "owner_org", self->org);
  json_object_set_boolean_member (fields, "private", private_);
  json_object_set_string_member (tag, "name", "prueba");
  json_array_add_object_element (tags, tag);
  json_object_set_array_member (fields, "tags", tags);
  return fields;
}

void
ckan_test_wait_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

GAsyncResult *
ckan_test_wait (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static gboolean
flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
ckan_test_sleep (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

const char *
ckan_test_field_message (const GError *error,
                         const char   *field)
{
  JsonObject *fields = ckan_error_get_fields (error);
  JsonNode *node;

  if (fields == NULL)
    return NULL;
  node = json_object_get_member (fields, field);
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    {
      JsonNode *first = json_array_get_element (json_node_get_array (node), 0);

      return JSON_NODE_HOLDS_VALUE (first) ? json_node_get_string (first) : NULL;
    }
  if (JSON_NODE_HOLDS_VALUE (node))
    return json_node_get_string (node);
  return NULL;
}

CkanDataset *
ckan_test_create_dataset (CkanTestTarget *self,
                          CkanClient     *client,
                          const char     *prefix,
                          gboolean        private_)
{
  g_autofree char *name = ckan_test_target_unique_name (prefix);
  g_autoptr(JsonObject) fields = ckan_test_target_dataset_fields (self, name, private_);
  g_autoptr(GError) error = NULL;
  CkanDataset *dataset;

  CKAN_TEST_SYNC (dataset,
                  ckan_client_package_create_async (client, fields, NULL, ckan_test_wait_cb, &_r),
                  ckan_client_package_create_finish (client, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ckan_dataset_get_name (dataset), ==, name);
  return dataset;
}

CkanDataset *
ckan_test_show_dataset (CkanClient  *client,
                        const char  *id,
                        GError     **error)
{
  CkanDataset *dataset;

  CKAN_TEST_SYNC (dataset,
                  ckan_client_package_show_async (client, id, NULL, ckan_test_wait_cb, &_r),
                  ckan_client_package_show_finish (client, _r, error));
  return dataset;
}

CkanDataset *
ckan_test_patch_dataset (CkanClient *client,
                         const char *id,
                         const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  CkanDataset *dataset;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  CKAN_TEST_SYNC (dataset,
                  ckan_client_package_patch_async (client, id, json_node_get_object (json_parser_get_root (parser)),
                                                   NULL, ckan_test_wait_cb, &_r),
                  ckan_client_package_patch_finish (client, _r, &error));
  g_assert_no_error (error);
  return dataset;
}

void
ckan_test_fixture_setup (CkanTestFixture *f,
                         gconstpointer    data)
{
  f->target = ckan_test_target_new ();
  for (guint role = 0; role < CKAN_TEST_N_ROLES; role++)
    f->clients[role] = ckan_test_target_new_client (f->target, role);
}

void
ckan_test_fixture_teardown (CkanTestFixture *f,
                            gconstpointer    data)
{
  for (guint role = 0; role < CKAN_TEST_N_ROLES; role++)
    g_clear_object (&f->clients[role]);
  g_clear_pointer (&f->target, ckan_test_target_free);
}

CkanDataset *
ckan_test_fixture_create_dataset (CkanTestFixture *f,
                                  CkanTestRole     role,
                                  const char      *prefix,
                                  gboolean         private_)
{
  return ckan_test_create_dataset (f->target, f->clients[role], prefix, private_);
}

CkanDataset *
ckan_test_fixture_show_dataset (CkanTestFixture *f,
                                CkanTestRole     role,
                                const char      *id,
                                GError         **error)
{
  return ckan_test_show_dataset (f->clients[role], id, error);
}

CkanDataset *
ckan_test_fixture_patch_dataset (CkanTestFixture *f,
                                 CkanTestRole     role,
                                 const char      *id,
                                 const char      *json)
{
  return ckan_test_patch_dataset (f->clients[role], id, json);
}
