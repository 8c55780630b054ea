/* test-test-portal-extensions.c: the test portal's resources, uploads,
 * comments, validation and DataStore answer like CKAN 2.11
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-portal-harness.h"

#include <string.h>

void add_resource_tests  (void);
void add_extension_tests (void);

#define ORG "ministerio-de-prueba"

static const char good_csv[] = "region,anio,valor\nArica,2020,10\nTarapaca,2020,12\n";
static const char broken_csv[] = "region,anio,valor,region\nArica,2020\nTarapaca,2020,12,x,extra\n";

/* A resource uploaded by the editor to a new dataset; returns its id. */
static char *
upload (Fixture    *f,
        const char *dataset_name,
        const char *filename,
        const char *content,
        gboolean    private)
{
  g_autofree char *package_id = create_dataset (f, "editor", dataset_name, private ? "\"private\": true" : NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (content, strlen (content));
  const char *fields[] = { "package_id", package_id, "name", "Datos", NULL };
  g_autoptr(Reply) reply = call_multipart (f, "editor", "resource_create", filename, bytes, fields);

  return g_strdup (json_object_get_string_member (reply_result_object (reply), "id"));
}

static JsonObject *
resource_of (Fixture    *f,
             const char *user,
             const char *id,
             Reply     **keep)
{
  g_autofree char *query = g_strdup_printf ("id=%s", id);

  *keep = call_get (f, user, "resource_show", query);
  return reply_result_object (*keep);
}

/* ---- Resources ---- */

static void
test_resource_upload_and_download (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *id = upload (f, "con-archivo", "Mis Datos (2024).csv", good_csv, TRUE);
  g_autoptr(Reply) shown = NULL;
  JsonObject *resource = resource_of (f, "editor", id, &shown);
  const char *url = json_object_get_string_member (resource, "url");
  g_autoptr(GBytes) stored = pub_test_portal_dup_upload (f->portal, id);
  g_autofree char *path = NULL;
  g_autoptr(Reply) download = NULL;
  g_autoptr(Reply) anonymous = NULL;
  g_autofree char *expected_url = g_strdup_printf ("%s/dataset/%s/resource/%s/download/Mis-Datos-2024.csv",
                                                   pub_test_portal_get_url (f->portal),
                                                   json_object_get_string_member (resource, "package_id"), id);

  g_assert_cmpstr (url, ==, expected_url);
  g_assert_cmpstr (json_object_get_string_member (resource, "url_type"), ==, "upload");
  g_assert_cmpint (json_object_get_int_member (resource, "size"), ==, strlen (good_csv));
  g_assert_cmpstr (json_object_get_string_member (resource, "format"), ==, "CSV");
  g_assert_cmpstr (json_object_get_string_member (resource, "mimetype"), ==, "text/csv");
  g_assert_cmpstr (json_object_get_string_member (resource, "name"), ==, "Datos");
  g_assert_cmpmem (g_bytes_get_data (stored, NULL), g_bytes_get_size (stored), good_csv, strlen (good_csv));
  g_assert_cmpuint (pub_test_portal_count_pending_uploads (f->portal), ==, 0);

  /* Downloads follow the dataset's read rules and accept the token. */
  path = g_strdup (url + strlen (pub_test_portal_get_url (f->portal)));
  download = call_raw (f, "GET", path, NULL, NULL, pub_test_portal_get_token (f->portal, "member"));
  g_assert_cmpuint (download->status, ==, 200);
  g_assert_cmpmem (g_bytes_get_data (download->body, NULL), g_bytes_get_size (download->body), good_csv, strlen (good_csv));
  anonymous = call_raw (f, "GET", path, NULL, NULL, NULL);
  g_assert_cmpuint (anonymous->status, ==, 403);

  /* show → modify → update keeps the uploaded file. */
  {
    g_autofree char *show_query = g_strdup_printf ("id=%s", json_object_get_string_member (resource, "package_id"));
    g_autoptr(Reply) dataset_reply = call_get (f, "editor", "package_show", show_query);
    JsonObject *dataset = reply_result_object (dataset_reply);
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autoptr(Reply) updated = NULL;
    g_autofree char *body = NULL;
    JsonObject *kept;

    json_object_set_string_member (dataset, "title", "Otro título");
    json_generator_set_root (generator, json_object_get_member (json_node_get_object (dataset_reply->json), "result"));
    body = json_generator_to_data (generator, NULL);
    updated = call_post (f, "editor", "package_update", "%s", body);
    kept = json_array_get_object_element (json_object_get_array_member (reply_result_object (updated), "resources"), 0);
    g_assert_cmpstr (json_object_get_string_member (kept, "url_type"), ==, "upload");
    g_assert_cmpstr (json_object_get_string_member (kept, "url"), ==, expected_url);
    g_assert_nonnull (pub_test_portal_get_upload_path (f->portal, id));
  }
}

static void
test_resource_upload_large_streams (Fixture       *f,
                                    gconstpointer  data)
{
  gsize size = 6 * 1024 * 1024 + 123;
  g_autofree char *content = g_malloc (size + 1);
  g_autofree char *id = NULL;
  g_autoptr(GBytes) stored = NULL;

  /* Bytes that contain boundary-like runs of dashes and CRLFs. */
  for (gsize i = 0; i < size; i++)
    content[i] = "-\r\n-ab--\r\n--xyz"[i % 15];
  content[size] = '\0';
  id = upload (f, "grande", "grande.bin", content, FALSE);
  stored = pub_test_portal_dup_upload (f->portal, id);
  g_assert_cmpuint (g_bytes_get_size (stored), ==, size);
  g_assert_true (memcmp (g_bytes_get_data (stored, NULL), content, size) == 0);
}

static void
test_resource_too_large (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *package_id = create_dataset (f, "editor", "limite", NULL);
  g_autofree char *content = g_strnfill (2048, 'x');
  g_autoptr(GBytes) bytes = g_bytes_new (content, 2048);
  const char *fields[] = { "package_id", package_id, NULL };
  g_autoptr(Reply) reply = NULL;
  JsonObject *dataset;

  pub_test_portal_set_max_upload (f->portal, 1024);
  reply = call_multipart (f, "editor", "resource_create", "big.csv", bytes, fields);
  g_assert_cmpstr (reply_field_message (reply, "upload"), ==, "File upload too large");
  dataset = pub_test_portal_dup_dataset (f->portal, package_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (dataset, "resources")), ==, 0);
  json_object_unref (dataset);
}

