/* test-validation-report-view.c: the report view with local and portal
 * reports. With PUB_SCREENSHOT_DIR set, it also saves what it shows as PNGs.
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "pub-validation-report-view.h"

static void
flush_events (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found)
        return found;
    }
  return NULL;
}

/* Every visible row title and label text under `root`, one per line. */
static void
collect_text (GtkWidget *root,
              GString   *out)
{
  if (!gtk_widget_get_visible (root) || !gtk_widget_get_child_visible (root))
    return;
  if (ADW_IS_PREFERENCES_ROW (root))
    g_string_append_printf (out, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)));
  if (ADW_IS_ACTION_ROW (root) && adw_action_row_get_subtitle (ADW_ACTION_ROW (root)))
    g_string_append_printf (out, "%s\n", adw_action_row_get_subtitle (ADW_ACTION_ROW (root)));
  if (ADW_IS_EXPANDER_ROW (root) && adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (root)))
    g_string_append_printf (out, "%s\n", adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (root)));
  if (GTK_IS_LABEL (root))
    g_string_append_printf (out, "%s\n", gtk_label_get_label (GTK_LABEL (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static void
count_icons (GtkWidget *widget,
             guint     *n_icons,
             guint     *n_shown)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), "personal-icon") == 0)
    {
      (*n_icons)++;
      *n_shown += gtk_widget_get_opacity (widget) > 0;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    count_icons (c, n_icons, n_shown);
}

static char *
text_of (GtkWidget *root)
{
  GString *out = g_string_new (NULL);

  collect_text (root, out);
  return g_string_free (out, FALSE);
}

static void
expand_all (GtkWidget *root)
{
  if (ADW_IS_EXPANDER_ROW (root))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (root), TRUE);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    expand_all (child);
  flush_events ();
}

static guint
count_error_rows (GtkWidget *root)
{
  guint n = gtk_widget_has_css_class (root, "error-row") ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_error_rows (child);
  return n;
}

static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  const char *dir = g_getenv ("PUB_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (!dir)
    return;
  flush_events ();
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  /* A window that was just resized has nothing to paint until its next frame. */
  for (int tries = 0; !node && tries < 100; tries++)
    {
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (!node)
        {
          g_usleep (10000);
          flush_events ();
        }
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static GtkWidget *
show_in_window (GtkWidget *view,
                int        width,
                int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (view))
    g_main_context_iteration (NULL, TRUE);
  flush_events ();
  return window;
}

static PubCheckResult *
check_text (const char *text)
{
  return pub_check_data (text, strlen (text), "datos.csv", NULL);
}

static CkanValidationReport *
load_portal (const char *name)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "checks", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  CkanValidationReport *report;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  report = ckan_validation_report_new_from_data (contents, -1, &error);
  g_assert_no_error (error);
  return report;
}

