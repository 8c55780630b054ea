/* pub-resource-messages.h: what the resource window says about the portal's
 * answers
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What went wrong with a call, for a person: permission, network, the
 * portal's own validation message. */
char *pub_resource_describe_error (const GError *error);
/* A moment in the local time zone: "05/12/26 14:03". */
char *pub_resource_format_time    (GDateTime    *time);
/* 12.345 in Spanish, 12,345 in English. */
char *pub_resource_format_count   (gint64        n);

/* A DataStore column type as a person reads it ("numeric": "Number");
 * unknown types as they are. */
const char *pub_resource_type_label (const char *type);

G_END_DECLS
