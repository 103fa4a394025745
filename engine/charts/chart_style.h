#pragma once
// What every chart shares: the palette, the type sizes and line weights, the
// plain geometry types the layout functions return, and the context a chart is
// drawn in (the engine's fonts and the reader's language).
#include <cairo.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "charts/chart_spec.h"
#include "support/locale.h"

namespace icc {
class FontSet;
}  // namespace icc

namespace icc::charts {

struct Rgb {
    double r = 0, g = 0, b = 0;
    static constexpr Rgb hex(unsigned value) {
        return {((value >> 16) & 0xFF) / 255.0, ((value >> 8) & 0xFF) / 255.0, (value & 0xFF) / 255.0};
    }
    friend constexpr bool operator==(const Rgb&, const Rgb&) = default;
};

// Okabe and Ito's palette (2008): distinguishable with every common colour
// vision deficiency. Series also differ in luminance and in shape (bar, tick,
// diamond, dot, dashed line), so a chart printed in greyscale still reads.
namespace palette {
inline constexpr Rgb black = Rgb::hex(0x000000);
inline constexpr Rgb orange = Rgb::hex(0xE69F00);
inline constexpr Rgb sky_blue = Rgb::hex(0x56B4E9);
inline constexpr Rgb bluish_green = Rgb::hex(0x009E73);
inline constexpr Rgb yellow = Rgb::hex(0xF0E442);
inline constexpr Rgb blue = Rgb::hex(0x0072B2);
inline constexpr Rgb vermilion = Rgb::hex(0xD55E00);
inline constexpr Rgb reddish_purple = Rgb::hex(0xCC79A7);
}  // namespace palette

// One style for every chart of a report.
struct ChartStyle {
    Rgb city = palette::blue;
    Rgb sample = palette::orange;
    Rgb peer = palette::bluish_green;
    Rgb median = palette::vermilion;
    Rgb previous_edition = palette::sky_blue;
    Rgb older_edition = palette::reddish_purple;
    Rgb other_cities = Rgb::hex(0xA3A3A3);
    Rgb text = Rgb::hex(0x1A1A1A);
    Rgb secondary_text = Rgb::hex(0x595959);
    Rgb axis = Rgb::hex(0x7A7A7A);
    Rgb grid = Rgb::hex(0xDADADA);
    Rgb outline = Rgb::hex(0x262626);  // edges of markers, so light colours hold on white
    Rgb background = Rgb::hex(0xFFFFFF);

    // Type sizes in points (Noto Sans, the heading family).
    double label_size = 8.5;
    double value_size = 7.5;
    double tick_size = 7;
    double legend_size = 8;
    double note_size = 7.5;
    double title_size = 10.5;

    // Line weights in points.
    double axis_width = 0.6;
    double grid_width = 0.4;
    double outline_width = 0.5;
    double series_width = 1.5;

    double text_gap = 4;     // between a text and the mark it labels
    double block_gap = 9;    // between blocks: legend, plot, axis
    int fraction_digits = 0;  // digits shown after the decimal separator
};

// The words a chart prints: the catalog strings its ChartLocale carries
// (by key, as the chart's traits declare them) and numbers in its locale.
class ChartWords {
public:
    explicit ChartWords(ChartLocale locale) : locale_(std::move(locale)) {}
    [[nodiscard]] const std::string& lang() const { return locale_.language; }
    [[nodiscard]] const std::string& icu_locale() const { return locale_.icu_locale; }
    [[nodiscard]] bool right_to_left() const { return locale_.right_to_left; }
    [[nodiscard]] const ChartLocale& locale() const { return locale_; }

