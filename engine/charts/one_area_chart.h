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

// The chart type's table (chart_traits.h), in one_area_chart.cpp.
const ChartType<OneAreaChart, OneAreaChartGeometry>& chart_type(std::type_identity<OneAreaChart>);

}  // namespace icc::charts
