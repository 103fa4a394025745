#pragma once
// The output intent of PDF/A files, as data: templates/style/pdf.toml names
// the ICC profile (a file a Debian package ships) and the condition's name;
// the profile's bytes are read here, so render receives a plain value.
#include <filesystem>

#include "support/pdf_standards.h"

namespace icc {

// Throws DiagnosticError, every problem at once: the file or a key missing or
// of the wrong kind (file:line:col), the profile missing (with the package
// that ships it) or not an RGB, grey or CMYK ICC profile.
OutputIntent load_output_intent(const std::filesystem::path& file);

}  // namespace icc
