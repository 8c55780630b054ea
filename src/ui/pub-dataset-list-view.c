/* pub-dataset-list-view.c: the list, its search and filters, and whose list it is
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pub-accessible.h"
#include "pub-application.h"
#include "pub-dataset-cache.h"
#include "pub-dataset-list-view-private.h"
#include "pub-dataset-row.h"

G_DEFINE_FINAL_TYPE (PubDatasetListView, pub_dataset_list_view, ADW_TYPE_BIN)

G_DEFINE_ENUM_TYPE (PubDatasetListMode, pub_dataset_list_mode,
  G_DEFINE_ENUM_VALUE (PUB_DATASET_LIST_MODE_MINE, "mine"),
  G_DEFINE_ENUM_VALUE (PUB_DATASET_LIST_MODE_ORGANIZATION, "organization"))

enum {
  PROP_0,
  PROP_MODE,
  PROP_ACCOUNT_MANAGER,
  PROP_SETTINGS,
  PROP_SELECTION_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (PubDatasetListView *self);

/* The key the chosen organization is remembered under. */
static char *
account_key (PubAccount *account)
{
  return g_strdup_printf ("%s %s", pub_account_get_portal_url (account), pub_account_get_user_id (account));
}

static void
update_formats (PubDatasetListView *self)
{
  const char * const *formats = pub_dataset_list_get_formats (self->list);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strings = NULL;

  /* While a format is chosen, the facets only know the matches: keep the
   * choices the whole list offered. */
  if (pub_dataset_list_get_format (self->list) != NULL)
    return;
  g_strv_builder_add (builder, _("All formats"));
  for (guint i = 0; formats[i] != NULL; i++)
    g_strv_builder_add (builder, formats[i]);
  strings = g_strv_builder_end (builder);
  self->updating = TRUE;
  gtk_string_list_splice (self->format_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->format_model)),
                          (const char * const *) strings);
  gtk_drop_down_set_selected (self->format_dropdown, 0);
  self->updating = FALSE;
}

