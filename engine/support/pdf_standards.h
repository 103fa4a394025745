#pragma once
// The PDF standards a file claims to meet, as `--pdf-standard` (report,
// profile, build) and `pdfcheck --profile` name them: "ua-1" (PDF/UA-1,
// ISO 14289-1), "a-2u" (PDF/A-2u, ISO 19005-2) or both, "ua-1,a-2u". The
// writer and the checker read the same words, so what one writes the other
// checks (docs/accessibility.md).
#include <string>
#include <string_view>

namespace icc {

struct PdfStandards {
    bool ua1 = true;   // PDF/UA-1: tagged, with its XMP identification
    bool a2u = false;  // PDF/A-2u: an output intent and the PDF/A identification

    friend bool operator==(const PdfStandards&, const PdfStandards&) = default;
};

// "ua-1", "a-2u" or both separated by a comma, in any order. Throws
// DiagnosticError naming `option` ("--pdf-standard", "--profile") for
// anything else, every wrong item at once, with did-you-mean.
PdfStandards parse_pdf_standards(const std::string& text, std::string_view option);

// "ua-1", "a-2u", "ua-1,a-2u", or "none".
std::string to_string(const PdfStandards& standards);

// The colour space every colour of a PDF/A file is meant in: an ICC profile,
// embedded as the file's output intent (ISO 19005-2, 6.2.2). Plain bytes, read
// by load/output_intent.h from templates/style/pdf.toml.
// An ICC profile's header (ICC.1:2010, 7.2): the file signature "acsp" at
// byte 36, the data colour space at byte 16.
bool is_icc_profile(std::string_view bytes);
std::string_view icc_colour_space(std::string_view bytes);  // "RGB ", "GRAY", "CMYK"...
// The components of a colour space PDF/A accepts for an output intent (3, 1, 4), else 0.
int icc_components(std::string_view colour_space);

struct OutputIntent {
    std::string identifier;  // /OutputConditionIdentifier, e.g. "sRGB IEC61966-2.1"
    std::string info;        // /Info: a human-readable name of the condition
    std::string profile;     // the ICC profile's bytes
    int components = 3;      // /N: 3 for an RGB profile
};

}  // namespace icc
