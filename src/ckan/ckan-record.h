/* ckan-record.h: the base of every record the portal sends
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CKAN_TYPE_RECORD (ckan_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (CkanRecord, ckan_record, CKAN, RECORD, GObject)

/* A record keeps a private copy of the object the portal sent, so keys the
 * app does not know (scheming fields, plugin fields, extras) survive a round
 * trip. Getters read that copy leniently: a missing, null or wrong-typed
 * member gives the default. Setters write into it. */
struct _CkanRecordClass
{
  GObjectClass parent_class;

  /* The member that must be a non-empty string, or NULL. */
  const char *required_key;

  /* Builds the nested records (resources of a dataset, replies of a
   * comment) after the copy is taken. */
  void        (*parse)     (CkanRecord *self);
  /* Writes the nested records back into `object` for to_json. */
  void        (*serialize) (CkanRecord *self,
                            JsonObject *object);

  gpointer padding[4];
};

gpointer     ckan_record_new_from_json   (GType        type,
                                          JsonObject  *object,
                                          GError     **error);
gpointer     ckan_record_new_from_node   (GType        type,
                                          JsonNode    *node,
                                          GError     **error);
/* Every record of `array` that parses; elements that are not objects or lack
 * the required key are skipped, so one bad entry does not hide the rest. */
GPtrArray   *ckan_record_list_from_array (GType        type,
                                          JsonArray   *array);

/* A deep copy with every modification applied: safe to change or send. */
JsonObject  *ckan_record_to_json         (CkanRecord  *self);
/* The record's own copy, for reading only. */
JsonObject  *ckan_record_get_object      (CkanRecord  *self);

const char  *ckan_record_get_id          (CkanRecord  *self);

const char  *ckan_record_get_string      (CkanRecord  *self,
                                          const char  *key);
gint64       ckan_record_get_int         (CkanRecord  *self,
                                          const char  *key,
                                          gint64       default_value);
gboolean     ckan_record_get_boolean     (CkanRecord  *self,
                                          const char  *key,
                                          gboolean     default_value);
/* CKAN's naive UTC timestamps, as UTC; NULL when absent or unparsable. */
GDateTime   *ckan_record_get_datetime    (CkanRecord  *self,
                                          const char  *key);
JsonObject  *ckan_record_get_member_object (CkanRecord *self,
                                            const char  *key);
JsonArray   *ckan_record_get_member_array  (CkanRecord *self,
                                          const char  *key);

/* NULL value stores a JSON null. Strings handed out earlier for `key` are
 * no longer valid afterwards. */
void         ckan_record_set_string      (CkanRecord  *self,
                                          const char  *key,
                                          const char  *value);
void         ckan_record_set_int         (CkanRecord  *self,
                                          const char  *key,
                                          gint64       value);
void         ckan_record_set_boolean     (CkanRecord  *self,
                                          const char  *key,
                                          gboolean     value);
/* Takes ownership of node. */
void         ckan_record_set_member      (CkanRecord  *self,
                                          const char  *key,
                                          JsonNode    *node);

/* For subclasses, as GObjectClass.get_property: a read-only property named
 * after a member ("metadata-modified" reads "metadata_modified") of type
 * string, boolean, int64 (-1 when absent) or GDateTime. Setters notify the
 * property of the member they change. */
void         ckan_record_get_member_property (GObject    *object,
                                              guint       prop_id,
                                              GValue     *value,
                                              GParamSpec *pspec);

/* Helpers shared by the records and the action wrappers. */
JsonObject  *ckan_json_object_deep_copy  (JsonObject  *object);
GDateTime   *ckan_parse_timestamp        (const char  *text);
const char  *ckan_json_object_get_string_lenient (JsonObject *object,
                                                  const char *key);
gint64       ckan_json_object_get_int_lenient    (JsonObject *object,
                                                  const char *key,
                                                  gint64      default_value);
gboolean     ckan_json_object_get_boolean_lenient (JsonObject *object,
                                                   const char *key,
                                                   gboolean    default_value);

G_END_DECLS
