#include "load/page_style.h"

#include <cstdio>
#include <optional>

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

StyleColor parse_colour(const std::string& text) {
    auto channel = [&](std::size_t at) { return std::stoi(text.substr(at, 2), nullptr, 16) / 255.0; };
    return {channel(1), channel(3), channel(5)};
}

// Reads `key` into `target` when present and valid; the reader reports the rest.
template <typename T>
void read(TableReader& table, std::string_view key, T& target, const Expect<T>& expect) {
    if (auto value = table.required<T>(key, expect)) target = *value;
}

const Expect<double> length{.what = "a length in points from 0 to 1000", .min = 0, .max = 1000};
const Expect<double> size{.what = "a type size in points from 4 to 96", .min = 4, .max = 96};
const Expect<double> line_spacing{.what = "a line spacing factor from 0 (the font's own) to 3", .min = 0, .max = 3};
const Expect<double> penalty{.what = "a number from 0 to 10000", .min = 0, .max = 10000};
const Expect<double> demerits{.what = "a number from 0 to 1000000", .min = 0, .max = 1000000};
const Expect<double> fraction{.what = "a fraction from 0 to 1", .min = 0, .max = 1};
const Expect<double> ems{.what = "a length in ems from 0 to 10", .min = 0, .max = 10};
const Expect<std::string> colour{.what = "a colour \"#RRGGBB\"", .valid = is_hex_colour};

void read_type(TableReader& type, std::string_view key, TypeStyle& target) {
    if (std::optional<TableReader> table = type.required_table(key)) {
        read(*table, "size", target.size, size);
        read(*table, "line_spacing", target.line_spacing, line_spacing);
    }
}

void read_colour(TableReader& colours, std::string_view key, StyleColor& target) {
    if (auto value = colours.required<std::string>(key, colour)) target = parse_colour(*value);
}

PageStyle read_style(TableReader root) {
    PageStyle style;
    style.source_file = root.file();
    if (std::optional<TableReader> page = root.required_table("page")) {
        read(*page, "width", style.page_width, {.what = "a width in points from 100 to 2000", .min = 100, .max = 2000});
        read(*page, "height", style.page_height, {.what = "a height in points from 100 to 2000", .min = 100, .max = 2000});
        read(*page, "margin_top", style.margin_top, length);
        read(*page, "margin_bottom", style.margin_bottom, length);
        read(*page, "margin_inner", style.margin_inner, length);
        read(*page, "margin_outer", style.margin_outer, length);
        read(*page, "figure_width", style.figure_width, length);
        if (style.margin_inner + style.margin_outer > style.page_width - 100 ||
            style.margin_top + style.margin_bottom > style.page_height - 100)
            page->error("the margins leave less than 100 points of text area");
    }
    if (std::optional<TableReader> type = root.required_table("type")) {
        read_type(*type, "body", style.body);
        read_type(*type, "lead", style.lead);
        read_type(*type, "note", style.note);
        read_type(*type, "list", style.list);
        read_type(*type, "cell", style.cell);
        read_type(*type, "caption", style.caption);
        read_type(*type, "callout_title", style.callout_title);
        read_type(*type, "callout_body", style.callout_body);
        read_type(*type, "furniture", style.furniture);
        read(*type, "arabic_scale", style.arabic_scale, {.what = "a factor from 0.5 to 2", .min = 0.5, .max = 2});
        std::vector<TableReader> headings = type->required_tables("heading", "heading { size = ..., line_spacing = ..., space_before = ..., space_after = ... }");
        if (!headings.empty() && headings.size() != style.headings.size())
            type->error("heading: expected " + std::to_string(style.headings.size()) +
                        " [[type.heading]] tables (levels 1 to 4), found " + std::to_string(headings.size()));
        for (std::size_t level = 0; level < headings.size() && level < style.headings.size(); ++level) {
            HeadingTypeStyle& target = style.headings[level];
            read(headings[level], "size", target.type.size, size);
            read(headings[level], "line_spacing", target.type.line_spacing, line_spacing);
            read(headings[level], "space_before", target.space_before, length);
            read(headings[level], "space_after", target.space_after, length);
        }
    }
    if (std::optional<TableReader> spacing = root.required_table("spacing")) {
        read(*spacing, "paragraph_gap", style.paragraph_gap, length);
        read(*spacing, "list_item_gap", style.list_item_gap, length);
        read(*spacing, "list_indent", style.list_indent, length);
        read(*spacing, "block_gap", style.block_gap, length);
        read(*spacing, "cell_padding_x", style.cell_padding_x, length);
        read(*spacing, "cell_padding_y", style.cell_padding_y, length);
        read(*spacing, "callout_rule", style.callout_rule, length);
        read(*spacing, "callout_padding", style.callout_padding, length);
        read(*spacing, "callout_gap", style.callout_gap, length);
        read(*spacing, "caption_gap", style.caption_gap, length);
        read(*spacing, "toc_number_column", style.toc_number_column, length);
        read(*spacing, "min_lines", style.min_lines, {.what = "a number of lines from 1 to 5", .min = 1, .max = 5});
    }
    if (std::optional<TableReader> colours = root.required_table("colours")) {
        read_colour(*colours, "ink", style.ink);
        read_colour(*colours, "muted", style.muted);
        read_colour(*colours, "accent", style.accent);
        read_colour(*colours, "accent_light", style.accent_light);
        read_colour(*colours, "callout_tint", style.callout_tint);
        read_colour(*colours, "emphasis_tint", style.emphasis_tint);
        read_colour(*colours, "rule", style.rule);
    }
    if (std::optional<TableReader> breaker = root.required_table("breaker")) {
        BreakerStyle& b = style.breaker;
        read(*breaker, "line_penalty", b.line_penalty, penalty);
        read(*breaker, "hyphen_penalty", b.hyphen_penalty, penalty);
        read(*breaker, "explicit_hyphen_penalty", b.explicit_hyphen_penalty, penalty);
        read(*breaker, "double_hyphen_demerits", b.double_hyphen_demerits, demerits);
        read(*breaker, "final_hyphen_demerits", b.final_hyphen_demerits, demerits);
        read(*breaker, "adjacent_demerits", b.adjacent_demerits, demerits);
        read(*breaker, "max_consecutive_hyphens", b.max_consecutive_hyphens,
             {.what = "a number of lines from 1 to 10", .min = 1, .max = 10});
        read(*breaker, "pretolerance", b.pretolerance,
             {.what = "a badness from -1 (no first pass) to 10000", .min = -1, .max = 10000});
        read(*breaker, "tolerance", b.tolerance, {.what = "a badness from 0 to 10000", .min = 0, .max = 10000});
        read(*breaker, "emergency_stretch_em", b.emergency_stretch_em, ems);
        read(*breaker, "last_line_min_fraction", b.last_line_min_fraction, fraction);
        read(*breaker, "space_stretch", b.space_stretch, fraction);
        read(*breaker, "space_shrink", b.space_shrink, fraction);
        read(*breaker, "min_hyphenated_word", b.min_hyphenated_word,
             {.what = "a number of letters from 2 to 20", .min = 2, .max = 20});
        read(*breaker, "hyphenate_capitalised", b.hyphenate_capitalised, {});
        read(*breaker, "ragged_line_end_stretch_em", b.ragged_line_end_stretch_em, ems);
        read(*breaker, "ragged_hyphen_penalty", b.ragged_hyphen_penalty, penalty);
        read(*breaker, "ragged_tolerance", b.ragged_tolerance, {.what = "a badness from 0 to 10000", .min = 0, .max = 10000});
        read(*breaker, "optical_margins", b.optical_margins, {});
        read(*breaker, "hyphen_protrusion", b.hyphen_protrusion, fraction);
        read(*breaker, "stop_protrusion", b.stop_protrusion, fraction);
    }
    return style;
}

