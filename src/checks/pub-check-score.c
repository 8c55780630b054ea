/* pub-check-score.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pub-check-score.h"

struct _PubQualityScore
{
  GObject    parent_instance;

  double     criteria[PUB_N_CRITERIA];
  double     overall;
  GPtrArray *findings;
};

G_DEFINE_FINAL_TYPE (PubQualityScore, pub_quality_score, G_TYPE_OBJECT)

static void
finding_free (gpointer data)
{
  PubQualityFinding *finding = data;

  g_free (finding->finding);
  g_free (finding->field_name);
  g_free (finding->recommendation);
  g_free (finding);
}

static void
pub_quality_score_finalize (GObject *object)
{
  PubQualityScore *self = PUB_QUALITY_SCORE (object);

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  G_OBJECT_CLASS (pub_quality_score_parent_class)->finalize (object);
}

static void
pub_quality_score_class_init (PubQualityScoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pub_quality_score_finalize;
}

static void
pub_quality_score_init (PubQualityScore *self)
{
  self->findings = g_ptr_array_new_with_free_func (finding_free);
}

PubQualityScore *
pub_quality_score_new_from_values (double        overall,
                                   const double *criteria)
{
  PubQualityScore *self = g_object_new (PUB_TYPE_QUALITY_SCORE, NULL);

  self->overall = overall;
  for (guint c = 0; c < PUB_N_CRITERIA; c++)
    self->criteria[c] = criteria ? criteria[c] : -1;
  return self;
}

const char *
pub_quality_criterion_to_string (PubQualityCriterion criterion)
{
  switch (criterion)
    {
    case PUB_CRITERION_STRUCTURE: return "structure";
    case PUB_CRITERION_COMPLETENESS: return "completeness";
    case PUB_CRITERION_COHERENCE: return "coherence";
    case PUB_CRITERION_ACCESSIBILITY: return "accessibility";
    case PUB_CRITERION_CONSISTENCY: return "consistency";
    case PUB_CRITERION_PRIVACY: return "privacy";
    case PUB_N_CRITERIA:
    default:
      return "unknown";
    }
}

const char *
pub_quality_criterion_to_label (PubQualityCriterion criterion)
{
  switch (criterion)
    {
    case PUB_CRITERION_STRUCTURE: return _("Structure");
    case PUB_CRITERION_COMPLETENESS: return _("Completeness");
    case PUB_CRITERION_COHERENCE: return _("Coherence");
    case PUB_CRITERION_ACCESSIBILITY: return _("Accessibility");
    case PUB_CRITERION_CONSISTENCY: return _("Consistency");
    case PUB_CRITERION_PRIVACY: return _("Privacy");
    case PUB_N_CRITERIA:
    default:
      return "";
    }
}

G_GNUC_PRINTF (6, 7)
static void
deduct (PubQualityScore     *self,
        PubQualityCriterion  criterion,
        double               points,
        const char          *finding,
        const char          *field_name,
        const char          *format,
        ...)
{
  PubQualityFinding *f = g_new0 (PubQualityFinding, 1);
  va_list args;

  f->criterion = criterion;
  f->points = points;
  f->finding = g_strdup (finding);
  f->field_name = g_strdup (field_name);
  va_start (args, format);
  f->recommendation = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->findings, f);
}

/* Points by how much of the file a problem touches. */
static double
by_share (guint64 n,
          guint64 total,
          double  few,
          double  some,
          double  many)
{
  if (!n)
    return 0;
  if (total && n * 10 > total)
    return many;
  if (total && n * 100 > total)
    return some;
  return few;
}

#define ULL(x) ((unsigned long long) (x))

