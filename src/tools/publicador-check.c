/* publicador-check.c: the local checks from the command line, for
 * institutions that check their files in a script before publishing
 *
 *   publicador-check [--json] FILE…
 *
 * The same checks, findings and score as the app (src/checks), in the
 * user's language. Exit status: 0 no errors, 1 errors, 2 a file could not
 * be read (or the report written, or the command line is wrong).
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "pub-check.h"

/* Errors listed per type in the text output; --json has all the report
 * keeps. */
#define SHOWN_PER_TYPE 10

/* More threads than this only wait for the disk and each other. */
#define MAX_THREADS 256

enum {
  EXIT_CLEAN = 0,
  EXIT_ERRORS = 1,
  EXIT_UNREADABLE = 2,
};

static char *
format_count (guint64 n)
{
  /* Thousands grouped the way the user's locale groups them. */
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

static void
print_stats (GString           *out,
             PubCheckResult    *result)
{
  const PubCsvStats *stats = pub_check_result_get_stats (result);
  g_autofree char *rows = NULL;
  g_autofree char *delimiter = NULL;

  if (!stats)
    {
      g_string_append (out, "  ");
      g_string_append_printf (out, _("Format: %s"), pub_file_format_to_label (pub_check_result_get_format (result)));
      g_string_append_c (out, '\n');
      return;
    }
  rows = format_count (stats->n_rows);
  /* A translation is as long as it needs to be ("tabulador"). */
  if (stats->dialect.delimiter == '\t')
    delimiter = g_strdup (_("tab"));
  else
    delimiter = g_strdup_printf ("«%c»", stats->dialect.delimiter);
  g_string_append (out, "  CSV · ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s row", "%s rows", stats->n_rows), rows);
  g_string_append (out, " · ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u column", "%u columns", stats->n_columns),
                          stats->n_columns);
  g_string_append_printf (out, " · %s · ", stats->encoding == PUB_ENCODING_WINDOWS_1252 ? "Windows-1252"
                          : pub_encoding_to_charset (stats->encoding));
  g_string_append_printf (out, _("separator %s"), delimiter);
  g_string_append_c (out, '\n');
}

static void
print_score (GString         *out,
             PubQualityScore *score)
{
  GPtrArray *findings = pub_quality_score_get_findings (score);

  g_string_append (out, "  ");
  g_string_append_printf (out, _("Quality: %.1f of 10"), pub_quality_score_get_overall (score));
  for (guint c = 0; c < PUB_N_CRITERIA; c++)
    g_string_append_printf (out, "%s%s %.1f", c ? " · " : " (",
                            pub_quality_criterion_to_label (c), pub_quality_score_get_criterion (score, c));
  g_string_append (out, ")\n");
  if (!findings->len)
    return;
  g_string_append_printf (out, "  %s\n", _("What to improve:"));
  for (guint i = 0; i < findings->len; i++)
    {
      PubQualityFinding *f = g_ptr_array_index (findings, i);

      g_string_append_printf (out, "    −%.1f %s: %s\n", f->points,
                              pub_quality_criterion_to_label (f->criterion), f->recommendation);
    }
}

