/* pub-comment-inbox-refresh.c: asking the portal for every thread
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-client-comments.h"
#include "ckan-client-datasets.h"
#include "ckan-client-search.h"
#include "ckan-error.h"
#include "pub-comment-inbox-private.h"

/* Big enough that an organization of a few hundred datasets lists in a few
 * requests, small enough that the first threads are asked for early. */
#define PAGE_SIZE 100

#define NO_THREAD_RECHECK_USEC (30 * 60 * G_USEC_PER_SEC)

typedef struct
{
  PubCommentInbox  *inbox;
  CkanClient       *client;
  CkanSearchParams *params;
  GQueue            queue;          /* CkanDataset to ask for */
  GPtrArray        *retry;          /* CkanDataset that failed once */
  GHashTable       *listed;         /* ids of every dataset listed */
  GHashTable       *members;        /* organization id → set of user ids */
  GHashTable       *baseline;       /* comment ids known before, or NULL */
  GHashTable       *seen;           /* comment ids fetched now */
  GPtrArray        *fresh_items;    /* items with new comments… */
  GArray           *fresh_counts;   /* …and how many */
  guint             members_pending;
  guint             running;
  gboolean          search_running;
  gboolean          search_complete;
  gboolean          retried;
  gboolean          finished;
  gboolean          background;
} Refresh;

static void
refresh_free (Refresh *r)
{
  g_clear_object (&r->inbox);
  g_clear_object (&r->client);
  g_clear_pointer (&r->params, ckan_search_params_free);
  g_queue_clear_full (&r->queue, g_object_unref);
  g_ptr_array_unref (r->retry);
  g_hash_table_unref (r->listed);
  g_hash_table_unref (r->members);
  g_clear_pointer (&r->baseline, g_hash_table_unref);
  g_hash_table_unref (r->seen);
  g_ptr_array_unref (r->fresh_items);
  g_array_unref (r->fresh_counts);
  g_free (r);
}

static void pump (GTask *task);

/* Ends this refresh and the ones that joined it. */
static void
complete (GTask  *task,
          GError *error)
{
  Refresh *r = g_task_get_task_data (task);
  PubCommentInbox *self = r->inbox;
  g_autoptr(GPtrArray) joined = g_steal_pointer (&self->joined);
  g_autoptr(GTask) keep = g_object_ref (task);

  r->finished = TRUE;
  self->joined = g_ptr_array_new_with_free_func (g_object_unref);
  pub_comment_inbox_set_refreshing (self, NULL);
  for (guint i = 0; i < joined->len; i++)
    {
      if (error != NULL)
        g_task_return_error (g_ptr_array_index (joined, i), g_error_copy (error));
      else
        g_task_return_boolean (g_ptr_array_index (joined, i), TRUE);
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
finish (GTask *task)
{
  Refresh *r = g_task_get_task_data (task);
  PubCommentInbox *self = r->inbox;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      complete (task, g_error_new_literal (CKAN_ERROR, CKAN_ERROR_CANCELLED, "Cancelled"));
      return;
    }
  /* Datasets no longer listed (deleted, moved to another organization)
   * leave, unless the listing stopped early and can't tell. */
  if (r->search_complete)
    {
      g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < self->items->len; i++)
        {
          const char *id = pub_comment_inbox_item_get_dataset_id (g_ptr_array_index (self->items, i));

          if (!g_hash_table_contains (r->listed, id))
            g_ptr_array_add (gone, g_strdup (id));
        }
      for (guint i = 0; i < gone->len; i++)
        pub_comment_inbox_remove_item (self, g_ptr_array_index (gone, i));
    }
  /* Threads that failed keep their old comments known. */
  if (self->known_comments != NULL)
    {
      GHashTableIter iter;
      gpointer id;

      g_hash_table_iter_init (&iter, self->known_comments);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        g_hash_table_add (r->seen, g_strdup (id));
    }
  g_clear_pointer (&self->known_comments, g_hash_table_unref);
  self->known_comments = g_hash_table_ref (r->seen);
  pub_comment_inbox_update_counts (self);
  pub_comment_inbox_set_updated_at (self, now);
  pub_comment_inbox_save_cache (self);
  for (guint i = 0; i < r->fresh_items->len; i++)
    pub_comment_inbox_emit_new_comments (self, g_ptr_array_index (r->fresh_items, i),
                                         g_array_index (r->fresh_counts, guint, i));
  complete (task, NULL);
}

