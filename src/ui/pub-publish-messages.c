/* pub-publish-messages.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-publish-messages.h"

static const char *
retry_words (PubPublishStep step)
{
  switch (step)
    {
    case PUB_PUBLISH_STEP_UPLOAD_RESOURCES:
      return _("Retry to go on from there.");
    case PUB_PUBLISH_STEP_SET_VISIBILITY:
      return _("Retry to finish.");
    case PUB_PUBLISH_STEP_NONE:
    case PUB_PUBLISH_STEP_CREATE_DATASET:
    case PUB_PUBLISH_STEP_DONE:
    default:
      return _("Retry to go on where it stopped; nothing will be created twice.");
    }
}

char *
pub_publish_describe_failure (PubDraft *draft)
{
  const char *error;

  g_return_val_if_fail (PUB_IS_DRAFT (draft), NULL);

  error = pub_draft_get_last_error (draft);
  if (error == NULL)
    return g_strdup (_("Publishing stopped before it finished. Retry to go on where it stopped."));
  return g_strdup_printf ("%s %s", error, retry_words (pub_draft_get_publish_step (draft)));
}
