#include "layout/paginate.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <set>

#include "layout/hyphenation.h"
#include "layout/layout_inputs.h"
#include "layout/linebreak_pango.h"
#include "support/diagnostic.h"

namespace icc {

namespace {

constexpr Color white{1, 1, 1};


constexpr const char* en_space = "\u2002";

struct TextStyle {
    FontRole role = FontRole::body;
    double size = 10.5;
    PangoWeight weight = PANGO_WEIGHT_NORMAL;
    bool justify = false;
    double line_spacing = 0;  // 0: the font's natural line height
    // Broken as a whole by the total-fit line breaker (linebreak_pango.h),
    // justified or ragged-right as `justify` says; else wrapped by Pango.
    bool whole_paragraph = false;
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

    [[nodiscard]] int line_count() const { return static_cast<int>(lines.size()); }
    [[nodiscard]] double height() const { return lines.empty() ? 0 : lines.back().second; }
    [[nodiscard]] double span(int first, int end) const {
        return first >= end ? 0 : lines[static_cast<std::size_t>(end - 1)].second - lines[static_cast<std::size_t>(first)].first;
    }
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

GObjectPtr<PangoLayout> share(PangoLayout* layout) {
    return GObjectPtr<PangoLayout>(static_cast<PangoLayout*>(g_object_ref(layout)));
}

guint16 channel(double value) { return static_cast<guint16>(std::lround(value * 65535)); }

// A face of the design as the paginator uses it.
TextStyle text_style(FontRole role, const TypeStyle& type, PangoWeight weight = PANGO_WEIGHT_NORMAL, bool justify = false,
                     bool whole_paragraph = false) {
    return {role, type.size, weight, justify, type.line_spacing, whole_paragraph};
}

LineBreakStyle line_break_style(const BreakerStyle& b) {
    LineBreakStyle style = default_line_break_style();
    for (linebreak::Parameters* p : {&style.justified, &style.ragged}) {
        p->line_penalty = b.line_penalty;
        p->explicit_hyphen_penalty = b.explicit_hyphen_penalty;
        p->double_hyphen_demerits = b.double_hyphen_demerits;
        p->final_hyphen_demerits = b.final_hyphen_demerits;
        p->max_consecutive_hyphens = b.max_consecutive_hyphens;
        p->pretolerance = b.pretolerance;
    }
    style.justified.hyphen_penalty = b.hyphen_penalty;
    style.justified.adjacent_demerits = b.adjacent_demerits;
    style.justified.tolerance = b.tolerance;
    style.justified.last_line_min_fraction = b.last_line_min_fraction;
    style.ragged.hyphen_penalty = b.ragged_hyphen_penalty;
    style.ragged.tolerance = b.ragged_tolerance;
    style.space_stretch = b.space_stretch;
    style.space_shrink = b.space_shrink;
    style.ragged_line_end_stretch_em = b.ragged_line_end_stretch_em;
    style.emergency_stretch_em = b.emergency_stretch_em;
    style.min_hyphenated_word = b.min_hyphenated_word;
    style.hyphenate_capitalised = b.hyphenate_capitalised;
    style.optical_margins = b.optical_margins;
    style.protrusion.hyphen = b.hyphen_protrusion;
    style.protrusion.stop = b.stop_protrusion;
    return style;
}

class Paginator {
public:
    Paginator(const Document& document, const FontSet& fonts, const HyphenationDictionaries& hyphenation)
        : document_(document), fonts_(fonts), hyphenation_(hyphenation), context_(fonts.create_context()), rtl_(document.info.right_to_left) {
        result_.geometry = style_.page;
        pango_context_set_language(context_.get(), pango_language_from_string(document.info.language.c_str()));
        pango_context_set_base_dir(context_.get(), rtl_ ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
        for (auto role : {FontRole::body, FontRole::heading}) {
            families_[static_cast<int>(role)].reset(pango_font_description_from_string(fonts_.families(role).c_str()));
        }
    }

    LaidOutDocument run() {
        const DocumentInfo& info = document_.info;
        result_.metadata = {info.title, info.author,   info.subject, info.keywords,
                            info.language, info.right_to_left, info.date};
        number_headings();
        new_page();
        for (std::size_t i = 0; i < document_.blocks.size(); ++i) {
            current_block_ = i;
            std::visit([this, i](const auto& block) { place(i, block); }, document_.blocks[i]);
        }
        while (result_.pages.size() > 1 && page_is_empty(result_.pages.back())) result_.pages.pop_back();
        fill_in_contents();
        add_page_furniture();
        return std::move(result_);
    }

private:
    // ---- Text preparation -------------------------------------------------

    [[nodiscard]] HeadingStyle heading_style(int level) const {
        const HeadingTypeStyle& h = style_.headings[static_cast<std::size_t>(std::clamp(level, 1, 4) - 1)];
        return {text_style(FontRole::heading, h.type, PANGO_WEIGHT_BOLD), h.space_before, h.space_after,
                level <= 3 ? accent : ink};
    }

    Hyphenator* hyphenator_for(const std::string& language) {
        auto found = hyphenators_.find(language);
        if (found == hyphenators_.end()) {
            // The document's region ("en_GB") picks regional patterns for its own language.
            const std::string tag = hyphenation_tag(language, document_.info);
            found = hyphenators_.emplace(language, hyphenation_.hyphenator(tag)).first;
        }
        return found->second ? &*found->second : nullptr;
    }

    PangoAlignment alignment(Alignment a) const {
        switch (a) {
        case Alignment::center: return PANGO_ALIGN_CENTER;
        case Alignment::end: return rtl_ ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
        case Alignment::start: break;
        }
        return rtl_ ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
    }

    // Script-specific typography, word by word:
    // - Korean is broken at spaces, between words, not between any two
    //   syllables as Unicode line breaking would allow;
    // - Arabic is set 20% larger, since Naskh letters are small for their
    //   body size next to Latin (the spaces between Arabic words too).
    void apply_script_rules(const std::string& text, PangoAttrList* attributes) {
        const char* const begin = text.c_str();
        const char* const end = begin + text.size();
        auto add = [&](PangoAttribute* attribute, const char* from, const char* to) {
            attribute->start_index = static_cast<guint>(from - begin);
            attribute->end_index = static_cast<guint>(to - begin);
            pango_attr_list_insert(attributes, attribute);
        };
        const char* arabic_start = nullptr;
        const char* arabic_end = nullptr;
        const char* p = begin;
        while (p < end) {
            while (p < end && g_unichar_isspace(g_utf8_get_char(p))) p = g_utf8_next_char(p);
            const char* word = p;
            bool hangul = false, arabic = false;
            while (p < end && !g_unichar_isspace(g_utf8_get_char(p))) {
                const gunichar c = g_utf8_get_char(p);
                hangul = hangul || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF);
                arabic = arabic || (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
                         (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
                p = g_utf8_next_char(p);
            }
            if (p == word) break;
            if (hangul) add(pango_attr_allow_breaks_new(FALSE), word, p);
            if (arabic) {
                if (!arabic_start) arabic_start = word;
                arabic_end = p;
            } else if (arabic_start) {
                add(pango_attr_scale_new(arabic_scale), arabic_start, arabic_end);
                arabic_start = nullptr;
            }
        }
        if (arabic_start) add(pango_attr_scale_new(arabic_scale), arabic_start, arabic_end);
    }

    // Shapes inline runs as plain text with attributes: never markup.
    PreparedText prepare(const InlineText& runs, const TextStyle& style, double width,
                         Alignment align = Alignment::start, bool hyphenate = false,
                         const std::string& language = {}) {
        const std::string& lang = language.empty() ? document_.info.language : language;
        Hyphenator* hyphenator = hyphenate ? hyphenator_for(lang) : nullptr;

        std::string text;
        AttrListPtr attributes(pango_attr_list_new());
        PreparedText prepared;
        for (const TextRun& run : runs) {
            const auto start = static_cast<guint>(text.size());
            const bool is_link = !run.url.empty() || !run.anchor.empty();
            text += hyphenator && run.url.empty() ? hyphenator->hyphenate(run.text) : run.text;
            const auto end = static_cast<guint>(text.size());
            if (start == end) continue;
            auto add = [&](PangoAttribute* attribute) {
                attribute->start_index = start;
                attribute->end_index = end;
                pango_attr_list_insert(attributes.get(), attribute);
            };
            if (run.bold) add(pango_attr_weight_new(PANGO_WEIGHT_BOLD));
            if (run.italic) add(pango_attr_style_new(PANGO_STYLE_ITALIC));
            if (is_link) {
                add(pango_attr_foreground_new(channel(accent.r), channel(accent.g), channel(accent.b)));
                if (!run.url.empty()) add(pango_attr_underline_new(PANGO_UNDERLINE_SINGLE));
                // A link to nowhere would leave a dead link in the PDF: that is the composer's bug.
                if (run.url.empty() && !anchors_.count(run.anchor))
                    throw InternalError(Diagnostic{Severity::error, {},
                                                     "internal link '" + run.text + "' points to anchor '" +
                                                         run.anchor + "', which no heading has"});
                prepared.links.push_back({static_cast<int>(start), static_cast<int>(end), run.url, run.anchor});
            }
        }
        apply_script_rules(text, attributes.get());
        if (!language.empty() && language != document_.info.language) {
            PangoAttribute* attribute = pango_attr_language_new(pango_language_from_string(language.c_str()));
            pango_attr_list_insert(attributes.get(), attribute);
        }

        GObjectPtr<PangoLayout> layout(pango_layout_new(context_.get()));
        FontDescriptionPtr font(pango_font_description_copy(families_[static_cast<int>(style.role)].get()));
        pango_font_description_set_absolute_size(font.get(), style.size * PANGO_SCALE);
        pango_font_description_set_weight(font.get(), style.weight);
        pango_layout_set_font_description(layout.get(), font.get());
        // A width of 0 asks for one unwrapped line, as wide as its text.
        pango_layout_set_width(layout.get(), width > 0 ? static_cast<int>(width * PANGO_SCALE) : -1);
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        if (style.line_spacing > 0) pango_layout_set_line_spacing(layout.get(), static_cast<float>(style.line_spacing));
        pango_layout_set_justify(layout.get(), style.justify);
        pango_layout_set_alignment(layout.get(), alignment(align));
        pango_layout_set_auto_dir(layout.get(), TRUE);
        // Plain text: whatever the data holds is shown literally, never parsed as markup.
        pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
        pango_layout_set_attributes(layout.get(), attributes.get());
        if (style.whole_paragraph && width > 0) {
            const SetParagraph set =
                set_paragraph(layout.get(), width, style.justify, hyphenator != nullptr, line_break_style_);
            if (set.fallback == Fallback::none) {
                // The breaker rewrote the text (line separators, hyphens): links follow.
                for (LinkRange& link : prepared.links) {
                    link.start = set.remap(link.start);
                    link.end = set.remap(link.end);
                }
                for (const SetLine& line : set.lines)
                    if (line.inserted_hyphen >= 0) prepared.inserted_hyphens.push_back(line.inserted_hyphen);
            } else if (hyphenator && text.find(soft_hyphen) != std::string::npos) {
                // Pango breaks it (right-to-left or CJK text inside, a word
                // wider than the measure): without soft hyphens, since Pango
                // would divide any word, capitalised or not, any number of
                // lines in a row, and leave U+00AD in the extracted text.
                TextStyle wrapped = style;
                wrapped.whole_paragraph = false;
                return prepare(runs, wrapped, width, align, false, language);
            }
        }

        PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
        do {
            int top = 0, bottom = 0;
            pango_layout_iter_get_line_yrange(iter, &top, &bottom);
            prepared.lines.emplace_back(static_cast<double>(top) / PANGO_SCALE, static_cast<double>(bottom) / PANGO_SCALE);
        } while (pango_layout_iter_next_line(iter));
        pango_layout_iter_free(iter);
        if (width <= 0) {
            PangoRectangle logical;
            pango_layout_get_extents(layout.get(), nullptr, &logical);
            width = static_cast<double>(logical.width) / PANGO_SCALE;
        }
        prepared.layout = std::move(layout);
        prepared.width = width;
        return prepared;
    }

    PreparedText prepare(const std::string& text, const TextStyle& style, double width,
                         Alignment align = Alignment::start) {
        return prepare(plain_text(text), style, width, align);
    }

    // ---- Pages ---------------------------------------------------------------

    [[nodiscard]] Rect content() const { return result_.geometry.content(); }
    [[nodiscard]] double bottom() const { return content().bottom(); }
    [[nodiscard]] double space_left() const { return bottom() - cursor_; }
    [[nodiscard]] bool at_top() const { return cursor_ <= content().y + 0.01; }
    static bool page_is_empty(const LaidOutPage& page) {
        return page.texts.empty() && page.fills.empty() && page.figures.empty();
    }

    LaidOutPage& page() {
        if (result_.pages.empty()) new_page();
        return result_.pages.back();
    }

    void new_page() {
        result_.pages.emplace_back();
        cursor_ = content().y;
        gap_after_ = 0;
        exact_gap_ = false;
    }

    // Physical x of a box `width` wide, `offset` from the start edge of a column.
    [[nodiscard]] double mirrored(double column_x, double column_width, double offset, double width) const {
        return rtl_ ? column_x + column_width - offset - width : column_x + offset;
    }

    // Space between blocks: the larger of what the previous block asks after
    // it and what the next asks before it, or exactly what a heading asks
    // after it. It vanishes at the top of a page.
    void skip(double space_before) {
        if (!at_top()) cursor_ += exact_gap_ ? gap_after_ : std::max(space_before, gap_after_);
        gap_after_ = 0;
        exact_gap_ = false;
    }
    void gap_after(double space, bool exact = false) {
        gap_after_ = space;
        exact_gap_ = exact;
    }

    void record(BlockKind kind, double top, double bottom_edge, bool continued = false, int header_rows = 0,
                int body_rows = 0) {
        page().blocks.push_back({current_block_, kind, {content().x, top, content().width, bottom_edge - top},
                                 continued, header_rows, body_rows, block_language(current_block_)});
    }

    // The language of a block: its own when it says so, else the document's.
    [[nodiscard]] std::string block_language(std::size_t index) const {
        if (index < document_.blocks.size()) {
            if (const auto* paragraph = std::get_if<ParagraphBlock>(&document_.blocks[index]))
                if (!paragraph->language.empty()) return paragraph->language;
            if (const auto* list = std::get_if<ListBlock>(&document_.blocks[index]))
                if (!list->language.empty()) return list->language;
        }
        return document_.info.language;
    }

    // A tag for a box of the block being placed.
    [[nodiscard]] BoxTag tag(Role role, int item = -1, int column = -1) const {
        BoxTag result{current_block_, role};
        result.item = item;
        result.column = column;
        result.language = block_language(current_block_);
        return result;
    }

    [[nodiscard]] BoxTag artifact(Role role) const {
        BoxTag result{BoxTag::no_block, role};
        result.language = document_.info.language;
        return result;
    }

    // Adds lines [first, end) of `text` with the top of line `first` at y.
    void add_lines(const PreparedText& text, int first, int end, double x, double y, Color color, const BoxTag& box_tag) {
        const double top = text.lines[static_cast<std::size_t>(first)].first;
        const double layout_top = y - top;
        TextBox box{{x, y, text.width, text.span(first, end)}, share(text.layout.get()), first, end, layout_top, color,
                    false, box_tag};
        if (!text.inserted_hyphens.empty()) {
            const int from = pango_layout_get_line_readonly(text.layout.get(), first)->start_index;
            const PangoLayoutLine* last = pango_layout_get_line_readonly(text.layout.get(), end - 1);
            const int to = last->start_index + last->length;
            for (int hyphen : text.inserted_hyphens)
                if (hyphen >= from && hyphen < to) box.inserted_hyphens.push_back(hyphen);
        }
        page().texts.push_back(std::move(box));
        BoxTag link_tag = box_tag;
        link_tag.role = Role::link;
        for (const LinkRange& link : text.links) {
            for (int index = first; index < end; ++index) {
                PangoLayoutLine* line = pango_layout_get_line_readonly(text.layout.get(), index);
                int* ranges = nullptr;
                int count = 0;
                pango_layout_line_get_x_ranges(line, link.start, link.end, &ranges, &count);
                const auto& [line_top, line_bottom] = text.lines[static_cast<std::size_t>(index)];
                for (int r = 0; r < count; ++r) {
                    const double left = static_cast<double>(ranges[2 * r]) / PANGO_SCALE;
                    const double right = static_cast<double>(ranges[2 * r + 1]) / PANGO_SCALE;
                    if (right - left < 0.5) continue;
                    page().links.push_back({{x + left, layout_top + line_top, right - left, line_bottom - line_top},
                                            link.url, link.anchor, link_tag});
                }
                g_free(ranges);
            }
        }
    }

    // ---- Flows: paragraphs, lists and call-outs --------------------------

    struct Column {
        double x = 0, width = 0;
        double inset_top = 0, inset_bottom = 0;  // padding kept at page breaks (call-outs)
    };

    // Places a flow line by line. Breaks keep two lines of an item on each
    // side and an item marked keep_with_next with the start of the next one.
    // `on_segment(top, bottom, continued)` is told of each page's part.
    template <typename OnSegment>
    void place_flow(const Flow& flow, const Column& column, OnSegment on_segment) {
        double segment_top = cursor_;
        double segment_bottom = cursor_;  // foot of the last lines placed on this page
        bool placed_in_segment = false;
        auto break_page = [&] {
            if (placed_in_segment) on_segment(segment_top, segment_bottom + column.inset_bottom, true);
            placed_in_segment = false;
            new_page();
            cursor_ += column.inset_top;
            segment_top = content().y;
        };
        for (std::size_t index = 0; index < flow.items.size(); ++index) {
            const FlowItem& item = flow.items[index];
            const PreparedText& text = item.text;
            const bool fresh_page = cursor_ <= content().y + column.inset_top + 0.01;
            if (index > 0 && !fresh_page) cursor_ += item.space_before;
            if (item.keep_with_next && index + 1 < flow.items.size() && !fresh_page) {
                const FlowItem& next = flow.items[index + 1];
                const double needed = text.height() + next.space_before + lead_of(next);
                if (needed > bottom() - column.inset_bottom - cursor_) break_page();
            }
            const int lines = text.line_count();
            int first = 0;
            bool first_slice = true;
            while (first < lines) {
                const double available = bottom() - column.inset_bottom - cursor_;
                const bool fresh = cursor_ <= content().y + column.inset_top + 0.01;
                int fit = first;
                while (fit < lines && text.span(first, fit + 1) <= available + 0.01) ++fit;
                int take = fit - first;
                const int remaining = lines - first;
                if (take < remaining) {
                    if (remaining - take < min_lines) take = remaining - min_lines;
                    if (take < min_lines && !(first_slice && first == 0 && lines == 1 && take == 1)) take = 0;
                    if (take <= 0) {
                        if (fresh) take = std::max(1, fit - first);  // a page too small for the rules: fill it
                        else {
                            break_page();
                            first_slice = false;
                            continue;
                        }
                    }
                }
                const double x = mirrored(column.x, column.width, item.offset, text.width);
                add_lines(text, first, first + take, x, cursor_, item.color, item.tag);
                placed_in_segment = true;
                if (first == 0 && item.marker) {
                    const PreparedText& marker = *item.marker;
                    // The marker sits on the first line's baseline.
                    const double baseline =
                        static_cast<double>(pango_layout_get_baseline(text.layout.get())) / PANGO_SCALE;
                    const double marker_baseline =
                        static_cast<double>(pango_layout_get_baseline(marker.layout.get())) / PANGO_SCALE;
                    const double marker_x = mirrored(column.x, column.width, item.marker_offset, marker.width);
                    add_lines(marker, 0, marker.line_count(), marker_x, cursor_ + baseline - marker_baseline,
                              item.color, item.marker_tag);
                }
                cursor_ += text.span(first, first + take);
                segment_bottom = cursor_;
                first += take;
                first_slice = false;
                if (first < lines) break_page();
            }
        }
        if (placed_in_segment) on_segment(segment_top, segment_bottom + column.inset_bottom, false);
    }

    [[nodiscard]] double lead_of(const FlowItem& item) const {
        const int lines = item.text.line_count();
        return item.text.span(0, lines <= 2 * min_lines - 1 ? lines : min_lines);
    }

    FlowItem paragraph_item(const ParagraphBlock& paragraph, double width) {
        const TextStyle& style = paragraph.style == ParagraphStyle::lead   ? lead_style
                                 : paragraph.style == ParagraphStyle::note ? note_style
                                                                           : body_style;
        FlowItem item;
        // Lead paragraphs are ragged-right, and a ragged line needs no division.
        item.text = prepare(paragraph.text, style, width, Alignment::start, paragraph.style == ParagraphStyle::body,
                            paragraph.language);
        item.color = paragraph.style == ParagraphStyle::note ? muted : ink;
        item.tag = tag(Role::paragraph);
        item.tag.language = paragraph.language.empty() ? document_.info.language : paragraph.language;
        return item;
    }

    std::vector<FlowItem> list_items(const ListBlock& list, double width, const TextStyle& style) {
        // Markers first: the text is indented past the widest ("10." is wider than "9.").
        TextStyle marker_style = style;
        marker_style.justify = false;
        std::vector<PreparedText> markers;
        double widest = 0;
        for (std::size_t i = 0; i < list.items.size(); ++i) {
            markers.push_back(prepare(list.numbered ? local_number(static_cast<std::int64_t>(i) + 1) + "." : "\u2022",
                                      marker_style, 0));
            widest = std::max(widest, markers.back().width);
        }
        const double indent = std::max(list_indent, widest + 7);
        std::vector<FlowItem> items;
        for (std::size_t i = 0; i < list.items.size(); ++i) {
            FlowItem item;
            item.color = ink;
            item.text = prepare(list.items[i], style, width - indent, Alignment::start, true, list.language);
            // Numbers align to the end of the marker column, bullets to its start.
            item.marker_offset = list.numbered ? indent - 7 - markers[i].width : 0;
            item.marker = std::move(markers[i]);
            item.offset = indent;
            item.space_before = items.empty() ? 0 : list_item_gap;
            item.tag = tag(Role::list_body, static_cast<int>(i));
            item.tag.language = list.language.empty() ? document_.info.language : list.language;
            item.marker_tag = item.tag;
            item.marker_tag.role = Role::list_label;
            items.push_back(std::move(item));
        }
        return items;
    }

    Flow& flow_for(std::size_t index) {
        auto found = flows_.find(index);
        if (found != flows_.end()) return found->second;
        Flow flow;
        const Block& block = document_.blocks[index];
        if (const auto* paragraph = std::get_if<ParagraphBlock>(&block))
            flow.items.push_back(paragraph_item(*paragraph, content().width));
        else if (const auto* list = std::get_if<ListBlock>(&block))
            flow.items = list_items(*list, content().width, list_style);
        // Measured ahead (keep-with-next) while another block is current: the tags name this one.
        for (FlowItem& item : flow.items) item.tag.block = item.marker_tag.block = index;
        return flows_.emplace(index, std::move(flow)).first->second;
    }

    void place(std::size_t index, const ParagraphBlock&) { place_text_flow(index, BlockKind::paragraph); }
    void place(std::size_t index, const ListBlock&) { place_text_flow(index, BlockKind::list); }

    void place_text_flow(std::size_t index, BlockKind kind) {
        Flow flow = std::move(flow_for(index));
        flows_.erase(index);
        if (flow.items.empty()) return;
        skip(paragraph_gap);
        place_flow(flow, {content().x, content().width}, [&](double top, double bottom_edge, bool continued) {
            record(kind, top, bottom_edge, continued);
        });
    }

    // ---- Headings -----------------------------------------------------------

    struct NumberedHeading {
        std::string number;
        std::string anchor;
    };

    void number_headings() {
        std::vector<int> counters(8, 0);
        std::set<std::string> used;
        for (std::size_t i = 0; i < document_.blocks.size(); ++i) {
            const auto* heading = std::get_if<HeadingBlock>(&document_.blocks[i]);
            if (!heading) continue;
            const int level = std::clamp(heading->level, 1, 6);
            NumberedHeading numbered;
            if (heading->numbered) {
                ++counters[static_cast<std::size_t>(level)];
                for (std::size_t deeper = static_cast<std::size_t>(level) + 1; deeper < counters.size(); ++deeper)
                    counters[deeper] = 0;
                for (int l = 1; l <= level; ++l) {
                    if (l > 1) numbered.number += '.';
                    numbered.number += local_number(counters[static_cast<std::size_t>(l)]);
                }
            }
            std::string anchor = heading->anchor;
            if (anchor.empty())
                anchor = numbered.number.empty() ? "heading-" + std::to_string(i) : "section-" + numbered.number;
            if (used.count(anchor)) anchor += "-" + std::to_string(i);
            used.insert(anchor);
            anchors_.insert(anchor);
            numbered.anchor = anchor;
            numbers_.emplace(i, std::move(numbered));
        }
    }

    PreparedText prepare_heading(std::size_t index) {
        const auto& heading = std::get<HeadingBlock>(document_.blocks[index]);
        const NumberedHeading& numbered = numbers_.at(index);
        const HeadingStyle style = heading_style(heading.level);
        const std::string text = numbered.number.empty() ? heading.text : numbered.number + en_space + heading.text;
        return prepare(text, style.text, content().width);
    }

    // Height that must stay on the page below the end of block `index - 1`
    // for the block at `index` to start there without being left alone.
    double lead_height(std::size_t index, int depth = 0) {
        if (index >= document_.blocks.size() || depth > 4) return 0;
        const Block& block = document_.blocks[index];
        if (std::holds_alternative<HeadingBlock>(block)) {
            const HeadingStyle style = heading_style(std::get<HeadingBlock>(block).level);
            return style.space_before + prepare_heading(index).height() + style.space_after +
                   lead_height(index + 1, depth + 1);
        }
        if (std::holds_alternative<ParagraphBlock>(block) || std::holds_alternative<ListBlock>(block))
            return paragraph_gap + flow_for(index).lead_height(min_lines);
        if (const auto* table = std::get_if<TableBlock>(&block)) {
            const auto widths = column_widths(*table);
            return block_gap + table_start_height(*table, widths);
        }
        if (const auto* figure = std::get_if<FigureBlock>(&block)) return block_gap + figure_height(*figure);
        if (const auto* callout = std::get_if<CalloutBlock>(&block))
            return block_gap + std::min(callout_flow(*callout).height() + 2 * callout_padding, content().height);
        return 0;
    }

    void place(std::size_t index, const HeadingBlock& heading) {
        const HeadingStyle style = heading_style(heading.level);
        PreparedText text = prepare_heading(index);
        const double needed = style.space_before + text.height() + style.space_after + lead_height(index + 1);
        if (!at_top() && needed > space_left()) new_page();
        skip(style.space_before);
        const double top = cursor_;
        BoxTag heading_tag = tag(Role::heading);
        heading_tag.level = std::clamp(heading.level, 1, 6);
        add_lines(text, 0, text.line_count(), content().x, cursor_, style.color, heading_tag);
        cursor_ += text.height();
        const NumberedHeading& numbered = numbers_.at(index);
        const double anchor_x = rtl_ ? content().right() : content().x;
        page().destinations.push_back({numbered.anchor, anchor_x, top});
        result_.headings.push_back({index, heading.level, numbered.number, heading.text, numbered.anchor,
                                    heading.in_toc, result_.pages.size() - 1, top});
        record(BlockKind::heading, top, cursor_);
        gap_after(style.space_after, true);
    }

    // ---- Tables ---------------------------------------------------------------

    struct MeasuredRow {
        std::vector<PreparedText> cells;
        double height = 0;       // whole row, with padding
        double lead_height = 0;  // the first two lines of every cell, with padding
    };

    std::vector<double> column_widths(const TableBlock& table) const {
        double total = 0;
        for (const TableColumn& column : table.columns) total += column.weight;
        std::vector<double> widths;
        for (const TableColumn& column : table.columns) widths.push_back(content().width * column.weight / total);
        return widths;
    }

    MeasuredRow measure_row(const std::vector<InlineText>& cells, const std::vector<double>& widths,
                            const TextStyle& style, const TableBlock* table = nullptr, bool emphasised = false) {
        MeasuredRow row;
        TextStyle cell = style;
        if (emphasised) cell.weight = PANGO_WEIGHT_BOLD;
        for (std::size_t i = 0; i < widths.size(); ++i) {
            static const InlineText empty;
            const InlineText& text = i < cells.size() ? cells[i] : empty;
            const Alignment align = table && i < table->columns.size() ? table->columns[i].alignment : Alignment::start;
            PreparedText prepared = prepare(text, cell, widths[i] - 2 * cell_padding_x, align);
            row.height = std::max(row.height, prepared.height());
            row.lead_height = std::max(row.lead_height, prepared.span(0, std::min(prepared.line_count(), min_lines)));
            row.cells.push_back(std::move(prepared));
        }
        row.height += 2 * cell_padding_y;
        row.lead_height += 2 * cell_padding_y;
        return row;
    }

    // What must fit below a table's start: the header and two rows (or the
    // first lines of a row taller than a page), so that no header and no row
    // is left alone at the foot of a page.
    double table_start_height(const TableBlock& table, const std::vector<double>& widths) {
        double height = table.header.empty() ? 0 : measure_row(table.header, widths, header_cell_style, &table).height;
        const std::size_t rows = std::min<std::size_t>(table.rows.size(), 2);
        for (std::size_t r = 0; r < rows; ++r) {
            const MeasuredRow row = measure_row(table.rows[r].cells, widths, cell_style, &table, table.rows[r].emphasised);
            if (row.height > content().height / 2) return height + (r == 0 ? row.lead_height : 0);
            height += row.height;
        }
        return std::min(height, content().height);
    }

    // Draws lines [from[i], to[i]) of each cell as one row band at the cursor.
    void draw_row_band(const MeasuredRow& row, const std::vector<int>& from, const std::vector<int>& to,
                       const std::vector<double>& widths, bool header, bool emphasised, bool last_band,
                       int row_index, bool repeated) {
        const Rect area = content();
        double band = 0;
        for (std::size_t i = 0; i < row.cells.size(); ++i) band = std::max(band, row.cells[i].span(from[i], to[i]));
        band += 2 * cell_padding_y;
        if (header) page().fills.push_back({{area.x, cursor_, area.width, band}, accent, false, artifact(Role::background)});
        else if (emphasised)
            page().fills.push_back({{area.x, cursor_, area.width, band}, emphasis_tint, false, artifact(Role::background)});
        if (!header && last_band)
            page().fills.push_back({{area.x, cursor_ + band - 0.5, area.width, 0.5}, rule, false, artifact(Role::rule)});
        double offset = 0;
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            const double x = mirrored(area.x, area.width, offset + cell_padding_x, widths[i] - 2 * cell_padding_x);
            if (from[i] < to[i])
                add_lines(row.cells[i], from[i], to[i], x, cursor_ + cell_padding_y, header ? white : ink,
                          tag(repeated ? Role::repeated_header : header ? Role::header_cell : Role::data_cell,
                              row_index, static_cast<int>(i)));
            offset += widths[i];
        }
        cursor_ += band;
    }

    void draw_whole_row(const MeasuredRow& row, const std::vector<double>& widths, bool header, bool emphasised,
                        int row_index, bool repeated = false) {
        std::vector<int> from(row.cells.size(), 0), to;
        for (const PreparedText& cell : row.cells) to.push_back(cell.line_count());
        draw_row_band(row, from, to, widths, header, emphasised, true, row_index, repeated);
    }

    void place(std::size_t, const TableBlock& table) {
        if (table.columns.empty()) return;
        const auto widths = column_widths(table);
        const MeasuredRow header = measure_row(table.header, widths, header_cell_style, &table);
        const bool has_header = !table.header.empty();
        const double header_height = has_header ? header.height : 0;
        skip(block_gap);

        std::optional<MeasuredRow> next;
        if (!table.rows.empty())
            next = measure_row(table.rows.front().cells, widths, cell_style, &table, table.rows.front().emphasised);
        // A header alone at the foot of a page helps no one: it needs a row below it.
        if (!at_top() && table_start_height(table, widths) > space_left()) new_page();

        double top = cursor_;
        int header_rows = 0, body_rows = 0;
        auto start_page = [&](bool continuation) {
            if (continuation) {
                record(BlockKind::table, top, cursor_, true, header_rows, body_rows);
                new_page();
                top = cursor_;
                header_rows = body_rows = 0;
            }
            if (has_header) {
                draw_whole_row(header, widths, true, false, -1, continuation);
                header_rows = 1;
            }
        };
        start_page(false);
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            MeasuredRow row = std::move(*next);
            next.reset();
            if (r + 1 < table.rows.size())
                next = measure_row(table.rows[r + 1].cells, widths, cell_style, &table, table.rows[r + 1].emphasised);
            const bool emphasised = table.rows[r].emphasised;
            // Nor is a last row alone at the head of a page: two rows go over together.
            const bool last_would_be_alone = r + 2 == table.rows.size() && next && body_rows >= 2 &&
                                             row.height <= space_left() && row.height + next->height > space_left();
            if (last_would_be_alone) start_page(true);
            if (row.height <= space_left()) {
                draw_whole_row(row, widths, false, emphasised, static_cast<int>(r));
                ++body_rows;
                continue;
            }
            if (row.height <= content().height - header_height) {
                start_page(true);
                draw_whole_row(row, widths, false, emphasised, static_cast<int>(r));
                ++body_rows;
                continue;
            }
            // A row taller than a page: split it by lines, cell by cell.
            std::vector<int> from(row.cells.size(), 0);
            while (true) {
                std::vector<int> to(from);
                const double available = space_left() - 2 * cell_padding_y;
                bool done = true;
                for (std::size_t i = 0; i < row.cells.size(); ++i) {
                    const PreparedText& cell = row.cells[i];
                    while (to[i] < cell.line_count() && cell.span(from[i], to[i] + 1) <= available) ++to[i];
                    if (to[i] < cell.line_count()) done = false;
                }
                if (to == from && body_rows == 0) {
                    // Not one more line fits below the header: take a line of each cell regardless.
                    for (std::size_t i = 0; i < row.cells.size(); ++i)
                        if (to[i] < row.cells[i].line_count()) ++to[i];
                    done = true;
                    for (std::size_t i = 0; i < row.cells.size(); ++i)
                        if (to[i] < row.cells[i].line_count()) done = false;
                }
                const bool progress = to != from;
                if (progress) {
                    draw_row_band(row, from, to, widths, false, emphasised, done, static_cast<int>(r), false);
                    ++body_rows;
                }
                from = to;
                if (done) break;
                start_page(true);
            }
        }
        record(BlockKind::table, top, cursor_, false, header_rows, body_rows);
        gap_after(block_gap);
    }

