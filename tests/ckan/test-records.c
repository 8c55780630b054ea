/* test-records.c: the typed records, parsed leniently and written back
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "ckan-activity.h"
#include "ckan-api-token.h"
#include "ckan-capabilities.h"
#include "ckan-comment-thread.h"
#include "ckan-comment.h"
#include "ckan-dataset.h"
#include "ckan-datastore-info.h"
#include "ckan-license.h"
#include "ckan-load-status.h"
#include "ckan-organization.h"
#include "ckan-scheming-schema.h"
#include "ckan-search.h"
#include "ckan-user.h"

static JsonObject *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "ckan", "data", name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
assert_utc (GDateTime  *datetime,
            const char *expected)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (datetime);
  g_assert_cmpint (g_date_time_get_utc_offset (datetime), ==, 0);
  text = g_date_time_format (datetime, "%Y-%m-%dT%H:%M:%S");
  g_assert_cmpstr (text, ==, expected);
}

static void
test_dataset_parse (void)
{
  g_autoptr(JsonObject) object = load_fixture ("dataset.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanDataset) dataset = ckan_dataset_new_from_json (object, &error);
  const char * const *tags;
  GPtrArray *resources;
  CkanResource *upload, *link;

  g_assert_no_error (error);
  g_assert_cmpstr (ckan_dataset_get_id (dataset), ==, "8e1f9a52-5c1e-4d8a-9a55-0b7e3c1d2f10");
  g_assert_cmpstr (ckan_dataset_get_name (dataset), ==, "presupuesto-municipal-2025");
  g_assert_cmpstr (ckan_dataset_get_display_title (dataset), ==, "Presupuesto municipal 2025");
  g_assert_cmpstr (ckan_dataset_get_author_email (dataset), ==, "finanzas@municipio.cl");
  g_assert_null (ckan_dataset_get_maintainer (dataset));
  g_assert_cmpstr (ckan_dataset_get_license_id (dataset), ==, "cc-by");
  g_assert_cmpstr (ckan_dataset_get_state (dataset), ==, "active");
  g_assert_false (ckan_dataset_get_private (dataset));
  assert_utc (ckan_dataset_get_metadata_created (dataset), "2025-03-01T12:34:56");
  g_assert_cmpint (g_date_time_get_microsecond (ckan_dataset_get_metadata_created (dataset)), ==, 123456);
  assert_utc (ckan_dataset_get_metadata_modified (dataset), "2025-03-02T08:00:00");

  tags = ckan_dataset_get_tags (dataset);
  g_assert_cmpuint (g_strv_length ((GStrv) tags), ==, 2);
  g_assert_cmpstr (tags[1], ==, "finanzas públicas");

  g_assert_cmpstr (ckan_dataset_get_extra (dataset, "fuente"), ==, "SIAPER");
  g_assert_null (ckan_dataset_get_extra (dataset, "missing"));
  g_assert_cmpstr (ckan_dataset_get_extra_field (dataset, "frequency"), ==, "1m");
  g_assert_cmpstr (ckan_dataset_get_extra_field (dataset, "cobertura"), ==, "comunal");

  g_assert_cmpstr (ckan_organization_get_display_name (ckan_dataset_get_organization (dataset)), ==, "Municipio de Ejemplo");

  resources = ckan_dataset_get_resources (dataset);
  g_assert_cmpuint (resources->len, ==, 2);
  upload = g_ptr_array_index (resources, 0);
  link = ckan_dataset_get_resource (dataset, "r-0002");
  g_assert_true (link == g_ptr_array_index (resources, 1));
  g_assert_true (ckan_resource_is_upload (upload));
  g_assert_cmpint (ckan_resource_get_size (upload), ==, 20480);
  g_assert_cmpint (ckan_resource_get_position (upload), ==, 0);
  g_assert_true (ckan_resource_get_datastore_active (upload));
  g_assert_cmpstr (ckan_resource_get_validation_status (upload), ==, "success");
  g_assert_null (ckan_resource_get_description (upload));
  assert_utc (ckan_resource_get_created (upload), "2025-03-01T12:40:00");
  g_assert_false (ckan_resource_is_upload (link));
  g_assert_cmpint (ckan_resource_get_size (link), ==, -1);
  g_assert_null (ckan_resource_get_created (link));
  g_assert_cmpint (ckan_resource_get_position (link), ==, 1);
  g_assert_null (ckan_dataset_get_resource (dataset, "r-9999"));
}

static void
test_dataset_round_trip (void)
{
  g_autoptr(JsonObject) object = load_fixture ("dataset.json");
  g_autoptr(CkanDataset) dataset = ckan_dataset_new_from_json (object, NULL);
  g_autoptr(JsonObject) out = NULL;
  const char *new_tags[] = { "salud", "hospitales", NULL };
  JsonArray *tags, *extras, *resources;
  JsonObject *first_resource;

  ckan_dataset_set_title (dataset, "Presupuesto 2025 (revisado)");
  ckan_dataset_set_private (dataset, TRUE);
  ckan_dataset_set_tags (dataset, new_tags);
  ckan_dataset_set_extra (dataset, "fuente", "SIGFE");
  ckan_dataset_set_extra (dataset, "cobertura", NULL);
  ckan_dataset_set_extra (dataset, "nueva", "sí");
  ckan_dataset_set_extra_field (dataset, "frequency", "1y");
  ckan_dataset_set_extra_field (dataset, "period", NULL);
  ckan_resource_set_name (ckan_dataset_get_resource (dataset, "r-0001"), "Enero (corregido)");

  /* Getters see the edits. */
  g_assert_cmpstr (ckan_dataset_get_tags (dataset)[1], ==, "hospitales");
  g_assert_cmpstr (ckan_dataset_get_extra (dataset, "fuente"), ==, "SIGFE");
  g_assert_null (ckan_dataset_get_extra (dataset, "cobertura"));

  out = ckan_record_to_json (CKAN_RECORD (dataset));
  g_assert_cmpstr (json_object_get_string_member (out, "title"), ==, "Presupuesto 2025 (revisado)");
  g_assert_true (json_object_get_boolean_member (out, "private"));
  g_assert_cmpstr (json_object_get_string_member (out, "frequency"), ==, "1y");
  g_assert_true (json_object_get_null_member (out, "period"));

  /* Keys the app knows nothing about come back untouched. */
  g_assert_true (json_node_equal (json_object_get_member (out, "publicador_plugin_field"),
                                  json_object_get_member (object, "publicador_plugin_field")));
  g_assert_true (json_object_has_member (out, "relationships_as_object"));
  g_assert_cmpint (json_object_get_int_member (out, "num_tags"), ==, 2);

  tags = json_object_get_array_member (out, "tags");
  g_assert_cmpuint (json_array_get_length (tags), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tags, 0), "name"), ==, "salud");

  extras = json_object_get_array_member (out, "extras");
  g_assert_cmpuint (json_array_get_length (extras), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (extras, 0), "value"), ==, "SIGFE");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (extras, 1), "key"), ==, "nueva");

  resources = json_object_get_array_member (out, "resources");
  g_assert_cmpuint (json_array_get_length (resources), ==, 2);
  first_resource = json_array_get_object_element (resources, 0);
  g_assert_cmpstr (json_object_get_string_member (first_resource, "name"), ==, "Enero (corregido)");
  g_assert_cmpstr (json_object_get_string_member (first_resource, "resource_custom"), ==, "kept");

  /* The record works on its own copy: the caller's object is as it was. */
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Presupuesto municipal 2025");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "extras")), ==, 2);
  /* And to_json is a copy too: changing it leaves the record alone. */
  json_object_set_string_member (out, "title", "changed");
  g_assert_cmpstr (ckan_dataset_get_title (dataset), ==, "Presupuesto 2025 (revisado)");
}

