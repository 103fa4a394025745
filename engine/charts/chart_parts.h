#pragma once
// Parts shared by the charts: text set with Pango on the engine's fonts,
// legends, the 0-100 value axis, marks, mirroring for right-to-left
// languages, and checks on the values. Internal to engine/charts.
#include <pango/pango.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "charts/chart_data.h"
#include "charts/chart_style.h"
#include "support/handles.h"

namespace icc::charts::detail {

// Sets text in the chart's language with the heading family. When a cairo
// target is given, the Pango context follows its transformation and font
// options, so what is measured is what is drawn.
class ChartText {
public:
    explicit ChartText(const ChartContext& chart, cairo_t* target = nullptr);

    [[nodiscard]] const ChartContext& chart() const { return *chart_; }
    [[nodiscard]] const ChartStyle& style() const { return chart_->style(); }
    [[nodiscard]] bool right_to_left() const { return right_to_left_; }

    // `text` at (0,0): on one line if it fits in max_width (or max_width <= 0),
    // otherwise wrapped at max_width and, if max_lines > 0, cut after that
    // many lines with an ellipsis.
    [[nodiscard]] TextBox fit(std::string text, TextRole role, Rgb color, double max_width = 0, int max_lines = 0,
                              TextAlign align = TextAlign::left) const;
    // How many lines `text` takes when wrapped at `width`.
    [[nodiscard]] int lines_at(const std::string& text, TextRole role, double width) const;
    [[nodiscard]] double line_height(TextRole role) const;

