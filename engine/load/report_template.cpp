#include "load/report_template.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "support/toml_reader.h"
#include "support/wording.h"

namespace icc {

bool ReportTemplate::has(const std::string& section) const {
    return std::find(sections.begin(), sections.end(), section) != sections.end();
}

double ReportTemplate::figure_height(const std::string& figure) const {
    auto it = figure_heights.find(figure);
    if (it == figure_heights.end()) throw std::out_of_range("no height for figure '" + figure + "'");
    return it->second;
}

ReportTemplate load_report_template(const std::filesystem::path& path, const std::vector<std::string>& known_sections,
                                    const std::vector<std::string>& known_figures) {
    DiagnosticSink sink;
    ReportTemplate result;
    result.source_file = path.string();
    if (const auto document = TomlDocument::read(path, sink)) {
        TableReader root = document->root(sink);
        const TomlValue sections = root["sections"];
        if (!sections) sections.missing("the list of section kinds in reading order");
        std::map<std::string, SourceLocation> listed;
        for (const TomlValue& item : sections.items()) {
            const auto kind = item.required<std::string>({.what = "a section kind"});
            if (!kind) continue;
            if (std::find(known_sections.begin(), known_sections.end(), *kind) == known_sections.end()) {
                const std::string closest = closest_match(*kind, known_sections);
                item.error("unknown section kind '" + *kind + "'; expected one of " +
                               join_alternatives(known_sections),
                           closest.empty() ? std::vector<DiagnosticNote>{}
                                           : std::vector<DiagnosticNote>{{NoteKind::help, "did you mean " +
                                                                                              in_quotes(closest) + "?"}});
            } else if (auto [first, inserted] = listed.emplace(*kind, item.where()); !inserted) {
                item.error(in_quotes(*kind) + " appears twice", {{NoteKind::note, "first listed here", first->second}});
            } else {
                result.sections.push_back(*kind);
            }
        }
        if (std::optional<TableReader> contents = root.optional_table("contents"))
            result.contents_depth = contents->optional<int>("depth", {.min = 1, .max = 4}).value_or(2);
        if (std::optional<TableReader> conclusions = root.optional_table("conclusions")) {
            result.strengths = conclusions->optional<int>("strengths", {.min = 1, .max = 12}).value_or(3);
            result.priorities = conclusions->optional<int>("priorities", {.min = 1, .max = 12}).value_or(3);
        }
        if (std::optional<TableReader> completeness = root.optional_table("completeness"))
            result.minimum_answered_percent =
                completeness
                    ->optional<double>("minimum_answered_percent",
                                       {.what = "a percentage of the scored questions, from 0 to 100", .min = 0, .max = 100})
                    .value_or(0);
        if (std::optional<TableReader> figures = root.required_table("figures"))
            for (const std::string& name : known_figures)
                if (auto height = figures->required<double>(name, {.what = "the figure's height in points, from 40 "
                                                                            "to 700",
                                                                    .min = 40, .max = 700}))
                    result.figure_heights[name] = *height;
    }
    sink.throw_if_errors();
    return result;
}

}  // namespace icc