    // ---- Figures ------------------------------------------------------------

    PreparedText figure_caption(const FigureBlock& figure, int number, double width) {
        InlineText caption{TextRun::strong(format_message(document_.info.figure_label, document_.info.icu_locale,
                                                          {{"number", static_cast<std::int64_t>(number)}}))};
        if (!figure.caption.empty()) caption.push_back(TextRun::plain(en_space + figure.caption));
        return prepare(caption, caption_style, width);
    }

    [[nodiscard]] double caption_width(const FigureBlock& figure) const {
        return std::min(figure_width(figure), content().width);
    }

    [[nodiscard]] double figure_width(const FigureBlock& figure) const {
        // A chart may be wider than the text (style figure_width): centred on
        // it, so that its labels keep room when the measure is narrow.
        return result_.geometry.figure_area().width * std::clamp(figure.width_fraction, 0.05, 1.0);
    }

    double figure_height(const FigureBlock& figure) {
        const PreparedText caption = figure_caption(figure, figures_ + 1, caption_width(figure));
        return std::min(figure.height, content().height - caption.height() - caption_gap) + caption_gap +
               caption.height();
    }

    void place(std::size_t, const FigureBlock& figure) {
        const int number = ++figures_;
        const double width = figure_width(figure);
        PreparedText caption = figure_caption(figure, number, caption_width(figure));
        const double drawing_height = std::min(figure.height, content().height - caption.height() - caption_gap);
        const double total = drawing_height + caption_gap + caption.height();
        skip(block_gap);
        if (!at_top() && total > space_left()) new_page();
        const double top = cursor_;
        const double x = content().x + (content().width - width) / 2;
        page().figures.push_back({{x, cursor_, width, drawing_height}, figure.chart, figure.alt_text, tag(Role::figure)});
        cursor_ += drawing_height + caption_gap;
        // The caption is text: it keeps to the text area, under the chart's start edge.
        const double caption_x = rtl_ ? std::min(x + width, content().right()) - caption.width : std::max(x, content().x);
        add_lines(caption, 0, caption.line_count(), caption_x, cursor_, muted, tag(Role::caption));
        cursor_ += caption.height();
        record(BlockKind::figure, top, cursor_);
        gap_after(block_gap);
    }

