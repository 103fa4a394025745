#pragma once
// Radar of all areas: one spoke per area, clockwise from the top (counter-
// clockwise for right-to-left languages), the city's polygon against the
// sample average's. An area with no answers leaves a gap in the city's line.
#include <cairo.h>

#include <optional>
#include <string>
#include <vector>

#include "charts/chart_data.h"
#include "charts/chart_style.h"
#include "charts/chart_traits.h"

namespace icc::charts {

struct RadarSpoke {
    std::string id;
    double angle = 0;  // radians, screen coordinates (y down): -pi/2 points up
    Point end;         // where the spoke meets the 100 ring
    TextBox label;
};

struct RadarChartGeometry {
    double width = 0, height = 0;
    Point center;
    double radius = 0;          // of the 100 ring
    std::vector<double> rings;  // values of the grid rings
    std::vector<RadarSpoke> spokes;
    std::vector<std::optional<Point>> city;  // one per spoke; nullopt: no answers
    std::vector<Point> sample;
    std::vector<LegendEntry> legend;
    std::vector<TextBox> texts;  // legend labels and ring values

    // Where `value` lies on spoke `index`.
    [[nodiscard]] Point point_at(std::size_t index, double value) const;
};

// The chart type's table (chart_traits.h), in radar_chart.cpp.
const ChartType<RadarChart, RadarChartGeometry>& chart_type(std::type_identity<RadarChart>);

}  // namespace icc::charts
