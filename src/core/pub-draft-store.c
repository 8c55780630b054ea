/* pub-draft-store.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "pub-core-error.h"
#include "pub-draft-store-private.h"

#define DEFAULT_SAVE_DELAY_MS 400

struct _PubDraftStore
{
  GObject      parent_instance;

  char        *directory;
  guint        save_delay;
  GListStore  *drafts;
  GHashTable  *entries;     /* id -> Entry */
  /* One worker, so writes and deletes reach the disk in the order asked. */
  GThreadPool *pool;
  GError      *write_error; /* the first since the last flush */
  int          fail_errno;  /* tests: what the next writes fail with */
  guint        fail_writes;
  guint        busy;
  gboolean     loaded;
};

G_DEFINE_FINAL_TYPE (PubDraftStore, pub_draft_store, G_TYPE_OBJECT)

enum {
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  PubDraftStore *store;  /* unowned */
  PubDraft      *draft;
  guint          timeout_id;
} Entry;

typedef enum {
  OP_WRITE,
  OP_DELETE,
  OP_BARRIER,
  OP_LOAD,
} OpKind;

typedef struct
{
  OpKind  kind;
  char   *path;
  char   *contents;
  gsize   length;
  int     fail_errno;  /* tests: fail as if the system said so */
} Op;

static void
op_free (Op *op)
{
  g_free (op->path);
  g_free (op->contents);
  g_free (op);
}

/* The application must not quit while a change is still on its way to disk:
 * closing the window right after typing loses nothing. */
static void
busy_inc (PubDraftStore *self)
{
  GApplication *app = g_application_get_default ();

  if (self->busy++ == 0)
    {
      g_object_ref (self);
      if (app != NULL)
        g_application_hold (app);
    }
}

static void
busy_dec (PubDraftStore *self)
{
  GApplication *app = g_application_get_default ();

  g_assert (self->busy > 0);
  if (--self->busy == 0)
    {
      if (app != NULL)
        g_application_release (app);
      g_object_unref (self);
    }
}

static char *
draft_path (PubDraftStore *self,
            const char    *id)
{
  g_autofree char *basename = g_strconcat (id, ".json", NULL);

  return g_build_filename (self->directory, basename, NULL);
}

static gboolean
sync_directory (const char *directory,
                GError    **error)
{
  int fd = g_open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  int saved_errno;

  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return FALSE;
    }
  /* The rename is durable only once the directory entry is. */
  if (fsync (fd) != 0 && errno != EINVAL)
    {
      saved_errno = errno;
      close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
write_file (const char *path,
            const char *contents,
            gsize       length,
            int         fail_errno,
            GError    **error)
{
  g_autofree char *directory = g_path_get_dirname (path);
  g_autoptr(GError) local_error = NULL;

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The drafts folder “%s” can’t be created: %s"),
                   directory, g_strerror (saved_errno));
      return FALSE;
    }

  /* CONSISTENT: a temporary file renamed over the old one; DURABLE: fsync
   * before the rename, so a crash leaves the old or the new draft. */
  if (fail_errno != 0)
    g_set_error_literal (&local_error, G_FILE_ERROR, g_file_error_from_errno (fail_errno),
                         g_strerror (fail_errno));
  else
    g_file_set_contents_full (path, contents, length,
                              G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                              0600, &local_error);
  if (local_error != NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOSPC))
        g_set_error (error, PUB_CORE_ERROR, PUB_CORE_ERROR_NO_SPACE,
                     _("The disk is full, so the draft could not be saved. "
                       "Free some space; your changes are kept while the application is open."));
      else
        g_set_error (error, PUB_CORE_ERROR, PUB_CORE_ERROR_FAILED,
                     _("The draft could not be saved: %s"), local_error->message);
      return FALSE;
    }

  return sync_directory (directory, error);
}

static gboolean
drop_task_cb (gpointer data)
{
  return G_SOURCE_REMOVE;
}

/* The worker's reference to a task is dropped on the task's main context,
 * after its callback: were it the store's last reference (through the
 * task's source object), dispose would wait for this thread pool from
 * inside one of its own threads. */
