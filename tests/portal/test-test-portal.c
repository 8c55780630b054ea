/* test-test-portal.c: the test portal answers like CKAN 2.11 (envelope,
 * auth, datasets, search)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-portal-harness.h"

#include <glib/gstdio.h>
#include <string.h>

void add_resource_tests  (void);
void add_extension_tests (void);

#define ORG "ministerio-de-prueba"

static const char *
bare_string (Reply *reply)
{
  g_assert_no_error (reply->error);
  g_assert_nonnull (reply->json);
  g_assert_true (JSON_NODE_HOLDS_VALUE (reply->json));
  return json_node_get_string (reply->json);
}

static void
assert_html (Reply *reply,
             guint  status)
{
  g_assert_no_error (reply->error);
  g_assert_cmpuint (reply->status, ==, status);
  g_assert_true (g_str_has_prefix (reply->content_type, "text/html"));
  g_assert_null (reply->json);
}

/* ---- Envelope and routing ---- */

static void
test_envelope_status_show (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(Reply) reply = call_get (f, NULL, "status_show", NULL);
  JsonObject *result = reply_result_object (reply);
  JsonArray *extensions = json_object_get_array_member (result, "extensions");
  g_autofree char *help = g_strdup_printf ("%s/api/3/action/help_show?name=status_show",
                                           pub_test_portal_get_url (f->portal));
  gboolean comments = FALSE;

  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (reply->json), "help"), ==, help);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (result, "ckan_version"), "2.11"));
  g_assert_cmpstr (json_object_get_string_member (result, "site_url"), ==, pub_test_portal_get_url (f->portal));
  for (guint i = 0; i < json_array_get_length (extensions); i++)
    comments = comments || g_str_equal (json_array_get_string_element (extensions, i), "comments");
  g_assert_true (comments);
}

static void
test_envelope_routing (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(Reply) unknown = call_get (f, NULL, "no_such_action", NULL);
  g_autoptr(Reply) get_write = call_get (f, "editor", "package_create", "name=x");
  g_autoptr(Reply) alias = call_raw (f, "GET", "/api/action/status_show", NULL, NULL, NULL);
  g_autoptr(Reply) put = call_raw (f, "PUT", "/api/3/action/status_show", NULL, NULL, NULL);
  g_autoptr(Reply) nowhere = call_raw (f, "GET", "/api/3/nothing", NULL, NULL, NULL);
  g_autoptr(GBytes) text = g_bytes_new_static ("name=x", 6);
  g_autoptr(GBytes) broken = g_bytes_new_static ("{\"name\":", 8);
  g_autoptr(Reply) plain = call_raw (f, "POST", "/api/3/action/package_create", "text/plain", text,
                                     pub_test_portal_get_token (f->portal, "editor"));
  g_autoptr(Reply) bad_json = call_raw (f, "POST", "/api/3/action/package_create", "application/json", broken,
                                        pub_test_portal_get_token (f->portal, "editor"));

  g_assert_cmpuint (unknown->status, ==, 400);
  g_assert_cmpstr (bare_string (unknown), ==, "Bad request - Action name not known: no_such_action");
  g_assert_cmpuint (get_write->status, ==, 400);
  g_assert_cmpstr (bare_string (get_write), ==,
                   "Bad request - JSON Error: Invalid request. Please use POST method for your request");
  reply_result_object (alias);
  assert_html (put, 405);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "status_show"), ==, 1);
  assert_html (nowhere, 404);
  assert_html (plain, 415);
  g_assert_cmpuint (bad_json->status, ==, 400);
  g_assert_true (g_str_has_prefix (bare_string (bad_json), "Bad request - JSON Error: Error decoding JSON data."));
  g_assert_cmpuint (pub_test_portal_count_datasets (f->portal), ==, 2);
}

static void
test_envelope_prefix (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(Reply) reply = call_get (f, NULL, "status_show", NULL);
  g_autoptr(Reply) dataset = call_get (f, NULL, "package_show", "id=calidad-del-aire");
  JsonObject *resource;
  const char *url;

  g_assert_true (g_str_has_suffix (pub_test_portal_get_url (f->portal), "/data"));
  g_assert_cmpstr (json_object_get_string_member (reply_result_object (reply), "site_url"), ==,
                   pub_test_portal_get_url (f->portal));
  resource = json_array_get_object_element (json_object_get_array_member (reply_result_object (dataset), "resources"), 0);
  url = json_object_get_string_member (resource, "url");
  g_assert_cmpstr (url, ==, "https://example.org/estaciones.csv");
}

static void
test_envelope_help_show (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(Reply) known = call_get (f, NULL, "help_show", "name=package_search");
  g_autoptr(Reply) unknown = call_get (f, NULL, "help_show", "name=no_such_action");
  g_autoptr(Reply) absent = NULL;
  g_autoptr(Reply) status = NULL;
  JsonArray *extensions;

  g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (json_node_get_object (known->json), "result")));
  g_assert_cmpstr (reply_error_message (unknown, 404, "Not Found Error"), ==, "Not found: Action function not found");

  /* A plugin turned off takes its actions with it. */
  pub_test_portal_set_extension (f->portal, "xloader", FALSE);
  absent = call_get (f, NULL, "xloader_status", "resource_id=x");
  g_assert_cmpstr (bare_string (absent), ==, "Bad request - Action name not known: xloader_status");
  status = call_get (f, NULL, "status_show", NULL);
  extensions = json_object_get_array_member (reply_result_object (status), "extensions");
  for (guint i = 0; i < json_array_get_length (extensions); i++)
    g_assert_cmpstr (json_array_get_string_element (extensions, i), !=, "xloader");
}