static void
score_format (PubQualityScore *self,
              PubFileFormat    format)
{
  switch (format)
    {
    case PUB_FORMAT_EMPTY:
      deduct (self, PUB_CRITERION_STRUCTURE, 9, "source-error", NULL, "%s",
              _("The file is empty: choose the file that holds the data"));
      deduct (self, PUB_CRITERION_COMPLETENESS, 9, "source-error", NULL, "%s",
              _("An empty file has no data to publish"));
      break;
    case PUB_FORMAT_PDF:
    case PUB_FORMAT_IMAGE:
      deduct (self, PUB_CRITERION_STRUCTURE, 9, "not-machine-readable", NULL, "%s",
              _("A PDF, a scan or an image is not data programs can read: publish the table as a CSV file, and keep this file as a complement"));
      deduct (self, PUB_CRITERION_ACCESSIBILITY, 6, "not-machine-readable", NULL, "%s",
              _("People who use screen readers or programs cannot extract the values: add a CSV file with the same data"));
      break;
    case PUB_FORMAT_XLSX:
    case PUB_FORMAT_ODS:
    case PUB_FORMAT_XLS:
      deduct (self, PUB_CRITERION_ACCESSIBILITY, 3, "spreadsheet", NULL, "%s",
              _("Spreadsheets need particular programs: publish each sheet as a CSV file alongside this one"));
      break;
    case PUB_FORMAT_ARCHIVE:
    case PUB_FORMAT_BINARY:
      deduct (self, PUB_CRITERION_STRUCTURE, 9, "format-error", NULL, "%s",
              _("The file is not text data: publish the data as CSV or JSON"));
      deduct (self, PUB_CRITERION_ACCESSIBILITY, 5, "format-error", NULL, "%s",
              _("People cannot open this file without knowing what program made it: use an open format such as CSV"));
      break;
    case PUB_FORMAT_CSV:
    case PUB_FORMAT_JSON:
    default:
      break;
    }
}

static void
score_header (PubQualityScore   *self,
              const PubCsvStats *stats)
{
  if (stats->header_blank || stats->header_missing)
    deduct (self, PUB_CRITERION_STRUCTURE, 3, stats->header_blank ? "blank-header" : "missing-header", NULL, "%s",
            _("Add a first row that names each column, so people know what each value means"));
  if (stats->n_blank_labels && !stats->header_blank)
    deduct (self, PUB_CRITERION_STRUCTURE, MIN (3, stats->n_blank_labels), "blank-label", NULL,
            g_dngettext (GETTEXT_PACKAGE, "%u column has no name: give it a short, clear name",
                         "%u columns have no name: give each a short, clear name", stats->n_blank_labels),
            stats->n_blank_labels);
  if (stats->n_duplicate_labels)
    deduct (self, PUB_CRITERION_STRUCTURE, MIN (3, stats->n_duplicate_labels), "duplicate-label", NULL,
            g_dngettext (GETTEXT_PACKAGE, "%u column repeats the name of another: rename it so each name is unique",
                         "%u columns repeat the name of another: rename them so each name is unique",
                         stats->n_duplicate_labels),
            stats->n_duplicate_labels);
}

static void
score_rows (PubQualityScore   *self,
            const PubCsvStats *stats)
{
  if (stats->no_data_rows)
    deduct (self, PUB_CRITERION_COMPLETENESS, 9, "no-data-rows", NULL, "%s",
            _("The file has column names but no rows of data: add the data, or choose the file that holds it"));
  if (stats->n_short_rows)
    deduct (self, PUB_CRITERION_STRUCTURE, by_share (stats->n_short_rows, stats->n_rows, 1, 2, 4), "missing-cell", NULL,
            g_dngettext (GETTEXT_PACKAGE, "%llu row has fewer values than the header: check for a missing delimiter",
                         "%llu rows have fewer values than the header: check for missing delimiters",
                         stats->n_short_rows),
            ULL (stats->n_short_rows));
  if (stats->n_long_rows)
    deduct (self, PUB_CRITERION_STRUCTURE, by_share (stats->n_long_rows, stats->n_rows, 1, 2, 4), "extra-cell", NULL,
            g_dngettext (GETTEXT_PACKAGE, "%llu row has more values than the header: a value probably contains the delimiter and needs quotes",
                         "%llu rows have more values than the header: values probably contain the delimiter and need quotes",
                         stats->n_long_rows),
            ULL (stats->n_long_rows));
  if (stats->n_too_long_records || stats->unterminated_quote)
    deduct (self, PUB_CRITERION_STRUCTURE, 3, "source-error", NULL, "%s",
            _("A quote is never closed or a line is huge: the file may be cut short; export it again from the original program"));
  if (stats->n_blank_rows)
    deduct (self, PUB_CRITERION_COMPLETENESS, by_share (stats->n_blank_rows, stats->n_rows, 1, 2, 2), "blank-row", NULL,
            g_dngettext (GETTEXT_PACKAGE, "%llu row is empty: delete it",
                         "%llu rows are empty: delete them", stats->n_blank_rows),
            ULL (stats->n_blank_rows));
  if (stats->n_duplicate_rows)
    deduct (self, PUB_CRITERION_CONSISTENCY, by_share (stats->n_duplicate_rows, stats->n_rows, 1, 2, 3), "duplicate-row", NULL,
            g_dngettext (GETTEXT_PACKAGE, "%llu row repeats an earlier one exactly: remove the duplicate or add what tells them apart",
                         "%llu rows repeat earlier ones exactly: remove the duplicates or add what tells them apart",
                         stats->n_duplicate_rows),
            ULL (stats->n_duplicate_rows));
  if (!!stats->line_endings[0] + !!stats->line_endings[1] + !!stats->line_endings[2] > 1)
    deduct (self, PUB_CRITERION_CONSISTENCY, 1, "mixed-line-endings", NULL, "%s",
            _("Lines end in different ways in different parts of the file: save it again with a single kind of line ending"));
}

