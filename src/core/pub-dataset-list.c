/* pub-dataset-list.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ckan-client-search.h"
#include "ckan-error.h"
#include "pub-dataset-cache.h"
#include "pub-dataset-list-private.h"

#define DEFAULT_PAGE_SIZE 100
/* Two pages at a time: enough to keep up with scrolling, and a portal
 * shared by a whole institution is not flooded. */
#define MAX_IN_FLIGHT 2
/* The cache keeps the first rows of the unfiltered list: what opens
 * first, and what someone offline most likely wants. */
#define CACHE_MAX_ROWS 500
#define CACHE_SAVE_DELAY_MS 1000
/* Rows kept in memory: scrolled far past, a page is dropped and asked
 * again if it comes back into view, so 100 000 datasets weigh no more
 * than 1 000. The first pages (what the cache keeps) always stay. */
#define MAX_LOADED_PAGES 10
#define PINNED_PAGES (CACHE_MAX_ROWS / DEFAULT_PAGE_SIZE)

/* Positions no row asked for yet hold NULL. */
static void
unref_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static void pub_dataset_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PubDatasetList, pub_dataset_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, pub_dataset_list_model_init))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_SCOPE,
  PROP_CACHE_PATH,
  PROP_COUNT,
  PROP_LOADING,
  PROP_ERROR_MESSAGE,
  PROP_FROM_CACHE,
  PROP_CACHE_TIME,
  PROP_FORMATS,
  PROP_DRAFTS_SUPPORTED,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  PubDatasetList *self;
  guint           generation;
  guint           page;
} PageRequest;

static void fetch_page (PubDatasetList *self,
                        guint           page);

static GType
pub_dataset_list_get_item_type (GListModel *model)
{
  return PUB_TYPE_DATASET_LIST_ITEM;
}

static guint
pub_dataset_list_get_n_items (GListModel *model)
{
  return PUB_DATASET_LIST (model)->items->len;
}

/* Someone besides the list holds the item: a row shows it. */
static gboolean
page_is_wanted (PubDatasetList *self,
                guint           page)
{
  guint first = page * self->page_size;
  guint last = MIN (first + self->page_size, self->items->len);

  for (guint i = first; i < last; i++)
    {
      GObject *item = self->items->pdata[i];

      if (item != NULL && g_atomic_int_get ((int *) &item->ref_count) > 1)
        return TRUE;
    }
  return FALSE;
}

static void
pump (PubDatasetList *self)
{
  while (self->in_flight < MAX_IN_FLIGHT && !g_queue_is_empty (&self->queue))
    {
      guint page = GPOINTER_TO_UINT (g_queue_pop_head (&self->queue));

      if (page >= self->pages->len || self->pages->data[page] != PAGE_QUEUED)
        continue;
      /* Rows scrolled past before their turn came are no longer shown: their
       * page waits until they are asked for again. */
      if (!page_is_wanted (self, page))
        {
          self->pages->data[page] = PAGE_NONE;
          continue;
        }
      fetch_page (self, page);
    }
}

static void
ensure_page (PubDatasetList *self,
             guint           page)
{
  if (self->awaiting_first || page >= self->pages->len || self->pages->data[page] != PAGE_NONE)
    return;
  self->pages->data[page] = PAGE_QUEUED;
  /* The newest wish first: that is where the person is looking now. */
  g_queue_push_head (&self->queue, GUINT_TO_POINTER (page));
  pump (self);
}

static gpointer
pub_dataset_list_get_item (GListModel *model,
                           guint       position)
{
  PubDatasetList *self = PUB_DATASET_LIST (model);
  PubDatasetListItem *item;

  if (position >= self->items->len)
    return NULL;
  item = self->items->pdata[position];
  if (item == NULL)
    item = self->items->pdata[position] = pub_dataset_list_item_new (position);
  g_object_ref (item);
  ensure_page (self, position / self->page_size);
  return item;
}

static void
pub_dataset_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pub_dataset_list_get_item_type;
  iface->get_n_items = pub_dataset_list_get_n_items;
  iface->get_item = pub_dataset_list_get_item;
}

