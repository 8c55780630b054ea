/* ckan-multipart.h: the text around a file in a multipart/form-data body
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A random boundary that cannot plausibly occur in the data. */
char   *ckan_multipart_new_boundary (void);
/* The Content-Type header value of the whole body. */
char   *ckan_multipart_content_type (const char *boundary);
/* Every field of `fields` as a text part (see ckan_client_param_to_string),
 * then the headers of the file part `file_field`. A field named like the
 * file part is left out, and so is "callback". */
GBytes *ckan_multipart_build_head   (const char *boundary,
                                     JsonObject *fields,
                                     const char *file_field,
                                     const char *filename,
                                     const char *content_type);
/* What closes the body after the file's bytes. */
GBytes *ckan_multipart_build_tail   (const char *boundary);
/* A MIME type for a file name, application/octet-stream when unknown. */
char   *ckan_multipart_guess_type   (const char *filename);

G_END_DECLS
