#pragma once
// The document model: what a report says, in reading order, with no notion of
// pages or positions. Compose builds it from data and locale strings; layout
// turns it into pages. Every string here is plain text, never markup: emphasis
// and links are fields of a run, and layout turns them into Pango attributes.
//
// The document is a value: no callbacks, no C handles, nothing that refers to
// a font set or a locale catalog. Every string a later stage prints is here
// (chart words inside each figure's ChartSpec; the page furniture's patterns
// in DocumentInfo), so digest(document) is what the document shows.
#include <string>
#include <variant>
#include <vector>

#include "charts/chart_spec.h"
#include "load/page_style.h"
#include "support/locale.h"  // Date

namespace icc {

struct DocumentInfo {
    std::string title;
    std::string author;
    std::string subject;
    std::string keywords;
    std::string language;        // BCP 47 tag, e.g. "fr"; chooses hyphenation patterns
    std::string icu_locale;      // for numbers in page furniture, e.g. "fr_FR"
    bool right_to_left = false;  // paragraph direction; mirrors the page furniture
    Date date;                   // document date, from the data (never the clock)
    std::string running_header;  // printed at the top of each page after the cover
    std::string page_of_pages;   // ICU pattern with {page} and {pages}
    std::string figure_label;    // ICU pattern with {number}, e.g. "Figure {number}"
    std::string cover_label;     // PDF page label of the cover page, e.g. "Cover"
};

// A stretch of inline text sharing one style. A run links somewhere when it
// has a url (web link) or an anchor (the anchor of a heading in the document).
struct TextRun {
    std::string text;
    bool bold = false;
    bool italic = false;
    std::string url;
    std::string anchor;

    static TextRun plain(std::string text) { return {std::move(text)}; }
    static TextRun strong(std::string text) { return {std::move(text), true}; }
    static TextRun emphasis(std::string text) { return {std::move(text), false, true}; }
    static TextRun web_link(std::string text, std::string url) {
        return {std::move(text), false, false, std::move(url)};
    }
    static TextRun internal_link(std::string text, std::string anchor) {
        return {std::move(text), false, false, {}, std::move(anchor)};
    }
};

using InlineText = std::vector<TextRun>;

inline InlineText plain_text(std::string text) { return {TextRun::plain(std::move(text))}; }

struct CoverBlock {
    std::string kicker;     // small line above the title
    std::string title;
    std::string subtitle;
    std::vector<std::string> details;  // lines at the foot of the cover
};

struct HeadingBlock {
    int level = 1;          // 1 (chapter) to 4
    std::string text;
    std::string anchor;     // link target id; layout makes one up when empty
    bool numbered = true;   // "2.3 Title"; unnumbered headings do not advance the count
    bool in_toc = true;     // listed in the table of contents and the PDF outline
};

enum class ParagraphStyle {
    body,  // justified serif body text
    lead,  // a larger opening paragraph
    note,  // small print: sources, remarks under a table
};

struct ParagraphBlock {
    InlineText text;
    ParagraphStyle style = ParagraphStyle::body;
    std::string language;   // BCP 47 tag when it differs from the document's
};

struct ListBlock {
    bool numbered = false;
    std::vector<InlineText> items;
    std::string language;   // BCP 47 tag when it differs from the document's
};

// Start and end follow the reading direction: numbers align to the end.
enum class Alignment { start, center, end };

struct TableColumn {
    double weight = 1;      // relative width
    Alignment alignment = Alignment::start;
};

struct TableRow {
    std::vector<InlineText> cells;
    bool emphasised = false;  // e.g. the city's own row among its peers
};

struct TableBlock {
    std::vector<TableColumn> columns;
    std::vector<InlineText> header;  // repeated on continuation pages
    std::vector<TableRow> rows;
};

// A chart, as its specification: the output draws it with charts::draw_chart.
struct FigureBlock {
    charts::ChartSpec chart;
    double height = 0;            // points; width = content width unless width_fraction < 1
    double width_fraction = 1.0;
    std::string caption;          // numbered "Figure N" through DocumentInfo::figure_label
    std::string alt_text;         // text alternative (PDF /Alt of the figure)
};

// A tinted box with a coloured rule, e.g. an inspiring practice. Never split
// across pages unless it is taller than a page.
using CalloutContent = std::variant<ParagraphBlock, ListBlock>;
struct CalloutBlock {
    std::string title;
    std::vector<CalloutContent> blocks;
};

// Lists headings with in_toc set, up to `depth` levels, with their pages.
struct TableOfContentsBlock {
    std::string title;
    int depth = 2;
};

struct PageBreakBlock {};

using Block = std::variant<CoverBlock, HeadingBlock, ParagraphBlock, ListBlock, TableBlock, FigureBlock,
                           CalloutBlock, TableOfContentsBlock, PageBreakBlock>;

struct Document {
    DocumentInfo info;
    std::vector<Block> blocks;
    // The page design it is set in (templates/style/page.toml); the
    // built-in defaults are the shipped file's values.
    PageStyle style;
};

// Canonical serialisation of everything the document shows, in order, and
// its SHA-256: the content part of a built report's cache key. Equal digests
// give equal pages (with equal fonts, style and engine).
std::string canonical_text(const Document& document);
std::string digest(const Document& document);

}  // namespace icc
