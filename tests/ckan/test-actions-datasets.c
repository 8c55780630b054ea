/* test-actions-datasets.c: dataset, user and portal actions against the
 * test portal or a real CKAN (see ckan-test-target.h)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "ckan-client-datasets.h"
#include "ckan-test-target.h"

#define SYNC CKAN_TEST_SYNC

typedef CkanTestFixture Fixture;

static CkanCapabilities *
get_capabilities (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CkanClient *client = f->clients[CKAN_TEST_ANONYMOUS];
  CkanCapabilities *caps;

  SYNC (caps,
        ckan_client_status_show_async (client, NULL, ckan_test_wait_cb, &_r),
        ckan_client_status_show_finish (client, _r, &error));
  g_assert_no_error (error);
  return caps;
}

static void
test_who_am_i (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanUser) editor = NULL;
  g_autoptr(CkanUser) sysadmin = NULL;
  g_autoptr(CkanUser) nobody = NULL;
  CkanClient *client;

  client = f->clients[CKAN_TEST_EDITOR];
  SYNC (editor,
        ckan_client_user_show_async (client, NULL, NULL, ckan_test_wait_cb, &_r),
        ckan_client_user_show_finish (client, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ckan_user_get_name (editor), ==, f->target->user_names[CKAN_TEST_EDITOR]);
  g_assert_nonnull (ckan_user_get_id (editor));
  g_assert_false (ckan_user_get_sysadmin (editor));
  /* Only the token's owner sees the e-mail. */
  g_assert_nonnull (ckan_user_get_email (editor));

  client = f->clients[CKAN_TEST_SYSADMIN];
  SYNC (sysadmin,
        ckan_client_user_show_async (client, NULL, NULL, ckan_test_wait_cb, &_r),
        ckan_client_user_show_finish (client, _r, &error));
  g_assert_no_error (error);
  g_assert_true (ckan_user_get_sysadmin (sysadmin));

  client = f->clients[CKAN_TEST_ANONYMOUS];
  SYNC (nobody,
        ckan_client_user_show_async (client, NULL, NULL, ckan_test_wait_cb, &_r),
        ckan_client_user_show_finish (client, _r, &error));
  g_assert_null (nobody);
  g_assert_true (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND) ||
                 g_error_matches (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION));
}

static CkanOrganization *
find_org (GPtrArray  *orgs,
          const char *name)
{
  for (guint i = 0; i < orgs->len; i++)
    if (g_strcmp0 (ckan_organization_get_name (g_ptr_array_index (orgs, i)), name) == 0)
      return g_ptr_array_index (orgs, i);
  return NULL;
}

static void
test_organizations_for_user (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) editor_orgs = NULL;
  g_autoptr(GPtrArray) member_orgs = NULL;
  g_autoptr(GPtrArray) admin_orgs = NULL;
  CkanOrganization *org;
  CkanClient *client;

  client = f->clients[CKAN_TEST_EDITOR];
  SYNC (editor_orgs,
        ckan_client_organization_list_for_user_async (client, NULL, "create_dataset", NULL, ckan_test_wait_cb, &_r),
        ckan_client_organization_list_for_user_finish (client, _r, &error));
  g_assert_no_error (error);
  org = find_org (editor_orgs, f->target->org);
  g_assert_nonnull (org);
  g_assert_cmpstr (ckan_organization_get_capacity (org), ==, "editor");
  g_assert_true (ckan_organization_can_publish (org));
  g_assert_null (find_org (editor_orgs, f->target->other_org));

  /* A member may read private datasets but not publish. */
  client = f->clients[CKAN_TEST_MEMBER];
  SYNC (member_orgs,
        ckan_client_organization_list_for_user_async (client, NULL, "create_dataset", NULL, ckan_test_wait_cb, &_r),
        ckan_client_organization_list_for_user_finish (client, _r, &error));
  g_assert_no_error (error);
  g_assert_null (find_org (member_orgs, f->target->org));

  client = f->clients[CKAN_TEST_ADMIN];
  SYNC (admin_orgs,
        ckan_client_organization_list_for_user_async (client, NULL, "manage_group", NULL, ckan_test_wait_cb, &_r),
        ckan_client_organization_list_for_user_finish (client, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ckan_organization_get_capacity (find_org (admin_orgs, f->target->org)), ==, "admin");
}

