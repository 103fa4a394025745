#pragma once
// Draws laid-out pages into a PDF with cairo, then finishes the file with
// qpdf: document language (/Lang), viewer preferences and a deterministic
// /ID, which cairo 1.16 cannot write. The file appears atomically.
#include <filesystem>

#include "layout/page.h"
#include "support/fonts.h"

namespace icc {

// Throws DiagnosticError naming `output` if it cannot be written; in that case
// nothing is left at `output` (an earlier file there is untouched).
// Charts are drawn with `fonts`, the font set the pages were laid out with.
struct RenderOptions {
    // Tagged PDF (PDF/UA-1): the structure tree, artifacts, XMP metadata
    // (docs/accessibility.md). Off: the figures and links alone are tagged.
    bool tagged = true;
};

// The document's metadata (title, language...) comes with the pages.
void render_pdf(const LaidOutDocument& pages, const FontSet& fonts, const std::filesystem::path& output,
                const RenderOptions& options = {});

}  // namespace icc
