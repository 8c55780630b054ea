/* test-check-score.c: the quality score and its recommendations
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pub-check.h"

static PubCheckResult *
check_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "checks", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PubCheckResult *result = pub_check_file_sync (file, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return result;
}

static PubQualityFinding *
find (PubQualityScore *score,
      const char      *finding,
      const char      *field_name)
{
  GPtrArray *findings = pub_quality_score_get_findings (score);

  for (guint i = 0; i < findings->len; i++)
    {
      PubQualityFinding *f = g_ptr_array_index (findings, i);

      if (g_str_equal (f->finding, finding) && g_strcmp0 (f->field_name, field_name) == 0)
        return f;
    }
  return NULL;
}

/* Every point taken from a criterion is accounted for by its findings. */
static void
assert_points_add_up (PubQualityScore *score)
{
  GPtrArray *findings = pub_quality_score_get_findings (score);
  double sum = 0;

  for (guint c = 0; c < PUB_N_CRITERIA; c++)
    {
      double deducted = 0;

      for (guint i = 0; i < findings->len; i++)
        {
          PubQualityFinding *f = g_ptr_array_index (findings, i);

          if (f->criterion == c)
            {
              g_assert_cmpfloat (f->points, >, 0);
              g_assert_nonnull (f->recommendation);
              g_assert_cmpuint (strlen (f->recommendation), >, 20);
              deducted += f->points;
            }
        }
      g_assert_cmpfloat_with_epsilon (pub_quality_score_get_criterion (score, c),
                                      MAX (1.0, 10.0 - deducted), 0.001);
      sum += pub_quality_score_get_criterion (score, c);
    }
  g_assert_cmpfloat (pub_quality_score_get_overall (score), >=, 1.0);
  g_assert_cmpfloat (pub_quality_score_get_overall (score), <=, sum / PUB_N_CRITERIA + 0.05);
}

static void
test_clean_file_scores_ten (void)
{
  g_autoptr(PubCheckResult) r = check_fixture ("clean.csv");
  PubQualityScore *score = pub_check_result_get_score (r);

  g_assert_cmpfloat (pub_quality_score_get_overall (score), ==, 10.0);
  g_assert_cmpuint (pub_quality_score_get_findings (score)->len, ==, 0);
  assert_points_add_up (score);
}

static void
test_mixed_decimals (void)
{
  g_autoptr(PubCheckResult) r = check_fixture ("mixed-decimal.csv");
  PubQualityScore *score = pub_check_result_get_score (r);
  PubQualityFinding *f = find (score, "mixed-decimal", "monto");

  g_assert_nonnull (f);
  g_assert_cmpint (f->criterion, ==, PUB_CRITERION_CONSISTENCY);
  g_assert_cmpstr (f->recommendation, ==,
                   "The column 'monto' uses a decimal comma in 12 rows and a decimal point in 3: use one format");
  g_assert_cmpfloat (pub_quality_score_get_criterion (score, PUB_CRITERION_CONSISTENCY), ==, 8.0);
  assert_points_add_up (score);
}

static void
test_personal_data_dominates (void)
{
  g_autoptr(PubCheckResult) r = check_fixture ("personal.csv");
  PubQualityScore *score = pub_check_result_get_score (r);
  PubQualityFinding *f = find (score, "personal-rut", "rut");

  g_assert_nonnull (f);
  g_assert_nonnull (strstr (f->recommendation, "Ley 19.628"));
  g_assert_nonnull (find (score, "personal-email", "correo"));
  g_assert_nonnull (find (score, "personal-phone", "telefono"));
  g_assert_nonnull (find (score, "personal-label", "nombre"));
  g_assert_cmpfloat (pub_quality_score_get_criterion (score, PUB_CRITERION_PRIVACY), ==, 1.0);
  /* Every other criterion is perfect, yet the file cannot score well. */
  g_assert_cmpfloat (pub_quality_score_get_criterion (score, PUB_CRITERION_STRUCTURE), ==, 10.0);
  g_assert_cmpfloat (pub_quality_score_get_overall (score), ==, 3.0);
  assert_points_add_up (score);
}