static void
test_licenses (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) licenses = NULL;
  CkanClient *client = f->clients[CKAN_TEST_ANONYMOUS];
  CkanLicense *cc_by = NULL;

  SYNC (licenses,
        ckan_client_license_list_async (client, NULL, ckan_test_wait_cb, &_r),
        ckan_client_license_list_finish (client, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (licenses->len, >, 3);
  for (guint i = 0; i < licenses->len; i++)
    if (g_strcmp0 (ckan_license_get_id (g_ptr_array_index (licenses, i)), "cc-by") == 0)
      cc_by = g_ptr_array_index (licenses, i);
  g_assert_nonnull (cc_by);
  g_assert_nonnull (ckan_license_get_title (cc_by));
  g_assert_true (ckan_license_is_open (cc_by));
}

static void
test_create_private_then_public (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(CkanDataset) created = ckan_test_fixture_create_dataset (f, CKAN_TEST_EDITOR, "visibilidad", TRUE);
  g_autoptr(CkanDataset) hidden = NULL;
  g_autoptr(CkanDataset) seen_by_member = NULL;
  g_autoptr(CkanDataset) patched = NULL;
  g_autoptr(CkanDataset) visible = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = ckan_dataset_get_id (created);

  g_assert_true (ckan_dataset_get_private (created));
  g_assert_cmpstr (ckan_dataset_get_state (created), ==, "active");
  g_assert_cmpstr (ckan_dataset_get_tags (created)[0], ==, "prueba");
  g_assert_nonnull (ckan_dataset_get_metadata_created (created));

  hidden = ckan_test_fixture_show_dataset (f, CKAN_TEST_ANONYMOUS, id, &error);
  g_assert_null (hidden);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION);
  g_assert_cmpuint (ckan_error_get_status (error), ==, 403);
  g_clear_error (&error);

  seen_by_member = ckan_test_fixture_show_dataset (f, CKAN_TEST_MEMBER, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ckan_dataset_get_id (seen_by_member), ==, id);

  patched = ckan_test_fixture_patch_dataset (f, CKAN_TEST_EDITOR, id, "{\"private\": false}");
  g_assert_false (ckan_dataset_get_private (patched));
  /* A patch merges: what it did not name stays. */
  g_assert_cmpstr (ckan_dataset_get_notes (patched), ==, "Creado por las pruebas de acciones.");

  visible = ckan_test_fixture_show_dataset (f, CKAN_TEST_ANONYMOUS, id, &error);
  g_assert_no_error (error);
  g_assert_false (ckan_dataset_get_private (visible));
}

static void
test_name_rules (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(CkanDataset) existing = ckan_test_fixture_create_dataset (f, CKAN_TEST_EDITOR, "nombre", TRUE);
  g_autofree char *too_long = g_strnfill (101, 'a');
  const struct {
    const char *name;
    const char *message;
  } cases[] = {
    { "", "Missing value" },
    { "a", "Must be at least 2 characters long" },
    { too_long, "Name must be a maximum of 100 characters long" },
    { "Con Mayúsculas", "Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_" },
    { "new", "That name cannot be used" },
    { ckan_dataset_get_name (existing), "That URL is already in use." },
  };
  CkanClient *client = f->clients[CKAN_TEST_EDITOR];

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) fields = ckan_test_target_dataset_fields (f->target, cases[i].name, TRUE);
      g_autoptr(CkanDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;
      const char *message;

      SYNC (dataset,
            ckan_client_package_create_async (client, fields, NULL, ckan_test_wait_cb, &_r),
            ckan_client_package_create_finish (client, _r, &error));
      g_assert_null (dataset);
      g_assert_error (error, CKAN_ERROR, CKAN_ERROR_VALIDATION);
      g_assert_cmpuint (ckan_error_get_status (error), ==, 409);
      message = ckan_test_field_message (error, "name");
      g_assert_nonnull (message);
      /* A real portal translates its messages; the test portal speaks
       * CKAN's English. */
      if (!ckan_test_target_is_real (f->target))
        g_assert_cmpstr (message, ==, cases[i].message);
    }
}

