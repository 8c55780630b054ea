/* pub-anonymize.h: an anonymised copy of a CSV file, streamed
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  PUB_ANONYMIZE_KEEP,
  PUB_ANONYMIZE_DROP,
  PUB_ANONYMIZE_PSEUDONYMIZE,
  PUB_ANONYMIZE_GENERALIZE,
} PubAnonymizeAction;

#define PUB_TYPE_ANONYMIZE_ACTION (pub_anonymize_action_get_type ())
GType        pub_anonymize_action_get_type    (void) G_GNUC_CONST;
/* "keep", "drop", "pseudonym", "generalize": the words of the command line
 * and of the draft file. */
const char  *pub_anonymize_action_to_string   (PubAnonymizeAction  action);
gboolean     pub_anonymize_action_from_string (const char         *text,
                                               PubAnonymizeAction *action);

#define PUB_TYPE_ANONYMIZE_PLAN (pub_anonymize_plan_get_type ())
typedef struct _PubAnonymizePlan PubAnonymizePlan;

GType             pub_anonymize_plan_get_type (void) G_GNUC_CONST;
PubAnonymizePlan *pub_anonymize_plan_new      (void);
PubAnonymizePlan *pub_anonymize_plan_ref      (PubAnonymizePlan   *self);
void              pub_anonymize_plan_unref    (PubAnonymizePlan   *self);
/* By the column's label as the header writes it (UTF-8). Columns the plan
 * doesn't name are kept. */
void              pub_anonymize_plan_set_action (PubAnonymizePlan   *self,
                                                 const char         *column,
                                                 PubAnonymizeAction  action);
PubAnonymizeAction pub_anonymize_plan_get_action (PubAnonymizePlan  *self,
                                                  const char        *column);
/* The organization's secret; required when a column is pseudonymised. */
void              pub_anonymize_plan_set_key   (PubAnonymizePlan   *self,
                                                GBytes             *key);
/* The copy's delimiter; 0 (the default) keeps the original's. */
void              pub_anonymize_plan_set_delimiter (PubAnonymizePlan *self,
                                                    char              delimiter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PubAnonymizePlan, pub_anonymize_plan_unref)

typedef void (*PubAnonymizeProgressFunc) (double   fraction,
                                          gpointer user_data);

/* "datos.csv" -> "datos-anonimizado.csv" beside it. */
GFile *pub_anonymize_destination  (GFile                    *source);

/* Writes the copy as UTF-8, in constant memory. It appears whole under
 * `dest`, or under "dest-2"... when that name is taken, or not at all: a
 * failure, a cancel or a crash leaves nothing behind, and `source` is only
 * read. Fails if `source` changes while it is read. Returns the file
 * written. */
GFile *pub_anonymize_file_sync    (GFile                    *source,
                                   GFile                    *dest,
                                   PubAnonymizePlan         *plan,
                                   PubAnonymizeProgressFunc  progress,
                                   gpointer                  progress_data,
                                   GCancellable             *cancellable,
                                   GError                  **error);
/* The same in a worker thread; progress is called in the caller's main
 * context. */
void   pub_anonymize_file_async   (GFile                    *source,
                                   GFile                    *dest,
                                   PubAnonymizePlan         *plan,
                                   PubAnonymizeProgressFunc  progress,
                                   gpointer                  progress_data,
                                   GCancellable             *cancellable,
                                   GAsyncReadyCallback       callback,
                                   gpointer                  user_data);
GFile *pub_anonymize_file_finish  (GAsyncResult             *result,
                                   GError                  **error);

G_END_DECLS