static void
test_dataset_lenient (void)
{
  g_autoptr(JsonObject) minimal = parse_object ("{\"id\": \"x\"}");
  g_autoptr(JsonObject) wrong = parse_object ("{\"id\": \"y\", \"title\": 5, \"private\": \"True\","
                                              " \"tags\": \"nope\", \"resources\": {\"a\": 1},"
                                              " \"organization\": [], \"extras\": [1, {\"key\": 2}],"
                                              " \"metadata_created\": \"yesterday\", \"name\": null}");
  g_autoptr(JsonObject) no_id = parse_object ("{\"name\": \"sin-id\", \"id\": \"\"}");
  g_autoptr(JsonObject) tag_string = parse_object ("{\"id\": \"z\", \"tag_string\": \" a, b ,,c \"}");
  g_autoptr(CkanDataset) dataset = ckan_dataset_new_from_json (minimal, NULL);
  g_autoptr(CkanDataset) odd = ckan_dataset_new_from_json (wrong, NULL);
  g_autoptr(CkanDataset) from_string = ckan_dataset_new_from_json (tag_string, NULL);
  g_autoptr(CkanDataset) fresh = ckan_dataset_new ();
  g_autoptr(JsonObject) fresh_json = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *joined = NULL;
  CkanDataset *missing;

  g_assert_null (ckan_dataset_get_title (dataset));
  g_assert_cmpstr (ckan_dataset_get_display_title (dataset), ==, NULL);
  g_assert_false (ckan_dataset_get_private (dataset));
  g_assert_cmpuint (g_strv_length ((GStrv) ckan_dataset_get_tags (dataset)), ==, 0);
  g_assert_cmpuint (ckan_dataset_get_resources (dataset)->len, ==, 0);
  g_assert_null (ckan_dataset_get_organization (dataset));
  g_assert_null (ckan_dataset_get_metadata_modified (dataset));

  g_assert_null (ckan_dataset_get_title (odd));
  g_assert_true (ckan_dataset_get_private (odd));
  g_assert_cmpuint (g_strv_length ((GStrv) ckan_dataset_get_tags (odd)), ==, 0);
  g_assert_cmpuint (ckan_dataset_get_resources (odd)->len, ==, 0);
  g_assert_null (ckan_dataset_get_organization (odd));
  g_assert_null (ckan_dataset_get_extra (odd, "2"));
  g_assert_null (ckan_dataset_get_metadata_created (odd));
  g_assert_null (ckan_dataset_get_name (odd));

  joined = g_strjoinv ("|", (GStrv) ckan_dataset_get_tags (from_string));
  g_assert_cmpstr (joined, ==, "a|b|c");

  missing = ckan_dataset_new_from_json (no_id, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_null (missing);

  /* A dataset built from nothing, for package_create. */
  ckan_dataset_set_name (fresh, "nuevo");
  ckan_dataset_set_owner_org (fresh, "municipio-ejemplo");
  ckan_dataset_set_tags (fresh, (const char * const []) { "uno", NULL });
  fresh_json = ckan_record_to_json (CKAN_RECORD (fresh));
  g_assert_cmpuint (json_object_get_size (fresh_json), ==, 3);
  g_assert_false (json_object_has_member (fresh_json, "resources"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (fresh_json, "tags"), 0), "name"), ==, "uno");
}