static gboolean
is_default_view (PubDatasetList *self)
{
  return self->search_text == NULL && self->visibility == PUB_VISIBILITY_FILTER_ALL &&
         self->state_filter == PUB_STATE_FILTER_ALL && self->format == NULL &&
         !self->overdue_only && self->sort == PUB_DATASET_SORT_LAST_CHANGED;
}

static PubDatasetListItem *
item_at (PubDatasetList *self,
         guint           position)
{
  if (self->items->pdata[position] == NULL)
    self->items->pdata[position] = pub_dataset_list_item_new (position);
  return self->items->pdata[position];
}

static void
fill_page (PubDatasetList *self,
           guint           page,
           GPtrArray      *datasets)
{
  guint first = page * self->page_size;

  for (guint i = 0; i < datasets->len && first + i < self->items->len; i++)
    pub_dataset_list_item_set_dataset (item_at (self, first + i), datasets->pdata[i]);
  self->pages->data[page] = PAGE_LOADED;
}

static guint
distance (guint a,
          guint b)
{
  return a > b ? a - b : b - a;
}

/* Drops the loaded pages farthest from `page` that no row shows, until
 * MAX_LOADED_PAGES remain. */
static void
evict_far_pages (PubDatasetList *self,
                 guint           page)
{
  guint loaded = 0;

  for (guint p = 0; p < self->pages->len; p++)
    loaded += self->pages->data[p] == PAGE_LOADED;
  while (loaded > MAX_LOADED_PAGES)
    {
      guint farthest = G_MAXUINT;

      for (guint p = PINNED_PAGES; p < self->pages->len; p++)
        if (self->pages->data[p] == PAGE_LOADED && p != page && !page_is_wanted (self, p) &&
            (farthest == G_MAXUINT || distance (p, page) > distance (farthest, page)))
          farthest = p;
      if (farthest == G_MAXUINT)
        return;
      for (guint i = farthest * self->page_size; i < (farthest + 1) * self->page_size && i < self->items->len; i++)
        g_clear_object (&self->items->pdata[i]);
      self->pages->data[farthest] = PAGE_NONE;
      loaded--;
    }
}

static guint
n_pages_for (PubDatasetList *self,
             guint           n_items)
{
  return (n_items + self->page_size - 1) / self->page_size;
}

/* The portal's count moved (someone added or deleted datasets meanwhile):
 * the list follows it at its end. */
static void
resize (PubDatasetList *self,
        guint           n_items)
{
  guint old = self->items->len;

  if (n_items == old)
    return;
  if (n_items > old)
    {
      g_ptr_array_set_size (self->items, n_items);
      g_byte_array_set_size (self->pages, n_pages_for (self, n_items));
      for (guint p = n_pages_for (self, old); p < self->pages->len; p++)
        self->pages->data[p] = PAGE_NONE;
      /* The last page may now have more rows than when it arrived. */
      if (old > 0 && old % self->page_size != 0 && self->pages->data[old / self->page_size] == PAGE_LOADED)
        self->pages->data[old / self->page_size] = PAGE_NONE;
    }
  else
    {
      g_ptr_array_set_size (self->items, n_items);
      g_byte_array_set_size (self->pages, n_pages_for (self, n_items));
    }
  g_list_model_items_changed (G_LIST_MODEL (self), MIN (old, n_items), old > n_items ? old - n_items : 0,
                              n_items > old ? n_items - old : 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
set_error (PubDatasetList *self,
           const GError   *error)
{
  if (self->error == NULL && error == NULL)
    return;
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
}

static void
set_loading (PubDatasetList *self,
             gboolean        loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_count (PubDatasetList *self,
           gint64          count)
{
  if (self->count == count)
    return;
  self->count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

static void
set_from_cache (PubDatasetList *self,
                gboolean        from_cache,
                GDateTime      *cache_time)
{
  g_clear_pointer (&self->cache_time, g_date_time_unref);
  if (cache_time != NULL)
    self->cache_time = g_date_time_ref (cache_time);
  self->from_cache = from_cache;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CACHE_TIME]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_CACHE]);
}

static void
cache_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!pub_dataset_cache_save_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("The list cache could not be saved: %s", error->message);
}