static void
test_resource_link_patch_update_delete (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *package_id = create_dataset (f, "editor", "enlaces", NULL);
  g_autoptr(Reply) link = call_post (f, "editor", "resource_create",
                                     "{\"package_id\": \"%s\", \"name\": \"Informe\", \"url\": \"https://example.org/informe.pdf\", "
                                     "\"extra_key\": \"se guarda\"}", package_id);
  g_autofree char *link_id = g_strdup (json_object_get_string_member (reply_result_object (link), "id"));
  g_autofree char *upload_id = NULL;
  g_autoptr(Reply) member = call_post (f, "member", "resource_create", "{\"package_id\": \"%s\", \"url\": \"x\"}", package_id);
  g_autoptr(Reply) anonymous = call_post (f, NULL, "resource_create", "{\"package_id\": \"%s\", \"url\": \"x\"}", package_id);
  g_autoptr(Reply) missing = call_post (f, "editor", "resource_create", "{}");
  g_autoptr(Reply) patched = NULL;
  g_autoptr(Reply) updated = NULL;
  g_autoptr(Reply) replaced = NULL;
  g_autoptr(Reply) deleted = NULL;
  g_autoptr(Reply) reorder = NULL;
  g_autoptr(Reply) duplicate = NULL;
  g_autoptr(Reply) unknown = NULL;
  g_autoptr(GBytes) new_bytes = g_bytes_new_static ("a,b\n1,2\n", 8);
  g_autoptr(GBytes) stored = NULL;
  JsonObject *resource = reply_result_object (link);
  JsonObject *dataset;

  g_assert_cmpstr (json_object_get_string_member (resource, "format"), ==, "PDF");
  g_assert_true (json_object_get_null_member (resource, "url_type"));
  g_assert_cmpstr (json_object_get_string_member (resource, "extra_key"), ==, "se guarda");
  reply_error (member, 403, "Authorization Error");
  g_assert_cmpstr (reply_error_message (anonymous, 403, "Authorization Error"), ==,
                   "Access denied: Action resource_create requires an authenticated user");
  g_assert_cmpstr (reply_field_message (missing, "package_id"), ==, "Missing value");

  patched = call_post (f, "editor", "resource_patch", "{\"id\": \"%s\", \"description\": \"Anual\"}", link_id);
  resource = reply_result_object (patched);
  g_assert_cmpstr (json_object_get_string_member (resource, "url"), ==, "https://example.org/informe.pdf");
  g_assert_cmpstr (json_object_get_string_member (resource, "name"), ==, "Informe");
  g_assert_cmpstr (json_object_get_string_member (resource, "description"), ==, "Anual");

  /* update replaces the resource: no url given → "" */
  updated = call_post (f, "editor", "resource_update", "{\"id\": \"%s\", \"name\": \"Solo nombre\"}", link_id);
  resource = reply_result_object (updated);
  g_assert_cmpstr (json_object_get_string_member (resource, "url"), ==, "");
  g_assert_true (json_object_get_null_member (resource, "description"));

  /* patch with a file turns the link into an upload. */
  {
    const char *fields[] = { "id", link_id, NULL };

    replaced = call_multipart (f, "editor", "resource_patch", "nuevo.csv", new_bytes, fields);
  }
  resource = reply_result_object (replaced);
  g_assert_cmpstr (json_object_get_string_member (resource, "url_type"), ==, "upload");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (resource, "url"), "/download/nuevo.csv"));
  g_assert_cmpstr (json_object_get_string_member (resource, "name"), ==, "Solo nombre");
  stored = pub_test_portal_dup_upload (f->portal, link_id);
  g_assert_cmpuint (g_bytes_get_size (stored), ==, 8);

  {
    g_autoptr(Reply) second = call_post (f, "editor", "resource_create",
                                         "{\"package_id\": \"%s\", \"url\": \"https://example.org/b.csv\"}", package_id);

    upload_id = g_strdup (json_object_get_string_member (reply_result_object (second), "id"));
  }
  reorder = call_post (f, "editor", "package_resource_reorder", "{\"id\": \"%s\", \"order\": [\"%s\"]}", package_id, upload_id);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (reply_result_object (reorder), "order"), 0), ==, upload_id);
  dataset = pub_test_portal_dup_dataset (f->portal, package_id);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (dataset, "resources"), 0), "id"),
                   ==, upload_id);
  json_object_unref (dataset);
  duplicate = call_post (f, "editor", "package_resource_reorder", "{\"id\": \"%s\", \"order\": [\"%s\", \"%s\"]}",
                         package_id, upload_id, upload_id);
  g_assert_cmpstr (reply_field_message (duplicate, "order"), ==, "Must supply unique resource_ids");
  unknown = call_post (f, "editor", "package_resource_reorder", "{\"id\": \"%s\", \"order\": [\"no-such-id\"]}", package_id);
  g_assert_cmpstr (reply_field_message (unknown, "order"), ==, "resource_id no-such-id can not be found");

  deleted = call_post (f, "editor", "resource_delete", "{\"id\": \"%s\"}", link_id);
  reply_result_null (deleted);
  g_assert_null (pub_test_portal_get_upload_path (f->portal, link_id));
  dataset = pub_test_portal_dup_dataset (f->portal, package_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (dataset, "resources")), ==, 1);
  json_object_unref (dataset);
}

