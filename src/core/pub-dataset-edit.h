/* pub-dataset-edit.h: a published dataset's metadata as a draft, what was
 * changed in it, and what changed on the portal meanwhile
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ckan-dataset.h"
#include "pub-draft.h"

G_BEGIN_DECLS

/* Where the draft keeps the package_show answer its edits started from
 * (see pub_draft_get_cache()): the base of every comparison, saved with
 * the draft so edits that outlive a crash still know what they changed. */
#define PUB_DATASET_EDIT_CACHE_BASE "dataset"

/* A draft holding `dataset`'s metadata the way the wizard's form edits it
 * (the organization by name, "visibility", tags), with its remote id, the
 * portal, and the dataset itself as its base. */
PubDraft    *pub_dataset_edit_new_draft        (CkanDataset  *dataset,
                                                const char   *portal);
/* Writes `dataset`'s metadata into `draft` (fields it lacks are unset). */
void         pub_dataset_edit_fill_draft       (PubDraft     *draft,
                                                CkanDataset  *dataset);
/* The base stored in the draft, or NULL. */
CkanDataset *pub_dataset_edit_dup_base         (PubDraft     *draft);
void         pub_dataset_edit_set_base         (PubDraft     *draft,
                                                CkanDataset  *dataset);

/* The fields whose values differ between two drafts, in the form's order
 * then alphabetically; "tags" and "visibility" included. Never NULL. */
GStrv        pub_dataset_edit_diff_drafts      (PubDraft     *a,
                                                PubDraft     *b);
/* What the person changed since the base. */
GStrv        pub_dataset_edit_changed_fields   (PubDraft     *draft);
/* The same between two versions of the dataset (for a conflict). */
GStrv        pub_dataset_edit_diff_datasets    (CkanDataset  *before,
                                                CkanDataset  *after);

/* The package_patch parameters for `fields` of `draft` (without "id"):
 * only those; an unset field is sent as "" so the portal empties it,
 * visibility as "private", tags as both "tags" and "tag_string". */
JsonObject  *pub_dataset_edit_build_patch      (PubDraft     *draft,
                                                const char * const *fields);

/* Puts into `draft` the portal's `current` version as its new base,
 * keeping the person's edits to every field the portal did not change;
 * the others take the portal's value. */
void         pub_dataset_edit_rebase           (PubDraft     *draft,
                                                CkanDataset  *current);

/* Whether `current` is newer than the base the draft was loaded from. */
gboolean     pub_dataset_edit_portal_is_newer  (PubDraft     *draft,
                                                CkanDataset  *current);

/* A field's name for people ("Title", "Tags"...), translated. */
const char  *pub_dataset_edit_field_label      (const char   *field);
/* A field's value in a draft as people read it: tags joined, visibility
 * and frequency in words; "" when unset. */
char        *pub_dataset_edit_display_value    (PubDraft     *draft,
                                                const char   *field);

G_END_DECLS
