/* pub-dataset-metadata-editor.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-error.h"
#include "pub-dataset-metadata-editor-private.h"
#include "pub-slug.h"
#include "pub-tag-editor.h"


G_DEFINE_ENUM_TYPE (PubNameAvailability, pub_name_availability,
  G_DEFINE_ENUM_VALUE (PUB_NAME_UNCHECKED, "unchecked"),
  G_DEFINE_ENUM_VALUE (PUB_NAME_CHECKING, "checking"),
  G_DEFINE_ENUM_VALUE (PUB_NAME_FREE, "free"),
  G_DEFINE_ENUM_VALUE (PUB_NAME_TAKEN, "taken"),
  G_DEFINE_ENUM_VALUE (PUB_NAME_OURS, "ours"),
  G_DEFINE_ENUM_VALUE (PUB_NAME_UNKNOWN, "unknown"))

G_DEFINE_FINAL_TYPE (PubDatasetMetadataEditor, pub_dataset_metadata_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DRAFT,
  PROP_CLIENT,
  PROP_NAME_AVAILABILITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Offline, datos.gob.cl's four licences are offered. */
static const struct {
  const char *id;
  const char *title;
} default_licenses[] = {
  { "cc-by", N_("Creative Commons Attribution") },
  { "cc-zero", N_("Creative Commons CCZero") },
  { "odc-by", N_("Open Data Commons Attribution License") },
  { "odc-pddl", N_("Open Data Commons Public Domain Dedication and License") },
};

static const struct {
  const char *id;
  const char *label;
} frequencies[] = {
  { "1d", N_("Daily") },
  { "7d", N_("Weekly") },
  { "1m", N_("Monthly") },
  { "3m", N_("Quarterly") },
  { "4m", N_("Every Four Months") },
  { "6m", N_("Every Six Months") },
  { "1y", N_("Yearly") },
};


