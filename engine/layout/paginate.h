#pragma once
// Turns a document into pages. Text is shaped with Pango on the engine's own
// fonts and hyphenated with the patterns of its language. The page builder
// keeps headings with what follows them, leaves at least two lines of a
// paragraph at the foot and head of a page, never splits figures or
// call-outs, repeats table headers on continuation pages, fills in the table
// of contents with the pages the headings landed on, and adds the running
// header, the footer and the page labels.
#include "compose/document.h"
#include "layout/page.h"
#include "support/fonts.h"

namespace icc {

LaidOutDocument paginate(const Document& document, const FontSet& fonts);

}  // namespace icc
