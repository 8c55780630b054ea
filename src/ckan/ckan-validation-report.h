/* ckan-validation-report.h: one validation report, local or from a portal
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One finding. `type` is a Frictionless error type name ("type-error",
 * "blank-label", ...) so local and portal reports read the same. `cell` is
 * already masked when it held personal data: the model never sees the raw
 * value of such a cell. */
typedef struct
{
  char   *type;
  char   *title;          /* the portal's own title, NULL for local checks */
  char   *message;
  char   *cell;
  char   *field_name;
  char   *task;           /* the table it belongs to when a report has several */
  gint64  row_number;     /* Frictionless numbering: the header is row 1; 0: none */
  int     field_number;   /* 1-based; 0: none */
  gint64  byte_offset;    /* encoding errors: position in the file; -1: none */
} CkanValidationError;

#define CKAN_TYPE_VALIDATION_ERROR (ckan_validation_error_get_type ())

GType                ckan_validation_error_get_type (void) G_GNUC_CONST;
CkanValidationError *ckan_validation_error_new      (const char                *type,
                                                     gint64                     row_number,
                                                     int                        field_number,
                                                     const char                *field_name,
                                                     const char                *cell,
                                                     const char                *message);
CkanValidationError *ckan_validation_error_copy     (const CkanValidationError *error);
void                 ckan_validation_error_free     (CkanValidationError       *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CkanValidationError, ckan_validation_error_free)

/* Which shape a report was read from. */
typedef enum {
  CKAN_VALIDATION_SHAPE_LOCAL,
  CKAN_VALIDATION_SHAPE_FRICTIONLESS_V5,
  CKAN_VALIDATION_SHAPE_FRICTIONLESS_V4,
  CKAN_VALIDATION_SHAPE_GOODTABLES,
} CkanValidationShape;

#define CKAN_VALIDATION_DEFAULT_CAP 1000

#define CKAN_TYPE_VALIDATION_REPORT (ckan_validation_report_get_type ())

G_DECLARE_FINAL_TYPE (CkanValidationReport, ckan_validation_report, CKAN, VALIDATION_REPORT, GObject)

/* Keeps at most `cap` errors of each type (0: the default) and counts the
 * rest, so a file with millions of errors stays small. */
CkanValidationReport *ckan_validation_report_new           (guint                 cap);

/* Parses what resource_validation_show returns ({status, report, ...}, the
 * report possibly a JSON-encoded string) or a bare report in any of the
 * three shapes, including this model's own JSON export. */
CkanValidationReport *ckan_validation_report_new_from_json (JsonNode             *node,
                                                            GError              **error);
CkanValidationReport *ckan_validation_report_new_from_data (const char           *json,
                                                            gssize                length,
                                                            GError              **error);

/* Takes ownership of `error`. Returns TRUE when it was stored, FALSE when
 * only counted because its type is over the cap. */
gboolean     ckan_validation_report_take_error     (CkanValidationReport *self,
                                                    CkanValidationError  *error);
gboolean     ckan_validation_report_add_error      (CkanValidationReport *self,
                                                    const char           *type,
                                                    gint64                row_number,
                                                    int                   field_number,
                                                    const char           *field_name,
                                                    const char           *cell,
                                                    const char           *message);
/* TRUE when another error of `type` would be stored: callers on a hot path
 * check this before building a message, then call count_errors instead. */
gboolean     ckan_validation_report_has_room       (CkanValidationReport *self,
                                                    const char           *type);
void         ckan_validation_report_count_errors   (CkanValidationReport *self,
                                                    const char           *type,
                                                    guint64               n);
void         ckan_validation_report_add_warning    (CkanValidationReport *self,
                                                    const char           *warning);

guint64      ckan_validation_report_get_n_errors          (CkanValidationReport *self);
guint64      ckan_validation_report_get_n_errors_of_type  (CkanValidationReport *self,
                                                           const char           *type);
/* The types seen, in the order they first appeared. */
GStrv        ckan_validation_report_dup_types             (CkanValidationReport *self);
/* Puts the types in the order of the row of their first stored error
 * (row 0, the file or its header, first); ties keep their order. The
 * local checks call it so their report reads in file order however the
 * file was split between threads. */
void         ckan_validation_report_sort_types_by_row     (CkanValidationReport *self);
/* Stored errors of a type, in order; NULL when none. Owned by the report. */
GPtrArray   *ckan_validation_report_get_errors_of_type    (CkanValidationReport *self,
                                                           const char           *type);
const char * const *ckan_validation_report_get_warnings   (CkanValidationReport *self);
guint        ckan_validation_report_get_cap               (CkanValidationReport *self);

/* Valid unless it holds an error, or the portal said it is not. */
gboolean     ckan_validation_report_get_valid      (CkanValidationReport *self);
void         ckan_validation_report_set_valid      (CkanValidationReport *self,
                                                    gboolean              valid);
CkanValidationShape ckan_validation_report_get_shape (CkanValidationReport *self);
void         ckan_validation_report_set_shape      (CkanValidationReport *self,
                                                    CkanValidationShape   shape);

/* The portal's job: created, running, success, failure, error; NULL local. */
const char  *ckan_validation_report_get_status     (CkanValidationReport *self);
void         ckan_validation_report_set_status     (CkanValidationReport *self,
                                                    const char           *status);
/* The job's own error text (status "error"), or NULL. */
const char  *ckan_validation_report_get_job_error  (CkanValidationReport *self);
const char  *ckan_validation_report_get_created    (CkanValidationReport *self);
const char  *ckan_validation_report_get_finished   (CkanValidationReport *self);

/* What was looked at; -1 when unknown. */
void         ckan_validation_report_set_stats      (CkanValidationReport *self,
                                                    gint64                rows,
                                                    gint64                fields,
                                                    gint64                bytes);
gint64       ckan_validation_report_get_rows       (CkanValidationReport *self);
gint64       ckan_validation_report_get_fields     (CkanValidationReport *self);
gint64       ckan_validation_report_get_bytes      (CkanValidationReport *self);

/* Returns a masked copy of `value`, or NULL to keep it. */
typedef char *(*CkanValidationMaskFunc) (const char *value,
                                         gpointer    user_data);

/* Runs `func` over every stored cell; where it masks one, the raw value is
 * also replaced in the error's message and title (portals quote cells in
 * their messages). Used on portal reports, whose cells come unmasked. */
void         ckan_validation_report_mask_cells     (CkanValidationReport  *self,
                                                    CkanValidationMaskFunc func,
                                                    gpointer               user_data);

/* Exports. Cells are exported as stored (masked where personal). */
char        *ckan_validation_report_to_json        (CkanValidationReport *self);
char        *ckan_validation_report_to_csv         (CkanValidationReport *self);

const char  *ckan_validation_shape_to_string       (CkanValidationShape   shape);

G_END_DECLS