static void
test_empty_state (void)
{
  GtkWidget *view = pub_validation_report_view_new ();
  GtkWidget *window = show_in_window (view, 600, 500);
  g_autofree char *text = text_of (view);

  g_assert_nonnull (strstr (text, "No Report Yet"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_local_report (void)
{
  GString *csv = g_string_new ("region,monto,fecha,rut,correo\n");
  g_autoptr(PubCheckResult) result = NULL;
  GtkWidget *view = pub_validation_report_view_new ();
  GtkWidget *window;
  GtkWidget *expander, *more;
  g_autofree char *text = NULL;

  for (int i = 0; i < 1000; i++)
    g_string_append_printf (csv, "Region %d,%d,2024-01-%02d,%s,\n", i % 16, i * 7, i % 28 + 1,
                            i % 3 ? "" : "12.345.678-5");
  for (int i = 0; i < 120; i++)
    g_string_append_printf (csv, "Region X,mil,2024-01-01,,persona%d@example.cl\n", i);
  g_string_append (csv, ",,,,\n");
  result = check_text (csv->str);
  g_string_free (csv, TRUE);

  pub_validation_report_view_set_result (PUB_VALIDATION_REPORT_VIEW (view), result);
  window = show_in_window (view, 900, 1400);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_named (view, "type-error")), TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_named (view, "personal-data")), TRUE);
  flush_events ();
  text = text_of (view);

  /* The score, the six criteria, plain titles and counts. */
  g_assert_nonnull (strstr (text, "out of 10"));
  g_assert_nonnull (strstr (text, "Privacy"));
  g_assert_nonnull (strstr (text, "Structure"));
  g_assert_nonnull (find_named (view, "privacy"));
  g_assert_nonnull (strstr (text, "Wrong data type"));
  g_assert_nonnull (strstr (text, "120 errors"));
  g_assert_nonnull (strstr (text, "Empty row"));
  g_assert_nonnull (strstr (text, "Personal data"));
  g_assert_nonnull (strstr (text, "1121 rows · 5 columns · UTF-8 · separator «,»"));
  g_assert_null (strstr (text, "Save a _UTF-8 Copy"));
  /* Each column with its type and the share of empty cells. */
  g_assert_nonnull (strstr (text, "Columns\n"));
  g_assert_nonnull (strstr (text, "monto\nwhole number · 0% empty\n"));
  g_assert_nonnull (strstr (text, "rut\ntext · 70% empty · personal data\n"));
  g_assert_nonnull (strstr (text, "fecha\ndate · 0% empty\n"));
  /* Personal data is counted in columns, as found. */
  g_assert_nonnull (strstr (text, "Personal data\n2 columns with personal data\n"));
  /* Column names line up: each row keeps the icon's room, shown only
   * where there is personal data. */
  {
    guint n_icons = 0, n_shown = 0;

    count_icons (view, &n_icons, &n_shown);
    g_assert_cmpuint (n_icons, ==, 5);
    g_assert_cmpuint (n_shown, ==, 2);
  }
  if (!strstr (text, "Row 1002, column 2 (monto)"))
    g_error ("not shown in:\n%s", text);
  g_assert_nonnull (strstr (text, "«mil» — The value does not fit the column's type (whole number)"));
  /* Personal values only ever appear masked. */
  g_assert_null (strstr (text, "12.345.678-5"));
  g_assert_null (strstr (text, "persona0@example.cl"));
  g_assert_nonnull (strstr (text, "1•.•••.•••-•"));

  /* The first 50 errors of a type are listed; the rest are counted. */
  expander = find_named (view, "type-error");
  g_assert_nonnull (expander);
  g_assert_cmpuint (count_error_rows (expander), ==, 50);
  more = find_named (expander, "more-row");
  g_assert_nonnull (more);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (more)), ==, "And 70 more");

  pub_validation_report_view_set_max_errors_shown (PUB_VALIDATION_REPORT_VIEW (view), 10);
  expander = find_named (view, "type-error");
  g_assert_cmpuint (count_error_rows (expander), ==, 10);

  pub_validation_report_view_set_max_errors_shown (PUB_VALIDATION_REPORT_VIEW (view), 20);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find_named (view, "type-error")), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1400);
  save_screenshot (window, "report-local.png");

  /* Icon-only buttons say what they do. */
  g_assert_nonnull (find_named (view, "GtkMenuButton"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (find_named (view, "GtkMenuButton")), ==, "Export Report");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
validate_again_cb (PubValidationReportView *view,
                   gpointer                 user_data)
{
  (*(guint *) user_data)++;
}

static void
test_portal_shapes (void)
{
  static const char *fixtures[] = { "portal-v5.json", "portal-v4.json", "portal-goodtables.json" };
  static const char *expected[][3] = {
    { "Column without a name", "Wrong data type", "Row 3, column 2 (monto)" },
    { "Repeated column name", "Empty row", "Extra value in a row" },
    { "Repeated column name", "Wrong data type", "Row 3, column 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(CkanValidationReport) report = load_portal (fixtures[i]);
      GtkWidget *view = pub_validation_report_view_new ();
      GtkWidget *window;
      g_autofree char *text = NULL;

      pub_validation_report_view_set_portal (PUB_VALIDATION_REPORT_VIEW (view), report);
      window = show_in_window (view, 800, 900);
      expand_all (view);
      text = text_of (view);
      g_assert_nonnull (strstr (text, "Portal Validation"));
      g_assert_nonnull (strstr (text, "The portal found errors"));
      for (guint j = 0; j < 3; j++)
        if (!strstr (text, expected[i][j]))
          g_error ("%s: \"%s\" not shown in:\n%s", fixtures[i], expected[i][j], text);
      /* No local report: no score. */
      g_assert_null (strstr (text, "out of 10"));
      if (i == 0)
        save_screenshot (window, "report-portal.png");
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
test_portal_personal_values_masked (void)
{
  g_autoptr(CkanValidationReport) report = ckan_validation_report_new_from_data (
    "{\"status\": \"failure\", \"report\": {\"valid\": false, \"tasks\": [{\"errors\": ["
    "{\"type\": \"type-error\", \"rowNumber\": 2, \"fieldNumber\": 1, \"fieldName\": \"n\","
    " \"cell\": \"12.345.678-5\", \"message\": \"Type error in the cell \\\"12.345.678-5\\\" in row 2\"},"
    "{\"type\": \"extra-cell\", \"rowNumber\": 3, \"cells\": [\"ana@example.cl\", \"x\"]}]}]}}", -1, NULL);
  GtkWidget *view = g_object_ref_sink (pub_validation_report_view_new ());
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;

  g_assert_nonnull (report);
  pub_validation_report_view_set_portal (PUB_VALIDATION_REPORT_VIEW (view), report);
  expand_all (view);
  text = text_of (view);
  json = ckan_validation_report_to_json (report);
  g_assert_null (strstr (text, "12.345.678-5"));
  g_assert_null (strstr (json, "12.345.678-5"));
  g_assert_null (strstr (json, "ana@example.cl"));
  g_assert_nonnull (strstr (json, "Type error in the cell \\\"1•.•••.•••-•\\\" in row 2"));
  g_assert_nonnull (strstr (json, "a•••@e•••.cl, x"));
  g_assert_finalize_object (view);
}

static void
test_validate_again (void)
{
  g_autoptr(CkanValidationReport) running = load_portal ("portal-running.json");
  GtkWidget *view = pub_validation_report_view_new ();
  GtkWidget *window = show_in_window (view, 800, 600);
  GtkWidget *button;
  g_autofree char *text = NULL;
  guint emitted = 0;

  g_signal_connect (view, "validate-again", G_CALLBACK (validate_again_cb), &emitted);
  pub_validation_report_view_set_portal (PUB_VALIDATION_REPORT_VIEW (view), running);
  text = text_of (view);
  g_assert_nonnull (strstr (text, "The portal is validating the file"));
  g_assert_null (strstr (text, "Validate _Again"));

  pub_validation_report_view_set_can_validate_again (PUB_VALIDATION_REPORT_VIEW (view), TRUE);
  flush_events ();
  g_clear_pointer (&text, g_free);
  text = text_of (view);
  g_assert_nonnull (strstr (text, "Validate _Again"));
  g_assert_true (gtk_widget_activate_action (view, "report.validate-again", NULL));
  g_assert_cmpuint (emitted, ==, 1);

  /* While the portal works, the button waits. */
  pub_validation_report_view_set_portal_busy (PUB_VALIDATION_REPORT_VIEW (view), TRUE);
  flush_events ();
  button = find_named (view, "GtkButton");
  g_assert_nonnull (button);
  gtk_widget_activate_action (view, "report.validate-again", NULL);
  g_assert_cmpuint (emitted, ==, 1);
  pub_validation_report_view_set_portal_busy (PUB_VALIDATION_REPORT_VIEW (view), FALSE);
  gtk_widget_activate_action (view, "report.validate-again", NULL);
  g_assert_cmpuint (emitted, ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pub_validation_report_view_export_finish (PUB_VALIDATION_REPORT_VIEW (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
test_export (void)
{
  g_autoptr(PubCheckResult) result = check_text ("a,b\n1,2\n3\n1,2\n");
  g_autoptr(CkanValidationReport) portal = load_portal ("portal-v5.json");
  GtkWidget *view = g_object_ref_sink (pub_validation_report_view_new ());
  g_autofree char *dir = g_dir_make_tmp ("pub-report-XXXXXX", NULL);
  g_autoptr(GFile) json_file = g_file_new_build_filename (dir, "r.json", NULL);
  g_autoptr(GFile) csv_file = g_file_new_build_filename (dir, "r.csv", NULL);
  g_autoptr(CkanValidationReport) back = NULL;
  g_autofree char *contents = NULL;
  gboolean done = FALSE;

  pub_validation_report_view_set_result (PUB_VALIDATION_REPORT_VIEW (view), result);
  pub_validation_report_view_set_portal (PUB_VALIDATION_REPORT_VIEW (view), portal);

  pub_validation_report_view_export_async (PUB_VALIDATION_REPORT_VIEW (view), PUB_REPORT_LOCAL,
                                           PUB_REPORT_FORMAT_JSON, json_file, NULL, exported_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_load_contents (json_file, NULL, &contents, NULL, NULL, NULL));
  back = ckan_validation_report_new_from_data (contents, -1, NULL);
  g_assert_nonnull (back);
  g_assert_cmpuint (ckan_validation_report_get_n_errors_of_type (back, "missing-cell"), ==, 1);
  g_assert_cmpuint (ckan_validation_report_get_n_errors_of_type (back, "duplicate-row"), ==, 1);
  g_clear_pointer (&contents, g_free);

  done = FALSE;
  pub_validation_report_view_export_async (PUB_VALIDATION_REPORT_VIEW (view), PUB_REPORT_PORTAL,
                                           PUB_REPORT_FORMAT_CSV, csv_file, NULL, exported_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_load_contents (csv_file, NULL, &contents, NULL, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "type,row,field_number,field_name,cell,message,byte_offset\r\n"));
  g_assert_nonnull (strstr (contents, "type-error,3,2,monto,abc,"));

  g_file_delete (json_file, NULL, NULL);
  g_file_delete (csv_file, NULL, NULL);
  g_rmdir (dir);
  g_assert_finalize_object (view);
}

static void
copy_saved_cb (PubValidationReportView *view,
               GFile                   *dest,
               gpointer                 user_data)
{
  g_assert_nonnull (dest);
  *(GFile **) user_data = g_object_ref (dest);
}

static void
test_utf8_copy (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pub-report-XXXXXX", NULL);
  g_autofree char *src = g_build_filename (TEST_DATA_DIR, "checks", "latin1.csv", NULL);
  g_autofree char *path = g_build_filename (dir, "comunas.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *dest_name = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) dest = NULL;
  g_autoptr(PubCheckResult) result = NULL;
  g_autoptr(PubCheckResult) utf8 = NULL;
  GtkWidget *view = pub_validation_report_view_new ();
  GtkWidget *window;
  gsize len;

  g_assert_true (g_file_get_contents (src, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) len, NULL));
  result = pub_check_file_sync (file, NULL, NULL, NULL, NULL, NULL);
  g_assert_nonnull (result);
  g_signal_connect (view, "utf8-copy-saved", G_CALLBACK (copy_saved_cb), &dest);
  pub_validation_report_view_set_result (PUB_VALIDATION_REPORT_VIEW (view), result);
  window = show_in_window (view, 800, 700);
  {
    g_autofree char *text = text_of (view);

    /* Offered for a Windows-1252 file, and only then. */
    g_assert_nonnull (strstr (text, "Save a _UTF-8 Copy"));
    g_assert_nonnull (strstr (text, "Windows-1252"));
  }
  save_screenshot (window, "report-latin1.png");

  g_assert_true (gtk_widget_activate_action (view, "report.utf8-copy", NULL));
  while (!dest)
    g_main_context_iteration (NULL, TRUE);
  dest_name = g_file_get_basename (dest);
  g_assert_cmpstr (dest_name, ==, "comunas-utf8.csv");
  /* The copy checks as UTF-8 and nothing is left to convert. */
  utf8 = pub_check_file_sync (dest, NULL, NULL, NULL, NULL, NULL);
  g_assert_cmpint (pub_check_result_get_stats (utf8)->encoding, ==, PUB_ENCODING_UTF8);
  g_assert_cmpstr (pub_check_result_get_stats (utf8)->columns[1].name, ==, "población");
  g_assert_false (pub_check_result_wants_utf8_copy (utf8));

  gtk_window_destroy (GTK_WINDOW (window));
  g_file_delete (dest, NULL, NULL);
  g_file_delete (file, NULL, NULL);
  g_rmdir (dir);
}

/* Excel's "Unicode text" (UTF-16) is checked and offered a UTF-8 copy;
 * a file with column names and no rows says there is nothing to publish. */
static void
test_utf16_and_header_only (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pub-report-XXXXXX", NULL);
  g_autofree char *src = g_build_filename (TEST_DATA_DIR, "checks", "excel-unicode.txt", NULL);
  g_autofree char *path = g_build_filename (dir, "comunas.txt", NULL);
  g_autofree char *header_only = g_build_filename (TEST_DATA_DIR, "checks", "header-only.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) empty_file = g_file_new_for_path (header_only);
  g_autoptr(GFile) dest = NULL;
  g_autoptr(PubCheckResult) result = NULL;
  g_autoptr(PubCheckResult) empty = NULL;
  g_autoptr(PubCheckResult) utf8 = NULL;
  GtkWidget *view = pub_validation_report_view_new ();
  GtkWidget *window;
  gsize len;

  g_assert_true (g_file_get_contents (src, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) len, NULL));
  result = pub_check_file_sync (file, NULL, NULL, NULL, NULL, NULL);
  g_signal_connect (view, "utf8-copy-saved", G_CALLBACK (copy_saved_cb), &dest);
  pub_validation_report_view_set_result (PUB_VALIDATION_REPORT_VIEW (view), result);
  window = show_in_window (view, 800, 700);
  {
    g_autofree char *text = text_of (view);

    g_assert_nonnull (strstr (text, "Save a _UTF-8 Copy"));
    g_assert_nonnull (strstr (text, "UTF-16LE"));
    g_assert_nonnull (strstr (text, "10 rows"));
  }
  save_screenshot (window, "report-utf16.png");
  g_assert_true (gtk_widget_activate_action (view, "report.utf8-copy", NULL));
  while (!dest)
    g_main_context_iteration (NULL, TRUE);
  utf8 = pub_check_file_sync (dest, NULL, NULL, NULL, NULL, NULL);
  g_assert_cmpint (pub_check_result_get_stats (utf8)->encoding, ==, PUB_ENCODING_UTF8);
  g_assert_cmpstr (pub_check_result_get_stats (utf8)->columns[1].name, ==, "Año");
  g_assert_cmpuint (pub_check_result_get_stats (utf8)->n_rows, ==, 10);
  gtk_window_destroy (GTK_WINDOW (window));

  empty = pub_check_file_sync (empty_file, NULL, NULL, NULL, NULL, NULL);
  view = pub_validation_report_view_new ();
  pub_validation_report_view_set_result (PUB_VALIDATION_REPORT_VIEW (view), empty);
  window = show_in_window (view, 800, 700);
  expand_all (view);
  {
    g_autofree char *text = text_of (view);

    g_assert_nonnull (strstr (text, "No rows of data"));
    g_assert_nonnull (strstr (text, "no rows of data"));
  }
  save_screenshot (window, "report-header-only.png");
  gtk_window_destroy (GTK_WINDOW (window));

  g_file_delete (dest, NULL, NULL);
  g_file_delete (file, NULL, NULL);
  g_rmdir (dir);
}

static void
test_ai_result (void)
{
  static const char *recommendations[] = { "Agregue una descripción de cada columna", NULL };
  GtkWidget *view = pub_validation_report_view_new ();
  GtkWidget *window = show_in_window (view, 700, 500);
  g_autofree char *text = NULL;

  pub_validation_report_view_set_ai_result (PUB_VALIDATION_REPORT_VIEW (view), 6.5, recommendations);
  text = text_of (view);
  g_assert_nonnull (strstr (text, "Portal's AI Validation"));
  g_assert_nonnull (strstr (text, "Score 6.5 out of 10"));
  g_assert_nonnull (strstr (text, "Agregue una descripción de cada columna"));
  g_assert_null (strstr (text, "No Report Yet"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Only with PUB_SCREENSHOT_DIR: the three typical states, in whatever
 * language the environment asks for (PUB_LOCALEDIR: where the .mo is). */
static void
test_screenshots (void)
{
  static const char *names[] = { "personal.csv", "latin1.csv", "semicolon.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (TEST_DATA_DIR, "checks", names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(PubCheckResult) result = pub_check_file_sync (file, NULL, NULL, NULL, NULL, NULL);
      g_autoptr(CkanValidationReport) portal = load_portal ("portal-v5.json");
      GtkWidget *view = pub_validation_report_view_new ();
      GtkWidget *window;
      g_autofree char *shot = g_strdup_printf ("screen-%u.png", i);

      pub_validation_report_view_set_result (PUB_VALIDATION_REPORT_VIEW (view), result);
      if (i == 0)
        {
          pub_validation_report_view_set_portal (PUB_VALIDATION_REPORT_VIEW (view), portal);
          pub_validation_report_view_set_can_validate_again (PUB_VALIDATION_REPORT_VIEW (view), TRUE);
        }
      window = show_in_window (view, 860, 1900);
      expand_all (view);
      save_screenshot (window, shot);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  if (g_getenv ("PUB_LOCALEDIR"))
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PUB_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  /* Expander rows open at once, without waiting for frames. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  {
    /* The application's style sheet, as the app loads it. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/publicador/Publicador/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add_func ("/ui/validation-report-view/empty", test_empty_state);
  g_test_add_func ("/ui/validation-report-view/local", test_local_report);
  g_test_add_func ("/ui/validation-report-view/portal-shapes", test_portal_shapes);
  g_test_add_func ("/ui/validation-report-view/portal-masked", test_portal_personal_values_masked);
  g_test_add_func ("/ui/validation-report-view/utf16-header-only", test_utf16_and_header_only);
  g_test_add_func ("/ui/validation-report-view/validate-again", test_validate_again);
  g_test_add_func ("/ui/validation-report-view/export", test_export);
  g_test_add_func ("/ui/validation-report-view/ai", test_ai_result);
  g_test_add_func ("/ui/validation-report-view/utf8-copy", test_utf8_copy);
  if (g_getenv ("PUB_SCREENSHOT_DIR"))
    g_test_add_func ("/ui/validation-report-view/screenshots", test_screenshots);

  return g_test_run ();
}
