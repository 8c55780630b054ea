/* pub-pseudonym.h: stable keyed pseudonyms and generalised values for
 * personal data
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Bytes in an organization's pseudonym secret. */
#define PUB_PSEUDONYM_KEY_LENGTH 32

/* One spelling per person: a RUT with or without dots, dash or leading
 * zeros, an e-mail in any case, a phone with or without +56 and spaces, a
 * name with any spacing or case. `value` is UTF-8. */
char *pub_pseudonym_normalize (const char *value,
                               gsize       len);

/* "P-" and the start of HMAC-SHA-256(key, normalized value), in hex. The
 * same value under the same key always gives the same pseudonym; without
 * the key it can't be reversed, not even by trying every RUT. An empty
 * value stays empty. */
char *pub_pseudonym_make      (GBytes     *key,
                               const char *value,
                               gsize       len);

/* The same, for many values of one column under one key: the key is
 * processed once, and values that repeat are remembered (up to a few
 * thousand), so use one per column. The result is valid until the next
 * call. Not thread-safe. */
typedef struct _PubPseudonymizer PubPseudonymizer;

PubPseudonymizer *pub_pseudonymizer_new   (GBytes           *key);
const char       *pub_pseudonymizer_apply (PubPseudonymizer *self,
                                           const char       *value,
                                           gsize             len);
void              pub_pseudonymizer_free  (PubPseudonymizer *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PubPseudonymizer, pub_pseudonymizer_free)

/* Keeps only what identifies a group, never a person: an e-mail's domain
 * ("@ejemplo.cl"), a phone's country and area code ("+56 2"), a name's
 * initials ("J. P."). A RUT, or anything else, generalises to "". */
char *pub_pseudonym_generalize (const char *value,
                                gsize       len);

/* PBKDF2-HMAC-SHA-256 (RFC 8018) with `iterations` rounds: a key from a
 * passphrase, for computers without a keyring. Slow on purpose: call it in
 * a worker thread. */
GBytes *pub_pseudonym_key_derive (const char *passphrase,
                                  const char *salt,
                                  guint       iterations);

/* The rounds used for a passphrase: about a quarter of a second here. */
#define PUB_PSEUDONYM_PASSPHRASE_ROUNDS 200000

/* The salt for an organization's passphrase, so the same passphrase in two
 * organizations gives two keys. */
char   *pub_pseudonym_passphrase_salt (const char *organization);

G_END_DECLS
