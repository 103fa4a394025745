#pragma once
// The paginator (paginate.h) in parts, one file a responsibility; this header
// is what they share and is private to the layout stage:
//   paginate.cpp           the pass over the blocks, pages, the cursor and the
//                          gaps between blocks, boxes and their tags
//   paginate_shaping.cpp   text to shaped Pango layouts (styles, links,
//                          hyphenation, script rules, the line breaker)
//   paginate_flows.cpp     paragraphs, lists and call-outs broken across pages
//                          (widows, orphans, keep-with-next)
//   paginate_headings.cpp  numbering, keeping a heading with what follows it
//   paginate_tables.cpp    tables: measured rows, repeated headers, rows split
//   paginate_figures.cpp   figures and their captions
//   paginate_contents.cpp  the table of contents and its page numbers
//   paginate_cover.cpp     the cover and page breaks
//   paginate_furniture.cpp running heads, folios and page labels
#include <algorithm>
#include <cstdint>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "compose/document.h"
#include "layout/hyphenation.h"
#include "layout/layout_inputs.h"
#include "layout/linebreak_pango.h"
#include "layout/page.h"
#include "layout/paginate.h"
#include "support/diagnostic.h"
#include "support/fonts.h"

namespace icc::pagination {

inline constexpr Color white{1, 1, 1};

inline constexpr const char* en_space = "\u2002";

struct TextStyle {
    FontRole role = FontRole::body;
    double size = 10.5;
    PangoWeight weight = PANGO_WEIGHT_NORMAL;
    bool justify = false;
    double line_spacing = 0;  // 0: the font's natural line height
    // Broken as a whole by the total-fit line breaker (linebreak_pango.h),
    // justified or ragged-right as `justify` says; else wrapped by Pango.
    bool whole_paragraph = false;
    // Cut short with an ellipsis when wider than its measure (running
    // heads); measured as it would be set whole.
    bool ellipsize_end = false;
};

struct HeadingStyle {
    TextStyle text;
    double space_before;
    double space_after;
    Color color;
};

// A link inside a prepared text: byte range of the layout's text.
struct LinkRange {
    int start = 0, end = 0;
    std::string url;
    std::string anchor;
};

// A shaped Pango layout with the vertical extent of each of its lines.
struct PreparedText {
    GObjectPtr<PangoLayout> layout;
    std::vector<std::pair<double, double>> lines;  // top, bottom from the layout's top
    std::vector<LinkRange> links;
    std::vector<int> inserted_hyphens;  // bytes of the hyphens the line breaker added (TextBox::inserted_hyphens)
    double width = 0;

    // Another reference to the same shaped layout, with the same measures:
    // what the paginator's cache of shaped texts hands out.
    [[nodiscard]] PreparedText share() const;

    [[nodiscard]] int line_count() const { return static_cast<int>(lines.size()); }
    [[nodiscard]] double height() const { return lines.empty() ? 0 : lines.back().second; }
    [[nodiscard]] double span(int first, int end) const {
        return first >= end ? 0 : lines[static_cast<std::size_t>(end - 1)].second - lines[static_cast<std::size_t>(first)].first;
    }
};

// Shaped texts by shaping_key (paginate_shaping.cpp).
using ShapedMap = std::unordered_map<std::string, PreparedText>;

// What ShapedTexts keeps: by setting (Paginator::setting_key), the texts
// the last document of that setting used.
struct ShapedStore {
    struct Setting {
        ShapedMap texts;
        std::uint64_t last_used = 0;  // documents laid out before it was last used
    };
    static constexpr std::size_t kept_settings = 4;
    std::map<std::string, Setting> settings;
    std::uint64_t documents = 0;
};

// A paragraph-like piece of a flow (paragraph, list item, call-out title),
// positioned by its logical offset from the start edge of the flow's column.
struct FlowItem {
    PreparedText text;
    double offset = 0;  // from the start edge (left in LTR, right in RTL)
    std::optional<PreparedText> marker;  // list bullet or number, in [0, offset)
    double marker_offset = 0;            // from the start edge
    double space_before = 0;
    Color color;
    bool keep_with_next = false;
    BoxTag tag;         // of the text
    BoxTag marker_tag;  // of the marker
};

// A slice of a flow that must not be separated: used for keep-with-next.
struct Flow {
    std::vector<FlowItem> items;
    // The height that must stay together at the flow's start: `min_lines`
    // lines of each item chained by keep_with_next.
    [[nodiscard]] double lead_height(int min_lines) const {
        double height = 0;
        for (const FlowItem& item : items) {
            const int lines = item.text.line_count();
            const int needed = lines <= 2 * min_lines - 1 ? lines : min_lines;
            height += (height > 0 ? item.space_before : 0) + item.text.span(0, needed);
            if (!item.keep_with_next) break;
        }
        return height;
    }
    [[nodiscard]] double height() const {
        double height = 0;
        for (std::size_t i = 0; i < items.size(); ++i)
            height += (i > 0 ? items[i].space_before : 0) + items[i].text.height();
        return height;
    }
};

// A reference of the paginator's to a layout that a box keeps.
GObjectPtr<PangoLayout> share(PangoLayout* layout);
// A colour channel as Pango attributes take it.
guint16 channel(double value);
// A face of the design as the paginator uses it.
TextStyle text_style(FontRole role, const TypeStyle& type, PangoWeight weight = PANGO_WEIGHT_NORMAL, bool justify = false,
                     bool whole_paragraph = false);
// The line breaker's parameters from the style file's [breaker] table.
LineBreakStyle line_break_style(const BreakerStyle& b);

class Paginator {
public:
    Paginator(const Document& document, const FontSet& fonts, const HyphenationDictionaries& hyphenation,
              ShapedTexts* earlier = nullptr);

