#pragma once
// The Index Report: what the secretariat sends a city. Sections follow the
// report template (templates/report/index-report.toml); every sentence comes
// from the locale catalog.
#include "compose/document.h"
#include "compose/report_data.h"
#include "load/report_template.h"
#include "support/locale.h"

namespace icc {

// The section kinds and figure names the composer knows (for the template loader).
const std::vector<std::string>& index_report_sections();
const std::vector<std::string>& index_report_figures();

// The document is a value: it outlives `data` and `catalog`.
Document compose_index_report(const CityReportData& data, const ReportTemplate& report, const Catalog& catalog);

}  // namespace icc
