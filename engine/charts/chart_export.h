#pragma once
// Charts as stand-alone files for the web: SVG (vector, with the title and
// text alternative embedded for screen readers) and PNG. Both are drawn on a
// white background and written atomically; the same figure gives the same bytes.
#include <filesystem>
#include <string>

#include "charts/chart_spec.h"
#include "charts/chart_style.h"
#include "support/handles.h"

namespace icc::charts {

// What a stand-alone SVG says about itself (<title>, <desc>, xml:lang).
struct ChartDescription {
    std::string title;
    std::string description;
    std::string lang;  // "en", "fr"...
};

// The SVG document of `chart` drawn at width x height points (with its
// heading above it, if it has one).
std::string render_chart_svg(const ChartSpec& chart, const ChartFonts& fonts, double width, double height,
                             const ChartDescription& description = {});
// An ARGB image of `chart`, `pixels_per_point` pixels per point.
CairoSurfacePtr render_chart_image(const ChartSpec& chart, const ChartFonts& fonts, double width, double height,
                                   double pixels_per_point = 2);

// Throw DiagnosticError naming the path if the file cannot be written; the
// previous file, if any, is then left as it was.
void write_chart_svg(const std::filesystem::path& path, const ChartSpec& chart, const ChartFonts& fonts, double width,
                     double height, const ChartDescription& description = {});
void write_chart_png(const std::filesystem::path& path, const ChartSpec& chart, const ChartFonts& fonts, double width,
                     double height, double pixels_per_point = 2);

}  // namespace icc::charts
