/* ckan-capabilities.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-capabilities.h"

struct _CkanCapabilities
{
  CkanRecord  parent_instance;

  GStrv       extensions;
};

G_DEFINE_FINAL_TYPE (CkanCapabilities, ckan_capabilities, CKAN_TYPE_RECORD)

static void
ckan_capabilities_parse (CkanRecord *record)
{
  CkanCapabilities *self = CKAN_CAPABILITIES (record);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *extensions = ckan_record_get_member_array (record, "extensions");

  for (guint i = 0; extensions != NULL && i < json_array_get_length (extensions); i++)
    {
      JsonNode *element = json_array_get_element (extensions, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (element));
    }
  g_clear_pointer (&self->extensions, g_strfreev);
  self->extensions = g_strv_builder_end (builder);
}

static void
ckan_capabilities_finalize (GObject *object)
{
  CkanCapabilities *self = CKAN_CAPABILITIES (object);

  g_clear_pointer (&self->extensions, g_strfreev);

  G_OBJECT_CLASS (ckan_capabilities_parent_class)->finalize (object);
}

static void
ckan_capabilities_class_init (CkanCapabilitiesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ckan_capabilities_finalize;
  CKAN_RECORD_CLASS (klass)->required_key = NULL;
  CKAN_RECORD_CLASS (klass)->parse = ckan_capabilities_parse;
}

static void
ckan_capabilities_init (CkanCapabilities *self)
{
  self->extensions = g_new0 (char *, 1);
}

CkanCapabilities *
ckan_capabilities_new_from_json (JsonObject  *object,
                                 GError     **error)
{
  return ckan_record_new_from_json (CKAN_TYPE_CAPABILITIES, object, error);
}

const char *
ckan_capabilities_get_ckan_version (CkanCapabilities *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "ckan_version");
}

const char *
ckan_capabilities_get_site_title (CkanCapabilities *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "site_title");
}

const char *
ckan_capabilities_get_site_url (CkanCapabilities *self)
{
  return ckan_record_get_string (CKAN_RECORD (self), "site_url");
}

const char * const *
ckan_capabilities_get_extensions (CkanCapabilities *self)
{
  g_return_val_if_fail (CKAN_IS_CAPABILITIES (self), NULL);
  return (const char * const *) self->extensions;
}

gboolean
ckan_capabilities_has_extension (CkanCapabilities *self,
                                 const char       *name)
{
  g_return_val_if_fail (CKAN_IS_CAPABILITIES (self), FALSE);
  return g_strv_contains ((const char * const *) self->extensions, name);
}

/* "2.10.4", "2.11.0b1", "2.9": only major and minor matter here. */
static gboolean
parse_version (const char *version,
               guint64    *major,
               guint64    *minor)
{
  g_auto(GStrv) parts = NULL;
  char *end = NULL;

  if (version == NULL)
    return FALSE;
  parts = g_strsplit (version, ".", 3);
  if (g_strv_length (parts) < 2)
    return FALSE;
  if (!g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXUINT, major, NULL))
    return FALSE;
  *minor = g_ascii_strtoull (parts[1], &end, 10);
  return end != parts[1];
}

gboolean
ckan_capabilities_version_at_least (CkanCapabilities *self,
                                    guint             major,
                                    guint             minor)
{
  guint64 have_major, have_minor;

  if (!parse_version (ckan_capabilities_get_ckan_version (self), &have_major, &have_minor))
    return FALSE;
  return have_major > major || (have_major == major && have_minor >= minor);
}

gboolean
ckan_capabilities_has_datastore (CkanCapabilities *self)
{
  return ckan_capabilities_has_extension (self, "datastore");
}

gboolean
ckan_capabilities_has_xloader (CkanCapabilities *self)
{
  return ckan_capabilities_has_extension (self, "xloader");
}

gboolean
ckan_capabilities_has_datapusher (CkanCapabilities *self)
{
  return ckan_capabilities_has_extension (self, "datapusher");
}

gboolean
ckan_capabilities_has_validation (CkanCapabilities *self)
{
  return ckan_capabilities_has_extension (self, "validation");
}

gboolean
ckan_capabilities_has_comments (CkanCapabilities *self)
{
  return ckan_capabilities_has_extension (self, "comments");
}

/* Activity moved from core into a plugin in 2.10. */
gboolean
ckan_capabilities_has_activity (CkanCapabilities *self)
{
  if (ckan_capabilities_has_extension (self, "activity"))
    return TRUE;
  return ckan_capabilities_get_ckan_version (self) != NULL &&
         !ckan_capabilities_version_at_least (self, 2, 10);
}

gboolean
ckan_capabilities_has_scheming (CkanCapabilities *self)
{
  return ckan_capabilities_has_extension (self, "scheming_datasets");
}

CkanLoader
ckan_capabilities_get_loader (CkanCapabilities *self)
{
  if (ckan_capabilities_has_xloader (self))
    return CKAN_LOADER_XLOADER;
  if (ckan_capabilities_has_datapusher (self))
    return CKAN_LOADER_DATAPUSHER;
  return CKAN_LOADER_NONE;
}