    // ---- Call-outs ------------------------------------------------------------

    [[nodiscard]] double callout_inner_width() const {
        return content().width - callout_rule - 2 * callout_padding;
    }

    Flow callout_flow(const CalloutBlock& callout) {
        const double width = callout_inner_width();
        Flow flow;
        if (!callout.title.empty()) {
            FlowItem title;
            title.text = prepare(callout.title, callout_title_style, width);
            title.color = accent;
            title.keep_with_next = true;
            title.tag = tag(Role::callout_title);
            flow.items.push_back(std::move(title));
        }
        int part = -1;
        for (const CalloutContent& content : callout.blocks) {
            ++part;
            const double gap = flow.items.empty() ? 0 : callout_gap;
            if (const auto* paragraph = std::get_if<ParagraphBlock>(&content)) {
                FlowItem item;
                if (paragraph->style == ParagraphStyle::body) {
                    item.color = ink;
                    item.text = prepare(paragraph->text, callout_body_style, width, Alignment::start, true,
                                        paragraph->language);
                    item.tag = tag(Role::paragraph);
                    item.tag.language = paragraph->language.empty() ? document_.info.language : paragraph->language;
                } else {
                    item = paragraph_item(*paragraph, width);
                }
                item.space_before = gap;
                item.tag.part = part;
                flow.items.push_back(std::move(item));
            } else if (const auto* list = std::get_if<ListBlock>(&content)) {
                auto items = list_items(*list, width, callout_body_style);
                if (!items.empty()) items.front().space_before = gap;
                for (auto& item : items) {
                    item.tag.part = item.marker_tag.part = part;
                    flow.items.push_back(std::move(item));
                }
            }
        }
        return flow;
    }