static void
test_publish_in_foreign_org_is_refused (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *name = ckan_test_target_unique_name ("ajena");
  g_autoptr(JsonObject) fields = ckan_test_target_dataset_fields (f->target, name, TRUE);
  g_autoptr(CkanDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  CkanClient *client = f->clients[CKAN_TEST_EDITOR];

  json_object_set_string_member (fields, "owner_org", f->target->other_org);
  SYNC (dataset,
        ckan_client_package_create_async (client, fields, NULL, ckan_test_wait_cb, &_r),
        ckan_client_package_create_finish (client, _r, &error));
  g_assert_null (dataset);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION);
}

static void
test_patch_and_update (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(CkanDataset) created = ckan_test_fixture_create_dataset (f, CKAN_TEST_EDITOR, "reemplazo", TRUE);
  const char *id = ckan_dataset_get_id (created);
  g_autoptr(CkanDataset) versioned = ckan_test_fixture_patch_dataset (f, CKAN_TEST_EDITOR, id, "{\"version\": \"2.0\"}");
  g_autoptr(CkanDataset) retitled = ckan_test_fixture_patch_dataset (f, CKAN_TEST_EDITOR, id, "{\"title\": \"Título nuevo\"}");
  g_autoptr(JsonObject) fields = ckan_test_target_dataset_fields (f->target, ckan_dataset_get_name (created), TRUE);
  g_autoptr(CkanDataset) updated = NULL;
  g_autoptr(GError) error = NULL;
  CkanClient *client = f->clients[CKAN_TEST_EDITOR];
  const char *version;

  g_assert_cmpstr (ckan_dataset_get_version (versioned), ==, "2.0");
  g_assert_cmpstr (ckan_dataset_get_title (retitled), ==, "Título nuevo");
  g_assert_cmpstr (ckan_dataset_get_version (retitled), ==, "2.0");

  /* update replaces: a field it does not carry is gone. */
  json_object_set_string_member (fields, "id", id);
  SYNC (updated,
        ckan_client_package_update_async (client, fields, NULL, ckan_test_wait_cb, &_r),
        ckan_client_package_update_finish (client, _r, &error));
  g_assert_no_error (error);
  version = ckan_dataset_get_version (updated);
  g_assert_true (version == NULL || *version == '\0');
  g_assert_cmpstr (ckan_dataset_get_title (updated), ==, "Conjunto de prueba de Publicador");
}

