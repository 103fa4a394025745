#include "charts/radar_chart.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "charts/chart_parts.h"
#include "support/diagnostic.h"
#include "support/locale.h"

namespace icc::charts {

using namespace detail;

namespace {

constexpr std::string_view chart_name = "radar";

void validate(const AreasChartData& data) {
    if (data.areas.size() < 3)
        throw DiagnosticError(Diagnostic{Severity::error, {},
                                         "chart 'radar': needs at least 3 areas, found " +
                                             std::to_string(data.areas.size())});
    for (const auto& area : data.areas) {
        if (area.city) check_rate(*area.city, chart_name, "area '" + area.id + "': the city's rate");
        check_rate(area.sample, chart_name, "area '" + area.id + "': the sample average");
    }
}

double nearest_distance(const Box& box, Point center) {
    const double x = std::clamp(center.x, box.x, box.right());
    const double y = std::clamp(center.y, box.y, box.bottom());
    return std::hypot(x - center.x, y - center.y);
}

// The spoke labels around a circle of `radius`, each pushed outwards from the
// end of its spoke so that the nearest edge of its box faces the circle.
std::vector<TextBox> place_labels(const std::vector<TextBox>& labels, const std::vector<double>& angles, Point center,
                                  double radius, double gap) {
    std::vector<TextBox> placed = labels;
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const double c = std::cos(angles[i]);
        const double s = std::sin(angles[i]);
        const Point anchor{center.x + (radius + gap) * c, center.y + (radius + gap) * s};
        Box& box = placed[i].box;
        box.x = anchor.x - box.width / 2 + c * box.width / 2;
        box.y = anchor.y - box.height / 2 + s * box.height / 2;
        // On a diagonal a corner can still reach into the circle: push the box
        // out along its spoke until its nearest point clears the ring.
        for (int step = 0; step < 200 && nearest_distance(box, center) < radius + gap; ++step) {
            box.x += 0.5 * c;
            box.y += 0.5 * s;
        }
    }
    return placed;
}

RadarChartGeometry layout(const ChartText& text, const RadarChart& chart, double width, double height) {
    const AreasChartData& data = chart.data;
    validate(data);
    const ChartStyle& style = text.style();
    const ChartWords& catalog = text.chart().words();
    RadarChartGeometry g;
    g.width = width;
    g.height = height;

    LegendLayout legend = layout_legend(
        text, {{Mark::city_polygon, data.city_name}, {Mark::sample_polygon, catalog.text("charts.legend.sample_average")}},
        0, 0, width);
    g.legend = std::move(legend.entries);
    g.texts = std::move(legend.texts);

    const std::size_t n = data.areas.size();
    std::vector<double> angles(n);
    for (std::size_t i = 0; i < n; ++i)
        angles[i] = -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(i) / static_cast<double>(n);

    const double top = legend.height + style.block_gap;
    const Box room{0, top, width, std::max(1.0, height - top)};
    const double label_width = std::max(60.0, 0.24 * width);
    std::vector<TextBox> labels;
    for (std::size_t i = 0; i < n; ++i) {
        const double c = std::cos(angles[i]);
        const TextAlign align = c > 0.25 ? TextAlign::left : c < -0.25 ? TextAlign::right : TextAlign::center;
        const AreaValue& area = data.areas[i];
        std::string label = area.city ? area.label : catalog.format("charts.radar.no_answers_label", {{"area", area.label}});
        labels.push_back(text.fit(std::move(label), TextRole::label, style.text, label_width, 3, align));
    }

    // The largest circle whose labels all stay inside the chart.
    const double gap = 6;
    const double largest = std::max(1.0, std::min(room.width, room.height) / 2 - gap);
    const double step = std::max(0.5, largest * 0.01);
    double radius = largest;
    std::vector<TextBox> placed;
    Point center{room.center_x(), room.center_y()};
    for (; radius > largest * 0.2; radius -= step) {
        // Centre the circle with its labels in the room: shift by half the
        // difference between the space the labels take on each side.
        placed = place_labels(labels, angles, center, radius, gap);
        double left = center.x - radius, right = center.x + radius, upper = center.y - radius, lower = center.y + radius;
        for (const auto& t : placed) {
            left = std::min(left, t.box.x);
            right = std::max(right, t.box.right());
            upper = std::min(upper, t.box.y);
            lower = std::max(lower, t.box.bottom());
        }
        if (right - left > room.width || lower - upper > room.height) continue;
        center.x += room.center_x() - (left + right) / 2;
        center.y += room.center_y() - (upper + lower) / 2;
        placed = place_labels(labels, angles, center, radius, gap);
        break;
    }
    if (radius <= largest * 0.2) {
        center = {room.center_x(), room.center_y()};
        placed = place_labels(labels, angles, center, radius, gap);
    }

    g.center = center;
    g.radius = radius;
    g.rings = {20, 40, 60, 80, 100};
    for (std::size_t i = 0; i < n; ++i) {
        RadarSpoke spoke;
        spoke.id = data.areas[i].id;
        spoke.angle = angles[i];
        spoke.end = {center.x + radius * std::cos(angles[i]), center.y + radius * std::sin(angles[i])};
        spoke.label = std::move(placed[i]);
        g.spokes.push_back(std::move(spoke));
    }
    for (std::size_t i = 0; i < n; ++i) {
        const AreaValue& area = data.areas[i];
        g.city.push_back(area.city ? std::optional<Point>(g.point_at(i, *area.city)) : std::nullopt);
        g.sample.push_back(g.point_at(i, area.sample));
    }
    // Ring values beside the upright spoke, on the side the first area's label is not.
    for (double ring : g.rings) {
        TextBox value = text.fit(catalog.number(ring, 0), TextRole::tick, style.secondary_text);
        left_at(value, center.x + 2.5);
        center_y_at(value, center.y - radius * ring / 100);
        value.halo = true;
        g.texts.push_back(std::move(value));
    }

    if (text.right_to_left()) {
        mirror(g.center, width);
        for (auto& spoke : g.spokes) {
            spoke.angle = std::numbers::pi - spoke.angle;
            mirror(spoke.end, width);
            mirror(spoke.label, width);
        }
        for (auto& p : g.city)
            if (p) mirror(*p, width);
        for (auto& p : g.sample) mirror(p, width);
        mirror(g.legend, width);
        mirror(g.texts, width);
    }
    return g;
}

void polygon_path(cairo_t* cr, const std::vector<Point>& points) {
    cairo_new_path(cr);
    for (const auto& p : points) cairo_line_to(cr, p.x, p.y);
    cairo_close_path(cr);
}

}  // namespace

