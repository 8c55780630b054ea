/* pub-draft-resource.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pub-core-error.h"
#include "pub-draft-resource.h"
#include "pub-file-scan.h"

struct _PubDraftResource
{
  GObject               parent_instance;

  PubDraftResourceKind  kind;
  char                 *path;
  char                 *url;
  char                 *name;
  char                 *description;
  char                 *format;
  char                 *mimetype;
  gint64                size;
  gint64                mtime;
  guint32               mtime_usec;   /* with the hash: whether to read again */
  char                 *sha256;
  char                 *problem;
  char                 *remote_id;

  PubResourceCheckStatus check_status;
  char                 *check_summary;

  /* Saved: what the checks found of people in the file, so the queue
   * knows it without checking again, and whether the person said to
   * publish it anyway (see pub-personal-data.h). */
  JsonNode             *personal_data;
  gboolean              personal_data_accepted;
  PubCheckResult       *last_check;
};

G_DEFINE_ENUM_TYPE (PubDraftResourceKind, pub_draft_resource_kind,
  G_DEFINE_ENUM_VALUE (PUB_DRAFT_RESOURCE_FILE, "file"),
  G_DEFINE_ENUM_VALUE (PUB_DRAFT_RESOURCE_LINK, "link"))

G_DEFINE_ENUM_TYPE (PubResourceCheckStatus, pub_resource_check_status,
  G_DEFINE_ENUM_VALUE (PUB_RESOURCE_CHECK_NONE, "none"),
  G_DEFINE_ENUM_VALUE (PUB_RESOURCE_CHECK_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (PUB_RESOURCE_CHECK_PASSED, "passed"),
  G_DEFINE_ENUM_VALUE (PUB_RESOURCE_CHECK_WARNINGS, "warnings"),
  G_DEFINE_ENUM_VALUE (PUB_RESOURCE_CHECK_ERRORS, "errors"))

G_DEFINE_FINAL_TYPE (PubDraftResource, pub_draft_resource, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_PATH,
  PROP_URL,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_FORMAT,
  PROP_MIMETYPE,
  PROP_SIZE,
  PROP_MTIME,
  PROP_SHA256,
  PROP_PROBLEM,
  PROP_REMOTE_ID,
  PROP_CHECK_STATUS,
  PROP_CHECK_SUMMARY,
  PROP_PERSONAL_DATA,
  PROP_PERSONAL_DATA_ACCEPTED,
  PROP_LAST_CHECK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (PubDraftResource *self,
            char            **field,
            const char       *value,
            guint             prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }
  return TRUE;
}

/* A link without its address is kept, with the problem said inline. */
static void
update_link_problem (PubDraftResource *self)
{
  if (self->kind != PUB_DRAFT_RESOURCE_LINK)
    return;
  set_string (self, &self->problem, is_blank (self->url) ? _("Enter the link’s web address") : NULL,
              PROP_PROBLEM);
}

static void
pub_draft_resource_dispose (GObject *object)
{
  PubDraftResource *self = PUB_DRAFT_RESOURCE (object);

  g_clear_object (&self->last_check);

  G_OBJECT_CLASS (pub_draft_resource_parent_class)->dispose (object);
}

static void
pub_draft_resource_finalize (GObject *object)
{
  PubDraftResource *self = PUB_DRAFT_RESOURCE (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->mimetype, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->remote_id, g_free);
  g_clear_pointer (&self->check_summary, g_free);
  g_clear_pointer (&self->personal_data, json_node_unref);

  G_OBJECT_CLASS (pub_draft_resource_parent_class)->finalize (object);
}

static void
pub_draft_resource_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PubDraftResource *self = PUB_DRAFT_RESOURCE (object);

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_PATH: g_value_set_string (value, self->path); break;
    case PROP_URL: g_value_set_string (value, self->url); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_FORMAT: g_value_set_string (value, self->format); break;
    case PROP_MIMETYPE: g_value_set_string (value, self->mimetype); break;
    case PROP_SIZE: g_value_set_int64 (value, self->size); break;
    case PROP_MTIME: g_value_set_int64 (value, self->mtime); break;
    case PROP_SHA256: g_value_set_string (value, self->sha256); break;
    case PROP_PROBLEM: g_value_set_string (value, self->problem); break;
    case PROP_REMOTE_ID: g_value_set_string (value, self->remote_id); break;
    case PROP_CHECK_STATUS: g_value_set_enum (value, self->check_status); break;
    case PROP_CHECK_SUMMARY: g_value_set_string (value, self->check_summary); break;
    case PROP_PERSONAL_DATA: g_value_set_boxed (value, self->personal_data); break;
    case PROP_PERSONAL_DATA_ACCEPTED: g_value_set_boolean (value, self->personal_data_accepted); break;
    case PROP_LAST_CHECK: g_value_set_object (value, self->last_check); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_draft_resource_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PubDraftResource *self = PUB_DRAFT_RESOURCE (object);

  switch (prop_id)
    {
    case PROP_URL: pub_draft_resource_set_url (self, g_value_get_string (value)); break;
    case PROP_NAME: pub_draft_resource_set_name (self, g_value_get_string (value)); break;
    case PROP_DESCRIPTION: pub_draft_resource_set_description (self, g_value_get_string (value)); break;
    case PROP_FORMAT: pub_draft_resource_set_format (self, g_value_get_string (value)); break;
    case PROP_REMOTE_ID: pub_draft_resource_set_remote_id (self, g_value_get_string (value)); break;
    case PROP_PERSONAL_DATA_ACCEPTED:
      pub_draft_resource_set_personal_data_accepted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_draft_resource_class_init (PubDraftResourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = pub_draft_resource_dispose;
  object_class->finalize = pub_draft_resource_finalize;
  object_class->get_property = pub_draft_resource_get_property;
  object_class->set_property = pub_draft_resource_set_property;

  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, PUB_TYPE_DRAFT_RESOURCE_KIND,
                                              PUB_DRAFT_RESOURCE_FILE, ro);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, ro);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_FORMAT] = g_param_spec_string ("format", NULL, NULL, NULL, rw);
  properties[PROP_MIMETYPE] = g_param_spec_string ("mimetype", NULL, NULL, NULL, ro);
  properties[PROP_SIZE] = g_param_spec_int64 ("size", NULL, NULL, -1, G_MAXINT64, -1, ro);
  properties[PROP_MTIME] = g_param_spec_int64 ("mtime", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL, ro);
  properties[PROP_PROBLEM] = g_param_spec_string ("problem", NULL, NULL, NULL, ro);
  properties[PROP_REMOTE_ID] = g_param_spec_string ("remote-id", NULL, NULL, NULL, rw);
  properties[PROP_CHECK_STATUS] = g_param_spec_enum ("check-status", NULL, NULL, PUB_TYPE_RESOURCE_CHECK_STATUS,
                                                     PUB_RESOURCE_CHECK_NONE, ro);
  properties[PROP_CHECK_SUMMARY] = g_param_spec_string ("check-summary", NULL, NULL, NULL, ro);
  properties[PROP_PERSONAL_DATA] = g_param_spec_boxed ("personal-data", NULL, NULL, JSON_TYPE_NODE, ro);
  properties[PROP_PERSONAL_DATA_ACCEPTED] = g_param_spec_boolean ("personal-data-accepted", NULL, NULL, FALSE, rw);
  properties[PROP_LAST_CHECK] = g_param_spec_object ("last-check", NULL, NULL, PUB_TYPE_CHECK_RESULT, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pub_draft_resource_init (PubDraftResource *self)
{
  self->size = -1;
}

PubDraftResource *
pub_draft_resource_new_for_file (GFile *file)
{
  PubDraftResource *self;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (PUB_TYPE_DRAFT_RESOURCE, NULL);
  basename = g_file_get_basename (file);
  self->kind = PUB_DRAFT_RESOURCE_FILE;
  self->path = g_file_get_path (file);
  self->name = g_strdup (basename);
  self->format = g_strdup (pub_guess_format (basename, NULL));
  return self;
}

PubDraftResource *
pub_draft_resource_new_link (const char *url)
{
  PubDraftResource *self;
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (url != NULL, NULL);

  self = g_object_new (PUB_TYPE_DRAFT_RESOURCE, NULL);
  self->kind = PUB_DRAFT_RESOURCE_LINK;
  self->url = g_strdup (url);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri != NULL)
    {
      g_autofree char *basename = g_path_get_basename (g_uri_get_path (uri));

      if (basename[0] != '\0' && strcmp (basename, "/") != 0 && strcmp (basename, ".") != 0)
        {
          self->name = g_uri_unescape_string (basename, NULL);
          self->format = g_strdup (pub_guess_format (basename, NULL));
        }
      else
        self->name = g_strdup (g_uri_get_host (uri));
    }
  if (self->name == NULL)
    self->name = g_strdup (url);
  update_link_problem (self);
  return self;
}

