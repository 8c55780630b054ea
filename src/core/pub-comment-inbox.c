/* pub-comment-inbox.c: the list, its counts and the background refresh
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pub-comment-inbox-private.h"

#define DEFAULT_CONCURRENCY 6

static void pub_comment_inbox_list_model_init (GListModelInterface *iface);

G_DEFINE_ENUM_TYPE (PubCommentInboxSupport, pub_comment_inbox_support,
                    G_DEFINE_ENUM_VALUE (PUB_COMMENT_INBOX_SUPPORT_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (PUB_COMMENT_INBOX_SUPPORT_AVAILABLE, "available"),
                    G_DEFINE_ENUM_VALUE (PUB_COMMENT_INBOX_SUPPORT_UNSUPPORTED, "unsupported"))

G_DEFINE_FINAL_TYPE_WITH_CODE (PubCommentInbox, pub_comment_inbox, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, pub_comment_inbox_list_model_init))

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_CACHE_DIR,
  PROP_SUPPORT,
  PROP_UNANSWERED_COUNT,
  PROP_UPDATED_AT,
  PROP_REFRESHING,
  PROP_PAUSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  NEW_COMMENTS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
pub_comment_inbox_get_item_type (GListModel *model)
{
  return PUB_TYPE_COMMENT_INBOX_ITEM;
}

static guint
pub_comment_inbox_get_n_items (GListModel *model)
{
  return PUB_COMMENT_INBOX (model)->items->len;
}

static gpointer
pub_comment_inbox_get_item (GListModel *model,
                            guint       position)
{
  PubCommentInbox *self = PUB_COMMENT_INBOX (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
pub_comment_inbox_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pub_comment_inbox_get_item_type;
  iface->get_n_items = pub_comment_inbox_get_n_items;
  iface->get_item = pub_comment_inbox_get_item;
}

static void
pub_comment_inbox_constructed (GObject *object)
{
  PubCommentInbox *self = PUB_COMMENT_INBOX (object);
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *file = NULL;

  G_OBJECT_CLASS (pub_comment_inbox_parent_class)->constructed (object);

  /* One file per person and portal; the name reveals neither. */
  key = g_strconcat (pub_account_get_portal_url (self->account), "\n",
                     pub_account_get_user_id (self->account), NULL);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  file = g_strconcat (hash, ".json", NULL);
  if (self->cache_path == NULL)
    self->cache_path = g_build_filename (g_get_user_cache_dir (), "publicador", "comments", file, NULL);
  else
    {
      g_autofree char *dir = g_steal_pointer (&self->cache_path);

      self->cache_path = g_build_filename (dir, file, NULL);
    }
}

static void
pub_comment_inbox_dispose (GObject *object)
{
  PubCommentInbox *self = PUB_COMMENT_INBOX (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (pub_comment_inbox_parent_class)->dispose (object);
}

static void
pub_comment_inbox_finalize (GObject *object)
{
  PubCommentInbox *self = PUB_COMMENT_INBOX (object);

  g_clear_object (&self->account);
  g_free (self->cache_path);
  g_ptr_array_unref (self->items);
  g_hash_table_unref (self->by_dataset);
  g_clear_pointer (&self->known_comments, g_hash_table_unref);
  g_hash_table_unref (self->members);
  g_hash_table_unref (self->no_thread_at);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_ptr_array_unref (self->joined);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pub_comment_inbox_parent_class)->finalize (object);
}