/* Comments not seen before and not the user's own. */
static guint
count_fresh (Refresh    *r,
             GPtrArray  *comments)
{
  guint n = 0;

  for (guint i = 0; i < comments->len; i++)
    {
      CkanComment *comment = g_ptr_array_index (comments, i);
      const char *id = ckan_comment_get_id (comment);

      if (id != NULL && !g_hash_table_contains (r->baseline, id) &&
          g_strcmp0 (ckan_comment_get_author_id (comment), pub_account_get_user_id (r->inbox->account)) != 0)
        n++;
      n += count_fresh (r, ckan_comment_get_replies (comment));
    }
  return n;
}

static PubCommentInboxItem *
item_for (PubCommentInbox *self,
          CkanDataset     *dataset)
{
  PubCommentInboxItem *item = pub_comment_inbox_find (self, ckan_dataset_get_id (dataset));

  if (item != NULL)
    {
      pub_comment_inbox_item_set_dataset (item, ckan_dataset_get_name (dataset),
                                          ckan_dataset_get_title (dataset),
                                          ckan_dataset_get_owner_org (dataset));
      return g_object_ref (item);
    }
  return pub_comment_inbox_item_new (ckan_dataset_get_id (dataset), ckan_dataset_get_name (dataset),
                                     ckan_dataset_get_title (dataset), ckan_dataset_get_owner_org (dataset));
}

typedef struct
{
  GTask       *task;
  CkanDataset *dataset;
} Fetch;

static void
thread_show_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(GTask) task = fetch->task;
  g_autoptr(CkanDataset) dataset = fetch->dataset;
  Refresh *r = g_task_get_task_data (task);
  PubCommentInbox *self = r->inbox;
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanCommentThread) thread = NULL;
  g_autoptr(PubCommentInboxItem) item = NULL;

  g_assert (G_IS_TASK (task) && CKAN_IS_DATASET (dataset));
  g_free (fetch);
  r->running--;
  thread = ckan_client_comments_thread_show_finish (CKAN_CLIENT (source), result, &error);
  if (r->finished)
    return;

  if (thread != NULL && ckan_comment_thread_get_comments (thread)->len > 0)
    {
      gboolean unanswered = pub_comment_inbox_compute_unanswered (self, ckan_dataset_get_owner_org (dataset), thread);

      g_hash_table_remove (self->no_thread_at, ckan_dataset_get_id (dataset));
      item = item_for (self, dataset);
      pub_comment_inbox_item_set_thread (item, thread, unanswered);
      pub_comment_inbox_item_set_status (item, PUB_COMMENT_INBOX_ITEM_LOADED);
      pub_comment_inbox_place_item (self, item);
      pub_comment_inbox_update_counts (self);
      pub_comment_inbox_collect_ids (ckan_comment_thread_get_comments (thread), r->seen);
      if (r->baseline != NULL)
        {
          guint n = count_fresh (r, ckan_comment_thread_get_comments (thread));

          if (n > 0)
            {
              g_ptr_array_add (r->fresh_items, g_object_ref (item));
              g_array_append_val (r->fresh_counts, n);
            }
        }
    }
  else if (thread != NULL || g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND))
    {
      /* No thread, or one whose comments the user can't see yet: normal. */
      g_hash_table_replace (self->no_thread_at, g_strdup (ckan_dataset_get_id (dataset)),
                            g_memdup2 (&(gint64) { g_get_monotonic_time () }, sizeof (gint64)));
      pub_comment_inbox_remove_item (self, ckan_dataset_get_id (dataset));
      pub_comment_inbox_update_counts (self);
    }
  else if (!g_error_matches (error, CKAN_ERROR, CKAN_ERROR_CANCELLED))
    {
      if (!r->retried)
        {
          g_ptr_array_add (r->retry, g_object_ref (dataset));
        }
      else
        {
          g_debug ("The comments of %s did not load: %s", ckan_dataset_get_name (dataset), error->message);
          item = item_for (self, dataset);
          pub_comment_inbox_item_set_status (item, PUB_COMMENT_INBOX_ITEM_FAILED);
          pub_comment_inbox_place_item (self, item);
        }
    }
  pump (task);
}