static void
test_timestamps (void)
{
  g_autoptr(GDateTime) naive = ckan_parse_timestamp ("2025-01-31T23:59:59.5");
  g_autoptr(GDateTime) zulu = ckan_parse_timestamp ("2025-01-31T23:59:59Z");
  g_autoptr(GDateTime) offset = ckan_parse_timestamp ("2025-01-31T20:59:59-03:00");
  g_autoptr(GDateTime) spaced = ckan_parse_timestamp ("2025-01-31 23:59:59");
  g_autoptr(GDateTime) date_only = ckan_parse_timestamp ("2025-01-31");

  assert_utc (naive, "2025-01-31T23:59:59");
  g_assert_cmpint (g_date_time_get_microsecond (naive), ==, 500000);
  g_assert_false (g_date_time_equal (naive, zulu));
  g_assert_cmpint (g_date_time_to_unix (zulu), ==, g_date_time_to_unix (offset));
  g_assert_cmpint (g_date_time_to_unix (zulu), ==, g_date_time_to_unix (spaced));
  assert_utc (date_only, "2025-01-31T00:00:00");
  g_assert_null (ckan_parse_timestamp (""));
  g_assert_null (ckan_parse_timestamp (NULL));
  g_assert_null (ckan_parse_timestamp ("31/01/2025"));
}

static void
test_comment_thread (void)
{
  g_autoptr(JsonObject) object = load_fixture ("comment-thread.json");
  g_autoptr(CkanCommentThread) thread = ckan_comment_thread_new_from_json (object, NULL);
  GPtrArray *comments = ckan_comment_thread_get_comments (thread);
  CkanComment *first, *reply, *nested;

  g_assert_cmpstr (ckan_comment_thread_get_subject_type (thread), ==, "package");
  assert_utc (ckan_comment_thread_get_created_at (thread), "2025-04-01T10:00:00");
  /* The entry without id and the string are skipped, the rest kept. */
  g_assert_cmpuint (comments->len, ==, 2);
  g_assert_cmpuint (ckan_comment_thread_count_comments (thread), ==, 4);

  first = g_ptr_array_index (comments, 0);
  g_assert_true (ckan_comment_is_approved (first));
  g_assert_null (ckan_comment_get_reply_to_id (first));
  g_assert_null (ckan_comment_get_modified_at (first));
  g_assert_cmpstr (ckan_user_get_display_name (ckan_comment_get_author (first)), ==, "Ciudadana Pérez");
  g_assert_true (json_object_get_boolean_member (ckan_comment_get_extras (first), "consent"));
  /* A fork's extra field survives. */
  g_assert_cmpstr (ckan_record_get_string (CKAN_RECORD (first), "email"), ==, "ciudadano@example.cl");

  reply = g_ptr_array_index (ckan_comment_get_replies (first), 0);
  g_assert_false (ckan_comment_is_approved (reply));
  g_assert_cmpstr (ckan_comment_get_state (reply), ==, "draft");
  g_assert_cmpstr (ckan_comment_get_reply_to_id (reply), ==, "c-1");
  g_assert_null (ckan_comment_get_author (reply));
  assert_utc (ckan_comment_get_modified_at (reply), "2025-04-01T11:05:00");

  /* Only "approved" said: that decides. */
  nested = g_ptr_array_index (ckan_comment_get_replies (reply), 0);
  g_assert_true (ckan_comment_is_approved (nested));
  g_assert_cmpuint (ckan_comment_get_replies (nested)->len, ==, 0);
  g_assert_false (ckan_comment_is_approved (g_ptr_array_index (comments, 1)));
}