/* A cell as the file has it may hold line ends or terminal escapes:
 * shown escaped, one error stays one line and the terminal stays as it
 * was. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7F)
        g_string_append_printf (out, "\\x%02X", c);
      else
        g_string_append_c (out, (char) c);
    }
}

static void
print_error (GString                   *out,
             const CkanValidationError *e)
{
  g_string_append_printf (out, "    %s", e->type);
  if (e->row_number > 0)
    {
      g_string_append (out, ", ");
      g_string_append_printf (out, _("row %lld"), (long long) e->row_number);
    }
  if (e->field_number > 0)
    {
      g_string_append (out, ", ");
      g_string_append_printf (out, _("column %d"), e->field_number);
      if (e->field_name)
        {
          g_string_append (out, " «");
          append_escaped (out, e->field_name);
          g_string_append (out, "»");
        }
    }
  g_string_append_printf (out, ": %s", e->message ? e->message : "");
  if (e->cell && *e->cell)
    {
      g_string_append (out, " — «");
      append_escaped (out, e->cell);
      g_string_append (out, "»");
    }
  g_string_append_c (out, '\n');
}

static void
print_report (GString              *out,
              CkanValidationReport *report)
{
  g_auto(GStrv) types = ckan_validation_report_dup_types (report);
  const char * const *warnings = ckan_validation_report_get_warnings (report);
  guint64 n = ckan_validation_report_get_n_errors (report);
  g_autofree char *count = format_count (n);

  g_string_append (out, "  ");
  if (n)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s error:", "%s errors:", n), count);
  else
    g_string_append (out, _("No errors."));
  g_string_append_c (out, '\n');
  for (guint t = 0; types[t]; t++)
    {
      GPtrArray *errors = ckan_validation_report_get_errors_of_type (report, types[t]);
      guint64 total = ckan_validation_report_get_n_errors_of_type (report, types[t]);
      guint shown = errors ? MIN (errors->len, SHOWN_PER_TYPE) : 0;

      for (guint i = 0; i < shown; i++)
        print_error (out, g_ptr_array_index (errors, i));
      if (total > shown)
        {
          g_autofree char *more = format_count (total - shown);

          g_string_append_printf (out, "    %s, ", types[t]);
          g_string_append_printf (out, _("… and %s more"), more);
          g_string_append_c (out, '\n');
        }
    }
  if (warnings && warnings[0])
    {
      g_string_append_printf (out, "  %s\n", _("Warnings:"));
      for (guint i = 0; warnings[i]; i++)
        g_string_append_printf (out, "    %s\n", warnings[i]);
    }
}

static void
print_text (const char     *path,
            PubCheckResult *result)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n", path);
  print_stats (out, result);
  print_score (out, pub_check_result_get_score (result));
  print_report (out, pub_check_result_get_report (result));
  g_print ("%s", out->str);
}

static void
add_score (JsonBuilder     *b,
           PubQualityScore *score)
{
  GPtrArray *findings = pub_quality_score_get_findings (score);

  json_builder_set_member_name (b, "score");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "overall");
  json_builder_add_double_value (b, pub_quality_score_get_overall (score));
  json_builder_set_member_name (b, "criteria");
  json_builder_begin_object (b);
  for (guint c = 0; c < PUB_N_CRITERIA; c++)
    {
      json_builder_set_member_name (b, pub_quality_criterion_to_string (c));
      json_builder_add_double_value (b, pub_quality_score_get_criterion (score, c));
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < findings->len; i++)
    {
      PubQualityFinding *f = g_ptr_array_index (findings, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "criterion");
      json_builder_add_string_value (b, pub_quality_criterion_to_string (f->criterion));
      json_builder_set_member_name (b, "points");
      json_builder_add_double_value (b, f->points);
      json_builder_set_member_name (b, "finding");
      json_builder_add_string_value (b, f->finding);
      json_builder_set_member_name (b, "fieldName");
      if (f->field_name)
        json_builder_add_string_value (b, f->field_name);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "recommendation");
      json_builder_add_string_value (b, f->recommendation);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
add_stats (JsonBuilder       *b,
           const PubCsvStats *stats)
{
  char delimiter[2] = { stats->dialect.delimiter, 0 };

  json_builder_set_member_name (b, "table");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "rows");
  json_builder_add_int_value (b, (gint64) stats->n_rows);
  json_builder_set_member_name (b, "encoding");
  json_builder_add_string_value (b, pub_encoding_to_charset (stats->encoding));
  json_builder_set_member_name (b, "delimiter");
  json_builder_add_string_value (b, delimiter);
  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (guint i = 0; i < stats->n_columns; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, stats->columns[i].name);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, pub_column_type_to_string (stats->columns[i].type));
      json_builder_set_member_name (b, "empty");
      json_builder_add_int_value (b, (gint64) stats->columns[i].n_empty);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* One file's entry: its report as the app exports it, beside the score. */