static void
test_formats (void)
{
  g_autoptr(PubCheckResult) pdf = check_fixture ("report.pdf");
  g_autoptr(PubCheckResult) xlsx = check_fixture ("sheet.xlsx");
  g_autoptr(PubCheckResult) latin1 = check_fixture ("latin1.csv");
  PubQualityFinding *f;

  g_assert_nonnull (find (pub_check_result_get_score (pdf), "not-machine-readable", NULL));
  g_assert_cmpfloat (pub_quality_score_get_overall (pub_check_result_get_score (pdf)), <=, 3.0);
  assert_points_add_up (pub_check_result_get_score (pdf));

  f = find (pub_check_result_get_score (xlsx), "spreadsheet", NULL);
  g_assert_nonnull (f);
  g_assert_cmpint (f->criterion, ==, PUB_CRITERION_ACCESSIBILITY);
  g_assert_nonnull (strstr (f->recommendation, "CSV"));

  f = find (pub_check_result_get_score (latin1), "encoding", NULL);
  g_assert_nonnull (f);
  g_assert_nonnull (strstr (f->recommendation, "UTF-8"));
  g_assert_nonnull (find (pub_check_result_get_score (latin1), "delimiter", NULL));
}

static void
test_errors_cost_points (void)
{
  static const struct { const char *file; const char *finding; PubQualityCriterion criterion; } cases[] = {
    { "blank-label.csv", "blank-label", PUB_CRITERION_STRUCTURE },
    { "duplicate-label.csv", "duplicate-label", PUB_CRITERION_STRUCTURE },
    { "missing-header.csv", "missing-header", PUB_CRITERION_STRUCTURE },
    { "extra-cell.csv", "extra-cell", PUB_CRITERION_STRUCTURE },
    { "missing-cell.csv", "missing-cell", PUB_CRITERION_STRUCTURE },
    { "blank-row.csv", "blank-row", PUB_CRITERION_COMPLETENESS },
    { "duplicate-row.csv", "duplicate-row", PUB_CRITERION_CONSISTENCY },
    { "type-error.csv", "type-error", PUB_CRITERION_COHERENCE },
    { "utf8-invalid.csv", "encoding-error", PUB_CRITERION_ACCESSIBILITY },
    { "truncated.csv", "source-error", PUB_CRITERION_STRUCTURE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PubCheckResult) r = check_fixture (cases[i].file);
      PubQualityScore *score = pub_check_result_get_score (r);
      GPtrArray *findings = pub_quality_score_get_findings (score);
      PubQualityFinding *f = NULL;

      for (guint j = 0; j < findings->len && !f; j++)
        if (g_str_equal (((PubQualityFinding *) g_ptr_array_index (findings, j))->finding, cases[i].finding))
          f = g_ptr_array_index (findings, j);
      g_assert_nonnull (f);
      g_assert_cmpint (f->criterion, ==, cases[i].criterion);
      g_assert_cmpfloat (pub_quality_score_get_criterion (score, cases[i].criterion), <, 10.0);
      g_assert_cmpfloat (pub_quality_score_get_overall (score), <, 10.0);
      assert_points_add_up (score);
    }
}

static void
test_deterministic (void)
{
  g_autoptr(PubCheckResult) a = check_fixture ("semicolon.csv");
  g_autoptr(PubCheckResult) b = check_fixture ("semicolon.csv");
  GPtrArray *fa = pub_quality_score_get_findings (pub_check_result_get_score (a));
  GPtrArray *fb = pub_quality_score_get_findings (pub_check_result_get_score (b));

  g_assert_cmpfloat (pub_quality_score_get_overall (pub_check_result_get_score (a)), ==,
                     pub_quality_score_get_overall (pub_check_result_get_score (b)));
  g_assert_cmpuint (fa->len, ==, fb->len);
  g_assert_cmpuint (fa->len, >, 0);
  for (guint i = 0; i < fa->len; i++)
    g_assert_cmpstr (((PubQualityFinding *) g_ptr_array_index (fa, i))->recommendation, ==,
                     ((PubQualityFinding *) g_ptr_array_index (fb, i))->recommendation);
  /* Costliest first. */
  for (guint i = 1; i < fa->len; i++)
    g_assert_cmpfloat (((PubQualityFinding *) g_ptr_array_index (fa, i - 1))->points, >=,
                       ((PubQualityFinding *) g_ptr_array_index (fa, i))->points);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check-score/clean", test_clean_file_scores_ten);
  g_test_add_func ("/check-score/mixed-decimals", test_mixed_decimals);
  g_test_add_func ("/check-score/personal", test_personal_data_dominates);
  g_test_add_func ("/check-score/formats", test_formats);
  g_test_add_func ("/check-score/errors", test_errors_cost_points);
  g_test_add_func ("/check-score/deterministic", test_deterministic);

  return g_test_run ();
}