static char *
object_text (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return json_to_string (node, FALSE);
}

static void
assert_no_api_key (CkanRecord *record,
                   const char *token)
{
  g_autoptr(JsonObject) json = ckan_record_to_json (record);
  g_autofree char *kept = object_text (ckan_record_get_object (record));
  g_autofree char *sent = object_text (json);

  g_assert_null (strstr (kept, "api_key"));
  g_assert_null (strstr (kept, token));
  g_assert_null (strstr (sent, "api_key"));
  g_assert_null (strstr (sent, token));
}

static void
test_load_status (void)
{
  g_autoptr(JsonObject) object = load_fixture ("xloader-status.json");
  g_autoptr(CkanLoadStatus) status = ckan_load_status_new_from_json (object, NULL);
  g_autoptr(JsonObject) pending_object = parse_object ("{\"status\": \"running_but_viewable\", \"error\": \"\"}");
  g_autoptr(CkanLoadStatus) pending = ckan_load_status_new_from_json (pending_object, NULL);
  g_autoptr(JsonObject) string_error = parse_object ("{\"status\": \"weird\", \"error\": \"Timeout\"}");
  g_autoptr(CkanLoadStatus) failed = ckan_load_status_new_from_json (string_error, NULL);
  GPtrArray *logs;
  CkanLoadLogEntry *entry;

  g_assert_cmpint (ckan_load_status_get_state (status), ==, CKAN_LOAD_STATE_ERROR);
  g_assert_true (ckan_load_state_is_final (ckan_load_status_get_state (status)));
  g_assert_cmpstr (ckan_load_status_get_job_id (status), ==, "job-77");
  assert_utc (ckan_load_status_get_last_updated (status), "2025-05-01T09:10:11");
  g_assert_cmpstr (ckan_load_status_get_error_message (status), ==, "Error de tipo en la columna monto, fila 12");

  logs = ckan_load_status_get_logs (status);
  g_assert_cmpuint (logs->len, ==, 3);
  entry = g_ptr_array_index (logs, 1);
  g_assert_cmpstr (entry->level, ==, "ERROR");
  assert_utc (entry->timestamp, "2025-05-01T09:10:11");
  entry = g_ptr_array_index (logs, 2);
  g_assert_null (entry->timestamp);
  g_assert_cmpstr (entry->message, ==, "no timestamp");

  /* xloader's sysadmin token is in the answer but never in the record. */
  g_assert_true (json_object_has_member (json_object_get_object_member (object, "task_info"), "api_key"));
  assert_no_api_key (CKAN_RECORD (status), "sysadmin-token-of-the-job");

  g_assert_cmpint (ckan_load_status_get_state (pending), ==, CKAN_LOAD_STATE_RUNNING_BUT_VIEWABLE);
  g_assert_false (ckan_load_state_is_final (CKAN_LOAD_STATE_RUNNING_BUT_VIEWABLE));
  g_assert_null (ckan_load_status_get_error_message (pending));
  g_assert_cmpuint (ckan_load_status_get_logs (pending)->len, ==, 0);

  g_assert_cmpint (ckan_load_status_get_state (failed), ==, CKAN_LOAD_STATE_UNKNOWN);
  g_assert_cmpstr (ckan_load_status_get_error_message (failed), ==, "Timeout");
}

