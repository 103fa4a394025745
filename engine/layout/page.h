#pragma once
// The result of layout: pages of positioned, already-shaped content. Render
// only draws what is here; it makes no layout decisions. Tests assert the
// typesetting rules on this structure rather than on the PDF.
#include <pango/pango.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "charts/chart_spec.h"
#include "support/handles.h"

namespace icc {

struct Rect {
    double x = 0, y = 0, width = 0, height = 0;
    [[nodiscard]] double right() const { return x + width; }
    [[nodiscard]] double bottom() const { return y + height; }
};

struct Color {
    double r = 0, g = 0, b = 0;
};

// A4 in PostScript points, with the margins of the report design.
struct PageGeometry {
    double width = 595.276;
    double height = 841.890;
    double margin_top = 76;
    double margin_bottom = 80;
    double margin_inner = 72;
    double margin_outer = 72;
    [[nodiscard]] Rect content() const {
        return {margin_inner, margin_top, width - margin_inner - margin_outer, height - margin_top - margin_bottom};
    }
    // Charts may be wider than the text area: this wide, centred on it
    // (never narrower than the text area).
    double figure_width = 0;
    [[nodiscard]] Rect figure_area() const {
        const Rect text = content();
        const double wide = std::max(text.width, std::min(figure_width, width - 36));
        return {text.x + (text.width - wide) / 2, text.y, wide, text.height};
    }
};

struct FillBox {
    Rect box;
    Color color;
    bool furniture = false;  // a rule of the running header, drawn in the margin
};

// Lines [first_line, end_line) of a Pango layout. The layout's line
// `first_line` starts at box.y; box.height covers exactly the lines drawn.
// Several boxes may share one layout when a paragraph runs over a page.
struct TextBox {
    Rect box;
    GObjectPtr<PangoLayout> layout;
    int first_line = 0;
    int end_line = 0;
    double layout_top = 0;   // where the layout's own top edge would be (y of line 0)
    Color color;
    bool furniture = false;  // running header or footer, drawn in the margins
    // Bytes of the layout's text, within this box's lines, where the line
    // breaker added a U+2010 hyphen at the end of a line to divide a word:
    // it is not part of the source text (the PDF's /ActualText drops it).
    std::vector<int> inserted_hyphens;
};

// A chart at its place; the output draws it with charts::draw_chart.
struct FigureBox {
    Rect box;
    charts::ChartSpec chart;
    std::string alt_text;
};

// A clickable area: a web link (url) or a jump to a named destination.
struct LinkBox {
    Rect box;
    std::string url;
    std::string destination;
};

// A named destination: a heading's anchor, at the heading's top-left corner.
struct Destination {
    std::string name;
    double x = 0, y = 0;
};

enum class BlockKind { cover, heading, paragraph, list, table, figure, callout, contents };

// Where a block of the document (by index in Document::blocks) landed on a
// page; a block that continues over a page break has one placement per page.
struct BlockPlacement {
    std::size_t block = 0;
    BlockKind kind = BlockKind::paragraph;
    Rect box;
    bool continued = false;  // continues on the next page
    int table_header_rows = 0;  // tables: header rows drawn on this page
    int table_body_rows = 0;    // tables: body rows (or parts of rows) on this page
};

struct LaidOutPage {
    std::vector<FillBox> fills;
    std::vector<TextBox> texts;
    std::vector<FigureBox> figures;
    std::vector<LinkBox> links;
    std::vector<Destination> destinations;
    std::vector<BlockPlacement> blocks;  // in reading order
    std::string label;                   // PDF page label: "Cover", "2", "3"...
    bool cover = false;
};

// A heading as placed: its number, page, and what the outline shows.
struct HeadingPlacement {
    std::size_t block = 0;
    int level = 1;
    std::string number;      // "2.3", empty when unnumbered
    std::string text;
    std::string anchor;      // destination name
    bool in_toc = true;
    std::size_t page = 0;    // index into pages
    double y = 0;
};

// One line of a table of contents as printed.
struct ContentsEntry {
    std::string anchor;          // the heading it points to
    std::size_t page = 0;        // page (index) the entry is printed on
    std::string printed_number;  // the page number shown
};

struct LaidOutDocument {
    PageGeometry geometry;
    std::vector<LaidOutPage> pages;
    std::vector<HeadingPlacement> headings;  // reading order
    std::vector<ContentsEntry> contents;
};

}  // namespace icc
