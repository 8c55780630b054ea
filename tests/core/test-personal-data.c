/* test-personal-data.c: which files would make personal data public, what
 * the question says of them, and how the answer is kept in the draft
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "pub-personal-data.h"

typedef struct
{
  char             *dir;
  PubDraft         *draft;
  PubDraftResource *contacts;
  PubDraftResource *clean;
} Fixture;

/* 200 rows, each with an e-mail address in "correo_contacto". */
static char *
contacts_csv (void)
{
  GString *text = g_string_new ("comuna,correo_contacto,poblacion\n");

  for (guint i = 0; i < 200; i++)
    g_string_append_printf (text, "Comuna %u,persona%u@example.cl,%u\n", i, i, 1000 + i);
  return g_string_free (text, FALSE);
}

static PubDraftResource *
add_file (Fixture    *f,
          const char *name,
          const char *contents)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PubDraftResource *resource;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  resource = pub_draft_resource_new_for_file (file);
  pub_draft_add_resource (f->draft, resource);
  return resource;
}

static void
record_checks (PubDraftResource *resource)
{
  g_autoptr(GFile) file = pub_draft_resource_dup_file (resource);
  g_autoptr(GError) error = NULL;
  g_autoptr(PubCheckResult) result = pub_check_file_sync (file, NULL, NULL, NULL, NULL, &error);
  g_autoptr(JsonNode) findings = NULL;

  g_assert_no_error (error);
  findings = pub_personal_data_findings_from_check (result);
  pub_draft_resource_set_personal_data (resource, findings);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *csv = contacts_csv ();

  f->dir = g_dir_make_tmp ("personal-XXXXXX", NULL);
  f->draft = pub_draft_new ();
  pub_draft_set_field (f->draft, PUB_DRAFT_FIELD_VISIBILITY, "public");
  f->contacts = add_file (f, "contactos.csv", csv);
  f->clean = add_file (f, "poblacion.csv", "comuna,poblacion\nArica,1000\nIquique,2000\n");
  record_checks (f->contacts);
  record_checks (f->clean);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *a = g_build_filename (f->dir, "contactos.csv", NULL);
  g_autofree char *b = g_build_filename (f->dir, "poblacion.csv", NULL);

  g_clear_object (&f->contacts);
  g_clear_object (&f->clean);
  g_clear_object (&f->draft);
  g_unlink (a);
  g_unlink (b);
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* The checks' counts become findings a person can read. */
static void
test_findings_described (Fixture       *f,
                         gconstpointer  data)
{
  g_auto(GStrv) lines = pub_personal_data_describe (pub_draft_resource_get_personal_data (f->contacts));

  g_assert_null (pub_draft_resource_get_personal_data (f->clean));
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_cmpstr (lines[0], ==, "200 e-mail addresses in “correo_contacto”");
}

static void
test_named_column (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PubCheckResult) result = NULL;
  g_autoptr(JsonNode) findings = NULL;
  g_auto(GStrv) lines = NULL;
  const char *csv = "rut,comuna\n,Arica\n,Iquique\n";

  result = pub_check_data (csv, strlen (csv), "x.csv", NULL);
  findings = pub_personal_data_findings_from_check (result);
  lines = pub_personal_data_describe (findings);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_cmpstr (lines[0], ==, "A column named “rut”, a name for personal data");
}

/* A RUT typed with a wrong check digit still names a person. */
static void
test_wrong_digit_rut (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PubCheckResult) result = NULL;
  g_autoptr(JsonNode) findings = NULL;
  g_auto(GStrv) lines = NULL;
  const char *csv = "beneficiario,monto\n12.345.678-4,1000\n22.345.678-4,2000\n";

  result = pub_check_data (csv, strlen (csv), "x.csv", NULL);
  findings = pub_personal_data_findings_from_check (result);
  lines = pub_personal_data_describe (findings);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_cmpstr (lines[0], ==, "2 RUT numbers in “beneficiario”");
}

/* Public, with a flagged file: asked about that file alone. Private: not
 * asked at all. */
static void
test_only_public_asks (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) flagged = pub_personal_data_dup_unanswered (f->draft);
  g_autoptr(GPtrArray) none = NULL;

  g_assert_cmpuint (flagged->len, ==, 1);
  g_assert_true (g_ptr_array_index (flagged, 0) == f->contacts);
  g_assert_true (pub_personal_data_needs_answer (f->draft));

  pub_draft_set_field (f->draft, PUB_DRAFT_FIELD_VISIBILITY, "private");
  none = pub_personal_data_dup_unanswered (f->draft);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_false (pub_personal_data_needs_answer (f->draft));
}

/* "Publish anyway" is kept in the draft's file, so a retry (or the next
 * start) does not ask again; "Review" records nothing. */
static void
test_answer_kept (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(PubDraft) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  pub_personal_data_answer (f->draft, PUB_PERSONAL_DATA_REVIEW);
  g_assert_true (pub_personal_data_needs_answer (f->draft));

  pub_personal_data_answer (f->draft, PUB_PERSONAL_DATA_PUBLISH_ANYWAY);
  g_assert_false (pub_personal_data_needs_answer (f->draft));
  g_assert_true (pub_draft_resource_get_personal_data_accepted (f->contacts));
  g_assert_cmpstr (pub_draft_get_field (f->draft, PUB_DRAFT_FIELD_VISIBILITY), ==, "public");

  json = pub_draft_to_json (f->draft);
  reloaded = pub_draft_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_false (pub_personal_data_needs_answer (reloaded));

  /* Checked again with the same result: the yes still holds. */
  record_checks (f->contacts);
  g_assert_false (pub_personal_data_needs_answer (f->draft));
}

/* "Publish as private" makes the dataset private, kept in the draft. */
static void
test_answer_private (Fixture       *f,
                     gconstpointer  data)
{
  pub_personal_data_answer (f->draft, PUB_PERSONAL_DATA_PUBLISH_PRIVATE);
  g_assert_cmpstr (pub_draft_get_field (f->draft, PUB_DRAFT_FIELD_VISIBILITY), ==, "private");
  g_assert_false (pub_personal_data_needs_answer (f->draft));
  g_assert_false (pub_draft_resource_get_personal_data_accepted (f->contacts));
}

/* The yes was about that file: another file in its place, or other
 * findings, ask again. */
static void
test_new_file_asks_again (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "contactos.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonNode) phones = json_from_string ("[{\"column\": \"fono\", \"kind\": \"phone\", \"count\": 3}]", NULL);

  pub_personal_data_answer (f->draft, PUB_PERSONAL_DATA_PUBLISH_ANYWAY);
  pub_draft_resource_set_file (f->contacts, file);
  g_assert_null (pub_draft_resource_get_personal_data (f->contacts));
  record_checks (f->contacts);
  g_assert_true (pub_personal_data_needs_answer (f->draft));

  pub_personal_data_answer (f->draft, PUB_PERSONAL_DATA_PUBLISH_ANYWAY);
  pub_draft_resource_set_personal_data (f->contacts, phones);
  g_assert_true (pub_personal_data_needs_answer (f->draft));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/personal-data/findings-described", test_findings_described);
  ADD ("/personal-data/named-column", test_named_column);
  ADD ("/personal-data/wrong-digit-rut", test_wrong_digit_rut);
  ADD ("/personal-data/only-public-asks", test_only_public_asks);
  ADD ("/personal-data/answer-kept", test_answer_kept);
  ADD ("/personal-data/answer-private", test_answer_private);
  ADD ("/personal-data/new-file-asks-again", test_new_file_asks_again);
#undef ADD

  return g_test_run ();
}