static void
score_columns (PubQualityScore   *self,
               const PubCsvStats *stats)
{
  double empty_points = 0, type_points = 0, decimal_points = 0, label_points = 0, comma_points = 0;
  guint64 empty_cells = 0;
  guint64 data_rows = stats->n_rows - stats->n_blank_rows;

  for (guint i = 0; i < stats->n_columns; i++)
    {
      const PubColumnStats *col = &stats->columns[i];
      guint64 ruts = col->n_personal[PUB_PERSONAL_RUT_FORMATTED] + col->n_personal[PUB_PERSONAL_RUT_PLAIN];
      guint64 dates = (col->n_date[0] > 0) + (col->n_date[1] > 0) + (col->n_date[2] > 0);

      empty_cells += col->n_empty;
      if (data_rows && col->n_empty * 2 >= data_rows && empty_points < 3)
        {
          empty_points++;
          deduct (self, PUB_CRITERION_COMPLETENESS, 1, "empty-column", col->name,
                  _("The column '%s' is empty in %u%% of the rows: fill it in, or explain in the description why values are missing"),
                  col->name, (guint) (col->n_empty * 100 / data_rows));
        }
      if (col->n_type_errors && type_points < 6)
        {
          double p = MIN (by_share (col->n_type_errors, data_rows, 1, 2, 3), 6 - type_points);

          type_points += p;
          deduct (self, PUB_CRITERION_COHERENCE, p, "type-error", col->name,
                  g_dngettext (GETTEXT_PACKAGE, "The column '%s' has %llu value that does not fit its type (%s): correct it or leave it empty",
                               "The column '%s' has %llu values that do not fit its type (%s): correct them or leave them empty",
                               col->n_type_errors),
                  col->name, ULL (col->n_type_errors), pub_column_type_to_label (col->type));
        }
      if (col->n_decimal_comma && col->n_decimal_dot && decimal_points < 4)
        {
          decimal_points += 2;
          deduct (self, PUB_CRITERION_CONSISTENCY, 2, "mixed-decimal", col->name,
                  _("The column '%s' uses a decimal comma in %llu rows and a decimal point in %llu: use one format"),
                  col->name, ULL (col->n_decimal_comma), ULL (col->n_decimal_dot));
        }
      else if (col->n_decimal_comma && comma_points < 2)
        {
          comma_points++;
          deduct (self, PUB_CRITERION_ACCESSIBILITY, 1, "decimal-comma", col->name,
                  _("The column '%s' uses a decimal comma: many programs expect a decimal point; consider 1234.56 without thousands separators"),
                  col->name);
        }
      if (dates > 1)
        deduct (self, PUB_CRITERION_CONSISTENCY, 2, "mixed-date-format", col->name,
                _("The column '%s' mixes date formats: write every date the same way, preferably as yyyy-mm-dd"),
                col->name);
      if (col->n_bool_es && col->n_bool_en)
        deduct (self, PUB_CRITERION_CONSISTENCY, 1, "mixed-boolean", col->name,
                _("The column '%s' mixes \"sí/no\" and \"true/false\": use one pair of words"), col->name);

      if (ruts)
        deduct (self, PUB_CRITERION_PRIVACY, 5, "personal-rut", col->name,
                g_dngettext (GETTEXT_PACKAGE, "The column '%s' holds %llu RUT number: remove the column or anonymise it before publishing (Ley 19.628)",
                             "The column '%s' holds %llu RUT numbers: remove the column or anonymise it before publishing (Ley 19.628)", ruts),
                col->name, ULL (ruts));
      if (col->n_personal[PUB_PERSONAL_EMAIL])
        deduct (self, PUB_CRITERION_PRIVACY, 4, "personal-email", col->name,
                g_dngettext (GETTEXT_PACKAGE, "The column '%s' holds %llu e-mail address: remove it unless it is an institutional contact",
                             "The column '%s' holds %llu e-mail addresses: remove them unless they are institutional contacts",
                             col->n_personal[PUB_PERSONAL_EMAIL]),
                col->name, ULL (col->n_personal[PUB_PERSONAL_EMAIL]));
      if (col->n_personal[PUB_PERSONAL_PHONE])
        deduct (self, PUB_CRITERION_PRIVACY, 4, "personal-phone", col->name,
                g_dngettext (GETTEXT_PACKAGE, "The column '%s' holds %llu phone number: remove it unless it is an institutional contact",
                             "The column '%s' holds %llu phone numbers: remove them unless they are institutional contacts",
                             col->n_personal[PUB_PERSONAL_PHONE]),
                col->name, ULL (col->n_personal[PUB_PERSONAL_PHONE]));
      if (col->n_personal[PUB_PERSONAL_RUT_WRONG_DIGIT])
        deduct (self, PUB_CRITERION_PRIVACY, ruts ? 1 : 3, "rut-wrong-digit", col->name,
                g_dngettext (GETTEXT_PACKAGE, "The column '%s' has %llu value that looks like a RUT with a wrong check digit: correct it, and remove or anonymise the column if it identifies people",
                             "The column '%s' has %llu values that look like RUTs with a wrong check digit: correct them, and remove or anonymise the column if they identify people",
                             col->n_personal[PUB_PERSONAL_RUT_WRONG_DIGIT]),
                col->name, ULL (col->n_personal[PUB_PERSONAL_RUT_WRONG_DIGIT]));
      if (col->personal_label && !ruts && !col->n_personal[PUB_PERSONAL_EMAIL] &&
          !col->n_personal[PUB_PERSONAL_PHONE] && !col->n_personal[PUB_PERSONAL_RUT_WRONG_DIGIT] &&
          label_points < 3)
        {
          label_points++;
          deduct (self, PUB_CRITERION_PRIVACY, 1, "personal-label", col->name,
                  _("The name of the column '%s' suggests personal data: check that it does not identify people"),
                  col->name);
        }
    }

  if (stats->n_cells && empty_cells * 5 > stats->n_cells)
    deduct (self, PUB_CRITERION_COMPLETENESS, 2, "empty-cells", NULL,
            _("%u%% of the cells are empty: complete the data or explain the gaps in the description"),
            (guint) (empty_cells * 100 / stats->n_cells));
}

