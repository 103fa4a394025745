#include "support/pdf_standards.h"

#include <vector>

#include "support/diagnostic.h"
#include "support/wording.h"

namespace icc {

namespace {
constexpr std::string_view expected = "expected \"ua-1\", \"a-2u\" or \"ua-1,a-2u\"";
}

PdfStandards parse_pdf_standards(const std::string& text, std::string_view option) {
    PdfStandards standards{false, false};
    std::vector<Diagnostic> problems;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string item = text.substr(start, comma - start);
        if (item == "ua-1") {
            standards.ua1 = true;
        } else if (item == "a-2u") {
            standards.a2u = true;
        } else {
            Diagnostic problem{Severity::error, {}, std::string(option) + ": " + std::string(expected) +
                                                        ", found \"" + item + "\""};
            if (const std::string guess = closest_match(item, {"ua-1", "a-2u"}); !guess.empty())
                problem.notes.push_back(DiagnosticNote{NoteKind::help, "did you mean \"" + guess + "\"?", {}});
            problems.push_back(std::move(problem));
        }
        start = comma + 1;
    }
    if (!problems.empty()) throw DiagnosticError(std::move(problems));
    return standards;
}

bool is_icc_profile(std::string_view bytes) { return bytes.size() >= 128 && bytes.substr(36, 4) == "acsp"; }

std::string_view icc_colour_space(std::string_view bytes) { return bytes.size() >= 20 ? bytes.substr(16, 4) : ""; }

int icc_components(std::string_view colour_space) {
    return colour_space == "RGB " ? 3 : colour_space == "GRAY" ? 1 : colour_space == "CMYK" ? 4 : 0;
}

std::string to_string(const PdfStandards& standards) {
    if (standards.ua1 && standards.a2u) return "ua-1,a-2u";
    if (standards.ua1) return "ua-1";
    if (standards.a2u) return "a-2u";
    return "none";
}

}  // namespace icc