static void
test_resource_upload_faults (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *package_id = create_dataset (f, "editor", "fallas", NULL);
  g_autofree char *content = g_strnfill (512 * 1024, 'z');
  g_autoptr(GBytes) bytes = g_bytes_new (content, strlen (content));
  const char *fields[] = { "package_id", package_id, NULL };
  g_autoptr(Reply) proxy = NULL;
  g_autoptr(Reply) reset = NULL;
  g_autoptr(Reply) fine = NULL;
  JsonObject *dataset;

  /* A proxy answers 413 before the body reaches CKAN. */
  pub_test_portal_inject_fault (f->portal, "resource_create", PUB_TEST_FAULT_HTML_413, 0, 1);
  proxy = call_multipart (f, "editor", "resource_create", "z.csv", bytes, fields);
  g_assert_no_error (proxy->error);
  g_assert_cmpuint (proxy->status, ==, 413);
  g_assert_true (g_str_has_prefix (proxy->content_type, "text/html"));

  /* The connection goes away in the middle of the body. */
  pub_test_portal_inject_fault (f->portal, "resource_create", PUB_TEST_FAULT_CLOSE_AFTER_BYTES, 64 * 1024, 1);
  reset = call_multipart (f, "editor", "resource_create", "z.csv", bytes, fields);
  g_assert_nonnull (reset->error);
  g_assert_true (reset->error->domain == G_IO_ERROR || reset->error->domain == SOUP_SESSION_ERROR);
  run_pending ();
  g_assert_cmpuint (pub_test_portal_count_pending_uploads (f->portal), ==, 0);

  dataset = pub_test_portal_dup_dataset (f->portal, package_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (dataset, "resources")), ==, 0);
  json_object_unref (dataset);
  g_assert_cmpuint (pub_test_portal_get_call_count (f->portal, "resource_create"), ==, 2);

  fine = call_multipart (f, "editor", "resource_create", "z.csv", bytes, fields);
  reply_result_object (fine);
}

/* ---- Comments ---- */

static JsonObject *
thread_show (Fixture    *f,
             const char *user,
             const char *subject,
             const char *options,
             Reply     **keep)
{
  *keep = call_post (f, user, "comments_thread_show",
                     "{\"subject_id\": \"%s\", \"subject_type\": \"package\", \"include_comments\": true%s%s}",
                     subject, options ? ", " : "", options ? options : "");
  return reply_result_object (*keep);
}