static AdwEntryRow *
entry_for_field (PubDatasetMetadataEditor *self,
                 const char               *field)
{
  const struct { const char *field; AdwEntryRow *row; } map[] = {
    { PUB_DRAFT_FIELD_TITLE, self->title_row },
    { PUB_DRAFT_FIELD_NAME, self->name_row },
    { PUB_DRAFT_FIELD_AUTHOR, self->author_row },
    { PUB_DRAFT_FIELD_AUTHOR_EMAIL, self->author_email_row },
    { PUB_DRAFT_FIELD_PERIOD, self->period_row },
    { PUB_DRAFT_FIELD_SOURCE_URL, self->source_url_row },
    { PUB_DRAFT_FIELD_VERSION, self->version_row },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    {
      if (g_str_equal (map[i].field, field))
        return map[i].row;
    }
  return NULL;
}

static const char *
field_for_widget (PubDatasetMetadataEditor *self,
                  gpointer                  widget)
{
  const struct { const char *field; gpointer row; } map[] = {
    { PUB_DRAFT_FIELD_TITLE, self->title_row },
    { PUB_DRAFT_FIELD_NAME, self->name_row },
    { PUB_DRAFT_FIELD_AUTHOR, self->author_row },
    { PUB_DRAFT_FIELD_AUTHOR_EMAIL, self->author_email_row },
    { PUB_DRAFT_FIELD_PERIOD, self->period_row },
    { PUB_DRAFT_FIELD_SOURCE_URL, self->source_url_row },
    { PUB_DRAFT_FIELD_VERSION, self->version_row },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    {
      if (map[i].row == widget)
        return map[i].field;
    }
  return NULL;
}

/* Where each field's message goes: the label, and the row that holds it. */
static void
error_widgets_for_field (PubDatasetMetadataEditor *self,
                         const char               *field,
                         GtkWidget               **row,
                         GtkLabel                **label)
{
  const struct { const char *field; GtkListBoxRow *row; GtkLabel *label; } map[] = {
    { PUB_DRAFT_FIELD_TITLE, self->title_error_row, self->title_error },
    { PUB_DRAFT_FIELD_NAME, self->name_error_row, self->name_error },
    { PUB_DRAFT_FIELD_NOTES, NULL, self->notes_error },
    { PUB_DRAFT_FIELD_AUTHOR, self->author_error_row, self->author_error },
    { PUB_DRAFT_FIELD_AUTHOR_EMAIL, self->author_email_error_row, self->author_email_error },
    { PUB_DRAFT_FIELD_OWNER_ORG, self->owner_org_error_row, self->owner_org_error },
    { PUB_DRAFT_FIELD_VISIBILITY, self->visibility_error_row, self->visibility_error },
    { PUB_DRAFT_FIELD_LICENSE, self->license_error_row, self->license_error },
    { PUB_DRAFT_FIELD_FREQUENCY, self->frequency_error_row, self->frequency_error },
    { PUB_DRAFT_FIELD_PERIOD, self->period_error_row, self->period_error },
    { PUB_DRAFT_FIELD_SOURCE_URL, self->source_url_error_row, self->source_url_error },
    { PUB_DRAFT_FIELD_VERSION, self->version_error_row, self->version_error },
  };

  *row = NULL;
  *label = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    {
      if (g_str_equal (map[i].field, field))
        {
          *row = map[i].row != NULL ? GTK_WIDGET (map[i].row) : GTK_WIDGET (map[i].label);
          *label = map[i].label;
          return;
        }
    }
}

static GtkWidget *
input_for_field (PubDatasetMetadataEditor *self,
                 const char               *field)
{
  AdwEntryRow *entry = entry_for_field (self, field);

  if (entry != NULL)
    return GTK_WIDGET (entry);
  if (g_str_equal (field, PUB_DRAFT_FIELD_NOTES))
    return GTK_WIDGET (self->notes_view);
  if (g_str_equal (field, PUB_DRAFT_FIELD_OWNER_ORG))
    return GTK_WIDGET (self->owner_org_row);
  if (g_str_equal (field, PUB_DRAFT_FIELD_VISIBILITY))
    return GTK_WIDGET (self->visibility_row);
  if (g_str_equal (field, PUB_DRAFT_FIELD_LICENSE))
    return GTK_WIDGET (self->license_row);
  if (g_str_equal (field, PUB_DRAFT_FIELD_TAGS))
    return GTK_WIDGET (pub_tag_editor_get_entry (self->tag_editor));
  if (g_str_equal (field, PUB_DRAFT_FIELD_FREQUENCY))
    return GTK_WIDGET (self->frequency_row);
  return NULL;
}

static void
show_field_error (PubDatasetMetadataEditor *self,
                  const char               *field,
                  const char               *message)
{
  GtkWidget *error_row, *input = input_for_field (self, field);
  GtkLabel *label;

  error_widgets_for_field (self, field, &error_row, &label);
  if (label == NULL && input == NULL)
    {
      /* A field of the portal's own form: marked, its message in the tooltip. */
      input = _pub_dataset_metadata_editor_find_extra (self, field);
      if (input == NULL)
        return;
      gtk_widget_set_tooltip_text (input, message);
    }
  if (g_str_equal (field, PUB_DRAFT_FIELD_TAGS))
    pub_tag_editor_set_error (self->tag_editor, message);
  else if (label != NULL)
    {
      gtk_label_set_text (label, message != NULL ? message : "");
      gtk_widget_set_visible (error_row, message != NULL);
    }
  if (input != NULL)
    {
      if (message != NULL)
        gtk_widget_add_css_class (input, "error");
      else
        gtk_widget_remove_css_class (input, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (input),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message ? message : "",
                                      -1);
    }

  if (message != NULL)
    g_hash_table_insert (self->shown_errors, (gpointer) g_intern_string (field), g_strdup (message));
  else
    g_hash_table_remove (self->shown_errors, field);
}

void
_pub_dataset_metadata_editor_refresh_errors (PubDatasetMetadataEditor *self)
{
  static const char * const fields[] = {
    PUB_DRAFT_FIELD_TITLE, PUB_DRAFT_FIELD_NAME, PUB_DRAFT_FIELD_NOTES,
    PUB_DRAFT_FIELD_AUTHOR, PUB_DRAFT_FIELD_AUTHOR_EMAIL, PUB_DRAFT_FIELD_OWNER_ORG,
    PUB_DRAFT_FIELD_VISIBILITY, PUB_DRAFT_FIELD_LICENSE, PUB_DRAFT_FIELD_TAGS,
    PUB_DRAFT_FIELD_FREQUENCY, PUB_DRAFT_FIELD_PERIOD, PUB_DRAFT_FIELD_SOURCE_URL,
    PUB_DRAFT_FIELD_VERSION,
  };

  if (self->draft == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *portal = g_hash_table_lookup (self->portal_errors, fields[i]);
      g_autofree char *local = NULL;

      /* Don't scold fields nobody has reached yet. */
      if (self->show_all || g_hash_table_contains (self->touched, fields[i]))
        local = pub_draft_check_field (self->draft, fields[i]);
      show_field_error (self, fields[i], local != NULL ? local : portal);
    }

  for (guint i = 0; i < self->extra_rows->len; i++)
    {
      const char *field = gtk_widget_get_name (g_ptr_array_index (self->extra_rows, i));

      show_field_error (self, field, g_hash_table_lookup (self->portal_errors, field));
    }
}

void
_pub_dataset_metadata_editor_field_edited (PubDatasetMetadataEditor *self,
              const char               *field,
              const char               *value)
{
  if (self->loading || self->draft == NULL)
    return;

  g_hash_table_add (self->touched, (gpointer) g_intern_string (field));
  g_hash_table_remove (self->portal_errors, field);
  pub_draft_set_field (self->draft, field, value);
  _pub_dataset_metadata_editor_refresh_errors (self);
}

static void
entry_changed_cb (PubDatasetMetadataEditor *self,
                  GtkEditable              *editable)
{
  const char *field = field_for_widget (self, editable);
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *old_slug = NULL;
  g_autofree char *new_slug = NULL;
  const char *name;

  g_assert (PUB_IS_DATASET_METADATA_EDITOR (self));

  if (field == NULL || self->loading || self->draft == NULL)
    return;

  if (g_str_equal (field, PUB_DRAFT_FIELD_TITLE))
    {
      /* The name follows the title until someone edits it by hand. */
      old_slug = pub_slug_from_title (pub_draft_get_field (self->draft, PUB_DRAFT_FIELD_TITLE));
      name = pub_draft_get_field (self->draft, PUB_DRAFT_FIELD_NAME);
      _pub_dataset_metadata_editor_field_edited (self, field, text);
      if (name == NULL || g_str_equal (name, old_slug))
        {
          new_slug = pub_slug_from_title (text);
          gtk_editable_set_text (GTK_EDITABLE (self->name_row), new_slug);
        }
      return;
    }

  _pub_dataset_metadata_editor_field_edited (self, field, text);
  if (g_str_equal (field, PUB_DRAFT_FIELD_NAME))
    _pub_dataset_metadata_editor_schedule_name_check (self);
}

static void
notes_changed_cb (PubDatasetMetadataEditor *self,
                  GtkTextBuffer            *buffer)
{
  g_assert (PUB_IS_DATASET_METADATA_EDITOR (self));

  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  _pub_dataset_metadata_editor_field_edited (self, PUB_DRAFT_FIELD_NOTES, text);
}

/* Lists the portal knows (organizations, licences), or what the draft
 * remembers of them; JSON arrays of objects. */
void
_pub_dataset_metadata_editor_fill_choices (PubDatasetMetadataEditor *self,
                        Choices                  *choices,
                        JsonNode                 *list,
                        const char               *value_member,
                        const char               *none_label)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_null_terminated (0, NULL, TRUE);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_null_terminated (0, NULL, TRUE);
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (list) ? json_node_get_array (list) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *value, *label;

      if (object == NULL)
        continue;
      value = json_object_get_string_member_with_default (object, value_member, NULL);
      label = json_object_get_string_member_with_default (object, "display_name", NULL);
      if (label == NULL || label[0] == '\0')
        label = json_object_get_string_member_with_default (object, "title", value);
      if (value == NULL)
        continue;
      g_ptr_array_add (values, (gpointer) value);
      g_ptr_array_add (labels, (gpointer) label);
    }
  _pub_dataset_metadata_editor_choices_set (self, choices, none_label,
               (const char * const *) values->pdata, (const char * const *) labels->pdata);
}

