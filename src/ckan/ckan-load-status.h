/* ckan-load-status.h: the state of a DataStore load by ckanext-xloader or DataPusher
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-record.h"

G_BEGIN_DECLS

#define CKAN_TYPE_LOAD_STATUS (ckan_load_status_get_type ())

G_DECLARE_FINAL_TYPE (CkanLoadStatus, ckan_load_status, CKAN, LOAD_STATUS, CkanRecord)

CkanLoadStatus *ckan_load_status_new_from_json (JsonObject  *object,
                                                GError     **error);

/* Which service loads files into the DataStore on a portal. */
typedef enum {
  CKAN_LOADER_NONE,
  CKAN_LOADER_XLOADER,
  CKAN_LOADER_DATAPUSHER,
} CkanLoader;

typedef enum {
  CKAN_LOAD_STATE_UNKNOWN,
  CKAN_LOAD_STATE_SUBMITTING,
  CKAN_LOAD_STATE_PENDING,
  CKAN_LOAD_STATE_RUNNING,
  /* xloader: the rows are in, types are still being fixed. */
  CKAN_LOAD_STATE_RUNNING_BUT_VIEWABLE,
  CKAN_LOAD_STATE_COMPLETE,
  CKAN_LOAD_STATE_ERROR,
} CkanLoadState;

#define CKAN_TYPE_LOAD_LOG_ENTRY (ckan_load_log_entry_get_type ())

typedef struct
{
  GDateTime *timestamp;   /* may be NULL */
  char      *message;
  char      *level;       /* "INFO", "WARNING", "ERROR"...; may be NULL */
} CkanLoadLogEntry;

GType             ckan_load_log_entry_get_type     (void) G_GNUC_CONST;
CkanLoadLogEntry *ckan_load_log_entry_copy         (const CkanLoadLogEntry *entry);
void              ckan_load_log_entry_free         (CkanLoadLogEntry       *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CkanLoadLogEntry, ckan_load_log_entry_free)

CkanLoadState     ckan_load_state_from_string      (const char             *status);
/* Nothing more will happen without a new submit. */
gboolean          ckan_load_state_is_final         (CkanLoadState           state);

CkanLoadState     ckan_load_status_get_state       (CkanLoadStatus *self);
const char       *ckan_load_status_get_job_id      (CkanLoadStatus *self);
GDateTime        *ckan_load_status_get_last_updated (CkanLoadStatus *self);
/* What went wrong, from "error" or task_info.error; NULL when nothing did. */
const char       *ckan_load_status_get_error_message (CkanLoadStatus *self);
/* CkanLoadLogEntry from task_info.logs, oldest first; never NULL. */
GPtrArray        *ckan_load_status_get_logs        (CkanLoadStatus *self);

G_END_DECLS
