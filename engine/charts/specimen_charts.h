#pragma once
// The typesetting specimen's two figures: paired bars and a line over
// editions. They print no text (their document gives caption and
// alternative text), so their traits declare no words, description or title.
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

template <>
struct ChartTraits<SpecimenBarsChart> {
    static constexpr std::string_view name = "specimen-bars";
    static const std::vector<std::string>& words();
    using Geometry = SpecimenGeometry;
    static Geometry layout(const ChartContext& chart, const SpecimenBarsChart& spec, double width, double height);
    // Mirrored for right-to-left languages: the first pair is at the right.
    static void draw(cairo_t* cr, const ChartContext& chart, const SpecimenBarsChart& spec, double width, double height);
};

template <>
struct ChartTraits<SpecimenLineChart> {
    static constexpr std::string_view name = "specimen-line";
    static const std::vector<std::string>& words();
    using Geometry = SpecimenGeometry;
    static Geometry layout(const ChartContext& chart, const SpecimenLineChart& spec, double width, double height);
    static void draw(cairo_t* cr, const ChartContext& chart, const SpecimenLineChart& spec, double width, double height);
};

}  // namespace icc::charts
