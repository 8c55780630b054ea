/* pub-account.h: one person on one portal, and the client that speaks for them
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ckan-client.h"

G_BEGIN_DECLS

#define PUB_ACCOUNT_ERROR (pub_account_error_quark ())

typedef enum {
  PUB_ACCOUNT_ERROR_NOT_CKAN,        /* the address answers, but not as a CKAN portal */
  PUB_ACCOUNT_ERROR_OLD_CKAN,        /* CKAN before 2.10: no "who am I" */
  PUB_ACCOUNT_ERROR_TOKEN_REJECTED,  /* the portal treats the token as anonymous */
  PUB_ACCOUNT_ERROR_WRONG_USER,      /* a new token that belongs to someone else */
  PUB_ACCOUNT_ERROR_NO_SUCH_HOST,    /* the address names no computer (DNS says so) */
} PubAccountErrorCode;

GQuark pub_account_error_quark (void);

typedef enum {
  PUB_ACCOUNT_STATE_LOADING,      /* the token is being read from the keyring */
  PUB_ACCOUNT_STATE_READY,        /* a token is loaded: calls are authenticated */
  PUB_ACCOUNT_STATE_NEEDS_TOKEN,  /* no token, or the portal no longer accepts it */
} PubAccountState;

#define PUB_TYPE_ACCOUNT_STATE (pub_account_state_get_type ())
GType pub_account_state_get_type (void);

#define PUB_TYPE_ACCOUNT (pub_account_get_type ())

G_DECLARE_FINAL_TYPE (PubAccount, pub_account, PUB, ACCOUNT, GObject)

/* portal_url is a base URL as CkanClient takes it; NULL (and `error` set)
 * when it is not one. The account starts in PUB_ACCOUNT_STATE_LOADING with
 * an anonymous client. */
PubAccount      *pub_account_new                (const char    *portal_url,
                                                 const char    *user_id,
                                                 const char    *user_name,
                                                 const char    *display_name,
                                                 gboolean       allow_insecure,
                                                 GError       **error);

const char      *pub_account_get_portal_url     (PubAccount    *self);
/* The portal as a person reads it: "datos.gob.cl", "portal.example/data". */
char            *pub_account_dup_portal_label   (PubAccount    *self);
const char      *pub_account_get_user_id        (PubAccount    *self);
const char      *pub_account_get_user_name      (PubAccount    *self);
const char      *pub_account_get_display_name   (PubAccount    *self);
gboolean         pub_account_get_allow_insecure (PubAccount    *self);
PubAccountState  pub_account_get_state          (PubAccount    *self);
/* The id ("jti") of the token in use, as api_token_list shows it, when the
 * token carries one; NULL otherwise. Not a secret. */
const char      *pub_account_get_token_id       (PubAccount    *self);
/* TRUE when the token lives only in memory (no keyring was available). */
gboolean         pub_account_get_session_only   (PubAccount    *self);
/* The organizations the user belongs to (CkanOrganization, with capacity),
 * as last seen; kept across runs so drafting works offline. */
GListModel      *pub_account_get_organizations  (PubAccount    *self);
void             pub_account_set_organizations  (PubAccount    *self,
                                                 GPtrArray     *organizations);

/* The client every call for this account goes through. Never NULL; it
 * carries the token once the account is READY. */
CkanClient      *pub_account_get_client         (PubAccount    *self);

/* Whether `other` is the same person on the same portal. */
gboolean         pub_account_same_as            (PubAccount    *self,
                                                 PubAccount    *other);
void             pub_account_update_from        (PubAccount    *self,
                                                 PubAccount    *other);

/* Gives the client a token (kept in memory only) and makes the account
 * READY; NULL forgets it and makes the account NEEDS_TOKEN. */
void             pub_account_set_token          (PubAccount    *self,
                                                 const char    *token,
                                                 gboolean       session_only);

/* Reads the token from the keyring: READY when found, NEEDS_TOKEN when not
 * (or when there is no keyring). */
void             pub_account_load_token_async   (PubAccount    *self,
                                                 GCancellable  *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer       user_data);
gboolean         pub_account_load_token_finish  (PubAccount    *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);

/* Asks the portal who the token belongs to (user_show with no id). A token
 * the portal no longer accepts turns the account NEEDS_TOKEN and ends with
 * PUB_ACCOUNT_ERROR_TOKEN_REJECTED; network trouble changes nothing. */
void             pub_account_verify_async       (PubAccount    *self,
                                                 GCancellable  *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer       user_data);
gboolean         pub_account_verify_finish      (PubAccount    *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);

/* An Authorization Error may mean the token was revoked: the account then
 * checks with the portal and turns NEEDS_TOKEN if so (the UI asks for a new
 * token). Calls through ckan_client_call_async() are watched already (the
 * client's "authorization-failed" signal); pass errors from anything else
 * (uploads) here. Other errors are ignored. */
void             pub_account_check_error        (PubAccount    *self,
                                                 const GError  *error);

G_END_DECLS
