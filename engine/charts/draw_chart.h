#pragma once
// The one place a chart is drawn from its specification: the PDF renderer,
// the SVG and PNG export and any later output call draw_chart.
#include <cairo.h>

#include <vector>

#include "charts/chart_spec.h"
#include "charts/chart_style.h"

namespace icc::charts {

// Draws `spec` with (0,0) at the chart's top-left, in points, `width` x
// `height`, and leaves the cairo state as it found it. A spec with a heading
// prints it above the chart, which gets the rest of the height.
// With `text_lines`, the chart's text is appended there instead of drawn (an
// SVG with real text writes it itself); shapes are drawn as always.
void draw_chart(cairo_t* cr, const ChartSpec& spec, const ChartFonts& fonts, double width, double height,
                std::vector<PlacedTextLine>* text_lines = nullptr);

}  // namespace icc::charts
