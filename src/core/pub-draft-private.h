/* pub-draft-private.h: PubDraft's insides, shared with its serializer
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pub-draft.h"

G_BEGIN_DECLS

struct _PubDraft
{
  GObject         parent_instance;

  char           *id;
  gint64          created;
  gint64          modified;
  guint64         revision;
  char           *portal;

  GHashTable     *fields;      /* name -> value */
  GPtrArray      *tags;        /* NULL-terminated */
  GListStore     *resources;
  GHashTable     *cache;       /* key -> JsonNode */
  GHashTable     *anonymize;   /* column label -> PubAnonymizeAction */

  PubPublishStep  step;
  char           *remote_id;
  char           *remote_url;
  char           *last_error;
  gboolean        queued;
  GHashTable     *record;      /* key -> JsonNode, the job's own */

  gboolean        publishing;
  double          progress;

  char           *damage;
  char           *damage_detail;   /* the technical reason, for whoever asks */
  PubDraftState   state;
};

void     _pub_draft_update_state   (PubDraft   *self);
gboolean _pub_draft_is_field_name  (const char *field);

G_END_DECLS
