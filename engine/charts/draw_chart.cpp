#include "charts/draw_chart.h"

#include <algorithm>
#include <type_traits>

#include "charts/all_charts.h"
#include "charts/chart_parts.h"

namespace icc::charts {

using namespace detail;

void draw_chart(cairo_t* cr, const ChartSpec& spec, const ChartFonts& fonts, double width, double height,
                std::vector<PlacedTextLine>* text_lines) {
    ChartContext context(fonts, spec.locale);
    context.record_text_into(text_lines);
    // Every chart type the same way: its state kept from the caller's, its
    // text set up for this target, laid out, then painted.
    auto draw = [&](double chart_height) {
        std::visit(
            [&](const auto& chart) {
                const auto& type = chart_type_of<std::decay_t<decltype(chart)>>();
                FigureGuard guard(cr);
                const ChartText text(context, cr);
                type.paint(cr, text, chart, type.layout(text, chart, width, chart_height));
            },
            spec.data);
    };
    if (spec.heading.empty()) {
        draw(height);
        return;
    }
    // A stand-alone chart: the heading takes the lines it needs, the chart the rest.
    FigureGuard guard(cr);
    const ChartText text(context, cr);
    TextBox heading = text.fit(spec.heading, TextRole::title, context.style().text, width, 0,
                               text.right_to_left() ? TextAlign::right : TextAlign::left);
    if (text.right_to_left()) right_at(heading, width);
    text.draw(cr, heading);
    const double offset = heading.box.bottom() + context.style().block_gap;
    cairo_translate(cr, 0, offset);
    draw(std::max(1.0, height - offset));
}

}  // namespace icc::charts
