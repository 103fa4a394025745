#pragma once
// A report template (templates/report/*.toml): which sections a report has,
// in which order, and the few numbers that shape them.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace icc {

struct ReportTemplate {
    std::string source_file;
    std::vector<std::string> sections;     // section kinds, in reading order
    int contents_depth = 2;
    int strengths = 3;
    int priorities = 3;
    std::map<std::string, double> figure_heights;  // by figure name, in points
    // The smallest share of the scored questions an edition must answer for
    // its report to mean something ([completeness] minimum_answered_percent);
    // below it the report is refused unless forced. 0: no threshold.
    double minimum_answered_percent = 0;

    [[nodiscard]] bool has(const std::string& section) const;
    [[nodiscard]] double figure_height(const std::string& figure) const;  // throws std::out_of_range
};

// Reads a template; `known_sections` are the kinds the composer implements.
// Throws DiagnosticError (FILE:LINE:COL) for unknown kinds, duplicates, bad numbers.
ReportTemplate load_report_template(const std::filesystem::path& path, const std::vector<std::string>& known_sections,
                                    const std::vector<std::string>& known_figures);

}  // namespace icc
