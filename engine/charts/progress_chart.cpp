#include "charts/progress_chart.h"

#include <algorithm>
#include <cmath>

#include "charts/chart_parts.h"
#include "support/diagnostic.h"
#include "support/locale.h"

namespace icc::charts {

using namespace detail;

namespace {

constexpr std::string_view chart_name = "progress";

void validate(const ProgressChartData& data) {
    if (data.editions.empty())
        throw DiagnosticError(Diagnostic{Severity::error, {}, "chart 'progress': no edition to draw"});
    for (const auto& edition : data.editions) {
        check_rate(edition.aggregate, chart_name, "edition '" + edition.label + "': the aggregate index");
        if (edition.areas.size() != data.areas.size())
            throw DiagnosticError(Diagnostic{Severity::error, {},
                                             "chart 'progress': edition '" + edition.label + "' has " +
                                                 std::to_string(edition.areas.size()) + " area values, expected " +
                                                 std::to_string(data.areas.size())});
        for (std::size_t i = 0; i < data.areas.size(); ++i)
            if (edition.areas[i])
                check_rate(*edition.areas[i], chart_name,
                           "edition '" + edition.label + "', area '" + data.areas[i].id + "'");
    }
}

struct Row {
    std::string id;
    std::string label;
    std::vector<std::optional<double>> values;  // per edition
};

template <typename Words>
std::vector<Row> rows_of(const Words& catalog, const ProgressChartData& data) {
    std::vector<Row> rows;
    Row aggregate{"aggregate", catalog.text("charts.progress.aggregate"), {}};
    for (const auto& edition : data.editions) aggregate.values.emplace_back(edition.aggregate);
    rows.push_back(std::move(aggregate));
    for (std::size_t i = 0; i < data.areas.size(); ++i) {
        Row row{data.areas[i].id, data.areas[i].label, {}};
        for (const auto& edition : data.editions) row.values.push_back(edition.areas[i]);
        rows.push_back(std::move(row));
    }
    return rows;
}

enum class Direction { none, up, down, same };

struct Change {
    Direction direction = Direction::none;
    double delta = 0;  // absolute, in points, from the values as shown
};

// The change from the first edition to the latest, computed from the rounded
// values the reader sees so that "+14" matches "48%" and "62%".
Change change_of(const std::vector<std::optional<double>>& values, int fraction_digits) {
    if (values.size() < 2 || !values.front() || !values.back()) return {};
    const double difference =
        shown_rate(fraction_digits, shown_rate(fraction_digits, *values.back()) - shown_rate(fraction_digits, *values.front()));
    if (difference > 0) return {Direction::up, difference};
    if (difference < 0) return {Direction::down, -difference};
    return {Direction::same, 0};
}

std::string direction_name(Direction direction) {
    switch (direction) {
        case Direction::up: return "up";
        case Direction::down: return "down";
        case Direction::same: return "same";
        case Direction::none: break;
    }
    return "none";
}

Mark edition_mark(std::size_t index, std::size_t count) {
    const std::size_t age = count - 1 - index;  // 0 for the latest
    switch (age) {
        case 0: return Mark::latest_edition;
        case 1: return Mark::previous_edition;
        case 2: return Mark::older_edition;
        default: return Mark::oldest_edition;
    }
}

ProgressChartGeometry layout(const ChartText& text, const ProgressChart& chart, double width, double height) {
    const ProgressChartData& data = chart.data;
    validate(data);
    const ChartStyle& style = text.style();
    const ChartWords& catalog = text.chart().words();
    const std::size_t editions = data.editions.size();
    const bool compare = editions > 1;
    const std::vector<Row> rows = rows_of(catalog, data);

    ProgressChartGeometry g;
    g.width = width;
    g.height = height;
    std::vector<LegendItem> items;
    for (std::size_t e = 0; e < editions; ++e) {
        g.edition_marks.push_back(edition_mark(e, editions));
        items.push_back({g.edition_marks.back(), data.editions[e].label});
    }
    LegendLayout legend = layout_legend(text, items, 0, 0, width);
    g.legend = std::move(legend.entries);
    g.texts = std::move(legend.texts);
    double top = legend.height + style.block_gap;
    if (!compare) {
        TextBox note = text.fit(catalog.format("charts.progress.first_edition", {{"city", data.city_name}}),
                                TextRole::note, style.secondary_text, width);
        top_at(note, top - style.block_gap / 2);
        top = note.box.bottom() + style.block_gap;
        g.texts.push_back(std::move(note));
    }

    // Columns at the end: the latest value, then the change.
    const double column_gap = 10;
    TextBox latest_header = text.fit(data.editions.back().label, TextRole::tick, style.secondary_text, 70, 2,
                                     TextAlign::right);
    double latest_width = std::max(latest_header.box.width,
                                   text.fit(format_rate(catalog, style.fraction_digits, 100), TextRole::value, {}).box.width);
    std::optional<TextBox> change_header;
    double change_width = 0;
    if (compare) {
        change_header = text.fit(catalog.format("charts.progress.change_header", {{"first", data.editions.front().label}}),
                                 TextRole::tick, style.secondary_text, 70, 2, TextAlign::right);
        const std::string widest_change = catalog.format(
            "charts.progress.change", {{"direction", std::string("down")}, {"delta", catalog.number(100, style.fraction_digits)}});
        change_width = std::max(change_header->box.width, text.fit(widest_change, TextRole::value, {}).box.width);
    }
    const double change_right = width;
    const double latest_right = compare ? change_right - change_width - column_gap : width;
    const double plot_right = latest_right - latest_width - column_gap - 4;

    double header_height = latest_header.box.height;
    if (change_header) header_height = std::max(header_height, change_header->box.height);
    const double rows_top = top + header_height + 3;

    const std::string axis_title = catalog.text("charts.axis.achievement_rate");
    const double plot_bottom = std::max(rows_top + 1, height - axis_labels_height(text, axis_title, width));
    const double separator = 0.5;  // extra space after the aggregate row, in rows
    const double row_height = (plot_bottom - rows_top) / (static_cast<double>(rows.size()) + separator);

    std::vector<std::string> labels;
    for (const auto& row : rows) labels.push_back(row.label);
    const int max_lines = lines_within(text, TextRole::label, row_height);
    // The labels end at `column`, and start clear of the chart's edge: a label as wide as
    // its column ("人口5万〜10万の都市（12都市）", set solid) would touch it.
    const double edge = style.text_gap;
    const double column = edge + label_column_width(text, labels, TextRole::label, plot_right - edge, max_lines, 0.36, 0.5);

    g.plot = {column + 2 * style.text_gap, rows_top, 0, plot_bottom - rows_top};
    g.plot.width = std::max(1.0, plot_right - g.plot.x);
    g.axis = {g.plot.x, g.plot.right(), rows_top, plot_bottom, axis_ticks(g.plot.width)};
    for (auto& t : layout_axis_labels(text, g.axis, axis_title)) g.texts.push_back(std::move(t));
    right_at(latest_header, latest_right);
    bottom_at(latest_header, rows_top - 3);
    g.texts.push_back(std::move(latest_header));
    if (change_header) {
        right_at(*change_header, change_right);
        bottom_at(*change_header, rows_top - 3);
        g.texts.push_back(std::move(*change_header));
    }

    g.marker_radius = std::clamp(row_height * 0.2, 2.0, 3.6);
    g.separator_y = rows_top + row_height * (1 + separator / 2);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const Row& source = rows[r];
        ProgressRow row;
        row.id = source.id;
        const double offset = r == 0 ? 0 : separator;
        row.band = {g.plot.x, rows_top + row_height * (static_cast<double>(r) + offset), g.plot.width, row_height};
        const double cy = row.band.center_y();
        row.label = text.fit(source.label, r == 0 ? TextRole::label_strong : TextRole::label, style.text, column - edge,
                             max_lines, TextAlign::right);
        right_at(row.label, column);
        center_y_at(row.label, cy);

        double low = g.plot.right(), high = g.plot.x;
        for (const auto& value : source.values) {
            if (value) {
                const double x = g.axis.x_of(*value);
                row.markers.emplace_back(Point{x, cy});
                low = std::min(low, x);
                high = std::max(high, x);
            } else {
                row.markers.emplace_back(std::nullopt);
            }
        }
        if (high > low) row.span = std::make_pair(low, high);

        const auto& latest = source.values.back();
        row.latest = latest ? text.fit(format_rate(catalog, style.fraction_digits, *latest), TextRole::value, style.text)
                            : text.fit(catalog.text("charts.missing_value"), TextRole::value, style.secondary_text);
        right_at(row.latest, latest_right);
        center_y_at(row.latest, cy);
        if (compare) {
            const Change change = change_of(source.values, style.fraction_digits);
            TextBox box = change.direction == Direction::none
                              ? text.fit(catalog.text("charts.missing_value"), TextRole::value, style.secondary_text)
                              : text.fit(catalog.format("charts.progress.change",
                                                        {{"direction", direction_name(change.direction)},
                                                         {"delta", catalog.number(change.delta, style.fraction_digits)}}),
                                         TextRole::value, style.text);
            right_at(box, change_right);
            center_y_at(box, cy);
            row.change = std::move(box);
        }
        g.rows.push_back(std::move(row));
    }