static void
load_offline_choices (PubDatasetMetadataEditor *self)
{
  JsonNode *orgs = self->draft ? pub_draft_get_cache (self->draft, "organizations") : NULL;
  JsonNode *licenses = self->draft ? pub_draft_get_cache (self->draft, "licenses") : NULL;
  g_autoptr(JsonNode) empty = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (empty, json_array_new ());
  _pub_dataset_metadata_editor_fill_choices (self, &self->org, orgs ? orgs : empty, "name", _("Choose…"));

  if (licenses != NULL)
    _pub_dataset_metadata_editor_fill_choices (self, &self->license, licenses, "id", _("Choose…"));
  else
    {
      const char *ids[G_N_ELEMENTS (default_licenses) + 1] = { NULL };
      const char *titles[G_N_ELEMENTS (default_licenses) + 1] = { NULL };

      for (guint i = 0; i < G_N_ELEMENTS (default_licenses); i++)
        {
          ids[i] = default_licenses[i].id;
          titles[i] = _(default_licenses[i].title);
        }
      _pub_dataset_metadata_editor_choices_set (self, &self->license, _("Choose…"), ids, titles);
    }
}

/* The draft */

static void
tags_edited_cb (PubDatasetMetadataEditor *self)
{
  g_assert (PUB_IS_DATASET_METADATA_EDITOR (self));

  g_hash_table_add (self->touched, (gpointer) g_intern_string (PUB_DRAFT_FIELD_TAGS));
  g_hash_table_remove (self->portal_errors, PUB_DRAFT_FIELD_TAGS);
  _pub_dataset_metadata_editor_refresh_errors (self);
}

