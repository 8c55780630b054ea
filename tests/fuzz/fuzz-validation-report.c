/* fuzz-validation-report.c: the portal report parsers on arbitrary JSON
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "ckan-validation-report.h"
#include "pub-check-cell.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CkanValidationReport) report = ckan_validation_report_new_from_data ((const char *) data,
                                                                                 (gssize) size, NULL);
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;

  if (!report)
    return 0;
  ckan_validation_report_mask_cells (report, pub_check_mask_value, NULL);
  json = ckan_validation_report_to_json (report);
  csv = ckan_validation_report_to_csv (report);
  g_assert (json && csv);
  return 0;
}
