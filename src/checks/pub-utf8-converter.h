/* pub-utf8-converter.h: Windows-1252 or UTF-16 text as UTF-8, for the
 * copies the checks offer and the anonymised copy
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pub-check-encoding.h"

G_BEGIN_DECLS

#define PUB_TYPE_UTF8_CONVERTER (pub_utf8_converter_get_type ())
G_DECLARE_FINAL_TYPE (PubUtf8Converter, pub_utf8_converter, PUB, UTF8_CONVERTER, GObject)

/* A GConverter that never fails on the text it is given: a byte
 * Windows-1252 leaves undefined, a lone surrogate or an odd last byte
 * becomes U+FFFD, as the checks read them (GCharsetConverter stops the
 * whole copy there). A UTF-16 byte order mark at the start is dropped.
 * `encoding` is PUB_ENCODING_WINDOWS_1252 or one of the UTF-16s. */
PubUtf8Converter *pub_utf8_converter_new (PubEncoding encoding);

G_END_DECLS
