#pragma once
// The result of layout: pages of positioned, already-shaped content. Render
// only draws what is here; it makes no layout decisions. Tests assert the
// typesetting rules on this structure rather than on the PDF.
#include <pango/pango.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "charts/chart_spec.h"
#include "support/geometry.h"
#include "support/handles.h"
#include "support/locale.h"  // Date

namespace icc {

// What a placed box is in the document's structure: the tagged PDF's
// element types come from here, and artifacts (what a reader does not read:
// running heads, folios, rules, backgrounds, repeated table headers) are
// told apart from content.
enum class Role : std::uint8_t {
    cover_text,      // kicker, title, subtitle and details of the cover
    heading,         // BoxTag::level says which
    paragraph,
    callout_title,   // the title line of a call-out
    list_label,      // a bullet or an item number
    list_body,       // an item's text
    header_cell,
    data_cell,
    caption,
    figure,
    contents_entry,  // a heading's line in the table of contents
    contents_page,   // the page number of a contents entry
    link,
    // Artifacts:
    running_head,
    folio,
    rule,
    background,
    repeated_header,  // a table's header row again on a continuation page
};

[[nodiscard]] constexpr bool is_artifact(Role role) { return role >= Role::running_head; }
[[nodiscard]] const char* role_name(Role role);

// Where a box comes from: the block of the document (by index in
// Document::blocks), its role and its language. Artifacts of the page
// furniture belong to no block.
struct BoxTag {
    static constexpr std::size_t no_block = std::numeric_limits<std::size_t>::max();
    std::size_t block = no_block;
    Role role = Role::paragraph;
    int level = 0;    // heading level (1-6); 0 for other roles
    int part = -1;    // call-outs: which of its paragraphs or lists
    int item = -1;    // list item; table row (-1 for the header); contents entry
    int column = -1;  // table cells
    std::string language;  // BCP 47 tag, the document's unless the block says otherwise
};

struct FillBox {
    Rect box;
    Color color;
    bool furniture = false;  // a rule of the running header, drawn in the margin
    BoxTag tag{BoxTag::no_block, Role::background};
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
    BoxTag tag;
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
    BoxTag tag{BoxTag::no_block, Role::figure};
};

// A clickable area: a web link (url) or a jump to a named destination.
struct LinkBox {
    Rect box;
    std::string url;
    std::string destination;
    BoxTag tag{BoxTag::no_block, Role::link};  // the block whose text links
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
    std::string language;       // BCP 47 tag
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

// What the PDF says about itself, from the composed document: render needs
// nothing else.
struct DocumentMetadata {
    std::string title;
    std::string author;
    std::string subject;
    std::string keywords;
    std::string language;        // BCP 47 tag of the document
    bool right_to_left = false;  // reading direction of its pages
    Date date;                   // from the data, never the clock
};

struct LaidOutDocument {
    DocumentMetadata metadata;
    PageGeometry geometry;
    std::vector<LaidOutPage> pages;
    std::vector<HeadingPlacement> headings;  // reading order
    std::vector<ContentsEntry> contents;
};

}  // namespace icc
