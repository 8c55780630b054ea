/* pub-dataset-activity-page.c: package_activity_list, a page at a time
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ckan-client-datasets.h"
#include "pub-activity-row.h"
#include "pub-dataset-activity-page.h"
#include "pub-dataset-errors.h"

#define PAGE_SIZE 20

struct _PubDatasetActivityPage
{
  AdwBin        parent_instance;

  CkanClient   *client;
  char         *dataset_id;
  GCancellable *cancellable;
  guint         offset;       /* activities shown */
  gboolean      loading;
  GHashTable   *actors;       /* user id → display name, or "" while asked */

  GtkListBox   *list;
  GtkLabel     *status_label;
  GtkWidget    *spinner;
  GtkWidget    *more_button;
};

G_DEFINE_FINAL_TYPE (PubDatasetActivityPage, pub_dataset_activity_page, ADW_TYPE_BIN)

static void
set_loading (PubDatasetActivityPage *self,
             gboolean                loading)
{
  self->loading = loading;
  gtk_widget_set_visible (self->spinner, loading);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), loading);
  if (loading)
    gtk_widget_set_visible (self->more_button, FALSE);
}

static void
apply_actor (PubDatasetActivityPage *self,
             const char             *user_id,
             const char             *name)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (PUB_IS_ACTIVITY_ROW (row) &&
          g_strcmp0 (ckan_activity_get_user_id (pub_activity_row_get_activity (PUB_ACTIVITY_ROW (row))), user_id) == 0)
        pub_activity_row_set_actor (PUB_ACTIVITY_ROW (row), name);
    }
}

static void
user_shown_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PubDatasetActivityPage) self = user_data;
  g_autoptr(CkanUser) user = ckan_client_user_show_finish (CKAN_CLIENT (object), result, NULL);

  g_assert (PUB_IS_DATASET_ACTIVITY_PAGE (self));

  if (user == NULL)
    return;
  g_hash_table_insert (self->actors, g_strdup (ckan_user_get_id (user)), g_strdup (ckan_user_get_display_name (user)));
  apply_actor (self, ckan_user_get_id (user), ckan_user_get_display_name (user));
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PubDatasetActivityPage) self = user_data;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;
  guint shown;

  g_assert (PUB_IS_DATASET_ACTIVITY_PAGE (self));

  activities = ckan_client_package_activity_list_finish (CKAN_CLIENT (object), result, &error);
  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  if (activities == NULL)
    {
      g_autofree char *message = NULL;

      /* A portal without the activity plugin has no such action. */
      if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_BAD_REQUEST))
        message = g_strdup (_("This portal does not keep a history of changes."));
      else
        message = pub_dataset_error_message (error, NULL);
      gtk_label_set_text (self->status_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
      gtk_widget_set_visible (self->more_button, pub_dataset_error_can_retry (error));
      return;
    }

  /* One more than shown was asked for: the oldest shown one is compared
   * with it to say what it changed. */
  shown = MIN (activities->len, PAGE_SIZE);
  for (guint i = 0; i < shown; i++)
    {
      CkanActivity *activity = g_ptr_array_index (activities, i);
      CkanActivity *older = i + 1 < activities->len ? g_ptr_array_index (activities, i + 1) : NULL;
      GtkWidget *row = pub_activity_row_new (activity, older);
      const char *user_id = ckan_activity_get_user_id (activity);
      const char *name = user_id != NULL ? g_hash_table_lookup (self->actors, user_id) : NULL;

      gtk_list_box_append (self->list, row);
      if (name != NULL && name[0] != '\0')
        pub_activity_row_set_actor (PUB_ACTIVITY_ROW (row), name);
      else if (user_id != NULL && name == NULL)
        {
          g_hash_table_insert (self->actors, g_strdup (user_id), g_strdup (""));
          ckan_client_user_show_async (self->client, user_id, self->cancellable, user_shown_cb, g_object_ref (self));
        }
    }
  self->offset += shown;
  gtk_widget_set_visible (self->more_button, activities->len > PAGE_SIZE);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), self->offset == 0);
  gtk_label_set_text (self->status_label, _("No activity yet."));
}

static void
load_more (PubDatasetActivityPage *self)
{
  if (self->loading || self->client == NULL || self->dataset_id == NULL)
    return;
  set_loading (self, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  ckan_client_package_activity_list_async (self->client, self->dataset_id, self->offset, PAGE_SIZE + 1,
                                           self->cancellable, listed_cb, g_object_ref (self));
}

static void
more_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  load_more (PUB_DATASET_ACTIVITY_PAGE (widget));
}

static void
pub_dataset_activity_page_dispose (GObject *object)
{
  PubDatasetActivityPage *self = PUB_DATASET_ACTIVITY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_DATASET_ACTIVITY_PAGE);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (pub_dataset_activity_page_parent_class)->dispose (object);
}

static void
pub_dataset_activity_page_finalize (GObject *object)
{
  PubDatasetActivityPage *self = PUB_DATASET_ACTIVITY_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->actors, g_hash_table_unref);
  g_free (self->dataset_id);

  G_OBJECT_CLASS (pub_dataset_activity_page_parent_class)->finalize (object);
}

static void
pub_dataset_activity_page_class_init (PubDatasetActivityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_dataset_activity_page_dispose;
  object_class->finalize = pub_dataset_activity_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/publicador/Publicador/ui/pub-dataset-activity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PubDatasetActivityPage, list);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetActivityPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetActivityPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetActivityPage, more_button);
  gtk_widget_class_install_action (widget_class, "activity.more", NULL, more_action);
}

static void
pub_dataset_activity_page_init (PubDatasetActivityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->actors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
pub_dataset_activity_page_set_client (PubDatasetActivityPage *self,
                                      CkanClient             *client)
{
  g_return_if_fail (PUB_IS_DATASET_ACTIVITY_PAGE (self));
  g_set_object (&self->client, client);
}

void
pub_dataset_activity_page_set_dataset (PubDatasetActivityPage *self,
                                       CkanDataset            *dataset)
{
  GtkWidget *row;

  g_return_if_fail (PUB_IS_DATASET_ACTIVITY_PAGE (self));

  /* From the newest again: a save adds an entry at the top. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_hash_table_remove_all (self->actors);
  set_loading (self, FALSE);
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, row);
  self->offset = 0;
  g_free (self->dataset_id);
  self->dataset_id = dataset != NULL ? g_strdup (ckan_dataset_get_id (dataset)) : NULL;
  load_more (self);
}

GtkListBox *
pub_dataset_activity_page_get_list (PubDatasetActivityPage *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_ACTIVITY_PAGE (self), NULL);
  return self->list;
}

guint
pub_dataset_activity_page_get_count (PubDatasetActivityPage *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_ACTIVITY_PAGE (self), 0);
  return self->offset;
}

gboolean
pub_dataset_activity_page_get_loading (PubDatasetActivityPage *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_ACTIVITY_PAGE (self), FALSE);
  return self->loading;
}
