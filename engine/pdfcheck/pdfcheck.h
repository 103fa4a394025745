#pragma once
// `iccreport pdfcheck`: reads a finished PDF with qpdf and verifies the
// machine-checkable conditions of PDF/UA-1 (ISO 14289-1, as the Matterhorn
// Protocol 1.02 lists its failure conditions) and of PDF/A-2u (ISO 19005-2)
// that apply to documents like ours. A tool beside the stages: it depends on
// no stage and reads only the file, so it checks any PDF, ours or not.
// docs/accessibility.md says which checkpoints are checked and which need a
// person.
#include <filesystem>
#include <string>
#include <vector>

#include "support/diagnostic.h"
#include "support/pdf_standards.h"

namespace icc::pdfcheck {

// The profiles checked: the standards `--pdf-standard` makes a file claim,
// named by the same words (support/pdf_standards.h).
using Profiles = PdfStandards;

// "ua-1", "a-2u" or both separated by a comma ("ua-1,a-2u"). Throws
// DiagnosticError naming --profile for anything else.
Profiles parse_profiles(const std::string& text);

// Where a rule comes from; decides how its number is printed.
enum class RuleSource {
    matterhorn,  // a Matterhorn Protocol failure condition: "Matterhorn 14-003"
    pdf_ua,      // a clause of ISO 14289-1 without a Matterhorn number: "PDF/UA-1 7.1"
    pdf_a,       // a clause of ISO 19005-2: "PDF/A-2 6.2.11.4.1"
    pdf,         // a requirement of ISO 32000-1 itself (tagged PDF): "ISO 32000-1 14.7.4"
};

struct Failure {
    RuleSource source = RuleSource::matterhorn;
    std::string rule;  // "14-003", "7.1", "6.2.11.4.1", "14.7.4"
    // Errors make the file fail; a warning is advice (a Figure without /BBox,
    // which Tagged PDF asks for and PDF/UA does not).
    Severity severity = Severity::error;
    int page = 0;        // 1-based; 0: the document as a whole
    int object = 0;      // the PDF object at fault; 0: none in particular
    int generation = 0;
    std::string message;

    // "Matterhorn 14-003", "PDF/A-2 6.2.2", ...
    [[nodiscard]] std::string rule_label() const;
};

struct CheckResult {
    std::string file;
    Profiles profiles;
    int pages = 0;
    int structure_elements = 0;
    int marked_content_sequences = 0;
    std::vector<Failure> failures;  // in the order the checks ran: document, structure, pages

    [[nodiscard]] int errors() const;
    [[nodiscard]] int warnings() const;
};

// Checks one file. Throws DiagnosticError naming the file when it is not a
// PDF qpdf can read; every conformance problem is a Failure instead.
CheckResult check_pdf(const std::filesystem::path& file, const Profiles& profiles);

// Each failure as a diagnostic: "file.pdf: error: page 3, object 45 0: <what> [Matterhorn 14-003]".
std::vector<Diagnostic> to_diagnostics(const CheckResult& result);

// All results as one JSON document (for CI and dashboards).
std::string to_json(const std::vector<CheckResult>& results);

// One line of the text of a tagged PDF read in structure order: the
// structure type of the element that holds the text, and the text.
struct StructureText {
    std::string type;  // as written in /S, e.g. "P"
    std::string text;  // UTF-8, through the fonts' /ToUnicode maps
};

// The text of the document read in the order of its structure tree (depth
// first, marked-content references in /K order), each marked-content
// sequence decoded through its font's /ToUnicode CMap. What a screen reader
// would read; used to cross-check the tree with poppler and pdf.js.
std::vector<StructureText> text_in_structure_order(const std::filesystem::path& file);

}  // namespace icc::pdfcheck