static void
pub_comment_inbox_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PubCommentInbox *self = PUB_COMMENT_INBOX (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT: g_value_set_object (value, self->account); break;
    case PROP_SUPPORT: g_value_set_enum (value, self->support); break;
    case PROP_UNANSWERED_COUNT: g_value_set_uint (value, self->unanswered_count); break;
    case PROP_UPDATED_AT: g_value_set_boxed (value, self->updated_at); break;
    case PROP_REFRESHING: g_value_set_boolean (value, self->refresh != NULL); break;
    case PROP_PAUSED: g_value_set_boolean (value, self->paused); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_comment_inbox_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PubCommentInbox *self = PUB_COMMENT_INBOX (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT: self->account = g_value_dup_object (value); break;
    case PROP_CACHE_DIR: self->cache_path = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_comment_inbox_class_init (PubCommentInboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pub_comment_inbox_constructed;
  object_class->dispose = pub_comment_inbox_dispose;
  object_class->finalize = pub_comment_inbox_finalize;
  object_class->get_property = pub_comment_inbox_get_property;
  object_class->set_property = pub_comment_inbox_set_property;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, PUB_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CACHE_DIR] =
    g_param_spec_string ("cache-dir", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUPPORT] =
    g_param_spec_enum ("support", NULL, NULL, PUB_TYPE_COMMENT_INBOX_SUPPORT,
                       PUB_COMMENT_INBOX_SUPPORT_UNKNOWN, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNANSWERED_COUNT] =
    g_param_spec_uint ("unanswered-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFRESHING] =
    g_param_spec_boolean ("refreshing", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[NEW_COMMENTS] =
    g_signal_new ("new-comments", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, PUB_TYPE_COMMENT_INBOX_ITEM, G_TYPE_UINT);
}

static void
pub_comment_inbox_init (PubCommentInbox *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_dataset = g_hash_table_new (g_str_hash, g_str_equal);
  self->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  self->no_thread_at = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->joined = g_ptr_array_new_with_free_func (g_object_unref);
  self->concurrency = DEFAULT_CONCURRENCY;
  self->cancellable = g_cancellable_new ();
}

PubCommentInbox *
pub_comment_inbox_new (PubAccount *account,
                       const char *cache_dir)
{
  g_return_val_if_fail (PUB_IS_ACCOUNT (account), NULL);

  return g_object_new (PUB_TYPE_COMMENT_INBOX, "account", account, "cache-dir", cache_dir, NULL);
}

PubAccount *
pub_comment_inbox_get_account (PubCommentInbox *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX (self), NULL);
  return self->account;
}

PubCommentInboxSupport
pub_comment_inbox_get_support (PubCommentInbox *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX (self), PUB_COMMENT_INBOX_SUPPORT_UNKNOWN);
  return self->support;
}

guint
pub_comment_inbox_get_unanswered_count (PubCommentInbox *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX (self), 0);
  return self->unanswered_count;
}

GDateTime *
pub_comment_inbox_get_updated_at (PubCommentInbox *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX (self), NULL);
  return self->updated_at;
}

gboolean
pub_comment_inbox_get_refreshing (PubCommentInbox *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX (self), FALSE);
  return self->refresh != NULL;
}

gboolean
pub_comment_inbox_get_paused (PubCommentInbox *self)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX (self), FALSE);
  return self->paused;
}

void
pub_comment_inbox_set_concurrency (PubCommentInbox *self,
                                   guint            n)
{
  g_return_if_fail (PUB_IS_COMMENT_INBOX (self));
  self->concurrency = MAX (n, 1);
}

PubCommentInboxItem *
pub_comment_inbox_find (PubCommentInbox *self,
                        const char      *dataset_id)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX (self), NULL);
  return dataset_id ? g_hash_table_lookup (self->by_dataset, dataset_id) : NULL;
}

/* ---- Shared with the refresh and the cache ---- */

gboolean
pub_comment_inbox_is_member (PubCommentInbox *self,
                             const char      *organization_id,
                             const char      *user_id)
{
  GHashTable *members = organization_id ? g_hash_table_lookup (self->members, organization_id) : NULL;

  if (user_id == NULL)
    return FALSE;
  /* The user answers for their organizations even when its member list
   * could not be read. */
  if (g_strcmp0 (user_id, pub_account_get_user_id (self->account)) == 0)
    return TRUE;
  return members != NULL && g_hash_table_contains (members, user_id);
}

