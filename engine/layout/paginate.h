#pragma once
// Turns a document into pages. Text is shaped with Pango on the engine's own
// fonts and hyphenated with the patterns of its language. The page builder
// keeps headings with what follows them, leaves at least two lines of a
// paragraph at the foot and head of a page, never splits figures or
// call-outs, repeats table headers on continuation pages, fills in the table
// of contents with the pages the headings landed on, and adds the running
// header, the footer and the page labels.
#include "compose/document.h"
#include "layout/hyphenation.h"
#include "layout/page.h"
#include "support/fonts.h"

namespace icc {

// `hyphenation` is the process's set of loaded patterns (of
// fonts.hyphenation_folder()): what a document loads stays loaded for the next.
LaidOutDocument paginate(const Document& document, const FontSet& fonts, const HyphenationDictionaries& hyphenation);
// One document alone: its patterns are loaded for it and dropped after.
LaidOutDocument paginate(const Document& document, const FontSet& fonts);

}  // namespace icc
