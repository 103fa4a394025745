#include "load/report_template.h"

#include <algorithm>
#include <stdexcept>

#include "support/toml_source.h"

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
    const toml::table root = parse_toml_file(path);
    const std::string file = path.string();
    DiagnosticSink sink;
    ReportTemplate result;
    result.source_file = file;

    auto join = [](const std::vector<std::string>& items) {
        std::string text;
        for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
        return text;
    };

    if (const toml::array* sections = root["sections"].as_array()) {
        for (const auto& node : *sections) {
            auto kind = node.value_exact<std::string>();
            if (!kind) {
                sink.error(location_of(node, file), "sections: expected a section kind (a string), found " +
                                                        describe_type(node));
                continue;
            }
            if (std::find(known_sections.begin(), known_sections.end(), *kind) == known_sections.end())
                sink.error(location_of(node, file), "sections: unknown section kind '" + *kind + "'; expected one of: " +
                                                        join(known_sections));
            else if (result.has(*kind))
                sink.error(location_of(node, file), "sections: '" + *kind + "' appears twice");
            else
                result.sections.push_back(*kind);
        }
    } else {
        sink.error({file, 1, 1}, "sections: missing; expected the list of section kinds in reading order");
    }

    auto integer = [&](const char* table, const char* key, int fallback, int low, int high) {
        const toml::node* node = root[table][key].node();
        if (!node) return fallback;
        auto value = node->value_exact<std::int64_t>();
        if (!value || *value < low || *value > high) {
            sink.error(location_of(*node, file), std::string(table) + "." + key + ": expected an integer from " +
                                                     std::to_string(low) + " to " + std::to_string(high));
            return fallback;
        }
        return static_cast<int>(*value);
    };
    result.contents_depth = integer("contents", "depth", 2, 1, 4);
    result.strengths = integer("conclusions", "strengths", 3, 1, 12);
    result.priorities = integer("conclusions", "priorities", 3, 1, 12);

    const toml::table* figures = root["figures"].as_table();
    for (const auto& name : known_figures) {
        const toml::node* node = figures ? figures->get(name) : nullptr;
        if (!node) {
            sink.error(figures ? location_of(*figures, file) : SourceLocation{file, 1, 1},
                       "figures." + name + ": missing; expected the figure's height in points");
            continue;
        }
        auto value = node->value<double>();
        if (!node->is_number() || !value || *value < 40 || *value > 700)
            sink.error(location_of(*node, file), "figures." + name + ": expected a height in points from 40 to 700");
        else
            result.figure_heights[name] = *value;
    }
    if (figures)
        for (const auto& [key, node] : *figures)
            if (std::find(known_figures.begin(), known_figures.end(), std::string(key.str())) == known_figures.end())
                sink.error(location_of(node, file), "figures: unknown figure '" + std::string(key.str()) +
                                                        "'; expected one of: " + join(known_figures));
    sink.throw_if_errors();
    return result;
}

}  // namespace icc
