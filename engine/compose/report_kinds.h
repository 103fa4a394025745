#pragma once
// The report kinds composed from a report template (templates/report/*.toml),
// listed once: each with its template file and the section kinds and figure
// names its composer knows (compose/section_kinds.h). The drivers load a
// kind's template through here, and `build` digests every kind's template,
// so a new report kind is one row of report_kinds() and its composer.
#include <string>
#include <string_view>
#include <vector>

#include "load/report_template.h"
#include "support/data_root.h"

namespace icc {

struct ReportKind {
    std::string_view name;           // "index_report", "profile": in the engine's own messages
    std::string_view template_file;  // under templates/: "report/index-report.toml"
    const std::vector<std::string>& (*sections)();  // the section kinds its template may name
    const std::vector<std::string>& (*figures)();   // the figure names its template may size
};

const ReportKind& index_report_kind();
const ReportKind& profile_kind();
// Every report kind, in a fixed order.
const std::vector<const ReportKind*>& report_kinds();

// The kind's template file in `data`, and the template read from it (checked
// against the kind's sections and figures; DiagnosticError on bad input).
std::filesystem::path template_path(const DataRoot& data, const ReportKind& kind);
ReportTemplate load_report_template(const DataRoot& data, const ReportKind& kind);

}  // namespace icc