static void
test_datastore_info (void)
{
  g_autoptr(JsonObject) object = load_fixture ("datastore-info.json");
  g_autoptr(CkanDatastoreInfo) info = ckan_datastore_info_new_from_json (object, NULL);
  g_autoptr(JsonObject) dictionary = NULL;
  g_autoptr(JsonObject) bare = NULL;
  CkanDatastoreField *mes, *monto;
  JsonObject *entry;

  g_assert_cmpint (ckan_datastore_info_get_count (info), ==, 1234);
  g_assert_cmpint (ckan_datastore_info_get_size (info), ==, 90112);
  /* No "_id", and no field without an id. */
  g_assert_cmpuint (ckan_datastore_info_get_fields (info)->len, ==, 2);
  g_assert_null (ckan_datastore_info_get_field (info, "_id"));

  mes = ckan_datastore_info_get_field (info, "mes");
  g_assert_cmpstr (ckan_datastore_field_get_label (mes), ==, "Mes");
  g_assert_cmpstr (ckan_datastore_field_get_field_type (mes), ==, "text");
  ckan_datastore_field_set_label (mes, "Mes del año");
  dictionary = ckan_datastore_field_to_dictionary (mes);
  entry = json_object_get_object_member (dictionary, "info");
  g_assert_cmpstr (json_object_get_string_member (entry, "label"), ==, "Mes del año");
  g_assert_cmpstr (json_object_get_string_member (entry, "notes"), ==, "Mes de ejecución");
  g_assert_cmpstr (json_object_get_string_member (dictionary, "type"), ==, "text");

  monto = ckan_datastore_info_get_field (info, "monto");
  g_assert_null (ckan_datastore_field_get_label (monto));
  ckan_datastore_field_set_type_override (monto, "int");
  g_assert_cmpstr (ckan_datastore_field_get_type_override (monto), ==, "int");
  bare = ckan_datastore_field_to_dictionary (monto);
  /* datastore_create takes id, type and info; nothing else. */
  g_assert_false (json_object_has_member (bare, "schema"));
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (bare, "info")), ==, 1);
}

static void
test_capabilities (void)
{
  g_autoptr(JsonObject) object = load_fixture ("status-show.json");
  g_autoptr(CkanCapabilities) caps = ckan_capabilities_new_from_json (object, NULL);
  g_autoptr(JsonObject) old_object = parse_object ("{\"ckan_version\": \"2.9.11\", \"extensions\": [\"datapusher\", \"datastore\"]}");
  g_autoptr(CkanCapabilities) old = ckan_capabilities_new_from_json (old_object, NULL);
  g_autoptr(JsonObject) bare_object = parse_object ("{\"ckan_version\": \"2.11.0b1\", \"extensions\": \"none\"}");
  g_autoptr(CkanCapabilities) bare = ckan_capabilities_new_from_json (bare_object, NULL);

  g_assert_cmpstr (ckan_capabilities_get_site_title (caps), ==, "Datos Abiertos de Chile");
  g_assert_cmpstr (ckan_capabilities_get_site_url (caps), ==, "https://datos.gob.cl");
  g_assert_cmpuint (g_strv_length ((GStrv) ckan_capabilities_get_extensions (caps)), ==, 7);
  g_assert_true (ckan_capabilities_has_datastore (caps));
  g_assert_true (ckan_capabilities_has_xloader (caps));
  g_assert_false (ckan_capabilities_has_datapusher (caps));
  g_assert_true (ckan_capabilities_has_validation (caps));
  g_assert_true (ckan_capabilities_has_comments (caps));
  g_assert_true (ckan_capabilities_has_activity (caps));
  g_assert_true (ckan_capabilities_has_scheming (caps));
  g_assert_cmpint (ckan_capabilities_get_loader (caps), ==, CKAN_LOADER_XLOADER);
  g_assert_true (ckan_capabilities_version_at_least (caps, 2, 10));
  g_assert_true (ckan_capabilities_version_at_least (caps, 2, 9));
  g_assert_false (ckan_capabilities_version_at_least (caps, 2, 11));

  /* Before 2.10 activity was part of core. */
  g_assert_true (ckan_capabilities_has_activity (old));
  g_assert_cmpint (ckan_capabilities_get_loader (old), ==, CKAN_LOADER_DATAPUSHER);
  g_assert_false (ckan_capabilities_has_comments (old));

  g_assert_false (ckan_capabilities_has_activity (bare));
  g_assert_true (ckan_capabilities_version_at_least (bare, 2, 11));
  g_assert_cmpint (ckan_capabilities_get_loader (bare), ==, CKAN_LOADER_NONE);
  g_assert_cmpuint (g_strv_length ((GStrv) ckan_capabilities_get_extensions (bare)), ==, 0);
}

