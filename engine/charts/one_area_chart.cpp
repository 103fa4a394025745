#include "charts/one_area_chart.h"

#include <algorithm>

#include "charts/chart_parts.h"
#include "support/diagnostic.h"
#include "support/locale.h"

namespace icc::charts {

using namespace detail;

namespace {

constexpr std::string_view chart_name = "one area";

void validate(const OneAreaData& data) {
    const std::string area = "area '" + data.area_id + "': ";
    if (data.city) check_rate(*data.city, chart_name, area + "the city's rate");
    check_rate(data.sample, chart_name, area + "the sample average");
    check_sample_size(data.sample_size, chart_name);
    for (const auto& group : data.peer_groups) {
        check_rate(group.value, chart_name, area + "peer group '" + group.label + "'");
        if (group.size < 1)
            throw DiagnosticError(Diagnostic{Severity::error, {},
                                             "chart 'one area': " + area + "peer group '" + group.label +
                                                 "' must count at least one city, found " + std::to_string(group.size)});
    }
}

template <typename Words>
std::string sample_label(const Words& catalog, const OneAreaData& data) {
    return catalog.format("charts.one_area.sample_row", {{"count", static_cast<std::int64_t>(data.sample_size)}});
}

template <typename Words>
std::string group_label(const Words& catalog, const GroupValue& group) {
    return catalog.format("charts.one_area.group_row",
                          {{"group", group.label}, {"count", static_cast<std::int64_t>(group.size)}});
}

OneAreaChartGeometry layout(const ChartText& text, const OneAreaChart& chart, double width, double height) {
    const OneAreaData& data = chart.data;
    validate(data);
    const ChartStyle& style = text.style();
    const ChartWords& catalog = text.chart().words();
    OneAreaChartGeometry g;
    g.width = width;
    g.height = height;

    struct Source {
        Mark mark;
        std::string label;
        std::optional<double> value;
    };
    std::vector<Source> sources{{Mark::city_bar, data.city_name, data.city},
                                {Mark::sample_bar, sample_label(catalog, data), data.sample}};
    for (const auto& group : data.peer_groups) sources.push_back({Mark::peer_bar, group_label(catalog, group), group.value});

    const std::string axis_title = catalog.text("charts.axis.achievement_rate");
    const double plot_top = 0;
    const double plot_bottom = std::max(plot_top + 1, height - axis_labels_height(text, axis_title, width));
    const double row_height = (plot_bottom - plot_top) / static_cast<double>(sources.size());
    const double bar = std::clamp(row_height * 0.6, 3.0, 16.0);
    const double value_room =
        text.fit(format_rate(catalog, style.fraction_digits, 100), TextRole::value, {}).box.width + style.text_gap + 1;

    std::vector<std::string> labels;
    for (const auto& source : sources) labels.push_back(source.label);
    const int max_lines = lines_within(text, TextRole::label, row_height);
    // The labels end at `column`, and start clear of the chart's edge: a label as wide as
    // its column ("人口5万〜10万の都市（12都市）", set solid) would touch it.
    const double edge = style.text_gap;
    const double column = edge + label_column_width(text, labels, TextRole::label, width - edge, max_lines, 0.34, 0.5);

    g.plot = {column + 2 * style.text_gap, plot_top, 0, plot_bottom - plot_top};
    g.plot.width = std::max(1.0, width - value_room - g.plot.x);
    g.axis = {g.plot.x, g.plot.right(), plot_top, plot_bottom, axis_ticks(g.plot.width)};
    g.texts = layout_axis_labels(text, g.axis, axis_title);

    for (std::size_t i = 0; i < sources.size(); ++i) {
        const Source& source = sources[i];
        OneAreaRow row;
        row.mark = source.mark;
        row.band = {g.plot.x, plot_top + row_height * static_cast<double>(i), g.plot.width, row_height};
        const double cy = row.band.center_y();
        row.label = text.fit(source.label, i == 0 ? TextRole::label_strong : TextRole::label, style.text, column - edge,
                             max_lines, TextAlign::right);
        right_at(row.label, column);
        center_y_at(row.label, cy);
        if (source.value) {
            const double end = g.axis.x_of(*source.value);
            row.bar = Box{g.plot.x, cy - bar / 2, end - g.plot.x, bar};
            row.value = text.fit(format_rate(catalog, style.fraction_digits, *source.value), TextRole::value, style.text);
            left_at(row.value, end + style.text_gap);
        } else {
            row.value = text.fit(catalog.text("charts.no_answers"), TextRole::note, style.secondary_text);
            left_at(row.value, g.plot.x + style.text_gap);
        }
        center_y_at(row.value, cy);
        g.rows.push_back(std::move(row));
    }

    if (text.right_to_left()) {
        mirror(g.plot, width);
        mirror(g.axis, width);
        mirror(g.texts, width);
        for (auto& row : g.rows) {
            mirror(row.band, width);
            mirror(row.label, width);
            if (row.bar) mirror(*row.bar, width);
            mirror(row.value, width);
        }
    }
    return g;
}

void paint(cairo_t* cr, const ChartText& text, const OneAreaChart&, const OneAreaChartGeometry& g) {
    const ChartStyle& style = text.style();
    draw_grid(cr, style, g.axis);
    for (const auto& row : g.rows)
        if (row.bar) draw_bar(cr, style, row.mark, *row.bar);
    draw_texts(cr, text, g.texts);
    for (const auto& row : g.rows) {
        text.draw(cr, row.label);
        text.draw(cr, row.value);
    }
}

std::string describe(const Catalog& catalog, const OneAreaChart& spec, int fraction_digits) {
    const OneAreaData& data = spec.data;
    validate(data);
    std::vector<std::string> sentences;
    sentences.push_back(catalog.format("charts.one_area.alt_intro",
                                       {{"area", data.area_label},
                                        {"city", data.city_name},
                                        {"groups", static_cast<std::int64_t>(data.peer_groups.size())}}));
    sentences.push_back(catalog.format(
        "charts.one_area.alt_city",
        {{"city", data.city_name},
         {"answered", std::string(data.city ? "yes" : "no")},
         {"value", data.city ? format_rate(catalog, fraction_digits, *data.city) : std::string()}}));
    sentences.push_back(catalog.format(
        "charts.one_area.alt_group",
        {{"group", sample_label(catalog, data)}, {"value", format_rate(catalog, fraction_digits, data.sample)}}));
    for (const auto& group : data.peer_groups)
        sentences.push_back(catalog.format(
            "charts.one_area.alt_group",
            {{"group", group_label(catalog, group)}, {"value", format_rate(catalog, fraction_digits, group.value)}}));
    return join_sentences(catalog, sentences);
}

std::string title(const Catalog& catalog, const OneAreaChart& spec) {
    const OneAreaData& data = spec.data;
    return catalog.format("charts.one_area.title", {{"area", data.area_label}, {"city", data.city_name}});
}

}  // namespace

const ChartType<OneAreaChart, OneAreaChartGeometry>& chart_type(std::type_identity<OneAreaChart>) {
    static const ChartType<OneAreaChart, OneAreaChartGeometry> type{
        "one_area", {"meta.name", "charts.axis.achievement_rate", "charts.no_answers", "charts.one_area.group_row",
         "charts.one_area.sample_row"},
        layout, paint, describe, title};
    return type;
}

}  // namespace icc::charts