    [[nodiscard]] bool has(std::string_view key) const;
    // Throws InternalError when the key is not among the chart's words: its
    // traits must list every key the drawing prints.
    [[nodiscard]] const std::string& text(std::string_view key) const;
    [[nodiscard]] std::string format(std::string_view key, const MessageArgs& args) const;
    [[nodiscard]] std::string number(double value, int fraction_digits = 0) const;
    [[nodiscard]] std::string percent(double value, int fraction_digits = 0) const;

private:
    ChartLocale locale_;
    // ICU formatters made for this chart's words, reused by every label
    // (building one costs more than formatting with it); not shared across threads.
    struct Formatters;
    mutable std::shared_ptr<Formatters> formatters_;
    Formatters& formatters() const;
};

// What the output gives a chart to draw with: the engine's fonts and the
// report's chart style. The font set must outlive the drawing.
class ChartFonts {
public:
    explicit ChartFonts(const FontSet& fonts, ChartStyle style = {}) : fonts_(&fonts), style_(style) {}
    [[nodiscard]] const FontSet& fonts() const { return *fonts_; }
    [[nodiscard]] const ChartStyle& style() const { return style_; }

private:
    const FontSet* fonts_;
    ChartStyle style_;
};

// One line of chart text as Pango set it, for an output that writes text as
// text (the SVG export) rather than as glyph outlines: positions are in the
// drawing surface's points, after the cairo transformation in effect.
struct PlacedTextLine {
    std::string text;       // the line's characters in logical order ("…" where Pango cut it)
    double center_x = 0;    // middle of the line's advance
    double baseline = 0;
    double width = 0;       // the advance Pango measured, so the viewer's font fills the same room
    double size = 0;        // points
    bool bold = false;
    bool italic = false;
    bool right_to_left = false;
    Rgb color;
    bool halo = false;      // outlined in the background colour (see TextBox::halo)
};

// A chart being laid out or drawn: fonts and style from the output, words
// from the chart's specification.
class ChartContext {
public:
    ChartContext(const ChartFonts& fonts, ChartLocale locale) : fonts_(fonts), words_(std::move(locale)) {}
    // With the words of every chart type from `catalog` (tests, benchmarks).
    ChartContext(const FontSet& fonts, const Catalog& catalog, ChartStyle style = {});
    [[nodiscard]] const FontSet& fonts() const { return fonts_.fonts(); }
    [[nodiscard]] const ChartWords& words() const { return words_; }
    [[nodiscard]] const ChartStyle& style() const { return fonts_.style(); }

    // When set, text is not drawn but appended here, line by line, in drawing order.
    void record_text_into(std::vector<PlacedTextLine>* lines) { recorded_text_ = lines; }
    [[nodiscard]] std::vector<PlacedTextLine>* recorded_text() const { return recorded_text_; }

private:
    ChartFonts fonts_;
    ChartWords words_;
    std::vector<PlacedTextLine>* recorded_text_ = nullptr;
};

struct Point {
    double x = 0, y = 0;
};

struct Box {
    double x = 0, y = 0, width = 0, height = 0;
    [[nodiscard]] double right() const { return x + width; }
    [[nodiscard]] double bottom() const { return y + height; }
    [[nodiscard]] double center_x() const { return x + width / 2; }
    [[nodiscard]] double center_y() const { return y + height / 2; }
    [[nodiscard]] bool overlaps(const Box& other) const {
        return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
    }
    // True when `other` lies within this box, allowing `tolerance` points.
    [[nodiscard]] bool contains(const Box& other, double tolerance = 0.01) const {
        return other.x >= x - tolerance && other.y >= y - tolerance && other.right() <= right() + tolerance &&
               other.bottom() <= bottom() + tolerance;
    }
};

enum class TextRole { label, label_strong, value, tick, legend, note, title };
// Physical alignment of the lines inside a text box (already mirrored for
// right-to-left languages).
enum class TextAlign { left, center, right };

// A piece of text at its place. `box` is the logical extent of the laid-out
// text; when `wrapped`, the text is broken into lines at box.width.
struct TextBox {
    Box box;
    std::string text;
    TextRole role = TextRole::label;
    Rgb color;
    TextAlign align = TextAlign::left;
    bool wrapped = false;
    int max_lines = 0;  // 0: no limit; otherwise lines beyond are cut with an ellipsis
    bool halo = false;  // a background-coloured outline keeps it legible over lines
};

// How a series is marked, in legends and in plots.
enum class Mark {
    city_bar,          // solid city-blue bar
    sample_bar,        // solid orange bar
    peer_bar,          // green bar with white hatching
    sample_tick,       // orange upright tick with a dark edge
    peer_diamond,      // green diamond with a dark edge
    city_dot,          // city-blue dot with a dark edge
    other_dot,         // grey dot
    median_line,       // vermilion dashed upright line
    city_polygon,      // solid city-blue line with round markers
    sample_polygon,    // dashed orange line with square markers
    latest_edition,    // filled city-blue circle
    previous_edition,  // hollow sky-blue circle
    older_edition,     // hollow reddish-purple square
    oldest_edition,    // hollow grey triangle
};

struct LegendEntry {
    Mark mark;
    Box swatch;
};

// A horizontal 0-100 value axis. In a right-to-left chart zero is on the
// right: full_x < zero_x.
struct ValueAxis {
    double zero_x = 0;
    double full_x = 0;
    double top = 0;     // top of the gridlines
    double bottom = 0;  // the axis line
    std::vector<double> ticks;
    [[nodiscard]] double x_of(double value) const { return zero_x + (full_x - zero_x) * value / 100.0; }
};

}  // namespace icc::charts
