/* pub-replace-record.h: a resource's new file on its way to the portal,
 * written down before it is sent, so an interrupted replace is finished
 * later (always in place: resource_patch, never a second resource)
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ckan-resource.h"

G_BEGIN_DECLS

typedef struct {
  char   *portal;
  char   *dataset_id;
  char   *resource_id;
  char   *path;               /* the new file */
  gint64  size;               /* its size when chosen */
  char   *old_last_modified;  /* the resource's, before: the portal's mark
                               * that the new file arrived is a new one */
} PubReplaceRecord;

typedef enum {
  PUB_REPLACE_PENDING,        /* not on the portal yet: send it again */
  PUB_REPLACE_DONE,           /* it arrived; the record can go */
  PUB_REPLACE_RESOURCE_GONE,  /* the resource was deleted meanwhile */
} PubReplaceOutcome;

PubReplaceRecord  *pub_replace_record_new          (const char       *portal,
                                                    CkanResource     *resource,
                                                    GFile            *file,
                                                    gint64            size);
void               pub_replace_record_free         (PubReplaceRecord *record);
/* $XDG_DATA_HOME/publicador/replacements, unless `dir` is given to the
 * functions below (tests). */
const char        *pub_replace_record_default_dir  (void);

/* Written atomically (a whole record or none), in a worker thread. */
void               pub_replace_record_save_async   (PubReplaceRecord *record,
                                                    const char       *dir,
                                                    GCancellable     *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer          user_data);
gboolean           pub_replace_record_save_finish  (GAsyncResult     *result,
                                                    GError          **error);
/* Best effort, in a worker thread. */
void               pub_replace_record_remove       (const char       *dir,
                                                    const char       *resource_id);
/* The records of one dataset (PubReplaceRecord), in a worker thread;
 * unreadable ones are skipped. */
void               pub_replace_record_list_async   (const char       *dir,
                                                    const char       *portal,
                                                    const char       *dataset_id,
                                                    GCancellable     *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer          user_data);
GPtrArray         *pub_replace_record_list_finish  (GAsyncResult     *result,
                                                    GError          **error);
/* What the resource as the portal has it now (NULL: gone) says. */
PubReplaceOutcome  pub_replace_record_check        (PubReplaceRecord *record,
                                                    CkanResource     *current);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PubReplaceRecord, pub_replace_record_free)

G_END_DECLS
