#pragma once
// The low level under support/toml_reader.h: parsing a TOML file, and the
// source range and type name of a TOML++ node, for diagnostics.
#include <toml++/toml.h>

#include <filesystem>
#include <string>

#include "support/diagnostic.h"

namespace icc {

// Parses a TOML file. A missing file or a syntax error throws DiagnosticError
// "FILE:LINE:COL: error: invalid TOML: ..." with toml++'s description.
toml::table parse_toml_file(const std::filesystem::path& path);

// The source range of a node or a key (begin, and end one past the last character).
SourceLocation location_of(const toml::source_region& region, const std::string& file);
SourceLocation location_of(const toml::node& node, const std::string& file);
SourceLocation location_of(const toml::key& key, const std::string& file);

// The TOML type of a node, as a reader would name it: "a string", "an integer"...
std::string describe_type(const toml::node& node);

}  // namespace icc