static void
test_scheming_schema (void)
{
  g_autoptr(JsonObject) object = load_fixture ("scheming-schema.json");
  g_autoptr(CkanSchemingSchema) schema = ckan_scheming_schema_new_from_json (object, NULL);
  CkanSchemingField *frequency, *notes;
  GPtrArray *choices;

  g_assert_cmpstr (ckan_scheming_schema_get_dataset_type (schema), ==, "dataset");
  g_assert_cmpuint (ckan_scheming_schema_get_dataset_fields (schema)->len, ==, 3);
  g_assert_cmpuint (ckan_scheming_schema_get_resource_fields (schema)->len, ==, 2);

  /* Under the C locale of the tests the Spanish label is the fallback. */
  notes = ckan_scheming_schema_get_dataset_field (schema, "notes");
  g_assert_cmpstr (ckan_scheming_field_get_label (notes), ==, "Descripción");
  g_assert_true (ckan_scheming_field_get_required (notes));
  g_assert_cmpstr (ckan_scheming_field_get_form_snippet (notes), ==, "markdown.html");

  frequency = ckan_scheming_schema_get_dataset_field (schema, "frequency");
  g_assert_false (ckan_scheming_field_get_required (frequency));
  g_assert_cmpstr (ckan_scheming_field_get_preset (frequency), ==, "select");
  g_assert_cmpstr (ckan_scheming_field_get_help_text (frequency), ==, "Fréquence");
  choices = ckan_scheming_field_get_choices (frequency);
  g_assert_cmpuint (choices->len, ==, 3);
  g_assert_cmpstr (((CkanSchemingChoice *) g_ptr_array_index (choices, 1))->label, ==, "Mensual");
  g_assert_cmpstr (((CkanSchemingChoice *) g_ptr_array_index (choices, 2))->label, ==, "irregular");
  g_assert_null (ckan_scheming_schema_get_dataset_field (schema, "period"));
}

static void
test_search_result (void)
{
  g_autoptr(JsonObject) object = load_fixture ("search-result.json");
  g_autoptr(CkanSearchResult) result = ckan_search_result_new_from_json (object, NULL);
  g_autoptr(GPtrArray) tags = ckan_search_result_dup_facet_items (result, "tags");
  g_autoptr(GPtrArray) broken = ckan_search_result_dup_facet_items (result, "broken");
  g_autoptr(GPtrArray) absent = ckan_search_result_dup_facet_items (result, "groups");
  GPtrArray *results = ckan_search_result_get_results (result);
  CkanFacetItem *item;

  g_assert_cmpint (ckan_search_result_get_count (result), ==, 57);
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_true (ckan_dataset_get_private (g_ptr_array_index (results, 0)));
  g_assert_false (ckan_dataset_get_private (g_ptr_array_index (results, 1)));
  g_assert_cmpstr (ckan_dataset_get_display_title (g_ptr_array_index (results, 1)), ==, "dos");

  g_assert_cmpuint (tags->len, ==, 3);
  item = g_ptr_array_index (tags, 0);
  g_assert_cmpstr (item->name, ==, "educacion");
  g_assert_cmpint (item->count, ==, 9);
  item = g_ptr_array_index (tags, 2);
  g_assert_cmpstr (item->display_name, ==, "transporte");
  g_assert_cmpuint (broken->len, ==, 0);
  g_assert_cmpuint (absent->len, ==, 0);
}

static void
test_search_params (void)
{
  g_autoptr(CkanSearchParams) params = ckan_search_params_new ();
  g_autoptr(CkanSearchParams) copy = NULL;
  g_autoptr(JsonObject) empty = ckan_search_params_to_json (params);
  g_autoptr(JsonObject) single = NULL;
  g_autoptr(JsonObject) full = NULL;
  JsonArray *facets;

  /* Nothing set: nothing sent, the portal's defaults apply. */
  g_assert_cmpuint (json_object_get_size (empty), ==, 0);

  ckan_search_params_add_filter (params, "owner_org:\"abc\"");
  single = ckan_search_params_to_json (params);
  g_assert_cmpstr (json_object_get_string_member (single, "fq"), ==, "owner_org:\"abc\"");

  ckan_search_params_set_query (params, "agua");
  ckan_search_params_add_filter (params, "creator_user_id:u1");
  ckan_search_params_add_filter (params, "-state:deleted");
  ckan_search_params_set_sort (params, "metadata_modified desc");
  ckan_search_params_set_start (params, 20);
  ckan_search_params_set_rows (params, 10);
  ckan_search_params_set_include_private (params, TRUE);
  ckan_search_params_set_include_drafts (params, FALSE);
  ckan_search_params_add_facet_field (params, "tags");
  ckan_search_params_add_facet_field (params, "res_format");
  ckan_search_params_set_facet_limit (params, 5);
  copy = ckan_search_params_copy (params);
  ckan_search_params_set_query (params, "changed after the copy");

  full = ckan_search_params_to_json (copy);
  g_assert_cmpstr (json_object_get_string_member (full, "q"), ==, "agua");
  g_assert_cmpstr (json_object_get_string_member (full, "fq"), ==, "+owner_org:\"abc\" +creator_user_id:u1 -state:deleted");
  g_assert_cmpstr (json_object_get_string_member (full, "sort"), ==, "metadata_modified desc");
  g_assert_cmpint (json_object_get_int_member (full, "start"), ==, 20);
  g_assert_cmpint (json_object_get_int_member (full, "rows"), ==, 10);
  g_assert_true (json_object_get_boolean_member (full, "include_private"));
  g_assert_false (json_object_get_boolean_member (full, "include_drafts"));
  g_assert_false (json_object_has_member (full, "include_deleted"));
  facets = json_object_get_array_member (full, "facet.field");
  g_assert_cmpuint (json_array_get_length (facets), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (facets, 1), ==, "res_format");
  g_assert_cmpint (json_object_get_int_member (full, "facet.limit"), ==, 5);
}