static void
test_comments_approval (Fixture       *f,
                        gconstpointer  data)
{
  JsonObject *air = pub_test_portal_dup_dataset (f->portal, "calidad-del-aire");
  g_autofree char *subject = g_strdup (json_object_get_string_member (air, "id"));
  g_autoptr(Reply) get = NULL;
  g_autoptr(Reply) missing_thread = NULL;
  g_autoptr(Reply) created = NULL;
  g_autoptr(Reply) anon_view = NULL;
  g_autoptr(Reply) author_view = NULL;
  g_autoptr(Reply) anon_show = NULL;
  g_autoptr(Reply) admin_approve = NULL;
  g_autoptr(Reply) sysadmin_approve = NULL;
  g_autoptr(Reply) reply_to_draft = NULL;
  g_autoptr(Reply) reply = NULL;
  g_autoptr(Reply) tree_view = NULL;
  g_autoptr(Reply) late_edit = NULL;
  g_autoptr(Reply) anonymous_create = NULL;
  g_autoptr(Reply) init = NULL;
  g_autofree char *query = g_strdup_printf ("subject_id=%s&subject_type=package", subject);
  g_autofree char *comment_id = NULL;
  JsonObject *comment;
  JsonArray *comments;

  json_object_unref (air);
  get = call_get (f, NULL, "comments_thread_show", query);
  g_assert_cmpuint (get->status, ==, 400);
  missing_thread = call_post (f, NULL, "comments_thread_show",
                              "{\"subject_id\": \"%s\", \"subject_type\": \"package\"}", subject);
  g_assert_cmpstr (reply_error_message (missing_thread, 404, "Not Found Error"), ==, "Not found: Thread not found");
  init = call_post (f, NULL, "comments_thread_show",
                    "{\"subject_id\": \"%s\", \"subject_type\": \"package\", \"init_missing\": true}", subject);
  g_assert_true (json_object_get_null_member (reply_result_object (init), "id"));

  created = call_post (f, "member", "comments_comment_create",
                       "{\"subject_id\": \"%s\", \"subject_type\": \"package\", \"content\": \"¿Hay datos de 2019?\", "
                       "\"create_thread\": true}", subject);
  comment = reply_result_object (created);
  comment_id = g_strdup (json_object_get_string_member (comment, "id"));
  g_assert_cmpstr (json_object_get_string_member (comment, "state"), ==, "draft");
  g_assert_false (json_object_get_boolean_member (comment, "approved"));

  /* Drafts are for their author and the moderators. */
  comments = json_object_get_array_member (thread_show (f, NULL, subject, NULL, &anon_view), "comments");
  g_assert_cmpuint (json_array_get_length (comments), ==, 0);
  comments = json_object_get_array_member (thread_show (f, "member", subject, "\"include_author\": true", &author_view),
                                           "comments");
  g_assert_cmpuint (json_array_get_length (comments), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_array_get_object_element (comments, 0), "author"), "name"),
                   ==, "member");
  anon_show = call_post (f, NULL, "comments_comment_show", "{\"id\": \"%s\"}", comment_id);
  g_assert_cmpstr (reply_error_message (anon_show, 403, "Authorization Error"), ==, "Access denied");
  reply_to_draft = call_post (f, "editor", "comments_comment_create",
                              "{\"subject_id\": \"%s\", \"subject_type\": \"package\", \"content\": \"Sí\", \"reply_to_id\": \"%s\"}",
                              subject, comment_id);
  reply_error (reply_to_draft, 403, "Authorization Error");

  /* Only sysadmins moderate, organization admins included. */
  admin_approve = call_post (f, "admin", "comments_comment_approve", "{\"id\": \"%s\"}", comment_id);
  reply_error (admin_approve, 403, "Authorization Error");
  sysadmin_approve = call_post (f, "sysadmin", "comments_comment_approve", "{\"id\": \"%s\"}", comment_id);
  g_assert_cmpstr (json_object_get_string_member (reply_result_object (sysadmin_approve), "state"), ==, "approved");

  reply = call_post (f, "editor", "comments_comment_create",
                     "{\"subject_id\": \"%s\", \"subject_type\": \"package\", \"content\": \"Sí\", \"reply_to_id\": \"%s\"}",
                     subject, comment_id);
  g_assert_cmpstr (json_object_get_string_member (reply_result_object (reply), "reply_to_id"), ==, comment_id);
  comments = json_object_get_array_member (thread_show (f, "sysadmin", subject, "\"combine_comments\": true", &tree_view),
                                           "comments");
  g_assert_cmpuint (json_array_get_length (comments), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (comments, 0), "replies")), ==, 1);

  late_edit = call_post (f, "member", "comments_comment_update", "{\"id\": \"%s\", \"content\": \"editado\"}", comment_id);
  reply_error (late_edit, 403, "Authorization Error");
  anonymous_create = call_post (f, NULL, "comments_comment_create",
                                "{\"subject_id\": \"%s\", \"subject_type\": \"package\", \"content\": \"anon\"}", subject);
  reply_error (anonymous_create, 500, "Internal Server Error");

  {
    g_autoptr(Reply) editor_delete = call_post (f, "editor", "comments_comment_delete", "{\"id\": \"%s\"}", comment_id);
    g_autoptr(Reply) sysadmin_delete = call_post (f, "sysadmin", "comments_comment_delete", "{\"id\": \"%s\"}", comment_id);
    g_autoptr(Reply) gone = call_post (f, NULL, "comments_comment_show", "{\"id\": \"%s\"}", comment_id);
    g_autoptr(Reply) again = call_post (f, "editor", "comments_thread_create",
                                        "{\"subject_id\": \"%s\", \"subject_type\": \"package\"}", subject);
    g_autoptr(Reply) fresh = call_post (f, "editor", "comments_thread_create",
                                        "{\"subject_id\": \"otro\", \"subject_type\": \"package\"}");
    g_autoptr(Reply) bad_type = call_post (f, "editor", "comments_thread_create",
                                           "{\"subject_id\": \"otro\", \"subject_type\": \"planeta\"}");

    reply_error (editor_delete, 403, "Authorization Error");
    g_assert_cmpstr (json_object_get_string_member (reply_result_object (sysadmin_delete), "id"), ==, comment_id);
    g_assert_cmpstr (reply_error_message (gone, 404, "Not Found Error"), ==, "Not found: Comment not found");
    reply_error (again, 409, "Validation Error");
    g_assert_cmpstr (json_object_get_string_member (reply_result_object (fresh), "subject_type"), ==, "package");
    reply_field_message (bad_type, "subject_type");
  }
}