static void
find_last (GPtrArray    *comments,
           CkanComment **last)
{
  for (guint i = 0; i < comments->len; i++)
    {
      CkanComment *comment = g_ptr_array_index (comments, i);
      GDateTime *created = ckan_comment_get_created_at (comment);
      GDateTime *best = *last ? ckan_comment_get_created_at (*last) : NULL;

      if (*last == NULL || (created != NULL && (best == NULL || g_date_time_compare (created, best) >= 0)))
        *last = comment;
      find_last (ckan_comment_get_replies (comment), last);
    }
}

gboolean
pub_comment_inbox_compute_unanswered (PubCommentInbox   *self,
                                      const char        *organization_id,
                                      CkanCommentThread *thread)
{
  CkanComment *last = NULL;

  find_last (ckan_comment_thread_get_comments (thread), &last);
  return last != NULL && !pub_comment_inbox_is_member (self, organization_id, ckan_comment_get_author_id (last));
}

static guint
sorted_position (PubCommentInbox     *self,
                 PubCommentInboxItem *item)
{
  guint low = 0, high = self->items->len;

  while (low < high)
    {
      guint mid = (low + high) / 2;

      if (pub_comment_inbox_item_compare (g_ptr_array_index (self->items, mid), item) < 0)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

void
pub_comment_inbox_place_item (PubCommentInbox     *self,
                              PubCommentInboxItem *item)
{
  guint old_position;
  guint position;

  if (g_ptr_array_find (self->items, item, &old_position))
    {
      g_ptr_array_steal_index (self->items, old_position);
      position = sorted_position (self, item);
      g_ptr_array_insert (self->items, position, item);
      if (position == old_position)
        return;
      g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
      return;
    }
  position = sorted_position (self, item);
  g_ptr_array_insert (self->items, position, g_object_ref (item));
  g_hash_table_insert (self->by_dataset, (gpointer) pub_comment_inbox_item_get_dataset_id (item), item);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

void
pub_comment_inbox_remove_item (PubCommentInbox *self,
                               const char      *dataset_id)
{
  PubCommentInboxItem *item = g_hash_table_lookup (self->by_dataset, dataset_id);
  guint position;

  if (item == NULL || !g_ptr_array_find (self->items, item, &position))
    return;
  g_hash_table_remove (self->by_dataset, dataset_id);
  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

void
pub_comment_inbox_update_counts (PubCommentInbox *self)
{
  guint count = 0;

  for (guint i = 0; i < self->items->len; i++)
    count += pub_comment_inbox_item_get_unanswered (g_ptr_array_index (self->items, i)) ? 1 : 0;
  if (count == self->unanswered_count)
    return;
  self->unanswered_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNANSWERED_COUNT]);
}

void
pub_comment_inbox_set_support (PubCommentInbox        *self,
                               PubCommentInboxSupport  support)
{
  if (self->support == support)
    return;
  self->support = support;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUPPORT]);
}

