#pragma once
// The typesetting specimen's two figures: paired bars and a line over
// editions. They print no text (their document gives caption and
// alternative text), so their tables declare no words, description or title.
#include <cairo.h>

#include <string>
#include <vector>

#include "charts/chart_spec.h"
#include "charts/chart_style.h"
#include "charts/chart_traits.h"

namespace icc::charts {

// Nothing to place but the drawing itself: the geometry is the chart's size.
struct SpecimenGeometry {
    double width = 0, height = 0;
};

// The charts' tables (chart_traits.h), in specimen_charts.cpp. The bars are
// mirrored for right-to-left languages: the first pair is at the right.
const ChartType<SpecimenBarsChart, SpecimenGeometry>& chart_type(std::type_identity<SpecimenBarsChart>);
const ChartType<SpecimenLineChart, SpecimenGeometry>& chart_type(std::type_identity<SpecimenLineChart>);

}  // namespace icc::charts
