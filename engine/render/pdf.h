#pragma once
// Draws laid-out pages into a PDF with cairo, then finishes the file with
// qpdf: document language (/Lang), viewer preferences and a deterministic
// /ID, which cairo 1.16 cannot write. The file appears atomically.
#include <filesystem>
#include <string>

#include "layout/page.h"
#include "support/fonts.h"
#include "support/pdf_standards.h"

namespace icc {

// Throws DiagnosticError naming `output` if it cannot be written; in that case
// nothing is left at `output` (an earlier file there is untouched).
// Charts are drawn with `fonts`, the font set the pages were laid out with.
struct RenderOptions {
    // Tagged PDF: the structure tree, artifacts, XMP metadata
    // (docs/accessibility.md). Off: the figures and links alone are tagged.
    bool tagged = true;
    // What the file claims to meet, in its XMP metadata. UA-1 needs `tagged`
    // (the command line refuses the one without the other); A-2u adds
    // `output_intent` to the file.
    PdfStandards standards;
    OutputIntent output_intent;
};

// What of the options can change a byte of the file, for cache keys:
// "tagged PDF/UA-1" (the default), "untagged", or the standards claimed and
// the output intent's profile digest ("tagged; ua-1,a-2u; output intent sRGB
// IEC61966-2.1 sha256:...").
std::string describe_for_cache(const RenderOptions& options);

// The document's metadata (title, language...) comes with the pages.
void render_pdf(const LaidOutDocument& pages, const FontSet& fonts, const std::filesystem::path& output,
                const RenderOptions& options = {});

}  // namespace icc