PubDraftResource *
pub_draft_resource_copy (PubDraftResource *self)
{
  PubDraftResource *copy = g_object_new (PUB_TYPE_DRAFT_RESOURCE, NULL);

  copy->kind = self->kind;
  copy->path = g_strdup (self->path);
  copy->url = g_strdup (self->url);
  copy->name = g_strdup (self->name);
  copy->description = g_strdup (self->description);
  copy->format = g_strdup (self->format);
  copy->mimetype = g_strdup (self->mimetype);
  copy->size = self->size;
  copy->mtime = self->mtime;
  copy->mtime_usec = self->mtime_usec;
  copy->sha256 = g_strdup (self->sha256);
  copy->personal_data = self->personal_data != NULL ? json_node_copy (self->personal_data) : NULL;
  update_link_problem (copy);
  /* A copy is a new publication: nothing of it exists on the portal yet. */
  return copy;
}

static const char *
get_member_string (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

PubDraftResource *
pub_draft_resource_new_from_json (JsonObject *object,
                                  GError    **error)
{
  g_autoptr(PubDraftResource) self = g_object_new (PUB_TYPE_DRAFT_RESOURCE, NULL);
  const char *kind = get_member_string (object, "kind");

  if (g_strcmp0 (kind, "file") == 0)
    self->kind = PUB_DRAFT_RESOURCE_FILE;
  else if (g_strcmp0 (kind, "link") == 0)
    self->kind = PUB_DRAFT_RESOURCE_LINK;
  else
    {
      g_set_error (error, PUB_CORE_ERROR, PUB_CORE_ERROR_CORRUPT,
                   _("One of its files or links is of a kind this version does not know (“%s”)."),
                   kind ? kind : "");
      return NULL;
    }

  /* One resource without its path or address (an older version dropped a
   * cleared address) must not cost the whole draft: it loads with a
   * problem the person can fix or remove. */
  self->path = g_strdup (get_member_string (object, "path"));
  self->url = g_strdup (get_member_string (object, "url"));
  if (self->kind == PUB_DRAFT_RESOURCE_LINK)
    {
      if (self->url == NULL)
        self->url = g_strdup ("");
      update_link_problem (self);
    }
  else if (self->path == NULL)
    self->problem = g_strdup (_("Where this file was is no longer known; remove it and add the file again."));

  self->name = g_strdup (get_member_string (object, "name"));
  self->description = g_strdup (get_member_string (object, "description"));
  self->format = g_strdup (get_member_string (object, "format"));
  self->mimetype = g_strdup (get_member_string (object, "mimetype"));
  self->sha256 = g_strdup (get_member_string (object, "sha256"));
  self->remote_id = g_strdup (get_member_string (object, "remote_id"));
  self->size = json_object_get_int_member_with_default (object, "size", -1);
  self->mtime = json_object_get_int_member_with_default (object, "mtime", 0);
  self->mtime_usec = (guint32) CLAMP (json_object_get_int_member_with_default (object, "mtime_usec", 0), 0, G_USEC_PER_SEC - 1);
  if (json_object_has_member (object, "personal_data") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "personal_data")))
    self->personal_data = json_node_copy (json_object_get_member (object, "personal_data"));
  self->personal_data_accepted = json_object_get_boolean_member_with_default (object, "personal_data_accepted", FALSE);
  return g_steal_pointer (&self);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

