/* pub-portal-services.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-client-datasets.h"
#include "ckan-client-validation.h"
#include "pub-portal-services.h"

struct _PubPortalServices
{
  GObject           parent_instance;

  CkanCapabilities *capabilities;
  char             *ai_action;
};

G_DEFINE_FINAL_TYPE (PubPortalServices, pub_portal_services, G_TYPE_OBJECT)

/* No public extension is known (ckan-extensions.md): these are the names
 * such an action would take after ckanext-validation's. */
const char * const pub_portal_ai_actions[] = {
  "resource_ai_validation_show",
  "ai_validation_show",
  "resource_quality_show",
  NULL
};

typedef struct {
  CkanClient       *client;
  CkanCapabilities *capabilities;
  guint             probe;
} Detect;

static void
detect_free (gpointer data)
{
  Detect *detect = data;

  g_clear_object (&detect->client);
  g_clear_object (&detect->capabilities);
  g_free (detect);
}

static void probe_next (GTask *task);

static void
probed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Detect *detect = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (ckan_client_action_exists_finish (CKAN_CLIENT (source), result, &error))
    {
      g_task_return_pointer (task, pub_portal_services_new (detect->capabilities, pub_portal_ai_actions[detect->probe]),
                             g_object_unref);
      return;
    }
  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Anything but "it exists" leaves the AI part out; the rest still works. */
  detect->probe++;
  probe_next (g_steal_pointer (&task));
}

static void
probe_next (GTask *task)
{
  Detect *detect = g_task_get_task_data (task);

  if (!pub_portal_ai_actions[detect->probe])
    {
      g_task_return_pointer (task, pub_portal_services_new (detect->capabilities, NULL), g_object_unref);
      g_object_unref (task);
      return;
    }
  ckan_client_action_exists_async (detect->client, pub_portal_ai_actions[detect->probe],
                                   g_task_get_cancellable (task), probed_cb, task);
}

static void
status_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  Detect *detect = g_task_get_task_data (task);
  GError *error = NULL;

  detect->capabilities = ckan_client_status_show_finish (CKAN_CLIENT (source), result, &error);
  if (!detect->capabilities)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  probe_next (task);
}

void
pub_portal_services_detect_async (CkanClient          *client,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  Detect *detect;

  g_return_if_fail (CKAN_IS_CLIENT (client));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_portal_services_detect_async);
  detect = g_new0 (Detect, 1);
  detect->client = g_object_ref (client);
  g_task_set_task_data (task, detect, detect_free);
  ckan_client_status_show_async (client, cancellable, status_cb, task);
}

PubPortalServices *
pub_portal_services_detect_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pub_portal_services_detect_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

PubPortalServices *
pub_portal_services_new (CkanCapabilities *capabilities,
                         const char       *ai_action)
{
  PubPortalServices *self;

  g_return_val_if_fail (CKAN_IS_CAPABILITIES (capabilities), NULL);

  self = g_object_new (PUB_TYPE_PORTAL_SERVICES, NULL);
  self->capabilities = g_object_ref (capabilities);
  self->ai_action = g_strdup (ai_action);
  return self;
}

CkanCapabilities *
pub_portal_services_get_capabilities (PubPortalServices *self)
{
  g_return_val_if_fail (PUB_IS_PORTAL_SERVICES (self), NULL);
  return self->capabilities;
}

gboolean
pub_portal_services_has_datastore (PubPortalServices *self)
{
  g_return_val_if_fail (PUB_IS_PORTAL_SERVICES (self), FALSE);
  return ckan_capabilities_has_datastore (self->capabilities);
}

CkanLoader
pub_portal_services_get_loader (PubPortalServices *self)
{
  g_return_val_if_fail (PUB_IS_PORTAL_SERVICES (self), CKAN_LOADER_NONE);
  /* A loader writes into the DataStore: without it there is nothing to load. */
  if (!ckan_capabilities_has_datastore (self->capabilities))
    return CKAN_LOADER_NONE;
  return ckan_capabilities_get_loader (self->capabilities);
}

gboolean
pub_portal_services_has_validation (PubPortalServices *self)
{
  g_return_val_if_fail (PUB_IS_PORTAL_SERVICES (self), FALSE);
  return ckan_capabilities_has_validation (self->capabilities);
}

const char *
pub_portal_services_get_ai_action (PubPortalServices *self)
{
  g_return_val_if_fail (PUB_IS_PORTAL_SERVICES (self), NULL);
  return self->ai_action;
}

static void
pub_portal_services_finalize (GObject *object)
{
  PubPortalServices *self = PUB_PORTAL_SERVICES (object);

  g_clear_object (&self->capabilities);
  g_clear_pointer (&self->ai_action, g_free);

  G_OBJECT_CLASS (pub_portal_services_parent_class)->finalize (object);
}

static void
pub_portal_services_class_init (PubPortalServicesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pub_portal_services_finalize;
}

static void
pub_portal_services_init (PubPortalServices *self)
{
}
