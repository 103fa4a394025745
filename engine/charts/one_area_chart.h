#pragma once
// "One area", for the top of an area section: the city's achievement rate in
// that area as a bar, then the sample average and each peer group's average,
// one labelled bar per row, each with its value at the end.
#include <cairo.h>

#include <optional>
#include <string>
#include <vector>

#include "charts/chart_data.h"
#include "charts/chart_style.h"
#include "charts/chart_traits.h"

namespace icc::charts {

struct OneAreaRow {
    Mark mark;              // city_bar, sample_bar or peer_bar
    Box band;
    TextBox label;          // city name, "Sample average (126 cities)", "<group> (41 cities)"
    std::optional<Box> bar; // nullopt when the city has no answers in the area
    TextBox value;          // the rate after the bar, or "no answers"
};

struct OneAreaChartGeometry {
    double width = 0, height = 0;
    Box plot;
    ValueAxis axis;
    std::vector<TextBox> texts;  // tick labels and axis title
    std::vector<OneAreaRow> rows;  // the city, the sample, then the peer groups in the order given
};

template <>
struct ChartTraits<OneAreaChart> {
    static constexpr std::string_view name = "one_area";
    static const std::vector<std::string>& words();
    using Geometry = OneAreaChartGeometry;
    // Throws DiagnosticError for values the chart cannot show.
    static Geometry layout(const ChartContext& chart, const OneAreaChart& spec, double width, double height);
    static void draw(cairo_t* cr, const ChartContext& chart, const OneAreaChart& spec, double width, double height);
    static std::string describe(const Catalog& catalog, const OneAreaChart& spec, int fraction_digits = 0);
    static std::string title(const Catalog& catalog, const OneAreaChart& spec);
};



}  // namespace icc::charts
