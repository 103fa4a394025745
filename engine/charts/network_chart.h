#pragma once
// "Position in the network": every city of the sample as a dot at its
// aggregate index on a 0-100 axis, dots that would touch stacked upwards; the
// city itself as a larger blue dot labelled with its name and index, and the
// sample median as a dashed line labelled with its value.
#include <cairo.h>

#include <string>
#include <vector>

#include "charts/chart_data.h"
#include "charts/chart_style.h"
#include "charts/chart_traits.h"

namespace icc::charts {

struct NetworkChartGeometry {
    double width = 0, height = 0;
    Box plot;
    ValueAxis axis;
    double dot_radius = 0;        // other cities' dots
    double city_radius = 0;
    std::vector<Point> others;    // in the order of NetworkPositionData::other_cities
    Point city;
    TextBox city_label;           // "Valmora: 58%", above the dots
    std::pair<Point, Point> city_leader;  // from the label down to the city's dot
    double median_x = 0;
    double median_top = 0;
    TextBox median_label;
    std::vector<LegendEntry> legend;
    std::vector<TextBox> texts;  // legend labels, tick labels, axis title
};

template <>
struct ChartTraits<NetworkChart> {
    static constexpr std::string_view name = "network";
    static const std::vector<std::string>& words();
    using Geometry = NetworkChartGeometry;
    // Throws DiagnosticError for values the chart cannot show.
    static Geometry layout(const ChartContext& chart, const NetworkChart& spec, double width, double height);
    static void draw(cairo_t* cr, const ChartContext& chart, const NetworkChart& spec, double width, double height);
    static std::string describe(const Catalog& catalog, const NetworkChart& spec, int fraction_digits = 0);
    static std::string title(const Catalog& catalog, const NetworkChart& spec);
};


// 1 + the number of other cities with a strictly higher index.
int network_rank(const NetworkPositionData& data);


}  // namespace icc::charts