JsonNode *
pub_draft_resource_to_json (PubDraftResource *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (PUB_IS_DRAFT_RESOURCE (self), NULL);

  json_builder_begin_object (builder);
  add_string (builder, "kind", self->kind == PUB_DRAFT_RESOURCE_FILE ? "file" : "link");
  add_string (builder, "path", self->path);
  add_string (builder, "url", self->url);
  add_string (builder, "name", self->name);
  add_string (builder, "description", self->description);
  add_string (builder, "format", self->format);
  add_string (builder, "mimetype", self->mimetype);
  add_string (builder, "sha256", self->sha256);
  add_string (builder, "remote_id", self->remote_id);
  if (self->size >= 0)
    {
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, self->size);
    }
  if (self->mtime > 0)
    {
      json_builder_set_member_name (builder, "mtime");
      json_builder_add_int_value (builder, self->mtime);
      /* Optional: older files without it get their file hashed once more. */
      json_builder_set_member_name (builder, "mtime_usec");
      json_builder_add_int_value (builder, self->mtime_usec);
    }
  if (self->personal_data != NULL)
    {
      json_builder_set_member_name (builder, "personal_data");
      json_builder_add_value (builder, json_node_copy (self->personal_data));
      json_builder_set_member_name (builder, "personal_data_accepted");
      json_builder_add_boolean_value (builder, self->personal_data_accepted);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

PubDraftResourceKind
pub_draft_resource_get_kind (PubDraftResource *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT_RESOURCE (self), 0);
  return self->kind;
}