static void
test_envelope_spanish (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(Reply) missing = NULL;
  g_autoptr(Reply) private = NULL;
  g_autoptr(Reply) unknown = NULL;
  g_autoptr(Reply) status = NULL;
  JsonObject *dataset = pub_test_portal_dup_dataset (f->portal, "presupuesto-interno");
  g_autofree char *expected = g_strdup_printf ("Acceso denegado: El usuario  no está autorizado para leer el paquete %s",
                                               json_object_get_string_member (dataset, "id"));

  /* datos.gob.cl answers in Spanish: same __type and keys, other words. */
  pub_test_portal_set_locale (f->portal, "es");
  missing = call_post (f, "editor", "package_create", "{\"owner_org\": \"" ORG "\"}");
  private = call_get (f, NULL, "package_show", "id=presupuesto-interno");
  unknown = call_get (f, NULL, "no_such_action", NULL);
  status = call_get (f, NULL, "status_show", NULL);
  g_assert_cmpstr (reply_field_message (missing, "name"), ==, "Falta el valor");
  g_assert_cmpstr (reply_error_message (private, 403, "Authorization Error"), ==, expected);
  g_assert_cmpstr (bare_string (unknown), ==, "Solicitud incorrecta - Action name not known: no_such_action");
  g_assert_cmpstr (json_object_get_string_member (reply_result_object (status), "locale_default"), ==, "es");
  json_object_unref (dataset);
}

/* ---- Auth ---- */

static void
test_auth_user_show (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(Reply) me = call_get (f, "editor", "user_show", NULL);
  g_autoptr(Reply) anonymous = call_get (f, NULL, "user_show", NULL);
  g_autoptr(Reply) other = call_get (f, "editor", "user_show", "id=member");
  JsonObject *user = reply_result_object (me);

  g_assert_cmpstr (json_object_get_string_member (user, "name"), ==, "editor");
  g_assert_cmpstr (json_object_get_string_member (user, "id"), ==, pub_test_portal_get_user_id (f->portal, "editor"));
  g_assert_cmpstr (json_object_get_string_member (user, "email"), ==, "editor@example.org");
  g_assert_cmpstr (json_object_get_string_member (user, "display_name"), ==, "Eduardo Editor");
  g_assert_false (json_object_get_boolean_member (user, "sysadmin"));
  g_assert_cmpstr (json_object_get_string_member (reply_error (anonymous, 404, "Not Found Error"), "message"), ==,
                   "Not found");
  /* Someone else's email is not shown. */
  g_assert_false (json_object_has_member (reply_result_object (other), "email"));
}

static void
test_auth_tokens (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(Reply) created = call_post (f, "editor", "api_token_create", "{\"user\": \"editor\", \"name\": \"app\"}");
  g_autofree char *token = g_strdup (json_object_get_string_member (reply_result_object (created), "token"));
  g_autoptr(Reply) with_token = call_raw (f, "GET", "/api/3/action/user_show", NULL, NULL, token);
  g_autoptr(Reply) listed = call_get (f, "editor", "api_token_list", "user_id=editor");
  g_autoptr(Reply) foreign = call_get (f, "member", "api_token_list", "user_id=editor");
  g_autoptr(Reply) missing = call_post (f, "editor", "api_token_create", "{}");
  g_autoptr(Reply) revoked = NULL;
  g_autoptr(Reply) after = NULL;
  g_autoptr(Reply) write = NULL;
  g_autoptr(Reply) garbage = call_raw (f, "GET", "/api/3/action/user_show", NULL, NULL, "not-a-token");
  g_autoptr(Reply) legacy = call_get_header (f, "user_show", NULL, "X-CKAN-API-Key",
                                             pub_test_portal_get_token (f->portal, "admin"));
  static const char create[] = "{\"name\": \"anonimo\", \"owner_org\": \"" ORG "\"}";
  g_autoptr(GBytes) body = g_bytes_new_static (create, strlen (create));
  JsonArray *tokens;

  g_assert_true (g_str_has_prefix (token, "eyJ"));
  g_assert_cmpstr (json_object_get_string_member (reply_result_object (with_token), "name"), ==, "editor");
  tokens = reply_result_array (listed);
  g_assert_cmpuint (json_array_get_length (tokens), ==, 2);
  g_assert_true (json_object_has_member (json_array_get_object_element (tokens, 0), "last_access"));
  reply_error (foreign, 403, "Authorization Error");
  g_assert_cmpstr (reply_field_message (missing, "name"), ==, "Missing value");
  g_assert_cmpstr (reply_field_message (missing, "user"), ==, "Missing value");
  /* CKAN 2.10 clients send X-CKAN-API-Key. */
  g_assert_cmpstr (json_object_get_string_member (reply_result_object (legacy), "name"), ==, "admin");

  revoked = call_post (f, "editor", "api_token_revoke", "{\"token\": \"%s\"}", token);
  reply_result_null (revoked);
  /* A revoked or unknown token is anonymous, not an error of its own. */
  after = call_raw (f, "GET", "/api/3/action/user_show", NULL, NULL, token);
  g_assert_cmpstr (reply_error_message (after, 404, "Not Found Error"), ==, "Not found");
  reply_error (garbage, 404, "Not Found Error");
  write = call_raw (f, "POST", "/api/3/action/package_create", "application/json", body, token);
  g_assert_cmpstr (reply_error_message (write, 403, "Authorization Error"), ==,
                   "Access denied: User  not authorized to create packages");

  pub_test_portal_revoke_token (f->portal, pub_test_portal_get_token (f->portal, "member"));
  g_assert_null (pub_test_portal_get_token (f->portal, "member"));
}