void
pub_comment_inbox_set_updated_at (PubCommentInbox *self,
                                  GDateTime       *updated_at)
{
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  self->updated_at = updated_at ? g_date_time_ref (updated_at) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

void
pub_comment_inbox_set_refreshing (PubCommentInbox *self,
                                  GTask           *refresh)
{
  gboolean was = self->refresh != NULL;

  g_set_object (&self->refresh, refresh);
  if (was != (refresh != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);
}

void
pub_comment_inbox_collect_ids (GPtrArray  *comments,
                               GHashTable *set)
{
  for (guint i = 0; i < comments->len; i++)
    {
      CkanComment *comment = g_ptr_array_index (comments, i);

      if (ckan_comment_get_id (comment) != NULL)
        g_hash_table_add (set, g_strdup (ckan_comment_get_id (comment)));
      pub_comment_inbox_collect_ids (ckan_comment_get_replies (comment), set);
    }
}

void
pub_comment_inbox_emit_new_comments (PubCommentInbox     *self,
                                     PubCommentInboxItem *item,
                                     guint                n)
{
  g_signal_emit (self, signals[NEW_COMMENTS], 0, item, n);
}

/* ---- Cache and refresh ---- */

void
pub_comment_inbox_load_cache_async (PubCommentInbox     *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (PUB_IS_COMMENT_INBOX (self));
  pub_comment_inbox_cache_load_async (self, cancellable, callback, user_data);
}

gboolean
pub_comment_inbox_load_cache_finish (PubCommentInbox  *self,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  g_return_val_if_fail (PUB_IS_COMMENT_INBOX (self), FALSE);
  return pub_comment_inbox_cache_load_finish (self, result, error);
}

static void
refresh (PubCommentInbox     *self,
         gboolean             background,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, pub_comment_inbox_refresh_async);
  if (self->refresh != NULL)
    {
      g_ptr_array_add (self->joined, g_steal_pointer (&task));
      return;
    }
  pub_comment_inbox_start_refresh (self, task, background);
}

void
pub_comment_inbox_refresh_async (PubCommentInbox     *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (PUB_IS_COMMENT_INBOX (self));
  refresh (self, FALSE, cancellable, callback, user_data);
}

gboolean
pub_comment_inbox_refresh_finish (PubCommentInbox  *self,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Automatic refresh ---- */

static gboolean
network_allows (PubCommentInbox *self)
{
  return g_network_monitor_get_network_available (self->monitor) &&
         !g_network_monitor_get_network_metered (self->monitor);
}

static void
auto_refresh_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!pub_comment_inbox_refresh_finish (PUB_COMMENT_INBOX (source), result, &error))
    g_debug ("Background comments refresh: %s", error->message);
}

static void
update_paused (PubCommentInbox *self)
{
  gboolean paused = self->interval > 0 && !network_allows (self);

  if (paused == self->paused)
    return;
  self->paused = paused;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAUSED]);
}

/* Without its token the account would ask as anonymous, and an inbox of
 * public comments only would replace the real one. */
static gboolean
account_ready (PubCommentInbox *self)
{
  return pub_account_get_state (self->account) == PUB_ACCOUNT_STATE_READY;
}

static gboolean
auto_refresh_cb (gpointer user_data)
{
  PubCommentInbox *self = user_data;

  g_assert (PUB_IS_COMMENT_INBOX (self));
  update_paused (self);
  if (!self->paused && self->refresh == NULL && account_ready (self))
    refresh (self, TRUE, self->cancellable, auto_refresh_done_cb, NULL);
  return G_SOURCE_CONTINUE;
}

static void
network_changed_cb (GNetworkMonitor *monitor,
                    gboolean         available,
                    PubCommentInbox *self)
{
  gboolean was_paused;

  g_assert (PUB_IS_COMMENT_INBOX (self));
  was_paused = self->paused;
  update_paused (self);
  /* Back online: catch up at once instead of waiting a whole interval. */
  if (was_paused && !self->paused && self->refresh == NULL && account_ready (self))
    refresh (self, TRUE, self->cancellable, auto_refresh_done_cb, NULL);
}

static void
metered_changed_cb (GObject         *monitor,
                    GParamSpec      *pspec,
                    PubCommentInbox *self)
{
  network_changed_cb (G_NETWORK_MONITOR (monitor), TRUE, self);
}

void
pub_comment_inbox_set_auto_refresh (PubCommentInbox *self,
                                    GNetworkMonitor *monitor,
                                    guint            interval)
{
  g_return_if_fail (PUB_IS_COMMENT_INBOX (self));
  g_return_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  self->interval = interval;
  self->monitor = g_object_ref (monitor ? monitor : g_network_monitor_get_default ());
  if (interval > 0)
    {
      g_signal_connect (self->monitor, "network-changed", G_CALLBACK (network_changed_cb), self);
      g_signal_connect (self->monitor, "notify::network-metered", G_CALLBACK (metered_changed_cb), self);
      self->timeout_id = g_timeout_add_seconds (interval, auto_refresh_cb, self);
    }
  update_paused (self);
}
