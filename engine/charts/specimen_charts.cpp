#include "charts/specimen_charts.h"

#include <cmath>

namespace icc::charts {

using namespace detail;

namespace {

// Nothing to place: the geometry is the chart's size.
template <typename Chart>
SpecimenGeometry whole_area(const ChartText&, const Chart&, double width, double height) {
    return {width, height};
}

// The colours are the specimen's own (the report's blue and a light blue),
// not the charts' palette: the specimen shows the page design.
void paint_bars(cairo_t* cr, const ChartText& text, const SpecimenBarsChart& spec, const SpecimenGeometry& g) {
    const auto& values = spec.values;
    const double width = g.width, height = g.height;
    const bool right_to_left = text.chart().words().right_to_left();
    const double bottom = height - 6;
    cairo_set_line_width(cr, 0.5);
    cairo_set_source_rgb(cr, 0.82, 0.84, 0.88);
    for (int grid = 0; grid <= 4; ++grid) {
        const double y = bottom - (bottom - 8) * grid / 4.0;
        cairo_move_to(cr, 0, y);
        cairo_line_to(cr, width, y);
    }
    cairo_stroke(cr);
    const double group = width / static_cast<double>(values.size());
    const double bar = group * 0.3;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double slot = right_to_left ? static_cast<double>(values.size() - 1 - i) : static_cast<double>(i);
        const double x = slot * group + group * 0.18;
        const auto [city, sample] = values[i];
        cairo_set_source_rgb(cr, 0.05, 0.27, 0.50);
        cairo_rectangle(cr, x, bottom - (bottom - 8) * city / 100, bar, (bottom - 8) * city / 100);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0.62, 0.72, 0.84);
        cairo_rectangle(cr, x + bar + 2, bottom - (bottom - 8) * sample / 100, bar, (bottom - 8) * sample / 100);
        cairo_fill(cr);
    }
    cairo_set_source_rgb(cr, 0.3, 0.32, 0.36);
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, 0, bottom);
    cairo_line_to(cr, width, bottom);
    cairo_stroke(cr);
}

void paint_line(cairo_t* cr, const ChartText&, const SpecimenLineChart& spec, const SpecimenGeometry& g) {
    const auto& values = spec.values;
    const double width = g.width, height = g.height;
    cairo_set_source_rgb(cr, 0.96, 0.97, 0.99);
    cairo_rectangle(cr, 0, 0, width, height);
    cairo_fill(cr);
    const double step = width / static_cast<double>(values.size());
    auto point = [&](std::size_t i) {
        return std::pair{step * (static_cast<double>(i) + 0.5), height - 10 - (height - 20) * values[i] / 100};
    };
    cairo_set_source_rgb(cr, 0.05, 0.27, 0.50);
    cairo_set_line_width(cr, 1.6);
    for (std::size_t i = 0; i < values.size(); ++i) {
        auto [x, y] = point(i);
        if (i == 0) cairo_move_to(cr, x, y);
        else cairo_line_to(cr, x, y);
    }
    cairo_stroke(cr);
    for (std::size_t i = 0; i < values.size(); ++i) {
        auto [x, y] = point(i);
        cairo_arc(cr, x, y, 3, 0, 2 * M_PI);
        cairo_fill(cr);
    }
}

}  // namespace

const ChartType<SpecimenBarsChart, SpecimenGeometry>& chart_type(std::type_identity<SpecimenBarsChart>) {
    static const ChartType<SpecimenBarsChart, SpecimenGeometry> type{
        "specimen-bars", {}, whole_area<SpecimenBarsChart>, paint_bars};
    return type;
}

const ChartType<SpecimenLineChart, SpecimenGeometry>& chart_type(std::type_identity<SpecimenLineChart>) {
    static const ChartType<SpecimenLineChart, SpecimenGeometry> type{
        "specimen-line", {}, whole_area<SpecimenLineChart>, paint_line};
    return type;
}

}  // namespace icc::charts
