/* ckan-client-validation.h: ckanext-validation's actions
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-client.h"
#include "ckan-validation-report.h"

G_BEGIN_DECLS

/* resource_validation_show. A portal that has never validated the resource
 * answers 404: that is CKAN_ERROR_NOT_FOUND, which callers show as "no
 * report yet", not as a failure. The report's status says whether the job
 * is still running (created, running) or done (success, failure, error). */
void                  ckan_client_validation_show_async  (CkanClient          *client,
                                                          const char          *resource_id,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
CkanValidationReport *ckan_client_validation_show_finish (CkanClient          *client,
                                                          GAsyncResult        *result,
                                                          GError             **error);

/* resource_validation_run (queued on the portal). A format the portal does
 * not validate comes back as CKAN_ERROR_VALIDATION on "format". */
void                  ckan_client_validation_run_async   (CkanClient          *client,
                                                          const char          *resource_id,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean              ckan_client_validation_run_finish  (CkanClient          *client,
                                                          GAsyncResult        *result,
                                                          GError             **error);

/* Whether the portal has an action, asked with help_show (404: absent), so
 * "Validar de nuevo" or an AI validation is offered only when it exists. */
void                  ckan_client_action_exists_async    (CkanClient          *client,
                                                          const char          *action,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean              ckan_client_action_exists_finish   (CkanClient          *client,
                                                          GAsyncResult        *result,
                                                          GError             **error);

G_END_DECLS