static void
test_plain_string_tags_are_sent_as_objects (Fixture       *f,
                                            gconstpointer  data)
{
  g_autofree char *name = ckan_test_target_unique_name ("etiquetas");
  g_autoptr(JsonObject) fields = ckan_test_target_dataset_fields (f->target, name, TRUE);
  g_autoptr(JsonArray) tags = json_array_new ();
  g_autoptr(CkanDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  CkanClient *client = f->clients[CKAN_TEST_EDITOR];

  json_array_add_string_element (tags, "agua");
  json_array_add_string_element (tags, "riego");
  json_object_set_array_member (fields, "tags", json_array_ref (tags));
  SYNC (dataset,
        ckan_client_package_create_async (client, fields, NULL, ckan_test_wait_cb, &_r),
        ckan_client_package_create_finish (client, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((GStrv) ckan_dataset_get_tags (dataset)), ==, 2);
  /* The caller's object was not rewritten. */
  g_assert_true (JSON_NODE_HOLDS_VALUE (json_array_get_element (json_object_get_array_member (fields, "tags"), 0)));
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(CkanDataset) created = ckan_test_fixture_create_dataset (f, CKAN_TEST_EDITOR, "borrar", FALSE);
  g_autoptr(CkanDataset) deleted = NULL;
  g_autoptr(GError) error = NULL;
  CkanClient *client = f->clients[CKAN_TEST_EDITOR];
  gboolean ok;

  SYNC (ok,
        ckan_client_package_delete_async (client, ckan_dataset_get_id (created), NULL, ckan_test_wait_cb, &_r),
        ckan_client_package_delete_finish (client, _r, &error));
  g_assert_no_error (error);
  g_assert_true (ok);

  deleted = ckan_test_fixture_show_dataset (f, CKAN_TEST_SYSADMIN, ckan_dataset_get_id (created), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ckan_dataset_get_state (deleted), ==, "deleted");
}

static void
test_bulk_visibility (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CkanDataset) first = ckan_test_fixture_create_dataset (f, CKAN_TEST_EDITOR, "lote-a", TRUE);
  g_autoptr(CkanDataset) second = ckan_test_fixture_create_dataset (f, CKAN_TEST_EDITOR, "lote-b", TRUE);
  const char *ids[] = { ckan_dataset_get_id (first), ckan_dataset_get_id (second), NULL };
  const char *org_id = ckan_dataset_get_owner_org (first);
  g_autoptr(GError) error = NULL;
  CkanClient *admin = f->clients[CKAN_TEST_ADMIN];
  CkanClient *member = f->clients[CKAN_TEST_MEMBER];
  gboolean ok;

  SYNC (ok,
        ckan_client_bulk_update_async (admin, CKAN_BULK_MAKE_PUBLIC, org_id, ids, NULL, ckan_test_wait_cb, &_r),
        ckan_client_bulk_update_finish (admin, _r, &error));
  g_assert_no_error (error);
  g_assert_true (ok);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(CkanDataset) shown = ckan_test_fixture_show_dataset (f, CKAN_TEST_ANONYMOUS, ids[i], &error);

      g_assert_no_error (error);
      g_assert_false (ckan_dataset_get_private (shown));
    }

  SYNC (ok,
        ckan_client_bulk_update_async (admin, CKAN_BULK_MAKE_PRIVATE, org_id, ids, NULL, ckan_test_wait_cb, &_r),
        ckan_client_bulk_update_finish (admin, _r, &error));
  g_assert_no_error (error);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(CkanDataset) shown = ckan_test_fixture_show_dataset (f, CKAN_TEST_MEMBER, ids[i], &error);

      g_assert_no_error (error);
      g_assert_true (ckan_dataset_get_private (shown));
    }

  /* Members may not. */
  SYNC (ok,
        ckan_client_bulk_update_async (member, CKAN_BULK_DELETE, org_id, ids, NULL, ckan_test_wait_cb, &_r),
        ckan_client_bulk_update_finish (member, _r, &error));
  g_assert_false (ok);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION);
  g_clear_error (&error);

  SYNC (ok,
        ckan_client_bulk_update_async (admin, CKAN_BULK_DELETE, org_id, ids, NULL, ckan_test_wait_cb, &_r),
        ckan_client_bulk_update_finish (admin, _r, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CkanDataset) gone = ckan_test_fixture_show_dataset (f, CKAN_TEST_SYSADMIN, ids[0], &error);

    g_assert_no_error (error);
    g_assert_cmpstr (ckan_dataset_get_state (gone), ==, "deleted");
  }
}