static void
release_on_context (GTask *task)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_LOW);
  g_source_set_callback (source, drop_task_cb, task, g_object_unref);
  g_source_set_static_name (source, "[publicador] draft store task release");
  g_source_attach (source, g_task_get_context (task));
  g_source_unref (source);
}

static void
pool_func (gpointer data,
           gpointer user_data)
{
  GTask *task = data;
  Op *op = g_task_get_task_data (task);
  GError *error = NULL;

  switch (op->kind)
    {
    case OP_WRITE:
      if (write_file (op->path, op->contents, op->length, op->fail_errno, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      break;

    case OP_DELETE:
      if (g_unlink (op->path) == 0 || errno == ENOENT)
        g_task_return_boolean (task, TRUE);
      else
        {
          int saved_errno = errno;

          g_task_return_new_error (task, PUB_CORE_ERROR, PUB_CORE_ERROR_FAILED,
                                   _("The draft could not be deleted: %s"),
                                   g_strerror (saved_errno));
        }
      break;

    case OP_BARRIER:
      g_task_return_boolean (task, TRUE);
      break;

    case OP_LOAD:
      {
        GPtrArray *drafts = _pub_draft_store_load_directory (op->path, &error);

        if (drafts != NULL)
          g_task_return_pointer (task, drafts, (GDestroyNotify) g_ptr_array_unref);
        else
          g_task_return_error (task, error);
      }
      break;

    default:
      g_assert_not_reached ();
    }
  release_on_context (task);
}

static void
push_op (PubDraftStore      *self,
         Op                 *op,
         GCancellable       *cancellable,
         GAsyncReadyCallback callback,
         gpointer            user_data,
         gpointer            source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, (GDestroyNotify) op_free);
  g_thread_pool_push (self->pool, task, NULL);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  PubDraftStore *self = PUB_DRAFT_STORE (object);
  g_autoptr(PubDraft) draft = user_data;
  g_autoptr(GError) error = NULL;

  g_assert (PUB_IS_DRAFT (draft));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Not a warning: the person is told through "save-failed". */
      g_message ("Saving draft %s failed: %s", pub_draft_get_id (draft), error->message);
      if (self->write_error == NULL)
        self->write_error = g_error_copy (error);
      g_signal_emit (self, signals[SAVE_FAILED], 0, draft, error);
    }
  busy_dec (self);
}

static void
write_now (PubDraftStore *self,
           PubDraft      *draft)
{
  g_autoptr(JsonNode) root = NULL;
  Op *op;

  if (pub_draft_is_damaged (draft))
    return;

  /* Serialized here, on the main thread, which owns the draft; the worker
   * only sees bytes. */
  root = pub_draft_to_json (draft);
  op = g_new0 (Op, 1);
  op->kind = OP_WRITE;
  op->path = draft_path (self, pub_draft_get_id (draft));
  op->contents = json_to_string (root, TRUE);
  op->length = strlen (op->contents);
  if (self->fail_writes > 0)
    {
      op->fail_errno = self->fail_errno;
      self->fail_writes--;
    }

  busy_inc (self);
  push_op (self, op, NULL, write_done_cb, g_object_ref (draft), write_now);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  Entry *entry = user_data;
  PubDraftStore *self = entry->store;

  entry->timeout_id = 0;
  write_now (self, entry->draft);
  busy_dec (self);
  return G_SOURCE_REMOVE;
}

static void
draft_changed_cb (PubDraft *draft,
                  Entry    *entry)
{
  if (entry->timeout_id != 0)
    return;
  busy_inc (entry->store);
  entry->timeout_id = g_timeout_add (entry->store->save_delay, save_timeout_cb, entry);
}

static void
entry_free (Entry *entry)
{
  if (entry->timeout_id != 0)
    {
      g_clear_handle_id (&entry->timeout_id, g_source_remove);
      busy_dec (entry->store);
    }
  g_signal_handlers_disconnect_by_func (entry->draft, draft_changed_cb, entry);
  g_object_unref (entry->draft);
  g_free (entry);
}

static void
track (PubDraftStore *self,
       PubDraft      *draft)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->store = self;
  entry->draft = g_object_ref (draft);
  g_signal_connect (draft, "changed", G_CALLBACK (draft_changed_cb), entry);
  g_hash_table_replace (self->entries, g_strdup (pub_draft_get_id (draft)), entry);
}