static void
pump (GTask *task)
{
  Refresh *r = g_task_get_task_data (task);

  if (r->finished || r->members_pending > 0)
    return;
  while (r->running < r->inbox->concurrency && !g_queue_is_empty (&r->queue))
    {
      Fetch *fetch = g_new0 (Fetch, 1);

      fetch->task = g_object_ref (task);
      fetch->dataset = g_queue_pop_head (&r->queue);
      r->running++;
      ckan_client_comments_thread_show_async (r->client, ckan_dataset_get_id (fetch->dataset), "package",
                                              g_task_get_cancellable (task), thread_show_cb, fetch);
    }
  if (r->running > 0 || r->search_running || !g_queue_is_empty (&r->queue))
    return;
  if (r->retry->len > 0 && !r->retried)
    {
      r->retried = TRUE;
      for (guint i = 0; i < r->retry->len; i++)
        g_queue_push_tail (&r->queue, g_object_ref (g_ptr_array_index (r->retry, i)));
      g_ptr_array_set_size (r->retry, 0);
      pump (task);
      return;
    }
  finish (task);
}

static void search_page (GTask *task);

static void
search_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Refresh *r = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanSearchResult) page = NULL;
  GPtrArray *datasets;
  guint start;

  g_assert (G_IS_TASK (task));
  start = ckan_search_params_get_start (r->params);
  page = ckan_client_package_search_finish (CKAN_CLIENT (source), result, &error);
  if (r->finished)
    return;
  if (page == NULL)
    {
      r->search_running = FALSE;
      if (start == 0)
        {
          /* Nothing listed at all: the portal is out of reach. */
          complete (task, g_steal_pointer (&error));
          return;
        }
      g_debug ("Listing datasets for comments stopped at %u: %s", start, error->message);
      pump (task);
      return;
    }
  datasets = ckan_search_result_get_results (page);
  for (guint i = 0; i < datasets->len; i++)
    {
      CkanDataset *dataset = g_ptr_array_index (datasets, i);

      gint64 *no_thread_at;

      /* A dataset that moved between pages is asked for once. */
      if (!g_hash_table_add (r->listed, g_strdup (ckan_dataset_get_id (dataset))))
        continue;
      no_thread_at = g_hash_table_lookup (r->inbox->no_thread_at, ckan_dataset_get_id (dataset));
      if (r->background && no_thread_at != NULL &&
          g_get_monotonic_time () - *no_thread_at < NO_THREAD_RECHECK_USEC)
        continue;
      g_queue_push_tail (&r->queue, g_object_ref (dataset));
    }
  if (datasets->len > 0 && start + datasets->len < (guint64) ckan_search_result_get_count (page))
    {
      ckan_search_params_set_start (r->params, start + datasets->len);
      search_page (task);
    }
  else
    {
      r->search_running = FALSE;
      r->search_complete = TRUE;
    }
  pump (task);
}

static void
search_page (GTask *task)
{
  Refresh *r = g_task_get_task_data (task);

  r->search_running = TRUE;
  ckan_client_package_search_async (r->client, r->params, g_task_get_cancellable (task),
                                    search_cb, g_object_ref (task));
}

typedef struct
{
  GTask *task;
  char  *organization_id;
} MemberList;

static void
member_list_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  MemberList *ml = user_data;
  g_autoptr(GTask) task = ml->task;
  g_autofree char *organization_id = ml->organization_id;
  Refresh *r = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert (G_IS_TASK (task));
  g_free (ml);
  node = ckan_client_call_finish (CKAN_CLIENT (source), result, &error);
  /* member_list answers [[user id, "user", capacity], …]. Without it only
   * the user's own comments count as answers. */
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *entry = json_array_get_element (array, i);
          JsonArray *tuple = JSON_NODE_HOLDS_ARRAY (entry) ? json_node_get_array (entry) : NULL;

          if (tuple != NULL && json_array_get_length (tuple) > 0 &&
              JSON_NODE_HOLDS_VALUE (json_array_get_element (tuple, 0)) &&
              json_node_get_value_type (json_array_get_element (tuple, 0)) == G_TYPE_STRING)
            g_hash_table_add (set, g_strdup (json_array_get_string_element (tuple, 0)));
        }
    }
  else if (error != NULL)
    {
      g_debug ("No member list for %s: %s", organization_id, error->message);
    }
  g_hash_table_replace (r->members, g_steal_pointer (&organization_id), set);
  if (r->finished || --r->members_pending > 0)
    return;

  /* The member lists are in: whatever the cache showed is judged anew. */
  g_hash_table_remove_all (r->inbox->members);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, r->members);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_hash_table_insert (r->inbox->members, g_strdup (key), g_hash_table_ref (value));
  }
  /* Judged by the newest comment's author alone, so cached threads are not
   * made into records just for this. */
  for (guint i = 0; i < r->inbox->items->len; i++)
    {
      PubCommentInboxItem *item = g_ptr_array_index (r->inbox->items, i);
      const char *author = pub_comment_inbox_item_get_last_author_id (item);

      if (pub_comment_inbox_item_get_last_activity (item) != NULL || author != NULL)
        pub_comment_inbox_item_set_unanswered (item,
                                               !pub_comment_inbox_is_member (r->inbox,
                                                                             pub_comment_inbox_item_get_organization_id (item),
                                                                             author));
    }
  pub_comment_inbox_update_counts (r->inbox);
  pump (task);
}

