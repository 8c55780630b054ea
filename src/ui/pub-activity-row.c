/* pub-activity-row.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-activity-row.h"
#include "pub-activity-text.h"
#include "pub-relative-time.h"

#define MAX_DETAILS 4

struct _PubActivityRow
{
  GtkListBoxRow  parent_instance;

  CkanActivity  *activity;
  CkanActivity  *older;
  char          *actor;
  char          *text;

  GtkLabel      *sentence_label;
  GtkLabel      *details_label;
  GtkLabel      *time_label;
};

G_DEFINE_FINAL_TYPE (PubActivityRow, pub_activity_row, GTK_TYPE_LIST_BOX_ROW)

static void
update (PubActivityRow *self)
{
  g_autofree char *sentence = pub_activity_describe (self->activity, self->older, self->actor);
  g_auto(GStrv) details = pub_activity_details (self->activity, self->older, MAX_DETAILS);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = pub_relative_time_format (ckan_activity_get_timestamp (self->activity), now);
  g_autofree char *joined = g_strjoinv ("\n", details);

  gtk_label_set_text (self->sentence_label, sentence);
  gtk_label_set_text (self->details_label, joined);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details[0] != NULL);
  gtk_label_set_text (self->time_label, when != NULL ? when : "");

  g_free (self->text);
  /* One sentence a screen reader speaks whole. */
  self->text = when != NULL ? g_strdup_printf ("%s · %s", sentence, when) : g_strdup (sentence);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
}

static void
pub_activity_row_dispose (GObject *object)
{
  PubActivityRow *self = PUB_ACTIVITY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_ACTIVITY_ROW);
  g_clear_object (&self->activity);
  g_clear_object (&self->older);

  G_OBJECT_CLASS (pub_activity_row_parent_class)->dispose (object);
}

static void
pub_activity_row_finalize (GObject *object)
{
  PubActivityRow *self = PUB_ACTIVITY_ROW (object);

  g_free (self->actor);
  g_free (self->text);

  G_OBJECT_CLASS (pub_activity_row_parent_class)->finalize (object);
}

static void
pub_activity_row_class_init (PubActivityRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pub_activity_row_dispose;
  object_class->finalize = pub_activity_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/publicador/Publicador/ui/pub-activity-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PubActivityRow, sentence_label);
  gtk_widget_class_bind_template_child (widget_class, PubActivityRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, PubActivityRow, time_label);
}

static void
pub_activity_row_init (PubActivityRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pub_activity_row_new (CkanActivity *activity,
                      CkanActivity *older)
{
  PubActivityRow *self;

  g_return_val_if_fail (CKAN_IS_ACTIVITY (activity), NULL);

  self = g_object_new (PUB_TYPE_ACTIVITY_ROW, NULL);
  self->activity = g_object_ref (activity);
  self->older = older != NULL ? g_object_ref (older) : NULL;
  update (self);
  return GTK_WIDGET (self);
}

CkanActivity *
pub_activity_row_get_activity (PubActivityRow *self)
{
  g_return_val_if_fail (PUB_IS_ACTIVITY_ROW (self), NULL);
  return self->activity;
}

void
pub_activity_row_set_actor (PubActivityRow *self,
                            const char     *actor)
{
  g_return_if_fail (PUB_IS_ACTIVITY_ROW (self));

  g_free (self->actor);
  self->actor = g_strdup (actor);
  update (self);
}

const char *
pub_activity_row_get_text (PubActivityRow *self)
{
  g_return_val_if_fail (PUB_IS_ACTIVITY_ROW (self), NULL);
  return self->text;
}
