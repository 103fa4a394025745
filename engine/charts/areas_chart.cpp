#include "charts/areas_chart.h"

#include <algorithm>
#include <cmath>

#include "charts/chart_parts.h"
#include "support/diagnostic.h"
#include "support/locale.h"

namespace icc::charts {

using namespace detail;

namespace {

constexpr std::string_view chart_name = "areas";

bool shows_peer(const AreasChartData& data) {
    return std::any_of(data.areas.begin(), data.areas.end(), [](const AreaValue& a) { return a.peer.has_value(); });
}

void validate(const AreasChartData& data) {
    if (data.areas.empty())
        throw DiagnosticError(Diagnostic{Severity::error, {}, "chart 'areas': no area to draw"});
    for (const auto& area : data.areas) {
        if (area.city) check_rate(*area.city, chart_name, "area '" + area.id + "': the city's rate");
        check_rate(area.sample, chart_name, "area '" + area.id + "': the sample average");
        if (area.peer) check_rate(*area.peer, chart_name, "area '" + area.id + "': the peer group's average");
    }
    if (shows_peer(data) && data.peer_label.empty())
        throw DiagnosticError(
            Diagnostic{Severity::error, {}, "chart 'areas': peer-group averages are given but peer_label is empty"});
}

AreasChartGeometry layout(const ChartText& text, const AreasChart& chart, double width, double height) {
    const AreasChartData& data = chart.data;
    validate(data);
    const ChartStyle& style = text.style();
    const ChartWords& catalog = text.chart().words();
    const bool peer = shows_peer(data);

    AreasChartGeometry g;
    g.width = width;
    g.height = height;

    std::vector<LegendItem> items{{Mark::city_bar, data.city_name},
                                  {Mark::sample_tick, catalog.text("charts.legend.sample_average")}};
    if (peer) items.push_back({Mark::peer_diamond, data.peer_label});
    LegendLayout legend = layout_legend(text, items, 0, 0, width);
    g.legend = std::move(legend.entries);
    g.texts = std::move(legend.texts);

    const std::string axis_title = catalog.text("charts.axis.achievement_rate");
    const double plot_top = legend.height + style.block_gap;
    const double plot_bottom = std::max(plot_top + 1, height - axis_labels_height(text, axis_title, width));
    const auto rows = static_cast<double>(data.areas.size());
    const double row_height = (plot_bottom - plot_top) / rows;

    // Room at the right for a value label pushed past a marker at 100.
    const double bar = std::clamp(row_height * 0.5, 2.5, 14.0);
    const double peer_half = std::clamp(bar * 0.5 + 1, 2.5, 5.0);
    const double widest_value = text.fit(format_rate(catalog, style.fraction_digits, 100), TextRole::value, {}).box.width;
    const double value_room = widest_value + style.text_gap + std::max(peer_half, 1.7) + 1;

    std::vector<std::string> labels;
    for (const auto& area : data.areas) labels.push_back(area.label);
    const int max_lines = lines_within(text, TextRole::label, row_height);
    // The labels end at `column`, and start clear of the chart's edge: a label as wide as
    // its column ("人口5万〜10万の都市（12都市）", set solid) would touch it.
    const double edge = style.text_gap;
    const double column = edge + label_column_width(text, labels, TextRole::label, width - edge, max_lines);

    g.plot = {column + 2 * style.text_gap, plot_top, 0, plot_bottom - plot_top};
    g.plot.width = std::max(1.0, width - value_room - g.plot.x);
    g.axis = {g.plot.x, g.plot.right(), plot_top, plot_bottom, axis_ticks(g.plot.width)};
    for (auto& t : layout_axis_labels(text, g.axis, axis_title)) g.texts.push_back(std::move(t));

    const double tick_overhang = std::min(3.0, row_height * 0.12);
    const bool white_fits = bar >= 0.8 * text.line_height(TextRole::value);
    for (std::size_t i = 0; i < data.areas.size(); ++i) {
        const AreaValue& area = data.areas[i];
        AreasChartRow row;
        row.id = area.id;
        row.band = {g.plot.x, plot_top + row_height * static_cast<double>(i), g.plot.width, row_height};
        const double cy = row.band.center_y();

        row.label = text.fit(area.label, TextRole::label, style.text, column - edge, max_lines, TextAlign::right);
        right_at(row.label, column);
        center_y_at(row.label, cy);

        const double sample_x = g.axis.x_of(area.sample);
        row.sample_tick = {sample_x - 1.2, cy - bar / 2 - tick_overhang, 2.4, bar + 2 * tick_overhang};
        std::vector<std::pair<double, double>> obstacles{{row.sample_tick.x, row.sample_tick.right()}};
        if (area.peer) {
            row.peer_marker = Point{g.axis.x_of(*area.peer), cy};
            row.peer_half = peer_half;
            obstacles.emplace_back(row.peer_marker->x - peer_half, row.peer_marker->x + peer_half);
        }

        double start = 0;
        if (area.city) {
            const double end = g.axis.x_of(*area.city);
            row.city_bar = Box{g.plot.x, cy - bar / 2, end - g.plot.x, bar};
            row.city_value = text.fit(format_rate(catalog, style.fraction_digits, *area.city), TextRole::value, style.text);
            const double label_width = row.city_value.box.width;
            start = start_clear_of(end + style.text_gap, label_width, style.text_gap, obstacles);
            // A marker just past the bar would push the value away from it: the
            // value then goes inside the bar's end, in white, if it fits there.
            const double inside = end - style.text_gap - label_width;
            if (start > end + style.text_gap && white_fits && inside >= g.plot.x + style.text_gap &&
                start_clear_of(inside, label_width, style.text_gap, obstacles) == inside) {
                start = inside;
                row.city_value.color = style.background;
            }
        } else {
            row.city_value = text.fit(catalog.text("charts.no_answers"), TextRole::note, style.secondary_text);
            start = start_clear_of(g.plot.x + style.text_gap, row.city_value.box.width, style.text_gap, obstacles);
            if (start + row.city_value.box.width > width) start = g.plot.x + style.text_gap;
        }
        left_at(row.city_value, start);
        center_y_at(row.city_value, cy);
        g.rows.push_back(std::move(row));
    }

    // The legend lines up with the plot when it fits there on as few lines.
    LegendLayout aligned = layout_legend(text, items, g.plot.x, 0, width - g.plot.x);
    if (aligned.height <= legend.height + 0.01) {
        g.legend = std::move(aligned.entries);
        for (std::size_t i = 0; i < aligned.texts.size(); ++i) g.texts[i] = std::move(aligned.texts[i]);
    }

    if (text.right_to_left()) {
        mirror(g.plot, width);
        mirror(g.axis, width);
        mirror(g.legend, width);
        mirror(g.texts, width);
        for (auto& row : g.rows) {
            mirror(row.band, width);
            mirror(row.label, width);
            if (row.city_bar) mirror(*row.city_bar, width);
            mirror(row.city_value, width);
            mirror(row.sample_tick, width);
            if (row.peer_marker) mirror(*row.peer_marker, width);
        }
    }
    return g;
}

void paint(cairo_t* cr, const ChartText& text, const AreasChart&, const AreasChartGeometry& g) {
    const ChartStyle& style = text.style();
    draw_grid(cr, style, g.axis);
    for (const auto& row : g.rows) {
        if (row.city_bar) draw_bar(cr, style, Mark::city_bar, *row.city_bar);
        draw_sample_tick(cr, style, row.sample_tick);
        if (row.peer_marker) draw_diamond(cr, style, *row.peer_marker, row.peer_half);
    }
    for (const auto& entry : g.legend) draw_legend_swatch(cr, style, entry);
    draw_texts(cr, text, g.texts);
    for (const auto& row : g.rows) {
        text.draw(cr, row.label);
        text.draw(cr, row.city_value);
    }
}

std::string describe(const Catalog& catalog, const AreasChart& spec, int fraction_digits) {
    const AreasChartData& data = spec.data;
    validate(data);
    check_sample_size(data.sample_size, chart_name);
    const bool peer = shows_peer(data);
    std::vector<std::string> sentences;
    sentences.push_back(catalog.format("charts.areas.alt_intro",
                                       {{"city", data.city_name},
                                        {"count", static_cast<std::int64_t>(data.areas.size())},
                                        {"sample_size", static_cast<std::int64_t>(data.sample_size)},
                                        {"has_peer", std::string(peer ? "yes" : "no")},
                                        {"peer", data.peer_label}}));
    for (const auto& area : data.areas) {
        sentences.push_back(area_sentence(catalog, data, area, true, fraction_digits));
    }
    return join_sentences(catalog, sentences);
}

std::string title(const Catalog& catalog, const AreasChart& spec) {
    const AreasChartData& data = spec.data;
    return catalog.format("charts.areas.title", {{"city", data.city_name}});
}

}  // namespace

const ChartType<AreasChart, AreasChartGeometry>& chart_type(std::type_identity<AreasChart>) {
    static const ChartType<AreasChart, AreasChartGeometry> type{
        "areas", {"meta.name", "charts.axis.achievement_rate", "charts.legend.sample_average", "charts.no_answers"},
        layout, paint, describe, title};
    return type;
}

}  // namespace icc::charts