static gboolean
save_cache_cb (gpointer user_data)
{
  PubDatasetList *self = user_data;
  g_autoptr(GPtrArray) datasets = g_ptr_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  self->save_id = 0;
  if (!is_default_view (self) || self->awaiting_first)
    return G_SOURCE_REMOVE;
  for (guint i = 0; i < self->items->len && i < CACHE_MAX_ROWS; i++)
    {
      PubDatasetListItem *item = self->items->pdata[i];

      if (item == NULL || pub_dataset_list_item_get_dataset (item) == NULL)
        break;
      g_ptr_array_add (datasets, pub_dataset_list_item_get_dataset (item));
    }
  pub_dataset_cache_save_async (self->cache_path, datasets, self->count, now,
                                self->cache_cancellable, cache_saved_cb, NULL);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (PubDatasetList *self)
{
  if (self->cache_path == NULL || !is_default_view (self))
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (CACHE_SAVE_DELAY_MS, save_cache_cb, self);
}

static void
install_first_page (PubDatasetList *self,
                    PageResult     *result)
{
  guint old = self->items->len;
  gint64 count = result->count;
  guint n_items = (guint) CLAMP (count, 0, G_MAXINT);

  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->items, n_items);
  g_byte_array_set_size (self->pages, n_pages_for (self, n_items));
  memset (self->pages->data, PAGE_NONE, self->pages->len);
  self->awaiting_first = FALSE;
  if (self->pages->len > 0)
    fill_page (self, 0, result->datasets);
  g_strfreev (self->formats);
  self->formats = g_steal_pointer (&result->formats);

  g_object_freeze_notify (G_OBJECT (self));
  set_count (self, count);
  set_error (self, NULL);
  if (self->from_cache)
    set_from_cache (self, FALSE, NULL);
  set_loading (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMATS]);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, n_items);
  if (old != n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_thaw_notify (G_OBJECT (self));
  schedule_save (self);
}

static void
fail_page (PubDatasetList *self,
           guint           page,
           const GError   *error)
{
  guint first = page * self->page_size;

  self->pages->data[page] = PAGE_FAILED;
  for (guint i = first; i < first + self->page_size && i < self->items->len; i++)
    pub_dataset_list_item_set_failed (item_at (self, i), error->message);
}

/* CKAN before 2.9 does not know include_drafts and rejects the search. */
static gboolean
refused_drafts (const GError *error)
{
  return (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_SEARCH) ||
          g_error_matches (error, CKAN_ERROR, CKAN_ERROR_BAD_REQUEST)) &&
         ckan_error_get_detail (error) != NULL &&
         strstr (ckan_error_get_detail (error), "include_drafts") != NULL;
}

static void
trimmed_cb (GObject      *object,
            GAsyncResult *task,
            gpointer      user_data)
{
  PageResult *result = g_task_get_task_data (G_TASK (task));
  g_autoptr(PubDatasetList) self = g_weak_ref_get (&result->list);
  guint page = result->page;

  if (self == NULL || result->generation != self->generation)
    return;
  self->in_flight--;
  if (self->awaiting_first)
    install_first_page (self, result);
  else if (page < self->pages->len)
    {
      resize (self, (guint) CLAMP (result->count, 0, G_MAXINT));
      set_count (self, result->count);
      if (page < self->pages->len)
        {
          fill_page (self, page, result->datasets);
          evict_far_pages (self, page);
        }
      schedule_save (self);
    }
  pump (self);
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  PageRequest *request = user_data;
  g_autoptr(PubDatasetList) self = request->self;
  guint page = request->page;
  guint generation = request->generation;
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanSearchResult) search = NULL;
  g_autoptr(GTask) task = NULL;
  PageResult *page_result;

  g_free (request);
  search = ckan_client_package_search_finish (CKAN_CLIENT (object), result, &error);
  if (generation != self->generation)
    return;

  if (search != NULL)
    {
      page_result = g_new0 (PageResult, 1);
      g_weak_ref_init (&page_result->list, self);
      page_result->generation = generation;
      page_result->page = page;
      page_result->search = g_steal_pointer (&search);
      task = g_task_new (NULL, NULL, trimmed_cb, NULL);
      g_task_set_source_tag (task, page_cb);
      g_task_set_task_data (task, page_result, (GDestroyNotify) _pub_dataset_list_page_result_free);
      g_task_run_in_thread (task, _pub_dataset_list_trim_thread);
      return;
    }

  self->in_flight--;
  if (self->drafts_supported && refused_drafts (error))
    {
      self->drafts_supported = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFTS_SUPPORTED]);
      if (page < self->pages->len)
        self->pages->data[page] = PAGE_NONE;
      fetch_page (self, page);
      return;
    }
  if (self->awaiting_first)
    {
      /* The rows shown stay; the view says what failed. */
      set_error (self, error);
      set_loading (self, FALSE);
    }
  else if (page < self->pages->len)
    fail_page (self, page, error);
  pump (self);
}

