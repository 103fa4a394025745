#include "compose/report_kinds.h"

#include "compose/index_report.h"
#include "compose/profile.h"

namespace icc {

const ReportKind& index_report_kind() {
    static const ReportKind kind{"index_report", "report/index-report.toml", index_report_sections,
                                 index_report_figures};
    return kind;
}

const ReportKind& profile_kind() {
    static const ReportKind kind{"profile", "report/profile.toml", profile_sections, profile_figures};
    return kind;
}

const std::vector<const ReportKind*>& report_kinds() {
    static const std::vector<const ReportKind*> kinds{&index_report_kind(), &profile_kind()};
    return kinds;
}

std::filesystem::path template_path(const DataRoot& data, const ReportKind& kind) {
    return data.templates() / std::filesystem::path(std::string(kind.template_file));
}

ReportTemplate load_report_template(const DataRoot& data, const ReportKind& kind) {
    return load_report_template(template_path(data, kind), kind.sections(), kind.figures());
}

}  // namespace icc
