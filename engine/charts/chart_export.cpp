#include "charts/chart_export.h"

#include <cairo-svg.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "charts/chart_parts.h"
#include "charts/draw_chart.h"
#include "support/atomic_file.h"
#include "support/bidi.h"
#include "support/diagnostic.h"
#include "support/fonts.h"
#include "support/xml_text.h"

namespace icc::charts {

using namespace detail;

namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void check_size(double width, double height) {
    if (!(std::isfinite(width) && std::isfinite(height) && width > 0 && height > 0))
        throw DiagnosticError(Diagnostic{Severity::error, {},
                                         "a chart needs a positive size, found " + std::to_string(width) + " x " +
                                             std::to_string(height) + " points"});
}

void draw_on_white(cairo_t* cr, const ChartSpec& chart, const ChartFonts& fonts, double width, double height,
                   std::vector<PlacedTextLine>* text_lines = nullptr) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, 0, 0, width, height);
    cairo_fill(cr);
    draw_chart(cr, chart, fonts, width, height, text_lines);
}

void check_status(cairo_status_t status, const std::string& what) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw DiagnosticError(Diagnostic{Severity::error, {}, what + ": " + cairo_status_to_string(status)});
}

// cairo numbers some SVG ids with a counter shared by the whole process, so
// the second chart drawn would differ from the first; renumbering them in
// order of appearance makes the document depend on the figure alone.
std::string renumber_svg_ids(const std::string& svg) {
    static constexpr std::string_view prefixes[] = {"surface", "image"};
    std::string out;
    out.reserve(svg.size());
    std::map<std::string, int> numbers;
    std::size_t i = 0;
    while (i < svg.size()) {
        bool replaced = false;
        const bool after_reference = i > 0 && (svg[i - 1] == '#' || (i >= 4 && svg.compare(i - 4, 4, "id=\"") == 0));
        if (after_reference) {
            for (std::string_view prefix : prefixes) {
                if (svg.compare(i, prefix.size(), prefix) != 0) continue;
                std::size_t end = i + prefix.size();
                while (end < svg.size() && std::isdigit(static_cast<unsigned char>(svg[end]))) ++end;
                if (end == i + prefix.size()) continue;
                const std::string key = svg.substr(i, end - i);
                auto [it, inserted] = numbers.try_emplace(key, static_cast<int>(numbers.size()) + 1);
                out += prefix;
                out += std::to_string(it->second);
                i = end;
                replaced = true;
                break;
            }
        }
        if (!replaced) out += svg[i++];
    }
    return out;
}


std::string with_description(std::string svg, const ChartDescription& description) {
    const std::size_t open = svg.find("<svg ");
    if (open == std::string::npos) return svg;
    const std::size_t close = svg.find('>', open);
    if (close == std::string::npos) return svg;
    std::string inserted;
    // A viewer's tooltip knows no isolates (support/bidi.h).
    if (!description.title.empty())
        inserted += "\n<title>" + xml_escaped(without_isolates(description.title)) + "</title>";
    if (!description.description.empty())
        inserted += "\n<desc>" + xml_escaped(without_isolates(description.description)) + "</desc>";
    svg.insert(close + 1, inserted);
    std::string attributes = " role=\"img\"";
    if (!description.lang.empty()) attributes += " xml:lang=\"" + xml_escaped(description.lang) + "\"";
    svg.insert(open + 4, attributes);
    return svg;
}

// A coordinate with two decimals (a hundredth of a point), independent of the
// C locale's decimal mark.
std::string svg_number(double value) {
    char buffer[32];
    const double rounded = std::round(value * 100) / 100;
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, rounded == 0 ? 0.0 : rounded,
                                      std::chars_format::fixed, 2);
    std::string text(buffer, result.ptr);
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text;
}

std::string svg_color(const Rgb& color) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out = "#";
    for (double channel : {color.r, color.g, color.b}) {
        const int value = std::clamp(static_cast<int>(std::lround(channel * 255)), 0, 255);
        out += digits[value >> 4];
        out += digits[value & 15];
    }
    return out;
}

// The engine's families (the chart face first, then the script fallbacks
// Pango uses) as a CSS font stack ending in the generic family, so a page
// without our fonts still shows every script.
std::string css_font_stack(const std::string& pango_families) {
    std::string stack;
    std::size_t start = 0;
    while (start <= pango_families.size()) {
        std::size_t end = pango_families.find(',', start);
        if (end == std::string::npos) end = pango_families.size();
        std::string family = pango_families.substr(start, end - start);
        const auto first = family.find_first_not_of(' ');
        const auto last = family.find_last_not_of(' ');
        if (first != std::string::npos) {
            family = family.substr(first, last - first + 1);
            if (!stack.empty()) stack += ", ";
            stack += "'" + xml_escaped(family) + "'";
        }
        start = end + 1;
    }
    return stack + (stack.empty() ? "" : ", ") + "sans-serif";
}