    void place(std::size_t, const CalloutBlock& callout) {
        Flow flow = callout_flow(callout);
        if (flow.items.empty()) return;
        skip(block_gap);
        const double total = flow.height() + 2 * callout_padding;
        // Kept whole: moved to the next page unless it is taller than a page.
        if (!at_top() && total > space_left() && total <= content().height) new_page();
        const Rect area = content();
        cursor_ += callout_padding;
        const Column column{mirrored(area.x, area.width, callout_rule + callout_padding, callout_inner_width()),
                            callout_inner_width(), callout_padding, callout_padding};
        place_flow(flow, column, [&](double top, double bottom_edge, bool continued) {
            const double box_top_fixed = std::max(top - callout_padding, area.y);
            const double height = bottom_edge - box_top_fixed;
            page().fills.push_back(
                {{area.x, box_top_fixed, area.width, height}, callout_tint, false, artifact(Role::background)});
            page().fills.push_back({{mirrored(area.x, area.width, 0, callout_rule), box_top_fixed, callout_rule, height},
                                    accent, false, artifact(Role::rule)});
            record(BlockKind::callout, box_top_fixed, bottom_edge, continued);
        });
        cursor_ += callout_padding;
        gap_after(block_gap);
    }

    // ---- Table of contents --------------------------------------------------