static void
draft_changed_cb (PubDatasetMetadataEditor *self,
                  PubDraft                 *draft)
{
  g_assert (PUB_IS_DATASET_METADATA_EDITOR (self));

  static const char * const entry_fields[] = {
    PUB_DRAFT_FIELD_TITLE, PUB_DRAFT_FIELD_NAME, PUB_DRAFT_FIELD_AUTHOR,
    PUB_DRAFT_FIELD_AUTHOR_EMAIL, PUB_DRAFT_FIELD_PERIOD, PUB_DRAFT_FIELD_SOURCE_URL,
    PUB_DRAFT_FIELD_VERSION,
  };
  gboolean was_loading = self->loading;

  /* A change made elsewhere (another window) shows here too; typing here
   * already matches, so nothing moves under the cursor. */
  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    {
      GtkEditable *entry = GTK_EDITABLE (entry_for_field (self, entry_fields[i]));
      const char *value = pub_draft_get_field (draft, entry_fields[i]);

      if (g_strcmp0 (gtk_editable_get_text (entry), value ? value : "") == 0)
        continue;
      gtk_editable_set_text (entry, value ? value : "");
      if (g_str_equal (entry_fields[i], PUB_DRAFT_FIELD_NAME))
        _pub_dataset_metadata_editor_schedule_name_check (self);
    }
  /* "Publish as private", answered about personal data, shows here too. */
  _pub_dataset_metadata_editor_choices_select (self, &self->visibility,
                                               pub_draft_get_field (draft, PUB_DRAFT_FIELD_VISIBILITY));
  self->loading = was_loading;
  _pub_dataset_metadata_editor_refresh_errors (self);
}

