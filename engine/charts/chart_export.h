#pragma once
// Charts as stand-alone files for the web: SVG (vector, with the title and
// text alternative embedded for screen readers) and PNG. Both are drawn on a
// white background and written atomically; the same figure gives the same bytes.
#include <filesystem>
#include <string>

#include "charts/chart_style.h"
#include "support/handles.h"

namespace icc::charts {

// What a stand-alone SVG says about itself (<title>, <desc>, xml:lang).
struct ChartDescription {
    std::string title;
    std::string description;
    std::string lang;  // "en", "fr"...
};

// The SVG document of `figure` drawn at width x height points.
std::string render_chart_svg(const ChartFigure& figure, double width, double height,
                             const ChartDescription& description = {});
// An ARGB image of `figure`, `pixels_per_point` pixels per point.
CairoSurfacePtr render_chart_image(const ChartFigure& figure, double width, double height,
                                   double pixels_per_point = 2);

// Throw DiagnosticError naming the path if the file cannot be written; the
// previous file, if any, is then left as it was.
void write_chart_svg(const std::filesystem::path& path, const ChartFigure& figure, double width, double height,
                     const ChartDescription& description = {});
void write_chart_png(const std::filesystem::path& path, const ChartFigure& figure, double width, double height,
                     double pixels_per_point = 2);

// A figure with a title above it: the title takes the lines it needs and
// `figure` gets the rest of the height. For stand-alone charts.
ChartFigure titled_figure(const ChartContext& chart, std::string title, ChartFigure figure);

}  // namespace icc::charts