static void
test_misc_actions (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(Reply) tags = call_get (f, NULL, "tag_autocomplete", "q=AI");
  g_autoptr(Reply) private_tags = call_get (f, NULL, "tag_autocomplete", "q=presu");
  g_autoptr(Reply) schema = call_get (f, NULL, "scheming_dataset_schema_show", "type=dataset");
  g_autoptr(Reply) org = call_get (f, NULL, "organization_show", "id=" ORG);
  g_autoptr(Reply) deleted = NULL;
  g_autoptr(Reply) deleted_anon = NULL;
  g_autoptr(Reply) deleted_admin = NULL;
  g_autoptr(Reply) with_deleted = NULL;
  g_autoptr(Reply) pushed = NULL;
  g_autofree char *id = create_dataset (f, "editor", "efimero", NULL);
  JsonArray *fields;
  gboolean frequency = FALSE;

  g_assert_cmpuint (json_array_get_length (reply_result_array (tags)), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (reply_result_array (tags), 0), ==, "aire");
  /* Tags of private datasets are not suggested. */
  g_assert_cmpuint (json_array_get_length (reply_result_array (private_tags)), ==, 0);
  fields = json_object_get_array_member (reply_result_object (schema), "dataset_fields");
  for (guint i = 0; i < json_array_get_length (fields); i++)
    {
      JsonObject *field = json_array_get_object_element (fields, i);

      if (g_strcmp0 (json_object_get_string_member (field, "field_name"), "frequency") == 0)
        frequency = json_array_get_length (json_object_get_array_member (field, "choices")) == 7;
    }
  g_assert_true (frequency);
  g_assert_cmpstr (json_object_get_string_member (reply_result_object (org), "title"), ==, "Ministerio de Prueba");

  deleted = call_post (f, "editor", "package_delete", "{\"id\": \"%s\"}", id);
  reply_result_null (deleted);
  deleted_anon = call_get (f, NULL, "package_show", "id=efimero");
  reply_error (deleted_anon, 403, "Authorization Error");
  deleted_admin = call_get (f, "admin", "package_show", "id=efimero");
  g_assert_cmpstr (json_object_get_string_member (reply_result_object (deleted_admin), "state"), ==, "deleted");
  with_deleted = call_get (f, "sysadmin", "package_search", "include_deleted=true&fq=state:deleted");
  g_assert_cmpint (json_object_get_int_member (reply_result_object (with_deleted), "count"), ==, 1);

  /* A portal with DataPusher instead of xloader. */
  pub_test_portal_set_extension (f->portal, "datapusher", TRUE);
  {
    JsonObject *air = pub_test_portal_dup_dataset (f->portal, "calidad-del-aire");
    const char *resource_id = json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (air, "resources"), 0), "id");

    pushed = call_post (f, "editor", "datapusher_submit", "{\"resource_id\": \"%s\"}", resource_id);
    g_assert_true (json_node_get_boolean (json_object_get_member (json_node_get_object (pushed->json), "result")));
    json_object_unref (air);
  }
}