    LaidOutDocument run();

private:
    // ---- Text preparation -------------------------------------------------

    [[nodiscard]] HeadingStyle heading_style(int level) const;

    Hyphenator* hyphenator_for(const std::string& language);

    // Start and end of a paragraph set in the given direction: a French
    // comment in an Arabic report starts on the left.
    PangoAlignment alignment(Alignment a, bool right_to_left) const;
    PangoAlignment alignment(Alignment a) const { return alignment(a, rtl_); }
    // The context whose base direction is right to left or left to right:
    // the document's own, or one made when a paragraph's language is written
    // the other way (the same fonts, options and document language).
    PangoContext* context_for(bool right_to_left);
    const PangoFontDescription* families_for(FontRole role, const std::string& language);

    // Script-specific typography, word by word:
    // - Korean is broken at spaces, between words, not between any two
    //   syllables as Unicode line breaking would allow;
    // - Arabic is set 20% larger, since Naskh letters are small for their
    //   body size next to Latin (the spaces between Arabic words too);
    // - a number and the CJK counter after it ("86問", "10万人") never part.
    void apply_script_rules(const std::string& text, PangoAttrList* attributes, bool arabic_paragraph);

    // Shapes inline runs as plain text with attributes: never markup. The
    // paragraph's base direction is its language's (the document's when
    // `language` is empty), never its first strong letter's: "باب نوارة in
    // figures" is an English heading, set left to right.
    PreparedText prepare(const InlineText& runs, const TextStyle& style, double width,
                         Alignment align = Alignment::start, bool hyphenate = false,
                         const std::string& language = {});

    PreparedText prepare(const std::string& text, const TextStyle& style, double width,
                         Alignment align = Alignment::start);

    // An internal link to an anchor no heading of this document has would
    // leave a dead link in the PDF: the composer's bug, an InternalError.
    void check_links(const InlineText& runs) const;

    // Everything outside the text that its shaping depends on: the
    // document's language, locale and direction, the page design (styles,
    // link colour, the breaker's parameters, the Arabic scale) and the
    // hyphenation patterns' folder. Texts shaped for another document are
    // reused only under the same setting.
    [[nodiscard]] std::string setting_key() const;

    // Hands the texts of this document to `earlier_`, for the next.
    void keep_shaped_texts();

    // What prepare() does on a miss of its cache: the text shaped afresh.
    PreparedText shape(const InlineText& runs, const TextStyle& style, double width, Alignment align,
                       bool hyphenate, const std::string& language);

    // ---- Pages ---------------------------------------------------------------

    [[nodiscard]] Rect content() const { return result_.geometry.content(); }
    [[nodiscard]] double bottom() const { return content().bottom(); }
    [[nodiscard]] double space_left() const { return bottom() - cursor_; }
    [[nodiscard]] bool at_top() const { return cursor_ <= content().y + 0.01; }
    static bool page_is_empty(const LaidOutPage& page);

    LaidOutPage& page();

    void new_page();

    // Physical x of a box `width` wide, `offset` from the start edge of a column.
    [[nodiscard]] double mirrored(double column_x, double column_width, double offset, double width) const;

    // Space between blocks: the larger of what the previous block asks after
    // it and what the next asks before it, or exactly what a heading asks
    // after it. It vanishes at the top of a page.
    void skip(double space_before);
    void gap_after(double space, bool exact = false);