const char *
pub_draft_resource_get_path (PubDraftResource *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT_RESOURCE (self), NULL);
  return self->path;
}

GFile *
pub_draft_resource_dup_file (PubDraftResource *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT_RESOURCE (self), NULL);
  return self->path != NULL ? g_file_new_for_path (self->path) : NULL;
}

#define DEFINE_STRING_ACCESSORS(field, prop) \
const char * \
pub_draft_resource_get_##field (PubDraftResource *self) \
{ \
  g_return_val_if_fail (PUB_IS_DRAFT_RESOURCE (self), NULL); \
  return self->field; \
} \
void \
pub_draft_resource_set_##field (PubDraftResource *self, \
                                const char       *value) \
{ \
  g_return_if_fail (PUB_IS_DRAFT_RESOURCE (self)); \
  set_string (self, &self->field, value, prop); \
}

DEFINE_STRING_ACCESSORS (name, PROP_NAME)
DEFINE_STRING_ACCESSORS (description, PROP_DESCRIPTION)
DEFINE_STRING_ACCESSORS (format, PROP_FORMAT)
DEFINE_STRING_ACCESSORS (remote_id, PROP_REMOTE_ID)

const char *
pub_draft_resource_get_url (PubDraftResource *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT_RESOURCE (self), NULL);
  return self->url;
}

/* A cleared address stays "" on a link, so the draft file keeps the key
 * and the link says what it lacks. */
void
pub_draft_resource_set_url (PubDraftResource *self,
                            const char       *url)
{
  g_return_if_fail (PUB_IS_DRAFT_RESOURCE (self));

  if (url == NULL && self->kind == PUB_DRAFT_RESOURCE_LINK)
    url = "";
  set_string (self, &self->url, url, PROP_URL);
  update_link_problem (self);
}

const char *
pub_draft_resource_get_mimetype (PubDraftResource *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT_RESOURCE (self), NULL);
  return self->mimetype;
}

gint64
pub_draft_resource_get_size (PubDraftResource *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT_RESOURCE (self), -1);
  return self->size;
}

gint64
pub_draft_resource_get_mtime (PubDraftResource *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT_RESOURCE (self), 0);
  return self->mtime;
}

const char *
pub_draft_resource_get_sha256 (PubDraftResource *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT_RESOURCE (self), NULL);
  return self->sha256;
}

const char *
pub_draft_resource_get_problem (PubDraftResource *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT_RESOURCE (self), NULL);
  return self->problem;
}

void
pub_draft_resource_set_file (PubDraftResource *self,
                             GFile            *file)
{
  g_autofree char *old_name = NULL;
  g_autofree char *new_name = NULL;

  g_return_if_fail (PUB_IS_DRAFT_RESOURCE (self));
  g_return_if_fail (self->kind == PUB_DRAFT_RESOURCE_FILE);
  g_return_if_fail (G_IS_FILE (file));

  old_name = self->path != NULL ? g_path_get_basename (self->path) : NULL;
  new_name = g_file_get_basename (file);

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->path, g_file_peek_path (file), PROP_PATH);
  /* A name the person chose stays; the old file's own name follows it. */
  if (self->name == NULL || g_strcmp0 (self->name, old_name) == 0)
    set_string (self, &self->name, new_name, PROP_NAME);
  /* Nothing read of the old file holds for the new one. */
  set_string (self, &self->sha256, NULL, PROP_SHA256);
  set_string (self, &self->problem, NULL, PROP_PROBLEM);
  if (self->size != -1)
    {
      self->size = -1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
    }
  if (self->mtime != 0 || self->mtime_usec != 0)
    {
      self->mtime = 0;
      self->mtime_usec = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MTIME]);
    }
  pub_draft_resource_set_check_result (self, PUB_RESOURCE_CHECK_NONE, NULL);
  pub_draft_resource_set_personal_data (self, NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

PubResourceCheckStatus
pub_draft_resource_get_check_status (PubDraftResource *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT_RESOURCE (self), 0);
  return self->check_status;
}

const char *
pub_draft_resource_get_check_summary (PubDraftResource *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT_RESOURCE (self), NULL);
  return self->check_summary;
}

void
pub_draft_resource_set_check_result (PubDraftResource      *self,
                                     PubResourceCheckStatus status,
                                     const char            *summary)
{
  g_return_if_fail (PUB_IS_DRAFT_RESOURCE (self));

  if (self->check_status != status)
    {
      self->check_status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECK_STATUS]);
    }
  set_string (self, &self->check_summary, summary, PROP_CHECK_SUMMARY);
}

