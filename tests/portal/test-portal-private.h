/* test-portal-private.h: the test portal's state, shared by its action files
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "test-portal.h"

G_BEGIN_DECLS

typedef struct {
  char *id;
  char *name;
  char *fullname;
  char *email;
  char *created;
  gboolean sysadmin;
} PortalUser;

typedef struct {
  char *token;
  char *jti;
  char *user_id;
  char *name;
  char *created_at;
  char *last_access;
} PortalToken;

typedef struct {
  char *id;
  char *name;
  char *title;
  char *description;
  char *created;
  GHashTable *members; /* user id → capacity ("admin", "editor", "member") */
} PortalOrg;

typedef struct {
  char *action; /* NULL: any */
  PubTestFault fault;
  guint value;
  guint times;
} PortalFault;

struct _PubTestPortal {
  GObject parent_instance;

  SoupServer *server;
  char *prefix;
  char *url;
  guint port;

  char *site_title;
  char *ckan_version;
  GPtrArray *extensions;     /* char* */
  JsonArray *licenses;
  JsonObject *dataset_schema; /* ckanext-scheming schema, or NULL */

  GHashTable *users;          /* id → PortalUser */
  GHashTable *tokens;         /* token → PortalToken */
  GHashTable *orgs;           /* id → PortalOrg */
  GPtrArray *datasets;        /* JsonObject, creation order */
  GPtrArray *activities;      /* JsonObject, oldest first */
  GPtrArray *threads;         /* JsonObject */
  GPtrArray *comments;        /* JsonObject */
  GHashTable *uploads;        /* resource id → file path on disk */
  GHashTable *validations;    /* resource id → JsonObject */
  GHashTable *load_status;    /* resource id → JsonObject (xloader/datapusher) */
  GHashTable *datastore;      /* resource id → JsonObject {fields, records} */
  GHashTable *call_counts;    /* action → GUINT_TO_POINTER (count) */
  GList *faults;              /* PortalFault */

  goffset max_upload;
  gboolean require_approval;
  guint job_delay_ms;
  char *upload_dir;
  guint pending_uploads;
  gboolean strict_schema;
  GList *jobs;                /* validation and load jobs not run yet */
  GList *delays;              /* answers held back by a delay fault */
  char *locale;               /* "en" or "es": the language of messages */
  char *validation_crash;     /* the next validation job fails with this */
  gboolean no_include_drafts; /* package_search as before CKAN 2.9 */
};

/* A multipart/form-data body parsed as it arrives (test-portal-multipart.c). */
typedef struct {
  char *delimiter;
  gsize delimiter_len;
  char *upload_dir;
  GByteArray *pending;
  int state;
  guint parts;
  char *part_name;
  GByteArray *field;         /* the text part being read */
  GOutputStream *file;       /* the file part being written */
  JsonObject *fields;
  char *upload_path;
  char *upload_filename;
  char *upload_content_type;
  goffset upload_size;
  gboolean too_large;
  gboolean failed;
} PortalMultipart;

PortalMultipart *portal_multipart_new    (const char      *content_type,
                                          const char      *upload_dir);
void             portal_multipart_feed   (PortalMultipart *mp,
                                          const guint8    *data,
                                          gsize            len);
gboolean         portal_multipart_finish (PortalMultipart *mp);
void             portal_multipart_free   (PortalMultipart *mp);

/* One API call being answered. */
typedef struct {
  PubTestPortal *portal;
  SoupServerMessage *msg;
  const char *action;
  PortalUser *user;          /* NULL: anonymous */
  JsonObject *params;
  /* A file part named "upload" of a multipart body, already on disk. */
  char *upload_path;
  char *upload_filename;
  char *upload_content_type;
  goffset upload_size;
  /* The outcome when the action fails. */
  guint status;
  JsonObject *error;
} PortalCall;

typedef JsonNode *(*PortalActionFunc) (PubTestPortal *self,
                                      PortalCall    *call);