static void
test_auth_organizations (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(Reply) admin = call_get (f, "admin", "organization_list_for_user",
                                     "permission=create_dataset&include_dataset_count=true");
  g_autoptr(Reply) member = call_get (f, "member", "organization_list_for_user", "permission=create_dataset");
  g_autoptr(Reply) member_read = call_get (f, "member", "organization_list_for_user", "permission=read");
  g_autoptr(Reply) licenses = call_get (f, NULL, "license_list", NULL);
  JsonArray *orgs = reply_result_array (admin);
  JsonObject *first;
  gboolean cc_zero = FALSE;

  g_assert_cmpuint (json_array_get_length (orgs), ==, 2);
  first = json_array_get_object_element (orgs, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, ORG);
  g_assert_cmpstr (json_object_get_string_member (first, "capacity"), ==, "admin");
  g_assert_cmpint (json_object_get_int_member (first, "package_count"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (orgs, 1), "capacity"), ==, "editor");
  g_assert_cmpuint (json_array_get_length (reply_result_array (member)), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (reply_result_array (member_read), 0),
                                                  "capacity"), ==, "member");
  for (guint i = 0; i < json_array_get_length (reply_result_array (licenses)); i++)
    cc_zero = cc_zero || g_str_equal (json_object_get_string_member (json_array_get_object_element (reply_result_array (licenses), i), "id"), "cc-zero");
  g_assert_true (cc_zero);
}

/* ---- Datasets ---- */

static void
assert_name_error (Fixture    *f,
                   const char *name,
                   const char *message)
{
  g_autoptr(Reply) reply = call_post (f, "editor", "package_create",
                                      "{\"name\": \"%s\", \"owner_org\": \"%s\"}", name, ORG);

  g_assert_cmpstr (reply_field_message (reply, "name"), ==, message);
}


static void
test_dataset_name_rules (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (101, 'a');
  g_autoptr(Reply) missing = call_post (f, "editor", "package_create", "{\"owner_org\": \"%s\"}", ORG);
  g_autoptr(Reply) deleted = NULL;
  g_autoptr(Reply) reused = NULL;
  g_autoptr(Reply) short_name = call_post (f, "editor", "package_create", "{\"name\": \"a\", \"owner_org\": \"%s\"}", ORG);
  g_autofree char *id = NULL;
  JsonArray *messages;

  g_assert_cmpstr (reply_field_message (missing, "name"), ==, "Missing value");
  assert_name_error (f, "", "Missing value");
  assert_name_error (f, "a", "Must be at least 2 characters long");
  messages = json_object_get_array_member (reply_error (short_name, 409, "Validation Error"), "name");
  g_assert_cmpstr (json_array_get_string_element (messages, 1), ==, "Name \"a\" length is less than minimum 2");
  assert_name_error (f, long_name, "Name must be a maximum of 100 characters long");
  assert_name_error (f, "Mi Conjunto!", "Must be purely lowercase alphanumeric (ascii) characters and these symbols: -_");
  assert_name_error (f, "new", "That name cannot be used");
  assert_name_error (f, "edit", "That name cannot be used");
  assert_name_error (f, "search", "That name cannot be used");
  assert_name_error (f, "calidad-del-aire", "That URL is already in use.");

  /* A deleted dataset does not hold on to its name. */
  id = create_dataset (f, "editor", "reciclado", NULL);
  deleted = call_post (f, "editor", "package_delete", "{\"id\": \"%s\"}", id);
  reply_result_null (deleted);
  reused = call_post (f, "editor", "package_create", "{\"name\": \"reciclado\", \"owner_org\": \"%s\"}", ORG);
  g_assert_cmpstr (json_object_get_string_member (reply_result_object (reused), "id"), !=, id);
}

static void
test_dataset_create_rules (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(Reply) no_org = call_post (f, "editor", "package_create", "{\"name\": \"sin-org\"}");
  g_autoptr(Reply) ghost_org = call_post (f, "sysadmin", "package_create",
                                          "{\"name\": \"org-fantasma\", \"owner_org\": \"no-existe\"}");
  g_autoptr(Reply) other_org = call_post (f, "editor", "package_create",
                                          "{\"name\": \"ajeno\", \"owner_org\": \"servicio-de-ejemplo\"}");
  g_autoptr(Reply) member = call_post (f, "member", "package_create", "{\"name\": \"de-miembro\", \"owner_org\": \"%s\"}", ORG);
  g_autoptr(Reply) string_tags = call_post (f, "editor", "package_create",
                                            "{\"name\": \"etiquetas\", \"owner_org\": \"%s\", \"tags\": [\"uno\"]}", ORG);
  g_autoptr(Reply) bad_tag = call_post (f, "editor", "package_create",
                                        "{\"name\": \"etiquetas\", \"owner_org\": \"%s\", \"tags\": [{\"name\": \"ok\"}, {\"name\": \"a\"}]}", ORG);
  g_autoptr(Reply) bad_email = call_post (f, "editor", "package_create",
                                          "{\"name\": \"correo\", \"owner_org\": \"%s\", \"author_email\": \"no-es-correo\"}", ORG);
  g_autoptr(Reply) bad_choice = call_post (f, "editor", "package_create",
                                           "{\"name\": \"frecuencia\", \"owner_org\": \"%s\", \"frequency\": \"2y\"}", ORG);
  g_autoptr(Reply) good = call_post (f, "editor", "package_create",
                                     "{\"name\": \"completo\", \"owner_org\": \"%s\", \"state\": \"draft\", "
                                     "\"private\": \"true\", \"frequency\": \"1m\", \"period\": \"2024\", "
                                     "\"no_declarado\": \"x\", \"tag_string\": \"uno, dos\", "
                                     "\"extras\": [{\"key\": \"fuente\", \"value\": \"INE\"}]}", ORG);
  JsonObject *error;
  JsonObject *dataset;
  JsonArray *tag_errors;

  g_assert_cmpstr (reply_field_message (no_org, "owner_org"), ==, "An organization must be provided");
  g_assert_cmpstr (reply_field_message (ghost_org, "owner_org"), ==, "Organization does not exist");
  g_assert_cmpstr (reply_error_message (other_org, 403, "Authorization Error"), ==,
                   "Access denied: User editor not authorized to add dataset to this organization");
  g_assert_cmpstr (reply_error_message (member, 403, "Authorization Error"), ==,
                   "Access denied: User member not authorized to create packages");
  error = reply_error (string_tags, 400, "Integrity Error");
  g_assert_true (json_object_has_member (error, "data"));
  tag_errors = json_object_get_array_member (reply_error (bad_tag, 409, "Validation Error"), "tags");
  g_assert_cmpuint (json_object_get_size (json_array_get_object_element (tag_errors, 0)), ==, 0);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_array_get_object_element (tag_errors, 1), "name"), 0),
                   ==, "Tag \"a\" length is less than minimum 2");
  g_assert_cmpstr (reply_field_message (bad_email, "author_email"), ==, "Email no-es-correo is not a valid format");
  g_assert_cmpstr (reply_field_message (bad_choice, "frequency"), ==,
                   "Value must be one of ['1d', '7d', '1m', '3m', '4m', '6m', '1y']");

  dataset = reply_result_object (good);
  /* state is ignored on create; unknown keys survive only when the schema
   * declares them. */
  g_assert_cmpstr (json_object_get_string_member (dataset, "state"), ==, "active");
  g_assert_true (json_object_get_boolean_member (dataset, "private"));
  g_assert_cmpstr (json_object_get_string_member (dataset, "frequency"), ==, "1m");
  g_assert_cmpstr (json_object_get_string_member (dataset, "period"), ==, "2024");
  g_assert_false (json_object_has_member (dataset, "no_declarado"));
  g_assert_cmpstr (json_object_get_string_member (dataset, "title"), ==, "completo");
  g_assert_cmpint (json_object_get_int_member (dataset, "num_tags"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (dataset, "creator_user_id"), ==,
                   pub_test_portal_get_user_id (f->portal, "editor"));
  g_assert_cmpstr (json_object_get_string_member (dataset, "owner_org"), ==, pub_test_portal_get_org_id (f->portal, ORG));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (dataset, "organization"), "name"), ==, ORG);
  g_assert_null (strchr (json_object_get_string_member (dataset, "metadata_created"), 'Z'));
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (dataset, "id")));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (dataset, "extras"), 0), "key"),
                   ==, "fuente");
}

