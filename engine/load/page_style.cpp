#include "load/page_style.h"

#include <cstdio>
#include <deque>
#include <map>
#include <optional>
#include <vector>

#include "support/diagnostic.h"
#include "support/toml_reader.h"

namespace icc {

namespace {

bool is_hex_colour(const std::string& text) {
    if (text.size() != 7 || text[0] != '#') return false;
    for (std::size_t i = 1; i < text.size(); ++i)
        if (!std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
    return true;
}

Color parse_colour(const std::string& text) {
    auto channel = [&](std::size_t at) { return std::stoi(text.substr(at, 2), nullptr, 16) / 255.0; };
    return {channel(1), channel(3), channel(5)};
}

const Expect<double> length{.what = "a length in points from 0 to 1000", .min = 0, .max = 1000};
const Expect<double> size{.what = "a type size in points from 4 to 96", .min = 4, .max = 96};
const Expect<double> line_spacing{.what = "a line spacing factor from 0 (the font's own) to 3", .min = 0, .max = 3};
const Expect<double> penalty{.what = "a number from 0 to 10000", .min = 0, .max = 10000};
const Expect<double> demerits{.what = "a number from 0 to 1000000", .min = 0, .max = 1000000};
const Expect<double> fraction{.what = "a fraction from 0 to 1", .min = 0, .max = 1};
const Expect<double> ems{.what = "a length in ems from 0 to 10", .min = 0, .max = 10};
const Expect<double> badness{.what = "a badness from 0 to 10000", .min = 0, .max = 10000};
const Expect<std::string> colour{.what = "a colour \"#RRGGBB\"", .valid = is_hex_colour};

// Every key of the design file, once, in the file's order. Reading the file
// and the style's canonical text both walk this list, so a new key cannot be
// read but left out of the cache key (or the reverse).
template <typename Style, typename Visitor>
void walk_fields(Style& s, Visitor& v) {
    v.table("page");
    v.field("width", s.page.width, {.what = "a width in points from 100 to 2000", .min = 100, .max = 2000});
    v.field("height", s.page.height, {.what = "a height in points from 100 to 2000", .min = 100, .max = 2000});
    v.field("margin_top", s.page.margin_top, length);
    v.field("margin_bottom", s.page.margin_bottom, length);
    v.field("margin_inner", s.page.margin_inner, length);
    v.field("margin_outer", s.page.margin_outer, length);
    v.field("figure_width", s.page.figure_width, length);
    if (s.page.margin_inner + s.page.margin_outer > s.page.width - 100 ||
        s.page.margin_top + s.page.margin_bottom > s.page.height - 100)
        v.error("the margins leave less than 100 points of text area");

    v.table("type");
    for (auto [key, type] : {std::pair{"body", &s.body}, {"lead", &s.lead}, {"note", &s.note}, {"list", &s.list},
                             {"cell", &s.cell}, {"caption", &s.caption}, {"callout_title", &s.callout_title},
                             {"callout_body", &s.callout_body}, {"furniture", &s.furniture}}) {
        v.subtable(key);
        v.field("size", type->size, size);
        v.field("line_spacing", type->line_spacing, line_spacing);
    }
    v.table("type");
    v.field("arabic_scale", s.arabic_scale, {.what = "a factor from 0.5 to 2", .min = 0.5, .max = 2});
    for (std::size_t level = 0; v.heading(level, s.headings.size()); ++level) {
        auto& heading = s.headings[level];
        v.field("size", heading.type.size, size);
        v.field("line_spacing", heading.type.line_spacing, line_spacing);
        v.field("space_before", heading.space_before, length);
        v.field("space_after", heading.space_after, length);
    }

    v.table("spacing");
    v.field("paragraph_gap", s.paragraph_gap, length);
    v.field("list_item_gap", s.list_item_gap, length);
    v.field("list_indent", s.list_indent, length);
    v.field("block_gap", s.block_gap, length);
    v.field("cell_padding_x", s.cell_padding_x, length);
    v.field("cell_padding_y", s.cell_padding_y, length);
    v.field("callout_rule", s.callout_rule, length);
    v.field("callout_padding", s.callout_padding, length);
    v.field("callout_gap", s.callout_gap, length);
    v.field("caption_gap", s.caption_gap, length);
    v.field("toc_number_column", s.toc_number_column, length);
    v.field("list_marker_gap", s.list_marker_gap, length);
    v.field("row_rule", s.row_rule, {.what = "a line weight in points from 0 to 5", .min = 0, .max = 5});
    v.field("min_lines", s.min_lines, {.what = "a number of lines from 1 to 5", .min = 1, .max = 5});

    v.table("cover");
    auto& c = s.cover;
    v.field("band", c.band, {.what = "a fraction of the page height from 0.1 to 0.9", .min = 0.1, .max = 0.9});
    for (auto [key, type] : {std::pair{"kicker", &c.kicker}, {"title", &c.title}, {"subtitle", &c.subtitle},
                             {"details", &c.details}}) {
        v.subtable(key);
        v.field("size", type->size, size);
        v.field("line_spacing", type->line_spacing, line_spacing);
    }
    v.table("cover");
    v.field("kicker_top", c.kicker_top, length);
    v.field("rule_width", c.rule_width, length);
    v.field("rule_height", c.rule_height, length);
    v.field("rule_above_band_foot", c.rule_above_band_foot, length);
    v.field("subtitle_above_band_foot", c.subtitle_above_band_foot, length);
    v.field("title_gap", c.title_gap, length);
    v.field("details_below_band", c.details_below_band, length);
    v.field("details_gap", c.details_gap, length);

    v.table("contents");
    auto& t = s.contents;
    for (auto [key, type] : {std::pair{"entry", &t.entry}, {"subentry", &t.subentry}}) {
        v.subtable(key);
        v.field("size", type->size, size);
        v.field("line_spacing", type->line_spacing, line_spacing);
    }
    v.table("contents");
    v.field("indent", t.indent, length);
    v.field("entry_gap", t.entry_gap, length);
    v.field("subentry_gap", t.subentry_gap, length);
    v.field("title_gap", t.title_gap, length);

    v.table("furniture");
    auto& f = s.furniture_layout;
    v.field("head_above_text", f.head_above_text, length);
    v.field("rule_above_text", f.rule_above_text, length);
    v.field("rule_weight", f.rule_weight, {.what = "a line weight in points from 0.1 to 5", .min = 0.1, .max = 5});
    v.field("folio_below_text", f.folio_below_text, length);
    v.field("head_gap", f.head_gap, length);

    v.table("colours");
    for (auto [key, target] : {std::pair{"ink", &s.ink}, {"muted", &s.muted}, {"accent", &s.accent},
                               {"accent_light", &s.accent_light}, {"callout_tint", &s.callout_tint},
                               {"emphasis_tint", &s.emphasis_tint}, {"rule", &s.rule}})
        v.colour(key, *target);

    v.table("breaker");
    auto& b = s.breaker;
    v.field("line_penalty", b.line_penalty, penalty);
    v.field("hyphen_penalty", b.hyphen_penalty, penalty);
    v.field("explicit_hyphen_penalty", b.explicit_hyphen_penalty, penalty);
    v.field("double_hyphen_demerits", b.double_hyphen_demerits, demerits);
    v.field("final_hyphen_demerits", b.final_hyphen_demerits, demerits);
    v.field("adjacent_demerits", b.adjacent_demerits, demerits);
    v.field("max_consecutive_hyphens", b.max_consecutive_hyphens, {.what = "a number of lines from 1 to 10", .min = 1, .max = 10});
    v.field("pretolerance", b.pretolerance, {.what = "a badness from -1 (no first pass) to 10000", .min = -1, .max = 10000});
    v.field("tolerance", b.tolerance, badness);
    v.field("emergency_stretch_em", b.emergency_stretch_em, ems);
    v.field("last_line_min_fraction", b.last_line_min_fraction, fraction);
    v.field("space_stretch", b.space_stretch, fraction);
    v.field("space_shrink", b.space_shrink, fraction);
    v.field("min_hyphenated_word", b.min_hyphenated_word, {.what = "a number of letters from 2 to 20", .min = 2, .max = 20});
    v.field("hyphenate_capitalised", b.hyphenate_capitalised, {});
    v.field("ragged_line_end_stretch_em", b.ragged_line_end_stretch_em, ems);
    v.field("ragged_hyphen_penalty", b.ragged_hyphen_penalty, penalty);
    v.field("ragged_tolerance", b.ragged_tolerance, badness);
    v.field("optical_margins", b.optical_margins, {});
    v.field("hyphen_protrusion", b.hyphen_protrusion, fraction);
    v.field("stop_protrusion", b.stop_protrusion, fraction);
}

// Reads the fields from the file; a missing table or key is reported by the
// typed reader (every key is required: the file is the whole design).
class FieldReader {
public:
    explicit FieldReader(TableReader root) : root_(std::move(root)) {}

    void table(const char* key) {
        auto found = tables_.find(key);
        if (found == tables_.end()) found = tables_.emplace(key, root_.required_table(key)).first;
        current_ = &found->second;
        parent_ = current_;
    }
    void subtable(const char* key) {
        subtables_.push_back(parent_ && *parent_ ? (*parent_)->required_table(key) : std::nullopt);
        current_ = &subtables_.back();
    }
    // Level `level` of the [[type.heading]] tables; false past the last.
    bool heading(std::size_t level, std::size_t levels) {
        if (level == 0) {
            if (parent_ && *parent_) headings_ = (*parent_)->required_tables("heading", "heading { size = ..., line_spacing = ..., space_before = ..., space_after = ... }");
            if (!headings_.empty() && headings_.size() != levels)
                (*parent_)->error("heading: expected " + std::to_string(levels) +
                                  " [[type.heading]] tables (levels 1 to 4), found " + std::to_string(headings_.size()));
        }
        if (level >= std::min(levels, headings_.size())) return false;
        subtables_.emplace_back(std::move(headings_[level]));
        current_ = &subtables_.back();
        return true;
    }
    template <typename T>
    void field(const char* key, T& target, const Expect<T>& expect) {
        if (current_ && *current_)
            if (auto value = (*current_)->required<T>(key, expect)) target = *value;
    }
    void colour(const char* key, Color& target) {
        if (current_ && *current_)
            if (auto value = (*current_)->required<std::string>(key, icc::colour)) target = parse_colour(*value);
    }
    void error(const std::string& message) {
        if (current_ && *current_) (*current_)->error(message);
    }

private:
    TableReader root_;
    std::map<std::string, std::optional<TableReader>> tables_;
    std::deque<std::optional<TableReader>> subtables_;  // stable addresses
    std::vector<TableReader> headings_;
    std::optional<TableReader>* current_ = nullptr;
    std::optional<TableReader>* parent_ = nullptr;
};

// Writes every value, canonically, in the walk's order.
class FieldText {
public:
    void table(const char*) {}
    void subtable(const char*) {}
    bool heading(std::size_t level, std::size_t levels) { return level < levels; }
    template <typename T>
    void field(const char*, const T& value, const Expect<T>&) { number(static_cast<double>(value)); }
    void colour(const char*, const Color& c) { number(c.r), number(c.g), number(c.b); }
    void error(const std::string&) {}
    std::string text;

private:
    void number(double value) {
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "%.17g;", value);
        text += buffer;
    }
};

}  // namespace

PageStyle load_page_style(const std::filesystem::path& file) {
    DiagnosticSink sink;
    PageStyle style;
    if (const auto document = TomlDocument::read(file, sink)) {
        TableReader root = document->root(sink);
        style.source_file = root.file();
        FieldReader reader(std::move(root));
        walk_fields(style, reader);
    }
    sink.throw_if_errors();
    return style;
}

std::string canonical_text(const PageStyle& style) {
    // source_file is left out: the same design read from another folder sets the same pages.
    FieldText text;
    walk_fields(style, text);
    return std::move(text.text);
}

}  // namespace icc