static void
test_activity (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(CkanCapabilities) caps = get_capabilities (f);
  g_autoptr(CkanDataset) created = NULL;
  g_autoptr(CkanDataset) patched = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GPtrArray) dashboard = NULL;
  g_autoptr(GPtrArray) anonymous_dashboard = NULL;
  g_autoptr(GError) error = NULL;
  CkanClient *client = f->clients[CKAN_TEST_EDITOR];
  gboolean saw_new = FALSE;
  gboolean saw_on_dashboard = FALSE;

  /* Both portals the tests run against have it (the test portal's fixture,
   * the stack's ckan.plugins): missing is a failure, never a skip. */
  g_assert_true (ckan_capabilities_has_activity (caps));

  created = ckan_test_fixture_create_dataset (f, CKAN_TEST_EDITOR, "actividad", FALSE);
  patched = ckan_test_fixture_patch_dataset (f, CKAN_TEST_EDITOR, ckan_dataset_get_id (created), "{\"title\": \"Cambiado\"}");
  SYNC (activities,
        ckan_client_package_activity_list_async (client, ckan_dataset_get_id (created), 0, 10, NULL, ckan_test_wait_cb, &_r),
        ckan_client_package_activity_list_finish (client, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, >=, 2);
  for (guint i = 0; i < activities->len; i++)
    {
      CkanActivity *activity = g_ptr_array_index (activities, i);

      g_assert_cmpstr (ckan_activity_get_object_id (activity), ==, ckan_dataset_get_id (created));
      g_assert_nonnull (ckan_activity_get_timestamp (activity));
      if (g_strcmp0 (ckan_activity_get_activity_type (activity), "new package") == 0)
        saw_new = TRUE;
    }
  g_assert_true (saw_new);
  /* Newest first: the patch. */
  g_assert_cmpstr (ckan_activity_get_activity_type (g_ptr_array_index (activities, 0)), ==, "changed package");
  g_assert_cmpstr (ckan_activity_get_package_title (g_ptr_array_index (activities, 0)), ==, "Cambiado");

  /* The editor's own dashboard carries what they just did. */
  SYNC (dashboard,
        ckan_client_dashboard_activity_list_async (client, 0, 20, NULL, ckan_test_wait_cb, &_r),
        ckan_client_dashboard_activity_list_finish (client, _r, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < dashboard->len; i++)
    if (g_strcmp0 (ckan_activity_get_object_id (g_ptr_array_index (dashboard, i)), ckan_dataset_get_id (created)) == 0)
      saw_on_dashboard = TRUE;
  g_assert_true (saw_on_dashboard);

  /* Anonymous has no dashboard. */
  SYNC (anonymous_dashboard,
        ckan_client_dashboard_activity_list_async (f->clients[CKAN_TEST_ANONYMOUS], 0, 20, NULL, ckan_test_wait_cb, &_r),
        ckan_client_dashboard_activity_list_finish (f->clients[CKAN_TEST_ANONYMOUS], _r, &error));
  g_assert_null (anonymous_dashboard);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_AUTHORIZATION);
}

static void
test_capabilities (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(CkanCapabilities) caps = get_capabilities (f);

  g_assert_true (g_str_has_prefix (ckan_capabilities_get_ckan_version (caps), "2."));
  g_assert_true (ckan_capabilities_version_at_least (caps, 2, 10));
  g_assert_nonnull (ckan_capabilities_get_site_title (caps));
  g_assert_true (ckan_capabilities_has_datastore (caps));
  g_assert_cmpint (ckan_capabilities_get_loader (caps), ==, CKAN_LOADER_XLOADER);

  if (!ckan_test_target_is_real (f->target))
    {
      g_autoptr(CkanCapabilities) without = NULL;

      g_assert_cmpstr (ckan_capabilities_get_site_title (caps), ==, "Portal de prueba Publicador");
      pub_test_portal_set_extension (f->target->portal, "comments", FALSE);
      without = get_capabilities (f);
      g_assert_false (ckan_capabilities_has_comments (without));
    }
}

static void
test_scheming_schema (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CkanCapabilities) caps = get_capabilities (f);
  g_autoptr(CkanSchemingSchema) schema = NULL;
  g_autoptr(GError) error = NULL;
  CkanClient *client = f->clients[CKAN_TEST_ANONYMOUS];
  CkanSchemingField *frequency;

  g_assert_true (ckan_capabilities_has_scheming (caps));

  SYNC (schema,
        ckan_client_scheming_dataset_schema_show_async (client, NULL, NULL, ckan_test_wait_cb, &_r),
        ckan_client_scheming_dataset_schema_show_finish (client, _r, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ckan_scheming_schema_get_dataset_type (schema), ==, "dataset");
  g_assert_true (ckan_scheming_field_get_required (ckan_scheming_schema_get_dataset_field (schema, "title")));
  frequency = ckan_scheming_schema_get_dataset_field (schema, "frequency");
  g_assert_nonnull (frequency);
  g_assert_cmpuint (ckan_scheming_field_get_choices (frequency)->len, >, 2);
}