    [[nodiscard]] GObjectPtr<PangoLayout> layout(const TextBox& text) const;
    void draw(cairo_t* cr, const TextBox& text) const;

private:
    void record(cairo_t* cr, const TextBox& text, PangoLayout* layout) const;
    [[nodiscard]] GObjectPtr<PangoLayout> make_layout(const std::string& text, TextRole role, double wrap_width,
                                                      int max_lines, TextAlign align) const;
    const ChartContext* chart_;
    bool right_to_left_;
    GObjectPtr<PangoContext> context_;
};

// Placing a text box by one of its edges or its centre.
inline void left_at(TextBox& t, double x) { t.box.x = x; }
inline void right_at(TextBox& t, double x) { t.box.x = x - t.box.width; }
inline void center_x_at(TextBox& t, double x) { t.box.x = x - t.box.width / 2; }
inline void top_at(TextBox& t, double y) { t.box.y = y; }
inline void bottom_at(TextBox& t, double y) { t.box.y = y - t.box.height; }
inline void center_y_at(TextBox& t, double y) { t.box.y = y - t.box.height / 2; }

// Mirroring about the vertical centre line of a chart `width` wide.
inline void mirror(double& x, double width) { x = width - x; }
inline void mirror(Point& p, double width) { p.x = width - p.x; }
inline void mirror(Box& b, double width) { b.x = width - b.x - b.width; }
void mirror(TextBox& t, double width);
void mirror(ValueAxis& axis, double width);
void mirror(std::vector<TextBox>& texts, double width);
void mirror(std::vector<LegendEntry>& entries, double width);

struct LegendItem {
    Mark mark;
    std::string label;
};

struct LegendLayout {
    std::vector<LegendEntry> entries;
    std::vector<TextBox> texts;
    double height = 0;
};

// Legend entries flowing from (x, y) across `width`, onto more lines if needed.
LegendLayout layout_legend(const ChartText& text, const std::vector<LegendItem>& items, double x, double y,
                           double width);

// Width of a column of labels: their natural width when it is at most
// min_share of `width`; otherwise the narrowest width up to max_share at which
// every label takes at most max_lines lines (max_share if none does).
double label_column_width(const ChartText& text, const std::vector<std::string>& labels, TextRole role, double width,
                          int max_lines, double min_share = 0.30, double max_share = 0.45);
// How many lines of `role` fit in `height` (at least one).
int lines_within(const ChartText& text, TextRole role, double height);

// Where a text `text_width` wide may start, at `start` or after, so that it
// keeps `gap` clear of every obstacle (horizontal spans [left, right]).
double start_clear_of(double start, double text_width, double gap, std::vector<std::pair<double, double>> obstacles);

// Tick values for a 0-100 axis `length` points long.
std::vector<double> axis_ticks(double length);

// Tick labels under an axis, and its title under them, centred on the plot.
// Returns the texts; `axis` must already have its x positions and bottom.
std::vector<TextBox> layout_axis_labels(const ChartText& text, const ValueAxis& axis, const std::string& title);
// Height the tick labels and the title take under the axis line.
double axis_labels_height(const ChartText& text, const std::string& title, double width);

// Drawing.
void set_source(cairo_t* cr, const Rgb& color);
void draw_grid(cairo_t* cr, const ChartStyle& style, const ValueAxis& axis);
void draw_bar(cairo_t* cr, const ChartStyle& style, Mark mark, const Box& bar);
void draw_sample_tick(cairo_t* cr, const ChartStyle& style, const Box& tick);
void draw_diamond(cairo_t* cr, const ChartStyle& style, Point center, double half);
void draw_dot(cairo_t* cr, const ChartStyle& style, Mark mark, Point center, double radius);
void draw_edition_marker(cairo_t* cr, const ChartStyle& style, Mark mark, Point center, double radius);
void draw_legend_swatch(cairo_t* cr, const ChartStyle& style, const LegendEntry& entry);
void draw_texts(cairo_t* cr, const ChartText& text, const std::vector<TextBox>& texts);

// Values: a rate must be finite and within [0, 100]; throws DiagnosticError
// naming the chart and the value otherwise.
void check_rate(double value, std::string_view chart, std::string_view what);
// A sample counts at least one city (the city itself).
void check_sample_size(int sample_size, std::string_view chart);
// "62%" / "62 %" in the catalog's language.
std::string format_rate(const Catalog& catalog, int fraction_digits, double value);
std::string format_rate(const ChartWords& words, int fraction_digits, double value);
// A rate rounded as it is shown, so that differences computed from shown
// values agree with what the reader sees.
double shown_rate(int fraction_digits, double value);

// Joins sentences with the language's sentence separator.
std::string join_sentences(const Catalog& catalog, const std::vector<std::string>& sentences);
// The text alternative's sentence on one area of an areas or radar chart
// ("charts.areas.alt_area"): the city's rate or that it did not answer, the
// sample's, and the peer group's when `with_peer` and the area has one.
std::string area_sentence(const Catalog& catalog, const AreasChartData& data, const AreaValue& area, bool with_peer,
                          int fraction_digits);
// "a, b and c" in the catalog's language (ICU list format).
std::string join_list(const Catalog& catalog, const std::vector<std::string>& items);

// What a figure must give back to its caller: cairo's graphics state (saved
// and restored) and the current path, which cairo_save does not cover.
class FigureGuard {
public:
    explicit FigureGuard(cairo_t* cr) : cr_(cr), path_(cairo_copy_path(cr)) {
        cairo_save(cr_);
        cairo_new_path(cr_);
    }
    ~FigureGuard() {
        cairo_restore(cr_);
        cairo_new_path(cr_);
        if (path_ && path_->status == CAIRO_STATUS_SUCCESS) cairo_append_path(cr_, path_);
        cairo_path_destroy(path_);
    }
    FigureGuard(const FigureGuard&) = delete;
    FigureGuard& operator=(const FigureGuard&) = delete;

private:
    cairo_t* cr_;
    cairo_path_t* path_;
};

// Saves cairo state on construction and restores it on destruction.
class CairoStateGuard {
public:
    explicit CairoStateGuard(cairo_t* cr) : cr_(cr) { cairo_save(cr_); }
    ~CairoStateGuard() { cairo_restore(cr_); }
    CairoStateGuard(const CairoStateGuard&) = delete;
    CairoStateGuard& operator=(const CairoStateGuard&) = delete;

private:
    cairo_t* cr_;
};

}  // namespace icc::charts::detail