    struct PendingContentsEntry {
        std::size_t heading_block = 0;
        std::size_t page = 0;
        Rect row;
        TextStyle style;
        double number_baseline = 0;  // from the row's top
        BoxTag tag;                  // of the entry's text
    };

    void place(std::size_t index, const TableOfContentsBlock& contents) {
        const HeadingStyle title_style = heading_style(1);
        if (!contents.title.empty()) {
            PreparedText title = prepare(contents.title, title_style.text, content().width);
            if (!at_top()) skip(title_style.space_before);
            const double top = cursor_;
            BoxTag title_tag = tag(Role::heading);
            title_tag.level = 1;
            add_lines(title, 0, title.line_count(), content().x, cursor_, title_style.color, title_tag);
            cursor_ += title.height();
            record(BlockKind::contents, top, cursor_);
            gap_after(title_style.space_after + 4, true);
        }
        for (std::size_t i = 0; i < document_.blocks.size(); ++i) {
            const auto* heading = std::get_if<HeadingBlock>(&document_.blocks[i]);
            if (!heading || !heading->in_toc || heading->level > contents.depth) continue;
            const NumberedHeading& numbered = numbers_.at(i);
            const bool major = heading->level == 1;
            const TextStyle style{FontRole::heading, major ? 10.5 : 9.5, major ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL};
            const double indent = major ? 0 : 24.0 * (heading->level - 1);
            const double width = content().width - indent - toc_number_column;
            const std::string text =
                numbered.number.empty() ? heading->text : numbered.number + en_space + heading->text;
            PreparedText entry = prepare(text, style, width);
            skip(major ? 9 : 3);
            if (entry.height() > space_left()) new_page();
            const double top = cursor_;
            BoxTag entry_tag = tag(Role::contents_entry, static_cast<int>(pending_contents_.size()));
            entry_tag.level = heading->level;
            add_lines(entry, 0, entry.line_count(), mirrored(content().x, content().width, indent, width), cursor_,
                      ink, entry_tag);
            const double baseline = static_cast<double>(pango_layout_get_baseline(entry.layout.get())) / PANGO_SCALE;
            cursor_ += entry.height();
            record(BlockKind::contents, top, cursor_);
            pending_contents_.push_back(
                {i, result_.pages.size() - 1, {content().x, top, content().width, cursor_ - top}, style, baseline,
                 entry_tag});
        }
        (void)index;
        gap_after(block_gap);
    }