static void
test_tag_autocomplete (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *name = ckan_test_target_unique_name ("autocompletar");
  g_autofree char *tag = g_strdup_printf ("zq%08x", g_random_int ());
  g_autoptr(JsonObject) fields = ckan_test_target_dataset_fields (f->target, name, FALSE);
  g_autoptr(JsonArray) tags = json_array_new ();
  g_autoptr(CkanDataset) dataset = NULL;
  g_auto(GStrv) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strndup (tag, 6);
  CkanClient *client = f->clients[CKAN_TEST_EDITOR];

  json_array_add_string_element (tags, tag);
  json_object_set_array_member (fields, "tags", json_array_ref (tags));
  SYNC (dataset,
        ckan_client_package_create_async (client, fields, NULL, ckan_test_wait_cb, &_r),
        ckan_client_package_create_finish (client, _r, &error));
  g_assert_no_error (error);

  SYNC (found,
        ckan_client_tag_autocomplete_async (client, prefix, 10, NULL, ckan_test_wait_cb, &_r),
        ckan_client_tag_autocomplete_finish (client, _r, &error));
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) found, tag));
}

typedef struct {
  GCancellable *cancellable;
  CkanDataset  *dataset;
  GError       *error;
  gboolean      done;
} CancelLate;

/* The cancel comes after the answer, before the caller has read it. */
static void
create_then_cancel_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  CancelLate *late = user_data;

  g_cancellable_cancel (late->cancellable);
  late->dataset = ckan_client_package_create_finish (CKAN_CLIENT (source), result, &late->error);
  late->done = TRUE;
}

/* A write the portal did is reported with its result even when cancelled
 * late: the caller keeps the new dataset's id and never creates it twice.
 * A cancelled read fails with the same code as the call primitive. */
static void
test_cancel_semantics (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *name = ckan_test_target_unique_name ("cancelado");
  g_autoptr(JsonObject) fields = ckan_test_target_dataset_fields (f->target, name, TRUE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CkanDataset) shown = NULL;
  g_autoptr(GError) error = NULL;
  CkanClient *client = f->clients[CKAN_TEST_EDITOR];
  CancelLate late = { cancellable, NULL, NULL, FALSE };

  ckan_client_package_create_async (client, fields, cancellable, create_then_cancel_cb, &late);
  while (!late.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (late.error);
  g_assert_nonnull (late.dataset);
  g_assert_cmpstr (ckan_dataset_get_name (late.dataset), ==, name);

  SYNC (shown,
        ckan_client_package_show_async (client, ckan_dataset_get_id (late.dataset), cancellable, ckan_test_wait_cb, &_r),
        ckan_client_package_show_finish (client, _r, &error));
  g_assert_null (shown);
  g_assert_error (error, CKAN_ERROR, CKAN_ERROR_CANCELLED);
  g_clear_object (&late.dataset);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ckan/actions/datasets/" path, Fixture, NULL, ckan_test_fixture_setup, func, ckan_test_fixture_teardown)

  ADD ("who-am-i", test_who_am_i);
  ADD ("organizations-for-user", test_organizations_for_user);
  ADD ("licenses", test_licenses);
  ADD ("create-private-then-public", test_create_private_then_public);
  ADD ("name-rules", test_name_rules);
  ADD ("foreign-org-refused", test_publish_in_foreign_org_is_refused);
  ADD ("patch-and-update", test_patch_and_update);
  ADD ("plain-string-tags", test_plain_string_tags_are_sent_as_objects);
  ADD ("delete", test_delete);
  ADD ("bulk-visibility", test_bulk_visibility);
  ADD ("activity", test_activity);
  ADD ("capabilities", test_capabilities);
  ADD ("scheming-schema", test_scheming_schema);
  ADD ("tag-autocomplete", test_tag_autocomplete);
  ADD ("cancel-semantics", test_cancel_semantics);

  return g_test_run ();
}
