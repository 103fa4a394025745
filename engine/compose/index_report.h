#pragma once
// The Index Report: what the secretariat sends a city. Sections follow the
// report template (templates/report/index-report.toml); every sentence comes
// from the locale catalog.
#include "compose/document.h"
#include "compose/report_data.h"
#include "load/report_template.h"
#include "support/fonts.h"
#include "support/locale.h"

namespace icc {

// The section kinds and figure names the composer knows (for the template loader).
const std::vector<std::string>& index_report_sections();
const std::vector<std::string>& index_report_figures();

// Charts draw with `fonts` and `catalog` when the document is rendered: both
// must outlive the returned document.
Document compose_index_report(const CityReportData& data, const ReportTemplate& report, const Catalog& catalog,
                              const FontSet& fonts);

}  // namespace icc