    void record(BlockKind kind, double top, double bottom_edge, bool continued = false, int header_rows = 0,
                int body_rows = 0);

    // The language of a block: its own when it says so, else the document's.
    [[nodiscard]] std::string block_language(std::size_t index) const;

    // A tag for a box of the block being placed.
    [[nodiscard]] BoxTag tag(Role role, int item = -1, int column = -1) const;

    [[nodiscard]] BoxTag artifact(Role role) const;

    // Adds lines [first, end) of `text` with the top of line `first` at y.
    void add_lines(const PreparedText& text, int first, int end, double x, double y, Color color, const BoxTag& box_tag);

    // ---- Flows: paragraphs, lists and call-outs --------------------------

    struct Column {
        double x = 0, width = 0;
        double inset_top = 0, inset_bottom = 0;  // padding kept at page breaks (call-outs)
    };

    // Places a flow line by line. Breaks keep two lines of an item on each
    // side and an item marked keep_with_next with the start of the next one.
    // `on_segment(top, bottom, continued)` is told of each page's part.
    template <typename OnSegment>
    void place_flow(const Flow& flow, const Column& column, OnSegment on_segment);

    [[nodiscard]] double lead_of(const FlowItem& item) const;

    FlowItem paragraph_item(const ParagraphBlock& paragraph, double width);

    std::vector<FlowItem> list_items(const ListBlock& list, double width, const TextStyle& style);

    Flow& flow_for(std::size_t index);

    void place(std::size_t index, const ParagraphBlock&) { place_text_flow(index, BlockKind::paragraph); }
    void place(std::size_t index, const ListBlock&) { place_text_flow(index, BlockKind::list); }

    void place_text_flow(std::size_t index, BlockKind kind);

    // ---- Headings -----------------------------------------------------------

    struct NumberedHeading {
        std::string number;
        std::string anchor;
    };

    void number_headings();

    PreparedText prepare_heading(std::size_t index);

    // Height that must stay on the page below the end of block `index - 1`
    // for the block at `index` to start there without being left alone.
    double lead_height(std::size_t index, int depth = 0);

    void place(std::size_t index, const HeadingBlock& heading);

    // ---- Tables ---------------------------------------------------------------

    struct MeasuredRow {
        std::vector<PreparedText> cells;
        double height = 0;       // whole row, with padding
        double lead_height = 0;  // the first two lines of every cell, with padding
    };

    std::vector<double> column_widths(const TableBlock& table) const;

    MeasuredRow measure_row(const std::vector<InlineText>& cells, const std::vector<double>& widths,
                            const TextStyle& style, const TableBlock* table = nullptr, bool emphasised = false);

    // What must fit below a table's start: the header and two rows (or the
    // first lines of a row taller than a page), so that no header and no row
    // is left alone at the foot of a page.
    double table_start_height(const TableBlock& table, const std::vector<double>& widths);

    // Draws lines [from[i], to[i]) of each cell as one row band at the cursor.
    void draw_row_band(const MeasuredRow& row, const std::vector<int>& from, const std::vector<int>& to,
                       const std::vector<double>& widths, bool header, bool emphasised, bool last_band,
                       int row_index, bool repeated);

    void draw_whole_row(const MeasuredRow& row, const std::vector<double>& widths, bool header, bool emphasised,
                        int row_index, bool repeated = false);

    void place(std::size_t, const TableBlock& table);

    // ---- Figures ------------------------------------------------------------

    PreparedText figure_caption(const FigureBlock& figure, int number, double width);

    [[nodiscard]] double caption_width(const FigureBlock& figure) const;

    [[nodiscard]] double figure_width(const FigureBlock& figure) const;

    double figure_height(const FigureBlock& figure);

    void place(std::size_t, const FigureBlock& figure);

    // ---- Call-outs ------------------------------------------------------------

    [[nodiscard]] double callout_inner_width() const;

    Flow callout_flow(const CalloutBlock& callout);

    void place(std::size_t, const CalloutBlock& callout);

    // ---- Table of contents --------------------------------------------------

    struct PendingContentsEntry {
        std::size_t heading_block = 0;
        std::size_t page = 0;
        Rect row;
        TextStyle style;
        double number_baseline = 0;  // from the row's top
        BoxTag tag;                  // of the entry's text
    };

    void place(std::size_t index, const TableOfContentsBlock& contents);