// Real, selectable text where Pango set it: each line anchored at its middle
// and given the advance Pango measured, so another font of the stack takes the
// same room and the labels stay clear of the marks.
std::string svg_text_elements(const std::vector<PlacedTextLine>& lines, const std::string& families,
                              const Rgb& background) {
    if (lines.empty()) return {};
    std::string out = "<g font-family=\"" + css_font_stack(families) + "\" text-anchor=\"middle\">\n";
    for (const PlacedTextLine& line : lines) {
        out += "<text x=\"" + svg_number(line.center_x) + "\" y=\"" + svg_number(line.baseline) +
               "\" font-size=\"" + svg_number(line.size) + "\"";
        if (line.bold) out += " font-weight=\"bold\"";
        if (line.italic) out += " font-style=\"italic\"";
        out += " fill=\"" + svg_color(line.color) + "\"";
        if (line.halo)
            out += " stroke=\"" + svg_color(background) +
                   "\" stroke-width=\"2.2\" stroke-linejoin=\"round\" paint-order=\"stroke\"";
        out += " textLength=\"" + svg_number(line.width) + "\" lengthAdjust=\"spacingAndGlyphs\">" +
               // A right-to-left line is embedded as such (RLE ... PDF) rather than
               // given direction="rtl", which some renderers also apply to the anchor.
               (line.right_to_left ? "\u202B" + xml_escaped(line.text) + "\u202C" : xml_escaped(line.text)) +
               "</text>\n";
    }
    return out + "</g>\n";
}

std::string with_text(std::string svg, const std::string& text_elements) {
    const std::size_t end = svg.rfind("</svg>");
    if (end == std::string::npos || text_elements.empty()) return svg;
    svg.insert(end, text_elements);
    return svg;
}

}  // namespace

std::string render_chart_svg(const ChartSpec& chart, const ChartFonts& fonts, double width, double height,
                             const ChartDescription& description) {
    check_size(width, height);
    std::string bytes;
    std::vector<PlacedTextLine> text_lines;
    {
        CairoSurfacePtr surface(cairo_svg_surface_create_for_stream(append_to_string, &bytes, width, height));
        cairo_svg_surface_restrict_to_version(surface.get(), CAIRO_SVG_VERSION_1_1);
        {
            CairoPtr cr(cairo_create(surface.get()));
            draw_on_white(cr.get(), chart, fonts, width, height, &text_lines);
            check_status(cairo_status(cr.get()), "cairo could not draw the chart");
        }
        cairo_surface_finish(surface.get());
        check_status(cairo_surface_status(surface.get()), "cairo could not write the SVG");
    }
    const std::string text = svg_text_elements(text_lines, fonts.fonts().families(FontRole::heading),
                                               fonts.style().background);
    return with_description(with_text(renumber_svg_ids(bytes), text), description);
}

CairoSurfacePtr render_chart_image(const ChartSpec& chart, const ChartFonts& fonts, double width, double height,
                                   double pixels_per_point) {
    check_size(width, height);
    if (!(pixels_per_point > 0 && pixels_per_point <= 16))
        throw DiagnosticError(Diagnostic{Severity::error, {},
                                         "pixels per point must be in (0, 16], found " +
                                             std::to_string(pixels_per_point)});
    const int pixel_width = static_cast<int>(std::ceil(width * pixels_per_point));
    const int pixel_height = static_cast<int>(std::ceil(height * pixels_per_point));
    CairoSurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixel_width, pixel_height));
    check_status(cairo_surface_status(surface.get()), "cairo could not make the image");
    CairoPtr cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), pixels_per_point, pixels_per_point);
    draw_on_white(cr.get(), chart, fonts, width, height);
    check_status(cairo_status(cr.get()), "cairo could not draw the chart");
    cairo_surface_flush(surface.get());
    return surface;
}

void write_chart_svg(const std::filesystem::path& path, const ChartSpec& chart, const ChartFonts& fonts, double width,
                     double height, const ChartDescription& description) {
    write_file_atomically(path, render_chart_svg(chart, fonts, width, height, description));
}

void write_chart_png(const std::filesystem::path& path, const ChartSpec& chart, const ChartFonts& fonts, double width,
                     double height, double pixels_per_point) {
    CairoSurfacePtr image = render_chart_image(chart, fonts, width, height, pixels_per_point);
    AtomicFile file(path);
    const cairo_status_t status = cairo_surface_write_to_png(image.get(), file.temp_path().c_str());
    if (status != CAIRO_STATUS_SUCCESS)
        throw DiagnosticError(Diagnostic{Severity::error, {path.string()},
                                         std::string("cannot write PNG: ") + cairo_status_to_string(status)});
    file.commit();
}

}  // namespace icc::charts
