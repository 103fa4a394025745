#pragma once
// A laid-out document as text, one line per placed box: what the reference
// tests (tests/ref/) compare exactly, and what a typesetter reads to see why
// a page came out as it did.
#include <string>

#include "layout/page.h"

namespace icc {

// Page by page: the page's label, then each box in reading order of its kind
// (blocks, texts, figures, links, fills), with its role, block, language,
// position and size in points (two decimals) and, for texts, the lines it
// shows. A soft hyphen where a line breaks shows as "-", elsewhere not at all.
std::string dump_laid_out(const LaidOutDocument& document);

}  // namespace icc
