/* pub-dataset-errors.h: what the dataset page says when the portal refuses
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-dataset.h"
#include "ckan-error.h"

G_BEGIN_DECLS

/* A sentence for people: a 403 names the role needed in the dataset's
 * organization, a 404 says the dataset is gone, a lost connection says
 * the changes are kept. */
char     *pub_dataset_error_message   (const GError *error,
                                       CkanDataset  *dataset);
/* Whether trying the same again may work (network, timeout, busy portal). */
gboolean  pub_dataset_error_can_retry (const GError *error);

G_END_DECLS
