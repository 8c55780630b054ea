/* ckan-test-stub.h: an in-process SoupServer for the client tests
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A server listening on 127.0.0.1 (port in *port); add handlers to it. */
SoupServer *ckan_test_stub_new          (guint             *port);
void        ckan_test_respond_json      (SoupServerMessage *msg,
                                         guint              status,
                                         const char        *json);
void        ckan_test_respond_html      (SoupServerMessage *msg,
                                         guint              status,
                                         const char        *html);
/* A GAsyncReadyCallback storing a reference to the result in
 * *(GAsyncResult **) user_data. */
void        ckan_test_store_result_cb   (GObject           *source,
                                         GAsyncResult      *result,
                                         gpointer           user_data);

G_END_DECLS