static void
load_draft (PubDatasetMetadataEditor *self)
{
  static const char * const entry_fields[] = {
    PUB_DRAFT_FIELD_TITLE, PUB_DRAFT_FIELD_NAME, PUB_DRAFT_FIELD_AUTHOR,
    PUB_DRAFT_FIELD_AUTHOR_EMAIL, PUB_DRAFT_FIELD_PERIOD, PUB_DRAFT_FIELD_SOURCE_URL,
    PUB_DRAFT_FIELD_VERSION,
  };
  const char *notes;

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (entry_fields); i++)
    {
      const char *value = self->draft ? pub_draft_get_field (self->draft, entry_fields[i]) : NULL;

      gtk_editable_set_text (GTK_EDITABLE (entry_for_field (self, entry_fields[i])), value ? value : "");
    }
  notes = self->draft ? pub_draft_get_field (self->draft, PUB_DRAFT_FIELD_NOTES) : NULL;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), notes ? notes : "", -1);
  self->loading = FALSE;

  load_offline_choices (self);
  if (self->draft != NULL)
    {
      _pub_dataset_metadata_editor_choices_select (self, &self->visibility, pub_draft_get_field (self->draft, PUB_DRAFT_FIELD_VISIBILITY));
      _pub_dataset_metadata_editor_choices_select (self, &self->frequency, pub_draft_get_field (self->draft, PUB_DRAFT_FIELD_FREQUENCY));
    }
  _pub_dataset_metadata_editor_refresh_errors (self);
  _pub_dataset_metadata_editor_fetch_lists (self);
  _pub_dataset_metadata_editor_schedule_name_check (self);
}

PubDraft *
pub_dataset_metadata_editor_get_draft (PubDatasetMetadataEditor *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_METADATA_EDITOR (self), NULL);
  return self->draft;
}

void
pub_dataset_metadata_editor_set_draft (PubDatasetMetadataEditor *self,
                                       PubDraft                 *draft)
{
  g_return_if_fail (PUB_IS_DATASET_METADATA_EDITOR (self));
  g_return_if_fail (!draft || PUB_IS_DRAFT (draft));

  if (self->draft == draft)
    return;
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);
  g_set_object (&self->draft, draft);
  g_hash_table_remove_all (self->touched);
  g_hash_table_remove_all (self->portal_errors);
  self->show_all = FALSE;
  if (draft != NULL)
    g_signal_connect_object (draft, "changed", G_CALLBACK (draft_changed_cb), self, G_CONNECT_SWAPPED);
  pub_tag_editor_set_draft (self->tag_editor, draft);
  _pub_dataset_metadata_editor_clear_schema (self);
  load_draft (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

CkanClient *
pub_dataset_metadata_editor_get_client (PubDatasetMetadataEditor *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_METADATA_EDITOR (self), NULL);
  return self->client;
}