/* ---- Validation, xloader, DataStore ---- */

/* Reads `action` until its status is `final`, failing after 10 s;
 * returns whether "running" was seen on the way. */
static gboolean
wait_for_status (Fixture    *f,
                 const char *action,
                 const char *query,
                 const char *final)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gboolean saw_running = FALSE;

  for (;;)
    {
      g_autoptr(Reply) reply = call_get (f, "editor", action, query);
      const char *status = json_object_get_string_member (reply_result_object (reply), "status");

      saw_running = saw_running || g_strcmp0 (status, "running") == 0;
      if (g_strcmp0 (status, final) == 0)
        return saw_running;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      wait_ms (20);
    }
}

static void
test_validation_report (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *good = upload (f, "valido", "bueno.csv", good_csv, FALSE);
  g_autofree char *broken = upload (f, "invalido", "malo.csv", broken_csv, FALSE);
  g_autofree char *good_query = g_strdup_printf ("resource_id=%s", good);
  g_autofree char *broken_query = g_strdup_printf ("resource_id=%s", broken);
  g_autoptr(Reply) none = call_get (f, "editor", "resource_validation_show", good_query);
  g_autoptr(Reply) run_good = NULL;
  g_autoptr(Reply) run_broken = NULL;
  g_autoptr(Reply) member_run = NULL;
  g_autoptr(Reply) pending = NULL;
  g_autoptr(Reply) good_report = NULL;
  g_autoptr(Reply) broken_report = NULL;
  g_autoptr(Reply) pdf = NULL;
  g_autoptr(Reply) pdf_run = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(Reply) resource_reply = NULL;
  JsonObject *result;
  JsonObject *report;
  JsonArray *errors;

  g_assert_cmpstr (reply_error_message (none, 404, "Not Found Error"), ==,
                   "Not found: No validation report exists for this resource");
  /* Jobs finish a while after they were queued, like a worker's. */
  pub_test_portal_set_job_delay (f->portal, 200);
  run_broken = call_post (f, "editor", "resource_validation_run", "{\"resource_id\": \"%s\"}", broken);
  member_run = call_post (f, "member", "resource_validation_run", "{\"resource_id\": \"%s\"}", good);
  run_good = call_post (f, "editor", "resource_validation_run", "{\"resource_id\": \"%s\"}", good);
  reply_result_null (run_good);
  reply_result_null (run_broken);
  g_assert_nonnull (strstr (reply_error_message (member_run, 403, "Authorization Error"),
                            "User member not authorized to edit resource"));

  /* Queued: "created" until the job ran. */
  pending = call_get (f, "editor", "resource_validation_show", good_query);
  g_assert_cmpstr (json_object_get_string_member (reply_result_object (pending), "status"), ==, "created");
  g_assert_true (json_object_get_null_member (reply_result_object (pending), "report"));
  /* Then the worker takes it: "running", then done. */
  g_assert_true (wait_for_status (f, "resource_validation_show", good_query, "success"));
  wait_for_status (f, "resource_validation_show", broken_query, "failure");

  good_report = call_get (f, "editor", "resource_validation_show", good_query);
  result = reply_result_object (good_report);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "success");
  /* The report is a JSON string inside the JSON. */
  json_parser_load_from_data (parser, json_object_get_string_member (result, "report"), -1, &error);
  g_assert_no_error (error);
  report = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_boolean_member (report, "valid"));

  broken_report = call_get (f, "editor", "resource_validation_show", broken_query);
  result = reply_result_object (broken_report);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "failure");
  json_parser_load_from_data (parser, json_object_get_string_member (result, "report"), -1, &error);
  g_assert_no_error (error);
  report = json_node_get_object (json_parser_get_root (parser));
  g_assert_false (json_object_get_boolean_member (report, "valid"));
  errors = json_object_get_array_member (json_array_get_object_element (json_object_get_array_member (report, "tasks"), 0), "errors");
  g_assert_cmpuint (json_array_get_length (errors), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 0), "type"), ==, "duplicate-label");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 1), "type"), ==, "missing-cell");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 3), "type"), ==, "extra-cell");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (errors, 3), "rowNumber"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (resource_of (f, "editor", broken, &resource_reply), "validation_status"),
                   ==, "failure");

  pdf = call_post (f, "editor", "resource_create",
                   "{\"package_id\": \"valido\", \"url\": \"https://example.org/x.pdf\"}");
  pdf_run = call_post (f, "editor", "resource_validation_run", "{\"resource_id\": \"%s\"}",
                       json_object_get_string_member (reply_result_object (pdf), "id"));
  g_assert_cmpstr (reply_field_message (pdf_run, "format"), ==, "Unsupported resource format.Must be one of csv,xlsx,xls");
}

