#pragma once
// "Areas against the sample": one row per area, the city's achievement rate
// as a bar with its value at the end, the sample average as an upright tick
// and, optionally, a peer group's average as a diamond, on a 0-100 axis.
#include <cairo.h>

#include <optional>
#include <string>
#include <vector>

#include "charts/chart_data.h"
#include "charts/chart_style.h"
#include "charts/chart_traits.h"

namespace icc::charts {

struct AreasChartRow {
    std::string id;
    Box band;                      // the row's strip across the plot
    TextBox label;                 // the area's name, wrapped to fit the row
    std::optional<Box> city_bar;   // nullopt when the city has no answers in the area
    TextBox city_value;            // the city's rate after its bar, or "no answers"
    Box sample_tick;
    std::optional<Point> peer_marker;  // centre of the peer group's diamond
    double peer_half = 0;              // half its diagonal
};

struct AreasChartGeometry {
    double width = 0, height = 0;
    Box plot;
    ValueAxis axis;
    std::vector<LegendEntry> legend;
    std::vector<TextBox> texts;  // legend labels, tick labels, axis title
    std::vector<AreasChartRow> rows;
};

// The chart type's table (chart_traits.h), in areas_chart.cpp.
const ChartType<AreasChart, AreasChartGeometry>& chart_type(std::type_identity<AreasChart>);

}  // namespace icc::charts