void
pub_dataset_metadata_editor_set_client (PubDatasetMetadataEditor *self,
                                        CkanClient               *client)
{
  g_return_if_fail (PUB_IS_DATASET_METADATA_EDITOR (self));
  g_return_if_fail (!client || CKAN_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  pub_tag_editor_set_client (self->tag_editor, client);
  _pub_dataset_metadata_editor_fetch_lists (self);
  _pub_dataset_metadata_editor_schedule_name_check (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

void
pub_dataset_metadata_editor_set_known_tags (PubDatasetMetadataEditor *self,
                                            const char * const       *tags)
{
  g_return_if_fail (PUB_IS_DATASET_METADATA_EDITOR (self));

  pub_tag_editor_set_known_tags (self->tag_editor, tags);
}

/* Brings the first field that shows a problem into view. */
gboolean
_pub_dataset_metadata_editor_focus_first_error (PubDatasetMetadataEditor *self)
{
  static const char * const order[] = {
    PUB_DRAFT_FIELD_TITLE, PUB_DRAFT_FIELD_NAME, PUB_DRAFT_FIELD_NOTES,
    PUB_DRAFT_FIELD_AUTHOR, PUB_DRAFT_FIELD_AUTHOR_EMAIL, PUB_DRAFT_FIELD_OWNER_ORG,
    PUB_DRAFT_FIELD_VISIBILITY, PUB_DRAFT_FIELD_LICENSE, PUB_DRAFT_FIELD_TAGS,
    PUB_DRAFT_FIELD_FREQUENCY, PUB_DRAFT_FIELD_PERIOD, PUB_DRAFT_FIELD_SOURCE_URL,
    PUB_DRAFT_FIELD_VERSION,
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (g_hash_table_contains (self->shown_errors, order[i]))
        {
          gtk_widget_grab_focus (input_for_field (self, order[i]));
          return TRUE;
        }
    }
  return FALSE;
}

void
pub_dataset_metadata_editor_focus_title (PubDatasetMetadataEditor *self)
{
  g_return_if_fail (PUB_IS_DATASET_METADATA_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

gboolean
pub_dataset_metadata_editor_validate (PubDatasetMetadataEditor *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_METADATA_EDITOR (self), FALSE);

  self->show_all = TRUE;
  _pub_dataset_metadata_editor_refresh_errors (self);
  return !_pub_dataset_metadata_editor_focus_first_error (self);
}

const char *
pub_dataset_metadata_editor_get_field_error (PubDatasetMetadataEditor *self,
                                             const char               *field)
{
  g_return_val_if_fail (PUB_IS_DATASET_METADATA_EDITOR (self), NULL);
  return g_hash_table_lookup (self->shown_errors, field);
}

PubNameAvailability
pub_dataset_metadata_editor_get_name_availability (PubDatasetMetadataEditor *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_METADATA_EDITOR (self), PUB_NAME_UNCHECKED);
  return self->name_availability;
}

static void
pub_dataset_metadata_editor_dispose (GObject *object)
{
  PubDatasetMetadataEditor *self = PUB_DATASET_METADATA_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->name_cancellable);
  g_clear_handle_id (&self->name_check_id, g_source_remove);
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);
  g_clear_object (&self->draft);
  g_clear_object (&self->client);

  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_DATASET_METADATA_EDITOR);

  G_OBJECT_CLASS (pub_dataset_metadata_editor_parent_class)->dispose (object);
}

static void
pub_dataset_metadata_editor_finalize (GObject *object)
{
  PubDatasetMetadataEditor *self = PUB_DATASET_METADATA_EDITOR (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->name_cancellable);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->portal_errors, g_hash_table_unref);
  g_clear_pointer (&self->shown_errors, g_hash_table_unref);
  g_clear_pointer (&self->extra_rows, g_ptr_array_unref);
  _pub_dataset_metadata_editor_choices_clear (&self->org);
  _pub_dataset_metadata_editor_choices_clear (&self->visibility);
  _pub_dataset_metadata_editor_choices_clear (&self->license);
  _pub_dataset_metadata_editor_choices_clear (&self->frequency);

  G_OBJECT_CLASS (pub_dataset_metadata_editor_parent_class)->finalize (object);
}

static void
pub_dataset_metadata_editor_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  PubDatasetMetadataEditor *self = PUB_DATASET_METADATA_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_NAME_AVAILABILITY:
      g_value_set_enum (value, self->name_availability);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_dataset_metadata_editor_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  PubDatasetMetadataEditor *self = PUB_DATASET_METADATA_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      pub_dataset_metadata_editor_set_draft (self, g_value_get_object (value));
      break;
    case PROP_CLIENT:
      pub_dataset_metadata_editor_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_dataset_metadata_editor_class_init (PubDatasetMetadataEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_dataset_metadata_editor_dispose;
  object_class->finalize = pub_dataset_metadata_editor_finalize;
  object_class->get_property = pub_dataset_metadata_editor_get_property;
  object_class->set_property = pub_dataset_metadata_editor_set_property;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, PUB_TYPE_DRAFT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, CKAN_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME_AVAILABILITY] =
    g_param_spec_enum ("name-availability", NULL, NULL, PUB_TYPE_NAME_AVAILABILITY, PUB_NAME_UNCHECKED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PUB_TYPE_TAG_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/publicador/Publicador/ui/pub-dataset-metadata-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PubDatasetMetadataEditor, name)
  BIND (title_row);
  BIND (name_row);
  BIND (name_status);
  BIND (notes_view);
  BIND (notes_error);
  BIND (author_row);
  BIND (author_email_row);
  BIND (owner_org_row);
  BIND (visibility_row);
  BIND (license_row);
  BIND (tag_editor);
  BIND (details_group);
  BIND (frequency_row);
  BIND (period_row);
  BIND (source_url_row);
  BIND (version_row);
