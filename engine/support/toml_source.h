#pragma once
// Parsing TOML input files with diagnostics that name file, line and column.
#include <toml++/toml.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "support/diagnostic.h"

namespace icc {

// Parses a TOML file. A missing file or a syntax error throws DiagnosticError
// "FILE:LINE:COL: error: ..." with toml++'s description of what was expected.
toml::table parse_toml_file(const std::filesystem::path& path);

// Location of a node (or of its parent table when the node has no source).
SourceLocation location_of(const toml::node& node, const std::string& file);
SourceLocation location_of(const toml::source_region& region, const std::string& file);

// The TOML type of a node, as a reader would name it: "a string", "an integer"...
std::string describe_type(const toml::node& node);

}  // namespace icc