static void
score_encoding (PubQualityScore   *self,
                const PubCsvStats *stats)
{
  if (PUB_ENCODING_IS_UTF16 (stats->encoding))
    deduct (self, PUB_CRITERION_ACCESSIBILITY, 2, "encoding", NULL, "%s",
            _("The file is in UTF-16 (Excel's “Unicode text”): many programs cannot read it; publish the UTF-8 copy instead"));
  else if (stats->encoding == PUB_ENCODING_WINDOWS_1252)
    deduct (self, PUB_CRITERION_ACCESSIBILITY, 2, "encoding", NULL, "%s",
            _("The file is in Windows-1252 (Latin-1): accents will look broken in many programs; publish the UTF-8 copy instead"));
  if (stats->n_invalid_bytes)
    deduct (self, PUB_CRITERION_ACCESSIBILITY, by_share (stats->n_invalid_bytes, stats->n_rows, 1, 2, 3), "encoding-error", NULL,
            g_dngettext (GETTEXT_PACKAGE, "%llu byte is not valid text in the file's encoding: correct it or publish the UTF-8 copy",
                         "%llu bytes are not valid text in the file's encoding: correct them or publish the UTF-8 copy",
                         stats->n_invalid_bytes),
            ULL (stats->n_invalid_bytes));
  if (stats->dialect.delimiter != ',' && stats->dialect.delimiter != '\t')
    deduct (self, PUB_CRITERION_ACCESSIBILITY, 1, "delimiter", NULL,
            _("The file separates values with '%c': a comma is what most programs expect"),
            stats->dialect.delimiter);
}