#define BIND_ERROR(name) BIND (name##_error_row); BIND (name##_error)
  BIND_ERROR (title);
  BIND_ERROR (name);
  BIND_ERROR (author);
  BIND_ERROR (author_email);
  BIND_ERROR (owner_org);
  BIND_ERROR (visibility);
  BIND_ERROR (license);
  BIND_ERROR (frequency);
  BIND_ERROR (period);
  BIND_ERROR (source_url);
  BIND_ERROR (version);
#undef BIND_ERROR
#undef BIND
}

static void
pub_dataset_metadata_editor_init (PubDatasetMetadataEditor *self)
{
  AdwEntryRow *entries[] = {
    NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };
  const char *visibility_values[] = { "public", "private", NULL };
  const char *visibility_labels[] = { _("Public"), _("Private"), NULL };
  const char *frequency_values[G_N_ELEMENTS (frequencies) + 1] = { NULL };
  const char *frequency_labels[G_N_ELEMENTS (frequencies) + 1] = { NULL };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
  self->portal_errors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->shown_errors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->extra_rows = g_ptr_array_new ();

  entries[0] = self->title_row;
  entries[1] = self->name_row;
  entries[2] = self->author_row;
  entries[3] = self->author_email_row;
  entries[4] = self->period_row;
  entries[5] = self->source_url_row;
  entries[6] = self->version_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_object (entries[i], "changed", G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (notes_changed_cb), self, G_CONNECT_SWAPPED);

  _pub_dataset_metadata_editor_choices_init (&self->org, self->owner_org_row, PUB_DRAFT_FIELD_OWNER_ORG);
  _pub_dataset_metadata_editor_choices_init (&self->visibility, self->visibility_row, PUB_DRAFT_FIELD_VISIBILITY);
  _pub_dataset_metadata_editor_choices_init (&self->license, self->license_row, PUB_DRAFT_FIELD_LICENSE);
  _pub_dataset_metadata_editor_choices_init (&self->frequency, self->frequency_row, PUB_DRAFT_FIELD_FREQUENCY);
  _pub_dataset_metadata_editor_choices_set (self, &self->visibility, _("Choose…"), visibility_values, visibility_labels);
  for (guint i = 0; i < G_N_ELEMENTS (frequencies); i++)
    {
      frequency_values[i] = frequencies[i].id;
      frequency_labels[i] = _(frequencies[i].label);
    }
  _pub_dataset_metadata_editor_choices_set (self, &self->frequency, _("Not specified"), frequency_values, frequency_labels);
  load_offline_choices (self);
  {
    Choices *all[] = { &self->org, &self->visibility, &self->license, &self->frequency };

    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      g_signal_connect_object (all[i]->row, "notify::selected", G_CALLBACK (_pub_dataset_metadata_editor_combo_selected_cb),
                               self, G_CONNECT_SWAPPED);
  }

  g_signal_connect_object (self->tag_editor, "edited", G_CALLBACK (tags_edited_cb), self, G_CONNECT_SWAPPED);

  _pub_dataset_metadata_editor_set_name_availability (self, PUB_NAME_UNCHECKED);
}

GtkWidget *
pub_dataset_metadata_editor_new (void)
{
  return g_object_new (PUB_TYPE_DATASET_METADATA_EDITOR, NULL);
}