    // A page's number as printed, in the digits of the document's locale:
    // the same in the footer, the contents and the PDF page labels.
    std::string folio(std::size_t page_index) const { return local_number(static_cast<std::int64_t>(page_index) + 1); }
    std::string local_number(std::int64_t number) const;

    void fill_in_contents();

    // ---- Cover, breaks --------------------------------------------------------

    void place(std::size_t, const CoverBlock& cover);

    void place(std::size_t, const PageBreakBlock&);

    // ---- Furniture ----------------------------------------------------------

    void add_page_furniture();

    void add_furniture(LaidOutPage& p, const PreparedText& text, double x, double y, Role role);

    const Document& document_;
    const PageStyle& style_ = document_.style;
    // The design, from the document's style (templates/style/page.toml).
    const Color ink = style_.ink, muted = style_.muted, accent = style_.accent;
    const Color accent_light = style_.accent_light, callout_tint = style_.callout_tint;
    const Color emphasis_tint = style_.emphasis_tint, rule = style_.rule;
    const TextStyle body_style = text_style(FontRole::body, style_.body, PANGO_WEIGHT_NORMAL, true, true);
    const TextStyle lead_style = text_style(FontRole::body, style_.lead, PANGO_WEIGHT_NORMAL, false, true);
    const TextStyle note_style = text_style(FontRole::heading, style_.note);
    const TextStyle list_style = text_style(FontRole::body, style_.list, PANGO_WEIGHT_NORMAL, true, true);
    const TextStyle cell_style = text_style(FontRole::heading, style_.cell);
    const TextStyle header_cell_style = text_style(FontRole::heading, style_.cell, PANGO_WEIGHT_BOLD);
    const TextStyle caption_style = text_style(FontRole::heading, style_.caption);
    const TextStyle callout_title_style = text_style(FontRole::heading, style_.callout_title, PANGO_WEIGHT_BOLD);
    const TextStyle callout_body_style =
        text_style(FontRole::body, style_.callout_body, PANGO_WEIGHT_NORMAL, true, true);
    const TextStyle furniture_style = text_style(FontRole::heading, style_.furniture);
    const double paragraph_gap = style_.paragraph_gap, list_item_gap = style_.list_item_gap;
    const double list_indent = style_.list_indent, block_gap = style_.block_gap;
    const double cell_padding_x = style_.cell_padding_x, cell_padding_y = style_.cell_padding_y;
    const double callout_rule = style_.callout_rule, callout_padding = style_.callout_padding;
    const double callout_gap = style_.callout_gap, caption_gap = style_.caption_gap;
    const double toc_number_column = style_.toc_number_column, arabic_scale = style_.arabic_scale;
    const int min_lines = style_.min_lines;
    const FontSet& fonts_;
    const HyphenationDictionaries& hyphenation_;  // the process's, shared by every document it lays out
    GObjectPtr<PangoContext> context_;
    GObjectPtr<PangoContext> other_direction_context_;  // made when first needed
    bool rtl_ = false;
    // Font descriptions by role and language (the document's, or a paragraph's):
    // a Japanese paragraph's Latin letters come from its CJK face (FontSet::families).
    std::map<std::pair<FontRole, std::string>, FontDescriptionPtr> families_;
    std::map<std::string, bool, std::less<>> written_in_arabic_;  // by language tag: likely_script == "Arab"
    std::map<std::string, std::optional<Hyphenator>> hyphenators_;
    // Every text shaped so far, by everything its shaping depends on (the
    // runs, style, width, alignment, hyphenation and language: shaping_key).
    // The look-ahead of keep-with-next, the measuring of tables and
    // call-outs and the placing of a block all ask for the same texts; each
    // is shaped once and its layout shared by every box that shows it (a
    // layout is never changed once prepared). Lives as long as the
    // paginator, that is one document.
    ShapedMap shaped_;
    // Texts shaped for the last earlier document of this setting, taken
    // into shaped_ as this one asks for them (ShapedTexts).
    ShapedTexts* earlier_ = nullptr;
    ShapedMap earlier_texts_;
    const LineBreakStyle line_break_style_ = line_break_style(style_.breaker);
    std::map<std::size_t, NumberedHeading> numbers_;
    std::set<std::string> anchors_;
    std::map<std::size_t, Flow> flows_;
    std::vector<PendingContentsEntry> pending_contents_;
    LaidOutDocument result_;
    std::size_t current_block_ = 0;
    double cursor_ = 0;
    int figures_ = 0;
    double gap_after_ = 0;
    bool exact_gap_ = false;
};

}  // namespace icc::pagination