static void
pub_draft_store_dispose (GObject *object)
{
  PubDraftStore *self = PUB_DRAFT_STORE (object);

  /* busy holds a reference, so nothing is pending by now. */
  g_clear_pointer (&self->entries, g_hash_table_unref);
  if (self->pool != NULL)
    {
      g_thread_pool_free (self->pool, FALSE, TRUE);
      self->pool = NULL;
    }
  g_clear_object (&self->drafts);

  G_OBJECT_CLASS (pub_draft_store_parent_class)->dispose (object);
}

static void
pub_draft_store_finalize (GObject *object)
{
  PubDraftStore *self = PUB_DRAFT_STORE (object);

  g_clear_pointer (&self->directory, g_free);
  g_clear_error (&self->write_error);

  G_OBJECT_CLASS (pub_draft_store_parent_class)->finalize (object);
}

static void
pub_draft_store_class_init (PubDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pub_draft_store_dispose;
  object_class->finalize = pub_draft_store_finalize;

  /* A draft could not be written: (PubDraft, GError). */
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                       PUB_TYPE_DRAFT, G_TYPE_ERROR);
}

static void
pub_draft_store_init (PubDraftStore *self)
{
  self->save_delay = DEFAULT_SAVE_DELAY_MS;
  self->drafts = g_list_store_new (PUB_TYPE_DRAFT);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) entry_free);
  self->pool = g_thread_pool_new (pool_func, self, 1, FALSE, NULL);
}

PubDraftStore *
pub_draft_store_new (const char *directory)
{
  PubDraftStore *self = g_object_new (PUB_TYPE_DRAFT_STORE, NULL);

  if (directory != NULL)
    self->directory = g_strdup (directory);
  else
    self->directory = g_build_filename (g_get_user_data_dir (), "publicador", "drafts", NULL);
  return self;
}

PubDraftStore *
pub_draft_store_get_default (void)
{
  static PubDraftStore *instance;

  if (instance == NULL)
    {
      instance = pub_draft_store_new (NULL);
      g_object_add_weak_pointer (G_OBJECT (instance), (gpointer *) &instance);
    }
  return instance;
}

const char *
pub_draft_store_get_directory (PubDraftStore *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT_STORE (self), NULL);
  return self->directory;
}

void
_pub_draft_store_fail_writes (PubDraftStore *self,
                              int            errno_value,
                              guint          times)
{
  g_return_if_fail (PUB_IS_DRAFT_STORE (self));
  self->fail_errno = errno_value;
  self->fail_writes = times;
}

void
pub_draft_store_set_save_delay (PubDraftStore *self,
                                guint          msec)
{
  g_return_if_fail (PUB_IS_DRAFT_STORE (self));
  self->save_delay = msec;
}

GListModel *
pub_draft_store_get_drafts (PubDraftStore *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT_STORE (self), NULL);
  return G_LIST_MODEL (self->drafts);
}

PubDraft *
pub_draft_store_find (PubDraftStore *self,
                      const char    *id)
{
  Entry *entry;

  g_return_val_if_fail (PUB_IS_DRAFT_STORE (self), NULL);

  entry = g_hash_table_lookup (self->entries, id);
  return entry != NULL ? entry->draft : NULL;
}

static int
compare_modified_desc (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  gint64 ma = pub_draft_get_modified ((PubDraft *) a);
  gint64 mb = pub_draft_get_modified ((PubDraft *) b);

  return ma < mb ? 1 : ma > mb ? -1 : 0;
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PubDraftStore *self = PUB_DRAFT_STORE (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) drafts = NULL;
  GError *error = NULL;

  g_assert (G_IS_TASK (task));

  busy_dec (self);
  drafts = g_task_propagate_pointer (G_TASK (result), &error);
  if (drafts == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < drafts->len; i++)
    {
      PubDraft *draft = g_ptr_array_index (drafts, i);

      /* Drafts created before the list arrived are already here. */
      if (g_hash_table_contains (self->entries, pub_draft_get_id (draft)))
        continue;
      track (self, draft);
      g_list_store_insert_sorted (self->drafts, draft, compare_modified_desc, NULL);
    }
  self->loaded = TRUE;
  g_task_return_boolean (task, TRUE);
}

