#pragma once
// Helpers for tests of tagged PDFs (pdfcheck and, later, the tagging itself):
// the text poppler reads in structure order, to compare with pdfcheck's own
// walk of the structure tree (pdfcheck::text_in_structure_order).
#include <filesystem>
#include <string>
#include <vector>

#include "pdfcheck/pdfcheck.h"
#include "test_support.h"

namespace icc::testing {

// The quoted text lines of `pdfinfo -struct-text` (poppler-utils), in order.
inline std::vector<std::string> poppler_structure_text(const std::filesystem::path& pdf) {
    const std::string out = run("pdfinfo -struct-text '" + pdf.string() + "'").out;
    std::vector<std::string> lines;
    std::size_t at = 0;
    while ((at = out.find('"', at)) != std::string::npos) {
        const std::size_t end = out.find("\"\n", at + 1);
        if (end == std::string::npos) break;
        lines.push_back(out.substr(at + 1, end - at - 1));
        at = end + 2;
    }
    return lines;
}

// Text without white space: poppler and pdfcheck place spaces differently
// (poppler guesses them from glyph positions); the characters and their
// order must agree.
inline std::string without_spaces(const std::string& text) {
    std::string result;
    for (char c : text)
        if (c != ' ' && c != '\n' && c != '\t' && c != '\r') result += c;
    return result;
}

inline std::string joined_without_spaces(const std::vector<std::string>& lines) {
    std::string all;
    for (const auto& line : lines) all += without_spaces(line);
    return all;
}

inline std::string structure_text_without_spaces(const std::filesystem::path& pdf) {
    std::string all;
    for (const auto& line : pdfcheck::text_in_structure_order(pdf)) all += without_spaces(line.text);
    return all;
}

}  // namespace icc::testing
