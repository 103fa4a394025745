#pragma once
// The structure tree of a tagged PDF, planned from the laid-out pages' tags
// (layout/page.h: BoxTag) before anything is drawn.
//
// cairo 1.16 marks the content only of structure elements that have no
// child elements (an element with a child loses its own marked content, see
// docs/accessibility.md), so render tags only leaves through cairo, each
// begun and ended on one page: H1-H6, P, Lbl, LBody, TH, TD, Figure,
// Caption, Link. Everything that groups them (Document, Sect, L, LI,
// Table, THead, TBody, TR, TOC, TOCI, Reference, Div) and what cairo cannot
// write (/Lang, /Alt, /ActualText, /Scope, /BBox) is added afterwards with
// qpdf from this plan (render/tagged_pdf.h). A leaf continued on the next
// page (a paragraph, a list item, a cell over a page break) is one element
// there: its parts share a key.
#include <cstddef>
#include <string>
#include <vector>

#include "layout/page.h"

namespace icc::structure {

// A grouping element on the way from the Document to a leaf.
struct Group {
    std::string type;  // "Sect", "L", "Table"...
    std::string key;   // identity: leaves under equal keys share the element
};

// What is drawn inside a leaf, on its page.
struct Drawn {
    enum class Kind { text, figure } kind = Kind::text;
    std::size_t index = 0;  // into the page's texts or figures
};

struct Leaf {
    std::string type;            // the cairo tag: "P", "H2", "TD", "Link"...
    std::string key;             // equal keys on consecutive leaves: one element continued
    std::vector<Group> path;     // from just under the Document down to the leaf's parent
    std::size_t page = 0;
    std::vector<Drawn> drawn;    // empty for a link drawn after its text
    std::string language;        // set when it differs from the document's
    std::string text;            // the logical text of what is drawn (no soft hyphens)
    bool needs_actual_text = false;  // hyphenated or right-to-left: /ActualText = text
    std::string alt;             // Figure
    Rect bbox;                   // Figure, in page coordinates (y down)
    bool column_header = false;  // TH: /Scope /Column
    // Link: the annotation's rectangle, target and /Contents.
    Rect link_rect;
    std::string url, destination, link_contents;
    std::string owner;           // a link inside text: the key of the leaf whose text links
};

// Every leaf in the order render begins them: page by page, in logical
// (reading) order, right-to-left pages included; on each page the links
// inside text come after the text.
std::vector<Leaf> plan(const LaidOutDocument& document);

}  // namespace icc::structure