static void
test_dataset_strict_schema (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(Reply) minimal = NULL;
  g_autoptr(Reply) full = NULL;
  JsonObject *error;

  pub_test_portal_set_strict_schema (f->portal, TRUE);
  minimal = call_post (f, "editor", "package_create", "{\"name\": \"minimo\", \"owner_org\": \"%s\"}", ORG);
  error = reply_error (minimal, 409, "Validation Error");
  g_assert_true (json_object_has_member (error, "notes"));
  g_assert_true (json_object_has_member (error, "author_email"));
  g_assert_true (json_object_has_member (error, "tag_string"));
  g_assert_true (json_object_has_member (error, "private"));
  g_assert_false (json_object_has_member (error, "name"));
  full = call_post (f, "editor", "package_create",
                    "{\"name\": \"completo\", \"owner_org\": \"%s\", \"title\": \"T\", \"notes\": \"N\", "
                    "\"author\": \"A\", \"author_email\": \"a@example.org\", \"license_id\": \"cc-by\", "
                    "\"private\": false, \"tags\": [{\"name\": \"uno\"}]}", ORG);
  reply_result_object (full);
}

static void
test_dataset_visibility (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *draft_id = create_dataset (f, "editor", "borrador", NULL);
  g_autoptr(Reply) to_draft = call_post (f, "editor", "package_patch", "{\"id\": \"%s\", \"state\": \"draft\"}", draft_id);
  g_autoptr(Reply) private_anon = call_get (f, NULL, "package_show", "id=presupuesto-interno");
  g_autoptr(Reply) private_outsider = call_get (f, "outsider", "package_show", "id=presupuesto-interno");
  g_autoptr(Reply) private_member = call_get (f, "member", "package_show", "id=presupuesto-interno");
  g_autoptr(Reply) draft_anon = call_get (f, NULL, "package_show", "id=borrador");
  g_autoptr(Reply) draft_member = call_get (f, "member", "package_show", "id=borrador");
  g_autoptr(Reply) draft_admin = call_get (f, "admin", "package_show", "id=borrador");
  g_autoptr(Reply) nothing = call_get (f, "sysadmin", "package_show", "id=no-existe");
  g_autoptr(Reply) no_id = call_get (f, "sysadmin", "package_show", NULL);
  JsonObject *private_dataset = pub_test_portal_dup_dataset (f->portal, "presupuesto-interno");
  g_autofree char *expected = g_strdup_printf ("Access denied: User  not authorized to read package %s",
                                               json_object_get_string_member (private_dataset, "id"));

  g_assert_cmpstr (json_object_get_string_member (reply_result_object (to_draft), "state"), ==, "draft");
  g_assert_cmpstr (reply_error_message (private_anon, 403, "Authorization Error"), ==, expected);
  reply_error (private_outsider, 403, "Authorization Error");
  g_assert_true (json_object_get_boolean_member (reply_result_object (private_member), "private"));
  reply_error (draft_anon, 403, "Authorization Error");
  /* Drafts need edit rights: members of the organization can't see them. */
  reply_error (draft_member, 403, "Authorization Error");
  g_assert_cmpstr (json_object_get_string_member (reply_result_object (draft_admin), "state"), ==, "draft");
  g_assert_cmpstr (reply_error_message (nothing, 404, "Not Found Error"), ==, "Not found");
  g_assert_cmpstr (reply_field_message (no_id, "name_or_id"), ==, "Missing value");
  json_object_unref (private_dataset);
}

