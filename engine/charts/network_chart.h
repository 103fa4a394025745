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

// The chart type's table (chart_traits.h), in network_chart.cpp.
const ChartType<NetworkChart, NetworkChartGeometry>& chart_type(std::type_identity<NetworkChart>);

// 1 + the number of other cities with a strictly higher index.
int network_rank(const NetworkPositionData& data);

}  // namespace icc::charts
