/* pub-dataset-metadata-editor-private.h: the form's insides, shared with
 * the part that talks to the portal
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pub-dataset-metadata-editor.h"
#include "pub-tag-editor.h"

G_BEGIN_DECLS

/* One combo row: what it shows, and the value each position stands for
 * (position 0 is "not chosen" and stands for nothing). */
typedef struct
{
  AdwComboRow   *row;
  const char    *field;
  GtkStringList *labels;
  GPtrArray     *values;
  GPtrArray     *subtitles;  /* per position, NULL for none: shown in the list */
} Choices;

struct _PubDatasetMetadataEditor
{
  AdwBin               parent_instance;

  PubDraft            *draft;
  CkanClient          *client;
  GCancellable        *cancellable;
  GCancellable        *name_cancellable;
  guint                name_check_id;
  PubNameAvailability  name_availability;
  GHashTable          *touched;        /* fields edited by hand */
  GHashTable          *portal_errors;  /* field -> message from a 409 */
  GHashTable          *shown_errors;   /* field -> message on screen */
  gboolean             show_all;
  gboolean             loading;

  Choices              org, visibility, license, frequency;
  GPtrArray           *extra_rows;     /* rows for the portal form's own fields */
  AdwPreferencesGroup *details_group;

  AdwEntryRow         *title_row;
  AdwEntryRow         *name_row;
  GtkLabel            *name_status;
  GtkTextView         *notes_view;
  GtkLabel            *notes_error;
  AdwEntryRow         *author_row;
  AdwEntryRow         *author_email_row;
  AdwComboRow         *owner_org_row;
  AdwComboRow         *visibility_row;
  AdwComboRow         *license_row;
  PubTagEditor        *tag_editor;
  AdwComboRow         *frequency_row;
  AdwEntryRow         *period_row;
  AdwEntryRow         *source_url_row;
  AdwEntryRow         *version_row;

#define ERROR_WIDGETS(name) GtkListBoxRow *name##_error_row; GtkLabel *name##_error;
  ERROR_WIDGETS (title)
  ERROR_WIDGETS (name)
  ERROR_WIDGETS (author)
  ERROR_WIDGETS (author_email)
  ERROR_WIDGETS (owner_org)
  ERROR_WIDGETS (visibility)
  ERROR_WIDGETS (license)
  ERROR_WIDGETS (frequency)
  ERROR_WIDGETS (period)
  ERROR_WIDGETS (source_url)
  ERROR_WIDGETS (version)
#undef ERROR_WIDGETS
};

void _pub_dataset_metadata_editor_refresh_errors          (PubDatasetMetadataEditor *self);
/* A person changed a field: into the draft, and its message refreshed. */
void _pub_dataset_metadata_editor_field_edited            (PubDatasetMetadataEditor *self,
                                                           const char               *field,
                                                           const char               *value);
void _pub_dataset_metadata_editor_choices_init            (Choices                  *choices,
                                                           AdwComboRow              *row,
                                                           const char               *field);
void _pub_dataset_metadata_editor_choices_clear           (Choices                  *choices);
/* values and labels: NULL-terminated, the same length (values may be NULL). */
void _pub_dataset_metadata_editor_choices_set             (PubDatasetMetadataEditor *self,
                                                           Choices                  *choices,
                                                           const char               *none_label,
                                                           const char * const       *values,
                                                           const char * const       *labels);
void _pub_dataset_metadata_editor_choices_select          (PubDatasetMetadataEditor *self,
                                                           Choices                  *choices,
                                                           const char               *value);
void _pub_dataset_metadata_editor_combo_selected_cb       (PubDatasetMetadataEditor *self,
                                                           GParamSpec               *pspec,
                                                           AdwComboRow              *row);
gboolean _pub_dataset_metadata_editor_focus_first_error   (PubDatasetMetadataEditor *self);
void _pub_dataset_metadata_editor_fill_choices            (PubDatasetMetadataEditor *self,
                                                           Choices                  *choices,
                                                           JsonNode                 *list,
                                                           const char               *value_member,
                                                           const char               *none_label);
void _pub_dataset_metadata_editor_fetch_schema            (PubDatasetMetadataEditor *self);
void _pub_dataset_metadata_editor_clear_schema            (PubDatasetMetadataEditor *self);
GtkWidget *_pub_dataset_metadata_editor_find_extra        (PubDatasetMetadataEditor *self,
                                                           const char               *field);
void _pub_dataset_metadata_editor_fetch_lists             (PubDatasetMetadataEditor *self);
void _pub_dataset_metadata_editor_schedule_name_check     (PubDatasetMetadataEditor *self);
void _pub_dataset_metadata_editor_set_name_availability   (PubDatasetMetadataEditor *self,
                                                           PubNameAvailability       availability);

G_END_DECLS