static void
fetch_page (PubDatasetList *self,
            guint           page)
{
  g_autoptr(CkanSearchParams) params = _pub_dataset_list_build_params (self, page);
  PageRequest *request = g_new0 (PageRequest, 1);

  if (!self->awaiting_first)
    self->pages->data[page] = PAGE_LOADING;
  request->self = g_object_ref (self);
  request->generation = self->generation;
  request->page = page;
  self->in_flight++;
  /* benchmarks/org-list.sh counts these. */
  g_debug ("package_search page %u of %s", page, self->scope != NULL ? self->scope : "everything");
  ckan_client_package_search_async (self->client, params, self->cancellable, page_cb, request);
}

static gboolean
reload_cb (gpointer user_data)
{
  PubDatasetList *self = user_data;

  self->reload_id = 0;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->in_flight = 0;
  g_queue_clear (&self->queue);
  self->awaiting_first = TRUE;
  set_loading (self, TRUE);
  fetch_page (self, 0);
  return G_SOURCE_REMOVE;
}

void
_pub_dataset_list_schedule_reload (PubDatasetList *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT, reload_cb, self, NULL);
}

void
pub_dataset_list_reload (PubDatasetList *self)
{
  g_return_if_fail (PUB_IS_DATASET_LIST (self));

  _pub_dataset_list_schedule_reload (self);
}

void
pub_dataset_list_retry_page (PubDatasetList *self,
                             guint           position)
{
  guint page;

  g_return_if_fail (PUB_IS_DATASET_LIST (self));

  page = position / self->page_size;
  if (self->awaiting_first || page >= self->pages->len || self->pages->data[page] != PAGE_FAILED)
    {
      if (self->error != NULL)
        _pub_dataset_list_schedule_reload (self);
      return;
    }
  for (guint i = page * self->page_size; i < (page + 1) * self->page_size && i < self->items->len; i++)
    pub_dataset_list_item_set_loading (item_at (self, i));
  self->pages->data[page] = PAGE_QUEUED;
  g_queue_push_head (&self->queue, GUINT_TO_POINTER (page));
  pump (self);
}

static void
cache_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PubDatasetList *self = user_data;
  g_autoptr(GDateTime) saved_at = NULL;
  g_autoptr(GPtrArray) datasets = NULL;
  g_autoptr(GError) error = NULL;
  gint64 count = 0;

  datasets = pub_dataset_cache_load_finish (result, &saved_at, &count, &error);
  if (datasets == NULL)
    return;
  /* The portal answered first, or there is something shown already. */
  if (!self->awaiting_first || self->items->len > 0)
    return;

  g_ptr_array_set_size (self->items, datasets->len);
  g_byte_array_set_size (self->pages, n_pages_for (self, datasets->len));
  memset (self->pages->data, PAGE_LOADED, self->pages->len);
  for (guint i = 0; i < datasets->len; i++)
    pub_dataset_list_item_set_dataset (item_at (self, i), datasets->pdata[i]);
  g_object_freeze_notify (G_OBJECT (self));
  set_from_cache (self, TRUE, saved_at);
  set_count (self, count);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, datasets->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_thaw_notify (G_OBJECT (self));
}

PubDatasetList *
pub_dataset_list_new (CkanClient *client,
                      const char *scope,
                      const char *cache_path)
{
  g_return_val_if_fail (CKAN_IS_CLIENT (client), NULL);

  return g_object_new (PUB_TYPE_DATASET_LIST,
                       "client", client,
                       "scope", scope,
                       "cache-path", cache_path,
                       NULL);
}

static void
pub_dataset_list_constructed (GObject *object)
{
  PubDatasetList *self = PUB_DATASET_LIST (object);

  G_OBJECT_CLASS (pub_dataset_list_parent_class)->constructed (object);

  if (self->cache_path != NULL)
    pub_dataset_cache_load_async (self->cache_path, self->cache_cancellable, cache_loaded_cb, self);
  _pub_dataset_list_schedule_reload (self);
}