typedef struct {
  const char *name;
  PortalActionFunc func;
  gboolean side_effect_free; /* GET allowed */
  const char *extension;     /* present only when this plugin is on */
} PortalAction;

/* Action tables, one per area; each ends with a NULL name. */
extern const PortalAction portal_core_actions[];
extern const PortalAction portal_dataset_actions[];
extern const PortalAction portal_resource_actions[];
extern const PortalAction portal_extension_actions[];
extern const PortalAction portal_datastore_actions[];
extern const PortalAction portal_comment_actions[];
/* The fixture's "comments" (test-portal-comments.c). */
gboolean     portal_load_fixture_comments (PubTestPortal *self,
                                           JsonArray     *comments,
                                           GError       **error);

/* The server (test-portal-request.c) and the fixture (test-portal-state.c). */
void         portal_early_handler_cb  (SoupServer        *server,
                                       SoupServerMessage *msg,
                                       const char        *path,
                                       GHashTable        *query,
                                       gpointer           user_data);
void         portal_handler_cb        (SoupServer        *server,
                                       SoupServerMessage *msg,
                                       const char        *path,
                                       GHashTable        *query,
                                       gpointer           user_data);
PubTestFault portal_take_fault        (PubTestPortal     *self,
                                       const char        *action,
                                       guint             *value);
void         portal_count_call        (PubTestPortal     *self,
                                       const char        *action);
void         portal_cancel_delays     (PubTestPortal     *self);
gboolean     portal_load_fixture      (PubTestPortal     *self,
                                       const char        *path,
                                       GError           **error);

gboolean     portal_lookup_action     (PubTestPortal       *self,
                                       const char          *name,
                                       const PortalAction **out);

/* Failing a call (test-portal-call.c). */
void        portal_call_fail          (PortalCall *call,
                                       guint       status,
                                       const char *type,
                                       const char *message);
void        portal_call_deny          (PortalCall *call,
                                       const char *message);
void        portal_call_not_found     (PortalCall *call,
                                       const char *message);
void        portal_call_field_error   (PortalCall *call,
                                       const char *field,
                                       const char *message);
void        portal_call_field_string  (PortalCall *call,
                                       const char *field,
                                       const char *message);
void        portal_call_validation    (PortalCall *call,
                                       JsonObject *errors);
gboolean    portal_call_failed        (PortalCall *call);
gboolean    portal_call_require_user  (PortalCall *call);
char       *portal_call_user_label    (PortalCall *call);

/* Parameters: GET and multipart values are strings, JSON ones typed. */
const char *portal_param_string       (PortalCall *call,
                                       const char *key);
gboolean    portal_param_bool         (PortalCall *call,
                                       const char *key,
                                       gboolean    default_value);
gboolean    portal_param_int          (PortalCall *call,
                                       const char *key,
                                       gint64      default_value,
                                       gint64     *out);
JsonNode   *portal_param_json         (PortalCall *call,
                                       const char *key);
gboolean    portal_param_present      (PortalCall *call,
                                       const char *key);

/* State and permissions. */
PortalUser *portal_find_user          (PubTestPortal *self,
                                       const char    *id_or_name);
PortalOrg  *portal_find_org           (PubTestPortal *self,
                                       const char    *id_or_name);
const char *portal_capacity           (PubTestPortal *self,
                                       PortalUser    *user,
                                       const char    *org_id);
gboolean    portal_has_permission     (PubTestPortal *self,
                                       PortalUser    *user,
                                       const char    *org_id,
                                       const char    *permission);
JsonObject *portal_find_dataset       (PubTestPortal *self,
                                       const char    *id_or_name);
JsonObject *portal_find_resource      (PubTestPortal *self,
                                       const char    *id,
                                       JsonObject   **dataset);
gboolean    portal_can_read_dataset   (PubTestPortal *self,
                                       PortalUser    *user,
                                       JsonObject    *dataset);