static void
status_show_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Refresh *r = g_task_get_task_data (task);
  PubCommentInbox *self = r->inbox;
  g_autoptr(GError) error = NULL;
  g_autoptr(CkanCapabilities) capabilities = NULL;
  GListModel *organizations;
  g_autoptr(GString) fq = NULL;
  guint n_organizations;

  g_assert (G_IS_TASK (task));
  capabilities = ckan_client_status_show_finish (CKAN_CLIENT (source), result, &error);
  if (capabilities == NULL)
    {
      complete (task, g_steal_pointer (&error));
      return;
    }
  if (!ckan_capabilities_has_comments (capabilities))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      while (self->items->len > 0)
        pub_comment_inbox_remove_item (self, pub_comment_inbox_item_get_dataset_id (g_ptr_array_index (self->items, 0)));
      pub_comment_inbox_update_counts (self);
      pub_comment_inbox_set_support (self, PUB_COMMENT_INBOX_SUPPORT_UNSUPPORTED);
      pub_comment_inbox_set_updated_at (self, now);
      pub_comment_inbox_save_cache (self);
      complete (task, NULL);
      return;
    }
  pub_comment_inbox_set_support (self, PUB_COMMENT_INBOX_SUPPORT_AVAILABLE);

  organizations = pub_account_get_organizations (self->account);
  n_organizations = g_list_model_get_n_items (organizations);
  if (n_organizations == 0)
    {
      r->search_complete = TRUE;
      finish (task);
      return;
    }
  fq = g_string_new ("owner_org:(");
  for (guint i = 0; i < n_organizations; i++)
    {
      g_autoptr(CkanOrganization) organization = g_list_model_get_item (organizations, i);
      g_autoptr(JsonObject) params = json_object_new ();
      MemberList *ml = g_new0 (MemberList, 1);

      g_string_append_printf (fq, "%s\"%s\"", i > 0 ? " OR " : "", ckan_organization_get_id (organization));
      json_object_set_string_member (params, "id", ckan_organization_get_id (organization));
      json_object_set_string_member (params, "object_type", "user");
      ml->task = g_object_ref (task);
      ml->organization_id = g_strdup (ckan_organization_get_id (organization));
      r->members_pending++;
      ckan_client_call_async (r->client, "member_list", params, CKAN_CALL_READ,
                              g_task_get_cancellable (task), member_list_cb, ml);
    }
  g_string_append_c (fq, ')');

  r->params = ckan_search_params_new ();
  ckan_search_params_add_filter (r->params, fq->str);
  ckan_search_params_set_include_private (r->params, TRUE);
  /* Datasets touched lately are likelier to have fresh comments. */
  ckan_search_params_set_sort (r->params, "metadata_modified desc");
  ckan_search_params_set_rows (r->params, PAGE_SIZE);
  search_page (task);
}

void
pub_comment_inbox_start_refresh (PubCommentInbox *self,
                                 GTask           *task,
                                 gboolean         background)
{
  Refresh *r = g_new0 (Refresh, 1);

  r->background = background;
  r->inbox = g_object_ref (self);
  r->client = g_object_ref (pub_account_get_client (self->account));
  r->retry = g_ptr_array_new_with_free_func (g_object_unref);
  r->listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  r->baseline = self->known_comments ? g_hash_table_ref (self->known_comments) : NULL;
  r->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->fresh_items = g_ptr_array_new_with_free_func (g_object_unref);
  r->fresh_counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_task_set_task_data (task, r, (GDestroyNotify) refresh_free);

  pub_comment_inbox_set_refreshing (self, task);
  ckan_client_status_show_async (r->client, g_task_get_cancellable (task), status_show_cb, g_object_ref (task));
}