    // A page's number as printed, in the digits of the document's locale:
    // the same in the footer, the contents and the PDF page labels.
    std::string folio(std::size_t page_index) const { return local_number(static_cast<std::int64_t>(page_index) + 1); }
    std::string local_number(std::int64_t number) const {
        return format_message("{n, number, ::group-off}", document_.info.icu_locale, {{"n", number}});
    }

    void fill_in_contents() {
        for (const PendingContentsEntry& entry : pending_contents_) {
            const auto heading = std::find_if(result_.headings.begin(), result_.headings.end(),
                                              [&](const HeadingPlacement& h) { return h.block == entry.heading_block; });
            if (heading == result_.headings.end()) continue;
            const std::string number = folio(heading->page);
            PreparedText text = prepare(number, entry.style, toc_number_column, Alignment::end);
            LaidOutPage& target = result_.pages[entry.page];
            const double x = mirrored(entry.row.x, entry.row.width, entry.row.width - toc_number_column, toc_number_column);
            const double baseline = static_cast<double>(pango_layout_get_baseline(text.layout.get())) / PANGO_SCALE;
            const double y = entry.row.y + entry.number_baseline - baseline;
            BoxTag number_tag = entry.tag;
            number_tag.role = Role::contents_page;
            BoxTag link_tag = entry.tag;
            link_tag.role = Role::link;
            target.texts.push_back(TextBox{{x, y, toc_number_column, text.height()}, share(text.layout.get()), 0,
                                           text.line_count(), y - text.lines.front().first, ink, false, number_tag});
            target.links.push_back({entry.row, {}, heading->anchor, link_tag});
            result_.contents.push_back({heading->anchor, entry.page, number});
        }
    }

