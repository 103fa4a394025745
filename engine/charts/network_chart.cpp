#include "charts/network_chart.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <utility>

#include "charts/chart_parts.h"
#include "support/diagnostic.h"
#include "support/locale.h"

namespace icc::charts {

using namespace detail;

namespace {

constexpr std::string_view chart_name = "network";

void validate(const NetworkPositionData& data) {
    if (data.index != "core" && data.index != "extended")
        throw DiagnosticError(Diagnostic{Severity::error, {},
                                         "chart 'network': the index must be \"core\" or \"extended\", found \"" +
                                             data.index + "\""});
    check_rate(data.city, chart_name, "the city's aggregate index");
    check_rate(data.median, chart_name, "the sample median");
    for (std::size_t i = 0; i < data.other_cities.size(); ++i)
        check_rate(data.other_cities[i], chart_name, "other city #" + std::to_string(i + 1));
}

struct Dot {
    double x = 0, y = 0, r = 0;
};

constexpr double dot_gap = 0.4;

bool collides(const Dot& a, const Dot& b) {
    const double reach = a.r + b.r + dot_gap - 1e-9;
    const double dx = a.x - b.x, dy = a.y - b.y;
    return dx * dx + dy * dy < reach * reach;
}

// The dot's lowest position at or above `lowest_y` that touches no placed dot
// of `near` (the only placed dots within reach of x: a dot farther away along
// x can neither hold this one up nor touch it).
double lowest_free_y(const Dot* near, std::size_t count, double x, double r, double lowest_y,
                     std::vector<double>& candidates) {
    candidates.assign(1, lowest_y);
    for (std::size_t i = 0; i < count; ++i) {
        const Dot& p = near[i];
        const double reach = p.r + r + dot_gap;
        const double dx = std::abs(p.x - x);
        if (dx >= reach) continue;
        candidates.push_back(std::min(lowest_y, p.y - std::sqrt(reach * reach - dx * dx)));
    }
    std::sort(candidates.begin(), candidates.end(), std::greater<>());
    for (double y : candidates) {
        const Dot dot{x, y, r};
        if (std::none_of(near, near + count, [&](const Dot& p) { return collides(dot, p); })) return y;
    }
    return candidates.back();
}

// Every other city packed upwards from the axis, in order of index; then the
// city itself on top of whatever stands at its place, so that the line to its
// label crosses no dot.
struct Swarm {
    std::vector<Dot> others;
    Dot city;
    double top = 0;
};

// Near-linear in the number of cities: the dots are placed from left to right
// (sorted by value), so the placed dots within reach of a new one are the last
// few placed, those less than one reach to its left; only those are tested.
Swarm swarm(const ValueAxis& axis, const NetworkPositionData& data, double r, double r_city) {
    std::vector<std::size_t> order(data.other_cities.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return data.other_cities[a] < data.other_cities[b]; });
    Swarm s;
    s.others.resize(order.size());
    std::vector<Dot> placed;
    placed.reserve(order.size());
    std::vector<double> candidates;
    const double base = axis.bottom - 1.5;
    const double reach = 2 * r + dot_gap;
    std::size_t first_near = 0;
    for (std::size_t index : order) {
        const double x = axis.x_of(data.other_cities[index]);
        while (first_near < placed.size() && x - placed[first_near].x >= reach) ++first_near;
        const Dot dot{x, lowest_free_y(placed.data() + first_near, placed.size() - first_near, x, r, base - r, candidates),
                      r};
        placed.push_back(dot);
        s.others[index] = dot;
    }
    const double x = axis.x_of(data.city);
    double y = base - r_city;
    for (const Dot& p : placed) {
        const double city_reach = p.r + r_city + dot_gap;
        const double dx = std::abs(p.x - x);
        if (dx < city_reach) y = std::min(y, p.y - std::sqrt(city_reach * city_reach - dx * dx));
    }
    s.city = {x, y, r_city};
    s.top = s.city.y - r_city;
    for (const Dot& p : placed) s.top = std::min(s.top, p.y - p.r);
    return s;
}

// The largest dots, from 3.5 pt down to 1.25 pt in quarter points, whose
// stacks stay below `room_top`; the smallest when none does. Smaller dots
// make lower stacks, so the size is found by bisection: about four swarms
// rather than up to ten.
std::pair<double, Swarm> fitting_swarm(const ValueAxis& axis, const NetworkPositionData& data, double room_top) {
    constexpr double largest = 3.5, step = 0.25;
    constexpr int smallest_step = 9;  // 3.5 - 9 x 0.25 = 1.25
    auto radius = [&](int k) { return largest - step * k; };
    auto at = [&](int k) { return swarm(axis, data, radius(k), radius(k) * 1.5); };
    Swarm s = at(0);
    if (s.top >= room_top) return {radius(0), std::move(s)};
    int too_large = 0, hi = smallest_step;  // radius(too_large) does not fit
    std::optional<Swarm> fitting;
    while (hi - too_large > 1) {
        const int mid = (too_large + hi) / 2;
        Swarm candidate = at(mid);
        if (candidate.top >= room_top) {
            hi = mid;
            fitting = std::move(candidate);
        } else {
            too_large = mid;
        }
    }
    if (!fitting) fitting = at(hi);
    return {radius(hi), std::move(*fitting)};
}

NetworkChartGeometry layout(const ChartText& text, const NetworkChart& chart, double width, double height) {
    const NetworkPositionData& data = chart.data;
    validate(data);
    const ChartStyle& style = text.style();
    const ChartWords& catalog = text.chart().words();
    NetworkChartGeometry g;
    g.width = width;
    g.height = height;

    std::vector<LegendItem> items;
    if (!data.other_cities.empty()) items.push_back({Mark::other_dot, catalog.text("charts.legend.other_cities")});
    items.push_back({Mark::city_dot, data.city_name});
    items.push_back({Mark::median_line, catalog.text("charts.legend.sample_median")});
    LegendLayout legend = layout_legend(text, items, 0, 0, width);
    g.legend = std::move(legend.entries);
    g.texts = std::move(legend.texts);

    const std::string axis_title = catalog.text("charts.axis." + data.index + "_index");
    const double top = legend.height + style.block_gap;
    const double bottom = std::max(top + 1, height - axis_labels_height(text, axis_title, width));
    const double margin = 8;
    g.plot = {margin, top, std::max(1.0, width - 2 * margin), bottom - top};
    g.axis = {g.plot.x, g.plot.right(), top, bottom, axis_ticks(g.plot.width)};
    for (auto& t : layout_axis_labels(text, g.axis, axis_title)) g.texts.push_back(std::move(t));

    const std::string city_value = format_rate(catalog, style.fraction_digits, data.city);
    g.city_label = text.fit(catalog.format("charts.network.city_label", {{"city", data.city_name}, {"value", city_value}}),
                            TextRole::label_strong, style.text, width);
    const double city_x = g.axis.x_of(data.city);
    center_x_at(g.city_label, city_x);
    g.city_label.box.x = std::clamp(g.city_label.box.x, 0.0, std::max(0.0, width - g.city_label.box.width));
    top_at(g.city_label, top);

    g.median_label = text.fit(
        catalog.format("charts.network.median_label",
                       {{"value", format_rate(catalog, style.fraction_digits, data.median)}}),
        TextRole::legend, style.text, width / 2);
    g.median_x = g.axis.x_of(data.median);
    if (city_x >= g.median_x) {
        right_at(g.median_label, g.median_x - style.text_gap);
        if (g.median_label.box.x < 0) left_at(g.median_label, g.median_x + style.text_gap);
    } else {
        left_at(g.median_label, g.median_x + style.text_gap);
        if (g.median_label.box.right() > width) right_at(g.median_label, g.median_x - style.text_gap);
    }
    top_at(g.median_label, g.city_label.box.bottom() + 2);
    g.median_top = g.median_label.box.y;

    // The largest dots that stack below the labels.
    const double room_top = g.median_label.box.bottom() + 3;
    auto fitted = fitting_swarm(g.axis, data, room_top);
    const double r = fitted.first;
    Swarm& s = fitted.second;
    if (s.top < room_top) {
        // Still too tall: squeeze the stacks towards the axis (dots overlap).
        const double base = g.axis.bottom - 1.5;
        const double tallest = 2 * s.city.r;
        const double factor = std::max(0.0, base - room_top - tallest) / std::max(1e-9, base - s.top - tallest);
        auto squeeze = [&](Dot& d) { d.y = base - (base - d.y - d.r) * factor - d.r; };
        for (Dot& d : s.others) squeeze(d);
        squeeze(s.city);
    }
    g.dot_radius = r;
    g.city_radius = s.city.r;
    for (const Dot& d : s.others) g.others.push_back({d.x, d.y});
    g.city = {s.city.x, s.city.y};
    g.city_leader = {{city_x, g.city_label.box.bottom() + 1}, {city_x, s.city.y - s.city.r - 1}};

    if (text.right_to_left()) {
        mirror(g.plot, width);
        mirror(g.axis, width);
        for (auto& p : g.others) mirror(p, width);
        mirror(g.city, width);
        mirror(g.city_label, width);
        mirror(g.city_leader.first, width);
        mirror(g.city_leader.second, width);
        mirror(g.median_x, width);
        mirror(g.median_label, width);
        mirror(g.legend, width);
        mirror(g.texts, width);
    }
    return g;
}

}  // namespace