static void
test_dataset_update_and_patch (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *id = create_dataset (f, "editor", "cambiante",
                                        "\"notes\": \"Notas\", \"author\": \"Autora\", \"tags\": [{\"name\": \"uno\"}], "
                                        "\"resources\": [{\"url\": \"https://example.org/a.csv\", \"name\": \"A\"}]");
  g_autoptr(Reply) patched = call_post (f, "editor", "package_patch", "{\"id\": \"%s\", \"title\": \"Nuevo título\"}", id);
  g_autoptr(Reply) updated = NULL;
  g_autoptr(Reply) outsider = call_post (f, "outsider", "package_patch", "{\"id\": \"%s\", \"title\": \"x\"}", id);
  g_autoptr(Reply) member = call_post (f, "member", "package_update", "{\"id\": \"%s\", \"name\": \"cambiante\"}", id);
  g_autoptr(Reply) no_id = call_post (f, "editor", "package_update", "{}");
  g_autoptr(Reply) patch_no_id = call_post (f, "editor", "package_patch", "{}");
  g_autoptr(Reply) anonymous = call_post (f, NULL, "package_update", "{\"id\": \"%s\"}", id);
  g_autoptr(Reply) deleted = NULL;
  g_autoptr(Reply) member_delete = call_post (f, "member", "package_delete", "{\"id\": \"%s\"}", id);
  g_autofree char *denied = g_strdup_printf ("Access denied: User member not authorized to edit package %s", id);
  JsonObject *dataset = reply_result_object (patched);
  JsonObject *stored;

  /* patch merges: everything else stays. */
  g_assert_cmpstr (json_object_get_string_member (dataset, "title"), ==, "Nuevo título");
  g_assert_cmpstr (json_object_get_string_member (dataset, "notes"), ==, "Notas");
  g_assert_cmpint (json_object_get_int_member (dataset, "num_resources"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (dataset, "num_tags"), ==, 1);

  reply_error (outsider, 403, "Authorization Error");
  g_assert_cmpstr (reply_error_message (member, 403, "Authorization Error"), ==, denied);
  g_assert_cmpstr (reply_field_message (no_id, "id"), ==, "Missing value");
  g_assert_cmpstr (reply_field_message (patch_no_id, "message"), ==, "Missing id, can not get Package object");
  g_assert_cmpstr (reply_error_message (anonymous, 403, "Authorization Error"), ==,
                   "Access denied: Action package_update requires an authenticated user");

  /* update replaces: what is left out is gone. */
  updated = call_post (f, "editor", "package_update", "{\"id\": \"%s\", \"name\": \"cambiante\", \"owner_org\": \"%s\"}", id, ORG);
  dataset = reply_result_object (updated);
  g_assert_true (json_object_get_null_member (dataset, "notes") || !json_object_get_string_member (dataset, "notes"));
  g_assert_cmpstr (json_object_get_string_member (dataset, "title"), ==, "cambiante");
  g_assert_cmpint (json_object_get_int_member (dataset, "num_resources"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (dataset, "num_tags"), ==, 0);

  reply_error (member_delete, 403, "Authorization Error");
  deleted = call_post (f, "editor", "package_delete", "{\"id\": \"%s\"}", id);
  reply_result_null (deleted);
  stored = pub_test_portal_dup_dataset (f->portal, id);
  g_assert_cmpstr (json_object_get_string_member (stored, "state"), ==, "deleted");
  g_assert_cmpuint (pub_test_portal_count_datasets (f->portal), ==, 2);
  json_object_unref (stored);
}

static void
test_dataset_activity_and_bulk (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *id = create_dataset (f, "editor", "con-historia", NULL);
  g_autofree char *other = NULL;
  g_autoptr(Reply) patch = call_post (f, "editor", "package_patch", "{\"id\": \"%s\", \"notes\": \"x\"}", id);
  g_autoptr(Reply) delete = call_post (f, "editor", "package_delete", "{\"id\": \"%s\"}", id);
  g_autofree char *query = g_strdup_printf ("id=%s", id);
  g_autofree char *query_new = g_strdup_printf ("id=%s&activity_types=%%5B%%22new%%20package%%22%%5D", id);
  g_autoptr(Reply) activity = call_get (f, "editor", "package_activity_list", query);
  g_autoptr(Reply) only_new = call_get (f, "editor", "package_activity_list", query_new);
  g_autoptr(Reply) dashboard = call_get (f, "editor", "dashboard_activity_list", "limit=2");
  g_autoptr(Reply) dashboard_anon = call_get (f, NULL, "dashboard_activity_list", NULL);
  g_autoptr(Reply) bulk_editor = NULL;
  g_autoptr(Reply) bulk_admin = NULL;
  JsonArray *list = reply_result_array (activity);
  JsonObject *kept;
  JsonObject *foreign;

  reply_result_object (patch);
  reply_result_null (delete);
  g_assert_cmpuint (json_array_get_length (list), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "activity_type"), ==, "deleted package");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 1), "activity_type"), ==, "changed package");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 2), "activity_type"), ==, "new package");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_array_get_object_element (list, 2), "data"), "actor"),
                   ==, "editor");
  g_assert_cmpuint (json_array_get_length (reply_result_array (only_new)), ==, 1);
  g_assert_cmpuint (json_array_get_length (reply_result_array (dashboard)), ==, 2);
  g_assert_cmpstr (reply_error_message (dashboard_anon, 403, "Authorization Error"), ==,
                   "Access denied: You must be logged in to access your dashboard.");

  /* Only organization admins bulk-update; datasets of other organizations
   * are skipped without a word. */
  {
    g_autoptr(Reply) created = call_post (f, "admin", "package_create",
                                          "{\"name\": \"ajeno\", \"owner_org\": \"servicio-de-ejemplo\"}");

    other = g_strdup (json_object_get_string_member (reply_result_object (created), "id"));
  }
  bulk_editor = call_post (f, "editor", "bulk_update_private",
                           "{\"org_id\": \"%s\", \"datasets\": [\"calidad-del-aire\"]}", pub_test_portal_get_org_id (f->portal, ORG));
  g_assert_cmpstr (reply_error_message (bulk_editor, 403, "Authorization Error"), ==, "Access denied");
  {
    JsonObject *air = pub_test_portal_dup_dataset (f->portal, "calidad-del-aire");

    bulk_admin = call_post (f, "admin", "bulk_update_private", "{\"org_id\": \"%s\", \"datasets\": [\"%s\", \"%s\"]}",
                            pub_test_portal_get_org_id (f->portal, ORG), json_object_get_string_member (air, "id"), other);
    json_object_unref (air);
  }
  reply_result_null (bulk_admin);
  kept = pub_test_portal_dup_dataset (f->portal, "calidad-del-aire");
  foreign = pub_test_portal_dup_dataset (f->portal, other);
  g_assert_true (json_object_get_boolean_member (kept, "private"));
  g_assert_false (json_object_get_boolean_member (foreign, "private"));
  json_object_unref (kept);
  json_object_unref (foreign);
}