    // ---- Cover, breaks --------------------------------------------------------

    void place(std::size_t, const CoverBlock& cover) {
        if (!result_.pages.empty() && !page_is_empty(page())) new_page();
        page().cover = true;
        const PageGeometry& g = result_.geometry;
        const double band_height = g.height * 0.46;
        page().fills.push_back({{0, 0, g.width, band_height}, accent, false, artifact(Role::background)});
        const double width = g.width - g.margin_inner - g.margin_outer;
        const double x = g.margin_inner;
        page().fills.push_back({{mirrored(x, width, 0, 64), band_height - 48, 64, 4}, white, false, artifact(Role::rule)});

        PreparedText kicker = prepare(cover.kicker, {FontRole::heading, 10.5, PANGO_WEIGHT_BOLD}, width);
        add_lines(kicker, 0, kicker.line_count(), x, 92, accent_light, tag(Role::cover_text, 0));
        PreparedText title = prepare(cover.title, {FontRole::heading, 40, PANGO_WEIGHT_BOLD, false, 1.0}, width);
        PreparedText subtitle = prepare(cover.subtitle, {FontRole::heading, 16, PANGO_WEIGHT_NORMAL}, width);
        const double subtitle_y = band_height - 64 - subtitle.height();
        const double title_y = subtitle_y - 8 - title.height();
        add_lines(title, 0, title.line_count(), x, title_y, white, tag(Role::cover_text, 1));
        add_lines(subtitle, 0, subtitle.line_count(), x, subtitle_y, white, tag(Role::cover_text, 2));

        double y = band_height + 48;
        int item = 3;
        for (const std::string& line : cover.details) {
            PreparedText detail = prepare(line, {FontRole::heading, 12, PANGO_WEIGHT_NORMAL}, width);
            add_lines(detail, 0, detail.line_count(), x, y, ink, tag(Role::cover_text, item++));
            y += detail.height() + 6;
        }
        record(BlockKind::cover, 0, g.height);
        // Nothing else shares the cover.
        new_page();
    }