void
pub_draft_store_load_async (PubDraftStore      *self,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (PUB_IS_DRAFT_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_draft_store_load_async);

  op = g_new0 (Op, 1);
  op->kind = OP_LOAD;
  op->path = g_strdup (self->directory);
  busy_inc (self);
  push_op (self, op, cancellable, load_done_cb, task, pub_draft_store_load_async);
}

gboolean
pub_draft_store_load_finish (PubDraftStore *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
pub_draft_store_is_loaded (PubDraftStore *self)
{
  g_return_val_if_fail (PUB_IS_DRAFT_STORE (self), FALSE);
  return self->loaded;
}

void
pub_draft_store_add (PubDraftStore *self,
                     PubDraft      *draft)
{
  g_return_if_fail (PUB_IS_DRAFT_STORE (self));
  g_return_if_fail (PUB_IS_DRAFT (draft));
  g_return_if_fail (!g_hash_table_contains (self->entries, pub_draft_get_id (draft)));

  track (self, draft);
  g_list_store_insert (self->drafts, 0, draft);
  write_now (self, draft);
}

PubDraft *
pub_draft_store_create (PubDraftStore *self)
{
  g_autoptr(PubDraft) draft = pub_draft_new ();

  g_return_val_if_fail (PUB_IS_DRAFT_STORE (self), NULL);

  pub_draft_store_add (self, draft);
  return draft;
}

PubDraft *
pub_draft_store_duplicate (PubDraftStore *self,
                           PubDraft      *draft)
{
  g_autoptr(PubDraft) copy = NULL;

  g_return_val_if_fail (PUB_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (!pub_draft_is_damaged (draft), NULL);

  copy = pub_draft_duplicate (draft);
  pub_draft_store_add (self, copy);
  return copy;
}

static void
delete_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PubDraftStore *self = PUB_DRAFT_STORE (object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  g_assert (G_IS_TASK (task));

  busy_dec (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
pub_draft_store_delete_async (PubDraftStore      *self,
                              PubDraft           *draft,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr(PubDraft) keep = NULL;
  GTask *task;
  guint position;
  Op *op;

  g_return_if_fail (PUB_IS_DRAFT_STORE (self));
  g_return_if_fail (PUB_IS_DRAFT (draft));

  keep = g_object_ref (draft);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_draft_store_delete_async);

  /* Forget it first, so no pending save brings the file back. */
  g_hash_table_remove (self->entries, pub_draft_get_id (draft));
  if (g_list_store_find (self->drafts, draft, &position))
    g_list_store_remove (self->drafts, position);

  op = g_new0 (Op, 1);
  op->kind = OP_DELETE;
  op->path = draft_path (self, pub_draft_get_id (draft));
  busy_inc (self);
  push_op (self, op, NULL, delete_done_cb, task, pub_draft_store_delete_async);
}

gboolean
pub_draft_store_delete_finish (PubDraftStore *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
flush_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  PubDraftStore *self = PUB_DRAFT_STORE (object);
  g_autoptr(GTask) task = user_data;

  g_assert (G_IS_TASK (task));

  busy_dec (self);
  if (self->write_error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&self->write_error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
pub_draft_store_flush_async (PubDraftStore      *self,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  GHashTableIter iter;
  Entry *entry;
  GTask *task;
  Op *op;

  g_return_if_fail (PUB_IS_DRAFT_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_draft_store_flush_async);

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      if (entry->timeout_id == 0)
        continue;
      g_clear_handle_id (&entry->timeout_id, g_source_remove);
      write_now (self, entry->draft);
      busy_dec (self);
    }

  /* The worker runs in order: when this no-op is done, so is every write
   * queued before it. */
  op = g_new0 (Op, 1);
  op->kind = OP_BARRIER;
  busy_inc (self);
  push_op (self, op, NULL, flush_done_cb, task, pub_draft_store_flush_async);
}

gboolean
pub_draft_store_flush_finish (PubDraftStore *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