static void
add_result (JsonBuilder    *b,
            const char     *path,
            PubCheckResult *result,
            const GError   *error)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, path);
  if (error)
    {
      json_builder_set_member_name (b, "error");
      json_builder_add_string_value (b, error->message);
      json_builder_end_object (b);
      return;
    }
  {
    g_autofree char *json = ckan_validation_report_to_json (pub_check_result_get_report (result));
    JsonNode *report = json_from_string (json, NULL);

    json_builder_set_member_name (b, "format");
    json_builder_add_string_value (b, pub_file_format_to_string (pub_check_result_get_format (result)));
    json_builder_set_member_name (b, "valid");
    json_builder_add_boolean_value (b, ckan_validation_report_get_valid (pub_check_result_get_report (result)));
    if (pub_check_result_get_stats (result))
      add_stats (b, pub_check_result_get_stats (result));
    add_score (b, pub_check_result_get_score (result));
    json_builder_set_member_name (b, "report");
    json_builder_add_value (b, report);
  }
  json_builder_end_object (b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(GStrv) files = NULL;
  gboolean as_json = FALSE;
  int threads = -1;
  PubCheckOptions options = { 0 };
  gboolean all_valid = TRUE;
  int status = EXIT_CLEAN;
  const char *localedir = g_getenv ("PUBLICADOR_LOCALEDIR");
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the reports as JSON"), NULL },
    { "threads", 0, 0, G_OPTION_ARG_INT, &threads,
      N_("Threads to check one large file with (default: one per processor)"), N_("N") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* PUBLICADOR_LOCALEDIR: the translations of a build tree, for tests. */
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Checks data files (CSV, JSON, spreadsheets) the way Publicador does before "
                                  "publishing: structure, types, encoding, personal data, and a quality score "
                                  "from 1 to 10."));
  g_option_context_set_description (context,
                                    _("Exit status: 0 when no file has errors, 1 when a file has errors, "
                                      "2 when a file cannot be read, the report cannot be written or the "
                                      "command line is wrong."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("publicador-check: %s\n", error->message);
      return EXIT_UNREADABLE;
    }
  if (threads != -1 && (threads < 1 || threads > MAX_THREADS))
    {
      g_printerr ("publicador-check: ");
      g_printerr (_("--threads needs a number from 1 to %d"), MAX_THREADS);
      g_printerr ("\n");
      return EXIT_UNREADABLE;
    }
  options.threads = threads == -1 ? 0 : (guint) threads;
  if (!files || !files[0])
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return EXIT_UNREADABLE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; files[i]; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(PubCheckResult) result = NULL;
      g_autoptr(GError) file_error = NULL;
      g_autofree char *shown = g_filename_display_name (files[i]);

      result = pub_check_file_sync (file, &options, NULL, NULL, NULL, &file_error);
      if (!result)
        {
          g_printerr ("publicador-check: %s: %s\n", shown, file_error->message);
          status = EXIT_UNREADABLE;
          all_valid = FALSE;
        }
      else if (ckan_validation_report_get_n_errors (pub_check_result_get_report (result)) > 0)
        {
          all_valid = FALSE;
          if (status == EXIT_CLEAN)
            status = EXIT_ERRORS;
        }
      if (as_json)
        add_result (builder, shown, result, file_error);
      else if (result)
        print_text (shown, result);
      if (!as_json && result && files[i + 1])
        g_print ("\n");
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, all_valid);
  json_builder_end_object (builder);

  if (as_json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = json_to_string (root, TRUE);

      g_print ("%s\n", text);
    }
  /* A report that did not reach its file is no success: a full disk
   * or a closed output must not look like a clean check to a script. */
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      g_printerr ("publicador-check: %s: %s\n", _("The report could not be written"), g_strerror (errno));
      return EXIT_UNREADABLE;
    }
  return status;
}