/* ---- Search ---- */

static guint
search_count (Fixture    *f,
              const char *user,
              const char *query)
{
  g_autoptr(Reply) reply = call_get (f, user, "package_search", query);

  return (guint) json_object_get_int_member (reply_result_object (reply), "count");
}

static void
test_search_filters (Fixture       *f,
                     gconstpointer  data)
{
  const char *org_id = pub_test_portal_get_org_id (f->portal, ORG);
  const char *editor_id = pub_test_portal_get_user_id (f->portal, "editor");
  g_autofree char *by_org = g_strdup_printf ("fq=owner_org:%%22%s%%22&include_private=true", org_id);
  g_autofree char *by_org_bare = g_strdup_printf ("fq=owner_org:%s", org_id);
  g_autofree char *by_creator = g_strdup_printf ("fq=creator_user_id:%s&include_private=true&include_drafts=true", editor_id);
  g_autofree char *draft_id = create_dataset (f, "editor", "borrador", "\"title\": \"Borrador de agua\"");
  g_autoptr(Reply) to_draft = call_post (f, "editor", "package_patch", "{\"id\": \"%s\", \"state\": \"draft\"}", draft_id);
  g_autofree char *other_id = create_dataset (f, "admin", "agua-potable", "\"notes\": \"Cobertura de agua\"");
  g_autoptr(Reply) unknown = call_get (f, NULL, "package_search", "q=*:*&foo=bar");
  g_autoptr(Reply) no_facets = call_get (f, NULL, "package_search", NULL);
  g_autoptr(Reply) bad_sort = call_get (f, NULL, "package_search", "sort=bogus");
  g_autoptr(Reply) bad_rows = call_get (f, NULL, "package_search", "rows=muchas");
  g_autoptr(Reply) facets = call_get (f, NULL, "package_search", "facet.field=%5B%22tags%22,%22organization%22%5D");
  JsonObject *search_facets;

  reply_result_object (to_draft);
  /* Anonymous: public and active only. */
  g_assert_cmpuint (search_count (f, NULL, NULL), ==, 2);
  g_assert_cmpuint (search_count (f, NULL, "include_private=true&include_drafts=true"), ==, 2);
  /* Members see private datasets of their organization, not drafts of others. */
  g_assert_cmpuint (search_count (f, "member", "include_private=true"), ==, 3);
  g_assert_cmpuint (search_count (f, "member", "include_private=true&include_drafts=true"), ==, 4);
  g_assert_cmpuint (search_count (f, "outsider", "include_private=true&include_drafts=true"), ==, 2);
  g_assert_cmpuint (search_count (f, "editor", "include_drafts=true"), ==, 3);
  g_assert_cmpuint (search_count (f, "sysadmin", "include_private=true&include_drafts=true"), ==, 4);

  g_assert_cmpuint (search_count (f, "editor", by_org), ==, 3);
  g_assert_cmpuint (search_count (f, "editor", by_org_bare), ==, 2);
  g_assert_cmpuint (search_count (f, "editor", by_creator), ==, 3);
  g_assert_cmpuint (search_count (f, NULL, "q=agua"), ==, 1);
  g_assert_cmpuint (search_count (f, NULL, "q=AIRE"), ==, 1);
  g_assert_cmpuint (search_count (f, NULL, "q=nada-coincide"), ==, 0);
  g_assert_cmpuint (search_count (f, NULL, "fq=tags:aire"), ==, 1);

  g_assert_false (json_object_has_member (reply_result_object (no_facets), "search_facets"));
  g_assert_cmpstr (reply_error_message (unknown, 400, "Search Query Error"), ==,
                   "Search Query is invalid: \"Invalid search parameters: ['foo']\"");
  g_assert_cmpstr (reply_error_message (bad_sort, 400, "Search Query Error"), ==,
                   "Search Query is invalid: 'Invalid \"sort\" parameter'");
  g_assert_cmpstr (reply_field_message (bad_rows, "rows"), ==, "Invalid integer");
  search_facets = json_object_get_object_member (reply_result_object (facets), "search_facets");
  {
    JsonArray *items = json_object_get_array_member (json_object_get_object_member (search_facets, "organization"), "items");

    g_assert_cmpuint (json_array_get_length (items), ==, 1);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "count"), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "display_name"), ==,
                     "Ministerio de Prueba");
  }
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (json_object_get_object_member (reply_result_object (facets), "facets"), "tags"), "aire"), ==, 1);
  (void) other_id;
}

