#pragma once
// Text as XML character data or attribute value: the SVG exports' titles and
// the PDF's XMP metadata write user and translator text through this one
// function, so no text ever becomes markup.
#include <string>
#include <string_view>

namespace icc {

// `&`, `<`, `>` and `"` as entities; every other byte as it is (UTF-8 passes through).
[[nodiscard]] std::string xml_escaped(std::string_view text);

}  // namespace icc
