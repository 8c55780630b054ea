/* ckan-client-action-private.h: the one path every action wrapper takes
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-client.h"

G_BEGIN_DECLS

/* Turns the envelope's "result" into what a wrapper returns; NULL with
 * error set when the portal sent something else. */
typedef gpointer (*CkanResultParser) (JsonNode  *result,
                                      GType      type,
                                      GError   **error);

/* One per wrapped action, static and constant: its address is also the
 * task's source tag. */
typedef struct
{
  const char       *name;
  CkanCallFlags     flags;
  /* NULL: only success matters (finish with _finish_boolean). */
  CkanResultParser  parse;
  GType           (*get_type) (void);
  GDestroyNotify    free_result;
} CkanActionInfo;

void        ckan_client_action_async          (CkanClient           *self,
                                               const CkanActionInfo *action,
                                               JsonObject           *params,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
void        ckan_client_action_upload_async   (CkanClient           *self,
                                               const CkanActionInfo *action,
                                               JsonObject           *fields,
                                               GFile                *file,
                                               const char           *filename,
                                               CkanProgressFunc      progress,
                                               gpointer              progress_data,
                                               GDestroyNotify        progress_destroy,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gpointer    ckan_client_action_finish         (CkanClient           *self,
                                               GAsyncResult         *result,
                                               const CkanActionInfo *action,
                                               GError              **error);
gboolean    ckan_client_action_finish_boolean (CkanClient           *self,
                                               GAsyncResult         *result,
                                               const CkanActionInfo *action,
                                               GError              **error);

/* Parsers: a record of `type`; a GPtrArray of records of `type`; a GStrv;
 * a JsonObject reference. */
gpointer    ckan_parse_record                 (JsonNode  *result,
                                               GType      type,
                                               GError   **error);
gpointer    ckan_parse_record_list            (JsonNode  *result,
                                               GType      type,
                                               GError   **error);
gpointer    ckan_parse_strv                   (JsonNode  *result,
                                               GType      type,
                                               GError   **error);
gpointer    ckan_parse_object                 (JsonNode  *result,
                                               GType      type,
                                               GError   **error);

/* An object of string members from key/value pairs ending in NULL; pairs
 * whose value is NULL are left out. */
JsonObject *ckan_params_new                   (const char *first_key,
                                               ...) G_GNUC_NULL_TERMINATED;
void        ckan_params_set_strv              (JsonObject         *params,
                                               const char         *key,
                                               const char * const *values);

G_END_DECLS