static void
test_search_paging_and_sort (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(Reply) first = NULL;
  g_autoptr(Reply) second = NULL;
  g_autoptr(Reply) by_name = NULL;
  g_autoptr(Reply) by_name_desc = NULL;
  g_autoptr(Reply) newest = NULL;
  JsonArray *results;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("serie-%u", i);
      g_autofree char *id = create_dataset (f, "editor", name, NULL);
    }
  first = call_get (f, NULL, "package_search", "rows=3&start=0&sort=name%20asc");
  second = call_get (f, NULL, "package_search", "rows=3&start=3&sort=name%20asc");
  g_assert_cmpint (json_object_get_int_member (reply_result_object (first), "count"), ==, 6);
  results = json_object_get_array_member (reply_result_object (first), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 0), "name"), ==, "calidad-del-aire");
  results = json_object_get_array_member (reply_result_object (second), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 2), "name"), ==, "serie-4");

  by_name_desc = call_get (f, NULL, "package_search", "sort=name%20desc&rows=1");
  results = json_object_get_array_member (reply_result_object (by_name_desc), "results");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 0), "name"), ==, "serie-4");
  /* Default: score, then most recently modified first. */
  newest = call_get (f, NULL, "package_search", NULL);
  results = json_object_get_array_member (reply_result_object (newest), "results");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 0), "name"), ==, "serie-4");
  by_name = call_get (f, NULL, "package_search", "rows=0");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply_result_object (by_name), "results")), ==, 0);
}

static void
test_search_rows_clamp (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "portal", "fixture.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  JsonObject *root;
  JsonArray *datasets = json_array_new ();
  Fixture f = { 0 };
  g_autoptr(Reply) all = NULL;
  g_autoptr(Reply) plain = NULL;
  int fd;

  json_parser_load_from_file (parser, source, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < 1005; i++)
    {
      JsonObject *dataset = json_object_new ();
      g_autofree char *name = g_strdup_printf ("conjunto-%04u", i);

      json_object_set_string_member (dataset, "creator", "editor");
      json_object_set_string_member (dataset, "name", name);
      json_object_set_string_member (dataset, "owner_org", ORG);
      json_array_add_object_element (datasets, dataset);
    }
  json_object_set_array_member (root, "datasets", datasets);
  {
    g_autoptr(JsonGenerator) generator = json_generator_new ();

    json_generator_set_root (generator, json_parser_get_root (parser));
    text = json_generator_to_data (generator, NULL);
  }
  fd = g_file_open_tmp ("portal-fixture-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  f.portal = pub_test_portal_new (path, &error);
  g_assert_no_error (error);
  pub_test_portal_listen (f.portal, 0, &error);
  g_assert_no_error (error);
  f.session = soup_session_new ();
  all = call_get (&f, NULL, "package_search", "rows=5000");
  plain = call_get (&f, NULL, "package_search", NULL);
  g_assert_cmpint (json_object_get_int_member (reply_result_object (all), "count"), ==, 1005);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply_result_object (all), "results")), ==, 1000);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply_result_object (plain), "results")), ==, 10);
  fixture_tear_down (&f, NULL);
  g_unlink (path);
}

/* ---- Faults ---- */

static void
test_faults (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(Reply) server_error = NULL;
  g_autoptr(Reply) gateway = NULL;
  g_autoptr(Reply) captive = NULL;
  g_autoptr(Reply) limited = NULL;
  g_autoptr(Reply) unavailable = NULL;
  g_autoptr(Reply) recovered = NULL;
  g_autoptr(Reply) any = NULL;
  g_autoptr(Reply) delayed = NULL;
  gint64 start;

  pub_test_portal_inject_fault (f->portal, "status_show", PUB_TEST_FAULT_HTTP_500_JSON, 0, 1);
  server_error = call_get (f, NULL, "status_show", NULL);
  g_assert_cmpstr (reply_error_message (server_error, 500, "Internal Server Error"), ==, "Internal Server Error");
  recovered = call_get (f, NULL, "status_show", NULL);
  reply_result_object (recovered);

  pub_test_portal_inject_fault (f->portal, "package_show", PUB_TEST_FAULT_HTML_502, 0, 1);
  gateway = call_get (f, NULL, "package_show", "id=calidad-del-aire");
  assert_html (gateway, 502);
  pub_test_portal_inject_fault (f->portal, NULL, PUB_TEST_FAULT_HTML_200, 0, 1);
  captive = call_get (f, NULL, "license_list", NULL);
  assert_html (captive, 200);
  pub_test_portal_inject_fault (f->portal, "user_show", PUB_TEST_FAULT_RATE_LIMIT_429, 7, 1);
  limited = call_get (f, "editor", "user_show", NULL);
  assert_html (limited, 429);
  g_assert_cmpstr (soup_message_headers_get_one (limited->headers, "Retry-After"), ==, "7");
  pub_test_portal_inject_fault (f->portal, "user_show", PUB_TEST_FAULT_UNAVAILABLE_503, 0, 2);
  unavailable = call_get (f, "editor", "user_show", NULL);
  assert_html (unavailable, 503);
  g_assert_cmpstr (soup_message_headers_get_one (unavailable->headers, "Retry-After"), ==, "1");
  g_clear_pointer (&unavailable, reply_free);
  unavailable = call_get (f, "editor", "user_show", NULL);
  assert_html (unavailable, 503);
  any = call_get (f, "editor", "user_show", NULL);
  reply_result_object (any);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "user_show"), ==, 4);

  pub_test_portal_inject_fault (f->portal, "status_show", PUB_TEST_FAULT_DELAY, 300, 1);
  start = g_get_monotonic_time ();
  delayed = call_get (f, NULL, "status_show", NULL);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 300 * 1000);
  reply_result_object (delayed);

  pub_test_portal_inject_fault (f->portal, "status_show", PUB_TEST_FAULT_HTML_502, 0, 5);
  pub_test_portal_clear_faults (f->portal);
  g_clear_pointer (&recovered, reply_free);
  recovered = call_get (f, NULL, "status_show", NULL);
  reply_result_object (recovered);
}