static void
test_xloader_and_datastore (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *id = upload (f, "cargable", "datos.csv", good_csv, FALSE);
  g_autofree char *query = g_strdup_printf ("resource_id=%s", id);
  g_autofree char *info_query = g_strdup_printf ("id=%s", id);
  g_autoptr(Reply) never = call_get (f, "editor", "xloader_status", query);
  g_autoptr(Reply) not_in_store = call_get (f, NULL, "datastore_search", query);
  g_autoptr(Reply) member_submit = call_post (f, "member", "xloader_submit", "{\"resource_id\": \"%s\"}", id);
  g_autoptr(Reply) submitted = NULL;
  g_autoptr(Reply) pending = NULL;
  g_autoptr(Reply) complete = NULL;
  g_autoptr(Reply) search = NULL;
  g_autoptr(Reply) csv = NULL;
  g_autoptr(Reply) info = NULL;
  g_autoptr(Reply) dictionary = NULL;
  g_autoptr(Reply) info_after = NULL;
  g_autoptr(Reply) datapusher = call_get (f, "editor", "datapusher_status", query);
  g_autoptr(Reply) shown = NULL;
  g_autofree char *csv_query = g_strdup_printf ("resource_id=%s&records_format=csv&limit=1&offset=1", id);
  g_autofree char *sort_query = g_strdup_printf ("resource_id=%s&sort=%%22valor%%22%%20desc", id);
  g_autofree char *q_query = g_strdup_printf ("resource_id=%s&q=arica", id);
  g_autofree char *bad_sort_query = g_strdup_printf ("resource_id=%s&sort=nada", id);
  g_autoptr(Reply) reloaded = NULL;
  g_autoptr(Reply) info_reloaded = NULL;
  g_autoptr(Reply) sorted = NULL;
  g_autoptr(Reply) filtered = NULL;
  g_autoptr(Reply) bad_sort = NULL;
  g_autofree char *expected = NULL;
  JsonObject *result;
  JsonArray *fields;

  g_assert_cmpstr (reply_error_message (never, 404, "Not Found Error"), ==, "Not found");
  g_assert_cmpstr (reply_error_message (not_in_store, 404, "Not Found Error"), ==,
                   (expected = g_strdup_printf ("Not found: Resource \"%s\" was not found.", id)));
  reply_error (member_submit, 403, "Authorization Error");
  pub_test_portal_set_job_delay (f->portal, 200);
  submitted = call_post (f, "editor", "xloader_submit", "{\"resource_id\": \"%s\"}", id);
  pending = call_get (f, "editor", "xloader_status", query);
  g_assert_true (json_node_get_boolean (json_object_get_member (json_node_get_object (submitted->json), "result")));
  g_assert_cmpstr (json_object_get_string_member (reply_result_object (pending), "status"), ==, "pending");
  g_assert_true (wait_for_status (f, "xloader_status", query, "complete"));

  complete = call_get (f, "editor", "xloader_status", query);
  result = reply_result_object (complete);
  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "complete");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (result, "task_info"), "status"), ==, "complete");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (result, "task_info"), "api_key"), ==,
                   PUB_TEST_PORTAL_XLOADER_API_KEY);
  g_assert_true (json_object_get_boolean_member (resource_of (f, "editor", id, &shown), "datastore_active"));

  search = call_get (f, NULL, "datastore_search", query);
  result = reply_result_object (search);
  g_assert_cmpint (json_object_get_int_member (result, "total"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (result, "records"), 1), "region"),
                   ==, "Tarapaca");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (result, "fields"), 0), "id"),
                   ==, "_id");
  csv = call_get (f, NULL, "datastore_search", csv_query);
  g_assert_cmpstr (json_object_get_string_member (reply_result_object (csv), "records"), ==, "2,Tarapaca,2020,12\n");

  info = call_get (f, "editor", "datastore_info", info_query);
  fields = json_object_get_array_member (reply_result_object (info), "fields");
  g_assert_cmpuint (json_array_get_length (fields), ==, 3);
  dictionary = call_post (f, "editor", "datastore_create",
                          "{\"resource_id\": \"%s\", \"force\": true, \"fields\": ["
                          "{\"id\": \"region\", \"type\": \"text\", \"info\": {\"label\": \"Región\", \"notes\": \"\", \"type_override\": \"\"}},"
                          "{\"id\": \"anio\", \"type\": \"text\", \"info\": {\"label\": \"Año\", \"notes\": \"\", \"type_override\": \"int\"}},"
                          "{\"id\": \"valor\", \"type\": \"text\", \"info\": {\"label\": \"Valor\", \"notes\": \"\", \"type_override\": \"numeric\"}}]}",
                          id);
  reply_result_object (dictionary);
  info_after = call_get (f, "editor", "datastore_info", info_query);
  fields = json_object_get_array_member (reply_result_object (info_after), "fields");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_array_get_object_element (fields, 1), "info"),
                                                  "type_override"), ==, "int");

  /* The overrides apply at the next load, and the dictionary stays. */
  reloaded = call_post (f, "editor", "xloader_submit", "{\"resource_id\": \"%s\"}", id);
  wait_for_status (f, "xloader_status", query, "complete");
  info_reloaded = call_get (f, "editor", "datastore_info", info_query);
  fields = json_object_get_array_member (reply_result_object (info_reloaded), "fields");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (fields, 2), "type"), ==, "numeric");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_array_get_object_element (fields, 2), "info"),
                                                  "label"), ==, "Valor");
  sorted = call_get (f, NULL, "datastore_search", sort_query);
  result = reply_result_object (sorted);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (json_object_get_array_member (result, "records"), 0),
                                                    "valor"), ==, 12);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (result, "records"), 0),
                                                  "region"), ==, "Tarapaca");
  filtered = call_get (f, NULL, "datastore_search", q_query);
  g_assert_cmpint (json_object_get_int_member (reply_result_object (filtered), "total"), ==, 1);
  bad_sort = call_get (f, NULL, "datastore_search", bad_sort_query);
  reply_error (bad_sort, 409, "Validation Error");

  /* DataPusher is not in the default fixture: its actions don't exist. */
  g_assert_cmpuint (datapusher->status, ==, 400);
  g_assert_true (JSON_NODE_HOLDS_VALUE (datapusher->json));
}

