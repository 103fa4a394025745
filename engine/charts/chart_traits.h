#pragma once
// How a chart type plugs in. Each chart type C (an alternative of ChartData)
// declares, in its own header, its geometry and one function
//
//   const ChartType<C, CGeometry>& chart_type(std::type_identity<C>);
//
// defined in its own .cpp: a table of what only that type knows (its name,
// the catalog keys its drawing prints, where everything goes, how it is
// painted, its text alternative and its title). Everything else is done once
// for every type by the generic drivers: draw_chart (draw_chart.h: the one
// function the PDF, SVG and PNG outputs draw with; it saves and restores
// cairo's state, sets up the chart's text and lays the chart out before
// painting it), chart_spec, describe_chart and chart_title (chart_words.h:
// what compose asks), layout_chart (below: the geometry, for tests) and
// canonical_text (chart_spec.h: the digest).
#include <cairo.h>

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "charts/chart_parts.h"
#include "charts/chart_spec.h"
#include "charts/chart_style.h"

namespace icc {
class Catalog;
}

namespace icc::charts {

template <typename Chart, typename GeometryType>
struct ChartType {
    using Geometry = GeometryType;
    // "areas": in file names and in the engine's own messages.
    std::string_view name;
    // The catalog keys the drawing prints, resolved into the ChartSpec's
    // ChartLocale at compose time ("meta.name", the language's own name, only
    // sets the line height of labels).
    std::vector<std::string> words;
    // Where everything goes in a chart `width` x `height` points; throws
    // DiagnosticError for values the chart cannot show.
    Geometry (*layout)(const detail::ChartText& text, const Chart& chart, double width, double height);
    // Draws a laid-out chart (cairo's state is saved around it by draw_chart).
    void (*paint)(cairo_t* cr, const detail::ChartText& text, const Chart& chart, const Geometry& geometry);
    // The text alternative, stating every value, and the title of a
    // stand-alone chart; none for a figure whose document gives both.
    std::string (*describe)(const Catalog& catalog, const Chart& chart, int fraction_digits) = nullptr;
    std::string (*title)(const Catalog& catalog, const Chart& chart) = nullptr;
};

// The table of chart type `Chart` (found by argument-dependent lookup of the
// chart type's own chart_type declaration).
template <typename Chart>
const auto& chart_type_of() {
    return chart_type(std::type_identity<Chart>{});
}

template <typename Chart>
using ChartGeometry = typename std::remove_cvref_t<decltype(chart_type_of<Chart>())>::Geometry;

// Where everything of `chart` goes at `width` x `height` (for tests).
template <typename Chart>
ChartGeometry<Chart> layout_chart(const ChartContext& context, const Chart& chart, double width, double height) {
    return chart_type_of<Chart>().layout(detail::ChartText(context), chart, width, height);
}

}  // namespace icc::charts