static void
test_small_records (void)
{
  g_autoptr(JsonObject) user_object = parse_object ("{\"id\": \"u1\", \"name\": \"editor\", \"fullname\": \"Ed Itor\","
                                                    " \"display_name\": \"\", \"email\": \"e@x.cl\", \"sysadmin\": false,"
                                                    " \"created\": \"2024-01-02T03:04:05\"}");
  g_autoptr(JsonObject) org_object = parse_object ("{\"id\": \"o1\", \"name\": \"org\", \"title\": \"\","
                                                   " \"capacity\": \"editor\", \"package_count\": 12}");
  g_autoptr(JsonObject) member_object = parse_object ("{\"id\": \"o2\", \"name\": \"org2\", \"capacity\": \"member\"}");
  g_autoptr(JsonObject) license_object = parse_object ("{\"id\": \"cc-by\", \"title\": \"CC BY\", \"url\": \"https://cc\","
                                                       " \"od_conformance\": \"approved\"}");
  g_autoptr(JsonObject) old_license_object = parse_object ("{\"id\": \"odc\", \"is_okd_compliant\": true}");
  g_autoptr(JsonObject) token_object = parse_object ("{\"id\": \"jti-1\", \"name\": \"publicador\", \"user_id\": \"u1\","
                                                     " \"created_at\": \"2025-01-01T00:00:00\", \"last_access\": null}");
  g_autoptr(JsonObject) activity_object = parse_object ("{\"id\": \"a1\", \"timestamp\": \"2025-02-03T04:05:06.789\","
                                                        " \"user_id\": \"u1\", \"object_id\": \"d1\","
                                                        " \"activity_type\": \"changed package\", \"is_new\": true,"
                                                        " \"data\": {\"package\": {\"name\": \"uno\", \"title\": \"Uno\"},"
                                                        " \"actor\": \"editor\"}}");
  g_autoptr(JsonObject) bare_activity_object = parse_object ("{\"id\": \"a2\", \"data\": \"broken\"}");
  g_autoptr(CkanUser) user = ckan_user_new_from_json (user_object, NULL);
  g_autoptr(CkanOrganization) org = ckan_organization_new_from_json (org_object, NULL);
  g_autoptr(CkanOrganization) member = ckan_organization_new_from_json (member_object, NULL);
  g_autoptr(CkanLicense) license = ckan_license_new_from_json (license_object, NULL);
  g_autoptr(CkanLicense) old_license = ckan_license_new_from_json (old_license_object, NULL);
  g_autoptr(CkanApiToken) token = ckan_api_token_new_from_json (token_object, NULL);
  g_autoptr(CkanActivity) activity = ckan_activity_new_from_json (activity_object, NULL);
  g_autoptr(CkanActivity) bare_activity = ckan_activity_new_from_json (bare_activity_object, NULL);

  g_assert_cmpstr (ckan_user_get_display_name (user), ==, "Ed Itor");
  g_assert_cmpstr (ckan_user_get_email (user), ==, "e@x.cl");
  g_assert_false (ckan_user_get_sysadmin (user));
  assert_utc (ckan_user_get_created (user), "2024-01-02T03:04:05");

  g_assert_cmpstr (ckan_organization_get_display_name (org), ==, "org");
  g_assert_cmpint (ckan_organization_get_package_count (org), ==, 12);
  g_assert_true (ckan_organization_can_publish (org));
  g_assert_false (ckan_organization_can_publish (member));
  g_assert_cmpint (ckan_organization_get_package_count (member), ==, 0);

  g_assert_true (ckan_license_is_open (license));
  g_assert_cmpstr (ckan_license_get_url (license), ==, "https://cc");
  g_assert_true (ckan_license_is_open (old_license));
  g_assert_null (ckan_license_get_title (old_license));

  g_assert_cmpstr (ckan_api_token_get_name (token), ==, "publicador");
  assert_utc (ckan_api_token_get_created_at (token), "2025-01-01T00:00:00");
  g_assert_null (ckan_api_token_get_last_access (token));

  g_assert_cmpstr (ckan_activity_get_activity_type (activity), ==, "changed package");
  g_assert_cmpstr (ckan_activity_get_package_title (activity), ==, "Uno");
  g_assert_cmpstr (ckan_activity_get_package_name (activity), ==, "uno");
  g_assert_cmpstr (ckan_activity_get_actor (activity), ==, "editor");
  g_assert_true (ckan_activity_get_is_new (activity));
  assert_utc (ckan_activity_get_timestamp (activity), "2025-02-03T04:05:06");
  g_assert_null (ckan_activity_get_package_title (bare_activity));
  g_assert_null (ckan_activity_get_actor (bare_activity));
  g_assert_false (ckan_activity_get_is_new (bare_activity));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  GHashTable *seen = user_data;

  g_hash_table_insert (seen, g_strdup (pspec->name),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (seen, pspec->name)) + 1));
}

