#pragma once
// How a chart type plugs in. Each chart type C (an alternative of ChartData)
// specialises ChartTraits<C> once, in its own header, with:
//
//   static constexpr std::string_view name;          "areas": in diagnostics and file names
//   static const std::vector<std::string>& words();  catalog keys its drawing prints
//   using Geometry = ...;                            where everything goes (for tests)
//   static Geometry layout(const ChartContext&, const C&, double width, double height);
//   static void draw(cairo_t*, const ChartContext&, const C&, double width, double height);
//   static std::string describe(const Catalog&, const C&, int fraction_digits);  text alternative
//   static std::string title(const Catalog&, const C&);                          stand-alone title
//
// describe and title are optional (the specimen's figures have none: their
// document gives the text). Everything else (drawing for the PDF, SVG and
// PNG, resolving the words at compose time, the text alternative, the
// digest) is done once for every type by draw_chart.h and chart_words.h.
#include <cairo.h>

#include <string>
#include <vector>

#include "charts/chart_spec.h"
#include "charts/chart_style.h"

namespace icc {
class Catalog;
}

namespace icc::charts {

template <typename Chart>
struct ChartTraits;

template <typename Chart>
typename ChartTraits<Chart>::Geometry layout_chart(const ChartContext& context, const Chart& chart, double width,
                                                   double height) {
    return ChartTraits<Chart>::layout(context, chart, width, height);
}

}  // namespace icc::charts