/* A lost answer: the dataset is made and kept, the client gets no reply. */
static void
test_faults_drop_answer (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(Reply) lost = NULL;
  g_autoptr(Reply) shown = NULL;
  guint before = pub_test_portal_count_datasets (f->portal);

  pub_test_portal_inject_fault (f->portal, "package_create", PUB_TEST_FAULT_DROP_ANSWER, 0, 1);
  lost = call_post (f, "editor", "package_create",
                    "{\"name\": \"respuesta-perdida\", \"owner_org\": \"ministerio-de-prueba\"}");
  g_assert_nonnull (lost->error);
  g_assert_cmpuint (lost->status, ==, 0);
  g_assert_null (lost->json);
  g_assert_cmpuint (pub_test_portal_count_datasets (f->portal), ==, before + 1);
  shown = call_get (f, "editor", "package_show", "id=respuesta-perdida");
  g_assert_cmpstr (json_object_get_string_member (reply_result_object (shown), "name"), ==, "respuesta-perdida");
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "package_create"), ==, 1);
}

static void
abandoned_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  *(gboolean *) user_data = TRUE;
}

/* A client that gives up on a delayed answer leaves nothing behind: the
 * portal is finalized in tear-down. */
static void
test_faults_delay_abandoned (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *url = g_strdup_printf ("%s/api/3/action/status_show", pub_test_portal_get_url (f->portal));
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gboolean done = FALSE;

  pub_test_portal_inject_fault (f->portal, "status_show", PUB_TEST_FAULT_DELAY, 60000, 1);
  soup_session_send_and_read_async (f->session, msg, G_PRIORITY_DEFAULT, cancellable, abandoned_cb, &done);
  while (pub_test_portal_get_call_count (f->portal, "status_show") == 0)
    g_main_context_iteration (NULL, TRUE);
  wait_ms (50);
  g_cancellable_cancel (cancellable);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Garbage in: CKAN-style errors out, never a crash or a warning (which
 * would abort the test process the portal runs in). */
static void
test_malformed_input (Fixture       *f,
                      gconstpointer  data)
{
  static const struct {
    const char *action;
    const char *body;
  } calls[] = {
    { "package_create", "{\"name\": 12, \"owner_org\": [1], \"tags\": 5, \"extras\": [1, \"x\"], \"resources\": \"r\"}" },
    { "package_create", "{\"name\": \"basura\", \"owner_org\": \"" ORG "\", \"resources\": [1]}" },
    { "package_patch", "{\"id\": \"calidad-del-aire\", \"tags\": [{\"name\": 3}]}" },
    { "package_resource_reorder", "{\"id\": \"calidad-del-aire\", \"order\": [1, {}]}" },
    { "package_search", "{\"fq_list\": [{}, 3], \"facet.field\": [1], \"rows\": \"x\"}" },
    { "package_search", "{\"q\": {}, \"sort\": 3, \"include_private\": [1]}" },
    { "package_activity_list", "{\"id\": \"calidad-del-aire\", \"activity_types\": [{}], \"limit\": \"many\"}" },
    { "bulk_update_delete", "{\"org_id\": 1, \"datasets\": {}}" },
    { "resource_create", "{\"package_id\": \"calidad-del-aire\", \"url\": 5, \"name\": [1]}" },
    { "datastore_create", "{\"resource_id\": \"x\", \"fields\": [3], \"records\": [\"r\"]}" },
    { "comments_comment_create", "{\"subject_id\": 1, \"subject_type\": \"package\", \"content\": {}}" },
    { "api_token_revoke", "{\"jti\": 5}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autoptr(Reply) reply = call_post (f, "sysadmin", calls[i].action, "%s", calls[i].body);

      g_assert_no_error (reply->error);
      g_assert_nonnull (reply->json);
      g_assert_cmpuint (reply->status, <, 500);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/portal/envelope/status-show", test_envelope_status_show);
  ADD ("/portal/envelope/routing", test_envelope_routing);
  g_test_add ("/portal/envelope/prefix", Fixture, "/data", fixture_set_up, test_envelope_prefix, fixture_tear_down);
  ADD ("/portal/envelope/help-show", test_envelope_help_show);
  ADD ("/portal/envelope/spanish", test_envelope_spanish);
  ADD ("/portal/auth/user-show", test_auth_user_show);
  ADD ("/portal/auth/tokens", test_auth_tokens);
  ADD ("/portal/auth/organizations", test_auth_organizations);
  ADD ("/portal/dataset/name-rules", test_dataset_name_rules);
  ADD ("/portal/dataset/create-rules", test_dataset_create_rules);
  ADD ("/portal/dataset/strict-schema", test_dataset_strict_schema);
  ADD ("/portal/dataset/visibility", test_dataset_visibility);
  ADD ("/portal/dataset/update-and-patch", test_dataset_update_and_patch);
  ADD ("/portal/dataset/activity-and-bulk", test_dataset_activity_and_bulk);
  ADD ("/portal/search/filters", test_search_filters);
  ADD ("/portal/search/paging-and-sort", test_search_paging_and_sort);
  g_test_add_func ("/portal/search/rows-clamp", test_search_rows_clamp);
  ADD ("/portal/faults/responses", test_faults);
  ADD ("/portal/faults/delay-abandoned", test_faults_delay_abandoned);
  ADD ("/portal/faults/drop-answer", test_faults_drop_answer);
  ADD ("/portal/envelope/malformed-input", test_malformed_input);
#undef ADD
  add_resource_tests ();
  add_extension_tests ();

  return g_test_run ();
}