/* A value the override refuses fails the load the way xloader does for
 * anything but a JobError: a traceback frame and the repr. */
static void
test_xloader_type_error (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *id = upload (f, "tipos", "datos.csv", "region,valor\nArica,10\nTarapaca,n/a\n", FALSE);
  g_autofree char *query = g_strdup_printf ("resource_id=%s", id);
  g_autoptr(Reply) first = call_post (f, "editor", "xloader_submit", "{\"resource_id\": \"%s\"}", id);
  g_autoptr(Reply) dictionary = NULL;
  g_autoptr(Reply) second = NULL;
  g_autoptr(Reply) failed = NULL;
  JsonObject *task_info;
  JsonArray *logs;
  const char *message;

  wait_for_status (f, "xloader_status", query, "complete");
  dictionary = call_post (f, "editor", "datastore_create",
                          "{\"resource_id\": \"%s\", \"force\": true, \"fields\": ["
                          "{\"id\": \"region\", \"type\": \"text\", \"info\": {\"type_override\": \"\"}},"
                          "{\"id\": \"valor\", \"type\": \"text\", \"info\": {\"type_override\": \"numeric\"}}]}", id);
  reply_result_object (dictionary);
  second = call_post (f, "editor", "xloader_submit", "{\"resource_id\": \"%s\"}", id);
  wait_for_status (f, "xloader_status", query, "error");
  failed = call_get (f, "editor", "xloader_status", query);
  task_info = json_object_get_object_member (reply_result_object (failed), "task_info");
  message = json_object_get_string_member (json_object_get_object_member (task_info, "error"), "message");
  g_assert_true (g_str_has_prefix (message, "  File \""));
  g_assert_nonnull (strstr (message, "DataError('invalid input syntax for type numeric: \"n/a\""));
  logs = json_object_get_array_member (task_info, "logs");
  message = json_object_get_string_member (json_array_get_object_element (logs, json_array_get_length (logs) - 1), "message");
  g_assert_nonnull (strstr (message, "Traceback (most recent call last):"));
}

void
add_resource_tests (void)
{
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/portal/resource/upload-and-download", test_resource_upload_and_download);
  ADD ("/portal/resource/upload-large-streams", test_resource_upload_large_streams);
  ADD ("/portal/resource/too-large", test_resource_too_large);
  ADD ("/portal/resource/link-patch-update-delete", test_resource_link_patch_update_delete);
  ADD ("/portal/faults/upload", test_resource_upload_faults);
#undef ADD
}

void
add_extension_tests (void)
{
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/portal/comments/approval", test_comments_approval);
  ADD ("/portal/validation/report", test_validation_report);
  ADD ("/portal/xloader/datastore", test_xloader_and_datastore);
  ADD ("/portal/xloader/type-error", test_xloader_type_error);
  ADD ("/portal/misc/actions", test_misc_actions);
#undef ADD
}
