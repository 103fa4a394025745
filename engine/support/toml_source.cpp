#include "support/toml_source.h"

#include "support/atomic_file.h"

namespace icc {

toml::table parse_toml_file(const std::filesystem::path& path) {
    std::string text = read_file(path);
    try {
        return toml::parse(text, path.string());
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        throw DiagnosticError(Diagnostic{Severity::error,
                                         {path.string(), static_cast<int>(begin.line), static_cast<int>(begin.column)},
                                         "invalid TOML: " + std::string(e.description())});
    }
}

SourceLocation location_of(const toml::source_region& region, const std::string& file) {
    return {file, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

SourceLocation location_of(const toml::node& node, const std::string& file) {
    return location_of(node.source(), file);
}

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