    if (text.right_to_left()) {
        mirror(g.plot, width);
        mirror(g.axis, width);
        mirror(g.legend, width);
        mirror(g.texts, width);
        for (auto& row : g.rows) {
            mirror(row.band, width);
            mirror(row.label, width);
            for (auto& marker : row.markers)
                if (marker) mirror(*marker, width);
            if (row.span) row.span = std::make_pair(width - row.span->second, width - row.span->first);
            mirror(row.latest, width);
            if (row.change) mirror(*row.change, width);
        }
    }
    return g;
}

}  // namespace

bool shows_progress(const ProgressChartData& data) { return data.editions.size() > 1; }

namespace {

void paint(cairo_t* cr, const ChartText& text, const ProgressChart&, const ProgressChartGeometry& g) {
    const ChartStyle& style = text.style();
    draw_grid(cr, style, g.axis);

    set_source(cr, style.grid);
    cairo_set_line_width(cr, style.grid_width);
    cairo_move_to(cr, 0, g.separator_y);
    cairo_line_to(cr, g.width, g.separator_y);
    cairo_stroke(cr);

    for (const auto& row : g.rows) {
        if (row.span) {
            CairoStateGuard line(cr);
            set_source(cr, style.other_cities);
            cairo_set_line_width(cr, g.marker_radius * 0.8);
            cairo_move_to(cr, row.span->first, row.band.center_y());
            cairo_line_to(cr, row.span->second, row.band.center_y());
            cairo_stroke(cr);
        }
        // Oldest first, so the latest edition is drawn on top.
        for (std::size_t e = 0; e < row.markers.size(); ++e)
            if (row.markers[e]) draw_edition_marker(cr, style, g.edition_marks[e], *row.markers[e], g.marker_radius);
    }
    for (const auto& entry : g.legend) draw_legend_swatch(cr, style, entry);
    draw_texts(cr, text, g.texts);
    for (const auto& row : g.rows) {
        text.draw(cr, row.label);
        text.draw(cr, row.latest);
        if (row.change) text.draw(cr, *row.change);
    }
}

std::string describe(const Catalog& catalog, const ProgressChart& spec, int fraction_digits) {
    const ProgressChartData& data = spec.data;
    validate(data);
    std::vector<std::string> labels;
    for (const auto& edition : data.editions) labels.push_back(edition.label);
    std::vector<std::string> sentences;
    sentences.push_back(catalog.format("charts.progress.alt_intro",
                                       {{"city", data.city_name},
                                        {"count", static_cast<std::int64_t>(data.editions.size())},
                                        {"editions", join_list(catalog, labels)}}));
    if (!shows_progress(data))
        sentences.push_back(catalog.format("charts.progress.first_edition", {{"city", data.city_name}}));
    for (const Row& row : rows_of(catalog, data)) {
        std::vector<std::string> values;
        for (std::size_t e = 0; e < row.values.size(); ++e) {
            const auto& value = row.values[e];
            values.push_back(catalog.format(
                "charts.progress.alt_value",
                {{"assessed", std::string(value ? "yes" : "no")},
                 {"value", value ? format_rate(catalog, fraction_digits, *value) : std::string()},
                 {"edition", data.editions[e].label}}));
        }
        const Change change = change_of(row.values, fraction_digits);
        sentences.push_back(catalog.format("charts.progress.alt_row",
                                           {{"row", row.label},
                                            {"values", join_list(catalog, values)},
                                            {"change", direction_name(change.direction)},
                                            {"delta", change.delta},
                                            {"since", data.editions.front().label}}));
    }
    return join_sentences(catalog, sentences);
}

std::string title(const Catalog& catalog, const ProgressChart& spec) {
    const ProgressChartData& data = spec.data;
    validate(data);
    return catalog.format("charts.progress.title", {{"city", data.city_name},
                                                    {"count", static_cast<std::int64_t>(data.editions.size())},
                                                    {"first", data.editions.front().label},
                                                    {"latest", data.editions.back().label}});
}

}  // namespace

const ChartType<ProgressChart, ProgressChartGeometry>& chart_type(std::type_identity<ProgressChart>) {
    static const ChartType<ProgressChart, ProgressChartGeometry> type{
        "progress", {"meta.name", "charts.axis.achievement_rate", "charts.missing_value", "charts.progress.aggregate",
         "charts.progress.change", "charts.progress.change_header", "charts.progress.first_edition"},
        layout, paint, describe, title};
    return type;
}

}  // namespace icc::charts