static void
pub_dataset_list_dispose (GObject *object)
{
  PubDatasetList *self = PUB_DATASET_LIST (object);

  /* A cache still loading is not wanted any more; rows that arrived just
   * before closing are still worth keeping (saved without a cancellable). */
  if (self->cache_cancellable != NULL)
    g_cancellable_cancel (self->cache_cancellable);
  g_clear_object (&self->cache_cancellable);
  if (self->save_id != 0)
    {
      g_clear_handle_id (&self->save_id, g_source_remove);
      save_cache_cb (self);
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_queue_clear (&self->queue);
  if (self->items != NULL)
    g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (pub_dataset_list_parent_class)->dispose (object);
}

static void
pub_dataset_list_finalize (GObject *object)
{
  PubDatasetList *self = PUB_DATASET_LIST (object);

  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->cache_cancellable);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_byte_array_unref);
  g_clear_pointer (&self->scope, g_free);
  g_clear_pointer (&self->cache_path, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->formats, g_strfreev);
  g_clear_pointer (&self->cache_time, g_date_time_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (pub_dataset_list_parent_class)->finalize (object);
}

static void
pub_dataset_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PubDatasetList *self = PUB_DATASET_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_SCOPE:
      g_value_set_string (value, self->scope);
      break;

    case PROP_CACHE_PATH:
      g_value_set_string (value, self->cache_path);
      break;

    case PROP_COUNT:
      g_value_set_int64 (value, self->count);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error != NULL ? self->error->message : NULL);
      break;

    case PROP_FROM_CACHE:
      g_value_set_boolean (value, self->from_cache);
      break;

    case PROP_CACHE_TIME:
      g_value_set_boxed (value, self->cache_time);
      break;

    case PROP_FORMATS:
      g_value_set_boxed (value, self->formats);
      break;

    case PROP_DRAFTS_SUPPORTED:
      g_value_set_boolean (value, self->drafts_supported);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_dataset_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PubDatasetList *self = PUB_DATASET_LIST (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_SCOPE:
      self->scope = g_value_dup_string (value);
      break;

    case PROP_CACHE_PATH:
      self->cache_path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pub_dataset_list_class_init (PubDatasetListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags readable = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = pub_dataset_list_constructed;
  object_class->dispose = pub_dataset_list_dispose;
  object_class->finalize = pub_dataset_list_finalize;
  object_class->get_property = pub_dataset_list_get_property;
  object_class->set_property = pub_dataset_list_set_property;

  properties[PROP_CLIENT] = g_param_spec_object ("client", NULL, NULL, CKAN_TYPE_CLIENT, construct);
  properties[PROP_SCOPE] = g_param_spec_string ("scope", NULL, NULL, NULL, construct);
  properties[PROP_CACHE_PATH] = g_param_spec_string ("cache-path", NULL, NULL, NULL, construct);
  properties[PROP_COUNT] = g_param_spec_int64 ("count", NULL, NULL, -1, G_MAXINT64, -1, readable);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, readable);
  properties[PROP_ERROR_MESSAGE] = g_param_spec_string ("error-message", NULL, NULL, NULL, readable);
  properties[PROP_FROM_CACHE] = g_param_spec_boolean ("from-cache", NULL, NULL, FALSE, readable);
  properties[PROP_CACHE_TIME] = g_param_spec_boxed ("cache-time", NULL, NULL, G_TYPE_DATE_TIME, readable);
  properties[PROP_FORMATS] = g_param_spec_boxed ("formats", NULL, NULL, G_TYPE_STRV, readable);
  properties[PROP_DRAFTS_SUPPORTED] = g_param_spec_boolean ("drafts-supported", NULL, NULL, TRUE, readable);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, readable);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pub_dataset_list_init (PubDatasetList *self)
{
  self->page_size = DEFAULT_PAGE_SIZE;
  self->items = g_ptr_array_new_with_free_func (unref_item);
  self->pages = g_byte_array_new ();
  self->count = -1;
  self->drafts_supported = TRUE;
  self->cancellable = g_cancellable_new ();
  self->cache_cancellable = g_cancellable_new ();
}