JsonNode *
pub_draft_resource_get_personal_data (PubDraftResource *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT_RESOURCE (self), NULL);
  return self->personal_data;
}

void
pub_draft_resource_set_personal_data (PubDraftResource *self,
                                      JsonNode         *findings)
{
  g_return_if_fail (PUB_IS_DRAFT_RESOURCE (self));
  g_return_if_fail (findings == NULL || JSON_NODE_HOLDS_ARRAY (findings));

  if (findings != NULL && json_array_get_length (json_node_get_array (findings)) == 0)
    findings = NULL;
  if (self->personal_data == findings ||
      (self->personal_data != NULL && findings != NULL && json_node_equal (self->personal_data, findings)))
    return;
  g_clear_pointer (&self->personal_data, json_node_unref);
  self->personal_data = findings != NULL ? json_node_copy (findings) : NULL;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONAL_DATA]);
  /* A yes was given to what was found then, not to what is found now. */
  pub_draft_resource_set_personal_data_accepted (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
pub_draft_resource_get_personal_data_accepted (PubDraftResource *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT_RESOURCE (self), FALSE);
  return self->personal_data_accepted;
}

void
pub_draft_resource_set_personal_data_accepted (PubDraftResource *self,
                                               gboolean          accepted)
{
  g_return_if_fail (PUB_IS_DRAFT_RESOURCE (self));

  if (self->personal_data_accepted == !!accepted)
    return;
  self->personal_data_accepted = !!accepted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONAL_DATA_ACCEPTED]);
}

PubCheckResult *
pub_draft_resource_get_last_check (PubDraftResource *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT_RESOURCE (self), NULL);
  return self->last_check;
}

void
pub_draft_resource_set_last_check (PubDraftResource *self,
                                   PubCheckResult   *result)
{
  g_return_if_fail (PUB_IS_DRAFT_RESOURCE (self));
  g_return_if_fail (result == NULL || PUB_IS_CHECK_RESULT (result));

  if (g_set_object (&self->last_check, result))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_CHECK]);
}

/* Back on the caller's context: the resource learns what the worker read,
 * whether or not anyone waits for the result. */
static void
refreshed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PubDraftResource *self = PUB_DRAFT_RESOURCE (object);
  g_autoptr(GTask) task = user_data;
  PubFileScan *info = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  g_assert (G_IS_TASK (task));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        set_string (self, &self->problem, _("This is a folder: add the files in it instead"), PROP_PROBLEM);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
        set_string (self, &self->problem, _("This is not a file that can be published"), PROP_PROBLEM);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *problem = g_strdup_printf (_("The file can’t be read: %s"), error->message);
          set_string (self, &self->problem, problem, PROP_PROBLEM);
        }
      g_task_return_error (task, error);
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->problem, NULL, PROP_PROBLEM);
  if (self->size != info->size)
    {
      self->size = info->size;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
    }
  if (self->mtime != info->mtime || self->mtime_usec != info->mtime_usec)
    {
      self->mtime = info->mtime;
      self->mtime_usec = info->mtime_usec;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MTIME]);
    }
  if (info->content_type != NULL)
    {
      g_autofree char *mime = g_content_type_get_mime_type (info->content_type);

      set_string (self, &self->mimetype, mime, PROP_MIMETYPE);
    }
  if (self->format == NULL || self->format[0] == '\0')
    set_string (self, &self->format, pub_guess_format (self->path, info->content_type), PROP_FORMAT);
  set_string (self, &self->sha256, info->sha256, PROP_SHA256);
  g_object_thaw_notify (G_OBJECT (self));
  g_task_return_boolean (task, TRUE);
}

void
pub_draft_resource_refresh_async (PubDraftResource   *self,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  PubFileScan *info;

  g_return_if_fail (PUB_IS_DRAFT_RESOURCE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_draft_resource_refresh_async);

  if (self->kind != PUB_DRAFT_RESOURCE_FILE || self->path == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  info = g_new0 (PubFileScan, 1);
  info->path = g_strdup (self->path);
  info->known_size = self->size;
  info->known_mtime = self->mtime;
  info->known_mtime_usec = self->mtime_usec;
  info->known_sha256 = g_strdup (self->sha256);
  worker = g_task_new (self, cancellable, refreshed_cb, g_steal_pointer (&task));
  g_task_set_task_data (worker, info, (GDestroyNotify) pub_file_scan_free);
  g_task_run_in_thread (worker, pub_file_scan_thread);
}

gboolean
pub_draft_resource_refresh_finish (PubDraftResource *self,
                                   GAsyncResult     *result,
                                   GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