gboolean    portal_can_edit_dataset   (PubTestPortal *self,
                                       PortalUser    *user,
                                       JsonObject    *dataset);
gboolean    portal_has_extension      (PubTestPortal *self,
                                       const char    *name);
JsonObject *portal_dictize_dataset    (PubTestPortal *self,
                                       JsonObject    *dataset);
JsonObject *portal_dictize_resource   (PubTestPortal *self,
                                       JsonObject    *resource);
JsonObject *portal_dictize_user       (PubTestPortal *self,
                                       PortalUser    *user,
                                       gboolean       with_email);
JsonObject *portal_dictize_org        (PubTestPortal *self,
                                       PortalOrg     *org);
void        portal_record_activity    (PubTestPortal *self,
                                       PortalUser    *user,
                                       JsonObject    *dataset,
                                       const char    *activity_type);
char       *portal_download_url       (PubTestPortal *self,
                                       const char    *package_id,
                                       const char    *resource_id,
                                       const char    *filename);
const char *portal_site_url           (PubTestPortal *self);
PortalToken *portal_add_token         (PubTestPortal *self,
                                       const char    *user_id,
                                       const char    *name,
                                       const char    *token);

/* Datasets (test-portal-datasets.c). */
JsonObject *portal_dataset_save       (PubTestPortal *self,
                                       PortalCall    *call,
                                       JsonObject    *input,
                                       JsonObject    *existing);

/* Search and activity (test-portal-search.c). */
JsonNode   *portal_package_search          (PubTestPortal *self,
                                            PortalCall    *call);
JsonNode   *portal_package_activity_list   (PubTestPortal *self,
                                            PortalCall    *call);
JsonNode   *portal_dashboard_activity_list (PubTestPortal *self,
                                            PortalCall    *call);

/* Resources (test-portal-resources.c): a resource in stored form, built
 * from what a client sent, keeping what `existing` knew of its upload. */
JsonObject *portal_resource_build     (PubTestPortal *self,
                                       JsonObject    *input,
                                       JsonObject    *existing,
                                       const char    *package_id);

void        portal_forget_resource    (PubTestPortal *self,
                                       const char    *resource_id);

/* Extensions (test-portal-extensions.c). */
void        portal_cancel_jobs        (PubTestPortal *self);
/* The resource of parameter `key`, readable (or editable) by the caller;
 * NULL with the call failed. */
JsonObject *portal_resource_for       (PubTestPortal *self,
                                       PortalCall    *call,
                                       const char    *key,
                                       gboolean       edit);

/* Messages in the portal's language (test-portal-locale.c). */
char       *portal_translate          (PubTestPortal *self,
                                       const char    *text);
void        portal_translate_error    (PubTestPortal *self,
                                       JsonObject    *error);

/* JSON and time helpers (test-portal-util.c). */
char       *portal_now                (void);
JsonNode   *portal_json_copy          (JsonNode      *node);
JsonObject *portal_json_object_copy   (JsonObject    *object);
JsonNode   *portal_node_object        (JsonObject    *object);
JsonNode   *portal_node_string        (const char    *string);
char       *portal_json_to_string     (JsonNode      *node);
const char *portal_object_string      (JsonObject    *object,
                                       const char    *key);
JsonArray  *portal_object_array       (JsonObject    *object,
                                       const char    *key);
JsonObject *portal_object_object      (JsonObject    *object,
                                       const char    *key);
JsonObject *portal_array_object       (JsonArray     *array,
                                       guint          index);
const char *portal_array_string       (JsonArray     *array,
                                       guint          index);
void        portal_set_uuid           (JsonObject    *object,
                                       const char    *key);
char       *portal_munge_filename     (const char    *filename);
char       *portal_guess_format       (const char    *filename);
char       *portal_new_token_string   (char         **jti);
char       *portal_token_jti          (const char    *token);

G_END_DECLS
