#include "support/toml_source.h"

#include "support/atomic_file.h"

namespace icc {

toml::table parse_toml_file(const std::filesystem::path& path) {
    std::string text = read_file(path);
    try {
        return toml::parse(text, path.string());
    } catch (const toml::parse_error& e) {
        throw DiagnosticError(Diagnostic{Severity::error, location_of(e.source(), path.string()),
                                         "invalid TOML: " + std::string(e.description())});
    }
}

SourceLocation location_of(const toml::source_region& region, const std::string& file) {
    SourceLocation where{file, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
    if (region.end.line > region.begin.line ||
        (region.end.line == region.begin.line && region.end.column > region.begin.column)) {
        where.end_line = static_cast<int>(region.end.line);
        where.end_column = static_cast<int>(region.end.column);
    }
    return where;
}

SourceLocation location_of(const toml::node& node, const std::string& file) { return location_of(node.source(), file); }

SourceLocation location_of(const toml::key& key, const std::string& file) { return location_of(key.source(), file); }

std::string describe_type(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a number";
        case toml::node_type::boolean: return "a boolean";
        case toml::node_type::date: return "a date";
        case toml::node_type::time: return "a time";
        case toml::node_type::date_time: return "a date-time";
        case toml::node_type::array: return "an array";
        case toml::node_type::table: return "a table";
        default: return "nothing";
    }
}

}  // namespace icc