    void place(std::size_t, const PageBreakBlock&) {
        if (!result_.pages.empty() && !at_top()) new_page();
    }

    // ---- Furniture ----------------------------------------------------------

    void add_page_furniture() {
        const PageGeometry& g = result_.geometry;
        const Rect area = content();
        const auto pages = static_cast<std::int64_t>(result_.pages.size());
        const double half = area.width / 2 - 12;
        for (std::int64_t i = 0; i < pages; ++i) {
            LaidOutPage& p = result_.pages[static_cast<std::size_t>(i)];
            p.label = p.cover ? document_.info.cover_label : folio(static_cast<std::size_t>(i));
            if (p.cover) continue;
            const double header_y = g.margin_top - 40;
            if (!document_.info.running_header.empty()) {
                PreparedText header = prepare(document_.info.running_header, furniture_style, half);
                pango_layout_set_ellipsize(header.layout.get(), PANGO_ELLIPSIZE_END);
                add_furniture(p, header, mirrored(area.x, area.width, 0, half), header_y, Role::running_head);
            }
            // The chapter in force at the top of this page, at the other end of the header.
            const HeadingPlacement* chapter = nullptr;
            const auto page_index = static_cast<std::size_t>(i);
            for (const HeadingPlacement& heading : result_.headings) {
                if (heading.level != 1) continue;
                const bool opens_page = heading.page == page_index && !p.blocks.empty() &&
                                        p.blocks.front().block == heading.block;
                if (heading.page < page_index || opens_page) chapter = &heading;
            }
            if (chapter) {
                const std::string title =
                    chapter->number.empty() ? chapter->text : chapter->number + en_space + chapter->text;
                PreparedText text = prepare(title, furniture_style, half, Alignment::end);
                pango_layout_set_ellipsize(text.layout.get(), PANGO_ELLIPSIZE_END);
                add_furniture(p, text, mirrored(area.x, area.width, area.width - half, half), header_y,
                              Role::running_head);
            }
            p.fills.push_back({{area.x, g.margin_top - 26, area.width, 0.5}, rule, true, artifact(Role::rule)});
            const std::string folio = format_message(document_.info.page_of_pages, document_.info.icu_locale,
                                                     {{"page", i + 1}, {"pages", pages}});
            PreparedText footer = prepare(folio, furniture_style, area.width, Alignment::end);
            add_furniture(p, footer, area.x, g.height - g.margin_bottom + 30, Role::folio);
        }
    }

    void add_furniture(LaidOutPage& p, const PreparedText& text, double x, double y, Role role) {
        p.texts.push_back(TextBox{{x, y, text.width, text.height()}, share(text.layout.get()), 0, text.line_count(),
                                  y - text.lines.front().first, muted, true, artifact(role)});
    }

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
    bool rtl_ = false;
    FontDescriptionPtr families_[2];
    std::map<std::string, std::optional<Hyphenator>> hyphenators_;
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

}  // namespace

LaidOutDocument paginate(const Document& document, const FontSet& fonts, const HyphenationDictionaries& hyphenation) {
    return Paginator(document, fonts, hyphenation).run();
}

LaidOutDocument paginate(const Document& document, const FontSet& fonts) {
    const HyphenationDictionaries hyphenation(fonts.hyphenation_folder());
    return paginate(document, fonts, hyphenation);
}

}  // namespace icc
