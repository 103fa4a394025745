#pragma once
// "Progress": the aggregate index and every area, one row each, with a marker
// per edition on a 0-100 axis (the latest filled, earlier ones hollow, each
// with its own shape), a line joining them, and two columns at the end: the
// latest value and the change since the first edition, in points.
#include <cairo.h>

#include <optional>
#include <string>
#include <vector>

#include "charts/chart_data.h"
#include "charts/chart_style.h"
#include "charts/chart_traits.h"

namespace icc::charts {

struct ProgressRow {
    std::string id;  // "aggregate" for the aggregate index, else the area's id
    Box band;
    TextBox label;
    std::vector<std::optional<Point>> markers;  // one per edition; nullopt: not assessed
    std::optional<std::pair<double, double>> span;  // x range of the line joining the markers
    TextBox latest;                  // the latest value, or a dash
    std::optional<TextBox> change;   // signed change since the first edition; absent with one edition
};

struct ProgressChartGeometry {
    double width = 0, height = 0;
    Box plot;
    ValueAxis axis;
    std::vector<Mark> edition_marks;  // one per edition, oldest first
    double marker_radius = 0;
    double separator_y = 0;           // the rule between the aggregate index and the areas
    std::vector<LegendEntry> legend;
    std::vector<TextBox> texts;  // legend labels, note, column headers, tick labels, axis title
    std::vector<ProgressRow> rows;  // the aggregate index first, then the areas
};

// The chart type's table (chart_traits.h), in progress_chart.cpp.
const ChartType<ProgressChart, ProgressChartGeometry>& chart_type(std::type_identity<ProgressChart>);

// True when there is an earlier edition to compare with.
bool shows_progress(const ProgressChartData& data);

}  // namespace icc::charts