/* Properties read the same members as the getters, so list views can bind
 * them, and setters notify. */
static void
test_properties (void)
{
  g_autoptr(JsonObject) object = load_fixture ("dataset.json");
  g_autoptr(CkanDataset) dataset = ckan_dataset_new_from_json (object, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  CkanResource *link = ckan_dataset_get_resource (dataset, "r-0002");
  g_autofree char *title = NULL;
  g_autofree char *display_title = NULL;
  g_autofree char *display_name = NULL;
  g_autoptr(GDateTime) modified = NULL;
  gboolean private_ = TRUE;
  gint64 size = 0;
  gint64 num_resources = 0;

  g_object_get (dataset,
                "title", &title,
                "private", &private_,
                "metadata-modified", &modified,
                "num-resources", &num_resources,
                NULL);
  g_assert_cmpstr (title, ==, "Presupuesto municipal 2025");
  g_assert_false (private_);
  g_assert_true (g_date_time_equal (modified, ckan_dataset_get_metadata_modified (dataset)));
  g_assert_cmpint (num_resources, ==, 2);

  g_object_get (link, "size", &size, NULL);
  g_assert_cmpint (size, ==, -1);
  g_object_get (ckan_dataset_get_organization (dataset), "display-name", &display_name, NULL);
  g_assert_cmpstr (display_name, ==, "Municipio de Ejemplo");

  g_signal_connect (dataset, "notify", G_CALLBACK (count_notify_cb), seen);
  ckan_dataset_set_title (dataset, "");
  ckan_dataset_set_notes (dataset, "Otra descripción");
  ckan_dataset_set_extra (dataset, "fuente", "X");
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (seen, "title")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (seen, "display-title")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (seen, "notes")), ==, 1);
  /* Members without a property notify nothing. */
  g_assert_cmpuint (g_hash_table_size (seen), ==, 3);

  /* An empty title falls back to the name. */
  g_object_get (dataset, "display-title", &display_title, NULL);
  g_assert_cmpstr (display_title, ==, "presupuesto-municipal-2025");
}

static void
test_record_list_skips_bad_entries (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) list = NULL;

  g_assert_true (json_parser_load_from_data (parser, "[{\"id\": \"a\"}, 3, null, {\"name\": \"no id\"}, {\"id\": \"b\"}]", -1, NULL));
  list = ckan_record_list_from_array (CKAN_TYPE_ORGANIZATION, json_node_get_array (json_parser_get_root (parser)));
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (ckan_organization_get_id (g_ptr_array_index (list, 1)), ==, "b");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ckan/records/dataset/parse", test_dataset_parse);
  g_test_add_func ("/ckan/records/dataset/round-trip", test_dataset_round_trip);
  g_test_add_func ("/ckan/records/dataset/lenient", test_dataset_lenient);
  g_test_add_func ("/ckan/records/timestamps", test_timestamps);
  g_test_add_func ("/ckan/records/comment-thread", test_comment_thread);
  g_test_add_func ("/ckan/records/load-status", test_load_status);
  g_test_add_func ("/ckan/records/datastore-info", test_datastore_info);
  g_test_add_func ("/ckan/records/capabilities", test_capabilities);
  g_test_add_func ("/ckan/records/scheming-schema", test_scheming_schema);
  g_test_add_func ("/ckan/records/search-result", test_search_result);
  g_test_add_func ("/ckan/records/search-params", test_search_params);
  g_test_add_func ("/ckan/records/small-records", test_small_records);
  g_test_add_func ("/ckan/records/list-skips-bad-entries", test_record_list_skips_bad_entries);
  g_test_add_func ("/ckan/records/properties", test_properties);

  return g_test_run ();
}