int network_rank(const NetworkPositionData& data) {
    return 1 + static_cast<int>(std::count_if(data.other_cities.begin(), data.other_cities.end(),
                                              [&](double other) { return other > data.city; }));
}

namespace {

void paint(cairo_t* cr, const ChartText& text, const NetworkChart&, const NetworkChartGeometry& g) {
    const ChartStyle& style = text.style();
    draw_grid(cr, style, g.axis);
    for (const Point& p : g.others) draw_dot(cr, style, Mark::other_dot, p, g.dot_radius);
    {
        CairoStateGuard dashed(cr);
        const double dash[] = {3, 2};
        cairo_set_dash(cr, dash, 2, 0);
        cairo_set_line_width(cr, 1.2);
        set_source(cr, style.median);
        cairo_move_to(cr, g.median_x, g.median_top);
        cairo_line_to(cr, g.median_x, g.axis.bottom);
        cairo_stroke(cr);
    }
    {
        CairoStateGuard leader(cr);
        cairo_set_line_width(cr, 0.7);
        set_source(cr, style.city);
        cairo_move_to(cr, g.city_leader.first.x, g.city_leader.first.y);
        cairo_line_to(cr, g.city_leader.second.x, g.city_leader.second.y);
        cairo_stroke(cr);
    }
    draw_dot(cr, style, Mark::city_dot, g.city, g.city_radius);
    for (const auto& entry : g.legend) draw_legend_swatch(cr, style, entry);
    draw_texts(cr, text, g.texts);
    text.draw(cr, g.city_label);
    text.draw(cr, g.median_label);
}

std::string describe(const Catalog& catalog, const NetworkChart& spec, int fraction_digits) {
    const NetworkPositionData& data = spec.data;
    validate(data);
    double lowest = data.city, highest = data.city;
    for (double other : data.other_cities) {
        lowest = std::min(lowest, other);
        highest = std::max(highest, other);
    }
    const auto tied = std::count(data.other_cities.begin(), data.other_cities.end(), data.city);
    return catalog.format("charts.network.alt",
                          {{"city", data.city_name},
                           {"index", data.index},
                           {"count", static_cast<std::int64_t>(data.other_cities.size() + 1)},
                           {"value", format_rate(catalog, fraction_digits, data.city)},
                           {"rank", static_cast<std::int64_t>(network_rank(data))},
                           {"tied", static_cast<std::int64_t>(tied)},
                           {"median", format_rate(catalog, fraction_digits, data.median)},
                           {"lowest", format_rate(catalog, fraction_digits, lowest)},
                           {"highest", format_rate(catalog, fraction_digits, highest)}});
}

std::string title(const Catalog& catalog, const NetworkChart& spec) {
    const NetworkPositionData& data = spec.data;
    return catalog.format("charts.network.title", {{"city", data.city_name}, {"index", data.index}});
}

}  // namespace

const ChartType<NetworkChart, NetworkChartGeometry>& chart_type(std::type_identity<NetworkChart>) {
    static const ChartType<NetworkChart, NetworkChartGeometry> type{
        "network", {"meta.name", "charts.axis.core_index", "charts.axis.extended_index", "charts.legend.other_cities",
         "charts.legend.sample_median", "charts.network.city_label", "charts.network.median_label"},
        layout, paint, describe, title};
    return type;
}

}  // namespace icc::charts