static int
by_points_cb (gconstpointer a,
              gconstpointer b)
{
  const PubQualityFinding *fa = *(PubQualityFinding * const *) a;
  const PubQualityFinding *fb = *(PubQualityFinding * const *) b;

  if (fa->points != fb->points)
    return fa->points < fb->points ? 1 : -1;
  return (int) fa->criterion - (int) fb->criterion;
}

PubQualityScore *
pub_quality_score_compute (PubFileFormat         format,
                           const PubCsvStats    *stats,
                           CkanValidationReport *report)
{
  PubQualityScore *self = g_object_new (PUB_TYPE_QUALITY_SCORE, NULL);
  double sum = 0, weakest = 10;

  score_format (self, format);
  if (stats)
    {
      score_header (self, stats);
      score_rows (self, stats);
      score_columns (self, stats);
      score_encoding (self, stats);
    }
  else if (report && format == PUB_FORMAT_JSON)
    {
      guint64 n = ckan_validation_report_get_n_errors_of_type (report, "format-error");

      if (n)
        deduct (self, PUB_CRITERION_STRUCTURE, 5, "format-error", NULL, "%s",
                _("The JSON file is malformed or is not a list of records: publish a list of objects with the same keys"));
      if (ckan_validation_report_get_n_errors_of_type (report, "no-data-rows"))
        deduct (self, PUB_CRITERION_COMPLETENESS, 9, "no-data-rows", NULL, "%s",
                _("The list of records is empty: add the data, or choose the file that holds it"));
    }

  /* g_ptr_array_sort is stable: ties keep the order above. */
  g_ptr_array_sort (self->findings, by_points_cb);

  for (guint c = 0; c < PUB_N_CRITERIA; c++)
    self->criteria[c] = 10;
  for (guint i = 0; i < self->findings->len; i++)
    {
      PubQualityFinding *f = g_ptr_array_index (self->findings, i);

      self->criteria[f->criterion] -= f->points;
    }
  for (guint c = 0; c < PUB_N_CRITERIA; c++)
    {
      self->criteria[c] = MAX (1.0, self->criteria[c]);
      sum += self->criteria[c];
      weakest = MIN (weakest, self->criteria[c]);
    }
  /* The mean of the six, but never more than two points above the weakest:
   * a fatal flaw (personal data, a scan) is not averaged away. */
  self->overall = MIN (sum / PUB_N_CRITERIA, weakest + 2);
  self->overall = CLAMP ((double) (gint64) (self->overall * 10 + 0.5) / 10, 1.0, 10.0);
  return self;
}

double
pub_quality_score_get_overall (PubQualityScore *self)
{
  g_return_val_if_fail (PUB_IS_QUALITY_SCORE (self), 0);
  return self->overall;
}

double
pub_quality_score_get_criterion (PubQualityScore     *self,
                                 PubQualityCriterion  criterion)
{
  g_return_val_if_fail (PUB_IS_QUALITY_SCORE (self), 0);
  g_return_val_if_fail (criterion < PUB_N_CRITERIA, 0);
  return self->criteria[criterion];
}

GPtrArray *
pub_quality_score_get_findings (PubQualityScore *self)
{
  g_return_val_if_fail (PUB_IS_QUALITY_SCORE (self), NULL);
  return self->findings;
}