class Canonical {
public:
    Canonical& number(double value) {
        char buffer[40];
        std::snprintf(buffer, sizeof buffer, "%.17g;", value);
        out_ += buffer;
        return *this;
    }
    Canonical& type(const TypeStyle& t) { return number(t.size).number(t.line_spacing); }
    Canonical& colour(const StyleColor& c) { return number(c.r).number(c.g).number(c.b); }
    std::string out_;
};

}  // namespace

PageStyle load_page_style(const std::filesystem::path& file) {
    DiagnosticSink sink;
    PageStyle style;
    if (const auto document = TomlDocument::read(file, sink)) style = read_style(document->root(sink));
    sink.throw_if_errors();
    return style;
}

std::string canonical_text(const PageStyle& s) {
    // source_file is left out: the same design read from another folder sets the same pages.
    Canonical c;
    c.number(s.page_width).number(s.page_height).number(s.margin_top).number(s.margin_bottom);
    c.number(s.margin_inner).number(s.margin_outer).number(s.figure_width);
    for (const TypeStyle* t : {&s.body, &s.lead, &s.note, &s.list, &s.cell, &s.caption, &s.callout_title,
                               &s.callout_body, &s.furniture})
        c.type(*t);
    for (const HeadingTypeStyle& h : s.headings) c.type(h.type).number(h.space_before).number(h.space_after);
    c.number(s.arabic_scale).number(s.paragraph_gap).number(s.list_item_gap).number(s.list_indent);
    c.number(s.block_gap).number(s.cell_padding_x).number(s.cell_padding_y).number(s.callout_rule);
    c.number(s.callout_padding).number(s.callout_gap).number(s.caption_gap).number(s.toc_number_column);
    c.number(s.min_lines);
    for (const StyleColor* colour : {&s.ink, &s.muted, &s.accent, &s.accent_light, &s.callout_tint,
                                     &s.emphasis_tint, &s.rule})
        c.colour(*colour);
    const BreakerStyle& b = s.breaker;
    c.number(b.line_penalty).number(b.hyphen_penalty).number(b.explicit_hyphen_penalty);
    c.number(b.double_hyphen_demerits).number(b.final_hyphen_demerits).number(b.adjacent_demerits);
    c.number(b.max_consecutive_hyphens).number(b.pretolerance).number(b.tolerance).number(b.emergency_stretch_em);
    c.number(b.last_line_min_fraction).number(b.space_stretch).number(b.space_shrink);
    c.number(b.min_hyphenated_word).number(b.hyphenate_capitalised).number(b.ragged_line_end_stretch_em);
    c.number(b.ragged_hyphen_penalty).number(b.ragged_tolerance).number(b.optical_margins);
    c.number(b.hyphen_protrusion).number(b.stop_protrusion);
    return std::move(c.out_);
}

}  // namespace icc