static void
apply_filters (PubDatasetListView *self)
{
  guint format = gtk_drop_down_get_selected (self->format_dropdown);

  if (self->list == NULL)
    return;
  pub_dataset_list_set_search_text (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  pub_dataset_list_set_sort (self->list, gtk_drop_down_get_selected (self->sort_dropdown) == 1
                                         ? PUB_DATASET_SORT_TITLE : PUB_DATASET_SORT_LAST_CHANGED);
  pub_dataset_list_set_visibility (self->list, (PubVisibilityFilter) MIN (gtk_drop_down_get_selected (self->visibility_dropdown), 2));
  pub_dataset_list_set_state_filter (self->list, (PubStateFilter) MIN (gtk_drop_down_get_selected (self->state_dropdown), 2));
  pub_dataset_list_set_format (self->list, format > 0 && format != GTK_INVALID_LIST_POSITION
                                           ? gtk_string_list_get_string (self->format_model, format) : NULL);
  pub_dataset_list_set_overdue_only (self->list, gtk_toggle_button_get_active (self->overdue_button));
}

/* What the controls ask for, to tell a real change from a drop-down
 * announcing the choice it already had (its model was refilled). */
static char *
filter_signature (PubDatasetListView *self)
{
  return g_strdup_printf ("%s|%u|%u|%u|%u|%d", gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                          gtk_drop_down_get_selected (self->sort_dropdown),
                          gtk_drop_down_get_selected (self->visibility_dropdown),
                          gtk_drop_down_get_selected (self->state_dropdown),
                          gtk_drop_down_get_selected (self->format_dropdown),
                          gtk_toggle_button_get_active (self->overdue_button));
}

static void
filters_changed_cb (PubDatasetListView *self)
{
  g_autofree char *signature = NULL;

  if (self->updating)
    return;
  signature = filter_signature (self);
  if (g_strcmp0 (signature, self->filters) == 0)
    return;
  g_free (self->filters);
  self->filters = g_steal_pointer (&signature);
  /* A selection made under other filters would act on rows no longer shown. */
  if (self->selection_mode)
    gtk_widget_activate_action (GTK_WIDGET (self), "list.select-none", NULL);
  apply_filters (self);
}

static void
search_changed_cb (PubDatasetListView *self)
{
  filters_changed_cb (self);
}

static void
row_activated_cb (PubDatasetListView *self,
                  guint               position)
{
  g_autoptr(PubDatasetListItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection_model), position);
  CkanDataset *dataset = item != NULL ? pub_dataset_list_item_get_dataset (item) : NULL;

  if (dataset == NULL)
    return;
  if (self->selection_mode)
    {
      gboolean selected = !g_hash_table_contains (self->selected, ckan_dataset_get_id (dataset));

      /* The set of ids is what counts: the row may not be bound (or may be
       * bound again) when the item changes. */
      if (selected)
        g_hash_table_add (self->selected, g_strdup (ckan_dataset_get_id (dataset)));
      else
        g_hash_table_remove (self->selected, ckan_dataset_get_id (dataset));
      pub_dataset_list_item_set_selected (item, selected);
      _pub_dataset_list_view_update_selection (self);
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "app.open-dataset", "s", ckan_dataset_get_id (dataset));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              PubDatasetListView       *self)
{
  GtkWidget *row = pub_dataset_row_new ();

  g_object_bind_property (self, "selection-mode", row, "selection-mode", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             PubDatasetListView       *self)
{
  PubDatasetListItem *item = gtk_list_item_get_item (list_item);

  _pub_dataset_list_view_bind_item (self, item);
  pub_dataset_row_set_item (PUB_DATASET_ROW (gtk_list_item_get_child (list_item)), item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               PubDatasetListView       *self)
{
  PubDatasetListItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    _pub_dataset_list_view_unbind_item (self, item);
  pub_dataset_row_set_item (PUB_DATASET_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
set_list (PubDatasetListView *self,
          PubDatasetList     *list)
{
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  _pub_dataset_list_view_set_selection_mode (self, FALSE);
  gtk_toggle_button_set_active (self->select_button, FALSE);
  g_set_object (&self->list, list);
  gtk_no_selection_set_model (self->selection_model, G_LIST_MODEL (list));
  if (list == NULL)
    return;
  g_signal_connect_object (list, "notify::count", G_CALLBACK (_pub_dataset_list_view_update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (list, "notify::loading", G_CALLBACK (_pub_dataset_list_view_update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (list, "notify::error-message", G_CALLBACK (_pub_dataset_list_view_update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (list, "notify::from-cache", G_CALLBACK (_pub_dataset_list_view_update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (list, "notify::n-items", G_CALLBACK (_pub_dataset_list_view_update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (list, "notify::drafts-supported", G_CALLBACK (_pub_dataset_list_view_update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (list, "notify::formats", G_CALLBACK (update_formats), self, G_CONNECT_SWAPPED);
  apply_filters (self);
  _pub_dataset_list_view_update_status (self);
}

static CkanOrganization *
chosen_organization (PubDatasetListView *self,
                     GListModel         *organizations)
{
  g_autofree char *key = account_key (self->account);
  g_autofree char *remembered = NULL;
  guint n = g_list_model_get_n_items (organizations);
  guint chosen = 0;

  if (self->settings != NULL)
    {
      g_autoptr(GVariant) map = g_settings_get_value (self->settings, "list-organizations");

      g_variant_lookup (map, key, "s", &remembered);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CkanOrganization) org = g_list_model_get_item (organizations, i);

      if (g_strcmp0 (ckan_organization_get_id (org), remembered) == 0)
        chosen = i;
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->org_dropdown, organizations);
  gtk_drop_down_set_selected (self->org_dropdown, chosen);
  self->updating = FALSE;
  return g_list_model_get_item (organizations, chosen);
}

static void
remember_organization (PubDatasetListView *self)
{
  g_autoptr(GVariant) old = NULL;
  g_autofree char *key = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *k, *v;

  if (self->settings == NULL || self->account == NULL || self->organization == NULL)
    return;
  key = account_key (self->account);
  old = g_settings_get_value (self->settings, "list-organizations");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
    if (g_strcmp0 (k, key) != 0)
      g_variant_builder_add (&builder, "{ss}", k, v);
  g_variant_builder_add (&builder, "{ss}", key, ckan_organization_get_id (self->organization));
  g_settings_set_value (self->settings, "list-organizations", g_variant_builder_end (&builder));
}

static void
org_selected_cb (PubDatasetListView *self)
{
  g_autoptr(CkanOrganization) org = NULL;

  if (self->updating || self->account == NULL)
    return;
  org = gtk_drop_down_get_selected_item (self->org_dropdown) != NULL
        ? g_object_ref (gtk_drop_down_get_selected_item (self->org_dropdown)) : NULL;
  if (org == NULL || org == self->organization)
    return;
  g_set_object (&self->organization, org);
  remember_organization (self);
  rebuild (self);
}

/* The list for the current account (and organization), from scratch. */
static void
rebuild (PubDatasetListView *self)
{
  g_autoptr(PubDatasetList) list = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *cache_key = NULL;
  g_autofree char *cache_path = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->org_dropdown), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->select_button), FALSE);
  if (self->account == NULL)
    {
      set_list (self, NULL);
      _pub_dataset_list_view_show_message (self, "avatar-default-symbolic", _("Nobody Signed In"),
                    _("Add a portal account from the bottom of the sidebar to see its datasets."), FALSE);
      return;
    }
  if (pub_account_get_state (self->account) == PUB_ACCOUNT_STATE_LOADING)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  if (self->mode == PUB_DATASET_LIST_MODE_MINE)
    {
      scope = g_strdup_printf ("creator_user_id:%s", pub_account_get_user_id (self->account));
      cache_key = g_strdup ("mine");
    }
  else
    {
      GListModel *organizations = pub_account_get_organizations (self->account);

      if (self->organization == NULL && g_list_model_get_n_items (organizations) > 0)
        self->organization = chosen_organization (self, organizations);
      if (self->organization == NULL)
        {
          set_list (self, NULL);
          _pub_dataset_list_view_show_message (self, "system-users-symbolic", _("No Organization"),
                        _("This account does not belong to any organization on the portal. "
                          "An organization administrator can add you."), FALSE);
          return;
        }
      gtk_widget_set_visible (GTK_WIDGET (self->org_dropdown), TRUE);
      scope = g_strdup_printf ("owner_org:\"%s\"", ckan_organization_get_id (self->organization));
      cache_key = g_strdup_printf ("org-%s", ckan_organization_get_id (self->organization));
      /* A member only reads: there is nothing to select for. */
      gtk_widget_set_visible (GTK_WIDGET (self->select_button),
                              g_strcmp0 (ckan_organization_get_capacity (self->organization), "member") != 0);
      _pub_dataset_list_view_update_selection (self);
    }

  /* An account whose token was refused keeps the rows it showed. */
  if (_pub_dataset_list_view_token_rejected (self) && self->list != NULL)
    {
      _pub_dataset_list_view_update_status (self);
      return;
    }
  cache_path = pub_dataset_cache_path (pub_account_get_portal_url (self->account),
                                       pub_account_get_user_id (self->account), cache_key);
  list = pub_dataset_list_new (pub_account_get_client (self->account), scope, cache_path);
  set_list (self, list);
}

static void
account_state_cb (PubDatasetListView *self)
{
  PubAccountState state = pub_account_get_state (self->account);

  /* The list is built once the token is there; a list already shown stays
   * (with its selection), and is asked again when a new token comes. */
  if (state == PUB_ACCOUNT_STATE_READY && self->list == NULL)
    rebuild (self);
  else if (state == PUB_ACCOUNT_STATE_READY && self->list_needs_token)
    pub_dataset_list_reload (self->list);
  self->list_needs_token = state == PUB_ACCOUNT_STATE_NEEDS_TOKEN;
  _pub_dataset_list_view_update_status (self);
}

/* The organizations arrive after sign-in, or change on the portal. */
static void
organizations_changed_cb (PubDatasetListView *self)
{
  if (self->mode == PUB_DATASET_LIST_MODE_ORGANIZATION && self->organization == NULL)
    rebuild (self);
}

static void
current_account_cb (PubDatasetListView *self)
{
  PubAccount *account = self->manager != NULL ? pub_account_manager_get_current (self->manager) : NULL;

  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_set_object (&self->account, account);
  g_clear_object (&self->organization);
  /* Another person's list is not this one's: start empty. */
  set_list (self, NULL);
  if (account != NULL)
    {
      g_signal_connect_object (account, "notify::state", G_CALLBACK (account_state_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (pub_account_get_organizations (account), "items-changed",
                               G_CALLBACK (organizations_changed_cb), self, G_CONNECT_SWAPPED);
    }
  rebuild (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PubDatasetListView *self = PUB_DATASET_LIST_VIEW (widget);

  if (self->list != NULL)
    pub_dataset_list_reload (self->list);
  else
    rebuild (self);
}

static void
retry_page_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PubDatasetListView *self = PUB_DATASET_LIST_VIEW (widget);

  if (self->list != NULL)
    pub_dataset_list_retry_page (self->list, g_variant_get_uint32 (param));
}

PubDatasetListMode
pub_dataset_list_view_get_mode (PubDatasetListView *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_LIST_VIEW (self), PUB_DATASET_LIST_MODE_MINE);

  return self->mode;
}

PubDatasetList *
pub_dataset_list_view_get_list (PubDatasetListView *self)
{
  g_return_val_if_fail (PUB_IS_DATASET_LIST_VIEW (self), NULL);

  return self->list;
}

void
pub_dataset_list_view_show_overdue (PubDatasetListView *self)
{
  g_return_if_fail (PUB_IS_DATASET_LIST_VIEW (self));

  gtk_toggle_button_set_active (self->overdue_button, TRUE);
}

void
_pub_dataset_list_view_toast (PubDatasetListView *self,
                              AdwToast           *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GtkWidget *
pub_dataset_list_view_new (PubDatasetListMode  mode,
                           PubAccountManager  *manager,
                           GSettings          *settings)
{
  return g_object_new (PUB_TYPE_DATASET_LIST_VIEW,
                       "mode", mode,
                       "account-manager", manager,
                       "settings", settings,
                       NULL);
}

static GtkWidget *
new_for_application (PubDatasetListMode mode)
{
  GApplication *app = g_application_get_default ();

  if (!PUB_IS_APPLICATION (app))
    return pub_dataset_list_view_new (mode, NULL, NULL);
  return pub_dataset_list_view_new (mode,
                                    pub_application_get_account_manager (PUB_APPLICATION (app)),
                                    pub_application_get_settings (PUB_APPLICATION (app)));
}

GtkWidget *
pub_dataset_list_view_new_mine (void)
{
  return new_for_application (PUB_DATASET_LIST_MODE_MINE);
}

GtkWidget *
pub_dataset_list_view_new_organization (void)
{
  return new_for_application (PUB_DATASET_LIST_MODE_ORGANIZATION);
}

static void
pub_dataset_list_view_constructed (GObject *object)
{
  PubDatasetListView *self = PUB_DATASET_LIST_VIEW (object);

  G_OBJECT_CLASS (pub_dataset_list_view_parent_class)->constructed (object);

  gtk_widget_set_visible (GTK_WIDGET (self->org_dropdown), FALSE);
  if (self->manager != NULL)
    g_signal_connect_object (self->manager, "notify::current-account",
                             G_CALLBACK (current_account_cb), self, G_CONNECT_SWAPPED);
  current_account_cb (self);
}

static void
pub_dataset_list_view_dispose (GObject *object)
{
  PubDatasetListView *self = PUB_DATASET_LIST_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  /* The bin's child is a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PUB_TYPE_DATASET_LIST_VIEW);
  g_clear_object (&self->selection_model);
  g_clear_object (&self->list);
  g_clear_object (&self->account);
  g_clear_object (&self->organization);
  g_clear_object (&self->manager);
  g_clear_object (&self->settings);
  g_clear_object (&self->job);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->selected, g_hash_table_unref);
  g_clear_pointer (&self->filters, g_free);

  G_OBJECT_CLASS (pub_dataset_list_view_parent_class)->dispose (object);
}

static void
pub_dataset_list_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PubDatasetListView *self = PUB_DATASET_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;

    case PROP_ACCOUNT_MANAGER:
      g_value_set_object (value, self->manager);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_SELECTION_MODE:
      g_value_set_boolean (value, self->selection_mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_dataset_list_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PubDatasetListView *self = PUB_DATASET_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      self->mode = g_value_get_enum (value);
      break;

    case PROP_ACCOUNT_MANAGER:
      self->manager = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_SELECTION_MODE:
      _pub_dataset_list_view_set_selection_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_dataset_list_view_class_init (PubDatasetListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pub_dataset_list_view_constructed;
  object_class->dispose = pub_dataset_list_view_dispose;
  object_class->get_property = pub_dataset_list_view_get_property;
  object_class->set_property = pub_dataset_list_view_set_property;

  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       PUB_TYPE_DATASET_LIST_MODE, PUB_DATASET_LIST_MODE_MINE,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACCOUNT_MANAGER] =
    g_param_spec_object ("account-manager", NULL, NULL,
                         PUB_TYPE_ACCOUNT_MANAGER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTION_MODE] =
    g_param_spec_boolean ("selection-mode", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/publicador/Publicador/ui/pub-dataset-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, org_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, select_button);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, visibility_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, format_model);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, count_label);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, status_box);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, status_icon);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, status_label);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, status_retry_button);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, stack);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, list_view);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, message_page);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, message_button);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, selection_bar);
  gtk_widget_class_bind_template_child (widget_class, PubDatasetListView, selected_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "list.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "list.retry-page", "u", retry_page_action);
  _pub_dataset_list_view_class_init_bulk (widget_class);
}

/* GTK 4.8 leaves a drop-down's inner button and a flow box's cells without
 * a name a screen reader can speak: they take their control's. */
static void
name_controls (PubDatasetListView *self)
{
  GtkDropDown *dropdowns[] = {
    self->org_dropdown, self->sort_dropdown, self->visibility_dropdown, self->state_dropdown, self->format_dropdown,
  };

  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    pub_accessible_name_inner_buttons (GTK_WIDGET (dropdowns[i]), gtk_widget_get_tooltip_text (GTK_WIDGET (dropdowns[i])));
  for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (self->filter_bar)); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *control = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (cell));
      const char *name = gtk_widget_get_tooltip_text (control);

      if (name == NULL && GTK_IS_LABEL (control))
        name = _("Datasets");
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

static void
pub_dataset_list_view_init (PubDatasetListView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkExpression) expression = NULL;

  g_type_ensure (PUB_TYPE_DATASET_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  self->selection_model = gtk_no_selection_new (NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection_model));

  expression = gtk_property_expression_new (CKAN_TYPE_ORGANIZATION, NULL, "display-name");
  gtk_drop_down_set_expression (self->org_dropdown, expression);
  g_signal_connect_object (self->org_dropdown, "notify::selected", G_CALLBACK (org_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->select_button, "active", self, "selection-mode", G_BINDING_DEFAULT);

  self->updating = TRUE;
  gtk_string_list_append (self->format_model, _("All formats"));
  self->updating = FALSE;
  /* What the controls ask for at the start: a control announcing its first
   * value later is not a change (and must not drop a selection). */
  self->filters = filter_signature (self);
  name_controls (self);
}
