/* pub-dictionary-page.h: the data dictionary of a resource in the
 * DataStore: a label, a description and a type for each column
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ckan-client.h"
#include "ckan-datastore-info.h"

G_BEGIN_DECLS

#define PUB_TYPE_DICTIONARY_PAGE (pub_dictionary_page_get_type ())

G_DECLARE_FINAL_TYPE (PubDictionaryPage, pub_dictionary_page, PUB, DICTIONARY_PAGE, GtkWidget)

GtkWidget *pub_dictionary_page_new        (void);
/* Where Save writes (datastore_create with force). */
void       pub_dictionary_page_set_source (PubDictionaryPage *self,
                                           CkanClient        *client,
                                           const char        *resource_id);
/* The table's columns (datastore_info); NULL: not in the DataStore. */
void       pub_dictionary_page_set_info   (PubDictionaryPage *self,
                                           CkanDatastoreInfo *info);

/* ::saved after a successful Save; ::load-requested: "Load Again" (after
 * a type change) or "Load into the DataStore". */

G_END_DECLS
