#include "charts/chart_parts.h"

#include <pango/pangocairo.h>
#include <unicode/listformatter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>

#include "support/diagnostic.h"
#include "support/fonts.h"
#include "support/locale.h"

namespace icc::charts::detail {

namespace {

double role_size(const ChartStyle& style, TextRole role) {
    switch (role) {
        case TextRole::label:
        case TextRole::label_strong: return style.label_size;
        case TextRole::value: return style.value_size;
        case TextRole::tick: return style.tick_size;
        case TextRole::legend: return style.legend_size;
        case TextRole::note: return style.note_size;
        case TextRole::title: return style.title_size;
    }
    return style.label_size;
}

PangoWeight role_weight(TextRole role) {
    return role == TextRole::label_strong || role == TextRole::title || role == TextRole::value ? PANGO_WEIGHT_BOLD
                                                                                                 : PANGO_WEIGHT_NORMAL;
}

PangoAlignment pango_alignment(TextAlign align) {
    switch (align) {
        case TextAlign::left: return PANGO_ALIGN_LEFT;
        case TextAlign::center: return PANGO_ALIGN_CENTER;
        case TextAlign::right: return PANGO_ALIGN_RIGHT;
    }
    return PANGO_ALIGN_LEFT;
}

int to_pango(double points) { return static_cast<int>(std::lround(points * PANGO_SCALE)); }

}  // namespace

ChartText::ChartText(const ChartContext& chart, cairo_t* target)
    : chart_(&chart), right_to_left_(chart.words().right_to_left()), context_(chart.fonts().create_context()) {
    pango_context_set_language(context_.get(), pango_language_from_string(chart.words().lang().c_str()));
    pango_context_set_base_dir(context_.get(), right_to_left_ ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
    if (target) pango_cairo_update_context(target, context_.get());
}

GObjectPtr<PangoLayout> ChartText::make_layout(const std::string& text, TextRole role, double wrap_width,
                                               int max_lines, TextAlign align) const {
    GObjectPtr<PangoLayout> layout(pango_layout_new(context_.get()));
    // The chart language's faces first: Latin letters and digits in a Japanese label match its kana.
    FontDescriptionPtr font(pango_font_description_from_string(
        chart_->fonts().families(FontRole::heading, chart_->words().lang()).c_str()));
    pango_font_description_set_absolute_size(font.get(), role_size(style(), role) * PANGO_SCALE);
    pango_font_description_set_weight(font.get(), role_weight(role));
    if (role == TextRole::note) pango_font_description_set_style(font.get(), PANGO_STYLE_ITALIC);
    pango_layout_set_font_description(layout.get(), font.get());
    // The paragraph direction is the language's, and alignment is physical:
    // mirroring is decided by the chart, not guessed per string.
    pango_layout_set_auto_dir(layout.get(), FALSE);
    pango_layout_set_alignment(layout.get(), pango_alignment(align));
    if (wrap_width > 0) {
        pango_layout_set_width(layout.get(), to_pango(wrap_width));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        if (max_lines > 0) {
            pango_layout_set_height(layout.get(), -max_lines);
            pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
        }
    }
    pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
    return layout;
}

TextBox ChartText::fit(std::string text, TextRole role, Rgb color, double max_width, int max_lines,
                       TextAlign align) const {
    TextBox result;
    result.role = role;
    result.color = color;
    result.align = align;
    result.max_lines = max_lines;
    PangoRectangle logical{};
    {
        auto single = make_layout(text, role, 0, 0, align);
        pango_layout_get_extents(single.get(), nullptr, &logical);
    }
    if (max_width <= 0 || logical.width <= to_pango(max_width)) {
        result.box = {0, 0, static_cast<double>(logical.width) / PANGO_SCALE,
                      static_cast<double>(logical.height) / PANGO_SCALE};
    } else {
        auto wrapped = make_layout(text, role, max_width, max_lines, align);
        pango_layout_get_extents(wrapped.get(), nullptr, &logical);
        // The box is as wide as the longest line, so short labels do not claim
        // the whole column; re-wrapping at that width breaks at the same places.
        const int width = std::min(to_pango(max_width), logical.width + 1);
        result.box = {0, 0, static_cast<double>(width) / PANGO_SCALE, static_cast<double>(logical.height) / PANGO_SCALE};
        result.wrapped = true;
    }
    result.text = std::move(text);
    return result;
}

int ChartText::lines_at(const std::string& text, TextRole role, double width) const {
    auto layout = make_layout(text, role, width, 0, TextAlign::left);
    return pango_layout_get_line_count(layout.get());
}

double ChartText::line_height(TextRole role) const {
    // Latin letters and the language's own name (written in its script): a
    // script's fallback font may have taller lines than the Latin face.
    const ChartWords& catalog = chart_->words();
    const std::string sample = "Ag " + (catalog.has("meta.name") ? catalog.text("meta.name") : std::string()) + " " +
                               catalog.number(100, 0);
    auto layout = make_layout(sample, role, 0, 0, TextAlign::left);
    PangoRectangle logical{};
    pango_layout_get_extents(layout.get(), nullptr, &logical);
    return static_cast<double>(logical.height) / PANGO_SCALE;
}

GObjectPtr<PangoLayout> ChartText::layout(const TextBox& text) const {
    return make_layout(text.text, text.role, text.wrapped ? text.box.width : 0, text.wrapped ? text.max_lines : 0,
                       text.align);
}

namespace {

// The characters of `line` in logical order, as shown: where Pango cut the
// text with an ellipsis (at the end), the run holding the ellipsis is the one
// whose item starts last, and it covers the cut text.
std::string shown_text(PangoLayout* layout, PangoLayoutLine* line, bool last_line) {
    const char* all = pango_layout_get_text(layout);
    int end = line->start_index + line->length;
    bool cut = false;
    if (last_line && pango_layout_is_ellipsized(layout)) {
        int last_start = -1;
        for (GSList* run = line->runs; run; run = run->next) {
            const auto* item = static_cast<PangoGlyphItem*>(run->data)->item;
            last_start = std::max(last_start, item->offset);
        }
        if (last_start >= line->start_index) {
            end = last_start;
            cut = true;
        }
    }
    std::string text(all + line->start_index, static_cast<std::size_t>(end - line->start_index));
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
    if (cut) text += "\u2026";
    return text;
}

}  // namespace

void ChartText::record(cairo_t* cr, const TextBox& text, PangoLayout* layout) const {
    std::vector<PlacedTextLine>& out = *chart_->recorded_text();
    const int lines = pango_layout_get_line_count(layout);
    const std::unique_ptr<PangoLayoutIter, decltype(&pango_layout_iter_free)> owner(pango_layout_get_iter(layout),
                                                                                      pango_layout_iter_free);
    PangoLayoutIter* iter = owner.get();
    int index = 0;
    do {
        PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
        PangoRectangle logical{};
        pango_layout_iter_get_line_extents(iter, nullptr, &logical);
        const double baseline = static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE;
        PlacedTextLine placed;
        placed.text = shown_text(layout, line, index == lines - 1);
        if (!placed.text.empty()) {
            // The advance without trailing spaces: where the viewer's font must end.
            double left = static_cast<double>(logical.x) / PANGO_SCALE;
            double right = left + static_cast<double>(logical.width) / PANGO_SCALE;
            if (!pango_layout_is_ellipsized(layout)) {
                int* ranges = nullptr;
                int count = 0;
                const int trimmed_end = line->start_index + static_cast<int>(placed.text.size());
                pango_layout_line_get_x_ranges(line, line->start_index, trimmed_end, &ranges, &count);
                if (count > 0) {
                    int low = ranges[0], high = ranges[1];
                    for (int i = 1; i < count; ++i) {
                        low = std::min(low, ranges[2 * i]);
                        high = std::max(high, ranges[2 * i + 1]);
                    }
                    left = static_cast<double>(low) / PANGO_SCALE;
                    right = static_cast<double>(high) / PANGO_SCALE;
                }
                g_free(ranges);
            }
            double x = text.box.x + (left + right) / 2;
            double y = text.box.y + baseline;
            double width = right - left;
            double unused = 0;
            cairo_user_to_device(cr, &x, &y);
            cairo_user_to_device_distance(cr, &width, &unused);
            placed.center_x = x;
            placed.baseline = y;
            placed.width = width;
            placed.size = role_size(style(), text.role);
            placed.bold = role_weight(text.role) == PANGO_WEIGHT_BOLD;
            placed.italic = text.role == TextRole::note;
            placed.right_to_left = pango_layout_line_get_resolved_direction(line) == PANGO_DIRECTION_RTL;
            placed.color = text.color;
            placed.halo = text.halo;
            out.push_back(std::move(placed));
        }
        ++index;
    } while (pango_layout_iter_next_line(iter));
}

void ChartText::draw(cairo_t* cr, const TextBox& text) const {
    auto layout = this->layout(text);
    if (chart_->recorded_text()) {
        record(cr, text, layout.get());
        return;
    }
    if (text.halo) {
        CairoStateGuard guard(cr);
        cairo_move_to(cr, text.box.x, text.box.y);
        pango_cairo_layout_path(cr, layout.get());
        set_source(cr, style().background);
        cairo_set_line_width(cr, 2.2);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
    }
    set_source(cr, text.color);
    cairo_move_to(cr, text.box.x, text.box.y);
    pango_cairo_show_layout(cr, layout.get());
}

void mirror(TextBox& t, double width) {
    mirror(t.box, width);
    if (t.align == TextAlign::left)
        t.align = TextAlign::right;
    else if (t.align == TextAlign::right)
        t.align = TextAlign::left;
}

void mirror(ValueAxis& axis, double width) {
    mirror(axis.zero_x, width);
    mirror(axis.full_x, width);
}

void mirror(std::vector<TextBox>& texts, double width) {
    for (auto& t : texts) mirror(t, width);
}

void mirror(std::vector<LegendEntry>& entries, double width) {
    for (auto& e : entries) mirror(e.swatch, width);
}

LegendLayout layout_legend(const ChartText& text, const std::vector<LegendItem>& items, double x, double y,
                           double width) {
    constexpr double swatch_width = 14;
    constexpr double swatch_height = 9;
    constexpr double item_gap = 14;
    const ChartStyle& style = text.style();
    const double line_height = text.line_height(TextRole::legend);
    const double label_room = std::max(20.0, width - swatch_width - style.text_gap);

    LegendLayout legend;
    double cursor = x;
    double line_top = y;
    double line_bottom = y;
    for (const auto& item : items) {
        TextBox label = text.fit(item.label, TextRole::legend, style.text, label_room, 2);
        const double item_width = swatch_width + style.text_gap + label.box.width;
        if (cursor > x && cursor + item_width > x + width) {
            cursor = x;
            line_top = line_bottom + 3;
        }
        const double swatch_y = line_top + (line_height - swatch_height) / 2;
        legend.entries.push_back({item.mark, {cursor, swatch_y, swatch_width, swatch_height}});
        left_at(label, cursor + swatch_width + style.text_gap);
        top_at(label, line_top);
        line_bottom = std::max(line_bottom, label.box.bottom());
        cursor += item_width + item_gap;
        legend.texts.push_back(std::move(label));
    }
    legend.height = line_bottom - y;
    return legend;
}

double label_column_width(const ChartText& text, const std::vector<std::string>& labels, TextRole role, double width,
                          int max_lines, double min_share, double max_share) {
    double natural = 0;
    for (const auto& label : labels) natural = std::max(natural, text.fit(label, role, {}).box.width);
    const double narrowest = min_share * width;
    if (natural <= narrowest) return std::ceil(natural);
    const double widest = max_share * width;
    const double step = std::max(1.0, width * 0.01);
    for (double column = narrowest; column < widest; column += step) {
        if (column >= natural) return std::ceil(natural);
        bool fits = true;
        for (const auto& label : labels)
            if (text.lines_at(label, role, column) > max_lines) {
                fits = false;
                break;
            }
        if (fits) return column;
    }
    return std::min(widest, std::ceil(natural));
}

int lines_within(const ChartText& text, TextRole role, double height) {
    // A quarter-point of tolerance: a row exactly two lines tall holds two lines.
    return std::max(1, static_cast<int>(std::floor((height + 0.25) / text.line_height(role))));
}

double start_clear_of(double start, double text_width, double gap, std::vector<std::pair<double, double>> obstacles) {
    std::sort(obstacles.begin(), obstacles.end());
    for (const auto& [left, right] : obstacles)
        if (left < start + text_width + gap && right + gap > start) start = std::max(start, right + gap);
    return start;
}

std::vector<double> axis_ticks(double length) {
    if (length >= 150) return {0, 20, 40, 60, 80, 100};
    if (length >= 70) return {0, 50, 100};
    return {0, 100};
}

std::vector<TextBox> layout_axis_labels(const ChartText& text, const ValueAxis& axis, const std::string& title) {
    const ChartStyle& style = text.style();
    const ChartWords& catalog = text.chart().words();
    std::vector<TextBox> texts;
    double tick_bottom = axis.bottom;
    for (double tick : axis.ticks) {
        TextBox label = text.fit(catalog.number(tick, 0), TextRole::tick, style.secondary_text);
        center_x_at(label, axis.x_of(tick));
        top_at(label, axis.bottom + 2);
        tick_bottom = std::max(tick_bottom, label.box.bottom());
        texts.push_back(std::move(label));
    }
    if (!title.empty()) {
        const double plot_width = std::abs(axis.full_x - axis.zero_x);
        TextBox caption = text.fit(title, TextRole::tick, style.secondary_text, plot_width, 1, TextAlign::center);
        center_x_at(caption, (axis.zero_x + axis.full_x) / 2);
        top_at(caption, tick_bottom + 1);
        texts.push_back(std::move(caption));
    }
    return texts;
}

double axis_labels_height(const ChartText& text, const std::string& title, double width) {
    const double tick = 2 + text.line_height(TextRole::tick);
    if (title.empty()) return tick;
    return tick + 1 + text.fit(title, TextRole::tick, {}, width, 1).box.height;
}

void set_source(cairo_t* cr, const Rgb& color) { cairo_set_source_rgb(cr, color.r, color.g, color.b); }

void draw_grid(cairo_t* cr, const ChartStyle& style, const ValueAxis& axis) {
    CairoStateGuard guard(cr);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_set_line_width(cr, style.grid_width);
    set_source(cr, style.grid);
    for (double tick : axis.ticks) {
        if (tick == 0) continue;
        const double x = axis.x_of(tick);
        cairo_move_to(cr, x, axis.top);
        cairo_line_to(cr, x, axis.bottom);
    }
    cairo_stroke(cr);
    cairo_set_line_width(cr, style.axis_width);
    set_source(cr, style.axis);
    cairo_move_to(cr, axis.zero_x, axis.top);
    cairo_line_to(cr, axis.zero_x, axis.bottom);
    cairo_line_to(cr, axis.full_x, axis.bottom);
    cairo_stroke(cr);
    // Tick marks below the axis line.
    for (double tick : axis.ticks) {
        const double x = axis.x_of(tick);
        cairo_move_to(cr, x, axis.bottom);
        cairo_line_to(cr, x, axis.bottom + 2);
    }
    cairo_stroke(cr);
}

namespace {

void hatch(cairo_t* cr, const Box& box, Rgb color, double spacing, double line_width) {
    CairoStateGuard guard(cr);
    cairo_rectangle(cr, box.x, box.y, box.width, box.height);
    cairo_clip(cr);
    set_source(cr, color);
    cairo_set_line_width(cr, line_width);
    // Diagonals at 45 degrees, anchored at a multiple of the spacing so that
    // neighbouring bars share one hatching phase.
    const double start = std::floor((box.x - box.height) / spacing) * spacing;
    for (double x = start; x < box.right(); x += spacing) {
        cairo_move_to(cr, x, box.bottom());
        cairo_line_to(cr, x + box.height, box.y);
    }
    cairo_stroke(cr);
}

}  // namespace

void draw_bar(cairo_t* cr, const ChartStyle& style, Mark mark, const Box& bar) {
    if (bar.width <= 0 || bar.height <= 0) return;
    CairoStateGuard guard(cr);
    const Rgb fill = mark == Mark::sample_bar ? style.sample : mark == Mark::peer_bar ? style.peer : style.city;
    set_source(cr, fill);
    cairo_rectangle(cr, bar.x, bar.y, bar.width, bar.height);
    cairo_fill(cr);
    if (mark == Mark::peer_bar) hatch(cr, bar, style.background, 3.0, 0.9);
}

void draw_sample_tick(cairo_t* cr, const ChartStyle& style, const Box& tick) {
    CairoStateGuard guard(cr);
    cairo_rectangle(cr, tick.x, tick.y, tick.width, tick.height);
    set_source(cr, style.sample);
    cairo_fill_preserve(cr);
    cairo_set_line_width(cr, style.outline_width);
    set_source(cr, style.outline);
    cairo_stroke(cr);
}

void draw_diamond(cairo_t* cr, const ChartStyle& style, Point center, double half) {
    CairoStateGuard guard(cr);
    cairo_move_to(cr, center.x, center.y - half);
    cairo_line_to(cr, center.x + half, center.y);
    cairo_line_to(cr, center.x, center.y + half);
    cairo_line_to(cr, center.x - half, center.y);
    cairo_close_path(cr);
    set_source(cr, style.peer);
    cairo_fill_preserve(cr);
    cairo_set_line_width(cr, style.outline_width);
    set_source(cr, style.outline);
    cairo_stroke(cr);
}

void draw_dot(cairo_t* cr, const ChartStyle& style, Mark mark, Point center, double radius) {
    CairoStateGuard guard(cr);
    cairo_new_sub_path(cr);
    cairo_arc(cr, center.x, center.y, radius, 0, 2 * std::numbers::pi);
    if (mark == Mark::city_dot) {
        set_source(cr, style.city);
        cairo_fill_preserve(cr);
        cairo_set_line_width(cr, style.outline_width * 1.6);
        set_source(cr, style.outline);
        cairo_stroke(cr);
    } else {
        set_source(cr, style.other_cities);
        cairo_fill_preserve(cr);
        // A white rim keeps touching dots apart.
        cairo_set_line_width(cr, style.outline_width);
        set_source(cr, style.background);
        cairo_stroke(cr);
    }
}

void draw_edition_marker(cairo_t* cr, const ChartStyle& style, Mark mark, Point center, double radius) {
    CairoStateGuard guard(cr);
    cairo_new_path(cr);
    switch (mark) {
        case Mark::latest_edition:
            cairo_arc(cr, center.x, center.y, radius, 0, 2 * std::numbers::pi);
            set_source(cr, style.city);
            cairo_fill_preserve(cr);
            set_source(cr, style.outline);
            cairo_set_line_width(cr, style.outline_width);
            cairo_stroke(cr);
            return;
        case Mark::previous_edition:
            cairo_arc(cr, center.x, center.y, radius * 0.86, 0, 2 * std::numbers::pi);
            break;
        case Mark::older_edition: {
            const double half = radius * 0.8;
            cairo_rectangle(cr, center.x - half, center.y - half, 2 * half, 2 * half);
            break;
        }
        default: {
            const double r = radius * 1.05;
            cairo_move_to(cr, center.x, center.y - r);
            cairo_line_to(cr, center.x + r * 0.866, center.y + r * 0.5);
            cairo_line_to(cr, center.x - r * 0.866, center.y + r * 0.5);
            cairo_close_path(cr);
            break;
        }
    }
    const Rgb edge = mark == Mark::previous_edition ? style.previous_edition
                     : mark == Mark::older_edition  ? style.older_edition
                                                    : style.axis;
    set_source(cr, style.background);
    cairo_fill_preserve(cr);
    set_source(cr, edge);
    cairo_set_line_width(cr, std::max(1.0, radius * 0.45));
    cairo_stroke(cr);
}

void draw_legend_swatch(cairo_t* cr, const ChartStyle& style, const LegendEntry& entry) {
    const Box& s = entry.swatch;
    const Point center{s.center_x(), s.center_y()};
    switch (entry.mark) {
        case Mark::city_bar:
        case Mark::sample_bar:
        case Mark::peer_bar: draw_bar(cr, style, entry.mark, {s.x, s.y + 1, s.width, s.height - 2}); break;
        case Mark::sample_tick: draw_sample_tick(cr, style, {center.x - 1.2, s.y - 1, 2.4, s.height + 2}); break;
        case Mark::peer_diamond: draw_diamond(cr, style, center, s.height / 2 + 0.5); break;
        case Mark::city_dot:
        case Mark::other_dot: draw_dot(cr, style, entry.mark, center, s.height / 2 - 0.5); break;
        case Mark::median_line: {
            CairoStateGuard guard(cr);
            const double dash[] = {2.5, 1.5};
            cairo_set_dash(cr, dash, 2, 0);
            cairo_set_line_width(cr, 1.2);
            set_source(cr, style.median);
            cairo_move_to(cr, center.x, s.y - 1);
            cairo_line_to(cr, center.x, s.bottom() + 1);
            cairo_stroke(cr);
            break;
        }
        case Mark::city_polygon:
        case Mark::sample_polygon: {
            CairoStateGuard guard(cr);
            const bool city = entry.mark == Mark::city_polygon;
            if (!city) {
                const double dash[] = {3, 1.8};
                cairo_set_dash(cr, dash, 2, 0);
            }
            cairo_set_line_width(cr, city ? style.series_width : style.series_width * 0.8);
            set_source(cr, city ? style.city : style.sample);
            cairo_move_to(cr, s.x, center.y);
            cairo_line_to(cr, s.right(), center.y);
            cairo_stroke(cr);
            cairo_set_dash(cr, nullptr, 0, 0);
            if (city) {
                cairo_arc(cr, center.x, center.y, 2.3, 0, 2 * std::numbers::pi);
            } else {
                cairo_rectangle(cr, center.x - 2, center.y - 2, 4, 4);
            }
            cairo_fill(cr);
            break;
        }
        case Mark::latest_edition:
        case Mark::previous_edition:
        case Mark::older_edition:
        case Mark::oldest_edition: draw_edition_marker(cr, style, entry.mark, center, 3.3); break;
    }
}

void draw_texts(cairo_t* cr, const ChartText& text, const std::vector<TextBox>& texts) {
    CairoStateGuard guard(cr);
    for (const auto& t : texts) text.draw(cr, t);
}

void check_rate(double value, std::string_view chart, std::string_view what) {
    if (std::isfinite(value) && value >= 0 && value <= 100) return;
    throw DiagnosticError(Diagnostic{Severity::error, {},
                                     "chart '" + std::string(chart) + "': " + std::string(what) +
                                         " must be a rate from 0 to 100, found " + std::to_string(value)});
}

void check_sample_size(int sample_size, std::string_view chart) {
    if (sample_size >= 1) return;
    throw DiagnosticError(Diagnostic{Severity::error, {},
                                     "chart '" + std::string(chart) +
                                         "': the sample must count at least one city, found " +
                                         std::to_string(sample_size)});
}

std::string format_rate(const Catalog& catalog, int fraction_digits, double value) {
    return catalog.percent(value, fraction_digits);
}

std::string format_rate(const ChartWords& words, int fraction_digits, double value) {
    return words.percent(value, fraction_digits);
}

double shown_rate(int fraction_digits, double value) {
    const double scale = std::pow(10.0, fraction_digits);
    return std::round(value * scale) / scale;
}

std::string join_sentences(const Catalog& catalog, const std::vector<std::string>& sentences) {
    const std::string& separator = catalog.text("charts.sentence_separator");
    std::string out;
    for (const auto& sentence : sentences) {
        if (!out.empty()) out += separator;
        out += sentence;
    }
    return out;
}

std::string area_sentence(const Catalog& catalog, const AreasChartData& data, const AreaValue& area, bool with_peer,
                          int fraction_digits) {
    const bool peer = with_peer && area.peer;
    return catalog.format(
        "charts.areas.alt_area",
        {{"area", area.label},
         {"city", data.city_name},
         {"answered", std::string(area.city ? "yes" : "no")},
         {"value", area.city ? format_rate(catalog, fraction_digits, *area.city) : std::string()},
         {"sample", format_rate(catalog, fraction_digits, area.sample)},
         {"has_peer", std::string(peer ? "yes" : "no")},
         {"peer", with_peer ? data.peer_label : std::string()},
         {"peer_value", peer ? format_rate(catalog, fraction_digits, *area.peer) : std::string()}});
}

std::string join_list(const Catalog& catalog, const std::vector<std::string>& items) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::ListFormatter> formatter(
        icu::ListFormatter::createInstance(icu::Locale(catalog.icu_locale().c_str()), status));
    std::vector<icu::UnicodeString> strings;
    strings.reserve(items.size());
    for (const auto& item : items) strings.push_back(icu::UnicodeString::fromUTF8(item));
    icu::UnicodeString joined;
    if (formatter) formatter->format(strings.data(), static_cast<int32_t>(strings.size()), joined, status);
    if (U_FAILURE(status) || !formatter)
        throw DiagnosticError(Diagnostic{Severity::error, {},
                                         std::string("cannot format a list in locale '") +
                                             catalog.icu_locale() + "' (" + u_errorName(status) + ")"});
    std::string out;
    joined.toUTF8String(out);
    return out;
}

}  // namespace icc::charts::detail