Point RadarChartGeometry::point_at(std::size_t index, double value) const {
    const double r = radius * value / 100.0;
    return {center.x + r * std::cos(spokes[index].angle), center.y + r * std::sin(spokes[index].angle)};
}

namespace {

void paint(cairo_t* cr, const ChartText& text, const RadarChart&, const RadarChartGeometry& g) {
    const ChartStyle& style = text.style();
    const std::size_t n = g.spokes.size();

    // Grid: rings as polygons, spokes, the 100 ring darker.
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
    for (double ring : g.rings) {
        std::vector<Point> points;
        for (std::size_t i = 0; i < n; ++i) points.push_back(g.point_at(i, ring));
        polygon_path(cr, points);
        set_source(cr, ring == 100 ? style.axis : style.grid);
        cairo_set_line_width(cr, ring == 100 ? style.axis_width : style.grid_width);
        cairo_stroke(cr);
    }
    set_source(cr, style.grid);
    cairo_set_line_width(cr, style.grid_width);
    for (const auto& spoke : g.spokes) {
        cairo_move_to(cr, g.center.x, g.center.y);
        cairo_line_to(cr, spoke.end.x, spoke.end.y);
    }
    cairo_stroke(cr);

    // The sample average: dashed orange, square markers.
    polygon_path(cr, g.sample);
    {
        CairoStateGuard dashed(cr);
        const double dash[] = {3, 1.8};
        cairo_set_dash(cr, dash, 2, 0);
        cairo_set_line_width(cr, style.series_width * 0.8);
        set_source(cr, style.sample);
        cairo_stroke(cr);
    }
    set_source(cr, style.sample);
    for (const auto& p : g.sample) cairo_rectangle(cr, p.x - 2, p.y - 2, 4, 4);
    cairo_fill(cr);

    // The city: solid blue, lightly filled when every area has a value.
    const bool complete = std::all_of(g.city.begin(), g.city.end(), [](const auto& p) { return p.has_value(); });
    if (complete) {
        std::vector<Point> points;
        for (const auto& p : g.city) points.push_back(*p);
        polygon_path(cr, points);
        cairo_set_source_rgba(cr, style.city.r, style.city.g, style.city.b, 0.12);
        cairo_fill_preserve(cr);
        set_source(cr, style.city);
        cairo_set_line_width(cr, style.series_width);
        cairo_stroke(cr);
    } else {
        set_source(cr, style.city);
        cairo_set_line_width(cr, style.series_width);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
        for (std::size_t i = 0; i < n; ++i) {
            const auto& from = g.city[i];
            const auto& to = g.city[(i + 1) % n];
            if (!from || !to) continue;
            cairo_move_to(cr, from->x, from->y);
            cairo_line_to(cr, to->x, to->y);
        }
        cairo_stroke(cr);
    }
    set_source(cr, style.city);
    for (const auto& p : g.city) {
        if (!p) continue;
        cairo_new_sub_path(cr);
        cairo_arc(cr, p->x, p->y, 2.3, 0, 2 * std::numbers::pi);
    }
    cairo_fill(cr);

    for (const auto& entry : g.legend) draw_legend_swatch(cr, style, entry);
    draw_texts(cr, text, g.texts);
    for (const auto& spoke : g.spokes) text.draw(cr, spoke.label);
}

std::string describe(const Catalog& catalog, const RadarChart& spec, int fraction_digits) {
    const AreasChartData& data = spec.data;
    validate(data);
    check_sample_size(data.sample_size, chart_name);
    std::vector<std::string> sentences;
    sentences.push_back(catalog.format("charts.radar.alt_intro",
                                       {{"city", data.city_name},
                                        {"count", static_cast<std::int64_t>(data.areas.size())},
                                        {"sample_size", static_cast<std::int64_t>(data.sample_size)}}));
    for (const auto& area : data.areas) {
        sentences.push_back(area_sentence(catalog, data, area, false, fraction_digits));
    }
    return join_sentences(catalog, sentences);
}

std::string title(const Catalog& catalog, const RadarChart& spec) {
    const AreasChartData& data = spec.data;
    return catalog.format("charts.radar.title", {{"city", data.city_name}});
}

}  // namespace

const ChartType<RadarChart, RadarChartGeometry>& chart_type(std::type_identity<RadarChart>) {
    static const ChartType<RadarChart, RadarChartGeometry> type{
        "radar", {"meta.name", "charts.legend.sample_average", "charts.radar.no_answers_label"},
        layout, paint, describe, title};
    return type;
}

}  // namespace icc::charts
